// Reading a CSV through a loaded mapping (mapping_load.cc loads it); the
// format and the contract are in mapping.h and docs/mapping.md.
#include "ingest/mapping.h"

#include <algorithm>

#include "ingest/csv.h"
#include "ingest/error.h"
#include "model/schema.h"
#include "model/statement.h"
#include "model/value.h"
#include "text/fold.h"

namespace dossier::ingest {
namespace {

// The columns of a header by name; IngestError for one the mapping names but
// the file lacks.
class HeaderIndex {
 public:
  HeaderIndex(const std::vector<std::string>& header, const std::string& file, long line) : file_(file), line_(line) {
    for (size_t i = 0; i < header.size(); ++i) index_.emplace(model::CollapseSpaces(header[i]), i);
  }
  size_t operator()(const std::string& column) const {
    auto it = index_.find(model::CollapseSpaces(column));
    if (it == index_.end()) throw IngestError(file_, line_, column, "the header has no column '" + column + "'");
    return it->second;
  }

 private:
  std::map<std::string, size_t> index_;
  const std::string& file_;
  long line_;
};

struct Resolved {  // a block's columns, looked up once
  size_t name = 0, type = 0;
};

bool Fits(const RelationRule& r, bool swapped, const RelationSpec& rel,
          const std::map<std::string, const model::Schema*>& schema_of) {
  const model::Schema* s = schema_of.at(swapped ? rel.target : rel.source);
  const model::Schema* t = schema_of.at(swapped ? rel.source : rel.target);
  if (!s->IsA(r.source_range) || !t->IsA(r.target_range)) return false;
  for (const auto& [key, allowed] : r.when) {
    const model::Schema* e = schema_of.at(key);
    if (std::none_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return e->IsA(a); })) return false;
  }
  return true;
}

struct Choice {
  const RelationRule* rule = nullptr;  // nullptr: nothing fits
  bool swapped = false;
};

// Whether `r` fits the row's ends, and which way round.
Choice Orient(const RelationRule& r, const RelationSpec& rel,
              const std::map<std::string, const model::Schema*>& schema_of) {
  using Swap = RelationRule::Swap;
  if (r.swap != Swap::kYes && Fits(r, false, rel, schema_of)) return {&r, false};
  if (r.swap != Swap::kNo && Fits(r, true, rel, schema_of)) return {&r, true};
  return {};
}

// The first rule, in the order mapping.h describes, that matches `text` and
// fits the ends; else the default; rule nullptr if not even the default fits.
Choice Pick(const RelationSpec& rel, const std::string& text,
            const std::map<std::string, const model::Schema*>& schema_of) {
  const std::string lower = MatchKey(text);
  for (const auto& r : rel.rules)
    if (std::find(r.exact.begin(), r.exact.end(), lower) != r.exact.end())
      if (Choice c = Orient(r, rel, schema_of); c.rule) return c;
  for (const auto& r : rel.rules) {
    bool match = std::any_of(r.contains.begin(), r.contains.end(),
                             [&](const std::string& c) { return lower.find(c) != std::string::npos; }) ||
                 std::any_of(r.regex.begin(), r.regex.end(), [&](const std::regex& re) { return std::regex_search(text, re); });
    if (match)
      if (Choice c = Orient(r, rel, schema_of); c.rule) return c;
  }
  return Orient(rel.fallback, rel, schema_of);
}

void AddConstants(model::EntityRecord& record, const ConstantValues& constants) {
  for (const auto& [prop, value] : constants) record.Add(prop, value);
}

void AddColumn(model::EntityRecord& record, const PropertyColumn& p, const std::string& cell) {
  auto add = [&](std::string_view part) {
    std::string value = model::CollapseSpaces(part);
    if (value.empty()) return;
    if (p.has_only && !std::regex_search(value, p.only)) return;
    if (p.has_except && std::regex_search(value, p.except)) return;
    record.Add(p.prop, std::move(value));
  };
  if (p.split.empty()) return add(cell);
  size_t start = 0;
  while (true) {
    size_t at = cell.find(p.split, start);
    add(std::string_view(cell).substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + p.split.size();
  }
}

}  // namespace

std::string MatchKey(std::string_view text) {
  std::string out = model::CollapseSpaces(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string MappedEntityId(const std::string& prefix, const std::string& name) {
  std::string slug = text::Fold(name);
  std::replace(slug.begin(), slug.end(), ' ', '-');
  // A name with nothing foldable (only punctuation, say) still needs a stable id.
  if (slug.empty()) slug = model::KeyToHex(model::StatementKey("name", name, "", ""));
  return prefix + slug;
}

void ReadMappedCsv(std::istream& in, const std::string& file, const Mapping& mapping, const RecordSink& sink,
                   const ProgressFn& progress) {
  const model::Model& model = model::Model::Default();
  CsvReader reader(in, file, mapping.delimiter);
  std::vector<std::string> fields;
  if (!reader.Next(fields)) throw IngestError(file, 0, "", "empty file: expected a header row");
  const size_t width = fields.size();
  HeaderIndex column(fields, file, reader.line());
  std::vector<Resolved> blocks;
  for (const auto& b : mapping.entities)
    blocks.push_back({column(b.name_column), b.type_column.empty() ? 0 : column(b.type_column)});
  const RelationSpec& rel = mapping.relation;
  const bool has_text = rel.enabled && !rel.column.empty();
  const size_t text_column = has_text ? column(rel.column) : 0;
  std::vector<size_t> property_columns;
  for (const auto& p : mapping.properties) property_columns.push_back(column(p.column));

  std::map<std::string, const model::Schema*> schema_of;
  std::map<std::string, std::string> id_of;
  while (reader.Next(fields)) {
    const long line = reader.line();
    if (fields.size() != width)
      throw IngestError(file, line, "",
                        "has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(width));
    std::vector<model::EntityRecord> records;
    for (size_t i = 0; i < mapping.entities.size(); ++i) {
      const EntityBlock& b = mapping.entities[i];
      std::string name = model::CollapseSpaces(fields[blocks[i].name]);
      if (name.empty()) throw IngestError(file, line, b.name_column, "empty name");
      const EntityType* type = &b.fixed;
      if (!b.type_column.empty()) {
        const std::string& text = fields[blocks[i].type];
        auto it = b.types.find(MatchKey(text));
        if (it == b.types.end())
          throw IngestError(file, line, b.type_column, "'" + text + "' is not a type the mapping knows");
        type = &it->second;
      }
      model::EntityRecord r;
      r.id = MappedEntityId(mapping.id_prefix, name);
      r.schema = type->schema;
      r.line = line;
      r.Add("name", name);
      AddConstants(r, type->constants);
      for (size_t p = 0; p < mapping.properties.size(); ++p)
        if (mapping.properties[p].entity == b.key) AddColumn(r, mapping.properties[p], fields[property_columns[p]]);
      schema_of[b.key] = model.Find(r.schema);
      id_of[b.key] = r.id;
      records.push_back(std::move(r));
    }
    if (rel.enabled) {
      const std::string text = has_text ? model::CollapseSpaces(fields[text_column]) : std::string();
      const Choice choice = Pick(rel, text, schema_of);
      const RelationRule* rule = choice.rule;
      if (!rule)
        throw IngestError(file, line, has_text ? rel.column : "",
                          "no rule fits a " + schema_of[rel.source]->name() + " and a " + schema_of[rel.target]->name() +
                              ", and the default " + rel.fallback.schema + " does not either");
      const std::string& source_id = id_of[rel.source];
      const std::string& target_id = id_of[rel.target];
      model::EntityRecord r;
      r.id = rel.id_prefix + model::KeyToHex(model::StatementKey("relation", source_id, target_id, text));
      r.schema = rule->schema;
      r.line = line;
      r.Add(rule->source_prop, choice.swapped ? target_id : source_id);
      r.Add(rule->target_prop, choice.swapped ? source_id : target_id);
      if (!rule->text_prop.empty()) r.Add(rule->text_prop, text);
      AddConstants(r, rule->constants);
      for (size_t p = 0; p < mapping.properties.size(); ++p)
        if (mapping.properties[p].entity == kRelationKey) AddColumn(r, mapping.properties[p], fields[property_columns[p]]);
      records.push_back(std::move(r));
    }
    for (auto& r : records) sink(std::move(r));
    if (progress) progress(reader.bytes());
  }
}

}  // namespace dossier::ingest
