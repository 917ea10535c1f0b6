#include "match/name_latin.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "model/schema_data.h"

namespace dossier::match::internal {
namespace {

// The transliteration part of schema/names.json.
struct ScriptConfig {
  std::map<std::string, std::vector<std::string>, std::less<>> chains;  // script code -> steps
  std::map<std::string, std::string, std::less<>> rules;                // rule set name -> ICU rules
  std::vector<icu::UnicodeString> han_compound;
  std::vector<icu::UnicodeString> hangul_compound;
};

ScriptConfig LoadConfig() {
  ScriptConfig c;
  nlohmann::json j = nlohmann::json::parse(model::kNamesJson);
  for (const auto& [script, steps] : j.at("transliteration").items()) {
    if (!steps.is_array()) continue;
    c.chains[script] = steps.get<std::vector<std::string>>();
  }
  for (const auto& [name, lines] : j.at("rules").items()) {
    if (!lines.is_array()) continue;
    std::string text;
    for (const auto& l : lines) text += l.get<std::string>() + "\n";
    c.rules[name] = text;
  }
  for (const auto& s : j.at("han_compound_surnames")) c.han_compound.push_back(icu::UnicodeString::fromUTF8(s.get<std::string>()));
  for (const auto& s : j.at("hangul_compound_surnames"))
    c.hangul_compound.push_back(icu::UnicodeString::fromUTF8(s.get<std::string>()));
  return c;
}

const ScriptConfig& Config() {
  static const ScriptConfig config = LoadConfig();
  return config;
}

// One transliterator per thread per step; nullptr if ICU cannot build it (the step
// is then skipped, and the final Any-Latin or the ASCII filter copes).
icu::Transliterator* Step(const std::string& step) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto it = cache.find(step);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t;
  if (step.rfind("rules:", 0) == 0) {
    const auto& rules = Config().rules;
    auto r = rules.find(std::string_view(step).substr(6));
    if (r != rules.end()) {
      UParseError pe;
      t.reset(icu::Transliterator::createFromRules(icu::UnicodeString::fromUTF8(step),
                                                   icu::UnicodeString::fromUTF8(r->second), UTRANS_FORWARD, pe, status));
    }
  } else {
    t.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(step), UTRANS_FORWARD, status));
  }
  if (U_FAILURE(status)) t.reset();
  return cache.emplace(step, std::move(t)).first->second.get();
}

UScriptCode ScriptOf(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(c, &status);
  return U_FAILURE(status) ? USCRIPT_COMMON : s;
}

bool IsNeutral(UScriptCode s) { return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN; }

bool Caseless(UScriptCode s) {
  return s != USCRIPT_LATIN && s != USCRIPT_CYRILLIC && s != USCRIPT_GREEK && s != USCRIPT_ARMENIAN;
}

bool UkrainianCyrillic(const icu::UnicodeString& u) {
  bool i = false, russian_only = false;
  for (int32_t k = 0; k < u.length(); ++k) {
    char16_t c = u.charAt(k);
    switch (c) {
      case u'ї': case u'Ї': case u'є': case u'Є': case u'ґ': case u'Ґ': return true;
      case u'і': case u'І': i = true; break;
      case u'ы': case u'Ы': case u'э': case u'Э': case u'ъ': case u'Ъ': case u'ё': case u'Ё': russian_only = true; break;
      default: break;
    }
  }
  return i && !russian_only;
}

// Runs the chain for `script` over `run`. Each rule-based step sees the run between
// two spaces, so "[:^L:] {" means "at the start of a word" even at its edges.
void Transliterate(icu::UnicodeString& run, std::string_view chain_key) {
  const auto& chains = Config().chains;
  auto it = chains.find(chain_key);
  if (it == chains.end()) it = chains.find(std::string_view("default"));
  if (it == chains.end()) return;
  run.insert(0, u' ').append(u' ');
  for (const auto& step : it->second)
    if (icu::Transliterator* t = Step(step)) t->transliterate(run);
  if (run.length() > 0 && run.charAt(0) == u' ') run.remove(0, 1);
  if (run.length() > 0 && run.charAt(run.length() - 1) == u' ') run.truncate(run.length() - 1);
}

// Marks transliteration leaves inside words (soft and hard signs, ayin, ejective
// apostrophes, BGN's middle dot) would split or quote a token: drop them.
void DropMarks(icu::UnicodeString& s) {
  icu::UnicodeString out;
  for (int32_t k = 0; k < s.length(); ++k) {
    char16_t c = s.charAt(k);
    if ((c >= 0x02B9 && c <= 0x02BF) || c == 0x00B7 || c == 0x2018 || c == 0x2019 || c == 0x02C8 || c == u'\'' ||
        c == u'`')
      continue;
    out.append(c);
  }
  s = out;
}

void TitleCase(icu::UnicodeString& s) {
  bool start = true;
  for (int32_t k = 0; k < s.length(); k = s.moveIndex32(k, 1)) {
    UChar32 c = s.char32At(k);
    if (u_isalpha(c)) {
      if (start) {
        UChar32 up = u_toupper(c);
        if (up != c && U16_LENGTH(up) == U16_LENGTH(c)) s.replace(k, U16_LENGTH(c), up);
      }
      start = false;
    } else {
      start = !u_isdigit(c);
    }
  }
}

struct Run {
  UScriptCode script = USCRIPT_COMMON;
  icu::UnicodeString text;
};

std::string ChainKey(UScriptCode s, bool ukrainian) {
  if (s == USCRIPT_CYRILLIC && ukrainian) return "Cyrl/uk";
  return uscript_getShortName(s);
}

// A person's name written as one run of 2-4 Han characters: surname, then the given
// name with its syllables joined ("Xi Jinping").
bool HanPersonName(const icu::UnicodeString& u, icu::UnicodeString& out) {
  int32_t n = u.countChar32();
  if (n < 2 || n > 4) return false;
  for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1))
    if (ScriptOf(u.char32At(k)) != USCRIPT_HAN) return false;
  int32_t surname_chars = 1;
  for (const auto& c : Config().han_compound)
    if (n >= 3 && u.startsWith(c)) surname_chars = c.countChar32();
  int32_t split = u.moveIndex32(0, surname_chars);
  icu::UnicodeString surname(u, 0, split), given(u, split);
  Transliterate(surname, "Hani");
  Transliterate(given, "Hani");
  surname.findAndReplace(u" ", u"");
  given.findAndReplace(u" ", u"");
  out = surname;
  out.append(u' ').append(given);
  TitleCase(out);
  return true;
}

// A Korean person's name: one token a syllable, compound surnames kept whole.
icu::UnicodeString SplitHangulSyllables(const icu::UnicodeString& u) {
  int32_t keep_joined = 0;
  if (u.indexOf(u' ') < 0 && u.countChar32() >= 3)
    for (const auto& c : Config().hangul_compound)
      if (u.startsWith(c)) keep_joined = c.length();
  icu::UnicodeString out;
  for (int32_t k = 0; k < u.length(); ++k) {
    char16_t c = u.charAt(k);
    bool syllable = c >= 0xAC00 && c <= 0xD7A3;
    if (syllable && k > 0 && k >= keep_joined) {
      char16_t p = u.charAt(k - 1);
      if (p >= 0xAC00 && p <= 0xD7A3) out.append(u' ');
    }
    out.append(c);
  }
  return out;
}

}  // namespace

std::string SqueezeAscii(std::string_view ascii) {
  std::string out;
  out.reserve(ascii.size());
  bool space = false;
  for (unsigned char c : ascii) {
    if (c <= ' ' || c >= 0x7F) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

Latin ToLatin(std::string_view utf8, NameKind kind, Cyrillic cyrillic) {
  Latin result;
  icu::UnicodeString raw = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = U_SUCCESS(status) ? nfkc->normalize(raw, status) : raw;
  if (U_FAILURE(status)) u = raw;
  // Typographic quotes: one kind, so the tokenizer sees quoted nicknames and
  // quoted company names alike.
  for (char16_t q : {u'«', u'»', u'„', u'“', u'”', u'‟', u'〝', u'〞', u'‹', u'›'}) u.findAndReplace(icu::UnicodeString(q), u"\"");

  // Script runs; Common and Inherited characters join the run they are in.
  std::vector<Run> runs;
  std::map<UScriptCode, int32_t> counts;
  for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
    UChar32 c = u.char32At(k);
    UScriptCode s = ScriptOf(c);
    if (!IsNeutral(s) && u_isalpha(c)) ++counts[s];
    if (runs.empty()) runs.push_back({});
    Run& last = runs.back();
    if (IsNeutral(s) || s == last.script) {
    } else if (last.script == USCRIPT_COMMON) {
      last.script = s;
    } else {
      runs.push_back({s, {}});
    }
    runs.back().text.append(c);
  }
  UScriptCode dominant = USCRIPT_COMMON;
  int32_t best = 0;
  for (const auto& [s, n] : counts)
    if (n > best) best = n, dominant = s;
  result.script = uscript_getShortName(dominant);
  result.surname_first = kind == NameKind::kPerson &&
                         (dominant == USCRIPT_HAN || dominant == USCRIPT_HANGUL || dominant == USCRIPT_HIRAGANA ||
                          dominant == USCRIPT_KATAKANA);

  bool ukrainian = cyrillic == Cyrillic::kUkrainian || (cyrillic == Cyrillic::kAuto && UkrainianCyrillic(u));
  icu::UnicodeString latin;
  for (Run& run : runs) {
    if (run.script == USCRIPT_LATIN || run.script == USCRIPT_COMMON) {
      latin.append(run.text);
      continue;
    }
    icu::UnicodeString out;
    if (kind == NameKind::kPerson && run.script == USCRIPT_HAN && runs.size() == 1 &&
        HanPersonName(icu::UnicodeString(run.text).trim(), out)) {
      latin.append(out);
      continue;
    }
    out = run.text;
    if (kind == NameKind::kPerson && run.script == USCRIPT_HANGUL) out = SplitHangulSyllables(out);
    Transliterate(out, ChainKey(run.script, ukrainian));
    DropMarks(out);
    if (Caseless(run.script)) TitleCase(out);
    // Keep a run from gluing to a neighbour of another script.
    latin.append(u' ').append(out).append(u' ');
  }
  if (icu::Transliterator* ascii = Step("Latin-ASCII")) ascii->transliterate(latin);
  std::string bytes;
  latin.toUTF8String(bytes);
  result.text = SqueezeAscii(bytes);
  return result;
}

}  // namespace dossier::match::internal
