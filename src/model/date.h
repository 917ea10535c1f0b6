// Dates as ISO 8601 prefixes: "1960", "1960-09", "1960-09-07", and timestamps
// "1960-09-07T12:00:00". Parses the spellings source lists use ("07 Sep 1960",
// "Sep 1960", "circa 1960", "07.09.1960", "1960/09/07") and rejects the rest.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dossier::model {

// Returns the ISO prefix, or nullopt when `text` is not a date we can read.
std::optional<std::string> NormaliseDate(std::string_view text);

}  // namespace dossier::model
