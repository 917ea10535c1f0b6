// The comparable form of an entity or a screening query: everything the scorer
// compares, normalised once so that comparing one record against many costs no
// further normalisation.
//
//   MatchRecord q = BuildMatchRecord("Person", {{"name", {"Igor Sechin"}},
//                                               {"birthDate", {"1960-09-07"}},
//                                               {"nationality", {"Russia"}}});
//
// Contract:
// - Input is FtM-style: a schema name and a map from property name to its values
//   (stored entities and yente-style queries alike). Unknown properties are ignored;
//   no value ever throws. Values are trimmed; empty values are dropped.
// - Names: name, alias, previousName, weakAlias (marked weak), and a name composed
//   from firstName / middleName / fatherName / lastName ("LAST, First Middle Father",
//   so that the normaliser knows which token is the surname). Each is normalised with
//   NormaliseName (kPerson for Person, kOrganisation for Organization, Company,
//   PublicBody, LegalEntity; kOther for the rest). Duplicate folded forms are kept once
//   (the letters of each other way of writing it go to RecordName::spellings).
// - Birth dates (birthDate): ISO prefixes "1960", "1960-09", "1960-09-07". Values
//   already in that shape are kept as written, without a calendar check, so a typo
//   such as "1908-12-90" still compares digit by digit; other spellings go through
//   model::NormaliseDate; unreadable values are dropped.
// - Countries (country, nationality, citizenship, jurisdiction, birthCountry): ISO
//   alpha-2 lower case through model::NormaliseCountry; sorted, unique.
// - Gender (gender): "male", "female", "other" or "" (unknown); m/f/man/woman read.
// - Identifiers: passportNumber -> kPassport; taxNumber, innCode, vatCode -> kTax;
//   registrationNumber, ogrnCode, leiCode, bicCode -> kRegistration; imoNumber ->
//   kImo; idNumber, nationalId, socialSecurityNumber -> kGeneric. Normalised: letters
//   and digits only, upper case; an "IMO" prefix is dropped; values under two
//   characters are dropped.
// - Address: the tokens (folded) of address, street, street2 and region, plus
//   postalCode (letters and digits, upper case) and city (folded) kept apart, because
//   a postcode or a town alone says more than one token of a street.
// - email: lower case, trimmed.
// - Pure function, thread-safe.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "match/name.h"

namespace dossier::match {

// Which set of weights scores a pair (see scorer.h).
enum class SchemaFamily { kPerson, kOrganisation, kVessel, kOther };

std::string_view FamilyName(SchemaFamily family);
SchemaFamily FamilyOf(std::string_view schema);

// One token of a name with the keys the comparators use, computed once by
// BuildMatchRecord (the comparators read the flags, not the text, for digits and
// roman numerals: a token made by hand must set them too).
struct RecordToken {
  std::string text;  // folded [a-z0-9]+
  NameToken::Role role = NameToken::kOther;
  double weight = 1.0;         // identity weight: role weight times a length factor
  std::string metaphone;       // Double Metaphone primary ("" for digits)
  std::string metaphone_alt;   // Double Metaphone alternate
  std::string skeleton;        // consonant skeleton
  bool has_digit = false;      // any of 0-9: compared as a number
  bool roman = false;          // a roman numeral (i .. xiv, not xi)
};

struct RecordName {
  NormalisedName name;              // name.original is the value as given
  std::vector<RecordToken> tokens;  // name.tokens with keys, honorifics left out
  std::string compact;              // token texts joined without spaces
  std::string letters;              // the letters and digits of name.latin, lower case, in
                                    // written order: the name as written, legal forms
                                    // and honorifics included, for typo comparison
  std::vector<std::string> spellings;  // the letters of other values with the same
                                       // folded form ("OOO ALKON" / "LIMITED
                                       // LIABILITY COMPANY ALKON")
  bool weak = false;                // a weakAlias: counts for less
  std::string generation;           // "jr", "sr", "ii", "iii", "iv" or "": what tells a
                                    // father from a son who share every other token
};

enum class IdentifierKind { kPassport, kTax, kRegistration, kImo, kGeneric };
inline constexpr int kIdentifierKinds = 5;
std::string_view IdentifierKindName(IdentifierKind kind);

struct Identifier {
  IdentifierKind kind = IdentifierKind::kGeneric;
  std::string value;  // [A-Z0-9]+
};

struct MatchRecord {
  std::string schema;
  SchemaFamily family = SchemaFamily::kOther;
  NameKind name_kind = NameKind::kOther;
  std::vector<RecordName> names;
  std::vector<std::string> birth_dates;  // ISO prefixes
  std::vector<std::string> countries;    // alpha-2 lower case, sorted, unique
  std::string gender;                    // "male", "female", "other", ""
  std::vector<Identifier> identifiers;
  std::vector<std::string> address_tokens;  // folded, sorted, unique
  std::vector<std::string> postcodes;       // sorted, unique
  std::vector<std::string> cities;          // folded, sorted, unique
  std::vector<std::string> emails;          // lower case, sorted, unique
};

using PropertyMap = std::map<std::string, std::vector<std::string>, std::less<>>;

MatchRecord BuildMatchRecord(std::string_view schema, const PropertyMap& properties);

// Letters and digits of an identifier, upper case ("AB 12-345" -> "AB12345").
std::string NormaliseIdentifier(std::string_view value);

}  // namespace dossier::match
