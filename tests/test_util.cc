#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::testing {

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "dossier-test-XXXXXX").string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string SourcePath(const std::string& relative) { return std::string(DOSSIER_SOURCE_DIR) + "/" + relative; }

std::string SharedData(const std::string& relative) {
  return std::string(DOSSIER_SOURCE_DIR) + "/../shared/data/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

RunResult RunDossier(const std::string& args) {
  TempDir tmp;
  std::string cmd = std::string(DOSSIER_BINARY) + " " + args + " >" + tmp.File("out") + " 2>" + tmp.File("err");
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(tmp.File("out"));
  r.err = ReadFile(tmp.File("err"));
  return r;
}

}  // namespace dossier::testing

#include "ingest/ingester.h"
#include "model/schema.h"
#include "model/statement.h"

namespace dossier::testing {

store::NewStatement MakeStatement(const std::string& entity, const std::string& schema, const std::string& prop,
                                  const std::string& value, const std::string& source, const std::string& marking,
                                  int credibility) {
  store::NewStatement s;
  s.key = model::StatementKey(source, entity, prop, value);
  s.entity_id = entity;
  s.schema = schema;
  s.prop = prop;
  s.value = value;
  s.source_id = source;
  s.marking = marking;
  s.credibility = credibility;
  const auto* sc = model::Model::Default().Find(schema);
  const auto* p = sc ? sc->Find(prop) : nullptr;
  if (p && p->type == model::PropertyType::kEntity) s.ref = value;
  s.index_text = ingest::NameIndexText(prop, value);
  return s;
}

}  // namespace dossier::testing
