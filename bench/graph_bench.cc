// dossier_bench_graph: dossier's link analysis (src/graph) measured on a store
// holding the generated graph (dossier_bench_graph_generate), with every answer
// checked against its peers' (bench/graph_peers.py: igraph, networkx).
//
// What it does, in order (bench/run_graph_bench.sh runs the whole flow):
//   1. build     graph::Graph::Build from the store, timed, split into the
//                statement scan and the finishing (ids, adjacency), and the
//                scan split again into the store's part (a bare Feed::Scan)
//                and the builder's; Graph::MemoryBytes() per tie, what the
//                arrays would take with exact capacities, and peak RSS.
//   2. bfs3      Traversal::CountNeighbours(node, 3, {}) from the answers'
//                sources, one run each (as igraph's), p50/p99/mean; the count
//                must be igraph's neighborhood_size - 1 (igraph counts the
//                source) when the reader sees the whole graph, or the
//                --visible-answers' when given. Also the 3-hop count of the
//                median-degree node (degree: distinct neighbours the reader
//                sees, over nodes with at least one), the median of
//                --median-runs runs.
//   3. path      Traversal::Shortest(a, b, PathOptions{max_hops = 64}) for the
//                answers' pairs, lengths checked the same way (-1: no path).
//   4. overhead  the same questions through the ReaderGraph (visibility checked
//                on every tie) against two unchecked versions written here with
//                the same algorithm shape (the layered BFS of CountNeighbours;
//                the bidirectional BFS of ShortestUnweighted with its smallest-id
//                path walk and parallel-tie collection):
//                  raw   over Graph's own adjacency, every tie (what the whole
//                        graph's reader would get: same answers as the checked
//                        run only for a reader who sees everything);
//                  copy  over a copy of the reader's graph made once with
//                        ForEachTie (the same answers as the checked run: what
//                        a per-reader materialised graph would cost to query).
//                Each source/pair runs --repeat times per variant, the variants
//                interleaved; the minimum per item is kept; the ratio is the
//                sum of the checked minima over the sum of the unchecked ones.
//   5. betweenness  graph::Betweenness on the subgraph of the --edges list
//                induced by nodes 0..B-1 (simple, undirected: graph_peers.py's
//                reading), on 1 thread and on --threads, checked against
//                igraph's values (relative 1e-6).
//   6. a summary table beside igraph's (and networkx's) times read from the
//                peers' output (--peers FILE: graph_peers.py's stdout).
// Times are wall clock; single-threaded ones also carry the thread's CPU time,
// which another process's load on the machine disturbs less.
//
// Usage:
//   dossier_bench_graph --store S --as USER --ids IDS --answers answers.json
//       [--visible-answers answers-visible.json] [--peers peers.out]
//       [--edges EDGES] [--betweenness-nodes B] [--threads 2] [--repeat 3]
//       [--median-runs 20] [--max-hops 64] [--no-breakdown]
// IDS: "index id" a line (dossier_bench_graph_generate --ids): the answers'
// node numbers are entity indices, mapped to graph nodes through the ids.
// Lines starting "RESULT " are for scripts: key=value pairs. Exit status 1
// when an answer disagrees with the peer's.
#include <time.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "access/feed.h"
#include "access/reader.h"
#include "access/view.h"
#include "bench_util.h"
#include "graph/centrality.h"
#include "graph/graph.h"
#include "graph/paths.h"
#include "graph/reader_graph.h"
#include "graph/simple_graph.h"
#include "store/store.h"

namespace dossier::bench {
namespace {

using graph::Graph;
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

struct Options {
  std::string store, as_user, ids, answers, visible_answers, peers, edges;
  int64_t betweenness_nodes = -1;  // -1: the answers' B
  unsigned threads = 2;
  int repeat = 3;
  int median_runs = 20;
  int max_hops = 64;
  bool breakdown = true;
};

// --- Clocks -----------------------------------------------------------------------

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Wall and thread-CPU milliseconds of one call.
struct Span {
  double wall_ms = 0, cpu_ms = 0;
};
template <class F>
Span Measure(F&& f) {
  const double c0 = ThreadCpuSeconds();
  Stopwatch w;
  f();
  Span s;
  s.wall_ms = w.Millis();
  s.cpu_ms = (ThreadCpuSeconds() - c0) * 1e3;
  return s;
}

int64_t CurrentRssBytes() {
  std::ifstream f("/proc/self/statm");
  int64_t size = 0, resident = 0;
  f >> size >> resident;
  return resident * 4096;
}

double Mb(int64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// --- Inputs -----------------------------------------------------------------------

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "dossier_bench_graph: %s\n", message.c_str());
  std::exit(2);
}

struct Answers {
  int64_t nodes = 0, edges = 0, edge_lines = 0;
  std::vector<uint32_t> sources;
  std::vector<int64_t> counts;  // the source included
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<int64_t> lengths;  // -1: no path
  bool has_betweenness = false;
  int64_t betweenness_first = -1;  // B, or the whole graph (nodes)
  std::vector<double> betweenness;
};

Answers ReadAnswers(const std::string& path) {
  std::ifstream f(path);
  if (!f) Die("cannot read " + path);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(f);
  } catch (const std::exception& e) {
    Die(path + ": " + e.what());
  }
  Answers a;
  a.nodes = doc["graph"]["nodes"].get<int64_t>();
  a.edges = doc["graph"]["edges"].get<int64_t>();
  a.edge_lines = doc["graph"]["edge_lines"].get<int64_t>();
  if (!doc["bfs3"]["includes_source"].get<bool>() || doc["bfs3"]["order"].get<int>() != 3)
    Die(path + ": expected 3-hop counts including the source");
  for (const auto& s : doc["bfs3"]["sources"]) a.sources.push_back(s.get<uint32_t>());
  for (const auto& c : doc["bfs3"]["counts"]) a.counts.push_back(c.get<int64_t>());
  for (const auto& p : doc["distances"]["pairs"]) a.pairs.emplace_back(p[0].get<uint32_t>(), p[1].get<uint32_t>());
  for (const auto& l : doc["distances"]["lengths"]) a.lengths.push_back(l.get<int64_t>());
  if (a.sources.size() != a.counts.size() || a.pairs.size() != a.lengths.size()) Die(path + ": ragged answers");
  if (doc.contains("betweenness")) {
    a.has_betweenness = true;
    const auto& b = doc["betweenness"];
    a.betweenness_first = b["induced_on_first"].is_null() ? a.nodes : b["induced_on_first"].get<int64_t>();
    for (const auto& v : b["values"]) a.betweenness.push_back(v.get<double>());
  }
  return a;
}

std::vector<std::string> ReadIds(const std::string& path) {
  std::ifstream f(path);
  if (!f) Die("cannot read " + path);
  std::vector<std::string> ids;
  uint64_t index;
  std::string id;
  while (f >> index >> id) {
    if (index != ids.size()) Die(path + ": indices out of order at " + std::to_string(index));
    ids.push_back(std::move(id));
  }
  return ids;
}

// "from to" a line, as fast as the file can be read.
std::vector<std::pair<uint32_t, uint32_t>> ReadEdges(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) Die("cannot read " + path);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<char> buf(1 << 20);
  uint64_t value = 0;
  bool in_number = false, have_first = false;
  uint32_t first = 0;
  auto finish = [&] {
    if (!in_number) return;
    if (!have_first) {
      first = static_cast<uint32_t>(value);
      have_first = true;
    } else {
      edges.emplace_back(first, static_cast<uint32_t>(value));
      have_first = false;
    }
    value = 0;
    in_number = false;
  };
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    for (std::size_t i = 0; i < n; ++i) {
      const char c = buf[i];
      if (c >= '0' && c <= '9') {
        value = value * 10 + static_cast<uint64_t>(c - '0');
        in_number = true;
      } else {
        finish();
      }
    }
  }
  finish();
  std::fclose(f);
  if (have_first) Die(path + ": an odd count of numbers");
  return edges;
}

// graph_peers.py's RESULT lines: engine/op -> fields.
using PeerResults = std::map<std::string, std::map<std::string, std::string>>;

PeerResults ReadPeers(const std::string& path) {
  PeerResults out;
  if (path.empty()) return out;
  std::ifstream f(path);
  if (!f) Die("cannot read " + path);
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("RESULT ", 0) != 0) continue;
    std::istringstream in(line.substr(7));
    std::map<std::string, std::string> fields;
    std::string kv;
    while (in >> kv) {
      const auto eq = kv.find('=');
      if (eq != std::string::npos) fields[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    if (fields.count("engine") && fields.count("op")) out[fields["engine"] + "/" + fields["op"]] = fields;
  }
  return out;
}

// A peer's figure: per-item milliseconds (bfs3, path, distances) or seconds.
std::optional<double> PeerValue(const PeerResults& peers, const std::string& key, const char* field) {
  auto it = peers.find(key);
  if (it == peers.end()) return std::nullopt;
  auto f = it->second.find(field);
  if (f == it->second.end()) return std::nullopt;
  return std::strtod(f->second.c_str(), nullptr);
}
std::string PeerSkipped(const PeerResults& peers, const std::string& key) {
  auto it = peers.find(key);
  if (it == peers.end()) return "";
  auto f = it->second.find("skipped");
  return f == it->second.end() ? "" : f->second;
}

// --- Unchecked traversals -----------------------------------------------------------
// The same algorithms as graph/paths.cc's CountNeighbours and ShortestUnweighted,
// written again over an adjacency that checks nothing (or only some of what
// ReaderGraph::ForEachTie checks), so that the difference is the cost of the
// reader's checks alone. An adjacency offers Each(u, fn(w, tie)).

// Graph's own adjacency: every tie, whoever may see it.
struct FullAdjacency {
  const Graph& g;
  template <class Fn>
  void Each(uint32_t u, Fn&& fn) const {
    for (uint32_t i = g.AdjacencyBegin(u), e = g.AdjacencyEnd(u); i < e; ++i) {
      const Graph::Adjacent a = g.AdjacentAt(i);
      fn(a.node, a.tie);
    }
  }
};

// One reader's graph copied out of ForEachTie: what the reader sees, checked once.
struct CopiedAdjacency {
  std::vector<uint32_t> offsets{0}, nodes, ties;
  template <class Fn>
  void Each(uint32_t u, Fn&& fn) const {
    for (uint32_t i = offsets[u], e = offsets[u + 1]; i < e; ++i) fn(nodes[i], ties[i]);
  }
  std::size_t Bytes() const { return 4 * (offsets.capacity() + nodes.capacity() + ties.capacity()); }
};

// Graph's adjacency with ForEachTie's checks added one at a time, to find where
// their cost lies: level 1, the tie's claim group alive (a lookup by tie number);
// 2, and the neighbour's group alive (by node number); 3, and the filter's
// Passes (an out-of-line call). `alive` is the reader's verdict per claim group,
// worked out here by ReaderGraph's rule (a visible existence claim, or visible
// claims naming both ends), so the answers are the checked ones.
template <int kLevel>
struct CheckedAdjacency {
  const Graph& g;
  const std::vector<uint8_t>& alive;
  const graph::ReaderGraph::Filter& filter;
  template <class Fn>
  void Each(uint32_t u, Fn&& fn) const {
    const uint8_t* live = alive.data();
    for (uint32_t i = g.AdjacencyBegin(u), e = g.AdjacencyEnd(u); i < e; ++i) {
      const Graph::Adjacent a = g.AdjacentAt(i);
      if (!live[g.TieGroup(a.tie)]) continue;
      if (kLevel >= 2 && !live[g.NodeGroup(a.node)]) continue;
      if (kLevel >= 3 && !filter.Passes(a.tie)) continue;
      fn(a.node, a.tie);
    }
  }
};

std::vector<uint8_t> AliveGroups(const Graph& g, access::View& view) {
  std::vector<uint8_t> alive(g.GroupCount(), 0);
  std::map<uint32_t, bool> sees;
  for (uint32_t k = 0; k < g.GroupCount(); ++k) {
    bool exists = false, from = false, to = false;
    for (const graph::Claim& c : g.GroupClaims(k)) {
      auto it = sees.find(c.marking);
      if (it == sees.end()) it = sees.emplace(c.marking, view.SeesMarking(c.marking)).first;
      if (!it->second) continue;
      exists |= c.kind == graph::Claim::kExists;
      from |= c.kind == graph::Claim::kFrom;
      to |= c.kind == graph::Claim::kTo;
    }
    alive[k] = exists || (from && to);
  }
  return alive;
}

struct Scratch {
  explicit Scratch(uint32_t n)
      : stamp_a(n, 0), stamp_b(n, 0), stamp_c(n, 0), dist_a(n, 0), dist_b(n, 0), parent_a(n, 0), parent_b(n, 0) {}
  uint32_t Next() {
    if (++epoch == 0) {
      std::fill(stamp_a.begin(), stamp_a.end(), 0);
      std::fill(stamp_b.begin(), stamp_b.end(), 0);
      std::fill(stamp_c.begin(), stamp_c.end(), 0);
      epoch = 1;
    }
    return epoch;
  }
  std::vector<uint32_t> stamp_a, stamp_b, stamp_c;
  std::vector<int32_t> dist_a, dist_b;
  std::vector<uint32_t> parent_a, parent_b;
  uint32_t epoch = 0;
};

template <class Adj>
std::size_t RawCount(const Adj& adj, uint32_t from, int hops, Scratch& s) {
  const uint32_t ep = s.Next();
  uint32_t* stamp = s.stamp_a.data();
  stamp[from] = ep;
  std::vector<uint32_t> frontier{from}, next;
  std::size_t count = 0;
  for (int d = 1; d <= hops && !frontier.empty(); ++d) {
    next.clear();
    const bool last = d == hops;
    for (uint32_t u : frontier)
      adj.Each(u, [&](uint32_t w, uint32_t) {
        if (stamp[w] == ep) return;
        stamp[w] = ep;
        ++count;
        if (!last) next.push_back(w);
      });
    frontier.swap(next);
  }
  return count;
}

struct RawPath {
  std::vector<uint32_t> nodes;
  std::vector<std::vector<uint32_t>> ties;
  int Length() const { return nodes.empty() ? -1 : static_cast<int>(nodes.size()) - 1; }
};

template <class Adj>
std::vector<uint32_t> RawTiesBetween(const Adj& adj, uint32_t a, uint32_t b) {
  std::vector<uint32_t> ties;
  adj.Each(a, [&](uint32_t w, uint32_t tie) {
    if (w == b) ties.push_back(tie);
  });
  std::sort(ties.begin(), ties.end());
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
  return ties;
}

// Bidirectional BFS expanding the smaller frontier, each layer in ascending node
// order so that a node's parent is the smallest node of the layer before; the
// smallest meeting node at the shortest total; then the parallel ties of each
// hop (the shape of graph::Traversal's). Returns an empty path when none.
template <class Adj>
RawPath RawShortest(const Adj& adj, uint32_t from, uint32_t to, int max_hops, Scratch& s) {
  RawPath p;
  if (from == to) {
    p.nodes = {from};
    return p;
  }
  const uint32_t ep = s.Next();
  s.stamp_a[from] = ep;
  s.dist_a[from] = 0;
  s.parent_a[from] = from;
  s.stamp_b[to] = ep;
  s.dist_b[to] = 0;
  s.parent_b[to] = to;
  std::vector<uint32_t> frontier_a{from}, frontier_b{to}, next;
  int depth_a = 0, depth_b = 0;
  int best = std::numeric_limits<int>::max();
  uint32_t meet = 0;
  while (depth_a + depth_b < max_hops) {
    const bool forward = frontier_a.size() <= frontier_b.size();
    auto& frontier = forward ? frontier_a : frontier_b;
    uint32_t* stamp = (forward ? s.stamp_a : s.stamp_b).data();
    int32_t* dist = (forward ? s.dist_a : s.dist_b).data();
    uint32_t* parent = (forward ? s.parent_a : s.parent_b).data();
    const uint32_t* other_stamp = (forward ? s.stamp_b : s.stamp_a).data();
    const int32_t* other_dist = (forward ? s.dist_b : s.dist_a).data();
    const int k = (forward ? depth_a : depth_b) + 1;
    next.clear();
    for (uint32_t u : frontier)
      adj.Each(u, [&](uint32_t w, uint32_t) {
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
    if (next.empty()) return p;
    std::sort(next.begin(), next.end());
    frontier.swap(next);
    (forward ? depth_a : depth_b) = k;
    if (best != std::numeric_limits<int>::max()) break;
  }
  if (best > max_hops) return p;
  for (uint32_t at = meet;; at = s.parent_a[at]) {
    p.nodes.push_back(at);
    if (at == from) break;
  }
  std::reverse(p.nodes.begin(), p.nodes.end());
  for (uint32_t at = meet; at != to;) {
    at = s.parent_b[at];
    p.nodes.push_back(at);
  }
  for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) p.ties.push_back(RawTiesBetween(adj, p.nodes[i], p.nodes[i + 1]));
  return p;
}

// --- Reporting ----------------------------------------------------------------------

struct Series {
  std::vector<double> wall, cpu;
  void Add(Span s) {
    wall.push_back(s.wall_ms);
    cpu.push_back(s.cpu_ms);
  }
  double Sum(const std::vector<double>& v) const {
    double t = 0;
    for (double x : v) t += x;
    return t;
  }
};

std::string Ms(double ms) {
  char buf[32];
  if (ms >= 100) std::snprintf(buf, sizeof buf, "%.0f", ms);
  else if (ms >= 1) std::snprintf(buf, sizeof buf, "%.2f", ms);
  else std::snprintf(buf, sizeof buf, "%.4f", ms);
  return buf;
}

void PrintSeries(const char* what, const Series& s) {
  const Percentiles w = Summarise(s.wall), c = Summarise(s.cpu);
  std::printf("  %-34s n=%zu  wall p50 %s  p99 %s  mean %s  max %s ms | cpu p50 %s  mean %s ms\n", what, w.n,
              Ms(w.p50).c_str(), Ms(w.p99).c_str(), Ms(w.mean).c_str(), Ms(w.max).c_str(), Ms(c.p50).c_str(),
              Ms(c.mean).c_str());
}

std::string ResultFields(const Series& s) {
  const Percentiles w = Summarise(s.wall), c = Summarise(s.cpu);
  char buf[256];
  std::snprintf(buf, sizeof buf, "n=%zu p50_ms=%.4f p99_ms=%.4f mean_ms=%.4f max_ms=%.4f cpu_p50_ms=%.4f cpu_mean_ms=%.4f",
                w.n, w.p50, w.p99, w.mean, w.max, c.p50, c.mean);
  return buf;
}

int Usage() {
  std::fprintf(stderr,
               "usage: dossier_bench_graph --store S --as USER --ids IDS --answers answers.json\n"
               "           [--visible-answers FILE] [--peers FILE] [--edges EDGES] [--betweenness-nodes B]\n"
               "           [--threads 2] [--repeat 3] [--median-runs 20] [--max-hops 64] [--no-breakdown]\n");
  return 2;
}

// --- The benchmark ------------------------------------------------------------------

int Run(const Options& o) {
  int failures = 0;
  std::printf("dossier_bench_graph: store %s, reader %s\n", o.store.c_str(), o.as_user.c_str());

  // 1. Build.
  auto store = store::Store::Open(o.store, false);
  const auto counts = store->Count();
  std::printf("store: %" PRId64 " live statements, %" PRId64 " entities, %.0f MB on disk\n", counts.statements,
              counts.entities, Mb(store->FileBytes()));
  access::Feed feed(*store);
  const int64_t rss_before = CurrentRssBytes();
  double scan_done = 0;
  int64_t statements = 0;
  Stopwatch build_clock;
  const double build_cpu0 = CpuSeconds();
  Graph g = Graph::Build(feed, [&](const graph::BuildProgress& p) {
    scan_done = build_clock.Seconds();
    statements = p.statements;
  });
  const double build_s = build_clock.Seconds();
  const double build_cpu = CpuSeconds() - build_cpu0;
  const int64_t peak_after_build = PeakRssBytes();
  const int64_t rss_after = CurrentRssBytes();
  const std::size_t memory = g.MemoryBytes();

  // What the arrays would take with capacities equal to sizes (graph.h's
  // members, counted from the public accessors).
  std::size_t id_bytes = 0, claims = 0;
  for (uint32_t u = 0; u < g.NodeCount(); ++u) id_bytes += g.Id(u).size();
  for (uint32_t k = 0; k < g.GroupCount(); ++k) claims += g.GroupClaims(k).size();
  const std::size_t exact = id_bytes + 4 * (std::size_t{g.NodeCount()} + 1) * 2 + 8 * std::size_t{g.NodeCount()} +
                            16 * std::size_t{g.TieCount()} + 16 * std::size_t{g.TieCount()} +
                            4 * (std::size_t{g.GroupCount()} + 1) + sizeof(graph::Claim) * claims;
  const double per_tie = g.TieCount() ? static_cast<double>(memory) / g.TieCount() : 0;
  const double exact_per_tie = g.TieCount() ? static_cast<double>(exact) / g.TieCount() : 0;
  std::printf("\n== 1. build\n");
  std::printf("  Graph::Build: %.2f s wall (%.2f s cpu): scan of %" PRId64 " statements %.2f s, finish %.2f s\n", build_s,
              build_cpu, statements, scan_done, build_s - scan_done);
  std::printf("  %u nodes, %u ties, %u claim groups (%zu claims)\n", g.NodeCount(), g.TieCount(), g.GroupCount(), claims);
  std::printf("  MemoryBytes %.1f MB = %.1f bytes/tie (with exact capacities: %.1f MB = %.1f bytes/tie)\n", Mb(memory),
              per_tie, Mb(exact), exact_per_tie);
  std::printf("  RSS before build %.0f MB, after %.0f MB; peak RSS %.0f MB\n", Mb(rss_before), Mb(rss_after),
              Mb(peak_after_build));
  std::printf("RESULT engine=dossier op=build seconds=%.3f cpu_seconds=%.3f scan_seconds=%.3f finish_seconds=%.3f "
              "statements=%" PRId64 " nodes=%u ties=%u groups=%u memory_bytes=%zu bytes_per_tie=%.1f "
              "exact_bytes_per_tie=%.1f rss_before_mb=%.0f rss_after_mb=%.0f peak_rss_mb=%.0f\n",
              build_s, build_cpu, scan_done, build_s - scan_done, statements, g.NodeCount(), g.TieCount(),
              g.GroupCount(), memory, per_tie, exact_per_tie, Mb(rss_before), Mb(rss_after), Mb(peak_after_build));
  if (o.breakdown) {
    // The store's share of the scan: the same Feed::Scan with nothing done per
    // row, and the entity-id scan Finish makes.
    int64_t rows = 0;
    Stopwatch t;
    feed.Scan({"topics", "startDate", "endDate", "date"}, [&](const access::Feed::Row&) { ++rows; });
    const double bare_scan = t.Seconds();
    Stopwatch t2;
    int64_t id_rows = 0;
    feed.ScanEntityIds([&](int64_t, std::string_view) { ++id_rows; });
    const double id_scan = t2.Seconds();
    std::printf("  breakdown: bare Feed::Scan %.2f s (%" PRId64 " rows), so the builder's own work in the scan %.2f s; "
                "ScanEntityIds %.2f s (%" PRId64 " ids), so Finish's own work %.2f s\n",
                bare_scan, rows, scan_done - bare_scan, id_scan, id_rows, build_s - scan_done - id_scan);
    std::printf("RESULT engine=dossier op=build_breakdown bare_scan_seconds=%.3f builder_scan_seconds=%.3f "
                "id_scan_seconds=%.3f finish_own_seconds=%.3f\n",
                bare_scan, scan_done - bare_scan, id_scan, build_s - scan_done - id_scan);
  }

  // The reader.
  access::View view(*store, access::Reader::Resolve(*store, o.as_user));
  Stopwatch rg_clock;
  graph::ReaderGraph rg(g, view);
  const double rg_ms = rg_clock.Millis();
  graph::Traversal tr(rg);

  // The reader's graph copied out (for the "copy" variant and the degrees).
  Stopwatch copy_clock;
  CopiedAdjacency copy;
  std::vector<uint32_t> distinct(g.NodeCount(), 0);
  uint32_t visible_nodes = 0;
  {
    const auto all = rg.Prepare({});
    copy.offsets.reserve(std::size_t{g.NodeCount()} + 1);
    for (uint32_t u = 0; u < g.NodeCount(); ++u) {
      if (rg.Exists(u)) {
        ++visible_nodes;
        uint32_t last = kNone;
        rg.ForEachTie(u, all, [&](uint32_t w, uint32_t tie, bool) {
          copy.nodes.push_back(w);
          copy.ties.push_back(tie);
          if (w != last) ++distinct[u];
          last = w;
        });
      }
      copy.offsets.push_back(static_cast<uint32_t>(copy.nodes.size()));
    }
  }
  const double copy_ms = copy_clock.Millis();
  const std::size_t visible_ties = copy.nodes.size() / 2;
  const bool whole = visible_nodes == g.NodeCount() && copy.nodes.size() == 2 * std::size_t{g.TieCount()};
  std::printf("\nreader %s: ReaderGraph in %.1f ms; sees %u of %u nodes, %zu of %u ties%s; its copy took %.0f ms, %.0f MB\n",
              o.as_user.c_str(), rg_ms, visible_nodes, g.NodeCount(), visible_ties, g.TieCount(),
              whole ? " (the whole graph)" : "", copy_ms, Mb(copy.Bytes()));
  std::printf("RESULT engine=dossier op=reader user=%s reader_graph_ms=%.2f visible_nodes=%u visible_ties=%zu whole=%d\n",
              o.as_user.c_str(), rg_ms, visible_nodes, visible_ties, whole ? 1 : 0);

  // Answers, and entity index -> node.
  const Answers answers = ReadAnswers(o.answers);
  std::optional<Answers> visible_answers;
  if (!o.visible_answers.empty()) visible_answers = ReadAnswers(o.visible_answers);
  const std::vector<std::string> ids = ReadIds(o.ids);
  if (static_cast<int64_t>(ids.size()) != answers.nodes)
    std::printf("  note: %zu ids but the answers' graph has %" PRId64 " nodes\n", ids.size(), answers.nodes);
  if (whole && (answers.edge_lines != g.TieCount() || answers.nodes != g.NodeCount()))
    std::printf("  NOTE: the store's graph (%u nodes, %u ties) is not the edge list's (%" PRId64 " nodes, %" PRId64
                " ties)\n",
                g.NodeCount(), g.TieCount(), answers.nodes, answers.edge_lines);
  auto node_of = [&](uint32_t index) -> uint32_t {  // the graph's node, whoever sees it
    if (index >= ids.size()) Die("entity index " + std::to_string(index) + " beyond the ids");
    auto n = g.Find(ids[index]);
    return n ? *n : kNone;
  };
  auto reader_node = [&](uint32_t index) -> uint32_t {
    if (index >= ids.size()) return kNone;
    auto n = rg.Find(ids[index]);
    return n ? *n : kNone;
  };
  // Which answers check this reader: igraph's full-graph ones when it sees the
  // whole graph, else the visible edge list's.
  const Answers* check = whole ? &answers : (visible_answers ? &*visible_answers : nullptr);
  const char* check_name = whole ? "igraph (full edge list)" : "igraph (visible edge list)";
  if (check && check != &answers && (check->sources != answers.sources || check->pairs != answers.pairs))
    Die("--visible-answers has other sources or pairs than --answers");
  if (!check) std::printf("  (no answers for what this reader sees: counts and lengths are not checked)\n");

  FullAdjacency full{g};
  Scratch scratch(g.NodeCount());

  // 2. 3-hop neighbourhoods.
  std::printf("\n== 2. 3-hop neighbourhood (CountNeighbours(node, 3, {}))\n");
  std::vector<uint32_t> sources;        // the reader's nodes of the answers' sources (kNone: not visible)
  std::vector<std::size_t> bfs_counts;  // dossier's counts
  Series bfs;
  int bfs_mismatch = 0, bfs_hidden = 0;
  for (std::size_t i = 0; i < answers.sources.size(); ++i) {
    const uint32_t u = reader_node(answers.sources[i]);
    sources.push_back(u);
    std::size_t c = 0;
    if (u == kNone) ++bfs_hidden;
    else bfs.Add(Measure([&] { c = tr.CountNeighbours(u, 3, {}); }));
    bfs_counts.push_back(c);
    if (check) {
      const int64_t want = check->counts[i] - 1;
      if (static_cast<int64_t>(c) != want) {
        if (++bfs_mismatch <= 10)
          std::printf("  MISMATCH source %u (%s, node %d): dossier %zu, %s %" PRId64 " - 1 = %" PRId64 "\n",
                      answers.sources[i], ids[answers.sources[i]].c_str(), u == kNone ? -1 : static_cast<int>(u), c,
                      check_name, check->counts[i], want);
      }
    }
  }
  PrintSeries("per source", bfs);
  std::size_t reached = 0;
  for (auto c : bfs_counts) reached += c;
  const double mean_reached = bfs.wall.empty() ? 0.0 : static_cast<double>(reached) / static_cast<double>(bfs.wall.size());
  std::printf("  mean reached %.0f nodes (%.1f%% of the nodes); %d sources not visible to the reader\n", mean_reached,
              100.0 * mean_reached / g.NodeCount(), bfs_hidden);
  if (check) std::printf("  check against %s: %d mismatches of %zu\n", check_name, bfs_mismatch, answers.sources.size());
  failures += bfs_mismatch;
  std::printf("RESULT engine=dossier op=bfs3 user=%s %s mismatches=%d checked=%d hidden=%d\n", o.as_user.c_str(),
              ResultFields(bfs).c_str(), bfs_mismatch, check ? 1 : 0, bfs_hidden);

  // The median-degree node.
  {
    std::vector<uint32_t> degrees;
    for (uint32_t u = 0; u < g.NodeCount(); ++u)
      if (distinct[u] > 0) degrees.push_back(distinct[u]);
    if (!degrees.empty()) {
      auto mid = degrees.begin() + static_cast<std::ptrdiff_t>((degrees.size() - 1) / 2);
      std::nth_element(degrees.begin(), mid, degrees.end());
      const uint32_t median = *mid;
      uint32_t node = kNone;
      for (uint32_t u = 0; u < g.NodeCount() && node == kNone; ++u)
        if (distinct[u] == median) node = u;
      Series runs, raw_runs;
      std::size_t c = 0, rc = 0;
      for (int r = 0; r < o.median_runs; ++r) {
        runs.Add(Measure([&] { c = tr.CountNeighbours(node, 3, {}); }));
        raw_runs.Add(Measure([&] { rc = RawCount(copy, node, 3, scratch); }));
      }
      std::printf("  median-degree node %s (degree %u of %zu nodes with ties; %u ties): 3-hop count %zu\n",
                  std::string(g.Id(node)).c_str(), median, degrees.size(), copy.offsets[node + 1] - copy.offsets[node], c);
      PrintSeries("median-degree node, per run", runs);
      PrintSeries("  the same over the reader's copy", raw_runs);
      if (rc != c) {
        std::printf("  MISMATCH: the copy's count %zu\n", rc);
        ++failures;
      }
      const Percentiles p = Summarise(runs.wall);
      std::printf("RESULT engine=dossier op=bfs3_median_degree user=%s degree=%u count=%zu %s target_ms=1 met=%s\n",
                  o.as_user.c_str(), median, c, ResultFields(runs).c_str(), p.p50 <= 1.0 ? "yes" : "NO");
    }
  }

  // 3. Shortest paths.
  std::printf("\n== 3. shortest path (Shortest, unweighted, max_hops %d)\n", o.max_hops);
  graph::PathOptions popt;
  popt.max_hops = o.max_hops;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // the reader's nodes
  std::vector<int> path_lengths;
  Series path;
  int path_mismatch = 0, path_hidden = 0;
  std::map<int, int> length_histogram;
  for (std::size_t i = 0; i < answers.pairs.size(); ++i) {
    const uint32_t a = reader_node(answers.pairs[i].first), b = reader_node(answers.pairs[i].second);
    pairs.emplace_back(a, b);
    int len = -1;
    if (a == kNone || b == kNone) {
      ++path_hidden;
    } else {
      std::optional<graph::Path> p;
      path.Add(Measure([&] { p = tr.Shortest(a, b, popt); }));
      if (p) len = static_cast<int>(p->Length());
    }
    path_lengths.push_back(len);
    ++length_histogram[len];
    if (check && len != check->lengths[i]) {
      // An end the reader cannot see with itself as the other end: igraph says 0.
      const bool same_hidden = (a == kNone || b == kNone) && answers.pairs[i].first == answers.pairs[i].second;
      if (!same_hidden && ++path_mismatch <= 10)
        std::printf("  MISMATCH pair %u %u: dossier %d, %s %" PRId64 "\n", answers.pairs[i].first,
                    answers.pairs[i].second, len, check_name, check->lengths[i]);
    }
  }
  PrintSeries("per pair", path);
  std::printf("  lengths:");
  for (auto [len, n] : length_histogram) {
    if (len < 0) std::printf(" none x%d", n);
    else std::printf(" %d x%d", len, n);
  }
  std::printf("; %d pairs with an end the reader cannot see\n", path_hidden);
  if (check) std::printf("  check against %s: %d mismatches of %zu\n", check_name, path_mismatch, answers.pairs.size());
  failures += path_mismatch;
  {
    const Percentiles p = Summarise(path.wall);
    std::printf("RESULT engine=dossier op=path user=%s %s mismatches=%d checked=%d hidden=%d target_p50_ms=1 met=%s\n",
                o.as_user.c_str(), ResultFields(path).c_str(), path_mismatch, check ? 1 : 0, path_hidden,
                p.p50 <= 1.0 ? "yes" : "NO");
  }

  // 4. Visibility overhead.
  std::printf("\n== 4. visibility overhead: checked (ReaderGraph) vs unchecked, min of %d runs per item\n", o.repeat);
  std::printf("  variants: checked = Traversal over the ReaderGraph; raw = the same algorithm over Graph's adjacency,\n"
              "  nothing checked, every tie; copy = over the reader's ties copied out once; +tie, +node, +passes =\n"
              "  Graph's adjacency with the checks of the first design added one by one (tie group alive; neighbour's group\n"
              "  alive; Filter::Passes)\n");
  const auto all_ties = rg.Prepare({});
  const std::vector<uint8_t> alive = AliveGroups(g, view);
  const CheckedAdjacency<1> check_tie{g, alive, all_ties};
  const CheckedAdjacency<2> check_node{g, alive, all_ties};
  const CheckedAdjacency<3> check_passes{g, alive, all_ties};
  struct Variant {
    const char* name;
    std::function<uint64_t(std::size_t item)> run;  // the answer's signature
  };
  // Runs every variant on every item `repeat` times, interleaved (the order
  // reversed on odd rounds), keeps each item's fastest run per variant, and
  // reports the checked variant (first) against each other one.
  auto compare = [&](const char* op, std::size_t items, const std::vector<uint8_t>& skip, std::vector<Variant>& vs,
                     const std::function<bool(std::size_t, uint64_t)>& raw_agrees_with_peer) {
    const std::size_t nv = vs.size();
    std::vector<double> wall(nv, 0), cpu(nv, 0);
    std::vector<std::vector<double>> item_ratio(nv);
    std::vector<int> disagree(nv, 0);
    int raw_vs_peer = 0, done = 0;
    for (std::size_t i = 0; i < items; ++i) {
      if (skip[i]) continue;
      ++done;
      std::vector<Span> best(nv, Span{1e300, 1e300});
      std::vector<uint64_t> answer(nv, 0);
      for (int r = 0; r < o.repeat; ++r)
        for (std::size_t k = 0; k < nv; ++k) {
          const std::size_t v = r % 2 == 0 ? k : nv - 1 - k;
          const Span sp = Measure([&] { answer[v] = vs[v].run(i); });
          best[v].wall_ms = std::min(best[v].wall_ms, sp.wall_ms);
          best[v].cpu_ms = std::min(best[v].cpu_ms, sp.cpu_ms);
        }
      for (std::size_t v = 0; v < nv; ++v) {
        wall[v] += best[v].wall_ms;
        cpu[v] += best[v].cpu_ms;
        item_ratio[v].push_back(best[0].wall_ms / std::max(best[v].wall_ms, 1e-6));
        disagree[v] += answer[v] != answer[0];
      }
      if (!raw_agrees_with_peer(i, answer[1])) ++raw_vs_peer;
    }
    std::printf("  %s over %d items:\n  %-8s %12s %12s %14s %14s %10s\n", op, done, "variant", "sum ms", "cpu sum ms",
                "checked/this", "(cpu, p50)", "answers");
    for (std::size_t v = 0; v < nv; ++v) {
      const double ratio = wall[v] > 0 ? wall[0] / wall[v] : 0, cpu_ratio = cpu[v] > 0 ? cpu[0] / cpu[v] : 0;
      char extra[32];
      std::snprintf(extra, sizeof extra, "%.3f, %.3f", cpu_ratio, Summarise(item_ratio[v]).p50);
      std::printf("  %-8s %12s %12s %14.3f %14s %10s\n", vs[v].name, Ms(wall[v]).c_str(), Ms(cpu[v]).c_str(), ratio,
                  extra, disagree[v] == 0 ? "same" : (std::to_string(disagree[v]) + " differ").c_str());
    }
    // The raw variant sees every tie: its answers are the checked ones only for a
    // reader who sees everything; it is checked against igraph's full-graph answers.
    // +tie (index 3) checks only the tie, not whether its other end exists: it
    // may find more than the reader sees.
    for (std::size_t v = 1; v < nv; ++v) {
      if (!disagree[v] || (!whole && (v == 1 || v == 3))) continue;
      failures += disagree[v];
      std::printf("  MISMATCH: %s's answers differ from the checked ones for %d items\n", vs[v].name, disagree[v]);
    }
    if (!whole && disagree[3])
      std::printf("  (+tie differs from checked for %d items, as it may: it does not check that the other end exists)\n",
                  disagree[3]);
    failures += raw_vs_peer;
    std::printf("  raw against igraph's full-graph answers: %d mismatches%s\n", raw_vs_peer,
                !whole && disagree[1] ? "; raw differs from checked as expected (the reader sees less)" : "");
    const double r_raw = wall[1] > 0 ? wall[0] / wall[1] : 0;
    std::printf("RESULT engine=dossier op=overhead of=%s user=%s n=%d checked_ms=%.3f raw_ms=%.3f copy_ms=%.3f "
                "tie_ms=%.3f node_ms=%.3f passes_ms=%.3f ratio_raw=%.3f ratio_copy=%.3f cpu_ratio_raw=%.3f "
                "cpu_ratio_copy=%.3f item_p50_ratio_raw=%.3f target=1.2 met=%s\n",
                op, o.as_user.c_str(), done, wall[0], wall[1], wall[2], wall[3], wall[4], wall[5], r_raw,
                wall[2] > 0 ? wall[0] / wall[2] : 0, cpu[1] > 0 ? cpu[0] / cpu[1] : 0, cpu[2] > 0 ? cpu[0] / cpu[2] : 0,
                Summarise(item_ratio[1]).p50, r_raw <= 1.2 ? "yes" : "NO");
  };
  {
    std::vector<uint8_t> skip;
    std::vector<uint32_t> full_sources;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      skip.push_back(sources[i] == kNone);
      full_sources.push_back(node_of(answers.sources[i]));
    }
    std::vector<Variant> vs = {
        {"checked", [&](std::size_t i) -> uint64_t { return tr.CountNeighbours(sources[i], 3, {}); }},
        {"raw", [&](std::size_t i) -> uint64_t { return RawCount(full, full_sources[i], 3, scratch); }},
        {"copy", [&](std::size_t i) -> uint64_t { return RawCount(copy, sources[i], 3, scratch); }},
        {"+tie", [&](std::size_t i) -> uint64_t { return RawCount(check_tie, sources[i], 3, scratch); }},
        {"+node", [&](std::size_t i) -> uint64_t { return RawCount(check_node, sources[i], 3, scratch); }},
        {"+passes", [&](std::size_t i) -> uint64_t { return RawCount(check_passes, sources[i], 3, scratch); }},
    };
    compare("bfs3", sources.size(), skip, vs, [&](std::size_t i, uint64_t raw) {
      return static_cast<int64_t>(raw) == answers.counts[i] - 1;
    });
  }
  {
    // A path's signature: its length and its nodes, so that the variants must
    // find the very same path, not only one as short.
    auto signature = [](int length, const std::vector<uint32_t>& nodes) {
      uint64_t h = 1469598103934665603ULL ^ static_cast<uint64_t>(static_cast<int64_t>(length));
      for (uint32_t n : nodes) h = (h ^ n) * 1099511628211ULL;
      return (h << 8) | static_cast<uint64_t>((length + 1) & 0xff);
    };
    std::vector<uint8_t> skip;
    std::vector<std::pair<uint32_t, uint32_t>> full_pairs;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      skip.push_back(pairs[i].first == kNone || pairs[i].second == kNone);
      full_pairs.emplace_back(node_of(answers.pairs[i].first), node_of(answers.pairs[i].second));
    }
    auto raw_path = [&](const auto& adj, std::pair<uint32_t, uint32_t> ends) {
      const RawPath p = RawShortest(adj, ends.first, ends.second, o.max_hops, scratch);
      return signature(p.Length(), p.nodes);
    };
    std::vector<Variant> vs = {
        {"checked",
         [&](std::size_t i) {
           auto p = tr.Shortest(pairs[i].first, pairs[i].second, popt);
           return p ? signature(static_cast<int>(p->Length()), p->nodes) : signature(-1, {});
         }},
        {"raw", [&](std::size_t i) { return raw_path(full, full_pairs[i]); }},
        {"copy", [&](std::size_t i) { return raw_path(copy, pairs[i]); }},
        {"+tie", [&](std::size_t i) { return raw_path(check_tie, pairs[i]); }},
        {"+node", [&](std::size_t i) { return raw_path(check_node, pairs[i]); }},
        {"+passes", [&](std::size_t i) { return raw_path(check_passes, pairs[i]); }},
    };
    compare("path", pairs.size(), skip, vs, [&](std::size_t i, uint64_t raw) {
      return static_cast<int64_t>(raw & 0xff) - 1 == answers.lengths[i];
    });
  }

  // 5. Betweenness.
  double bet1_s = -1, betn_s = -1;
  if (!o.edges.empty()) {
    std::printf("\n== 5. betweenness (Brandes, exact, unnormalised)\n");
    // As graph_peers.py: at most the whole graph.
    const int64_t b = std::min(answers.nodes, o.betweenness_nodes >= 0 ? o.betweenness_nodes
                                              : answers.has_betweenness ? answers.betweenness_first
                                                                        : int64_t{50000});
    Stopwatch read_clock;
    auto edges = ReadEdges(o.edges);
    const std::size_t lines = edges.size();
    std::erase_if(edges, [&](const auto& e) { return e.first >= b || e.second >= b; });
    const double read_s = read_clock.Seconds();
    Stopwatch sg_clock;
    const graph::SimpleGraph sg = graph::SimpleGraph::FromEdges(static_cast<uint32_t>(b), std::move(edges));
    const double sg_s = sg_clock.Seconds();
    std::printf("  induced on nodes 0..%" PRId64 ": %u nodes, %" PRIu64 " edges (of %zu edge lines; read %.2f s, "
                "SimpleGraph %.3f s)\n",
                b - 1, sg.NodeCount(), sg.EdgeCount(), lines, read_s, sg_s);
    const bool comparable = answers.has_betweenness && answers.betweenness_first == b &&
                            answers.betweenness.size() == sg.NodeCount();
    if (!comparable) std::printf("  (the answers hold no betweenness on these nodes: values not checked)\n");
    auto compare = [&](const std::vector<double>& got, const std::vector<double>& want, double* worst) {
      int bad = 0;
      *worst = 0;
      for (std::size_t i = 0; i < want.size(); ++i) {
        const double diff = std::fabs(got[i] - want[i]);
        const double rel = diff / std::max({std::fabs(want[i]), std::fabs(got[i]), 1.0});
        *worst = std::max(*worst, rel);
        if (rel > 1e-6) {
          if (++bad <= 5) std::printf("  MISMATCH node %zu: dossier %.9g, igraph %.9g\n", i, got[i], want[i]);
        }
      }
      return bad;
    };
    for (unsigned threads : {1u, o.threads}) {
      if (threads == 1 && bet1_s >= 0) continue;
      std::vector<double> values;
      const double c0 = CpuSeconds();
      Stopwatch t;
      values = graph::Betweenness(sg, threads);
      const double s = t.Seconds(), cpu = CpuSeconds() - c0;
      (threads == 1 ? bet1_s : betn_s) = s;
      if (threads == o.threads) betn_s = s;
      double worst = 0;
      int bad = comparable ? compare(values, answers.betweenness, &worst) : 0;
      failures += bad;
      std::printf("  %u thread%s: %.2f s wall, %.2f s cpu%s", threads, threads == 1 ? "" : "s", s, cpu,
                  comparable ? "" : "\n");
      if (comparable) std::printf("; against igraph: %d of %zu values off by more than 1e-6 (worst relative %.2g)\n", bad,
                                  values.size(), worst);
      std::printf("RESULT engine=dossier op=betweenness threads=%u nodes=%u edges=%" PRIu64 " seconds=%.3f "
                  "cpu_seconds=%.3f mismatches=%d checked=%d worst_rel=%.3g\n",
                  threads, sg.NodeCount(), sg.EdgeCount(), s, cpu, bad, comparable ? 1 : 0, worst);
    }
  }

  // 6. Summary.
  const PeerResults peers = ReadPeers(o.peers);
  std::printf("\n== 6. summary (reader %s%s)\n", o.as_user.c_str(),
              whole ? ", the whole graph" : "; peers on the visible edge list when --peers is theirs");
  std::printf("  %-30s %14s %14s %10s %16s\n", "operation", "dossier", "igraph", "ratio", "networkx");
  auto row = [&](const char* name, double dossier, const char* peer_op, const char* field, const char* unit,
                 double scale) {
    const auto ig = PeerValue(peers, std::string("igraph/") + peer_op, field);
    const auto nx = PeerValue(peers, std::string("networkx/") + peer_op, field);
    const std::string nx_skip = PeerSkipped(peers, std::string("networkx/") + peer_op);
    char d[32], i[32] = "-", r[32] = "-", n[48] = "-";
    std::snprintf(d, sizeof d, "%.4g %s", dossier, unit);
    if (ig) {
      std::snprintf(i, sizeof i, "%.4g %s", *ig * scale, unit);
      if (*ig > 0) std::snprintf(r, sizeof r, "%.2f", dossier / (*ig * scale));
    }
    if (nx) std::snprintf(n, sizeof n, "%.4g %s", *nx * scale, unit);
    else if (!nx_skip.empty()) std::snprintf(n, sizeof n, "skipped (%s)", nx_skip.c_str());
    std::printf("  %-30s %14s %14s %10s %16s\n", name, d, i, r, n);
    std::printf("RESULT engine=compare op=%s user=%s dossier=%.6g igraph=%s ratio=%s networkx=%s unit=%s\n", peer_op,
                o.as_user.c_str(), dossier, ig ? std::to_string(*ig * scale).c_str() : "none", r,
                nx ? std::to_string(*nx * scale).c_str() : (nx_skip.empty() ? "none" : "skipped"), unit);
  };
  if (!bfs.wall.empty()) row("bfs3, per source (mean)", Summarise(bfs.wall).mean, "bfs3", "per_item_ms", "ms", 1);
  if (!path.wall.empty()) {
    row("path, per pair (mean)", Summarise(path.wall).mean, "path", "per_item_ms", "ms", 1);
  }
  if (bet1_s >= 0) row("betweenness, 1 thread", bet1_s, "betweenness", "seconds", "s", 1);
  if (betn_s >= 0 && o.threads != 1) {
    char name[48];
    std::snprintf(name, sizeof name, "betweenness, %u threads", o.threads);
    row(name, betn_s, "betweenness", "seconds", "s", 1);
  }
  if (const auto ig = PeerValue(peers, "igraph/distances", "per_item_ms"))
    std::printf("  (igraph distances(), a BFS over the whole component per pair: %.4g ms per pair)\n", *ig);
  if (const auto ig = PeerValue(peers, "igraph/build", "seconds"))
    std::printf("  (graph build: dossier %.2f s from the store; igraph %.2f s from pairs already in memory)\n", build_s,
                *ig);
  std::printf("RESULT engine=dossier op=peak_rss user=%s mb=%.0f\n", o.as_user.c_str(), Mb(PeakRssBytes()));
  if (failures) std::printf("\n%d DISAGREEMENTS (see MISMATCH lines)\n", failures);
  return failures ? 1 : 0;
}

}  // namespace
}  // namespace dossier::bench

int main(int argc, char** argv) {
  using namespace dossier::bench;
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-breakdown") {
      o.breakdown = false;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    const char* v = argv[++i];
    if (a == "--store") o.store = v;
    else if (a == "--as") o.as_user = v;
    else if (a == "--ids") o.ids = v;
    else if (a == "--answers") o.answers = v;
    else if (a == "--visible-answers") o.visible_answers = v;
    else if (a == "--peers") o.peers = v;
    else if (a == "--edges") o.edges = v;
    else if (a == "--betweenness-nodes") o.betweenness_nodes = std::strtoll(v, nullptr, 10);
    else if (a == "--threads") o.threads = static_cast<unsigned>(std::strtoul(v, nullptr, 10));
    else if (a == "--repeat") o.repeat = std::atoi(v);
    else if (a == "--median-runs") o.median_runs = std::atoi(v);
    else if (a == "--max-hops") o.max_hops = std::atoi(v);
    else return Usage();
  }
  if (o.store.empty() || o.ids.empty() || o.answers.empty() || o.repeat < 1 || o.median_runs < 1 || o.threads < 1)
    return Usage();
  try {
    return Run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dossier_bench_graph: %s\n", e.what());
    return 2;
  }
}
