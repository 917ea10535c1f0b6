#include "match/index_keys.h"

#include <algorithm>
#include <string>
#include <utility>

#include "match/phonetic.h"

namespace dossier::match {
namespace {

constexpr float kTokenWeight = 1.0f;
constexpr float kPhoneticWeight = 0.3f;
constexpr float kSkeletonWeight = 0.4f;
constexpr float kAbjadSkeletonWeight = 1.0f;  // names written in Arabic or Hebrew script
constexpr float kTrigramsWeight = 1.2f;  // shared out over a token's trigrams
constexpr float kInitialWeight = 0.2f;
constexpr float kJoinedWeight = 0.5f;
constexpr float kFoldWeight = 0.6f;

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

void Push(std::vector<IndexKey>& out, KeyKind kind, std::string_view text, float weight, uint16_t token) {
  if (text.empty() || weight <= 0.0f) return;
  out.push_back({HashKey(kind, text), weight, kind, token});
}

void TokenKeys(std::string_view token, float role_weight, float skeleton_weight, uint16_t ordinal, std::vector<IndexKey>& out) {
  if (token.empty()) return;
  if (token.size() == 1) {
    Push(out, KeyKind::kInitial, token, role_weight, ordinal);
    return;
  }
  Push(out, KeyKind::kToken, token, kTokenWeight * role_weight, ordinal);
  Push(out, KeyKind::kInitial, token.substr(0, 1), kInitialWeight * role_weight, ordinal);
  if (!AllDigits(token)) {
    const DoubleMetaphoneKeys dm = DoubleMetaphone(token);
    Push(out, KeyKind::kPhonetic, dm.primary, kPhoneticWeight * role_weight, ordinal);
    if (dm.alternate != dm.primary) Push(out, KeyKind::kPhonetic, dm.alternate, kPhoneticWeight * role_weight, ordinal);
    Push(out, KeyKind::kSkeleton, ConsonantSkeleton(token), skeleton_weight * role_weight, ordinal);
    const std::string fold = RomanisationFold(token);
    Push(out, KeyKind::kFold, fold, kFoldWeight * role_weight, ordinal);
    // The French reading of ch and j (ш, ж), when it differs: dariatichina /
    // daryatishina.
    if (token.find("ch") != std::string_view::npos || token.find('j') != std::string_view::npos) {
      const std::string french = RomanisationFold(token, true);
      if (french != fold) Push(out, KeyKind::kFold, french, kFoldWeight * role_weight, ordinal);
    }
  }
  std::string padded;
  padded.reserve(token.size() + 2);
  padded += '^';
  padded += token;
  padded += '$';
  const float each = kTrigramsWeight * role_weight / static_cast<float>(padded.size() - 2);
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i) Push(out, KeyKind::kTrigram, std::string_view(padded).substr(i, 3), each, ordinal);
}

}  // namespace

std::string RomanisationFold(std::string_view t, bool french) {
  static constexpr std::pair<std::string_view, std::string_view> kDigraphs[] = {
      {"schtsch", "s"}, {"chtch", "s"}, {"shch", "s"}, {"tsch", ""}, {"tch", ""}, {"sch", "s"},
      {"ch", ""},      {"kh", ""},     {"sh", "s"},   {"zh", "s"},   {"ts", "s"},  {"ph", "f"},
      {"th", "t"},      {"dh", "d"},    {"gh", "g"},   {"mp", "p"}};
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  std::string out;
  out.reserve(t.size());
  auto put = [&](char c) {
    if (out.empty() || out.back() != c) out += c;
  };
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    // French spellings: ch is ш (sh), j is ж (zh).
    if (french && c == 'c' && i + 1 < t.size() && t[i + 1] == 'h') {
      put('s');
      i += 2;
      continue;
    }
    if (french && c == 'j') {
      put('s');
      ++i;
      continue;
    }
    // Greek γ before a front vowel, written y or g between vowels:
    // panayiotis / panagiotis.
    if (c == 'g' && i > 0 && vowel(t[i - 1]) && i + 1 < t.size() && (t[i + 1] == 'i' || t[i + 1] == 'e' || t[i + 1] == 'y')) {
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [from, to] : kDigraphs) {
      if (t.compare(i, from.size(), from) == 0) {
        // ch / tch / tsch (ч, or х in German and Greek spellings) leave nothing.
        for (char x : to) put(x);
        i += from.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    ++i;
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'j': case 'h': case '\'':
        break;
      case 'w': put('v'); break;
      case 'z': put('s'); break;
      case 'b': put('p'); break;
      case 'c': case 'q': put('k'); break;
      case 'x': put('k'); put('s'); break;
      default:
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(c);
    }
  }
  if (out.size() < 3) out.clear();
  return out;
}

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
  // Running token numbers continue over the names already appended.
  uint16_t base = 0;
  for (const IndexKey& k : out)
    if (k.token != kNoToken && k.token >= base) base = static_cast<uint16_t>(k.token + 1);
  // A name written in a script without short vowels (Arabic, Hebrew) gives
  // unvocalised tokens ("tarq", "zinb"): their consonant skeleton ("trq", "znb",
  // as of tariq, zainab) says as much as the token, so it weighs as much. Only
  // query weights are used: the index files keys without weights.
  const bool abjad = name.script == "Arab" || name.script == "Hebr" || name.script == "Syrc";
  const float skeleton_weight = abjad ? kAbjadSkeletonWeight : kSkeletonWeight;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto ordinal = static_cast<uint16_t>(std::min<std::size_t>(base + i, kNoToken - 1));
    TokenKeys(tokens[i].text, tokens[i].weight, skeleton_weight, ordinal, out);
    if (i + 1 < tokens.size() && tokens[i].text.size() > 1 && tokens[i + 1].text.size() > 1) {
      const std::string joined = tokens[i].text + tokens[i + 1].text;
      Push(out, KeyKind::kToken, joined, kJoinedWeight * std::min(tokens[i].weight, tokens[i + 1].weight), kNoToken);
    }
  }
  MergeKeys(out);
}

}  // namespace dossier::match
