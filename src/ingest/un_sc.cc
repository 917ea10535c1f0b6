// ReadUnSc: the UN Security Council consolidated sanctions list, XML.
//
// Each INDIVIDUAL becomes a Person and each ENTITY an Organization, with id
// unsc-<REFERENCE_NUMBER> (DATAID when there is none), plus a Sanction
// unsc-<ref>-sanction for its listing (LISTED_ON, UN_LIST_TYPE). Names come
// from FIRST_NAME..FOURTH_NAME and NAME_ORIGINAL_SCRIPT; aliases of quality
// Low are weak aliases, f.k.a. previous names, the rest aliases. A birth year
// range FROM_YEAR..TO_YEAR gives each year it covers (YearsBetween).
// What does not validate for its property is kept in notes (ListRecord).
//
// Malformed XML throws IngestError with the line where pugixml stopped; a
// listing with neither REFERENCE_NUMBER nor DATAID, or without a name, too.
#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "ingest/error.h"
#include "ingest/formats.h"
#include "ingest/list_record.h"
#include "model/country.h"
#include "model/date.h"
#include "model/value.h"

namespace dossier::ingest {
namespace {

constexpr const char* kAuthority = "United Nations Security Council";
constexpr int kProgressListings = 100;

// Line numbers from byte offsets, for error messages and EntityRecord::line.
class Lines {
 public:
  explicit Lines(const std::string& text) {
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') newlines_.push_back(static_cast<ptrdiff_t>(i));
  }
  long At(ptrdiff_t offset) const {
    return 1 + static_cast<long>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
  }

 private:
  std::vector<ptrdiff_t> newlines_;
};

// A child's text with the list's hard line wraps and padding collapsed.
std::string Text(pugi::xml_node node, const char* child) { return model::CollapseSpaces(node.child_value(child)); }

// Non-empty texts of the named children, joined: an address or a place.
std::string Joined(pugi::xml_node node, std::initializer_list<const char*> children) {
  std::string out;
  for (const char* c : children) {
    std::string part = Text(node, c);
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != haystack.end();
}

// LISTED_ON sometimes carries a zone: "2015-03-27-04:00".
std::string ListingDate(const std::string& raw) {
  if (model::NormaliseDate(raw) || raw.size() <= 10) return raw;
  std::string day = raw.substr(0, 10);
  return model::NormaliseDate(day) ? day : raw;
}

void ReadNames(pugi::xml_node node, const std::string& kind, ListRecord& e) {
  std::string alias_tag = kind + "_ALIAS";
  for (pugi::xml_node a : node.children(alias_tag.c_str())) {
    std::string name = Text(a, "ALIAS_NAME");
    std::string quality = Text(a, "QUALITY");
    const char* prop = quality == "Low" ? "weakAlias" : quality == "f.k.a." ? "previousName" : "alias";
    e.Add(prop, name);
    // Some aliases come with the birth details used under that name.
    e.Add("birthDate", Text(a, "DATE_OF_BIRTH"), "Date of birth (alias " + name + ")");
    e.Add("birthPlace", Text(a, "CITY_OF_BIRTH"), "Place of birth (alias " + name + ")");
    e.Add("birthCountry", Text(a, "COUNTRY_OF_BIRTH"), "Country of birth (alias " + name + ")");
    if (std::string note = Text(a, "NOTE"); !note.empty()) e.Note("Alias " + name + ": " + note);
  }
}

void ReadBirth(pugi::xml_node node, ListRecord& e) {
  for (pugi::xml_node d : node.children("INDIVIDUAL_DATE_OF_BIRTH")) {
    e.Add("birthDate", Text(d, "DATE"), "Date of birth");
    e.Add("birthDate", Text(d, "YEAR"), "Year of birth");
    std::string from = Text(d, "FROM_YEAR"), to = Text(d, "TO_YEAR");
    if (!from.empty() || !to.empty()) {
      auto digit = [](char c) { return c >= '0' && c <= '9'; };
      bool years = from.size() == 4 && to.size() == 4 && std::all_of(from.begin(), from.end(), digit) &&
                   std::all_of(to.begin(), to.end(), digit);
      if (years) {
        for (const auto& y : YearsBetween(std::stoi(from), std::stoi(to))) e.Add("birthDate", y, "Year of birth");
      } else {
        e.Note("Born between " + from + " and " + to);
      }
    }
    if (std::string note = Text(d, "NOTE"); !note.empty()) e.Note("Date of birth: " + note);
  }
  for (pugi::xml_node p : node.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
    e.Add("birthPlace", Joined(p, {"STREET", "CITY", "STATE_PROVINCE", "COUNTRY"}), "Place of birth");
    // The country is in the place already; name it as a code only when we can.
    std::string country = Text(p, "COUNTRY");
    if (model::NormaliseCountry(country)) e.Add("birthCountry", country);
    if (std::string note = Text(p, "NOTE"); !note.empty()) e.Note("Place of birth: " + note);
  }
}

void ReadDocuments(pugi::xml_node node, ListRecord& e) {
  for (pugi::xml_node d : node.children("INDIVIDUAL_DOCUMENT")) {
    std::string type = Text(d, "TYPE_OF_DOCUMENT"), type2 = Text(d, "TYPE_OF_DOCUMENT2");
    std::string number = Text(d, "NUMBER");
    std::string kinds = type + " " + type2;
    bool passport = ContainsNoCase(kinds, "passport") || ContainsNoCase(kinds, "passeport") ||
                    ContainsNoCase(kinds, "pasaporte");
    e.Add(passport ? "passportNumber" : "idNumber", number, type.empty() ? "Document" : type);
    // Keep what the number alone does not say: which document, issued where and when.
    std::string details = Joined(d, {"TYPE_OF_DOCUMENT2", "ISSUING_COUNTRY", "COUNTRY_OF_ISSUE", "CITY_OF_ISSUE",
                                     "DATE_OF_ISSUE", "NOTE"});
    if (!details.empty() || number.empty()) {
      std::string what = type.empty() ? "Document" : type;
      if (!number.empty()) what += " " + number;
      if (!details.empty()) what += ": " + details;
      if (what != "Document") e.Note(what);
    }
  }
}

void ReadAddresses(pugi::xml_node node, const std::string& kind, ListRecord& e) {
  std::string tag = kind + "_ADDRESS";
  for (pugi::xml_node a : node.children(tag.c_str())) {
    e.Add("address", Joined(a, {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"}), "Address");
    std::string country = Text(a, "COUNTRY");
    if (model::NormaliseCountry(country)) e.Add("country", country);
    if (std::string note = Text(a, "NOTE"); !note.empty()) e.Note("Address: " + note);
  }
}

void ReadValues(pugi::xml_node node, const char* tag, const char* prop, ListRecord& e) {
  for (pugi::xml_node v : node.child(tag).children("VALUE")) {
    std::string value = model::CollapseSpaces(v.child_value());
    if (value == "na" || value == "n/a") continue;  // "not available", not Namibia
    e.Add(prop, value, tag);
  }
}

// One INDIVIDUAL or ENTITY: the listed entity and its Sanction.
void ReadListing(pugi::xml_node node, const std::string& kind, const char* schema, const std::string& file, long line,
                 const RecordSink& sink) {
  std::string ref = Text(node, "REFERENCE_NUMBER");
  std::string key = ref.empty() ? Text(node, "DATAID") : ref;
  if (key.empty()) throw IngestError(file, line, "REFERENCE_NUMBER", "a listing with neither REFERENCE_NUMBER nor DATAID");
  std::replace(key.begin(), key.end(), ' ', '-');  // ids hold no spaces
  std::string id = "unsc-" + key;

  ListRecord e(id, schema, line);
  std::string name = model::CollapseSpaces(Text(node, "FIRST_NAME") + " " + Text(node, "SECOND_NAME") + " " +
                                           Text(node, "THIRD_NAME") + " " + Text(node, "FOURTH_NAME"));
  std::string original = Text(node, "NAME_ORIGINAL_SCRIPT");
  if (name.empty() && original.empty()) throw IngestError(file, line, "FIRST_NAME", "a listing without a name");
  e.Add("name", name);
  e.Add("name", original);
  ReadNames(node, kind, e);
  e.Add("topics", "sanction");
  std::string list = Text(node, "UN_LIST_TYPE");
  e.Add("program", list);
  ReadValues(node, "NATIONALITY", "nationality", e);
  ReadValues(node, "DESIGNATION", "position", e);
  ReadValues(node, "TITLE", "title", e);
  e.Add("gender", Text(node, "GENDER"), "Gender");
  ReadBirth(node, e);
  ReadDocuments(node, e);
  ReadAddresses(node, kind, e);
  e.Note(Text(node, "COMMENTS1"));

  ListRecord s(id + "-sanction", "Sanction", line);
  s.Add("entity", id);
  s.Add("authority", kAuthority);
  s.Add("program", list);
  s.Add("listingDate", ListingDate(Text(node, "LISTED_ON")), "Listed on");
  s.Add("unscId", ref);
  sink(e.Take());
  sink(s.Take());
}

}  // namespace

void ReadUnSc(std::istream& in, const std::string& file, const RecordSink& sink, const ProgressFn& progress) {
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Lines lines(text);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed)
    throw IngestError(file, lines.At(parsed.offset), "", std::string("not well-formed XML: ") + parsed.description());
  pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  if (!root) throw IngestError(file, 1, "", "not a UN consolidated list (no CONSOLIDATED_LIST element)");

  int count = 0;
  auto read_all = [&](const char* group, const char* kind, const char* schema) {
    for (pugi::xml_node node : root.child(group).children(kind)) {
      ReadListing(node, kind, schema, file, lines.At(node.offset_debug()), sink);
      if (progress && ++count % kProgressListings == 0) progress(static_cast<uint64_t>(node.offset_debug()));
    }
  };
  read_all("INDIVIDUALS", "INDIVIDUAL", "Person");
  read_all("ENTITIES", "ENTITY", "Organization");
  if (progress) progress(text.size());
}

}  // namespace dossier::ingest
