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
#include "test_util.h"

using namespace dossier;
using dossier::testing::MakeStatement;
using dossier::testing::TempDir;

namespace {

const std::vector<std::string> kBanners = {
    "UNCLASSIFIED",
    "RESTRICTED//REL TO DEU, EST",
    "CONFIDENTIAL//REL TO DEU, GBR//ORIG WESTINT",
    "SECRET//REL TO EST//ORIG BALTSEC",
    "SECRET//NOFORN//ORIG WESTINT",
    "SECRET//REL TO DEU, GBR//ORCON//ORIG WESTINT",
    "TOP SECRET//REL TO BALTSEC, GBR",
    "CONFIDENTIAL//SOURCE PROTECTED//ORIG BALTSEC",
};
const std::vector<std::string> kNames = {"Igor Sechin", "Anar Mammadov", "Ziya Mammadov", "Rosneft", "Century Properties",
                                         "Jose Antonio", "Sechin Holdings", "Mammadov Group", "Rex Tillerson"};
const std::vector<std::string> kTieSchemata = {"Ownership", "Directorship", "Associate", "UnknownLink", "Family"};

struct World {
  std::vector<store::NewStatement> statements;
  std::vector<store::Judgement> judgements;
  int entities = 0;
};

World GenerateWorld() {
  World w;
  w.entities = *rc::gen::inRange(2, 12);
  auto banner = [] { return *rc::gen::elementOf(kBanners); };
  auto source = [] { return *rc::gen::element<std::string>("public", "westint-humint", "baltsec-report"); };
  for (int i = 0; i < w.entities; ++i) {
    std::string id = "e" + std::to_string(i);
    std::string schema = i % 3 == 0 ? "Company" : "Person";
    int names = *rc::gen::inRange(1, 3);
    for (int n = 0; n < names; ++n)
      w.statements.push_back(MakeStatement(id, schema, "name", *rc::gen::elementOf(kNames), source(), banner(),
                                           *rc::gen::inRange(1, 7)));
    if (*rc::gen::arbitrary<bool>())
      w.statements.push_back(MakeStatement(id, schema, "topics", "sanction", source(), banner()));
  }
  int ties = *rc::gen::inRange(0, 16);
  for (int t = 0; t < ties; ++t) {
    std::string tie_schema = *rc::gen::elementOf(kTieSchemata);
    const auto& edge = *model::Model::Default().Find(tie_schema)->edge();
    std::string id = "t" + std::to_string(t);
    int a = *rc::gen::inRange(0, w.entities), b = *rc::gen::inRange(0, w.entities);
    std::string src = source();
    w.statements.push_back(MakeStatement(id, tie_schema, edge.source, "e" + std::to_string(a), src, banner(),
                                         *rc::gen::inRange(1, 7)));
    w.statements.push_back(MakeStatement(id, tie_schema, edge.target, "e" + std::to_string(b), src, banner()));
    if (*rc::gen::arbitrary<bool>())
      w.statements.push_back(MakeStatement(id, tie_schema, "role", "partner", src, banner()));
  }
  // One claim, one key: a repeated claim with another marking would make the
  // full store and its copy keep different versions of it.
  std::set<int64_t> keys;
  std::vector<store::NewStatement> unique;
  for (auto& s : w.statements)
    if (keys.insert(s.key).second) unique.push_back(std::move(s));
  w.statements = std::move(unique);
  int judgements = *rc::gen::inRange(0, 3);
  for (int j = 0; j < judgements; ++j) {
    std::string a = "e" + std::to_string(*rc::gen::inRange(0, w.entities));
    std::string b = "e" + std::to_string(*rc::gen::inRange(0, w.entities));
    if (a != b) w.judgements.push_back({a, b, *rc::gen::element<std::string>("positive", "negative"), "t", "2017"});
  }
  return w;
}

void Populate(store::Store& store, const World& w, const std::function<bool(const store::NewStatement&)>& keep) {
  store.PutOrganisation({"WESTINT", "DEU", "western"});
  store.PutOrganisation({"BALTSEC", "EST", "baltic"});
  store.PutOrganisation({"UKPART", "GBR", "british"});
  store.PutUser({"w", "WESTINT", 4, "analyst"});
  store.PutUser({"b", "BALTSEC", 3, "analyst"});
  store.PutUser({"u", "UKPART", 2, "analyst"});
  store.PutUser({"low", "BALTSEC", 0, "reader"});
  auto writer = store.BeginIngest({"world", "test", "t"});
  for (const char* id : {"public", "westint-humint", "baltsec-report"}) {
    model::Source s;
    s.id = id;
    s.title = std::string("title of ") + id;
    s.originator = std::string(id) == "public" ? "" : (id[0] == 'w' ? "WESTINT" : "BALTSEC");
    s.is_protected = id[0] != 'p';
    s.sanitised = "a partner service";
    s.reliability = id[0] == 'p' ? 'C' : 'B';
    writer->PutSource(s);
  }
  for (const auto& s : w.statements)
    if (keep(s)) writer->Add(s);
  writer->Commit();
  for (const auto& j : w.judgements) store.PutJudgement(j);
}

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
  auto full = store::Store::Open(dir.File("full.db"), true);
  Populate(*full, world, [](const store::NewStatement&) { return true; });
  access::Reader reader = access::Reader::Resolve(*full, user);
  auto filtered = store::Store::Open(dir.File("filtered.db"), true);
  Populate(*filtered, world, [&](const store::NewStatement& s) {
    return reader.CanSee(model::Marking::Parse(s.marking, reader.scheme()));
  });

  access::View a(*full, reader);
  access::View b(*filtered, access::Reader::Resolve(*filtered, user));

  std::vector<std::string> ids;
  for (int i = 0; i < world.entities; ++i) ids.push_back("e" + std::to_string(i));
  for (int t = 0; t < 16; ++t) ids.push_back("t" + std::to_string(t));
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
  access::Reader baltic({"b", "BALTSEC", 3, "analyst"}, {"BALTSEC", "EST", ""}, countries, scheme);
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
  EXPECT_TRUE(access::Reader::Everything().CanSee(model::Marking::Parse("TOP SECRET//NOFORN")));
}
