#include "ingest/ofac_remarks.h"

#include <cctype>
#include <charconv>
#include <optional>

#include "model/country.h"
#include "model/date.h"

namespace dossier::ingest {
namespace {

// How a statement's value is cut out of the text after its label.
enum class Take {
  kQuoted,     // 'NAME' (aliases)
  kDate,       // a date, with circa and ranges (OfacDates)
  kId,         // the number before " (Country)", " issued ...", " expires ..."
  kRest,       // everything after the label
  kPlace,      // POB: the place, and its country when it ends in one
  kLink,       // Linked To: NAME
};

struct Rule {
  std::string_view label;
  std::string_view prop;
  Take take;
};

// Labels as OFAC spells them. The longest matching label wins, so
// "Identification Number IMO" beats "Identification Number".
constexpr Rule kRules[] = {
    {"a.k.a.", "alias", Take::kQuoted},
    {"f.k.a.", "previousName", Take::kQuoted},
    {"n.k.a.", "name", Take::kQuoted},
    {"DOB", "birthDate", Take::kDate},
    {"POB", "birthPlace", Take::kPlace},
    {"nationality", "nationality", Take::kRest},
    {"citizen", "citizenship", Take::kRest},
    {"Gender", "gender", Take::kRest},
    {"Linked To", "", Take::kLink},
    {"Website", "website", Take::kRest},
    {"Email Address", "email", Take::kRest},
    {"Phone Number", "phone", Take::kRest},
    {"Telephone", "phone", Take::kRest},
    {"Organization Established Date", "incorporationDate", Take::kDate},
    {"Organization Type", "sector", Take::kRest},
    {"Target Type", "classification", Take::kRest},
    // Documents of people.
    {"Passport", "passportNumber", Take::kId},
    {"Diplomatic Passport", "passportNumber", Take::kId},
    {"SSN", "socialSecurityNumber", Take::kId},
    {"National ID No.", "idNumber", Take::kId},
    {"National Foreign ID Number", "idNumber", Take::kId},
    {"Identification Number", "idNumber", Take::kId},
    {"Personal ID Card", "idNumber", Take::kId},
    {"Citizen's Card Number", "idNumber", Take::kId},
    {"Turkish Identification Number", "idNumber", Take::kId},
    {"Kenyan ID No.", "idNumber", Take::kId},
    {"Cedula No.", "idNumber", Take::kId},
    {"D.N.I.", "idNumber", Take::kId},
    {"C.U.R.P.", "idNumber", Take::kId},
    {"C.U.I.", "idNumber", Take::kId},
    {"Numero de Identidad", "idNumber", Take::kId},
    {"Credencial electoral", "idNumber", Take::kId},
    {"Electoral Registry No.", "idNumber", Take::kId},
    {"Residency Number", "idNumber", Take::kId},
    {"Birth Certificate Number", "idNumber", Take::kId},
    {"Driver's License No.", "idNumber", Take::kId},
    {"Travel Document Number", "idNumber", Take::kId},
    {"Cartilla de Servicio Militar Nacional", "idNumber", Take::kId},
    // Tax numbers.
    {"Tax ID No.", "taxNumber", Take::kId},
    {"NIT #", "taxNumber", Take::kId},
    {"RUC #", "taxNumber", Take::kId},
    {"RIF #", "taxNumber", Take::kId},
    {"R.F.C.", "taxNumber", Take::kId},
    {"C.U.I.T.", "taxNumber", Take::kId},
    {"RTN", "taxNumber", Take::kId},
    {"US FEIN", "taxNumber", Take::kId},
    {"V.A.T. Number", "vatCode", Take::kId},
    // Registers of companies.
    {"SWIFT/BIC", "swiftBic", Take::kId},
    {"Legal Entity Number", "leiCode", Take::kId},
    {"D-U-N-S Number", "dunsCode", Take::kId},
    {"Registration Number", "registrationNumber", Take::kId},
    {"Registration ID", "registrationNumber", Take::kId},
    {"Business Registration Number", "registrationNumber", Take::kId},
    {"Business Registration Document #", "registrationNumber", Take::kId},
    {"Public Registration Number", "registrationNumber", Take::kId},
    {"Company Number", "registrationNumber", Take::kId},
    {"UK Company Number", "registrationNumber", Take::kId},
    {"Commercial Registry Number", "registrationNumber", Take::kId},
    {"C.R. No.", "registrationNumber", Take::kId},
    {"Folio Mercantil No.", "registrationNumber", Take::kId},
    {"Matricula Mercantil No", "registrationNumber", Take::kId},
    {"Chamber of Commerce Number", "registrationNumber", Take::kId},
    {"Istanbul Chamber of Comm. No.", "registrationNumber", Take::kId},
    {"Dubai Chamber of Commerce Membership No.", "registrationNumber", Take::kId},
    {"Trade License No.", "registrationNumber", Take::kId},
    {"Central Registration System Number", "registrationNumber", Take::kId},
    {"Economic Register Number (CBLS)", "registrationNumber", Take::kId},
    {"Government Gazette Number", "registrationNumber", Take::kId},
    {"Certificate of Incorporation Number", "registrationNumber", Take::kId},
    {"Business Number", "registrationNumber", Take::kId},
    {"Enterprise Number", "registrationNumber", Take::kId},
    {"Branch Unit Number", "registrationNumber", Take::kId},
    {"Registered Charity No.", "registrationNumber", Take::kId},
    {"Unified Social Credit Code (USCC)", "registrationNumber", Take::kId},
    {"United Social Credit Code Certificate (USCCC)", "registrationNumber", Take::kId},
    {"License", "registrationNumber", Take::kId},
    {"Permit Number", "registrationNumber", Take::kId},
    // Ships and aircraft.
    {"Vessel Registration Identification IMO", "imoNumber", Take::kId},
    {"Identification Number IMO", "imoNumber", Take::kId},
    {"Company Number IMO", "imoNumber", Take::kId},
    {"MMSI", "mmsi", Take::kId},
    {"Vessel Year of Build", "buildDate", Take::kDate},
    {"Other Vessel Flag", "flag", Take::kRest},
    {"Former Vessel Flag", "pastFlags", Take::kRest},
    {"Other Vessel Call Sign", "callSign", Take::kId},
    {"Other Vessel Type", "type", Take::kRest},
    {"Aircraft Manufacturer's Serial Number (MSN)", "serialNumber", Take::kId},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", "serialNumber", Take::kId},
    {"Aircraft Model", "model", Take::kRest},
    {"Aircraft Manufacture Date", "buildDate", Take::kDate},
    {"Aircraft Tail Number", "registrationNumber", Take::kId},
};

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The rule whose label starts `statement` and ends at a word boundary.
const Rule* FindRule(std::string_view statement) {
  const Rule* best = nullptr;
  for (const Rule& rule : kRules) {
    if (!StartsWith(statement, rule.label)) continue;
    if (statement.size() > rule.label.size()) {
      char next = statement[rule.label.size()];
      if (next != ' ' && next != ':') continue;
    }
    if (!best || rule.label.size() > best->label.size()) best = &rule;
  }
  return best;
}

std::optional<int> Year(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return year;
}

// "1234567 (Russia)" -> "1234567"; `extra` tells whether anything beyond a
// bracketed country followed (issue and expiry dates, a second bracket).
std::string IdNumber(std::string_view rest, bool& extra) {
  // Search with a leading space so that "issued in Sarajevo" (no number at
  // all) yields an empty number rather than a wrong one.
  std::string padded = " " + std::string(rest);
  std::string_view text = padded;
  size_t cut = text.size();
  for (std::string_view stop : {" (", " issued", " expires"})
    if (auto at = text.find(stop); at != std::string_view::npos && at < cut) cut = at;
  std::string_view tail = StripSpace(text.substr(cut));
  extra = !tail.empty() && !(tail.front() == '(' && tail.back() == ')' && tail.find(')') == tail.size() - 1);
  return std::string(StripSpace(text.substr(0, cut)));
}

}  // namespace

std::vector<std::string> OfacDates(std::string_view text) {
  std::string_view s = StripSpace(text);
  std::string_view from = s, to;
  if (auto at = s.find(" to "); at != std::string_view::npos) {
    from = StripSpace(s.substr(0, at));
    to = StripSpace(s.substr(at + 4));
  } else if (StartsWith(s, "circa ") && s.size() == 15 && s[10] == '-') {
    from = s.substr(6, 4);  // "circa 1975-1976"
    to = s.substr(11, 4);
  }
  if (to.empty()) {
    if (model::NormaliseDate(s)) return {std::string(s)};
    return {};
  }
  if (StartsWith(from, "circa ")) from.remove_prefix(6);
  auto a = model::NormaliseDate(from), b = model::NormaliseDate(to);
  if (!a || !b) return {};
  auto ya = Year(*a), yb = Year(*b);
  if (ya && yb) return YearsBetween(*ya, *yb);
  return {*a, *b};
}

std::vector<std::string> ApplyOfacRemarks(std::string_view remarks, ListRecord& record) {
  std::vector<std::string> links;
  remarks = StripSpace(remarks);
  if (remarks.empty() || remarks == "-0-") return links;
  // Every complete Remarks cell ends with a full stop; a cell of OFAC's maximum
  // length without one was cut off mid-statement.
  bool truncated = remarks.size() >= 1000 && remarks.back() != '.';

  std::vector<std::string_view> statements;
  for (size_t start = 0; start <= remarks.size();) {
    size_t end = remarks.find(';', start);
    if (end == std::string_view::npos) end = remarks.size();
    std::string_view s = StripSpace(remarks.substr(start, end - start));
    if (!s.empty()) statements.push_back(s);
    start = end + 1;
  }

  for (size_t i = 0; i < statements.size(); ++i) {
    std::string_view raw = statements[i];
    bool last = i + 1 == statements.size();
    if (last && truncated) {
      record.Note("Remarks (cut off in SDN.CSV): " + std::string(raw));
      continue;
    }
    std::string_view s = raw;
    if (last && s.back() == '.') s.remove_suffix(1);  // the cell's closing full stop
    if (StartsWith(s, "alt. ")) s.remove_prefix(5);
    const Rule* rule = FindRule(s);
    if (!rule) {
      record.Note(s);
      continue;
    }
    std::string_view rest = s.substr(rule->label.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
    std::string label(rule->label);
    switch (rule->take) {
      case Take::kQuoted: {
        if (rest.size() >= 2 && rest.front() == '\'' && rest.back() == '\'') {
          record.Add(rule->prop, rest.substr(1, rest.size() - 2), label);
        } else if (!rest.empty() && rest.front() != '\'') {
          record.Add(rule->prop, rest, label);
        } else {
          record.Note(s);  // an opening quote never closed
        }
        break;
      }
      case Take::kDate: {
        auto dates = OfacDates(rest);
        if (dates.empty()) record.Note(s);
        for (const auto& d : dates) record.Add(rule->prop, d, label);
        break;
      }
      case Take::kId: {
        bool extra = false;
        std::string number = IdNumber(rest, extra);
        std::string prop(rule->prop);
        // A company's D-U-N-S number on a plain Organization still identifies it.
        if (!record.schema().Find(prop) && record.schema().Find("idNumber")) prop = "idNumber";
        record.Add(prop, number, label);
        if (extra || number.empty()) record.Note(s);  // keep issue and expiry dates
        break;
      }
      case Take::kRest:
        record.Add(rule->prop, rest, label);
        break;
      case Take::kPlace: {
        record.Add(rule->prop, rest, label);
        // "St. Petersburg, Russia": the last part names the country.
        std::string_view country = rest.substr(rest.rfind(',') == std::string_view::npos ? 0 : rest.rfind(',') + 1);
        if (model::NormaliseCountry(StripSpace(country)) && record.schema().Find("birthCountry"))
          record.Add("birthCountry", StripSpace(country));
        break;
      }
      case Take::kLink: {
        std::string_view target = raw.substr(raw.find(':') + 1);
        links.emplace_back(StripSpace(target));
        break;
      }
    }
  }
  return links;
}

}  // namespace dossier::ingest
