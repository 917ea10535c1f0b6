// Links records of one person or organisation across sources with the matching
// engine: cross-referencing (resolve/xref.h) proposes pairs, and only confident,
// unambiguous ones are kept, since the links are recorded without review.
//
// Contract: a pair (a, b) is linked when
// - its score is at least kLinkThreshold (a bare name must agree fully: names alone
//   are capped at 0.78, and a conflicting birth date or identifier pulls below);
// - a and b come from different sources (no dataset in common): the demo links
//   lists to each other, it does not deduplicate within one;
// - neither end has another pair at or above the threshold with an entity of the
//   other end's sources (a common name that fits two entries of one list links to
//   neither).
// Links are recorded as positive judgements by `user`.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "access/view.h"

namespace dossier::analysis {

inline constexpr double kLinkThreshold = 0.72;

struct Link {
  std::string a, b;
  double score = 0;
};

// Proposes links among all visible matchable entities.
std::vector<Link> ProposeLinks(access::View& view);

// Records the links as positive judgements; returns how many were new.
int RecordLinks(store::Store& store, const std::vector<Link>& links, const std::string& user);

}  // namespace dossier::analysis
