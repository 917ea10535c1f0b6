// STIX 2.1 bundles (ReadStix, formats.h): identities become persons and
// organisations, relationships become ties, marking definitions (TLP 2.0 ids
// and "statement" definitions holding a banner) become markings, and
// confidence becomes credibility. Every value of an object takes the object's
// marking (the highest of its references); a reference the bundle does not
// define is an error, never a guess. A controlled marking without an originator
// takes the producer's (created_by_ref) when its name is an organisation code;
// the identity of the producer itself is not recorded as an entity. Bundles written by dossier (share/stix.h)
// carry x_dossier_id, x_dossier_schema and x_dossier_properties and read back as
// the same entities.
#include <iterator>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "ingest/error.h"
#include "ingest/formats.h"
#include "model/marking.h"
#include "model/schema.h"

namespace dossier::ingest {
namespace {

using nlohmann::json;

// confidence 0-100 to the nearest credibility (90 -> 1 ... 10 -> 5); 0 (the
// ingest's default) when the object states none.
int CredibilityOf(const json& o) {
  auto it = o.find("confidence");
  if (it == o.end() || !it->is_number()) return 0;
  const double c = it->get<double>();
  return c >= 80 ? 1 : c >= 60 ? 2 : c >= 40 ? 3 : c >= 20 ? 4 : 5;
}

std::string Text(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool IsOrganisationCode(const std::string& s) {
  if (s.empty() || s.size() > 16) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

// "2015-06-01T00:00:00.000Z" -> "2015-06-01".
std::string DateOf(const std::string& t) { return t.size() >= 10 ? t.substr(0, 10) : t; }

std::string SchemaOfRelationship(const std::string& type) {
  static const std::map<std::string, std::string> kTypes = {
      {"ownership", "Ownership"},   {"directorship", "Directorship"}, {"employment", "Employment"},
      {"membership", "Membership"}, {"family", "Family"},             {"associate", "Associate"},
      {"representation", "Representation"}, {"succession", "Succession"}};
  auto it = kTypes.find(type);
  return it == kTypes.end() ? "UnknownLink" : it->second;
}

}  // namespace

void ReadStix(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress) {
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json bundle = json::parse(text, nullptr, false);
  if (bundle.is_discarded()) throw IngestError(file, 0, "", "not valid JSON");
  if (!bundle.is_object() || Text(bundle, "type") != "bundle" || !bundle.contains("objects") ||
      !bundle["objects"].is_array())
    throw IngestError(file, 0, "type", "not a STIX 2.1 bundle (expected {\"type\": \"bundle\", \"objects\": [...]})");
  const json& objects = bundle["objects"];
  const model::Model& model = model::Model::Default();

  // First pass: marking definitions, and the dossier id of every object.
  std::map<std::string, std::string> banners;  // marking-definition id -> banner
  for (auto t : {model::Tlp::kClear, model::Tlp::kGreen, model::Tlp::kAmber, model::Tlp::kAmberStrict, model::Tlp::kRed})
    banners[model::TlpStixId(t)] = model::TlpName(t);
  std::map<std::string, std::string> ids;  // STIX id -> entity id
  std::set<std::string> producers;         // identities named as created_by_ref
  std::map<std::string, std::string> names;  // identity id -> name
  for (const auto& o : objects) {
    if (!o.is_object()) continue;
    const std::string id = Text(o, "id");
    if (Text(o, "type") == "identity") names[id] = Text(o, "name");
    if (!Text(o, "created_by_ref").empty()) producers.insert(Text(o, "created_by_ref"));
    if (Text(o, "type") == "marking-definition") {
      auto d = o.find("definition");
      if (d != o.end() && d->is_object() && d->contains("statement") && (*d)["statement"].is_string())
        banners.emplace(id, (*d)["statement"].get<std::string>());
      else if (d != o.end() && d->is_object() && d->contains("tlp") && (*d)["tlp"].is_string())
        banners.emplace(id, "TLP:" + (*d)["tlp"].get<std::string>());
    } else if (!id.empty()) {
      const std::string own = Text(o, "x_dossier_id");
      ids[id] = own.empty() ? id : own;
    }
  }

  long index = 0;
  for (const auto& o : objects) {
    ++index;
    if (!o.is_object()) throw IngestError(file, index, "objects", "object " + std::to_string(index) + " is not an object");
    const std::string type = Text(o, "type"), stix_id = Text(o, "id");
    if (type != "identity" && type != "relationship") continue;  // other STIX objects say nothing dossier keeps
    // The producer of the bundle is who said it, not what it is about.
    if (type == "identity" && producers.count(stix_id) && Text(o, "x_dossier_id").empty()) continue;
    auto where = [&](const std::string& why) { return "object " + std::to_string(index) + " (" + stix_id + "): " + why; };
    if (stix_id.empty()) throw IngestError(file, index, "id", where("no id"));
    // The object's marking: the highest of its marking references.
    std::string banner;
    if (auto refs = o.find("object_marking_refs"); refs != o.end()) {
      if (!refs->is_array()) throw IngestError(file, index, "object_marking_refs", where("not a list"));
      model::Marking highest;
      bool any = false;
      for (const auto& r : *refs) {
        auto b = r.is_string() ? banners.find(r.get<std::string>()) : banners.end();
        if (b == banners.end())
          throw IngestError(file, index, "object_marking_refs",
                            where("marking " + r.dump() + " is defined neither in the bundle nor by TLP 2.0; "
                                  "dossier will not guess how to protect it"));
        model::Marking m;
        try {
          m = model::Marking::Parse(b->second);
        } catch (const model::MarkingError& e) {
          throw IngestError(file, index, "object_marking_refs", where(e.what()));
        }
        highest = any ? model::Marking::Highest(highest, m) : m;
        any = true;
      }
      // A controlled marking without an originator is its producer's, when the
      // producer's name is an organisation code (as dossier writes it).
      const std::string producer = names[Text(o, "created_by_ref")];
      if (any && highest.originator.empty() && highest.controlled() && IsOrganisationCode(producer))
        highest.originator = producer;
      if (any) banner = highest.Print();
    }
    model::EntityRecord r;
    r.id = ids[stix_id];
    r.line = index;
    r.schema = Text(o, "x_dossier_schema");
    if (r.schema.empty() || !model.Find(r.schema)) {
      if (type == "identity") {
        const std::string cls = Text(o, "identity_class");
        r.schema = cls == "individual" ? "Person" : cls == "organization" ? "Organization" : "LegalEntity";
      } else {
        r.schema = SchemaOfRelationship(Text(o, "relationship_type"));
      }
    }
    if (auto props = o.find("x_dossier_properties"); props != o.end() && props->is_object()) {
      for (const auto& [prop, values] : props->items()) {
        if (!values.is_array()) throw IngestError(file, index, prop, where("x_dossier_properties." + prop + " is not a list"));
        for (const auto& v : values)
          if (v.is_string()) r.Add(prop, v.get<std::string>());
      }
    } else if (type == "identity") {
      r.Add("name", Text(o, "name"));
      r.Add("notes", Text(o, "description"));
    } else {
      const model::Schema* schema = model.Find(r.schema);
      const auto& edge = schema ? schema->edge() : std::nullopt;
      if (!edge) throw IngestError(file, index, "relationship_type", where("schema " + r.schema + " is not a tie"));
      auto end = [&](const char* key) {
        auto it = ids.find(Text(o, key));
        if (it == ids.end()) throw IngestError(file, index, key, where(std::string(key) + " names no object of the bundle"));
        return it->second;
      };
      r.Add(edge->source, end("source_ref"));
      r.Add(edge->target, end("target_ref"));
      r.Add("startDate", DateOf(Text(o, "start_time")));
      r.Add("endDate", DateOf(Text(o, "stop_time")));
      r.Add("description", Text(o, "description"));
    }
    const int credibility = CredibilityOf(o);
    for (auto& v : r.values) {
      v.marking = banner;
      v.credibility = credibility;
    }
    if (!r.values.empty()) sink(std::move(r));
    if (progress) progress(static_cast<uint64_t>(text.size()) * static_cast<uint64_t>(index) / objects.size());
  }
}

}  // namespace dossier::ingest
