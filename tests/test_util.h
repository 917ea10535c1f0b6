// Helpers shared by the tests: temporary stores, the shared data folder, and
// running the dossier binary.
#pragma once
#include <string>

namespace dossier::testing {

// A fresh directory under /tmp, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// ../shared/data/<relative> beside the source tree (CI lays it there too).
std::string SharedData(const std::string& relative);
// <source dir>/<relative>
std::string SourcePath(const std::string& relative);
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

struct RunResult {
  int exit_code;
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs the built dossier binary with `args` (shell-quoted by the caller).
RunResult RunDossier(const std::string& args);

}  // namespace dossier::testing

#include "store/store.h"

namespace dossier::testing {

// A statement ready for an IngestWriter: key computed, ref and name index
// filled in as the ingester would.
store::NewStatement MakeStatement(const std::string& entity, const std::string& schema, const std::string& prop,
                                  const std::string& value, const std::string& source = "test",
                                  const std::string& marking = "UNCLASSIFIED", int credibility = 2);

}  // namespace dossier::testing
