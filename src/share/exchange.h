// The next package for a partner, end to end: select what the partner may
// receive (release.h), number and date it, sign it (package.h), record the
// sequence sent, and audit the export. `dossier export --for` and the server's
// GET /api/export both call this.
//
// Contract: throws KeyError when the partner is unknown or not among the
// principals; nothing is recorded unless the package was built and signed.
#pragma once
#include <cstdint>
#include <string>

#include "share/keys.h"
#include "share/package.h"
#include "store/store.h"

namespace dossier::share {

struct PartnerExport {
  std::string to;     // the partner's organisation code (upper case)
  std::string bytes;  // the signed package
  Manifest manifest;
  int64_t sources = 0, statements = 0, held_orcon = 0, held_third_party = 0, sanitised = 0;
};

// The release for `org` (case-insensitive), without signing or recording it:
// also what STIX exports and TAXII collections for the partner hold.
Package ReleaseFor(store::Store& store, const KeyPair& keys, const std::string& org, bool release_orcon,
                   int64_t* held = nullptr);

PartnerExport ExportFor(store::Store& store, const KeyPair& keys, const std::string& org, bool release_orcon,
                        const std::string& user);

// The current time as the packages write it (UTC, "2026-11-29T21:00:00Z").
std::string UtcNow();

}  // namespace dossier::share
