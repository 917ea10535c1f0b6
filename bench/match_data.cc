#include "match_data.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "match/pair_eval.h"
#include "match/phonetic.h"
#include "text/fold.h"

namespace dossier::bench {
namespace {

std::vector<std::vector<std::string>> ReadCsv(const std::string& path, std::size_t fields) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::vector<std::string> f;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) continue;  // header
    if (line.empty()) continue;
    if (!match::SplitCsvLine(line, f) || f.size() != fields)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected " + std::to_string(fields) + " fields");
    rows.push_back(f);
  }
  return rows;
}

void Put(match::PropertyMap& props, const std::string& key, const std::string& value) {
  if (!value.empty()) props[key].push_back(value);
}

std::string FirstName(const match::PropertyMap& props, const char* key) {
  auto it = props.find(key);
  return it == props.end() || it->second.empty() ? std::string() : it->second.front();
}

}  // namespace

std::vector<LabelledRecord> ReadFebrl(const std::string& path) {
  std::vector<LabelledRecord> out;
  for (auto& f : ReadCsv(path, 11)) {
    LabelledRecord r;
    r.id = f[0];
    // rec-N-org / rec-N-dup-K: the entity is rec-N.
    const std::size_t second_dash = r.id.find('-', 4);
    r.entity = r.id.substr(0, second_dash);
    Put(r.props, "firstName", f[1]);
    Put(r.props, "lastName", f[2]);
    std::string street = f[3].empty() ? f[4] : (f[4].empty() ? f[3] : f[3] + " " + f[4]);
    Put(r.props, "street", street);
    Put(r.props, "street2", f[5]);
    Put(r.props, "city", f[6]);
    Put(r.props, "postalCode", f[7]);
    Put(r.props, "region", f[8]);
    if (f[9].size() == 8) Put(r.props, "birthDate", f[9].substr(0, 4) + "-" + f[9].substr(4, 2) + "-" + f[9].substr(6, 2));
    Put(r.props, "idNumber", f[10]);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<LabelledRecord> ReadSplink(const std::string& path) {
  std::vector<LabelledRecord> out;
  for (auto& f : ReadCsv(path, 7)) {
    LabelledRecord r;
    r.id = f[0];
    r.entity = f[6];
    Put(r.props, "firstName", f[1]);
    Put(r.props, "lastName", f[2]);
    Put(r.props, "birthDate", f[3]);
    Put(r.props, "city", f[4]);
    Put(r.props, "email", f[5]);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SplinkLabel> ReadSplinkLabels(const std::string& path) {
  std::vector<SplinkLabel> out;
  for (auto& f : ReadCsv(path, 5)) out.push_back({f[0], f[2], std::stod(f[4]) >= 0.5});
  return out;
}

Blocking BlockPersons(const std::vector<LabelledRecord>& records, std::size_t max_block) {
  std::unordered_map<std::string, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& p = records[i].props;
    auto add = [&](const std::string& key) { blocks[key].push_back(i); };
    const std::string surname = text::Fold(FirstName(p, "lastName"));
    const std::string given = text::Fold(FirstName(p, "firstName"));
    if (!surname.empty()) add("s:" + match::DoubleMetaphone(surname).primary);
    if (!given.empty()) add("g:" + match::DoubleMetaphone(given).primary);
    if (auto v = FirstName(p, "postalCode"); !v.empty()) add("p:" + v);
    if (auto v = FirstName(p, "birthDate"); !v.empty()) add("b:" + v);
    if (auto v = FirstName(p, "idNumber"); !v.empty()) add("i:" + v);
  }
  Blocking out;
  for (const auto& [key, members] : blocks) {
    if (members.size() > max_block) {
      ++out.oversized_blocks;
      continue;
    }
    for (std::size_t a = 0; a < members.size(); ++a)
      for (std::size_t b = a + 1; b < members.size(); ++b)
        out.pairs.emplace_back(std::min(members[a], members[b]), std::max(members[a], members[b]));
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  out.pairs.erase(std::unique(out.pairs.begin(), out.pairs.end()), out.pairs.end());
  return out;
}

std::size_t TruePairCount(const std::vector<LabelledRecord>& records) {
  std::map<std::string, std::size_t> sizes;
  for (const auto& r : records) ++sizes[r.entity];
  std::size_t n = 0;
  for (const auto& [e, k] : sizes) n += k * (k - 1) / 2;
  return n;
}

}  // namespace dossier::bench
