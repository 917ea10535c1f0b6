// keys generate, partners add | list, export --for ORG, import PKG: exchanging
// signed packages with partner instances (src/share). Administrators only, once
// a store has users: a package leaves or enters under the instance's name.
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "ingest/error.h"
#include "share/exchange.h"
#include "share/import.h"
#include "share/keys.h"
#include "share/partners.h"
#include "share/release.h"
#include "share/stix.h"

namespace dossier::cli {
namespace {

std::string KeyPath(Context& ctx) { return ctx.options().store_path + ".key"; }
std::string PublicPath(Context& ctx) { return ctx.options().store_path + ".pub"; }

// The acting user's name for the audit log; an administrator is required once
// the store has users.
std::string RequireAdmin(Context& ctx, const char* what) {
  auto& store = ctx.Store();
  if (store.Users().empty()) return "local";
  const access::Reader& reader = ctx.View().reader();
  if (reader.user().role != "admin") throw CommandError(kAccess, std::string("only an administrator may ") + what);
  return reader.name();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError(kBadInput, path + ": cannot be read");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFileAtomically(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw CommandError(kBadInput, "cannot write " + path);
    out << bytes;
    if (!out.flush()) throw CommandError(kBadInput, "cannot write " + path);
  }
  std::filesystem::rename(tmp, path);
}

share::KeyPair InstanceKeys(Context& ctx) {
  try {
    return share::ReadSecretKeyFile(KeyPath(ctx));
  } catch (const share::KeyError& e) {
    throw CommandError(kUsage, e.what());
  }
}

void GenerateKeys(Context& ctx, std::string org, bool replace) {
  auto& store = ctx.Store();
  const std::string user = RequireAdmin(ctx, "generate the instance's keys");
  if (org.empty() && !store.Users().empty()) org = ctx.View().reader().organisation().code;
  if (org.empty()) {
    const auto orgs = store.Organisations();
    if (orgs.size() != 1)
      throw CommandError(kUsage, "say which organisation this instance signs as: keys generate --org CODE");
    org = orgs.front().code;
  }
  share::KeyPair keys;
  try {
    keys = share::KeyPair::Generate(org);
    share::WriteSecretKeyFile(KeyPath(ctx), keys, replace);
  } catch (const share::KeyError& e) {
    throw CommandError(kUsage, e.what());
  }
  share::SetInstanceIdentity(store, keys);
  const std::string line = share::PublicKeyLine(org, keys.public_key);
  WriteFileAtomically(PublicPath(ctx), line + "\n");
  store.AppendAudit(user, "keys", nlohmann::json{{"generate", org}, {"fingerprint", share::Fingerprint(keys.public_key)}}.dump(), 1);
  if (ctx.json()) {
    PrintJson({{"organisation", org}, {"public_key", line}, {"public_key_file", PublicPath(ctx)},
               {"secret_key_file", KeyPath(ctx)}, {"fingerprint", share::Fingerprint(keys.public_key)}});
  } else {
    std::cout << fmt::format("instance keys for {} generated\n  secret key {} (mode 0600; keep it off shared disks)\n"
                             "  public key {} (give this file to partners)\n  fingerprint {}\n",
                             org, KeyPath(ctx), PublicPath(ctx), share::Fingerprint(keys.public_key));
  }
}

void AddPartner(Context& ctx, const std::string& org_in, const std::string& key_file, const std::string& clearance,
                const std::vector<std::string>& compartments) {
  auto& store = ctx.Store();
  const std::string user = RequireAdmin(ctx, "add partners");
  std::string org = org_in;
  for (char& c : org) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool known = false;
  for (const auto& o : store.Organisations()) known |= o.code == org;
  if (!known)
    throw CommandError(kUsage, "unknown organisation '" + org + "': add it first with principals add-org " + org +
                                   " --country ISO3");
  std::pair<std::string, share::PublicKey> parsed;
  try {
    parsed = share::ParsePublicKeyLine(ReadFile(key_file));
  } catch (const share::KeyError& e) {
    throw CommandError(kBadInput, key_file + ": " + e.what());
  }
  if (parsed.first != org)
    throw CommandError(kBadInput, key_file + " is the key of " + parsed.first + ", not of " + org);
  const auto scheme = access::SchemeOf(store);
  const int level = clearance.empty() ? scheme.Highest() : scheme.Level(clearance);
  if (level < 0) throw CommandError(kUsage, "unknown classification level '" + clearance + "'");
  share::PartnerList partners = share::PartnerList::Load(store);
  share::Partner p;
  if (const share::Partner* old = partners.Find(org)) p = *old;  // keeps the sequences
  p.organisation = org;
  p.key = parsed.second;
  p.clearance = level;
  p.compartments.clear();
  for (std::string c : compartments) {
    for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    p.compartments.push_back(c);
  }
  std::sort(p.compartments.begin(), p.compartments.end());
  p.compartments.erase(std::unique(p.compartments.begin(), p.compartments.end()), p.compartments.end());
  p.added_at = share::UtcNow();
  partners.Put(p);
  partners.Save(store);
  // The instance's organisation now shares with ORG (principals list shows it).
  if (const auto identity = share::InstanceIdentity(store)) {
    for (auto o : store.Organisations())
      if (o.code == identity->organisation && !std::binary_search(o.partners.begin(), o.partners.end(), org)) {
        o.partners.insert(std::upper_bound(o.partners.begin(), o.partners.end(), org), org);
        store.PutOrganisation(o);
      }
  }
  store.AppendAudit(user, "partners",
                    nlohmann::json{{"add", org}, {"fingerprint", share::Fingerprint(p.key)}, {"clearance", scheme.Name(level)}}.dump(), 1);
  if (ctx.json()) PrintJson({{"partner", org}, {"fingerprint", share::Fingerprint(p.key)}, {"clearance", scheme.Name(level)}});
  else std::cout << fmt::format("partner {} recorded (key {}, up to {})\n", org, share::Fingerprint(p.key), scheme.Name(level));
}

void ListPartners(Context& ctx) {
  auto& store = ctx.Store();
  RequireAdmin(ctx, "list partners");
  const auto scheme = access::SchemeOf(store);
  const auto identity = share::InstanceIdentity(store);
  nlohmann::json list = nlohmann::json::array();
  const share::PartnerList partners = share::PartnerList::Load(store);
  for (const auto& [org, p] : partners.all())
    list.push_back({{"partner", org}, {"fingerprint", share::Fingerprint(p.key)}, {"clearance", scheme.Name(p.clearance)},
                    {"last_sent", p.sent}, {"last_received", p.received}});
  if (ctx.json()) {
    PrintJson({{"instance", identity ? identity->organisation : ""}, {"partners", list}});
    return;
  }
  std::cout << "instance: " << (identity ? identity->organisation + " (" + share::Fingerprint(identity->key) + ")" : "no keys yet")
            << "\n";
  for (const auto& p : list)
    std::cout << fmt::format("{:<12} key {}  up to {:<14} last sent {}  last received {}\n", p["partner"].get<std::string>(),
                             p["fingerprint"].get<std::string>(), p["clearance"].get<std::string>(),
                             p["last_sent"].get<int64_t>(), p["last_received"].get<int64_t>());
}

void Import(Context& ctx, const std::string& path) {
  auto& store = ctx.Store();
  const std::string user = RequireAdmin(ctx, "import partner packages");
  const std::string bytes = ReadFile(path);
  share::ImportReport r;
  try {
    r = share::ImportPackage(store, bytes, std::filesystem::path(path).filename().string(), user);
  } catch (const share::PackageError& e) {
    store.AppendAudit(user, "import", nlohmann::json{{"file", path}, {"refused", e.what()}}.dump(), 0);
    throw CommandError(kBadInput, path + ": " + e.what() + "; nothing was imported");
  } catch (const share::KeyError& e) {
    throw CommandError(kUsage, e.what());
  } catch (const ingest::IngestError& e) {
    store.AppendAudit(user, "import", nlohmann::json{{"file", path}, {"refused", e.what()}}.dump(), 0);
    throw CommandError(kBadInput, std::string(e.what()) + "; nothing was imported");
  }
  store.AppendAudit(user, "import",
                    nlohmann::json{{"from", r.manifest.from}, {"sequence", r.manifest.sequence}, {"hash", r.hash},
                                   {"statements", r.statements}, {"added", r.added}, {"already_imported", r.already_imported}}
                        .dump(),
                    r.added);
  if (ctx.json()) {
    PrintJson({{"from", r.manifest.from}, {"sequence", r.manifest.sequence}, {"created", r.manifest.created},
               {"highest_marking", r.manifest.highest_marking}, {"sources", r.sources}, {"statements", r.statements},
               {"added", r.added}, {"present", r.present}, {"already_imported", r.already_imported}});
  } else if (r.already_imported) {
    std::cout << fmt::format("package {} from {} was already imported; nothing changed\n", r.manifest.sequence, r.manifest.from);
  } else {
    std::cout << fmt::format("{}\npackage {} from {}: {} statements ({} new, {} already held), {} sources\n",
                             r.manifest.highest_marking, r.manifest.sequence, r.manifest.from, r.statements, r.added,
                             r.present, r.sources);
  }
}

}  // namespace

void ExportPackage(Context& ctx, const std::string& org, const std::string& out_path, bool release_orcon) {
  auto& store = ctx.Store();
  const std::string user = RequireAdmin(ctx, "export packages for partners");
  if (out_path.empty()) throw CommandError(kUsage, "export --for needs --out PKG");
  share::PartnerExport x;
  try {
    x = share::ExportFor(store, InstanceKeys(ctx), org, release_orcon, user);
  } catch (const share::KeyError& e) {
    throw CommandError(kUsage, e.what());
  }
  WriteFileAtomically(out_path, x.bytes);
  ctx.MarkAudited();
  const auto& m = x.manifest;
  if (ctx.json()) {
    PrintJson({{"to", x.to}, {"out", out_path}, {"sequence", m.sequence}, {"highest_marking", m.highest_marking},
               {"sources", x.sources}, {"statements", x.statements}, {"held_orcon", x.held_orcon},
               {"held_third_party", x.held_third_party}, {"sanitised", x.sanitised}});
  } else {
    std::cout << fmt::format("{}\npackage {} for {} written to {}: {} statements, {} sources\n"
                             "held back: {} ORCON, {} under the third-party rule; {} statements with a sanitised source\n",
                             m.highest_marking, m.sequence, x.to, out_path, x.statements, x.sources, x.held_orcon,
                             x.held_third_party, x.sanitised);
  }
}

void ExportStix(Context& ctx, const std::string& org_in, const std::string& out_path, bool release_orcon) {
  auto& store = ctx.Store();
  const auto scheme = access::SchemeOf(store);
  std::vector<share::PackageStatement> statements;
  std::string producer;
  std::string audit_user;
  int64_t held = 0;
  if (!org_in.empty()) {
    // What a partner may receive, under the same rules as a package.
    audit_user = RequireAdmin(ctx, "export for partners");
    const share::KeyPair keys = InstanceKeys(ctx);
    try {
      statements = share::ReleaseFor(store, keys, org_in, release_orcon, &held).statements;
    } catch (const share::KeyError& e) {
      throw CommandError(kUsage, e.what());
    }
    producer = keys.organisation;
  } else {
    // What the reader may see.
    auto& view = ctx.View();
    audit_user = view.reader().name();
    view.Scan([&](const store::StoredStatement& s) {
      share::PackageStatement p;
      p.entity_id = s.entity_id;
      p.schema = s.schema;
      p.prop = s.prop;
      p.value = s.value;
      p.credibility = s.credibility;
      p.marking = view.Banner(s.marking);
      p.first_seen = s.first_seen;
      p.last_seen = s.last_seen;
      statements.push_back(std::move(p));
    });
    producer = view.reader().sees_everything() ? "" : view.reader().organisation().code;
  }
  const share::StixExport stix = share::StixBundle(statements, producer, scheme);
  const std::string text = stix.bundle.dump(1) + "\n";
  if (out_path.empty()) std::cout << text;
  else WriteFileAtomically(out_path, text);
  ctx.SetResults(stix.identities + stix.relationships);
  if (!org_in.empty()) {
    ctx.MarkAudited();
    store.AppendAudit(audit_user, "export",
                      nlohmann::json{{"to", org_in}, {"format", "stix"}, {"identities", stix.identities},
                                     {"relationships", stix.relationships}, {"held", held}}.dump(),
                      stix.identities + stix.relationships);
  }
  if (!out_path.empty()) {
    if (ctx.json())
      PrintJson({{"out", out_path}, {"identities", stix.identities}, {"relationships", stix.relationships},
                 {"skipped_entities", stix.skipped_entities}, {"held", held}});
    else
      std::cout << fmt::format("STIX 2.1 bundle written to {}: {} identities, {} relationships ({} other entities left out)\n",
                               out_path, stix.identities, stix.relationships, stix.skipped_entities);
  }
}

void AddShareCommands(CLI::App& app, Context& ctx) {
  auto* keys = app.add_subcommand("keys", "this instance's signing keys (Ed25519)");
  keys->require_subcommand(1);
  static std::string key_org;
  static bool replace = false;
  auto* gen = keys->add_subcommand("generate", "make the key pair: STORE.key (secret, 0600) and STORE.pub (for partners)");
  gen->add_option("--org", key_org, "organisation this instance signs as (default: yours)");
  gen->add_flag("--replace", replace, "replace existing keys (partners must be given the new public key)");
  gen->callback([&] { GenerateKeys(ctx, key_org, replace); });

  auto* partners = app.add_subcommand("partners", "partner instances and their public keys");
  partners->require_subcommand(1);
  static std::string partner_org, partner_key, partner_clearance;
  static std::vector<std::string> partner_compartments;
  auto* add = partners->add_subcommand("add", "record a partner organisation's public key");
  add->add_option("org", partner_org, "the partner's organisation code (principals add-org first)")->required();
  add->add_option("--key", partner_key, "the partner's public key file (its STORE.pub)")->required();
  add->add_option("--clearance", partner_clearance, "highest level it may receive (default: the highest)");
  add->add_option("--compartment", partner_compartments, "a compartment it may receive (repeatable)");
  add->callback([&] { AddPartner(ctx, partner_org, partner_key, partner_clearance, partner_compartments); });
  partners->add_subcommand("list", "list partners")->callback([&] { ListPartners(ctx); });

  static std::string import_path;
  auto* imp = app.add_subcommand("import", "import a partner's signed package (all or nothing)");
  imp->add_option("package", import_path, "package file")->required();
  imp->callback([&] { Import(ctx, import_path); });
}

}  // namespace dossier::cli
