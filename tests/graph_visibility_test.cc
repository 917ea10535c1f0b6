// Link analysis under the visibility rule, proved as a property: for random
// stores and readers, every graph question (neighbours, paths of every kind,
// the connecting network, common neighbours, exposure, centrality, communities,
// brokers) gives the same answer on the full store as on a copy holding only
// what the reader may see. The answers are compared by entity and tie ids, so
// numbering differences between the two stores cannot hide a difference.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>

#include "access/feed.h"
#include "access/view.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/graph.h"
#include "graph/paths.h"
#include "graph/projection.h"
#include "graph/reader_graph.h"
#include "model/grading.h"
#include "random_world.h"
#include "test_util.h"

using namespace dossier;
using namespace dossier::testing::world;
using dossier::testing::TempDir;

namespace {

// One store as one reader sees it, with the means to describe answers by ids.
struct Side {
  Side(store::Store& store, const std::string& user)
      : view(store, access::Reader::Resolve(store, user)), feed(store), graph(graph::Graph::Build(feed)), rg(graph, view),
        walk(rg) {}

  std::string Node(uint32_t n) const { return std::string(rg.Id(n)); }
  std::optional<uint32_t> Find(const std::string& id) const { return rg.Find(id); }

  std::string Describe(const graph::Path& p) {
    std::string out = "cost " + std::to_string(p.cost) + ":";
    for (uint32_t n : p.nodes) out += Node(n) + ">";
    for (const auto& ties : p.ties) {
      auto ids = graph.TieIds(feed, ties);
      out += "[";
      // Parallel ties in grading order; equal gradings in id order (numbers differ between stores).
      std::vector<std::pair<int, std::string>> list;
      for (std::size_t i = 0; i < ties.size(); ++i) list.emplace_back(rg.TieGrading(ties[i]), ids[i]);
      std::sort(list.begin(), list.end());
      for (const auto& [g, id] : list) out += id + "/" + std::to_string(g) + ",";
      out += "]";
    }
    return out;
  }
  std::string Describe(const std::optional<graph::Path>& p) { return p ? Describe(*p) : "none"; }

  access::View view;
  access::Feed feed;
  graph::Graph graph;
  graph::ReaderGraph rg;
  graph::Traversal walk;
};

std::string Measures(Side& s) {
  const graph::Projection p = graph::Project(s.rg);
  std::string out = "n" + std::to_string(p.graph.NodeCount()) + " e" + std::to_string(p.graph.EdgeCount()) + ":";
  const auto degree = graph::DegreeCentrality(p.graph);
  const auto pagerank = graph::PageRank(p.graph);
  const auto betweenness = graph::Betweenness(p.graph, 1);
  const auto closeness = graph::Closeness(p.graph, 1);
  auto num = [](double x) { return std::isnan(x) ? std::string("nan") : std::to_string(std::round(x * 1e9) / 1e9); };
  for (uint32_t i = 0; i < p.graph.NodeCount(); ++i)
    out += s.Node(p.nodes[i]) + "=" + num(degree[i]) + "/" + num(pagerank[i]) + "/" + num(betweenness[i]) + "/" +
           num(closeness[i]) + ";";
  for (const auto& c : {graph::Louvain(p.graph), graph::Leiden(p.graph)}) {
    out += "communities " + num(c.modularity) + ":";
    for (uint32_t i = 0; i < p.graph.NodeCount(); ++i) out += std::to_string(c.membership[i]) + ",";
  }
  for (const auto& b : graph::Brokers(p.graph, 5, betweenness)) out += "broker " + s.Node(p.nodes[b.node]) + ";";
  return out;
}

}  // namespace

RC_GTEST_PROP(GraphVisibility, EveryQuestionEqualsTheAnswerOnAFilteredCopy, ()) {
  World world = GenerateWorld();
  const std::string user = *rc::gen::element<std::string>("w", "b", "u", "low");
  TempDir dir;
  auto stores = WriteTwoStores(world, user, dir);
  Side a(*stores.full, user), b(*stores.filtered, user);

  std::vector<std::string> ids;
  for (int i = 0; i < world.entities; ++i) ids.push_back("e" + std::to_string(i));
  for (int k = 0; k < 3; ++k) ids.push_back("v" + std::to_string(k));  // events are nodes
  ids.push_back("t0");  // a tie is not a node
  ids.push_back("never-recorded");

  graph::TieFilter ownership;
  ownership.relations = {"Ownership", "Directorship"};
  graph::TieFilter graded;
  graded.worst_grading = model::GradingRank('B', 3);
  graph::TieFilter as_of;
  as_of.as_of = graph::PackDate("2016-06-01", false);
  const std::vector<graph::TieFilter> filters = {{}, ownership, graded, as_of};

  for (const auto& id : ids) {
    const auto na = a.Find(id), nb = b.Find(id);
    RC_ASSERT(na.has_value() == nb.has_value());
    if (!na) continue;
    RC_ASSERT(a.Node(*na) == b.Node(*nb));
    RC_ASSERT(a.rg.Schema(*na) == b.rg.Schema(*nb));
    RC_ASSERT(a.rg.Topics(*na) == b.rg.Topics(*nb));
    for (const auto& f : filters) {
      auto la = a.walk.Neighbours(*na, 3, f), lb = b.walk.Neighbours(*nb, 3, f);
      RC_ASSERT(la.size() == lb.size());
      for (std::size_t i = 0; i < la.size(); ++i) {
        RC_ASSERT(a.Node(la[i].first) == b.Node(lb[i].first));
        RC_ASSERT(la[i].second == lb[i].second);
      }
      RC_ASSERT(a.walk.CountNeighbours(*na, 3, f) == b.walk.CountNeighbours(*nb, 3, f));
    }
    // The graph and the View agree on who is within two hops.
    const auto view_neighbours = a.view.Neighbours(id, 2);
    const auto graph_neighbours = a.walk.Neighbours(*na, 2, {});
    RC_ASSERT(view_neighbours.size() == graph_neighbours.size());
    for (std::size_t i = 0; i < view_neighbours.size(); ++i) {
      RC_ASSERT(view_neighbours[i].first == a.Node(graph_neighbours[i].first));
      RC_ASSERT(view_neighbours[i].second == graph_neighbours[i].second);
    }
    const uint64_t risky = ~uint64_t{0};
    auto ea = a.walk.Exposure(*na, risky, 3, {}), eb = b.walk.Exposure(*nb, risky, 3, {});
    RC_ASSERT(ea.size() == eb.size());
    for (std::size_t i = 0; i < ea.size(); ++i) {
      RC_ASSERT(a.Node(ea[i].node) == b.Node(eb[i].node));
      RC_ASSERT(ea[i].distance == eb[i].distance);
      RC_ASSERT(ea[i].weakest == eb[i].weakest);
      RC_ASSERT(ea[i].topics == eb[i].topics);
      RC_ASSERT(a.Describe(ea[i].path) == b.Describe(eb[i].path));
    }
  }

  for (int x = 0; x < world.entities; ++x)
    for (int y = 0; y < world.entities; ++y) {
      const auto ua = a.Find("e" + std::to_string(x)), va = a.Find("e" + std::to_string(y));
      const auto ub = b.Find("e" + std::to_string(x)), vb = b.Find("e" + std::to_string(y));
      if (!ua || !va) continue;
      for (const auto& f : filters) {
        for (int mode = 0; mode < 3; ++mode) {
          graph::PathOptions o;
          o.max_hops = 5;
          o.filter = f;
          o.weighted = mode == 1;
          o.time_ordered = mode == 2;
          RC_ASSERT(a.Describe(a.walk.Shortest(*ua, *va, o)) == b.Describe(b.walk.Shortest(*ub, *vb, o)));
        }
      }
      // The graph's shortest path is as long as the View's.
      const auto view_path = a.view.Path("e" + std::to_string(x), "e" + std::to_string(y), 5);
      graph::PathOptions plain;
      plain.max_hops = 5;
      const auto graph_path = a.walk.Shortest(*ua, *va, plain);
      RC_ASSERT(view_path.has_value() == graph_path.has_value());
      if (view_path) RC_ASSERT(view_path->size() == graph_path->Length());

      graph::PathOptions o;
      o.max_hops = 4;
      for (bool weighted : {false, true}) {
        o.weighted = weighted;
        auto ka = a.walk.KShortest(*ua, *va, 3, o), kb = b.walk.KShortest(*ub, *vb, 3, o);
        RC_ASSERT(ka.size() == kb.size());
        for (std::size_t i = 0; i < ka.size(); ++i) RC_ASSERT(a.Describe(ka[i]) == b.Describe(kb[i]));
      }
      o.weighted = false;
      bool capped_a = false, capped_b = false;
      auto all_a = a.walk.AllSimple(*ua, *va, o, 20, &capped_a), all_b = b.walk.AllSimple(*ub, *vb, o, 20, &capped_b);
      RC_ASSERT(capped_a == capped_b);
      RC_ASSERT(all_a.size() == all_b.size());
      for (std::size_t i = 0; i < all_a.size(); ++i) RC_ASSERT(a.Describe(all_a[i]) == b.Describe(all_b[i]));
      auto ca = a.walk.CommonNeighbours(*ua, *va, {}), cb = b.walk.CommonNeighbours(*ub, *vb, {});
      RC_ASSERT(ca.size() == cb.size());
      for (std::size_t i = 0; i < ca.size(); ++i) RC_ASSERT(a.Node(ca[i]) == b.Node(cb[i]));
    }

  // The network connecting the first visible entities.
  std::vector<uint32_t> seeds_a, seeds_b;
  for (const auto& id : ids)
    if (auto n = a.Find(id); n && seeds_a.size() < 3) {
      seeds_a.push_back(*n);
      seeds_b.push_back(*b.Find(id));
    }
  graph::PathOptions o;
  o.max_hops = 4;
  const auto net_a = a.walk.Connecting(seeds_a, o), net_b = b.walk.Connecting(seeds_b, o);
  RC_ASSERT(net_a.nodes.size() == net_b.nodes.size());
  for (std::size_t i = 0; i < net_a.nodes.size(); ++i) RC_ASSERT(a.Node(net_a.nodes[i]) == b.Node(net_b.nodes[i]));
  auto tie_ids = [](Side& s, const std::vector<uint32_t>& ties) {
    auto list = s.graph.TieIds(s.feed, ties);
    std::sort(list.begin(), list.end());
    return list;
  };
  RC_ASSERT(tie_ids(a, net_a.ties) == tie_ids(b, net_b.ties));
  RC_ASSERT(net_a.unconnected.size() == net_b.unconnected.size());

  RC_ASSERT(Measures(a) == Measures(b));
}

// A small hand-made graph: the answers an analyst would expect.
TEST(Graph, PathsOnAKnownGraph) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("g.db"), true);
  using dossier::testing::MakeStatement;
  auto w = store->BeginIngest({"g", "test", "t"});
  model::Source good, weak;
  good.id = "good";
  good.reliability = 'A';
  weak.id = "weak";
  weak.reliability = 'E';
  w->PutSource(good);
  w->PutSource(weak);
  for (const char* id : {"a", "b", "c", "d", "e"}) w->Add(MakeStatement(id, "Person", "name", std::string("Person ") + id, "good", "UNCLASSIFIED"));
  // a - b - d on good authority (2 hops), a - c - e - d ... and a - d direct on a weak source.
  auto tie = [&](const std::string& id, const std::string& x, const std::string& y, const std::string& src, int cred,
                 const std::string& start) {
    w->Add(MakeStatement(id, "Associate", "person", x, src, "UNCLASSIFIED", cred));
    w->Add(MakeStatement(id, "Associate", "associate", y, src, "UNCLASSIFIED", cred));
    if (!start.empty()) w->Add(MakeStatement(id, "Associate", "startDate", start, src, "UNCLASSIFIED", cred));
  };
  tie("t-ab", "a", "b", "good", 1, "2010");
  tie("t-bd", "b", "d", "good", 1, "2012");
  tie("t-ad", "a", "d", "weak", 5, "2015");
  tie("t-ac", "a", "c", "good", 2, "2016");
  tie("t-ce", "c", "e", "good", 2, "2011");
  tie("t-ed", "e", "d", "good", 2, "2017");
  w->Commit();
  Side s(*store, "");
  const uint32_t a = *s.Find("a"), d = *s.Find("d"), e = *s.Find("e");
  graph::PathOptions o;
  EXPECT_EQ(s.Describe(s.walk.Shortest(a, d, o)), "cost 1:a>d>[t-ad/28,]");
  o.weighted = true;
  // a-d directly costs E5: 4 + 2*4 + 4 = 16; a-b-d costs 4 + 4 = 8.
  EXPECT_EQ(s.Describe(s.walk.Shortest(a, d, o)), "cost 8:a>b>d>[t-ab/0,][t-bd/0,]");
  o.weighted = false;
  auto k = s.walk.KShortest(a, d, 3, o);
  ASSERT_EQ(k.size(), 3u);
  EXPECT_EQ(k[0].Length(), 1u);
  EXPECT_EQ(k[1].Length(), 2u);
  EXPECT_EQ(k[2].Length(), 3u);
  bool capped = false;
  EXPECT_EQ(s.walk.AllSimple(a, d, o, 10, &capped).size(), 3u);
  EXPECT_FALSE(capped);
  EXPECT_EQ(s.walk.AllSimple(a, d, o, 2, &capped).size(), 2u);
  EXPECT_TRUE(capped);
  // In time order from e: e-c began 2011, c-a 2016, a-d 2015 (too early), a-b 2010 (too early);
  // e-d began 2017: one hop.
  o.time_ordered = true;
  EXPECT_EQ(s.walk.Shortest(e, d, o)->Length(), 1u);
  // From d to e in time order: d-e 2017 directly.
  // From b to e: b-a 2010, a-c 2016, c-e 2011 (earlier than 2016): not in order; b-d 2012, d-e 2017: in order.
  const uint32_t b = *s.Find("b");
  EXPECT_EQ(s.Describe(s.walk.Shortest(b, e, o)), "cost 2:b>d>e>[t-bd/0,][t-ed/1,]");
  o.time_ordered = false;
  EXPECT_EQ(s.Describe(s.walk.Shortest(b, e, o)), "cost 2:b>d>e>[t-bd/0,][t-ed/1,]");
  // As of 2011 only a-b and c-e had begun.
  graph::TieFilter as_of;
  as_of.as_of = graph::PackDate("2011-06", false);
  EXPECT_EQ(s.walk.Neighbours(a, 5, as_of).size(), 1u);
  // Common neighbours of a and d: b (and e is not tied to a).
  auto common = s.walk.CommonNeighbours(a, d, {});
  ASSERT_EQ(common.size(), 1u);
  EXPECT_EQ(s.Node(common[0]), "b");
  // The network of a and d: every node on a shortest path between them (just the direct tie).
  auto net = s.walk.Connecting({a, d}, graph::PathOptions{});
  EXPECT_EQ(net.nodes.size(), 2u);
}

// An Event is a hyperedge: the people it names as involved meet through it.
TEST(Graph, EventsTieTheirParticipants) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("e.db"), true);
  using dossier::testing::MakeStatement;
  auto w = store->BeginIngest({"e", "test", "t"});
  model::Source source;
  source.id = "test";
  source.reliability = 'A';
  w->PutSource(source);
  for (const char* id : {"x", "y", "z"}) w->Add(MakeStatement(id, "Person", "name", std::string("Person ") + id));
  w->Add(MakeStatement("meeting", "Event", "name", "Dinner in Moscow"));
  w->Add(MakeStatement("meeting", "Event", "involved", "x"));
  w->Add(MakeStatement("meeting", "Event", "involved", "y"));
  w->Add(MakeStatement("meeting", "Event", "organizer", "z", "test", "SECRET"));
  w->Add(MakeStatement("meeting", "Event", "date", "2016-12"));
  w->Commit();
  store->PutOrganisation({"WESTINT", "DEU", "western", {}});
  store->PutUser({"low", "WESTINT", 1, "reader", {}});  // RESTRICTED: does not see the SECRET organizer
  Side s(*store, "low");
  const uint32_t x = *s.Find("x"), y = *s.Find("y");
  EXPECT_EQ(s.Describe(s.walk.Shortest(x, y, graph::PathOptions{})), "cost 2:x>meeting>y>[meeting/1,][meeting/1,]");
  // The organizer's claim is SECRET: for this reader the event involves x and y only.
  const uint32_t meeting = *s.Find("meeting");
  std::vector<std::string> around;
  for (const auto& [n, d] : s.walk.Neighbours(meeting, 1, {})) around.push_back(s.Node(n));
  EXPECT_EQ(around, (std::vector<std::string>{"x", "y"}));
  ASSERT_TRUE(s.Find("z").has_value());
  EXPECT_TRUE(s.walk.Neighbours(*s.Find("z"), 1, {}).empty());
  // The View renders the same tie, with the statement it rests on.
  const auto ties = s.view.TiesOf("x");
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].schema, "Event");
  EXPECT_EQ(ties[0].label, "involved");
  ASSERT_EQ(access::TieEvidence(ties[0]).size(), 1u);
  EXPECT_EQ(access::TieEvidence(ties[0])[0]->value, "x");
  // As of 2016-12-15 the dinner had happened; as of 2015 it had not.
  graph::TieFilter before;
  before.as_of = graph::PackDate("2015", false);
  EXPECT_TRUE(s.walk.Neighbours(x, 2, before).empty());
}
