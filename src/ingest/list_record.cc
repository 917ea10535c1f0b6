#include "ingest/list_record.h"

#include <stdexcept>

#include "model/value.h"

namespace dossier::ingest {

std::string_view StripSpace(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string> YearsBetween(int from, int to) {
  if (from > to) std::swap(from, to);
  std::vector<std::string> years;
  if (to - from > 10) return {std::to_string(from), std::to_string(to)};
  for (int y = from; y <= to; ++y) years.push_back(std::to_string(y));
  return years;
}

ListRecord::ListRecord(std::string id, std::string_view schema, long line)
    : schema_(model::Model::Default().Find(schema)) {
  if (!schema_) throw std::logic_error("ListRecord: unknown schema " + std::string(schema));
  record_.id = std::move(id);
  record_.schema = std::string(schema);
  record_.line = line;
}

bool ListRecord::Add(std::string_view prop, std::string_view raw, std::string_view label) {
  std::string value(StripSpace(raw));
  if (value.empty()) return true;  // nothing to keep, nothing lost
  const model::Property* property = schema_->Find(prop);
  if (property && model::Normalise(property->type, value).ok) {
    if (seen_.emplace(std::string(prop), value).second) record_.Add(std::string(prop), std::move(value));
    return true;
  }
  Note(std::string(label.empty() ? prop : label) + ": " + value);
  return false;
}

void ListRecord::Note(std::string_view text) {
  std::string line(StripSpace(text));
  if (line.empty()) return;
  for (const auto& n : notes_)
    if (n == line) return;
  notes_.push_back(std::move(line));
}

model::EntityRecord ListRecord::Take() {
  if (!notes_.empty()) {
    std::string joined;
    for (const auto& n : notes_) {
      if (!joined.empty()) joined += '\n';
      joined += n;
    }
    record_.Add("notes", std::move(joined));
    notes_.clear();
  }
  seen_.clear();
  return std::move(record_);
}

}  // namespace dossier::ingest
