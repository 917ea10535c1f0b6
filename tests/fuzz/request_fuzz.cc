// libFuzzer target for the server's request handling (src/server/api.h): the
// routing, the query parameters, the JSON bodies, the bearer tokens. The input
// is read as an HTTP-like request:
//   line 1: METHOD
//   line 2: /path?query (the query split on '&' and '=' as the server does)
//   lines up to a blank line: headers "name: value"
//   the rest: the body.
// Invariants: Handle() never throws, never answers 500 (an internal error is a
// bug: bad input must get a 4xx naming the reason), and every answer from the
// API (not the web page) is a JSON object, errors with "status" and "error".
//
// The store is a small one made once in a temporary directory, with no users,
// so every request is the local analyst's. POST /api/login (an Argon2id
// verification each) and /api/ingest (a thread and a file each) are left out:
// they would slow the fuzzer without reaching other parsing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fuzz/fuzz_support.h"
#include "ingest/ingester.h"
#include "server/api.h"
#include "store/store.h"

using namespace dossier;

namespace {

struct World {
  std::string dir;
  std::unique_ptr<server::Engine> engine;
  std::unique_ptr<server::Api> api;
  World() {
    char tmpl[] = "/tmp/dossier-request-fuzz-XXXXXX";
    dir = mkdtemp(tmpl);
    const std::string path = dir + "/fuzz.db";
    const std::string ftm = dir + "/world.json";
    std::ofstream(ftm) << R"({"id": "p1", "schema": "Person", "properties": {"name": ["Igor Sechin"], "birthDate": ["1960-09-07"]}})" "\n"
                       << R"({"id": "c1", "schema": "Company", "properties": {"name": ["Rosneft"]}})" "\n"
                       << R"({"id": "o1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["c1"], "startDate": ["2004"]}})" "\n";
    auto store = store::Store::Open(path, true);
    ingest::IngestOptions o;
    o.format = "ftm";
    o.reliability = 'B';
    o.credibility = 2;
    ingest::Ingester(*store, o, model::ClassificationScheme::Default()).IngestFile(ftm);
    store.reset();
    engine = std::make_unique<server::Engine>(path);
    api = std::make_unique<server::Api>(*engine, server::ApiOptions{"", "", std::size_t{1} << 20});
  }
  ~World() {
    api.reset();
    engine.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

World& TheWorld() {
  static World world;
  return world;
}

std::string NextLine(const std::string& input, std::size_t& at) {
  const std::size_t end = input.find('\n', at);
  std::string line = input.substr(at, end == std::string::npos ? std::string::npos : end - at);
  at = end == std::string::npos ? input.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::size_t at = 0;
  server::Request req;
  req.method = NextLine(input, at);
  std::string target = NextLine(input, at);
  const std::size_t q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) {
    const std::string query = target.substr(q + 1);
    std::size_t start = 0;
    while (start <= query.size()) {
      std::size_t amp = query.find('&', start);
      if (amp == std::string::npos) amp = query.size();
      const std::string pair = query.substr(start, amp - start);
      const std::size_t eq = pair.find('=');
      req.params.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
      start = amp + 1;
    }
  }
  for (std::string line = NextLine(input, at); !line.empty() && at <= input.size(); line = NextLine(input, at)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) break;
    std::string name = line.substr(0, colon);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    req.headers[name] = value;
    if (at >= input.size()) break;
  }
  req.body = at < input.size() ? input.substr(at) : "";
  if (req.path.rfind("/api/login", 0) == 0 || req.path.rfind("/api/ingest", 0) == 0) return 0;

  const server::Response r = TheWorld().api->Handle(req);
  FUZZ_CHECK(r.status >= 200 && r.status < 600);
  if (r.status == 500) std::fprintf(stderr, "%s %s: %s\n", req.method.c_str(), req.path.c_str(), r.body.c_str());
  FUZZ_CHECK(r.status != 500);
  const bool api = req.path.rfind("/api", 0) == 0 || req.path.rfind("/match/", 0) == 0 ||
                   req.path.rfind("/taxii2", 0) == 0 || req.path == "/openapi.json";
  if (api && r.content_type.find("json") != std::string::npos) {
    const auto doc = nlohmann::json::parse(r.body, nullptr, false);
    FUZZ_CHECK(doc.is_object());
    if (r.status >= 400) FUZZ_CHECK(doc.contains("status") && doc.contains("error"));
  }
  return 0;
}
