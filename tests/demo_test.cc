// The demo end to end on the shipped real data: the findings the issue names
// are there for the analyst, on whose word and under what marking, and the
// Baltic partner's report differs as the markings say.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <random>

#include "access/feed.h"
#include "access/view.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/graph.h"
#include "graph/paths.h"
#include "graph/projection.h"
#include "graph/reader_graph.h"
#include "test_util.h"

using dossier::testing::RunDossier;
using dossier::testing::TempDir;
using nlohmann::json;

namespace {

class Demo : public ::testing::Test {
 protected:
  // Under CTest a fixture has built the demo store once (see tests/CMakeLists.txt);
  // run alone, the suite builds its own.
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    store_ = DOSSIER_DEMO_STORE;
    std::string text;
    try {
      text = dossier::testing::ReadFile(DOSSIER_DEMO_JSON);
    } catch (const std::exception&) {
      store_ = dir_->File("demo.db");
      auto r = RunDossier("--store " + store_ + " --json demo");
      ASSERT_EQ(r.exit_code, 0) << r.err;
      text = r.out;
    }
    doc_ = new json(json::parse(text));
  }
  static void TearDownTestSuite() {
    delete doc_;
    delete dir_;
  }
  static const json& Report(const std::string& reader) {
    for (const auto& r : (*doc_)["reports"])
      if (r["reader"] == reader) return r;
    throw std::runtime_error("no report for " + reader);
  }
  static const json* Finding(const json& report, const std::string& target_caption) {
    for (const auto& f : report["findings"])
      if (f["target_caption"] == target_caption) return &f;
    return nullptr;
  }
  // Every caption along a route, in order.
  static std::vector<std::string> Captions(const json& route) {
    std::vector<std::string> out;
    for (const auto& hop : route["hops"]) {
      if (out.empty()) out.push_back(hop["from_caption"]);
      out.push_back(hop["to_caption"]);
    }
    return out;
  }
  static std::set<std::string> SourcesOf(const json& hop) {
    std::set<std::string> out;
    for (const auto& tie : hop["ties"])
      for (const auto& s : tie["sources"]) out.insert(s["title"].get<std::string>());
    return out;
  }
  static TempDir* dir_;
  static json* doc_;
  static std::string store_;
};

TempDir* Demo::dir_ = nullptr;
json* Demo::doc_ = nullptr;
std::string Demo::store_;

}  // namespace

TEST_F(Demo, LinksTrumpWorldPeopleToTheSanctionsLists) {
  EXPECT_GT((*doc_)["links"].get<int>(), 5);
  auto sechin = json::parse(RunDossier("--store " + store_ + " --as analyst --json show 'IGOR SECHIN'").out);
  bool from_ofac = false;
  for (const auto& m : sechin["members"]) from_ofac |= m.get<std::string>().rfind("ofac-", 0) == 0;
  EXPECT_TRUE(from_ofac) << sechin["members"];
  EXPECT_EQ(sechin["properties"]["birthDate"][0]["value"], "1960-09-07");
}

TEST_F(Demo, TillersonToSechinOnTheBalticServicesWordAndTheList) {
  const json* f = Finding(Report("analyst"), "Igor Sechin");
  if (!f) f = Finding(Report("analyst"), "IGOR SECHIN");
  ASSERT_NE(f, nullptr);
  EXPECT_NE((*f)["subject_caption"].get<std::string>().find("Tillerson"), std::string::npos) << (*f)["subject_caption"];
  EXPECT_EQ((*f)["route"]["length"], 1);
  bool sanctioned_by_ofac = false;
  for (const auto& r : (*f)["reasons"]) sanctioned_by_ofac |= r.get<std::string>().find("Foreign Assets Control") != std::string::npos;
  EXPECT_TRUE(sanctioned_by_ofac) << (*f)["reasons"];
  auto sources = SourcesOf((*f)["route"]["hops"][0]);
  EXPECT_TRUE(sources.count("a Baltic service")) << json(sources);  // protected source, sanitised for WESTINT
  EXPECT_TRUE(sources.count("TrumpWorld (BuzzFeed News, 2017)")) << json(sources);
}

TEST_F(Demo, TrumpOrganizationToTheMammadovsAndOnToTheGuard) {
  const json* f = Finding(Report("analyst"), "Ziya Mammadov");
  if (!f) f = Finding(Report("analyst"), "ZIYA MAMMADOV");
  ASSERT_NE(f, nullptr);
  auto captions = Captions((*f)["route"]);
  ASSERT_GE(captions.size(), 3u);
  EXPECT_NE(std::find_if(captions.begin(), captions.end(),
                         [](const std::string& c) { return c.find("TRUMP ORGANIZATION") != std::string::npos ||
                                                           c.find("Trump Organization") != std::string::npos; }),
            captions.end())
      << json(captions);
  EXPECT_NE(std::find_if(captions.begin(), captions.end(),
                         [](const std::string& c) { return c.find("Anar") != std::string::npos || c.find("ANAR") != std::string::npos; }),
            captions.end())
      << json(captions);
  bool direct = false, via_azarpassillo = false;
  for (const auto& route : (*f)["onward"]) {
    auto c = Captions(route);
    if (c.size() == 2) direct = true;  // the German claim: Ziya -> the Guard
    for (const auto& x : c) via_azarpassillo |= x == "AZARPASSILLO";
  }
  EXPECT_TRUE(direct) << (*f)["onward"];
  EXPECT_TRUE(via_azarpassillo) << (*f)["onward"];
  EXPECT_NE((*f)["marking"].get<std::string>().find("ORCON"), std::string::npos);
}

TEST_F(Demo, TrumpOrganizationToCenturyPropertiesToTheEnvoy) {
  const json* f = Finding(Report("analyst"), "Jose E.B. Antonio");
  if (!f) f = Finding(Report("analyst"), "JOSE E.B. ANTONIO");
  ASSERT_NE(f, nullptr);
  auto captions = Captions((*f)["route"]);
  bool century = false;
  for (const auto& c : captions) century |= c == "CENTURY PROPERTIES" || c == "Century Properties";
  EXPECT_TRUE(century) << json(captions);
  bool envoy = false;
  for (const auto& r : (*f)["reasons"]) envoy |= r.get<std::string>().find("role.diplo") != std::string::npos;
  EXPECT_TRUE(envoy) << (*f)["reasons"];
}

TEST_F(Demo, ThePartnerSeesLessAndNoProtectedSourceNames) {
  const auto& partner = Report("baltic");
  const auto& full = Report("analyst");
  EXPECT_LT(partner["findings"].size(), full["findings"].size());
  EXPECT_EQ(Finding(partner, "Ziya Mammadov"), nullptr);
  EXPECT_EQ(Finding(partner, "ZIYA MAMMADOV"), nullptr);
  std::string dump = partner.dump();
  EXPECT_EQ(dump.find("WESTINT liaison"), std::string::npos);
  EXPECT_EQ(dump.find("ORCON"), std::string::npos);
  EXPECT_EQ(dump.find("German"), std::string::npos);
  // The Baltic service knows its own source by name.
  EXPECT_NE(dump.find("BALTSEC investigation"), std::string::npos);
}

// Link analysis on the demo's TrumpWorld graph, as the analyst sees it, checked
// against networkx (neighbourhoods, shortest paths) and igraph (betweenness,
// Louvain) run by Debian's /usr/bin/python3 on the same edges.
TEST_F(Demo, LinkAnalysisAgreesWithNetworkxAndIgraph) {
  auto store = dossier::store::Store::Open(store_, false);
  dossier::access::View view(*store, dossier::access::Reader::Resolve(*store, "analyst"));
  dossier::access::Feed feed(*store);
  const auto g = dossier::graph::Graph::Build(feed);
  const dossier::graph::ReaderGraph rg(g, view);
  const auto p = dossier::graph::Project(rg);
  const uint32_t n = p.graph.NodeCount();
  ASSERT_GT(p.graph.EdgeCount(), 3000u);  // TrumpWorld alone has thousands of ties
  std::vector<uint32_t> index_of(rg.NodeCount(), 0);
  for (uint32_t i = 0; i < n; ++i) index_of[p.nodes[i]] = i;

  TempDir dir;
  std::string edges = std::to_string(n) + "\n";
  for (uint32_t u = 0; u < n; ++u)
    for (uint32_t v : p.graph.Neighbours(u))
      if (u < v) edges += std::to_string(u) + " " + std::to_string(v) + "\n";
  dossier::testing::WriteFile(dir.File("edges.txt"), edges);
  // Sources and pairs among well-tied nodes, and some at random.
  std::mt19937 rng(7);
  std::vector<uint32_t> sources;
  for (uint32_t i = 0; i < n && sources.size() < 10; ++i)
    if (p.graph.Degree(i) >= 20) sources.push_back(i);
  for (int k = 0; k < 10; ++k) sources.push_back(static_cast<uint32_t>(rng() % n));
  json pairs = json::array();
  for (int k = 0; k < 60; ++k) pairs.push_back({rng() % n, rng() % n});
  dossier::testing::WriteFile(dir.File("questions.json"), json({{"sources", sources}, {"hops", 3}, {"pairs", pairs}}).dump());
  const std::string cmd = "/usr/bin/python3 " + dossier::testing::SourcePath("tests/graph_peer_paths.py") + " " +
                          dir.File("edges.txt") + " " + dir.File("questions.json") + " > " + dir.File("peer.json") +
                          " 2> " + dir.File("peer.err");
  const int rc = std::system(cmd.c_str());
  ASSERT_EQ(rc, 0) << dossier::testing::ReadFile(dir.File("peer.err"));
  const json peer = json::parse(dossier::testing::ReadFile(dir.File("peer.json")));

  dossier::graph::Traversal walk(rg);
  for (uint32_t s : sources) {
    std::vector<uint32_t> ours;
    for (const auto& [node, d] : walk.Neighbours(p.nodes[s], 3, {})) ours.push_back(index_of[node]);
    std::sort(ours.begin(), ours.end());
    EXPECT_EQ(json(ours), peer["neighbours"][std::to_string(s)]) << "3 hops from " << rg.Id(p.nodes[s]);
  }
  dossier::graph::PathOptions options;
  options.max_hops = 64;
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const uint32_t a = pairs[k][0], b = pairs[k][1];
    const auto path = walk.Shortest(p.nodes[a], p.nodes[b], options);
    EXPECT_EQ(path ? static_cast<int>(path->Length()) : -1, peer["lengths"][k].get<int>())
        << rg.Id(p.nodes[a]) << " to " << rg.Id(p.nodes[b]);
  }
  const auto betweenness = dossier::graph::Betweenness(p.graph, 2);
  for (uint32_t i = 0; i < n; ++i) {
    const double theirs = peer["betweenness"][i].get<double>();
    EXPECT_NEAR(betweenness[i], theirs, 1e-6 * std::max(1.0, theirs)) << rg.Id(p.nodes[i]);
  }
  const double floor = peer["louvain_modularity"].get<double>() - 0.01;
  EXPECT_GE(dossier::graph::Louvain(p.graph).modularity, floor);
  EXPECT_GE(dossier::graph::Leiden(p.graph).modularity, floor);
}

// The graph commands on the demo: paths with their evidence, batch forms, exposure.
TEST_F(Demo, GraphCommands) {
  const std::string as = "--store " + store_ + " --as analyst --json ";
  auto run = [&](const std::string& args, int code = 0) {
    auto r = RunDossier(as + args);
    EXPECT_EQ(r.exit_code, code) << args << "\n" << r.err;
    return r.out;
  };
  const json path = json::parse(run("path rpt-trump rpt-duterte"));
  EXPECT_EQ(path["length"], 4);
  EXPECT_EQ(path["hops"][0]["from"], "rpt-trump");
  EXPECT_EQ(path["hops"][3]["to"], "rpt-duterte");
  EXPECT_FALSE(path["marking"].get<std::string>().empty());
  for (const auto& hop : path["hops"]) {
    EXPECT_FALSE(hop["sources"].empty());
    EXPECT_FALSE(hop["grading"].get<std::string>().empty());
  }
  // The k shortest come cheapest first, all simple.
  const json k = json::parse(run("path rpt-trump rpt-duterte --k 3 --max-hops 5"));
  ASSERT_GE(k["paths"].size(), 2u);
  EXPECT_LE(k["paths"][0]["length"].get<int>(), k["paths"][1]["length"].get<int>());
  // Batch: one line per pair, length null when there is none, unknown ids named.
  TempDir dir;
  dossier::testing::WriteFile(dir.File("pairs.csv"), "from,to\nrpt-trump,rpt-duterte\nrpt-trump,nobody-at-all\n");
  const std::string out = run("path --pairs " + dir.File("pairs.csv"));
  std::vector<json> lines;
  for (std::size_t at = 0, nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(json::parse(out.substr(at, nl - at)));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["length"], 4);
  EXPECT_TRUE(lines[1]["length"].is_null());
  EXPECT_NE(lines[1]["error"].get<std::string>().find("nobody-at-all"), std::string::npos);
  dossier::testing::WriteFile(dir.File("seeds.txt"), "id\nrpt-trump\nrpt-duterte\n");
  const std::string counts = run("neighbours --seeds " + dir.File("seeds.txt") + " --hops 2 --count");
  const json first = json::parse(counts.substr(0, counts.find('\n')));
  EXPECT_EQ(first["id"], "rpt-trump");
  EXPECT_EQ(first["count"], json::parse(run("neighbours rpt-trump --hops 2 --count"))["count"]);
  // Exposure: the ministers' agencies are government bodies within two hops of the president.
  const json exposure = json::parse(run("exposure rpt-trump --topic gov.* --max-hops 2"));
  EXPECT_GT(exposure["count"].get<int>(), 3);
  int last = 0;
  for (const auto& e : exposure["exposed"]) {
    EXPECT_GE(e["distance"].get<int>(), last);
    last = e["distance"];
    EXPECT_EQ(e["path"]["length"], e["distance"]);
  }
  // The partner cannot reach what it may not see, and is told nothing more.
  EXPECT_EQ(json::parse(run("path rpt-trump rpt-ziya-mammadov"))["length"], 3);
  auto hidden = RunDossier("--store " + store_ + " --as baltic --json path rpt-trump rpt-ziya-mammadov");
  auto missing = RunDossier("--store " + store_ + " --as baltic --json path rpt-trump rpt-no-such-entity");
  EXPECT_EQ(hidden.exit_code, 1);
  EXPECT_EQ(missing.exit_code, 1);
  auto without_id = [](std::string text, const std::string& id) { return text.replace(text.find(id), id.size(), "X"); };
  EXPECT_EQ(without_id(hidden.err, "rpt-ziya-mammadov"), without_id(missing.err, "rpt-no-such-entity"));
  // Export formats parse as what they claim to be.
  const std::string graphml = RunDossier("--store " + store_ + " --as analyst path rpt-trump rpt-duterte --format graphml").out;
  EXPECT_NE(graphml.find("<graphml"), std::string::npos);
  EXPECT_NE(graphml.find("rpt-duterte"), std::string::npos);
  const std::string dot = RunDossier("--store " + store_ + " --as analyst network rpt-trump rpt-duterte ofac-16692 --format dot").out;
  EXPECT_NE(dot.find("digraph"), std::string::npos);
  const json central = json::parse(run("centrality --measure pagerank --top 5"));
  EXPECT_EQ(central["results"].size(), 5u);
  // A measure over the whole graph carries the highest marking of what the reader sees.
  // The analyst's graph holds WESTINT's ORCON claims; the Baltic partner's does not.
  EXPECT_NE(central["marking"].get<std::string>().find("ORCON"), std::string::npos) << central["marking"];
  const json partner = json::parse(RunDossier("--store " + store_ + " --as baltic --json centrality --top 5").out);
  EXPECT_EQ(partner["marking"].get<std::string>().find("ORCON"), std::string::npos) << partner["marking"];
  EXPECT_NE(partner["marking"].get<std::string>().find("SECRET"), std::string::npos) << partner["marking"];
  const json communities = json::parse(run("communities --top 3"));
  EXPECT_GT(communities["modularity"].get<double>(), 0.3);
  run("brokers --top 3");
  run("common rpt-trump rpt-duterte");
  run("path rpt-trump rpt-duterte --min-grading Q9", 2);
  run("path rpt-trump rpt-duterte --relation Nonsense", 2);
}
