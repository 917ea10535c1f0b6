#include "match/index_keys.h"

#include <algorithm>
#include <string>

#include "match/phonetic.h"

namespace dossier::match {
namespace {

constexpr float kTokenWeight = 1.0f;
constexpr float kPhoneticWeight = 0.3f;
constexpr float kSkeletonWeight = 0.4f;
constexpr float kTrigramsWeight = 1.2f;  // shared out over a token's trigrams
constexpr float kInitialWeight = 0.2f;
constexpr float kJoinedWeight = 0.5f;

// The murmur3 finaliser: spreads FNV's weak low bits over the whole word.
uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void Push(std::vector<IndexKey>& out, KeyKind kind, std::string_view text, float weight) {
  if (text.empty() || weight <= 0.0f) return;
  out.push_back({HashKey(kind, text), weight});
}

void TokenKeys(std::string_view token, float role_weight, std::vector<IndexKey>& out) {
  if (token.empty()) return;
  if (token.size() == 1) {
    Push(out, KeyKind::kInitial, token, role_weight);
    return;
  }
  Push(out, KeyKind::kToken, token, kTokenWeight * role_weight);
  Push(out, KeyKind::kInitial, token.substr(0, 1), kInitialWeight * role_weight);
  if (!AllDigits(token)) {
    const DoubleMetaphoneKeys dm = DoubleMetaphone(token);
    Push(out, KeyKind::kPhonetic, dm.primary, kPhoneticWeight * role_weight);
    if (dm.alternate != dm.primary) Push(out, KeyKind::kPhonetic, dm.alternate, kPhoneticWeight * role_weight);
    Push(out, KeyKind::kSkeleton, ConsonantSkeleton(token), kSkeletonWeight * role_weight);
  }
  std::string padded;
  padded.reserve(token.size() + 2);
  padded += '^';
  padded += token;
  padded += '$';
  const float each = kTrigramsWeight * role_weight / static_cast<float>(padded.size() - 2);
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) Push(out, KeyKind::kTrigram, std::string_view(padded).substr(i, 3), each);
}

}  // namespace

uint64_t HashKey(KeyKind kind, std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL ^ static_cast<uint64_t>(kind);
  h *= 0x100000001b3ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h = Mix(h);
  return h == 0 ? 1 : h;
}

void MergeKeys(std::vector<IndexKey>& keys) {
  std::sort(keys.begin(), keys.end(), [](const IndexKey& a, const IndexKey& b) {
    return a.key != b.key ? a.key < b.key : a.weight > b.weight;
  });
  keys.erase(std::unique(keys.begin(), keys.end(), [](const IndexKey& a, const IndexKey& b) { return a.key == b.key; }),
             keys.end());
}

void AppendNameKeys(const NormalisedName& name, std::vector<IndexKey>& out) {
  const auto& tokens = name.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    TokenKeys(tokens[i].text, tokens[i].weight, out);
    if (i + 1 < tokens.size() && tokens[i].text.size() > 1 && tokens[i + 1].text.size() > 1) {
      const std::string joined = tokens[i].text + tokens[i + 1].text;
      Push(out, KeyKind::kToken, joined, kJoinedWeight * std::min(tokens[i].weight, tokens[i + 1].weight));
    }
  }
  MergeKeys(out);
}

}  // namespace dossier::match
