// SimpleGraph: the undirected, simple graph that whole-graph measures run on.
//
// A reader's graph (graph/reader_graph.h) is turned into one of these for
// centrality, communities and brokers: nodes are the reader's visible entities
// (clusters merged), numbered 0..n-1; an edge joins two nodes when at least one
// visible tie joins them, whatever its direction or schema. Parallel ties are
// one edge (their count is kept as `multiplicity`), self-loops are dropped.
//
// Invariants:
// - offsets.size() == n + 1, offsets[0] == 0, offsets[n] == neighbours.size();
// - the neighbours of u are neighbours[offsets[u] .. offsets[u+1]), ascending,
//   with no repeats and never u itself;
// - v is a neighbour of u exactly when u is a neighbour of v;
// - multiplicity (when not empty) runs parallel to neighbours.
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace dossier::graph {

struct SimpleGraph {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> neighbours;
  std::vector<uint32_t> multiplicity;

  uint32_t NodeCount() const { return static_cast<uint32_t>(offsets.size() - 1); }
  uint64_t EdgeCount() const { return neighbours.size() / 2; }
  std::span<const uint32_t> Neighbours(uint32_t u) const {
    return {neighbours.data() + offsets[u], static_cast<std::size_t>(offsets[u + 1] - offsets[u])};
  }
  uint32_t Degree(uint32_t u) const { return static_cast<uint32_t>(offsets[u + 1] - offsets[u]); }

  // From an edge list over nodes 0..n-1 (either order, repeats and self-loops
  // allowed: they are merged and dropped as above).
  static SimpleGraph FromEdges(uint32_t n, std::vector<std::pair<uint32_t, uint32_t>> edges);
};

}  // namespace dossier::graph
