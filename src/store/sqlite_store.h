// The Store on one SQLite file in WAL mode. See store.h for the contract.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace dossier::store {

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, bool create);

  // The SQL that takes a store from version - 1 to `version` (1 creates it);
  // nullptr beyond the latest. Tests use it to make stores of old versions.
  static const char* MigrationSql(int version);

  int SchemaVersion() override;
  std::string Meta(const std::string& key) override;
  void SetMeta(const std::string& key, const std::string& value) override;

  std::unique_ptr<IngestWriter> BeginIngest(const IngestInfo& info) override;
  bool Retract(const std::string& statement_id, const std::string& user, const std::string& reason) override;
  void PutJudgement(const Judgement& j) override;
  bool RemoveJudgement(const std::string& a, const std::string& b) override;
  void AppendAudit(const std::string& user, const std::string& action, const std::string& detail,
                   int64_t results) override;
  void AppendAudits(const std::vector<AuditRecord>& records) override;
  int64_t DataVersion() override;
  void PutOrganisation(const model::Organisation& org) override;
  void PutUser(const model::User& user) override;
  void PutCredential(const Credential& credential) override;
  bool RevokeCredential(const std::string& kind, const std::string& id) override;
  std::optional<Credential> FindCredential(const std::string& kind, const std::string& id) override;
  void PutSource(const model::Source& source) override;

  std::vector<StoredStatement> StatementsOf(const std::vector<std::string>& entity_ids,
                                            bool include_retracted) override;
  std::optional<StoredStatement> StatementByKey(int64_t key) override;
  std::vector<std::string> Referencing(const std::string& entity_id) override;
  std::vector<NameHit> FindNames(const std::vector<std::string>& tokens, bool all_tokens) override;
  void ScanStatements(const std::function<void(const StoredStatement&)>& fn, const std::string& source_id) override;
  void ScanLean(const std::vector<std::string>& value_props, const std::function<void(const LeanStatement&)>& fn) override;
  void ScanEntityIds(const std::function<void(int64_t key, std::string_view id)>& fn) override;
  std::vector<std::string> EntityIds(const std::vector<int64_t>& keys) override;
  Vocabulary Vocab() override;
  std::map<int64_t, std::string> Markings() override;
  std::vector<model::Source> Sources() override;
  std::vector<Judgement> Judgements() override;
  std::vector<AuditEntry> AuditLog(int64_t after) override;
  std::vector<model::Organisation> Organisations() override;
  std::vector<model::User> Users() override;
  Counts Count() override;
  std::vector<SourceMarkingCount> CountBySourceAndMarking() override;
  int64_t FileBytes() override;
  void Reindex(const std::function<std::string(const std::string&, const std::string&)>& index_text_of) override;

 private:
  friend class SqliteIngestWriter;
  void Migrate();
  // The audit log's own database, opened on first use (see AuditPath).
  Db& AuditDb();
  // Version 3 kept the audit log in the store file; it moves to its own file.
  void MoveAuditOut();
  // Interning of the small vocabularies; callers hold a transaction.
  int64_t InternIn(const char* table, const char* column, std::unordered_map<std::string, int64_t>& cache,
                   const std::string& value);
  int64_t EntityKey(const std::string& id, bool create);
  void WriteSource(const model::Source& source);
  StoredStatement Row(Stmt& q);  // from a query selecting kStatementColumns
  std::string NameOf(const std::unordered_map<std::string, int64_t>& cache, int64_t key);
  void LoadIngest(int64_t key);

  std::string path_;
  Db db_;
  std::unique_ptr<Db> audit_db_;
  std::unordered_map<std::string, int64_t> props_, schemata_, markings_, sources_;
  std::unordered_map<int64_t, std::string> prop_names_, schema_names_, source_ids_;
  std::unordered_map<int64_t, std::pair<std::string, std::string>> ingests_;  // key -> (user, started)
};

}  // namespace dossier::store
