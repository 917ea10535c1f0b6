// The queries of the search and show benchmark, drawn from the statements CSV
// that was ingested: names of persons and companies turned into what analysts
// type (the exact name, its tokens reordered, lower case, a single token), and
// entity ids to show. Deterministic from a seed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::bench {

enum class QueryKind { kExact, kReordered, kLowercase, kOneToken };
inline constexpr const char* kQueryKindNames[] = {"exact", "reordered", "lowercase", "one-token"};

struct SearchQuery {
  QueryKind kind;
  std::string text;
  std::string expected_id;  // the entity whose name the query came from
};

struct QuerySample {
  std::vector<SearchQuery> searches;
  std::vector<std::string> show_ids;  // persons and companies
};

// Reads the CSV once (reservoir sampling over rows with prop "name" of
// Person and Company entities); `n` searches, kinds in turn, and `n` ids.
QuerySample SampleQueries(const std::string& csv_path, size_t n, uint64_t seed);

}  // namespace dossier::bench
