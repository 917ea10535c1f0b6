#include "resolve/corpus.h"

#include <algorithm>
#include <map>

#include "model/schema.h"
#include "model/statement.h"

namespace dossier::resolve {

bool Matchable(const std::string& schema) {
  const model::Schema* s = model::Model::Default().Find(schema);
  return s && (s->IsA("LegalEntity") || s->IsA("Vessel"));
}

std::unique_ptr<MatchCorpus> MatchCorpus::Build(access::View& view,
                                                const std::function<void(size_t, size_t)>& progress) {
  const model::Model& model = model::Model::Default();
  auto corpus = std::make_unique<MatchCorpus>();

  // One pass over what the reader sees, gathered by cluster. Sanctions are
  // remembered by the entity they name and applied once every entity is known.
  struct Gathered {
    std::string schema;
    std::set<std::string> members, datasets, topics;
    match::PropertyMap properties;
  };
  std::map<std::string, Gathered> by_cluster;
  std::set<std::string> sanctioned;  // cluster ids named by a visible Sanction
  std::map<std::string, std::string> dataset_names;  // source id -> as the reader may know it
  view.Scan([&](const store::StoredStatement& s) {
    if (s.schema == "Sanction" && s.prop == "entity") {
      sanctioned.insert(view.Canonical(s.value));
      return;
    }
    if (!Matchable(s.schema)) return;
    Gathered& g = by_cluster[view.Canonical(s.entity_id)];
    // The most specific schema wins (Company over LegalEntity); unrelated ones
    // keep the first seen, as the view does for Get().
    if (g.schema.empty()) g.schema = s.schema;
    else if (const model::Schema* common = model.Common(g.schema, s.schema)) g.schema = common->name();
    g.members.insert(s.entity_id);
    auto name = dataset_names.find(s.source_id);
    if (name == dataset_names.end()) name = dataset_names.emplace(s.source_id, view.SourceOf(s).id).first;
    g.datasets.insert(name->second);
    if (s.prop == model::kIdProperty) return;
    if (s.prop == "topics") g.topics.insert(s.value);
    auto& values = g.properties[s.prop];
    if (std::find(values.begin(), values.end(), s.value) == values.end()) values.push_back(s.value);
  });

  corpus->entities_.reserve(by_cluster.size());
  size_t done = 0;
  for (auto& [id, g] : by_cluster) {
    CorpusEntity e;
    e.id = id;
    e.schema = g.schema;
    e.members.assign(g.members.begin(), g.members.end());
    e.datasets.assign(g.datasets.begin(), g.datasets.end());
    e.topics = std::move(g.topics);
    if (sanctioned.count(id)) e.topics.insert("sanction");
    e.properties = std::move(g.properties);
    e.record = match::BuildMatchRecord(e.schema, e.properties);
    e.caption = access::CaptionOf(
        [&](std::string_view prop) {
          auto it = e.properties.find(prop);
          return it == e.properties.end() ? std::vector<std::string>{} : it->second;
        },
        id);
    const auto n = static_cast<uint32_t>(corpus->entities_.size());
    std::vector<match::NormalisedName> names;
    for (const auto& rn : e.record.names) names.push_back(rn.name);
    corpus->index_.Add(n, match::ClassOfSchema(e.schema), names);
    corpus->by_id_.emplace(e.id, n);
    for (const auto& m : e.members) corpus->by_id_.emplace(m, n);
    corpus->entities_.push_back(std::move(e));
    if (progress && (++done % 4096 == 0)) progress(done, by_cluster.size());
  }
  corpus->index_.Compact();
  if (progress) progress(by_cluster.size(), by_cluster.size());
  return corpus;
}

std::optional<uint32_t> MatchCorpus::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dossier::resolve
