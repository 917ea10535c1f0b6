// One request being answered, as the route handlers see it: the request, the
// engine, the leased worker, the reader's session, and helpers that read
// parameters and bodies with errors that name what was wrong. Internal to the
// server: handlers throw HttpError (or query::QueryError); Api::Handle turns
// every error into a JSON 4xx/5xx answer.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/engine.h"

namespace dossier::server {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// TAXII state kept in memory: status resources of POSTs (a restart forgets
// them), and each partner's released objects, built once per store generation.
struct TaxiiStatuses {
  std::mutex mu;
  std::map<std::string, nlohmann::json> by_id;
  struct Released {
    uint64_t generation = 0;
    std::shared_ptr<const std::vector<nlohmann::json>> objects;
  };
  std::map<std::string, Released> by_partner;  // by partner and reader
};

struct Call {
  const Request& request;
  Engine& engine;
  Worker& worker;
  const ApiOptions& options;
  Sessions& sessions;
  Jobs& jobs;
  TaxiiStatuses& taxii;
  std::vector<std::string> captures;  // the route's {placeholders}, in order

  // Who is asking; set before any handler that needs a reader runs.
  std::string user;
  ReaderSession* session = nullptr;
  bool admin = false;  // an administrator, or the local analyst of a store without users

  // The audit entry of a read: the action, what was asked, how many results.
  // Handle() appends it (with outcome "not found" when the handler found none).
  std::string audit_action;
  nlohmann::json audit_detail = nlohmann::json::object();
  int64_t audit_results = 0;

  access::View& View() { return session->View(); }

  // Parameters. Each throws HttpError 400 naming the parameter when the value
  // is not of its type or range.
  std::string Text(const std::string& name, const std::string& fallback = "") const;
  std::string RequiredText(const std::string& name) const;
  int Int(const std::string& name, int fallback, int min, int max) const;
  double Number(const std::string& name, double fallback, double min, double max) const;
  bool Flag(const std::string& name) const;
  // Every value of a repeatable parameter, each also split on commas.
  std::vector<std::string> List(const std::string& name) const;
  // The body as a JSON object (400 when not JSON or not an object; 413 over the limit).
  nlohmann::json JsonBody() const;
  void RequireAdmin(const char* what) const;
  void RequireWriter(const char* what) const;  // not of the role "reader"
};

// JSON helpers for bodies: the field's value or a 400 naming the field.
std::string StringField(const nlohmann::json& body, const std::string& field, bool required);

Response JsonResponse(const nlohmann::json& doc, int status = 200);
Response ErrorResponse(int status, const std::string& message);

// Route handlers, by area (routes_*.cc, taxii.cc).
Response Me(Call& c);
Response Login(Call& c);
Response Logout(Call& c);
Response SourcesRoute(Call& c);
Response SearchRoute(Call& c);
Response EntityRoute(Call& c);
Response AdjacentRoute(Call& c);
Response NeighboursRoute(Call& c);
Response ExposureRoute(Call& c);
Response PathsRoute(Call& c);
Response NetworkRoute(Call& c);
Response MatchRoute(Call& c);
Response XrefRoute(Call& c);
Response JudgementRoute(Call& c);
Response IngestRoute(Call& c);
Response JobRoute(Call& c);
Response ExportRoute(Call& c);
Response ImportRoute(Call& c);
Response AuditRoute(Call& c);
Response TaxiiDiscovery(Call& c);
Response TaxiiApiRoot(Call& c);
Response TaxiiCollections(Call& c);
Response TaxiiCollection(Call& c);
Response TaxiiObjects(Call& c);
Response TaxiiAddObjects(Call& c);
Response TaxiiObject(Call& c);
Response TaxiiManifest(Call& c);
Response TaxiiStatus(Call& c);

}  // namespace dossier::server
