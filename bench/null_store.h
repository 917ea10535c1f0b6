// A Store that keeps nothing, for the ingest benchmark's breakdown: the
// Ingester writing into it costs everything but SQLite (CSV parsing,
// validation, normalisation, folding, hashing). With `keep`, its writer keeps
// the statements and sources it is given, so that they can be replayed into a
// real store to time the store alone.
#pragma once
#include <memory>
#include <utility>
#include <vector>

#include "store/store.h"

namespace dossier::bench {

struct Captured {
  std::vector<model::Source> sources;
  std::vector<store::NewStatement> statements;
};

class NullWriter final : public store::IngestWriter {
 public:
  NullWriter(Captured* keep) : keep_(keep) {}
  void PutSource(const model::Source& source) override {
    if (keep_) keep_->sources.push_back(source);
  }
  void Add(store::NewStatement statement) override {
    ++result_.added;
    if (keep_) keep_->statements.push_back(std::move(statement));
  }
  store::IngestResult Commit() override { return result_; }

 private:
  Captured* keep_;
  store::IngestResult result_;
};

class NullStore final : public store::Store {
 public:
  explicit NullStore(Captured* keep = nullptr) : keep_(keep) {}
  int SchemaVersion() override { return store::kSchemaVersion; }
  std::string Meta(const std::string&) override { return {}; }
  void SetMeta(const std::string&, const std::string&) override {}
  std::unique_ptr<store::IngestWriter> BeginIngest(const store::IngestInfo&) override {
    return std::make_unique<NullWriter>(keep_);
  }
  bool Retract(const std::string&, const std::string&, const std::string&) override { return false; }
  void PutJudgement(const store::Judgement&) override {}
  void PutOrganisation(const model::Organisation&) override {}
  void PutUser(const model::User&) override {}
  void PutCredential(const store::Credential&) override {}
  bool RevokeCredential(const std::string&, const std::string&) override { return false; }
  std::optional<store::Credential> FindCredential(const std::string&, const std::string&) override { return std::nullopt; }
  void PutSource(const model::Source&) override {}
  std::vector<store::StoredStatement> StatementsOf(const std::vector<std::string>&, bool) override { return {}; }
  std::optional<store::StoredStatement> StatementByKey(int64_t) override { return std::nullopt; }
  std::vector<std::string> Referencing(const std::string&) override { return {}; }
  bool RemoveJudgement(const std::string&, const std::string&) override { return false; }
  void AppendAudit(const std::string&, const std::string&, const std::string&, int64_t) override {}
  void AppendAudits(const std::vector<AuditRecord>&) override {}
  int64_t DataVersion() override { return 0; }
  std::vector<store::AuditEntry> AuditLog(int64_t) override { return {}; }
  std::vector<NameHit> FindNames(const std::vector<std::string>&, bool) override { return {}; }
  void ScanStatements(const std::function<void(const store::StoredStatement&)>&, const std::string&) override {}
  void ScanLean(const std::vector<std::string>&, const std::function<void(const LeanStatement&)>&) override {}
  void ScanEntityIds(const std::function<void(int64_t, std::string_view)>&) override {}
  std::vector<std::string> EntityIds(const std::vector<int64_t>& keys) override { return std::vector<std::string>(keys.size()); }
  Vocabulary Vocab() override { return {}; }
  std::map<int64_t, std::string> Markings() override { return {}; }
  std::vector<model::Source> Sources() override { return {}; }
  std::vector<store::Judgement> Judgements() override { return {}; }
  std::vector<model::Organisation> Organisations() override { return {}; }
  std::vector<model::User> Users() override { return {}; }
  store::Counts Count() override { return {}; }
  std::vector<SourceMarkingCount> CountBySourceAndMarking() override { return {}; }
  int64_t FileBytes() override { return 0; }
  void Reindex(const std::function<std::string(const std::string&, const std::string&)>&) override {}

 private:
  Captured* keep_;
};

}  // namespace dossier::bench
