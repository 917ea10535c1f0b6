// Judgements: an analyst's verdict that two entities are one (positive), are
// not (negative), or cannot be told apart yet (unsure); and withdrawing one.
//
// Contract: both entities must be visible to the reader (else QueryError
// kNotFound, as for an id never recorded); readers with the role "reader" may
// not judge (kForbidden). A judgement names the records the analyst named: a
// member id stays a member id, a cluster's id names the cluster. Every verdict
// and withdrawal is appended to the audit log.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "access/view.h"

namespace dossier::query {

// {"a","b","verdict"} plus "note" when nothing changed, "apart": true when a
// positive verdict leaves the two apart (a negative judgement keeps their
// clusters apart); for a withdrawal {"a","b","verdict": null,"undone": true}.
nlohmann::json Judge(access::View& view, const std::string& a, const std::string& b, const std::string& verdict, bool undo);

}  // namespace dossier::query
