// Importing a partner's package: who sent it is checked before anything else is
// read, and nothing is written unless all of it is good.
//
// Order of checks, each refusing the package with a clear PackageError and
// leaving the store as it was:
// 1. the manifest (first line only): the sender must be a partner and the
//    package addressed to this instance's organisation;
// 2. the signature, with the key on the partner list (a tampered, unsigned or
//    foreign-signed package fails here, before the body is parsed);
// 3. replay: a sequence below the last imported from that partner is refused;
//    the same sequence with the same bytes is "already imported" and changes
//    nothing; the same sequence with other bytes is refused;
// 4. the body: every source and statement valid (schema, property, value,
//    marking in this store's classification scheme), as any ingest.
// Then one transaction records the sources and statements. Statements keep
// their marking (with its originator) and grading; sources are filed as
// "SENDER/id", so they never collide with local sources and a forwarded source
// shows its way ("EST/GBR/report-17"). Claims that conflict with local ones
// stay beside them: a statement's id includes its source.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "share/package.h"
#include "store/store.h"

namespace dossier::share {

struct ImportReport {
  Manifest manifest;
  std::string hash;
  bool already_imported = false;
  int64_t sources = 0, statements = 0, added = 0, present = 0;
};

// `label` names the package in errors (its file name); `user` is recorded as
// the importer. Throws PackageError (refused), KeyError (no identity yet) or
// ingest::IngestError (a statement the schema rejects).
ImportReport ImportPackage(store::Store& store, std::string_view bytes, const std::string& label,
                           const std::string& user);

}  // namespace dossier::share
