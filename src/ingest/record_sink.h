// What every format parser produces: entity records, handed one at a time to
// a sink (the Ingester, or a test). Parsers never touch the store.
//
// Contract for parsers: throw IngestError (error.h) for malformed input,
// naming file, line and field; emit property values in the source's spelling
// (the Ingester normalises and validates them against the schema); report
// progress as bytes consumed through the optional callback.
#pragma once
#include <cstdint>
#include <functional>

#include "model/entity_record.h"

namespace dossier::ingest {

using RecordSink = std::function<void(model::EntityRecord&&)>;
using ProgressFn = std::function<void(uint64_t bytes_done)>;

}  // namespace dossier::ingest
