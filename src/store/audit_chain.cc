#include "store/audit_chain.h"

#include <sodium.h>

namespace dossier::store {

std::string ChainHash(const AuditEntry& e) {
  crypto_generichash_state state;
  unsigned char out[32];
  crypto_generichash_init(&state, nullptr, 0, sizeof out);
  const unsigned char sep = 0x1f;
  for (const std::string& part : {e.prev, std::to_string(e.seq), e.at, e.user, e.action, e.detail,
                                  std::to_string(e.results)}) {
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    crypto_generichash_update(&state, &sep, 1);
  }
  crypto_generichash_final(&state, out, sizeof out);
  static const char* hex = "0123456789abcdef";
  std::string text;
  for (unsigned char b : out) {
    text += hex[b >> 4];
    text += hex[b & 15];
  }
  return text;
}

}  // namespace dossier::store
