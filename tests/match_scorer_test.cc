// The scorer layer of src/match: MatchRecord building, features, the dossier-lr-v1
// scorer and its explanations, and the labelled-pair evaluation behind eval-pairs.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "match/features.h"
#include "match/match_record.h"
#include "match/name_similarity.h"
#include "match/pair_eval.h"
#include "match/scorer.h"

using namespace dossier::match;

namespace {

MatchRecord Rec(const std::string& schema, PropertyMap props) { return BuildMatchRecord(schema, props); }

MatchRecord Person(const std::string& name, PropertyMap more = {}) {
  more["name"].push_back(name);
  return Rec("Person", more);
}

const FeatureValue& F(const FeatureVector& v, Feature f) { return v[static_cast<std::size_t>(f)]; }

double S(const MatchRecord& a, const MatchRecord& b) { return Scorer::Default().Score(a, b).score; }

// ---- MatchRecord ------------------------------------------------------------------

TEST(MatchRecord, NormalisesEveryKindOfValue) {
  const MatchRecord r = Rec("Person", {{"name", {"SECHIN, Igor Ivanovich", "  "}},
                                       {"alias", {"Igor Ivanovich Sechin"}},  // same folded tokens: kept once
                                       {"weakAlias", {"Igor the Terrible"}},
                                       {"birthDate", {"07 Sep 1960", "1960-09-07", "bogus"}},
                                       {"nationality", {"Russia", "RU"}},
                                       {"gender", {"M"}},
                                       {"passportNumber", {"ab 12-345"}},
                                       {"innCode", {"7707 0838 93"}},
                                       {"imoNumber", {"IMO 9123456"}},
                                       {"postalCode", {"sw1a 1aa"}},
                                       {"email", {" Igor@Rosneft.RU "}}});
  ASSERT_EQ(r.names.size(), 2u);
  EXPECT_FALSE(r.names[0].weak);
  EXPECT_TRUE(r.names[1].weak);
  EXPECT_EQ(r.birth_dates, std::vector<std::string>{"1960-09-07"});
  EXPECT_EQ(r.countries, std::vector<std::string>{"ru"});
  EXPECT_EQ(r.gender, "male");
  ASSERT_EQ(r.identifiers.size(), 3u);
  EXPECT_EQ(r.identifiers[0].kind, IdentifierKind::kPassport);
  EXPECT_EQ(r.identifiers[0].value, "AB12345");
  EXPECT_EQ(r.identifiers[1].kind, IdentifierKind::kTax);
  EXPECT_EQ(r.identifiers[1].value, "7707083893");
  EXPECT_EQ(r.identifiers[2].kind, IdentifierKind::kImo);
  EXPECT_EQ(r.identifiers[2].value, "9123456");
  EXPECT_EQ(r.postcodes, std::vector<std::string>{"SW1A1AA"});
  EXPECT_EQ(r.emails, std::vector<std::string>{"igor@rosneft.ru"});
  EXPECT_EQ(r.family, SchemaFamily::kPerson);
}

TEST(MatchRecord, ComposesNamePartsSurnameFirst) {
  const MatchRecord r = Rec("Person", {{"firstName", {"Igor"}}, {"middleName", {"Ivanovich"}}, {"lastName", {"Sechin"}}});
  ASSERT_EQ(r.names.size(), 1u);
  bool surname = false;
  for (const auto& t : r.names[0].tokens) surname |= t.text == "sechin" && t.role == NameToken::kSurname;
  EXPECT_TRUE(surname);
}

TEST(MatchRecord, KeepsIsoShapedDatesWithoutCalendarCheck) {
  // FEBRL's typos make impossible dates; they still compare digit by digit.
  EXPECT_EQ(Rec("Person", {{"birthDate", {"1908-12-90"}}}).birth_dates, std::vector<std::string>{"1908-12-90"});
}

TEST(MatchRecord, NeverThrowsOnGarbage) {
  const std::string junk("\xff\xfe\x00\x01 ,,, \xc3", 10);
  EXPECT_NO_THROW(Rec("", {{"name", {junk}}, {"birthDate", {junk}}, {"country", {junk}}, {"idNumber", {junk}}}));
}

// ---- features -----------------------------------------------------------------------

TEST(Features, CrossScriptNameWithPatronymicExplained) {
  const auto f = CompareRecords(Person("Игорь Сечин"), Person("SECHIN, Igor Ivanovich"));
  EXPECT_GT(F(f, Feature::kNameMatch).score, 0.8);
  EXPECT_LT(F(f, Feature::kNameMatch).score, 1.0);
  EXPECT_NE(F(f, Feature::kNameMatch).detail.find("ivanovich (patronymic)"), std::string::npos)
      << F(f, Feature::kNameMatch).detail;
}

TEST(Features, NameSimilarityOrdersVariants) {
  const MatchRecord q = Person("Muammar Gaddafi");
  const double exact = F(CompareRecords(q, Person("GADDAFI, Muammar")), Feature::kNameMatch).score;
  const double variant = F(CompareRecords(q, Person("Moammar Qadhafi")), Feature::kNameMatch).score;
  const double other = F(CompareRecords(q, Person("Muammar Jones")), Feature::kNameMatch).score;
  EXPECT_EQ(exact, 1.0);
  EXPECT_GT(exact, variant);
  EXPECT_GT(variant, other);
}

TEST(Features, DifferentGivenNamesCostMoreThanAMissingOne) {
  const MatchRecord q = Person("Ziya Mammadov");
  const double missing = F(CompareRecords(q, Person("Mammadov")), Feature::kNameMatch).score;
  const double different = F(CompareRecords(q, Person("Anar Mammadov")), Feature::kNameMatch).score;
  EXPECT_GT(missing, different);
}

TEST(Features, SplitDifferentlyIsExact) {
  const auto f = CompareRecords(Rec("Company", {{"name", {"Exxon Mobil Corporation"}}}),
                                Rec("Company", {{"name", {"ExxonMobil Corp."}}}));
  EXPECT_TRUE(F(f, Feature::kNameExact).known);
}

// One edit in the letters of a name as written, even where it breaks a legal form or
// a short token, is a typo: closer than a name that only shares a part.
TEST(Features, OneTypoAsWrittenIsClose) {
  const MatchRecord q = Rec("Thing", {{"name", {"LIMITED IABILITY COMPANY ELEM GROUP"}}});
  const auto f = CompareRecords(q, Rec("Company", {{"name", {"LIMITED LIABILITY COMPANY ELEM GROUP"}}}));
  EXPECT_GT(F(f, Feature::kNameMatch).score, 0.95);
  EXPECT_NE(F(f, Feature::kNameMatch).detail.find("typo"), std::string::npos) << F(f, Feature::kNameMatch).detail;
  EXPECT_FALSE(F(f, Feature::kNameExact).known);
  const MatchRecord abu = Rec("Thing", {{"name", {"AjU OMRAN"}}});
  EXPECT_GT(S(abu, Person("ABU OMRAN")), S(abu, Person("OMAR")));
  // An alias with the tokens of the primary name but other letters still counts.
  const MatchRecord alkon = Rec("Company", {{"name", {"OOO ALKON"}}, {"alias", {"LIMITED LIABILITY COMPANY ALKON"}}});
  EXPECT_GT(F(CompareRecords(Rec("Thing", {{"name", {"LMIITED LIABILITY COMPANY ALKON"}}}), alkon), Feature::kNameMatch).score,
            0.95);
}

TEST(Features, TypoNeverChangesDigitsInitialsOrNumerals) {
  auto name_score = [](const MatchRecord& a, const MatchRecord& b) { return F(CompareRecords(a, b), Feature::kNameMatch).score; };
  EXPECT_LT(name_score(Person("Michael T. Flynn"), Person("Michael G. Flynn")), 0.95);
  const MatchRecord v = Rec("Vessel", {{"name", {"SEA STAR II"}}});
  EXPECT_LT(name_score(v, Rec("Vessel", {{"name", {"SEA STAR III"}}})), 0.95);
  EXPECT_LT(name_score(Rec("Vessel", {{"name", {"LONG XING 610"}}}), Rec("Vessel", {{"name", {"LONG XING 601"}}})), 0.95);
  // Too short to tell a typo from another acronym.
  EXPECT_LT(name_score(Rec("Organization", {{"name", {"ETA"}}}), Rec("Organization", {{"name", {"EDA"}}})), 0.95);
}

TEST(Features, NearestNumberRanksFirstButBelowTheSameNumber) {
  auto name_score = [](const std::string& a, const std::string& b) {
    return F(CompareRecords(Rec("Vessel", {{"name", {a}}}), Rec("Vessel", {{"name", {b}}})), Feature::kNameMatch).score;
  };
  // "x877" is one typo from 7877 and far from 7005: the list's 7877 comes first.
  const double near = name_score("FU YUAN YU x877", "FU YUAN YU 7877");
  const double far = name_score("FU YUAN YU x877", "FU YUAN YU 7005");
  EXPECT_GT(near, far);
  EXPECT_LT(near, name_score("FU YUAN YU 7877", "FU YUAN YU 7877"));
  EXPECT_GT(name_score("FU YUAN YU 6848", "FU YUAN YU 8648"), name_score("FU YUAN YU 6848", "FU YUAN YU 005"));
  // A letter typo beside a number keeps the number: ship 2 is ship 2.
  EXPECT_GT(name_score("VAFLAJR2", "VALFAJR2"), name_score("VAFLAJR2", "VALFAJR3"));
  EXPECT_GT(name_score("VAFLAJR2", "VALFAJR2"), 0.5);
}

TEST(Features, BirthDateRelationsAreExclusive) {
  auto relation = [](const std::string& a, const std::string& b) {
    const auto f = CompareRecords(Person("x y", {{"birthDate", {a}}}), Person("x y", {{"birthDate", {b}}}));
    int set = 0;
    Feature which = Feature::kCount;
    for (Feature d : {Feature::kBirthDateExact, Feature::kBirthDateYearMonth, Feature::kBirthDateTypo,
                      Feature::kBirthDateYear, Feature::kBirthDateWithinYear, Feature::kBirthDateConflict})
      if (F(f, d).known) ++set, which = d;
    EXPECT_EQ(set, 1) << a << " " << b;
    return which;
  };
  EXPECT_EQ(relation("1960-09-07", "1960-09-07"), Feature::kBirthDateExact);
  EXPECT_EQ(relation("1960-09-07", "1960-09"), Feature::kBirthDateYearMonth);
  EXPECT_EQ(relation("1908-12-09", "1908-12-90"), Feature::kBirthDateYearMonth);  // closest relation wins
  EXPECT_EQ(relation("1908-12-09", "1980-12-09"), Feature::kBirthDateTypo);
  EXPECT_EQ(relation("1951-03-14", "1957-03-14"), Feature::kBirthDateTypo);
  EXPECT_EQ(relation("1960-07-09", "1960-09-07"), Feature::kBirthDateTypo);  // day/month swapped
  EXPECT_EQ(relation("1960", "1960-09-07"), Feature::kBirthDateYear);
  EXPECT_EQ(relation("1960-01-01", "1961-05-05"), Feature::kBirthDateWithinYear);
  EXPECT_EQ(relation("1924-06-12", "1946-07-06"), Feature::kBirthDateConflict);
  const auto none = CompareRecords(Person("x y"), Person("x y", {{"birthDate", {"1960"}}}));
  EXPECT_FALSE(F(none, Feature::kBirthDateConflict).known);
  EXPECT_EQ(F(none, Feature::kBirthDateConflict).value, 0.0);
}

TEST(Features, IdentifiersMatchAcrossGenericAndSpecificKinds) {
  const auto f = CompareRecords(Person("a b", {{"passportNumber", {"A1234567"}}}),
                                Person("a b", {{"idNumber", {"a 123-4567"}}}));
  EXPECT_TRUE(F(f, Feature::kPassportMatch).known);
  EXPECT_FALSE(F(f, Feature::kPassportConflict).known);
  const auto g = CompareRecords(Person("a b", {{"passportNumber", {"A1234567"}}}),
                                Person("a b", {{"passportNumber", {"B7654321"}}}));
  EXPECT_TRUE(F(g, Feature::kPassportConflict).known);
}

TEST(Features, OneTypoInAnIdIsNearButNeverForImo) {
  const auto f = CompareRecords(Person("a b", {{"idNumber", {"6988048"}}}), Person("a b", {{"idNumber", {"6988043"}}}));
  EXPECT_TRUE(F(f, Feature::kIdNear).known);
  EXPECT_FALSE(F(f, Feature::kIdConflict).known);
  const auto v = CompareRecords(Rec("Vessel", {{"name", {"Ocean"}}, {"imoNumber", {"9000001"}}}),
                                Rec("Vessel", {{"name", {"Ocean"}}, {"imoNumber", {"9000002"}}}));
  EXPECT_FALSE(F(v, Feature::kIdNear).known);
  EXPECT_TRUE(F(v, Feature::kImoConflict).known);
}

TEST(Features, FeatureNamesRoundTrip) {
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    const auto f = static_cast<Feature>(i);
    EXPECT_EQ(FeatureByName(FeatureName(f)), f);
  }
  EXPECT_EQ(FeatureByName("nonsense"), Feature::kCount);
}

// ---- scorer -------------------------------------------------------------------------

TEST(Scorer, IsNamedAndVersioned) { EXPECT_EQ(Scorer::Default().algorithm(), "dossier-lr-v1"); }

TEST(Scorer, BareExactNameDoesNotSaturate) {
  const double s = S(Person("Igor Sechin"), Person("Igor Sechin"));
  EXPECT_GE(s, 0.7);
  EXPECT_LE(s, Scorer::Default().name_only_ceiling() + 1e-9);
  EXPECT_LT(s, 0.8);
}

TEST(Scorer, CorroborationRaisesAboveTheNameCeiling) {
  const double bare = S(Person("Igor Sechin"), Person("SECHIN, Igor Ivanovich"));
  const double corroborated = S(Person("Igor Sechin", {{"birthDate", {"1960-09-07"}}, {"nationality", {"ru"}}}),
                                Person("SECHIN, Igor Ivanovich", {{"birthDate", {"1960-09-07"}}, {"nationality", {"Russia"}}}));
  EXPECT_GT(corroborated, bare);
  EXPECT_GT(corroborated, 0.95);
  EXPECT_LT(corroborated, 1.0);
}

TEST(Scorer, ConflictsLowerTheScore) {
  const double bare = S(Person("George Bush"), Person("George Bush"));
  EXPECT_LT(S(Person("George Bush", {{"birthDate", {"1924-06-12"}}}), Person("George Bush", {{"birthDate", {"1946-07-06"}}})),
            0.5);
  EXPECT_LT(S(Person("Ahmed Hassan", {{"passportNumber", {"A1234567"}}}),
              Person("Ahmed Hassan", {{"passportNumber", {"B7654321"}}})),
            0.5);
  EXPECT_LT(S(Person("Kim Sun", {{"gender", {"male"}}}), Person("Kim Sun", {{"gender", {"female"}}})), bare);
  EXPECT_LT(S(Person("Ivan Petrov", {{"country", {"ru"}}}), Person("Ivan Petrov", {{"country", {"bg"}}})), bare);
}

TEST(Scorer, OrdersCandidatesSensibly) {
  const MatchRecord q = Person("Ziya Mammadov", {{"nationality", {"az"}}});
  const double same = S(q, Person("Ziya Mamedov", {{"country", {"Azerbaijan"}}}));
  const double son = S(q, Person("Anar Mammadov", {{"country", {"Azerbaijan"}}}));
  const double stranger = S(q, Person("John Smith"));
  EXPECT_GT(same, son);
  EXPECT_GT(son, stranger);
  EXPECT_GE(same, Scorer::Default().default_threshold());
  EXPECT_LT(son, Scorer::Default().default_threshold());
}

TEST(Scorer, IncompatibleSchemataScoreZeroWithReason) {
  const MatchRecord person = Person("Rosneft");
  const MatchRecord company = Rec("Company", {{"name", {"Rosneft"}}});
  const MatchResult r = Scorer::Default().Score(person, company);
  EXPECT_FALSE(r.compatible);
  EXPECT_EQ(r.score, 0.0);
  EXPECT_TRUE(r.features.empty());
  EXPECT_NE(r.schema_detail.find("cannot be one entity"), std::string::npos);
  EXPECT_EQ(Scorer::Default().ScoreValue(person, company), 0.0);
  // A LegalEntity may be a person.
  EXPECT_GT(S(Rec("LegalEntity", {{"name", {"Igor Sechin"}}}), Person("Igor Sechin")), 0.5);
}

TEST(Scorer, ExplanationsAddUpAndSerialiseInYenteShape) {
  const MatchRecord q = Person("Igor Sechin", {{"birthDate", {"1960-09-07"}}});
  const MatchRecord c = Person("SECHIN, Igor Ivanovich", {{"birthDate", {"1960"}}, {"passportNumber", {"X1"}}});
  const MatchResult r = Scorer::Default().Score(q, c);
  double z = r.bias;
  bool has_name = false;
  for (const auto& f : r.features) {
    z += f.contribution;
    if (f.name == "name_match") {
      has_name = true;
      EXPECT_FALSE(f.detail.empty());
      EXPECT_DOUBLE_EQ(f.contribution, f.weight * f.value);
    }
  }
  EXPECT_TRUE(has_name);
  EXPECT_NEAR(z, r.log_odds, 1e-9);
  EXPECT_NEAR(r.score, 1.0 / (1.0 + std::exp(-r.log_odds)), 1e-12);
  EXPECT_DOUBLE_EQ(Scorer::Default().ScoreValue(q, c), r.score);

  const auto j = nlohmann::json::parse(ResultJson(r, 0.7));
  EXPECT_EQ(j["algorithm"], "dossier-lr-v1");
  EXPECT_TRUE(j["explanations"]["name_match"]["score"].is_number());
  EXPECT_TRUE(j["explanations"]["name_match"]["detail"].is_string());
  EXPECT_TRUE(j["explanations"]["birth_date_year"]["contribution"].is_number());
  EXPECT_EQ(j["match"], r.score >= 0.7);
}

TEST(Scorer, CapIsExplainedWhenItBites) {
  const MatchResult r = Scorer::Default().Score(Person("Igor Sechin"), Person("Igor Sechin"));
  bool capped = false;
  for (const auto& f : r.features) capped |= f.name == "name_only_ceiling" && f.contribution < 0;
  EXPECT_TRUE(capped);
}

TEST(Scorer, RejectsMalformedWeights) {
  EXPECT_THROW(Scorer::FromJson("{"), std::runtime_error);
  EXPECT_THROW(Scorer::FromJson(R"({"algorithm": "x", "families": {}})"), std::runtime_error);
  const std::string fam = R"({"bias": 0, "weights": {"name_match": 1}})";
  const std::string ok = R"({"algorithm": "t", "families": {"person": )" + fam + R"(, "organisation": )" + fam +
                         R"(, "vessel": )" + fam + R"(, "other": )" + fam + "}}";
  EXPECT_NO_THROW(Scorer::FromJson(ok));
  std::string bad = ok;
  bad.replace(bad.find("name_match"), 10, "name_matcj");
  EXPECT_THROW(Scorer::FromJson(bad), std::runtime_error);
}

TEST(Scorer, ScoresOnePairInMicroseconds) {
  const MatchRecord q = Person("Igor Sechin", {{"birthDate", {"1960-09-07"}}, {"nationality", {"ru"}}});
  std::vector<MatchRecord> candidates;
  for (const char* n : {"SECHIN, Igor Ivanovich", "Igor Shuvalov", "Ivan Sechenov", "Sergei Ivanov"})
    candidates.push_back(Person(n, {{"birthDate", {"1961"}}, {"alias", {"I. I. Sechin"}}}));
  const auto start = std::chrono::steady_clock::now();
  double sink = 0;
  constexpr int kRounds = 2000;
  for (int i = 0; i < kRounds; ++i)
    for (const auto& c : candidates) sink += Scorer::Default().ScoreValue(q, c);
  const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() /
                    (kRounds * candidates.size());
  EXPECT_GT(sink, 0);
  EXPECT_LT(us, 200.0);  // generous for sanitizer builds; about 5-10 us optimised
}

// ---- pair evaluation ------------------------------------------------------------------

TEST(PairEval, ReadsRowsAndReportsMalformedOnesByLine) {
  std::istringstream in(
      "schema,name1,name2,is_match\n"
      "Person,\"SECHIN, Igor\",Игорь Сечин,1\n"
      "Person,a,b\n"
      "Person,a,b,maybe\n"
      ",a,b,1\n"
      "# a comment\n"
      "Person,\"unterminated,b,1\n"
      "Person,George Bush,George Bush,0,birthDate=1924,birthDate=1946\n"
      "Person,a,b,1,novalue,\n"
      "Company,Rosneft,Роснефть,TRUE\n");
  const PairFile f = ReadLabelledPairs(in);
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].name1, "SECHIN, Igor");
  EXPECT_EQ(f.rows[0].line, 2u);
  EXPECT_EQ(f.rows[1].extra1.at("birthDate"), std::vector<std::string>{"1924"});
  EXPECT_TRUE(f.rows[2].is_match);
  ASSERT_EQ(f.errors.size(), 5u);
  EXPECT_EQ(f.errors[0].line, 3u);
  EXPECT_EQ(f.errors[1].line, 4u);
  EXPECT_EQ(f.errors[2].line, 5u);
  EXPECT_EQ(f.errors[3].line, 7u);
  EXPECT_EQ(f.errors[4].line, 9u);
}

TEST(PairEval, MetricsAndBestThreshold) {
  const std::vector<ScoredLabel> s = {{0.9, true}, {0.8, true}, {0.75, false}, {0.6, true}, {0.2, false}};
  const Metrics at = MetricsAt(s, 0.7);
  EXPECT_EQ(at.tp, 2u);
  EXPECT_EQ(at.fp, 1u);
  EXPECT_EQ(at.fn, 1u);
  EXPECT_EQ(at.tn, 1u);
  EXPECT_DOUBLE_EQ(at.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(at.recall, 2.0 / 3);
  EXPECT_DOUBLE_EQ(at.accuracy, 3.0 / 5);
  const Metrics best = BestThreshold(s);
  EXPECT_DOUBLE_EQ(best.threshold, 0.6);
  EXPECT_DOUBLE_EQ(best.recall, 1.0);
  EXPECT_DOUBLE_EQ(best.f1, 2 * 0.75 / 1.75);
  EXPECT_EQ(BestThreshold({}).f1, 0.0);
}

TEST(PairEval, EvaluatesPerSchema) {
  std::istringstream in(
      "Person,Igor Sechin,\"SECHIN, Igor Ivanovich\",1\n"
      "Person,Ziya Mammadov,Anar Mammadov,0\n"
      "Company,Gazprom Export LLC,ООО «Газпром экспорт»,1\n");
  const PairFile f = ReadLabelledPairs(in);
  ASSERT_TRUE(f.errors.empty());
  const PairEvalReport r = EvaluatePairs(f.rows, Scorer::Default(), 0.7);
  EXPECT_EQ(r.algorithm, "dossier-lr-v1");
  ASSERT_EQ(r.per_schema.size(), 2u);
  EXPECT_EQ(r.per_schema[0].schema, "Company");
  EXPECT_EQ(r.per_schema[1].schema, "Person");
  EXPECT_EQ(r.overall.pairs, 3u);
  EXPECT_DOUBLE_EQ(r.overall.at_threshold.f1, 1.0);
}

}  // namespace
