// Links records of one person or organisation across sources, the simple way:
// the same name key (text::NameKey: folded, patronymics dropped, word order
// ignored) and no conflicting birth date. The matching engine replaces this
// with scored candidates; this is what the demo needs on real data.
//
// Contract: a key links entities only when each source involved holds exactly
// one entity with it (so a common name in one list never fans out), the
// schemata are compatible, and, where both sides state birth dates, at least
// one year agrees. Links are recorded as positive judgements by `user`.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "access/view.h"

namespace dossier::analysis {

struct Link {
  std::string a, b, key;
};

// Proposes links among all visible Person and Organization-like entities.
std::vector<Link> ProposeLinks(access::View& view);

// Records the links as positive judgements; returns how many were new.
int RecordLinks(store::Store& store, const std::vector<Link>& links, const std::string& user);

}  // namespace dossier::analysis
