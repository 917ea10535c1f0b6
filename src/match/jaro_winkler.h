// Jaro and Jaro-Winkler similarity of two strings, on code points.
//
// Contract:
// - Jaro(a, b) in [0, 1]: with m the number of matching symbols (equal symbols no
//   further apart than max(|a|, |b|) / 2 - 1 positions, each used once, taken
//   left to right) and t half the number of matched symbols out of order,
//   (m / |a| + m / |b| + (m - t) / m) / 3; 0 when m == 0.
// - JaroWinkler(a, b) = J + l * 0.1 * (1 - J), l the common prefix length capped at
//   4, applied only when J > 0.7 (Winkler's boost threshold).
// - Both are 1 exactly when a == b (two empty strings included) and 0 when exactly
//   one is empty.
// - The std::string_view overloads decode UTF-8 (invalid bytes count as U+FFFD).
// - Pure functions: thread-safe; no allocation when both strings have at most 64 code
//   points (bit masks on the stack); longer strings fall back to flag vectors.
#pragma once
#include <string_view>

namespace dossier::match {

inline constexpr double kWinklerPrefixScale = 0.1;
inline constexpr int kWinklerMaxPrefix = 4;
inline constexpr double kWinklerBoostThreshold = 0.7;

double Jaro(std::u32string_view a, std::u32string_view b);
double Jaro(std::string_view utf8_a, std::string_view utf8_b);

double JaroWinkler(std::u32string_view a, std::u32string_view b);
double JaroWinkler(std::string_view utf8_a, std::string_view utf8_b);

}  // namespace dossier::match
