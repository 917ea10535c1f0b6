// ReadOfacSdn: the US Treasury's SDN list in its SDN.CSV form.
//
// The file has no header; each row is ent_num, SDN_Name, SDN_Type, Program,
// Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks,
// and "-0-" stands for an empty cell. Each row becomes
//   ofac-<ent_num>            the listed Person, Organization (Company when the
//                             name carries a legal form), Vessel or Airplane;
//   ofac-<ent_num>-sanction   a Sanction: OFAC's programs against it;
//   ofac-<ent_num>-link-<n>   an UnknownLink per "Linked To: NAME." remark.
// Links name their target by SDN_Name, and the target may come later in the
// file, so rows are buffered and links resolved once the whole list is read.
// A link whose target is not on the list stays in the entity's notes.
//
// Malformed rows (a wrong number of columns, an unterminated quote, an empty
// or non-numeric ent_num, a repeated ent_num, an empty name) throw IngestError.
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

#include "ingest/csv.h"
#include "ingest/error.h"
#include "ingest/formats.h"
#include "ingest/list_record.h"
#include "ingest/ofac_remarks.h"

namespace dossier::ingest {
namespace {

enum Column { kEntNum, kName, kType, kProgram, kTitle, kCallSign, kVessType, kTonnage, kGrt, kVessFlag, kVessOwner,
              kRemarks, kColumns };

constexpr const char* kAuthority = "US Office of Foreign Assets Control";
constexpr int kProgressRows = 2000;

// A cell's value: trimmed, and empty for OFAC's "-0-".
std::string Cell(const std::string& raw) {
  std::string_view s = StripSpace(raw);
  return s == "-0-" ? std::string() : std::string(s);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Words that make an organisation's name a company's: "GALAX TRADING CO., LTD.",
// "ROSNEFT TRADING S.A.", "OOO TORGOVYI DOM". Short words that are also
// ordinary words in some language ("AS", "SE") are left out on purpose.
bool HasLegalForm(std::string_view name) {
  static const std::set<std::string, std::less<>> kForms = {
      "LLC", "L.L.C", "LTD", "LIMITED", "JSC", "OJSC", "CJSC", "PJSC", "PAO", "OAO", "ZAO", "OOO", "AO",
      "INC", "INCORPORATED", "CORP", "CORPORATION", "GMBH", "AG", "S.A", "SA", "S.A.S", "SAS", "S.A.C", "S.R.L",
      "SRL", "S.L", "B.V", "BV", "N.V", "NV", "PLC", "LLP", "COMPANY", "CO", "FZE", "FZCO", "FZ-LLC", "DMCC",
      "PTE", "BHD", "A.S", "SPA", "S.P.A", "D.O.O", "DOO", "TOO", "LDA", "SDN", "C.A", "C.V", "R.L", "SAL",
      "SIRKETI"};
  std::string upper = Upper(name);
  size_t i = 0;
  while (i < upper.size()) {
    while (i < upper.size() && (upper[i] == ' ' || upper[i] == ',' || upper[i] == '(' || upper[i] == ')')) ++i;
    size_t j = i;
    while (j < upper.size() && upper[j] != ' ' && upper[j] != ',' && upper[j] != '(' && upper[j] != ')') ++j;
    std::string_view word(upper.data() + i, j - i);
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (!word.empty() && kForms.count(word)) return true;
    i = j;
  }
  return false;
}

std::string SchemaFor(const std::string& type, const std::string& name) {
  if (type == "individual") return "Person";
  if (type == "vessel") return "Vessel";
  if (type == "aircraft") return "Airplane";
  return HasLegalForm(name) ? "Company" : "Organization";
}

// "UKRAINE-EO13661] [RUSSIA-EO14024" -> {"UKRAINE-EO13661", "RUSSIA-EO14024"}
std::vector<std::string> Programs(const std::string& cell) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= cell.size()) {
    size_t j = cell.find_first_of("[]", i);
    if (j == std::string::npos) j = cell.size();
    std::string_view p = StripSpace(std::string_view(cell).substr(i, j - i));
    if (!p.empty()) out.emplace_back(p);
    i = j + 1;
  }
  return out;
}

struct Listing {
  long ent_num = 0;
  ListRecord entity;
  ListRecord sanction;
  std::vector<std::string> programs;
  std::vector<std::string> links;  // "Linked To" targets as written
};

Listing ReadRow(const std::vector<std::string>& f, long ent_num, long line) {
  std::string id = "ofac-" + std::to_string(ent_num);
  std::string name = Cell(f[kName]);
  std::string type = Cell(f[kType]);
  Listing l{ent_num, ListRecord(id, SchemaFor(type, name), line), ListRecord(id + "-sanction", "Sanction", line),
            Programs(Cell(f[kProgram])), {}};
  ListRecord& e = l.entity;
  e.Add("name", name);
  if (type == "individual") {
    // OFAC writes "SURNAME, Given Names".
    if (auto comma = name.find(','); comma != std::string::npos) {
      e.Add("lastName", std::string_view(name).substr(0, comma));
      e.Add("firstName", std::string_view(name).substr(comma + 1));
    }
  }
  e.Add("topics", "sanction");
  for (const auto& p : l.programs) e.Add("program", p);
  e.Add("position", Cell(f[kTitle]), "Title");
  e.Add("callSign", Cell(f[kCallSign]), "Call sign");
  e.Add("type", Cell(f[kVessType]), "Vessel type");
  e.Add("tonnage", Cell(f[kTonnage]), "Tonnage");
  e.Add("grossRegisteredTonnage", Cell(f[kGrt]), "GRT");
  e.Add("flag", Cell(f[kVessFlag]), "Vessel flag");
  // The owner is a name, not an entity of the list: keep it as text.
  if (std::string owner = Cell(f[kVessOwner]); !owner.empty()) e.Note("Vessel owner: " + owner);
  l.links = ApplyOfacRemarks(f[kRemarks], e);

  ListRecord& s = l.sanction;
  s.Add("entity", id);
  s.Add("authority", kAuthority);
  for (const auto& p : l.programs) s.Add("program", p);
  s.Add("country", "us");
  return l;
}

// Resolves link targets by exact SDN name, case-insensitively.
class NameIndex {
 public:
  explicit NameIndex(const std::vector<Listing>& listings, const std::vector<std::string>& names) : listings_(listings) {
    for (size_t i = 0; i < names.size(); ++i) by_name_[Upper(names[i])].push_back(i);
  }

  // The listing `target` names, or -1. The final full stop of a Remarks cell
  // may belong to the name ("... CO., LTD.") or not, so both are tried. A few
  // names are listed twice (the DPRK's and Luhansk's MINISTRY OF STATE
  // SECURITY): then prefer a listing under a shared program, then the one
  // designated closest in time, which is the nearest ent_num.
  long Find(const std::string& target, size_t from) const {
    std::string key = Upper(target);
    auto it = by_name_.find(key);
    if (it == by_name_.end() && !key.empty() && key.back() == '.') it = by_name_.find(key.substr(0, key.size() - 1));
    if (it == by_name_.end()) return -1;
    long best = -1;
    std::pair<bool, long> best_rank{false, 0};
    for (size_t i : it->second) {
      if (i == from) continue;
      bool shared = false;
      for (const auto& p : listings_[i].programs)
        for (const auto& q : listings_[from].programs) shared = shared || p == q;
      std::pair<bool, long> rank{!shared, std::labs(listings_[i].ent_num - listings_[from].ent_num)};
      if (best < 0 || rank < best_rank) best = static_cast<long>(i), best_rank = rank;
    }
    return best;
  }

 private:
  const std::vector<Listing>& listings_;
  std::map<std::string, std::vector<size_t>> by_name_;
};

long EntNum(const std::string& cell, const std::string& file, long line) {
  std::string s = Cell(cell);
  if (s.empty()) throw IngestError(file, line, "ent_num", "empty ent_num");
  if (s.size() > 12) throw IngestError(file, line, "ent_num", "'" + s.substr(0, 40) + "' is not an ent_num");
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      throw IngestError(file, line, "ent_num", "'" + s + "' is not an ent_num (a whole number)");
  return std::stol(s);
}

}  // namespace

void ReadOfacSdn(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress) {
  CsvReader reader(in, file);
  std::vector<std::string> fields;
  std::vector<Listing> listings;
  std::vector<std::string> names;
  std::map<long, long> seen;  // ent_num -> line
  while (reader.Next(fields)) {
    // OFAC ends the file with a DOS end-of-file mark (Ctrl-Z) on a line of its own.
    if (fields.size() == 1 && fields[0] == "\x1a") continue;
    long line = reader.line();
    if (fields.size() != kColumns)
      throw IngestError(file, line, "",
                        "expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, "
                        "Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found " +
                            std::to_string(fields.size()));
    long ent_num = EntNum(fields[kEntNum], file, line);
    if (auto [it, fresh] = seen.emplace(ent_num, line); !fresh)
      throw IngestError(file, line, "ent_num",
                        "ent_num " + std::to_string(ent_num) + " already listed on line " + std::to_string(it->second));
    if (Cell(fields[kName]).empty()) throw IngestError(file, line, "SDN_Name", "a listing without a name");
    names.push_back(Cell(fields[kName]));
    listings.push_back(ReadRow(fields, ent_num, line));
    if (progress && listings.size() % kProgressRows == 0) progress(reader.bytes());
  }

  NameIndex index(listings, names);
  for (size_t i = 0; i < listings.size(); ++i) {
    Listing& l = listings[i];
    std::vector<model::EntityRecord> links;
    for (const auto& target : l.links) {
      long to = index.Find(target, i);
      if (to < 0) {
        std::string_view name = target;
        if (!name.empty() && name.back() == '.') name.remove_suffix(1);
        l.entity.Note("Linked To: " + std::string(name) + " (not on the list)");
        continue;
      }
      ListRecord link(l.entity.id() + "-link-" + std::to_string(links.size() + 1), "UnknownLink", l.entity.line());
      link.Add("subject", l.entity.id());
      // By ent_num: a listing earlier in the file has already been handed over.
      link.Add("object", "ofac-" + std::to_string(listings[static_cast<size_t>(to)].ent_num));
      link.Add("role", "Linked To");
      links.push_back(link.Take());
    }
    sink(l.entity.Take());
    sink(l.sanction.Take());
    for (auto& link : links) sink(std::move(link));
  }
  if (progress) progress(reader.bytes());
}

}  // namespace dossier::ingest
