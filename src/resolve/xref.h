// Cross-referencing: pairs of entities in the corpus that are likely one, within
// a dataset or across two, ranked, each with its explanation.
//
// Contract:
// - Left side: entities holding a statement from one of `datasets` (all entities
//   when empty); right side: from one of `against` (all when empty). A pair is
//   reported once, as (a, b) with a's id before b's, however it was found.
// - Each left entity's names query the candidate index (the classes its schema
//   may match); the best `candidates` are scored; pairs at or above `threshold`
//   are kept. Pairs already judged (any verdict between any of their members)
//   are left out: the analyst has spoken.
// - Order: score descending, then a, then b. With `limit`, the first `limit`.
// - Work is split over `threads` threads; the result does not depend on how many.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "match/scorer.h"
#include "resolve/corpus.h"

namespace dossier::resolve {

struct XrefOptions {
  std::vector<std::string> datasets, against;
  double threshold = 0.7;
  size_t limit = 0;  // 0: all
  size_t candidates = 20;
  int threads = 2;
};

struct XrefPair {
  uint32_t a, b;  // corpus numbers, entity(a).id < entity(b).id
  match::MatchResult result;
};

using JudgedPairs = std::set<std::pair<std::string, std::string>>;  // (min id, max id) of entity ids

std::vector<XrefPair> Xref(const MatchCorpus& corpus, const JudgedPairs& judged, const XrefOptions& options,
                           const std::function<void(size_t, size_t)>& progress = {},
                           const match::Scorer& scorer = match::Scorer::Default());

}  // namespace dossier::resolve
