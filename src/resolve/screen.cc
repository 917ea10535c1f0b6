#include "resolve/screen.h"

#include <algorithm>

#include "model/schema.h"

namespace dossier::resolve {

std::optional<std::string> InvalidQuery(const ScreenQuery& query) {
  const model::Schema* schema = model::Model::Default().Find(query.schema);
  if (!schema) return "unknown schema '" + query.schema + "'";
  for (const auto& [prop, values] : query.properties) {
    if (!schema->Find(prop)) return "schema " + query.schema + " has no property '" + prop + "'";
    for (const auto& v : values)
      if (v.size() > 10000) return "a value of '" + prop + "' is longer than 10,000 bytes";
  }
  return std::nullopt;
}

bool PassesFilters(const CorpusEntity& entity, const ScreenOptions& options) {
  if (!options.datasets.empty()) {
    bool any = false;
    for (const auto& d : options.datasets) any = any || std::binary_search(entity.datasets.begin(), entity.datasets.end(), d);
    if (!any) return false;
  }
  if (!options.topics.empty()) {
    bool any = false;
    for (const auto& t : options.topics) {
      if (t.size() > 2 && t.compare(t.size() - 2, 2, ".*") == 0) {
        std::string family = t.substr(0, t.size() - 1);  // "role."
        for (const auto& have : entity.topics) any = any || have.compare(0, family.size(), family) == 0;
      } else {
        any = any || entity.topics.count(t) > 0;
      }
    }
    if (!any) return false;
  }
  return true;
}

ScreenAnswer Screen(const MatchCorpus& corpus, const ScreenQuery& query, const ScreenOptions& options,
                    const match::Scorer& scorer) {
  ScreenAnswer answer;
  answer.query_id = query.id;
  match::MatchRecord record = match::BuildMatchRecord(query.schema, query.properties);
  if (record.names.empty()) {
    answer.warnings.push_back("the query has no name with letters or digits; screening matches on names");
    return answer;
  }
  std::vector<match::NormalisedName> names;
  for (const auto& n : record.names) names.push_back(n.name);
  match::QueryOptions q;
  // Filters drop candidates after the index has chosen them: ask it for more.
  const bool filtered = !options.datasets.empty() || !options.topics.empty();
  q.limit = std::max(options.candidates, options.limit) * (filtered ? 8 : 1);
  auto candidates = corpus.index().Query(names, match::QueryClassesOfSchema(query.schema), q);
  for (const auto& c : candidates) {
    const CorpusEntity& e = corpus.entity(c.entity);
    if (!PassesFilters(e, options)) continue;
    match::MatchResult result = scorer.Score(record, e.record);
    if (!result.compatible || result.score < options.min_score) continue;
    ScreenHit hit;
    hit.entity = c.entity;
    hit.match = result.score >= options.threshold;
    hit.result = std::move(result);
    answer.hits.push_back(std::move(hit));
  }
  std::sort(answer.hits.begin(), answer.hits.end(), [&](const ScreenHit& a, const ScreenHit& b) {
    if (a.result.score != b.result.score) return a.result.score > b.result.score;
    return corpus.entity(a.entity).id < corpus.entity(b.entity).id;
  });
  if (answer.hits.size() > options.limit) answer.hits.resize(options.limit);
  return answer;
}

}  // namespace dossier::resolve
