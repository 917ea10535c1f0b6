// A random world of entities, ties, markings, sources and judgements, for the
// visibility property tests: the same world is written whole to one store and,
// filtered by what one reader may see, to another.
#pragma once
#include <rapidcheck.h>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "access/reader.h"
#include "model/marking.h"
#include "model/schema.h"
#include "store/store.h"
#include "test_util.h"

namespace dossier::testing::world {

inline const std::vector<std::string> kBanners = {
    "UNCLASSIFIED",
    "RESTRICTED//REL TO DEU, EST",
    "CONFIDENTIAL//REL TO DEU, GBR//ORIG WESTINT",
    "SECRET//REL TO EST//ORIG BALTSEC",
    "SECRET//NOFORN//ORIG WESTINT",
    "SECRET//REL TO DEU, GBR//ORCON//ORIG WESTINT",
    "TOP SECRET//REL TO BALTSEC, GBR",
    "CONFIDENTIAL//SOURCE PROTECTED//ORIG BALTSEC",
    "TLP:AMBER//ORIG WESTINT",
    "TLP:GREEN//ORIG BALTSEC",
    "TLP:RED",
    "SECRET//ZEUS//REL TO DEU, EST//ORIG WESTINT",
    "CONFIDENTIAL//ATHENA/ZEUS",
};
inline const std::vector<std::string> kNames = {"Igor Sechin", "Anar Mammadov", "Ziya Mammadov", "Rosneft", "Century Properties",
                                         "Jose Antonio", "Sechin Holdings", "Mammadov Group", "Rex Tillerson"};
inline const std::vector<std::string> kTieSchemata = {"Ownership", "Directorship", "Associate", "UnknownLink", "Family"};

struct World {
  std::vector<store::NewStatement> statements;
  std::vector<store::Judgement> judgements;
  int entities = 0;
};

inline World GenerateWorld() {
  World w;
  w.entities = *rc::gen::inRange(2, 12);
  auto banner = [] { return *rc::gen::elementOf(kBanners); };
  auto source = [] { return *rc::gen::element<std::string>("public", "westint-humint", "baltsec-report"); };
  for (int i = 0; i < w.entities; ++i) {
    std::string id = "e" + std::to_string(i);
    std::string schema = i % 3 == 0 ? "Company" : "Person";
    int names = *rc::gen::inRange(1, 3);
    for (int n = 0; n < names; ++n)
      w.statements.push_back(dossier::testing::MakeStatement(id, schema, "name", *rc::gen::elementOf(kNames), source(), banner(),
                                           *rc::gen::inRange(1, 7)));
    if (*rc::gen::arbitrary<bool>())
      w.statements.push_back(dossier::testing::MakeStatement(id, schema, "topics",
                                                             *rc::gen::element<std::string>("sanction", "role.pep", "gov.national"),
                                                             source(), banner()));
  }
  // Events: hyperedges tying each entity they name as involved or organizer.
  const int events = *rc::gen::inRange(0, 3);
  for (int k = 0; k < events; ++k) {
    const std::string id = "v" + std::to_string(k);
    w.statements.push_back(dossier::testing::MakeStatement(id, "Event", "name", "meeting " + std::to_string(k), source(), banner()));
    const int named = *rc::gen::inRange(1, 4);
    for (int m = 0; m < named; ++m)
      w.statements.push_back(dossier::testing::MakeStatement(
          id, "Event", m == 0 && *rc::gen::arbitrary<bool>() ? "organizer" : "involved",
          "e" + std::to_string(*rc::gen::inRange(0, w.entities)), source(), banner(), *rc::gen::inRange(1, 7)));
    if (*rc::gen::arbitrary<bool>())
      w.statements.push_back(dossier::testing::MakeStatement(id, "Event", "date", std::to_string(*rc::gen::inRange(2010, 2020)),
                                                             source(), banner()));
  }
  // Sanctions naming entities: a topic for the entity, under the sanction's marking.
  const int sanctions = *rc::gen::inRange(0, 3);
  for (int k = 0; k < sanctions; ++k)
    w.statements.push_back(dossier::testing::MakeStatement("s" + std::to_string(k), "Sanction", "entity",
                                                           "e" + std::to_string(*rc::gen::inRange(0, w.entities)), source(),
                                                           banner()));
  int ties = *rc::gen::inRange(0, 16);
  for (int t = 0; t < ties; ++t) {
    std::string tie_schema = *rc::gen::elementOf(kTieSchemata);
    const auto& edge = *model::Model::Default().Find(tie_schema)->edge();
    std::string id = "t" + std::to_string(t);
    int a = *rc::gen::inRange(0, w.entities), b = *rc::gen::inRange(0, w.entities);
    std::string src = source();
    w.statements.push_back(dossier::testing::MakeStatement(id, tie_schema, edge.source, "e" + std::to_string(a), src, banner(),
                                         *rc::gen::inRange(1, 7)));
    w.statements.push_back(dossier::testing::MakeStatement(id, tie_schema, edge.target, "e" + std::to_string(b), src, banner()));
    if (*rc::gen::arbitrary<bool>())
      w.statements.push_back(dossier::testing::MakeStatement(id, tie_schema, "role", "partner", src, banner()));
    // Dates, sometimes two disagreeing start dates under different markings.
    const int dated = *rc::gen::inRange(0, 4);
    for (int d = 0; d < dated && d < 2; ++d)
      w.statements.push_back(dossier::testing::MakeStatement(id, tie_schema, "startDate",
                                                             std::to_string(*rc::gen::inRange(2010, 2020)), src, banner()));
    if (dated == 3)
      w.statements.push_back(dossier::testing::MakeStatement(id, tie_schema, "endDate",
                                                             std::to_string(*rc::gen::inRange(2015, 2024)), src, banner()));
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

inline void Populate(store::Store& store, const World& w, const std::function<bool(const store::NewStatement&)>& keep) {
  store.PutOrganisation({"WESTINT", "DEU", "western", {}});
  store.PutOrganisation({"BALTSEC", "EST", "baltic", {}});
  store.PutOrganisation({"UKPART", "GBR", "british", {}});
  store.PutUser({"w", "WESTINT", 4, "analyst", {"ZEUS"}});
  store.PutUser({"b", "BALTSEC", 3, "analyst", {"ATHENA", "ZEUS"}});
  store.PutUser({"u", "UKPART", 2, "analyst", {}});
  store.PutUser({"low", "BALTSEC", 0, "reader", {}});
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

// The world written whole to one store, and filtered to what `user` may see to
// another, both in `dir`.
struct TwoStores {
  std::unique_ptr<store::Store> full, filtered;
};
inline TwoStores WriteTwoStores(const World& w, const std::string& user, dossier::testing::TempDir& dir) {
  TwoStores out;
  out.full = store::Store::Open(dir.File("full.db"), true);
  Populate(*out.full, w, [](const store::NewStatement&) { return true; });
  const access::Reader reader = access::Reader::Resolve(*out.full, user);
  out.filtered = store::Store::Open(dir.File("filtered.db"), true);
  Populate(*out.filtered, w, [&](const store::NewStatement& s) {
    return reader.CanSee(model::Marking::Parse(s.marking, reader.scheme()));
  });
  return out;
}

}  // namespace dossier::testing::world
