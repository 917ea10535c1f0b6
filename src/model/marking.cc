#include "model/marking.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace dossier::model {
namespace {

std::string Upper(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (char c : name) {
    if (start && std::isalpha(static_cast<unsigned char>(c))) out += c;
    start = c == ' ';
  }
  return out;
}

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > 16) return false;
  for (char c : code)
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-' &&
        c != '_')
      return false;
  return true;
}

constexpr std::pair<Tlp, const char*> kTlpNames[] = {
    {Tlp::kClear, "TLP:CLEAR"}, {Tlp::kGreen, "TLP:GREEN"}, {Tlp::kAmber, "TLP:AMBER"},
    {Tlp::kAmberStrict, "TLP:AMBER+STRICT"}, {Tlp::kRed, "TLP:RED"}};

// The colour of "TLP:..." (upper case); kNone if it is not one. TLP 1.0's WHITE
// reads as CLEAR.
Tlp TlpOf(const std::string& part) {
  if (part == "TLP:WHITE") return Tlp::kClear;
  for (const auto& [tlp, name] : kTlpNames)
    if (part == name) return tlp;
  return Tlp::kNone;
}

// "ZEUS" or "ZEUS/ATHENA": codes joined by '/', none a keyword of the syntax.
// "A/B/C" -> {"A", "B", "C"} (empty pieces kept, so a caller can reject them).
std::vector<std::string> SplitOn(const std::string& text, char sep) {
  std::vector<std::string> out;
  for (size_t s = 0; s <= text.size();) {
    size_t e = text.find(sep, s);
    out.push_back(text.substr(s, e == std::string::npos ? std::string::npos : e - s));
    if (e == std::string::npos) break;
    s = e + 1;
  }
  return out;
}

// No piece may be a keyword of the syntax: "SRCPROT/SRCPROT" would read as the
// compartment SRCPROT and print as "//SRCPROT", which reads back as a caveat.
bool IsCompartmentList(const std::string& part) {
  if (part.empty()) return false;
  for (const auto& code : SplitOn(part, '/'))
    if (!IsCode(code) || code == "NOFORN" || code == "ORCON" || code == "SRCPROT") return false;
  return true;
}

}  // namespace

std::string TlpName(Tlp tlp) {
  for (const auto& [t, name] : kTlpNames)
    if (t == tlp) return name;
  return {};
}

std::string TlpStixId(Tlp tlp) {
  switch (tlp) {
    case Tlp::kClear: return "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    case Tlp::kGreen: return "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    case Tlp::kAmber: return "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    case Tlp::kAmberStrict: return "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    case Tlp::kRed: return "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    case Tlp::kNone: break;
  }
  return {};
}

const ClassificationScheme& ClassificationScheme::Default() {
  static const ClassificationScheme scheme({"UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"});
  return scheme;
}

ClassificationScheme::ClassificationScheme(std::vector<std::string> levels) : levels_(std::move(levels)) {
  if (levels_.empty()) throw std::invalid_argument("a classification scheme needs at least one level");
  std::set<std::string> seen;
  for (auto& l : levels_) {
    l = Upper(Trim(l));
    if (l.empty() || l.find("//") != std::string::npos)
      throw std::invalid_argument("classification level '" + l + "' is empty or contains //");
    if (!seen.insert(l).second) throw std::invalid_argument("classification level '" + l + "' is repeated");
  }
}

int ClassificationScheme::Level(std::string_view name) const {
  std::string n = Upper(Trim(name));
  for (size_t i = 0; i < levels_.size(); ++i)
    if (levels_[i] == n) return static_cast<int>(i);
  for (size_t i = 0; i < levels_.size(); ++i)
    if (Initials(levels_[i]) == n) return static_cast<int>(i);
  return -1;
}

Marking Marking::Parse(std::string_view banner, const ClassificationScheme& scheme) {
  auto fail = [&](const std::string& why) -> MarkingError {
    return MarkingError("invalid marking '" + std::string(banner) + "': " + why);
  };
  // "A, B, C" -> the sorted set of codes; throws on an empty or malformed one.
  auto codes_of = [&](const std::string& list, const char* what) {
    std::set<std::string> codes;
    for (size_t s = 0; s <= list.size();) {
      size_t e = list.find(',', s);
      std::string code = Trim(list.substr(s, e == std::string::npos ? std::string::npos : e - s));
      if (!IsCode(code)) throw fail("'" + code + "' is not " + what);
      codes.insert(code);
      if (e == std::string::npos) break;
      s = e + 1;
    }
    return codes;
  };
  std::vector<std::string> parts;
  size_t i = 0;
  std::string b(banner);
  while (true) {
    size_t j = b.find("//", i);
    parts.push_back(Trim(b.substr(i, j == std::string::npos ? std::string::npos : j - i)));
    if (j == std::string::npos) break;
    i = j + 2;
  }
  if (parts.empty() || parts[0].empty()) throw fail("no classification level");
  Marking m;
  // TLP's own form, unless the store's scheme names its levels after TLP.
  const bool tlp_first = Upper(parts[0]).rfind("TLP:", 0) == 0 && scheme.Level(parts[0]) < 0;
  if (tlp_first) {
    m.tlp = TlpOf(Upper(parts[0]));
    if (m.tlp == Tlp::kNone)
      throw fail("unknown traffic light '" + parts[0] + "' (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED)");
  }
  m.level = tlp_first ? 0 : scheme.Level(parts[0]);
  if (m.level < 0) {
    std::string known;
    for (const auto& l : scheme.levels()) known += (known.empty() ? "" : ", ") + l;
    throw fail("unknown classification '" + parts[0] + "' (known: " + known + ")");
  }
  bool saw_rel = false, saw_orcon = false, saw_prot = false, saw_orig = false;
  for (size_t k = 1; k < parts.size(); ++k) {
    std::string p = Upper(parts[k]);
    if (p.empty()) throw fail("empty part between //");
    if (p.rfind("REL TO", 0) == 0 || p.rfind("REL ", 0) == 0) {
      if (saw_rel || m.noforn) throw fail("releasability given twice");
      saw_rel = true;
      auto codes = codes_of(Trim(p.substr(p.rfind("REL TO", 0) == 0 ? 6 : 4)), "an organisation or country code");
      m.rel_to.assign(codes.begin(), codes.end());
    } else if (p == "NOFORN") {
      if (saw_rel || m.noforn) throw fail("releasability given twice");
      m.noforn = true;
    } else if (p == "ORCON") {
      if (saw_orcon) throw fail("ORCON given twice");
      saw_orcon = m.orcon = true;
    } else if (p == "SOURCE PROTECTED" || p == "SRCPROT") {
      if (saw_prot) throw fail("SOURCE PROTECTED given twice");
      saw_prot = m.source_protected = true;
    } else if (IsCompartmentList(p)) {
      if (!m.compartments.empty()) throw fail("compartments given twice");
      const auto codes = SplitOn(p, '/');
      const std::set<std::string> unique(codes.begin(), codes.end());
      m.compartments.assign(unique.begin(), unique.end());
    } else if (p.rfind("TLP:", 0) == 0) {
      if (m.tlp != Tlp::kNone) throw fail("TLP given twice");
      m.tlp = TlpOf(p);
      if (m.tlp == Tlp::kNone) throw fail("unknown traffic light '" + parts[k] + "'");
    } else if (p.rfind("ORIG ", 0) == 0) {
      if (saw_orig) throw fail("originator given twice");
      saw_orig = true;
      // A product of several originators lists them all: "ORIG BALTSEC, WESTINT".
      for (const auto& c : codes_of(p.substr(5), "an organisation code"))
        m.originator += (m.originator.empty() ? "" : ", ") + c;
    } else {
      throw fail("unknown part '" + parts[k] + "' (expected REL TO ..., NOFORN, ORCON, SOURCE PROTECTED, TLP:... or ORIG CODE)");
    }
    if (tlp_first && (saw_rel || m.noforn || m.orcon || !m.compartments.empty()))
      throw fail("a TLP marking takes no compartments, REL TO, NOFORN or ORCON (write the classification first to "
                 "combine them)");
  }
  return m;
}

std::string Marking::Print(const ClassificationScheme& scheme) const {
  // A TLP marking at the lowest level, without the classification scheme's
  // caveats, prints in TLP's own form.
  const bool tlp_form = tlp != Tlp::kNone && level == 0 && rel_to.empty() && !noforn && !orcon && compartments.empty();
  std::string out = tlp_form ? TlpName(tlp) : scheme.Name(std::min(level, scheme.Highest()));
  for (size_t i = 0; i < compartments.size(); ++i) out += (i ? "/" : "//") + compartments[i];
  if (noforn) out += "//NOFORN";
  if (!rel_to.empty()) {
    out += "//REL TO ";
    for (size_t i = 0; i < rel_to.size(); ++i) out += (i ? ", " : "") + rel_to[i];
  }
  if (orcon) out += "//ORCON";
  if (source_protected) out += "//SOURCE PROTECTED";
  if (tlp != Tlp::kNone && !tlp_form) out += "//" + TlpName(tlp);
  if (!originator.empty()) out += "//ORIG " + originator;
  return out;
}

Marking Marking::Highest(const Marking& a, const Marking& b) {
  Marking m;
  m.level = std::max(a.level, b.level);
  m.noforn = a.noforn || b.noforn;
  if (!m.noforn) {
    if (a.rel_to.empty()) m.rel_to = b.rel_to;
    else if (b.rel_to.empty()) m.rel_to = a.rel_to;
    else {
      std::set_intersection(a.rel_to.begin(), a.rel_to.end(), b.rel_to.begin(), b.rel_to.end(),
                            std::back_inserter(m.rel_to));
      // Nobody both allow: only the originators' own nations may hold it.
      if (m.rel_to.empty()) m.noforn = true;
    }
  }
  m.orcon = a.orcon || b.orcon;
  m.tlp = std::max(a.tlp, b.tlp);
  std::set_union(a.compartments.begin(), a.compartments.end(), b.compartments.begin(), b.compartments.end(),
                 std::back_inserter(m.compartments));
  m.source_protected = a.source_protected || b.source_protected;
  // Every originator of either input stays named: a product of two services
  // belongs wholly to neither.
  std::set<std::string> originators;
  for (const std::string* list : {&a.originator, &b.originator}) {
    for (size_t s = 0; s < list->size();) {
      size_t e = list->find(", ", s);
      originators.insert(list->substr(s, e == std::string::npos ? std::string::npos : e - s));
      if (e == std::string::npos) break;
      s = e + 2;
    }
  }
  for (const auto& o : originators) m.originator += (m.originator.empty() ? "" : ", ") + o;
  return m;
}

}  // namespace dossier::model
