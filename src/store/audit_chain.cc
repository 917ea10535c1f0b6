#include "store/audit_chain.h"

#include "model/hex.h"

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
  return model::ToHex(out, sizeof out);
}

std::optional<AuditBreak> VerifyChain(const std::vector<AuditEntry>& log) {
  std::string prev = kAuditGenesis;
  int64_t expected = 1;
  for (const auto& e : log) {
    if (e.seq != expected)
      return AuditBreak{e.seq, "entry " + std::to_string(e.seq) + " follows entry " + std::to_string(expected - 1) +
                                   ": an entry is missing or out of order"};
    if (e.prev != prev)
      return AuditBreak{e.seq, "entry " + std::to_string(e.seq) +
                                   " does not chain to the entry before it: an entry was removed, replaced or reordered"};
    if (ChainHash(e) != e.hash)
      return AuditBreak{e.seq, "entry " + std::to_string(e.seq) + " does not match its hash: it was edited"};
    prev = e.hash;
    ++expected;
  }
  return std::nullopt;
}

}  // namespace dossier::store
