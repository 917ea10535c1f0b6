// A flat hash map from 64-bit keys (already well mixed, never 0) to dense uint32
// ids, for the candidate index's key dictionary: open addressing, linear probing,
// two parallel arrays (12 bytes a slot), at most 70% full. Keys are hashes, so the
// table stores no strings; a collision of two 64-bit key hashes among a few million
// keys has a probability below 1e-6 and would only merge two postings lists.
//
// Not thread-safe for writes; Find() is safe concurrently with other Find()s.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier::match {

class KeyTable {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return kMissing;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return kMissing;
    }
  }

  // The id of `key`, inserting it with id size() if absent.
  uint32_t FindOrInsert(uint64_t key) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Grow();
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = static_cast<uint32_t>(size_);
        return static_cast<uint32_t>(size_++);
      }
    }
  }

  std::size_t size() const { return size_; }
  std::size_t bytes() const { return keys_.capacity() * sizeof(uint64_t) + values_.capacity() * sizeof(uint32_t); }

 private:
  void Grow() {
    std::vector<uint64_t> old_keys(keys_.empty() ? 1024 : keys_.size() * 2, 0);
    std::vector<uint32_t> old_values(old_keys.size(), 0);
    old_keys.swap(keys_);
    old_values.swap(values_);
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == 0) continue;
      std::size_t i = old_keys[j] & mask;
      while (keys_[i] != 0) i = (i + 1) & mask;
      keys_[i] = old_keys[j];
      values_[i] = old_values[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace dossier::match
