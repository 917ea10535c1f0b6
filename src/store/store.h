// The statement store: the one interface behind which statements live.
//
// Contract:
// - Statements are appended, never updated; a retraction is recorded beside
//   the statement it retracts. Adding a statement whose key is present is a
//   no-op (keys are content hashes, see model/statement.h).
// - An IngestWriter is all or nothing: until Commit() returns, no reader sees
//   any of its statements, and if the process dies or the writer is destroyed
//   uncommitted, the store is exactly as it was.
// - The store knows no principal: it returns marking keys with each
//   statement, and the access layer decides who sees what.
// - Every index (names, references) is derived from statements and can be
//   rebuilt from them with Reindex().
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/principal.h"
#include "model/source.h"

namespace dossier::store {

inline constexpr int kSchemaVersion = 6;

struct NewStatement {
  int64_t key = 0;
  std::string entity_id, schema, prop, value, original_value, lang, source_id;
  int credibility = 6;
  std::string marking;                // canonical banner
  std::string first_seen, last_seen;  // empty: the ingest's time
  std::string ref;                    // for entity-typed properties: the entity named
  std::string index_text;             // for names: folded tokens to index; empty otherwise
};

struct StoredStatement {
  int64_t key = 0;
  std::string entity_id, schema, prop, value, original_value, lang, source_id;
  int credibility = 6;
  int64_t marking = 0;  // key into Markings()
  std::string first_seen, last_seen, recorded_by, recorded_at;
  bool retracted = false;
};

struct IngestInfo {
  std::string file, format, user;
};

struct IngestResult {
  int64_t ingest = 0;
  int64_t added = 0;    // new statements
  int64_t present = 0;  // statements the store already held
};

struct Judgement {
  std::string a, b, verdict, user, at;  // verdict: positive | negative | unsure
};

// One entry of the audit log: who did what, when, with how many results. The
// entries form a hash chain: each entry's hash covers its fields and the hash of
// the entry before it (store/audit_chain.h), so an edited, removed or reordered
// entry breaks every hash after it.
struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3 ... in the order appended
  std::string at, user, action;
  std::string detail;  // JSON text: the query, the ids returned...
  int64_t results = 0;
  std::string prev, hash;  // hex BLAKE2b-256; the first entry's prev is 64 zeros
};

// A way for a user to prove who they are: a password (its Argon2id hash) or an
// API token (a hash of its secret part), never the secret itself.
struct Credential {
  std::string kind;    // "password" | "token"
  std::string id;      // password: the user name; token: its public id
  std::string user;
  std::string hash;    // password: crypto_pwhash_str (Argon2id); token: hex BLAKE2b-256 of the token
  std::string created;
  bool revoked = false;
};

struct Counts {
  int64_t statements = 0, retracted = 0, entities = 0, sources = 0, ingests = 0;
};

class IngestWriter {
 public:
  virtual ~IngestWriter() = default;
  virtual void PutSource(const model::Source& source) = 0;
  virtual void Add(NewStatement statement) = 0;
  virtual IngestResult Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (and with create, creates) the store at path, migrating an older
  // schema version forward. Throws store::StoreError.
  static std::unique_ptr<Store> Open(const std::string& path, bool create);

  virtual int SchemaVersion() = 0;
  virtual std::string Meta(const std::string& key) = 0;
  virtual void SetMeta(const std::string& key, const std::string& value) = 0;

  // Writing.
  virtual std::unique_ptr<IngestWriter> BeginIngest(const IngestInfo& info) = 0;
  virtual bool Retract(const std::string& statement_id, const std::string& user, const std::string& reason) = 0;
  virtual void PutJudgement(const Judgement& j) = 0;
  // Withdraws the judgement between a and b (either order); false if there was none.
  virtual bool RemoveJudgement(const std::string& a, const std::string& b) = 0;
  // Appends to the audit log, chaining the entry to the last one. The log lives
  // apart from the statements (SQLite: the file STORE.audit), so appending never
  // waits for an ingest's transaction.
  virtual void AppendAudit(const std::string& user, const std::string& action, const std::string& detail,
                           int64_t results) = 0;
  // Several entries, chained in order, in one transaction (a busy server's reads).
  struct AuditRecord {
    std::string user, action, detail;
    int64_t results = 0;
  };
  virtual void AppendAudits(const std::vector<AuditRecord>& records) = 0;
  // A number that changes whenever another connection (another process, or
  // another connection of this one) has committed to the statements: a
  // long-running reader's cue that what it built from them is stale.
  virtual int64_t DataVersion() = 0;
  virtual void PutOrganisation(const model::Organisation& org) = 0;
  virtual void PutUser(const model::User& user) = 0;
  // Records (or replaces) a credential; revokes one (false if there was none).
  virtual void PutCredential(const Credential& credential) = 0;
  virtual bool RevokeCredential(const std::string& kind, const std::string& id) = 0;
  virtual std::optional<Credential> FindCredential(const std::string& kind, const std::string& id) = 0;
  virtual void PutSource(const model::Source& source) = 0;

  // Reading. Results are ordered deterministically (by entity, then key).
  virtual std::vector<StoredStatement> StatementsOf(const std::vector<std::string>& entity_ids,
                                                    bool include_retracted = false) = 0;
  virtual std::optional<StoredStatement> StatementByKey(int64_t key) = 0;
  // Entities with a statement whose entity-typed value names `entity_id`.
  virtual std::vector<std::string> Referencing(const std::string& entity_id) = 0;
  // Statements whose indexed name holds every token (or any, with
  // all_tokens false); per hit the statement key, entity id, marking key and
  // the indexed (folded) name.
  struct NameHit {
    int64_t key;
    std::string entity_id;
    int64_t marking;
    std::string value;
  };
  virtual std::vector<NameHit> FindNames(const std::vector<std::string>& tokens, bool all_tokens) = 0;
  // Every live statement, in entity order, for export and whole-store work.
  virtual void ScanStatements(const std::function<void(const StoredStatement&)>& fn,
                              const std::string& source_id = {}) = 0;
  // A lean pass over every live statement, for in-memory structures built once
  // and shared by every reader (the link-analysis graph): integer keys only, in
  // the order of entity keys, with the value text given only for the props in
  // `value_props` (empty otherwise). Retracted statements are left out. The
  // views are valid during the call only.
  struct LeanStatement {
    int64_t entity = 0;                               // key of EntityIds()
    int64_t schema = 0, prop = 0, source = 0, marking = 0;  // keys of Vocabulary() / Markings()
    int credibility = 6;
    int64_t ref = 0;                                  // entity key the value names, 0 if none
    std::string_view value;
  };
  virtual void ScanLean(const std::vector<std::string>& value_props,
                        const std::function<void(const LeanStatement&)>& fn) = 0;
  // Every entity key with its id, in ascending key order.
  virtual void ScanEntityIds(const std::function<void(int64_t key, std::string_view id)>& fn) = 0;
  // The ids of the given entity keys ("" for an unknown key).
  virtual std::vector<std::string> EntityIds(const std::vector<int64_t>& keys) = 0;
  // The names behind the integer keys of LeanStatement.
  struct Vocabulary {
    std::map<int64_t, std::string> schemata, props, sources;
  };
  virtual Vocabulary Vocab() = 0;
  virtual std::map<int64_t, std::string> Markings() = 0;
  virtual std::vector<model::Source> Sources() = 0;
  virtual std::vector<Judgement> Judgements() = 0;
  // The audit log in order, from entry `after` + 1.
  virtual std::vector<AuditEntry> AuditLog(int64_t after = 0) = 0;
  virtual std::vector<model::Organisation> Organisations() = 0;
  virtual std::vector<model::User> Users() = 0;
  virtual Counts Count() = 0;
  // Live statements counted per (source id, marking key).
  struct SourceMarkingCount {
    std::string source_id;
    int64_t marking;
    int64_t count;
  };
  virtual std::vector<SourceMarkingCount> CountBySourceAndMarking() = 0;
  virtual int64_t FileBytes() = 0;

  // Rebuilds the derived indexes from the statements.
  virtual void Reindex(const std::function<std::string(const std::string& prop, const std::string& value)>&
                           index_text_of) = 0;
};

}  // namespace dossier::store
