// The HTTP API end to end: a real server on 127.0.0.1 over a copy of the demo
// store, real HTTP requests (cpp-httplib's client). Each test gets its own
// copy, so tests that write (ingest, judgements, imports) stay independent.
//
// (A Reply is bound to a name before its JSON is iterated: a range-for over
// Get(...).doc[...] would iterate a temporary that is already gone.)
//
// What is proved: every route answers its documented shape; a partner's user
// cannot reach what the rules hide from them, by any route, and a hidden
// entity answers exactly as an unknown one; bad requests get 4xx JSON with a
// reason and leave the server serving; reads are audited.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "access/credentials.h"
#include "server/http_server.h"
#include "store/store.h"
#include "test_util.h"

namespace dossier {
namespace {

using nlohmann::json;
using testing::TempDir;

// Visible to the analyst (WESTINT), hidden from baltic (BALTSEC): NOFORN reporting.
constexpr const char* kHidden = "rpt-anar-mammadov";
constexpr const char* kSechin = "ofac-16692";

struct Reply {
  int status = 0;
  std::string body;
  json doc;
  httplib::Headers headers;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace fs = std::filesystem;
    store_path_ = dir_.File("demo.db");
    fs::copy_file(DOSSIER_DEMO_STORE, store_path_);
    if (fs::exists(std::string(DOSSIER_DEMO_STORE) + "-wal"))
      fs::copy_file(std::string(DOSSIER_DEMO_STORE) + "-wal", store_path_ + "-wal");
    {
      auto store = store::Store::Open(store_path_, false);
      analyst_ = access::IssueToken(*store, "analyst").token;
      baltic_ = access::IssueToken(*store, "baltic").token;
    }
    StartServer();
  }

  void TearDown() override { StopServer(); }

  void StartServer(std::size_t max_body = 8 << 20) {
    server::ServeOptions o;
    o.store_path = store_path_;
    o.port = 0;
    o.mappings_dir = testing::SourcePath("mappings");
    o.max_body = max_body;
    server_ = std::make_unique<server::HttpServer>(o);
    server_->Bind();
    thread_ = std::thread([this] { server_->Run(); });
    for (int i = 0; i < 200 && Get("/openapi.json", "").status != 200; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  static Reply Make(const httplib::Result& r) {
    Reply out;
    if (!r) return out;
    out.status = r->status;
    out.body = r->body;
    out.headers = r->headers;
    out.doc = json::parse(r->body, nullptr, false);
    return out;
  }

  httplib::Headers Auth(const std::string& token) const {
    if (token.empty()) return {};
    return {{"Authorization", "Bearer " + token}};
  }

  // A client that waits as long as a slow CI machine may need (xref scores the whole store).
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(120, 0);
    return c;
  }

  Reply Get(const std::string& path, const std::string& token) { return Make(Client().Get(path, Auth(token))); }

  Reply Post(const std::string& path, const std::string& body, const std::string& token,
             const std::string& type = "application/json") {
    return Make(Client().Post(path, Auth(token), body, type));
  }

  // Polls an ingest job until it ends.
  json WaitForJob(const std::string& id, const std::string& token) {
    for (int i = 0; i < 500; ++i) {
      Reply r = Get("/api/jobs/" + id, token);
      if (r.status != 200) return r.doc;
      if (r.doc["state"] != "running") return r.doc;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return json();
  }

  TempDir dir_;
  std::string store_path_, analyst_, baltic_;
  std::unique_ptr<server::HttpServer> server_;
  std::thread thread_;
};

TEST_F(ServerTest, OpenApiDocumentsEveryRoute) {
  Reply r = Get("/openapi.json", "");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.doc["openapi"], "3.0.3");
  for (const char* path : {"/api/login", "/api/me", "/api/search", "/api/entities/{id}", "/api/entities/{id}/adjacent",
                           "/api/entities/{id}/exposure", "/api/paths", "/api/network", "/match/{dataset}", "/api/xref",
                           "/api/judgements", "/api/ingest", "/api/jobs/{id}", "/api/export", "/api/import", "/api/audit",
                           "/taxii2/", "/taxii2/dossier/collections/{id}/objects/", "/taxii2/dossier/status/{id}/"})
    EXPECT_TRUE(r.doc["paths"].contains(path)) << path;
}

TEST_F(ServerTest, CredentialsDecideTheReader) {
  EXPECT_EQ(Get("/api/me", "").status, 401);  // the store has users
  EXPECT_EQ(Get("/api/me", "dsr_0000000000000000_" + std::string(43, 'A')).status, 401);
  EXPECT_EQ(Get("/api/me", "dss_nope").status, 401);
  Reply me = Get("/api/me", baltic_);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.doc["user"], "baltic");
  EXPECT_EQ(me.doc["organisation"], "BALTSEC");
  EXPECT_FALSE(me.doc["admin"].get<bool>());
  // Sign-in with a password gives a session token that works until signed out.
  {
    auto store = store::Store::Open(store_path_, false);
    access::SetPassword(*store, "baltic", "a long enough password");
  }
  EXPECT_EQ(Post("/api/login", R"({"user":"baltic","password":"wrong password!"})", "").status, 401);
  EXPECT_EQ(Post("/api/login", R"({"user":"nobody","password":"a long enough password"})", "").status, 401);
  Reply login = Post("/api/login", R"({"user":"baltic","password":"a long enough password"})", "");
  ASSERT_EQ(login.status, 200) << login.body;
  const std::string session = login.doc["token"];
  EXPECT_EQ(Get("/api/me", session).doc["user"], "baltic");
  EXPECT_EQ(Post("/api/logout", "", session).status, 200);
  EXPECT_EQ(Get("/api/me", session).status, 401);
}

TEST_F(ServerTest, EntityPageHasSourcesGradingsAndMarkings) {
  Reply r = Get(std::string("/api/entities/") + kSechin, analyst_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.doc["caption"], "Igor Sechin");
  const auto& birth = r.doc["properties"]["birthDate"][0];
  EXPECT_EQ(birth["value"], "1960-09-07");
  EXPECT_EQ(birth["grading"], "A1");
  EXPECT_EQ(birth["source"], "us_ofac_sdn");
  EXPECT_EQ(birth["marking"], "UNCLASSIFIED");
  EXPECT_FALSE(r.doc["marking"].get<std::string>().empty());
  EXPECT_FALSE(r.doc["ties"].empty());
}

TEST_F(ServerTest, HiddenEntityAnswersExactlyAsAnUnknownOne) {
  ASSERT_EQ(Get(std::string("/api/entities/") + kHidden, analyst_).status, 200);
  const std::string never = "rpt-never-recorded";
  for (const std::string suffix : {"", "/adjacent", "/exposure", "/neighbours"}) {
    Reply hidden = Get(std::string("/api/entities/") + kHidden + suffix, baltic_);
    Reply unknown = Get("/api/entities/" + never + suffix, baltic_);
    EXPECT_EQ(hidden.status, 404) << suffix;
    EXPECT_EQ(unknown.status, 404) << suffix;
    // Same words, with the id asked for in its place.
    std::string message = hidden.doc["error"];
    message.replace(message.find(kHidden), std::strlen(kHidden), never);
    EXPECT_EQ(message, unknown.doc["error"].get<std::string>()) << suffix;
  }
  Reply path = Get(std::string("/api/paths?from=") + kSechin + "&to=" + kHidden, baltic_);
  EXPECT_EQ(path.status, 404);
  // Nothing of it leaks through search, ties or screening either.
  Reply entity = Get(std::string("/api/entities/") + kHidden, analyst_);
  const std::string name = entity.doc["caption"];
  const Reply search = Get("/api/search?q=" + httplib::detail::encode_query_param(name), baltic_);
  for (const auto& hit : search.doc["results"])
    EXPECT_NE(hit["id"], kHidden);
  Reply match = Post("/match/default", json{{"queries", {{"q", {{"schema", "Person"}, {"properties", {{"name", {name}}}}}}}}}.dump(),
                     baltic_);
  ASSERT_EQ(match.status, 200);
  for (const auto& hit : match.doc["responses"]["q"]["results"]) EXPECT_NE(hit["id"], kHidden);
  Reply as_analyst = Post("/match/default", json{{"queries", {{"q", {{"schema", "Person"}, {"properties", {{"name", {name}}}}}}}}}.dump(),
                          analyst_);
  EXPECT_EQ(as_analyst.doc["responses"]["q"]["results"][0]["id"], kHidden);
}

TEST_F(ServerTest, AdjacentAndPathsCarryTheirEvidence) {
  Reply adj = Get(std::string("/api/entities/") + kSechin + "/adjacent", analyst_);
  ASSERT_EQ(adj.status, 200);
  EXPECT_EQ(adj.doc["entity"]["id"], kSechin);
  ASSERT_FALSE(adj.doc["ties"].empty());
  for (const auto& t : adj.doc["ties"]) {
    EXPECT_TRUE(t.contains("node"));
    EXPECT_FALSE(t["sources"].empty());
    EXPECT_EQ(t["grading"].get<std::string>().size(), 2u);
  }
  // The filter by relation keeps only ties of that schema.
  Reply family = Get(std::string("/api/entities/") + kSechin + "/adjacent?relation=Family", analyst_);
  for (const auto& t : family.doc["ties"]) EXPECT_EQ(t["schema"], "Family");
  EXPECT_EQ(Get(std::string("/api/entities/") + kSechin + "/adjacent?relation=Nonsense", analyst_).status, 400);
  EXPECT_EQ(Get(std::string("/api/entities/") + kSechin + "/adjacent?min_grading=Z9", analyst_).status, 400);

  Reply path = Get(std::string("/api/paths?from=") + kSechin + "&to=rpt-trump", analyst_);
  ASSERT_EQ(path.status, 200) << path.body;
  ASSERT_FALSE(path.doc["length"].is_null());
  EXPECT_EQ(path.doc["hops"].size(), path.doc["length"].get<std::size_t>());
  EXPECT_EQ(path.doc["hops"].front()["from"], kSechin);
  EXPECT_FALSE(path.doc["marking"].get<std::string>().empty());
  Reply net = Get(std::string("/api/network?ids=") + kSechin + ",rpt-trump,rpt-tillerson", analyst_);
  ASSERT_EQ(net.status, 200);
  EXPECT_GE(net.doc["nodes"].size(), 3u);
  Reply exposure = Get("/api/entities/rpt-tillerson/exposure?max_hops=2", analyst_);
  ASSERT_EQ(exposure.status, 200);
  EXPECT_GT(exposure.doc["count"].get<int>(), 0);
}

TEST_F(ServerTest, SourcesAndNeighboursAreTheReaders) {
  // A partner's user sees fewer sources, and protected ones of other organisations sanitised.
  Reply mine = Get("/api/sources", analyst_), theirs = Get("/api/sources", baltic_);
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_GT(mine.doc["sources"].size(), 0u);
  EXPECT_LE(theirs.doc["sources"].size(), mine.doc["sources"].size());
  for (const auto& s : theirs.doc["sources"])
    if (s["protected"].get<bool>() && s["originator"] != "BALTSEC") {
      EXPECT_EQ(s["id"], "protected") << s;
    }
  Reply near = Get(std::string("/api/entities/") + kSechin + "/neighbours?hops=2&schema=Person", analyst_);
  ASSERT_EQ(near.status, 200) << near.body;
  EXPECT_EQ(near.doc["count"].get<std::size_t>(), near.doc["neighbours"].size());
  for (const auto& n : near.doc["neighbours"]) {
    EXPECT_EQ(n["schema"], "Person");
    EXPECT_LE(n["distance"].get<int>(), 2);
  }
  // What the partner may not see is not among its neighbours either.
  Reply via = Get("/api/entities/rpt-trump-org/neighbours?hops=2", baltic_);
  ASSERT_EQ(via.status, 200) << via.body;
  for (const auto& n : via.doc["neighbours"]) EXPECT_NE(n["id"], kHidden);
  bool seen = false;
  const Reply analysts = Get("/api/entities/rpt-trump-org/neighbours?hops=2", analyst_);
  for (const auto& n : analysts.doc["neighbours"]) seen = seen || n["id"] == kHidden;
  EXPECT_TRUE(seen);
}

TEST_F(ServerTest, MatchSpeaksYentesShapes) {
  const json request = {{"queries",
                         {{"sechin", {{"schema", "Person"}, {"properties", {{"name", {"Igor Sechin"}}, {"birthDate", {"1960-09-07"}}}}}},
                          {"nobody", {{"schema", "Person"}, {"properties", {{"name", "Qwzx Vbnmkj"}}}}},
                          {"bad", {{"schema", "Person"}, {"properties", {{"name", {{"first", "Igor"}}}}}}}}}};
  Reply r = Post("/match/default?limit=3&threshold=0.8", request.dump(), analyst_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.doc["limit"], 3);
  const auto& sechin = r.doc["responses"]["sechin"];
  EXPECT_EQ(sechin["status"], 200);
  ASSERT_FALSE(sechin["results"].empty());
  EXPECT_LE(sechin["results"].size(), 3u);
  const auto& top = sechin["results"][0];
  EXPECT_EQ(top["id"], kSechin);
  EXPECT_TRUE(top["match"].get<bool>());
  EXPECT_GE(top["score"].get<double>(), 0.8);
  EXPECT_TRUE(top["explanations"].contains("name_match"));
  EXPECT_EQ(sechin["total"]["relation"], "eq");
  EXPECT_EQ(sechin["query"]["properties"]["birthDate"][0], "1960-09-07");
  for (const auto& hit : r.doc["responses"]["nobody"]["results"]) EXPECT_FALSE(hit["match"].get<bool>());
  EXPECT_EQ(r.doc["responses"]["bad"]["status"], 400);
  EXPECT_NE(r.doc["responses"]["bad"]["error"].get<std::string>().find("bad"), std::string::npos);
  // One dataset only: OFAC's record, not the merged report's.
  Reply ofac = Post("/match/us_ofac_sdn", request.dump(), analyst_);
  ASSERT_EQ(ofac.status, 200);
  EXPECT_EQ(Post("/match/no_such_list", request.dump(), analyst_).status, 404);
  // At most 100 queries a request.
  json many = {{"queries", json::object()}};
  for (int i = 0; i < 101; ++i) many["queries"]["q" + std::to_string(i)] = {{"properties", {{"name", {"x"}}}}};
  Reply too_many = Post("/match/default", many.dump(), analyst_);
  EXPECT_EQ(too_many.status, 400);
  EXPECT_NE(too_many.doc["error"].get<std::string>().find("100"), std::string::npos);
}

TEST_F(ServerTest, BadRequestsGetReasonsAndTheServerKeepsServing) {
  struct Case {
    std::string method, path, body;
    int status;
  };
  const std::vector<Case> cases = {
      {"POST", "/match/default", "{not json", 400},
      {"POST", "/match/default", "[1,2]", 400},
      {"POST", "/match/default", R"({"queries": 5})", 400},
      {"POST", "/match/default", R"({"queries": {}})", 400},
      {"POST", "/match/default?limit=ten", R"({"queries": {"q": {"properties": {"name": ["x"]}}}})", 400},
      {"POST", "/match/default?threshold=2", R"({"queries": {"q": {"properties": {"name": ["x"]}}}})", 400},
      {"GET", "/api/search", "", 400},
      {"GET", "/api/search?q=x&limit=0", "", 400},
      {"GET", "/api/search?q=x&limit=99999999999999999999", "", 400},
      {"GET", "/api/search?q=x&schema=Nothing", "", 400},
      {"GET", "/api/paths?from=a", "", 400},
      {"GET", "/api/nowhere", "", 404},
      {"DELETE", "/api/me", "", 405},
      {"GET", "/match/default", "", 405},
      {"POST", "/api/judgements", R"({"a": 1, "b": "x"})", 400},
      {"POST", "/api/judgements", R"({"a": "x"})", 400},
      {"POST", "/api/login", R"({"user": ["x"]})", 400},
      {"POST", "/api/ingest?format=nonsense", "x", 400},
      {"POST", "/api/ingest?format=ftm&name=../../etc/passwd", "x", 400},
      {"POST", "/api/ingest?format=csv&mapping=../secret.toml", "x", 400},
      {"GET", "/api/jobs/job-1-00000000", "", 404},
  };
  httplib::Client c = Client();
  for (const auto& k : cases) {
    httplib::Result r = k.method == "GET"    ? c.Get(k.path, Auth(analyst_))
                        : k.method == "POST" ? c.Post(k.path, Auth(analyst_), k.body, "application/json")
                                             : c.Delete(k.path, Auth(analyst_));
    ASSERT_TRUE(r) << k.method << " " << k.path;
    EXPECT_EQ(r->status, k.status) << k.method << " " << k.path << ": " << r->body;
    json doc = json::parse(r->body, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r->body;
    EXPECT_EQ(doc["status"], k.status);
    EXPECT_FALSE(doc["error"].get<std::string>().empty());
  }
  // A body over the limit is refused before it is read.
  Reply huge = Post("/match/default", std::string(9 << 20, ' '), analyst_);
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(Get("/api/me", analyst_).status, 200);
}

TEST_F(ServerTest, JudgementsLeaveTheReviewQueueAndReadersMayNotJudge) {
  Reply xref = Get("/api/xref?limit=5&min_score=0.5", analyst_);
  ASSERT_EQ(xref.status, 200) << xref.body;
  ASSERT_FALSE(xref.doc["suggestions"].empty());
  const auto& first = xref.doc["suggestions"][0];
  const std::string a = first["a"]["id"], b = first["b"]["id"];
  EXPECT_TRUE(first["a"].contains("properties"));
  EXPECT_TRUE(first.contains("explanations"));
  Reply judged = Post("/api/judgements", json{{"a", a}, {"b", b}, {"judgement", "negative"}}.dump(), analyst_);
  ASSERT_EQ(judged.status, 200) << judged.body;
  EXPECT_EQ(judged.doc["verdict"], "negative");
  const Reply after = Get("/api/xref?limit=5&min_score=0.5", analyst_);
  for (const auto& s : after.doc["suggestions"])
    EXPECT_FALSE(s["a"]["id"] == a && s["b"]["id"] == b);
  Reply bad = Post("/api/judgements", json{{"a", a}, {"b", b}, {"judgement", "maybe"}}.dump(), analyst_);
  EXPECT_EQ(bad.status, 400);
  // A judgement naming an entity the judge cannot see: as if it did not exist.
  EXPECT_EQ(Post("/api/judgements", json{{"a", kHidden}, {"b", kSechin}, {"judgement", "positive"}}.dump(), baltic_).status, 404);
}

TEST_F(ServerTest, IngestJobsAreAllOrNothingWithProgress) {
  const std::string good =
      R"({"id": "api-p1", "schema": "Person", "properties": {"name": ["Upload Testperson"], "nationality": ["ee"]}})" "\n"
      R"({"id": "api-c1", "schema": "Company", "properties": {"name": ["Upload Test OU"]}})" "\n";
  Reply started = Post("/api/ingest?format=ftm&name=upload.ftm.json&reliability=B&credibility=2", good, analyst_,
                       "application/octet-stream");
  ASSERT_EQ(started.status, 202) << started.body;
  json job = WaitForJob(started.doc["job"], analyst_);
  ASSERT_EQ(job["state"], "done") << job;
  EXPECT_EQ(job["done_bytes"], job["total_bytes"]);
  EXPECT_GT(job["result"]["added"].get<int>(), 0);
  // The store changed under the server: the next request sees it.
  Reply p1 = Get("/api/entities/api-p1", analyst_);
  ASSERT_EQ(p1.status, 200) << p1.body;
  EXPECT_EQ(p1.doc["properties"]["name"][0]["grading"], "B2");
  // Another user does not see the job.
  EXPECT_EQ(Get("/api/jobs/" + job["job"].get<std::string>(), baltic_).status, 404);

  const std::string bad =
      R"({"id": "api-p2", "schema": "Person", "properties": {"name": ["Second Upload"]}})" "\n"
      R"({"id": "api-p3", "schema": "Person", "properties": {"shoeSize": ["44"]}})" "\n";
  Reply failing = Post("/api/ingest?format=ftm&name=bad.json", bad, analyst_, "application/octet-stream");
  ASSERT_EQ(failing.status, 202);
  json failed = WaitForJob(failing.doc["job"], analyst_);
  EXPECT_EQ(failed["state"], "failed");
  const std::string error = failed["error"];
  EXPECT_NE(error.find("bad.json"), std::string::npos) << error;
  EXPECT_NE(error.find("shoeSize"), std::string::npos) << error;
  EXPECT_EQ(error.find("dossier-upload"), std::string::npos) << "the temporary path leaked: " << error;
  EXPECT_EQ(Get("/api/entities/api-p2", analyst_).status, 404);  // nothing of the file was kept
}

TEST_F(ServerTest, AdministrationIsForAdministrators) {
  EXPECT_EQ(Get("/api/audit", baltic_).status, 403);
  EXPECT_EQ(Get("/api/export?for=BALTSEC", baltic_).status, 403);
  EXPECT_EQ(Post("/api/import", "{}", baltic_, "application/x-ndjson").status, 403);
  // Reads are audited, a probe for a hidden entity among them.
  Get(std::string("/api/entities/") + kHidden, baltic_);
  Reply audit = Get("/api/audit", analyst_);
  ASSERT_EQ(audit.status, 200);
  bool probe = false;
  for (const auto& e : audit.doc["entries"])
    if (e["user"] == "baltic" && e["action"] == "show" && e["detail"]["id"] == kHidden && e["detail"]["outcome"] == "not found")
      probe = true;
  EXPECT_TRUE(probe) << audit.body;
  // Without the instance's keys there is nothing to sign with.
  Reply no_keys = Get("/api/export?for=BALTSEC", analyst_);
  EXPECT_EQ(no_keys.status, 409) << no_keys.body;
}

TEST_F(ServerTest, ManyConcurrentClientsAllGetAnswers) {
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c = Client();
      c.set_keep_alive(true);
      const auto headers = Auth(t % 2 ? analyst_ : baltic_);
      for (int i = 0; i < 100; ++i) {
        auto r = i % 3 == 0 ? c.Get(std::string("/api/entities/") + kSechin, headers)
                 : i % 3 == 1 ? c.Get("/api/search?q=sechin", headers)
                              : c.Post("/match/default", R"({"queries":{"q":{"properties":{"name":["Igor Sechin"]}}}})", "application/json");
        // The /match without headers is a 401: the answer still comes, and fast.
        if (!r || (i % 3 != 2 && r->status != 200) || (i % 3 == 2 && r->status != 401)) ++failures;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// The demo store's instance (WESTINT) with keys, and BALTSEC as a partner
// instance of its own: packages and TAXII collections between them.
class ServerSharingTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    StopServer();  // keys and partners are set up through the CLI, as an administrator would
    partner_ = dir_.File("baltsec.db");
    auto run = [](const std::string& args) {
      auto r = testing::RunDossier(args);
      ASSERT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    };
    run("--store " + store_path_ + " --as analyst keys generate");
    run("--store " + partner_ + " init");
    run("--store " + partner_ + " principals add-org BALTSEC --country EST");
    run("--store " + partner_ + " principals add-org WESTINT --country DEU");
    run("--store " + partner_ + " keys generate --org BALTSEC");
    run("--store " + store_path_ + " --as analyst partners add BALTSEC --key " + partner_ + ".pub --clearance SECRET");
    run("--store " + partner_ + " partners add WESTINT --key " + store_path_ + ".pub");
    // A BALTSEC user cleared below what BALTSEC may receive.
    run("--store " + store_path_ + " --as analyst principals add-user baltlow --org BALTSEC --clearance CONFIDENTIAL");
    {
      auto store = store::Store::Open(store_path_, false);
      low_ = access::IssueToken(*store, "baltlow").token;
    }
    StartServer(std::size_t{256} << 20);  // the demo's package is some 70 MB
  }
  // Every object of a collection, following "next".
  json AllObjects(const std::string& objects, const std::string& token) {
    json all = json::array();
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
      Reply page = Get(objects + "?limit=1000" + (cursor.empty() ? "" : "&next=" + cursor), token);
      if (page.status != 200) return json();
      for (auto& o : page.doc["objects"]) all.push_back(o);
      if (!page.doc["more"].get<bool>()) break;
      cursor = page.doc["next"];
    }
    return all;
  }
  std::string partner_, low_;
};

TEST_F(ServerSharingTest, ExportedPackageImportsAtThePartner) {
  Reply pkg = Get("/api/export?for=baltsec", analyst_);
  ASSERT_EQ(pkg.status, 200) << pkg.body;
  EXPECT_NE(pkg.headers.find("Content-Disposition"), pkg.headers.end());
  const std::string file = dir_.File("p.dossier");
  testing::WriteFile(file, pkg.body);
  auto imported = testing::RunDossier("--store " + partner_ + " --json import " + file);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_GT(json::parse(imported.out)["added"].get<int>(), 0);
  // What the partner received holds nothing the rules kept from BALTSEC.
  EXPECT_NE(testing::RunDossier("--store " + partner_ + " show " + kHidden).exit_code, 0);
  EXPECT_EQ(testing::RunDossier("--store " + partner_ + " show " + kSechin).exit_code, 0);
  // A package is imported here only from a partner, signed by its key.
  Reply refused = Post("/api/import", pkg.body, analyst_, "application/x-ndjson");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.doc["error"].get<std::string>().find("nothing was imported"), std::string::npos);
}

TEST_F(ServerSharingTest, TaxiiCollectionPerPartner) {
  Reply discovery = Get("/taxii2/", analyst_);
  ASSERT_EQ(discovery.status, 200);
  EXPECT_EQ(discovery.headers.find("Content-Type")->second, "application/taxii+json;version=2.1");
  EXPECT_EQ(discovery.doc["api_roots"][0], "/taxii2/dossier/");
  Reply collections = Get("/taxii2/dossier/collections/", analyst_);
  ASSERT_EQ(collections.doc["collections"].size(), 1u) << collections.body;
  const std::string id = collections.doc["collections"][0]["id"];
  // BALTSEC's own user sees its collection; what it holds is what BALTSEC may receive.
  Reply theirs = Get("/taxii2/dossier/collections/", baltic_);
  ASSERT_EQ(theirs.doc["collections"].size(), 1u);
  EXPECT_EQ(theirs.doc["collections"][0]["id"], id);
  const std::string objects = "/taxii2/dossier/collections/" + id + "/objects/";
  const json all = AllObjects(objects, baltic_);
  ASSERT_TRUE(all.is_array());
  ASSERT_FALSE(all.empty());
  // A user of the partner cleared lower gets only what they could read here.
  const json low = AllObjects(objects, low_);
  ASSERT_TRUE(low.is_array());
  EXPECT_LT(low.size(), all.size());
  std::size_t secret = 0;
  for (const auto& o : all) secret += o.value("x_dossier_marking", "").rfind("SECRET", 0) == 0;
  EXPECT_GT(secret, 0u);
  for (const auto& o : low) {
    const std::string marking = o.value("x_dossier_marking", "");
    EXPECT_NE(marking.rfind("SECRET", 0), 0u) << o;
    EXPECT_NE(marking.rfind("TOP SECRET", 0), 0u) << o;
  }
  bool sechin = false;
  for (const auto& o : all) {
    EXPECT_NE(o.value("x_dossier_id", ""), kHidden);
    sechin = sechin || o.value("x_dossier_id", "") == kSechin;
  }
  EXPECT_TRUE(sechin);
  // Filters and pages.
  const Reply relationships = Get(objects + "?match[type]=relationship&limit=1000", baltic_);
  for (const auto& o : relationships.doc["objects"])
    EXPECT_EQ(o["type"], "relationship");
  Reply page = Get(objects + "?limit=2", baltic_);
  EXPECT_EQ(page.doc["objects"].size(), 2u);
  EXPECT_TRUE(page.doc["more"].get<bool>());
  Reply next = Get(objects + "?limit=2&next=" + page.doc["next"].get<std::string>(), baltic_);
  EXPECT_NE(next.doc["objects"][0]["id"], page.doc["objects"][0]["id"]);
  const std::string one = all[0]["id"];
  Reply single = Get(objects + one + "/", baltic_);
  ASSERT_EQ(single.status, 200);
  EXPECT_EQ(single.doc["objects"][0]["id"], one);
  Reply manifest = Get("/taxii2/dossier/collections/" + id + "/manifest/?limit=1000", baltic_);
  EXPECT_EQ(manifest.doc["objects"].size(), std::min<std::size_t>(1000, all.size()));
  EXPECT_EQ(manifest.doc["objects"][0]["id"], all[0]["id"]);
  // A collection of another partner, or none: not found.
  EXPECT_EQ(Get("/taxii2/dossier/collections/00000000-0000-0000-0000-000000000000/", baltic_).status, 404);

  // BALTSEC posts objects: a status resource, then its identity is here, from BALTSEC.
  const json envelope = {{"objects",
                          {{{"type", "identity"}, {"spec_version", "2.1"}, {"id", "identity--6f1b1c8e-0f6b-4f3a-9a57-0d7a1f0c2b11"},
                            {"created", "2026-11-01T00:00:00.000Z"}, {"modified", "2026-11-01T00:00:00.000Z"},
                            {"name", "Posted Testperson"}, {"identity_class", "individual"}}}}};
  Reply posted = Post(objects, envelope.dump(), baltic_, "application/taxii+json;version=2.1");
  ASSERT_EQ(posted.status, 202) << posted.body;
  const std::string status_url = "/taxii2/dossier/status/" + posted.doc["id"].get<std::string>() + "/";
  json status;
  for (int i = 0; i < 200; ++i) {
    status = Get(status_url, baltic_).doc;
    if (status["status"] == "complete") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(status["status"], "complete") << status;
  EXPECT_EQ(status["success_count"], 1) << status;
  Reply search = Get("/api/search?q=testperson", analyst_);
  bool found = false;
  for (const auto& hit : search.doc["results"]) found = found || hit["caption"] == "Posted Testperson";
  EXPECT_TRUE(found) << search.body << "\n" << status;
}

}  // namespace
}  // namespace dossier
