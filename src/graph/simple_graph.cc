#include "graph/simple_graph.h"

#include <algorithm>

namespace dossier::graph {

SimpleGraph SimpleGraph::FromEdges(uint32_t n, std::vector<std::pair<uint32_t, uint32_t>> edges) {
  // Both directions of every edge, sorted, then runs of one pair counted.
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  arcs.reserve(edges.size() * 2);
  for (auto [a, b] : edges) {
    if (a == b) continue;
    arcs.emplace_back(a, b);
    arcs.emplace_back(b, a);
  }
  edges.clear();
  edges.shrink_to_fit();
  std::sort(arcs.begin(), arcs.end());
  SimpleGraph g;
  g.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::size_t i = 0; i < arcs.size();) {
    std::size_t j = i;
    while (j < arcs.size() && arcs[j] == arcs[i]) ++j;
    g.neighbours.push_back(arcs[i].second);
    g.multiplicity.push_back(static_cast<uint32_t>(j - i));
    ++g.offsets[arcs[i].first + 1];
    i = j;
  }
  for (uint32_t u = 0; u < n; ++u) g.offsets[u + 1] += g.offsets[u];
  return g;
}

}  // namespace dossier::graph
