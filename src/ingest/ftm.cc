// ReadFtm: FollowTheMoney entities as JSON lines, the form OpenSanctions and
// Aleph export.
//
// Contract:
//   - one JSON object a line: {"id", "schema", "properties": {prop: [string]}};
//     blank lines are skipped; every other line yields at least one record whose
//     `line` is that line's number;
//   - OpenSanctions' extra keys (caption, datasets, referents, target,
//     last_change) are ignored, except first_seen and last_seen, which are copied
//     onto every value of the entity;
//   - a property value that is itself an entity object (some exports embed
//     them) is emitted as its own record first, and the parent refers to its id;
//   - an entity without any property value still exists: it gets one `id`
//     value, so the ingester records its existence;
//   - malformed input throws IngestError naming file, line and field: invalid
//     JSON (with the column), missing or non-string id or schema, properties that
//     are not an object, a value that is neither a string nor an entity object.
// Values are passed on in the source's spelling: the ingester validates them.
#include <nlohmann/json.hpp>
#include <string>

#include "ingest/error.h"
#include "ingest/formats.h"
#include "model/statement.h"

namespace dossier::ingest {
namespace {

using nlohmann::json;

struct LineContext {
  const std::string& file;
  long line;
  const RecordSink& sink;
};

std::string RequiredString(const json& obj, const char* key, const LineContext& ctx, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) throw IngestError(ctx.file, ctx.line, key, where + "has no \"" + key + "\"");
  if (!it->is_string()) throw IngestError(ctx.file, ctx.line, key, where + "\"" + key + "\" is not a string");
  std::string value = it->get<std::string>();
  if (value.empty()) throw IngestError(ctx.file, ctx.line, key, where + "\"" + key + "\" is empty");
  return value;
}

std::string OptionalString(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Emits `entity` (and, before it, any entity nested in its properties) and
// returns its id. `depth` guards against absurdly deep nesting.
std::string EmitEntity(const json& entity, const LineContext& ctx, int depth) {
  const std::string where = depth == 0 ? "" : "nested entity: ";
  if (!entity.is_object()) throw IngestError(ctx.file, ctx.line, "", where + "expected a JSON object");
  if (depth > 16) throw IngestError(ctx.file, ctx.line, "", "entities nested more than 16 deep");
  model::EntityRecord record;
  record.id = RequiredString(entity, "id", ctx, where);
  record.schema = RequiredString(entity, "schema", ctx, where);
  record.line = ctx.line;
  const std::string first_seen = OptionalString(entity, "first_seen");
  const std::string last_seen = OptionalString(entity, "last_seen");

  auto add = [&](const std::string& prop, std::string value) {
    model::PropertyValue v;
    v.prop = prop;
    v.value = std::move(value);
    v.first_seen = first_seen;
    v.last_seen = last_seen;
    record.values.push_back(std::move(v));
  };
  auto props = entity.find("properties");
  if (props != entity.end() && !props->is_null()) {
    if (!props->is_object())
      throw IngestError(ctx.file, ctx.line, "properties", where + "\"properties\" is not an object");
    for (const auto& [prop, values] : props->items()) {
      // FtM always writes lists; a bare string or object is read as a list of one.
      const json one = json::array({values});
      const json& list = values.is_array() ? values : one;
      for (const auto& value : list) {
        if (value.is_string()) {
          std::string s = value.get<std::string>();
          if (!s.empty()) add(prop, std::move(s));
        } else if (value.is_object()) {
          add(prop, EmitEntity(value, ctx, depth + 1));
        } else {
          throw IngestError(ctx.file, ctx.line, prop,
                            where + "value " + value.dump().substr(0, 60) + " is not a string");
        }
      }
    }
  }
  if (record.values.empty()) add(std::string(model::kIdProperty), record.id);
  std::string id = record.id;
  ctx.sink(std::move(record));
  return id;
}

}  // namespace

void ReadFtm(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress) {
  std::string text;
  long line = 0;
  uint64_t bytes = 0;
  while (std::getline(in, text)) {
    ++line;
    bytes += text.size() + 1;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    json entity;
    try {
      entity = json::parse(text);
    } catch (const json::parse_error& e) {
      // e.byte is the 1-based offset of the failure within the line; the
      // library's own text repeats a position relative to the line, so keep
      // only its explanation.
      std::string why = e.what();
      auto col = why.find("column ");
      auto colon = col == std::string::npos ? std::string::npos : why.find(": ", col);
      if (colon != std::string::npos) why.erase(0, colon + 2);
      throw IngestError(file, line, "", "invalid JSON at column " + std::to_string(e.byte) + ": " + why);
    }
    if (!entity.is_object()) throw IngestError(file, line, "", "expected one JSON object a line");
    EmitEntity(entity, LineContext{file, line, sink}, 0);
    if (progress) progress(bytes);
  }
}

}  // namespace dossier::ingest
