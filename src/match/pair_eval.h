// Accuracy of the scorer on labelled pairs: the core of `dossier eval-pairs`.
//
// Input format (CSV, RFC 4180 quoting, UTF-8, a header line is optional and skipped
// when its last field is not a label):
//
//   schema,name1,name2,is_match[,props1,props2]
//   Person,"SECHIN, Igor Ivanovich",Игорь Сечин,1
//   Person,George Bush,George Bush,0,birthDate=1924-06-12,birthDate=1946-07-06
//
// is_match is 1/0, true/false, yes/no (any case). The optional props columns add
// FtM properties to either side as `key=value` items separated by '|'
// (`birthDate=1960|nationality=ru`), so hard negatives such as a father and son of
// one name can be written down.
//
// Contract:
// - ReadLabelledPairs never throws on bad input: each malformed row (wrong number of
//   fields, unknown label, empty schema or name, unterminated quote, bad props item)
//   becomes an error with its 1-based line number and is left out; good rows are kept.
// - Metrics: a pair is predicted a match when score >= threshold. Precision of no
//   predicted matches, recall of no true matches and F1 of both zero are 0.
// - BestThreshold sweeps every distinct score as a threshold and keeps the highest
//   F1, ties to the higher accuracy, then to the higher threshold; 0 rows give
//   threshold 1 and all-zero metrics.
// - EvaluatePairs scores every row with the scorer (schema of both sides = the row's
//   schema) and reports overall and per schema (sorted by schema name).
#pragma once
#include <cstddef>
#include <istream>
#include <span>
#include <string>
#include <vector>

#include "match/match_record.h"
#include "match/scorer.h"

namespace dossier::match {

struct LabelledPair {
  std::size_t line = 0;
  std::string schema;
  std::string name1, name2;
  bool is_match = false;
  PropertyMap extra1, extra2;  // from the optional props columns
};

struct PairReadError {
  std::size_t line = 0;
  std::string message;
};

struct PairFile {
  std::vector<LabelledPair> rows;
  std::vector<PairReadError> errors;
};

PairFile ReadLabelledPairs(std::istream& in);

struct ScoredLabel {
  double score = 0.0;
  bool is_match = false;
};

struct Metrics {
  double threshold = 0.0;
  std::size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double precision = 0.0, recall = 0.0, f1 = 0.0, accuracy = 0.0;
};

Metrics MetricsAt(std::span<const ScoredLabel> scored, double threshold);
Metrics BestThreshold(std::span<const ScoredLabel> scored);

struct PairEvalGroup {
  std::string schema;  // "" for the whole file
  std::size_t pairs = 0, positives = 0;
  Metrics at_threshold;
  Metrics best;
};

struct PairEvalReport {
  std::string algorithm;
  double threshold = 0.0;
  PairEvalGroup overall;
  std::vector<PairEvalGroup> per_schema;
  std::vector<ScoredLabel> scores;  // one per row, in row order
};

PairEvalReport EvaluatePairs(std::span<const LabelledPair> rows, const Scorer& scorer, double threshold);

// The MatchRecords of one row's two sides.
MatchRecord LeftRecord(const LabelledPair& row);
MatchRecord RightRecord(const LabelledPair& row);

// One line of RFC 4180 CSV into fields; false on an unterminated quote. Exposed
// because the bench readers use it too.
bool SplitCsvLine(std::string_view line, std::vector<std::string>& fields);

}  // namespace dossier::match
