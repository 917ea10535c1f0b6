// The scorer: how likely two MatchRecords are one entity, as a score in [0, 1] that
// explains itself feature by feature.
//
// Algorithm "dossier-lr-v1": logistic regression over the features of features.h,
// with one set of weights per schema family (person, organisation, vessel, other),
// fitted by bench/match_fit.cc on the labelled pairs in bench/match/ and read from
// schema/match_weights.json (compiled in, like schema/names.json).
//
//   z = bias + sum_i weight_i * value_i;  score = 1 / (1 + exp(-z))
//
// Contract:
// - Schemata first: two records whose schemata cannot describe one entity (a Person
//   and a Company; model::Model::Common is null) score exactly 0, with the reason as
//   the "schema_match" explanation and no features computed. A schema the model does
//   not know is compatible with one of the same family or with a family-less one.
// - The family of the pair is that of the common (more specific) schema.
// - Names alone never reach certainty. The part of z that comes from the bias and the
//   name features (name_match, name_exact, surname_match, given_match) stays below
//   logit(name_only_ceiling) (0.78 in the shipped weights): two people may share a
//   name, and a screening list is full of common ones. The ceiling is soft: up to
//   kCeilingSoftness below it the name part counts in full; beyond, it approaches
//   the ceiling exponentially, so an exact name (about 0.76) still outscores a near
//   one (about 0.70), and only corroborating evidence (a birth date, an identifier,
//   a country) takes a pair higher. The explanation holds a "name_only_ceiling"
//   entry with the (negative) adjustment, so the contributions still add up:
//   bias + sum of contributions = z.
// - Every result lists each known feature with its score, value, weight,
//   contribution (weight * value) and detail, in Feature order, and carries the
//   algorithm name and version.
// - Score() builds details; ScoreValue() skips them for bulk work and returns the
//   same number. Both are pure and thread-safe; a Scorer is immutable.
// - FromJson() throws std::runtime_error on a malformed weights file (unknown feature
//   names, missing families, non-finite numbers).
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "match/features.h"
#include "match/match_record.h"

namespace dossier::match {

inline constexpr int kFamilyCount = 4;
inline constexpr double kCeilingSoftness = 1.5;  // in log-odds

struct FeatureContribution {
  std::string_view name;  // FeatureName(), or "name_only_ceiling"
  double score = 0.0;
  double value = 0.0;
  double weight = 0.0;
  double contribution = 0.0;  // weight * value, in log-odds
  std::string detail;
};

struct MatchResult {
  double score = 0.0;
  bool compatible = true;
  std::string algorithm;  // "dossier-lr-v1"
  SchemaFamily family = SchemaFamily::kOther;
  std::string schema_detail;  // "Person ~ Person" or why not
  double bias = 0.0;
  double log_odds = 0.0;  // z
  std::vector<FeatureContribution> features;  // known features only
};

struct FamilyWeights {
  double bias = 0.0;
  std::array<double, kFeatureCount> weights{};
};

class Scorer {
 public:
  static const Scorer& Default();  // schema/match_weights.json as compiled in
  static Scorer FromJson(std::string_view json_text);

  MatchResult Score(const MatchRecord& query, const MatchRecord& candidate) const;
  double ScoreValue(const MatchRecord& query, const MatchRecord& candidate) const;
  // The score of a feature vector under one family's weights (fitting and tests).
  double ScoreFeatures(SchemaFamily family, const FeatureVector& features) const;

  const std::string& algorithm() const { return algorithm_; }
  double default_threshold() const { return default_threshold_; }
  double name_only_ceiling() const { return name_only_ceiling_; }
  const FamilyWeights& weights(SchemaFamily family) const { return families_[static_cast<int>(family)]; }

 private:
  double LogOdds(SchemaFamily family, const FeatureVector& f, double* cap_adjustment) const;

  std::string algorithm_;
  double default_threshold_ = 0.7;
  double name_only_ceiling_ = 0.78;
  std::array<FamilyWeights, kFamilyCount> families_{};
};

// Whether two schemata can describe one entity, and the family to score them under.
bool SchemataCompatible(std::string_view a, std::string_view b, SchemaFamily* family, std::string* why);

// The result as JSON text: {"score", "match" (score >= threshold), "algorithm",
// "family", "log_odds", "bias", "explanations": {"name_match": {"score", "detail",
// "value", "weight", "contribution"}, ...}}: the explanations object is yente's
// shape with the weight and contribution added.
std::string ResultJson(const MatchResult& result, double threshold);

}  // namespace dossier::match
