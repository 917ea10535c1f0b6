#include "share/package.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "model/grading.h"
#include "model/hex.h"

namespace dossier::share {
namespace {

using nlohmann::json;

constexpr std::string_view kSignedPrefix = "dossier-package-v1\n";
constexpr std::size_t kMaxManifestBytes = 4096;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

[[noreturn]] void Fail(long line, const std::string& what) {
  throw PackageError(line > 0 ? "line " + std::to_string(line) + ": " + what : what);
}

// The string at `key` of `o`; "" when absent; PackageError when not a string.
std::string Text(const json& o, const char* key, long line, bool required = false) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) Fail(line, std::string("missing \"") + key + "\"");
    return {};
  }
  if (!it->is_string()) Fail(line, std::string("\"") + key + "\" is not a string");
  std::string s = it->get<std::string>();
  if (required && s.empty()) Fail(line, std::string("\"") + key + "\" is empty");
  return s;
}

int64_t Integer(const json& o, const char* key, long line) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) Fail(line, std::string("\"") + key + "\" is not an integer");
  return it->get<int64_t>();
}

json Parse(std::string_view text, long line) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) Fail(line, "not a JSON object");
  return j;
}

json ManifestJson(const Manifest& m) {
  return json{{"dossier_package", kPackageVersion}, {"from", m.from}, {"to", m.to}, {"sequence", m.sequence},
              {"created", m.created}, {"sources", m.sources}, {"statements", m.statements},
              {"highest_marking", m.highest_marking}};
}

Manifest ManifestOf(const json& j) {
  if (!j.contains("dossier_package")) Fail(1, "not a dossier package (no \"dossier_package\" manifest)");
  if (!j["dossier_package"].is_number_integer() || j["dossier_package"].get<int64_t>() != kPackageVersion)
    Fail(1, "package version " + Dump(j["dossier_package"]) + " is not one this dossier reads (1)");
  Manifest m;
  m.from = Text(j, "from", 1, true);
  m.to = Text(j, "to", 1, true);
  m.sequence = Integer(j, "sequence", 1);
  if (m.sequence < 1) Fail(1, "\"sequence\" must be 1 or more");
  m.created = Text(j, "created", 1);
  m.sources = Integer(j, "sources", 1);
  m.statements = Integer(j, "statements", 1);
  if (m.sources < 0 || m.statements < 0) Fail(1, "negative counts");
  m.highest_marking = Text(j, "highest_marking", 1);
  return m;
}

json SourceJson(const model::Source& s) {
  json j{{"id", s.id}, {"title", s.title}, {"kind", s.kind}, {"reliability", std::string(1, s.reliability)}};
  if (!s.originator.empty()) j["originator"] = s.originator;
  if (!s.publisher.empty()) j["publisher"] = s.publisher;
  if (!s.url.empty()) j["url"] = s.url;
  if (!s.date.empty()) j["date"] = s.date;
  if (s.is_protected) {
    j["protected"] = true;
    j["sanitised"] = s.sanitised;
  }
  return j;
}

model::Source SourceOf(const json& j, long line) {
  model::Source s;
  s.id = Text(j, "id", line, true);
  s.title = Text(j, "title", line);
  s.kind = Text(j, "kind", line);
  if (s.kind.empty()) s.kind = "dataset";
  if (!model::IsSourceKind(s.kind)) Fail(line, "\"kind\": '" + s.kind + "' is not a source kind");
  s.originator = Text(j, "originator", line);
  s.publisher = Text(j, "publisher", line);
  s.url = Text(j, "url", line);
  s.date = Text(j, "date", line);
  const std::string rel = Text(j, "reliability", line);
  auto r = model::ParseReliability(rel.empty() ? "F" : rel);
  if (!r) Fail(line, "\"reliability\": '" + rel + "' is not a reliability (A-F)");
  s.reliability = *r;
  auto p = j.find("protected");
  if (p != j.end() && !p->is_boolean()) Fail(line, "\"protected\" is not true or false");
  s.is_protected = p != j.end() && p->get<bool>();
  s.sanitised = Text(j, "sanitised", line);
  if (s.is_protected && s.sanitised.empty()) Fail(line, "a protected source needs \"sanitised\"");
  return s;
}

json StatementJson(const PackageStatement& s) {
  json j{{"entity_id", s.entity_id}, {"schema", s.schema}, {"prop", s.prop}, {"value", s.value},
         {"source", s.source}, {"credibility", s.credibility}, {"marking", s.marking}};
  if (!s.original_value.empty()) j["original_value"] = s.original_value;
  if (!s.lang.empty()) j["lang"] = s.lang;
  if (!s.first_seen.empty()) j["first_seen"] = s.first_seen;
  if (!s.last_seen.empty()) j["last_seen"] = s.last_seen;
  return j;
}

PackageStatement StatementOf(const json& j, long line) {
  PackageStatement s;
  s.entity_id = Text(j, "entity_id", line, true);
  s.schema = Text(j, "schema", line, true);
  s.prop = Text(j, "prop", line, true);
  s.value = Text(j, "value", line, true);
  s.original_value = Text(j, "original_value", line);
  s.lang = Text(j, "lang", line);
  s.source = Text(j, "source", line, true);
  const int64_t c = Integer(j, "credibility", line);
  if (!model::IsCredibility(static_cast<int>(c)) || c != static_cast<int>(c))
    Fail(line, "\"credibility\": " + std::to_string(c) + " is not a credibility (1-6)");
  s.credibility = static_cast<int>(c);
  s.marking = Text(j, "marking", line, true);
  s.first_seen = Text(j, "first_seen", line);
  s.last_seen = Text(j, "last_seen", line);
  return s;
}

// Splits the bytes into the signed body (every line before the last) and the
// signature; PackageError when there is no signature line.
std::pair<std::string_view, std::string> SplitSignature(std::string_view bytes) {
  if (bytes.empty()) Fail(0, "the package is empty");
  std::string_view text = bytes;
  if (text.back() == '\n') text.remove_suffix(1);
  const std::size_t cut = text.rfind('\n');
  if (cut == std::string_view::npos) Fail(0, "not signed (no signature line)");
  const std::string_view last = text.substr(cut + 1);
  json j = json::parse(last.begin(), last.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("signature"))
    Fail(0, "not signed (the last line is not {\"signature\": ...})");
  if (!j["signature"].is_string()) Fail(0, "the signature is not a string");
  std::string sig;
  try {
    sig = FromBase64(j["signature"].get<std::string>());
  } catch (const KeyError&) {
    Fail(0, "the signature is not base64");
  }
  return {bytes.substr(0, cut + 1), sig};
}


}  // namespace

// What is signed: the prefix and the BLAKE2b-512 digest of the body, so that a
// package of any size is hashed once, in place, and never copied.
std::string PackageSignedMessage(std::string_view body) {
  unsigned char digest[64];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  std::string m(kSignedPrefix);
  m.append(reinterpret_cast<const char*>(digest), sizeof digest);
  return m;
}

std::string WritePackage(Package package, const KeyPair& keys) {
  package.manifest.sources = static_cast<int64_t>(package.sources.size());
  package.manifest.statements = static_cast<int64_t>(package.statements.size());
  std::string body = Dump(ManifestJson(package.manifest)) + "\n";
  for (const auto& s : package.sources) body += Dump(json{{"source", SourceJson(s)}}) + "\n";
  for (const auto& s : package.statements) body += Dump(json{{"statement", StatementJson(s)}}) + "\n";
  const std::string sig = keys.Sign(PackageSignedMessage(body));
  return body + Dump(json{{"signature", ToBase64(sig)}}) + "\n";
}

Manifest ReadManifest(std::string_view bytes) {
  const std::size_t end = bytes.find('\n');
  const std::string_view first = bytes.substr(0, end);
  if (first.size() > kMaxManifestBytes) Fail(1, "the manifest is longer than 4 KiB; not a dossier package");
  return ManifestOf(Parse(first, 1));
}

void VerifyPackage(std::string_view bytes, const PublicKey& sender) {
  auto [body, signature] = SplitSignature(bytes);
  if (!Verify(sender, PackageSignedMessage(body), signature))
    Fail(0, "the signature does not verify: the package was altered after signing, or not signed by the partner's key");
}

Package OpenPackage(std::string_view bytes, const PublicKey& sender) {
  VerifyPackage(bytes, sender);
  return ParseVerifiedPackage(bytes);
}

Package ParseVerifiedPackage(std::string_view bytes) {
  const std::string_view body = SplitSignature(bytes).first;
  Package p;
  long line = 0;
  std::size_t pos = 0;
  bool manifest = true;
  while (pos < body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view text = body.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    json j = Parse(text, line);
    if (manifest) {
      p.manifest = ManifestOf(j);
      manifest = false;
    } else if (auto s = j.find("source"); s != j.end() && s->is_object()) {
      if (!p.statements.empty()) Fail(line, "a source after the statements");
      p.sources.push_back(SourceOf(*s, line));
    } else if (auto st = j.find("statement"); st != j.end() && st->is_object()) {
      p.statements.push_back(StatementOf(*st, line));
    } else {
      Fail(line, "neither {\"source\": {...}} nor {\"statement\": {...}}");
    }
  }
  if (manifest) Fail(1, "no manifest");
  if (static_cast<int64_t>(p.sources.size()) != p.manifest.sources ||
      static_cast<int64_t>(p.statements.size()) != p.manifest.statements)
    Fail(0, "the manifest counts " + std::to_string(p.manifest.sources) + " sources and " +
                std::to_string(p.manifest.statements) + " statements; the package holds " +
                std::to_string(p.sources.size()) + " and " + std::to_string(p.statements.size()));
  return p;
}

std::string PackageHash(std::string_view bytes) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
  return model::ToHex(h, sizeof h);
}

}  // namespace dossier::share
