#include "analysis/linker.h"

#include <map>
#include <set>

#include "model/schema.h"
#include "text/fold.h"

namespace dossier::analysis {
namespace {

struct Candidate {
  std::string id, schema;
  std::set<std::string> sources;
  std::set<std::string> birth_years;
};

bool KeyUsable(const std::string& key, bool organisation) {
  if (key.empty()) return false;
  bool several_words = key.find(' ') != std::string::npos;
  // A one-word person name ("Madonna") is too weak; a distinctive one-word
  // organisation name ("Rosneft") is how companies are known.
  return several_words || (organisation && key.size() >= 5);
}

}  // namespace

std::vector<Link> ProposeLinks(access::View& view) {
  const model::Model& model = model::Model::Default();
  std::map<std::string, Candidate> entities;
  view.Scan([&](const store::StoredStatement& s) {
    const model::Schema* schema = model.Find(s.schema);
    if (!schema || !schema->IsA("LegalEntity")) return;
    auto& c = entities[s.entity_id];
    c.id = s.entity_id;
    c.schema = s.schema;
    c.sources.insert(s.source_id);
    if (s.prop == "birthDate") c.birth_years.insert(s.value.substr(0, 4));
  });
  // key -> source -> entities holding the key
  std::map<std::string, std::map<std::string, std::set<std::string>>> by_key;
  view.Scan([&](const store::StoredStatement& s) {
    if (s.prop != "name" && s.prop != "alias") return;
    auto it = entities.find(s.entity_id);
    if (it == entities.end()) return;
    const model::Schema* schema = model.Find(it->second.schema);
    std::string key = text::NameKey(s.value);
    if (!KeyUsable(key, schema && !schema->IsA("Person"))) return;
    by_key[key][s.source_id].insert(s.entity_id);
  });
  std::vector<Link> links;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [key, per_source] : by_key) {
    if (per_source.size() < 2) continue;
    std::vector<std::string> ids;
    bool unique = true;
    for (const auto& [source, ids_here] : per_source) {
      if (ids_here.size() != 1) unique = false;
      ids.push_back(*ids_here.begin());
    }
    if (!unique) continue;
    for (size_t i = 1; i < ids.size(); ++i) {
      const auto& a = entities[ids[0]];
      const auto& b = entities[ids[i]];
      if (a.id == b.id || !model.Common(a.schema, b.schema)) continue;
      if (!a.birth_years.empty() && !b.birth_years.empty()) {
        bool agree = false;
        for (const auto& y : a.birth_years) agree |= b.birth_years.count(y) > 0;
        if (!agree) continue;
      }
      auto pair = std::minmax(a.id, b.id);
      if (seen.insert({pair.first, pair.second}).second) links.push_back(Link{pair.first, pair.second, key});
    }
  }
  return links;
}

int RecordLinks(store::Store& store, const std::vector<Link>& links, const std::string& user) {
  std::set<std::pair<std::string, std::string>> existing;
  for (const auto& j : store.Judgements()) existing.insert({j.a, j.b});
  int added = 0;
  for (const auto& l : links) {
    if (existing.count({l.a, l.b})) continue;
    store.PutJudgement(store::Judgement{l.a, l.b, "positive", user, ""});
    ++added;
  }
  return added;
}

}  // namespace dossier::analysis
