// The candidate index (src/match/candidate_index.h): recall on the variants a
// screening query meets, IDF down-weighting of frequent tokens, class filtering,
// incremental adds and removals, concurrent queries, and bad input.
#include "match/candidate_index.h"

#include <gtest/gtest.h>

#include "match/token_dictionary.h"

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace dossier::match {
namespace {

NormalisedName P(std::string_view s) { return NormaliseName(s, NameKind::kPerson); }
NormalisedName O(std::string_view s) { return NormaliseName(s, NameKind::kOrganisation); }

// Rank (1-based) of `entity` in the result, 0 if absent.
std::size_t RankOf(const std::vector<Candidate>& result, uint32_t entity) {
  for (std::size_t i = 0; i < result.size(); ++i)
    if (result[i].entity == entity) return i + 1;
  return 0;
}

constexpr ClassMask kPersons = MaskOf(EntityClass::kPerson);
constexpr ClassMask kOrgs = MaskOf(EntityClass::kOrganisation);

// A few known persons among a crowd that shares their common tokens.
class IndexRecallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* given[] = {"Vladimir", "Sergey", "Ivan", "John", "Mohammed", "Ahmed", "Igor", "Anna", "Maria", "Ali"};
    const char* family[] = {"Ivanov", "Petrov", "Smith", "Kennelly", "Hassan", "Saleh", "Popov", "Kuznetsov",
                            "Sokolov", "Lebedev", "Novikov", "Morozov", "Volkov", "Al-Rashid", "Brown", "Jones"};
    uint32_t id = 100;
    for (const char* g : given)
      for (const char* f : family)
        for (const char* m : {"", "Alexander ", "Peter "})
          index_.Add(id++, EntityClass::kPerson, P(std::string(g) + " " + m + f));
    index_.Add(kPutin, EntityClass::kPerson, std::vector{P("Владимир Владимирович Путин"), P("PUTIN, Vladimir")});
    index_.Add(kKennedy, EntityClass::kPerson, P("John Fitzgerald Kennedy"));
    index_.Add(kLavrov, EntityClass::kPerson, P("Sergey Viktorovich Lavrov"));
    index_.Add(kMbs, EntityClass::kPerson, P("محمد بن سلمان آل سعود"));
    index_.Add(kSechin, EntityClass::kPerson, P("Igor Ivanovich Sechin"));
    index_.Compact();
  }
  std::size_t Rank(std::string_view query, uint32_t entity, std::size_t k = 10) const {
    return RankOf(index_.Query(P(query), kPersons, k), entity);
  }
  static constexpr uint32_t kPutin = 1, kKennedy = 2, kLavrov = 3, kMbs = 4, kSechin = 5, kGurunikov = 6, kZhudolina = 7;
  CandidateIndex index_;
};

TEST_F(IndexRecallTest, ExactNameIsFirstWithFullScore) {
  auto r = index_.Query(P("Igor Ivanovich Sechin"), kPersons, 10);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].entity, kSechin);
  EXPECT_FLOAT_EQ(r[0].score, 1.0f);
  for (std::size_t i = 1; i < r.size(); ++i) EXPECT_LE(r[i].score, r[i - 1].score);
}

TEST_F(IndexRecallTest, Typos) {
  EXPECT_EQ(Rank("Igor Sehcin", kSechin), 1u);
  EXPECT_EQ(Rank("Igor Sechinn", kSechin), 1u);
  EXPECT_EQ(Rank("Sergey Lavrof", kLavrov), 1u);
  EXPECT_EQ(Rank("Jon Fitzgerld Kennedy", kKennedy), 1u);
}

TEST_F(IndexRecallTest, ReorderingAndMissingParts) {
  EXPECT_EQ(Rank("Sechin Igor", kSechin), 1u);
  EXPECT_EQ(Rank("LAVROV, Sergey", kLavrov), 1u);
  EXPECT_EQ(Rank("John Kennedy", kKennedy), 1u);  // middle name missing
  EXPECT_GE(Rank("Kennedy", kKennedy), 1u);       // surname only: among the Kennedys
}

TEST_F(IndexRecallTest, Initials) {
  EXPECT_EQ(Rank("J. F. Kennedy", kKennedy), 1u);
  EXPECT_EQ(Rank("S. V. Lavrov", kLavrov), 1u);
}

TEST_F(IndexRecallTest, TransliterationBothWays) {
  EXPECT_EQ(Rank("Vladimir Putin", kPutin), 1u);         // indexed in Cyrillic and Latin
  EXPECT_EQ(Rank("Сергей Лавров", kLavrov), 1u);         // indexed in Latin only
  EXPECT_EQ(Rank("Сергей Викторович Лавров", kLavrov), 1u);
  EXPECT_EQ(Rank("Игорь Сечин", kSechin), 1u);
  EXPECT_EQ(Rank("Sergei Lavrov", kLavrov), 1u);         // another romanisation
}

TEST_F(IndexRecallTest, ArabicSkeleton) {
  // Indexed in Arabic script ("mhmd bn slman al sewd"-like consonant skeletons).
  EXPECT_EQ(Rank("Mohammed bin Salman Al Saud", kMbs), 1u);
  EXPECT_EQ(Rank("Muhammad bin Salman", kMbs), 1u);
}

TEST_F(IndexRecallTest, GermanAndFrenchRomanisationsMeetCyrillic) {
  // Only in Cyrillic; queried in German and French spellings the normaliser's own
  // romanisation (English-like) does not use.
  index_.Add(kGurunikov, EntityClass::kPerson, P("Юрий Гуруников"));
  index_.Add(kZhudolina, EntityClass::kPerson, P("Татьяна Жудолина"));
  EXPECT_EQ(Rank("Jurij Gurunikow", kGurunikov), 1u);
  EXPECT_EQ(Rank("Iouri Gourounikov", kGurunikov), 1u);
  EXPECT_EQ(Rank("Tatjana Schudolina", kZhudolina), 1u);
}

TEST_F(IndexRecallTest, FoundTrigramsNeedNotBeProbed) {
  QueryOptions o;
  o.probe_found_trigrams = false;  // as the xref asks
  const NormalisedName q = P("Igor Ivanovich Sechin");
  auto r = index_.Query({&q, 1}, kPersons, o);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].entity, kSechin);
  const NormalisedName typo = P("Igor Sehcin");  // a token not found whole: its trigrams are walked
  EXPECT_EQ(RankOf(index_.Query({&typo, 1}, kPersons, o), kSechin), 1u);
}

TEST(IndexKeysTest, RomanisationFold) {
  EXPECT_EQ(RomanisationFold("gurunikov"), RomanisationFold("gurunikow"));
  EXPECT_EQ(RomanisationFold("zhudolina"), RomanisationFold("schudolina"));
  EXPECT_EQ(RomanisationFold("mesoshina"), RomanisationFold("mesochina"));
  EXPECT_EQ(RomanisationFold("fedorov"), RomanisationFold("fjodorow"));
  EXPECT_EQ(RomanisationFold("nadghani"), RomanisationFold("nadaghani"));
  EXPECT_NE(RomanisationFold("petrov"), RomanisationFold("popov"));
  EXPECT_EQ(RomanisationFold("al"), "");        // too short to say anything
  EXPECT_EQ(RomanisationFold("сечин"), "");     // not ASCII: the normaliser romanises first
}

TEST(IndexKeysTest, RomanisationFoldGreekAndFrench) {
  EXPECT_EQ(RomanisationFold("panayiotis"), RomanisationFold("panagiotis"));
  EXPECT_EQ(RomanisationFold("ampelas"), RomanisationFold("abelas"));
  EXPECT_EQ(RomanisationFold("dariatichina", true), RomanisationFold("daryatishina"));
  EXPECT_EQ(RomanisationFold("jukova", true), RomanisationFold("zhukova"));
}

std::vector<std::string> NearTexts(const TokenDictionary& d, std::string_view token, int max_distance) {
  std::vector<TokenDictionary::NearToken> near;
  d.Near(token, max_distance, near);
  std::vector<std::string> out;
  for (const auto& n : near) out.emplace_back(n.text);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TokenDictionaryTest, OneEditAllKindsAndTwoEditsForLongTokens) {
  TokenDictionary d;
  for (const char* t : {"hamas", "amasa", "ramas", "eta", "tariq", "smith", "abdullah", "mahmoud", "x", "12345"}) d.Add(t);
  d.Add("hamas");  // twice: once
  EXPECT_EQ(d.size(), 8u);  // "x" too short, "12345" has no letter
  EXPECT_EQ(NearTexts(d, "amas", 1), (std::vector<std::string>{"amasa", "hamas", "ramas"}));
  EXPECT_EQ(NearTexts(d, "eat", 1), (std::vector<std::string>{"eta"}));     // transposition
  EXPECT_EQ(NearTexts(d, "tarq", 1), (std::vector<std::string>{"tariq"}));  // insertion
  EXPECT_EQ(NearTexts(d, "smyth", 1), (std::vector<std::string>{"smith"}));  // substitution
  EXPECT_TRUE(NearTexts(d, "smith", 1).empty());                            // not itself
  EXPECT_TRUE(NearTexts(d, "abdulah", 1) == std::vector<std::string>{"abdullah"});
  EXPECT_TRUE(NearTexts(d, "mahmouud", 1) == std::vector<std::string>{"mahmoud"});
  // Two edits: the query two letters longer, or a substitution and an extra letter.
  EXPECT_EQ(NearTexts(d, "abdoullahh", 2), (std::vector<std::string>{"abdullah"}));
  EXPECT_EQ(NearTexts(d, "mahmouud", 2), (std::vector<std::string>{"mahmoud"}));
  EXPECT_TRUE(NearTexts(d, "mahmouud", 2) == NearTexts(d, "mahmouud", 1));
}

TEST(CandidateIndexTest, FuzzyExpansionReachesOneEditInShortTokens) {
  CandidateIndex index;
  index.Add(1, EntityClass::kOrganisation, O("HAMAS"));
  index.Add(2, EntityClass::kOrganisation, O("Harakat al-Muqawama"));
  index.Add(3, EntityClass::kOrganisation, O("Bank Saderat PLC"));
  index.Compact();
  EXPECT_EQ(RankOf(index.Query(O("AMAS"), kOrgs), 1), 1u);
  EXPECT_EQ(RankOf(index.Query(O("HAMSA"), kOrgs), 1), 1u);
  EXPECT_EQ(RankOf(index.Query(O("Bank Sadderat"), kOrgs), 3), 1u);
}

TEST(CandidateIndexTest, FuzzyExpansionNeverCreditsAnEntityWithTheTokenItself) {
  // Entity 2 has the query's token and a neighbour of it (two aliases): the
  // neighbour adds nothing, so 1 and 2 tie and the lower number comes first.
  CandidateIndex index;
  index.Add(1, EntityClass::kPerson, P("Jon Smithers"));
  std::vector<NormalisedName> two = {P("Jon Smithers"), P("John Smithers")};
  index.Add(2, EntityClass::kPerson, two);
  index.Compact();
  const auto r = index.Query(P("Jon Smithers"), kPersons);
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[0].entity, 1u);
  EXPECT_EQ(r[1].entity, 2u);
  EXPECT_FLOAT_EQ(r[0].score, r[1].score);
}

TEST(CandidateIndexTest, FrequentTokensCountForLittle) {
  CandidateIndex index;
  const char* words[] = {"Alpha", "Beta", "Gamma", "Delta", "Omega", "Sigma", "Kappa", "Theta", "Zeta", "Iota"};
  uint32_t id = 10;
  for (const char* a : words)
    for (const char* b : words)
      for (int i = 0; i < 10; ++i) index.Add(id++, EntityClass::kOrganisation, O(std::string(a) + " " + b + " Holdings LLC " + std::to_string(i)));
  index.Add(1, EntityClass::kOrganisation, O("Zubrovka Holdings LLC"));
  index.Compact();
  auto r = index.Query(O("Zubrovka LLC"), kOrgs, 5);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].entity, 1u);
  // An entity matching only the frequent words scores low.
  r = index.Query(O("Unheard Holdings LLC"), kOrgs, 5);
  ASSERT_FALSE(r.empty());
  EXPECT_LT(r[0].score, 0.2f);
}

TEST(CandidateIndexTest, ClassesFilter) {
  CandidateIndex index;
  index.Add(1, EntityClass::kPerson, P("Ivan Petrov"));
  index.Add(2, EntityClass::kOrganisation, O("Petrov Ivan LLC"));
  index.Add(3, EntityClass::kVessel, NormaliseName("IVAN PETROV", NameKind::kOther));
  auto persons = index.Query(P("Ivan Petrov"), kPersons, 10);
  ASSERT_EQ(persons.size(), 1u);
  EXPECT_EQ(persons[0].entity, 1u);
  auto legal = index.Query(P("Ivan Petrov"), QueryClassesOfSchema("LegalEntity"), 10);
  EXPECT_EQ(legal.size(), 2u);
  EXPECT_EQ(index.Query(P("Ivan Petrov"), kAllClasses, 10).size(), 3u);
  EXPECT_EQ(ClassOfSchema("Company"), EntityClass::kOrganisation);
  EXPECT_EQ(QueryClassesOfSchema("Thing"), kAllClasses);
}

TEST(CandidateIndexTest, IncrementalAddRemoveCompact) {
  CandidateIndex index;
  index.Add(5, EntityClass::kPerson, P("Ivan Petrov"));
  index.Compact();
  EXPECT_TRUE(index.Query(P("Arkady Rotenberg"), kPersons, 10).empty());
  // After queries began: a new entity, then a new alias for an old one.
  ASSERT_TRUE(index.Add(3, EntityClass::kPerson, P("Arkady Romanovich Rotenberg")));
  EXPECT_EQ(RankOf(index.Query(P("Arkady Rotenberg"), kPersons, 10), 3), 1u);
  ASSERT_TRUE(index.Add(5, EntityClass::kPerson, P("Иван Сидоров")));
  EXPECT_EQ(RankOf(index.Query(P("Ivan Sidorov"), kPersons, 10), 5), 1u);
  EXPECT_EQ(RankOf(index.Query(P("Ivan Petrov"), kPersons, 10), 5), 1u);
  EXPECT_FALSE(index.Add(5, EntityClass::kOrganisation, O("Petrov LLC")));  // class is fixed
  // Re-adding the same names changes nothing.
  const auto before = index.Stats();
  ASSERT_TRUE(index.Add(5, EntityClass::kPerson, P("Ivan Petrov")));
  EXPECT_EQ(index.Stats().postings, before.postings);
  // Removal: gone at once, purged by Compact, and the number free again.
  ASSERT_TRUE(index.Remove(3));
  EXPECT_FALSE(index.Remove(3));
  EXPECT_FALSE(index.Contains(3));
  EXPECT_EQ(RankOf(index.Query(P("Arkady Rotenberg"), kPersons, 10), 3), 0u);
  EXPECT_FALSE(index.Add(3, EntityClass::kPerson, P("Boris Rotenberg")));
  EXPECT_EQ(index.Stats().removed, 1u);
  index.Compact();
  EXPECT_EQ(index.Stats().removed, 0u);
  EXPECT_EQ(index.Stats().entities, 1u);
  EXPECT_TRUE(index.Query(P("Arkady Rotenberg"), kPersons, 10).empty());
  ASSERT_TRUE(index.Add(3, EntityClass::kPerson, P("Boris Rotenberg")));
  EXPECT_EQ(RankOf(index.Query(P("Boris Rotenberg"), kPersons, 10), 3), 1u);
  // Entities added out of order keep postings sorted (binary search relies on it).
  index.Add(1, EntityClass::kPerson, P("Ivan Petrovsky"));
  index.Add(0, EntityClass::kPerson, P("Ivan Petrovich"));
  EXPECT_EQ(RankOf(index.Query(P("Ivan Petrovsky"), kPersons, 10), 1), 1u);
}

TEST(CandidateIndexTest, ConcurrentQueriesWhileAdding) {
  CandidateIndex index;
  std::vector<std::string> names;
  const char* given[] = {"Oleg", "Pavel", "Yuri", "Boris", "Nikolai", "Dmitry", "Andrei", "Mikhail"};
  const char* family[] = {"Orlov", "Belov", "Zaitsev", "Fedorov", "Egorov", "Pavlov", "Semenov", "Golubev", "Vinogradov"};
  for (const char* g : given)
    for (const char* f : family) names.push_back(std::string(g) + " " + f);
  for (uint32_t i = 0; i < names.size(); ++i) index.Add(i, EntityClass::kPerson, P(names[i]));
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round)
        for (uint32_t i = static_cast<uint32_t>(t); i < names.size(); i += 4) {
          auto r = index.Query(P(names[i]), kPersons, 3);
          if (r.empty() || r[0].entity != i) ++wrong;
        }
    });
  }
  threads.emplace_back([&] {
    for (uint32_t i = 0; i < 300; ++i) index.Add(1000 + i, EntityClass::kPerson, P("Writer Person" + std::to_string(i)));
    index.Compact();
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(index.Stats().entities, names.size() + 300);
}

TEST(CandidateIndexTest, BadInputGivesEmptyResultsNotCrashes) {
  CandidateIndex index;
  index.Add(1, EntityClass::kPerson, P("Ivan Petrov"));
  const std::string long_name(10000, 'a');
  std::string many_words;
  for (int i = 0; i < 2000; ++i) many_words += "w" + std::to_string(i) + " ";
  const std::string invalid = "\xff\xfe\xc3\x28 \xe2\x82 Petrov";
  for (const std::string& bad : {std::string(), std::string("   "), std::string("!!! ... ---"), std::string("\"''\""),
                                 long_name, many_words, invalid, std::string("Иван 王 محمد Ωmega"), std::string("\0\0", 2)}) {
    for (NameKind kind : {NameKind::kPerson, NameKind::kOrganisation, NameKind::kOther}) {
      const NormalisedName n = NormaliseName(bad, kind);
      const auto r = index.Query(n, kAllClasses, 10);
      if (n.tokens.empty()) {
        EXPECT_TRUE(r.empty()) << bad.substr(0, 20);
      }
      EXPECT_TRUE(index.Add(50, EntityClass::kOther, n));
    }
  }
  EXPECT_TRUE(index.Query(P(""), kPersons, 10).empty());
  EXPECT_TRUE(index.Query(P("Ivan Petrov"), 0, 10).empty());  // no classes
  EXPECT_TRUE(index.Query(P("Ivan Petrov"), kPersons, 0).empty());
  EXPECT_EQ(RankOf(index.Query(P(invalid), kPersons, 10), 1), 1u);  // the valid part still matches
  EXPECT_FALSE(index.Add(0xFFFFFFFFu, EntityClass::kPerson, P("x y")));
  CandidateIndex empty;
  EXPECT_TRUE(empty.Query(P("Ivan"), kAllClasses, 10).empty());
}

TEST(CandidateIndexTest, StatsCountMemory) {
  CandidateIndex index;
  for (uint32_t i = 0; i < 100; ++i) index.Add(i, EntityClass::kPerson, P("Person Number" + std::to_string(i) + " Smith"));
  index.Compact();
  const IndexStats st = index.Stats();
  EXPECT_EQ(st.entities, 100u);
  EXPECT_GT(st.keys, 50u);
  EXPECT_GT(st.postings, 100u * 10);
  EXPECT_GT(st.bytes, st.postings * 4);
}

}  // namespace
}  // namespace dossier::match
