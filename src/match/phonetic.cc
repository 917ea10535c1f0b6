// Phonetic keys: Double Metaphone, Daitch-Mokotoff Soundex (simplified), and
// consonant skeletons. See phonetic.h for the contracts.
#include "match/phonetic.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <limits>

namespace dossier::match {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Letters kept (case chosen by `upper`), every other run of bytes one space, trimmed.
std::string Letters(std::string_view in, bool upper) {
  std::string out;
  out.reserve(in.size());
  bool gap = false;
  for (char c : in) {
    if (IsUpper(c) || IsLower(c)) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      const char lower = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
      out += upper ? static_cast<char>(lower - 'a' + 'A') : lower;
    } else {
      gap = true;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Double Metaphone.
//
// The word is read left to right; at each position the letter (and the letters
// around it) decide what to append to the primary and the alternate key and how
// many letters were consumed. The rules below follow Philips' published
// description letter by letter: vowels count only at the start (as "A"); doubled
// consonants are read once; silent letters ("gn", "kn", "pn", "wr", "ps" at the
// start, "gh" after most vowels, "b" in "mb" at the end) are skipped; and where a
// spelling has two plausible readings -- a Germanic and a Romance or Slavic one,
// say -- the primary key takes the more common and the alternate the other.
// "Slavo-Germanic" words (containing w, k, cz or witz) prefer readings of those
// languages in a few rules.
class DoubleMetaphoneCoder {
 public:
  DoubleMetaphoneCoder(std::string_view word, std::size_t max_length)
      : max_(max_length == 0 ? std::numeric_limits<std::size_t>::max() : max_length) {
    word_ = Letters(word, true);
    length_ = static_cast<int>(word_.size());
    last_ = length_ - 1;
    // Padding: rules look a few letters past the end, where they see spaces.
    padded_ = word_ + "      ";
    slavo_germanic_ = word_.find('W') != std::string::npos || word_.find('K') != std::string::npos ||
                      word_.find("CZ") != std::string::npos || word_.find("WITZ") != std::string::npos;
  }

  DoubleMetaphoneKeys Run() {
    int cur = 0;
    if (Is(0, {"GN", "KN", "PN", "WR", "PS"})) cur = 1;
    if (At(0) == 'X') {  // initial X sounds as S ("Xavier")
      Add("S");
      cur = 1;
    }
    while ((primary_.size() < max_ || alternate_.size() < max_) && cur < length_) cur = Step(cur);
    if (primary_.size() > max_) primary_.resize(max_);
    if (alternate_.size() > max_) alternate_.resize(max_);
    return {primary_, alternate_};
  }

 private:
  char At(int i) const { return i >= 0 && i < static_cast<int>(padded_.size()) ? padded_[static_cast<std::size_t>(i)] : '\0'; }

  bool Is(int pos, std::initializer_list<std::string_view> options) const {
    if (pos < 0) return false;
    for (std::string_view o : options)
      if (static_cast<std::size_t>(pos) + o.size() <= padded_.size() &&
          std::string_view(padded_).substr(static_cast<std::size_t>(pos), o.size()) == o)
        return true;
    return false;
  }

  bool Vowel(int i) const {
    const char c = At(i);
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
  }

  void Add(std::string_view both) { Add(both, both); }
  void Add(std::string_view main, std::string_view alt) {
    primary_ += main;
    alternate_ += alt;
  }

  // Consumes the letter at cur (with any letters read together with it); returns the
  // next position.
  int Step(int cur) {
    switch (At(cur)) {
      case 'A': case 'E': case 'I': case 'O': case 'U': case 'Y':
        if (cur == 0) Add("A");
        return cur + 1;
      case 'B':
        Add("P");
        return cur + (At(cur + 1) == 'B' ? 2 : 1);
      case 'C':
        return StepC(cur);
      case 'D':
        if (Is(cur, {"DG"})) {
          if (Is(cur + 2, {"I", "E", "Y"})) {  // "edge"
            Add("J");
            return cur + 3;
          }
          Add("TK");  // "edgar"
          return cur + 2;
        }
        Add("T");
        return cur + (Is(cur, {"DT", "DD"}) ? 2 : 1);
      case 'F':
        Add("F");
        return cur + (At(cur + 1) == 'F' ? 2 : 1);
      case 'G':
        return StepG(cur);
      case 'H':  // only between vowels or at the start before one
        if ((cur == 0 || Vowel(cur - 1)) && Vowel(cur + 1)) {
          Add("H");
          return cur + 2;
        }
        return cur + 1;
      case 'J':
        return StepJ(cur);
      case 'K':
        Add("K");
        return cur + (At(cur + 1) == 'K' ? 2 : 1);
      case 'L':
        if (At(cur + 1) == 'L') {
          // Spanish "ll" ("cabrillo", "gallegos") may be silent
          if ((cur == length_ - 3 && Is(cur - 1, {"ILLO", "ILLA", "ALLE"})) ||
              ((Is(last_ - 1, {"AS", "OS"}) || Is(last_, {"A", "O"})) && Is(cur - 1, {"ALLE"}))) {
            Add("L", "");
            return cur + 2;
          }
          Add("L");
          return cur + 2;
        }
        Add("L");
        return cur + 1;
      case 'M':
        Add("M");
        // silent b in "dumb", "thumb", "thumber"
        if ((Is(cur - 1, {"UMB"}) && (cur + 1 == last_ || Is(cur + 2, {"ER"}))) || At(cur + 1) == 'M') return cur + 2;
        return cur + 1;
      case 'N':
        Add("N");
        return cur + (At(cur + 1) == 'N' ? 2 : 1);
      case 'P':
        if (At(cur + 1) == 'H') {
          Add("F");
          return cur + 2;
        }
        Add("P");
        return cur + (Is(cur + 1, {"P", "B"}) ? 2 : 1);
      case 'Q':
        Add("K");
        return cur + (At(cur + 1) == 'Q' ? 2 : 1);
      case 'R':
        // French final "-ier" ("Rogier") may drop the r
        if (cur == last_ && !slavo_germanic_ && Is(cur - 2, {"IE"}) && !Is(cur - 4, {"ME", "MA"}))
          Add("", "R");
        else
          Add("R");
        return cur + (At(cur + 1) == 'R' ? 2 : 1);
      case 'S':
        return StepS(cur);
      case 'T':
        return StepT(cur);
      case 'V':
        Add("F");
        return cur + (At(cur + 1) == 'V' ? 2 : 1);
      case 'W':
        return StepW(cur);
      case 'X':
        // French final x is silent ("Breaux")
        if (!(cur == last_ && (Is(cur - 3, {"IAU", "EAU"}) || Is(cur - 2, {"AU", "OU"})))) Add("KS");
        return cur + (Is(cur + 1, {"C", "X"}) ? 2 : 1);
      case 'Z':
        if (At(cur + 1) == 'H') {  // pinyin "zhao"
          Add("J");
          return cur + 2;
        }
        if (Is(cur + 1, {"ZO", "ZI", "ZA"}) || (slavo_germanic_ && cur > 0 && At(cur - 1) != 'T'))
          Add("S", "TS");
        else
          Add("S");
        return cur + (At(cur + 1) == 'Z' ? 2 : 1);
      default:  // spaces
        return cur + 1;
    }
  }

  int StepC(int cur) {
    // Germanic "-ach-" as in "bacher", "macher": K
    if (cur > 1 && !Vowel(cur - 2) && Is(cur - 1, {"ACH"}) && At(cur + 2) != 'I' &&
        (At(cur + 2) != 'E' || Is(cur - 2, {"BACHER", "MACHER"}))) {
      Add("K");
      return cur + 2;
    }
    if (cur == 0 && Is(cur, {"CAESAR"})) {
      Add("S");
      return cur + 2;
    }
    if (Is(cur, {"CHIA"})) {  // Italian "chianti"
      Add("K");
      return cur + 2;
    }
    if (Is(cur, {"CH"})) {
      if (cur > 0 && Is(cur, {"CHAE"})) {  // "michael"
        Add("K", "X");
        return cur + 2;
      }
      // Greek roots at the start: "character", "charisma", "chorus", "chemistry"
      if (cur == 0 && (Is(cur + 1, {"HARAC", "HARIS"}) || Is(cur + 1, {"HOR", "HYM", "HIA", "HEM"})) &&
          !Is(0, {"CHORE"})) {
        Add("K");
        return cur + 2;
      }
      // Germanic and Greek "ch" read as K: "orchestra", "architect", "school"
      if (Is(0, {"VAN ", "VON ", "SCH"}) || Is(cur - 2, {"ORCHES", "ARCHIT", "ORCHID"}) || Is(cur + 2, {"T", "S"}) ||
          ((cur == 0 || Is(cur - 1, {"A", "O", "U", "E"})) &&
           Is(cur + 2, {"L", "R", "N", "M", "B", "H", "F", "V", "W", " "}))) {
        Add("K");
      } else if (cur > 0) {
        if (Is(0, {"MC"}))
          Add("K");  // "mchugh"
        else
          Add("X", "K");
      } else {
        Add("X");
      }
      return cur + 2;
    }
    if (Is(cur, {"CZ"}) && !Is(cur - 2, {"WICZ"})) {  // "czerny"
      Add("S", "X");
      return cur + 2;
    }
    if (Is(cur + 1, {"CIA"})) {  // "focaccia"
      Add("X");
      return cur + 3;
    }
    if (Is(cur, {"CC"}) && !(cur == 1 && At(0) == 'M')) {  // not "mccarthy"
      if (Is(cur + 2, {"I", "E", "H"}) && !Is(cur + 2, {"HU"})) {
        if ((cur == 1 && At(0) == 'A') || Is(cur - 1, {"UCCEE", "UCCES"}))
          Add("KS");  // "accident", "succeed"
        else
          Add("X");  // "bacci", "bertucci"
        return cur + 3;
      }
      Add("K");
      return cur + 2;
    }
    if (Is(cur, {"CK", "CG", "CQ"})) {
      Add("K");
      return cur + 2;
    }
    if (Is(cur, {"CI", "CE", "CY"})) {
      if (Is(cur, {"CIO", "CIE", "CIA"}))
        Add("S", "X");  // Italian
      else
        Add("S");
      return cur + 2;
    }
    Add("K");
    if (Is(cur + 1, {" C", " Q", " G"})) return cur + 3;  // "mac caffrey"
    if (Is(cur + 1, {"C", "K", "Q"}) && !Is(cur + 1, {"CE", "CI"})) return cur + 2;
    return cur + 1;
  }

  int StepG(int cur) {
    if (At(cur + 1) == 'H') {
      if (cur > 0 && !Vowel(cur - 1)) {
        Add("K");
        return cur + 2;
      }
      if (cur == 0) {  // "ghislane" J, "ghetto" K
        Add(At(cur + 2) == 'I' ? "J" : "K");
        return cur + 2;
      }
      // silent after b, h, d a few letters back: "hugh", "bough", "broughton"
      if ((cur > 1 && Is(cur - 2, {"B", "H", "D"})) || (cur > 2 && Is(cur - 3, {"B", "H", "D"})) ||
          (cur > 3 && Is(cur - 4, {"B", "H"})))
        return cur + 2;
      if (cur > 2 && At(cur - 1) == 'U' && Is(cur - 3, {"C", "G", "L", "R", "T"}))
        Add("F");  // "laugh", "cough", "tough"
      else if (cur > 0 && At(cur - 1) != 'I')
        Add("K");
      return cur + 2;
    }
    if (At(cur + 1) == 'N') {
      if (cur == 1 && Vowel(0) && !slavo_germanic_)
        Add("KN", "N");
      else if (!Is(cur + 2, {"EY"}) && !slavo_germanic_)
        Add("N", "KN");  // "campagne"
      else
        Add("KN");
      return cur + 2;
    }
    if (Is(cur + 1, {"LI"}) && !slavo_germanic_) {  // Italian "tagliaro"
      Add("KL", "L");
      return cur + 2;
    }
    // initial g before e, i, y: K or J ("gerald", "gibson")
    if (cur == 0 && (At(cur + 1) == 'Y' || Is(cur + 1, {"ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER"}))) {
      Add("K", "J");
      return cur + 2;
    }
    if ((Is(cur + 1, {"ER"}) || At(cur + 1) == 'Y') && !Is(0, {"DANGER", "RANGER", "MANGER"}) &&
        !Is(cur - 1, {"E", "I"}) && !Is(cur - 1, {"RGY", "OGY"})) {
      Add("K", "J");
      return cur + 2;
    }
    if (Is(cur + 1, {"E", "I", "Y"}) || Is(cur - 1, {"AGGI", "OGGI"})) {
      if (Is(0, {"VAN ", "VON ", "SCH"}) || Is(cur + 1, {"ET"}))
        Add("K");  // Germanic
      else if (Is(cur + 1, {"IER "}))
        Add("J");
      else
        Add("J", "K");
      return cur + 2;
    }
    Add("K");
    return cur + (At(cur + 1) == 'G' ? 2 : 1);
  }

  int StepJ(int cur) {
    if (Is(cur, {"JOSE"}) || Is(0, {"SAN "})) {  // Spanish "jose", "san jacinto"
      if ((cur == 0 && At(cur + 4) == ' ') || Is(0, {"SAN "}))
        Add("H");
      else
        Add("J", "H");
      return cur + 1;
    }
    if (cur == 0)
      Add("J", "A");  // "jankelowicz" / "yankelovich"
    else if (Vowel(cur - 1) && !slavo_germanic_ && (At(cur + 1) == 'A' || At(cur + 1) == 'O'))
      Add("J", "H");  // Spanish
    else if (cur == last_)
      Add("J", "");
    else if (!Is(cur + 1, {"L", "T", "K", "S", "N", "M", "B", "Z"}) && !Is(cur - 1, {"S", "K", "L"}))
      Add("J");
    return cur + (At(cur + 1) == 'J' ? 2 : 1);
  }

  int StepS(int cur) {
    if (Is(cur - 1, {"ISL", "YSL"})) return cur + 1;  // "island", "carlisle"
    if (cur == 0 && Is(cur, {"SUGAR"})) {
      Add("X", "S");
      return cur + 1;
    }
    if (Is(cur, {"SH"})) {
      Add(Is(cur + 1, {"HEIM", "HOEK", "HOLM", "HOLZ"}) ? "S" : "X");  // Germanic compounds
      return cur + 2;
    }
    if (Is(cur, {"SIO", "SIA"})) {  // "session", Italian "sia"
      if (slavo_germanic_)
        Add("S");
      else
        Add("S", "X");
      return cur + 3;
    }
    // German "sm", "sn", "sl", "sw" at the start and "sz": S or X ("schmidt" meets "smith")
    if ((cur == 0 && Is(cur + 1, {"M", "N", "L", "W"})) || Is(cur + 1, {"Z"})) {
      Add("S", "X");
      return cur + (Is(cur + 1, {"Z"}) ? 2 : 1);
    }
    if (Is(cur, {"SC"})) {
      if (At(cur + 2) == 'H') {
        if (Is(cur + 3, {"OO", "ER", "EN", "UY", "ED", "EM"})) {  // Dutch "school", "schenker"
          if (Is(cur + 3, {"ER", "EN"}))
            Add("X", "SK");
          else
            Add("SK");
          return cur + 3;
        }
        if (cur == 0 && !Vowel(3) && At(3) != 'W')
          Add("X", "S");  // "schlesinger", "schmidt"
        else
          Add("X");
        return cur + 3;
      }
      if (Is(cur + 2, {"I", "E", "Y"})) {
        Add("S");
        return cur + 3;
      }
      Add("SK");
      return cur + 3;
    }
    if (cur == last_ && Is(cur - 2, {"AI", "OI"}))
      Add("", "S");  // French "artois"
    else
      Add("S");
    return cur + (Is(cur + 1, {"S", "Z"}) ? 2 : 1);
  }

  int StepT(int cur) {
    if (Is(cur, {"TION", "TIA", "TCH"})) {
      Add("X");
      return cur + 3;
    }
    if (Is(cur, {"TH", "TTH"})) {
      if (Is(cur + 2, {"OM", "AM"}) || Is(0, {"VAN ", "VON ", "SCH"}))
        Add("T");  // "thomas", "thames"
      else
        Add("0", "T");
      return cur + 2;
    }
    Add("T");
    return cur + (Is(cur + 1, {"T", "D"}) ? 2 : 1);
  }

  int StepW(int cur) {
    if (Is(cur, {"WR"})) {
      Add("R");
      return cur + 2;
    }
    if (cur == 0 && (Vowel(cur + 1) || Is(cur, {"WH"}))) {
      if (Vowel(cur + 1))
        Add("A", "F");  // "wasserman" / "vasserman"
      else
        Add("A");
    }
    // Polish "-ewski", final w after a vowel, Germanic "sch...w": silent or F
    if ((cur == last_ && Vowel(cur - 1)) || Is(cur - 1, {"EWSKI", "EWSKY", "OWSKI", "OWSKY"}) || Is(0, {"SCH"})) {
      Add("", "F");
      return cur + 1;
    }
    if (Is(cur, {"WICZ", "WITZ"})) {
      Add("TS", "FX");
      return cur + 4;
    }
    return cur + 1;
  }

  std::size_t max_;
  std::string word_, padded_;
  int length_ = 0, last_ = -1;
  bool slavo_germanic_ = false;
  std::string primary_, alternate_;
};

// ---------------------------------------------------------------------------------
// Daitch-Mokotoff Soundex, simplified.
//
// The word is cut greedily into the longest letter groups of the table; each group
// has a code at the start of the word, one before a vowel, and one elsewhere (empty:
// not coded, as for vowels after the start). A few groups have a second reading,
// which forks the code. Equal codes of consecutive groups are written once; a vowel
// between them separates them. Codes are cut or zero-padded to 6 digits.
struct DmRule {
  std::string_view group;
  std::string_view start, before_vowel, other;
  std::string_view alt_start = {}, alt_before_vowel = {}, alt_other = {};
  bool forks = false;
};

constexpr DmRule Same(std::string_view g, std::string_view code) { return {g, code, code, code}; }
constexpr DmRule Fork(std::string_view g, std::string_view code, std::string_view alt) {
  return {g, code, code, code, alt, alt, alt, true};
}

// Longest groups first so the first match is the longest.
constexpr DmRule kDmRules[] = {
    {"schtsch", "2", "4", "4"}, {"zhdzh", "2", "4", "4"},   {"schtsh", "2", "4", "4"}, {"schtch", "2", "4", "4"},
    {"shtch", "2", "4", "4"},   {"shtsh", "2", "4", "4"},   {"stsch", "2", "4", "4"},  Same("ttsch", "4"),
    {"shch", "2", "4", "4"},    {"stch", "2", "4", "4"},    {"strz", "2", "4", "4"},   {"strs", "2", "4", "4"},
    {"stsh", "2", "4", "4"},    {"szcz", "2", "4", "4"},    {"szcs", "2", "4", "4"},   {"scht", "2", "43", "43"},
    {"schd", "2", "43", "43"},  {"zdzh", "2", "4", "4"},    Same("tsch", "4"),         Same("ttch", "4"),
    Same("ttsz", "4"),          Same("zsch", "4"),          Same("sch", "4"),          {"sht", "2", "43", "43"},
    {"szt", "2", "43", "43"},   {"shd", "2", "43", "43"},   {"szd", "2", "43", "43"},  {"zdz", "2", "4", "4"},
    {"zhd", "2", "43", "43"},   {"chs", "5", "54", "54"},   Same("csz", "4"),          Same("czs", "4"),
    Same("drz", "4"),           Same("drs", "4"),           Same("dsh", "4"),          Same("dsz", "4"),
    Same("dzh", "4"),           Same("dzs", "4"),           Same("trz", "4"),          Same("trs", "4"),
    Same("tsh", "4"),           Same("tch", "4"),           Same("tts", "4"),          Same("ttz", "4"),
    Same("tzs", "4"),           Same("tsz", "4"),           Same("zsh", "4"),          {"sd", "2", "43", "43"},
    {"st", "2", "43", "43"},    {"sc", "2", "4", "4"},      {"zd", "2", "43", "43"},   Fork("ch", "5", "4"),
    Fork("ck", "5", "45"),      Same("cz", "4"),            Same("cs", "4"),           Same("ds", "4"),
    Same("dz", "4"),            Same("dt", "3"),            Same("ts", "4"),           Same("tc", "4"),
    Same("tz", "4"),            Same("th", "3"),            Same("zh", "4"),           Same("zs", "4"),
    Same("sh", "4"),            Same("sz", "4"),            {"ks", "5", "54", "54"},   Same("kh", "5"),
    Same("mn", "66"),           Same("nm", "66"),           Same("pf", "7"),           Same("ph", "7"),
    Same("fb", "7"),            Fork("rs", "94", "4"),      Fork("rz", "94", "4"),     {"ai", "0", "1", ""},
    {"aj", "0", "1", ""},       {"ay", "0", "1", ""},       {"au", "0", "7", ""},      {"ei", "0", "1", ""},
    {"ej", "0", "1", ""},       {"ey", "0", "1", ""},       {"eu", "1", "1", ""},      {"ia", "1", "", ""},
    {"ie", "1", "", ""},        {"io", "1", "", ""},        {"iu", "1", "", ""},       {"oi", "0", "1", ""},
    {"oj", "0", "1", ""},       {"oy", "0", "1", ""},       {"ui", "0", "1", ""},      {"uj", "0", "1", ""},
    {"uy", "0", "1", ""},       {"ue", "0", "", ""},        {"a", "0", "", ""},        Same("b", "7"),
    Fork("c", "5", "4"),        Same("d", "3"),             {"e", "0", "", ""},        Same("f", "7"),
    Same("g", "5"),             {"h", "5", "5", ""},        {"i", "0", "", ""},        Fork("j", "1", "4"),
    Same("k", "5"),             Same("l", "8"),             Same("m", "6"),            Same("n", "6"),
    {"o", "0", "", ""},         Same("p", "7"),             Same("q", "5"),            Same("r", "9"),
    Same("s", "4"),             Same("t", "3"),             {"u", "0", "", ""},        Same("v", "7"),
    Same("w", "7"),             {"x", "5", "54", "54"},     {"y", "1", "", ""},        Same("z", "4"),
};

constexpr std::size_t kDmMaxBranches = 8;
constexpr std::size_t kDmDigits = 6;

// The rules whose group starts with a letter, longest first.
const std::vector<const DmRule*>& DmRulesFor(char letter) {
  static const std::array<std::vector<const DmRule*>, 26> index = [] {
    std::array<std::vector<const DmRule*>, 26> by_letter;
    for (const DmRule& r : kDmRules) by_letter[static_cast<std::size_t>(r.group[0] - 'a')].push_back(&r);
    return by_letter;
  }();
  return index[static_cast<std::size_t>(letter - 'a')];
}

bool DmVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

struct DmBranch {
  std::string code;
  std::string_view last;  // code of the previous group ("" after a vowel)
  bool operator==(const DmBranch&) const = default;
};

}  // namespace

DoubleMetaphoneKeys DoubleMetaphone(std::string_view word, std::size_t max_length) {
  return DoubleMetaphoneCoder(word, max_length).Run();
}

std::vector<std::string> DaitchMokotoff(std::string_view word) {
  std::string letters;
  for (char c : Letters(word, false))
    if (c != ' ') letters += c;
  if (letters.empty()) return {};
  const std::string_view w(letters);
  std::vector<DmBranch> branches{DmBranch{}};
  std::size_t pos = 0;
  while (pos < w.size()) {
    const DmRule* rule = nullptr;
    for (const DmRule* r : DmRulesFor(w[pos]))
      if (w.substr(pos).starts_with(r->group)) {
        rule = r;
        break;
      }
    const std::size_t next = pos + rule->group.size();  // every letter has a rule
    const int column = pos == 0 ? 0 : (next < w.size() && DmVowel(w[next]) ? 1 : 2);
    const auto pick = [column](std::string_view s, std::string_view v, std::string_view o) {
      return column == 0 ? s : column == 1 ? v : o;
    };
    std::vector<std::string_view> readings{pick(rule->start, rule->before_vowel, rule->other)};
    if (rule->forks) readings.push_back(pick(rule->alt_start, rule->alt_before_vowel, rule->alt_other));
    std::vector<DmBranch> grown;
    for (const DmBranch& b : branches) {
      for (std::string_view code : readings) {
        DmBranch n = b;
        if (!code.empty() && code != b.last) n.code += code;
        n.last = code;
        if (std::find(grown.begin(), grown.end(), n) == grown.end() && grown.size() < kDmMaxBranches)
          grown.push_back(std::move(n));
      }
    }
    branches = std::move(grown);
    pos = next;
  }
  std::vector<std::string> codes;
  for (DmBranch& b : branches) {
    b.code.resize(kDmDigits, '0');
    if (std::find(codes.begin(), codes.end(), b.code) == codes.end()) codes.push_back(b.code);
  }
  return codes;
}

std::string ConsonantSkeleton(std::string_view folded) {
  const std::string letters = Letters(folded, false);
  std::string out;
  std::size_t i = 0;
  while (i < letters.size()) {
    std::size_t end = letters.find(' ', i);
    if (end == std::string::npos) end = letters.size();
    const std::string_view token = std::string_view(letters).substr(i, end - i);
    if (!out.empty()) out += ' ';
    out += DmVowel(token[0]) ? 'a' : token[0];
    for (std::size_t k = 1; k < token.size(); ++k) {
      const char c = token[k];
      if (c == token[k - 1]) continue;  // doubled letter
      if (DmVowel(c) || c == 'y' || c == 'w') continue;
      if (c == 'h' && k + 1 == token.size() && (DmVowel(token[k - 1]) || token[k - 1] == 'y')) continue;
      out += c;
    }
    i = end + 1;
  }
  return out;
}

}  // namespace dossier::match
