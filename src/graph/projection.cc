#include "graph/projection.h"

namespace dossier::graph {

Projection Project(const ReaderGraph& rg, const TieFilter& filter) {
  Projection p;
  const uint32_t n = rg.NodeCount();
  constexpr uint32_t kNone = 0xffffffffu;
  std::vector<uint32_t> index(n, kNone);
  for (uint32_t u = 0; u < n; ++u)
    if (rg.Exists(u)) {
      index[u] = static_cast<uint32_t>(p.nodes.size());
      p.nodes.push_back(u);
    }
  const auto f = rg.Prepare(filter);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  for (uint32_t u : p.nodes)
    rg.ForEachTie(u, f, [&](uint32_t w, uint32_t, bool) {
      if (u < w) edges.emplace_back(index[u], index[w]);  // each tie once, from its smaller end
    });
  p.graph = SimpleGraph::FromEdges(static_cast<uint32_t>(p.nodes.size()), std::move(edges));
  return p;
}

}  // namespace dossier::graph
