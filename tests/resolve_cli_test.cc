// The matching engine on the command line: screen (one name, batches in both
// formats, bad rows, filters, yente's shapes), xref and auto-accept, judge and
// its undo, eval-pairs, and the audit log every screening and judgement leaves.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <sstream>

#include "store/audit_chain.h"
#include "store/store.h"
#include "test_util.h"

using dossier::testing::RunDossier;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
using nlohmann::json;

namespace {

// A list (with a sanction) and a registry that name some of the same people.
const char* kList = R"({"id": "l-sechin", "schema": "Person", "properties": {"name": ["SECHIN, Igor Ivanovich"], "alias": ["Игорь Иванович Сечин"], "birthDate": ["1960-09-07"], "nationality": ["ru"]}}
{"id": "l-rosneft", "schema": "Company", "properties": {"name": ["Rosneft Oil Company"], "alias": ["ПАО НК Роснефть"]}}
{"id": "l-kim", "schema": "Person", "properties": {"name": ["KIM, Min Jun"], "birthDate": ["1975"]}}
{"id": "s-1", "schema": "Sanction", "properties": {"entity": ["l-sechin"], "program": ["UKRAINE-EO13661"]}}
)";
const char* kRegistry = R"({"id": "r-sechin", "schema": "Person", "properties": {"name": ["Igor Sechin"], "birthDate": ["1960-09-07"]}}
{"id": "r-sechin-jr", "schema": "Person", "properties": {"name": ["Ivan Igorevich Sechin"], "birthDate": ["1989"]}}
{"id": "r-rosneft", "schema": "Company", "properties": {"name": ["Rosneft"]}}
{"id": "r-kim", "schema": "Person", "properties": {"name": ["Min-Jun Kim"], "birthDate": ["1980-02-02"]}}
)";
// Seen only at SECRET by DEU.
const char* kSecret = R"({"id": "x-sechin", "schema": "Person", "properties": {"name": ["Igor Setchin"], "birthDate": ["1960-09-07"]}}
)";

struct Fixture {
  TempDir dir;
  std::string db = dir.File("s.db");
  dossier::testing::RunResult Raw(const std::string& args) { return RunDossier("--store " + db + " " + args); }
  std::string Run(const std::string& args, int expect = 0) {
    auto r = Raw(args);
    EXPECT_EQ(r.exit_code, expect) << args << "\n" << r.err;
    return r.out;
  }
  std::vector<json> Lines(const std::string& args, int expect = 0) {
    std::vector<json> out;
    std::istringstream in(Run("--json " + args, expect));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(json::parse(line));
    return out;
  }
  void Load() {
    WriteFile(dir.File("list.json"), kList);
    WriteFile(dir.File("registry.json"), kRegistry);
    WriteFile(dir.File("secret.json"), kSecret);
    Run("ingest --format ftm --dataset list --reliability A " + dir.File("list.json"));
    Run("ingest --format ftm --dataset registry --reliability C " + dir.File("registry.json"));
    Run("ingest --format ftm --dataset westint --originator WESTINT --marking 'SECRET//REL TO DEU' " +
        dir.File("secret.json"));
  }
  void AddPrincipals() {
    Run("principals add-org WESTINT --country DEU");
    Run("principals add-org BALTSEC --country EST");
    Run("principals add-user w --org WESTINT --clearance SECRET --role admin");
    Run("--as w principals add-user b --org BALTSEC --clearance SECRET --role analyst");
    Run("--as w principals add-user r --org BALTSEC --clearance SECRET --role reader");
  }
};

std::vector<std::string> Ids(const json& answer) {
  std::vector<std::string> ids;
  for (const auto& r : answer["results"]) ids.push_back(r["id"].get<std::string>());
  return ids;
}

}  // namespace

TEST(Screen, FindsANameAcrossScriptsAndExplainsTheScore) {
  Fixture f;
  f.Load();
  auto answers = f.Lines("screen --name 'Сечин Игорь' --schema Person --birth-date 1960-09-07");
  ASSERT_EQ(answers.size(), 1u);
  const auto& top = answers[0]["results"][0];
  EXPECT_TRUE(top["id"] == "l-sechin" || top["id"] == "r-sechin") << answers[0];
  // yente's result shape
  for (const char* key : {"id", "caption", "schema", "properties", "datasets", "score", "match", "explanations"})
    EXPECT_TRUE(top.contains(key)) << key;
  EXPECT_TRUE(top["match"].get<bool>());
  EXPECT_GT(top["score"].get<double>(), 0.78) << "a birth date corroborates the name";
  EXPECT_LT(top["score"].get<double>(), 1.0);
  EXPECT_TRUE(top["explanations"].contains("name_match"));
  EXPECT_TRUE(top["explanations"].contains("birth_date_exact"));
  EXPECT_EQ(answers[0]["total"]["relation"], "eq");
}

TEST(Screen, ANameAloneDoesNotSaturateAndAConflictingBirthDateLowersTheScore) {
  Fixture f;
  f.Load();
  auto bare = f.Lines("screen --name 'Igor Sechin' --schema Person")[0]["results"];
  auto dated = f.Lines("screen --name 'Igor Sechin' --schema Person --birth-date 1960-09-07")[0]["results"];
  auto conflicting = f.Lines("screen --name 'Igor Sechin' --schema Person --birth-date 1989-03-03")[0]["results"];
  auto score_of = [](const json& results, const std::string& id) {
    for (const auto& r : results)
      if (r["id"] == id) return r["score"].get<double>();
    return -1.0;
  };
  double bare_score = score_of(bare, "r-sechin");
  EXPECT_GT(bare_score, 0.7);
  EXPECT_LT(bare_score, 0.8);
  EXPECT_GT(score_of(dated, "r-sechin"), bare_score);
  EXPECT_LT(score_of(conflicting, "r-sechin"), bare_score);
}

TEST(Screen, APersonQueryNeverReturnsACompanyAndFiltersApply) {
  Fixture f;
  f.Load();
  // (Kept in a variable: a range-for over a member of a temporary reads freed memory.)
  const json as_person = f.Lines("screen --name Rosneft --schema Person")[0];
  for (const auto& r : as_person["results"]) EXPECT_NE(r["schema"], "Company") << r;
  auto companies = Ids(f.Lines("screen --name Rosneft --schema Company")[0]);
  ASSERT_FALSE(companies.empty());
  auto sanctioned = Ids(f.Lines("screen --name 'Igor Sechin' --topic sanction")[0]);
  EXPECT_EQ(sanctioned, std::vector<std::string>{"l-sechin"});
  auto registry = Ids(f.Lines("screen --name 'Igor Sechin' --dataset registry")[0]);
  for (const auto& id : registry) EXPECT_EQ(id.rfind("r-", 0), 0u) << id;
}

TEST(Screen, BatchesInJsonLinesAndCsvAnswerInOrderAndNameBadRows) {
  Fixture f;
  f.Load();
  WriteFile(f.dir.File("q.jsonl"),
            R"({"id": "q1", "schema": "Person", "properties": {"name": ["Igor Sechin"], "birthDate": "1960-09-07"}}
not json at all
{"id": "q3", "schema": "Person", "properties": {"name": ["Min Jun Kim"]}}
{"id": "q4", "schema": "Spaceship", "properties": {"name": ["x"]}}
{"id": "q5", "schema": "Person", "properties": {"name": ["!!!"]}}
)");
  auto r = f.Raw("--json screen " + f.dir.File("q.jsonl"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0]["id"], "q1");
  EXPECT_FALSE(lines[0]["results"].empty());
  EXPECT_NE(lines[1]["error"].get<std::string>().find("q.jsonl:2"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2]["id"], "q3");
  EXPECT_NE(lines[3]["error"].get<std::string>().find("Spaceship"), std::string::npos) << lines[3];
  EXPECT_TRUE(lines[4]["results"].empty());
  EXPECT_TRUE(lines[4].contains("warnings"));

  WriteFile(f.dir.File("q.csv"), "id,schema,name,birthDate\nc1,Person,Igor Sechin,1960-09-07\nc2,Company,Rosneft,\n");
  auto csv = f.Lines("screen " + f.dir.File("q.csv"));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_EQ(csv[0]["id"], "c1");
  EXPECT_EQ(csv[1]["id"], "c2");
  EXPECT_FALSE(csv[1]["results"].empty());
  WriteFile(f.dir.File("bad.csv"), "id,name\nc1,Igor Sechin,extra\n");
  auto bad = f.Raw("--json screen " + f.dir.File("bad.csv"));
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_NE(bad.out.find("bad.csv:2"), std::string::npos) << bad.out;
}

TEST(Screen, AReaderSeesOnlyWhatTheRuleAllowsAndEveryScreeningIsAudited) {
  Fixture f;
  f.Load();
  f.AddPrincipals();
  auto western = Ids(f.Lines("--as w screen --name 'Igor Setchin' --schema Person --limit 10")[0]);
  auto baltic = Ids(f.Lines("--as b screen --name 'Igor Setchin' --schema Person --limit 10")[0]);
  EXPECT_NE(std::find(western.begin(), western.end(), "x-sechin"), western.end());
  EXPECT_EQ(std::find(baltic.begin(), baltic.end(), "x-sechin"), baltic.end());

  auto store = dossier::store::Store::Open(f.db, false);
  auto log = store->AuditLog();
  ASSERT_GE(log.size(), 2u);
  const auto& last = log.back();
  EXPECT_EQ(last.user, "b");
  EXPECT_EQ(last.action, "screen");
  EXPECT_NE(last.detail.find("Igor Setchin"), std::string::npos);
  EXPECT_EQ(last.detail.find("x-sechin"), std::string::npos);
  // The chain holds: each entry's hash covers it and the one before.
  std::string prev = dossier::store::kAuditGenesis;
  for (const auto& e : log) {
    EXPECT_EQ(e.prev, prev);
    EXPECT_EQ(dossier::store::ChainHash(e), e.hash);
    prev = e.hash;
  }
  auto edited = log.front();
  edited.detail += " ";
  EXPECT_NE(dossier::store::ChainHash(edited), log.front().hash);
}

TEST(Xref, FindsTheSamePersonAcrossListsAndLeavesJudgedPairsOut) {
  Fixture f;
  f.Load();
  auto pairs = f.Lines("xref --dataset registry --against list --threshold 0.7");
  bool sechin = false, son = false;
  for (const auto& p : pairs) {
    std::string a = p["a"], b = p["b"];
    if ((a == "l-sechin" && b == "r-sechin") || (a == "r-sechin" && b == "l-sechin")) sechin = true;
    if (a == "r-sechin-jr" || b == "r-sechin-jr") son = true;
    EXPECT_GE(p["score"].get<double>(), 0.7);
    EXPECT_TRUE(p["explanations"].contains("name_match"));
  }
  EXPECT_TRUE(sechin) << json(pairs);
  EXPECT_FALSE(son) << "the son has another given name and birth year";
  f.Run("judge l-sechin r-sechin negative");
  for (const auto& p : f.Lines("xref --dataset registry --against list --threshold 0.7"))
    EXPECT_FALSE(p["a"] == "l-sechin" && p["b"] == "r-sechin") << p;
}

TEST(Xref, AutoAcceptMergesAndAJudgementCanBeUndone) {
  Fixture f;
  f.Load();
  auto pairs = f.Lines("xref --dataset registry --against list --threshold 0.7 --auto-accept 0.9");
  int accepted = 0;
  for (const auto& p : pairs) accepted += p.value("accepted", false);
  ASSERT_GE(accepted, 1) << json(pairs);
  auto merged = json::parse(f.Run("--json show r-sechin"));
  EXPECT_EQ(merged["members"].size(), 2u) << merged["members"];
  f.Run("judge l-sechin r-sechin --undo");
  auto apart = json::parse(f.Run("--json show r-sechin"));
  EXPECT_EQ(apart["members"].size(), 1u) << apart["members"];
  auto r = f.Raw("judge l-sechin r-sechin --undo");
  EXPECT_EQ(r.exit_code, 1) << "nothing left to undo";
  EXPECT_EQ(f.Raw("judge l-sechin r-sechin maybe").exit_code, 2);
}

TEST(Xref, NegativeJudgementsKeepClustersApart) {
  Fixture f;
  f.Load();
  f.Run("judge l-sechin r-sechin positive");
  f.Run("judge l-sechin r-sechin-jr negative");
  f.Run("judge r-sechin r-sechin-jr positive");  // would chain the son into the father's cluster
  auto father = json::parse(f.Run("--json show l-sechin"));
  for (const auto& m : father["members"]) EXPECT_NE(m, "r-sechin-jr") << father["members"];
}

TEST(EvalPairs, ReportsMetricsPerSchemaAndNamesBadRows) {
  Fixture f;
  WriteFile(f.dir.File("pairs.csv"),
            "schema,name1,name2,is_match\n"
            "Person,\"SECHIN, Igor Ivanovich\",Игорь Сечин,1\n"
            "Person,Igor Sechin,Ivan Sechin,0\n"
            "Company,Rosneft,ПАО НК Роснефть,1\n"
            "Company,Rosneft,Gazprom,0\n");
  auto doc = json::parse(f.Run("--json eval-pairs " + f.dir.File("pairs.csv")));
  for (const char* key : {"precision", "recall", "f1", "accuracy", "threshold", "best_threshold", "best_f1", "by_schema"})
    EXPECT_TRUE(doc.contains(key)) << key;
  EXPECT_TRUE(doc["by_schema"].contains("Person"));
  EXPECT_TRUE(doc["by_schema"].contains("Company"));
  EXPECT_DOUBLE_EQ(doc["best_f1"].get<double>(), 1.0) << doc;
  WriteFile(f.dir.File("bad.csv"), "schema,name1,name2,is_match\nPerson,a,b,perhaps\nPerson,Igor Sechin,Igor Sechin,1\n");
  auto r = f.Raw("eval-pairs " + f.dir.File("bad.csv"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("bad.csv:2"), std::string::npos) << r.err;
}

TEST(Screen, BadNamesGiveAClearErrorOrASensibleResultNeverACrash) {
  Fixture f;
  f.Load();
  std::string long_name;
  for (int i = 0; i < 1000; ++i) long_name += "Sechin Igor ";  // 12,000 bytes
  std::string mixed = "Igor Сечин 习近平 محمد";
  std::string invalid = "Igor \xff\xfe Sechin";
  WriteFile(f.dir.File("bad.jsonl"),
            R"({"id": "empty", "schema": "Person", "properties": {"name": [""]}})" "\n"
            R"({"id": "punct", "schema": "Person", "properties": {"name": ["?!.,;--"]}})" "\n"
            R"({"id": "long", "schema": "Person", "properties": {"name": [")" + long_name + R"("]}})" "\n"
            R"({"id": "mixed", "schema": "Person", "properties": {"name": [")" + mixed + R"("]}})" "\n"
            R"({"id": "bad-utf8", "schema": "Person", "properties": {"name": [")" + invalid + R"("]}})" "\n"
            R"({"id": "wrong-type", "schema": "Person", "properties": {"name": [42, {"a": 1}]}})" "\n");
  auto r = f.Raw("--json screen " + f.dir.File("bad.jsonl"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
  ASSERT_EQ(lines.size(), 6u) << r.out;
  EXPECT_TRUE(lines[0]["results"].empty());
  EXPECT_TRUE(lines[0].contains("warnings"));
  EXPECT_TRUE(lines[1]["results"].empty());
  EXPECT_NE(lines[2]["error"].get<std::string>().find("bad.jsonl:3"), std::string::npos) << lines[2];
  EXPECT_TRUE(lines[3].contains("results")) << lines[3];
  EXPECT_NE(lines[4]["error"].get<std::string>().find("bad.jsonl:5"), std::string::npos) << lines[4];
  EXPECT_NE(lines[5]["error"].get<std::string>().find("must hold strings"), std::string::npos) << lines[5];
}

// `audit verify` finds an edited, a removed and a reordered entry, and entries
// cut from the end against a head kept elsewhere; `audit show` filters; only
// administrators read the log.
TEST(Audit, VerifyDetectsEditsRemovalsReorderingsAndCutsAndShowFilters) {
  Fixture f;
  f.Load();
  f.AddPrincipals();
  f.Run("--as b screen --name 'Igor Setchin' --schema Person");
  f.Run("--as w screen --name 'Rosneft' --schema Company");
  f.Run("--as b judge l-kim r-kim negative");
  const json ok = f.Lines("--as w audit verify")[0];
  EXPECT_TRUE(ok["intact"].get<bool>());
  const int entries = ok["entries"];
  EXPECT_GE(entries, 7);  // three principal changes, two organisations, two screenings, a judgement
  const std::string head = ok["head"];
  // Only administrators read it.
  EXPECT_EQ(f.Raw("--as b audit verify").exit_code, 4);
  EXPECT_EQ(f.Raw("--as r audit show").exit_code, 4);
  // show filters by user and action.
  const auto screens = f.Lines("--as w audit show --action screen");
  ASSERT_EQ(screens.size(), 2u);
  EXPECT_EQ(screens[0]["user"], "b");
  EXPECT_EQ(f.Lines("--as w audit show --user b --action judge").size(), 1u);
  EXPECT_EQ(f.Lines("--as w audit show --action principals").size(), 5u);
  EXPECT_EQ(f.Lines("--as w audit show --limit 1").size(), 1u);

  // Tampering, each on a copy of the store.
  auto tampered = [&](const std::string& sql) {
    const std::string copy = f.dir.File("copy.db");
    std::filesystem::copy_file(f.db, copy, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(f.db + ".audit", copy + ".audit", std::filesystem::copy_options::overwrite_existing);
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((copy + ".audit").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
    return RunDossier("--store " + copy + " --as w --json audit verify");
  };
  auto edited = tampered("UPDATE audit SET detail = replace(detail, 'Setchin', 'Smith') WHERE action = 'screen'");
  EXPECT_EQ(edited.exit_code, 5);
  EXPECT_NE(edited.err.find("edited"), std::string::npos) << edited.err;
  auto removed = tampered("DELETE FROM audit WHERE seq = 3");
  EXPECT_EQ(removed.exit_code, 5);
  EXPECT_NE(removed.err.find("entry 4"), std::string::npos) << removed.err;
  auto reordered = tampered(
      "UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -1");
  EXPECT_EQ(reordered.exit_code, 5);
  // Cut from the end: the chain left is valid, but not the head verified before.
  auto cut = tampered("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  const std::string copy = f.dir.File("copy.db");
  auto cut_against_head = RunDossier("--store " + copy + " --as w audit verify --expect-head " + head);
  EXPECT_EQ(cut_against_head.exit_code, 5);
  EXPECT_NE(cut_against_head.err.find("removed from its end"), std::string::npos) << cut_against_head.err;
  EXPECT_EQ(f.Raw("--as w audit verify --expect-head " + head).exit_code, 0);
}
