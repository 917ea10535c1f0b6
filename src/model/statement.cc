#include "model/statement.h"

#include <sodium.h>

#include <cstring>

namespace dossier::model {

int64_t StatementKey(std::string_view source_id, std::string_view entity_id, std::string_view prop,
                     std::string_view value) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 8);
  const unsigned char sep = 0x1f;  // unit separator: never inside the fields that matter
  for (std::string_view part : {source_id, entity_id, prop, value}) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    crypto_generichash_update(&state, &sep, 1);
  }
  unsigned char out[8];
  crypto_generichash_final(&state, out, sizeof out);
  uint64_t u = 0;
  for (unsigned char b : out) u = (u << 8) | b;
  int64_t key;
  std::memcpy(&key, &u, sizeof key);
  return key;
}

std::string KeyToHex(int64_t key) {
  uint64_t u;
  std::memcpy(&u, &key, sizeof u);
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[u & 0xf];
    u >>= 4;
  }
  return out;
}

bool HexToKey(std::string_view hex, int64_t* key) {
  if (hex.size() != 16) return false;
  uint64_t u = 0;
  for (char c : hex) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    u = (u << 4) | static_cast<uint64_t>(d);
  }
  std::memcpy(key, &u, sizeof u);
  return true;
}

}  // namespace dossier::model
