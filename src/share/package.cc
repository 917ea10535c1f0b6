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

// `s` as a JSON string. Written by hand because a package holds millions of
// statements and building a json object for each costs most of an export;
// text that is not valid UTF-8 goes through nlohmann (invalid bytes replaced).
void AppendJsonString(std::string& out, std::string_view s) {
  bool plain = true;
  for (unsigned char c : s) plain = plain && c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  if (!plain) {
    bool valid = true;
    for (std::size_t i = 0; i < s.size() && valid;) {
      const auto c = static_cast<unsigned char>(s[i]);
      const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      valid = n > 0 && i + n <= s.size() && c != 0xC0 && c != 0xC1 && c <= 0xF4;
      for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
      if (valid && n > 2) {  // no overlong forms, surrogates, or code points past U+10FFFF
        const auto d = static_cast<unsigned char>(s[i + 1]);
        valid = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0) && !(c == 0xF0 && d < 0x90) &&
                !(c == 0xF4 && d >= 0x90);
      }
      i += std::max<std::size_t>(n, 1);
    }
    if (!valid) {
      out += Dump(json(std::string(s)));
      return;
    }
  }
  out += '"';
  if (plain) {
    out.append(s);
  } else {
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20) {
        static const char* kHex = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += ch;
      }
    }
  }
  out += '"';
}

void AppendField(std::string& out, const char* key, std::string_view value, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
  AppendJsonString(out, value);
}

// {"statement": {...}} on one line, the fields as StatementOf reads them.
void AppendStatementLine(std::string& out, const PackageStatement& s) {
  out += "{\"statement\":{";
  AppendField(out, "entity_id", s.entity_id, true);
  AppendField(out, "schema", s.schema);
  AppendField(out, "prop", s.prop);
  AppendField(out, "value", s.value);
  AppendField(out, "source", s.source);
  out += ",\"credibility\":";
  out += std::to_string(s.credibility);
  AppendField(out, "marking", s.marking);
  if (!s.original_value.empty()) AppendField(out, "original_value", s.original_value);
  if (!s.lang.empty()) AppendField(out, "lang", s.lang);
  if (!s.first_seen.empty()) AppendField(out, "first_seen", s.first_seen);
  if (!s.last_seen.empty()) AppendField(out, "last_seen", s.last_seen);
  out += "}}\n";
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
  for (const auto& s : package.statements) AppendStatementLine(body, s);
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
