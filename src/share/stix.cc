#include "share/stix.h"

#include <sodium.h>

#include <algorithm>
#include <map>

#include "model/hex.h"
#include "model/schema.h"
#include "model/statement.h"

namespace dossier::share {
namespace {

using nlohmann::json;

// "2026-11-29T18:24:41" (or a date) -> "2026-11-29T18:24:41.000Z".
std::string Timestamp(std::string t) {
  if (t.empty()) return "1970-01-01T00:00:00.000Z";
  if (t.size() == 4) t += "-01";  // an ISO prefix: its first day
  if (t.size() == 7) t += "-01";
  if (t.size() == 10) t += "T00:00:00";
  if (t.size() == 19) t += ".000Z";
  return t;
}

std::string RelationshipType(const std::string& schema) {
  std::string out;
  for (char c : schema) {
    if (std::isupper(static_cast<unsigned char>(c)) && !out.empty()) out += '-';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

struct Object {
  std::string schema;
  std::map<std::string, std::vector<std::string>> properties;
  int best_credibility = 6;
  model::Marking marking;
  bool any_marking = false;
  std::string first_seen, last_seen;
};

}  // namespace

std::string StixId(const std::string& type, const std::string& key) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  h[6] = static_cast<unsigned char>((h[6] & 0x0F) | 0x50);  // version 5 layout
  h[8] = static_cast<unsigned char>((h[8] & 0x3F) | 0x80);  // RFC 4122 variant
  const std::string hex = model::ToHex(h, sizeof h);
  return type + "--" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) +
         "-" + hex.substr(20, 12);
}

int ConfidenceOf(int credibility) {
  static constexpr int kConfidence[] = {-1, 90, 70, 50, 30, 10, -1};
  return credibility >= 1 && credibility <= 6 ? kConfidence[credibility] : -1;
}

StixExport StixBundle(const std::vector<PackageStatement>& statements, const std::string& producer,
                      const model::ClassificationScheme& scheme) {
  const model::Model& model = model::Model::Default();
  std::map<std::string, Object> objects;  // by dossier entity id, in id order
  for (const auto& s : statements) {
    Object& o = objects[s.entity_id];
    o.schema = s.schema;
    if (s.prop != model::kIdProperty) o.properties[s.prop].push_back(s.value);
    o.best_credibility = std::min(o.best_credibility, s.credibility);
    const model::Marking m = model::Marking::Parse(s.marking, scheme);
    o.marking = o.any_marking ? model::Marking::Highest(o.marking, m) : m;
    o.any_marking = true;
    if (!s.first_seen.empty() && (o.first_seen.empty() || s.first_seen < o.first_seen)) o.first_seen = s.first_seen;
    if (s.last_seen > o.last_seen) o.last_seen = s.last_seen;
  }
  StixExport out;
  json list = json::array();
  std::map<std::string, json> definitions;  // banner -> marking-definition
  std::string producer_ref;
  if (!producer.empty()) {
    producer_ref = StixId("identity", "organisation:" + producer);
    list.push_back({{"type", "identity"}, {"spec_version", "2.1"}, {"id", producer_ref},
                    {"created", Timestamp("")}, {"modified", Timestamp("")}, {"name", producer},
                    {"identity_class", "organization"}});
  }
  auto common = [&](json& j, const std::string& entity_id, const Object& o) {
    j["spec_version"] = "2.1";
    j["created"] = Timestamp(o.first_seen);
    j["modified"] = Timestamp(o.last_seen.empty() ? o.first_seen : o.last_seen);
    if (!producer_ref.empty()) j["created_by_ref"] = producer_ref;
    const int confidence = ConfidenceOf(o.best_credibility);
    if (confidence >= 0) j["confidence"] = confidence;
    json refs = json::array();
    if (o.marking.tlp != model::Tlp::kNone) refs.push_back(model::TlpStixId(o.marking.tlp));
    model::Marking classification = o.marking;
    classification.tlp = model::Tlp::kNone;
    if (classification.controlled()) {
      const std::string banner = classification.Print(scheme);
      const std::string id = StixId("marking-definition", "banner:" + banner);
      definitions.emplace(banner, json{{"type", "marking-definition"}, {"spec_version", "2.1"}, {"id", id},
                                       {"created", Timestamp("")}, {"name", banner},
                                       {"definition_type", "statement"}, {"definition", {{"statement", banner}}}});
      refs.push_back(id);
    }
    if (!refs.empty()) j["object_marking_refs"] = refs;
    j["x_dossier_id"] = entity_id;
    j["x_dossier_schema"] = o.schema;
    j["x_dossier_marking"] = o.marking.Print(scheme);
    j["x_dossier_properties"] = o.properties;
  };
  // Identities first, so that relationships can name them.
  std::map<std::string, std::string> identity_of;
  for (const auto& [id, o] : objects) {
    const model::Schema* schema = model.Find(o.schema);
    if (!schema || !schema->IsA("LegalEntity")) continue;
    json j = {{"type", "identity"}, {"id", StixId("identity", id)}};
    auto names = o.properties.find("name");
    j["name"] = names != o.properties.end() && !names->second.empty() ? names->second.front() : id;
    j["identity_class"] = schema->IsA("Person") ? "individual" : "organization";
    common(j, id, o);
    identity_of[id] = j["id"];
    list.push_back(std::move(j));
    ++out.identities;
  }
  for (const auto& [id, o] : objects) {
    const model::Schema* schema = model.Find(o.schema);
    if (schema && schema->IsA("LegalEntity")) continue;
    const auto& edge = schema ? schema->edge() : std::nullopt;
    const auto& properties = o.properties;  // a name, not a binding: clang 14 cannot capture those
    auto end = [&](const std::string& prop) -> std::string {
      auto it = properties.find(prop);
      if (it == properties.end() || it->second.empty()) return {};
      auto ref = identity_of.find(it->second.front());
      return ref == identity_of.end() ? std::string() : ref->second;
    };
    const std::string from = edge ? end(edge->source) : "", to = edge ? end(edge->target) : "";
    if (from.empty() || to.empty()) {
      ++out.skipped_entities;
      continue;
    }
    json j = {{"type", "relationship"}, {"id", StixId("relationship", id)}, {"relationship_type", RelationshipType(o.schema)},
              {"source_ref", from}, {"target_ref", to}};
    if (auto s = o.properties.find("startDate"); s != o.properties.end()) j["start_time"] = Timestamp(s->second.front());
    if (auto e = o.properties.find("endDate"); e != o.properties.end()) j["stop_time"] = Timestamp(e->second.front());
    common(j, id, o);
    list.push_back(std::move(j));
    ++out.relationships;
  }
  for (auto& [banner, d] : definitions) list.push_back(std::move(d));
  unsigned char nonce[16];
  randombytes_buf(nonce, sizeof nonce);
  out.bundle = {{"type", "bundle"}, {"id", StixId("bundle", model::ToHex(nonce, sizeof nonce))}, {"objects", list}};
  return out;
}

}  // namespace dossier::share
