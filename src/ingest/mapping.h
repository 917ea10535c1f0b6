// Any CSV into entities and ties, through a mapping file in TOML. The full
// guide with a worked example is docs/mapping.md; in brief:
//
//   id_prefix = "tw-"              # entity id = prefix + slug of the folded name
//   delimiter = ","                # optional, one character
//
//   [[entity]]                     # one block per entity a row names
//   key = "a"                      # how rules and properties refer to it (default a, b, c...)
//   name = "Entity A"              # column holding the name
//   type = "Entity A Type"         # column whose text picks the schema via [types]...
//   # schema = "Person"            # ...or a fixed schema (then topics/properties here)
//
//   [types."Federal Agency"]       # a type column's value, matched case-insensitively
//   schema = "PublicBody"
//   topics = ["gov.national"]      # constant values for entities of this type
//   properties = { country = "us" }
//   # (an [[entity]] block may carry its own `types` table instead)
//
//   [relation]                     # optional: one tie a row between two blocks
//   column = "Connection"          # the text rules match; kept on the tie
//   id_prefix = "tw-rel-"          # tie id = prefix + hash(source id, target id, text)
//   source = "a"                   # default: the first two blocks
//   target = "b"
//   text_prop = "role"             # where the text goes ("" to drop it)
//   default = "UnknownLink"        # schema when no rule applies
//
//   [[rule]]                       # tried in file order: first every rule's
//   schema = "Family"              # `exact` list, then every rule's patterns
//   exact = ["Parent/child"]       # whole text, case-insensitive
//   contains = ["married"]         # substring, case-insensitive
//   regex = ["^former (ceo|director)"]   # ECMAScript search, case-insensitive
//   when = { a = ["Person"], b = ["Person"] }   # end schemata must descend from one listed
//   swap = false                   # true: the target block fills the source end;
//                                  # "auto": as written if the ends fit, else swapped
//   text_prop = "relationship"     # overrides [relation] text_prop
//   source_prop = "person"         # end properties; default: the schema's edge
//   target_prop = "relative"
//   properties = { status = "former" }   # constant values on the tie
//
//   [[property]]                   # a column's values onto an entity or the tie
//   column = "Source(s)"
//   entity = "relation"            # or an entity key
//   prop = "sourceUrl"
//   split = " | "                  # optional separator of several values
//   only = "://"                   # optional regex a value must match...
//   except = ""                    # ...or must not match
//
// Contract: LoadMapping validates everything it can without data: known keys,
// schemata and properties that exist, constant values that pass Normalise,
// regexes that compile, rules whose ends are entity properties. It throws
// IngestError naming the mapping file, the line where toml++ knows it, and the
// key. A rule applies only where both ends' schemata fit the ranges of the end
// properties (an Employment needs a Person employee) and its `when`; if even the
// default does not fit a row, ReadMappedCsv throws with that row's line.
//
// ReadMappedCsv needs a header row; a column the mapping names but the header
// lacks, a row whose field count differs from the header's, an empty name or a
// type the mapping does not know each throw IngestError with file, line and
// column. Per row it emits every entity block's record (name, topics, constants,
// mapped properties; the ingester merges repeats by content hash), then one tie.
#pragma once
#include <istream>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/record_sink.h"

namespace dossier::ingest {

// A property with its constant values, e.g. topics = [gov.national].
using ConstantValues = std::vector<std::pair<std::string, std::string>>;

struct EntityType {
  std::string schema;
  ConstantValues constants;
};

struct EntityBlock {
  std::string key;
  std::string name_column;
  std::string type_column;                  // empty: `fixed` applies
  EntityType fixed;                         // schema and constants without a type column
  std::map<std::string, EntityType> types;  // by lower-cased, trimmed type text
};

struct RelationRule {
  std::string schema;
  std::vector<std::string> exact;     // lower-cased
  std::vector<std::string> contains;  // lower-cased
  std::vector<std::regex> regex;
  std::map<std::string, std::vector<std::string>> when;  // entity key -> schemata
  enum class Swap { kNo, kYes, kAuto } swap = Swap::kNo;
  std::string source_prop, target_prop, text_prop;
  std::string source_range, target_range;  // schemata the ends must descend from
  ConstantValues constants;
  long line = 0;  // in the mapping file, for messages
};

struct RelationSpec {
  bool enabled = false;
  std::string column;     // empty: no text, every row takes the default
  std::string id_prefix;
  std::string source, target;  // entity keys
  std::vector<RelationRule> rules;
  RelationRule fallback;  // `default`
};

struct PropertyColumn {
  std::string column;
  std::string entity;  // an entity key or "relation"
  std::string prop;
  std::string split;   // empty: one value
  bool has_only = false, has_except = false;
  std::regex only, except;
};

struct Mapping {
  std::string file;  // the mapping's path, for messages
  std::string id_prefix;
  char delimiter = ',';
  std::vector<EntityBlock> entities;
  RelationSpec relation;
  std::vector<PropertyColumn> properties;
};

// What [[property]] entity names to target the tie rather than an entity block.
inline constexpr std::string_view kRelationKey = "relation";

Mapping LoadMapping(const std::string& toml_path);

// The form in which type texts and rule texts are compared: spaces collapsed,
// ASCII letters lower-cased.
std::string MatchKey(std::string_view text);

// Entity id for `name`: prefix + folded name with spaces as '-'.
std::string MappedEntityId(const std::string& prefix, const std::string& name);

void ReadMappedCsv(std::istream& in, const std::string& file, const Mapping& mapping, const RecordSink& sink,
                   const ProgressFn& progress = {});

}  // namespace dossier::ingest
