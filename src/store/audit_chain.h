// The audit log's hash chain.
//
// hash(entry) = hex(BLAKE2b-256(prev, seq, at, user, action, detail, results)),
// each field followed by a 0x1f separator, prev being the hash of the entry
// before (kAuditGenesis for the first). Verifying the log is recomputing each
// hash in order and checking that each prev is the hash before it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace dossier::store {

inline const std::string kAuditGenesis(64, '0');

std::string ChainHash(const AuditEntry& entry);

// The first place where a log read in order stops being the chain it was
// written as: a sequence number that is not the one after the last (an entry
// removed, or two swapped), a `prev` that is not the hash before it (removed
// or reordered), or a hash that does not cover the entry (edited). nullopt when
// the whole log holds. Removing entries from the end leaves a shorter valid
// chain: compare the head hash (the last entry's) with one kept elsewhere.
struct AuditBreak {
  int64_t seq = 0;  // the first entry that does not fit
  std::string reason;
};
std::optional<AuditBreak> VerifyChain(const std::vector<AuditEntry>& log);

}  // namespace dossier::store
