#include "cli/context.h"

#include <filesystem>
#include <iostream>

#include "access/credentials.h"
#include "access/reader.h"
#include "ingest/progress.h"
#include "store/sqlite.h"

namespace dossier::cli {

store::Store& Context::Store(bool create) {
  if (store_) return *store_;
  const std::string& path = options_.store_path;
  if (!create && !std::filesystem::exists(path))
    throw CommandError(kStoreError, "no store at " + path + " (run `dossier --store " + path + " init` first)");
  try {
    store_ = store::Store::Open(path, create);
  } catch (const store::StoreError& e) {
    throw CommandError(kStoreError, e.what());
  }
  return *store_;
}

const std::string& Context::UserName() {
  if (user_name_) return *user_name_;
  if (options_.token.empty()) return *(user_name_ = options_.as_user);
  try {
    user_name_ = access::UserOfToken(Store(false), options_.token);
  } catch (const access::AuthenticationError& e) {
    throw CommandError(kAccess, std::string(e.what()) + ": the token is unknown, revoked or mistyped");
  }
  if (!options_.as_user.empty() && options_.as_user != *user_name_)
    throw CommandError(kAccess, "--as names another user than the token's");
  return *user_name_;
}

access::View& Context::View() {
  if (view_) return *view_;
  auto& store = Store(false);
  try {
    view_ = std::make_unique<access::View>(store, access::Reader::Resolve(store, UserName()));
  } catch (const access::AccessError& e) {
    throw CommandError(kAccess, e.what());
  }
  return *view_;
}

access::Feed& Context::Feed() {
  if (!feed_) feed_ = std::make_unique<access::Feed>(Store(false));
  return *feed_;
}

const graph::Graph& Context::Graph() {
  if (graph_) return *graph_;
  const auto total = Store(false).Count().statements;
  ingest::Progress progress("graph", static_cast<uint64_t>(total), ingest::StderrIsTerminal());
  graph::BuildProgress last;
  graph_ = std::make_unique<graph::Graph>(graph::Graph::Build(Feed(), [&](const graph::BuildProgress& p) {
    last = p;
    progress.Update(static_cast<uint64_t>(p.statements), static_cast<uint64_t>(p.statements));
  }));
  progress.Finish(static_cast<uint64_t>(last.statements));
  return *graph_;
}

const graph::ReaderGraph& Context::ReaderGraph() {
  if (!reader_graph_) {
    const graph::Graph& g = Graph();
    reader_graph_ = std::make_unique<graph::ReaderGraph>(g, View());
  }
  return *reader_graph_;
}

void PrintJson(const nlohmann::json& doc) { std::cout << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; }

}  // namespace dossier::cli
