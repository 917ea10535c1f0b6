// Texts of schema/ftm.json and schema/countries.json, compiled in by CMake
// (see schema_data.cc.in), so the definition is data yet the binary stands alone.
#pragma once
#include <string_view>

namespace dossier::model {
extern const std::string_view kSchemaJson;
extern const std::string_view kCountriesJson;
extern const std::string_view kNamesJson;  // schema/names.json: vocabularies of match/name
extern const std::string_view kMatchWeightsJson;  // schema/match_weights.json: match/scorer weights
}
