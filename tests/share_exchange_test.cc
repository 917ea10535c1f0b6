// Two services exchange packages, end to end through the command line: a
// British instance (GBR) and an Estonian one (EST), with an American one (USA)
// as the third party. Proves what each ends up seeing: releasability and
// clearance, ORCON held back unless released, the third-party rule, protected
// sources sanitised, replays and forgeries refused, imports idempotent, and
// everything audited.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "test_util.h"

using dossier::testing::ReadFile;
using dossier::testing::RunDossier;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
using nlohmann::json;

namespace {

struct Instance {
  std::string db, user;
  dossier::testing::RunResult Raw(const std::string& args) const {
    return RunDossier("--store " + db + (user.empty() ? "" : " --as " + user) + " " + args);
  }
  std::string Run(const std::string& args, int expect = 0) const {
    auto r = Raw(args);
    EXPECT_EQ(r.exit_code, expect) << "dossier " << args << "\n" << r.err;
    return r.out;
  }
  json Json(const std::string& args, int expect = 0) const { return json::parse(Run("--json " + args, expect)); }
  // "entity prop value" of every statement `as` may see.
  std::set<std::string> Claims(const std::string& as) const {
    Instance reader{db, as};
    std::istringstream csv(reader.Run("export --format statements"));
    std::set<std::string> out;
    std::string line;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
      // id, entity_id, canonical_id, prop, prop_type, schema, value: no commas in
      // these test values, so a plain split is enough.
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string field;
      while (std::getline(ss, field, ',')) f.push_back(field);
      if (f.size() > 6 && f[3] != "id") out.insert(f[1] + " " + f[3] + " " + f[6]);
    }
    return out;
  }
};

// Every instance knows the three organisations.
Instance Make(const TempDir& dir, const std::string& name, const std::string& org, const std::string& admin,
              const std::string& clearance) {
  Instance i{dir.File(name + ".db"), ""};
  i.Run("init");
  for (const char* o : {"GBR", "EST", "USA", "FRA"})
    i.Run(std::string("principals add-org ") + o + " --country " + o);
  i.Run("principals add-user " + admin + " --org " + org + " --clearance '" + clearance + "' --role admin");
  i.user = admin;
  i.Run("keys generate");
  return i;
}

void Ingest(const Instance& i, const TempDir& dir, const std::string& name, const std::string& jsonl,
            const std::string& flags) {
  WriteFile(dir.File(name + ".json"), jsonl);
  i.Run("ingest --format ftm --dataset " + name + " " + flags + " " + dir.File(name + ".json"));
}

// An instance without principals that signs as `org`, holds `jsonl` and writes
// a package for `to` at dir/NAME.pkg.
void Rogue(const TempDir& dir, const std::string& name, const std::string& org, const Instance& to,
           const std::string& jsonl) {
  Instance rogue{dir.File(name + ".db"), ""};
  rogue.Run("init");
  rogue.Run("principals add-org " + org + " --country " + org);
  rogue.Run("principals add-org EST --country EST");
  rogue.Run("keys generate --org " + org);
  rogue.Run("partners add EST --key " + to.db + ".pub");
  Ingest(rogue, dir, name, jsonl, "");
  rogue.Run("export --for EST --out " + dir.File(name + ".pkg"));
}

TEST(Exchange, BritishAndEstonianServicesShareUnderTheOriginatorsRules) {
  TempDir dir;
  const Instance gbr = Make(dir, "gbr", "GBR", "ann", "TOP SECRET");
  const Instance est = Make(dir, "est", "EST", "kalle", "SECRET");
  const Instance usa = Make(dir, "usa", "USA", "sam", "SECRET");
  est.Run("principals add-user tiit --org EST --clearance RESTRICTED --role reader");

  // What the British service holds.
  Ingest(gbr, dir, "open",
         R"({"id": "p1", "schema": "Person", "properties": {"name": ["Igor Sechin"]}}
{"id": "c1", "schema": "Company", "properties": {"name": ["Rosneft"]}}
{"id": "d1", "schema": "Directorship", "properties": {"director": ["p1"], "organization": ["c1"]}}
)", "");
  WriteFile(dir.File("zeus.toml"), R"([[source]]
id = "agent-zeus"
title = "ZEUS, secretary to the minister"
kind = "human source report"
originator = "GBR"
reliability = "B"
protected = true
sanitised = "a source with access to the ministry"
)");
  gbr.Run("ingest --format sources " + dir.File("zeus.toml"));
  Ingest(gbr, dir, "agent-zeus", R"({"id": "p1", "schema": "Person", "properties": {"birthDate": ["1960-09-07"]}})",
         "--marking 'SECRET//REL TO EST, GBR' --credibility 2");
  Ingest(gbr, dir, "orcon", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["courier in Tallinn"]}})",
         "--marking 'SECRET//REL TO EST//ORCON'");
  Ingest(gbr, dir, "noforn", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["for British eyes"]}})",
         "--marking 'SECRET//NOFORN'");
  Ingest(gbr, dir, "topsecret", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["above EST clearance"]}})",
         "--marking 'TOP SECRET//REL TO EST, GBR'");
  Ingest(gbr, dir, "fiveeyes", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["also for the Americans"]}})",
         "--marking 'SECRET//REL TO EST, GBR, USA'");
  Ingest(gbr, dir, "plain-secret", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["given to Tallinn only"]}})",
         "--marking 'SECRET'");
  // What the Estonian service holds of its own.
  Ingest(est, dir, "kapo", R"({"id": "p1", "schema": "Person", "properties": {"notes": ["seen in Narva"]}})",
         "--marking 'CONFIDENTIAL//REL TO GBR, USA' --originator EST");

  // Keys exchanged: GBR <-> EST <-> USA.
  gbr.Run("partners add EST --key " + est.db + ".pub --clearance SECRET");
  est.Run("partners add GBR --key " + gbr.db + ".pub");
  est.Run("partners add USA --key " + usa.db + ".pub --clearance SECRET");
  usa.Run("partners add EST --key " + est.db + ".pub");
  // The instance's organisation now lists its partners.
  const json principals = est.Json("principals list");
  for (const auto& o : principals["organisations"]) {
    if (o["code"] == "EST") {
      EXPECT_EQ(o["partners"], json::array({"GBR", "USA"}));
    }
  }

  // GBR -> EST.
  const json out = gbr.Json("export --for EST --out " + dir.File("gbr-est-1.pkg"));
  EXPECT_EQ(out["sequence"], 1);
  EXPECT_EQ(out["held_orcon"], 2);  // the note and its entity's existence under that marking
  const std::string pkg = ReadFile(dir.File("gbr-est-1.pkg"));
  EXPECT_EQ(pkg.find("ZEUS"), std::string::npos) << "a protected source's identity left the building";
  EXPECT_EQ(pkg.find("agent-zeus"), std::string::npos);
  EXPECT_NE(pkg.find("a source with access to the ministry"), std::string::npos);
  EXPECT_EQ(pkg.find("British eyes"), std::string::npos);
  EXPECT_EQ(pkg.find("above EST clearance"), std::string::npos);
  EXPECT_EQ(pkg.find("courier"), std::string::npos);
  const json imported = est.Json("import " + dir.File("gbr-est-1.pkg"));
  EXPECT_EQ(imported["from"], "GBR");
  EXPECT_FALSE(imported["already_imported"].get<bool>());
  EXPECT_GT(imported["added"].get<int>(), 0);

  const std::set<std::string> kalle_sees = est.Claims("kalle");
  const std::set<std::string> expected_kalle = {
      "c1 name Rosneft", "d1 director p1", "d1 organization c1", "p1 name Igor Sechin",
      "p1 birthDate 1960-09-07", "p1 notes also for the Americans", "p1 notes given to Tallinn only",
      "p1 notes seen in Narva"};
  EXPECT_EQ(kalle_sees, expected_kalle);
  // The Estonian reader cleared to RESTRICTED sees the open material only.
  EXPECT_EQ(est.Claims("tiit"), (std::set<std::string>{"c1 name Rosneft", "d1 director p1", "d1 organization c1",
                                                       "p1 name Igor Sechin"}));
  // The grading and the marking travelled with the claim; the source did not.
  const json shown = est.Json("show p1");
  bool found = false;
  for (const auto& v : shown["properties"]["birthDate"]) {
    found = true;
    EXPECT_EQ(v["grading"], "B2");
    EXPECT_EQ(v["marking"], "SECRET//REL TO EST, GBR//SOURCE PROTECTED//ORIG GBR");
    EXPECT_EQ(v["source"], "protected");
    EXPECT_EQ(v["source_title"], "a source with access to the ministry");
  }
  EXPECT_TRUE(found) << shown.dump();

  // Importing twice changes nothing.
  const int before = static_cast<int>(est.Claims("kalle").size());
  EXPECT_TRUE(est.Json("import " + dir.File("gbr-est-1.pkg"))["already_imported"].get<bool>());
  EXPECT_EQ(static_cast<int>(est.Claims("kalle").size()), before);

  // A tampered copy, an unsigned one and a forged one are refused, and change nothing.
  std::string tampered = pkg;
  tampered.replace(tampered.find("Igor Sechin"), 11, "Igor Setchin");
  WriteFile(dir.File("tampered.pkg"), tampered);
  auto refused = est.Raw("import " + dir.File("tampered.pkg"));
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("does not verify"), std::string::npos) << refused.err;
  WriteFile(dir.File("unsigned.pkg"), pkg.substr(0, pkg.rfind('\n', pkg.size() - 2) + 1));
  refused = est.Raw("import " + dir.File("unsigned.pkg"));
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("not signed"), std::string::npos) << refused.err;
  // An impostor instance with its own keys, signing in GBR's name.
  Rogue(dir, "impostor", "GBR", est, R"({"id": "p1", "schema": "Person", "properties": {"notes": ["planted"]}})");
  refused = est.Raw("import " + dir.File("impostor.pkg"));
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("does not verify"), std::string::npos) << refused.err;
  // From an organisation that is no partner of EST.
  Rogue(dir, "fra", "FRA", est, R"({"id": "p9", "schema": "Person", "properties": {"name": ["Jean Dupont"]}})");
  refused = est.Raw("import " + dir.File("fra.pkg"));
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("not a partner"), std::string::npos) << refused.err;
  EXPECT_EQ(est.Claims("kalle"), expected_kalle);

  // GBR releases its own ORCON note explicitly in package 2; package 1 replayed is refused.
  gbr.Run("export --for EST --release-orcon --out " + dir.File("gbr-est-2.pkg"));
  est.Run("import " + dir.File("gbr-est-2.pkg"));
  refused = est.Raw("import " + dir.File("gbr-est-1.pkg"));
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_NE(refused.err.find("older"), std::string::npos) << refused.err;
  std::set<std::string> with_orcon = expected_kalle;
  with_orcon.insert("p1 notes courier in Tallinn");
  EXPECT_EQ(est.Claims("kalle"), with_orcon);

  // EST -> USA: its own note, and of GBR's only what GBR released to USA. The
  // plain SECRET note GBR gave Tallinn stays in Tallinn (the ORCON note is not
  // releasable to USA at all).
  const json to_usa = est.Json("export --for USA --out " + dir.File("est-usa-1.pkg"));
  EXPECT_GT(to_usa["held_third_party"].get<int>(), 0);
  usa.Run("import " + dir.File("est-usa-1.pkg"));
  EXPECT_EQ(usa.Claims("sam"), (std::set<std::string>{"c1 name Rosneft", "d1 director p1", "d1 organization c1",
                                                      "p1 name Igor Sechin", "p1 notes also for the Americans",
                                                      "p1 notes seen in Narva"}));
  // The forwarded claim keeps its originator, and its source shows the way it came.
  const json sam_p1 = usa.Json("show p1");
  for (const auto& v : sam_p1["properties"]["notes"])
    if (v["value"] == "also for the Americans") {
      EXPECT_NE(v["marking"].get<std::string>().find("ORIG GBR"), std::string::npos) << v.dump();
      EXPECT_EQ(v["source"], "EST/GBR/fiveeyes");
    }

  // EST -> GBR: GBR now also holds the Estonian note, beside its own claims.
  gbr.Run("partners add EST --key " + est.db + ".pub --clearance SECRET");
  est.Run("export --for GBR --out " + dir.File("est-gbr-1.pkg"));
  gbr.Run("import " + dir.File("est-gbr-1.pkg"));
  EXPECT_EQ(gbr.Claims("ann").count("p1 notes seen in Narva"), 1u);
  EXPECT_EQ(gbr.Claims("ann").count("p1 notes for British eyes"), 1u);

  // Everything is in the audit logs, and the logs are intact.
  const std::string est_log = est.Run("audit show --action import");
  EXPECT_NE(est_log.find("refused"), std::string::npos);
  EXPECT_NE(gbr.Run("--json audit show --action export").find(R"("to":"EST")"), std::string::npos);
  for (const Instance* i : {&gbr, &est, &usa}) i->Run("audit verify");
}

// STIX 2.1 out and back in: what a partner may receive, as a bundle with TLP and
// classification marking definitions and confidence from credibility; read into
// another store, the same claims, each under its object's highest marking.
TEST(Exchange, StixBundlesCarryTheRulesAndReadBack) {
  TempDir dir;
  const Instance gbr = Make(dir, "gbr", "GBR", "ann", "TOP SECRET");
  const Instance est = Make(dir, "est", "EST", "kalle", "SECRET");
  Ingest(gbr, dir, "open",
         R"({"id": "p1", "schema": "Person", "properties": {"name": ["Igor Sechin"]}}
{"id": "c1", "schema": "Company", "properties": {"name": ["Rosneft"]}}
{"id": "d1", "schema": "Directorship", "properties": {"director": ["p1"], "organization": ["c1"], "startDate": ["2012"]}}
)", "--credibility 1");
  Ingest(gbr, dir, "amber", R"({"id": "c1", "schema": "Company", "properties": {"notes": ["state-owned"]}})",
         "--marking 'TLP:AMBER' --credibility 3");
  Ingest(gbr, dir, "secret", R"({"id": "p2", "schema": "Person", "properties": {"name": ["Hidden Person"]}})",
         "--marking 'SECRET//REL TO GBR'");
  gbr.Run("partners add EST --key " + est.db + ".pub --clearance SECRET");
  const json out = gbr.Json("export --format stix --for EST --out " + dir.File("bundle.json"));
  EXPECT_EQ(out["identities"], 2);
  EXPECT_EQ(out["relationships"], 1);
  const json bundle = json::parse(ReadFile(dir.File("bundle.json")));
  EXPECT_EQ(bundle["type"], "bundle");
  std::map<std::string, json> by_dossier_id;
  for (const auto& o : bundle["objects"])
    if (o.contains("x_dossier_id")) by_dossier_id[o["x_dossier_id"]] = o;
  EXPECT_EQ(by_dossier_id.count("p2"), 0u) << "a statement not releasable to EST went out";
  EXPECT_EQ(by_dossier_id["p1"]["identity_class"], "individual");
  EXPECT_EQ(by_dossier_id["p1"]["confidence"], 90);
  EXPECT_EQ(by_dossier_id["c1"]["confidence"], 90);  // the best credibility of its statements
  EXPECT_EQ(by_dossier_id["c1"]["object_marking_refs"][0], "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
  EXPECT_EQ(by_dossier_id["d1"]["type"], "relationship");
  EXPECT_EQ(by_dossier_id["d1"]["relationship_type"], "directorship");
  EXPECT_EQ(by_dossier_id["d1"]["source_ref"], by_dossier_id["p1"]["id"]);
  EXPECT_EQ(by_dossier_id["d1"]["start_time"], "2012-01-01T00:00:00.000Z");

  Instance reader{dir.File("reader.db"), ""};
  reader.Run("init");
  reader.Run("ingest --format stix --dataset from-gbr " + dir.File("bundle.json"));
  EXPECT_EQ(reader.Claims(""), (std::set<std::string>{"c1 name Rosneft", "c1 notes state-owned", "d1 director p1",
                                                      "d1 organization c1", "d1 startDate 2012", "p1 name Igor Sechin"}));
  const json c1 = reader.Json("show c1");
  EXPECT_EQ(c1["properties"]["notes"][0]["marking"], "TLP:AMBER//ORIG GBR");
  EXPECT_EQ(c1["properties"]["name"][0]["marking"], "TLP:AMBER//ORIG GBR");  // the object's highest
  EXPECT_EQ(c1["properties"]["name"][0]["grading"], "F1");

  // Bad bundles name what is wrong and add nothing.
  const std::size_t held = reader.Claims("").size();
  for (const auto& [bad, reason] : std::vector<std::pair<std::string, std::string>>{
           {"[1, 2]", "not a STIX 2.1 bundle"},
           {R"({"type": "bundle", "objects": [{"type": "identity", "id": "identity--x", "name": "X",
                "object_marking_refs": ["marking-definition--unknown"]}]})", "will not guess"},
           {R"({"type": "bundle", "objects": [{"type": "relationship", "id": "relationship--r",
                "relationship_type": "ownership", "source_ref": "identity--a", "target_ref": "identity--b"}]})",
            "names no object"},
           {"{\"type\": \"bundle\", \"objects\": [", "not valid JSON"}}) {
    WriteFile(dir.File("bad.json"), bad);
    const auto r = reader.Raw("ingest --format stix " + dir.File("bad.json"));
    EXPECT_EQ(r.exit_code, 3) << bad;
    EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  }
  EXPECT_EQ(reader.Claims("").size(), held);
}

TEST(Exchange, OnlyAdministratorsExchangeAndKeysAreNeeded) {
  TempDir dir;
  const Instance est = Make(dir, "est", "EST", "kalle", "SECRET");
  est.Run("principals add-user tiit --org EST --clearance SECRET --role analyst");
  Instance tiit{est.db, "tiit"};
  EXPECT_EQ(tiit.Raw("export --for GBR --out " + dir.File("x.pkg")).exit_code, 4);
  EXPECT_EQ(tiit.Raw("import " + dir.File("x.pkg")).exit_code, 4);
  EXPECT_EQ(est.Raw("export --for GBR --out " + dir.File("x.pkg")).exit_code, 2);  // GBR is no partner
  EXPECT_EQ(est.Raw("keys generate").exit_code, 2);  // keys exist; --replace needed
  EXPECT_EQ(est.Raw("partners add GBR --key " + est.db + ".pub").exit_code, 3);  // EST's key, not GBR's
}

}  // namespace
