// One entity being read from a sanctions list (OFAC SDN, UN SC), checked value
// by value against the schema as the Ingester will check it.
//
// Contract: Add() keeps a value under its property only when the record's
// schema has that property and model::Normalise accepts the value for its type;
// anything else (a date we cannot read, a country we do not know, a property
// this schema lacks) is kept as a line "label: value" in `notes`. Lists are
// full of such quirks, and one odd DOB must neither fail the whole ingest nor
// be lost. Take() returns the record with its notes joined into one value.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/entity_record.h"
#include "model/schema.h"

namespace dossier::ingest {

class ListRecord {
 public:
  // `schema` must be a schema of Model::Default() (a programming error if not).
  ListRecord(std::string id, std::string_view schema, long line);

  // Adds `raw` (trimmed) to `prop`; returns false if it went to notes instead.
  // `label` names the value in the note; the property name when empty.
  bool Add(std::string_view prop, std::string_view raw, std::string_view label = {});
  // Keeps a line of free text in notes.
  void Note(std::string_view text);

  const std::string& id() const { return record_.id; }
  long line() const { return record_.line; }
  const model::Schema& schema() const { return *schema_; }
  model::EntityRecord Take();

 private:
  model::EntityRecord record_;
  const model::Schema* schema_;
  std::set<std::pair<std::string, std::string>> seen_;  // (prop, value), to skip repeats
  std::vector<std::string> notes_;
};

// Trims ASCII white space at both ends.
std::string_view StripSpace(std::string_view text);

// The birth years a range "from to" stands for: each year when the range spans
// at most ten years (lists mean "born in one of these"), else only the two ends.
std::vector<std::string> YearsBetween(int from, int to);

}  // namespace dossier::ingest
