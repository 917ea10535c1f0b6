// How alike two names of two records are: the name part of the scorer's features.
//
// Contract:
// - TokenLikeness(a, b) in [0, 1] for two RecordTokens: 1 when equal; 0.9 for an
//   initial against a name it begins ("j" / "john"); otherwise the best of
//   Jaro-Winkler (counted only from 0.8 up) and a phonetic fallback of 0.88 when the
//   Double Metaphone keys meet (primary or alternate, both tokens of 4+ letters) or the
//   consonant skeletons are equal ("muhammad" / "mohammed": "mhmd"); 0.97 when
//   Jaro-Winkler is 0.9 or more and the primary Metaphone keys are equal
//   ("lukoyl" / "lukoil": a transliteration variant). Tokens with a
//   digit compare only by equality ("7" is not "8", whatever the distance), and so do
//   roman numerals ("ii" / "iii"; a lone "i", "v", "x" only against another numeral,
//   since it may be an initial).
// - CompareNames aligns the tokens of two names one to one, maximising the summed
//   gain 2 min(w_l, w_r) (2 s - 0.5) of the pairs, with w the token's identity weight
//   (RecordToken::weight: the normaliser's role prior, patronymic 0.5, legal form
//   0.1..., times a length factor). Exact over all pairings when the shorter name has
//   at most kExactAlignTokens tokens, greedy (best pair first) beyond. The score is
//   M / (M + P): M = sum of s 2 min(w_l, w_r) over pairs, P = sum of (1 - s)
//   2 min(w_l, w_r) plus half of the unpaired weight (unpaired tokens and each pair's
//   excess); tokens left unpaired on both sides contradict each other, and the smaller
//   side's leftover weight costs in full instead of half. So token order does not
//   matter, a missing patronymic costs little, a missing given name more, and a
//   different given name most. Names whose letters are the same but split
//   differently ("abdul rahman" / "abdulrahman", "xi jin ping" / "xi jinping") count
//   as exact (score 1), and so do names whose letters as written (RecordName::letters,
//   legal forms and honorifics included) are equal. Names whose letters as written
//   are one edit apart (insertion, deletion, substitution or adjacent transposition;
//   both at least 4 letters; the same digits, the same roman numerals and, when
//   both have single letters, the same ones; and, when the tokens that differ are
//   all of 3 letters or fewer, some token in common that is not a common word, legal
//   form or particle: "VTB Bank" / "VEB Bank" are two banks) score at least
//   1 - 0.5 / length (a typo:
//   "LIMITED IABILITY COMPANY ELEM" / "LIMITED LIABILITY COMPANY ELEM", where the
//   broken legal form leaves the tokens unaligned, or "aju omran" / "abu omran",
//   where the short token falls under the Jaro-Winkler floor); the detail says
//   "one letter apart as written (a typo)". A weak alias on either side scales the score by 0.9. Names
//   stating different generations ("Jr" against none, "Sr" or "III") are never
//   exact and their score is scaled by kGenerationFactor (0.7): a father and son.
//   So are names other than persons' of which one is numbered (a number or a roman
//   numeral token) and the other not ("Sea Pearl" / "SEA PEARL I": two ships).
// - surname / given: for person names with at least two tokens on both sides, the
//   similarity of a surname paired with a surname (0 if none is) and the mean similarity of
//   the given names of the side with fewer of them; -1 when not applicable.
// - BestNameMatch: the pair of names (one from each record) with the highest score,
//   ties to the first; score 0 and no names when either record has none.
// - Detail (only when asked): "igor sechin ~ igor ivanovich sechin: 2 of 3 tokens
//   aligned; unmatched ivanovich (patronymic)".
// - Pure functions, thread-safe.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "match/match_record.h"

namespace dossier::match {

inline constexpr std::size_t kExactAlignTokens = 6;

inline constexpr double kGenerationFactor = 0.7;

struct NameComparison {
  double score = 0.0;
  double surname = -1.0;
  double given = -1.0;
  bool exact = false;  // the same tokens (as a multiset, honorifics aside) or letters
  const RecordName* left = nullptr;
  const RecordName* right = nullptr;
  std::string detail;
};

// `sound`: whether tokens that only sound alike (Double Metaphone, consonant
// skeleton) count; true for persons' names, which are transliterated by ear, and
// false for organisations', which are written ("maute group" is not "mehdi group").
double TokenLikeness(const RecordToken& a, const RecordToken& b, bool sound = true);

// Whether a folded token is a roman numeral that may number a name (i .. xiv; not
// "xi", more often a surname), and the generation a person's name states ("jr",
// "sr", "ii", "iii", "iv" or ""). BuildMatchRecord stores both with each name.
bool IsRomanNumeral(std::string_view token);
std::string GenerationOf(const NormalisedName& name);

NameComparison CompareNames(const RecordName& a, const RecordName& b, bool explain, bool sound = true);

NameComparison BestNameMatch(const MatchRecord& a, const MatchRecord& b, bool explain);

}  // namespace dossier::match
