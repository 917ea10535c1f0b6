// Validation and normalisation of one property value by its type.
//
// Contract: Normalise() either returns the canonical form (dates as ISO
// prefixes, countries as lower-case alpha-2, genders as male/female/other,
// names with single spaces) or fails with a reason a user can act on.
#pragma once
#include <string>
#include <string_view>

#include "model/schema.h"

namespace dossier::model {

struct NormalisedValue {
  bool ok = false;
  std::string value;   // canonical form when ok
  std::string reason;  // why not, when !ok
};

NormalisedValue Normalise(PropertyType type, std::string_view raw, const Model& model = Model::Default());

// Collapses runs of white space to one space and trims.
std::string CollapseSpaces(std::string_view text);

}  // namespace dossier::model
