// An entity as a parser reads it, before it becomes statements: FtM's
// {"id", "schema", "properties": {prop: [values]}} plus, per value, the
// language and the original spelling. Parsers produce these; the ingester
// validates, normalises and records them.
#pragma once
#include <string>
#include <vector>

namespace dossier::model {

struct PropertyValue {
  std::string prop;
  std::string value;
  std::string lang;
  std::string original_value;  // the source's spelling, when a re-import knows it
  int credibility = 0;    // 0: use the ingest's default
  std::string marking;    // empty: use the ingest's default
  std::string source_id;  // empty: use the ingest's source
  std::string first_seen, last_seen;
};

struct EntityRecord {
  std::string id;
  std::string schema;
  std::vector<PropertyValue> values;
  long line = 0;  // where in the file it started, for error messages

  void Add(std::string prop, std::string value, std::string lang = {}) {
    if (value.empty()) return;
    PropertyValue v;
    v.prop = std::move(prop);
    v.value = std::move(value);
    v.lang = std::move(lang);
    values.push_back(std::move(v));
  }
};

}  // namespace dossier::model
