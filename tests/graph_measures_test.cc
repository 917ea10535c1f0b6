// Whole-graph measures (src/graph/centrality.h, src/graph/communities.h):
// small graphs with answers worked by hand, then generated graphs checked
// against igraph (tests/graph_peer_measures.py, run with /usr/bin/python3).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "graph/split_mix.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/simple_graph.h"
#include "test_util.h"

namespace dossier::graph {
namespace {

using Edges = std::vector<std::pair<uint32_t, uint32_t>>;

SimpleGraph Path(uint32_t n) {
  Edges edges;
  for (uint32_t u = 0; u + 1 < n; ++u) edges.emplace_back(u, u + 1);
  return SimpleGraph::FromEdges(n, edges);
}

SimpleGraph Star(uint32_t n) {
  Edges edges;
  for (uint32_t u = 1; u < n; ++u) edges.emplace_back(0, u);
  return SimpleGraph::FromEdges(n, edges);
}

// Triangles 0-1-2 and 3-4-5, joined by the bridge 2-3.
SimpleGraph TwoTriangles() {
  return SimpleGraph::FromEdges(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 3}});
}

bool IsNaN(double x) { return std::isnan(x); }

// Deterministic generators (their own PRNG, so the graphs are the same everywhere).
using Random = dossier::graph::SplitMix64;

// G(n, M): `m` edges drawn uniformly (repeats and loops merged by FromEdges).
Edges ErdosRenyiEdges(uint32_t n, uint32_t m, uint64_t seed, uint32_t first = 0) {
  Random random{seed};
  Edges edges;
  for (uint32_t i = 0; i < m; ++i) edges.emplace_back(first + random.Below(n), first + random.Below(n));
  return edges;
}

// Barabasi-Albert: each new node ties to `k` earlier nodes chosen in
// proportion to degree, which gives hubs (a heavy-tailed degree).
Edges PreferentialEdges(uint32_t n, uint32_t k, uint64_t seed, uint32_t first = 0) {
  Random random{seed};
  Edges edges;
  std::vector<uint32_t> ends;  // every edge's two ends: drawing from it is drawing by degree
  for (uint32_t u = 1; u <= k && u < n; ++u) {
    edges.emplace_back(first, first + u);
    ends.push_back(0);
    ends.push_back(u);
  }
  for (uint32_t u = k + 1; u < n; ++u) {
    for (uint32_t j = 0; j < k; ++j) {
      const uint32_t v = ends[random.Below(static_cast<uint32_t>(ends.size()))];
      edges.emplace_back(first + u, first + v);
      ends.push_back(u);
      ends.push_back(v);
    }
  }
  return edges;
}

SimpleGraph ErdosRenyi() { return SimpleGraph::FromEdges(2000, ErdosRenyiEdges(2000, 6000, 11)); }
SimpleGraph Preferential() { return SimpleGraph::FromEdges(3000, PreferentialEdges(3000, 3, 12)); }

// Several components: a preferential graph, a sparse random graph (itself in
// pieces), a path, a star, a triangle, and isolated nodes, numbered apart.
SimpleGraph Archipelago() {
  Edges edges = PreferentialEdges(700, 2, 13, 0);
  for (auto e : ErdosRenyiEdges(400, 380, 14, 700)) edges.push_back(e);
  for (uint32_t u = 1100; u < 1119; ++u) edges.emplace_back(u, u + 1);
  for (uint32_t u = 1121; u < 1150; ++u) edges.emplace_back(1120, u);
  edges.insert(edges.end(), {{1150, 1151}, {1151, 1152}, {1150, 1152}});
  return SimpleGraph::FromEdges(1165, edges);  // 1153 .. 1164 isolated
}

// Whether each community of `found` is connected, numbered by smallest node,
// and consistent with its count and modularity.
void ExpectWellFormed(const SimpleGraph& g, const Communities& found, double resolution = 1.0) {
  const uint32_t n = g.NodeCount();
  ASSERT_EQ(found.membership.size(), n);
  uint32_t next = 0;
  for (uint32_t u = 0; u < n; ++u) {
    ASSERT_LE(found.membership[u], next) << "numbered out of order at node " << u;
    if (found.membership[u] == next) ++next;
  }
  EXPECT_EQ(found.count, next);
  std::vector<uint32_t> seen(n, 0);
  std::vector<char> community_done(found.count, 0);
  for (uint32_t s = 0; s < n; ++s) {
    if (community_done[found.membership[s]]) continue;
    community_done[found.membership[s]] = 1;
    // Everything reachable inside the community from its smallest node must be all of it.
    std::vector<uint32_t> queue{s};
    seen[s] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (uint32_t v : g.Neighbours(queue[head])) {
        if (!seen[v] && found.membership[v] == found.membership[s]) {
          seen[v] = 1;
          queue.push_back(v);
        }
      }
    }
  }
  std::vector<uint32_t> size(found.count, 0);
  for (uint32_t u = 0; u < n; ++u) ++size[found.membership[u]];
  for (uint32_t u = 0; u < n; ++u) {
    ASSERT_TRUE(seen[u]) << "community " << found.membership[u] << " is not connected (node " << u << ")";
    if (g.Degree(u) == 0) {
      EXPECT_EQ(size[found.membership[u]], 1u) << "isolated node " << u << " not alone";
    }
  }
  const double q = Modularity(g, found.membership, resolution);
  if (IsNaN(q)) {
    EXPECT_TRUE(IsNaN(found.modularity));
  } else {
    EXPECT_DOUBLE_EQ(found.modularity, q);
  }
}

TEST(GraphMeasures, EmptyGraph) {
  const SimpleGraph g;
  EXPECT_TRUE(DegreeCentrality(g).empty());
  EXPECT_TRUE(PageRank(g).empty());
  EXPECT_TRUE(Betweenness(g, 2).empty());
  EXPECT_TRUE(SampledBetweenness(g, 5, 1).empty());
  EXPECT_TRUE(Closeness(g).empty());
  EXPECT_TRUE(Constraint(g).empty());
  EXPECT_TRUE(Brokers(g, 10, {}).empty());
  for (const Communities& found : {Louvain(g), Leiden(g)}) {
    EXPECT_TRUE(found.membership.empty());
    EXPECT_EQ(found.count, 0u);
    EXPECT_TRUE(IsNaN(found.modularity));
  }
}

TEST(GraphMeasures, OneNode) {
  const SimpleGraph g = SimpleGraph::FromEdges(1, {{0, 0}});  // the loop is dropped
  EXPECT_EQ(DegreeCentrality(g), std::vector<double>{0});
  EXPECT_EQ(PageRank(g), std::vector<double>{1});
  EXPECT_EQ(Betweenness(g), std::vector<double>{0});
  EXPECT_TRUE(IsNaN(Closeness(g)[0]));
  EXPECT_TRUE(IsNaN(Constraint(g)[0]));
  EXPECT_TRUE(Brokers(g, 10, Betweenness(g)).empty());
  for (const Communities& found : {Louvain(g), Leiden(g)}) {
    EXPECT_EQ(found.membership, std::vector<uint32_t>{0});
    EXPECT_EQ(found.count, 1u);
    EXPECT_TRUE(IsNaN(found.modularity));  // no edges: igraph says nan too
  }
}

TEST(GraphMeasures, PathOfFive) {
  const SimpleGraph g = Path(5);
  EXPECT_EQ(DegreeCentrality(g), (std::vector<double>{1, 2, 2, 2, 1}));
  EXPECT_EQ(Betweenness(g), (std::vector<double>{0, 3, 4, 3, 0}));
  EXPECT_EQ(Betweenness(g, 3), (std::vector<double>{0, 3, 4, 3, 0}));
  const std::vector<double> closeness = Closeness(g);
  const std::vector<double> expected_closeness{4.0 / 10, 4.0 / 7, 4.0 / 6, 4.0 / 7, 4.0 / 10};
  for (int u = 0; u < 5; ++u) EXPECT_DOUBLE_EQ(closeness[u], expected_closeness[u]) << u;
  // Ends: one contact, wholly constrained by it; inner nodes: two contacts who do not know each other.
  const std::vector<double> constraint = Constraint(g);
  const std::vector<double> expected_constraint{1, 0.5, 0.5, 0.5, 1};
  for (int u = 0; u < 5; ++u) EXPECT_DOUBLE_EQ(constraint[u], expected_constraint[u]) << u;
  const std::vector<double> rank = PageRank(g);
  EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-12);
  EXPECT_NEAR(rank[0], rank[4], 1e-12);
  EXPECT_NEAR(rank[1], rank[3], 1e-12);
  EXPECT_LT(rank[0], rank[1]);
  // Equal constraint: the busier broker first, then by number.
  const std::vector<Broker> brokers = Brokers(g, 10, Betweenness(g));
  ASSERT_EQ(brokers.size(), 3u);
  EXPECT_EQ(brokers[0].node, 2u);
  EXPECT_EQ(brokers[1].node, 1u);
  EXPECT_EQ(brokers[2].node, 3u);
  EXPECT_EQ(brokers[0].betweenness, 4);
  EXPECT_EQ(Brokers(g, 2, Betweenness(g)).size(), 2u);
  EXPECT_EQ(Brokers(g, 10, {}).front().node, 1u);  // no betweenness: ties by number
  const std::vector<double> wrong_size(3, 0.0);
  EXPECT_THROW(Brokers(g, 10, wrong_size), std::invalid_argument);
}

TEST(GraphMeasures, Star) {
  const uint32_t n = 9;
  const SimpleGraph g = Star(n);
  const std::vector<double> between = Betweenness(g);
  EXPECT_EQ(between[0], (n - 1) * (n - 2) / 2);
  for (uint32_t u = 1; u < n; ++u) EXPECT_EQ(between[u], 0) << u;
  EXPECT_EQ(SampledBetweenness(g, n, 99), between);
  EXPECT_EQ(SampledBetweenness(g, 1000, 99, 2), between);
  EXPECT_EQ(SampledBetweenness(g, 0, 99), std::vector<double>(n, 0.0));
  EXPECT_DOUBLE_EQ(Closeness(g)[0], 1.0);
  EXPECT_DOUBLE_EQ(Closeness(g)[1], (n - 1.0) / (1 + 2 * (n - 2.0)));
  EXPECT_DOUBLE_EQ(Constraint(g)[0], 1.0 / (n - 1));
  const std::vector<Broker> brokers = Brokers(g, 10, between);
  ASSERT_EQ(brokers.size(), 1u);
  EXPECT_EQ(brokers[0].node, 0u);
  // Centre c and leaves x: c = 0.15/n + 0.85 (n-1) x, x = 0.15/n + 0.85 c / (n-1),
  // so c = (1 + 0.85 (n-1)) / (1.85 n).
  const std::vector<double> rank = PageRank(g);
  EXPECT_NEAR(rank[0], (1 + 0.85 * (n - 1)) / (1.85 * n), 1e-10);
  EXPECT_NEAR(rank[1], (1 - rank[0]) / (n - 1), 1e-12);
}

TEST(GraphMeasures, TwoTrianglesJoinedByABridge) {
  const SimpleGraph g = TwoTriangles();
  const std::vector<double> between = Betweenness(g);
  EXPECT_EQ(between, (std::vector<double>{0, 0, 6, 6, 0, 0}));
  // Node 2: contacts 0 and 1 know each other (and node 2), contact 3 is alone:
  // (1/3 (1 + 1/2))^2 twice, plus (1/3)^2.
  const std::vector<double> constraint = Constraint(g);
  EXPECT_NEAR(constraint[2], 0.25 + 0.25 + 1.0 / 9, 1e-12);
  EXPECT_NEAR(constraint[3], constraint[2], 1e-12);
  EXPECT_NEAR(constraint[0], 4.0 / 9 + 9.0 / 16, 1e-12);
  const std::vector<Broker> brokers = Brokers(g, 2, between);
  ASSERT_EQ(brokers.size(), 2u);
  EXPECT_EQ(std::set<uint32_t>({brokers[0].node, brokers[1].node}), (std::set<uint32_t>{2, 3}));
  EXPECT_EQ(brokers[0].betweenness, 6);
  for (const Communities& found : {Louvain(g), Leiden(g)}) {
    EXPECT_EQ(found.membership, (std::vector<uint32_t>{0, 0, 0, 1, 1, 1}));
    EXPECT_EQ(found.count, 2u);
    EXPECT_NEAR(found.modularity, 5.0 / 14, 1e-12);  // 2 x (3/7 - (7/14)^2)
  }
}

TEST(GraphMeasures, DisconnectedGraph) {
  // Path 0-1-2, edge 3-4, node 5 alone.
  const SimpleGraph g = SimpleGraph::FromEdges(6, {{0, 1}, {1, 2}, {4, 3}, {3, 4}});
  EXPECT_EQ(Betweenness(g, 2), (std::vector<double>{0, 1, 0, 0, 0, 0}));
  const std::vector<double> closeness = Closeness(g, 2);
  EXPECT_DOUBLE_EQ(closeness[0], 2.0 / 3);
  EXPECT_DOUBLE_EQ(closeness[1], 1.0);
  EXPECT_DOUBLE_EQ(closeness[3], 1.0);  // a pair is as close as can be, however small
  EXPECT_TRUE(IsNaN(closeness[5]));
  EXPECT_TRUE(IsNaN(Constraint(g)[5]));
  const std::vector<double> rank = PageRank(g);
  EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-12);
  EXPECT_GT(rank[5], 0);
  for (const Communities& found : {Louvain(g), Leiden(g)}) {
    EXPECT_EQ(found.membership, (std::vector<uint32_t>{0, 0, 0, 1, 1, 2}));
    EXPECT_EQ(found.count, 3u);
    EXPECT_NEAR(found.modularity, (2.0 / 3 - 4.0 / 9) + (1.0 / 3 - 1.0 / 9), 1e-12);
  }
}

TEST(GraphMeasures, ModularityTakesAnyCommunityNumbers) {
  const SimpleGraph g = TwoTriangles();
  const std::vector<uint32_t> dense{0, 0, 0, 1, 1, 1};
  const std::vector<uint32_t> sparse{4000000000u, 4000000000u, 4000000000u, 7, 7, 7};
  EXPECT_NEAR(Modularity(g, dense), 5.0 / 14, 1e-12);
  EXPECT_NEAR(Modularity(g, sparse), 5.0 / 14, 1e-12);
  EXPECT_NEAR(Modularity(g, std::vector<uint32_t>(6, 3)), 0.0, 1e-12);  // one community: Q = 1 - 1
  EXPECT_NEAR(Modularity(g, dense, 0.5), 6.0 / 7 - 0.5 * 0.5, 1e-12);
  EXPECT_THROW(Modularity(g, std::vector<uint32_t>(5, 0)), std::invalid_argument);
}

TEST(GraphMeasures, ThreadsGiveTheSameAnswer) {
  const SimpleGraph g = Archipelago();
  const std::vector<double> one = Betweenness(g, 1), three = Betweenness(g, 3);
  ASSERT_EQ(one.size(), three.size());
  for (std::size_t u = 0; u < one.size(); ++u) EXPECT_NEAR(one[u], three[u], 1e-9 * (1 + one[u])) << u;
  const std::vector<double> c1 = Closeness(g, 1), c3 = Closeness(g, 3);
  for (std::size_t u = 0; u < c1.size(); ++u) {
    if (IsNaN(c1[u])) {
      EXPECT_TRUE(IsNaN(c3[u]));
    } else {
      EXPECT_EQ(c1[u], c3[u]) << u;
    }
  }
  EXPECT_EQ(Betweenness(g, 3), three);  // same thread count: bit for bit
}

TEST(GraphMeasures, SampledBetweennessFindsTheTopNodes) {
  const SimpleGraph g = Preferential();
  const uint32_t n = g.NodeCount();
  const std::vector<double> exact = Betweenness(g, 2);
  const std::vector<double> all = SampledBetweenness(g, n, 5, 2);
  for (uint32_t u = 0; u < n; ++u) EXPECT_NEAR(all[u], exact[u], 1e-9 * (1 + exact[u])) << u;
  const std::vector<double> estimate = SampledBetweenness(g, n / 10, 5, 2);
  EXPECT_EQ(SampledBetweenness(g, n / 10, 5, 1).size(), estimate.size());
  const std::vector<double> again = SampledBetweenness(g, n / 10, 5, 2);
  EXPECT_EQ(again, estimate);  // seeded
  EXPECT_NE(SampledBetweenness(g, n / 10, 6, 2), estimate);
  auto top10 = [n](const std::vector<double>& values) {
    std::vector<uint32_t> nodes(n);
    std::iota(nodes.begin(), nodes.end(), 0u);
    std::partial_sort(nodes.begin(), nodes.begin() + 10, nodes.end(),
                      [&](uint32_t a, uint32_t b) { return values[a] > values[b]; });
    return std::set<uint32_t>(nodes.begin(), nodes.begin() + 10);
  };
  const std::set<uint32_t> truth = top10(exact), guess = top10(estimate);
  std::vector<uint32_t> common;
  std::set_intersection(truth.begin(), truth.end(), guess.begin(), guess.end(), std::back_inserter(common));
  EXPECT_GE(common.size(), 6u);
  // Unbiased: the totals agree closely.
  const double total_exact = std::accumulate(exact.begin(), exact.end(), 0.0);
  const double total_estimate = std::accumulate(estimate.begin(), estimate.end(), 0.0);
  EXPECT_NEAR(total_estimate / total_exact, 1.0, 0.1);
}

TEST(GraphMeasures, CommunitiesAreSeededAndConnected) {
  for (const SimpleGraph& g : {ErdosRenyi(), Preferential(), Archipelago()}) {
    const Communities louvain = Louvain(g, 3), leiden = Leiden(g, 3);
    ExpectWellFormed(g, louvain);
    ExpectWellFormed(g, leiden);
    EXPECT_EQ(Louvain(g, 3).membership, louvain.membership);
    EXPECT_EQ(Leiden(g, 3).membership, leiden.membership);
    // A higher resolution asks for smaller communities.
    const Communities fine = Leiden(g, 3, 4.0);
    ExpectWellFormed(g, fine, 4.0);
    EXPECT_GT(fine.count, leiden.count);
  }
}

// igraph's answers for g, through tests/graph_peer_measures.py; also igraph's
// modularity of each of `partitions`.
nlohmann::json PeerMeasures(const SimpleGraph& g, const std::vector<std::vector<uint32_t>>& partitions) {
  testing::TempDir dir;
  {
    std::ofstream edges(dir.File("edges.txt"));
    edges << g.NodeCount() << "\n";
    for (uint32_t u = 0; u < g.NodeCount(); ++u) {
      for (uint32_t v : g.Neighbours(u)) {
        if (u < v) edges << u << " " << v << "\n";
      }
    }
    std::ofstream out(dir.File("partitions.txt"));
    for (const auto& partition : partitions) {
      for (uint32_t c : partition) out << c << " ";
      out << "\n";
    }
  }
  const std::string command = "/usr/bin/python3 " + testing::SourcePath("tests/graph_peer_measures.py") + " " +
                              dir.File("edges.txt") + " " + dir.File("partitions.txt") + " 2>" +
                              dir.File("stderr.txt");
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return nullptr;
  }
  char buffer[1 << 16];
  for (std::size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, got);
  const int status = pclose(pipe);
  const std::string errors = testing::ReadFile(dir.File("stderr.txt"));
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
    ADD_FAILURE() << "/usr/bin/python3 cannot import igraph: install Debian's package python3-igraph "
                     "(apt-get install python3-igraph). "
                  << errors;
    return nullptr;
  }
  if (status != 0) {
    ADD_FAILURE() << command << " failed (status " << status << "): " << errors;
    return nullptr;
  }
  return nlohmann::json::parse(output);
}

void ExpectClose(const std::vector<double>& ours, const nlohmann::json& theirs, double absolute, double relative,
                 const char* what) {
  ASSERT_TRUE(theirs.is_array()) << what;
  ASSERT_EQ(ours.size(), theirs.size()) << what;
  int mismatches = 0;
  for (std::size_t u = 0; u < ours.size() && mismatches < 10; ++u) {
    if (theirs[u].is_null()) {
      EXPECT_TRUE(IsNaN(ours[u])) << what << " at node " << u << ": igraph nan, ours " << ours[u];
      mismatches += IsNaN(ours[u]) ? 0 : 1;
      continue;
    }
    const double expected = theirs[u].get<double>();
    const bool close = std::abs(ours[u] - expected) <= absolute + relative * std::abs(expected);
    EXPECT_TRUE(close) << what << " at node " << u << ": igraph " << expected << ", ours " << ours[u];
    mismatches += close ? 0 : 1;
  }
}

void ExpectAgreesWithIgraph(const SimpleGraph& g) {
  const Communities louvain = Louvain(g, 1), leiden = Leiden(g, 1);
  const nlohmann::json peer = PeerMeasures(g, {louvain.membership, leiden.membership});
  if (peer.is_null()) return;
  ExpectClose(DegreeCentrality(g), peer["degree"], 1e-6, 0, "degree");
  ExpectClose(PageRank(g), peer["pagerank"], 1e-6, 0, "pagerank");
  ExpectClose(Betweenness(g, 2), peer["betweenness"], 1e-9, 1e-6, "betweenness");
  ExpectClose(Closeness(g, 2), peer["closeness"], 1e-12, 1e-6, "closeness");
  ExpectClose(Constraint(g), peer["constraint"], 1e-6, 0, "constraint");
  // Our modularity is igraph's, and our partitions are as good as its multilevel's.
  EXPECT_NEAR(louvain.modularity, peer["modularity_of"][0].get<double>(), 1e-9);
  EXPECT_NEAR(leiden.modularity, peer["modularity_of"][1].get<double>(), 1e-9);
  const double multilevel = peer["multilevel_modularity"].get<double>();
  EXPECT_GE(louvain.modularity, multilevel - 0.01) << "igraph multilevel " << multilevel;
  EXPECT_GE(leiden.modularity, multilevel - 0.01) << "igraph multilevel " << multilevel;
  EXPECT_GE(leiden.modularity, louvain.modularity - 0.01);
}

TEST(GraphMeasuresAgainstIgraph, ErdosRenyi) { ExpectAgreesWithIgraph(ErdosRenyi()); }
TEST(GraphMeasuresAgainstIgraph, Preferential) { ExpectAgreesWithIgraph(Preferential()); }
TEST(GraphMeasuresAgainstIgraph, SeveralComponents) { ExpectAgreesWithIgraph(Archipelago()); }
TEST(GraphMeasuresAgainstIgraph, SmallCases) {
  ExpectAgreesWithIgraph(Path(5));
  ExpectAgreesWithIgraph(Star(7));
  ExpectAgreesWithIgraph(TwoTriangles());
}

}  // namespace
}  // namespace dossier::graph
