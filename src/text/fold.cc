#include "text/fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace dossier::text {
namespace {

// ICU transliterators are expensive to build and not thread-safe: one per thread.
icu::Transliterator& Transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw std::runtime_error("ICU transliterator unavailable");
    return t;
  }();
  return *instance;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Lowercase ASCII letters and digits; everything else becomes a single space.
std::string Squeeze(std::string_view ascii) {
  std::string out;
  out.reserve(ascii.size());
  bool space = false;
  for (unsigned char c : ascii) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(c);
    } else if (c == '\'' || c == 0x60) {
      // apostrophes join: "O'Brien" -> "obrien"; ICU's soft sign becomes one too.
    } else {
      space = true;
    }
  }
  return out;
}

std::string Transliterate(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  Transliterator().transliterate(u);
  std::string utf8;
  u.toUTF8String(utf8);
  return utf8;
}

// One word through ICU, remembered. ICU costs 7-15 us a call whatever the
// length, and names are built from a limited stock of words, so an ingest of
// millions of non-Latin names mostly finds its words here. The transforms in
// use never look across a space, so folding word by word equals folding the
// whole text (FoldTest.WordsFoldAsTheWhole checks it on real names).
const std::string& TransliterateWord(std::string_view word) {
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(std::string(word));
  if (it != cache.end()) return it->second;
  if (cache.size() >= (1u << 16)) cache.clear();  // bounded: a cache, not a dictionary
  return cache.emplace(std::string(word), Transliterate(word)).first->second;
}

}  // namespace

std::string Fold(std::string_view text) {
  if (IsAscii(text)) return Squeeze(text);
  std::string latin;
  latin.reserve(text.size() * 2);
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find_first_of(" \t\n\r", i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    if (!word.empty()) {
      if (!latin.empty()) latin += ' ';
      if (IsAscii(word)) latin.append(word);
      else latin += TransliterateWord(word);
    }
    i = j + 1;
  }
  // Anything ICU could not make ASCII (rare symbols) is dropped by Squeeze.
  return Squeeze(latin);
}

std::string FoldUncached(std::string_view text) {
  if (IsAscii(text)) return Squeeze(text);
  return Squeeze(Transliterate(text));
}

std::vector<std::string> Tokens(std::string_view text) {
  std::string folded = Fold(text);
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) out.emplace_back(folded.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool IsPatronymic(std::string_view t) {
  if (t.size() < 6) return false;
  for (std::string_view suffix : {"ovich", "evich", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy", "ovych", "ivna"})
    if (t.size() > suffix.size() + 1 && t.substr(t.size() - suffix.size()) == suffix) return true;
  return false;
}

std::string NameKey(std::string_view name) {
  std::vector<std::string> tokens = Tokens(name);
  std::vector<std::string> kept;
  for (auto& t : tokens)
    if (!IsPatronymic(t)) kept.push_back(std::move(t));
  if (kept.empty()) kept = Tokens(name);
  std::sort(kept.begin(), kept.end());
  std::string key;
  for (const auto& t : kept) {
    if (!key.empty()) key += ' ';
    key += t;
  }
  return key;
}

}  // namespace dossier::text
