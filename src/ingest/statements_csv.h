// nomenklatura's statement CSV, with dossier's grading columns: reading
// (ReadStatementsCsv, declared in formats.h) and the row format for writing.
//
// Columns (found by header name, in any order):
//   nomenklatura: id, entity_id, canonical_id, prop, prop_type, schema, value,
//                 dataset, lang, original_value, external, first_seen, last_seen
//   dossier:      credibility (1-6), reliability (A-F), marking (a banner such as
//                 "SECRET//REL TO GBR, DEU"), source_title, recorded_by, recorded_at
//
// Reading contract: entity_id, prop, schema, value and dataset are required
// columns (IngestError naming the missing one). Each row becomes one record
// with one value: {id = entity_id, schema, [prop = value, lang, source_id =
// dataset, credibility, marking, first_seen, last_seen]}, `line` set. A row
// whose prop is `id` states the entity's existence and passes through as such.
// Ignored on read: id and canonical_id (the ingester recomputes ids and keeps
// its own merges), prop_type (the schema decides), original_value (value is
// the claim), external, reliability (a property of the source, not the row),
// and the provenance columns the store fills itself. An empty credibility or
// marking means the ingest's default; a credibility other than 1-6 throws
// IngestError with field `credibility`. A row with more or fewer fields than
// the header throws IngestError with its line.
#pragma once
#include <string>
#include <vector>

namespace dossier::ingest {

// One statement as text, a field per column of StatementsCsvHeader().
struct StatementRow {
  std::string id, entity_id, canonical_id, prop, prop_type, schema, value, dataset, lang, original_value;
  std::string external = "false";
  std::string first_seen, last_seen;
  std::string credibility, reliability, marking, source_title, recorded_by, recorded_at;
};

// The 13 nomenklatura columns, then credibility, reliability, marking,
// source_title, recorded_by, recorded_at.
std::vector<std::string> StatementsCsvHeader();

// The fields of `r` in the order of StatementsCsvHeader(); format with CsvLine.
std::vector<std::string> StatementsCsvRow(const StatementRow& r);

}  // namespace dossier::ingest
