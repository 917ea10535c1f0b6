// Bit-parallel edit distances.
//
// The dynamic-programming matrix D[i][j] (distance between the first i symbols of
// the pattern a and the first j symbols of the text b) changes by at most one
// between neighbouring cells. Myers (1999) showed that a whole column can therefore
// be held as two bit vectors of vertical differences -- VP (bit i set: D[i][j] -
// D[i-1][j] = +1) and VN (= -1) -- and advanced to the next column with a handful of
// word operations. We use Hyyro's (2001) restatement: for the text symbol's match
// mask Eq, the "diagonal zero" vector D0 (D[i][j] == D[i-1][j-1]) is
//     D0 = (((Eq & VP) + VP) ^ VP) | Eq | VN
// where the addition's carry chain carries a run of matches down the column; the
// horizontal differences follow as HP = VN | ~(D0 | VP), HN = VP & D0; shifting them
// down one row (a 1 enters at the top for HP, since D[0][j] = j grows by one per
// column) gives the next VP = HN | ~(D0 | HP) and VN = HP & D0. The distance is
// tracked in the last row, adding HP and subtracting HN at bit m - 1.
//
// Patterns longer than 64 symbols are the same computation on a multi-word integer:
// the addition passes its carry, and the two shifts their top bits, from each word
// to the next. For the bounded variant only the words meeting the diagonal band
// j - k <= i <= j + (m - n) + k are computed (a cell outside it cannot lie on a path
// of cost <= k). Words below the band still hold their initial all-+1 differences
// and words above it stop being updated; both make the cells they stand for
// over-estimates of the true values, which is harmless: every cell on an optimal
// path of cost <= k lies inside the band, where the minimum is then still exact.
//
// Damerau (optimal string alignment) follows Hyyro (2003): a transposition a[i-1]
// a[i] == b[j] b[j-1] gives D[i][j] = D[i-2][j-2] + 1, which equals D[i-1][j-1]
// exactly when the previous column's diagonal step at row i-1 was +1. So
//     TR = ((~D0' & Eq) << 1) & Eq'
// (primes: previous column) marks the extra diagonal zeros, OR-ed into D0.
#include "match/levenshtein.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <vector>

#include "match/bit_masks.h"

namespace dossier::match {
namespace {

using detail::Key;

template <class CharT>
using View = std::basic_string_view<CharT>;

// A common prefix or suffix never changes either distance.
template <class CharT>
void StripCommonAffixes(View<CharT>& a, View<CharT>& b) {
  std::size_t p = 0;
  const std::size_t limit = std::min(a.size(), b.size());
  while (p < limit && a[p] == b[p]) ++p;
  a.remove_prefix(p);
  b.remove_prefix(p);
  std::size_t s = 0;
  const std::size_t limit2 = std::min(a.size(), b.size());
  while (s < limit2 && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  a.remove_suffix(s);
  b.remove_suffix(s);
}

// One word: 1 <= m <= 64. Returns min(distance, k + 1), stopping as soon as the
// distance in the last row, less the columns still to come, exceeds k.
template <class CharT>
int LevenshteinWord(View<CharT> a, View<CharT> b, int k) {
  const detail::WordMasks masks(a);
  const int m = static_cast<int>(a.size());
  const int n = static_cast<int>(b.size());
  const uint64_t last = uint64_t{1} << (m - 1);
  const uint64_t rows = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  uint64_t vp = ~uint64_t{0};
  uint64_t vn = 0;
  int dist = m;
  int budget = k + n;  // after column j (0-based): k + (n - 1 - j)
  for (int j = 0; j < n; ++j) {
    const uint64_t eq = masks.Get(Key(b[static_cast<std::size_t>(j)]));
    const uint64_t d0 = (((eq & vp) + vp) ^ vp) | eq | vn;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = vp & d0;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    // Two lower bounds on the final distance: the last row gains at most one per
    // column left, and every path crosses this column at a cell no smaller than
    // D[m][j] less the +1 steps above it.
    if (dist > --budget || dist - std::popcount(vp & rows) > k) return k + 1;
  }
  return dist <= k ? dist : k + 1;
}

// Adds x + y + carry_in; returns the sum and sets carry to the carry out.
inline uint64_t AddWithCarry(uint64_t x, uint64_t y, uint64_t& carry) {
  const uint64_t t = x + y;
  const uint64_t c1 = t < x;
  const uint64_t s = t + carry;
  carry = c1 | (s < t);
  return s;
}

// Many words, m > 64, banded for k (k >= n - m, m <= n).
template <class CharT>
int LevenshteinBlocks(View<CharT> a, View<CharT> b, int k) {
  const detail::BlockMasks masks(a);
  const int m = static_cast<int>(a.size());
  const int n = static_cast<int>(b.size());
  const int words = masks.blocks();
  std::vector<uint64_t> vp(static_cast<std::size_t>(words), ~uint64_t{0});
  std::vector<uint64_t> vn(static_cast<std::size_t>(words), 0);
  const int last_bit = (m - 1) % 64;
  const int lo_off = std::max(-k, m - n - k);
  const int hi_off = std::min(k, m - n + k);
  int first = 0;    // first word computed
  int last = -1;    // last word computed so far
  int bottom = 0;   // D at the bottom row of word `last` (row 0 before any)
  for (int j = 1; j <= n; ++j) {
    const int lo_row = std::max(1, j + lo_off);
    const int hi_row = std::min(m, j + hi_off);
    first = std::max(first, (lo_row - 1) / 64);
    const int last_needed = (hi_row - 1) / 64;
    while (last < last_needed) {  // activate words: their rows still say +1 each
      ++last;
      bottom += last == words - 1 ? m - 64 * last : 64;
    }
    const uint64_t* eq_col = masks.Get(Key(b[static_cast<std::size_t>(j - 1)]));
    uint64_t carry = 0, hp_in = 1, hn_in = 0;  // the row above `first` grows by one
    for (int w = first; w <= last; ++w) {
      const std::size_t i = static_cast<std::size_t>(w);
      const uint64_t eq = eq_col[i], p = vp[i], q = vn[i];
      const uint64_t d0 = (AddWithCarry(eq & p, p, carry) ^ p) | eq | q;
      uint64_t hp = q | ~(d0 | p);
      uint64_t hn = p & d0;
      if (w == last) {
        const int bit = w == words - 1 ? last_bit : 63;
        bottom += static_cast<int>((hp >> bit) & 1);
        bottom -= static_cast<int>((hn >> bit) & 1);
      }
      const uint64_t hp_out = hp >> 63, hn_out = hn >> 63;
      hp = (hp << 1) | hp_in;
      hn = (hn << 1) | hn_in;
      hp_in = hp_out;
      hn_in = hn_out;
      vp[i] = hn | ~(d0 | hp);
      vn[i] = hp & d0;
    }
    // Every 8 columns: if every computed cell of the column exceeds k, so does the
    // distance (a path of cost <= k crosses the column inside the band, where the
    // computed values are exact). A word's smallest cell is at least its bottom
    // value less its +1 steps.
    if (k < n && (j & 7) == 0) {
      int running = bottom, lowest = bottom;
      for (int w = last; w >= first; --w) {
        const uint64_t mask = w == words - 1 && last_bit < 63 ? (uint64_t{2} << last_bit) - 1 : ~uint64_t{0};
        const int up = std::popcount(vp[static_cast<std::size_t>(w)] & mask);
        lowest = std::min(lowest, running - up);
        running -= up - std::popcount(vn[static_cast<std::size_t>(w)] & mask);
      }
      if (lowest > k) return k + 1;
    }
  }
  return bottom <= k ? bottom : k + 1;
}

template <class CharT>
int Bounded(View<CharT> a, View<CharT> b, int k) {
  StripCommonAffixes(a, b);
  if (a.size() > b.size()) std::swap(a, b);
  const int m = static_cast<int>(a.size());
  const int n = static_cast<int>(b.size());
  k = std::clamp(k, 0, n);  // the distance never exceeds n
  if (n - m > k) return k + 1;
  if (m == 0) return n;
  if (m <= 64) return LevenshteinWord(a, b, k);
  return LevenshteinBlocks(a, b, k);
}

template <class CharT>
int OsaWord(View<CharT> a, View<CharT> b) {
  const detail::WordMasks masks(a);
  const int m = static_cast<int>(a.size());
  const uint64_t last = uint64_t{1} << (m - 1);
  uint64_t vp = ~uint64_t{0}, vn = 0, d0_prev = 0, eq_prev = 0;
  int dist = m;
  for (CharT ch : b) {
    const uint64_t eq = masks.Get(Key(ch));
    const uint64_t tr = ((~d0_prev & eq) << 1) & eq_prev;
    const uint64_t d0 = (((eq & vp) + vp) ^ vp) | eq | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = vp & d0;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    d0_prev = d0;
    eq_prev = eq;
  }
  return dist;
}

template <class CharT>
int OsaBlocks(View<CharT> a, View<CharT> b) {
  const detail::BlockMasks masks(a);
  const int m = static_cast<int>(a.size());
  const std::size_t words = static_cast<std::size_t>(masks.blocks());
  const int last_bit = (m - 1) % 64;
  std::vector<uint64_t> vp(words, ~uint64_t{0}), vn(words, 0), d0_prev(words, 0), zeros(words, 0);
  const uint64_t* eq_prev = zeros.data();
  int dist = m;
  for (CharT ch : b) {
    const uint64_t* eq_col = masks.Get(Key(ch));
    uint64_t carry = 0, hp_in = 1, hn_in = 0, tr_in = 0;
    for (std::size_t w = 0; w < words; ++w) {
      const uint64_t eq = eq_col[w], p = vp[w], q = vn[w];
      const uint64_t tr_src = ~d0_prev[w] & eq;
      const uint64_t tr = ((tr_src << 1) | tr_in) & eq_prev[w];
      tr_in = tr_src >> 63;
      const uint64_t d0 = (AddWithCarry(eq & p, p, carry) ^ p) | eq | q | tr;
      uint64_t hp = q | ~(d0 | p);
      uint64_t hn = p & d0;
      if (w == words - 1) {
        dist += static_cast<int>((hp >> last_bit) & 1);
        dist -= static_cast<int>((hn >> last_bit) & 1);
      }
      const uint64_t hp_out = hp >> 63, hn_out = hn >> 63;
      hp = (hp << 1) | hp_in;
      hn = (hn << 1) | hn_in;
      hp_in = hp_out;
      hn_in = hn_out;
      vp[w] = hn | ~(d0 | hp);
      vn[w] = hp & d0;
      d0_prev[w] = d0;
    }
    eq_prev = eq_col;
  }
  return dist;
}

template <class CharT>
int Osa(View<CharT> a, View<CharT> b) {
  StripCommonAffixes(a, b);
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return static_cast<int>(b.size());
  if (a.size() <= 64) return OsaWord(a, b);
  return OsaBlocks(a, b);
}

template <class CharT>
double Similarity(View<CharT> a, View<CharT> b) {
  const std::size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(Bounded(a, b, INT_MAX)) / static_cast<double>(longest);
}

}  // namespace

int Levenshtein(std::u32string_view a, std::u32string_view b) { return Bounded(a, b, INT_MAX); }
int Levenshtein(std::string_view a, std::string_view b) { return Bounded(a, b, INT_MAX); }

int LevenshteinAtMost(std::u32string_view a, std::u32string_view b, int k) { return Bounded(a, b, k); }
int LevenshteinAtMost(std::string_view a, std::string_view b, int k) { return Bounded(a, b, k); }

int DamerauOsa(std::u32string_view a, std::u32string_view b) { return Osa(a, b); }
int DamerauOsa(std::string_view a, std::string_view b) { return Osa(a, b); }

double LevenshteinSimilarity(std::u32string_view a, std::u32string_view b) { return Similarity(a, b); }
double LevenshteinSimilarity(std::string_view a, std::string_view b) { return Similarity(a, b); }

}  // namespace dossier::match
