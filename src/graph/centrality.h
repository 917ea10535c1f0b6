// Centrality: who sits where in a SimpleGraph (graph/simple_graph.h).
//
//   SimpleGraph g = SimpleGraph::FromEdges(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
//   auto between = Betweenness(g, 2);      // {0, 3, 4, 3, 0}
//   auto brokers = Brokers(g, 10, between); // node 2 first: least constrained
//
// Every measure returns one value per node, indexed by node number, and treats
// the graph as unweighted: `multiplicity` is ignored, since a hundred payments
// between two companies make them no more central than one.
//
// The definitions are igraph's (0.10), so that numbers can be checked against a
// peer and explained to an analyst who knows that tool:
// - degree:      distinct neighbours;
// - PageRank:    each edge a pair of arcs, damping d, a node of degree 0 spreads
//                its rank over all nodes (as PRPACK does); the values sum to 1;
// - betweenness: Brandes's exact count, each unordered pair of endpoints counted
//                once, not normalised (a star of n nodes gives its centre
//                (n-1)(n-2)/2);
// - closeness:   (nodes reached - 1) / (sum of distances to them), over the
//                nodes reachable from the node only, so a small component is not
//                punished for being small; NaN for a node of degree 0 (no
//                distance to average, and igraph returns nan there too);
// - constraint:  Burt's, each edge of weight 1: for node i of degree d_i,
//                sum over neighbours j of (1/d_i)^2 (1 + sum over common
//                neighbours q of i and j of 1/d_q)^2. It is high (up to about
//                1) when i's contacts all know each other and low when i alone
//                joins them; NaN for a node of degree 0.
//
// Cost, for n nodes and m edges: degree O(n); PageRank O(m) per iteration;
// betweenness and closeness O(nm), split over threads; constraint O(m sqrt(m))
// (each triangle is visited once, from its lowest-degree corner, so a hub with a
// hundred thousand contacts does not cost a hundred thousand squared).
//
// Threads: `threads` is the number of worker threads (0 means the hardware's
// count). Sources are dealt to threads in a fixed pattern and the per-thread
// sums added in thread order, so a result depends only on the graph and the
// thread count; different thread counts agree up to floating-point rounding.
// Each thread needs about 32 bytes of scratch per node.
//
// Bad input: none is possible beyond the SimpleGraph invariants; an empty graph
// gives empty results.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "graph/simple_graph.h"

namespace dossier::graph {

// Number of distinct neighbours of each node.
std::vector<double> DegreeCentrality(const SimpleGraph& g);

// PageRank with damping `damping`, iterated (power method) until the L1 change
// of one step is below `tolerance` or `max_iterations` steps were made. Sums to
// 1. Agrees with igraph's PRPACK solution within 1e-9 per node at the defaults.
std::vector<double> PageRank(const SimpleGraph& g, double damping = 0.85, double tolerance = 1e-12,
                             int max_iterations = 1000);

// Exact betweenness (see above), from every node as a source.
std::vector<double> Betweenness(const SimpleGraph& g, unsigned threads = 1);

// Betweenness estimated from `pivots` distinct source nodes drawn at random
// (the draw depends on `seed` and n only), scaled by n / pivots so that the
// estimate is unbiased. pivots >= n takes every node and gives the exact value;
// pivots == 0 gives all zeros.
std::vector<double> SampledBetweenness(const SimpleGraph& g, uint32_t pivots, uint64_t seed,
                                       unsigned threads = 1);

// Closeness over the reachable nodes (see above); NaN for a node of degree 0.
std::vector<double> Closeness(const SimpleGraph& g, unsigned threads = 1);

// Burt's constraint (see above); NaN for a node of degree 0.
std::vector<double> Constraint(const SimpleGraph& g);

// A node that joins contacts who would otherwise be apart.
struct Broker {
  uint32_t node;
  double constraint;
  double betweenness;  // as given to Brokers(), 0 when none was given
};

// The `top` least constrained nodes among those with at least two neighbours (a
// node with one contact brokers nothing), ordered by ascending constraint, ties
// by descending betweenness, then by node number. `betweenness` holds one value
// per node (as from Betweenness or SampledBetweenness), or is empty, and then
// ties go by node number alone; any other size throws std::invalid_argument.
std::vector<Broker> Brokers(const SimpleGraph& g, std::size_t top, std::span<const double> betweenness);

}  // namespace dossier::graph
