#include "match/name.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "match/name_latin.h"
#include "model/schema_data.h"

namespace dossier::match {
namespace {

using internal::Cyrillic;

constexpr float kWeightName = 1.0f;
constexpr float kWeightPatronymic = 0.5f;
constexpr float kWeightInitial = 0.5f;
constexpr float kWeightCommon = 0.3f;
constexpr float kWeightConnector = 0.2f;
constexpr float kWeightLegal = 0.1f;
constexpr float kWeightHonorific = 0.1f;

bool IsAlnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A token before roles are known.
struct Raw {
  std::string text;  // lower-case
  bool caps = false;   // has an upper-case letter
  bool lower = false;  // has a lower-case letter
  bool quoted = false;
  int segment = 0;     // number of commas before it
};

// Marks the byte ranges of `s` inside matched quotes: "..." pairs, and '...' pairs
// that open at the start of a word and close at its end (apostrophes inside words
// join them instead).
std::vector<bool> QuotedBytes(std::string_view s) {
  if (s.find_first_of("\"'`") == std::string_view::npos) return {};
  std::vector<bool> q(s.size(), false);
  std::vector<size_t> dq;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '"') dq.push_back(i);
  for (size_t k = 0; k + 1 < dq.size(); k += 2)
    for (size_t i = dq[k]; i <= dq[k + 1]; ++i) q[i] = true;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\'' && s[i] != '`') continue;
    bool before = i > 0 && IsAlnum(static_cast<unsigned char>(s[i - 1]));
    bool after = i + 1 < s.size() && IsAlnum(static_cast<unsigned char>(s[i + 1]));
    if (!before && after) {
      open = i;
    } else if (before && !after && open != std::string_view::npos) {
      for (size_t j = open; j <= i; ++j) q[j] = true;
      open = std::string_view::npos;
    }
  }
  return q;
}

std::vector<Raw> Lex(std::string_view s) {
  std::vector<Raw> out;
  out.reserve(8);
  std::vector<bool> quoted = QuotedBytes(s);
  int segment = 0;
  bool in_token = false;
  for (size_t i = 0; i < s.size() && out.size() <= kMaxTokens; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsAlnum(c)) {
      if (!in_token) {
        out.push_back({});
        out.back().segment = segment;
        out.back().quoted = !quoted.empty() && quoted[i];
        in_token = true;
      }
      Raw& t = out.back();
      if (c >= 'A' && c <= 'Z') {
        t.caps = true;
        c = static_cast<unsigned char>(c - 'A' + 'a');
      } else if (c >= 'a' && c <= 'z') {
        t.lower = true;
      }
      if (t.text.size() < kMaxTokenChars) t.text += static_cast<char>(c);
      continue;
    }
    if ((c == '\'' || c == '`') && in_token && i + 1 < s.size() && IsAlnum(static_cast<unsigned char>(s[i + 1])))
      continue;  // O'Brien
    in_token = false;
    if (c == ',' && !out.empty() && out.back().segment == segment) ++segment;
  }
  if (out.size() > kMaxTokens) out.resize(kMaxTokens);
  return out;
}

// Runs of single letters become one token: "S.A." -> "sa", "A/S" -> "as".
void MergeLetters(std::vector<Raw>& t) {
  std::vector<Raw> out;
  for (size_t i = 0; i < t.size();) {
    size_t j = i;
    while (j < t.size() && t[j].text.size() == 1 && IsAlpha(static_cast<unsigned char>(t[j].text[0]))) ++j;
    if (j - i >= 2) {
      Raw m = t[i];
      for (size_t k = i + 1; k < j; ++k) m.text += t[k].text;
      out.push_back(std::move(m));
      i = j;
    } else {
      out.push_back(std::move(t[i]));
      ++i;
    }
  }
  t = std::move(out);
}

enum Group { kPrefix, kGivenGroup, kPatronymicGroup, kSurnameGroup, kSuffix };

struct Item {
  Raw raw;
  NameToken::Role role = NameToken::kGiven;
  bool assigned = false;
  int group = kGivenGroup;
};

const std::string& TextOf(const Raw& r) { return r.text; }
const std::string& TextOf(const Item& i) { return i.raw.text; }

// Phrases of folded tokens, keyed by the tokens joined with spaces.
struct Phrases {
  std::unordered_map<std::string, int> map;
  std::unordered_set<std::string> firsts, lasts;  // quick rejection
  size_t longest = 0;

  void Add(const std::vector<std::string>& tokens, int value) {
    if (tokens.empty()) return;
    firsts.insert(tokens.front());
    lasts.insert(tokens.back());
    std::string key;
    for (const auto& t : tokens) key += (key.empty() ? "" : " ") + t;
    map.emplace(std::move(key), value);
    longest = std::max(longest, tokens.size());
  }
  // Length of the longest phrase starting at `from` and ending before `to`, 0 if none.
  template <class Text>
  size_t MatchFrom(const std::vector<Text>& t, size_t from, size_t to, int* value) const {
    if (from >= to || !firsts.count(TextOf(t[from]))) return 0;
    thread_local std::string key;
    size_t found = 0;
    key.clear();
    for (size_t n = 1; n <= longest && from + n <= to; ++n) {
      if (n > 1) key += ' ';
      key += TextOf(t[from + n - 1]);
      auto it = map.find(key);
      if (it != map.end()) found = n, *value = it->second;
    }
    return found;
  }
  // Length of the longest phrase ending at `end` (exclusive) and starting at or after `from`.
  template <class Text>
  size_t MatchTo(const std::vector<Text>& t, size_t from, size_t end, int* value) const {
    if (end <= from || !lasts.count(TextOf(t[end - 1]))) return 0;
    thread_local std::string key;
    size_t found = 0;
    for (size_t n = 1; n <= longest && n <= end - from; ++n) {
      key.clear();
      for (size_t k = end - n; k < end; ++k) {
        if (k > end - n) key += ' ';
        key += TextOf(t[k]);
      }
      auto it = map.find(key);
      if (it != map.end()) found = n, *value = it->second;
    }
    return found;
  }
};

struct LegalForm {
  std::string cls, family;
};

struct Lexicon {
  Phrases honorifics, suffixes, legal_anywhere, legal_edge;
  std::vector<LegalForm> legal_forms;  // index = rank: earlier is more specific
  std::unordered_set<std::string> connectors, patronymic_words, common_words;
  std::vector<std::string> patronymic_suffixes;
  std::unordered_map<std::string, std::string> variants;
  // Persons: common Arabic given names to one spelling (names.json).
  std::unordered_map<std::string, std::string> arabic_script_names, person_variants;
};

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// A phrase of the vocabulary folded as names are, in each Cyrillic flavour when it
// is not ASCII (a Ukrainian form may sit in a name the Russian table reads).
std::vector<std::vector<std::string>> FoldPhrase(const std::string& phrase, bool organisation) {
  std::vector<std::vector<std::string>> out;
  auto fold = [&](const std::string& latin) {
    std::vector<Raw> raw = Lex(latin);
    if (organisation) MergeLetters(raw);
    std::vector<std::string> tokens;
    for (auto& r : raw) tokens.push_back(std::move(r.text));
    out.push_back(std::move(tokens));
  };
  NameKind kind = organisation ? NameKind::kOrganisation : NameKind::kOther;
  if (IsAscii(phrase)) {
    fold(phrase);
  } else {
    fold(internal::ToLatin(phrase, kind, Cyrillic::kRussian).text);
    fold(internal::ToLatin(phrase, kind, Cyrillic::kUkrainian).text);
  }
  return out;
}

Lexicon LoadLexicon() {
  Lexicon lx;
  nlohmann::json j = nlohmann::json::parse(model::kNamesJson);
  auto words = [&](const char* key, std::unordered_set<std::string>& into) {
    for (const auto& w : j.at(key))
      for (auto& tokens : FoldPhrase(w.get<std::string>(), false))
        if (tokens.size() == 1) into.insert(tokens[0]);
  };
  for (const auto& h : j.at("honorifics"))
    for (const auto& tokens : FoldPhrase(h.get<std::string>(), false)) lx.honorifics.Add(tokens, 0);
  for (const auto& h : j.at("suffixes"))
    for (const auto& tokens : FoldPhrase(h.get<std::string>(), false)) lx.suffixes.Add(tokens, 0);
  words("connectors", lx.connectors);
  words("patronymic_words", lx.patronymic_words);
  for (const auto& s : j.at("patronymic_suffixes")) lx.patronymic_suffixes.push_back(s.get<std::string>());
  for (const auto& w : j.at("common_words"))
    for (auto& tokens : FoldPhrase(w.get<std::string>(), true))
      if (tokens.size() == 1) lx.common_words.insert(tokens[0]);
  for (const auto& [from, to] : j.at("token_variants").items()) lx.variants[from] = to.get<std::string>();
  for (const auto& [from, to] : j.at("arabic_script_names").items()) lx.arabic_script_names[from] = to.get<std::string>();
  for (const auto& [from, to] : j.at("person_name_variants").items()) lx.person_variants[from] = to.get<std::string>();
  for (const auto& form : j.at("legal_forms")) {
    int rank = static_cast<int>(lx.legal_forms.size());
    LegalForm lf{form.at("class").get<std::string>(), form.at("family").get<std::string>()};
    // The class itself is a form of the class, so a folded name reads back the same.
    lx.legal_edge.Add({lf.cls}, rank);
    for (const auto& p : form.at("anywhere"))
      for (const auto& tokens : FoldPhrase(p.get<std::string>(), true)) lx.legal_anywhere.Add(tokens, rank);
    for (const auto& p : form.at("edge"))
      for (const auto& tokens : FoldPhrase(p.get<std::string>(), true)) lx.legal_edge.Add(tokens, rank);
    lx.legal_forms.push_back(std::move(lf));
  }
  return lx;
}

const Lexicon& Vocab() {
  static const Lexicon lexicon = LoadLexicon();
  return lexicon;
}

bool PatronymicLike(const Lexicon& lx, const std::string& t) {
  for (const auto& s : lx.patronymic_suffixes)
    if (t.size() >= s.size() + 2 && t.compare(t.size() - s.size(), s.size(), s) == 0) return true;
  return false;
}

bool Initial(const std::string& t) { return t.size() == 1 && IsAlpha(static_cast<unsigned char>(t[0])); }

// ---- persons ----

// How "abd" is written when the next word (or its article) is joined to it: "Abdel
// Rahman", "Abdur Rahman"; the same prefixes, written as one word, are read as "abdul".
constexpr std::array<std::string_view, 6> kAbdPrefixes = {"abdel", "abdul", "abdal", "abdol", "abdil", "abdur"};

// "abd" and what follows it, as one token: "abdul" + the name ("Abd al-Rahman",
// "Abdel Rahman", "Abdur Rahman" and عبد الرحمن all read "abdulrahman"), and
// "abdullah" for every spelling of Abd Allah (the Arabic rules give "abd al lh").
std::string AbdulCompound(std::string_view rest) {
  static const std::unordered_set<std::string_view> kAllah = {"allah", "alla", "llah", "lah", "lh", "la",
                                                              "ullah", "ulla", "ellah", "ella", "allh"};
  if (kAllah.count(rest)) return "abdullah";
  return "abdul" + std::string(rest);
}

// Arabic names are written in more ways than any other names on the sanctions
// lists: vowels (Mohammed, Muhammad), the article (Abd al-Rahman, Abdelrahman) and,
// in Arabic script, no short vowels at all (محمد reads "mhmd"). The common given
// names get one spelling each, and one-word "abd" compounds their "abdul" form
// ("abdelrahman", "abdallah"), so the index and the scorer compare like with like.
// Word by word, so it does not depend on the order of the words.
void CanonicalArabicNames(const Lexicon& lx, bool arabic_script, std::vector<Raw>& raw) {
  for (Raw& r : raw) {
    std::string& text = r.text;
    if (text.size() >= 6 && text.compare(0, 3, "abd") == 0) {
      for (std::string_view prefix : kAbdPrefixes)
        if (text.compare(0, prefix.size(), prefix) == 0 && text.size() >= prefix.size() + 2) {
          text = AbdulCompound(std::string_view(text).substr(prefix.size()));
          break;
        }
    }
    if (arabic_script) {
      auto it = lx.arabic_script_names.find(text);
      if (it != lx.arabic_script_names.end()) text = it->second;
    }
    auto it = lx.person_variants.find(text);
    if (it != lx.person_variants.end()) text = it->second;
  }
}

// "abd", an optional article and the name after it, as one token: "Abd al-Rahman",
// "Abdel Rahman" and عبد الرحمن all read "abdulrahman". Run on the tokens in the
// order Folded() writes them, so that a folded name reads back the same; the joined
// token takes the role and weight of the name.
void JoinAbdCompounds(std::vector<NameToken>& tokens) {
  static const std::unordered_set<std::string_view> kArticle = {"al", "el", "ul", "ar", "as", "ad", "az", "ash",
                                                                "at", "an", "ur", "ud", "us"};
  auto is_name = [](const NameToken& t) {
    return t.text.size() >= 2 &&  // "Abd A." stays as written
           (t.role == NameToken::kGiven || t.role == NameToken::kSurname || t.role == NameToken::kPatronymic);
  };
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string& text = tokens[i].text;
    const bool abd = text == "abd" || text == "abdus" ||
                     std::find(kAbdPrefixes.begin(), kAbdPrefixes.end(), text) != kAbdPrefixes.end();
    if (!abd || tokens[i].role == NameToken::kHonorific) continue;
    size_t last = i + 1;
    if (kArticle.count(tokens[last].text) && last + 1 < tokens.size()) ++last;
    if (!is_name(tokens[last])) continue;
    // Every token stays within kMaxTokenChars (the comparators' bit-parallel limit).
    if (tokens[last].text.size() + 5 > kMaxTokenChars) continue;
    NameToken joined = tokens[last];
    joined.text = AbdulCompound(tokens[last].text);
    tokens[i] = std::move(joined);
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 1, tokens.begin() + static_cast<std::ptrdiff_t>(last) + 1);
  }
}

void Person(std::vector<Raw> raw, bool cyrillic, bool arabic_script, NormalisedName& out) {
  const Lexicon& lx = Vocab();
  // Quoted nicknames, unless the whole name is quoted.
  bool any_quoted = false, any_plain = false;
  for (const auto& r : raw) (r.quoted ? any_quoted : any_plain) = true;
  std::vector<Raw> kept;
  for (auto& r : raw) {
    if (any_quoted && any_plain && r.quoted) {
      out.nicknames.push_back(std::move(r.text));
    } else {
      kept.push_back(std::move(r));
    }
  }
  // The name's own words; a nickname keeps its spelling, as it keeps its quotes.
  CanonicalArabicNames(lx, arabic_script, kept);
  std::vector<Item> t;
  for (auto& r : kept) t.push_back({std::move(r)});
  if (t.empty()) return;
  const size_t n = t.size();
  bool comma_form = t.front().raw.segment == 0 && t.back().raw.segment > 0;

  auto set = [&](size_t i, NameToken::Role role, int group) {
    t[i].role = role;
    t[i].group = group;
    t[i].assigned = true;
  };
  // Honorifics at the start of the name (of the given part in "SURNAME, Given"),
  // suffixes at the end; never all of it.
  size_t begin = 0;
  if (comma_form)
    while (begin < n && t[begin].raw.segment == 0) ++begin;
  size_t lo = begin, hi = n;
  int ignored = 0;
  while (lo < hi) {
    size_t len = lx.honorifics.MatchFrom(t, lo, hi, &ignored);
    if (len == 0 || len >= hi - lo + (comma_form ? begin : 0)) break;
    for (size_t k = lo; k < lo + len; ++k) set(k, NameToken::kHonorific, kPrefix);
    lo += len;
  }
  while (hi > lo) {
    size_t len = lx.suffixes.MatchTo(t, lo, hi, &ignored);
    size_t remaining = (hi - lo) + (comma_form ? begin : 0);
    if (len == 0 || len >= remaining) break;
    for (size_t k = hi - len; k < hi; ++k) set(k, NameToken::kHonorific, kSuffix);
    hi -= len;
  }
  std::vector<size_t> body;
  for (size_t i = 0; i < n; ++i)
    if (!t[i].assigned) body.push_back(i);
  if (body.empty()) return;

  // Particles: a run of connector words between two names of one segment, or at
  // the start of the surname part of "BIN LADEN, Usama".
  for (size_t b = 0; b < body.size();) {
    size_t e = b;
    while (e < body.size() && lx.connectors.count(t[body[e]].raw.text)) ++e;
    if (e > b) {
      int seg = t[body[b]].raw.segment;
      bool next = e < body.size() && t[body[e]].raw.segment == seg;
      bool prev = b > 0 && t[body[b - 1]].raw.segment == seg;
      bool surname_start = comma_form && seg == 0 && b == 0;
      if (next && (prev || surname_start))
        for (size_t k = b; k < e; ++k) set(body[k], NameToken::kConnector, kGivenGroup);
      b = e;
    } else {
      ++b;
    }
  }
  std::vector<size_t> names;
  for (size_t i : body)
    if (!t[i].assigned) names.push_back(i);
  if (names.empty()) return;

  std::vector<bool> surname(n, false), patronymic(n, false);
  // "Ziya oglu": the word and the father's name before it.
  auto mark_patronymic_words = [&](const std::vector<size_t>& part) {
    bool found = false;
    for (size_t p = 1; p < part.size(); ++p)
      if (lx.patronymic_words.count(t[part[p]].raw.text)) {
        patronymic[part[p]] = patronymic[part[p - 1]] = true;
        found = true;
      }
    return found;
  };
  // In the given part, a patronymic follows the first given name.
  auto mark_patronymic_suffixes = [&](const std::vector<size_t>& given) {
    for (size_t p = 1; p < given.size(); ++p)
      if (PatronymicLike(lx, t[given[p]].raw.text)) patronymic[given[p]] = true;
  };
  auto given_of = [&]() {
    std::vector<size_t> g;
    for (size_t i : names)
      if (!surname[i] && !patronymic[i]) g.push_back(i);
    return g;
  };

  size_t caps_tokens = 0, mixed_tokens = 0;
  for (size_t i : names) {
    if (t[i].raw.lower) ++mixed_tokens;
    else if (t[i].raw.caps && t[i].raw.text.size() >= 2) ++caps_tokens;
  }
  auto caps = [&](size_t i) { return t[i].raw.caps && !t[i].raw.lower && t[i].raw.text.size() >= 2; };

  if (comma_form && t[names.front()].raw.segment == 0 && t[names.back()].raw.segment > 0) {
    for (size_t i : names)
      if (t[i].raw.segment == 0) surname[i] = true;
    std::vector<size_t> given = given_of();
    mark_patronymic_words(given);
    mark_patronymic_suffixes(given_of());
  } else if (names.size() >= 2 && caps_tokens > 0 && mixed_tokens > 0 && (caps(names.front()) || caps(names.back()))) {
    // "SECHIN Igor Ivanovich", "Igor Ivanovich SECHIN"
    if (caps(names.front())) {
      for (size_t p = 0; p < names.size() && caps(names[p]); ++p) surname[names[p]] = true;
    } else {
      for (size_t p = names.size(); p > 0 && caps(names[p - 1]); --p) surname[names[p - 1]] = true;
    }
    mark_patronymic_words(given_of());
    mark_patronymic_suffixes(given_of());
  } else {
    bool words = mark_patronymic_words(names);
    std::vector<size_t> rest;
    for (size_t i : names)
      if (!patronymic[i]) rest.push_back(i);
    if (rest.size() < 2) {  // "Ziya oglu" alone: no patronymic to set apart
      std::fill(patronymic.begin(), patronymic.end(), false);
      rest = names;
      words = false;
    }
    // Russian official order, "Сечин Игорь Иванович", only when written in
    // Cyrillic: Latin lists mark the surname with a comma or capitals, and a
    // folded name (given names first) must read back the same.
    bool trailing_word = words && patronymic[names.back()];
    if (cyrillic && trailing_word) {
      surname[rest.front()] = true;  // "Мамедов Анар Зия оглы"
    } else if (cyrillic && !trailing_word && rest.size() >= 3 && PatronymicLike(lx, t[rest.back()].raw.text) &&
               !PatronymicLike(lx, t[rest[rest.size() - 2]].raw.text)) {
      patronymic[rest.back()] = true;  // "Сечин Игорь Иванович"
      surname[rest.front()] = true;
    } else {
      // Given names, one run of patronymics, then the surname: "Igor Ivanovich
      // Sechin", "Anar Ziya oglu Mammadov". A run that ends a Latin name is not
      // read as one ("Mammadov Anar Ziya oglu" needs a comma or capitals).
      std::vector<bool> candidate(names.size(), false);
      for (size_t k = 1; k < names.size(); ++k)
        candidate[k] = patronymic[names[k]] || (k + 1 < names.size() && PatronymicLike(lx, t[names[k]].raw.text));
      std::fill(patronymic.begin(), patronymic.end(), false);
      size_t p = 1;
      while (p < names.size() && !candidate[p]) ++p;
      size_t q = p;
      while (q < names.size() && candidate[q]) ++q;
      if (p < names.size() && q < names.size()) {
        for (size_t k = p; k < q; ++k) patronymic[names[k]] = true;
        for (size_t k = q; k < names.size(); ++k) surname[names[k]] = true;
      } else {
        surname[names.back()] = true;
      }
    }
  }

  for (size_t i : names) {
    if (surname[i]) set(i, Initial(t[i].raw.text) ? NameToken::kInitial : NameToken::kSurname, kSurnameGroup);
    else if (patronymic[i]) set(i, NameToken::kPatronymic, kPatronymicGroup);
    else set(i, Initial(t[i].raw.text) ? NameToken::kInitial : NameToken::kGiven, kGivenGroup);
  }
  // A particle belongs with the name after it.
  for (size_t b = body.size(); b > 0; --b) {
    size_t i = body[b - 1];
    if (t[i].role == NameToken::kConnector && b < body.size()) t[i].group = t[body[b]].group;
  }
  std::stable_sort(t.begin(), t.end(), [](const Item& a, const Item& b) { return a.group < b.group; });
  for (auto& it : t) {
    float w = kWeightName;
    switch (it.role) {
      case NameToken::kHonorific: w = kWeightHonorific; break;
      case NameToken::kPatronymic: w = kWeightPatronymic; break;
      case NameToken::kInitial: w = kWeightInitial; break;
      case NameToken::kConnector: w = kWeightConnector; break;
      default: break;
    }
    out.tokens.push_back({std::move(it.raw.text), it.role, w});
  }
  JoinAbdCompounds(out.tokens);
}

// ---- organisations ----

// Marks the legal forms among `t`: legal[i] is the rank of the form token i belongs
// to (-1 for none), phrase_start[i] whether a form's phrase starts there.
void MarkLegalForms(const Lexicon& lx, const std::vector<Raw>& t, std::vector<int>& legal,
                    std::vector<bool>& phrase_start) {
  const size_t n = t.size();
  legal.assign(n, -1);
  phrase_start.assign(n, false);
  auto mark = [&](size_t from, size_t len, int rank) {
    for (size_t k = from; k < from + len; ++k) legal[k] = rank;
    phrase_start[from] = true;
  };
  // From both ends inward, any form; always leave one word of the name.
  size_t lo = 0, hi = n;
  for (bool progress = true; progress && hi - lo > 1;) {
    progress = false;
    int rank = 0;
    size_t a = lx.legal_anywhere.MatchTo(t, lo, hi, &rank);
    int rank_e = 0;
    size_t e = lx.legal_edge.MatchTo(t, lo, hi, &rank_e);
    if (e > a) a = e, rank = rank_e;
    if (a > 0 && a < hi - lo) {
      mark(hi - a, a, rank);
      hi -= a;
      progress = true;
      continue;  // the right end first, so the word kept is the first one
    }
    a = lx.legal_anywhere.MatchFrom(t, lo, hi, &rank);
    e = lx.legal_edge.MatchFrom(t, lo, hi, &rank_e);
    if (e > a) a = e, rank = rank_e;
    if (a > 0 && a < hi - lo) {
      mark(lo, a, rank);
      lo += a;
      progress = true;
    }
  }
  // The long, unambiguous forms anywhere in between.
  for (size_t i = lo; i < hi;) {
    int rank = 0;
    size_t a = lx.legal_anywhere.MatchFrom(t, i, hi, &rank);
    size_t unmarked = 0;
    for (size_t k = 0; k < n; ++k) unmarked += legal[k] < 0;
    if (a > 0 && a < unmarked) {
      mark(i, a, rank);
      i += a;
    } else {
      ++i;
    }
  }
}

void Organisation(std::vector<Raw> t, NormalisedName& out) {
  const Lexicon& lx = Vocab();
  auto variants = [&](std::vector<Raw>& tokens) {
    for (auto& r : tokens) {
      auto v = lx.variants.find(r.text);
      if (v != lx.variants.end()) r.text = v->second;
    }
  };
  MergeLetters(t);
  variants(t);
  int best = -1;
  std::vector<int> forms;  // ranks of the legal forms found, in order
  std::vector<int> legal;
  std::vector<bool> phrase_start;
  // Letters a legal form stood between merge once it is gone ("A OU B" reads back
  // as "ab"), and what they make may itself be, or border on, a legal form ("C SA O
  // Ltd W" leaves "co ltd w"): the words left are analysed again until nothing
  // merges, so that the folded form reads back the same (Folded() is a fixed point).
  for (;;) {
    MarkLegalForms(lx, t, legal, phrase_start);
    std::vector<Raw> kept;
    kept.reserve(t.size());
    for (size_t i = 0; i < t.size(); ++i) {
      if (legal[i] >= 0) {
        if (best < 0 || legal[i] < best) best = legal[i];
      } else {
        kept.push_back(t[i]);
      }
      if (phrase_start[i]) forms.push_back(legal[i]);
    }
    const size_t before = kept.size();
    MergeLetters(kept);
    t = std::move(kept);
    if (t.size() == before) break;
    variants(t);
  }
  for (auto& k : t) {
    bool common = lx.common_words.count(k.text) > 0;
    out.tokens.push_back({std::move(k.text), common ? NameToken::kCommonWord : NameToken::kOther,
                          common ? kWeightCommon : kWeightName});
  }
  for (int rank : forms) out.tokens.push_back({lx.legal_forms[rank].cls, NameToken::kLegalForm, kWeightLegal});
  if (best >= 0) {
    out.legal_form = lx.legal_forms[best].cls;
    out.legal_family = lx.legal_forms[best].family;
  }
}

// Cuts at most kMaxNameBytes, not inside a UTF-8 sequence.
std::string_view Cut(std::string_view s) {
  if (s.size() <= kMaxNameBytes) return s;
  size_t end = kMaxNameBytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::vector<std::string> NormalisedName::KeyTokens() const {
  std::vector<std::string> out;
  for (const auto& t : tokens)
    if (t.role != NameToken::kHonorific && t.role != NameToken::kLegalForm && t.role != NameToken::kPatronymic &&
        t.role != NameToken::kConnector)
      out.push_back(t.text);
  if (out.empty())
    for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

std::string NormalisedName::Folded() const {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

std::string_view RoleName(NameToken::Role role) {
  switch (role) {
    case NameToken::kGiven: return "given";
    case NameToken::kSurname: return "surname";
    case NameToken::kPatronymic: return "patronymic";
    case NameToken::kInitial: return "initial";
    case NameToken::kHonorific: return "honorific";
    case NameToken::kLegalForm: return "legal_form";
    case NameToken::kCommonWord: return "common";
    case NameToken::kConnector: return "connector";
    case NameToken::kOther: return "other";
  }
  return "other";
}

NormalisedName NormaliseName(std::string_view name, NameKind kind) {
  NormalisedName out;
  out.original = std::string(name);
  std::string_view cut = Cut(name);
  bool surname_first = false;
  if (IsAscii(cut)) {
    out.latin = internal::SqueezeAscii(cut);
    bool letters = false;
    for (unsigned char c : cut) letters = letters || IsAlpha(c);
    out.script = letters ? "Latn" : "Zyyy";
  } else {
    try {
      internal::Latin latin = internal::ToLatin(cut, kind);
      out.latin = std::move(latin.text);
      out.script = std::move(latin.script);
      surname_first = latin.surname_first;
    } catch (...) {
      out.script = "Zyyy";  // ICU or the compiled-in data failed: no tokens
      return out;
    }
  }
  std::vector<Raw> raw = Lex(out.latin);
  try {
    switch (kind) {
      case NameKind::kPerson:
        if (surname_first && !raw.empty()) {
          // East Asian order: read as "SURNAME, Given".
          for (size_t i = 1; i < raw.size(); ++i) raw[i].segment = std::max(raw[i].segment, 1);
        }
        Person(std::move(raw), out.script == "Cyrl", out.script == "Arab", out);
        break;
      case NameKind::kOrganisation:
        Organisation(std::move(raw), out);
        break;
      case NameKind::kOther:
        for (auto& r : raw) out.tokens.push_back({std::move(r.text), NameToken::kOther, kWeightName});
        break;
    }
  } catch (...) {
    out.tokens.clear();
  }
  return out;
}

}  // namespace dossier::match
