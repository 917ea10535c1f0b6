#include "graph/communities.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "graph/split_mix.h"

namespace dossier::graph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();


std::vector<uint32_t> ShuffledNodes(uint32_t n, SplitMix64& random) {
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (uint32_t i = n; i > 1; --i) std::swap(order[i - 1], order[random.Below(i)]);
  return order;
}

// A weighted graph whose nodes stand for groups of the original nodes: the
// original graph at the first level, then one node per community (or refined
// piece) of the level below. Edges inside a group become its `internal` weight.
struct Level {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> targets;
  std::vector<double> weights;   // parallel to targets; each edge appears from both ends
  std::vector<double> internal;  // weight of the edges inside the node, each counted once
  std::vector<double> strength;  // the node's degree: its arcs' weights + 2 internal

  uint32_t Size() const { return static_cast<uint32_t>(offsets.size() - 1); }
};

Level FirstLevel(const SimpleGraph& g) {
  Level level;
  level.offsets = g.offsets;
  level.targets = g.neighbours;
  level.weights.assign(g.neighbours.size(), 1.0);
  level.internal.assign(g.NodeCount(), 0.0);
  level.strength.resize(g.NodeCount());
  for (uint32_t u = 0; u < g.NodeCount(); ++u) level.strength[u] = g.Degree(u);
  return level;
}

// Renumbers `labels` (any numbers below labels.size()) to 0 .. k-1 in order of
// first appearance, and returns k.
uint32_t Densify(std::vector<uint32_t>& labels) {
  constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> renumber(labels.size(), kUnset);
  uint32_t count = 0;
  for (uint32_t& label : labels) {
    if (renumber[label] == kUnset) renumber[label] = count++;
    label = renumber[label];
  }
  return count;
}

// The level whose nodes are the `groups` (0 .. group_count-1) of `level`.
Level Aggregate(const Level& level, const std::vector<uint32_t>& group, uint32_t group_count) {
  const uint32_t n = level.Size();
  // Members of each group, by counting sort.
  std::vector<uint32_t> first(static_cast<std::size_t>(group_count) + 1, 0), members(n);
  for (uint32_t u = 0; u < n; ++u) ++first[group[u] + 1];
  for (uint32_t c = 0; c < group_count; ++c) first[c + 1] += first[c];
  {
    std::vector<uint32_t> at(first.begin(), first.end() - 1);
    for (uint32_t u = 0; u < n; ++u) members[at[group[u]]++] = u;
  }
  Level next;
  next.offsets.assign(static_cast<std::size_t>(group_count) + 1, 0);
  next.internal.assign(group_count, 0.0);
  next.strength.assign(group_count, 0.0);
  next.targets.reserve(level.targets.size() / 2);
  next.weights.reserve(level.targets.size() / 2);
  std::vector<double> to(group_count, 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t c = 0; c < group_count; ++c) {
    for (uint32_t i = first[c]; i < first[c + 1]; ++i) {
      const uint32_t u = members[i];
      next.internal[c] += level.internal[u];
      next.strength[c] += level.strength[u];
      for (uint64_t a = level.offsets[u]; a < level.offsets[u + 1]; ++a) {
        const uint32_t d = group[level.targets[a]];
        if (d == c) {
          next.internal[c] += level.weights[a] / 2;  // met again from the other end
        } else {
          if (to[d] == 0) touched.push_back(d);
          to[d] += level.weights[a];
        }
      }
    }
    for (uint32_t d : touched) {
      next.targets.push_back(d);
      next.weights.push_back(to[d]);
      to[d] = 0;
    }
    touched.clear();
    next.offsets[c + 1] = next.targets.size();
  }
  return next;
}

// The gain in modularity (times m) of putting a node of strength `k`, tied by
// weight `w` to a community of total strength `total`, into it; comparing
// gains for one node is comparing the partitions that result.
struct Objective {
  double resolution;
  double twice_edges;  // 2m, the sum of all strengths
  double Gain(double w, double k, double total) const { return w - resolution * k * total / twice_edges; }
  // Whether a group (of strength k, tied by w to the rest of its community,
  // of strength rest) is tied to the rest more than chance would tie it.
  bool WellConnected(double w, double k, double rest) const {
    return w >= resolution * k * rest / twice_edges;
  }
};

// A move must beat staying by more than rounding, or two nodes could swap
// forever on noise.
double Slack(double k) { return 1e-12 * std::max(1.0, k); }

// Moves nodes of `level` between communities (community[u], numbers below
// level.Size()) while some move raises modularity: each node on a work queue
// (all at first, in random order) goes to its best neighbouring community, or
// to an empty one if it is better alone; when it moves, its neighbours outside
// its new community are queued again. Returns whether any node moved.
bool MoveNodes(const Level& level, std::vector<uint32_t>& community, const Objective& objective,
               SplitMix64& random) {
  const uint32_t n = level.Size();
  std::vector<double> total(n, 0.0);
  std::vector<uint32_t> size(n, 0);
  for (uint32_t u = 0; u < n; ++u) {
    total[community[u]] += level.strength[u];
    ++size[community[u]];
  }
  std::vector<uint32_t> empty;
  for (uint32_t c = n; c-- > 0;) {
    if (size[c] == 0) empty.push_back(c);
  }
  // The queue is a ring over n slots: a node is on it at most once.
  std::vector<uint32_t> queue = ShuffledNodes(n, random);
  std::vector<char> queued(n, 1);
  std::size_t head = 0, length = n;
  std::vector<double> tie(n, 0.0);
  std::vector<uint32_t> touched;
  bool moved = false;
  while (length > 0) {
    const uint32_t v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --length;
    queued[v] = 0;
    const uint32_t own = community[v];
    const double k = level.strength[v];
    for (uint64_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
      const uint32_t c = community[level.targets[a]];
      if (tie[c] == 0) touched.push_back(c);
      tie[c] += level.weights[a];
    }
    total[own] -= k;
    const double stay = objective.Gain(tie[own], k, total[own]);
    uint32_t best = own;
    double best_gain = stay;
    for (uint32_t c : touched) {
      const double gain = objective.Gain(tie[c], k, total[c]);
      if (gain > best_gain) {
        best = c;
        best_gain = gain;
      }
    }
    // Alone, the node gains 0; it is alone already if it is its community's only member.
    if (size[own] > 1 && 0 > best_gain && !empty.empty()) {
      best = empty.back();
      best_gain = 0;
    }
    if (best != own && best_gain > stay + Slack(k)) {
      if (!empty.empty() && best == empty.back()) empty.pop_back();
      total[best] += k;
      ++size[best];
      if (--size[own] == 0) empty.push_back(own);
      community[v] = best;
      moved = true;
      for (uint64_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
        const uint32_t u = level.targets[a];
        if (!queued[u] && community[u] != best) {
          queued[u] = 1;
          std::size_t tail = head + length;
          if (tail >= n) tail -= n;
          queue[tail] = u;
          ++length;
        }
      }
    } else {
      total[own] += k;
    }
    for (uint32_t c : touched) tie[c] = 0;
    touched.clear();
  }
  return moved;
}

// Leiden's refinement: within each community (community[u], dense), starts
// from single nodes and merges each node still alone, in random order, into
// the neighbouring piece of its community that raises modularity most, if
// that gain is not negative and both are well connected to the rest of the
// community. Pieces grow only along edges, so each is connected. Returns the
// pieces, numbered 0 .. count-1, in `piece`, and their count.
uint32_t Refine(const Level& level, const std::vector<uint32_t>& community, uint32_t community_count,
                const Objective& objective, SplitMix64& random, std::vector<uint32_t>& piece) {
  const uint32_t n = level.Size();
  std::vector<double> community_total(community_count, 0.0);
  for (uint32_t u = 0; u < n; ++u) community_total[community[u]] += level.strength[u];
  // inside[u]: the weight from u to the rest of its community.
  std::vector<double> inside(n, 0.0);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint64_t a = level.offsets[u]; a < level.offsets[u + 1]; ++a) {
      if (community[level.targets[a]] == community[u]) inside[u] += level.weights[a];
    }
  }
  piece.resize(n);
  std::iota(piece.begin(), piece.end(), 0u);
  std::vector<double> piece_total = level.strength;
  std::vector<double> piece_inside = inside;  // from the piece to the rest of its community
  std::vector<uint32_t> piece_size(n, 1);
  std::vector<double> tie(n, 0.0);
  std::vector<uint32_t> touched;
  bool merged = false;
  for (uint32_t v : ShuffledNodes(n, random)) {
    if (piece_size[piece[v]] != 1) continue;
    const uint32_t c = community[v];
    const double k = level.strength[v];
    if (!objective.WellConnected(inside[v], k, community_total[c] - k)) continue;
    for (uint64_t a = level.offsets[v]; a < level.offsets[v + 1]; ++a) {
      const uint32_t u = level.targets[a];
      if (community[u] != c) continue;
      if (tie[piece[u]] == 0) touched.push_back(piece[u]);
      tie[piece[u]] += level.weights[a];
    }
    uint32_t best = piece[v];
    double best_gain = -std::numeric_limits<double>::infinity();
    for (uint32_t p : touched) {
      if (!objective.WellConnected(piece_inside[p], piece_total[p], community_total[c] - piece_total[p])) continue;
      const double gain = objective.Gain(tie[p], k, piece_total[p]);
      if (gain > best_gain) {
        best = p;
        best_gain = gain;
      }
    }
    if (best != piece[v] && best_gain >= 0) {
      piece_size[piece[v]] = 0;
      piece[v] = best;
      ++piece_size[best];
      piece_total[best] += k;
      piece_inside[best] += inside[v] - 2 * tie[best];
      merged = true;
    }
    for (uint32_t p : touched) tie[p] = 0;
    touched.clear();
  }
  if (!merged) {
    // Nothing merged (possible only through rounding): aggregating the
    // communities themselves still makes progress.
    piece = community;
    return community_count;
  }
  return Densify(piece);
}

// Splits each community that is not connected in g into its connected parts,
// and numbers the result in order of each community's smallest node: a
// breadth-first search within the community from each node not yet numbered,
// in node order.
uint32_t ConnectedParts(const SimpleGraph& g, std::vector<uint32_t>& membership) {
  const uint32_t n = g.NodeCount();
  constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> part(n, kUnset), queue;
  queue.reserve(n);
  uint32_t count = 0;
  for (uint32_t s = 0; s < n; ++s) {
    if (part[s] != kUnset) continue;
    part[s] = count;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (uint32_t v : g.Neighbours(queue[head])) {
        if (part[v] == kUnset && membership[v] == membership[s]) {
          part[v] = count;
          queue.push_back(v);
        }
      }
    }
    ++count;
  }
  membership = std::move(part);
  return count;
}

Communities Finish(const SimpleGraph& g, std::vector<uint32_t> membership, double resolution) {
  Communities found;
  found.count = ConnectedParts(g, membership);
  found.membership = std::move(membership);
  found.modularity = Modularity(g, found.membership, resolution);
  return found;
}

Objective ObjectiveFor(const SimpleGraph& g, double resolution) {
  return {resolution, static_cast<double>(g.neighbours.size())};
}

// One descent of Leiden from `membership` (community numbers below n):
// move, refine, aggregate the pieces, and again on the aggregate, until each
// community is one node. Returns the communities of the original nodes.
std::vector<uint32_t> LeidenDescent(const SimpleGraph& g, std::vector<uint32_t> membership,
                                    const Objective& objective, SplitMix64& random) {
  Level level = FirstLevel(g);
  std::vector<uint32_t> node_of(g.NodeCount());  // original node -> node of the current level
  std::iota(node_of.begin(), node_of.end(), 0u);
  std::vector<uint32_t> community = std::move(membership);
  std::vector<uint32_t> piece;
  for (;;) {
    MoveNodes(level, community, objective, random);
    const uint32_t community_count = Densify(community);
    if (community_count == level.Size()) break;
    const uint32_t piece_count = Refine(level, community, community_count, objective, random, piece);
    // The next level starts from the communities just found, each piece in its own.
    std::vector<uint32_t> next_community(piece_count);
    for (uint32_t u = 0; u < level.Size(); ++u) next_community[piece[u]] = community[u];
    for (uint32_t& node : node_of) node = piece[node];
    level = Aggregate(level, piece, piece_count);
    community = std::move(next_community);
  }
  for (uint32_t& node : node_of) node = community[node];
  return node_of;
}

}  // namespace

double Modularity(const SimpleGraph& g, std::span<const uint32_t> membership, double resolution) {
  const uint32_t n = g.NodeCount();
  if (membership.size() != n) throw std::invalid_argument("Modularity: membership must have one entry per node");
  if (g.EdgeCount() == 0) return kNaN;
  // Community numbers may be anything: make them dense first.
  std::vector<uint32_t> label(membership.begin(), membership.end());
  const uint32_t largest = n == 0 ? 0 : *std::max_element(label.begin(), label.end());
  if (largest >= n) {
    std::vector<uint32_t> sorted = label;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (uint32_t& l : label) {
      l = static_cast<uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), l) - sorted.begin());
    }
  }
  std::vector<double> degree_sum(n, 0.0);
  uint64_t inside_arcs = 0;
  for (uint32_t u = 0; u < n; ++u) {
    degree_sum[label[u]] += g.Degree(u);
    for (uint32_t v : g.Neighbours(u)) inside_arcs += label[v] == label[u] ? 1 : 0;
  }
  const double twice_edges = static_cast<double>(g.neighbours.size());
  double expected = 0;
  for (double k : degree_sum) expected += (k / twice_edges) * (k / twice_edges);
  return static_cast<double>(inside_arcs) / twice_edges - resolution * expected;
}

Communities Louvain(const SimpleGraph& g, uint64_t seed, double resolution) {
  const Objective objective = ObjectiveFor(g, resolution);
  SplitMix64 random{seed};
  std::vector<uint32_t> node_of(g.NodeCount());  // original node -> node of the current level
  std::iota(node_of.begin(), node_of.end(), 0u);
  if (g.EdgeCount() == 0) return Finish(g, std::move(node_of), resolution);
  Level level = FirstLevel(g);
  for (;;) {
    std::vector<uint32_t> community(level.Size());
    std::iota(community.begin(), community.end(), 0u);
    if (!MoveNodes(level, community, objective, random)) break;
    const uint32_t count = Densify(community);
    if (count == level.Size()) break;
    for (uint32_t& node : node_of) node = community[node];
    level = Aggregate(level, community, count);
  }
  return Finish(g, std::move(node_of), resolution);
}

Communities Leiden(const SimpleGraph& g, uint64_t seed, double resolution) {
  const Objective objective = ObjectiveFor(g, resolution);
  SplitMix64 random{seed};
  std::vector<uint32_t> best(g.NodeCount());
  std::iota(best.begin(), best.end(), 0u);
  if (g.EdgeCount() == 0) return Finish(g, std::move(best), resolution);
  // Each descent starts from the last one's answer and refines it. The first
  // two do nearly all the work (igraph stops after two); on a graph with
  // little structure later ones keep adding a little each, at the full cost of
  // a descent, so stop after four, or as soon as one adds less than 1e-4.
  constexpr int kMaxDescents = 4;
  constexpr double kWorthwhileGain = 1e-4;
  double best_quality = -std::numeric_limits<double>::infinity();
  for (int descent = 0; descent < kMaxDescents; ++descent) {
    std::vector<uint32_t> membership = LeidenDescent(g, best, objective, random);
    const double quality = Modularity(g, membership, resolution);
    const bool worthwhile = quality > best_quality + kWorthwhileGain;
    if (quality > best_quality) {
      best_quality = quality;
      best = std::move(membership);
    }
    if (!worthwhile) break;
  }
  return Finish(g, std::move(best), resolution);
}

}  // namespace dossier::graph
