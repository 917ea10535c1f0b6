// Projection: a reader's graph as a SimpleGraph, for whole-graph measures
// (centrality, communities, brokers).
//
// Nodes are the nodes that exist for the reader (clusters merged), renumbered
// 0..n-1 in id order; an edge joins two of them when a visible tie that passes
// the filter does. `nodes[i]` is the Graph node behind index i.
#pragma once
#include <cstdint>
#include <vector>

#include "graph/reader_graph.h"
#include "graph/simple_graph.h"

namespace dossier::graph {

struct Projection {
  SimpleGraph graph;
  std::vector<uint32_t> nodes;
};

Projection Project(const ReaderGraph& rg, const TieFilter& filter = {});

}  // namespace dossier::graph
