#include "match/match_record.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "match/name_similarity.h"
#include "match/phonetic.h"
#include "model/country.h"
#include "model/date.h"
#include "text/fold.h"

namespace dossier::match {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

const std::vector<std::string>* Values(const PropertyMap& props, std::string_view key) {
  auto it = props.find(key);
  return it == props.end() ? nullptr : &it->second;
}

// Calls fn on each non-empty trimmed value of each of `keys`.
template <class Fn>
void ForEach(const PropertyMap& props, std::initializer_list<std::string_view> keys, Fn fn) {
  for (std::string_view key : keys)
    if (const auto* values = Values(props, key))
      for (const auto& v : *values)
        if (auto t = Trim(v); !t.empty()) fn(t);
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

NameKind KindOf(SchemaFamily family) {
  switch (family) {
    case SchemaFamily::kPerson: return NameKind::kPerson;
    case SchemaFamily::kOrganisation: return NameKind::kOrganisation;
    default: return NameKind::kOther;
  }
}

// A token's identity weight: the normaliser's role prior scaled by length, so that
// "li" says less than "abdulrahman" but the longest token does not drown the rest.
double TokenWeight(const NameToken& t) {
  const double length = static_cast<double>(std::min<std::size_t>(t.text.size(), 12));
  return static_cast<double>(t.weight) * (2.0 + length) / 6.0;
}

RecordName MakeName(std::string_view value, NameKind kind, bool weak) {
  RecordName out;
  out.name = NormaliseName(value, kind);
  out.weak = weak;
  for (const auto& t : out.name.tokens) {
    if (t.role == NameToken::kHonorific) continue;  // "Mr", "Gen": never identity
    RecordToken rt;
    rt.text = t.text;
    rt.role = t.role;
    rt.weight = TokenWeight(t);
    const bool has_letter = std::any_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (has_letter && t.text.size() > 1) {
      auto dm = DoubleMetaphone(t.text, 6);
      rt.metaphone = std::move(dm.primary);
      rt.metaphone_alt = std::move(dm.alternate);
      rt.skeleton = ConsonantSkeleton(t.text);
    }
    rt.has_digit = std::any_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    rt.roman = IsRomanNumeral(t.text);
    out.compact += t.text;
    out.tokens.push_back(std::move(rt));
  }
  out.generation = GenerationOf(out.name);
  for (char c : out.name.latin) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.letters += c;
  }
  return out;
}

bool IsIsoDatePrefix(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10) return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

std::string NormaliseGender(std::string_view g) {
  std::string s = text::Fold(g);
  if (s == "male" || s == "m" || s == "man") return "male";
  if (s == "female" || s == "f" || s == "woman") return "female";
  if (s.empty()) return "";
  return "other";
}

void AddIdentifiers(const PropertyMap& props, std::initializer_list<std::string_view> keys, IdentifierKind kind,
                    std::vector<Identifier>& out) {
  ForEach(props, keys, [&](std::string_view v) {
    std::string id = NormaliseIdentifier(v);
    if (kind == IdentifierKind::kImo && id.rfind("IMO", 0) == 0) id.erase(0, 3);
    if (id.size() >= 2) out.push_back({kind, std::move(id)});
  });
}

}  // namespace

std::string_view FamilyName(SchemaFamily family) {
  switch (family) {
    case SchemaFamily::kPerson: return "person";
    case SchemaFamily::kOrganisation: return "organisation";
    case SchemaFamily::kVessel: return "vessel";
    case SchemaFamily::kOther: return "other";
  }
  return "other";
}

SchemaFamily FamilyOf(std::string_view schema) {
  if (schema == "Person") return SchemaFamily::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "PublicBody" || schema == "LegalEntity")
    return SchemaFamily::kOrganisation;
  if (schema == "Vessel" || schema == "Airplane") return SchemaFamily::kVessel;
  return SchemaFamily::kOther;
}

std::string_view IdentifierKindName(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kPassport: return "passport";
    case IdentifierKind::kTax: return "tax";
    case IdentifierKind::kRegistration: return "registration";
    case IdentifierKind::kImo: return "imo";
    case IdentifierKind::kGeneric: return "id";
  }
  return "id";
}

std::string NormaliseIdentifier(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (unsigned char c : value)
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::toupper(c)));
  return out;
}

MatchRecord BuildMatchRecord(std::string_view schema, const PropertyMap& props) {
  MatchRecord r;
  r.schema = std::string(Trim(schema));
  r.family = FamilyOf(r.schema);
  r.name_kind = KindOf(r.family);

  std::unordered_set<std::string> seen_names;
  auto add_name = [&](std::string_view value, bool weak) {
    RecordName n = MakeName(value, r.name_kind, weak);
    if (n.tokens.empty()) return;
    std::string key = n.name.Folded();
    if (!seen_names.insert(key).second) {
      // The same tokens written otherwise ("OOO ALKON", "LIMITED LIABILITY COMPANY
      // ALKON"): one name, but a typo is judged against each way it is written.
      for (auto& kept : r.names)
        if (kept.name.Folded() == key && kept.letters != n.letters &&
            std::find(kept.spellings.begin(), kept.spellings.end(), n.letters) == kept.spellings.end())
          kept.spellings.push_back(n.letters);
      return;
    }
    r.names.push_back(std::move(n));
  };
  ForEach(props, {"name", "alias", "previousName"}, [&](std::string_view v) { add_name(v, false); });
  // The parts, composed so that the normaliser knows the surname: "LAST, First Middle".
  {
    std::string last, rest;
    ForEach(props, {"lastName"}, [&](std::string_view v) {
      if (last.empty()) last = std::string(v);
    });
    for (std::string_view key : {"firstName", "middleName", "fatherName"})
      if (const auto* values = Values(props, key))
        if (!values->empty() && !Trim(values->front()).empty()) {
          if (!rest.empty()) rest += ' ';
          rest += Trim(values->front());
        }
    if (!last.empty() && !rest.empty()) add_name(last + ", " + rest, false);
    else if (!last.empty() || !rest.empty()) add_name(last.empty() ? rest : last, false);
  }
  ForEach(props, {"weakAlias"}, [&](std::string_view v) { add_name(v, true); });

  ForEach(props, {"birthDate"}, [&](std::string_view v) {
    if (IsIsoDatePrefix(v)) r.birth_dates.emplace_back(v);
    else if (v.size() > 10 && IsIsoDatePrefix(v.substr(0, 10)) && v[10] == 'T') r.birth_dates.emplace_back(v.substr(0, 10));
    else if (auto d = model::NormaliseDate(v)) r.birth_dates.push_back(d->substr(0, 10));
  });
  SortUnique(r.birth_dates);

  ForEach(props, {"country", "nationality", "citizenship", "jurisdiction", "birthCountry"}, [&](std::string_view v) {
    if (auto c = model::NormaliseCountry(v)) r.countries.push_back(*c);
  });
  SortUnique(r.countries);

  ForEach(props, {"gender"}, [&](std::string_view v) {
    if (r.gender.empty()) r.gender = NormaliseGender(v);
  });

  AddIdentifiers(props, {"passportNumber"}, IdentifierKind::kPassport, r.identifiers);
  AddIdentifiers(props, {"taxNumber", "innCode", "vatCode"}, IdentifierKind::kTax, r.identifiers);
  AddIdentifiers(props, {"registrationNumber", "ogrnCode", "leiCode", "bicCode"}, IdentifierKind::kRegistration,
                 r.identifiers);
  AddIdentifiers(props, {"imoNumber"}, IdentifierKind::kImo, r.identifiers);
  AddIdentifiers(props, {"idNumber", "nationalId", "socialSecurityNumber"}, IdentifierKind::kGeneric, r.identifiers);

  ForEach(props, {"address", "street", "street2", "region"}, [&](std::string_view v) {
    // Lists often give a bare country as the address ("Democratic People's
    // Republic of Korea"): that is a country, and as address tokens it would
    // make everyone of that country share an address.
    if (auto country = model::NormaliseCountry(v)) {
      r.countries.push_back(*country);
      return;
    }
    for (auto& t : text::Tokens(v)) r.address_tokens.push_back(std::move(t));
  });
  SortUnique(r.address_tokens);
  SortUnique(r.countries);
  ForEach(props, {"postalCode"}, [&](std::string_view v) {
    if (auto p = NormaliseIdentifier(v); !p.empty()) r.postcodes.push_back(std::move(p));
  });
  SortUnique(r.postcodes);
  ForEach(props, {"city"}, [&](std::string_view v) {
    if (auto c = text::Fold(v); !c.empty()) r.cities.push_back(std::move(c));
  });
  SortUnique(r.cities);
  ForEach(props, {"email"}, [&](std::string_view v) {
    std::string e(v);
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.emails.push_back(std::move(e));
  });
  SortUnique(r.emails);
  return r;
}

}  // namespace dossier::match
