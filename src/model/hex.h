// Bytes as lower-case hexadecimal, for hashes and fingerprints people read.
#pragma once
#include <cstddef>
#include <string>

namespace dossier::model {

inline std::string ToHex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

}  // namespace dossier::model
