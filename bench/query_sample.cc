// Query sampling for the search and show benchmark; see query_sample.h.
#include "query_sample.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <stdexcept>

#include "ingest/csv.h"
#include "names.h"

namespace dossier::bench {
namespace {

uint64_t Mix(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Words nobody searches for on their own: legal forms.
const std::set<std::string>& LegalForms() {
  static const std::set<std::string> forms = [] {
    std::set<std::string> s;
    for (const auto& j : Jurisdictions())
      for (const auto& f : j.legal_forms) {
        for (const auto& w : Split(f.latin)) s.insert(w);
        for (const auto& w : Split(f.native)) s.insert(w);
      }
    return s;
  }();
  return forms;
}

struct NameRow {
  std::string id, name;
};

}  // namespace

QuerySample SampleQueries(const std::string& csv_path, size_t n, uint64_t seed) {
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + csv_path);
  ingest::CsvReader reader(in, csv_path);
  std::vector<std::string> fields;
  if (!reader.Next(fields)) throw std::runtime_error(csv_path + " is empty");
  int c_id = -1, c_schema = -1, c_prop = -1, c_value = -1;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i] == "entity_id") c_id = static_cast<int>(i);
    if (fields[i] == "schema") c_schema = static_cast<int>(i);
    if (fields[i] == "prop") c_prop = static_cast<int>(i);
    if (fields[i] == "value") c_value = static_cast<int>(i);
  }
  if (c_id < 0 || c_schema < 0 || c_prop < 0 || c_value < 0)
    throw std::runtime_error(csv_path + ": header lacks entity_id, schema, prop or value");

  // Two independent reservoirs: names to search for, entities to show.
  std::vector<NameRow> names, shows;
  uint64_t state = seed, seen = 0;
  while (reader.Next(fields)) {
    if (fields.size() <= static_cast<size_t>(std::max({c_id, c_schema, c_prop, c_value}))) continue;
    if (fields[c_prop] != "name") continue;
    const std::string& schema = fields[c_schema];
    if (schema != "Person" && schema != "Company") continue;
    ++seen;
    NameRow row{fields[c_id], fields[c_value]};
    if (names.size() < n) {
      names.push_back(row);
      shows.push_back(row);
      continue;
    }
    uint64_t a = Mix(state) % seen, b = Mix(state) % seen;
    if (a < n) names[a] = row;
    if (b < n) shows[b] = row;
  }

  QuerySample sample;
  for (size_t i = 0; i < names.size(); ++i) {
    SearchQuery q{static_cast<QueryKind>(i % 4), names[i].name, names[i].id};
    std::vector<std::string> tokens = Split(names[i].name);
    switch (q.kind) {
      case QueryKind::kExact: break;
      case QueryKind::kReordered:
        if (tokens.size() > 1) {
          q.text = tokens.back();
          for (size_t t = 0; t + 1 < tokens.size(); ++t) q.text += " " + tokens[t];
        }
        break;
      case QueryKind::kLowercase:
        for (char& c : q.text)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        break;
      case QueryKind::kOneToken: {
        std::vector<std::string> candidates;
        for (const auto& t : tokens)
          if (t.size() >= 4 && !LegalForms().count(t)) candidates.push_back(t);
        if (candidates.empty()) candidates = tokens;
        if (!candidates.empty()) q.text = candidates[Mix(state) % candidates.size()];
        break;
      }
    }
    sample.searches.push_back(std::move(q));
  }
  for (const auto& s : shows) sample.show_ids.push_back(s.id);
  return sample;
}

}  // namespace dossier::bench
