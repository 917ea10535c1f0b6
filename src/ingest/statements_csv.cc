// Reading and the row format of the statement CSV; the contract is in
// statements_csv.h.
#include "ingest/statements_csv.h"

#include <map>
#include <optional>

#include "ingest/csv.h"
#include "ingest/error.h"
#include "ingest/formats.h"
#include "model/grading.h"

namespace dossier::ingest {
namespace {

// Column positions by name; -1 when the header lacks the column.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) index_.emplace(Trim(header[i]), static_cast<int>(i));
  }
  int Find(const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() ? -1 : it->second;
  }

 private:
  static std::string Trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
  }
  std::map<std::string, int> index_;
};

}  // namespace

std::vector<std::string> StatementsCsvHeader() {
  return {"id",          "entity_id", "canonical_id", "prop",         "prop_type",   "schema",     "value",
          "dataset",     "lang",      "original_value", "external",   "first_seen",  "last_seen",  "credibility",
          "reliability", "marking",   "source_title", "recorded_by",  "recorded_at"};
}

std::vector<std::string> StatementsCsvRow(const StatementRow& r) {
  return {r.id,          r.entity_id, r.canonical_id,   r.prop,        r.prop_type,  r.schema,    r.value,
          r.dataset,     r.lang,      r.original_value, r.external,    r.first_seen, r.last_seen, r.credibility,
          r.reliability, r.marking,   r.source_title,   r.recorded_by, r.recorded_at};
}

void ReadStatementsCsv(std::istream& in, const std::string& file, const RecordSink& sink,
                       const ProgressFn& progress) {
  CsvReader reader(in, file);
  std::vector<std::string> fields;
  if (!reader.Next(fields)) throw IngestError(file, 0, "", "empty file: expected a header row");
  const size_t width = fields.size();
  Columns columns(fields);
  auto required = [&](const char* name) {
    int i = columns.Find(name);
    if (i < 0) throw IngestError(file, reader.line(), name, std::string("the header has no column '") + name + "'");
    return i;
  };
  const int entity_id = required("entity_id"), prop = required("prop"), schema = required("schema"),
            value = required("value"), dataset = required("dataset");
  const int lang = columns.Find("lang"), first_seen = columns.Find("first_seen"),
            last_seen = columns.Find("last_seen"), credibility = columns.Find("credibility"),
            marking = columns.Find("marking"), original_value = columns.Find("original_value");
  auto cell = [&](int i) -> const std::string& {
    static const std::string kEmpty;
    return i < 0 ? kEmpty : fields[static_cast<size_t>(i)];
  };

  while (reader.Next(fields)) {
    const long line = reader.line();
    if (fields.size() != width)
      throw IngestError(file, line, "",
                        "has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(width));
    model::EntityRecord record;
    record.id = cell(entity_id);
    record.schema = cell(schema);
    record.line = line;
    model::PropertyValue v;
    v.prop = cell(prop);
    v.value = cell(value);
    v.lang = cell(lang);
    v.original_value = cell(original_value);
    v.source_id = cell(dataset);
    v.marking = cell(marking);
    v.first_seen = cell(first_seen);
    v.last_seen = cell(last_seen);
    if (v.prop.empty()) throw IngestError(file, line, "prop", "empty property name");
    if (!cell(credibility).empty()) {
      auto c = model::ParseCredibility(cell(credibility));
      if (!c) throw IngestError(file, line, "credibility", "'" + cell(credibility) + "' is not a credibility (1-6)");
      v.credibility = *c;
    }
    record.values.push_back(std::move(v));
    sink(std::move(record));
    if (progress) progress(reader.bytes());
  }
}

}  // namespace dossier::ingest
