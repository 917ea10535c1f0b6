// Communities: groups of nodes of a SimpleGraph (graph/simple_graph.h) that are
// tied more among themselves than chance would tie them, by modularity.
//
//   Communities found = Leiden(g, /*seed=*/7);
//   // found.membership[u] is u's community; found.count communities in all.
//
// Modularity is Newman's, unweighted (`multiplicity` is ignored), with a
// resolution gamma:
//   Q = sum over communities c of  e_c / m  -  gamma (K_c / 2m)^2
// where m is the number of edges, e_c the edges inside c and K_c the sum of the
// degrees of c's nodes. It equals igraph's Graph.modularity(); like igraph, it is
// NaN for a graph with no edges (nothing to compare with chance). A higher
// gamma asks for more, smaller communities.
//
// Louvain (Blondel et al. 2008) moves single nodes to the neighbouring
// community that raises Q most, until none does, then merges each community
// into one node and repeats on the smaller graph until nothing moves. Leiden
// (Traag et al. 2019) adds a refinement between the two: each community is
// first split into well-connected pieces, and the pieces, not the communities,
// become the nodes of the next level, so a community can never be held together
// by a node that later left it. Leiden repeats the whole descent, starting from
// its last answer, while that raises Q by 1e-4 or more (four descents at most:
// igraph stops after two).
//
// Both move nodes from a work queue (a node is looked at again only when a
// neighbour moved), visit nodes in a seeded random order, and so are
// deterministic for a given graph, seed and resolution. After either, a
// community that is not connected in g is split into its connected parts (which
// can only raise Q), so every community of both is connected.
//
// Result invariants: membership.size() == n; communities are numbered 0 ..
// count-1 in order of each one's smallest node (so membership[0] == 0); a node
// of degree 0 is a community of its own; modularity == Modularity(g,
// membership, resolution), NaN when g has no edges.
//
// Cost: O(m) per pass over the queue, and passes are few. On one core, a
// preferential-attachment graph of a million nodes and five million edges takes
// about 10 s for Louvain and 25 s for Leiden. Memory: a weighted copy of the graph (16 bytes an
// arc), then one per level, each smaller than the last, and a few arrays over
// nodes.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "graph/simple_graph.h"

namespace dossier::graph {

struct Communities {
  std::vector<uint32_t> membership;  // per node, numbered in order of each community's smallest node
  uint32_t count = 0;
  double modularity = 0;
};

// Q of `membership` (one community number per node, any uint32 numbers, need
// not be dense). Throws std::invalid_argument if the size is not the node count.
double Modularity(const SimpleGraph& g, std::span<const uint32_t> membership, double resolution = 1.0);

Communities Louvain(const SimpleGraph& g, uint64_t seed = 1, double resolution = 1.0);

Communities Leiden(const SimpleGraph& g, uint64_t seed = 1, double resolution = 1.0);

}  // namespace dossier::graph
