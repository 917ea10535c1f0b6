// Paths and neighbourhoods over a ReaderGraph.
//
// Every function answers over what the reader sees (ReaderGraph) and the ties
// the filter lets through, and is deterministic: where several answers are
// equally good, the choice is made by node number (ascending entity id: the
// smallest parent, the smallest meeting node, the smallest node sequence), so a
// reader gets the same answer from any copy of the store holding what they may
// see.
//
// A Traversal holds the scratch arrays (one slot per node, reset by stamping,
// not clearing): make one per thread and reuse it for many questions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/reader_graph.h"

namespace dossier::graph {

// What a hop costs in weighted mode: 4 for A1, +2 per reliability step and +1
// per credibility step (B2 6, C3 9, F6 19), so a chain on good authority beats a
// shorter one resting on hearsay, but a hop is never free.
int HopCost(int grading_rank);

struct Path {
  std::vector<uint32_t> nodes;  // from .. to
  // ties[i] joins nodes[i] and nodes[i+1]: every visible tie between the two
  // that passes the filter (parallel ties), best graded first.
  std::vector<std::vector<uint32_t>> ties;
  int cost = 0;  // hops, or the sum of HopCost in weighted mode
  std::size_t Length() const { return nodes.empty() ? 0 : nodes.size() - 1; }
};

struct PathOptions {
  int max_hops = 6;
  bool weighted = false;
  bool time_ordered = false;  // each hop began no earlier than the one before (undated hops pass)
  TieFilter filter;
};

class Traversal {
 public:
  explicit Traversal(const ReaderGraph& graph);

  // Every node within `hops` of `from`, with its distance, ordered by distance
  // then id; `from` itself is not included.
  std::vector<std::pair<uint32_t, int>> Neighbours(uint32_t from, int hops, const TieFilter& filter);
  // Only how many (cheaper: no list is kept).
  std::size_t CountNeighbours(uint32_t from, int hops, const TieFilter& filter);

  // The shortest path (fewest hops; or cheapest in weighted mode; or fewest hops
  // in time order), nullopt when none within max_hops.
  std::optional<Path> Shortest(uint32_t from, uint32_t to, const PathOptions& options);
  // The k shortest simple paths (Yen), cheapest first.
  std::vector<Path> KShortest(uint32_t from, uint32_t to, std::size_t k, const PathOptions& options);
  // Every simple path of at most max_hops hops, in id order, at most `cap` of them.
  // `capped` tells whether more existed.
  std::vector<Path> AllSimple(uint32_t from, uint32_t to, const PathOptions& options, std::size_t cap, bool* capped);

  // Nodes and ties on some shortest path between any two of `seeds` (each pair
  // within max_hops): the network connecting them.
  struct Network {
    std::vector<uint32_t> nodes;  // sorted
    std::vector<uint32_t> ties;   // sorted
    std::vector<std::pair<uint32_t, uint32_t>> unconnected;  // seed pairs with no path within max_hops
  };
  Network Connecting(const std::vector<uint32_t>& seeds, const PathOptions& options);

  // Nodes joined to both a and b by a tie, sorted.
  std::vector<uint32_t> CommonNeighbours(uint32_t a, uint32_t b, const TieFilter& filter);

  // Exposure: every node within max_hops of `from` that carries one of the
  // topics (bit set over Graph::Topics), ranked by distance, then by the
  // weakest grading along the best-graded shortest path to it, then id.
  struct Exposed {
    uint32_t node;
    int distance;
    int weakest;  // model::GradingRank of the weakest hop on the path
    uint64_t topics;
    Path path;
  };
  std::vector<Exposed> Exposure(uint32_t from, uint64_t topics, int max_hops, const TieFilter& filter);

 private:
  // Ties between a and b passing the filter, best graded first (then by tie number).
  std::vector<uint32_t> TiesBetween(uint32_t a, uint32_t b, const ReaderGraph::Filter& filter) const;
  int BestCost(uint32_t a, uint32_t b, const ReaderGraph::Filter& filter, bool weighted) const;
  std::optional<Path> ShortestUnweighted(uint32_t from, uint32_t to, int max_hops, const ReaderGraph::Filter& filter);
  // Cheapest with at most max_hops hops, avoiding banned nodes and banned steps.
  std::optional<Path> Cheapest(uint32_t from, uint32_t to, const PathOptions& options,
                               const ReaderGraph::Filter& filter, const std::vector<uint32_t>& banned_nodes,
                               const std::vector<std::pair<uint32_t, uint32_t>>& banned_steps);
  std::optional<Path> TimeOrdered(uint32_t from, uint32_t to, int max_hops, const ReaderGraph::Filter& filter);
  Path Complete(std::vector<uint32_t> nodes, const ReaderGraph::Filter& filter, bool weighted) const;
  uint32_t NextStamp();

  const ReaderGraph& g_;
  std::vector<uint32_t> stamp_a_, stamp_b_, stamp_c_;
  std::vector<int32_t> dist_a_, dist_b_;
  std::vector<uint32_t> parent_a_, parent_b_;
  uint32_t epoch_ = 0;
};

}  // namespace dossier::graph
