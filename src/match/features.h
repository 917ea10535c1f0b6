// The evidence two MatchRecords give about being the same entity: named features in
// a fixed order, each with a score, the value the scorer weighs, and a detail a
// person can read ("igor sechin ~ igor ivanovich sechin: tokens aligned").
//
// Contract:
// - CompareRecords(a, b) fills all kFeatureCount features, in the order of Feature.
//   Symmetric up to the order of names in the details.
// - Missing evidence is neutral (except a missing name, below): a feature whose inputs
//   are absent on either side has known = false, score 0 and value 0, so it adds
//   nothing to a linear score.
// - Indicators (score and value 0 or 1): name_exact; the birth-date relations, of
//   which at most one is set -- the closest relation of any pair of dates: exact (same
//   full date), year_month (same year and month, or one date is given to the month
//   and agrees), typo (full dates one digit substitution or adjacent transposition
//   apart, or day and month swapped: how clerks and OCR get dates wrong), year (same
//   year), within_year (years one apart), conflict (none of those); country
//   match / conflict (some shared / both known and none shared); gender_conflict;
//   per identifier kind, match / conflict (both sides hold that kind: some value
//   equal / none equal); the generic idNumber meets every kind, because lists file
//   passport and tax numbers under it; id_near (no identifier equal, two of the same
//   or generic kind of 5+ characters one edit or transposition apart: a typo, which
//   then is not a conflict; never for IMO numbers, whose check digit makes a one-digit
//   difference another ship); postcode match / conflict; legal_form_conflict (two
//   organisation names with different legal-form families: "LLC" vs "PLC").
// - name_match: score = NameComparison::score of the best name pair; value
//   clamp(4 score - 3, -1, 1): -1 up to 0.5 (unrelated names share letters), +1 at 1,
//   steep where names differ by a letter or a token. A record with no name at all
//   makes name_match known with score 0 and value -1 ("no name on one side"): a
//   shared birth year or city must not stand in for a name.
// - Similarities (score in [0, 1]; value 2 score - 1 in [-1, 1], so a poor similarity
//   is evidence against): surname_match, given_match, address_match (symmetric Monge-Elkan over address
//   tokens: each token's best Jaro-Winkler in the other set, 0 below 0.8, numbers
//   only by equality), city_match (best Jaro-Winkler), email_match (1 if equal, else
//   Levenshtein similarity).
// - `explain` false skips building the detail strings (bulk scoring); values are the
//   same either way.
// - Pure functions, thread-safe.
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "match/match_record.h"

namespace dossier::match {

enum class Feature : int {
  kNameMatch,
  kNameExact,
  kSurnameMatch,
  kGivenMatch,
  kBirthDateExact,
  kBirthDateYearMonth,
  kBirthDateTypo,
  kBirthDateYear,
  kBirthDateWithinYear,
  kBirthDateConflict,
  kCountryMatch,
  kCountryConflict,
  kGenderConflict,
  kPassportMatch,
  kPassportConflict,
  kTaxMatch,
  kTaxConflict,
  kRegistrationMatch,
  kRegistrationConflict,
  kImoMatch,
  kImoConflict,
  kIdMatch,
  kIdConflict,
  kIdNear,
  kAddressMatch,
  kPostcodeMatch,
  kPostcodeConflict,
  kCityMatch,
  kEmailMatch,
  kLegalFormConflict,
  kCount
};
inline constexpr std::size_t kFeatureCount = static_cast<std::size_t>(Feature::kCount);

// "name_match", "birth_date_exact", ... (stable: the weights file and explanations use them).
std::string_view FeatureName(Feature f);
// Feature with that name, or Feature::kCount.
Feature FeatureByName(std::string_view name);
// True for the features that only say something about the names (name_match,
// name_exact, surname_match, given_match): the scorer caps what they alone can add.
bool IsNameFeature(Feature f);

struct FeatureValue {
  bool known = false;
  double score = 0.0;  // the feature's own measure, for explanations
  double value = 0.0;  // what the scorer weighs
  std::string detail;
};

using FeatureVector = std::array<FeatureValue, kFeatureCount>;

FeatureVector CompareRecords(const MatchRecord& a, const MatchRecord& b, bool explain = true);

}  // namespace dossier::match
