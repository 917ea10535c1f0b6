// Edit distances between two strings, bit-parallel.
//
// Contract:
// - Levenshtein(a, b): the minimum number of single-symbol insertions, deletions and
//   substitutions turning a into b. Symmetric, 0 iff a == b, obeys the triangle
//   inequality. O(ceil(m/64) * n) word operations for m = min length, n = max length.
// - LevenshteinAtMost(a, b, k) == min(Levenshtein(a, b), k + 1), computed only inside
//   the diagonal band that can still lead to a distance <= k, so O(ceil(k/32) * n)
//   and immediate for length differences beyond k. Negative k counts as 0.
// - DamerauOsa(a, b): optimal string alignment distance, Levenshtein plus
//   transposition of two adjacent symbols, with no substring edited twice (so
//   OSA("ca", "abc") == 3, not 2). Never above Levenshtein(a, b).
// - LevenshteinSimilarity(a, b) = 1 - Levenshtein(a, b) / max(|a|, |b|), 1 for two
//   empty strings; in [0, 1].
// - The std::u32string_view overloads compare code points; the std::string_view
//   overloads compare bytes (callers with folded ASCII names lose nothing; for other
//   UTF-8 decode first, or a multi-byte letter counts as several edits).
// - Pure functions: thread-safe, no allocation for strings of up to 64 symbols
//   (after stripping a common prefix and suffix), any input bytes accepted.
#pragma once
#include <string_view>

namespace dossier::match {

int Levenshtein(std::u32string_view a, std::u32string_view b);
int Levenshtein(std::string_view a, std::string_view b);

int LevenshteinAtMost(std::u32string_view a, std::u32string_view b, int k);
int LevenshteinAtMost(std::string_view a, std::string_view b, int k);

int DamerauOsa(std::u32string_view a, std::u32string_view b);
int DamerauOsa(std::string_view a, std::string_view b);

double LevenshteinSimilarity(std::u32string_view a, std::u32string_view b);
double LevenshteinSimilarity(std::string_view a, std::string_view b);

}  // namespace dossier::match
