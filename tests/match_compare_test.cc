// The comparators of src/match: edit distances, Jaro-Winkler, token alignment,
// phonetic keys and consonant skeletons. Known values, and properties checked
// against plain dynamic-programming references.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "match/jaro_winkler.h"
#include "match/levenshtein.h"
#include "match/phonetic.h"
#include "match/token_align.h"

using namespace dossier::match;

namespace {

// ---- references -----------------------------------------------------------------

template <class S>
int RefLevenshtein(const S& a, const S& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

template <class S>
int RefOsa(const S& a, const S& b) {
  const std::size_t m = a.size(), n = b.size();
  std::vector<std::vector<int>> d(m + 1, std::vector<int>(n + 1));
  for (std::size_t i = 0; i <= m; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= n; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= m; ++i)
    for (std::size_t j = 1; j <= n; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[m][n];
}

// Jaro as in the textbook, scanning windows with flag arrays.
double RefJaro(const std::u32string& a, const std::u32string& b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t longest = std::max(a.size(), b.size());
  const std::size_t w = longest / 2 > 0 ? longest / 2 - 1 : 0;
  std::vector<bool> fa(a.size()), fb(b.size());
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = i > w ? i - w : 0; j < b.size() && j <= i + w; ++j)
      if (!fb[j] && a[i] == b[j]) {
        fa[i] = fb[j] = true;
        ++m;
        break;
      }
  if (m == 0) return 0.0;
  std::size_t t = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!fa[i]) continue;
    while (!fb[j]) ++j;
    t += a[i] != b[j];
    ++j;
  }
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - static_cast<double>(t / 2)) / m) / 3;
}

// ---- generators -----------------------------------------------------------------

// Strings over a small alphabet (many matches, so interesting alignments), with a
// few non-ASCII code points to exercise the hashed masks.
rc::Gen<std::u32string> GenU32(int max_len) {
  return rc::gen::map(rc::gen::mapcat(rc::gen::inRange(0, max_len + 1),
                                      [](int n) {
                                        return rc::gen::container<std::vector<char32_t>>(
                                            static_cast<std::size_t>(n),
                                            rc::gen::element<char32_t>(U'a', U'b', U'c', U'd', U'\u0436',
                                                                       U'\u4e2d', U'\U0001F600'));
                                      }),
                      [](const std::vector<char32_t>& v) { return std::u32string(v.begin(), v.end()); });
}

rc::Gen<std::string> GenBytes(int max_len) {
  return rc::gen::map(rc::gen::mapcat(rc::gen::inRange(0, max_len + 1),
                                      [](int n) {
                                        return rc::gen::container<std::vector<char>>(
                                            static_cast<std::size_t>(n),
                                            rc::gen::element<char>('a', 'b', 'c', '\0', '\x80', '\xff'));
                                      }),
                      [](const std::vector<char>& v) { return std::string(v.begin(), v.end()); });
}

// b = a with a handful of random edits: close pairs, so bounds near the distance.
std::u32string Mutate(std::u32string a, int edits) {
  for (int e = 0; e < edits; ++e) {
    const int kind = *rc::gen::inRange(0, 3);
    const char32_t c = *rc::gen::element<char32_t>(U'a', U'b', U'x', U'\u0436');
    const std::size_t pos = a.empty() ? 0 : *rc::gen::inRange<std::size_t>(0, a.size());
    if (kind == 0 || a.empty())
      a.insert(a.begin() + static_cast<std::ptrdiff_t>(pos), c);
    else if (kind == 1)
      a.erase(a.begin() + static_cast<std::ptrdiff_t>(pos));
    else
      a[pos] = c;
  }
  return a;
}

std::vector<std::string> Toks(std::initializer_list<const char*> t) { return {t.begin(), t.end()}; }

double Align(std::initializer_list<const char*> a, std::initializer_list<const char*> b) {
  return AlignTokens(Toks(a), Toks(b)).score;
}

}  // namespace

// ---- Levenshtein ----------------------------------------------------------------

TEST(Levenshtein, KnownValues) {
  EXPECT_EQ(Levenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(Levenshtein(U"kitten", U"sitting"), 3);
  EXPECT_EQ(Levenshtein("", ""), 0);
  EXPECT_EQ(Levenshtein("", "abc"), 3);
  EXPECT_EQ(Levenshtein("flaw", "lawn"), 2);
  EXPECT_EQ(Levenshtein(U"Сечин", U"Сечкин"), 1);
  EXPECT_EQ(Levenshtein("Сечин", "Сечкин"), 2);  // bytes: one Cyrillic letter is two
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("kitten", "sitting"), 1.0 - 3.0 / 7.0);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("abc", ""), 0.0);
}

TEST(Levenshtein, LongStringsUseTheBlockedPath) {
  const std::string a(300, 'a');
  std::string b = a;
  b[10] = 'x';
  b[150] = 'y';
  b.insert(b.begin() + 200, 'z');
  EXPECT_EQ(Levenshtein(a, b), 3);
  EXPECT_EQ(LevenshteinAtMost(a, b, 2), 3);
  EXPECT_EQ(LevenshteinAtMost(a, b, 3), 3);
  EXPECT_EQ(LevenshteinAtMost(a, b, 100), 3);
  EXPECT_EQ(Levenshtein(std::string(10000, 'a'), std::string(10000, 'b')), 10000);
  EXPECT_EQ(LevenshteinAtMost(std::string(10000, 'a'), std::string(10000, 'b'), 5), 6);
}

TEST(Levenshtein, BoundedVariant) {
  EXPECT_EQ(LevenshteinAtMost("kitten", "sitting", 3), 3);
  EXPECT_EQ(LevenshteinAtMost("kitten", "sitting", 2), 3);
  EXPECT_EQ(LevenshteinAtMost("kitten", "sitting", 0), 1);
  EXPECT_EQ(LevenshteinAtMost("kitten", "kitten", 0), 0);
  EXPECT_EQ(LevenshteinAtMost("a", "abcdefgh", 2), 3);  // length difference alone
  EXPECT_EQ(LevenshteinAtMost("kitten", "sitting", -5), 1);
}

TEST(DamerauOsa, KnownValues) {
  EXPECT_EQ(DamerauOsa("ca", "abc"), 3);
  EXPECT_EQ(DamerauOsa("ab", "ba"), 1);
  EXPECT_EQ(DamerauOsa("abcdef", "abdcef"), 1);
  EXPECT_EQ(DamerauOsa(U"sechin", U"sehcin"), 1);
  EXPECT_EQ(DamerauOsa("kitten", "sitting"), 3);
  EXPECT_EQ(DamerauOsa("", "ab"), 2);
}

RC_GTEST_PROP(LevenshteinProps, EqualsDynamicProgramming, ()) {
  const auto a = *GenU32(200);
  const auto b = *GenU32(200);
  RC_CLASSIFY(std::min(a.size(), b.size()) > 64, "blocked");
  RC_ASSERT(Levenshtein(a, b) == RefLevenshtein(a, b));
}

RC_GTEST_PROP(LevenshteinProps, EqualsDynamicProgrammingOnBytes, ()) {
  const auto a = *GenBytes(200);
  const auto b = *GenBytes(200);
  RC_ASSERT(Levenshtein(a, b) == RefLevenshtein(a, b));
}

RC_GTEST_PROP(LevenshteinProps, SymmetricAndZeroOnItself, ()) {
  const auto a = *GenU32(150);
  const auto b = *GenU32(150);
  RC_ASSERT(Levenshtein(a, b) == Levenshtein(b, a));
  RC_ASSERT(Levenshtein(a, a) == 0);
  RC_ASSERT((Levenshtein(a, b) == 0) == (a == b));
}

RC_GTEST_PROP(LevenshteinProps, TriangleInequality, ()) {
  const auto a = *GenU32(100);
  const auto b = *GenU32(100);
  const auto c = *GenU32(100);
  RC_ASSERT(Levenshtein(a, c) <= Levenshtein(a, b) + Levenshtein(b, c));
}

RC_GTEST_PROP(LevenshteinProps, BoundedAgreesWithFull, ()) {
  const auto a = *GenU32(200);
  const bool close = *rc::gen::arbitrary<bool>();
  const auto b = close ? Mutate(a, *rc::gen::inRange(0, 12)) : *GenU32(200);
  const int d = Levenshtein(a, b);
  const int k = *rc::gen::inRange(0, std::max(2, d + 3));
  const int bounded = LevenshteinAtMost(a, b, k);
  RC_CLASSIFY(std::min(a.size(), b.size()) > 64 && d <= k, "blocked, within bound");
  RC_CLASSIFY(std::min(a.size(), b.size()) > 64 && d > k, "blocked, beyond bound");
  if (d <= k)
    RC_ASSERT(bounded == d);
  else
    RC_ASSERT(bounded == k + 1);
}

RC_GTEST_PROP(DamerauOsaProps, EqualsDynamicProgramming, ()) {
  const auto a = *GenU32(200);
  const bool close = *rc::gen::arbitrary<bool>();
  const auto b = close ? Mutate(a, *rc::gen::inRange(0, 12)) : *GenU32(200);
  const int osa = DamerauOsa(a, b);
  RC_ASSERT(osa == RefOsa(a, b));
  RC_ASSERT(osa <= Levenshtein(a, b));
  RC_ASSERT(DamerauOsa(b, a) == osa);
}

RC_GTEST_PROP(DamerauOsaProps, TranspositionsAreOneEdit, ()) {
  auto a = *GenU32(200);
  RC_PRE(a.size() >= 2);
  auto b = a;
  const std::size_t i = *rc::gen::inRange<std::size_t>(0, a.size() - 1);
  std::swap(b[i], b[i + 1]);
  RC_ASSERT(DamerauOsa(a, b) == (a == b ? 0 : 1));
}

// ---- Jaro-Winkler ---------------------------------------------------------------

TEST(JaroWinkler, KnownValues) {
  EXPECT_NEAR(Jaro("MARTHA", "MARHTA"), 0.9444, 1e-4);
  EXPECT_NEAR(JaroWinkler("MARTHA", "MARHTA"), 0.9611, 1e-4);
  EXPECT_NEAR(Jaro("DWAYNE", "DUANE"), 0.8222, 1e-4);
  EXPECT_NEAR(JaroWinkler("DWAYNE", "DUANE"), 0.84, 1e-4);
  EXPECT_NEAR(Jaro("DIXON", "DICKSONX"), 0.7667, 1e-4);
  EXPECT_NEAR(JaroWinkler("DIXON", "DICKSONX"), 0.8133, 1e-4);
  EXPECT_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
  // Code points, not bytes: one Cyrillic letter differs in "Сечин"/"Сечкин".
  EXPECT_NEAR(JaroWinkler("Сечин", "Сечкин"), JaroWinkler(U"Сечин", U"Сечкин"), 1e-15);
  EXPECT_GT(JaroWinkler("Сечин", "Сечкин"), 0.9);
}

TEST(JaroWinkler, LongStringsUseTheFlagPath) {
  const std::u32string a(100, U'a');
  std::u32string b = a;
  b[50] = U'b';
  EXPECT_NEAR(Jaro(a, b), RefJaro(a, b), 1e-12);
  EXPECT_LT(JaroWinkler(a, b), 1.0);
  EXPECT_GT(JaroWinkler(a, b), 0.99);
}

RC_GTEST_PROP(JaroWinklerProps, JaroEqualsReference, ()) {
  const auto a = *GenU32(100);
  const auto b = *GenU32(100);
  RC_ASSERT(std::abs(Jaro(a, b) - RefJaro(a, b)) < 1e-12);
}

RC_GTEST_PROP(JaroWinklerProps, InUnitIntervalAndOneIffEqual, ()) {
  const auto a = *GenU32(80);
  const bool close = *rc::gen::arbitrary<bool>();
  const auto b = close ? Mutate(a, *rc::gen::inRange(0, 3)) : *GenU32(80);
  const double jw = JaroWinkler(a, b);
  RC_ASSERT(jw >= 0.0);
  RC_ASSERT(jw <= 1.0);
  RC_ASSERT((jw == 1.0) == (a == b));
  RC_ASSERT(jw >= Jaro(a, b));
  RC_ASSERT(JaroWinkler(a, a) == 1.0);
}

// ---- token alignment ------------------------------------------------------------

TEST(TokenAlign, ReorderedNamesScoreOne) {
  EXPECT_EQ(Align({"sechin", "igor"}, {"igor", "sechin"}), 1.0);
  EXPECT_EQ(Align({"igor", "ivanovich", "sechin"}, {"sechin", "igor", "ivanovich"}), 1.0);
}

TEST(TokenAlign, MissingMiddleNameScoresHighButBelowOne) {
  const double s = Align({"john", "fitzgerald", "kennedy"}, {"john", "kennedy"});
  EXPECT_LT(s, 1.0);
  EXPECT_GT(s, 0.75);
  EXPECT_NEAR(s, 22.0 / 27.0, 1e-9);  // "fitzgerald" unpaired: 0.5 * 10
}

TEST(TokenAlign, InitialsMatchTheirNames) {
  const TokenAlignment a = AlignTokens(Toks({"j", "kennedy"}), Toks({"john", "kennedy"}));
  EXPECT_GT(a.score, 0.9);
  EXPECT_LT(a.score, 1.0);
  ASSERT_EQ(a.pairs.size(), 2u);
  EXPECT_EQ(a.pairs[0].left, 0u);
  EXPECT_EQ(a.pairs[0].right, 0u);
  EXPECT_DOUBLE_EQ(a.pairs[0].similarity, kInitialSimilarity);
  EXPECT_EQ(TokenSimilarity("j", "k"), 0.0);
  EXPECT_EQ(TokenSimilarity("k", "john"), 0.0);
}

TEST(TokenAlign, SpellingVariantsAndUnrelatedNames) {
  EXPECT_GT(Align({"muhammad", "ali"}, {"mohammed", "ali"}), 0.85);
  EXPECT_EQ(Align({"igor", "sechin"}, {"mary", "jones"}), 0.0);
  EXPECT_EQ(Align({}, {"mary"}), 0.0);
  EXPECT_EQ(Align({}, {}), 0.0);
  const TokenAlignment a = AlignTokens(Toks({"vladimir", "putin"}), Toks({"putin", "vladimir", "vladimirovich"}));
  ASSERT_EQ(a.pairs.size(), 2u);
  EXPECT_EQ(a.unmatched_left.size(), 0u);
  ASSERT_EQ(a.unmatched_right.size(), 1u);
  EXPECT_EQ(a.unmatched_right[0], 2u);
}

TEST(TokenAlign, ManyTokensUseGreedyAndStayBounded) {
  std::vector<std::string> a, b;
  for (int i = 0; i < 20; ++i) a.push_back("tok" + std::to_string(i));
  b = a;
  std::reverse(b.begin(), b.end());
  EXPECT_EQ(AlignTokens(a, b).score, 1.0);
  std::vector<std::string> many(1000, "x");
  const double s = AlignTokens(many, a).score;
  EXPECT_GE(s, 0.0);
  EXPECT_LE(s, 1.0);
}

RC_GTEST_PROP(TokenAlignProps, InvariantUnderPermutation, ()) {
  const auto token = rc::gen::map(
      rc::gen::container<std::vector<char>>(*rc::gen::inRange<std::size_t>(1, 4), rc::gen::element('a', 'b', 'c')),
      [](const std::vector<char>& v) { return std::string(v.begin(), v.end()); });
  const auto tokens = rc::gen::mapcat(rc::gen::inRange<std::size_t>(0, 12), [token](std::size_t n) {
    return rc::gen::container<std::vector<std::string>>(n, token);
  });
  const auto a = *tokens;
  const auto b = *tokens;
  auto a2 = a, b2 = b;
  std::reverse(a2.begin(), a2.end());
  if (b2.size() > 1) std::rotate(b2.begin(), b2.begin() + 1, b2.end());
  const TokenAlignment x = AlignTokens(a, b), y = AlignTokens(a2, b2);
  RC_ASSERT(x.score == y.score);
  RC_ASSERT(x.score >= 0.0);
  RC_ASSERT(x.score <= 1.0);
  RC_ASSERT(x.pairs.size() + x.unmatched_left.size() == a.size());
  RC_ASSERT(x.pairs.size() + x.unmatched_right.size() == b.size());
  if (!a.empty() && a.size() <= kExactTokens) RC_ASSERT(AlignTokens(a, a).score == 1.0);
}

// ---- phonetic keys --------------------------------------------------------------

namespace {
bool ShareKey(const DoubleMetaphoneKeys& x, const DoubleMetaphoneKeys& y) {
  return x.primary == y.primary || x.primary == y.alternate || x.alternate == y.primary || x.alternate == y.alternate;
}
}  // namespace

TEST(DoubleMetaphone, KnownKeys) {
  const auto smith = DoubleMetaphone("smith"), schmidt = DoubleMetaphone("schmidt");
  EXPECT_EQ(smith.primary, "SM0");
  EXPECT_EQ(smith.alternate, "XMT");
  EXPECT_EQ(schmidt.primary, "XMT");
  EXPECT_EQ(schmidt.alternate, "SMT");
  EXPECT_TRUE(ShareKey(smith, schmidt));
  // "th" before "om" is T; Double Metaphone keeps the p ("mps": M, P, S), so the
  // four-letter key is TMPS (the older Metaphone rules gave TMSN).
  EXPECT_EQ(DoubleMetaphone("Thompson").primary, "TMPS");
  EXPECT_EQ(DoubleMetaphone("Thomas").primary, "TMS");
  EXPECT_EQ(DoubleMetaphone("Knight").primary, "NT");
  EXPECT_EQ(DoubleMetaphone("Knight").alternate, "NT");
  EXPECT_EQ(DoubleMetaphone("Michael").primary, "MKL");
  EXPECT_EQ(DoubleMetaphone("Michael").alternate, "MXL");
  EXPECT_EQ(DoubleMetaphone("Xavier").primary, "SF");
  EXPECT_EQ(DoubleMetaphone("Xavier").alternate, "SFR");
  EXPECT_EQ(DoubleMetaphone("Jose").primary, "HS");
  EXPECT_EQ(DoubleMetaphone("gallegos").primary, "KLKS");
  EXPECT_EQ(DoubleMetaphone("gallegos").alternate, "KKS");
  EXPECT_EQ(DoubleMetaphone("Jankelowicz").primary, "JNKL");
  EXPECT_EQ(DoubleMetaphone("Jankelowicz").alternate, "ANKL");
  EXPECT_EQ(DoubleMetaphone("Philip").primary, "FLP");
  EXPECT_EQ(DoubleMetaphone("Zhao").primary, "J");
  EXPECT_EQ(DoubleMetaphone("").primary, "");
  EXPECT_EQ(DoubleMetaphone("Catherine", 0).primary, "K0RN");
  EXPECT_TRUE(ShareKey(DoubleMetaphone("Katherine"), DoubleMetaphone("Catherine")));
}

TEST(DaitchMokotoff, KnownCodes) {
  EXPECT_EQ(DaitchMokotoff("Moskowitz"), std::vector<std::string>{"645740"});
  EXPECT_EQ(DaitchMokotoff("moskovitz"), std::vector<std::string>{"645740"});
  EXPECT_EQ(DaitchMokotoff("Peters"), (std::vector<std::string>{"739400", "734000"}));
  EXPECT_EQ(DaitchMokotoff("Auerbach"), (std::vector<std::string>{"097500", "097400"}));
  EXPECT_TRUE(DaitchMokotoff("").empty());
  EXPECT_TRUE(DaitchMokotoff("123").empty());
  // Transliterations of one Russian surname meet.
  const auto a = DaitchMokotoff("shcherbakov"), b = DaitchMokotoff("szczerbakow");
  EXPECT_EQ(a.front(), b.front());
}

TEST(ConsonantSkeleton, VowelLessTransliterationsMeet) {
  EXPECT_EQ(ConsonantSkeleton("mohammed"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("muhammad"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("mohamad"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("hussein"), "hsn");
  EXPECT_EQ(ConsonantSkeleton("husayn"), "hsn");
  EXPECT_EQ(ConsonantSkeleton("osama"), ConsonantSkeleton("usama"));
  EXPECT_EQ(ConsonantSkeleton("fatimah"), ConsonantSkeleton("fatima"));
  EXPECT_EQ(ConsonantSkeleton("abdullah al  rashid"), "abdl al rshd");
  EXPECT_EQ(ConsonantSkeleton(""), "");
  EXPECT_EQ(ConsonantSkeleton("42"), "");
}
