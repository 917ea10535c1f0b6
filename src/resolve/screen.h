// Screening: a query (a name, perhaps with a birth date, nationality,
// identifiers) against the corpus, giving the entities it may be, scored and
// explained.
//
// Contract:
// - The query is a yente-style record: an optional id, a schema (default
//   "Thing", which searches every class) and FtM properties.
// - Candidates come from the corpus's index (the best `candidates` by name keys,
//   over the classes the query's schema may match); each is scored by the
//   match::Scorer; results are those scoring at least `min_score` (0 keeps all
//   candidates), best first, ties by entity id, at most `limit`. `match` marks
//   score >= threshold.
// - Filters: with datasets, only entities holding a statement from one of them;
//   with topics, only entities carrying one of them (a topic ending in ".*" takes
//   its whole family: "role.*" takes role.pep and role.rca).
// - The index is a name index: a query without a name finds nothing, and says
//   so in `warnings`.
// - Pure reads of an immutable corpus: safe from many threads.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "match/scorer.h"
#include "resolve/corpus.h"

namespace dossier::resolve {

struct ScreenQuery {
  std::string id;
  std::string schema = "Thing";
  match::PropertyMap properties;
};

struct ScreenOptions {
  double threshold = 0.7;   // results at or above are a "match"
  double min_score = 0.0;   // results below are dropped
  size_t limit = 5;
  size_t candidates = 50;   // how many the index hands the scorer
  std::vector<std::string> datasets;
  std::vector<std::string> topics;
};

struct ScreenHit {
  uint32_t entity;  // in the corpus
  match::MatchResult result;
  bool match = false;
};

struct ScreenAnswer {
  std::string query_id;
  std::vector<ScreenHit> hits;
  std::vector<std::string> warnings;
};

// Checks a query's schema and properties; returns the reason it cannot be
// screened, or nullopt when it can.
std::optional<std::string> InvalidQuery(const ScreenQuery& query);

ScreenAnswer Screen(const MatchCorpus& corpus, const ScreenQuery& query, const ScreenOptions& options,
                    const match::Scorer& scorer = match::Scorer::Default());

// Whether an entity passes the dataset and topic filters.
bool PassesFilters(const CorpusEntity& entity, const ScreenOptions& options);

}  // namespace dossier::resolve
