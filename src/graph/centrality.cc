#include "graph/centrality.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <thread>

#include "graph/split_mix.h"

namespace dossier::graph {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

unsigned WorkerCount(unsigned threads, std::size_t items) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, items)));
}

// Calls work(worker, sources) on `workers` threads, worker w taking sources w,
// w + workers, w + 2 workers ...: a fixed deal, so that the result does not
// depend on scheduling, and interleaved, so that a run of expensive sources
// (a big component numbered first) is shared out.
template <typename Work>
void DealSources(unsigned workers, Work work) {
  if (workers == 1) {
    work(0u, 1u);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) pool.emplace_back([&work, w, workers] { work(w, workers); });
  for (auto& t : pool) t.join();
}

// The sum, in worker order, of per-worker vectors.
std::vector<double> SumInOrder(std::vector<std::vector<double>>& parts) {
  std::vector<double> total = std::move(parts[0]);
  for (std::size_t w = 1; w < parts.size(); ++w) {
    for (std::size_t i = 0; i < total.size(); ++i) total[i] += parts[w][i];
  }
  return total;
}

// One worker's scratch for single-source shortest paths. Flat arrays over all
// nodes, allocated once per worker: the per-source loop allocates nothing and
// touches only the nodes it reaches. An array per field rather than a record
// per node: most arcs only read a distance, and 4 bytes a node stay in cache
// longer (a record per node measured 7% slower on a million nodes).
struct PathScratch {
  explicit PathScratch(uint32_t n) : distance(n, -1), paths(n), factor(n), order(n) {}
  std::vector<int32_t> distance;  // -1: not reached from the current source
  std::vector<double> paths;      // shortest paths from the source (sigma)
  std::vector<double> factor;     // once the node is finished: (1 + delta) / sigma
  std::vector<uint32_t> order;    // nodes in the order reached: the BFS queue, then a stack
};

// Breadth-first search from s that counts shortest paths. Returns how many
// nodes were reached (order[0 .. reached)), in non-decreasing distance.
uint32_t CountShortestPaths(const SimpleGraph& g, uint32_t s, PathScratch& x) {
  const uint64_t* offsets = g.offsets.data();
  const uint32_t* neighbours = g.neighbours.data();
  int32_t* distance = x.distance.data();
  double* paths = x.paths.data();
  uint32_t* order = x.order.data();
  distance[s] = 0;
  paths[s] = 1;
  order[0] = s;
  uint32_t head = 0, tail = 1;
  while (head < tail) {
    const uint32_t u = order[head++];
    const int32_t next = distance[u] + 1;
    const double through_u = paths[u];
    for (uint64_t a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
      const uint32_t v = neighbours[a];
      if (distance[v] < 0) {
        distance[v] = next;
        paths[v] = through_u;
        order[tail++] = v;
      } else if (distance[v] == next) {
        paths[v] += through_u;
      }
    }
  }
  return tail;
}

// Adds to `centrality` the dependency (Brandes's delta) of every node on the
// source order[0]. Walks the reached nodes farthest first and pulls from
// successors, so each node's factor is written once, by itself, and needs no
// clearing: a successor (one step farther) was finished before it.
void AccumulateDependencies(const SimpleGraph& g, uint32_t reached, PathScratch& x, double* centrality) {
  const uint64_t* offsets = g.offsets.data();
  const uint32_t* neighbours = g.neighbours.data();
  const int32_t* distance = x.distance.data();
  const double* paths = x.paths.data();
  double* factor = x.factor.data();
  const uint32_t* order = x.order.data();
  for (uint32_t i = reached; i-- > 1;) {
    const uint32_t w = order[i];
    const int32_t successor = distance[w] + 1;
    double sum = 0;
    for (uint64_t a = offsets[w], end = offsets[w + 1]; a < end; ++a) {
      const uint32_t v = neighbours[a];
      if (distance[v] == successor) sum += factor[v];
    }
    const double delta = paths[w] * sum;
    centrality[w] += delta;
    factor[w] = (1 + delta) / paths[w];
  }
}

void ForgetDistances(uint32_t reached, PathScratch& x) {
  for (uint32_t i = 0; i < reached; ++i) x.distance[x.order[i]] = -1;
}

// Brandes from each of `sources`, dealt over threads, each pair counted once.
std::vector<double> BetweennessFrom(const SimpleGraph& g, std::span<const uint32_t> sources, double scale,
                                    unsigned threads) {
  const uint32_t n = g.NodeCount();
  if (sources.empty()) return std::vector<double>(n, 0.0);
  const unsigned workers = WorkerCount(threads, sources.size());
  std::vector<std::vector<double>> parts(workers);
  DealSources(workers, [&](unsigned w, unsigned stride) {
    PathScratch scratch(n);
    std::vector<double> centrality(n, 0.0);
    for (std::size_t i = w; i < sources.size(); i += stride) {
      const uint32_t reached = CountShortestPaths(g, sources[i], scratch);
      AccumulateDependencies(g, reached, scratch, centrality.data());
      ForgetDistances(reached, scratch);
    }
    parts[w] = std::move(centrality);
  });
  std::vector<double> total = SumInOrder(parts);
  // Every unordered pair was seen from both ends (or, sampled, is expected to be).
  for (double& value : total) value *= scale / 2;
  return total;
}


}  // namespace

std::vector<double> DegreeCentrality(const SimpleGraph& g) {
  std::vector<double> degree(g.NodeCount());
  for (uint32_t u = 0; u < g.NodeCount(); ++u) degree[u] = g.Degree(u);
  return degree;
}

std::vector<double> PageRank(const SimpleGraph& g, double damping, double tolerance, int max_iterations) {
  const uint32_t n = g.NodeCount();
  if (n == 0) return {};
  const uint64_t* offsets = g.offsets.data();
  const uint32_t* neighbours = g.neighbours.data();
  std::vector<double> rank(n, 1.0 / n), next(n), share(n);
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    // What each node sends along each of its arcs; a node with no arcs sends
    // its whole rank to everyone, through the uniform term.
    double stranded = 0;
    for (uint32_t u = 0; u < n; ++u) {
      const uint32_t degree = g.Degree(u);
      if (degree == 0) {
        stranded += rank[u];
        share[u] = 0;
      } else {
        share[u] = rank[u] / degree;
      }
    }
    const double everyone = (1 - damping) / n + damping * stranded / n;
    double total = 0;
    for (uint32_t u = 0; u < n; ++u) {
      double in = 0;
      for (uint64_t a = offsets[u], end = offsets[u + 1]; a < end; ++a) in += share[neighbours[a]];
      next[u] = everyone + damping * in;
      total += next[u];
    }
    // Renormalise so that rounding does not drift the sum away from 1.
    double change = 0;
    for (uint32_t u = 0; u < n; ++u) {
      next[u] /= total;
      change += std::abs(next[u] - rank[u]);
    }
    rank.swap(next);
    if (change < tolerance) break;
  }
  return rank;
}

std::vector<double> Betweenness(const SimpleGraph& g, unsigned threads) {
  std::vector<uint32_t> sources(g.NodeCount());
  std::iota(sources.begin(), sources.end(), 0u);
  return BetweennessFrom(g, sources, 1.0, threads);
}

std::vector<double> SampledBetweenness(const SimpleGraph& g, uint32_t pivots, uint64_t seed, unsigned threads) {
  const uint32_t n = g.NodeCount();
  if (pivots >= n) return Betweenness(g, threads);
  if (pivots == 0) return std::vector<double>(n, 0.0);
  // The first `pivots` places of a seeded Fisher-Yates shuffle; sorted so that
  // sources are visited in node order, which keeps neighbouring sources on one
  // worker's cache as often as the deal allows.
  std::vector<uint32_t> nodes(n);
  std::iota(nodes.begin(), nodes.end(), 0u);
  SplitMix64 random{seed};
  for (uint32_t i = 0; i < pivots; ++i) std::swap(nodes[i], nodes[i + random.Below(n - i)]);
  nodes.resize(pivots);
  std::sort(nodes.begin(), nodes.end());
  return BetweennessFrom(g, nodes, static_cast<double>(n) / pivots, threads);
}

std::vector<double> Closeness(const SimpleGraph& g, unsigned threads) {
  const uint32_t n = g.NodeCount();
  std::vector<double> closeness(n, kNaN);
  if (n == 0) return closeness;
  const unsigned workers = WorkerCount(threads, n);
  DealSources(workers, [&](unsigned w, unsigned stride) {
    // Each worker writes only its own sources' slots: no sharing, no sums.
    std::vector<int32_t> distance(n, -1);
    std::vector<uint32_t> order(n);
    const uint64_t* offsets = g.offsets.data();
    const uint32_t* neighbours = g.neighbours.data();
    for (uint32_t s = w; s < n; s += stride) {
      if (g.Degree(s) == 0) continue;
      distance[s] = 0;
      order[0] = s;
      uint32_t head = 0, tail = 1;
      uint64_t total = 0;
      while (head < tail) {
        const uint32_t u = order[head++];
        const int32_t next = distance[u] + 1;
        for (uint64_t a = offsets[u], end = offsets[u + 1]; a < end; ++a) {
          const uint32_t v = neighbours[a];
          if (distance[v] < 0) {
            distance[v] = next;
            total += static_cast<uint64_t>(next);
            order[tail++] = v;
          }
        }
      }
      closeness[s] = static_cast<double>(tail - 1) / static_cast<double>(total);
      for (uint32_t i = 0; i < tail; ++i) distance[order[i]] = -1;
    }
  });
  return closeness;
}

std::vector<double> Constraint(const SimpleGraph& g) {
  const uint32_t n = g.NodeCount();
  const uint64_t arcs = g.neighbours.size();
  const uint64_t* offsets = g.offsets.data();
  const uint32_t* neighbours = g.neighbours.data();

  // Number each undirected edge (uint32: fewer than 2^32 edges), and give both
  // its arcs that number. Lists are ascending, so, walking u upwards, the arc
  // (v, u) for v < u is always the next arc of v beyond v itself: one cursor
  // per node finds it.
  std::vector<uint32_t> edge_of_arc(arcs);
  {
    std::vector<uint64_t> cursor(n);
    for (uint32_t v = 0; v < n; ++v) {
      auto list = g.Neighbours(v);
      cursor[v] = offsets[v] + static_cast<uint64_t>(std::lower_bound(list.begin(), list.end(), v) - list.begin());
    }
    uint32_t edges = 0;
    for (uint32_t u = 0; u < n; ++u) {
      for (uint64_t a = offsets[u]; a < offsets[u + 1]; ++a) {
        const uint32_t v = neighbours[a];
        edge_of_arc[a] = v > u ? edges++ : edge_of_arc[cursor[v]++];
      }
    }
  }

  // Orient each edge from its lower-degree end (ties by number): every node
  // then has at most sqrt(2m) out-arcs into nodes of higher degree, which is
  // what bounds the triangle walk.
  auto before = [&](uint32_t a, uint32_t b) {
    const uint32_t da = g.Degree(a), db = g.Degree(b);
    return da < db || (da == db && a < b);
  };
  std::vector<uint64_t> out_offsets(static_cast<std::size_t>(n) + 1, 0);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t v : g.Neighbours(u)) out_offsets[u + 1] += before(u, v) ? 1 : 0;
  }
  for (uint32_t u = 0; u < n; ++u) out_offsets[u + 1] += out_offsets[u];
  std::vector<uint32_t> out_node(arcs / 2), out_edge(arcs / 2);
  for (uint32_t u = 0; u < n; ++u) {
    uint64_t at = out_offsets[u];
    for (uint64_t a = offsets[u]; a < offsets[u + 1]; ++a) {
      if (before(u, neighbours[a])) {
        out_node[at] = neighbours[a];
        out_edge[at++] = edge_of_arc[a];
      }
    }
  }

  // through[e], for the edge e = {i, j}: the sum of 1/d_q over the common
  // neighbours q of i and j, i.e. over the triangles on e. Each triangle
  // u < v < w (in the orientation) is found once, from u, and feeds its three
  // edges.
  std::vector<double> through(arcs / 2, 0.0);
  {
    constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    std::vector<uint32_t> marked_by(n, kNone), edge_to(n);
    for (uint32_t u = 0; u < n; ++u) {
      for (uint64_t a = out_offsets[u]; a < out_offsets[u + 1]; ++a) {
        marked_by[out_node[a]] = u;
        edge_to[out_node[a]] = out_edge[a];
      }
      const double inverse_u = 1.0 / g.Degree(u);
      for (uint64_t a = out_offsets[u]; a < out_offsets[u + 1]; ++a) {
        const uint32_t v = out_node[a];
        const uint32_t uv = out_edge[a];
        const double inverse_v = 1.0 / g.Degree(v);
        for (uint64_t b = out_offsets[v]; b < out_offsets[v + 1]; ++b) {
          const uint32_t w = out_node[b];
          if (marked_by[w] != u) continue;
          through[uv] += 1.0 / g.Degree(w);
          through[edge_to[w]] += inverse_v;
          through[out_edge[b]] += inverse_u;
        }
      }
    }
  }

  std::vector<double> constraint(n, kNaN);
  for (uint32_t i = 0; i < n; ++i) {
    if (g.Degree(i) == 0) continue;
    double sum = 0;
    for (uint64_t a = offsets[i]; a < offsets[i + 1]; ++a) {
      const double tie = 1 + through[edge_of_arc[a]];
      sum += tie * tie;
    }
    const double inverse = 1.0 / g.Degree(i);
    constraint[i] = sum * inverse * inverse;
  }
  return constraint;
}

std::vector<Broker> Brokers(const SimpleGraph& g, std::size_t top, std::span<const double> betweenness) {
  const uint32_t n = g.NodeCount();
  if (!betweenness.empty() && betweenness.size() != n) {
    throw std::invalid_argument("Brokers: betweenness must have one value per node, or none");
  }
  const std::vector<double> constraint = Constraint(g);
  std::vector<Broker> brokers;
  for (uint32_t u = 0; u < n; ++u) {
    if (g.Degree(u) < 2) continue;
    brokers.push_back({u, constraint[u], betweenness.empty() ? 0.0 : betweenness[u]});
  }
  auto first = [](const Broker& a, const Broker& b) {
    if (a.constraint != b.constraint) return a.constraint < b.constraint;
    if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
    return a.node < b.node;
  };
  const std::size_t keep = std::min(top, brokers.size());
  std::partial_sort(brokers.begin(), brokers.begin() + static_cast<std::ptrdiff_t>(keep), brokers.end(), first);
  brokers.resize(keep);
  return brokers;
}

}  // namespace dossier::graph
