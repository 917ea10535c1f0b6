// The audit log's hash chain.
//
// hash(entry) = hex(BLAKE2b-256(prev, seq, at, user, action, detail, results)),
// each field followed by a 0x1f separator, prev being the hash of the entry
// before (kAuditGenesis for the first). Verifying the log is recomputing each
// hash in order and checking that each prev is the hash before it.
#pragma once
#include <string>

#include "store/store.h"

namespace dossier::store {

inline const std::string kAuditGenesis(64, '0');

std::string ChainHash(const AuditEntry& entry);

}  // namespace dossier::store
