// The FtM, statement CSV and mapped CSV readers: real files parse completely
// into records the schema accepts, TrumpWorld's ties land in the right schemata,
// and malformed input fails with file and line.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/csv.h"
#include "ingest/error.h"
#include "ingest/formats.h"
#include "ingest/mapping.h"
#include "ingest/statements_csv.h"
#include "model/schema.h"
#include "model/value.h"
#include "test_util.h"

namespace dossier::ingest {
namespace {

using model::EntityRecord;
using testing::SharedData;
using testing::SourcePath;

std::vector<EntityRecord> ReadFtmText(const std::string& text, const std::string& file = "x.ftm.json") {
  std::istringstream in(text);
  std::vector<EntityRecord> out;
  ReadFtm(in, file, [&](EntityRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

std::vector<EntityRecord> ReadStatementsText(const std::string& text, const std::string& file = "s.csv") {
  std::istringstream in(text);
  std::vector<EntityRecord> out;
  ReadStatementsCsv(in, file, [&](EntityRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

std::vector<EntityRecord> ReadMappedText(const std::string& csv, const Mapping& m, const std::string& file = "m.csv") {
  std::istringstream in(csv);
  std::vector<EntityRecord> out;
  ReadMappedCsv(in, file, m, [&](EntityRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

std::vector<EntityRecord> ReadFile(const std::string& path, const std::function<void(std::istream&, const RecordSink&)>& read) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::vector<EntityRecord> out;
  read(in, [&](EntityRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

Mapping MappingFromText(const testing::TempDir& dir, const std::string& toml) {
  std::string path = dir.File("mapping.toml");
  testing::WriteFile(path, toml);
  return LoadMapping(path);
}

// Every record names a concrete schema, every property exists on it, every
// value passes Normalise for its type. Returns the problems, one a line.
std::string Problems(const std::vector<EntityRecord>& records) {
  const auto& model = model::Model::Default();
  std::ostringstream out;
  for (const auto& r : records) {
    const model::Schema* schema = model.Find(r.schema);
    if (!schema || schema->abstract()) {
      out << "line " << r.line << ": schema " << r.schema << "\n";
      continue;
    }
    for (const auto& v : r.values) {
      if (v.prop == "id") continue;
      const model::Property* p = schema->Find(v.prop);
      if (!p) {
        out << "line " << r.line << ": " << r.schema << " has no " << v.prop << "\n";
        continue;
      }
      auto n = model::Normalise(p->type, v.value);
      if (!n.ok) out << "line " << r.line << ": " << r.schema << "." << v.prop << ": " << n.reason << "\n";
    }
  }
  return out.str();
}

std::vector<std::string> Values(const EntityRecord& r, const std::string& prop) {
  std::vector<std::string> out;
  for (const auto& v : r.values)
    if (v.prop == prop) out.push_back(v.value);
  return out;
}

std::string Value(const EntityRecord& r, const std::string& prop) {
  auto v = Values(r, prop);
  return v.empty() ? std::string() : v.front();
}

// Entity-typed values that name no record of `records`.
std::vector<std::string> DanglingRefs(const std::vector<EntityRecord>& records) {
  const auto& model = model::Model::Default();
  std::set<std::string> ids;
  for (const auto& r : records) ids.insert(r.id);
  std::vector<std::string> out;
  for (const auto& r : records) {
    const model::Schema* schema = model.Find(r.schema);
    if (!schema) continue;
    for (const auto& v : r.values) {
      const model::Property* p = schema->Find(v.prop);
      if (p && p->type == model::PropertyType::kEntity && !ids.count(v.value)) out.push_back(r.schema + "." + v.prop + "=" + v.value);
    }
  }
  return out;
}

template <typename F>
IngestError Catch(F&& f) {
  try {
    f();
  } catch (const IngestError& e) {
    return e;
  }
  ADD_FAILURE() << "no IngestError";
  return IngestError("", 0, "", "");
}

// ---------------------------------------------------------------- FtM

TEST(FtmTest, ZalaReadsCompletely) {
  auto records = ReadFile(SharedData("ftm/zala.ftm.json"),
                          [](std::istream& in, const RecordSink& s) { ReadFtm(in, "zala.ftm.json", s); });
  ASSERT_EQ(records.size(), 91u);
  std::map<std::string, int> by_schema;
  for (const auto& r : records) ++by_schema[r.schema];
  EXPECT_EQ(by_schema["Sanction"], 41);
  EXPECT_EQ(by_schema["Ownership"], 14);
  EXPECT_EQ(by_schema["Company"], 11);
  EXPECT_EQ(by_schema["Address"], 11);
  EXPECT_EQ(by_schema["Person"], 6);
  EXPECT_EQ(by_schema["Family"], 4);
  EXPECT_EQ(by_schema["Directorship"], 3);
  EXPECT_EQ(by_schema["Passport"], 1);
  EXPECT_EQ(Problems(records), "");
  // Lines are numbered; first_seen/last_seen ride on every value.
  EXPECT_EQ(records.front().line, 1);
  EXPECT_EQ(records.back().line, 91);
  for (const auto& r : records)
    for (const auto& v : r.values) ASSERT_FALSE(v.first_seen.empty() || v.last_seen.empty()) << r.id;
  // Ties refer to entities of the file; only 16 addresses the export left out
  // dangle.
  auto dangling = DanglingRefs(records);
  EXPECT_EQ(dangling.size(), 16u);
  for (const auto& ref : dangling) EXPECT_NE(ref.find(".addressEntity="), std::string::npos) << ref;
}

TEST(FtmTest, MultiScriptNamesSurvive) {
  auto records = ReadFile(SharedData("ftm/zala.ftm.json"),
                          [](std::istream& in, const RecordSink& s) { ReadFtm(in, "zala.ftm.json", s); });
  auto it = std::find_if(records.begin(), records.end(), [](const EntityRecord& r) { return r.id == "NK-2Tbri3s6GgNtAwsSXh4qpL"; });
  ASSERT_NE(it, records.end());
  auto names = Values(*it, "name");
  EXPECT_NE(std::find(names.begin(), names.end(), "Мария Александровна Осетрова"), names.end());
}

TEST(FtmTest, NestedEntitiesBecomeRecordsAndReferences) {
  auto records = ReadFtmText(
      "\n"
      R"({"id": "o1", "schema": "Ownership", "properties": {"owner": [{"id": "p1", "schema": "Person", "properties": {"name": ["Ann"]}}], "asset": ["c1"]}})"
      "\n\n"
      R"({"id": "c1", "schema": "Company", "properties": {}, "first_seen": "2020-01-01T00:00:00"})"
      "\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, "p1");  // the nested one first, so references point backwards
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[1].id, "o1");
  EXPECT_EQ(Value(records[1], "owner"), "p1");
  EXPECT_EQ(Value(records[1], "asset"), "c1");
  // An entity without values still exists.
  EXPECT_EQ(records[2].line, 4);
  ASSERT_EQ(records[2].values.size(), 1u);
  EXPECT_EQ(records[2].values[0].prop, "id");
  EXPECT_EQ(records[2].values[0].first_seen, "2020-01-01T00:00:00");
}

TEST(FtmTest, MalformedLinesNameFileLineAndField) {
  const std::string good = R"({"id": "a", "schema": "Person", "properties": {"name": ["A"]}})";
  auto e = Catch([&] { ReadFtmText(good + "\n" + good + "\n{\"id\": \"b\", \"schema\": \n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_NE(std::string(e.what()).find("x.ftm.json:3: "), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("invalid JSON"), std::string::npos) << e.what();

  e = Catch([&] { ReadFtmText(good + "\n" + R"({"schema": "Person", "properties": {}})"); });
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.field(), "id");
  e = Catch([&] { ReadFtmText(R"({"id": "a", "properties": {}})"); });
  EXPECT_EQ(e.field(), "schema");
  e = Catch([&] { ReadFtmText(R"({"id": "a", "schema": "Person", "properties": ["name"]})"); });
  EXPECT_EQ(e.field(), "properties");
  e = Catch([&] { ReadFtmText(R"({"id": "a", "schema": "Person", "properties": {"birthDate": [1960]}})"); });
  EXPECT_EQ(e.field(), "birthDate");
  EXPECT_NE(std::string(e.what()).find("x.ftm.json:1: field birthDate: "), std::string::npos) << e.what();
  e = Catch([&] { ReadFtmText("[1, 2]"); });
  EXPECT_EQ(e.line(), 1);
}

// ---------------------------------------------------------------- statements

StatementRow Row(std::string entity, std::string schema, std::string prop, std::string value) {
  StatementRow r;
  r.id = "ignored";
  r.entity_id = std::move(entity);
  r.canonical_id = r.entity_id;
  r.schema = std::move(schema);
  r.prop = std::move(prop);
  r.value = std::move(value);
  r.dataset = "bnd";
  return r;
}

TEST(StatementsCsvTest, HeaderHasNomenklaturaColumnsThenDossiers) {
  auto h = StatementsCsvHeader();
  ASSERT_EQ(h.size(), 19u);
  EXPECT_EQ(h[0], "id");
  EXPECT_EQ(h[12], "last_seen");
  EXPECT_EQ(h[13], "credibility");
  EXPECT_EQ(h[18], "recorded_at");
  EXPECT_EQ(StatementsCsvRow(StatementRow{}).size(), h.size());
}

TEST(StatementsCsvTest, WriteThenReadGivesTheSameRecords) {
  std::vector<StatementRow> rows;
  rows.push_back(Row("p1", "Person", "id", "p1"));
  rows.push_back(Row("p1", "Person", "name", "Igor \"the\" Sechin, Jr."));
  rows.back().lang = "eng";
  rows.back().credibility = "2";
  rows.back().reliability = "B";
  rows.back().marking = "SECRET//REL TO GBR, DEU";
  rows.back().first_seen = "2017-02-01T10:00:00";
  rows.back().last_seen = "2017-02-03T10:00:00";
  rows.push_back(Row("p1", "Person", "notes", "line one\nline two"));
  rows.back().dataset = "other";

  std::string text = CsvLine(StatementsCsvHeader()) + "\n";
  for (const auto& r : rows) text += CsvLine(StatementsCsvRow(r)) + "\n";
  auto records = ReadStatementsText(text);
  ASSERT_EQ(records.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& rec = records[i];
    const auto& row = rows[i];
    EXPECT_EQ(rec.id, row.entity_id);
    EXPECT_EQ(rec.schema, row.schema);
    ASSERT_EQ(rec.values.size(), 1u);
    const auto& v = rec.values[0];
    EXPECT_EQ(v.prop, row.prop);
    EXPECT_EQ(v.value, row.value);
    EXPECT_EQ(v.lang, row.lang);
    EXPECT_EQ(v.source_id, row.dataset);
    EXPECT_EQ(v.credibility, row.credibility.empty() ? 0 : std::stoi(row.credibility));
    EXPECT_EQ(v.marking, row.marking);
    EXPECT_EQ(v.first_seen, row.first_seen);
    EXPECT_EQ(v.last_seen, row.last_seen);
  }
  EXPECT_EQ(records[0].line, 2);
  EXPECT_EQ(records[2].line, 4);  // line of the record's start, though row 3 spans two lines
  EXPECT_EQ(Problems(records), "");
}

TEST(StatementsCsvTest, ColumnsInAnyOrderAndOnlyTheRequiredOnes) {
  auto records = ReadStatementsText("value,schema,dataset,prop,entity_id\nACME,Company,src,name,c1\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].id, "c1");
  EXPECT_EQ(records[0].values[0].prop, "name");
  EXPECT_EQ(records[0].values[0].value, "ACME");
  EXPECT_EQ(records[0].values[0].credibility, 0);
}

TEST(StatementsCsvTest, MalformedInputNamesFileLineAndField) {
  auto e = Catch([] { ReadStatementsText("entity_id,schema,value,dataset\np1,Person,x,d\n"); });
  EXPECT_EQ(e.field(), "prop");
  EXPECT_NE(std::string(e.what()).find("s.csv:1: field prop: "), std::string::npos) << e.what();

  e = Catch([] { ReadStatementsText("entity_id,prop,schema,value,dataset,credibility\np1,name,Person,A,d,2\np1,name,Person,B,d,7\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.field(), "credibility");
  EXPECT_NE(std::string(e.what()).find("s.csv:3: field credibility: "), std::string::npos) << e.what();

  e = Catch([] { ReadStatementsText("entity_id,prop,schema,value,dataset\np1,name,Person,A,d\np1,name,Person\n"); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_NE(std::string(e.what()).find("s.csv:3: "), std::string::npos) << e.what();
}

// ---------------------------------------------------------------- TrumpWorld

class TrumpWorldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    mapping_ = new Mapping(LoadMapping(SourcePath("mappings/trumpworld.toml")));
    records_ = new std::vector<EntityRecord>(ReadFile(SharedData("trumpworld/trumpworld.csv"), [](std::istream& in, const RecordSink& s) {
      ReadMappedCsv(in, "trumpworld.csv", *mapping_, s);
    }));
  }
  static void TearDownTestSuite() {
    delete records_;
    delete mapping_;
  }
  static bool IsRelation(const EntityRecord& r) { return r.id.rfind("tw-rel-", 0) == 0; }
  // The tie between two named entities, in either direction.
  static const EntityRecord* Tie(const std::string& a, const std::string& b) {
    std::string ia = MappedEntityId("tw-", a), ib = MappedEntityId("tw-", b);
    for (const auto& r : *records_) {
      if (!IsRelation(r)) continue;
      std::set<std::string> ends;
      for (const auto& v : r.values) ends.insert(v.value);
      if (ends.count(ia) && ends.count(ib)) return &r;
    }
    return nullptr;
  }
  static Mapping* mapping_;
  static std::vector<EntityRecord>* records_;
};
Mapping* TrumpWorldTest::mapping_ = nullptr;
std::vector<EntityRecord>* TrumpWorldTest::records_ = nullptr;

TEST_F(TrumpWorldTest, ReadsCompletely) {
  size_t relations = 0;
  std::set<std::string> entity_ids, names;
  std::map<std::string, int> by_schema;
  for (const auto& r : *records_) {
    if (IsRelation(r)) {
      ++relations;
      ++by_schema[r.schema];
    } else {
      entity_ids.insert(r.id);
      names.insert(Value(r, "name"));
    }
  }
  EXPECT_EQ(relations, 3380u);
  EXPECT_EQ(names.size(), 2669u);
  // Three pairs of names differ only in punctuation ("INVESCO LTD." and
  // "INVESCO, LTD.") and fold to one id.
  EXPECT_EQ(entity_ids.size(), 2666u);
  EXPECT_EQ(records_->size(), 3380u * 3);
  std::cout << "TrumpWorld: " << relations << " ties, " << entity_ids.size() << " entities;";
  for (const auto& [schema, n] : by_schema) std::cout << " " << schema << " " << n;
  std::cout << "\n";
}

TEST_F(TrumpWorldTest, EveryValueFitsTheSchema) {
  EXPECT_EQ(Problems(*records_), "");
  EXPECT_TRUE(DanglingRefs(*records_).empty());
  // Ends fit the ranges of the properties they fill.
  const auto& model = model::Model::Default();
  std::map<std::string, std::string> schema_of;
  for (const auto& r : *records_) schema_of[r.id] = r.schema;
  for (const auto& r : *records_) {
    const model::Schema* s = model.Find(r.schema);
    for (const auto& v : r.values) {
      const model::Property* p = s->Find(v.prop);
      if (p->type == model::PropertyType::kEntity) {
        EXPECT_TRUE(model.Find(schema_of[v.value])->IsA(p->range)) << r.schema << "." << v.prop << " = " << v.value;
      }
    }
  }
}

TEST_F(TrumpWorldTest, KnownTies) {
  const EntityRecord* t = Tie("ANAR MAMMADOV", "ZIYA MAMMADOV");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "Family");
  EXPECT_EQ(Value(*t, "relationship"), "Parent/child");

  t = Tie("JOSE E.B. ANTONIO", "CENTURY PROPERTIES");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->schema == "Directorship" || t->schema == "Employment") << t->schema;
  EXPECT_EQ(Value(*t, t->schema == "Directorship" ? "director" : "employee"), "tw-jose-e-b-antonio");
  EXPECT_EQ(Value(*t, "role"), "Chairman, president, and CEO");

  t = Tie("REX TILLERSON", "IGOR SECHIN");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->schema == "Associate" || t->schema == "UnknownLink") << t->schema;
  std::string text = Value(*t, t->schema == "Associate" ? "relationship" : "role");
  EXPECT_NE(text.find("close and personal relationship with Sechin"), std::string::npos) << text;

  t = Tie("AZARPASSILLO", "IRANIAN REVOLUTIONARY GUARD CORPS");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "UnknownLink");
  EXPECT_NE(Value(*t, "role").find("controlled by the Guard"), std::string::npos);

  // A person-to-person tie naming a job is no Employment.
  t = Tie("DONALD J. TRUMP", "MICHAEL FLYNN");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "UnknownLink");
  EXPECT_EQ(Value(*t, "role"), "National Security Advisor");

  // Organisation A, person B: B's role in A, so the ends swap.
  t = Tie("GAIA INVESTMENT CORP.", "RAZ STEINMETZ");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "Ownership");
  EXPECT_EQ(Value(*t, "owner"), "tw-raz-steinmetz");
  EXPECT_EQ(Value(*t, "asset"), "tw-gaia-investment-corp");

  t = Tie("4 SHADOW TREE LANE MEMBER CORP.", "4 SHADOW TREE LANE LLC");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "Ownership");
  EXPECT_EQ(Value(*t, "owner"), "tw-4-shadow-tree-lane-member-corp");
  EXPECT_EQ(Values(*t, "sourceUrl").size(), 1u);

  t = Tie("ELTON MAMMADOV", "ANAR MAMMADOV");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "Family");
  EXPECT_EQ(Value(*t, "relationship"), "Siblings");

  t = Tie("ANAR MAMMADOV", "TRUMP ORGANIZATION LLC");  // "Business partner", but not two persons
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "UnknownLink");
}

TEST_F(TrumpWorldTest, FederalAgenciesArePublicBodies) {
  int agencies = 0;
  for (const auto& r : *records_) {
    if (r.id != MappedEntityId("tw-", "DEPARTMENT OF JUSTICE") && r.id != MappedEntityId("tw-", "CENTRAL INTELLIGENCE AGENCY"))
      continue;
    ++agencies;
    EXPECT_EQ(r.schema, "PublicBody");
    EXPECT_EQ(Values(r, "topics"), std::vector<std::string>{"gov.national"});
    EXPECT_EQ(Value(r, "country"), "us");
  }
  EXPECT_EQ(agencies, 3);  // two rows name the Department of Justice, one the CIA
  const EntityRecord* t = Tie("JEFF SESSIONS", "DEPARTMENT OF JUSTICE");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->schema, "Directorship");
}

TEST_F(TrumpWorldTest, SourcesSplitIntoUrlsAndTheRest) {
  size_t urls = 0, other = 0;
  for (const auto& r : *records_) {
    for (const auto& u : Values(r, "sourceUrl")) {
      ++urls;
      EXPECT_EQ(u.rfind("http", 0), 0u) << u;
      EXPECT_EQ(u.find(" | "), std::string::npos) << u;
    }
    other += Values(r, "description").size();
  }
  EXPECT_EQ(other, 147u);  // "General knowledge", "Morningstar analysis", "Nexis"...
  EXPECT_GT(urls + other, 3380u);  // 57 rows give several
}

// ---------------------------------------------------------------- mappings

const char* kSmallMapping = R"(
id_prefix = "t-"
[[entity]]
name = "From"
type = "Kind"
[[entity]]
name = "To"
schema = "Company"
topics = ["corp.shell"]
[types]
P = "Person"
[types.Agency]
schema = "PublicBody"
properties = { country = ["us"] }
[relation]
column = "Tie"
[[rule]]
schema = "Ownership"
exact = ["owns"]
[[rule]]
schema = "Ownership"
swap = true
regex = ["^owned\\s+by"]
[[rule]]
schema = "Directorship"
contains = ["director"]
when = { a = ["Person"] }
[[property]]
column = "Note"
entity = "a"
prop = "notes"
)";

TEST(MappingTest, SmallMappingRulesEndsAndConstants) {
  testing::TempDir dir;
  Mapping m = MappingFromText(dir, kSmallMapping);
  auto records = ReadMappedText(
      "Kind,From,To,Tie,Note\n"
      "P,Ann Bee,Acme Ltd,OWNS,hi\n"
      "agency,Dept of Things,Acme Ltd,Owned  by,\n"
      "P,Ann Bee,Acme Ltd,Former Director,\n"
      "Agency,Dept of Things,Acme Ltd,Director,\n",
      m);
  ASSERT_EQ(records.size(), 12u);
  EXPECT_EQ(records[0].id, "t-ann-bee");
  EXPECT_EQ(records[0].schema, "Person");
  EXPECT_EQ(Value(records[0], "notes"), "hi");
  EXPECT_EQ(records[1].schema, "Company");
  EXPECT_EQ(Value(records[1], "topics"), "corp.shell");
  EXPECT_EQ(records[2].schema, "Ownership");
  EXPECT_EQ(Value(records[2], "owner"), "t-ann-bee");
  EXPECT_EQ(Value(records[2], "role"), "OWNS");
  EXPECT_EQ(records[2].id.rfind("t-rel-", 0), 0u);
  EXPECT_EQ(records[2].line, 2);
  // Swapped: the company owns the agency.
  EXPECT_EQ(records[3].schema, "PublicBody");
  EXPECT_EQ(Value(records[3], "country"), "us");
  EXPECT_EQ(records[5].schema, "Ownership");
  EXPECT_EQ(Value(records[5], "owner"), "t-acme-ltd");
  EXPECT_EQ(Value(records[5], "asset"), "t-dept-of-things");
  EXPECT_EQ(Value(records[5], "role"), "Owned by");
  EXPECT_EQ(records[8].schema, "Directorship");
  // `when` says a Person: an agency director falls to the default.
  EXPECT_EQ(records[11].schema, "UnknownLink");
  EXPECT_EQ(Value(records[11], "subject"), "t-dept-of-things");
  EXPECT_EQ(Problems(records), "");
  // Ids are content hashes: reading again gives the same.
  auto again = ReadMappedText("Kind,From,To,Tie,Note\nP,Ann Bee,Acme Ltd,OWNS,hi\n", m);
  EXPECT_EQ(again[2].id, records[2].id);
}

TEST(MappingTest, MalformedCsvNamesFileLineAndColumn) {
  testing::TempDir dir;
  Mapping m = MappingFromText(dir, kSmallMapping);
  auto e = Catch([&] { ReadMappedText("Kind,From,To,Note\nP,A,B,x\n", m); });
  EXPECT_EQ(e.field(), "Tie");
  EXPECT_NE(std::string(e.what()).find("m.csv:1: field Tie: "), std::string::npos) << e.what();
  e = Catch([&] { ReadMappedText("Kind,From,To,Tie,Note\nP,A,B,owns,\nP,A,B,owns\n", m); });
  EXPECT_EQ(e.line(), 3);
  EXPECT_NE(std::string(e.what()).find("m.csv:3: "), std::string::npos) << e.what();
  e = Catch([&] { ReadMappedText("Kind,From,To,Tie,Note\nRobot,A,B,owns,\n", m); });
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.field(), "Kind");
  e = Catch([&] { ReadMappedText("Kind,From,To,Tie,Note\nP,,B,owns,\n", m); });
  EXPECT_EQ(e.field(), "From");
}

TEST(MappingTest, BadMappingsNameFileLineAndKey) {
  testing::TempDir dir;
  std::string path = dir.File("mapping.toml");
  testing::WriteFile(path, "id_prefix = \"x-\"\n[[entity]]\nname = \"A\"\nschema = \"Person\"\n[relation\n");
  auto e = Catch([&] { LoadMapping(path); });
  EXPECT_EQ(e.line(), 5);
  EXPECT_NE(std::string(e.what()).find(path + ":5: "), std::string::npos) << e.what();

  auto expect = [&](const std::string& toml, long line, const std::string& key) {
    testing::WriteFile(path, toml);
    auto err = Catch([&] { LoadMapping(path); });
    EXPECT_EQ(err.line(), line) << err.what();
    EXPECT_EQ(err.field(), key) << err.what();
    EXPECT_EQ(std::string(err.what()).rfind(path, 0), 0u) << err.what();
  };
  const std::string head = "id_prefix = \"x-\"\n[[entity]]\nname = \"A\"\nschema = \"Person\"\n";
  expect(head + "nmae = \"B\"\n", 5, "entity[1].nmae");
  expect("id_prefix = \"x-\"\n[[entity]]\nname = \"A\"\nschema = \"Persn\"\n", 4, "entity[1].schema");
  expect(head + "topics = [\"not.a.topic\"]\n", 5, "entity[1].topics");
  expect(head + "[[entity]]\nname = \"B\"\nschema = \"Company\"\n[relation]\n[[rule]]\nschema = \"Family\"\n"
                "exact = [\"x\"]\ntext_prop = \"percentage\"\n",
         12, "rule[1].text_prop");
  expect(head + "[[entity]]\nname = \"B\"\nschema = \"Company\"\n[relation]\n[[rule]]\nschema = \"Ownership\"\n"
                "regex = [\"(\"]\n",
         11, "rule[1].regex");
  expect(head + "[[property]]\ncolumn = \"C\"\nentity = \"a\"\nprop = \"asset\"\n", 8, "property[1].prop");
  expect("[[entity]]\nname = \"A\"\nschema = \"Person\"\n", 1, "id_prefix");
}

TEST(MappingTest, EntityIdsAreFoldedSlugs) {
  EXPECT_EQ(MappedEntityId("tw-", "JOSE E.B. ANTONIO"), "tw-jose-e-b-antonio");
  EXPECT_EQ(MappedEntityId("tw-", "SOCIÉTÉ GÉNÉRALE"), "tw-societe-generale");
  EXPECT_EQ(MappedEntityId("tw-", "Игорь Сечин"), "tw-igor-sechin");
  std::string odd = MappedEntityId("tw-", "???");
  EXPECT_EQ(odd.size(), 3u + 16u);
  EXPECT_EQ(odd, MappedEntityId("tw-", "???"));
}

}  // namespace
}  // namespace dossier::ingest
