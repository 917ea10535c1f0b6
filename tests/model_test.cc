// The model: schema as data, value normalisation, markings, grading, ids.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/country.h"
#include "model/date.h"
#include "model/grading.h"
#include "model/marking.h"
#include "model/schema.h"
#include "model/statement.h"
#include "model/value.h"
#include "text/fold.h"
#include "test_util.h"

using namespace dossier;
using model::Marking;

TEST(Schema, DefaultHasTheSchemataTheIssueNames) {
  const auto& m = model::Model::Default();
  for (const char* name : {"Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Address",
                           "Position", "Vessel", "Ownership", "Directorship", "Membership", "Employment",
                           "Representation", "Family", "Associate", "Occupancy", "Payment", "UnknownLink", "Sanction",
                           "Event"})
    EXPECT_NE(m.Find(name), nullptr) << name;
}

TEST(Schema, InheritsPropertiesAndKnowsEdges) {
  const auto& m = model::Model::Default();
  const auto* company = m.Find("Company");
  ASSERT_TRUE(company->IsA("LegalEntity"));
  ASSERT_TRUE(company->IsA("Thing"));
  EXPECT_EQ(company->Find("name")->type, model::PropertyType::kName);
  EXPECT_EQ(company->Find("jurisdiction")->type, model::PropertyType::kCountry);
  EXPECT_EQ(m.Find("Person")->Find("birthDate")->type, model::PropertyType::kDate);
  const auto& edge = m.Find("Ownership")->edge();
  ASSERT_TRUE(edge);
  EXPECT_EQ(edge->source, "owner");
  EXPECT_EQ(edge->target, "asset");
  EXPECT_FALSE(m.Find("Family")->edge()->directed);
  EXPECT_FALSE(m.Find("Sanction")->edge());
}

TEST(Schema, CommonSchemaNeverMixesPersonsAndCompanies) {
  const auto& m = model::Model::Default();
  EXPECT_EQ(m.Common("Organization", "Company")->name(), "Company");
  EXPECT_EQ(m.Common("LegalEntity", "Person")->name(), "Person");
  EXPECT_EQ(m.Common("Person", "Company"), nullptr);
}

TEST(Schema, IsDataAndRejectsBrokenDefinitions) {
  auto m = model::Model::FromJson(R"({"schemata": {"Thing": {"properties": {"name": "name"}},
      "Boat": {"extends": ["Thing"], "properties": {"hull": "string"}}}})");
  EXPECT_TRUE(m.Find("Boat")->Find("name"));
  EXPECT_THROW(model::Model::FromJson(R"({"schemata": {"A": {"extends": ["Nope"]}}})"), std::runtime_error);
  EXPECT_THROW(model::Model::FromJson(R"({"schemata": {"A": {"properties": {"x": "colour"}}}})"), std::runtime_error);
  EXPECT_THROW(model::Model::FromJson(R"({"schemata": {"A": {"extends": ["B"]}, "B": {"extends": ["A"]}}})"),
               std::runtime_error);
}

TEST(Values, DatesBecomeIsoPrefixes) {
  EXPECT_EQ(model::NormaliseDate("1960-09-07"), "1960-09-07");
  EXPECT_EQ(model::NormaliseDate("07 Sep 1960"), "1960-09-07");
  EXPECT_EQ(model::NormaliseDate("7 September 1960"), "1960-09-07");
  EXPECT_EQ(model::NormaliseDate("Sep 1960"), "1960-09");
  EXPECT_EQ(model::NormaliseDate("circa 1960"), "1960");
  EXPECT_EQ(model::NormaliseDate("07.09.1960"), "1960-09-07");
  EXPECT_EQ(model::NormaliseDate("2017-05-11T10:20:30Z"), "2017-05-11T10:20:30");
  EXPECT_FALSE(model::NormaliseDate("31 Feb 1960"));
  EXPECT_FALSE(model::NormaliseDate("1960-13"));
  EXPECT_FALSE(model::NormaliseDate("yesterday"));
}

TEST(Values, CountriesBecomeLowerCaseAlpha2) {
  for (const char* s : {"Russia", "RU", "ru", "RUS", "Russian Federation", "russian"})
    EXPECT_EQ(model::NormaliseCountry(s), "ru") << s;
  EXPECT_EQ(model::NormaliseCountry("Iran (Islamic Republic of)"), "ir");
  EXPECT_EQ(model::NormaliseCountry("Deutschland"), "de");
  EXPECT_EQ(model::NormaliseCountry("United States"), "us");
  EXPECT_FALSE(model::NormaliseCountry("Atlantis"));
  EXPECT_EQ(model::CountryAlpha3("de"), "DEU");
}

TEST(Values, NormaliseByTypeExplainsRejections) {
  auto bad = model::Normalise(model::PropertyType::kDate, "soon");
  EXPECT_FALSE(bad.ok);
  EXPECT_NE(bad.reason.find("soon"), std::string::npos);
  EXPECT_EQ(model::Normalise(model::PropertyType::kName, "  Igor   Sechin ").value, "Igor Sechin");
  EXPECT_EQ(model::Normalise(model::PropertyType::kGender, "Male").value, "male");
  EXPECT_FALSE(model::Normalise(model::PropertyType::kTopic, "sanctioned-ish").ok);
  EXPECT_EQ(model::Normalise(model::PropertyType::kTopic, "Sanction").value, "sanction");
  EXPECT_FALSE(model::Normalise(model::PropertyType::kEntity, "two words").ok);
}

TEST(Text, FoldsScriptsCaseAndAccents) {
  EXPECT_EQ(text::Fold("Сечин, Игорь"), "sechin igor");
  EXPECT_EQ(text::Fold("José  E.B. ANTONIO"), "jose e b antonio");
  EXPECT_EQ(text::NameKey("SECHIN, Igor Ivanovich"), text::NameKey("Igor Sechin"));
  EXPECT_EQ(text::NameKey("Игорь Иванович Сечин"), "igor sechin");
  EXPECT_NE(text::NameKey("Ivan Sechin"), text::NameKey("Igor Sechin"));
}

// Fold() transliterates word by word through a cache; that must give what the
// whole text through ICU gives, on real names in many scripts: the UN list's
// original-script names, and names whose letters change with their neighbours
// (word-initial Е and Ё, Han syllables, Arabic articles).
TEST(Text, WordsFoldAsTheWhole) {
  std::vector<std::string> names = {"Игорь Иванович Сечин", "Елена Ельцина", "Алексей Ёлкин", "Объедков Юрий",
                                    "Αλέξης Τσίπρας", "习近平", "محمد بن سلمان", "Ольга Ющенко-Їжак", "김정은",
                                    "José  E.B. ANTONIO", "Сечин, Игорь"};
  std::string xml = dossier::testing::ReadFile(dossier::testing::SharedData("sanctions/un_sc/consolidated.xml"));
  const std::string open = "<NAME_ORIGINAL_SCRIPT>", close = "</NAME_ORIGINAL_SCRIPT>";
  for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
    size_t end = xml.find(close, at);
    names.push_back(xml.substr(at + open.size(), end - at - open.size()));
  }
  ASSERT_GT(names.size(), 300u);
  for (const auto& name : names) EXPECT_EQ(text::Fold(name), text::FoldUncached(name)) << name;
  // Again, now from the cache.
  for (const auto& name : names) EXPECT_EQ(text::Fold(name), text::FoldUncached(name)) << name;
}

RC_GTEST_PROP(Text, FoldIsIdempotent, (const std::string& s)) {
  std::string once = text::Fold(s);
  RC_ASSERT(text::Fold(once) == once);
  for (char c : once) RC_ASSERT((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
}

TEST(Markings, ParseAndPrintBanners) {
  auto m = Marking::Parse("SECRET//REL TO GBR, DEU//ORCON");
  EXPECT_EQ(m.level, 3);
  EXPECT_EQ(m.rel_to, (std::vector<std::string>{"DEU", "GBR"}));
  EXPECT_TRUE(m.orcon);
  EXPECT_EQ(m.Print(), "SECRET//REL TO DEU, GBR//ORCON");
  EXPECT_EQ(Marking::Parse("ts//noforn").Print(), "TOP SECRET//NOFORN");
  EXPECT_EQ(Marking::Parse("secret//rel to gbr").Print(), "SECRET//REL TO GBR");
  EXPECT_EQ(Marking::Parse("UNCLASSIFIED").Print(), "UNCLASSIFIED");
  EXPECT_EQ(Marking::Parse("C//SOURCE PROTECTED//ORIG WESTINT").originator, "WESTINT");
}

TEST(Markings, InvalidBannersAreErrorsThatNameThem) {
  for (const char* bad : {"", "SEKRET", "SECRET//REL TO", "SECRET//NOFORN//REL TO DEU",
                          "SECRET//ORCON//ORCON", "SECRET//EYES ONLY", "SECRET////ORCON"}) {
    try {
      Marking::Parse(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const model::MarkingError& e) {
      EXPECT_NE(std::string(e.what()).find("'" + std::string(bad) + "'"), std::string::npos) << e.what();
    }
  }
}

TEST(Markings, ConfigurableLevels) {
  model::ClassificationScheme tlp({"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:RED"});
  auto m = Marking::Parse("TLP:AMBER//REL TO EST", tlp);
  EXPECT_EQ(m.level, 2);
  EXPECT_EQ(m.Print(tlp), "TLP:AMBER//REL TO EST");
  EXPECT_THROW(Marking::Parse("SECRET", tlp), model::MarkingError);
}

TEST(Markings, TrafficLightProtocol) {
  const auto amber = Marking::Parse("tlp:amber//ORIG WESTINT");
  EXPECT_EQ(amber.tlp, model::Tlp::kAmber);
  EXPECT_EQ(amber.level, 0);
  EXPECT_EQ(amber.Print(), "TLP:AMBER//ORIG WESTINT");
  EXPECT_TRUE(amber.controlled());
  EXPECT_FALSE(Marking::Parse("TLP:GREEN").controlled());
  EXPECT_EQ(Marking::Parse("TLP:WHITE").Print(), "TLP:CLEAR");
  EXPECT_EQ(Marking::Parse("TLP:AMBER+STRICT").tlp, model::Tlp::kAmberStrict);
  EXPECT_EQ(model::TlpStixId(model::Tlp::kRed), "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
  // Mixed with a classification: the product carries both, in the classification's form.
  const auto mixed = Marking::Highest(amber, Marking::Parse("CONFIDENTIAL//REL TO EST"));
  EXPECT_EQ(mixed.Print(), "CONFIDENTIAL//REL TO EST//TLP:AMBER//ORIG WESTINT");
  EXPECT_EQ(Marking::Parse(mixed.Print()), mixed);
  EXPECT_EQ(Marking::Highest(amber, Marking::Parse("TLP:RED")).Print(), "TLP:RED//ORIG WESTINT");
  for (const char* bad : {"TLP:PURPLE", "TLP:AMBER//REL TO EST", "TLP:RED//ORCON", "SECRET//TLP:AMBER//TLP:RED"})
    EXPECT_THROW(Marking::Parse(bad), model::MarkingError) << bad;
}

TEST(Markings, Compartments) {
  const auto m = Marking::Parse("TOP SECRET//zeus/ATHENA//NOFORN//ORIG WESTINT");
  EXPECT_EQ(m.compartments, (std::vector<std::string>{"ATHENA", "ZEUS"}));
  EXPECT_EQ(m.Print(), "TOP SECRET//ATHENA/ZEUS//NOFORN//ORIG WESTINT");
  EXPECT_TRUE(Marking::Parse("UNCLASSIFIED//ZEUS").controlled());
  const auto h = Marking::Highest(Marking::Parse("SECRET//ZEUS"), Marking::Parse("CONFIDENTIAL//HERMES//REL TO EST"));
  EXPECT_EQ(h.Print(), "SECRET//HERMES/ZEUS//REL TO EST");
  EXPECT_THROW(Marking::Parse("SECRET//ZEUS//ATHENA"), model::MarkingError);  // twice
  EXPECT_THROW(Marking::Parse("TLP:AMBER//ZEUS"), model::MarkingError);
  // A keyword is never a compartment (found by marking_fuzz).
  EXPECT_THROW(Marking::Parse("CONFIDENTIAL//SRCPROT/SRCPROT"), model::MarkingError);
  EXPECT_THROW(Marking::Parse("SECRET//ZEUS/ORCON"), model::MarkingError);
}

TEST(Markings, HighestOfInputs) {
  auto a = Marking::Parse("CONFIDENTIAL//REL TO DEU, EST, GBR");
  auto b = Marking::Parse("SECRET//REL TO DEU, GBR//ORCON");
  auto h = Marking::Highest(a, b);
  EXPECT_EQ(h.Print(), "SECRET//REL TO DEU, GBR//ORCON");
  EXPECT_EQ(Marking::Highest(Marking::Parse("UNCLASSIFIED"), a).Print(), a.Print());
  // A product of two services names both, and stays theirs together.
  auto mixed = Marking::Highest(Marking::Parse("SECRET//REL TO DEU, EST//ORIG BALTSEC"),
                                Marking::Parse("CONFIDENTIAL//REL TO DEU, GBR//ORIG WESTINT"));
  EXPECT_EQ(mixed.Print(), "SECRET//REL TO DEU//ORIG BALTSEC, WESTINT");
  EXPECT_EQ(Marking::Parse(mixed.Print()), mixed);
  EXPECT_EQ(Marking::Highest(mixed, Marking::Parse("UNCLASSIFIED//ORIG WESTINT")).originator, "BALTSEC, WESTINT");
}

namespace {
rc::Gen<Marking> ArbitraryMarking() {
  return rc::gen::exec([] {
    Marking m;
    m.level = *rc::gen::inRange(0, 5);
    if (*rc::gen::arbitrary<bool>()) {
      m.noforn = true;
    } else {
      auto codes = *rc::gen::container<std::set<std::string>>(
          rc::gen::element<std::string>("DEU", "EST", "GBR", "USA", "WESTINT", "BALTSEC"));
      m.rel_to.assign(codes.begin(), codes.end());
    }
    m.orcon = *rc::gen::arbitrary<bool>();
    m.source_protected = *rc::gen::arbitrary<bool>();
    m.tlp = static_cast<model::Tlp>(*rc::gen::inRange(0, 6));
    for (const char* c : {"ATHENA", "HERMES", "ZEUS"})
      if (*rc::gen::arbitrary<bool>()) m.compartments.push_back(c);
    if (*rc::gen::arbitrary<bool>()) m.originator = *rc::gen::element<std::string>("WESTINT", "BALTSEC");
    return m;
  });
}
}  // namespace

RC_GTEST_PROP(Markings, PrintThenParseIsIdentity, ()) {
  Marking m = *ArbitraryMarking();
  RC_ASSERT(Marking::Parse(m.Print()) == m);
}

RC_GTEST_PROP(Markings, HighestIsNoLowerThanEither, ()) {
  Marking a = *ArbitraryMarking(), b = *ArbitraryMarking();
  Marking h = Marking::Highest(a, b);
  RC_ASSERT(h.level >= a.level && h.level >= b.level);
  RC_ASSERT(h.orcon == (a.orcon || b.orcon));
  RC_ASSERT(std::includes(h.compartments.begin(), h.compartments.end(), a.compartments.begin(), a.compartments.end()));
  RC_ASSERT(std::includes(h.compartments.begin(), h.compartments.end(), b.compartments.begin(), b.compartments.end()));
  for (const auto& code : h.rel_to) {
    RC_ASSERT(a.rel_to.empty() || std::count(a.rel_to.begin(), a.rel_to.end(), code) == 1);
    RC_ASSERT(b.rel_to.empty() || std::count(b.rel_to.begin(), b.rel_to.end(), code) == 1);
  }
}

TEST(Grading, LettersAndNumbers) {
  EXPECT_EQ(model::Grading('B', 2), "B2");
  EXPECT_EQ(model::ParseReliability("c"), 'C');
  EXPECT_FALSE(model::ParseReliability("G"));
  EXPECT_FALSE(model::ParseCredibility("7"));
  EXPECT_LT(model::GradingRank('A', 1), model::GradingRank('B', 2));
}

TEST(StatementIds, AreContentHashes) {
  auto k = model::StatementKey("ofac", "ofac-1", "name", "X");
  EXPECT_EQ(k, model::StatementKey("ofac", "ofac-1", "name", "X"));
  EXPECT_NE(k, model::StatementKey("ofac", "ofac-1", "name", "Y"));
  EXPECT_NE(model::StatementKey("ab", "c", "p", "v"), model::StatementKey("a", "bc", "p", "v"));
  int64_t back;
  ASSERT_TRUE(model::HexToKey(model::KeyToHex(k), &back));
  EXPECT_EQ(back, k);
  EXPECT_FALSE(model::HexToKey("xyz", &back));
}
