// Who reads: organisations and their users.
#pragma once
#include <string>
#include <vector>

namespace dossier::model {

struct Organisation {
  std::string code;     // upper case, as used in REL TO and ORIG
  std::string country;  // ISO 3166 alpha-3, upper case ("DEU")
  std::string name;
  std::vector<std::string> partners;  // organisations it shares with (codes, sorted)
};

struct User {
  std::string name;
  std::string organisation;  // code
  int clearance = 0;         // index into the store's classification scheme
  std::string role = "analyst";
  std::vector<std::string> compartments;  // sorted codes the user is read into
};

}  // namespace dossier::model
