// The store: append-only statements, idempotence, atomic ingests, retraction,
// reopening, versioning, and indexes rebuilt from statements.
#include <gtest/gtest.h>

#include <filesystem>

#include <sqlite3.h>

#include "ingest/ingester.h"
#include "model/statement.h"
#include "store/id_table.h"
#include "store/sqlite.h"
#include "store/sqlite_store.h"
#include "store/audit_chain.h"
#include "store/store.h"
#include "test_util.h"

using namespace dossier;
using dossier::testing::MakeStatement;
using dossier::testing::TempDir;

namespace {

model::Source TestSource(const std::string& id = "test") {
  model::Source s;
  s.id = id;
  s.title = "Test source";
  s.reliability = 'B';
  return s;
}

void WriteSmall(store::Store& store, store::IngestResult* result = nullptr) {
  auto w = store.BeginIngest({"small", "test", "tester"});
  w->PutSource(TestSource());
  w->Add(MakeStatement("p1", "Person", "name", "Igor Sechin"));
  w->Add(MakeStatement("p1", "Person", "birthDate", "1960-09-07"));
  w->Add(MakeStatement("c1", "Company", "name", "Rosneft"));
  w->Add(MakeStatement("d1", "Directorship", "director", "p1"));
  w->Add(MakeStatement("d1", "Directorship", "organization", "c1"));
  auto r = w->Commit();
  if (result) *result = r;
}

}  // namespace

TEST(Store, WritesAndReadsStatements) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("s.db"), true);
  store::IngestResult r;
  WriteSmall(*store, &r);
  EXPECT_EQ(r.added, 5);
  EXPECT_EQ(r.present, 0);
  auto st = store->StatementsOf({"p1"});
  ASSERT_EQ(st.size(), 2u);
  for (const auto& s : st) {
    EXPECT_EQ(s.entity_id, "p1");
    EXPECT_EQ(s.source_id, "test");
    EXPECT_EQ(s.recorded_by, "tester");
    EXPECT_FALSE(s.recorded_at.empty());
  }
  EXPECT_EQ(store->Referencing("p1"), std::vector<std::string>{"d1"});
  auto hits = store->FindNames({"sechin", "igor"}, true);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entity_id, "p1");
}

TEST(Store, RecordingTheSameClaimTwiceChangesNothing) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("s.db"), true);
  WriteSmall(*store);
  store::IngestResult again;
  WriteSmall(*store, &again);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.present, 5);
  EXPECT_EQ(store->Count().statements, 5);
}

TEST(Store, AnUncommittedIngestLeavesNoTrace) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("s.db"), true);
  WriteSmall(*store);
  {
    auto w = store->BeginIngest({"doomed", "test", "tester"});
    w->PutSource(TestSource("other"));
    for (int i = 0; i < 1000; ++i) w->Add(MakeStatement("x" + std::to_string(i), "Person", "name", "N", "other"));
    // destroyed without Commit(): as if the process had died
  }
  EXPECT_EQ(store->Count().statements, 5);
  EXPECT_EQ(store->Sources().size(), 1u);
  EXPECT_TRUE(store->StatementsOf({"x1"}).empty());
  EXPECT_TRUE(store->FindNames({"n"}, true).empty());
}

TEST(Store, RetractionKeepsHistory) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("s.db"), true);
  WriteSmall(*store);
  auto st = store->StatementsOf({"p1"});
  std::string id = model::KeyToHex(st[0].key);
  EXPECT_TRUE(store->Retract(id, "tester", "wrong"));
  EXPECT_EQ(store->StatementsOf({"p1"}).size(), 1u);
  auto with_history = store->StatementsOf({"p1"}, true);
  ASSERT_EQ(with_history.size(), 2u);
  EXPECT_TRUE(with_history[0].retracted || with_history[1].retracted);
  EXPECT_FALSE(store->Retract("0000000000000000", "tester", "none"));
  EXPECT_FALSE(store->Retract("not-hex", "tester", "none"));
}

TEST(Store, ReopensWithItsContent) {
  TempDir dir;
  {
    auto store = store::Store::Open(dir.File("s.db"), true);
    WriteSmall(*store);
    store->SetMeta("k", "v");
  }
  auto store = store::Store::Open(dir.File("s.db"), false);
  EXPECT_EQ(store->SchemaVersion(), store::kSchemaVersion);
  EXPECT_EQ(store->Count().statements, 5);
  EXPECT_EQ(store->Meta("k"), "v");
}

// A store written by version 1, whose name index was keyed by statement hash,
// opens as the latest version with its names still found (and an audit log).
TEST(Store, MigratesAVersionOneStore) {
  TempDir dir;
  {
    sqlite3* db;
    ASSERT_EQ(sqlite3_open(dir.File("old.db").c_str(), &db), SQLITE_OK);
    std::string sql = std::string(store::SqliteStore::MigrationSql(1)) + R"sql(
INSERT INTO entities(k, id) VALUES(1, 'p1'), (2, 'c1');
INSERT INTO name_index(rowid, tokens, entity, marking) VALUES(-77, 'igor sechin', 1, 1), (5, 'rosneft', 2, 1);
PRAGMA user_version=1;
)sql";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto store = store::Store::Open(dir.File("old.db"), false);
  EXPECT_EQ(store->SchemaVersion(), store::kSchemaVersion);
  auto hits = store->FindNames({"sechin"}, true);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].key, -77);
  EXPECT_EQ(hits[0].entity_id, "p1");
  EXPECT_EQ(hits[0].value, "igor sechin");
  EXPECT_EQ(store->FindNames({"rosneft"}, true).size(), 1u);
  EXPECT_TRUE(store->FindNames({"gazprom"}, true).empty());
  store->AppendAudit("tester", "screen", "{}", 0);
  EXPECT_EQ(store->AuditLog().size(), 1u);
}

// A version 3 store kept its audit log in the store file: it moves to its own
// file with every entry and its chain intact, and the store file no longer has it.
TEST(Store, MovesAVersionThreeAuditLogToItsOwnFile) {
  TempDir dir;
  std::vector<store::AuditEntry> before;
  {
    auto store = store::Store::Open(dir.File("v3.db"), true);
    for (int i = 0; i < 3; ++i) store->AppendAudit("ann", "show", "{\"id\":\"p" + std::to_string(i) + "\"}", i);
    before = store->AuditLog();
  }
  {
    // Put the log back into the store file, drop what came later, and call it version 3.
    sqlite3* db;
    ASSERT_EQ(sqlite3_open(dir.File("v3.db").c_str(), &db), SQLITE_OK);
    const std::string sql = "ATTACH '" + dir.File("v3.db.audit") + "' AS a; " + store::SqliteStore::MigrationSql(3) +
                            "INSERT INTO main.audit SELECT * FROM a.audit; DETACH a; DROP TABLE credentials; "
                            "ALTER TABLE users DROP COLUMN compartments; ALTER TABLE organisations DROP COLUMN partners; "
                            "PRAGMA user_version=3;";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
    std::filesystem::remove(dir.File("v3.db.audit"));
  }
  auto store = store::Store::Open(dir.File("v3.db"), false);
  EXPECT_EQ(store->SchemaVersion(), store::kSchemaVersion);
  const auto after = store->AuditLog();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) EXPECT_EQ(after[i].hash, before[i].hash);
  EXPECT_FALSE(store::VerifyChain(after).has_value());
  store->AppendAudit("ann", "search", "{}", 0);
  EXPECT_EQ(store->AuditLog().back().prev, before.back().hash);
}

TEST(Store, RefusesAStoreFromTheFuture) {
  TempDir dir;
  { auto store = store::Store::Open(dir.File("s.db"), true); }
  {
    sqlite3* db;
    ASSERT_EQ(sqlite3_open(dir.File("s.db").c_str(), &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  try {
    store::Store::Open(dir.File("s.db"), false);
    FAIL() << "opened a store of version 99";
  } catch (const store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos);
  }
}

TEST(Store, RefusesAFileThatIsNotAStore) {
  TempDir dir;
  dossier::testing::WriteFile(dir.File("junk.db"), std::string(4096, 'x'));
  EXPECT_THROW(store::Store::Open(dir.File("junk.db"), false), store::StoreError);
}

TEST(Store, NameIndexIsRebuiltFromStatements) {
  TempDir dir;
  auto store = store::Store::Open(dir.File("s.db"), true);
  WriteSmall(*store);
  store->Reindex([](const std::string&, const std::string&) { return std::string(); });
  EXPECT_TRUE(store->FindNames({"rosneft"}, true).empty());
  store->Reindex(ingest::NameIndexText);
  EXPECT_EQ(store->FindNames({"rosneft"}, true).size(), 1u);
}

TEST(Store, ReadersKeepWorkingWhileAnIngestRuns) {
  TempDir dir;
  auto writer_store = store::Store::Open(dir.File("s.db"), true);
  WriteSmall(*writer_store);
  auto w = writer_store->BeginIngest({"big", "test", "tester"});
  w->PutSource(TestSource("later"));
  for (int i = 0; i < 300000; ++i) w->Add(MakeStatement("y" + std::to_string(i), "Person", "name", "Y", "later"));
  // A second connection reads the committed state while the write is open.
  auto reader = store::Store::Open(dir.File("s.db"), false);
  EXPECT_EQ(reader->StatementsOf({"p1"}).size(), 2u);
  EXPECT_EQ(reader->Count().statements, 5);
  w->Commit();
  EXPECT_EQ(reader->Count().statements, 300005);
}

// The writer clears its id table on huge ingests: after Clear() the table must
// take new ids at once, however many it held (it once rehashed the old slots
// into a smaller table and looped forever).
TEST(IdTable, ClearAfterGrowingPastTheInitialSize) {
  dossier::store::IdTable table;
  for (int i = 0; i < 70000; ++i) table.Insert("entity-" + std::to_string(i), i);
  EXPECT_EQ(table.Find("entity-69999"), 69999);
  table.Clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_FALSE(table.Find("entity-1").has_value());
  for (int i = 0; i < 70000; ++i) table.Insert("other-" + std::to_string(i), i);
  EXPECT_EQ(table.Find("other-123"), 123);
  EXPECT_FALSE(table.Find("entity-123").has_value());
}
