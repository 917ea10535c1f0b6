// libFuzzer target for the comparators of src/match (and the folding they are fed
// by): the input is split into two strings, at the first newline or else in the
// middle, and every comparator and phonetic key runs on them, checking invariants
// that hold for any input. Violations abort, with or without NDEBUG.
//
// Built with clang as `compare_fuzz` (-fsanitize=fuzzer,address); the same function
// runs over a corpus of hard inputs in the `compare_fuzz_corpus` test under any
// compiler (compare_fuzz_corpus.cc).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "match/jaro_winkler.h"
#include "match/levenshtein.h"
#include "match/phonetic.h"
#include "match/token_align.h"
#include "text/fold.h"
#include "fuzz/fuzz_support.h"


namespace {

using namespace dossier::match;

std::u32string Decode(std::string_view s) {
  // Same lenient reading as the comparators: invalid bytes become U+FFFD.
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      ok = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    out += ok ? cp : char32_t{0xFFFD};
    i += ok ? static_cast<std::size_t>(len) : 1;
  }
  return out;
}

template <class S>
void CheckDistances(const S& a, const S& b) {
  const int d = Levenshtein(a, b);
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  FUZZ_CHECK(d == Levenshtein(b, a));
  FUZZ_CHECK(d >= std::abs(la - lb));
  FUZZ_CHECK(d <= std::max(la, lb));
  FUZZ_CHECK((d == 0) == (a == b));
  for (int k : {0, 1, 2, 5, d - 1, d, d + 1, 64, 1000}) {
    const int bounded = LevenshteinAtMost(a, b, k);
    FUZZ_CHECK(bounded == (d <= std::max(k, 0) ? d : std::max(k, 0) + 1));
  }
  const int osa = DamerauOsa(a, b);
  FUZZ_CHECK(osa <= d);
  FUZZ_CHECK(2 * osa >= d);  // a transposition is two substitutions
  FUZZ_CHECK((osa == 0) == (a == b));
  const double sim = LevenshteinSimilarity(a, b);
  FUZZ_CHECK(sim >= 0.0 && sim <= 1.0);
}

void CheckKeys(std::string_view s) {
  const DoubleMetaphoneKeys dm = DoubleMetaphone(s);
  FUZZ_CHECK(dm.primary.size() <= 4 && dm.alternate.size() <= 4);
  for (char c : dm.primary + dm.alternate) FUZZ_CHECK((c >= 'A' && c <= 'Z') || c == '0');
  const DoubleMetaphoneKeys again = DoubleMetaphone(s);
  FUZZ_CHECK(again.primary == dm.primary && again.alternate == dm.alternate);
  const DoubleMetaphoneKeys unlimited = DoubleMetaphone(s, 0);
  FUZZ_CHECK(unlimited.primary.starts_with(dm.primary));
  const std::vector<std::string> codes = DaitchMokotoff(s);
  FUZZ_CHECK(codes.size() <= 8);
  for (const std::string& code : codes) {
    FUZZ_CHECK(code.size() == 6);
    for (char c : code) FUZZ_CHECK(c >= '0' && c <= '9');
  }
  const std::string skeleton = ConsonantSkeleton(s);
  for (char c : skeleton) FUZZ_CHECK((c >= 'a' && c <= 'z') || c == ' ');
  FUZZ_CHECK(skeleton.size() <= s.size());
}

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

void CheckAlignment(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const TokenAlignment x = AlignTokens(a, b);
  FUZZ_CHECK(x.score >= 0.0 && x.score <= 1.0);
  FUZZ_CHECK(x.pairs.size() + x.unmatched_left.size() == a.size());
  FUZZ_CHECK(x.pairs.size() + x.unmatched_right.size() == b.size());
  for (const AlignedPair& p : x.pairs) FUZZ_CHECK(p.left < a.size() && p.right < b.size() && p.similarity > 0.0);
  if (!a.empty() && a.size() <= kExactTokens) FUZZ_CHECK(AlignTokens(a, a).score == 1.0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t cut = input.find('\n');
  const std::string_view a = cut == std::string_view::npos ? input.substr(0, size / 2) : input.substr(0, cut);
  const std::string_view b = cut == std::string_view::npos ? input.substr(size / 2) : input.substr(cut + 1);

  CheckDistances(a, b);
  const std::u32string ua = Decode(a), ub = Decode(b);
  CheckDistances(ua, ub);

  const double jw = JaroWinkler(a, b);
  FUZZ_CHECK(jw >= 0.0 && jw <= 1.0);
  FUZZ_CHECK((jw == 1.0) == (ua == ub));
  FUZZ_CHECK(jw == JaroWinkler(ua, ub));
  FUZZ_CHECK(jw >= Jaro(a, b));
  FUZZ_CHECK(JaroWinkler(a, a) == 1.0);

  // Raw bytes and folded text both reach the keys and the alignment.
  const std::string fa = dossier::text::Fold(a), fb = dossier::text::Fold(b);
  for (std::string_view s : {a, b, std::string_view(fa), std::string_view(fb)}) CheckKeys(s);
  CheckAlignment(SplitSpaces(fa), SplitSpaces(fb));
  CheckAlignment(SplitSpaces(a), SplitSpaces(b));
  return 0;
}
