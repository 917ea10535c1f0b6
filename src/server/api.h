// The HTTP API, apart from the HTTP transport: a Request in, a Response out.
// httplib (http_server.cc) only adapts; tests and the fuzzer call Handle()
// directly. docs/api.md describes every route; /openapi.json documents them.
//
// Contract:
// - Every answer is computed for the request's reader (the token's user, or
//   the local analyst of a store without users) through query:: and resolve::
//   on that reader's View: an entity they may not see answers 404 with the
//   message an unknown id gets.
// - Bad input never throws out of Handle(): it answers 4xx with
//   {"status", "error"} naming the parameter or field and the reason.
// - Reads are audited (as the CLI's): who, what, how many results, "not found".
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "server/engine.h"
#include "server/jobs.h"
#include "server/sessions.h"

namespace dossier::server {

struct Request {
  std::string method;  // GET, POST, ...
  std::string path;    // decoded, without the query string
  std::multimap<std::string, std::string> params;  // decoded query parameters
  std::map<std::string, std::string> headers;      // names in lower case
  std::string body;
  std::string Header(const std::string& lower_name) const;
  // The first value of a parameter, or "".
  std::string Param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;
};

struct ApiOptions {
  std::string web_dir;       // the built web page (web/dist); "" serves none
  std::string mappings_dir;  // CSV mappings an upload may name
  std::size_t max_json_body = std::size_t{1} << 20;
};

class Api {
 public:
  Api(Engine& engine, ApiOptions options);
  ~Api();
  Response Handle(const Request& request);
  Jobs& jobs() { return jobs_; }

 private:
  Response Answer(const Request& request);

  Engine& engine_;
  ApiOptions options_;
  Sessions sessions_;
  Jobs jobs_;
  std::unique_ptr<struct TaxiiStatuses> taxii_;
};

// The OpenAPI 3 document of the routes (openapi.cc).
const nlohmann::json& OpenApiDocument();

}  // namespace dossier::server
