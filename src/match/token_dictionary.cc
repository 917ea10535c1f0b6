#include "match/token_dictionary.h"

#include <algorithm>

#include "match/index_keys.h"
#include "match/levenshtein.h"

namespace dossier::match {
namespace {

// The hash of a deletion variant: its own key space, apart from the index's keys.
uint64_t VariantHash(std::string_view s) { return HashKey(static_cast<KeyKind>(0x71), s); }

// The token and each one-byte deletion of it, each once.
template <typename F>
void ForEachVariant(std::string_view token, F&& f) {
  f(std::string_view(token));
  std::string v;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (i > 0 && token[i] == token[i - 1]) continue;  // same deletion as the previous byte's
    v.assign(token.substr(0, i));
    v.append(token.substr(i + 1));
    f(std::string_view(v));
  }
}

}  // namespace

bool TokenDictionary::Fileable(std::string_view token) {
  if (token.size() < kMinLength || token.size() > kMaxLength) return false;
  bool letter = false;
  for (char c : token) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'a' && c <= 'z') letter = true;
  }
  return letter;
}

void TokenDictionary::Add(std::string_view token) {
  if (!Fileable(token)) return;
  const uint64_t h = HashKey(KeyKind::kToken, token);
  const uint32_t id = ids_.FindOrInsert(h);
  if (id + 1 < offsets_.size()) return;  // known
  chars_.append(token);
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  ForEachVariant(token, [&](std::string_view v) { Insert(VariantHash(v), id); });
}

void TokenDictionary::Insert(uint64_t variant, uint32_t id) {
  if ((used_ + 1) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  const uint64_t slot = ((variant >> 32) | 1u) << 32 | id;
  for (std::size_t i = variant & mask;; i = (i + 1) & mask) {
    if (slots_[i] == slot) return;
    if (slots_[i] == 0) {
      slots_[i] = slot;
      ++used_;
      return;
    }
  }
}

void TokenDictionary::Grow() {
  // Slots do not keep the variant's low bits, so growing re-derives them from
  // the tokens.
  std::vector<uint64_t>(slots_.empty() ? 4096 : slots_.size() * 2, 0).swap(slots_);
  used_ = 0;
  const auto n = static_cast<uint32_t>(offsets_.size() - 1);
  const std::size_t mask = slots_.size() - 1;
  for (uint32_t id = 0; id < n; ++id) {
    ForEachVariant(Token(id), [&](std::string_view v) {
      const uint64_t h = VariantHash(v);
      const uint64_t slot = ((h >> 32) | 1u) << 32 | id;
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        if (slots_[i] == slot) return;
        if (slots_[i] == 0) {
          slots_[i] = slot;
          ++used_;
          return;
        }
      }
    });
  }
}

void TokenDictionary::Near(std::string_view token, int max_distance, std::vector<NearToken>& out) const {
  if (slots_.empty() || token.size() + 1 < kMinLength || token.size() > kMaxLength + 2) return;
  thread_local std::vector<uint32_t> ids;
  ids.clear();
  const std::size_t mask = slots_.size() - 1;
  auto lookup = [&](std::string_view v) {
    const uint64_t h = VariantHash(v);
    const uint64_t fp = (h >> 32) | 1u;
    for (std::size_t i = h & mask; slots_[i] != 0; i = (i + 1) & mask)
      if ((slots_[i] >> 32) == fp) ids.push_back(static_cast<uint32_t>(slots_[i]));
  };
  ForEachVariant(token, [&](std::string_view v) {
    lookup(v);
    if (max_distance >= 2 && v.size() < token.size() && v.size() >= 2) {
      const std::string one(v);
      ForEachVariant(one, [&](std::string_view w) {
        if (w.size() < one.size() && w.size() >= 2) lookup(w);
      });
    }
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (uint32_t id : ids) {
    const std::string_view u = Token(id);
    if (u == token) continue;
    const std::size_t a = u.size(), b = token.size();
    if ((a > b ? a - b : b - a) > static_cast<std::size_t>(max_distance)) continue;
    const int d = DamerauOsa(token, u);
    if (d <= max_distance) out.push_back({u, d});
  }
}

std::size_t TokenDictionary::bytes() const {
  return chars_.capacity() + offsets_.capacity() * sizeof(uint32_t) + ids_.bytes() + slots_.capacity() * sizeof(uint64_t);
}

}  // namespace dossier::match
