// What every command gets: the parsed global options, the opened store, and
// the reader's view. Commands print through Output so that --json is uniform.
#pragma once
#include <nlohmann/json.hpp>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "access/feed.h"
#include "access/view.h"
#include "graph/graph.h"
#include "graph/reader_graph.h"
#include "query/session.h"
#include "store/store.h"

namespace dossier::cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
  kOk = 0,
  kNotFound = 1,     // the entity, path or statement asked for does not exist (for this reader)
  kUsage = 2,        // bad command line
  kBadInput = 3,     // a file or value was rejected; nothing was written
  kAccess = 4,       // unknown user, or the store has principals and --as is missing
  kStoreError = 5,   // the store could not be opened or written
};

struct GlobalOptions {
  std::string program = "dossier";  // as invoked (argv[0]), for commands we print
  std::string store_path;
  std::string as_user;
  std::string token;  // an API token: the user is the token's (instead of --as)
  bool json = false;
};

class CommandError : public std::runtime_error {
 public:
  CommandError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Context : public query::Session {
 public:
  // Holds a reference: the options are filled in by parsing after construction.
  explicit Context(const GlobalOptions& options) : options_(options) {}
  const GlobalOptions& options() const { return options_; }
  bool json() const { return options_.json; }
  // Opens the store (creating it only when `create`); throws CommandError.
  store::Store& Store(bool create = false);
  access::View& View() override;
  // Who is acting: the user of --token when given (CommandError kAccess for a
  // bad token), else --as / $DOSSIER_USER ("" when neither).
  const std::string& UserName();
  access::Feed& Feed() override;
  // The link-analysis graph, built from the store on first use (progress on a
  // terminal), and the reader's view of it.
  const graph::Graph& Graph();
  const graph::ReaderGraph& ReaderGraph() override;

  // Auditing reads: a read command says how many results it gave; Run() then
  // appends one entry for it, as the reader the command resolved (none if it
  // never got that far).
  void SetResults(int64_t n) { results_ = n; }
  int64_t results() const { return results_; }
  // A command that wrote its own, fuller audit entry (export --for) says so.
  void MarkAudited() { audited_ = true; }
  bool audited() const { return audited_; }
  access::View* view_if_opened() { return view_.get(); }

 private:
  int64_t results_ = 0;
  bool audited_ = false;
  std::optional<std::string> user_name_;
  const GlobalOptions& options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<access::View> view_;
  std::unique_ptr<access::Feed> feed_;
  std::unique_ptr<graph::Graph> graph_;
  std::unique_ptr<graph::ReaderGraph> reader_graph_;
};

// Prints one JSON document (or line) to standard output.
void PrintJson(const nlohmann::json& doc);

}  // namespace dossier::cli
