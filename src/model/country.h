// Countries as ISO 3166-1 alpha-2 codes in lower case ("ru", "az").
// Reads codes ("RU", "RUS"), English, French, German, Spanish and Russian names
// from ICU, and the spellings and nationalities in schema/countries.json.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dossier::model {

std::optional<std::string> NormaliseCountry(std::string_view text);

// ICU's English name for a code ("ru" -> "Russia"); the code itself if unknown.
std::string CountryName(std::string_view code);

// ISO 3166-1 alpha-3 for a code ("de" -> "DEU"); empty if unknown.
std::string CountryAlpha3(std::string_view code);

}  // namespace dossier::model
