// The command line end to end: ingest, errors that name the place and change
// nothing, search, show, path, export/import round trip, principals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <sstream>

#include "test_util.h"

using dossier::testing::ReadFile;
using dossier::testing::RunDossier;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
using nlohmann::json;

namespace {

const char* kEntities = R"({"id": "p-sechin", "schema": "Person", "properties": {"name": ["Игорь Иванович Сечин", "Igor Sechin"], "birthDate": ["1960-09-07"], "nationality": ["Russia"]}}
{"id": "p-antonio", "schema": "Person", "properties": {"name": ["José E.B. Antonio"], "country": ["PH"]}}
{"id": "c-rosneft", "schema": "Company", "properties": {"name": ["Rosneft"], "jurisdiction": ["ru"]}}
{"id": "c-century", "schema": "Company", "properties": {"name": ["Century Properties"]}}
{"id": "d-1", "schema": "Directorship", "properties": {"director": ["p-sechin"], "organization": ["c-rosneft"], "role": ["CEO"]}}
{"id": "d-2", "schema": "Directorship", "properties": {"director": ["p-antonio"], "organization": ["c-century"], "role": ["Chairman"]}}
{"id": "o-1", "schema": "Ownership", "properties": {"owner": ["c-rosneft"], "asset": ["c-century"]}}
)";

const char* kSecret = R"({"id": "p-sechin", "schema": "Person", "properties": {"birthDate": ["1961-01-01"]}}
{"id": "p-hidden", "schema": "Person", "properties": {"name": ["Hidden Person"]}}
{"id": "a-1", "schema": "Associate", "properties": {"person": ["p-hidden"], "associate": ["p-antonio"]}}
)";

struct Fixture {
  TempDir dir;
  std::string db = dir.File("s.db");
  std::string Run(const std::string& args, int expect = 0) {
    auto r = RunDossier("--store " + db + " " + args);
    EXPECT_EQ(r.exit_code, expect) << args << "\n" << r.err;
    return r.out;
  }
  json Json(const std::string& args, int expect = 0) { return json::parse(Run("--json " + args, expect)); }
  void Load() {
    WriteFile(dir.File("public.json"), kEntities);
    WriteFile(dir.File("secret.json"), kSecret);
    Run("ingest --format ftm --dataset public --reliability B --credibility 2 " + dir.File("public.json"));
    Run("ingest --format ftm --dataset westint --reliability A --credibility 3 --originator WESTINT "
        "--marking 'SECRET//REL TO DEU' " + dir.File("secret.json"));
  }
  int64_t Statements() { return Json("stats")["statements"].get<int64_t>(); }
};

}  // namespace

TEST(Cli, IngestTwiceChangesNothing) {
  Fixture f;
  f.Load();
  int64_t n = f.Statements();
  auto again = json::parse(f.Run("--json ingest --format ftm --dataset public " + f.dir.File("public.json")));
  EXPECT_EQ(again["added"], 0);
  EXPECT_GT(again["present"].get<int>(), 0);
  EXPECT_EQ(f.Statements(), n);
}

TEST(Cli, BadInputNamesFileAndLineAndChangesNothing) {
  Fixture f;
  f.Load();
  int64_t n = f.Statements();
  std::string bad = std::string(kEntities) + "{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"birthDate\": [\"31 Feb 1960\"]}}\n";
  WriteFile(f.dir.File("bad.json"), bad);
  auto r = RunDossier("--store " + f.db + " ingest --format ftm " + f.dir.File("bad.json"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.json:8"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("birthDate"), std::string::npos) << r.err;
  EXPECT_EQ(f.Statements(), n);

  WriteFile(f.dir.File("unknown.json"), R"({"id": "x", "schema": "Spaceship", "properties": {}})" "\n");
  r = RunDossier("--store " + f.db + " ingest --format ftm " + f.dir.File("unknown.json"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("unknown.json:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Spaceship"), std::string::npos) << r.err;

  r = RunDossier("--store " + f.db + " ingest --format ftm --marking 'SECRET//REL TO' " + f.dir.File("public.json"));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("'SECRET//REL TO'"), std::string::npos) << r.err;
  EXPECT_EQ(f.Statements(), n);
}

TEST(Cli, SearchIgnoresCaseAccentsScriptAndOrder) {
  Fixture f;
  f.Load();
  for (const char* q : {"antonio jose", "JOSE ANTONIO", "josé"}) {
    auto r = f.Json(std::string("search '") + q + "'");
    ASSERT_FALSE(r["results"].empty()) << q;
    EXPECT_EQ(r["results"][0]["id"], "p-antonio") << q;
  }
  auto r = f.Json("search 'sechin igor'");
  ASSERT_FALSE(r["results"].empty());
  EXPECT_EQ(r["results"][0]["id"], "p-sechin");
  EXPECT_EQ(r["results"][0]["score"], 1.0);
  r = f.Json("search 'Сечин'");
  ASSERT_FALSE(r["results"].empty());
  EXPECT_EQ(r["results"][0]["id"], "p-sechin");
  r = f.Json("search rosneft --schema Person");
  EXPECT_TRUE(r["results"].empty());
}

TEST(Cli, ShowGroupsValuesWithSourceGradingAndMarking) {
  Fixture f;
  f.Load();
  auto e = f.Json("show 'Igor Sechin'");
  EXPECT_EQ(e["id"], "p-sechin");
  auto births = e["properties"]["birthDate"];
  ASSERT_EQ(births.size(), 2u);  // conflicting values side by side
  EXPECT_EQ(e["conflicts"], json::array({"birthDate"}));
  std::set<std::string> gradings;
  for (auto& b : births) gradings.insert(b["grading"].get<std::string>() + " " + b["marking"].get<std::string>());
  EXPECT_TRUE(gradings.count("B2 UNCLASSIFIED"));
  EXPECT_TRUE(gradings.count("A3 SECRET//REL TO DEU//ORIG WESTINT"));
  EXPECT_EQ(e["properties"]["nationality"][0]["value"], "ru");
  EXPECT_EQ(e["properties"]["nationality"][0]["original_value"], "Russia");
  EXPECT_EQ(e["marking"], "SECRET//REL TO DEU//ORIG WESTINT");
  ASSERT_EQ(e["ties"].size(), 1u);
  EXPECT_EQ(e["ties"][0]["other"], "c-rosneft");
  EXPECT_EQ(e["ties"][0]["direction"], "out");
  std::string text = f.Run("show p-sechin");
  EXPECT_NE(text.find("birthDate (!)"), std::string::npos) << text;
  EXPECT_NE(text.find("A3"), std::string::npos);
}

TEST(Cli, PathGivesEachHopWithRelationSourceAndGrading) {
  Fixture f;
  f.Load();
  auto p = f.Json("path p-sechin p-antonio");
  EXPECT_EQ(p["length"], 3);
  ASSERT_EQ(p["hops"].size(), 3u);
  EXPECT_EQ(p["hops"][0]["relation"], "Directorship");
  EXPECT_EQ(p["hops"][1]["relation"], "Ownership");
  EXPECT_EQ(p["hops"][0]["grading"], "B2");
  EXPECT_EQ(p["hops"][0]["sources"][0]["id"], "public");
  auto none = f.Json("path p-sechin c-rosneft --max-hops 0", 1);
  EXPECT_TRUE(none["length"].is_null());
  auto n = f.Json("neighbours p-antonio --hops 2");
  EXPECT_GE(n["count"].get<int>(), 2);
  f.Run("show nobody", 1);
}

TEST(Cli, ExportThenImportGivesTheSameStatements) {
  Fixture f;
  f.Load();
  std::string first = f.Run("export --format statements");
  f.Run("export --format sources --out " + f.dir.File("sources.toml"));
  WriteFile(f.dir.File("statements.csv"), first);
  std::string copy = f.dir.File("copy.db");
  auto r = RunDossier("--store " + copy + " ingest --format sources " + f.dir.File("sources.toml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunDossier("--store " + copy + " ingest --format statements " + f.dir.File("statements.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto second = RunDossier("--store " + copy + " export --format statements").out;
  // Everything but who recorded it and when must be identical, row for row.
  auto strip = [](const std::string& csv) {
    std::istringstream in(csv);
    std::string line, out;
    while (std::getline(in, line)) {
      for (int i = 0; i < 2; ++i) line = line.substr(0, line.rfind(','));
      out += line + "\n";
    }
    return out;
  };
  EXPECT_EQ(strip(first), strip(second));
  EXPECT_GT(std::count(first.begin(), first.end(), '\n'), 10);
  EXPECT_EQ(RunDossier("--store " + copy + " export --format ftm").out, f.Run("export --format ftm"));
}

TEST(Cli, PrincipalsDecideWhatEachUserSees) {
  Fixture f;
  f.Load();
  f.Run("principals add-org WESTINT --country DEU");
  f.Run("principals add-org BALTSEC --country EST");
  f.Run("principals add-user admin --org WESTINT --clearance 'TOP SECRET' --role admin");
  f.Run("--as admin principals add-user baltic --org BALTSEC --clearance SECRET");
  auto r = RunDossier("--store " + f.db + " show p-sechin");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("--as"), std::string::npos);
  EXPECT_EQ(RunDossier("--store " + f.db + " --as nobody show p-sechin").exit_code, 4);

  auto full = f.Json("--as admin show p-sechin");
  auto partial = f.Json("--as baltic show p-sechin");
  EXPECT_EQ(full["properties"]["birthDate"].size(), 2u);
  EXPECT_EQ(partial["properties"]["birthDate"].size(), 1u);
  EXPECT_EQ(partial["marking"], "UNCLASSIFIED");
  // A hidden entity answers exactly like one never recorded.
  auto hidden = RunDossier("--store " + f.db + " --as baltic show p-hidden");
  auto missing = RunDossier("--store " + f.db + " --as baltic show p-nothing");
  EXPECT_EQ(hidden.exit_code, missing.exit_code);
  std::string he = hidden.err, me = missing.err;
  EXPECT_EQ(he.replace(he.find("p-hidden"), 8, "X"), me.replace(me.find("p-nothing"), 9, "X"));
  // ...and its tie does not show on the visible end.
  EXPECT_EQ(f.Json("--as admin show p-antonio")["ties"].size(), 2u);
  EXPECT_EQ(f.Json("--as baltic show p-antonio")["ties"].size(), 1u);
  EXPECT_LT(f.Json("--as baltic stats")["statements"].get<int>(), f.Json("--as admin stats")["statements"].get<int>());
  // Only administrators change principals.
  EXPECT_EQ(RunDossier("--store " + f.db + " --as baltic principals add-org X --country FRA").exit_code, 4);
}

TEST(Cli, RetractionHidesAStatementButKeepsHistory) {
  Fixture f;
  f.Load();
  auto e = f.Json("show p-antonio");
  std::string id = e["properties"]["country"][0]["statement"];
  f.Run("retract " + id + " --reason 'wrong country'");
  EXPECT_FALSE(f.Json("show p-antonio")["properties"].contains("country"));
  f.Run("retract 0123456789abcdef", 1);
}

// Every read is audited (who, the question, how many results), a read of a
// missing entity too, and a read never waits for an ingest: the audit log has
// its own file, so a writer holding the store does not block the entry.
TEST(Cli, ReadsAreAuditedEvenWhileAWriterHoldsTheStore) {
  Fixture f;
  f.Load();
  sqlite3* writer = nullptr;
  ASSERT_EQ(sqlite3_open(f.db.c_str(), &writer), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto started = std::chrono::steady_clock::now();
  f.Run("search sechin");
  f.Run("show p-sechin");
  f.Run("show p-nobody", 1);
  f.Run("neighbours p-sechin --hops 2");
  f.Run("path p-sechin c-century");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 25.0) << "reads waited for the writer (the busy timeout is 30 s)";
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  std::istringstream log(f.Run("--json audit show"));
  std::vector<json> entries;
  for (std::string line; std::getline(log, line);) entries.push_back(json::parse(line));
  std::vector<std::string> actions;
  for (const auto& e : entries) actions.push_back(e["action"]);
  ASSERT_EQ(actions, (std::vector<std::string>{"search", "show", "show", "neighbours", "path"}));
  EXPECT_EQ(entries[0]["detail"]["args"], json::array({"sechin"}));
  EXPECT_EQ(entries[0]["results"], 1);
  EXPECT_EQ(entries[2]["detail"]["outcome"], "not found");
  EXPECT_EQ(entries[2]["results"], 0);
  EXPECT_GE(entries[3]["results"].get<int>(), 2);
  EXPECT_EQ(entries[4]["results"], 1);
  f.Run("audit verify");
}

// An export is a derived product: it says the highest marking of what it holds,
// as the reader sees it.
TEST(Cli, AnExportPrintsTheHighestMarkingOfWhatItHolds) {
  Fixture f;
  f.Load();
  const json all = f.Json("export --format statements --out " + f.dir.File("all.csv"));
  EXPECT_EQ(all["marking"], "SECRET//REL TO DEU//ORIG WESTINT");
  EXPECT_GT(all["statements"].get<int>(), 10);
  const json open = f.Json("export --format ftm --dataset public --out " + f.dir.File("open.json"));
  EXPECT_EQ(open["marking"], "UNCLASSIFIED");
  EXPECT_LT(open["statements"].get<int>(), all["statements"].get<int>());
}
