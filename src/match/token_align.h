// Token-set alignment of two names: the best one-to-one pairing of their tokens.
//
// Contract:
// - Input: two lists of tokens, already folded (text::Tokens); UTF-8 is accepted.
// - Pair similarity (TokenSimilarity): 1 for equal tokens; kInitialSimilarity (0.9)
//   for a one-letter token against a longer token starting with that letter ("j" /
//   "john"); otherwise Jaro-Winkler, counted only from kMinTokenSimilarity up (below
//   it two tokens are simply different, 0, and are never paired).
// - Each token weighs its length in code points. A pair of similarity s pairs on
//   twice the shorter token's weight, 2 min(w_left, w_right); the longer token's
//   excess counts as unpaired. A pairing scores, in weight units,
//   matched M = sum over pairs of s * 2 min(w_left, w_right) and penalty
//   P = sum over pairs of (1 - s) * 2 min(w_left, w_right)
//     + kUnmatchedPenalty * (weight of unpaired tokens and of pairs' excess);
//   the alignment's score is M / (M + P), in [0, 1], 0 if either side is empty.
//   So reordered tokens score 1.0; a missing middle name ("john kennedy" against
//   "john fitzgerald kennedy": 22 / 27 = 0.81) scores high but below 1; an exact
//   pair beats a near one with a longer token ("vladimir" pairs with "vladimir",
//   not "vladimirovich").
// - The pairing maximises M - P (a sum over pairs, so an assignment problem), ties
//   broken towards pairing more weight. Exact (dynamic programming over subsets of
//   the shorter side) when the shorter side has at most kExactTokens tokens; greedy
//   (best pair first, ties by token text) beyond. Only the first kMaxAlignedTokens tokens
//   of a side take part in pairing; the rest count as unpaired.
// - The score does not depend on the order of the tokens in either list.
// - Pure functions, thread-safe. Similarities are quantised to 1e-6 so that sums are
//   exact integers and the result is independent of summation order.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::match {

inline constexpr double kInitialSimilarity = 0.9;
inline constexpr double kMinTokenSimilarity = 0.75;
inline constexpr double kUnmatchedPenalty = 0.5;
inline constexpr std::size_t kExactTokens = 8;
inline constexpr std::size_t kMaxAlignedTokens = 256;

struct AlignedPair {
  std::size_t left;   // index into the left token list
  std::size_t right;  // index into the right token list
  double similarity;  // TokenSimilarity of the two, > 0
};

struct TokenAlignment {
  double score = 0.0;
  std::vector<AlignedPair> pairs;             // ordered by left index
  std::vector<std::size_t> unmatched_left;    // ascending
  std::vector<std::size_t> unmatched_right;   // ascending
};

// The similarity of one token pair, as used by AlignTokens.
double TokenSimilarity(std::string_view left, std::string_view right);

TokenAlignment AlignTokens(std::span<const std::string> left, std::span<const std::string> right);
TokenAlignment AlignTokens(std::span<const std::string_view> left, std::span<const std::string_view> right);

}  // namespace dossier::match
