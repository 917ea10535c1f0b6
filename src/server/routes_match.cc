// Screening in yente's shapes (POST /match/{dataset}), cross-referencing
// suggestions for review, and judgements. The reader's match corpus is built
// once per store generation (Engine::Corpus) and shared by their requests.
#include <fmt/format.h>

#include <algorithm>

#include "query/judgements.h"
#include "resolve/screen.h"
#include "resolve/xref.h"
#include "resolve/yente.h"
#include "server/call.h"

namespace dossier::server {
namespace {

constexpr std::size_t kMaxQueries = 100;

nlohmann::json PropertiesJson(const match::PropertyMap& properties) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [prop, values] : properties) j[prop] = values;
  return j;
}

nlohmann::json EntitySummary(const resolve::CorpusEntity& e) {
  return {{"id", e.id},
          {"caption", e.caption},
          {"schema", e.schema},
          {"datasets", e.datasets},
          {"topics", std::vector<std::string>(e.topics.begin(), e.topics.end())},
          {"properties", PropertiesJson(e.properties)}};
}

}  // namespace

Response MatchRoute(Call& c) {
  const std::string dataset = c.captures[0];
  const int limit = c.Int("limit", 5, 1, 500);
  const double threshold = c.Number("threshold", 0.7, 0, 1);
  const auto topics = c.List("topics");
  c.audit_action = "screen";
  const nlohmann::json body = c.JsonBody();
  auto queries = body.find("queries");
  if (queries == body.end() || !queries->is_object() || queries->empty())
    throw HttpError(400, "field 'queries' must be an object naming at least one query");
  if (queries->size() > kMaxQueries)
    throw HttpError(400, fmt::format("at most {} queries a request (this one has {})", kMaxQueries, queries->size()));

  auto& view = c.View();
  resolve::ScreenOptions options;
  options.threshold = threshold;
  options.limit = static_cast<std::size_t>(limit);
  options.topics = topics;
  if (dataset != "default") {
    // An unknown dataset and one the reader may not see answer alike.
    const auto sources = view.Sources();
    if (std::none_of(sources.begin(), sources.end(), [&](const model::Source& s) { return s.id == dataset; }))
      throw query::QueryError(query::QueryError::kNotFound, "no dataset '" + dataset + "' (use 'default' for everything)");
    options.datasets = {dataset};
  }
  const auto corpus = c.engine.Corpus(view);

  nlohmann::json responses = nlohmann::json::object();
  nlohmann::json audit_answers = nlohmann::json::array();
  int64_t shown = 0;
  for (const auto& [name, doc] : queries->items()) {
    resolve::ScreenQuery q;
    std::optional<std::string> bad;
    try {
      q = resolve::QueryFromJson(doc);
      bad = resolve::InvalidQuery(q);
    } catch (const resolve::QueryError& e) {
      bad = e.what();
    }
    if (bad) {
      responses[name] = {{"status", 400}, {"error", "query '" + name + "': " + *bad}, {"query", doc}};
      continue;
    }
    q.id = name;
    const resolve::ScreenAnswer answer = resolve::Screen(*corpus, q, options);
    nlohmann::json r = resolve::AnswerJson(*corpus, answer);
    r["status"] = 200;
    r["query"] = doc;
    responses[name] = std::move(r);
    nlohmann::json results = nlohmann::json::array();
    for (const auto& h : answer.hits) results.push_back({corpus->entity(h.entity).id, h.result.score});
    shown += static_cast<int64_t>(answer.hits.size());
    audit_answers.push_back({{"query", name}, {"schema", q.schema}, {"properties", PropertiesJson(q.properties)},
                             {"results", results}});
  }
  c.audit_detail = {{"dataset", dataset}, {"threshold", threshold}, {"topics", topics}, {"answers", audit_answers}};
  c.audit_results = shown;
  return JsonResponse({{"responses", responses}, {"limit", limit}});
}

Response XrefRoute(Call& c) {
  resolve::XrefOptions options;
  options.limit = static_cast<std::size_t>(c.Int("limit", 50, 1, 1000));
  options.threshold = c.Number("min_score", 0.7, 0, 1);
  options.datasets = c.List("datasets");
  options.against = c.List("against");
  options.threads = 1;  // a request gets one core; the pool serves others
  c.audit_action = "xref";
  auto& view = c.View();
  const auto corpus = c.engine.Corpus(view);
  resolve::JudgedPairs judged;
  for (const auto& j : view.store().Judgements()) judged.insert({std::min(j.a, j.b), std::max(j.a, j.b)});
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : resolve::Xref(*corpus, judged, options)) {
    list.push_back({{"a", EntitySummary(corpus->entity(p.a))},
                    {"b", EntitySummary(corpus->entity(p.b))},
                    {"score", p.result.score},
                    {"explanations", resolve::ExplanationsJson(p.result)}});
  }
  c.audit_detail = {{"threshold", options.threshold}, {"datasets", options.datasets}, {"against", options.against}};
  c.audit_results = static_cast<int64_t>(list.size());
  return JsonResponse({{"suggestions", list}});
}

Response JudgementRoute(Call& c) {
  const nlohmann::json body = c.JsonBody();
  const std::string a = StringField(body, "a", true), b = StringField(body, "b", true);
  std::string verdict = StringField(body, "judgement", false);
  if (verdict.empty()) verdict = StringField(body, "verdict", false);
  bool undo = false;
  if (body.contains("undo")) {
    if (!body["undo"].is_boolean()) throw HttpError(400, "field 'undo' must be true or false");
    undo = body["undo"].get<bool>();
  }
  if (!undo && verdict.empty()) throw HttpError(400, "field 'judgement' is required: positive, negative or unsure");
  nlohmann::json j = query::Judge(c.View(), a, b, verdict, undo);
  c.engine.Changed();
  return JsonResponse(j);
}

}  // namespace dossier::server
