// Jaro (1989) and Winkler's (1990) prefix-weighted variant.
//
// Matching: walk a left to right; each symbol a[i] takes the leftmost not yet taken
// equal symbol of b within the window [i - w, i + w], w = max(|a|, |b|) / 2 - 1.
// Transpositions: read the matched symbols of a and of b each in their own order
// and count the positions where the two sequences disagree; half that count (rounded
// down, as in Winkler's reference code) is t.
//
// For strings of up to 64 code points the matching runs on bit masks: the positions
// of a[i] in b (a pattern-match word), minus the positions already taken, within the
// window; the lowest remaining bit is the leftmost candidate. Longer strings use
// flag vectors and a scan of the window.
#include "match/jaro_winkler.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "match/bit_masks.h"

namespace dossier::match {
namespace {

using detail::Key;

template <class CharT>
using View = std::basic_string_view<CharT>;

struct MatchCount {
  std::size_t matches = 0;
  std::size_t half_transpositions = 0;
};

template <class CharT>
MatchCount CountWords(View<CharT> a, View<CharT> b, std::size_t window) {
  const detail::WordMasks masks(b);
  uint64_t taken_a = 0, taken_b = 0;
  MatchCount r;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size() - 1, i + window);
    if (lo > hi) break;  // later i only move the window further right
    const uint64_t upto = hi == 63 ? ~uint64_t{0} : (uint64_t{1} << (hi + 1)) - 1;
    const uint64_t range = upto & ~((uint64_t{1} << lo) - 1);
    const uint64_t candidates = masks.Get(Key(a[i])) & ~taken_b & range;
    if (candidates == 0) continue;
    taken_b |= candidates & (~candidates + 1);
    taken_a |= uint64_t{1} << i;
    ++r.matches;
  }
  std::size_t disagree = 0;
  while (taken_a != 0) {
    const int i = std::countr_zero(taken_a);
    const int j = std::countr_zero(taken_b);
    disagree += a[static_cast<std::size_t>(i)] != b[static_cast<std::size_t>(j)];
    taken_a &= taken_a - 1;
    taken_b &= taken_b - 1;
  }
  r.half_transpositions = disagree / 2;
  return r;
}

template <class CharT>
MatchCount CountFlags(View<CharT> a, View<CharT> b, std::size_t window) {
  std::vector<char> taken_a(a.size(), 0), taken_b(b.size(), 0);
  MatchCount r;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size() - 1, i + window);
    if (lo > hi) break;
    for (std::size_t j = lo; j <= hi; ++j) {
      if (!taken_b[j] && a[i] == b[j]) {
        taken_a[i] = taken_b[j] = 1;
        ++r.matches;
        break;
      }
    }
  }
  std::size_t disagree = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!taken_a[i]) continue;
    while (!taken_b[j]) ++j;
    disagree += a[i] != b[j];
    ++j;
  }
  r.half_transpositions = disagree / 2;
  return r;
}

template <class CharT>
double JaroImpl(View<CharT> a, View<CharT> b) {
  if (a == b) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t longest = std::max(a.size(), b.size());
  const std::size_t window = longest / 2 > 0 ? longest / 2 - 1 : 0;
  const MatchCount c =
      a.size() <= 64 && b.size() <= 64 ? CountWords(a, b, window) : CountFlags(a, b, window);
  if (c.matches == 0) return 0.0;
  const double m = static_cast<double>(c.matches);
  const double j = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                    (m - static_cast<double>(c.half_transpositions)) / m) /
                   3.0;
  return std::min(j, std::nextafter(1.0, 0.0));  // a != b here
}

template <class CharT>
double JaroWinklerImpl(View<CharT> a, View<CharT> b) {
  if (a == b) return 1.0;
  double j = JaroImpl(a, b);
  if (j > kWinklerBoostThreshold) {
    std::size_t prefix = 0;
    const std::size_t limit = std::min({a.size(), b.size(), static_cast<std::size_t>(kWinklerMaxPrefix)});
    while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
    j += static_cast<double>(prefix) * kWinklerPrefixScale * (1.0 - j);
  }
  return std::min(j, std::nextafter(1.0, 0.0));
}

}  // namespace

double Jaro(std::u32string_view a, std::u32string_view b) { return JaroImpl(a, b); }
double JaroWinkler(std::u32string_view a, std::u32string_view b) { return JaroWinklerImpl(a, b); }

double Jaro(std::string_view a, std::string_view b) {
  if (detail::IsAscii(a) && detail::IsAscii(b)) return JaroImpl(a, b);
  const detail::CodePoints ca(a), cb(b);
  return JaroImpl(ca.view(), cb.view());
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (detail::IsAscii(a) && detail::IsAscii(b)) return JaroWinklerImpl(a, b);
  const detail::CodePoints ca(a), cb(b);
  return JaroWinklerImpl(ca.view(), cb.view());
}

}  // namespace dossier::match
