#include "graph/paths.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>

namespace dossier::graph {

int HopCost(int grading_rank) {
  const int reliability = grading_rank / 6, credibility = grading_rank % 6;
  return 4 + 2 * reliability + credibility;
}

Traversal::Traversal(const ReaderGraph& graph) : g_(graph) {
  const std::size_t n = graph.NodeCount();
  stamp_a_.assign(n, 0);
  stamp_b_.assign(n, 0);
  stamp_c_.assign(n, 0);
  dist_a_.assign(n, 0);
  dist_b_.assign(n, 0);
  parent_a_.assign(n, 0);
  parent_b_.assign(n, 0);
}

uint32_t Traversal::NextStamp() {
  if (++epoch_ == 0) {  // wrapped: forget every old stamp
    std::fill(stamp_a_.begin(), stamp_a_.end(), 0);
    std::fill(stamp_b_.begin(), stamp_b_.end(), 0);
    std::fill(stamp_c_.begin(), stamp_c_.end(), 0);
    epoch_ = 1;
  }
  return epoch_;
}

std::vector<std::pair<uint32_t, int>> Traversal::Neighbours(uint32_t from, int hops, const TieFilter& filter) {
  const auto f = g_.Prepare(filter);
  const uint32_t ep = NextStamp();
  stamp_a_[from] = ep;
  std::vector<uint32_t> frontier{from}, next;
  std::vector<std::pair<uint32_t, int>> out;
  for (int d = 1; d <= hops && !frontier.empty(); ++d) {
    next.clear();
    for (uint32_t u : frontier)
      g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
        if (stamp_a_[w] == ep) return;
        stamp_a_[w] = ep;
        next.push_back(w);
      });
    std::sort(next.begin(), next.end());
    for (uint32_t w : next) out.emplace_back(w, d);
    frontier.swap(next);
  }
  return out;
}

std::size_t Traversal::CountNeighbours(uint32_t from, int hops, const TieFilter& filter) {
  const auto f = g_.Prepare(filter);
  const uint32_t ep = NextStamp();
  uint32_t* stamp = stamp_a_.data();
  stamp[from] = ep;
  std::vector<uint32_t> frontier{from}, next;
  std::size_t count = 0;
  for (int d = 1; d <= hops && !frontier.empty(); ++d) {
    next.clear();
    const bool last = d == hops;
    for (uint32_t u : frontier)
      g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
        if (stamp[w] == ep) return;
        stamp[w] = ep;
        ++count;
        if (!last) next.push_back(w);
      });
    frontier.swap(next);
  }
  return count;
}

std::vector<uint32_t> Traversal::TiesBetween(uint32_t a, uint32_t b, const ReaderGraph::Filter& filter) const {
  std::vector<uint32_t> ties;
  g_.ForEachTie(a, filter, [&](uint32_t w, uint32_t tie, bool) {
    if (w == b) ties.push_back(tie);
  });
  std::sort(ties.begin(), ties.end(), [&](uint32_t x, uint32_t y) {
    const int gx = g_.TieGrading(x), gy = g_.TieGrading(y);
    return gx != gy ? gx < gy : x < y;
  });
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
  return ties;
}

int Traversal::BestCost(uint32_t a, uint32_t b, const ReaderGraph::Filter& filter, bool weighted) const {
  if (!weighted) return 1;
  int best = std::numeric_limits<int>::max();
  g_.ForEachTie(a, filter, [&](uint32_t w, uint32_t tie, bool) {
    if (w == b) best = std::min(best, HopCost(g_.TieGrading(tie)));
  });
  return best;
}

Path Traversal::Complete(std::vector<uint32_t> nodes, const ReaderGraph::Filter& filter, bool weighted) const {
  Path p;
  p.nodes = std::move(nodes);
  for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
    p.ties.push_back(TiesBetween(p.nodes[i], p.nodes[i + 1], filter));
    p.cost += BestCost(p.nodes[i], p.nodes[i + 1], filter, weighted);
  }
  return p;
}

// Bidirectional breadth-first search, expanding the smaller frontier. Each
// layer is processed in ascending node order, so a node's parent is the
// smallest node of the previous layer tied to it; among the nodes where the two
// searches meet at the shortest total, the smallest wins. Every choice is by
// node number, which is id order: the same path in any copy of the store.
std::optional<Path> Traversal::ShortestUnweighted(uint32_t from, uint32_t to, int max_hops,
                                                  const ReaderGraph::Filter& f) {
  if (from == to) return Complete({from}, f, false);
  const uint32_t ep = NextStamp();
  stamp_a_[from] = ep;
  dist_a_[from] = 0;
  parent_a_[from] = from;
  stamp_b_[to] = ep;
  dist_b_[to] = 0;
  parent_b_[to] = to;
  std::vector<uint32_t> frontier_a{from}, frontier_b{to}, next;
  int depth_a = 0, depth_b = 0;
  int best = std::numeric_limits<int>::max();
  uint32_t meet = 0;
  while (depth_a + depth_b < max_hops) {
    const bool forward = frontier_a.size() <= frontier_b.size();
    auto& frontier = forward ? frontier_a : frontier_b;
    // Raw pointers: the stores below could alias a vector's own fields, and the
    // compiler would reload them on every tie.
    uint32_t* stamp = (forward ? stamp_a_ : stamp_b_).data();
    int32_t* dist = (forward ? dist_a_ : dist_b_).data();
    uint32_t* parent = (forward ? parent_a_ : parent_b_).data();
    const uint32_t* other_stamp = (forward ? stamp_b_ : stamp_a_).data();
    const int32_t* other_dist = (forward ? dist_b_ : dist_a_).data();
    const int k = (forward ? depth_a : depth_b) + 1;
    next.clear();
    for (uint32_t u : frontier)
      g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
        if (stamp[w] == ep) return;
        stamp[w] = ep;
        dist[w] = k;
        parent[w] = u;
        next.push_back(w);
        if (other_stamp[w] == ep) {
          const int total = k + other_dist[w];
          if (total < best || (total == best && w < meet)) {
            best = total;
            meet = w;
          }
        }
      });
    if (next.empty()) return std::nullopt;
    std::sort(next.begin(), next.end());
    frontier.swap(next);
    (forward ? depth_a : depth_b) = k;
    if (best != std::numeric_limits<int>::max()) break;
  }
  if (best > max_hops) return std::nullopt;
  std::vector<uint32_t> nodes;
  for (uint32_t at = meet;; at = parent_a_[at]) {
    nodes.push_back(at);
    if (at == from) break;
  }
  std::reverse(nodes.begin(), nodes.end());
  for (uint32_t at = meet; at != to;) {
    at = parent_b_[at];
    nodes.push_back(at);
  }
  return Complete(std::move(nodes), f, false);
}

// Dijkstra over (node, hops) states, so the cheapest path within max_hops is
// found even when a cheaper one needs more hops. A state is skipped when the
// node was already settled with no more hops (it was settled no dearer).
std::optional<Path> Traversal::Cheapest(uint32_t from, uint32_t to, const PathOptions& options,
                                        const ReaderGraph::Filter& f, const std::vector<uint32_t>& banned_nodes,
                                        const std::vector<std::pair<uint32_t, uint32_t>>& banned_steps) {
  if (from == to) return Complete({from}, f, options.weighted);
  const uint32_t ep = NextStamp();
  for (uint32_t b : banned_nodes) stamp_c_[b] = ep;  // banned
  auto key = [](uint32_t node, int hops) { return (static_cast<uint64_t>(node) << 8) | static_cast<uint64_t>(hops); };
  struct Label {
    int cost;
    uint64_t parent;  // key of the previous state; ~0 for the start
  };
  std::unordered_map<uint64_t, Label> labels;
  using Entry = std::tuple<int, int, uint32_t>;  // cost, hops, node
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  labels[key(from, 0)] = Label{0, ~uint64_t{0}};
  queue.emplace(0, 0, from);
  while (!queue.empty()) {
    // Named copies, not structured bindings: the lambda below captures them, which
    // clang 14 (the fuzzing build) does not allow for bindings.
    const auto [top_cost, top_hops, top_u] = queue.top();
    const int cost = top_cost;
    const int hops = top_hops;
    const uint32_t u = top_u;
    queue.pop();
    const Label here = labels.at(key(u, hops));
    if (here.cost != cost) continue;
    if (stamp_a_[u] == ep && dist_a_[u] <= hops) continue;  // dominated
    stamp_a_[u] = ep;
    dist_a_[u] = hops;
    if (u == to) {
      std::vector<uint32_t> nodes;
      for (uint64_t k = key(u, hops); k != ~uint64_t{0}; k = labels.at(k).parent) nodes.push_back(static_cast<uint32_t>(k >> 8));
      std::reverse(nodes.begin(), nodes.end());
      return Complete(std::move(nodes), f, options.weighted);
    }
    if (hops >= options.max_hops) continue;
    g_.ForEachTie(u, f, [&](uint32_t w, uint32_t tie, bool) {
      if (w == from || stamp_c_[w] == ep) return;
      for (const auto& [a, b] : banned_steps)
        if (a == u && b == w) return;
      const int next = cost + (options.weighted ? HopCost(g_.TieGrading(tie)) : 1);
      auto [it, fresh] = labels.try_emplace(key(w, hops + 1), Label{next, key(u, hops)});
      if (!fresh) {
        const uint32_t parent = static_cast<uint32_t>(it->second.parent >> 8);
        if (next > it->second.cost || (next == it->second.cost && parent <= u)) return;
        it->second = Label{next, key(u, hops)};
      }
      queue.emplace(next, hops + 1, w);
    });
  }
  return std::nullopt;
}

// Fewest hops such that each dated hop began no earlier than the dated hops
// before it. Layer by layer; a node is entered again only when reached with an
// earlier latest date than before (an earlier arrival can go everywhere a later
// one can).
std::optional<Path> Traversal::TimeOrdered(uint32_t from, uint32_t to, int max_hops, const ReaderGraph::Filter& f) {
  if (from == to) return Complete({from}, f, false);
  struct Label {
    uint32_t node;
    int32_t date;     // latest start date so far, 0 for none yet
    int32_t parent;   // label index, -1 for the start
  };
  std::vector<Label> labels{{from, 0, -1}};
  const uint32_t ep = NextStamp();
  stamp_a_[from] = ep;
  dist_a_[from] = 0;  // best (earliest) date seen
  std::vector<int32_t> frontier{0};
  for (int hop = 1; hop <= max_hops && !frontier.empty(); ++hop) {
    std::vector<int32_t> next;
    int32_t found = -1;
    for (int32_t li : frontier) {
      const Label l = labels[li];
      g_.ForEachTie(l.node, f, [&](uint32_t w, uint32_t tie, bool) {
        if (w == from) return;
        const int32_t start = g_.TieStart(tie);
        if (start != 0 && l.date != 0 && start < l.date) return;
        const int32_t date = start != 0 ? std::max(l.date, start) : l.date;
        if (stamp_a_[w] == ep && dist_a_[w] <= date) {
          if (w != to) return;
        }
        if (stamp_a_[w] != ep || date < dist_a_[w]) {
          stamp_a_[w] = ep;
          dist_a_[w] = date;
        }
        labels.push_back(Label{w, date, li});
        const int32_t idx = static_cast<int32_t>(labels.size() - 1);
        if (w == to) {
          if (found < 0 || std::tie(labels[idx].date, li) < std::tie(labels[found].date, labels[found].parent)) found = idx;
        } else {
          next.push_back(idx);
        }
      });
    }
    if (found >= 0) {
      std::vector<uint32_t> nodes;
      for (int32_t i = found; i >= 0; i = labels[i].parent) nodes.push_back(labels[i].node);
      std::reverse(nodes.begin(), nodes.end());
      Path p = Complete(std::move(nodes), f, false);
      // Keep only the parallel ties that respect the time order along the path.
      int32_t last = 0;
      for (auto& ties : p.ties) {
        std::vector<uint32_t> ok;
        for (uint32_t t : ties) {
          const int32_t s = g_.TieStart(t);
          if (s == 0 || last == 0 || s >= last) ok.push_back(t);
        }
        int32_t earliest = 0;
        for (uint32_t t : ok) {
          const int32_t s = g_.TieStart(t);
          if (s != 0 && (earliest == 0 || s < earliest)) earliest = s;
        }
        if (earliest != 0) last = std::max(last, earliest);
        ties = std::move(ok);
      }
      return p;
    }
    // Deterministic order for the next layer: by node, then date.
    std::sort(next.begin(), next.end(), [&](int32_t x, int32_t y) {
      return std::tie(labels[x].node, labels[x].date, x) < std::tie(labels[y].node, labels[y].date, y);
    });
    frontier = std::move(next);
  }
  return std::nullopt;
}

std::optional<Path> Traversal::Shortest(uint32_t from, uint32_t to, const PathOptions& options) {
  const auto f = g_.Prepare(options.filter);
  if (options.time_ordered) return TimeOrdered(from, to, options.max_hops, f);
  if (!options.weighted) return ShortestUnweighted(from, to, options.max_hops, f);
  return Cheapest(from, to, options, f, {}, {});
}

std::vector<Path> Traversal::KShortest(uint32_t from, uint32_t to, std::size_t k, const PathOptions& options) {
  std::vector<Path> found;
  if (k == 0) return found;
  const auto f = g_.Prepare(options.filter);
  auto first = options.weighted ? Cheapest(from, to, options, f, {}, {}) : ShortestUnweighted(from, to, options.max_hops, f);
  if (!first) return found;
  found.push_back(std::move(*first));
  auto order = [](const Path& a, const Path& b) {
    return std::tie(a.cost, a.nodes) < std::tie(b.cost, b.nodes);
  };
  std::vector<Path> candidates;
  std::set<std::vector<uint32_t>> known{found.front().nodes};
  while (found.size() < k) {
    const Path& last = found.back();
    for (std::size_t i = 0; i + 1 < last.nodes.size(); ++i) {
      const uint32_t spur = last.nodes[i];
      const std::vector<uint32_t> root(last.nodes.begin(), last.nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      std::vector<std::pair<uint32_t, uint32_t>> banned_steps;
      for (const Path& p : found)
        if (p.nodes.size() > i + 1 && std::equal(root.begin(), root.end(), p.nodes.begin()))
          banned_steps.emplace_back(spur, p.nodes[i + 1]);
      const std::vector<uint32_t> banned_nodes(root.begin(), root.end() - 1);
      PathOptions spur_options = options;
      spur_options.max_hops = options.max_hops - static_cast<int>(i);
      auto spur_path = Cheapest(spur, to, spur_options, f, banned_nodes, banned_steps);
      if (!spur_path) continue;
      std::vector<uint32_t> nodes = root;
      nodes.insert(nodes.end(), spur_path->nodes.begin() + 1, spur_path->nodes.end());
      if (!known.insert(nodes).second) continue;
      candidates.push_back(Complete(std::move(nodes), f, options.weighted));
    }
    if (candidates.empty()) break;
    auto best = std::min_element(candidates.begin(), candidates.end(), order);
    found.push_back(std::move(*best));
    candidates.erase(best);
  }
  return found;
}

std::vector<Path> Traversal::AllSimple(uint32_t from, uint32_t to, const PathOptions& options, std::size_t cap,
                                       bool* capped) {
  const auto f = g_.Prepare(options.filter);
  std::vector<Path> out;
  if (capped) *capped = false;
  if (from == to) {
    out.push_back(Complete({from}, f, false));
    return out;
  }
  // Distances to `to`, so the search never enters a node it cannot finish from.
  const uint32_t ep = NextStamp();
  stamp_b_[to] = ep;
  dist_b_[to] = 0;
  std::vector<uint32_t> frontier{to}, next;
  for (int d = 1; d < options.max_hops && !frontier.empty(); ++d) {
    next.clear();
    for (uint32_t u : frontier)
      g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
        if (stamp_b_[w] == ep) return;
        stamp_b_[w] = ep;
        dist_b_[w] = d;
        next.push_back(w);
      });
    frontier.swap(next);
  }
  std::vector<uint32_t> path{from};
  stamp_c_[from] = ep;  // on the current path
  bool stop = false;
  std::function<void(uint32_t)> walk = [&](uint32_t u) {
    std::vector<uint32_t> next_nodes;
    g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) { next_nodes.push_back(w); });
    std::sort(next_nodes.begin(), next_nodes.end());
    next_nodes.erase(std::unique(next_nodes.begin(), next_nodes.end()), next_nodes.end());
    const int depth = static_cast<int>(path.size());  // hops after taking the next step
    for (uint32_t w : next_nodes) {
      if (stop) return;
      if (stamp_c_[w] == ep) continue;
      if (w == to) {
        if (out.size() == cap) {
          if (capped) *capped = true;
          stop = true;
          return;
        }
        std::vector<uint32_t> nodes = path;
        nodes.push_back(to);
        out.push_back(Complete(std::move(nodes), f, false));
        continue;
      }
      if (stamp_b_[w] != ep || depth + dist_b_[w] > options.max_hops) continue;
      stamp_c_[w] = ep;
      path.push_back(w);
      walk(w);
      path.pop_back();
      stamp_c_[w] = 0;
    }
  };
  walk(from);
  return out;
}

Traversal::Network Traversal::Connecting(const std::vector<uint32_t>& seeds, const PathOptions& options) {
  const auto f = g_.Prepare(options.filter);
  std::set<uint32_t> nodes(seeds.begin(), seeds.end());
  std::set<uint32_t> ties;
  Network net;
  for (std::size_t i = 0; i < seeds.size(); ++i)
    for (std::size_t j = i + 1; j < seeds.size(); ++j) {
      const uint32_t s = seeds[i], t = seeds[j];
      if (s == t) continue;
      auto shortest = ShortestUnweighted(s, t, options.max_hops, f);
      if (!shortest) {
        net.unconnected.emplace_back(s, t);
        continue;
      }
      const int d = static_cast<int>(shortest->Length());
      // Full distances from each end up to d; a node is on a shortest path
      // when its two distances add up to d.
      const uint32_t ep = NextStamp();
      auto bfs = [&](uint32_t start, std::vector<uint32_t>& stamp, std::vector<int32_t>& dist, std::vector<uint32_t>& reached) {
        stamp[start] = ep;
        dist[start] = 0;
        reached.push_back(start);
        std::vector<uint32_t> frontier{start}, next;
        for (int k = 1; k <= d && !frontier.empty(); ++k) {
          next.clear();
          for (uint32_t u : frontier)
            g_.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
              if (stamp[w] == ep) return;
              stamp[w] = ep;
              dist[w] = k;
              next.push_back(w);
              reached.push_back(w);
            });
          frontier.swap(next);
        }
      };
      std::vector<uint32_t> from_s, from_t;
      bfs(s, stamp_a_, dist_a_, from_s);
      bfs(t, stamp_b_, dist_b_, from_t);
      for (uint32_t v : from_s) {
        if (stamp_b_[v] != ep || dist_a_[v] + dist_b_[v] != d) continue;
        nodes.insert(v);
        g_.ForEachTie(v, f, [&](uint32_t w, uint32_t tie, bool) {
          if (stamp_b_[w] == ep && stamp_a_[w] == ep && dist_a_[w] == dist_a_[v] + 1 && dist_b_[w] == dist_b_[v] - 1)
            ties.insert(tie);
        });
      }
    }
  net.nodes.assign(nodes.begin(), nodes.end());
  net.ties.assign(ties.begin(), ties.end());
  return net;
}

std::vector<uint32_t> Traversal::CommonNeighbours(uint32_t a, uint32_t b, const TieFilter& filter) {
  const auto f = g_.Prepare(filter);
  const uint32_t ep = NextStamp();
  g_.ForEachTie(a, f, [&](uint32_t w, uint32_t, bool) { stamp_a_[w] = ep; });
  std::vector<uint32_t> out;
  g_.ForEachTie(b, f, [&](uint32_t w, uint32_t, bool) {
    if (stamp_a_[w] == ep && w != a && w != b) out.push_back(w);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Traversal::Exposed> Traversal::Exposure(uint32_t from, uint64_t topics, int max_hops,
                                                    const TieFilter& filter) {
  const auto f = g_.Prepare(filter);
  const uint32_t ep = NextStamp();
  // dist_a_: distance; dist_b_: weakest grading on the best-graded shortest path;
  // parent: the previous node on that path (smallest id among equals).
  std::unordered_map<uint32_t, uint32_t> parent;
  stamp_a_[from] = ep;
  dist_a_[from] = 0;
  dist_b_[from] = 0;
  std::vector<uint32_t> frontier{from}, next, reached;
  for (int d = 1; d <= max_hops && !frontier.empty(); ++d) {
    next.clear();
    for (uint32_t u : frontier)
      g_.ForEachTie(u, f, [&](uint32_t w, uint32_t tie, bool) {
        const int weakest = std::max<int>(dist_b_[u], g_.TieGrading(tie));
        if (stamp_a_[w] != ep) {
          stamp_a_[w] = ep;
          dist_a_[w] = d;
          dist_b_[w] = weakest;
          parent[w] = u;
          next.push_back(w);
        } else if (dist_a_[w] == d && (weakest < dist_b_[w] || (weakest == dist_b_[w] && u < parent[w]))) {
          dist_b_[w] = weakest;
          parent[w] = u;
        }
      });
    std::sort(next.begin(), next.end());
    reached.insert(reached.end(), next.begin(), next.end());
    frontier.swap(next);
  }
  std::vector<Exposed> out;
  for (uint32_t v : reached) {
    const uint64_t t = g_.Topics(v) & topics;
    if (t == 0) continue;
    std::vector<uint32_t> nodes;
    for (uint32_t at = v;; at = parent.at(at)) {
      nodes.push_back(at);
      if (at == from) break;
    }
    std::reverse(nodes.begin(), nodes.end());
    out.push_back(Exposed{v, dist_a_[v], dist_b_[v], t, Complete(std::move(nodes), f, false)});
  }
  std::sort(out.begin(), out.end(), [](const Exposed& a, const Exposed& b) {
    return std::tie(a.distance, a.weakest, a.node) < std::tie(b.distance, b.weakest, b.node);
  });
  return out;
}

}  // namespace dossier::graph
