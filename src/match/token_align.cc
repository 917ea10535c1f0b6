// Token alignment as an assignment problem.
//
// Pairing token x with token y instead of leaving both unpaired changes M - P by
// (2 s - 1 + kUnmatchedPenalty) * 2 min(w_x, w_y), so maximising M - P is maximising a
// sum of independent pair gains over a one-to-one pairing: the linear assignment
// problem. Names have few tokens, so instead of the Hungarian algorithm we solve it
// exactly by dynamic programming over subsets of the shorter side: tokens of the
// longer side are taken in turn, and the state is the set of shorter-side tokens
// already used; each step either leaves the token unpaired or pairs it with one
// unused token. That is O(L * 2^S * S) for sides of L >= S tokens, trivial for S <= 8.
// Beyond, pairs are taken greedily, highest gain first.
//
// All quantities are integers (similarities in millionths, weights in code points),
// so sums are exact and do not depend on token order. The objective is the pair
// (gain, weight paired), compared lexicographically: M + P depends only on the
// weight paired, so two optimal pairings have equal M and P, hence equal scores,
// whichever of them is returned.
#include "match/token_align.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <tuple>

#include "match/bit_masks.h"
#include "match/jaro_winkler.h"

namespace dossier::match {
namespace {

constexpr int64_t kUnit = 1'000'000;
constexpr int64_t kPenaltyUnits = static_cast<int64_t>(kUnmatchedPenalty * kUnit);

struct Objective {
  int64_t gain = std::numeric_limits<int64_t>::min();  // min: state unreachable
  int64_t paired_weight = 0;
  bool operator<(const Objective& o) const { return std::tie(gain, paired_weight) < std::tie(o.gain, o.paired_weight); }
};

struct Problem {
  std::size_t rows = 0, cols = 0;  // tokens of left and right taking part
  std::vector<int64_t> sim;        // rows x cols, millionths; 0 = may not pair
  std::vector<int64_t> wl, wr;     // weights
  int64_t Sim(std::size_t i, std::size_t j) const { return sim[i * cols + j]; }
  // Weight two tokens pair on: twice the shorter; the longer's excess is unpaired.
  int64_t PairWeight(std::size_t i, std::size_t j) const { return 2 * std::min(wl[i], wr[j]); }
  int64_t Gain(std::size_t i, std::size_t j) const { return (2 * Sim(i, j) - kUnit + kPenaltyUnits) * PairWeight(i, j); }
};

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

// Exact: the shorter side (at most kExactTokens) as a bit set.
Pairs SolveExact(const Problem& p) {
  const bool left_short = p.rows <= p.cols;
  const std::size_t s = left_short ? p.rows : p.cols;
  const std::size_t l = left_short ? p.cols : p.rows;
  const auto sim = [&](std::size_t r, std::size_t c) { return left_short ? p.Sim(c, r) : p.Sim(r, c); };
  const auto gain = [&](std::size_t r, std::size_t c) { return left_short ? p.Gain(c, r) : p.Gain(r, c); };
  const auto wsum = [&](std::size_t r, std::size_t c) { return left_short ? p.PairWeight(c, r) : p.PairWeight(r, c); };
  const std::size_t states = std::size_t{1} << s;
  std::vector<Objective> cur(states), next(states);
  std::vector<int8_t> choice(l * states, -1);
  cur[0] = Objective{0, 0};
  for (std::size_t r = 0; r < l; ++r) {
    next = cur;  // r unpaired
    int8_t* ch = &choice[r * states];
    for (std::size_t mask = 0; mask < states; ++mask) {
      if (cur[mask].gain == std::numeric_limits<int64_t>::min()) continue;
      for (std::size_t c = 0; c < s; ++c) {
        const std::size_t bit = std::size_t{1} << c;
        if ((mask & bit) != 0 || sim(r, c) == 0) continue;
        const Objective cand{cur[mask].gain + gain(r, c), cur[mask].paired_weight + wsum(r, c)};
        if (next[mask | bit] < cand) {
          next[mask | bit] = cand;
          ch[mask | bit] = static_cast<int8_t>(c);
        }
      }
    }
    std::swap(cur, next);
  }
  std::size_t mask = 0;
  for (std::size_t m = 1; m < states; ++m)
    if (cur[mask] < cur[m]) mask = m;
  Pairs pairs;
  for (std::size_t r = l; r-- > 0;) {
    const int8_t c = choice[r * states + mask];
    if (c < 0) continue;
    const std::size_t cc = static_cast<std::size_t>(c);
    pairs.emplace_back(left_short ? cc : r, left_short ? r : cc);
    mask &= ~(std::size_t{1} << cc);
  }
  return pairs;
}

// Greedy: best gain first; ties by weight, then token text (so order-independent).
Pairs SolveGreedy(const Problem& p, std::span<const std::string_view> left, std::span<const std::string_view> right) {
  struct Candidate {
    int64_t gain, weight;
    std::size_t i, j;
  };
  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < p.rows; ++i)
    for (std::size_t j = 0; j < p.cols; ++j)
      if (p.Sim(i, j) > 0) cands.push_back({p.Gain(i, j), p.PairWeight(i, j), i, j});
  std::sort(cands.begin(), cands.end(), [&](const Candidate& x, const Candidate& y) {
    if (x.gain != y.gain) return x.gain > y.gain;
    if (x.weight != y.weight) return x.weight > y.weight;
    if (left[x.i] != left[y.i]) return left[x.i] < left[y.i];
    if (right[x.j] != right[y.j]) return right[x.j] < right[y.j];
    return std::tie(x.i, x.j) < std::tie(y.i, y.j);
  });
  std::vector<char> used_l(p.rows, 0), used_r(p.cols, 0);
  Pairs pairs;
  for (const Candidate& c : cands) {
    if (used_l[c.i] || used_r[c.j]) continue;
    used_l[c.i] = used_r[c.j] = 1;
    pairs.emplace_back(c.i, c.j);
  }
  return pairs;
}

TokenAlignment Align(std::span<const std::string_view> left, std::span<const std::string_view> right) {
  TokenAlignment out;
  Problem p;
  p.rows = std::min(left.size(), kMaxAlignedTokens);
  p.cols = std::min(right.size(), kMaxAlignedTokens);
  std::vector<int64_t> all_wl(left.size()), all_wr(right.size());
  for (std::size_t i = 0; i < left.size(); ++i) all_wl[i] = static_cast<int64_t>(detail::CountCodePoints(left[i]));
  for (std::size_t j = 0; j < right.size(); ++j) all_wr[j] = static_cast<int64_t>(detail::CountCodePoints(right[j]));
  p.wl.assign(all_wl.begin(), all_wl.begin() + static_cast<std::ptrdiff_t>(p.rows));
  p.wr.assign(all_wr.begin(), all_wr.begin() + static_cast<std::ptrdiff_t>(p.cols));
  p.sim.resize(p.rows * p.cols);
  for (std::size_t i = 0; i < p.rows; ++i)
    for (std::size_t j = 0; j < p.cols; ++j)
      p.sim[i * p.cols + j] = std::llround(TokenSimilarity(left[i], right[j]) * static_cast<double>(kUnit));

  Pairs pairs;
  if (p.rows > 0 && p.cols > 0)
    pairs = std::min(p.rows, p.cols) <= kExactTokens ? SolveExact(p) : SolveGreedy(p, left, right);
  std::sort(pairs.begin(), pairs.end());

  std::vector<char> paired_l(left.size(), 0), paired_r(right.size(), 0);
  int64_t matched = 0, penalty = 0;
  for (const auto& [i, j] : pairs) {
    const int64_t s = p.Sim(i, j), w = p.PairWeight(i, j), excess = std::abs(p.wl[i] - p.wr[j]);
    matched += s * w;
    penalty += (kUnit - s) * w + kPenaltyUnits * excess;
    paired_l[i] = paired_r[j] = 1;
    out.pairs.push_back({i, j, static_cast<double>(s) / static_cast<double>(kUnit)});
  }
  for (std::size_t i = 0; i < left.size(); ++i)
    if (!paired_l[i]) {
      out.unmatched_left.push_back(i);
      penalty += kPenaltyUnits * all_wl[i];
    }
  for (std::size_t j = 0; j < right.size(); ++j)
    if (!paired_r[j]) {
      out.unmatched_right.push_back(j);
      penalty += kPenaltyUnits * all_wr[j];
    }
  if (!left.empty() && !right.empty() && matched + penalty > 0)
    out.score = static_cast<double>(matched) / static_cast<double>(matched + penalty);
  return out;
}

}  // namespace

double TokenSimilarity(std::string_view left, std::string_view right) {
  if (left == right) return 1.0;
  const std::size_t cl = detail::CountCodePoints(left), cr = detail::CountCodePoints(right);
  if (cl == 1 || cr == 1) {
    // An initial against a name starting with it; two different initials do not pair.
    const std::string_view initial = cl == 1 ? left : right;
    const std::string_view full = cl == 1 ? right : left;
    return full.size() > initial.size() && full.starts_with(initial) ? kInitialSimilarity : 0.0;
  }
  const double s = JaroWinkler(left, right);
  return s >= kMinTokenSimilarity ? s : 0.0;
}

TokenAlignment AlignTokens(std::span<const std::string_view> left, std::span<const std::string_view> right) {
  return Align(left, right);
}

TokenAlignment AlignTokens(std::span<const std::string> left, std::span<const std::string> right) {
  std::vector<std::string_view> l(left.begin(), left.end()), r(right.begin(), right.end());
  return Align(l, r);
}

}  // namespace dossier::match
