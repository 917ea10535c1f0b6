// The name normaliser (src/match/name.h) on real names in many scripts, the
// organisations' legal forms, and hard input.
#include "match/name.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

namespace dossier::match {
namespace {

using Role = NameToken::Role;

NormalisedName P(std::string_view s) { return NormaliseName(s, NameKind::kPerson); }
NormalisedName O(std::string_view s) { return NormaliseName(s, NameKind::kOrganisation); }

std::set<std::string> Keys(const NormalisedName& n) {
  auto k = n.KeyTokens();
  return {k.begin(), k.end()};
}

// "igor:given ivanovich:patronymic sechin:surname"
std::string Roles(const NormalisedName& n) {
  std::string out;
  for (const auto& t : n.tokens) {
    if (!out.empty()) out += ' ';
    out += t.text + ":" + std::string(RoleName(t.role));
  }
  return out;
}

TEST(MatchName, SurnameCommaGiven) {
  NormalisedName n = P("SECHIN, Igor Ivanovich");
  EXPECT_EQ(Roles(n), "igor:given ivanovich:patronymic sechin:surname");
  EXPECT_EQ(Keys(n), (std::set<std::string>{"igor", "sechin"}));
  EXPECT_EQ(n.script, "Latn");
  EXPECT_EQ(n.latin, "SECHIN, Igor Ivanovich");
}

TEST(MatchName, RussianCyrillicBothOrders) {
  NormalisedName a = P("Игорь Иванович Сечин");
  NormalisedName b = P("Сечин Игорь Иванович");
  NormalisedName c = P("SECHIN Igor Ivanovich");
  NormalisedName d = P("СЕЧИН Игорь Иванович");
  EXPECT_EQ(a.script, "Cyrl");
  EXPECT_EQ(a.latin, "Igor Ivanovich Sechin");
  EXPECT_EQ(a.original, "Игорь Иванович Сечин");
  for (const auto* n : {&a, &b, &c, &d}) {
    EXPECT_EQ(Roles(*n), "igor:given ivanovich:patronymic sechin:surname") << n->original;
    EXPECT_EQ(Keys(*n), (std::set<std::string>{"igor", "sechin"})) << n->original;
  }
}

TEST(MatchName, Ukrainian) {
  NormalisedName n = P("Захарова Марія Олександрівна");
  EXPECT_EQ(Roles(n), "mariya:given oleksandrivna:patronymic zakharova:surname");
  EXPECT_EQ(P("Юлія Володимирівна Тимошенко").Folded(), "yuliya volodymyrivna tymoshenko");
}

TEST(MatchName, OtherCyrillic) {
  EXPECT_EQ(P("Нұрсұлтан Назарбаев").Folded(), "nursultan nazarbayev");
  EXPECT_EQ(P("Слободан Милошевић").Folded(), "slobodan miloshevic");
  EXPECT_EQ(P("Аляксандр Лукашэнка").Folded(), "alyaksandr lukashenka");
}

TEST(MatchName, RomanAbramovichIsNotAPatronymic) {
  EXPECT_EQ(Roles(P("Roman Abramovich")), "roman:given abramovich:surname");
  EXPECT_EQ(Roles(P("Roman Arkadyevich Abramovich")), "roman:given arkadyevich:patronymic abramovich:surname");
  EXPECT_EQ(Roles(P("Абрамович Роман Аркадьевич")), "roman:given arkadyevich:patronymic abramovich:surname");
}

TEST(MatchName, AzerbaijaniPatronymic) {
  EXPECT_EQ(Roles(P("Мамедов Анар Зия оглы")), "anar:given ziya:patronymic ogly:patronymic mamedov:surname");
  EXPECT_EQ(Roles(P("Anar Ziya oglu Mammadov")), "anar:given ziya:patronymic oglu:patronymic mammadov:surname");
  EXPECT_EQ(Roles(P("MAMMADOV, Anar Ziya oglu")), "anar:given ziya:patronymic oglu:patronymic mammadov:surname");
  EXPECT_EQ(Keys(P("Anar Mammadov")), Keys(P("MAMMADOV Anar Ziya oglu")));
}

TEST(MatchName, Arabic) {
  NormalisedName n = P("محمد طاهر أنوري");
  EXPECT_EQ(n.script, "Arab");
  EXPECT_EQ(n.Folded(), "muhammad tahr anuri");  // a common name gets its vocalised spelling
  EXPECT_FALSE(n.KeyTokens().empty());
  EXPECT_EQ(P("أسامة بن لادن").Folded(), "usama bn ladn");
  EXPECT_EQ(Keys(P("أسامة بن لادن")), (std::set<std::string>{"usama", "ladn"}));
  EXPECT_EQ(P("نواز شريف").Folded(), "nwaz shrif");
  EXPECT_EQ(P("علي خامنئي").Folded(), "ali khamni");
}

// The ways one Arabic name is written meet in one token: "abd" compounds joined,
// common given names spelled one way whatever the script.
TEST(MatchName, ArabicCompoundsAndCommonNames) {
  for (const char* name : {"Abdullah Saleh", "Abd Allah Salih", "Abdallah Saleh", "SALEH, Abdulla", "عبد الله صالح"})
    EXPECT_EQ(P(name).Folded(), "abdullah salih") << name;
  for (const char* name : {"Abd al-Rahman Hussein", "Abdel Rahman Hussain", "Abdulrahman Husein", "Abdur Rahman Hussein"})
    EXPECT_EQ(P(name).Folded(), "abdulrahman husayn") << name;
  EXPECT_EQ(P("عبد الرحمن حسين").Folded(), "abdulrhmn husayn");  // the skeleton still meets "abdulrahman"
  EXPECT_EQ(P("Mohammed Omar").Folded(), P("محمد عمر").Folded());
  EXPECT_EQ(P("Mohamed Omar").Folded(), "muhammad umar");
  // "amr" is عمر only in Arabic script: the Latin name Amr stays Amr.
  EXPECT_EQ(P("Amr Moussa").Folded(), "amr musa");
  // Not a compound: "Abdou" is a name of its own, and "Abd A." keeps its initial.
  EXPECT_EQ(P("Abdou Diouf").Folded(), "abdou diouf");
  EXPECT_EQ(P("Abd A. Saleh").Folded(), "abd a salih");
  // Segments stay apart: the comma ends the surname.
  EXPECT_EQ(P("ABD, Rahman").Folded(), "rahman abd");
  // Found by name_fuzz: words are joined in the order Folded() writes them (after the
  // comma's reordering, without the quoted nickname), so a folded name reads back the same.
  for (const char* name : {"AQTSA, Ach Mb Abd", "ABD \"Alabd\" Alr", "aBD AN, Mo", "SALEH, Abd"}) {
    const std::string folded = P(name).Folded();
    EXPECT_EQ(P(folded).Folded(), folded) << name;
  }
  EXPECT_EQ(P("SALEH, Abd").Folded(), P("Abd Saleh").Folded());  // "abdulsalih" both
  // A join that would make a token longer than kMaxTokenChars is not made.
  const NormalisedName long_name = P("ABD AL " + std::string(kMaxTokenChars - 2, 'X'));
  for (const NameToken& t : long_name.tokens) EXPECT_LE(t.text.size(), kMaxTokenChars);
}

TEST(MatchName, Persian) {
  NormalisedName n = P("محمد خاتمی");
  EXPECT_EQ(n.script, "Arab");
  EXPECT_EQ(n.Folded(), "muhammad khatmi");
}

TEST(MatchName, Hebrew) {
  NormalisedName n = P("בנימין נתניהו");
  EXPECT_EQ(n.script, "Hebr");
  EXPECT_EQ(n.Folded(), "bnimin ntnyhu");
  EXPECT_EQ(P("אריאל שרון").Folded(), "aryl shron");
}

TEST(MatchName, Honorifics) {
  NormalisedName n = P("Mullah Mohammad Omar");
  // Common Arabic given names are read in one spelling (ArabicCompoundsAndCommonNames).
  EXPECT_EQ(Roles(n), "mullah:honorific muhammad:given umar:surname");
  EXPECT_EQ(Keys(n), (std::set<std::string>{"muhammad", "umar"}));
  EXPECT_EQ(Roles(P("Haji Mudir")), "haji:honorific mudir:surname");
  EXPECT_EQ(Roles(P("His Excellency Gen. Qasem Soleimani")),
            "his:honorific excellency:honorific gen:honorific qasim:given soleimani:surname");
  EXPECT_EQ(Roles(P("OMAR, Mullah Mohammad")), "mullah:honorific muhammad:given umar:surname");
  EXPECT_EQ(Roles(P("Dr. Martin Luther King Jr.")),
            "dr:honorific martin:given luther:given king:surname jr:honorific");
  EXPECT_EQ(Roles(P("Señor José García")), "senor:honorific jose:given garcia:surname");
  // An honorific alone is the name.
  EXPECT_EQ(Roles(P("Sheikh")), "sheikh:surname");
  EXPECT_EQ(Roles(P("Sir")), "sir:surname");
}

TEST(MatchName, Initials) {
  NormalisedName n = P("José E.B. Antonio");
  EXPECT_EQ(Roles(n), "jose:given e:initial b:initial antonio:surname");
  EXPECT_FLOAT_EQ(n.tokens[1].weight, 0.5f);
  EXPECT_FLOAT_EQ(n.tokens[0].weight, 1.0f);
  EXPECT_EQ(n.latin, "Jose E.B. Antonio");
  EXPECT_EQ(Roles(P("ANTONIO, Jose E. B.")), "jose:given e:initial b:initial antonio:surname");
}

TEST(MatchName, Nicknames) {
  NormalisedName n = P("JOSE ROBERTO \"ROBBIE\" ANTONIO");
  EXPECT_EQ(Roles(n), "jose:given roberto:given antonio:surname");
  EXPECT_EQ(n.nicknames, std::vector<std::string>{"robbie"});
  EXPECT_EQ(P("Jose Roberto 'Robbie' Antonio").nicknames, std::vector<std::string>{"robbie"});
  EXPECT_EQ(P("Jose Roberto “Robbie” Antonio").nicknames, std::vector<std::string>{"robbie"});
  // Apostrophes inside words are not quotes.
  EXPECT_EQ(P("Sean O'Brien").Folded(), "sean obrien");
  EXPECT_EQ(P("\"Robbie\"").Folded(), "robbie");
}

TEST(MatchName, Particles) {
  EXPECT_EQ(Roles(P("Osama bin Laden")), "usama:given bin:connector laden:surname");
  EXPECT_EQ(Roles(P("BIN LADEN, Usama")), "usama:given bin:connector laden:surname");
  EXPECT_EQ(Keys(P("Bashar al-Assad")), (std::set<std::string>{"bashar", "assad"}));
  EXPECT_EQ(Roles(P("Ludwig van Beethoven")), "ludwig:given van:connector beethoven:surname");
  // A particle-like word at an edge is a name.
  EXPECT_EQ(Roles(P("Li Da")), "li:given da:surname");
}

TEST(MatchName, Greek) {
  NormalisedName n = P("Αλέξης Τσίπρας");
  EXPECT_EQ(n.script, "Grek");
  EXPECT_EQ(n.latin, "Alexis Tsipras");
  EXPECT_EQ(Roles(n), "alexis:given tsipras:surname");
  EXPECT_EQ(P("Κυριάκος Μητσοτάκης").Folded(), "kiriakos mitsotakis");
}

TEST(MatchName, Chinese) {
  NormalisedName n = P("习近平");
  EXPECT_EQ(n.script, "Hani");
  EXPECT_EQ(n.latin, "Xi Jinping");
  EXPECT_EQ(Roles(n), "jinping:given xi:surname");
  EXPECT_EQ(Keys(n), Keys(P("XI Jinping")));
  EXPECT_EQ(P("欧阳娜娜").latin, "Ouyang Nana");
  EXPECT_EQ(O("中国石油天然气集团").Folded(), "zhong guo shi you tian ran qi ji tuan");
}

TEST(MatchName, Korean) {
  NormalisedName n = P("김정은");
  EXPECT_EQ(n.script, "Hang");
  EXPECT_EQ(n.latin, "Gim Jeong Eun");
  EXPECT_EQ(Roles(n), "jeong:given eun:given gim:surname");
  EXPECT_EQ(P("김 정은").Folded(), n.Folded());
}

TEST(MatchName, JapaneseKana) {
  EXPECT_EQ(P("やまだ たろう").Folded(), "tarou yamada");
  EXPECT_EQ(P("ヤマダ タロウ").Folded(), "tarou yamada");
  EXPECT_EQ(P("ヤマダ タロウ").script, "Kana");
}

TEST(MatchName, Georgian) {
  NormalisedName n = P("მიხეილ სააკაშვილი");
  EXPECT_EQ(n.script, "Geor");
  EXPECT_EQ(n.Folded(), "mikheil saakashvili");
}

TEST(MatchName, Armenian) {
  NormalisedName n = P("Նիկոլ Փաշինյան");
  EXPECT_EQ(n.script, "Armn");
  EXPECT_EQ(n.Folded(), "nikol pashinyan");
}

TEST(MatchName, Devanagari) {
  EXPECT_EQ(P("नरेन्द्र मोदी").Folded(), "narendra modi");
  EXPECT_EQ(P("राहुल गांधी").Folded(), "rahul gandhi");
  EXPECT_EQ(P("अमित शाह").Folded(), "amit shah");
  EXPECT_EQ(P("राहुल गांधी").script, "Deva");
}

TEST(MatchName, LatinDiacritics) {
  EXPECT_EQ(P("Łukasz Müller-Straße").Folded(), "lukasz muller strasse");
  EXPECT_EQ(P("François Hollande").latin, "Francois Hollande");
  EXPECT_EQ(P("Recep Tayyip Erdoğan").Folded(), "recep tayyip erdogan");
  // NFKC: full-width letters and ligatures.
  EXPECT_EQ(P("Ｉｇｏｒ Ｓｅｃｈｉｎ").Folded(), "igor sechin");
  EXPECT_EQ(P("ﬁona Smith").Folded(), "fiona smith");
}

TEST(MatchName, OrganisationGazpromExport) {
  for (const char* s : {"OOO Gazprom Export", "ООО «Газпром экспорт»", "Gazprom Export LLC",
                        "GAZPROM EXPORT, LIMITED LIABILITY COMPANY", "Общество с ограниченной ответственностью «Газпром экспорт»",
                        "Gazprom Export L.L.C.", "Gazprom Export Ltd."}) {
    NormalisedName n = O(s);
    EXPECT_EQ(Keys(n), (std::set<std::string>{"gazprom", "export"})) << s;
    EXPECT_EQ(n.legal_form, "llc") << s;
    EXPECT_EQ(n.legal_family, "limited") << s;
    EXPECT_EQ(n.Folded(), "gazprom export llc") << s;
    EXPECT_EQ(n.tokens.back().role, Role::kLegalForm) << s;
    EXPECT_FLOAT_EQ(n.tokens.back().weight, 0.1f) << s;
  }
}

TEST(MatchName, OrganisationRosneft) {
  NormalisedName a = O("Rosneft Oil Company PJSC");
  NormalisedName b = O("ПАО «НК «Роснефть»»");
  NormalisedName c = O("Public Joint Stock Company Rosneft Oil Company");
  EXPECT_EQ(a.legal_form, "pjsc");
  EXPECT_EQ(b.legal_form, "pjsc");
  EXPECT_EQ(c.legal_form, "pjsc");
  EXPECT_TRUE(Keys(a).count("rosneft"));
  EXPECT_TRUE(Keys(b).count("rosneft"));
  EXPECT_EQ(Roles(b), "nk:common rosneft:other pjsc:legal_form");
  EXPECT_EQ(O("OAO Rosneft").legal_form, "jsc");
  EXPECT_EQ(O("ЗАО Ромашка").legal_form, "jsc");
  EXPECT_EQ(O("Joint Stock Company Rosoboronexport").legal_form, "jsc");
}

TEST(MatchName, OrganisationGermanSpanish) {
  EXPECT_EQ(O("Siemens Aktiengesellschaft").legal_form, "ag");
  EXPECT_EQ(O("Siemens AG").legal_form, "ag");
  EXPECT_EQ(O("Siemens AG").Folded(), O("Siemens Aktiengesellschaft").Folded());
  EXPECT_EQ(O("Robert Bosch GmbH").legal_form, "gmbh");
  EXPECT_EQ(O("Robert Bosch Gesellschaft mit beschränkter Haftung").legal_form, "gmbh");
  NormalisedName t = O("Grupo Televisa, S.A.B. de C.V.");
  EXPECT_EQ(t.legal_form, "sa");
  EXPECT_EQ(Roles(t), "grupo:common televisa:other sa:legal_form");
  EXPECT_EQ(O("Cemex S.A. de C.V.").legal_form, "sa");
  EXPECT_EQ(O("Banco Santander, S.A.").legal_form, "sa");
  EXPECT_EQ(O("Maersk A/S").legal_form, "ag");
  EXPECT_EQ(O("Orlen Sp. z o.o.").legal_form, "srl");
  EXPECT_EQ(O("Nokia Oyj").legal_form, "ag");
  EXPECT_EQ(O("Apple Inc.").legal_form, "inc");
  EXPECT_EQ(O("BP p.l.c.").legal_form, "plc");
  EXPECT_EQ(O("Acme Holdings Pty Ltd").legal_form, "llc");
}

TEST(MatchName, OrganisationCommonWords) {
  NormalisedName n = O("The Trump Organization International Holdings Company");
  for (const auto& t : n.tokens) {
    if (t.text == "the" || t.text == "international" || t.text == "holdings") {
      EXPECT_EQ(t.role, Role::kCommonWord) << t.text;
      EXPECT_FLOAT_EQ(t.weight, 0.3f);
    }
  }
  EXPECT_EQ(n.legal_form, "co");
  // Short forms only count at the ends: "AS" inside a name is a word.
  EXPECT_EQ(O("Bank As Is Trading").legal_form, "");
  // A name made only of legal-form words keeps one as its name.
  EXPECT_FALSE(O("Company Limited").KeyTokens().empty());
  EXPECT_EQ(O("AB").Folded(), "ab");
}

TEST(MatchName, OtherKind) {
  NormalisedName n = NormaliseName("MV Sea Breeze (IMO 9123456)", NameKind::kOther);
  EXPECT_EQ(n.Folded(), "mv sea breeze imo 9123456");
}

TEST(MatchName, BadInput) {
  EXPECT_TRUE(P("").tokens.empty());
  EXPECT_EQ(P("").script, "Zyyy");
  EXPECT_TRUE(P("  ,.;:!?-- ''\"\" ").tokens.empty());
  EXPECT_TRUE(O("«»„“").tokens.empty());
  EXPECT_TRUE(P("\xff\xfe\xfd").tokens.empty());
  EXPECT_EQ(P("Igor\xff Sechin").Folded(), "igor sechin");
  std::string huge(10000, 'a');
  NormalisedName h = P(huge);
  ASSERT_EQ(h.tokens.size(), 1u);
  EXPECT_EQ(h.tokens[0].text.size(), kMaxTokenChars);
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "Ab ";
  EXPECT_EQ(P(many).tokens.size(), kMaxTokens);
  std::string cyr;
  for (int i = 0; i < 2000; ++i) cyr += "Щука ";
  EXPECT_EQ(P(cyr).tokens.size(), kMaxTokens);
  std::string han;
  for (int i = 0; i < 3334; ++i) han += "龍";
  EXPECT_NO_THROW(P(han));
  EXPECT_NO_THROW(O(han));
}

TEST(MatchName, MixedScripts) {
  NormalisedName n = P("Igor Сечин");
  EXPECT_EQ(n.Folded(), "igor sechin");
  EXPECT_EQ(P("Сечин習近平محمد").Folded(), "sechin xi jin ping mhmd");
  EXPECT_FALSE(O("Газпром Export LLC").KeyTokens().empty());
}

// Inputs that broke or could break tokenisers: control characters, combining marks
// without a base, RTL marks, emoji, zero-width joiners, surrogates encoded in UTF-8,
// overlong encodings, lone continuation bytes, NULs.
TEST(MatchName, HardInputCorpus) {
  const std::vector<std::string> corpus = {
      std::string("\0\0\0", 3), "\x01\x02\x1f", "\xcc\x81\xcc\x81", "\xe2\x80\x8f\xe2\x80\x8e", "\xf0\x9f\x98\x80 Bob",
      "a\xe2\x80\x8d" "b", "\xed\xa0\x80", "\xc0\xaf", "\x80\x80\x80", "\xf4\x90\x80\x80", "\xe0\xa4", "'", "\"", "''", "\"\"\"",
      ",", ",,,,", "., ,.", "-", "A", "A.", "A,B", ",Smith", "Smith,", "SMITH, ", "Mr", "Mr.", "Mr. Mrs. Dr.", "Jr.",
      "Mr Jr", "bin", "bin bin bin", "al-", "ovich", "Ivanovich Ivanovich Ivanovich", "oglu oglu", "LLC", "LLC LLC LLC",
      "S.A. de C.V.", "ООО", "«", "»»»", "ٱ", "ـــ", "्", "ं", "ー", "ㅋㅋ", "ᄀ", "\xef\xbf\xbd", "\xef\xbb\xbf" "Name",
      "Ǆ ǅ ǆ", "ﷺ", "㈱", "℡", "Ⅻ", "ß", "İstanbul", "ǰ", "🇷🇺", "𝕴𝖌𝖔𝖗", "a\tb\nc\rd", "Ω≈ç√∫", "٣٤٥",
      "\"Robbie\" \"Bob\"", "'a' 'b'", "O''Brien", "''Robbie", "Robbie''",
  };
  for (const auto& s : corpus) {
    for (NameKind kind : {NameKind::kPerson, NameKind::kOrganisation, NameKind::kOther}) {
      NormalisedName n;
      ASSERT_NO_THROW(n = NormaliseName(s, kind)) << s;
      for (const auto& t : n.tokens) {
        EXPECT_FALSE(t.text.empty());
        for (char c : t.text) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) << s;
      }
      for (unsigned char c : n.latin) EXPECT_LT(c, 0x80) << s;
      NormalisedName again = NormaliseName(n.Folded(), kind);
      EXPECT_EQ(again.Folded(), n.Folded()) << s;
    }
  }
}

// ---- properties ----

TEST(MatchNameProperty, NeverThrowsOnBytes) {
  EXPECT_TRUE(rc::check("arbitrary bytes", [](const std::string& s, bool org) {
    NormalisedName n = NormaliseName(s, org ? NameKind::kOrganisation : NameKind::kPerson);
    RC_ASSERT(n.original == s);
    for (const auto& t : n.tokens) RC_ASSERT(!t.text.empty());
  }));
}

TEST(MatchNameProperty, NeverThrowsOnLongUnicode) {
  EXPECT_TRUE(rc::check("long strings of code points", [] {
    auto cps = *rc::gen::container<std::vector<char32_t>>(
        *rc::gen::inRange<size_t>(0, 10000),
        rc::gen::oneOf(rc::gen::inRange<char32_t>(0x20, 0x7f), rc::gen::inRange<char32_t>(0x400, 0x530),
                       rc::gen::inRange<char32_t>(0x590, 0x700), rc::gen::inRange<char32_t>(0x900, 0x980),
                       rc::gen::inRange<char32_t>(0x10a0, 0x1100), rc::gen::inRange<char32_t>(0x3040, 0x3100),
                       rc::gen::inRange<char32_t>(0x4e00, 0x4f00), rc::gen::inRange<char32_t>(0xac00, 0xad00),
                       rc::gen::inRange<char32_t>(0x1f600, 0x1f650)));
    std::string s;
    for (char32_t c : cps) {
      if (c < 0x80) {
        s += static_cast<char>(c);
      } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (c >> 18));
        s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    NormalisedName n = NormaliseName(s, NameKind::kPerson);
    RC_ASSERT(n.tokens.size() <= kMaxTokens);
  }));
}

// Normalising the folded form gives the folded form back.
TEST(MatchNameProperty, IdempotentOnFoldedForm) {
  EXPECT_TRUE(rc::check("idempotent", [](const std::string& s, int kind_index) {
    NameKind kind = static_cast<NameKind>(((kind_index % 3) + 3) % 3);
    std::string folded = NormaliseName(s, kind).Folded();
    RC_ASSERT(NormaliseName(folded, kind).Folded() == folded);
  }));
  // And on name-like input built from the vocabulary's own hard cases.
  EXPECT_TRUE(rc::check("idempotent on name-like words", [] {
    const std::vector<std::string> words = {
        "Igor", "SECHIN", "Ivanovich", "Mr", "Dr.", "Gen.", "Jr.", "bin", "al-", "van", "de", "la", "E.B.", "\"Robbie\"",
        ",", "LLC", "OOO", "S.A.", "de C.V.", "Company", "Ltd", "AG", "Holdings", "The", "oglu", "Ziya", "Сечин", "Игорь",
        "Иванович", "ООО", "«", "»", "习近平", "김정은", "محمد", "بن", "Αλέξης", "A/S", "&", "Co.", "Haji", "Sheikh"};
    auto picks = *rc::gen::container<std::vector<size_t>>(rc::gen::inRange<size_t>(0, words.size()));
    std::string s;
    for (size_t i : picks) s += words[i] + " ";
    for (NameKind kind : {NameKind::kPerson, NameKind::kOrganisation, NameKind::kOther}) {
      std::string folded = NormaliseName(s, kind).Folded();
      RC_ASSERT(NormaliseName(folded, kind).Folded() == folded);
    }
  }));
}

// Letters that merge once a legal form between them is gone are analysed again: what
// they make may be, or border on, a legal form (found by libFuzzer).
TEST(MatchName, MergedLettersNextToLegalFormsAreAFixedPoint) {
  for (const char* s : {", . C SA/o Ltd W", "C SA O Ltd W", "A OU B Ltd", "X S.A. Y Co"}) {
    const std::string folded = NormaliseName(s, NameKind::kOrganisation).Folded();
    EXPECT_EQ(NormaliseName(folded, NameKind::kOrganisation).Folded(), folded) << s;
  }
  EXPECT_EQ(NormaliseName("C SA O Ltd W", NameKind::kOrganisation).Folded(), "w sa co llc");
}

// "Given Surname" and "SURNAME, Given" give the same tokens in the same order.
TEST(MatchNameProperty, OrderIndependent) {
  auto word = [] {
    std::string w = *rc::gen::container<std::string>(*rc::gen::inRange<size_t>(3, 9), rc::gen::inRange('a', 'z'));
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  EXPECT_TRUE(rc::check("order", [&] {
    std::vector<std::string> given(*rc::gen::inRange<size_t>(1, 4));
    for (auto& w : given) w = word();
    std::string surname = word();
    std::string g;
    for (const auto& w : given) g += (g.empty() ? "" : " ") + w;
    // Only names whose words the vocabulary leaves alone: "Abd" joins the word after
    // it ("Abd Rahman" is one name), which a comma would keep apart.
    for (const auto& w : given) RC_PRE(w.rfind("Abd", 0) != 0);
    RC_PRE(surname.rfind("Abd", 0) != 0);
    NormalisedName plain = NormaliseName(g + " " + surname, NameKind::kPerson);
    for (const auto& t : plain.tokens) RC_PRE(t.role == Role::kGiven || t.role == Role::kSurname);
    std::string upper = surname;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    NormalisedName comma = NormaliseName(upper + ", " + g, NameKind::kPerson);
    NormalisedName caps = NormaliseName(upper + " " + g, NameKind::kPerson);
    for (const auto* n : {&comma, &caps})
      for (const auto& t : n->tokens) RC_PRE(t.role == Role::kGiven || t.role == Role::kSurname);
    RC_ASSERT(Roles(comma) == Roles(plain));
    RC_ASSERT(Roles(caps) == Roles(plain));
  }));
}

TEST(MatchNamePerformance, AsciiFastPath) {
  const std::vector<std::string> names = {"SECHIN, Igor Ivanovich", "Jose E.B. Antonio", "Gazprom Export LLC",
                                          "Mullah Mohammad Omar", "Rex Wayne Tillerson"};
  for (const auto& n : names) NormaliseName(n, NameKind::kPerson);  // warm the vocabulary
  const int rounds = 20000;
  auto start = std::chrono::steady_clock::now();
  size_t sink = 0;
  for (int i = 0; i < rounds; ++i)
    for (const auto& n : names) sink += NormaliseName(n, i % 2 ? NameKind::kPerson : NameKind::kOrganisation).tokens.size();
  double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
              (rounds * names.size());
  double ascii_ns = ns;
  std::printf("ASCII NormaliseName: %.0f ns per name (%zu tokens)\n", ascii_ns, sink);
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < 2000; ++i) sink += NormaliseName("Игорь Иванович Сечин", NameKind::kPerson).tokens.size();
  ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / 2000;
  std::printf("Cyrillic NormaliseName: %.0f ns per name\n", ns);
  // The machine is shared, so no absolute bound: the fast path must stay clear of
  // ICU, which costs an order of magnitude more.
#if !defined(__SANITIZE_ADDRESS__)
  EXPECT_LT(ascii_ns * 4, ns);
#endif
}

}  // namespace
}  // namespace dossier::match
