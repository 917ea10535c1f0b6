// yente's shapes (OpenSanctions' screening API, NOTES.md §3), so that clients of
// yente can switch to dossier: queries in, results out.
//
//   query   {"id": "q1", "schema": "Person",
//            "properties": {"name": ["Igor Sechin"], "birthDate": ["1960-09-07"]}}
//   result  {"id", "caption", "schema", "properties", "datasets", "score", "match",
//            "explanations": {"name_match": {"score", "detail", "weight", "contribution"}, ...},
//            "algorithm"}
//
// Contract: QueryFromJson accepts exactly yente's query object (properties map to
// a string or a list of strings; "id" and "schema" optional) and throws
// QueryError naming the field otherwise. Results carry what the reader may see
// of the entity and nothing else.
#pragma once
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "resolve/screen.h"

namespace dossier::resolve {

class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

ScreenQuery QueryFromJson(const nlohmann::json& doc);

// A CSV query file: a header of FtM property names, plus optional "id" and
// "schema" columns; several values in one cell are separated by ";".
ScreenQuery QueryFromCsv(const std::vector<std::string>& header, const std::vector<std::string>& row);

nlohmann::json ExplanationsJson(const match::MatchResult& result);
nlohmann::json HitJson(const MatchCorpus& corpus, const ScreenHit& hit);
// {"id": QUERY_ID, "results": [...], "total": {"value": N, "relation": "eq"}}
// plus "warnings" when there are any.
nlohmann::json AnswerJson(const MatchCorpus& corpus, const ScreenAnswer& answer);

}  // namespace dossier::resolve
