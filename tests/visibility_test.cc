// The visibility rule, proved as a property: for random stores and random
// readers, every read a View offers gives the same answer on the full store
// as on a copy holding only the statements that reader may see. Hidden and
// missing entities are indistinguishable, including in error messages.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "access/view.h"
#include "model/marking.h"
#include "resolve/corpus.h"
#include "resolve/screen.h"
#include "resolve/xref.h"
#include "random_world.h"
#include "test_util.h"

using namespace dossier;
using namespace dossier::testing::world;
using dossier::testing::TempDir;

namespace {

std::string Describe(const std::optional<access::Entity>& e) {
  if (!e) return "none";
  std::string out = e->id + ":" + e->schema + ":" + e->Caption() + ":";
  for (const auto& s : e->statements) out += std::to_string(s.key) + ",";
  return out;
}

std::string Describe(const std::vector<access::Tie>& ties) {
  std::string out;
  for (const auto& t : ties) out += t.tie_id + ":" + t.from + ">" + t.to + ":" + t.label + ":" + t.reliability +
                                    std::to_string(t.credibility) + ";";
  return out;
}

std::string ResolveText(access::View& view, const std::string& arg) {
  try {
    return "ok:" + view.Resolve(arg);
  } catch (const access::AccessError& e) {
    return std::string("error:") + e.what();
  }
}

}  // namespace

RC_GTEST_PROP(Visibility, EveryReadEqualsTheReadOnAFilteredCopy, ()) {
  World world = GenerateWorld();
  std::string user = *rc::gen::element<std::string>("w", "b", "u", "low");
  TempDir dir;
  auto stores = WriteTwoStores(world, user, dir);
  auto& full = stores.full;
  auto& filtered = stores.filtered;
  access::Reader reader = access::Reader::Resolve(*full, user);

  access::View a(*full, reader);
  access::View b(*filtered, access::Reader::Resolve(*filtered, user));

  std::vector<std::string> ids;
  for (int i = 0; i < world.entities; ++i) ids.push_back("e" + std::to_string(i));
  for (int t = 0; t < 16; ++t) ids.push_back("t" + std::to_string(t));
  for (int k = 0; k < 3; ++k) ids.push_back("v" + std::to_string(k));
  ids.push_back("never-recorded");
  for (const auto& id : ids) {
    RC_ASSERT(Describe(a.Get(id)) == Describe(b.Get(id)));
    RC_ASSERT(Describe(a.TiesOf(id)) == Describe(b.TiesOf(id)));
    RC_ASSERT(a.Neighbours(id, 2) == b.Neighbours(id, 2));
    RC_ASSERT(a.TopicsOf(id) == b.TopicsOf(id));
    RC_ASSERT(ResolveText(a, id) == ResolveText(b, id));
  }
  for (const auto& name : kNames) {
    auto ra = a.Search(name, "", 20), rb = b.Search(name, "", 20);
    RC_ASSERT(ra.size() == rb.size());
    for (size_t i = 0; i < ra.size(); ++i) {
      RC_ASSERT(ra[i].id == rb[i].id);
      RC_ASSERT(ra[i].score == rb[i].score);
      RC_ASSERT(ra[i].caption == rb[i].caption);
    }
    RC_ASSERT(ResolveText(a, name) == ResolveText(b, name));
  }
  for (int x = 0; x < world.entities; ++x)
    for (int y = 0; y < world.entities; ++y) {
      auto pa = a.Path("e" + std::to_string(x), "e" + std::to_string(y));
      auto pb = b.Path("e" + std::to_string(x), "e" + std::to_string(y));
      RC_ASSERT(pa.has_value() == pb.has_value());
      if (!pa) continue;
      RC_ASSERT(pa->size() == pb->size());
      for (size_t i = 0; i < pa->size(); ++i) {
        RC_ASSERT((*pa)[i].from == (*pb)[i].from);
        RC_ASSERT((*pa)[i].to == (*pb)[i].to);
        RC_ASSERT((*pa)[i].tie.tie_id == (*pb)[i].tie.tie_id);
      }
    }
  // Screening and cross-referencing: the candidate index and the scores (IDF
  // included) are built from visible names only.
  auto corpus_a = resolve::MatchCorpus::Build(a), corpus_b = resolve::MatchCorpus::Build(b);
  RC_ASSERT(corpus_a->size() == corpus_b->size());
  auto describe_answer = [](const resolve::MatchCorpus& c, const resolve::ScreenAnswer& ans) {
    std::string out;
    for (const auto& h : ans.hits) {
      const auto& e = c.entity(h.entity);
      out += e.id + ":" + std::to_string(h.result.score) + ":" + e.caption + ":";
      for (const auto& d : e.datasets) out += d + ",";
      for (const auto& t : e.topics) out += t + ",";
      out += ";";
    }
    return out;
  };
  for (const auto& name : kNames) {
    resolve::ScreenQuery q;
    q.schema = "LegalEntity";
    q.properties["name"] = {name};
    resolve::ScreenOptions options;
    options.limit = 10;
    RC_ASSERT(describe_answer(*corpus_a, resolve::Screen(*corpus_a, q, options)) ==
              describe_answer(*corpus_b, resolve::Screen(*corpus_b, q, options)));
    options.topics = {"sanction"};
    RC_ASSERT(describe_answer(*corpus_a, resolve::Screen(*corpus_a, q, options)) ==
              describe_answer(*corpus_b, resolve::Screen(*corpus_b, q, options)));
  }
  resolve::XrefOptions xo;
  xo.threshold = 0.3;
  auto xa = resolve::Xref(*corpus_a, {}, xo), xb = resolve::Xref(*corpus_b, {}, xo);
  RC_ASSERT(xa.size() == xb.size());
  for (size_t i = 0; i < xa.size(); ++i) {
    RC_ASSERT(corpus_a->entity(xa[i].a).id == corpus_b->entity(xb[i].a).id);
    RC_ASSERT(corpus_a->entity(xa[i].b).id == corpus_b->entity(xb[i].b).id);
    RC_ASSERT(xa[i].result.score == xb[i].result.score);
  }

  int64_t count_a = 0, count_b = 0;
  a.Scan([&](const store::StoredStatement&) { ++count_a; });
  b.Scan([&](const store::StoredStatement&) { ++count_b; });
  RC_ASSERT(count_a == count_b);
  auto sa = a.Sources(), sb = b.Sources();
  RC_ASSERT(sa.size() == sb.size());
  for (size_t i = 0; i < sa.size(); ++i) RC_ASSERT(sa[i].id == sb[i].id && sa[i].title == sb[i].title);
}

TEST(Visibility, TheRuleOnMarkings) {
  std::map<std::string, std::string> countries{{"WESTINT", "DEU"}, {"BALTSEC", "EST"}};
  auto scheme = model::ClassificationScheme::Default();
  access::Reader baltic({"b", "BALTSEC", 3, "analyst", {"ATHENA"}}, {"BALTSEC", "EST", "", {}}, countries, scheme);
  auto sees = [&](const std::string& banner) { return baltic.CanSee(model::Marking::Parse(banner)); };
  EXPECT_TRUE(sees("UNCLASSIFIED"));
  EXPECT_TRUE(sees("SECRET//REL TO DEU, EST"));        // by country
  EXPECT_TRUE(sees("SECRET//REL TO BALTSEC"));         // by organisation
  EXPECT_FALSE(sees("SECRET//REL TO DEU, GBR"));
  EXPECT_FALSE(sees("TOP SECRET//REL TO EST"));        // above clearance
  EXPECT_TRUE(sees("SECRET//NOFORN//ORIG BALTSEC"));   // own
  EXPECT_FALSE(sees("SECRET//NOFORN//ORIG WESTINT"));  // another nation's NOFORN
  EXPECT_TRUE(sees("SECRET//REL TO DEU//ORIG BALTSEC"));  // originators see their own
  EXPECT_FALSE(sees("TOP SECRET//ORIG BALTSEC"));      // but not above their clearance
  EXPECT_TRUE(sees("SECRET//ATHENA//REL TO EST"));     // read into ATHENA
  EXPECT_FALSE(sees("SECRET//ATHENA/ZEUS//REL TO EST"));  // but not into ZEUS
  EXPECT_FALSE(sees("CONFIDENTIAL//ZEUS//ORIG BALTSEC"));  // not even their own organisation's
  EXPECT_TRUE(access::Reader::Everything().CanSee(model::Marking::Parse("TOP SECRET//NOFORN")));
}
