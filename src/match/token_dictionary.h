// The candidate index's dictionary of distinct tokens, for fuzzy expansion of a
// query token: the tokens of the index within one edit (optimal string alignment:
// insertion, deletion, substitution, or transposition of two adjacent letters).
//
// A deletion neighbourhood (SymSpell's idea): every token of 3+ bytes is filed
// under the hash of itself and of each string made by deleting one of its bytes;
// a query token looks up the same variants of itself. Two strings within one edit
// always share a variant (a deletion on the longer side, the same deletion on both
// for a substitution or transposition), so the lookup misses none; what it
// returns beyond one edit (two deletions at different places giving the same
// string) is dropped by an exact DamerauOsa check. For distance 2 the query side
// also deletes two bytes (see Near()). The dictionary is over the
// distinct tokens, hundreds of thousands, not the entities' postings.
//
// Storage: the token strings back to back (one offset each), a KeyTable from the
// token's hash to its id, and a multi-valued open-addressing table of 8-byte slots
// (32-bit fingerprint of the variant hash, 32-bit token id), at most half full.
// Only ASCII tokens of 3 to 32 bytes with a letter are filed.
//
// Not thread-safe for writes; Near() is safe concurrently with other Near()s.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "match/key_table.h"

namespace dossier::match {

class TokenDictionary {
 public:
  static constexpr std::size_t kMinLength = 3;
  static constexpr std::size_t kMaxLength = 32;

  // Files `token` if it is new and fileable.
  void Add(std::string_view token);

  struct NearToken {
    std::string_view text;  // a view into the dictionary: valid until the next Add()
    int distance = 0;       // OSA distance from the query token, 1 or 2
  };
  // Appends to `out` the filed tokens at OSA distance 1 from `token` (all of
  // them), and with max_distance 2 also those at distance 2 that a deletion of
  // two bytes from `token` and of at most one from the filed token reach: the
  // filed token two letters shorter, or one shorter with a substitution, or a
  // substitution and a letter the query has in excess (not two substitutions or
  // two letters the query lacks: that would need two deletions filed per token).
  void Near(std::string_view token, int max_distance, std::vector<NearToken>& out) const;

  static bool Fileable(std::string_view token);

  std::size_t size() const { return offsets_.size() - 1; }
  std::size_t bytes() const;

 private:
  std::string_view Token(uint32_t id) const {
    return std::string_view(chars_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  void Insert(uint64_t variant, uint32_t id);
  void Grow();

  std::string chars_;
  std::vector<uint32_t> offsets_{0};
  KeyTable ids_;                // token hash -> id
  std::vector<uint64_t> slots_;  // (fingerprint << 32) | id; 0 = empty
  std::size_t used_ = 0;
};

}  // namespace dossier::match
