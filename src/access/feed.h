// Feed: the whole store as integer rows, for structures that are built once and
// then shared by every reader (the link-analysis graph, graph/graph.h).
//
// Contract: the rows are every live statement, unfiltered, each with its marking
// key. Whatever is built from them must apply a reader's View before it answers
// (View::SeesMarking, View::Clusters): the feed itself decides nothing about
// who sees what, and nothing built from it may be shown to a reader unfiltered.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/source.h"
#include "store/store.h"

namespace dossier::access {

class Feed {
 public:
  explicit Feed(store::Store& store) : store_(store) {}

  using Row = store::Store::LeanStatement;
  // Every live statement in entity-key order; values only for `value_props`.
  void Scan(const std::vector<std::string>& value_props, const std::function<void(const Row&)>& fn) {
    store_.ScanLean(value_props, fn);
  }
  void ScanEntityIds(const std::function<void(int64_t key, std::string_view id)>& fn) { store_.ScanEntityIds(fn); }
  std::vector<std::string> EntityIds(const std::vector<int64_t>& keys) { return store_.EntityIds(keys); }
  store::Store::Vocabulary Vocabulary() { return store_.Vocab(); }
  // Each source key's reliability letter (A-F): the same for every reader.
  std::map<int64_t, char> ReliabilityBySourceKey();

 private:
  store::Store& store_;
};

}  // namespace dossier::access
