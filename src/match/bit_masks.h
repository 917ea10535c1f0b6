// Internal helpers shared by the comparators (not part of the public surface):
// pattern-match bit masks for the bit-parallel algorithms, and a UTF-8 decoder
// into a buffer that stays on the stack for short strings.
//
// Contract: everything here is header-only, allocation-free for patterns of up to
// 64 symbols (WordMasks) and strings of up to kInlineCodePoints code points
// (CodePoints), and safe on any input bytes: invalid UTF-8 decodes to U+FFFD.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace dossier::match::detail {

// Symbols are compared as unsigned 32-bit keys: bytes as 0..255, code points as is.
inline uint32_t Key(char c) { return static_cast<unsigned char>(c); }
inline uint32_t Key(char32_t c) { return static_cast<uint32_t>(c); }

// Multiplicative (Fibonacci) hash of a key into `bits` bits.
inline uint32_t HashKey(uint32_t key, int bits) { return (key * 2654435761u) >> (32 - bits); }

// For a pattern p of at most 64 symbols, Get(c) is the word whose bit i is set iff
// p[i] == c. ASCII symbols are looked up directly; others in a small open-addressing
// table (128 slots for at most 64 distinct symbols, so probes stay short). A slot is
// empty iff its mask is zero: every stored symbol occurs somewhere, so its mask is not.
class WordMasks {
 public:
  template <class CharT>
  explicit WordMasks(std::basic_string_view<CharT> pattern) {
    std::memset(ascii_, 0, sizeof ascii_);
    uint64_t bit = 1;
    for (CharT ch : pattern) {
      Add(Key(ch), bit);
      bit <<= 1;
    }
  }

  uint64_t Get(uint32_t c) const {
    if (c < 128) return ascii_[c];
    if (!wide_) return 0;
    for (uint32_t i = HashKey(c, 7);; i = (i + 1) & 127) {
      if (wide_masks_[i] == 0) return 0;
      if (wide_keys_[i] == c) return wide_masks_[i];
    }
  }

 private:
  void Add(uint32_t c, uint64_t bit) {
    if (c < 128) {
      ascii_[c] |= bit;
      return;
    }
    if (!wide_) {
      std::memset(wide_masks_, 0, sizeof wide_masks_);
      std::memset(wide_keys_, 0, sizeof wide_keys_);
      wide_ = true;
    }
    for (uint32_t i = HashKey(c, 7);; i = (i + 1) & 127) {
      if (wide_masks_[i] == 0) {
        wide_keys_[i] = c;
        wide_masks_[i] = bit;
        return;
      }
      if (wide_keys_[i] == c) {
        wide_masks_[i] |= bit;
        return;
      }
    }
  }

  uint64_t ascii_[128];
  uint64_t wide_masks_[128];
  uint32_t wide_keys_[128];
  bool wide_ = false;
};

// The same for patterns of any length, as ceil(m / 64) words per symbol: Get(c)
// points at `blocks()` words, bit i of word w set iff p[64 w + i] == c. Symbols get
// dense ids (0 = absent, an all-zero row) so the mask table is ids x blocks.
class BlockMasks {
 public:
  template <class CharT>
  explicit BlockMasks(std::basic_string_view<CharT> pattern)
      : blocks_(static_cast<int>((pattern.size() + 63) / 64)) {
    std::memset(ascii_id_, 0, sizeof ascii_id_);
    int bits = 4;
    while ((std::size_t{1} << bits) < 2 * pattern.size() + 2) ++bits;
    table_bits_ = bits;
    keys_.assign(std::size_t{1} << bits, 0);
    ids_.assign(std::size_t{1} << bits, 0);
    masks_.assign(static_cast<std::size_t>(blocks_), 0);  // id 0: absent
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      uint32_t id = IdFor(Key(pattern[i]));
      masks_[id * static_cast<std::size_t>(blocks_) + i / 64] |= uint64_t{1} << (i % 64);
    }
  }

  int blocks() const { return blocks_; }

  const uint64_t* Get(uint32_t c) const { return &masks_[Lookup(c) * static_cast<std::size_t>(blocks_)]; }

 private:
  uint32_t Lookup(uint32_t c) const {
    if (c < 128) return ascii_id_[c];
    const uint32_t mask = static_cast<uint32_t>(keys_.size() - 1);
    for (uint32_t i = HashKey(c, table_bits_);; i = (i + 1) & mask) {
      if (ids_[i] == 0) return 0;
      if (keys_[i] == c) return ids_[i];
    }
  }

  uint32_t IdFor(uint32_t c) {
    if (c < 128) {
      if (ascii_id_[c] == 0) ascii_id_[c] = NewId();
      return ascii_id_[c];
    }
    const uint32_t mask = static_cast<uint32_t>(keys_.size() - 1);
    for (uint32_t i = HashKey(c, table_bits_);; i = (i + 1) & mask) {
      if (ids_[i] == 0) {
        keys_[i] = c;
        ids_[i] = NewId();
        return ids_[i];
      }
      if (keys_[i] == c) return ids_[i];
    }
  }

  uint32_t NewId() {
    masks_.resize(masks_.size() + static_cast<std::size_t>(blocks_), 0);
    return static_cast<uint32_t>(masks_.size() / static_cast<std::size_t>(blocks_) - 1);
  }

  int blocks_;
  int table_bits_ = 4;
  uint32_t ascii_id_[128];
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> ids_;
  std::vector<uint64_t> masks_;
};

inline bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Decodes one code point starting at s[i], advancing i. Overlong forms, surrogates,
// values beyond U+10FFFF and truncated sequences yield U+FFFD and consume one byte.
inline char32_t DecodeOne(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) len = 2, cp = b0 & 0x1F, min = 0x80;
  else if ((b0 & 0xF0) == 0xE0) len = 3, cp = b0 & 0x0F, min = 0x800;
  else if ((b0 & 0xF8) == 0xF0) len = 4, cp = b0 & 0x07, min = 0x10000;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

// The code points of a UTF-8 string; inline storage for short strings.
class CodePoints {
 public:
  static constexpr std::size_t kInlineCodePoints = 64;

  explicit CodePoints(std::string_view utf8) {
    char32_t* out = inline_;
    if (utf8.size() > kInlineCodePoints) {
      heap_.resize(utf8.size());  // never more code points than bytes
      out = heap_.data();
    }
    std::size_t n = 0;
    for (std::size_t i = 0; i < utf8.size();) out[n++] = DecodeOne(utf8, i);
    view_ = std::u32string_view(out, n);
  }
  CodePoints(const CodePoints&) = delete;
  CodePoints& operator=(const CodePoints&) = delete;

  std::u32string_view view() const { return view_; }

 private:
  char32_t inline_[kInlineCodePoints];
  std::vector<char32_t> heap_;
  std::u32string_view view_;
};

inline std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < utf8.size(); ++n) DecodeOne(utf8, i);
  return n;
}

}  // namespace dossier::match::detail
