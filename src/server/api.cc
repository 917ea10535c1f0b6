#include "server/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "access/credentials.h"
#include "ingest/error.h"
#include "model/marking.h"
#include "server/call.h"
#include "store/sqlite.h"

namespace dossier::server {

// ---- requests and responses ---------------------------------------------------------

std::string Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

Response JsonResponse(const nlohmann::json& doc, int status) {
  Response r;
  r.status = status;
  r.body = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response ErrorResponse(int status, const std::string& message) {
  return JsonResponse({{"status", status}, {"error", message}}, status);
}

// ---- parameters -----------------------------------------------------------------------

std::string Call::Text(const std::string& name, const std::string& fallback) const {
  auto it = request.params.find(name);
  return it == request.params.end() ? fallback : it->second;
}

std::string Call::RequiredText(const std::string& name) const {
  std::string v = Text(name);
  if (v.empty()) throw HttpError(400, "parameter '" + name + "' is required");
  return v;
}

int Call::Int(const std::string& name, int fallback, int min, int max) const {
  auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return fallback;
  const std::string& v = it->second;
  int out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size())
    throw HttpError(400, "parameter '" + name + "': '" + v + "' is not a whole number");
  if (out < min || out > max) throw HttpError(400, fmt::format("parameter '{}' must be between {} and {}", name, min, max));
  return out;
}

double Call::Number(const std::string& name, double fallback, double min, double max) const {
  auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return fallback;
  const std::string& v = it->second;
  double out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || !(out == out))
    throw HttpError(400, "parameter '" + name + "': '" + v + "' is not a number");
  if (out < min || out > max) throw HttpError(400, fmt::format("parameter '{}' must be between {} and {}", name, min, max));
  return out;
}

bool Call::Flag(const std::string& name) const {
  const std::string v = Text(name);
  if (v.empty() || v == "false" || v == "0") return false;
  if (v == "true" || v == "1") return true;
  throw HttpError(400, "parameter '" + name + "' must be true or false");
}

std::vector<std::string> Call::List(const std::string& name) const {
  std::vector<std::string> out;
  auto [first, last] = request.params.equal_range(name);
  for (auto it = first; it != last; ++it) {
    std::string item;
    std::istringstream in(it->second);
    while (std::getline(in, item, ','))
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

nlohmann::json Call::JsonBody() const {
  if (request.body.size() > options.max_json_body)
    throw HttpError(413, fmt::format("the JSON body is over {} bytes", options.max_json_body));
  nlohmann::json doc = nlohmann::json::parse(request.body, nullptr, false);
  if (doc.is_discarded()) throw HttpError(400, "the body is not valid JSON");
  if (!doc.is_object()) throw HttpError(400, "the body must be a JSON object");
  return doc;
}

void Call::RequireAdmin(const char* what) const {
  if (!admin) throw HttpError(403, std::string("only an administrator may ") + what);
}

void Call::RequireWriter(const char* what) const {
  if (session && session->View().reader().user().role == "reader")
    throw HttpError(403, std::string("readers may not ") + what);
}

std::string StringField(const nlohmann::json& body, const std::string& field, bool required) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) {
    if (required) throw HttpError(400, "field '" + field + "' is required");
    return "";
  }
  if (!it->is_string()) throw HttpError(400, "field '" + field + "' must be a string");
  return it->get<std::string>();
}

// ---- routing --------------------------------------------------------------------------

namespace {

using Handler = Response (*)(Call&);

enum class Needs { kNothing, kReader };

struct Route {
  const char* method;
  const char* pattern;  // segments; "{x}" captures one
  Handler handler;
  Needs needs;
};

const Route kRoutes[] = {
    {"POST", "/api/login", Login, Needs::kNothing},
    {"POST", "/api/logout", Logout, Needs::kReader},
    {"GET", "/api/me", Me, Needs::kReader},
    {"GET", "/api/sources", SourcesRoute, Needs::kReader},
    {"GET", "/api/search", SearchRoute, Needs::kReader},
    {"GET", "/api/entities/{id}", EntityRoute, Needs::kReader},
    {"GET", "/api/entities/{id}/adjacent", AdjacentRoute, Needs::kReader},
    {"GET", "/api/entities/{id}/neighbours", NeighboursRoute, Needs::kReader},
    {"GET", "/api/entities/{id}/exposure", ExposureRoute, Needs::kReader},
    {"GET", "/api/paths", PathsRoute, Needs::kReader},
    {"GET", "/api/network", NetworkRoute, Needs::kReader},
    {"POST", "/match/{dataset}", MatchRoute, Needs::kReader},
    {"GET", "/api/xref", XrefRoute, Needs::kReader},
    {"POST", "/api/judgements", JudgementRoute, Needs::kReader},
    {"POST", "/api/ingest", IngestRoute, Needs::kReader},
    {"GET", "/api/jobs/{id}", JobRoute, Needs::kReader},
    {"GET", "/api/export", ExportRoute, Needs::kReader},
    {"POST", "/api/import", ImportRoute, Needs::kReader},
    {"GET", "/api/audit", AuditRoute, Needs::kReader},
    {"GET", "/taxii2/", TaxiiDiscovery, Needs::kReader},
    {"GET", "/taxii2/dossier/", TaxiiApiRoot, Needs::kReader},
    {"GET", "/taxii2/dossier/collections/", TaxiiCollections, Needs::kReader},
    {"GET", "/taxii2/dossier/collections/{id}/", TaxiiCollection, Needs::kReader},
    {"GET", "/taxii2/dossier/collections/{id}/objects/", TaxiiObjects, Needs::kReader},
    {"POST", "/taxii2/dossier/collections/{id}/objects/", TaxiiAddObjects, Needs::kReader},
    {"GET", "/taxii2/dossier/collections/{id}/objects/{object}/", TaxiiObject, Needs::kReader},
    {"GET", "/taxii2/dossier/collections/{id}/manifest/", TaxiiManifest, Needs::kReader},
    {"GET", "/taxii2/dossier/status/{id}/", TaxiiStatus, Needs::kReader},
};

// Splits "/a/b/" into {"a", "b", ""}: a trailing slash is a segment of its own,
// so TAXII's slash-terminated paths and the API's bare ones stay distinct.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool Matches(const Route& route, const std::vector<std::string_view>& path, std::vector<std::string>& captures) {
  const auto pattern = Segments(route.pattern);
  if (pattern.size() != path.size()) return false;
  captures.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const auto p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (path[i].empty()) return false;
      captures.emplace_back(path[i]);
    } else if (p != path[i]) {
      return false;
    }
  }
  return true;
}

bool IsApiPath(std::string_view path) {
  return path.rfind("/api/", 0) == 0 || path == "/api" || path.rfind("/match/", 0) == 0 || path.rfind("/taxii2", 0) == 0;
}

// ---- the web page ---------------------------------------------------------------------

std::string ContentTypeOf(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".json", "application/json"},
      {".ico", "image/x-icon"},              {".woff2", "font/woff2"},
      {".map", "application/json"},          {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [ext, type] : kTypes)
    if (path.size() >= std::strlen(ext) && path.compare(path.size() - std::strlen(ext), std::string::npos, ext) == 0)
      return type;
  return "application/octet-stream";
}

Response StaticFile(const ApiOptions& options, const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") return ErrorResponse(405, "method " + req.method + " not allowed here");
  namespace fs = std::filesystem;
  std::string rel = req.path == "/" ? "index.html" : req.path.substr(1);
  // Only plain names below the web directory: no "..", no hidden files.
  for (const auto& part : fs::path(rel))
    if (part == ".." || part.string().rfind('.', 0) == 0) return ErrorResponse(404, "no such page: " + req.path);
  if (options.web_dir.empty() || !fs::is_regular_file(fs::path(options.web_dir) / "index.html")) {
    Response r;
    r.status = req.path == "/" ? 200 : 404;
    r.content_type = "text/html; charset=utf-8";
    r.body = "<!doctype html><title>dossier</title><p>The web page is not built: run <code>npm --prefix web run build</code> "
             "and start <code>dossier serve --web web/dist</code>. The API answers at <a href=\"/openapi.json\">/openapi.json</a>.";
    return r;
  }
  fs::path file = fs::path(options.web_dir) / rel;
  // A path the page routes itself (no extension) gets the page.
  if (!fs::is_regular_file(file)) {
    if (fs::path(rel).has_extension()) return ErrorResponse(404, "no such file: " + req.path);
    file = fs::path(options.web_dir) / "index.html";
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  Response r;
  r.content_type = ContentTypeOf(file.string());
  r.body = body.str();
  // Vite names built assets by content hash: they never change.
  if (rel.rfind("assets/", 0) == 0) r.headers["Cache-Control"] = "public, max-age=31536000, immutable";
  return r;
}

int StatusOf(query::QueryError::Kind kind) {
  switch (kind) {
    case query::QueryError::kBadRequest: return 400;
    case query::QueryError::kNotFound: return 404;
    case query::QueryError::kForbidden: return 403;
    case query::QueryError::kInternal: break;
  }
  return 500;
}

}  // namespace

// ---- the API --------------------------------------------------------------------------

Api::Api(Engine& engine, ApiOptions options)
    : engine_(engine), options_(std::move(options)), taxii_(std::make_unique<TaxiiStatuses>()) {}

Api::~Api() = default;

Response Api::Handle(const Request& request) {
  try {
    return Answer(request);
  } catch (const std::exception& e) {
    // Nothing a client sends may take the server down: the last line of defence.
    return ErrorResponse(500, std::string("internal error: ") + e.what());
  }
}

Response Api::Answer(const Request& req) {
  if (req.path.empty() || req.path[0] != '/') return ErrorResponse(400, "the request's path must begin with '/'");
  if (req.path == "/openapi.json") {
    if (req.method != "GET") return ErrorResponse(405, "method " + req.method + " not allowed on /openapi.json");
    return JsonResponse(OpenApiDocument());
  }
  if (!IsApiPath(req.path)) return StaticFile(options_, req);

  const auto path = Segments(req.path);
  std::vector<std::string> captures;
  const Route* route = nullptr;
  bool path_known = false;
  for (const auto& r : kRoutes) {
    if (!Matches(r, path, captures)) continue;
    path_known = true;
    if (req.method == r.method) {
      route = &r;
      break;
    }
  }
  if (!route) {
    if (path_known) return ErrorResponse(405, "method " + req.method + " not allowed on " + req.path);
    return ErrorResponse(404, "no such route: " + req.method + " " + req.path);
  }

  auto worker = engine_.Acquire();
  Call call{req, engine_, *worker, options_, sessions_, jobs_, *taxii_, captures, "", nullptr, false, "", nlohmann::json::object(), 0};
  try {
    if (route->needs == Needs::kReader) {
      // Who is asking: the bearer token's user, else the local analyst.
      std::string token;
      const std::string auth = req.Header("authorization");
      if (!auth.empty()) {
        if (auth.rfind("Bearer ", 0) != 0) throw HttpError(401, "the Authorization header must be 'Bearer TOKEN'");
        token = auth.substr(7);
      }
      if (!token.empty()) {
        if (Sessions::LooksLikeSession(token)) {
          auto user = sessions_.UserOf(token);
          if (!user) throw HttpError(401, "bad credentials: the session is unknown or has expired; sign in again");
          call.user = *user;
        } else {
          try {
            call.user = access::UserOfToken(worker->store(), token);
          } catch (const access::AuthenticationError&) {
            throw HttpError(401, "bad credentials: the token is unknown, revoked or mistyped");
          }
        }
      }
      try {
        call.session = &worker->Session(engine_, call.user);
      } catch (const access::AccessError& e) {
        throw HttpError(401, call.user.empty() ? "this store has users: sign in, or send 'Authorization: Bearer TOKEN'"
                                               : e.what());
      }
      const auto& reader = call.session->View().reader();
      call.admin = reader.sees_everything() || reader.user().role == "admin";
    }
    Response response = route->handler(call);
    if (!call.audit_action.empty())
      engine_.audit().Add({call.View().reader().name(), call.audit_action, call.audit_detail.dump(), call.audit_results});
    return response;
  } catch (const HttpError& e) {
    return ErrorResponse(e.status(), e.what());
  } catch (const query::QueryError& e) {
    // A read that found nothing is audited too: probing for hidden entities shows.
    if (e.kind() == query::QueryError::kNotFound && !call.audit_action.empty() && call.session) {
      call.audit_detail["outcome"] = "not found";
      engine_.audit().Add({call.View().reader().name(), call.audit_action, call.audit_detail.dump(), 0});
    }
    return ErrorResponse(StatusOf(e.kind()), e.what());
  } catch (const access::AuthenticationError& e) {
    return ErrorResponse(401, e.what());
  } catch (const access::AccessError& e) {
    return ErrorResponse(403, e.what());
  } catch (const ingest::IngestError& e) {
    return ErrorResponse(400, e.what());
  } catch (const model::MarkingError& e) {
    return ErrorResponse(400, e.what());
  } catch (const nlohmann::json::exception& e) {
    return ErrorResponse(400, std::string("bad JSON: ") + e.what());
  } catch (const store::StoreError& e) {
    return ErrorResponse(503, std::string("store: ") + e.what());
  }
}

}  // namespace dossier::server
