#include "store/sqlite_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <tuple>
#include <unordered_set>

#include "model/statement.h"
#include "store/audit_chain.h"
#include "store/id_table.h"

namespace dossier::store {
namespace {

// Version 1: the first schema. Add a new entry for each later version; never
// edit an old one, since stores in the field have already run it.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities(k INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
CREATE TABLE props(k INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE schemata(k INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE markings(k INTEGER PRIMARY KEY, banner TEXT NOT NULL UNIQUE);
CREATE TABLE sources(k INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, kind TEXT, originator TEXT,
  publisher TEXT, url TEXT, date TEXT, reliability TEXT NOT NULL, protected INTEGER NOT NULL, sanitised TEXT);
CREATE TABLE ingests(k INTEGER PRIMARY KEY, file TEXT, format TEXT, user TEXT NOT NULL, started TEXT NOT NULL,
  finished TEXT, added INTEGER, present INTEGER);
-- Statements are clustered by entity: an entity's statements sit together
-- (show reads one range), and entity keys grow as entities arrive, so an
-- ingest appends. The content hash k is unique (it covers the entity id), so
-- the primary key alone makes a repeated claim a no-op; no index on k is kept.
-- Finding a statement by k alone (retract) scans, which is rare.
CREATE TABLE statements(
  entity INTEGER NOT NULL, k INTEGER NOT NULL,
  schema INTEGER NOT NULL, prop INTEGER NOT NULL,
  value TEXT NOT NULL, original TEXT, lang TEXT,
  source INTEGER NOT NULL, credibility INTEGER NOT NULL, marking INTEGER NOT NULL,
  first_seen TEXT, last_seen TEXT, ingest INTEGER NOT NULL, ref INTEGER,
  PRIMARY KEY(entity, k)) WITHOUT ROWID;
CREATE INDEX statements_ref ON statements(ref) WHERE ref IS NOT NULL;
-- Names, folded, keyed by statement hash, with their entity and marking so a
-- search never has to touch the statements table.
CREATE VIRTUAL TABLE name_index USING fts5(tokens, entity UNINDEXED, marking UNINDEXED, detail=none, columnsize=0);
CREATE TABLE retractions(statement INTEGER PRIMARY KEY, user TEXT NOT NULL, at TEXT NOT NULL, reason TEXT);
CREATE TABLE judgements(a TEXT NOT NULL, b TEXT NOT NULL, verdict TEXT NOT NULL, user TEXT NOT NULL,
  at TEXT NOT NULL, PRIMARY KEY(a, b));
CREATE TABLE organisations(code TEXT PRIMARY KEY, country TEXT NOT NULL, name TEXT);
CREATE TABLE users(name TEXT PRIMARY KEY, organisation TEXT NOT NULL, clearance INTEGER NOT NULL, role TEXT NOT NULL);
)sql",
    // Version 2: the name index gets sequential rowids. FTS5 keeps its pending
    // terms in memory only while rowids ascend; version 1 used the statement
    // hash as the rowid, so nearly every insert flushed a tiny segment and the
    // index spent its time merging them (two thirds of an ingest's store time).
    // Names now live in an ordinary table whose rowid grows with each insert,
    // and the full-text index takes its text from that table (external content).
    R"sql(
CREATE TABLE names(k INTEGER PRIMARY KEY, statement INTEGER NOT NULL, entity INTEGER NOT NULL,
  marking INTEGER NOT NULL, tokens TEXT NOT NULL);
INSERT INTO names(statement, entity, marking, tokens)
  SELECT rowid, entity, marking, tokens FROM name_index ORDER BY entity, rowid;
DROP TABLE name_index;
CREATE VIRTUAL TABLE name_index USING fts5(tokens, content='names', content_rowid='k', detail=none, columnsize=0);
INSERT INTO name_index(name_index) VALUES('rebuild');
)sql",
    // Version 3: the audit log, a hash chain (store/audit_chain.h).
    R"sql(
CREATE TABLE audit(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
  detail TEXT NOT NULL, results INTEGER NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
)sql",
    // Version 4: the audit log moves to its own file (AuditPath), so that a read
    // can be audited while an ingest holds the store's write lock. Its rows were
    // copied there first (SqliteStore::MoveAuditOut).
    R"sql(
DROP TABLE audit;
)sql",
    // Version 5: credentials for the server (passwords as Argon2id hashes, API
    // tokens as hashes of their secret).
    R"sql(
CREATE TABLE credentials(kind TEXT NOT NULL, id TEXT NOT NULL, user TEXT NOT NULL, hash TEXT NOT NULL,
  created TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(kind, id));
)sql",
    // Version 6: users' compartments and organisations' partners, comma-separated codes.
    R"sql(
ALTER TABLE users ADD COLUMN compartments TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN partners TEXT NOT NULL DEFAULT '';
)sql",
};

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t s = 0; s < text.size();) {
    std::size_t e = text.find(',', s);
    if (e == std::string::npos) e = text.size();
    if (e > s) out.push_back(text.substr(s, e - s));
    s = e + 1;
  }
  return out;
}

constexpr const char* kAuditSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
  detail TEXT NOT NULL, results INTEGER NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL);
)sql";

constexpr const char* kStatementColumns =
    "s.k, e.id, s.schema, s.prop, s.value, s.original, s.lang, s.source, s.credibility, s.marking, "
    "s.first_seen, s.last_seen, s.ingest, EXISTS(SELECT 1 FROM retractions r WHERE r.statement = s.k)";

std::string Now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

void LoadVocabulary(Db& db, const char* table, const char* column, std::unordered_map<std::string, int64_t>& by_name,
                    std::unordered_map<int64_t, std::string>* by_key) {
  Stmt q = db.Prepare(std::string("SELECT k, ") + column + " FROM " + table);
  while (q.Step()) {
    by_name[q.Text(1)] = q.Int(0);
    if (by_key) (*by_key)[q.Int(0)] = q.Text(1);
  }
}

}  // namespace

std::unique_ptr<Store> Store::Open(const std::string& path, bool create) {
  return std::make_unique<SqliteStore>(path, create);
}

SqliteStore::SqliteStore(const std::string& path, bool create) : path_(path), db_(path, create) {
  // Larger pages: fewer splits and less per-page overhead in bulk ingests
  // (takes effect when the file is created).
  db_.Exec("PRAGMA page_size=16384");
  db_.Exec("PRAGMA journal_mode=WAL");
  db_.Exec("PRAGMA synchronous=NORMAL");
  db_.Exec("PRAGMA foreign_keys=OFF");
  db_.Exec("PRAGMA cache_size=-1048576");  // 1 GiB: an ingest's index pages stay in memory until commit
  db_.Exec("PRAGMA temp_store=MEMORY");
  Migrate();
  LoadVocabulary(db_, "props", "name", props_, &prop_names_);
  LoadVocabulary(db_, "schemata", "name", schemata_, &schema_names_);
  LoadVocabulary(db_, "markings", "banner", markings_, nullptr);
  LoadVocabulary(db_, "sources", "id", sources_, &source_ids_);
}

const char* SqliteStore::MigrationSql(int version) {
  constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
  return version >= 1 && version <= kLatest ? kMigrations[version - 1] : nullptr;
}

void SqliteStore::Migrate() {
  int version = 0;
  {
    Stmt q = db_.Prepare("PRAGMA user_version");
    if (q.Step()) version = static_cast<int>(q.Int(0));
  }
  constexpr int kLatest = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
  static_assert(kLatest == kSchemaVersion, "a migration for each schema version");
  if (version > kLatest)
    throw StoreError("store: " + path_ + " has schema version " + std::to_string(version) +
                     ", newer than this dossier understands (" + std::to_string(kLatest) + ")");
  if (version == kLatest) return;
  if (version == 3) MoveAuditOut();
  Transaction tx(db_);
  for (int v = version; v < kLatest; ++v) db_.Exec(kMigrations[v]);
  db_.Exec("PRAGMA user_version=" + std::to_string(kLatest));
  tx.Commit();
}

int SqliteStore::SchemaVersion() {
  Stmt q = db_.Prepare("PRAGMA user_version");
  q.Step();
  return static_cast<int>(q.Int(0));
}

std::string SqliteStore::Meta(const std::string& key) {
  Stmt q = db_.Prepare("SELECT value FROM meta WHERE key = ?");
  q.Bind(1, key);
  return q.Step() ? q.Text(0) : std::string();
}

void SqliteStore::SetMeta(const std::string& key, const std::string& value) {
  Stmt q = db_.Prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  q.Bind(1, key).Bind(2, value).Run();
}

int64_t SqliteStore::InternIn(const char* table, const char* column, std::unordered_map<std::string, int64_t>& cache,
                              const std::string& value) {
  auto it = cache.find(value);
  if (it != cache.end()) return it->second;
  Stmt ins = db_.Prepare(std::string("INSERT INTO ") + table + "(" + column + ") VALUES(?)");
  ins.Bind(1, value).Run();
  int64_t key = sqlite3_last_insert_rowid(db_.raw());
  cache[value] = key;
  return key;
}

std::string SqliteStore::NameOf(const std::unordered_map<std::string, int64_t>& cache, int64_t key) {
  for (const auto& [name, k] : cache)
    if (k == key) return name;
  return {};
}

void SqliteStore::WriteSource(const model::Source& s) {
  Stmt q = db_.Prepare(
      "INSERT INTO sources(id, title, kind, originator, publisher, url, date, reliability, protected, sanitised) "
      "VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title, kind=excluded.kind, "
      "originator=excluded.originator, publisher=excluded.publisher, url=excluded.url, date=excluded.date, "
      "reliability=excluded.reliability, protected=excluded.protected, sanitised=excluded.sanitised");
  q.Bind(1, s.id).Bind(2, s.title).Bind(3, s.kind).Bind(4, s.originator).Bind(5, s.publisher).Bind(6, s.url);
  q.Bind(7, s.date).Bind(8, std::string(1, s.reliability)).Bind(9, s.is_protected ? 1 : 0).Bind(10, s.sanitised);
  q.Run();
  if (!sources_.count(s.id)) {
    Stmt k = db_.Prepare("SELECT k FROM sources WHERE id = ?");
    k.Bind(1, s.id);
    k.Step();
    sources_[s.id] = k.Int(0);
    source_ids_[k.Int(0)] = s.id;
  }
}

void SqliteStore::PutSource(const model::Source& source) {
  Transaction tx(db_);
  WriteSource(source);
  tx.Commit();
}

class SqliteIngestWriter final : public IngestWriter {
 public:
  SqliteIngestWriter(SqliteStore& store, const IngestInfo& info)
      : store_(store),
        tx_(store.db_),
        insert_(store.db_.Prepare(
            "INSERT OR IGNORE INTO statements(k, entity, schema, prop, value, original, lang, source, credibility, "
            "marking, first_seen, last_seen, ingest, ref) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")),
        name_(store.db_.Prepare("INSERT INTO names(statement, entity, marking, tokens) VALUES(?, ?, ?, ?)")),
        index_(store.db_.Prepare("INSERT INTO name_index(rowid, tokens) VALUES(?, ?)")),
        entity_find_(store.db_.Prepare("SELECT k FROM entities WHERE id = ?")),
        entity_add_(store.db_.Prepare("INSERT INTO entities(id) VALUES(?) ON CONFLICT(id) DO NOTHING")) {
    Stmt q = store.db_.Prepare("INSERT INTO ingests(file, format, user, started) VALUES(?, ?, ?, ?)");
    q.Bind(1, info.file).Bind(2, info.format).Bind(3, info.user.empty() ? "local" : info.user).Bind(4, Now()).Run();
    result_.ingest = sqlite3_last_insert_rowid(store.db_.raw());
    buffer_.reserve(kChunk);  // grown once, not by doubling
  }

  void PutSource(const model::Source& source) override { store_.WriteSource(source); }

  void Add(NewStatement s) override {
    buffer_.push_back(std::move(s));
    if (buffer_.size() >= kChunk) Flush();
  }

  IngestResult Commit() override {
    Flush();
    Stmt q = store_.db_.Prepare("UPDATE ingests SET finished = ?, added = ?, present = ? WHERE k = ?");
    q.Bind(1, Now()).Bind(2, result_.added).Bind(3, result_.present).Bind(4, result_.ingest).Run();
    tx_.Commit();
    return result_;
  }

 private:
  // Statements are sorted and written a chunk at a time. Small enough that the
  // last chunk, written after the reader of the file has finished, is a short
  // tail; large enough that one entity's statements sort together.
  static constexpr size_t kChunk = 1 << 15;

  // A buffered statement with its keys resolved: sorting these (not the
  // statements themselves) orders a chunk by statement key.
  struct Resolved {
    int64_t key;
    uint32_t index;  // into buffer_
    int64_t entity, ref, schema, prop, source, marking;  // ref: -1 for none
  };

  // The last name looked up and its key: consecutive statements mostly share
  // entity, schema, source and marking, so most lookups end here.
  struct Last {
    const std::string* name = nullptr;
    int64_t key = 0;
  };

  int64_t Entity(const std::string& id) {
    if (auto known = entities_.Find(id)) return *known;
    // Insert first: in a bulk load most entities are new, so the lookup is
    // only needed when the insert finds the id already there.
    int64_t key;
    entity_add_.BindStatic(1, id).Run();
    if (store_.db_.Changes() == 1) {
      key = sqlite3_last_insert_rowid(store_.db_.raw());
    } else {
      entity_find_.BindStatic(1, id);
      entity_find_.Step();
      key = entity_find_.Int(0);
      entity_find_.Reset();
    }
    if (entities_.size() > 4'000'000) entities_.Clear();  // bound memory on huge ingests
    entities_.Insert(id, key);
    return key;
  }

  template <typename Lookup>
  static int64_t Cached(Last& last, const std::string& name, Lookup lookup) {
    if (last.name && *last.name == name) return last.key;
    last.key = lookup(name);
    last.name = &name;
    return last.key;
  }

  int64_t Source(const std::string& id) {
    auto src = store_.sources_.find(id);
    if (src == store_.sources_.end()) throw StoreError("store: statement names unknown source '" + id + "'");
    return src->second;
  }

  void Flush() {
    // Resolve keys in input order, where neighbours share them.
    resolved_.clear();
    resolved_.reserve(buffer_.size());
    Last entity, schema, source, marking;
    for (size_t i = 0; i < buffer_.size(); ++i) {
      const NewStatement& s = buffer_[i];
      Resolved r;
      r.key = s.key;
      r.index = static_cast<uint32_t>(i);
      r.source = Cached(source, s.source_id, [&](const std::string& id) { return Source(id); });
      r.entity = Cached(entity, s.entity_id, [&](const std::string& id) { return Entity(id); });
      r.schema = Cached(schema, s.schema, [&](const std::string& name) {
        return store_.InternIn("schemata", "name", store_.schemata_, name);
      });
      r.prop = store_.InternIn("props", "name", store_.props_, s.prop);
      r.marking = Cached(marking, s.marking, [&](const std::string& banner) {
        return store_.InternIn("markings", "banner", store_.markings_, banner);
      });
      r.ref = s.ref.empty() ? -1 : Entity(s.ref);
      resolved_.push_back(r);
    }
    // Sorted by (entity, key), the rows go into the clustered table in order. Equal
    // keys (always of one entity) are the same claim: the first in the file is inserted, the rest are
    // counted as present without asking SQLite (INSERT OR IGNORE would ignore them).
    std::sort(resolved_.begin(), resolved_.end(), [](const Resolved& a, const Resolved& b) {
      if (a.entity != b.entity) return a.entity < b.entity;
      return a.key != b.key ? a.key < b.key : a.index < b.index;
    });
    for (size_t i = 0; i < resolved_.size(); ++i) {
      const Resolved& r = resolved_[i];
      if (i > 0 && resolved_[i - 1].key == r.key) {
        ++result_.present;
        continue;
      }
      const NewStatement& s = buffer_[r.index];
      insert_.Bind(1, r.key);
      insert_.Bind(2, r.entity);
      insert_.Bind(3, r.schema);
      insert_.Bind(4, r.prop);
      // The buffered strings outlive each step: bind without copying.
      insert_.BindStatic(5, s.value);
      insert_.BindNullable(6, s.original_value);
      insert_.BindNullable(7, s.lang);
      insert_.Bind(8, r.source);
      insert_.Bind(9, s.credibility);
      insert_.Bind(10, r.marking);
      insert_.BindNullable(11, s.first_seen);
      insert_.BindNullable(12, s.last_seen);
      insert_.Bind(13, result_.ingest);
      if (r.ref < 0) insert_.BindNull(14);
      else insert_.Bind(14, r.ref);
      insert_.Step();
      bool added = store_.db_.Changes() == 1;
      insert_.Reset();
      if (!added) {
        ++result_.present;
        continue;
      }
      ++result_.added;
      if (!s.index_text.empty()) {
        name_.Bind(1, r.key).Bind(2, r.entity).Bind(3, r.marking).BindStatic(4, s.index_text).Run();
        index_.Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(store_.db_.raw()))).BindStatic(2, s.index_text).Run();
      }
    }
    buffer_.clear();
    resolved_.clear();
    // Keep the new names visible to the vocabularies of later readers.
    for (const auto& [name, k] : store_.props_) store_.prop_names_[k] = name;
    for (const auto& [name, k] : store_.schemata_) store_.schema_names_[k] = name;
  }

  SqliteStore& store_;
  Transaction tx_;
  Stmt insert_, name_, index_, entity_find_, entity_add_;
  std::vector<NewStatement> buffer_;
  std::vector<Resolved> resolved_;
  IdTable entities_;  // entity id -> key, for ids this ingest has met
  IngestResult result_;
};

std::unique_ptr<IngestWriter> SqliteStore::BeginIngest(const IngestInfo& info) {
  return std::make_unique<SqliteIngestWriter>(*this, info);
}

bool SqliteStore::Retract(const std::string& statement_id, const std::string& user, const std::string& reason) {
  int64_t key;
  if (!model::HexToKey(statement_id, &key)) return false;
  Transaction tx(db_);
  Stmt exists = db_.Prepare("SELECT 1 FROM statements WHERE k = ?");
  exists.Bind(1, key);
  if (!exists.Step()) return false;
  exists.Reset();
  Stmt q = db_.Prepare("INSERT OR IGNORE INTO retractions(statement, user, at, reason) VALUES(?, ?, ?, ?)");
  q.Bind(1, key).Bind(2, user).Bind(3, Now()).Bind(4, reason).Run();
  tx.Commit();
  return true;
}

void SqliteStore::PutJudgement(const Judgement& j) {
  const std::string& a = std::min(j.a, j.b);
  const std::string& b = std::max(j.a, j.b);
  Stmt q = db_.Prepare(
      "INSERT INTO judgements(a, b, verdict, user, at) VALUES(?,?,?,?,?) ON CONFLICT(a, b) DO UPDATE SET "
      "verdict=excluded.verdict, user=excluded.user, at=excluded.at");
  q.Bind(1, a).Bind(2, b).Bind(3, j.verdict).Bind(4, j.user).Bind(5, j.at.empty() ? Now() : j.at).Run();
}

bool SqliteStore::RemoveJudgement(const std::string& a, const std::string& b) {
  Stmt q = db_.Prepare("DELETE FROM judgements WHERE a = ? AND b = ?");
  q.Bind(1, std::min(a, b)).Bind(2, std::max(a, b)).Run();
  return db_.Changes() > 0;
}

static std::string AuditPath(const std::string& store_path) {
  return store_path == ":memory:" ? store_path : store_path + ".audit";
}

Db& SqliteStore::AuditDb() {
  if (audit_db_) return *audit_db_;
  audit_db_ = std::make_unique<Db>(AuditPath(path_), true);
  audit_db_->Exec("PRAGMA journal_mode=WAL");
  audit_db_->Exec("PRAGMA synchronous=NORMAL");
  audit_db_->Exec(kAuditSchema);
  return *audit_db_;
}

void SqliteStore::MoveAuditOut() {
  Db& audit = AuditDb();
  {
    Stmt n = audit.Prepare("SELECT count(*) FROM audit");
    // Already copied by an earlier open that stopped before dropping the old table.
    if (n.Step() && n.Int(0) > 0) return;
  }
  Transaction tx(audit);
  Stmt in = db_.Prepare("SELECT seq, at, user, action, detail, results, prev, hash FROM audit ORDER BY seq");
  Stmt out = audit.Prepare("INSERT INTO audit(seq, at, user, action, detail, results, prev, hash) VALUES(?,?,?,?,?,?,?,?)");
  while (in.Step()) {
    out.Bind(1, in.Int(0)).Bind(2, in.Text(1)).Bind(3, in.Text(2)).Bind(4, in.Text(3)).Bind(5, in.Text(4));
    out.Bind(6, in.Int(5)).Bind(7, in.Text(6)).Bind(8, in.Text(7)).Run();
  }
  tx.Commit();
}

void SqliteStore::AppendAudit(const std::string& user, const std::string& action, const std::string& detail,
                              int64_t results) {
  AppendAudits({AuditRecord{user, action, detail, results}});
}

void SqliteStore::AppendAudits(const std::vector<AuditRecord>& records) {
  if (records.empty()) return;
  Db& db = AuditDb();
  Transaction tx(db);  // BEGIN IMMEDIATE: no other writer between reading the last hash and appending
  AuditEntry e;
  e.prev = kAuditGenesis;
  {
    Stmt last = db.Prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.Step()) {
      e.seq = last.Int(0);
      e.prev = last.Text(1);
    }
  }
  Stmt q = db.Prepare("INSERT INTO audit(seq, at, user, action, detail, results, prev, hash) VALUES(?,?,?,?,?,?,?,?)");
  for (const auto& r : records) {
    ++e.seq;
    e.at = Now();
    e.user = r.user;
    e.action = r.action;
    e.detail = r.detail;
    e.results = r.results;
    e.hash = ChainHash(e);
    q.Bind(1, e.seq).Bind(2, e.at).Bind(3, e.user).Bind(4, e.action).Bind(5, e.detail).Bind(6, e.results);
    q.Bind(7, e.prev).Bind(8, e.hash).Run();
    e.prev = e.hash;
  }
  tx.Commit();
}

int64_t SqliteStore::DataVersion() {
  Stmt q = db_.Prepare("PRAGMA data_version");
  q.Step();
  return q.Int(0);
}

std::vector<AuditEntry> SqliteStore::AuditLog(int64_t after) {
  std::vector<AuditEntry> out;
  Stmt q = AuditDb().Prepare("SELECT seq, at, user, action, detail, results, prev, hash FROM audit WHERE seq > ? ORDER BY seq");
  q.Bind(1, after);
  while (q.Step())
    out.push_back(AuditEntry{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5), q.Text(6), q.Text(7)});
  return out;
}

void SqliteStore::PutOrganisation(const model::Organisation& org) {
  Stmt q = db_.Prepare(
      "INSERT INTO organisations(code, country, name, partners) VALUES(?,?,?,?) ON CONFLICT(code) DO UPDATE SET "
      "country=excluded.country, name=excluded.name, partners=excluded.partners");
  q.Bind(1, org.code).Bind(2, org.country).Bind(3, org.name).Bind(4, JoinCodes(org.partners)).Run();
}

void SqliteStore::PutUser(const model::User& u) {
  Stmt q = db_.Prepare(
      "INSERT INTO users(name, organisation, clearance, role, compartments) VALUES(?,?,?,?,?) ON CONFLICT(name) DO "
      "UPDATE SET organisation=excluded.organisation, clearance=excluded.clearance, role=excluded.role, "
      "compartments=excluded.compartments");
  q.Bind(1, u.name).Bind(2, u.organisation).Bind(3, u.clearance).Bind(4, u.role).Bind(5, JoinCodes(u.compartments)).Run();
}

void SqliteStore::LoadIngest(int64_t key) {
  if (ingests_.count(key)) return;
  Stmt q = db_.Prepare("SELECT user, started FROM ingests WHERE k = ?");
  q.Bind(1, key);
  if (q.Step()) ingests_[key] = {q.Text(0), q.Text(1)};
}

StoredStatement SqliteStore::Row(Stmt& q) {
  StoredStatement s;
  s.key = q.Int(0);
  s.entity_id = q.Text(1);
  auto sc = schema_names_.find(q.Int(2));
  s.schema = sc != schema_names_.end() ? sc->second : NameOf(schemata_, q.Int(2));
  auto pr = prop_names_.find(q.Int(3));
  s.prop = pr != prop_names_.end() ? pr->second : NameOf(props_, q.Int(3));
  s.value = q.Text(4);
  s.original_value = q.Text(5);
  s.lang = q.Text(6);
  auto src = source_ids_.find(q.Int(7));
  if (src == source_ids_.end()) {
    // Written by another connection since we opened: refresh.
    LoadVocabulary(db_, "sources", "id", sources_, &source_ids_);
    src = source_ids_.find(q.Int(7));
  }
  s.source_id = src != source_ids_.end() ? src->second : std::string();
  s.credibility = static_cast<int>(q.Int(8));
  s.marking = q.Int(9);
  int64_t ingest = q.Int(12);
  LoadIngest(ingest);
  const auto& [user, started] = ingests_[ingest];
  s.first_seen = q.IsNull(10) ? started : q.Text(10);
  s.last_seen = q.IsNull(11) ? started : q.Text(11);
  s.recorded_by = user;
  s.recorded_at = started;
  s.retracted = q.Int(13) != 0;
  return s;
}

std::vector<StoredStatement> SqliteStore::StatementsOf(const std::vector<std::string>& entity_ids,
                                                       bool include_retracted) {
  if (schema_names_.size() != schemata_.size() || prop_names_.size() != props_.size()) {
    LoadVocabulary(db_, "props", "name", props_, &prop_names_);
    LoadVocabulary(db_, "schemata", "name", schemata_, &schema_names_);
  }
  Stmt q = db_.Prepare(std::string("SELECT ") + kStatementColumns +
                       " FROM statements s JOIN entities e ON e.k = s.entity WHERE s.entity = "
                       "(SELECT k FROM entities WHERE id = ?) ORDER BY s.k");
  std::vector<StoredStatement> out;
  std::vector<std::string> ids = entity_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const auto& id : ids) {
    q.Bind(1, id);
    while (q.Step()) {
      if (schema_names_.size() != schemata_.size()) LoadVocabulary(db_, "schemata", "name", schemata_, &schema_names_);
      StoredStatement s = Row(q);
      if (include_retracted || !s.retracted) out.push_back(std::move(s));
    }
    q.Reset();
  }
  return out;
}

std::optional<StoredStatement> SqliteStore::StatementByKey(int64_t key) {
  Stmt q = db_.Prepare(std::string("SELECT ") + kStatementColumns +
                       " FROM statements s JOIN entities e ON e.k = s.entity WHERE s.k = ?");
  q.Bind(1, key);
  if (!q.Step()) return std::nullopt;
  return Row(q);
}

std::vector<std::string> SqliteStore::Referencing(const std::string& entity_id) {
  Stmt q = db_.Prepare(
      "SELECT DISTINCT e.id FROM statements s JOIN entities e ON e.k = s.entity WHERE s.ref = "
      "(SELECT k FROM entities WHERE id = ?) ORDER BY e.id");
  q.Bind(1, entity_id);
  std::vector<std::string> out;
  while (q.Step()) out.push_back(q.Text(0));
  return out;
}

std::vector<Store::NameHit> SqliteStore::FindNames(const std::vector<std::string>& tokens, bool all_tokens) {
  std::vector<NameHit> out;
  if (tokens.empty()) return out;
  std::string match;
  for (const auto& t : tokens) {
    if (t.empty() || t.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) continue;
    if (!match.empty()) match += all_tokens ? " AND " : " OR ";
    match += '"' + t + '"';
  }
  if (match.empty()) return out;
  Stmt q = db_.Prepare(
      "SELECT n.statement, e.id, n.marking, n.tokens FROM name_index f "
      "JOIN names n ON n.k = f.rowid JOIN entities e ON e.k = n.entity WHERE name_index MATCH ? "
      "AND NOT EXISTS (SELECT 1 FROM retractions r WHERE r.statement = n.statement)");
  q.Bind(1, match);
  while (q.Step()) out.push_back(NameHit{q.Int(0), q.Text(1), q.Int(2), q.Text(3)});
  return out;
}

void SqliteStore::ScanStatements(const std::function<void(const StoredStatement&)>& fn, const std::string& source_id) {
  LoadVocabulary(db_, "props", "name", props_, &prop_names_);
  LoadVocabulary(db_, "schemata", "name", schemata_, &schema_names_);
  LoadVocabulary(db_, "sources", "id", sources_, &source_ids_);
  std::string sql = std::string("SELECT ") + kStatementColumns +
                    " FROM statements s JOIN entities e ON e.k = s.entity";
  if (!source_id.empty()) sql += " WHERE s.source = ?";
  sql += " ORDER BY e.id, s.k";  // by entity id: the same order in every copy of the store
  Stmt q = db_.Prepare(sql);
  if (!source_id.empty()) {
    auto it = sources_.find(source_id);
    if (it == sources_.end()) return;
    q.Bind(1, it->second);
  }
  while (q.Step()) {
    StoredStatement s = Row(q);
    if (!s.retracted) fn(s);
  }
}

void SqliteStore::ScanLean(const std::vector<std::string>& value_props,
                           const std::function<void(const LeanStatement&)>& fn) {
  LoadVocabulary(db_, "props", "name", props_, &prop_names_);
  // Retractions are few: a set beside the scan beats a subquery per row.
  std::unordered_set<int64_t> retracted;
  {
    Stmt q = db_.Prepare("SELECT statement FROM retractions");
    while (q.Step()) retracted.insert(q.Int(0));
  }
  std::string wanted;
  for (const auto& p : value_props) {
    auto it = props_.find(p);
    if (it == props_.end()) continue;
    wanted += (wanted.empty() ? "" : ",") + std::to_string(it->second);
  }
  // The value is read only for the wanted props: most rows then carry integers only.
  const std::string value = wanted.empty() ? "NULL" : "CASE WHEN prop IN (" + wanted + ") THEN value END";
  Stmt q = db_.Prepare("SELECT entity, k, schema, prop, source, credibility, marking, ref, " + value +
                       " FROM statements ORDER BY entity");
  LeanStatement row;
  while (q.Step()) {
    if (!retracted.empty() && retracted.count(q.Int(1))) continue;
    row.entity = q.Int(0);
    row.schema = q.Int(2);
    row.prop = q.Int(3);
    row.source = q.Int(4);
    row.credibility = static_cast<int>(q.Int(5));
    row.marking = q.Int(6);
    row.ref = q.IsNull(7) ? 0 : q.Int(7);
    row.value = q.IsNull(8) ? std::string_view() : q.View(8);
    fn(row);
  }
}

void SqliteStore::ScanEntityIds(const std::function<void(int64_t key, std::string_view id)>& fn) {
  Stmt q = db_.Prepare("SELECT k, id FROM entities ORDER BY k");
  while (q.Step()) fn(q.Int(0), q.View(1));
}

std::vector<std::string> SqliteStore::EntityIds(const std::vector<int64_t>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  Stmt q = db_.Prepare("SELECT id FROM entities WHERE k = ?");
  for (int64_t k : keys) {
    q.Bind(1, k);
    out.push_back(q.Step() ? q.Text(0) : std::string());
    q.Reset();
  }
  return out;
}

Store::Vocabulary SqliteStore::Vocab() {
  Vocabulary v;
  for (auto [table, column, out] : {std::tuple{"schemata", "name", &v.schemata}, std::tuple{"props", "name", &v.props},
                                    std::tuple{"sources", "id", &v.sources}}) {
    Stmt q = db_.Prepare(std::string("SELECT k, ") + column + " FROM " + table);
    while (q.Step()) (*out)[q.Int(0)] = q.Text(1);
  }
  return v;
}

std::map<int64_t, std::string> SqliteStore::Markings() {
  std::map<int64_t, std::string> out;
  Stmt q = db_.Prepare("SELECT k, banner FROM markings");
  while (q.Step()) out[q.Int(0)] = q.Text(1);
  return out;
}

std::vector<model::Source> SqliteStore::Sources() {
  std::vector<model::Source> out;
  Stmt q = db_.Prepare(
      "SELECT id, title, kind, originator, publisher, url, date, reliability, protected, sanitised FROM sources "
      "ORDER BY id");
  while (q.Step()) {
    model::Source s;
    s.id = q.Text(0);
    s.title = q.Text(1);
    s.kind = q.Text(2);
    s.originator = q.Text(3);
    s.publisher = q.Text(4);
    s.url = q.Text(5);
    s.date = q.Text(6);
    std::string r = q.Text(7);
    s.reliability = r.empty() ? 'F' : r[0];
    s.is_protected = q.Int(8) != 0;
    s.sanitised = q.Text(9);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Judgement> SqliteStore::Judgements() {
  std::vector<Judgement> out;
  Stmt q = db_.Prepare("SELECT a, b, verdict, user, at FROM judgements ORDER BY a, b");
  while (q.Step()) out.push_back(Judgement{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  return out;
}

std::vector<model::Organisation> SqliteStore::Organisations() {
  std::vector<model::Organisation> out;
  Stmt q = db_.Prepare("SELECT code, country, name, partners FROM organisations ORDER BY code");
  while (q.Step()) out.push_back(model::Organisation{q.Text(0), q.Text(1), q.Text(2), SplitCodes(q.Text(3))});
  return out;
}

void SqliteStore::PutCredential(const Credential& c) {
  Stmt q = db_.Prepare(
      "INSERT INTO credentials(kind, id, user, hash, created, revoked) VALUES(?,?,?,?,?,?) ON CONFLICT(kind, id) DO UPDATE "
      "SET user=excluded.user, hash=excluded.hash, created=excluded.created, revoked=excluded.revoked");
  q.Bind(1, c.kind).Bind(2, c.id).Bind(3, c.user).Bind(4, c.hash).Bind(5, c.created.empty() ? Now() : c.created);
  q.Bind(6, c.revoked ? 1 : 0).Run();
}

bool SqliteStore::RevokeCredential(const std::string& kind, const std::string& id) {
  Stmt q = db_.Prepare("UPDATE credentials SET revoked = 1 WHERE kind = ? AND id = ? AND revoked = 0");
  q.Bind(1, kind).Bind(2, id).Run();
  return db_.Changes() > 0;
}

std::optional<Credential> SqliteStore::FindCredential(const std::string& kind, const std::string& id) {
  Stmt q = db_.Prepare("SELECT kind, id, user, hash, created, revoked FROM credentials WHERE kind = ? AND id = ?");
  q.Bind(1, kind).Bind(2, id);
  if (!q.Step()) return std::nullopt;
  return Credential{q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5) != 0};
}

std::vector<model::User> SqliteStore::Users() {
  std::vector<model::User> out;
  Stmt q = db_.Prepare("SELECT name, organisation, clearance, role, compartments FROM users ORDER BY name");
  while (q.Step())
    out.push_back(model::User{q.Text(0), q.Text(1), static_cast<int>(q.Int(2)), q.Text(3), SplitCodes(q.Text(4))});
  return out;
}

Counts SqliteStore::Count() {
  Counts c;
  auto one = [&](const char* sql) {
    Stmt q = db_.Prepare(sql);
    q.Step();
    return q.Int(0);
  };
  c.statements = one("SELECT count(*) FROM statements");
  c.retracted = one("SELECT count(*) FROM retractions");
  c.entities = one("SELECT count(DISTINCT entity) FROM statements");
  c.sources = one("SELECT count(*) FROM sources");
  c.ingests = one("SELECT count(*) FROM ingests WHERE finished IS NOT NULL");
  return c;
}

std::vector<Store::SourceMarkingCount> SqliteStore::CountBySourceAndMarking() {
  std::vector<SourceMarkingCount> out;
  Stmt q = db_.Prepare(
      "SELECT src.id, s.marking, count(*) FROM statements s JOIN sources src ON src.k = s.source "
      "WHERE NOT EXISTS (SELECT 1 FROM retractions r WHERE r.statement = s.k) GROUP BY s.source, s.marking "
      "ORDER BY src.id, s.marking");
  while (q.Step()) out.push_back(SourceMarkingCount{q.Text(0), q.Int(1), q.Int(2)});
  return out;
}

int64_t SqliteStore::FileBytes() {
  int64_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    struct stat st{};
    if (::stat((path_ + suffix).c_str(), &st) == 0) total += st.st_size;
  }
  return total;
}

void SqliteStore::Reindex(const std::function<std::string(const std::string&, const std::string&)>& index_text_of) {
  Transaction tx(db_);
  // The full-text index is emptied first, while it can still read the old
  // names it must forget; then the names are rewritten in statement order and
  // the index rebuilt from them in one pass.
  db_.Exec("INSERT INTO name_index(name_index) VALUES('delete-all')");
  db_.Exec("DELETE FROM names");
  LoadVocabulary(db_, "props", "name", props_, &prop_names_);
  Stmt q = db_.Prepare("SELECT k, prop, value, entity, marking FROM statements");
  Stmt ins = db_.Prepare("INSERT INTO names(statement, entity, marking, tokens) VALUES(?, ?, ?, ?)");
  while (q.Step()) {
    std::string text = index_text_of(prop_names_[q.Int(1)], q.Text(2));
    if (!text.empty()) ins.Bind(1, q.Int(0)).Bind(2, q.Int(3)).Bind(3, q.Int(4)).Bind(4, text).Run();
  }
  db_.Exec("INSERT INTO name_index(name_index) VALUES('rebuild')");
  tx.Commit();
}

}  // namespace dossier::store
