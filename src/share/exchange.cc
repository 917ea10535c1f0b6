#include "share/exchange.h"

#include <cctype>
#include <ctime>
#include <nlohmann/json.hpp>

#include "share/partners.h"
#include "share/release.h"

namespace dossier::share {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Release Select(store::Store& store, const KeyPair& keys, const PartnerList& partners, const std::string& org,
               bool release_orcon) {
  const Partner* partner = partners.Find(org);
  if (!partner) throw KeyError(org + " is not a partner (dossier partners add " + org + " --key FILE)");
  return SelectForPartner(store, ReleaseRequest{keys.organisation, partner, release_orcon}, keys);
}

}  // namespace

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Package ReleaseFor(store::Store& store, const KeyPair& keys, const std::string& org_in, bool release_orcon, int64_t* held) {
  const std::string org = Upper(org_in);
  Release release = Select(store, keys, PartnerList::Load(store), org, release_orcon);
  if (held) *held = release.held_orcon + release.held_third_party;
  return std::move(release.package);
}

PartnerExport ExportFor(store::Store& store, const KeyPair& keys, const std::string& org_in, bool release_orcon,
                        const std::string& user) {
  PartnerExport out;
  out.to = Upper(org_in);
  PartnerList partners = PartnerList::Load(store);
  Release release = Select(store, keys, partners, out.to, release_orcon);
  Partner* partner = partners.Find(out.to);
  release.package.manifest.sequence = partner->sent + 1;
  release.package.manifest.created = UtcNow();
  out.bytes = WritePackage(release.package, keys);
  partner->sent = release.package.manifest.sequence;
  partners.Save(store);
  out.manifest = release.package.manifest;
  out.sources = static_cast<int64_t>(release.package.sources.size());
  out.statements = static_cast<int64_t>(release.package.statements.size());
  out.held_orcon = release.held_orcon;
  out.held_third_party = release.held_third_party;
  out.sanitised = release.sanitised;
  store.AppendAudit(user, "export",
                    nlohmann::json{{"to", out.to}, {"sequence", out.manifest.sequence}, {"hash", PackageHash(out.bytes)},
                                   {"statements", out.statements}, {"highest_marking", out.manifest.highest_marking},
                                   {"held_orcon", out.held_orcon}, {"held_third_party", out.held_third_party}}
                        .dump(),
                    out.statements);
  return out;
}

}  // namespace dossier::share
