// A statement: one claim about one property of one entity, from one source.
// An entity is nothing but the set of its statements.
//
// Invariant: id == StatementId(source_id, entity_id, prop, value). Because the
// id is a content hash, recording the same claim twice is a no-op, and a
// statement is never updated in place (a retraction is a statement about it).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::model {

// The property under which an entity's own existence is recorded, with the
// entity id as its value (as nomenklatura does): an entity with no other
// property still exists.
inline constexpr std::string_view kIdProperty = "id";

struct Statement {
  std::string id;              // 16 hex digits, see StatementId
  std::string entity_id;
  std::string schema;
  std::string prop;
  std::string value;           // normalised
  std::string original_value;  // as the source wrote it, when it differs
  std::string lang;
  std::string source_id;
  int credibility = 6;         // 1-6
  std::string marking;         // canonical banner
  std::string first_seen;      // ISO timestamp
  std::string last_seen;
  std::string recorded_by;     // user who ingested it ("local" without principals)
  std::string recorded_at;     // ISO timestamp of the ingest
  bool retracted = false;
};

// 64 bits of BLAKE2b over the four fields, separated so that no two field
// splits collide. Returned as a signed integer for SQLite's rowid.
int64_t StatementKey(std::string_view source_id, std::string_view entity_id, std::string_view prop,
                     std::string_view value);
std::string KeyToHex(int64_t key);
// Parses 16 hex digits; returns false if `hex` is not one.
bool HexToKey(std::string_view hex, int64_t* key);

}  // namespace dossier::model
