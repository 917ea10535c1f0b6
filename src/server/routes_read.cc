// Routes that read: who am I, sign-in, sources, search, entities and their ties,
// paths, exposure, networks. Every answer is the reader's (Call::session).
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "access/credentials.h"
#include "query/links.h"
#include "query/render.h"
#include "server/call.h"

namespace dossier::server {
namespace {

query::TieQuery TiesOf(const Call& c) {
  query::TieQuery q;
  q.relations = c.List("relation");
  q.min_grading = c.Text("min_grading");
  q.as_of = c.Text("as_of");
  return q;
}

std::string IsoTime(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Response Me(Call& c) {
  const auto& reader = c.View().reader();
  const auto& scheme = reader.scheme();
  if (reader.sees_everything())
    return JsonResponse({{"user", ""}, {"organisation", ""}, {"country", ""}, {"clearance", scheme.Name(scheme.Highest())},
                         {"role", "admin"}, {"sees_everything", true}, {"admin", true}});
  return JsonResponse({{"user", reader.name()},
                       {"organisation", reader.organisation().code},
                       {"country", reader.organisation().country},
                       {"clearance", scheme.Name(reader.user().clearance)},
                       {"compartments", reader.user().compartments},
                       {"role", reader.user().role},
                       {"sees_everything", false},
                       {"admin", c.admin}});
}

Response Login(Call& c) {
  const nlohmann::json body = c.JsonBody();
  const std::string user = StringField(body, "user", true);
  const std::string password = StringField(body, "password", true);
  std::string name;
  try {
    name = access::CheckPassword(c.worker.store(), user, password);
  } catch (const access::AuthenticationError&) {
    c.engine.audit().Add({user, "login", nlohmann::json{{"outcome", "refused"}}.dump(), 0});
    throw HttpError(401, "bad credentials");
  }
  const auto issued = c.sessions.Open(name);
  c.engine.audit().Add({name, "login", nlohmann::json{{"outcome", "ok"}}.dump(), 1});
  return JsonResponse({{"token", issued.token}, {"user", name}, {"expires", IsoTime(issued.expires)}});
}

Response Logout(Call& c) {
  const std::string auth = c.request.Header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) c.sessions.Close(auth.substr(7));
  return JsonResponse({{"signed_out", true}});
}

Response SourcesRoute(Call& c) {
  c.audit_action = "sources";
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : c.View().Sources())
    list.push_back({{"id", s.id}, {"title", s.title}, {"kind", s.kind}, {"originator", s.originator},
                    {"publisher", s.publisher}, {"url", s.url}, {"date", s.date},
                    {"reliability", std::string(1, s.reliability)}, {"protected", s.is_protected}});
  c.audit_results = static_cast<int64_t>(list.size());
  return JsonResponse({{"sources", list}});
}

Response SearchRoute(Call& c) {
  const std::string q = c.RequiredText("q");
  const std::string schema = c.Text("schema");
  const int limit = c.Int("limit", 10, 1, 100);
  c.audit_action = "search";
  c.audit_detail = {{"q", q}, {"schema", schema}};
  if (!schema.empty() && !model::Model::Default().Find(schema)) throw HttpError(400, "unknown schema '" + schema + "'");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : c.View().Search(q, schema, static_cast<std::size_t>(limit)))
    list.push_back({{"id", r.id}, {"caption", r.caption}, {"schema", r.schema}, {"score", r.score}, {"matched", r.matched}});
  c.audit_results = static_cast<int64_t>(list.size());
  return JsonResponse({{"query", q}, {"results", list}});
}

Response EntityRoute(Call& c) {
  const std::string& id = c.captures[0];
  c.audit_action = "show";
  c.audit_detail = {{"id", id}};
  auto& view = c.View();
  std::string resolved;
  try {
    resolved = view.Resolve(id);
  } catch (const access::AccessError& e) {
    throw query::QueryError(query::QueryError::kNotFound, e.what());
  }
  auto e = view.Get(resolved);
  if (!e) throw query::QueryError(query::QueryError::kNotFound, "no entity with id or name '" + id + "'");
  c.audit_results = 1;
  return JsonResponse(query::EntityJson(view, *e));
}

Response AdjacentRoute(Call& c) {
  c.audit_action = "adjacent";
  c.audit_detail = {{"id", c.captures[0]}};
  auto j = query::AdjacentJson(*c.session, c.captures[0], TiesOf(c));
  c.audit_results = static_cast<int64_t>(j["ties"].size());
  return JsonResponse(j);
}

Response NeighboursRoute(Call& c) {
  const int hops = c.Int("hops", 1, 1, 6);
  c.audit_action = "neighbours";
  c.audit_detail = {{"id", c.captures[0]}, {"hops", hops}};
  auto j = query::NeighboursJson(*c.session, c.captures[0], hops, c.Text("schema"), TiesOf(c));
  c.audit_results = j["count"].get<int64_t>();
  return JsonResponse(j);
}

Response ExposureRoute(Call& c) {
  const int max_hops = c.Int("max_hops", 2, 1, 6);
  const auto topics = c.List("topics");
  c.audit_action = "exposure";
  c.audit_detail = {{"id", c.captures[0]}, {"max_hops", max_hops}, {"topics", topics}};
  auto j = query::ExposureJson(*c.session, c.captures[0], topics, max_hops, TiesOf(c));
  c.audit_results = j["count"].get<int64_t>();
  return JsonResponse(j);
}

Response PathsRoute(Call& c) {
  const std::string from = c.RequiredText("from"), to = c.RequiredText("to");
  query::PathQuery q;
  q.max_hops = c.Int("max_hops", 6, 1, 12);
  q.k = static_cast<std::size_t>(c.Int("k", 1, 1, 20));
  q.weighted = c.Flag("weighted");
  q.time_ordered = c.Flag("time_ordered");
  q.ties = TiesOf(c);
  c.audit_action = "path";
  c.audit_detail = {{"from", from}, {"to", to}, {"max_hops", q.max_hops}, {"k", q.k}};
  auto j = query::PathsJson(*c.session, from, to, q);
  c.audit_results = j.contains("paths") ? j["count"].get<int64_t>() : (j["length"].is_null() ? 0 : 1);
  return JsonResponse(j);
}

Response NetworkRoute(Call& c) {
  const auto ids = c.List("ids");
  const int max_hops = c.Int("max_hops", 3, 1, 6);
  if (ids.size() > 50) throw HttpError(400, "parameter 'ids': at most 50 entities");
  c.audit_action = "network";
  c.audit_detail = {{"ids", ids}, {"max_hops", max_hops}};
  auto j = query::NetworkJson(*c.session, ids, max_hops, TiesOf(c));
  c.audit_results = static_cast<int64_t>(j["nodes"].size());
  return JsonResponse(j);
}

}  // namespace dossier::server
