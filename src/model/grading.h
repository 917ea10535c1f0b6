// The NATO Admiralty grading (STANAG 2511): source reliability A-F and
// information credibility 1-6, judged independently and printed together ("B2").
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dossier::model {

constexpr char kUnknownReliability = 'F';  // reliability cannot be judged
constexpr int kUnknownCredibility = 6;     // truth cannot be judged

inline bool IsReliability(char c) { return c >= 'A' && c <= 'F'; }
inline bool IsCredibility(int n) { return n >= 1 && n <= 6; }

inline std::optional<char> ParseReliability(std::string_view s) {
  if (s.size() != 1) return std::nullopt;
  char c = s[0];
  if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return IsReliability(c) ? std::optional<char>(c) : std::nullopt;
}

inline std::optional<int> ParseCredibility(std::string_view s) {
  if (s.size() != 1 || s[0] < '1' || s[0] > '6') return std::nullopt;
  return s[0] - '0';
}

inline std::string Grading(char reliability, int credibility) {
  return std::string(1, reliability) + std::to_string(credibility);
}

// Ranks a grading from 0 (A1, best) to 35 (F6): how much a claim can bear.
inline int GradingRank(char reliability, int credibility) {
  return (reliability - 'A') * 6 + (credibility - 1);
}

std::string_view ReliabilityLabel(char reliability);
std::string_view CredibilityLabel(int credibility);

}  // namespace dossier::model
