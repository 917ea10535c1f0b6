// IdTable: a map from entity id (text) to entity key, for the ingest writer.
//
// The writer looks up every new entity and every entity a tie refers to, up to
// millions in one ingest. A node-based std::unordered_map spends that time in
// cache misses (bucket, node, string); this table is open addressing over one
// flat array of slots, each holding the id's hash and key, with the ids' bytes
// in one arena, so a lookup touches one slot and, on a hash match, the arena.
//
// Contract:
// - Find(id) gives the key stored for exactly that id (ids are compared in
//   full, never by hash alone), or nullopt.
// - Insert(id, key) stores a key for an id not yet present. Inserting an id
//   that is present is a programming error (checked in debug builds).
// - Clear() forgets everything; the writer does it to bound memory.
// - Not thread-safe; owned by one writer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::store {

class IdTable {
 public:
  IdTable() { Rehash(kInitialSlots); }

  std::optional<int64_t> Find(std::string_view id) const {
    const uint64_t h = Hash(id);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return std::nullopt;
      if (s.hash == h && s.length == id.size() && arena_.compare(s.offset, s.length, id) == 0) return s.key;
    }
  }

  void Insert(std::string_view id, int64_t key) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Rehash(slots_.size() * 2);  // load factor at most 3/4
    const uint64_t h = Hash(id);
    Place(Slot{h, key, arena_.size(), static_cast<uint32_t>(id.size())});
    arena_.append(id);
    ++size_;
  }

  size_t size() const { return size_; }

  void Clear() {
    arena_.clear();
    size_ = 0;
    // A fresh table: rehashing would carry the old slots into a smaller one,
    // and with more of them than it has slots, placing would never end.
    slots_.assign(kInitialSlots, Slot{0, 0, 0, kEmpty});
    mask_ = kInitialSlots - 1;
  }

 private:
  static constexpr size_t kInitialSlots = 1 << 16;
  static constexpr uint32_t kEmpty = UINT32_MAX;

  struct Slot {
    uint64_t hash;
    int64_t key;
    size_t offset;    // of the id in arena_
    uint32_t length;  // kEmpty: free slot
  };

  // FNV-1a, then a final mix so that the low bits (the slot index) depend on
  // every byte: ids often share long prefixes ("per-", "co-").
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }

  void Place(const Slot& slot) {
    size_t i = slot.hash & mask_;
    while (slots_[i].length != kEmpty) i = (i + 1) & mask_;
    slots_[i] = slot;
  }

  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{0, 0, 0, kEmpty});
    mask_ = n - 1;
    for (const Slot& s : old)
      if (s.length != kEmpty) Place(s);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  std::string arena_;
};

}  // namespace dossier::store
