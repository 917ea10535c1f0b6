// Runs package_fuzz over hard inputs (and any files named on the command line):
// empty, binary, a manifest alone, wrong versions and types, huge counts, deep
// JSON, invalid UTF-8, a source after statements, a good small package.
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"

namespace {

std::vector<std::string> Corpus() {
  const std::string manifest =
      R"({"dossier_package": 1, "from": "GBR", "to": "EST", "sequence": 1, "created": "", "sources": 1, "statements": 1, "highest_marking": "SECRET"})";
  const std::string source = R"({"source": {"id": "s", "title": "t", "kind": "cable", "reliability": "B"}})";
  const std::string statement =
      R"({"statement": {"entity_id": "p1", "schema": "Person", "prop": "name", "value": "Igor", "source": "s", "credibility": 2, "marking": "SECRET"}})";
  std::vector<std::string> c = {
      "", "\n", "\n\n\n", "{}", "[]", "null", "{\"signature\": \"\"}", "{\"signature\": 7}",
      manifest, manifest + "\n", manifest + "\n" + source + "\n" + statement + "\n",
      manifest + "\n" + statement + "\n" + source + "\n",
      R"({"dossier_package": 2, "from": "GBR", "to": "EST", "sequence": 1, "sources": 0, "statements": 0})",
      R"({"dossier_package": "1", "from": 5, "to": [], "sequence": -3, "sources": 0, "statements": 0})",
      R"({"dossier_package": 1, "from": "GBR", "to": "EST", "sequence": 1, "sources": 99999999999999999999, "statements": 0})",
      R"({"dossier_package": 1, "from": "GBR", "to": "EST", "sequence": 9223372036854775807, "sources": 0, "statements": 0})",
      manifest + "\n" + R"({"statement": {"entity_id": "p1", "credibility": 2.5}})",
      manifest + "\n" + R"({"statement": {"entity_id": "p1", "schema": "Person", "prop": "name", "value": "x", "source": "s", "credibility": 4294967298, "marking": "S"}})",
      manifest + "\n" + R"({"source": {"id": "s", "protected": "yes"}})",
      manifest + "\n" + R"({"source": {"id": "s", "reliability": "Q"}})",
      "{\"dossier_package\": 1, \"from\": \"\xff\xfe\", \"to\": \"EST\"}",
      std::string(5000, '{'), std::string(5000, '['), std::string("\0\0\0\n\0", 5),
  };
  std::string deep = manifest + "\n{\"statement\": ";
  for (int i = 0; i < 2000; ++i) deep += "{\"a\": ";
  c.push_back(deep);
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  c.push_back(bytes);
  return c;
}

}  // namespace

int main(int argc, char** argv) { return dossier::fuzz::ReplayCorpus("package_fuzz_corpus", Corpus(), argc, argv); }
