// Crash safety: a `dossier ingest` killed with SIGKILL at any moment leaves a
// store that reopens cleanly and holds exactly what it held before that file,
// or, if the kill came after the commit, exactly what the file added.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "store/store.h"
#include "test_util.h"

extern char** environ;

using namespace dossier;
using dossier::testing::TempDir;

namespace {

// A statements CSV big enough that an ingest takes a while.
void WriteBigCsv(const std::string& path, int entities) {
  std::ofstream out(path);
  out << "entity_id,schema,prop,value,dataset,lang,credibility,marking\n";
  for (int i = 0; i < entities; ++i) {
    out << "p" << i << ",Person,name,Person Number " << i << ",bulk,,2,UNCLASSIFIED\n";
    out << "p" << i << ",Person,birthDate,19" << (50 + i % 40) << "-0" << (1 + i % 9) << "-1" << (i % 9) << ",bulk,,2,UNCLASSIFIED\n";
    out << "p" << i << ",Person,nationality,de,bulk,,3,SECRET//REL TO DEU\n";
  }
}

int64_t CountStatements(const std::string& db_path) {
  auto store = store::Store::Open(db_path, false);
  return store->Count().statements;
}

std::string IntegrityCheck(const std::string& db_path) {
  sqlite3* db;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* st;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  std::string result = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
  sqlite3_finalize(st);
  sqlite3_close(db);
  return result;
}

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

}  // namespace

TEST(Crash, KillDuringIngestLeavesTheStoreAsItWas) {
  TempDir dir;
  std::string db = dir.File("s.db");
  std::string small = dir.File("small.csv"), big = dir.File("big.csv");
  WriteBigCsv(small, 10);
  WriteBigCsv(big, 60000);
  auto base = dossier::testing::RunDossier("--store " + db + " ingest --format statements " + small);
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const int64_t before = CountStatements(db);
  ASSERT_GT(before, 0);

  // A full ingest of the big file into a copy tells what "after" looks like.
  std::string reference = dir.File("reference.db");
  ASSERT_EQ(dossier::testing::RunDossier("--store " + reference + " ingest --format statements " + small).exit_code, 0);
  ASSERT_EQ(dossier::testing::RunDossier("--store " + reference + " ingest --format statements " + big).exit_code, 0);
  const int64_t after = CountStatements(reference);
  ASSERT_GT(after, before);

  int killed_midway = 0;
  for (int delay_ms : {5, 30, 80, 150, 250, 400, 700, 1200}) {
    pid_t pid = Spawn({DOSSIER_BINARY, "--store", db, "ingest", "--format", "statements", big});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++killed_midway;
    EXPECT_EQ(IntegrityCheck(db), "ok") << "after a kill at " << delay_ms << " ms";
    int64_t now = CountStatements(db);
    EXPECT_TRUE(now == before || now == after) << "kill at " << delay_ms << " ms left " << now << " statements";
    if (now == after) break;  // the ingest finished before the kill; nothing more to learn
  }
  EXPECT_GT(killed_midway, 0) << "no kill landed during an ingest";
  // And the store still takes the file whole afterwards.
  auto again = dossier::testing::RunDossier("--store " + db + " ingest --format statements " + big);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(CountStatements(db), after);
}
