// Neighbourhoods and shortest paths on generated graphs, through the whole
// stack (statements in a store, Graph::Build, a reader's ReaderGraph), checked
// against networkx run by Debian's /usr/bin/python3 on the same edges: the same
// k-hop sets and the same shortest-path lengths; and igraph's betweenness and
// Louvain modularity on the projection.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "access/feed.h"
#include "access/view.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/graph.h"
#include "graph/paths.h"
#include "graph/projection.h"
#include "graph/reader_graph.h"
#include "graph/split_mix.h"
#include "test_util.h"

using namespace dossier;
using dossier::testing::MakeStatement;
using dossier::testing::TempDir;
using nlohmann::json;

namespace {

// A graph of n persons and m ties: with `heavy`, ends drawn in proportion to
// degree so far (preferential attachment); otherwise uniformly.
std::vector<std::pair<uint32_t, uint32_t>> Generate(uint32_t n, uint32_t m, bool heavy, uint64_t seed) {
  graph::SplitMix64 random{seed};
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  std::vector<uint32_t> ends;  // each node once per tie it has, for preferential draws
  while (edges.size() < m) {
    const uint32_t a = random.Below(n);
    const uint32_t b = heavy && !ends.empty() && random.Below(4) != 0 ? ends[random.Below(static_cast<uint32_t>(ends.size()))]
                                                                      : random.Below(n);
    if (a == b) continue;
    edges.emplace_back(a, b);
    ends.push_back(a);
    ends.push_back(b);
  }
  return edges;
}

std::string Id(uint32_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "n%05u", i);  // zero-padded: id order is number order
  return buf;
}

void CheckAgainstPeers(uint32_t n, const std::vector<std::pair<uint32_t, uint32_t>>& edges) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("g.db"), true);
  {
    auto w = store->BeginIngest({"g", "test", "t"});
    model::Source source;
    source.id = "test";
    source.reliability = 'B';
    w->PutSource(source);
    for (uint32_t i = 0; i < n; ++i) w->Add(MakeStatement(Id(i), "Person", "name", "Person " + Id(i)));
    for (std::size_t k = 0; k < edges.size(); ++k) {
      const std::string tie = "t" + std::to_string(k);
      w->Add(MakeStatement(tie, k % 2 ? "Associate" : "Family", k % 2 ? "person" : "person", Id(edges[k].first)));
      w->Add(MakeStatement(tie, k % 2 ? "Associate" : "Family", k % 2 ? "associate" : "relative", Id(edges[k].second)));
    }
    w->Commit();
  }
  access::View view(*store, access::Reader::Everything());
  access::Feed feed(*store);
  const graph::Graph g = graph::Graph::Build(feed);
  const graph::ReaderGraph rg(g, view);
  ASSERT_EQ(rg.NodeCount(), n);

  std::string text = std::to_string(n) + "\n";
  for (const auto& [a, b] : edges) text += std::to_string(a) + " " + std::to_string(b) + "\n";
  dossier::testing::WriteFile(dir.File("edges.txt"), text);
  graph::SplitMix64 random{n};
  std::vector<uint32_t> sources;
  for (int k = 0; k < 25; ++k) sources.push_back(random.Below(n));
  json pairs = json::array();
  for (int k = 0; k < 150; ++k) pairs.push_back({random.Below(n), random.Below(n)});
  dossier::testing::WriteFile(dir.File("questions.json"), json({{"sources", sources}, {"hops", 3}, {"pairs", pairs}}).dump());
  const std::string cmd = "/usr/bin/python3 " + dossier::testing::SourcePath("tests/graph_peer_paths.py") + " " +
                          dir.File("edges.txt") + " " + dir.File("questions.json") + " > " + dir.File("peer.json") +
                          " 2> " + dir.File("peer.err");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << dossier::testing::ReadFile(dir.File("peer.err"));
  const json peer = json::parse(dossier::testing::ReadFile(dir.File("peer.json")));

  // Node i is the entity Id(i); ids sort as numbers, so node numbers are i.
  graph::Traversal walk(rg);
  for (uint32_t s : sources) {
    std::vector<uint32_t> ours;
    for (const auto& [node, d] : walk.Neighbours(*rg.Find(Id(s)), 3, {})) ours.push_back(node);
    std::sort(ours.begin(), ours.end());
    EXPECT_EQ(json(ours), peer["neighbours"][std::to_string(s)]) << "3 hops from " << s;
    EXPECT_EQ(walk.CountNeighbours(*rg.Find(Id(s)), 3, {}), ours.size());
  }
  graph::PathOptions options;
  options.max_hops = 64;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const uint32_t a = pairs[k][0], b = pairs[k][1];
    const auto path = walk.Shortest(*rg.Find(Id(a)), *rg.Find(Id(b)), options);
    EXPECT_EQ(path ? static_cast<int>(path->Length()) : -1, peer["lengths"][k].get<int>()) << a << " to " << b;
    if (!path) continue;
    // A real path: consecutive nodes are tied.
    for (std::size_t i = 0; i + 1 < path->nodes.size(); ++i) EXPECT_FALSE(path->ties[i].empty());
    // The k shortest start with a shortest one and never get shorter.
    const auto k3 = walk.KShortest(*rg.Find(Id(a)), *rg.Find(Id(b)), 3, options);
    ASSERT_FALSE(k3.empty());
    EXPECT_EQ(k3.front().Length(), path->Length());
    for (std::size_t i = 1; i < k3.size(); ++i) EXPECT_GE(k3[i].Length(), k3[i - 1].Length());
  }
  const auto p = graph::Project(rg);
  const auto betweenness = graph::Betweenness(p.graph, 2);
  for (uint32_t i = 0; i < n; ++i) {
    const double theirs = peer["betweenness"][i].get<double>();
    EXPECT_NEAR(betweenness[i], theirs, 1e-6 * std::max(1.0, theirs)) << i;
  }
  EXPECT_GE(graph::Louvain(p.graph).modularity, peer["louvain_modularity"].get<double>() - 0.01);
  EXPECT_GE(graph::Leiden(p.graph).modularity, peer["louvain_modularity"].get<double>() - 0.01);
}

}  // namespace

TEST(GraphPaths, AgreeWithNetworkxOnAUniformGraph) { CheckAgainstPeers(1500, Generate(1500, 3000, false, 11)); }

TEST(GraphPaths, AgreeWithNetworkxOnAHeavyTailedGraph) { CheckAgainstPeers(2000, Generate(2000, 6000, true, 12)); }

TEST(GraphPaths, AgreeWithNetworkxOnASparseGraphOfManyComponents) { CheckAgainstPeers(1500, Generate(1500, 900, false, 13)); }
