// Runs request_fuzz over hard requests (and any files named on the command
// line): every route with good, missing, mistyped and out-of-range parameters,
// broken and deep JSON, odd methods and paths, bad tokens, TAXII filters.
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"

namespace {

std::string Req(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& headers = "") {
  return method + "\n" + target + "\n" + headers + "\n" + body;
}

std::vector<std::string> Corpus() {
  const std::string match = R"({"queries": {"q1": {"schema": "Person", "properties": {"name": ["Igor Sechin"]}}}})";
  std::vector<std::string> c = {
      "", "\n", "GET", "GET\n", "GET\n/", "GET\n/openapi.json\n\n", "POST\n/openapi.json\n\n",
      Req("GET", "/api/me"), Req("GET", "/api/search?q=sechin"), Req("GET", "/api/search?q=&limit=-1"),
      Req("GET", "/api/search?q=x&limit=1e9"), Req("GET", "/api/search?q=x&limit=5&limit=9"),
      Req("GET", "/api/search?q=%ff%fe&schema=Person"), Req("GET", "/api/entities/p1"), Req("GET", "/api/entities/"),
      Req("GET", "/api/entities//adjacent"), Req("GET", "/api/entities/p1/adjacent?relation=Ownership&min_grading=B2&as_of=2005"),
      Req("GET", "/api/entities/p1/adjacent?as_of=never"), Req("GET", "/api/entities/p1/exposure?topics=gov.*,nothing"),
      Req("GET", "/api/entities/p1/exposure?max_hops=0"), Req("GET", "/api/entities/p1/neighbours?hops=7"),
      Req("GET", "/api/paths?from=p1&to=c1"), Req("GET", "/api/paths?from=p1&to=c1&k=3&weighted=true"),
      Req("GET", "/api/paths?from=p1&to=c1&time_ordered=1&weighted=1"), Req("GET", "/api/paths?from=p1&to=c1&weighted=maybe"),
      Req("GET", "/api/network?ids=p1"), Req("GET", "/api/network?ids=p1,c1,,,"), Req("GET", "/api/network?ids=p1,zz"),
      Req("POST", "/match/default", match), Req("POST", "/match/default?limit=0", match),
      Req("POST", "/match/default?threshold=nan", match), Req("POST", "/match/default?threshold=-0", match),
      Req("POST", "/match/fuzz", match), Req("POST", "/match/", match), Req("POST", "/match/default", "{"),
      Req("POST", "/match/default", R"({"queries": {"q": {"properties": {"name": [1, 2]}}}})"),
      Req("POST", "/match/default", R"({"queries": {"q": {"schema": 5}}})"),
      Req("POST", "/match/default", R"({"queries": {"q": {"schema": "Nothing", "properties": {"name": "x"}}}})"),
      Req("POST", "/match/default", R"({"queries": {"q": {"properties": {"birthDate": ["not a date"]}}}})"),
      Req("POST", "/match/default", R"({"queries": {"q": null}})"), Req("POST", "/match/default", "\xff\xfe{}"),
      Req("GET", "/api/xref?limit=3&min_score=0"), Req("GET", "/api/xref?min_score=x"),
      Req("POST", "/api/judgements", R"({"a": "p1", "b": "c1", "judgement": "unsure"})"),
      Req("POST", "/api/judgements", R"({"a": "p1", "b": "c1", "undo": true})"),
      Req("POST", "/api/judgements", R"({"a": "p1", "b": "c1", "undo": "yes"})"),
      Req("POST", "/api/judgements", R"({"a": "p1", "b": "nobody", "judgement": "positive"})"),
      Req("GET", "/api/jobs/x"), Req("GET", "/api/export"), Req("GET", "/api/export?for=NOBODY"),
      Req("POST", "/api/import", "not a package"), Req("GET", "/api/audit?after=-5"), Req("GET", "/api/audit?limit=3"),
      Req("GET", "/api/sources"), Req("POST", "/api/logout"),
      Req("GET", "/taxii2/"), Req("GET", "/taxii2/dossier/"), Req("GET", "/taxii2/dossier/collections/"),
      Req("GET", "/taxii2/dossier/collections/x/"), Req("GET", "/taxii2/dossier/collections/x/objects/?limit=0"),
      Req("POST", "/taxii2/dossier/collections/x/objects/", "{}"), Req("GET", "/taxii2/dossier/status/x/"),
      Req("GET", "/taxii2/", "", "Accept: text/html\n"),
      Req("GET", "/api/me", "", "Authorization: Bearer\n"), Req("GET", "/api/me", "", "Authorization: Basic abc\n"),
      Req("GET", "/api/me", "", "Authorization: Bearer dss_x\n"),
      Req("GET", "/api/me", "", "Authorization: Bearer dsr_0123456789abcdef_" + std::string(43, 'A') + "\n"),
      Req("GET", "/api/me", "", "Authorization: Bearer dsr_\n"), Req("BREW", "/api/me"), Req("GET", "/api"),
      Req("GET", "/../../etc/passwd"), Req("GET", "/assets/../index.html"), Req("GET", "/.env"),
      Req("GET", std::string(10000, '/')), Req("POST", "/match/default", std::string(3000, '[')),
  };
  std::string deep = R"({"queries": {"q": {"properties": {"name": )";
  for (int i = 0; i < 3000; ++i) deep += "[";
  c.push_back(Req("POST", "/match/default", deep));
  return c;
}

}  // namespace

int main(int argc, char** argv) { return dossier::fuzz::ReplayCorpus("request_fuzz_corpus", Corpus(), argc, argv); }
