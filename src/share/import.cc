#include "share/import.h"

#include "access/reader.h"
#include "ingest/ingester.h"
#include "share/partners.h"

namespace dossier::share {

ImportReport ImportPackage(store::Store& store, std::string_view bytes, const std::string& label,
                           const std::string& user) {
  ImportReport report;
  const auto identity = InstanceIdentity(store);
  if (!identity) throw KeyError("this instance has no identity yet: run `dossier keys generate` first");
  // 1. Who sent it, to whom.
  const Manifest claimed = ReadManifest(bytes);
  PartnerList partners = PartnerList::Load(store);
  Partner* partner = partners.Find(claimed.from);
  if (!partner)
    throw PackageError("refused: the package claims to come from " + claimed.from +
                       ", which is not a partner of this instance (dossier partners add " + claimed.from +
                       " --key FILE)");
  if (claimed.to != identity->organisation)
    throw PackageError("refused: the package is addressed to " + claimed.to + ", not to this instance (" +
                       identity->organisation + ")");
  // 2. The signature, before the body is parsed.
  VerifyPackage(bytes, partner->key);
  report.manifest = claimed;  // signed, so now trusted
  report.hash = PackageHash(bytes);
  report.sources = claimed.sources;
  report.statements = claimed.statements;
  // 3. Replay, still without parsing the body.
  if (claimed.sequence < partner->received)
    throw PackageError("refused: package " + std::to_string(claimed.sequence) + " from " + claimed.from +
                       " is older than package " + std::to_string(partner->received) +
                       ", already imported (a replay)");
  if (claimed.sequence == partner->received) {
    if (report.hash != partner->received_hash)
      throw PackageError("refused: package " + std::to_string(claimed.sequence) + " from " + claimed.from +
                         " was already imported with other contents");
    report.already_imported = true;
    return report;
  }
  Package package = ParseVerifiedPackage(bytes);
  // 4. The body, as an ingest: sources filed under the sender's name.
  auto filed = [&](const std::string& id) {
    const std::string prefix = claimed.from + "/";
    return id.compare(0, prefix.size(), prefix) == 0 ? id : prefix + id;
  };
  std::vector<model::Source> sources;
  for (auto s : package.sources) {
    s.id = filed(s.id);
    sources.push_back(std::move(s));
  }
  std::vector<model::EntityRecord> records;
  records.reserve(package.statements.size());
  const long first_line = 2 + static_cast<long>(package.sources.size());
  for (std::size_t i = 0; i < package.statements.size(); ++i) {
    auto& s = package.statements[i];
    model::EntityRecord r;
    r.id = std::move(s.entity_id);
    r.schema = std::move(s.schema);
    r.line = first_line + static_cast<long>(i);
    model::PropertyValue v;
    v.prop = std::move(s.prop);
    v.value = std::move(s.value);
    v.lang = std::move(s.lang);
    v.original_value = std::move(s.original_value);
    v.credibility = s.credibility;
    v.marking = std::move(s.marking);
    v.source_id = filed(s.source);
    v.first_seen = std::move(s.first_seen);
    v.last_seen = std::move(s.last_seen);
    r.values.push_back(std::move(v));
    records.push_back(std::move(r));
  }
  ingest::IngestOptions options;
  options.format = "package";
  options.user = user;
  ingest::Ingester ingester(store, options, access::SchemeOf(store));
  const ingest::IngestReport ingested = ingester.IngestRecords(label, sources, std::move(records));
  report.added = ingested.added;
  report.present = ingested.present;
  partner->received = package.manifest.sequence;
  partner->received_hash = report.hash;
  partners.Save(store);
  return report;
}

}  // namespace dossier::share
