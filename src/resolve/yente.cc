#include "resolve/yente.h"

namespace dossier::resolve {

ScreenQuery QueryFromJson(const nlohmann::json& doc) {
  if (!doc.is_object()) throw QueryError("a query must be a JSON object");
  ScreenQuery q;
  if (doc.contains("id")) {
    const auto& id = doc["id"];
    if (id.is_string()) q.id = id.get<std::string>();
    else if (id.is_number_integer()) q.id = std::to_string(id.get<long long>());
    else throw QueryError("field 'id' must be a string");
  }
  if (doc.contains("schema")) {
    if (!doc["schema"].is_string()) throw QueryError("field 'schema' must be a string");
    q.schema = doc["schema"].get<std::string>();
  }
  if (!doc.contains("properties")) throw QueryError("the query has no 'properties'");
  const auto& props = doc["properties"];
  if (!props.is_object()) throw QueryError("field 'properties' must be an object");
  for (auto it = props.begin(); it != props.end(); ++it) {
    auto& values = q.properties[it.key()];
    auto take = [&](const nlohmann::json& v) {
      if (v.is_string()) values.push_back(v.get<std::string>());
      else if (v.is_number()) values.push_back(v.dump());
      else throw QueryError("property '" + it.key() + "' must hold strings");
    };
    if (it.value().is_array()) {
      for (const auto& v : it.value()) take(v);
    } else {
      take(it.value());
    }
  }
  return q;
}

ScreenQuery QueryFromCsv(const std::vector<std::string>& header, const std::vector<std::string>& row) {
  if (row.size() != header.size())
    throw QueryError("has " + std::to_string(row.size()) + " fields; the header has " + std::to_string(header.size()));
  ScreenQuery q;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& column = header[i];
    const std::string& cell = row[i];
    if (column == "id") q.id = cell;
    else if (column == "schema") {
      if (!cell.empty()) q.schema = cell;
    } else {
      size_t start = 0;
      while (start <= cell.size()) {
        size_t end = cell.find(';', start);
        if (end == std::string::npos) end = cell.size();
        std::string value = cell.substr(start, end - start);
        size_t b = value.find_first_not_of(' '), e = value.find_last_not_of(' ');
        if (b != std::string::npos) q.properties[column].push_back(value.substr(b, e - b + 1));
        start = end + 1;
      }
    }
  }
  return q;
}

nlohmann::json ExplanationsJson(const match::MatchResult& result) {
  nlohmann::json out = nlohmann::json::object();
  if (!result.compatible) {
    out["schema_match"] = {{"score", 0.0}, {"detail", result.schema_detail}};
    return out;
  }
  for (const auto& f : result.features)
    out[std::string(f.name)] = {{"score", f.score},
                                {"detail", f.detail},
                                {"weight", f.weight},
                                {"contribution", f.contribution}};
  return out;
}

nlohmann::json HitJson(const MatchCorpus& corpus, const ScreenHit& hit) {
  const CorpusEntity& e = corpus.entity(hit.entity);
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& [prop, values] : e.properties) properties[prop] = values;
  return {{"id", e.id},
          {"caption", e.caption},
          {"schema", e.schema},
          {"properties", properties},
          {"datasets", e.datasets},
          {"topics", e.topics},
          {"score", hit.result.score},
          {"match", hit.match},
          {"algorithm", hit.result.algorithm},
          {"explanations", ExplanationsJson(hit.result)}};
}

nlohmann::json AnswerJson(const MatchCorpus& corpus, const ScreenAnswer& answer) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : answer.hits) results.push_back(HitJson(corpus, hit));
  nlohmann::json out = {{"id", answer.query_id},
                        {"results", results},
                        {"total", {{"value", answer.hits.size()}, {"relation", "eq"}}}};
  if (!answer.warnings.empty()) out["warnings"] = answer.warnings;
  return out;
}

}  // namespace dossier::resolve
