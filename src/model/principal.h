// Who reads: organisations and their users.
#pragma once
#include <string>

namespace dossier::model {

struct Organisation {
  std::string code;     // upper case, as used in REL TO and ORIG
  std::string country;  // ISO 3166 alpha-3, upper case ("DEU")
  std::string name;
};

struct User {
  std::string name;
  std::string organisation;  // code
  int clearance = 0;         // index into the store's classification scheme
  std::string role = "analyst";
};

}  // namespace dossier::model
