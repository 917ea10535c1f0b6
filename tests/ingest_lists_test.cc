// The sanctions list parsers (src/ingest/ofac_sdn.cc, src/ingest/un_sc.cc)
// against the real lists in ../shared/data, and against small inline inputs
// for the quirks and the malformed cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/error.h"
#include "ingest/formats.h"
#include "model/schema.h"
#include "model/value.h"
#include "test_util.h"

namespace {

using dossier::ingest::IngestError;
using dossier::model::EntityRecord;
using ReaderFn = void (*)(std::istream&, const std::string&, const dossier::ingest::RecordSink&,
                          const dossier::ingest::ProgressFn&);

struct Parsed {
  std::vector<EntityRecord> records;
  std::map<std::string, size_t> by_id;
  std::vector<uint64_t> progress;

  const EntityRecord& Get(const std::string& id) const {
    auto it = by_id.find(id);
    if (it == by_id.end()) throw std::runtime_error("no record " + id);
    return records[it->second];
  }
  size_t Count(const std::string& schema) const {
    return std::count_if(records.begin(), records.end(), [&](const EntityRecord& r) { return r.schema == schema; });
  }
};

Parsed Parse(ReaderFn reader, std::istream& in, const std::string& file) {
  Parsed p;
  reader(
      in, file, [&](EntityRecord&& r) { p.records.push_back(std::move(r)); },
      [&](uint64_t bytes) { p.progress.push_back(bytes); });
  for (size_t i = 0; i < p.records.size(); ++i) p.by_id.emplace(p.records[i].id, i);
  return p;
}

Parsed ParseText(ReaderFn reader, const std::string& text, const std::string& file = "inline") {
  std::istringstream in(text);
  return Parse(reader, in, file);
}

Parsed ParseFile(ReaderFn reader, const std::string& relative) {
  std::ifstream in(dossier::testing::SharedData(relative), std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relative);
  return Parse(reader, in, relative);
}

// Each real list is parsed once per test binary.
const Parsed& Ofac() {
  static const Parsed p = ParseFile(dossier::ingest::ReadOfacSdn, "sanctions/us_ofac_sdn/sdn.csv");
  return p;
}
const Parsed& Un() {
  static const Parsed p = ParseFile(dossier::ingest::ReadUnSc, "sanctions/un_sc/consolidated.xml");
  return p;
}

std::vector<std::string> Values(const EntityRecord& r, const std::string& prop) {
  std::vector<std::string> out;
  for (const auto& v : r.values)
    if (v.prop == prop) out.push_back(v.value);
  return out;
}

// Values as the Ingester will store them (dates as ISO, countries as codes).
std::set<std::string> Normalised(const EntityRecord& r, const std::string& prop) {
  const auto* schema = dossier::model::Model::Default().Find(r.schema);
  const auto* property = schema ? schema->Find(prop) : nullptr;
  std::set<std::string> out;
  if (!property) return out;
  for (const auto& v : Values(r, prop)) out.insert(dossier::model::Normalise(property->type, v).value);
  return out;
}

bool Contains(const std::vector<std::string>& values, const std::string& wanted) {
  return std::find(values.begin(), values.end(), wanted) != values.end();
}

std::string Notes(const EntityRecord& r) {
  std::string out;
  for (const auto& n : Values(r, "notes")) out += n + "\n";
  return out;
}

// What the Ingester checks: every record's schema and property exist and
// every value normalises for its property's type.
void ExpectAllValid(const Parsed& p) {
  const auto& model = dossier::model::Model::Default();
  std::set<std::string> ids;
  int failures = 0;
  for (const auto& r : p.records) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_EQ(r.id.find(' '), std::string::npos) << "an id with a space: " << r.id;
    EXPECT_GT(r.line, 0) << r.id;
    const auto* schema = model.Find(r.schema);
    ASSERT_NE(schema, nullptr) << r.id << ": " << r.schema;
    EXPECT_FALSE(schema->abstract()) << r.id;
    for (const auto& v : r.values) {
      const auto* prop = schema->Find(v.prop);
      if (!prop) {
        ADD_FAILURE() << r.id << ": " << r.schema << " has no property " << v.prop;
        if (++failures > 20) return;
        continue;
      }
      auto n = dossier::model::Normalise(prop->type, v.value);
      if (!n.ok) {
        ADD_FAILURE() << r.id << "." << v.prop << ": " << n.reason;
        if (++failures > 20) return;
      }
    }
  }
}

// Expects `fn` to throw an IngestError whose message names `where` (file:line).
template <typename Fn>
void ExpectIngestError(Fn fn, const std::string& where, const std::string& field = {}) {
  try {
    fn();
    ADD_FAILURE() << "no IngestError, expected one at " << where;
  } catch (const IngestError& e) {
    EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    if (!field.empty()) {
      EXPECT_EQ(e.field(), field) << e.what();
    }
  }
}

std::string OfacRow(const std::string& ent_num, const std::string& name, const std::string& type,
                    const std::string& program, const std::string& remarks) {
  return ent_num + ",\"" + name + "\"," + type + ",\"" + program +
         "\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" + remarks + "\"\r\n";
}

// ---------------------------------------------------------------- OFAC SDN

TEST(OfacSdn, ReadsTheWholeList) {
  const Parsed& p = Ofac();
  size_t listed = p.Count("Person") + p.Count("Organization") + p.Count("Company") + p.Count("Vessel") +
                  p.Count("Airplane");
  EXPECT_EQ(listed, 14965u);
  EXPECT_EQ(p.Count("Sanction"), 14965u);
  EXPECT_EQ(p.Count("Person"), 6854u);
  EXPECT_EQ(p.Count("Vessel"), 851u);
  EXPECT_EQ(p.Count("Airplane"), 376u);
  EXPECT_EQ(p.Count("Organization") + p.Count("Company"), 6884u);
  // 6,375 "Linked To" remarks, of which 8 name someone not on the list.
  EXPECT_EQ(p.Count("UnknownLink"), 6367u);
  ASSERT_FALSE(p.progress.empty());
  EXPECT_TRUE(std::is_sorted(p.progress.begin(), p.progress.end()));
}

TEST(OfacSdn, EveryValuePassesTheSchema) { ExpectAllValid(Ofac()); }

TEST(OfacSdn, SechinIsARussianPersonUnderRussiaAndUkraineSanctions) {
  const Parsed& p = Ofac();
  const EntityRecord& sechin = p.Get("ofac-16692");
  EXPECT_EQ(sechin.schema, "Person");
  EXPECT_EQ(sechin.line, 3203);
  EXPECT_TRUE(Contains(Values(sechin, "name"), "SECHIN, Igor Ivanovich"));
  EXPECT_EQ(Values(sechin, "lastName"), std::vector<std::string>{"SECHIN"});
  EXPECT_EQ(Values(sechin, "firstName"), std::vector<std::string>{"Igor Ivanovich"});
  EXPECT_EQ(Normalised(sechin, "birthDate"), std::set<std::string>{"1960-09-07"});
  EXPECT_EQ(Normalised(sechin, "nationality"), std::set<std::string>{"ru"});
  EXPECT_EQ(Normalised(sechin, "gender"), std::set<std::string>{"male"});
  EXPECT_EQ(Values(sechin, "birthPlace"), std::vector<std::string>{"St. Petersburg, Russia"});
  EXPECT_EQ(Normalised(sechin, "birthCountry"), std::set<std::string>{"ru"});
  EXPECT_TRUE(Contains(Values(sechin, "topics"), "sanction"));
  // Unrecognised remarks are kept, not dropped.
  EXPECT_NE(Notes(sechin).find("Secondary sanctions risk"), std::string::npos);

  const EntityRecord& sanction = p.Get("ofac-16692-sanction");
  EXPECT_EQ(sanction.schema, "Sanction");
  EXPECT_EQ(Values(sanction, "entity"), std::vector<std::string>{"ofac-16692"});
  EXPECT_EQ(Values(sanction, "authority"), std::vector<std::string>{"US Office of Foreign Assets Control"});
  EXPECT_EQ(Values(sanction, "program"), (std::vector<std::string>{"UKRAINE-EO13661", "RUSSIA-EO14024"}));
  EXPECT_EQ(Normalised(sanction, "country"), std::set<std::string>{"us"});
}

TEST(OfacSdn, SechinsSonIsLinkedToHim) {
  const Parsed& p = Ofac();
  const EntityRecord& son = p.Get("ofac-34558");
  EXPECT_TRUE(Contains(Values(son, "passportNumber"), "722759197"));
  // The passport's issue and expiry dates stay in the notes.
  EXPECT_NE(Notes(son).find("issued 24 Jan 2013"), std::string::npos);
  const EntityRecord& link = p.Get("ofac-34558-link-1");
  EXPECT_EQ(link.schema, "UnknownLink");
  EXPECT_EQ(Values(link, "subject"), std::vector<std::string>{"ofac-34558"});
  EXPECT_EQ(Values(link, "object"), std::vector<std::string>{"ofac-16692"});
  EXPECT_EQ(Values(link, "role"), std::vector<std::string>{"Linked To"});
}

TEST(OfacSdn, RosneftTradingIsACompanyWhoseParentIsNotOnTheList) {
  const Parsed& p = Ofac();
  const EntityRecord& trading = p.Get("ofac-18299");
  EXPECT_EQ(trading.schema, "Company");  // "S.A." is a legal form
  EXPECT_TRUE(Contains(Values(trading, "name"), "ROSNEFT TRADING S.A."));
  EXPECT_TRUE(Contains(Values(trading, "website"), "www.rosneft.com"));
  EXPECT_TRUE(Contains(Values(trading, "taxNumber"), "CHE-309.842.573"));
  EXPECT_TRUE(Contains(Values(trading, "registrationNumber"), "CH-660.0.257.011-8"));
  // Rosneft itself is not an SDN (this list names it only as a link target),
  // so the link cannot resolve and stays in the notes.
  EXPECT_EQ(p.by_id.count("ofac-18299-link-1"), 0u);
  EXPECT_NE(Notes(trading).find("Linked To: OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY"), std::string::npos);
  // Rosneft's name is on entities of the list all the same.
  int named = 0;
  for (const auto& r : p.records)
    for (const auto& v : r.values)
      if ((v.prop == "name" || v.prop == "alias") && v.value.find("ROSNEFT") != std::string::npos) ++named;
  EXPECT_GE(named, 1);
}

TEST(OfacSdn, AliasesAndPreviousNames) {
  const Parsed& p = Ofac();
  EXPECT_TRUE(Contains(Values(p.Get("ofac-306"), "alias"), "BNC"));  // BANCO NACIONAL DE CUBA
  const EntityRecord& ebano = p.Get("ofac-4243");
  EXPECT_EQ(ebano.schema, "Vessel");
  EXPECT_EQ(Values(ebano, "previousName"), (std::vector<std::string>{"ANA I", "SAND SWAN"}));
  EXPECT_EQ(Values(ebano, "imoNumber"), std::vector<std::string>{"7406784"});
  EXPECT_EQ(Values(ebano, "type"), std::vector<std::string>{"General Cargo"});
  EXPECT_EQ(Values(ebano, "tonnage"), std::vector<std::string>{"2595"});
  EXPECT_EQ(Values(ebano, "grossRegisteredTonnage"), std::vector<std::string>{"1865"});
  EXPECT_EQ(Normalised(ebano, "flag"), std::set<std::string>{"pa"});
  const EntityRecord& tug = p.Get("ofac-4238");  // MAR AZUL
  EXPECT_EQ(Values(tug, "callSign"), std::vector<std::string>{"CL2192"});
  EXPECT_NE(Notes(tug).find("Vessel owner: Samir de Navegacion S.A."), std::string::npos);
}

TEST(OfacSdn, IrgcLinksResolveToTheQodsForce) {
  const Parsed& p = Ofac();
  const EntityRecord& qods = p.Get("ofac-10465");
  EXPECT_TRUE(Contains(Values(qods, "name"), "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE"));
  std::set<std::string> subjects;
  for (const auto& r : p.records)
    if (r.schema == "UnknownLink" && Values(r, "object") == std::vector<std::string>{"ofac-10465"})
      subjects.insert(Values(r, "subject").at(0));
  EXPECT_EQ(subjects.size(), 98u);  // 84 "Linked To: ...QODS FORCE." and 14 mid-Remarks
  EXPECT_TRUE(subjects.count("ofac-4632"));  // BANK MARKAZI JOMHOURI ISLAMI IRAN
}

TEST(OfacSdn, ARepeatedNameLinksToTheListingUnderTheSameProgram) {
  // Two listings are named MINISTRY OF STATE SECURITY: the DPRK's (DPRK3) and
  // Luhansk's (CAATSA - RUSSIA).
  const Parsed& p = Ofac();
  EXPECT_EQ(Values(p.Get("ofac-20130-link-1"), "object"), std::vector<std::string>{"ofac-20129"});
  EXPECT_EQ(Values(p.Get("ofac-25436-link-1"), "object"), std::vector<std::string>{"ofac-25437"});
}

TEST(OfacSdn, RemarksBecomeProperties) {
  std::string csv =
      OfacRow("1", "DOE, John", "\"individual\"", "SDGT] [IRAN",
              "a.k.a. 'JD'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; DOB 1960 to 1962; alt. DOB circa 1958; "
              "alt. DOB 31 Feb 1959; POB Tehran, Iran; nationality Atlantis; citizen Iran; Gender Male; "
              "Passport A123 (Iran); National ID No. 555-1 (Iran); Tax ID No. 77; Website www.example.org; "
              "Email Address jd@example.org; Something else entirely; Linked To: ACME TRADING CO., LTD.") +
      OfacRow("2", "ACME TRADING CO., LTD.", "-0- ", "IRAN", "Registration Number 42 (Iran); MMSI 123456789.") +
      OfacRow("3", "SEA STAR", "\"vessel\"", "IRAN", "Vessel Year of Build 1999; Former Vessel Flag Malta; "
                                                      "MMSI 123456789; Linked To: NOBODY WE KNOW.") +
      "\x1a";
  Parsed p = ParseText(dossier::ingest::ReadOfacSdn, csv, "sdn.csv");
  ASSERT_EQ(p.records.size(), 7u);
  ExpectAllValid(p);
  const EntityRecord& doe = p.Get("ofac-1");
  EXPECT_EQ(Values(doe, "alias"), std::vector<std::string>{"JD"});
  EXPECT_EQ(Values(doe, "previousName"), std::vector<std::string>{"OLD NAME"});
  EXPECT_TRUE(Contains(Values(doe, "name"), "NEW NAME"));
  EXPECT_EQ(Normalised(doe, "birthDate"), (std::set<std::string>{"1958", "1960", "1961", "1962"}));
  EXPECT_EQ(Normalised(doe, "birthCountry"), std::set<std::string>{"ir"});
  EXPECT_EQ(Normalised(doe, "citizenship"), std::set<std::string>{"ir"});
  EXPECT_TRUE(Values(doe, "nationality").empty());
  EXPECT_EQ(Values(doe, "passportNumber"), std::vector<std::string>{"A123"});
  EXPECT_EQ(Values(doe, "idNumber"), std::vector<std::string>{"555-1"});
  EXPECT_EQ(Values(doe, "taxNumber"), std::vector<std::string>{"77"});
  EXPECT_EQ(Values(doe, "website"), std::vector<std::string>{"www.example.org"});
  EXPECT_EQ(Values(doe, "email"), std::vector<std::string>{"jd@example.org"});
  EXPECT_EQ(Values(doe, "program"), (std::vector<std::string>{"SDGT", "IRAN"}));
  // What does not validate, and what we do not recognise, is kept as notes.
  std::string notes = Notes(doe);
  EXPECT_NE(notes.find("nationality: Atlantis"), std::string::npos) << notes;
  EXPECT_NE(notes.find("DOB 31 Feb 1959"), std::string::npos) << notes;
  EXPECT_NE(notes.find("Something else entirely"), std::string::npos) << notes;
  // A link to a listing further down the file resolves.
  EXPECT_EQ(Values(p.Get("ofac-1-link-1"), "object"), std::vector<std::string>{"ofac-2"});

  const EntityRecord& acme = p.Get("ofac-2");
  EXPECT_EQ(acme.schema, "Company");
  EXPECT_EQ(acme.line, 2);
  EXPECT_EQ(Values(acme, "registrationNumber"), std::vector<std::string>{"42"});
  // A company has no MMSI property; the number still identifies it.
  EXPECT_EQ(Values(acme, "idNumber"), std::vector<std::string>{"123456789"});

  const EntityRecord& ship = p.Get("ofac-3");
  EXPECT_EQ(Values(ship, "mmsi"), std::vector<std::string>{"123456789"});
  EXPECT_EQ(Normalised(ship, "buildDate"), std::set<std::string>{"1999"});
  EXPECT_EQ(Normalised(ship, "pastFlags"), std::set<std::string>{"mt"});
  EXPECT_NE(Notes(ship).find("Linked To: NOBODY WE KNOW (not on the list)"), std::string::npos);
  EXPECT_EQ(p.by_id.count("ofac-3-link-1"), 0u);
}

TEST(OfacSdn, TruncatedRemarksAreNotReadAsAliases) {
  std::string remarks = "a.k.a. 'FIRST'; a.k.a. 'CUT OFF HERE";
  remarks += std::string(1000 - remarks.size(), 'X');
  Parsed p = ParseText(dossier::ingest::ReadOfacSdn, OfacRow("7", "SOME GROUP", "-0-", "CYBER2", remarks));
  const EntityRecord& e = p.Get("ofac-7");
  EXPECT_EQ(Values(e, "alias"), std::vector<std::string>{"FIRST"});
  EXPECT_NE(Notes(e).find("cut off"), std::string::npos);
}

TEST(OfacSdn, MalformedInputThrowsNamingFileAndLine) {
  std::string good = OfacRow("1", "GOOD", "-0-", "CUBA", "-0-");
  auto read = [](const std::string& text) {
    return [text] { ParseText(dossier::ingest::ReadOfacSdn, text, "bad.csv"); };
  };
  ExpectIngestError(read(good + "2,\"UNTERMINATED,-0- ,\"CUBA\"\r\n"), "bad.csv:2");
  ExpectIngestError(read(good + "2,\"TOO FEW\",-0- ,\"CUBA\"\r\n"), "bad.csv:2");
  ExpectIngestError(read(good + OfacRow("12a", "BAD NUMBER", "-0-", "CUBA", "-0-")), "bad.csv:2", "ent_num");
  ExpectIngestError(read(good + OfacRow("-0- ", "NO NUMBER", "-0-", "CUBA", "-0-")), "bad.csv:2", "ent_num");
  ExpectIngestError(read(good + good), "bad.csv:2", "ent_num");  // the same ent_num twice
  ExpectIngestError(read(good + OfacRow("3", "-0-", "-0-", "CUBA", "-0-")), "bad.csv:2", "SDN_Name");
}

// ---------------------------------------------------------------- UN SC

TEST(UnSc, ReadsTheWholeList) {
  const Parsed& p = Un();
  EXPECT_EQ(p.Count("Person"), 684u);
  EXPECT_EQ(p.Count("Organization"), 193u);
  EXPECT_EQ(p.Count("Sanction"), 877u);
  EXPECT_EQ(p.records.size(), 684u + 193u + 877u);
  EXPECT_FALSE(p.progress.empty());
}

TEST(UnSc, EveryValuePassesTheSchema) { ExpectAllValid(Un()); }

TEST(UnSc, AnIndividualWithAllHisDetails) {
  const Parsed& p = Un();
  const EntityRecord& e = p.Get("unsc-TAi.005");
  EXPECT_EQ(e.schema, "Person");
  EXPECT_EQ(e.line, 4);
  auto names = Values(e, "name");
  EXPECT_TRUE(Contains(names, "MUHAMMAD TAHER ANWARI"));
  EXPECT_TRUE(Contains(names, "محمد طاهر أنوري"));
  EXPECT_TRUE(Contains(Values(e, "alias"), "Mohammad Taher Anwari"));
  EXPECT_EQ(Values(e, "weakAlias"), std::vector<std::string>{"Haji Mudir"});
  EXPECT_EQ(Normalised(e, "birthDate"), std::set<std::string>{"1961"});
  EXPECT_EQ(Values(e, "birthPlace"), std::vector<std::string>{"Zurmat District, Paktia Province, Afghanistan"});
  EXPECT_EQ(Normalised(e, "birthCountry"), std::set<std::string>{"af"});
  EXPECT_EQ(Normalised(e, "nationality"), std::set<std::string>{"af"});
  EXPECT_EQ(Values(e, "title"), std::vector<std::string>{"Mullah"});
  EXPECT_TRUE(Contains(Values(e, "position"), "Minister of Finance under the Taliban regime"));
  EXPECT_TRUE(Contains(Values(e, "topics"), "sanction"));
  EXPECT_NE(Notes(e).find("Belongs to Andar tribe"), std::string::npos);

  const EntityRecord& s = p.Get("unsc-TAi.005-sanction");
  EXPECT_EQ(Values(s, "entity"), std::vector<std::string>{"unsc-TAi.005"});
  EXPECT_EQ(Values(s, "authority"), std::vector<std::string>{"United Nations Security Council"});
  EXPECT_EQ(Values(s, "program"), std::vector<std::string>{"Taliban"});
  EXPECT_EQ(Normalised(s, "listingDate"), std::set<std::string>{"2001-02-23"});
  EXPECT_EQ(Values(s, "unscId"), std::vector<std::string>{"TAi.005"});
}

TEST(UnSc, BirthYearRangesAndZonedListingDates) {
  const Parsed& p = Un();
  EXPECT_EQ(Normalised(p.Get("unsc-TAi.023"), "birthDate"),
            (std::set<std::string>{"1963", "1964", "1965", "1966", "1967", "1968"}));
  // LISTED_ON 2015-03-27-04:00
  EXPECT_EQ(Normalised(p.Get("unsc-TAe.014-sanction"), "listingDate"), std::set<std::string>{"2015-03-27"});
  // Reference numbers padded with spaces ("KPe.023 ") make clean ids.
  EXPECT_EQ(p.Get("unsc-KPe.023").schema, "Organization");
}

TEST(UnSc, DocumentsAliasesAndQuirks) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>JOHN</FIRST_NAME>
      <SECOND_NAME>DOE</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <LISTED_ON>2001-10-06</LISTED_ON>
      <NATIONALITY><VALUE>na</VALUE><VALUE>Atlantis</VALUE><VALUE>Russian Federation</VALUE></NATIONALITY>
      <GENDER>Male</GENDER>
      <INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>JOHN OLD</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>JD</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-05-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>P 123</NUMBER>
        <ISSUING_COUNTRY>Russian Federation</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT><NUMBER>ID-9</NUMBER></INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_ADDRESS><CITY>Moscow</CITY><COUNTRY>Russian Federation</COUNTRY></INDIVIDUAL_ADDRESS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>ACME FRONT</FIRST_NAME>
      <REFERENCE_NUMBER>QDe.999</REFERENCE_NUMBER>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <LISTED_ON>2002-01-01</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>AF</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";
  Parsed p = ParseText(dossier::ingest::ReadUnSc, xml, "un.xml");
  ASSERT_EQ(p.records.size(), 4u);
  ExpectAllValid(p);
  const EntityRecord& doe = p.Get("unsc-1");  // no REFERENCE_NUMBER: the DATAID
  EXPECT_EQ(doe.line, 4);
  EXPECT_EQ(Values(doe, "previousName"), std::vector<std::string>{"JOHN OLD"});
  EXPECT_EQ(Values(doe, "alias"), std::vector<std::string>{"JD"});
  EXPECT_EQ(Normalised(doe, "nationality"), std::set<std::string>{"ru"});  // "na" is not Namibia
  EXPECT_NE(Notes(doe).find("NATIONALITY: Atlantis"), std::string::npos) << Notes(doe);
  EXPECT_EQ(Values(doe, "passportNumber"), std::vector<std::string>{"P 123"});
  EXPECT_EQ(Values(doe, "idNumber"), std::vector<std::string>{"ID-9"});
  EXPECT_EQ(Normalised(doe, "birthDate"), std::set<std::string>{"1970-05-01"});
  EXPECT_EQ(Normalised(doe, "gender"), std::set<std::string>{"male"});
  EXPECT_EQ(Values(doe, "address"), std::vector<std::string>{"Moscow, Russian Federation"});
  EXPECT_EQ(Normalised(doe, "country"), std::set<std::string>{"ru"});
  EXPECT_TRUE(Values(p.Get("unsc-1-sanction"), "unscId").empty());

  const EntityRecord& acme = p.Get("unsc-QDe.999");
  EXPECT_EQ(acme.schema, "Organization");
  EXPECT_EQ(Values(acme, "weakAlias"), std::vector<std::string>{"AF"});
}

TEST(UnSc, MalformedInputThrowsNamingFileAndLine) {
  std::string text = dossier::testing::ReadFile(dossier::testing::SharedData("sanctions/un_sc/consolidated.xml"));
  std::string truncated = text.substr(0, 5000);
  long lines = std::count(truncated.begin(), truncated.end(), '\n') + 1;
  ExpectIngestError([&] { ParseText(dossier::ingest::ReadUnSc, truncated, "un.xml"); },
                    "un.xml:" + std::to_string(lines));
  ExpectIngestError([] { ParseText(dossier::ingest::ReadUnSc, "<A>\n<B></A>\n", "bad.xml"); }, "bad.xml:2");
  ExpectIngestError([] { ParseText(dossier::ingest::ReadUnSc, "<OTHER/>\n", "other.xml"); }, "other.xml:1");
  ExpectIngestError(
      [] {
        ParseText(dossier::ingest::ReadUnSc,
                  "<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</FIRST_NAME></INDIVIDUAL>"
                  "</INDIVIDUALS></CONSOLIDATED_LIST>",
                  "noref.xml");
      },
      "noref.xml:2", "REFERENCE_NUMBER");
}

}  // namespace
