// Comparing two MatchRecords feature by feature. See features.h for the contract.
#include "match/features.h"

#include <algorithm>
#include <cstdlib>

#include "match/jaro_winkler.h"
#include "match/levenshtein.h"
#include "match/name_similarity.h"

namespace dossier::match {
namespace {

constexpr std::array<std::string_view, kFeatureCount> kNames = {
    "name_match",          "name_exact",           "surname_match",          "given_match",
    "birth_date_exact",    "birth_date_year_month", "birth_date_typo",       "birth_date_year",
    "birth_date_within_year", "birth_date_conflict", "country_match",        "country_conflict",
    "gender_conflict",     "passport_match",        "passport_conflict",     "tax_match",
    "tax_conflict",        "registration_match",    "registration_conflict", "imo_match",
    "imo_conflict",        "id_match",              "id_conflict",           "id_near",
    "address_match",       "postcode_match",        "postcode_conflict",     "city_match",
    "email_match",         "legal_form_conflict",
};

FeatureValue& At(FeatureVector& v, Feature f) { return v[static_cast<std::size_t>(f)]; }

void SetIndicator(FeatureVector& v, Feature f, bool explain, std::string detail) {
  auto& x = At(v, f);
  x.known = true;
  x.score = x.value = 1.0;
  if (explain) x.detail = std::move(detail);
}

void SetSimilarity(FeatureVector& v, Feature f, double s, bool explain, std::string detail) {
  auto& x = At(v, f);
  x.known = true;
  x.score = s;
  x.value = 2.0 * s - 1.0;
  if (explain) x.detail = std::move(detail);
}

std::string Fixed2(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

// ---- birth dates -----------------------------------------------------------------

enum class DateRelation { kExact, kYearMonth, kTypo, kYear, kWithinYear, kConflict };

bool OneDigitApart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t first = a.size(), diffs = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) {
      if (first == a.size()) first = i;
      ++diffs;
    }
  if (diffs == 1) return true;
  // Adjacent transposition: "1908-12-09" / "1908-12-90".
  return diffs == 2 && first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first];
}

DateRelation Relate(std::string_view a, std::string_view b) {
  if (a == b && a.size() == 10) return DateRelation::kExact;
  const int ya = std::atoi(std::string(a.substr(0, 4)).c_str());
  const int yb = std::atoi(std::string(b.substr(0, 4)).c_str());
  if (a.size() >= 7 && b.size() >= 7 && a.substr(0, 7) == b.substr(0, 7)) return DateRelation::kYearMonth;
  if (a.size() == 10 && b.size() == 10) {
    if (OneDigitApart(a, b)) return DateRelation::kTypo;
    // Day and month swapped (an American and a European clerk).
    if (a.substr(0, 4) == b.substr(0, 4) && a.substr(5, 2) == b.substr(8, 2) && a.substr(8, 2) == b.substr(5, 2))
      return DateRelation::kTypo;
  }
  // "1960" against "1960-09-07" agrees as far as it goes; two months of one year
  // that differ are still the same year.
  if (ya == yb) return DateRelation::kYear;
  if (std::abs(ya - yb) == 1) return DateRelation::kWithinYear;
  return DateRelation::kConflict;
}

void CompareBirthDates(const MatchRecord& a, const MatchRecord& b, bool explain, FeatureVector& out) {
  if (a.birth_dates.empty() || b.birth_dates.empty()) return;
  DateRelation best = DateRelation::kConflict;
  std::string_view best_a = a.birth_dates.front(), best_b = b.birth_dates.front();
  for (const auto& x : a.birth_dates)
    for (const auto& y : b.birth_dates) {
      // "1960" vs "1960": same year, and as exact as the data allows.
      DateRelation r = (x == y && x.size() < 10) ? (x.size() == 7 ? DateRelation::kYearMonth : DateRelation::kYear)
                                                 : Relate(x, y);
      if (r < best) best = r, best_a = x, best_b = y;
    }
  const std::string pair = explain ? std::string(best_a) + " ~ " + std::string(best_b) : std::string();
  switch (best) {
    case DateRelation::kExact: SetIndicator(out, Feature::kBirthDateExact, explain, pair + ": same date"); break;
    case DateRelation::kYearMonth: SetIndicator(out, Feature::kBirthDateYearMonth, explain, pair + ": same year and month"); break;
    case DateRelation::kTypo: SetIndicator(out, Feature::kBirthDateTypo, explain, pair + ": one digit apart or day/month swapped"); break;
    case DateRelation::kYear: SetIndicator(out, Feature::kBirthDateYear, explain, pair + ": same year"); break;
    case DateRelation::kWithinYear: SetIndicator(out, Feature::kBirthDateWithinYear, explain, pair + ": a year apart"); break;
    case DateRelation::kConflict: SetIndicator(out, Feature::kBirthDateConflict, explain, pair + ": different birth dates"); break;
  }
}

// ---- sets of codes -----------------------------------------------------------------

// First element common to two sorted vectors, or nullptr.
const std::string* FirstCommon(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else return &*i;
  }
  return nullptr;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void CompareCodes(const std::vector<std::string>& a, const std::vector<std::string>& b, Feature match,
                  Feature conflict, std::string_view what, bool explain, FeatureVector& out) {
  if (a.empty() || b.empty()) return;
  if (const std::string* c = FirstCommon(a, b)) {
    SetIndicator(out, match, explain, explain ? std::string(what) + " " + *c + " on both" : std::string());
  } else {
    SetIndicator(out, conflict, explain, explain ? std::string(what) + " " + Join(a) + " vs " + Join(b) : "");
  }
}

// ---- identifiers -------------------------------------------------------------------

bool NearIdentifier(const std::string& a, const std::string& b) {
  if (a.size() < 5 || b.size() < 5) return false;
  return DamerauOsa(std::string_view(a), std::string_view(b)) <= 1;
}

void CompareIdentifiers(const MatchRecord& a, const MatchRecord& b, bool explain, FeatureVector& out) {
  if (a.identifiers.empty() || b.identifiers.empty()) return;
  struct KindState {
    bool left = false, right = false, equal = false, near = false;
    std::string equal_value, near_values;
  };
  std::array<KindState, kIdentifierKinds> st;
  for (const auto& x : a.identifiers) st[static_cast<int>(x.kind)].left = true;
  for (const auto& y : b.identifiers) st[static_cast<int>(y.kind)].right = true;
  bool any_equal = false;
  for (const auto& x : a.identifiers)
    for (const auto& y : b.identifiers) {
      const bool comparable = x.kind == y.kind || x.kind == IdentifierKind::kGeneric || y.kind == IdentifierKind::kGeneric;
      if (!comparable) continue;
      // A generic number meeting a specific one is credited to the specific kind.
      const IdentifierKind kind = x.kind == IdentifierKind::kGeneric ? y.kind : x.kind;
      auto& k = st[static_cast<int>(kind)];
      if (x.value == y.value) {
        k.equal = true;
        any_equal = true;
        if (k.equal_value.empty()) k.equal_value = x.value;
      } else if (kind != IdentifierKind::kImo && NearIdentifier(x.value, y.value)) {
        // IMO numbers carry a check digit: one digit off is another ship, not a typo.
        k.near = true;
        if (explain && k.near_values.empty()) k.near_values = x.value + " ~ " + y.value;
      }
    }
  static constexpr std::array<std::pair<Feature, Feature>, kIdentifierKinds> kFeatures = {{
      {Feature::kPassportMatch, Feature::kPassportConflict},
      {Feature::kTaxMatch, Feature::kTaxConflict},
      {Feature::kRegistrationMatch, Feature::kRegistrationConflict},
      {Feature::kImoMatch, Feature::kImoConflict},
      {Feature::kIdMatch, Feature::kIdConflict},
  }};
  bool near_set = false;
  for (int kind = 0; kind < kIdentifierKinds; ++kind) {
    const auto& k = st[kind];
    const std::string name(IdentifierKindName(static_cast<IdentifierKind>(kind)));
    if (k.equal) {
      SetIndicator(out, kFeatures[kind].first, explain, name + " number " + k.equal_value + " on both");
    } else if (k.near && !any_equal) {
      if (!near_set) SetIndicator(out, Feature::kIdNear, explain, name + " numbers one typo apart: " + k.near_values);
      near_set = true;
    } else if (k.left && k.right && !any_equal) {
      // Both hold a number of this kind and none agrees: strong counter-evidence.
      // (When another kind agrees, a second passport is not a contradiction.)
      SetIndicator(out, kFeatures[kind].second, explain, name + " numbers differ");
    }
  }
}

// ---- addresses, cities, e-mails -------------------------------------------------------

bool IsNumber(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double BestLikeness(const std::string& token, const std::vector<std::string>& others) {
  double best = 0.0;
  for (const auto& o : others) {
    double s;
    if (o == token) s = 1.0;
    else if (IsNumber(o) || IsNumber(token)) s = 0.0;
    else s = JaroWinkler(token, o);
    if (s >= 0.8) best = std::max(best, s);
    if (best == 1.0) break;
  }
  return best;
}

double MongeElkan(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  double sum = 0.0;
  for (const auto& t : a) sum += BestLikeness(t, b);
  return sum / static_cast<double>(a.size());
}

void CompareAddresses(const MatchRecord& a, const MatchRecord& b, bool explain, FeatureVector& out) {
  if (!a.address_tokens.empty() && !b.address_tokens.empty()) {
    const double s = 0.5 * (MongeElkan(a.address_tokens, b.address_tokens) + MongeElkan(b.address_tokens, a.address_tokens));
    SetSimilarity(out, Feature::kAddressMatch, s, explain,
                  explain ? "address tokens " + Fixed2(s) + " alike" : "");
  }
  CompareCodes(a.postcodes, b.postcodes, Feature::kPostcodeMatch, Feature::kPostcodeConflict, "postcode", explain, out);
  if (!a.cities.empty() && !b.cities.empty()) {
    double best = 0.0;
    std::string pair;
    for (const auto& x : a.cities)
      for (const auto& y : b.cities) {
        const double s = JaroWinkler(x, y);
        if (s > best) {
          best = s;
          if (explain) pair = x + " ~ " + y;
        }
      }
    SetSimilarity(out, Feature::kCityMatch, best, explain, pair);
  }
  if (!a.emails.empty() && !b.emails.empty()) {
    double best = 0.0;
    std::string pair;
    for (const auto& x : a.emails)
      for (const auto& y : b.emails) {
        const double s = x == y ? 1.0 : LevenshteinSimilarity(std::string_view(x), std::string_view(y));
        if (s > best) {
          best = s;
          if (explain) pair = x + " ~ " + y;
        }
      }
    SetSimilarity(out, Feature::kEmailMatch, best, explain, pair);
  }
}

// ---- names -------------------------------------------------------------------------

void CompareNameFeatures(const MatchRecord& a, const MatchRecord& b, bool explain, FeatureVector& out) {
  auto& name = At(out, Feature::kNameMatch);
  if (a.names.empty() || b.names.empty()) {
    // Nothing else may stand in for a name: a pair with a nameless side is scored as
    // if the names differed, or a shared birth year alone would make a match.
    name.known = true;
    name.score = 0.0;
    name.value = -1.0;
    if (explain) name.detail = "no name on one side";
    return;
  }
  NameComparison c = BestNameMatch(a, b, explain);
  // Name similarity says little below 0.5 (unrelated names share letters) and a lot
  // between 0.8 and 1: the value rises from -1 at 0.5 to +1 at 1.
  name.known = true;
  name.score = c.score;
  name.value = std::clamp(4.0 * c.score - 3.0, -1.0, 1.0);
  if (explain) name.detail = std::move(c.detail);
  if (c.exact && c.left && c.right && !c.left->weak && !c.right->weak)
    SetIndicator(out, Feature::kNameExact, explain, "the same name");
  if (c.surname >= 0.0)
    SetSimilarity(out, Feature::kSurnameMatch, c.surname, explain, explain ? "surnames " + Fixed2(c.surname) + " alike" : "");
  if (c.given >= 0.0)
    SetSimilarity(out, Feature::kGivenMatch, c.given, explain, explain ? "given names " + Fixed2(c.given) + " alike" : "");

  // Legal forms: only for organisations, and only when every name on a side that has
  // one agrees on its family (a company "LLC" and "PLC" at once is a data error).
  if (a.name_kind == NameKind::kOrganisation || b.name_kind == NameKind::kOrganisation) {
    std::vector<std::string> fa, fb;
    for (const auto& n : a.names)
      if (!n.name.legal_family.empty()) fa.push_back(n.name.legal_family);
    for (const auto& n : b.names)
      if (!n.name.legal_family.empty()) fb.push_back(n.name.legal_family);
    std::sort(fa.begin(), fa.end());
    std::sort(fb.begin(), fb.end());
    fa.erase(std::unique(fa.begin(), fa.end()), fa.end());
    fb.erase(std::unique(fb.begin(), fb.end()), fb.end());
    if (!fa.empty() && !fb.empty() && FirstCommon(fa, fb) == nullptr)
      SetIndicator(out, Feature::kLegalFormConflict, explain, "legal forms " + Join(fa) + " vs " + Join(fb));
  }
}

}  // namespace

std::string_view FeatureName(Feature f) {
  const auto i = static_cast<std::size_t>(f);
  return i < kFeatureCount ? kNames[i] : std::string_view("unknown");
}

Feature FeatureByName(std::string_view name) {
  for (std::size_t i = 0; i < kFeatureCount; ++i)
    if (kNames[i] == name) return static_cast<Feature>(i);
  return Feature::kCount;
}

bool IsNameFeature(Feature f) {
  return f == Feature::kNameMatch || f == Feature::kNameExact || f == Feature::kSurnameMatch ||
         f == Feature::kGivenMatch;
}

FeatureVector CompareRecords(const MatchRecord& a, const MatchRecord& b, bool explain) {
  FeatureVector out;
  CompareNameFeatures(a, b, explain, out);
  CompareBirthDates(a, b, explain, out);
  CompareCodes(a.countries, b.countries, Feature::kCountryMatch, Feature::kCountryConflict, "country", explain, out);
  const auto binary = [](const std::string& g) { return g == "male" || g == "female"; };
  if (binary(a.gender) && binary(b.gender) && a.gender != b.gender)
    SetIndicator(out, Feature::kGenderConflict, explain, a.gender + " vs " + b.gender);
  CompareIdentifiers(a, b, explain, out);
  CompareAddresses(a, b, explain, out);
  return out;
}

}  // namespace dossier::match
