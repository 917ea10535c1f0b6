// Thin RAII over the SQLite C API: a connection and prepared statements.
// Every failure throws StoreError carrying SQLite's message and the SQL.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Db;

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_), cache_(o.cache_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, std::string_view v);  // binds NULL for an empty view only via BindNullable
  Stmt& BindNullable(int i, std::string_view v);
  // Binds without copying: `v` must stay alive and unchanged until Reset().
  Stmt& BindStatic(int i, std::string_view v);
  Stmt& BindNull(int i);
  // Returns true while there is a row; false when done.
  bool Step();
  void Run() { Step(); Reset(); }
  void Reset();

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::string_view View(int col) const;

 private:
  friend class Db;
  Stmt(sqlite3* db, sqlite3_stmt* stmt, Db* cache) : db_(db), stmt_(stmt), cache_(cache) {}
  void Release();
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Db* cache_ = nullptr;  // the connection whose statement cache takes it back, if any
};

class Db {
 public:
  explicit Db(const std::string& path, bool create);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void Exec(std::string_view sql);
  // A prepared statement for `sql`: one compiled before and since released, or a
  // new one. A Stmt goes back to this cache (reset, bindings cleared) when it
  // dies, so a long-lived connection (the server's) parses each query once.
  // Statements must not outlive their Db.
  Stmt Prepare(std::string_view sql);
  sqlite3* raw() const { return db_; }
  int64_t Changes() const { return sqlite3_changes64(db_); }

 private:
  friend class Stmt;
  static constexpr std::size_t kMaxCached = 128;
  void TakeBack(sqlite3_stmt* stmt);
  sqlite3* db_ = nullptr;
  std::unordered_multimap<std::string, sqlite3_stmt*> idle_;  // by SQL text
};

// BEGIN IMMEDIATE on construction; ROLLBACK unless Commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void Commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace dossier::store
