// Finds the hidden ties: which subjects (members of an administration) are
// within a few hops of a sanctioned entity or a foreign government official,
// through which ties, on whose word, and under what marking.
//
// Contract: everything is read through the reader's View, so two readers get
// the findings their own visible statements support, and nothing else.
// Paths are shortest; among equally short ones the best graded wins (sum of
// each hop's best grading rank), then the smallest entity ids.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "access/view.h"
#include "model/marking.h"

namespace dossier::analysis {

// All ties between two adjacent entities of a path, strongest first.
struct PathStep {
  std::string from, to;
  std::vector<access::Tie> ties;
};

struct Route {
  std::vector<PathStep> steps;
  model::Marking marking;  // the highest marking of every tie shown
};

struct Finding {
  std::string subject, target;
  std::vector<std::string> reasons;  // "sanctioned: US Office of Foreign Assets Control", "foreign official: role.pep (az)"
  Route route;
  std::vector<Route> onward;  // from the target on to sanctioned entities
};

struct FindingsOptions {
  int max_hops = 3;
  int onward_hops = 2;
  std::string home_country = "us";  // officials of this country are not foreign
};

// Members of the administration: the head (given by name or id), the people
// the head's ties name in an office, and people tied to a national government
// body of the home country.
std::vector<std::string> AdministrationMembers(access::View& view, const std::string& head,
                                               const FindingsOptions& options = {});

// Why an entity is a target; empty when it is not one.
std::vector<std::string> TargetReasons(access::View& view, const std::string& id, const FindingsOptions& options = {});

std::vector<Finding> FindHiddenTies(access::View& view, const std::vector<std::string>& subjects,
                                    const FindingsOptions& options = {});

}  // namespace dossier::analysis
