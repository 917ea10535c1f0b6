#include "cli/context.h"

#include <filesystem>
#include <iostream>

#include "access/reader.h"
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

access::View& Context::View() {
  if (view_) return *view_;
  auto& store = Store(false);
  try {
    view_ = std::make_unique<access::View>(store, access::Reader::Resolve(store, options_.as_user));
  } catch (const access::AccessError& e) {
    throw CommandError(kAccess, e.what());
  }
  return *view_;
}

void PrintJson(const nlohmann::json& doc) { std::cout << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; }

}  // namespace dossier::cli
