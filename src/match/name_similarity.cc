// Token alignment of two normalised names with role weights and phonetic
// fallbacks. See name_similarity.h for the contract.
#include "match/name_similarity.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "match/jaro_winkler.h"
#include "match/levenshtein.h"

namespace dossier::match {
namespace {

constexpr double kInitialLikeness = 0.9;
constexpr double kMinJaroWinkler = 0.8;
constexpr double kPhoneticLikeness = 0.88;
constexpr double kSoundAndSpelling = 0.97;
constexpr double kContradictionPenalty = 1.0;
constexpr double kWeakAliasFactor = 0.9;
constexpr double kUnpairedPenalty = 0.5;
constexpr double kNumberTypoLikeness = 0.3;
// One edit in the letters of a name as written costs kTypoCost / length: 0.94 for
// "ajuomran" / "abuomran", 0.99 for a long company name. Names shorter than
// kMinTypoLetters are left to the tokens ("eta" / "eda" are two acronyms).
constexpr double kTypoCost = 0.5;
constexpr std::size_t kMinTypoLetters = 4;

struct Pair {
  std::size_t left, right;
  double s;
};

// One pairing of the tokens of two names, and the M / (M + P) score of it.
struct Alignment {
  std::vector<Pair> pairs;
  double score = 0.0;
};

double PairGain(double wl, double wr, double s) { return 2.0 * std::min(wl, wr) * (2.0 * s - kUnpairedPenalty); }

double ScorePairing(const std::vector<RecordToken>& a, const std::vector<RecordToken>& b, const std::vector<Pair>& pairs) {
  double total = 0.0;
  for (const auto& t : a) total += t.weight;
  for (const auto& t : b) total += t.weight;
  double matched = 0.0, penalty = 0.0, paired = 0.0;
  for (const auto& p : pairs) {
    // An initial that stands for the name on the other side accounts for that
    // whole name: "Mahmoud T. Al-Harbi" is nearer "Mahmoud Tariq Al-Harbi" than
    // "Mahmoud Al-Harbi", which leaves the T. unexplained.
    const bool initial_for_name =
        p.s > 0.0 && (a[p.left].text.size() == 1) != (b[p.right].text.size() == 1);
    const double m = initial_for_name ? a[p.left].weight + b[p.right].weight
                                     : 2.0 * std::min(a[p.left].weight, b[p.right].weight);
    matched += p.s * m;
    penalty += (1.0 - p.s) * m;
    paired += m;
  }
  penalty += kUnpairedPenalty * (total - paired);
  // Tokens left over on both sides contradict each other ("Ziya" / "Anar Mammadov",
  // "Michael T." / "Michael G."): that much of the leftover weight costs in full, not
  // as an omission.
  std::vector<bool> used_a(a.size()), used_b(b.size());
  for (const auto& p : pairs) used_a[p.left] = used_b[p.right] = true;
  double left_over_a = 0.0, left_over_b = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!used_a[k]) left_over_a += a[k].weight;
  for (std::size_t k = 0; k < b.size(); ++k)
    if (!used_b[k]) left_over_b += b[k].weight;
  penalty += (kContradictionPenalty - kUnpairedPenalty) * std::min(left_over_a, left_over_b);
  return matched + penalty > 0.0 ? matched / (matched + penalty) : 0.0;
}

// Exact: dynamic programming over the subsets of the shorter side (rows are the
// longer side, so at most 2^kExactAlignTokens states per row).
std::vector<Pair> PairExact(const std::vector<RecordToken>& rows, const std::vector<RecordToken>& cols,
                            const std::vector<double>& sim /* rows x cols */) {
  const std::size_t n = rows.size(), m = cols.size();
  const std::size_t states = std::size_t{1} << m;
  constexpr double kNone = -1e300;
  std::vector<double> best((n + 1) * states, kNone);
  std::vector<int8_t> choice((n + 1) * states, -1);
  best[0] = 0.0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t mask = 0; mask < states; ++mask) {
      const double here = best[i * states + mask];
      if (here == kNone) continue;
      auto relax = [&](std::size_t next_mask, double value, int8_t c) {
        double& slot = best[(i + 1) * states + next_mask];
        if (value > slot + 1e-12) {
          slot = value;
          choice[(i + 1) * states + next_mask] = c;
        }
      };
      relax(mask, here, -1);  // row i stays unpaired
      for (std::size_t j = 0; j < m; ++j) {
        if (mask & (std::size_t{1} << j)) continue;
        const double s = sim[i * m + j];
        if (s <= 0.0) continue;
        relax(mask | (std::size_t{1} << j), here + PairGain(rows[i].weight, cols[j].weight, s), static_cast<int8_t>(j));
      }
    }
  std::size_t mask = 0;
  for (std::size_t s = 0; s < states; ++s)
    if (best[n * states + s] > best[n * states + mask] + 1e-12) mask = s;
  std::vector<Pair> pairs;
  for (std::size_t i = n; i > 0; --i) {
    const int8_t c = choice[i * states + mask];
    if (c >= 0) {
      const auto j = static_cast<std::size_t>(c);
      pairs.push_back({i - 1, j, sim[(i - 1) * m + j]});
      mask &= ~(std::size_t{1} << j);
    }
  }
  return pairs;
}

std::vector<Pair> PairGreedy(const std::vector<RecordToken>& rows, const std::vector<RecordToken>& cols,
                             const std::vector<double>& sim) {
  const std::size_t n = rows.size(), m = cols.size();
  std::vector<std::pair<double, std::size_t>> order;
  for (std::size_t k = 0; k < n * m; ++k)
    if (sim[k] > 0.0) order.push_back({PairGain(rows[k / m].weight, cols[k % m].weight, sim[k]), k});
  std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<bool> row_used(n), col_used(m);
  std::vector<Pair> pairs;
  for (const auto& [gain, k] : order) {
    const std::size_t i = k / m, j = k % m;
    if (row_used[i] || col_used[j]) continue;
    row_used[i] = col_used[j] = true;
    pairs.push_back({i, j, sim[k]});
  }
  return pairs;
}

std::string RoleNote(NameToken::Role role) {
  switch (role) {
    case NameToken::kPatronymic: return " (patronymic)";
    case NameToken::kInitial: return " (initial)";
    case NameToken::kLegalForm: return " (legal form)";
    case NameToken::kConnector: return " (particle)";
    case NameToken::kGiven: return " (given name)";
    case NameToken::kSurname: return " (surname)";
    default: return "";
  }
}

std::string Joined(const std::vector<RecordToken>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

bool SameTokens(const std::vector<RecordToken>& a, const std::vector<RecordToken>& b) {
  if (a.size() != b.size()) return false;
  std::vector<std::string_view> x, y;
  for (const auto& t : a) x.push_back(t.text);
  for (const auto& t : b) y.push_back(t.text);
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

// The numerals of a name, sorted: numbers and roman numerals ("ii", "xiv"; a lone
// "i", "v" or "x" only when it is no person's initial and stands between words, not
// among other single letters as in "S.A. de C.V."): what tells apart ships, units
// and branches of one name.
// Without "xi": a surname far more often than eleven.
constexpr std::array<std::string_view, 13> kRoman = {"i", "ii", "iii", "iv",  "v",   "vi",  "vii",
                                                     "viii", "ix", "x", "xii", "xiii", "xiv"};

// A token mixing letters and digits gives its digits only: "valfajr2" and its typo
// "vaflajr2" are both ship number 2.
std::vector<std::string> Numerals(const RecordName& n) {
  std::vector<std::string> out;
  const auto& t = n.tokens;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t[k].has_digit) {
      std::string digits;
      for (char c : t[k].text)
        if (c >= '0' && c <= '9') digits += c;
      out.push_back(std::move(digits));
      continue;
    }
    if (t[k].roman) {
      const bool single_next = (k > 0 && t[k - 1].text.size() == 1) || (k + 1 < t.size() && t[k + 1].text.size() == 1);
      if (t[k].text.size() > 1 || (t[k].role != NameToken::kInitial && !single_next)) out.push_back(t[k].text);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Whether every token that one name has and the other lacks has at most 3 letters:
// then the difference lies in an acronym or a particle ("vtb" / "veb", "aju" / "abu").
bool OnlyShortTokensDiffer(const RecordName& a, const RecordName& b) {
  auto short_only = [](const RecordName& x, const RecordName& y) {
    for (const auto& t : x.tokens) {
      if (t.text.size() <= 3) continue;
      if (std::none_of(y.tokens.begin(), y.tokens.end(), [&](const RecordToken& u) { return u.text == t.text; }))
        return false;
    }
    return true;
  };
  return short_only(a, b) && short_only(b, a);
}

// Whether the two names share a token that is not a common word, legal form or
// particle on both sides. A typo in a short token needs such a token to stand on:
// "VTB Bank" / "VEB Bank" (two companies) share only "bank", and one letter there is
// another bank; "aju omran" / "abu omran" share "omran".
bool ShareDistinctiveToken(const RecordName& a, const RecordName& b) {
  auto plain = [](const RecordToken& t) {
    return t.role != NameToken::kCommonWord && t.role != NameToken::kLegalForm && t.role != NameToken::kConnector;
  };
  for (const auto& x : a.tokens)
    for (const auto& y : b.tokens)
      if (x.text == y.text && (plain(x) || plain(y))) return true;
  return false;
}

// What a one-letter difference must not touch: the digits, the initials (when both
// names have some: "Michael T. Flynn" / "Michael G. Flynn" are two people) and the
// roman numerals of the tokens ("Sea Star II" / "Sea Star III" are two ships).
bool SameMarkers(const RecordName& a, const RecordName& b) {
  auto digits = [](const std::string& s) {
    std::string d;
    for (char c : s)
      if (c >= '0' && c <= '9') d += c;
    return d;
  };
  if (digits(a.letters) != digits(b.letters)) return false;
  if (Numerals(a) != Numerals(b)) return false;
  auto initials = [](const RecordName& n) {
    std::vector<std::string_view> out;
    for (const auto& t : n.tokens)
      if (t.text.size() == 1) out.push_back(t.text);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto ia = initials(a), ib = initials(b);
  return ia.empty() || ib.empty() || ia == ib;
}

// The likeness of two names whose letters as written are one insertion, deletion,
// substitution or adjacent transposition apart ("LIMITED IABILITY COMPANY ELEM" /
// "LIMITED LIABILITY COMPANY ELEM", "AjU OMRAN" / "ABU OMRAN"): a typo the tokens
// may not see, because it breaks a legal form or a short token. 0 otherwise.
double TypoLikeness(const RecordName& a, const RecordName& b) {
  // The longest pair of spellings one edit apart (every way each name is written).
  std::size_t best = 0;
  auto consider = [&](const std::string& x, const std::string& y) {
    const std::size_t lo = std::min(x.size(), y.size()), hi = std::max(x.size(), y.size());
    if (lo < kMinTypoLetters || hi - lo > 1 || hi <= best) return;
    if (DamerauOsa(x, y) == 1) best = hi;
  };
  consider(a.letters, b.letters);
  for (const auto& x : a.spellings) consider(x, b.letters);
  for (const auto& y : b.spellings) consider(a.letters, y);
  if (best == 0) return 0.0;
  if (!SameMarkers(a, b)) return 0.0;
  if (OnlyShortTokensDiffer(a, b) && !ShareDistinctiveToken(a, b)) return 0.0;
  return 1.0 - kTypoCost / static_cast<double>(best);
}

}  // namespace

bool IsRomanNumeral(std::string_view t) { return std::find(kRoman.begin(), kRoman.end(), t) != kRoman.end(); }

std::string GenerationOf(const NormalisedName& name) {
  for (const auto& t : name.tokens) {
    if (t.role != NameToken::kHonorific) continue;
    if (t.text == "jr" || t.text == "jnr" || t.text == "junior") return "jr";
    if (t.text == "sr" || t.text == "snr" || t.text == "senior") return "sr";
    if (t.text == "ii" || t.text == "iii" || t.text == "iv") return t.text;
  }
  return "";
}

double TokenLikeness(const RecordToken& a, const RecordToken& b, bool sound) {
  if (a.text == b.text) return 1.0;
  if (a.text.empty() || b.text.empty()) return 0.0;
  if (a.has_digit || b.has_digit) {
    // Numbers one typo apart ("7877" / "x877", "8648" / "6848", "780" / "7870") are
    // other ships or units, but nearer the query than any other number: a weak
    // likeness ranks the nearest first and keeps it far below the same number.
    const bool both = a.has_digit && b.has_digit;
    const bool long_enough = std::min(a.text.size(), b.text.size()) >= 2;
    return both && long_enough && DamerauOsa(a.text, b.text) == 1 ? kNumberTypoLikeness : 0.0;
  }
  // Roman numerals too: "ii" is not "iii", whatever Jaro-Winkler says.
  const bool roman_a = a.roman, roman_b = b.roman;
  if ((roman_a && roman_b) || (roman_a && a.text.size() > 1) || (roman_b && b.text.size() > 1)) return 0.0;
  if (a.text.size() == 1 || b.text.size() == 1) {
    return a.text.front() == b.text.front() ? kInitialLikeness : 0.0;
  }
  double s = JaroWinkler(a.text, b.text);
  if (s < kMinJaroWinkler) s = 0.0;
  // A short token inside a long one is a different word ("el" / "elaine"), not a
  // spelling of it: Jaro-Winkler's prefix bonus would say otherwise.
  if (std::min(a.text.size(), b.text.size()) * 2 < std::max(a.text.size(), b.text.size())) s = 0.0;
  if (s < kPhoneticLikeness && sound) {
    const bool long_enough = a.text.size() >= 4 && b.text.size() >= 4;  // "leo" and "lai" share a key and nothing else
    const bool metaphone = long_enough && !a.metaphone.empty() && !b.metaphone.empty() &&
                           (a.metaphone == b.metaphone || a.metaphone == b.metaphone_alt ||
                            a.metaphone_alt == b.metaphone);
    const bool skeleton = a.skeleton.size() >= 3 && a.skeleton == b.skeleton;
    if (metaphone || skeleton) s = kPhoneticLikeness;
  } else if (s >= 0.9 && !a.metaphone.empty() && a.metaphone == b.metaphone) {
    // Spelled nearly alike and sounding alike: a transliteration variant
    // ("rosoboroneksport" / "rosoboronexport", "lukoyl" / "lukoil").
    s = std::max(s, kSoundAndSpelling);
  }
  return s;
}

NameComparison CompareNames(const RecordName& a, const RecordName& b, bool explain, bool sound) {
  NameComparison out;
  out.left = &a;
  out.right = &b;
  if (a.tokens.empty() || b.tokens.empty()) return out;

  // Rows are the longer side so that the subset DP runs over the shorter one.
  const bool swap = a.tokens.size() < b.tokens.size();
  const auto& rows = swap ? b.tokens : a.tokens;
  const auto& cols = swap ? a.tokens : b.tokens;
  std::vector<double> sim(rows.size() * cols.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t j = 0; j < cols.size(); ++j) sim[i * cols.size() + j] = TokenLikeness(rows[i], cols[j], sound);
  std::vector<Pair> pairs =
      cols.size() <= kExactAlignTokens ? PairExact(rows, cols, sim) : PairGreedy(rows, cols, sim);
  if (swap)
    for (auto& p : pairs) std::swap(p.left, p.right);
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) { return x.left < y.left; });

  out.score = ScorePairing(a.tokens, b.tokens, pairs);
  out.exact = SameTokens(a.tokens, b.tokens);
  // The same letters split differently ("exxon mobil" / "exxonmobil", "xi jin ping" /
  // "xi jinping") are the same name.
  const bool split = !out.exact && (a.compact == b.compact || (!a.letters.empty() && a.letters == b.letters));
  if (split) out.exact = true;
  if (out.exact) out.score = 1.0;
  bool typo = false;
  if (!out.exact) {
    const double t = TypoLikeness(a, b);
    if (t > out.score) {
      out.score = t;
      typo = true;
    }
  }
  const bool weak = a.weak || b.weak;
  if (weak) out.score *= kWeakAliasFactor;
  const std::string& gen_a = a.generation;
  const std::string& gen_b = b.generation;
  const bool generations_differ = gen_a != gen_b;
  if (generations_differ) {
    out.score *= kGenerationFactor;
    out.exact = false;
  }

  // A numbered name against an unnumbered one ("Sea Pearl" / "SEA PEARL I", "Almacen
  // Junior" / "Almacen Junior No. 2"): ships, units and branches of one name, as a
  // father and son are for persons. Not for persons' names, where a lone "i" or "v"
  // is an initial.
  auto personal = [](const RecordName& n) {
    return std::any_of(n.tokens.begin(), n.tokens.end(), [](const RecordToken& t) {
      return t.role == NameToken::kGiven || t.role == NameToken::kSurname || t.role == NameToken::kInitial ||
             t.role == NameToken::kPatronymic;
    });
  };
  const bool numbering_differs = !personal(a) && !personal(b) && Numerals(a).empty() != Numerals(b).empty();
  if (numbering_differs) {
    out.score *= kGenerationFactor;
    out.exact = false;
  }

  // Surname and given names, for persons written with at least two tokens.
  auto count_role = [](const std::vector<RecordToken>& t, NameToken::Role r) {
    return std::count_if(t.begin(), t.end(), [r](const RecordToken& x) { return x.role == r; });
  };
  const bool person_like = a.tokens.size() >= 2 && b.tokens.size() >= 2;
  if (person_like && count_role(a.tokens, NameToken::kSurname) > 0 && count_role(b.tokens, NameToken::kSurname) > 0) {
    out.surname = 0.0;
    // Only a surname paired with a surname counts: "kang myong chol" and "pyong
    // chol ri" share "chol", a given name on one side, and that says nothing
    // about the family.
    for (const auto& p : pairs)
      if (a.tokens[p.left].role == NameToken::kSurname && b.tokens[p.right].role == NameToken::kSurname)
        out.surname = std::max(out.surname, p.s);
  }
  const auto given_a = count_role(a.tokens, NameToken::kGiven) + count_role(a.tokens, NameToken::kInitial);
  const auto given_b = count_role(b.tokens, NameToken::kGiven) + count_role(b.tokens, NameToken::kInitial);
  if (person_like && given_a > 0 && given_b > 0) {
    const bool use_left = given_a <= given_b;
    const auto& side = use_left ? a.tokens : b.tokens;
    double sum = 0.0;
    for (std::size_t k = 0; k < side.size(); ++k) {
      if (side[k].role != NameToken::kGiven && side[k].role != NameToken::kInitial) continue;
      for (const auto& p : pairs)
        if ((use_left ? p.left : p.right) == k) sum += p.s;
    }
    out.given = sum / static_cast<double>(use_left ? given_a : given_b);
  }

  if (explain) {
    std::string d = Joined(a.tokens) + " ~ " + Joined(b.tokens) + ": ";
    if (out.exact) {
      d += "same tokens";
    } else if (split) {
      d += "same letters, split differently";
    } else if (typo) {
      d += "one letter apart as written (a typo)";
    } else {
      const std::size_t most = std::max(a.tokens.size(), b.tokens.size());
      d += pairs.size() == most ? "tokens aligned" : std::to_string(pairs.size()) + " of " + std::to_string(most) + " tokens aligned";
      for (const auto& p : pairs)
        if (p.s < 1.0) {
          const auto& l = a.tokens[p.left];
          const auto& r = b.tokens[p.right];
          const char* how = p.s == kInitialLikeness && (l.text.size() == 1 || r.text.size() == 1) ? "initial"
                            : p.s == kPhoneticLikeness                                            ? "sounds alike"
                                                                                                  : "spelling";
          d += "; " + l.text + "/" + r.text + " " + how;
        }
      std::vector<bool> used_l(a.tokens.size()), used_r(b.tokens.size());
      for (const auto& p : pairs) used_l[p.left] = used_r[p.right] = true;
      std::string missing;
      for (std::size_t k = 0; k < a.tokens.size(); ++k)
        if (!used_l[k]) missing += (missing.empty() ? "" : ", ") + a.tokens[k].text + RoleNote(a.tokens[k].role);
      for (std::size_t k = 0; k < b.tokens.size(); ++k)
        if (!used_r[k]) missing += (missing.empty() ? "" : ", ") + b.tokens[k].text + RoleNote(b.tokens[k].role);
      if (!missing.empty()) d += "; unmatched " + missing;
    }
    if (weak) d += "; weak alias";
    if (numbering_differs) d += "; one name is numbered, the other not";
    if (generations_differ)
      d += "; generations differ (" + (gen_a.empty() ? std::string("none") : gen_a) + " / " +
           (gen_b.empty() ? std::string("none") : gen_b) + ")";
    out.detail = std::move(d);
  }
  return out;
}

NameComparison BestNameMatch(const MatchRecord& a, const MatchRecord& b, bool explain) {
  const bool sound = a.name_kind == NameKind::kPerson || b.name_kind == NameKind::kPerson;
  NameComparison best;
  const RecordName* best_l = nullptr;
  const RecordName* best_r = nullptr;
  for (const auto& l : a.names)
    for (const auto& r : b.names) {
      NameComparison c = CompareNames(l, r, false, sound);
      if (best_l == nullptr || c.score > best.score) {
        best = std::move(c);
        best_l = &l;
        best_r = &r;
        if (best.exact && !l.weak && !r.weak) break;
      }
    }
  if (best_l == nullptr) return best;
  if (explain) best = CompareNames(*best_l, *best_r, true, sound);
  return best;
}

}  // namespace dossier::match
