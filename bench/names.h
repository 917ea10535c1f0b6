// Name material for the statement generator (generate_statements.cc): small,
// hand-written lists of given names, family names and company-name parts per
// naming culture, each Latin spelling paired with its native-script spelling
// where the culture writes in another script (Cyrillic, Greek, Arabic).
//
// Nothing here is measured; it only makes the generated statements look like
// the names, countries and legal forms an analyst meets in real lists.
#pragma once
#include <string>
#include <vector>

namespace dossier::bench {

// One spelling in Latin letters and, for non-Latin cultures, in the native
// script (empty when the culture writes in Latin letters).
struct Spelling {
  std::string latin, native;
};

struct FamilyName {
  Spelling male, female;  // identical for cultures without gendered surnames
};

struct Culture {
  std::string key;                    // "ru", "gr", ...
  std::string lang;                   // ISO 639-2 of the native script; empty for Latin cultures
  int weight = 1;                     // relative share of persons
  std::vector<Spelling> male, female; // given names
  std::vector<FamilyName> family;
  // Russian only: patronymic stems ("Sergeev"), from which "-ich" / "-na"
  // (Cyrillic "-ич" / "-на") make the male and female patronymic.
  std::vector<Spelling> patronymic_stems;
  std::vector<std::string> nationalities;  // ISO 3166 alpha-2, lower case
};

// Company-name material for one jurisdiction.
struct Jurisdiction {
  std::string country;                  // alpha-2, lower case
  int weight = 1;                       // relative share of companies
  std::vector<Spelling> legal_forms;    // "GmbH"; Russian forms carry Cyrillic
  std::string culture;                  // whose family names appear in firm names
};

const std::vector<Culture>& Cultures();
const std::vector<Jurisdiction>& Jurisdictions();

// Parts of company names in Latin letters.
const std::vector<std::string>& CompanyPrefixes();  // "Meridian"
const std::vector<std::string>& CompanySectors();   // "Shipping"
// Russian company names: masculine adjective + masculine noun, both scripts.
const std::vector<Spelling>& RussianFirmAdjectives();
const std::vector<Spelling>& RussianFirmNouns();

// Free text and roles.
const std::vector<std::string>& Positions();         // "Deputy Minister of Energy"
const std::vector<std::string>& DirectorRoles();     // "Managing Director"
const std::vector<std::string>& AssociateRelations();
const std::vector<std::string>& Cities();            // birth places
const std::vector<std::string>& IntelligenceNotes(); // Thing.notes text

}  // namespace dossier::bench
