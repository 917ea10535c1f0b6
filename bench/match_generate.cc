// The matching benchmark's generator (match_generate.h). Given names, real family
// names and legal forms come from names.cc; syllables, romanisation conventions,
// Chinese names and the query variants are here.
#include "match_generate.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "names.h"

namespace dossier::bench {
namespace {

// ---- randomness -------------------------------------------------------------

std::size_t Below(uint64_t& rng, std::size_t n) { return n == 0 ? 0 : NextRandom(rng) % n; }
bool Chance(uint64_t& rng, double p) { return static_cast<double>(NextRandom(rng) % 1000000) < p * 1000000.0; }
template <class T>
const T& Pick(uint64_t& rng, const std::vector<T>& v) { return v[Below(rng, v.size())]; }

// ---- UTF-8 --------------------------------------------------------------------

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out += cp;
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// The first letter (a code point, not a byte) and a full stop.
std::string Initial(const std::string& s) { return s.empty() ? s : Encode(Decode(s).substr(0, 1)) + "."; }

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// ---- romanisation conventions ---------------------------------------------------

// Russian Cyrillic to Latin under a convention (0..3): the choices English,
// French, German and scholarly spellings make for the letters they disagree on.
std::string RomaniseCyrillic(std::string_view text, int convention) {
  static const std::map<char32_t, std::vector<const char*>> kTable = {
      {U'а', {"a"}},  {U'б', {"b"}},  {U'в', {"v", "v", "w", "v"}},  {U'г', {"g"}},  {U'д', {"d"}},
      {U'е', {"e"}},  {U'ё', {"yo", "e", "jo", "e"}},  {U'ж', {"zh", "j", "sh", "zh"}},  {U'з', {"z"}},
      {U'и', {"i"}},  {U'й', {"y", "i", "j", "i"}},  {U'к', {"k"}},  {U'л', {"l"}},  {U'м', {"m"}},
      {U'н', {"n"}},  {U'о', {"o"}},  {U'п', {"p"}},  {U'р', {"r"}},  {U'с', {"s"}},  {U'т', {"t"}},
      {U'у', {"u", "ou", "u", "u"}},  {U'ф', {"f"}},  {U'х', {"kh", "kh", "ch", "h"}},
      {U'ц', {"ts", "ts", "z", "c"}},  {U'ч', {"ch", "tch", "tsch", "ch"}},  {U'ш', {"sh", "ch", "sch", "sh"}},
      {U'щ', {"shch", "chtch", "schtsch", "sch"}},  {U'ъ', {""}},  {U'ы', {"y"}},  {U'ь', {"", "", "", "'"}},
      {U'э', {"e"}},  {U'ю', {"yu", "iou", "ju", "iu"}},  {U'я', {"ya", "ia", "ja", "ia"}},
  };
  const std::u32string u = Decode(text);
  std::string out;
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    bool upper = false;
    if (c >= U'А' && c <= U'Я') {
      c += 0x20;
      upper = true;
    } else if (c == U'Ё') {
      c = U'ё';
      upper = true;
    }
    auto it = kTable.find(c);
    std::string piece;
    if (it == kTable.end()) {
      piece = Encode(std::u32string(1, u[i]));
    } else {
      const auto& choices = it->second;
      piece = choices[static_cast<std::size_t>(convention) % choices.size()];
      // "ий" at the end of a word: Sergey / Sergei / Sergej / Sergii.
      if (c == U'й' && i > 0 && (u[i - 1] == U'и' || u[i - 1] == U'е')) piece = convention == 2 ? "j" : convention == 0 ? "y" : "i";
      // "е" after a vowel or at the start is "ye" in English spellings.
      const bool after_vowel = i == 0 || u[i - 1] == U' ' || std::u32string_view(U"аеёиоуыэюяАЕЁИОУЫЭЮЯьъ").find(u[i - 1]) != std::u32string_view::npos;
      if (c == U'е' && after_vowel && convention == 0) piece = "ye";
    }
    if (upper) piece = Capitalise(piece);
    out += piece;
  }
  return out;
}

// Greek to Latin under a convention (0..2): ELOT-like, phonetic, and classical.
std::string RomaniseGreek(std::string_view text, int convention) {
  static const std::map<char32_t, char32_t> kUnaccent = {{U'ά', U'α'}, {U'έ', U'ε'}, {U'ή', U'η'}, {U'ί', U'ι'},
                                                         {U'ό', U'ο'}, {U'ύ', U'υ'}, {U'ώ', U'ω'}, {U'ς', U'σ'},
                                                         {U'ϊ', U'ι'}, {U'ΐ', U'ι'}};
  static const std::map<std::u32string, std::vector<const char*>> kPairs = {
      {U"ου", {"ou", "u", "ou"}}, {U"αι", {"ai", "e", "ai"}}, {U"ει", {"ei", "i", "ei"}},
      {U"οι", {"oi", "i", "oi"}}, {U"μπ", {"mp", "b", "mp"}}, {U"ντ", {"nt", "d", "nt"}}, {U"γγ", {"ng", "ng", "gg"}},
  };
  static const std::map<char32_t, std::vector<const char*>> kTable = {
      {U'α', {"a"}}, {U'β', {"v", "v", "b"}}, {U'γ', {"g", "g", "g"}}, {U'δ', {"d", "d", "d"}}, {U'ε', {"e"}},
      {U'ζ', {"z"}}, {U'η', {"i", "i", "e"}}, {U'θ', {"th"}}, {U'ι', {"i"}}, {U'κ', {"k", "k", "c"}},
      {U'λ', {"l"}}, {U'μ', {"m"}}, {U'ν', {"n"}}, {U'ξ', {"x", "ks", "x"}}, {U'ο', {"o"}}, {U'π', {"p"}},
      {U'ρ', {"r"}}, {U'σ', {"s"}}, {U'τ', {"t"}}, {U'υ', {"y", "i", "y"}}, {U'φ', {"f", "f", "ph"}},
      {U'χ', {"ch", "h", "kh"}}, {U'ψ', {"ps"}}, {U'ω', {"o"}},
  };
  std::u32string u = Decode(text);
  std::vector<bool> upper(u.size(), false);
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c >= U'Α' && c <= U'Ω') {
      c += 0x20;
      upper[i] = true;
    } else if (c == U'Ά' || c == U'Έ' || c == U'Ή' || c == U'Ί' || c == U'Ό' || c == U'Ύ' || c == U'Ώ') {
      static const std::map<char32_t, char32_t> kCapAccent = {{U'Ά', U'α'}, {U'Έ', U'ε'}, {U'Ή', U'η'}, {U'Ί', U'ι'},
                                                              {U'Ό', U'ο'}, {U'Ύ', U'υ'}, {U'Ώ', U'ω'}};
      c = kCapAccent.at(c);
      upper[i] = true;
    }
    if (auto it = kUnaccent.find(c); it != kUnaccent.end()) c = it->second;
    u[i] = c;
  }
  const std::size_t conv = static_cast<std::size_t>(convention);
  std::string out;
  for (std::size_t i = 0; i < u.size();) {
    std::string piece;
    std::size_t used = 1;
    if (i + 1 < u.size()) {
      if (auto it = kPairs.find(u.substr(i, 2)); it != kPairs.end()) {
        piece = it->second[conv % it->second.size()];
        used = 2;
      }
    }
    if (used == 1) {
      if (auto it = kTable.find(u[i]); it != kTable.end())
        piece = it->second[conv % it->second.size()];
      else
        piece = Encode(std::u32string(1, u[i]));
    }
    if (upper[i]) piece = Capitalise(piece);
    out += piece;
    i += used;
  }
  return out;
}

// Latin spelling variants of an Arabic name: vowels and doubled letters vary.
std::string VaryArabicLatin(std::string s, uint64_t& rng) {
  static const std::vector<std::pair<std::string, std::string>> kSwaps = {
      {"o", "u"}, {"u", "ou"}, {"e", "a"}, {"ee", "i"}, {"i", "ee"}, {"mm", "m"}, {"ss", "s"}, {"dd", "d"},
      {"Al-", "Al "}, {"Al-", "El-"}, {"Al-", "al-"}, {"ou", "u"}, {"ah", "a"}, {"a", "e"}, {"y", "i"}};
  const int edits = 1 + static_cast<int>(Below(rng, 2));
  for (int k = 0; k < edits; ++k) {
    const auto& [from, to] = Pick(rng, kSwaps);
    const std::size_t pos = s.find(from, 1);
    if (pos != std::string::npos) s.replace(pos, from.size(), to);
  }
  return s;
}

// ---- name material beyond names.cc -----------------------------------------------

const std::vector<std::string>& CyrillicSyllables() {
  static const std::vector<std::string> v = {"ка", "ко", "ра", "ро", "ми", "ли", "на", "то", "во", "ба", "бо",
                                             "да", "до", "га", "го", "за", "са", "со", "пе", "ле", "ме", "ту",
                                             "ку", "ру", "ши", "жу", "ча", "хо", "ти", "ве", "гу", "лу", "мо",
                                             "ны", "ря", "ню", "сте", "гра", "бри", "про"};
  return v;
}
const std::vector<std::pair<std::string, std::string>>& CyrillicSuffixes() {  // male, female
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"нов", "нова"}, {"лин", "лина"}, {"вский", "вская"}, {"ников", "никова"}, {"ренко", "ренко"},
      {"чук", "чук"},  {"хов", "хова"}, {"шин", "шина"},    {"дзе", "дзе"},      {"тьев", "тьева"}};
  return v;
}
const std::vector<std::string>& GreekSyllables() {
  static const std::vector<std::string> v = {"πα", "κα", "κο", "νι", "λα", "μι", "το", "ρα", "στε", "μα", "λι",
                                             "ρι", "δο", "γα", "θε", "χρι", "βα", "σι", "φο", "τυ", "ξε", "ζα"};
  return v;
}
const std::vector<std::string>& GreekSuffixes() {
  static const std::vector<std::string> v = {"πουλος", "ιδης", "ακης", "ατος", "εας", "ογλου", "οπουλος", "ιτης"};
  return v;
}
const std::vector<std::string>& LatinSyllables() {
  static const std::vector<std::string> v = {"nor", "vex", "kal", "tur", "ra", "mi", "sol", "tek", "dar", "lin",
                                             "mar", "zen", "pol", "vin", "gor", "bel", "ros", "ton", "ka", "lo",
                                             "sta", "pro", "ner", "gal", "mon", "dor", "tal", "ser", "fin", "vol",
                                             "kor", "bra", "cas", "del", "fer", "han", "jes", "lum", "ord", "wes"};
  return v;
}
const std::map<std::string, std::vector<std::string>>& LatinSurnameSuffixes() {
  static const std::map<std::string, std::vector<std::string>> v = {
      {"en", {"son", "ton", "ley", "field", "wood", "by", "ham", "ford"}},
      {"de", {"mann", "berg", "stein", "er", "hoff", "bach", "inger"}},
      {"ro", {"escu", "eanu", "ariu", "ache"}},
      {"ee", {"mets", "oja", "saar", "mae", "ste"}},
      {"tr", {"oglu", "er", "can", "soy", "kaya", "tas"}},
  };
  return v;
}

struct Han {
  const char* han;
  const char* pinyin;
};
const std::vector<Han>& HanSurnames() {
  static const std::vector<Han> v = {
      {"王", "wang"}, {"李", "li"},     {"张", "zhang"}, {"刘", "liu"},  {"陈", "chen"},  {"杨", "yang"}, {"黄", "huang"},
      {"赵", "zhao"}, {"吴", "wu"},     {"周", "zhou"},  {"徐", "xu"},   {"孙", "sun"},   {"马", "ma"},   {"朱", "zhu"},
      {"胡", "hu"},   {"郭", "guo"},    {"何", "he"},    {"林", "lin"},  {"罗", "luo"},   {"高", "gao"},  {"郑", "zheng"},
      {"梁", "liang"}, {"谢", "xie"},   {"宋", "song"},  {"唐", "tang"}, {"韩", "han"},   {"冯", "feng"}, {"邓", "deng"},
      {"曹", "cao"},  {"彭", "peng"},   {"田", "tian"},  {"董", "dong"}, {"潘", "pan"},   {"袁", "yuan"}, {"蒋", "jiang"},
      {"蔡", "cai"},  {"杜", "du"},     {"叶", "ye"},    {"程", "cheng"}, {"魏", "wei"},  {"苏", "su"}};
  return v;
}
const std::vector<Han>& HanGiven() {
  static const std::vector<Han> v = {
      {"伟", "wei"},  {"芳", "fang"},  {"娜", "na"},    {"敏", "min"},   {"静", "jing"},  {"丽", "li"},   {"强", "qiang"},
      {"磊", "lei"},  {"军", "jun"},   {"洋", "yang"},  {"勇", "yong"},  {"艳", "yan"},   {"杰", "jie"},  {"涛", "tao"},
      {"明", "ming"}, {"超", "chao"},  {"秀", "xiu"},   {"霞", "xia"},   {"平", "ping"},  {"刚", "gang"}, {"英", "ying"},
      {"华", "hua"},  {"建", "jian"},  {"国", "guo"},   {"文", "wen"},   {"志", "zhi"},   {"红", "hong"}, {"玉", "yu"},
      {"斌", "bin"},  {"宇", "yu"},    {"浩", "hao"},   {"凯", "kai"},   {"鹏", "peng"},  {"晨", "chen"}, {"欣", "xin"},
      {"婷", "ting"}, {"雪", "xue"},   {"海", "hai"},   {"波", "bo"},    {"峰", "feng"},  {"辉", "hui"},  {"俊", "jun"},
      {"博", "bo"},   {"佳", "jia"},   {"振", "zhen"},  {"东", "dong"},  {"春", "chun"},  {"立", "li"},   {"新", "xin"},
      {"金", "jin"},  {"宏", "hong"},  {"亮", "liang"}, {"飞", "fei"},   {"云", "yun"},   {"龙", "long"}, {"光", "guang"},
      {"永", "yong"}, {"松", "song"},  {"清", "qing"},  {"晓", "xiao"},  {"天", "tian"},  {"安", "an"},   {"子", "zi"},
      {"思", "si"}};
  return v;
}

// A family name from three root consonants, "Al-" + C a C C + ending, written in
// Arabic with its long vowels and in Latin with a short vowel Latin spellings add.
void ArabicNisba(uint64_t& rng, std::string& latin, std::string& arabic) {
  static const std::vector<std::pair<const char*, const char*>> kConsonants = {
      {"b", "ب"}, {"t", "ت"}, {"j", "ج"}, {"h", "ح"}, {"kh", "خ"}, {"d", "د"}, {"r", "ر"}, {"z", "ز"}, {"s", "س"},
      {"sh", "ش"}, {"f", "ف"}, {"q", "ق"}, {"k", "ك"}, {"l", "ل"}, {"m", "م"}, {"n", "ن"}, {"gh", "غ"}, {"dh", "ذ"}};
  static const std::vector<std::pair<const char*, const char*>> kEndings = {{"i", "ي"}, {"ani", "اني"}, {"awi", "اوي"}};
  const auto& c1 = Pick(rng, kConsonants);
  const auto& c2 = Pick(rng, kConsonants);
  const auto& c3 = Pick(rng, kConsonants);
  const auto& end = Pick(rng, kEndings);
  const bool article = Chance(rng, 0.7);
  static const char* kShort[] = {"a", "i", ""};
  latin = std::string(article ? "Al-" : "") + Capitalise(std::string(c1.first) + "a" + c2.first + kShort[Below(rng, 3)] + c3.first + end.first);
  arabic = std::string(article ? "ال" : "") + c1.second + "ا" + c2.second + c3.second + end.second;
}

// ---- persons -----------------------------------------------------------------------

// A person's name in parts. native_* are empty for Latin cultures.
struct PersonParts {
  std::string culture;
  std::string given, middle, family;          // Latin (or romanised) spelling
  std::string n_given, n_middle, n_family;    // native script
  int convention = 0;                         // romanisation used for the Latin alias
};

const Culture& CultureByKey(const std::string& key) {
  for (const Culture& c : Cultures())
    if (c.key == key) return c;
  return Cultures().front();
}

std::string Syllables(uint64_t& rng, const std::vector<std::string>& from, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += Pick(rng, from);
  return s;
}

PersonParts MakePerson(uint64_t& rng) {
  static const std::vector<std::pair<std::string, int>> kCultures = {
      {"en", 14}, {"de", 10}, {"ro", 6}, {"ee", 3}, {"tr", 6}, {"ru", 22}, {"gr", 6}, {"ar", 18}, {"zh", 15}};
  int total = 0;
  for (const auto& c : kCultures) total += c.second;
  int r = static_cast<int>(Below(rng, static_cast<std::size_t>(total)));
  std::string key;
  for (const auto& c : kCultures) {
    if (r < c.second) {
      key = c.first;
      break;
    }
    r -= c.second;
  }
  PersonParts p;
  p.culture = key;
  const bool female = Chance(rng, 0.35);
  if (key == "zh") {
    const Han& s = Pick(rng, HanSurnames());
    p.n_family = s.han;
    p.family = Capitalise(s.pinyin);
    const int n = Chance(rng, 0.75) ? 2 : 1;
    std::string g;
    for (int i = 0; i < n; ++i) {
      const Han& h = Pick(rng, HanGiven());
      p.n_given += h.han;
      g += h.pinyin;
    }
    p.given = Capitalise(g);
    return p;
  }
  const Culture& c = CultureByKey(key);
  const Spelling& given = Pick(rng, female && !c.female.empty() ? c.female : c.male);
  if (key == "ru") {
    p.n_given = given.native;
    std::string fam;
    if (Chance(rng, 0.15)) {
      const FamilyName& f = Pick(rng, c.family);
      fam = female ? f.female.native : f.male.native;
    } else {
      const auto& suffix = Pick(rng, CyrillicSuffixes());
      fam = Syllables(rng, CyrillicSyllables(), 1 + static_cast<int>(Below(rng, 3)));
      fam += female ? suffix.second : suffix.first;
      fam = Encode(std::u32string(1, Decode(fam)[0] - 0x20)) + Encode(Decode(fam).substr(1));  // capital first letter
    }
    p.n_family = fam;
    if (Chance(rng, 0.7) && !c.patronymic_stems.empty()) p.n_middle = Pick(rng, c.patronymic_stems).native + (female ? "на" : "ич");
    p.convention = static_cast<int>(Below(rng, 4));
    p.given = RomaniseCyrillic(p.n_given, p.convention);
    p.middle = RomaniseCyrillic(p.n_middle, p.convention);
    p.family = RomaniseCyrillic(p.n_family, p.convention);
  } else if (key == "gr") {
    p.n_given = given.native;
    if (Chance(rng, 0.15)) {
      const FamilyName& f = Pick(rng, c.family);
      p.n_family = female ? f.female.native : f.male.native;
    } else {
      std::string fam = Syllables(rng, GreekSyllables(), 1 + static_cast<int>(Below(rng, 3))) + Pick(rng, GreekSuffixes());
      std::u32string u = Decode(fam);
      u[0] -= 0x20;                                    // capital first letter
      if (u.back() == U'σ') u.back() = U'ς';           // final sigma
      p.n_family = Encode(u);
    }
    p.convention = static_cast<int>(Below(rng, 3));
    p.given = RomaniseGreek(p.n_given, p.convention);
    p.family = RomaniseGreek(p.n_family, p.convention);
  } else if (key == "ar") {
    p.n_given = given.native;
    p.given = given.latin;
    const Spelling& father = Pick(rng, c.male);
    p.n_middle = father.native;
    p.middle = father.latin;
    if (Chance(rng, 0.3)) {
      const FamilyName& f = Pick(rng, c.family);
      p.n_family = f.male.native;
      p.family = f.male.latin;
    } else {
      ArabicNisba(rng, p.family, p.n_family);
    }
    if (Chance(rng, 0.5)) {  // a grandfather: "Ahmed Ali Hassan Al-Tamimi"
      const Spelling& grand = Pick(rng, c.male);
      p.n_middle += " " + grand.native;
      p.middle += " " + grand.latin;
    }
  } else {
    p.given = given.latin;
    if (Chance(rng, 0.25)) p.middle = Pick(rng, female && !c.female.empty() ? c.female : c.male).latin;
    if (Chance(rng, 0.2)) {
      p.family = Pick(rng, c.family).male.latin;
    } else {
      p.family = Capitalise(Syllables(rng, LatinSyllables(), 1 + static_cast<int>(Below(rng, 3))) +
                            Pick(rng, LatinSurnameSuffixes().at(key)));
    }
  }
  return p;
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::string LatinFull(const PersonParts& p) {
  if (p.culture == "zh") return Join({p.family, p.given});
  return Join({p.given, p.middle, p.family});
}
std::string NativeFull(const PersonParts& p) {
  if (p.culture == "zh") return p.n_family + p.n_given;
  return Join({p.n_given, p.n_middle, p.n_family});
}
bool HasNative(const PersonParts& p) { return !p.n_given.empty(); }

// ---- companies -------------------------------------------------------------------

struct CompanyParts {
  std::string country;
  std::string coined, sector, form;        // Latin
  std::string n_coined, n_noun, n_form;    // Russian companies: Cyrillic
};

CompanyParts MakeCompany(uint64_t& rng) {
  CompanyParts c;
  int total = 0;
  for (const Jurisdiction& j : Jurisdictions()) total += j.weight;
  int r = static_cast<int>(Below(rng, static_cast<std::size_t>(total)));
  const Jurisdiction* jur = &Jurisdictions().front();
  for (const Jurisdiction& j : Jurisdictions()) {
    if (r < j.weight) {
      jur = &j;
      break;
    }
    r -= j.weight;
  }
  c.country = jur->country;
  const Spelling& form = Pick(rng, jur->legal_forms);
  if (c.country == "ru") {
    std::string coined = Syllables(rng, CyrillicSyllables(), 2 + static_cast<int>(Below(rng, 2)));
    std::u32string u = Decode(coined);
    u[0] -= 0x20;
    c.n_coined = Encode(u);
    const Spelling& noun = Pick(rng, RussianFirmNouns());
    c.n_noun = noun.native;
    c.n_form = form.native;
    const int conv = static_cast<int>(Below(rng, 4));
    c.coined = RomaniseCyrillic(c.n_coined, conv);
    c.sector = noun.latin;
    c.form = Chance(rng, 0.5) ? std::string("LLC") : form.latin;
    return c;
  }
  c.coined = Capitalise(Syllables(rng, LatinSyllables(), 2 + static_cast<int>(Below(rng, 2))));
  if (Chance(rng, 0.3)) c.coined = Pick(rng, CompanyPrefixes()) + " " + c.coined;
  if (Chance(rng, 0.7)) c.sector = Pick(rng, CompanySectors());
  c.form = form.latin;
  return c;
}

std::string CompanyLatin(const CompanyParts& c) { return Join({c.coined, c.sector, c.form}); }
std::string CompanyNative(const CompanyParts& c) { return c.n_form + " «" + c.n_coined + " " + c.n_noun + "»"; }

// ---- query variants ------------------------------------------------------------------

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

std::string Shuffle(const std::string& s, uint64_t& rng) {
  std::vector<std::string> w = Words(s);
  if (w.size() < 2) return s;
  const std::vector<std::string> before = w;
  for (int tries = 0; tries < 5 && w == before; ++tries)
    for (std::size_t i = w.size() - 1; i > 0; --i) std::swap(w[i], w[Below(rng, i + 1)]);
  if (w == before) std::reverse(w.begin(), w.end());
  return JoinWords(w);
}

}  // namespace

uint64_t NextRandom(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string RandomEdit(const std::string& text, uint64_t& rng) {
  std::u32string u = Decode(text);
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < u.size(); ++i)
    if (u[i] != U' ' && u[i] != U',' && u[i] != U'-' && u[i] != U'.') letters.push_back(i);
  if (letters.empty()) return text;
  const std::size_t at = letters[Below(rng, letters.size())];
  // A replacement letter from the same script: a neighbour in the code chart.
  const char32_t near = u[at] < 0x80 ? static_cast<char32_t>(U'a' + Below(rng, 26)) : u[at] + static_cast<char32_t>(1 + Below(rng, 3));
  switch (Below(rng, 4)) {
    case 0: u.insert(u.begin() + static_cast<std::ptrdiff_t>(at), near); break;
    case 1:
      if (letters.size() > 1) u.erase(at, 1);
      else u[at] = near;
      break;
    case 2: u[at] = near == u[at] ? near + 1 : near; break;
    default:
      if (at + 1 < u.size() && u[at + 1] != U' ' && u[at + 1] != u[at]) std::swap(u[at], u[at + 1]);
      else u[at] = near == u[at] ? near + 1 : near;
  }
  return Encode(u);
}

GenCorpus GenerateMatchCorpus(std::size_t entities, std::size_t queries, uint64_t seed) {
  GenCorpus corpus;
  corpus.entities.reserve(entities);
  uint64_t rng = seed;
  std::unordered_set<std::string> seen;
  seen.reserve(entities * 2);
  std::vector<PersonParts> persons(entities);
  std::vector<CompanyParts> companies(entities);
  auto fold_key = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };
  for (std::size_t i = 0; i < entities; ++i) {
    GenEntity e;
    if (Chance(rng, 0.6)) {
      e.cls = GenClass::kPerson;
      PersonParts p;
      for (int tries = 0; tries < 20; ++tries) {
        p = MakePerson(rng);
        // Distinct in the script the name is written in first: two entities with
        // one Cyrillic or Greek name under two romanisations would be one name.
        if (seen.insert(fold_key(HasNative(p) ? NativeFull(p) : LatinFull(p))).second) break;
      }
      e.culture = p.culture;
      const bool native_only = HasNative(p) && Chance(rng, 0.25);
      const bool latin_only = HasNative(p) && !native_only && Chance(rng, 0.2);
      if (HasNative(p) && !latin_only) e.names.push_back(NativeFull(p));
      if (!native_only) e.names.push_back(LatinFull(p));
      if (Chance(rng, 0.3) && p.culture != "zh") e.names.push_back(Upper(p.family) + ", " + Join({p.given, p.middle}));
      persons[i] = std::move(p);
    } else {
      e.cls = GenClass::kCompany;
      CompanyParts c;
      for (int tries = 0; tries < 20; ++tries) {
        c = MakeCompany(rng);
        if (seen.insert(fold_key(c.country == "ru" ? c.n_coined + c.n_noun : c.coined + " " + c.sector)).second) break;
      }
      e.culture = c.country;
      if (c.country == "ru") {
        e.names.push_back(CompanyNative(c));
        if (Chance(rng, 0.6)) e.names.push_back(CompanyLatin(c));
      } else {
        e.names.push_back(CompanyLatin(c));
        if (Chance(rng, 0.2)) e.names.push_back(Join({c.coined, c.sector}));
      }
      companies[i] = std::move(c);
    }
    corpus.entities.push_back(std::move(e));
  }

  static const std::vector<std::string> kKinds = {"typo", "reorder", "missing", "initials", "translit", "mixed"};
  corpus.queries.reserve(queries);
  for (std::size_t q = 0; q < queries; ++q) {
    GenQuery query;
    query.entity = static_cast<uint32_t>(Below(rng, entities));
    query.kind = kKinds[q % kKinds.size()];
    query.legal_entity = Chance(rng, 0.1);
    const GenEntity& e = corpus.entities[query.entity];
    std::string& t = query.text;
    if (e.cls == GenClass::kPerson) {
      const PersonParts& p = persons[query.entity];
      const bool indexed_native = HasNative(p) && e.names.front() == NativeFull(p);
      const bool indexed_latin = std::find(e.names.begin(), e.names.end(), LatinFull(p)) != e.names.end();
      // Another romanisation of a native name, and the other script.
      auto other_script = [&]() -> std::string {
        if (!HasNative(p)) return "";
        if (!indexed_native) return NativeFull(p);
        if (p.culture == "ru") return Join({RomaniseCyrillic(p.n_given, (p.convention + 1) % 4), RomaniseCyrillic(p.n_family, (p.convention + 1) % 4)});
        if (p.culture == "gr") return Join({RomaniseGreek(p.n_given, (p.convention + 1) % 3), RomaniseGreek(p.n_family, (p.convention + 1) % 3)});
        if (p.culture == "ar") return Join({VaryArabicLatin(p.given, rng), VaryArabicLatin(p.middle, rng), VaryArabicLatin(p.family, rng)});
        if (p.culture == "zh") {
          // Western order, and the given name's syllables sometimes apart.
          return Chance(rng, 0.5) ? Join({p.given, p.family}) : Join({p.family, p.given});
        }
        return "";
      };
      const std::string base = indexed_latin ? LatinFull(p) : e.names.front();
      if (query.kind == "typo") {
        t = RandomEdit(Chance(rng, 0.5) ? base : e.names[Below(rng, e.names.size())], rng);
      } else if (query.kind == "reorder") {
        t = p.culture == "zh" ? Join({p.given, p.family}) : Upper(p.family) + ", " + Join({p.given, p.middle});
      } else if (query.kind == "missing") {
        // The middle name or patronymic left out; without one, the given name cut
        // short ("Alex Smith", "Wang Xiao").
        if (p.culture == "ar" && p.middle.find(' ') != std::string::npos) {
          t = Join({p.given, p.middle.substr(0, p.middle.find(' ')), p.family});
        } else if (!p.middle.empty()) {
          t = Join({p.given, p.family});
          if (p.culture == "ru" && indexed_native && Chance(rng, 0.5)) t = Join({p.n_given, p.n_family});
        } else {
          const std::u32string g = Decode(p.given);
          const std::string cut = Encode(g.substr(0, std::max<std::size_t>(3, g.size() - 3)));
          t = p.culture == "zh" ? Join({p.family, cut}) : Join({cut, p.family});
        }
      } else if (query.kind == "initials") {
        // A Chinese given name has no useful initial ("Wang X." names thousands):
        // Western order with the syllables apart instead ("Xiao Ming Wang").
        if (p.culture == "zh") {
          std::string spaced;
          for (const Han& h : HanGiven())
            if (spaced.empty() && p.given.size() > std::strlen(h.pinyin) && Upper(p.given).rfind(Upper(h.pinyin), 0) == 0)
              spaced = Capitalise(h.pinyin) + " " + Capitalise(p.given.substr(std::strlen(h.pinyin)));
          t = Join({spaced.empty() ? p.given : spaced, p.family});
          query.kind = "reorder";
        }
        else if (!p.middle.empty()) t = Join({p.given, Initial(p.middle), p.family});
        else t = Join({Initial(p.given), p.family});
      } else if (query.kind == "translit") {
        t = other_script();
        if (t.empty()) t = RandomEdit(Shuffle(base, rng), rng), query.kind = "mixed";
      } else {
        std::string o = other_script();
        t = RandomEdit(o.empty() ? Shuffle(base, rng) : o, rng);
      }
    } else {
      const CompanyParts& c = companies[query.entity];
      const bool ru = c.country == "ru";
      const bool has_latin = e.names.size() > 1 || !ru;
      const std::string base = has_latin ? CompanyLatin(c) : e.names.front();
      // The legal form a query may write: the entity's own Latin one, or its Cyrillic
      // one romanised ("PAO" for ПАО). Another form ("OOO" for an АО) is another company.
      const std::string form = has_latin || !ru ? c.form : RomaniseCyrillic(c.n_form, 1);
      if (query.kind == "typo") {
        t = RandomEdit(base, rng);
      } else if (query.kind == "reorder" || query.kind == "initials") {
        t = ru ? Join({form, c.coined, c.sector}) : Shuffle(CompanyLatin(c), rng);
        query.kind = "reorder";
      } else if (query.kind == "missing") {
        t = ru && !has_latin ? c.n_coined + " " + c.n_noun : Join({c.coined, c.sector});
        if (t == e.names.back()) t = Join({c.coined, c.form});
      } else if (query.kind == "translit") {
        if (ru) {
          t = has_latin ? c.n_coined + " " + c.n_noun + " " + c.n_form : Join({RomaniseCyrillic(c.n_coined, 1), c.sector, form});
        } else {
          t = RandomEdit(Shuffle(base, rng), rng);
          query.kind = "mixed";
        }
      } else {
        t = RandomEdit(Shuffle(base, rng), rng);
      }
    }
    corpus.queries.push_back(std::move(query));
  }
  return corpus;
}

}  // namespace dossier::bench
