// Phonetic keys and consonant skeletons: coarse keys under which spellings of one
// name that sound alike (or are written alike without vowels) meet. They are for
// blocking and as one feature among several, not a similarity on their own.
//
// Contract, common to all: input is folded text (text::Fold: [a-z0-9] and spaces);
// upper case ASCII is accepted too and every other byte is treated as a separator,
// so any input is safe. Output is ASCII. Pure functions, thread-safe.
//
// - DoubleMetaphone(word): Lawrence Philips' Double Metaphone (2000): a primary key
//   and an alternate key (equal to the primary when the word has no second
//   reading), each at most max_length characters (0: no limit). Covers English
//   and the common Germanic, Slavic, Romance, Greek and Chinese-pinyin spellings
//   that appear in English text. "0" stands for "th", "X" for "sh"/"ch".
//   "Smith" -> SM0 / XMT, "Schmidt" -> XMT / SMT.
//
// - DaitchMokotoff(word): a second key for names English rules serve badly. Of the
//   candidates, NYSIIS is tuned to American-English spellings, Cologne phonetics to
//   German alone, and Beider-Morse needs large per-language rule tables. Daitch-
//   Mokotoff Soundex (1985) was built for Eastern European (Slavic, Yiddish, German)
//   names -- the transliterated Russian, Ukrainian, Belarusian and Polish names that
//   fill sanctions lists -- and handles their consonant clusters ("sz", "cz",
//   "tsch", "zh", "shch", "rz") as single sounds, with branches where a spelling has
//   two readings ("ch" as in German or Polish, "rz"). Ours is simplified: it works on
//   folded ASCII (no Polish or Romanian diacritics), codes the whole input as one
//   name, and returns the distinct 6-digit codes of every branch (at most 8), the
//   main reading first. "Peters" -> {739400, 734000}; "Moskowitz" and "Moskovitz"
//   -> 645740.
//
// - ConsonantSkeleton(folded): per token, the first letter (any vowel there becomes
//   "a", so "omar"/"umar", "osama"/"usama" meet) followed by the remaining
//   consonants, with doubled letters written once and a, e, i, o, u, y, w dropped;
//   "h" is kept as a consonant (Arabic h and the digraphs kh, sh, th, dh, gh need
//   it) except at the end of a token after a vowel ("fatimah" = "fatima"). Tokens
//   joined by single spaces, empty tokens (digits only) dropped. So "mohammed",
//   "muhammad" and "mohamad" all give "mhmd", "hussein" and "husayn" give "hsn".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::match {

struct DoubleMetaphoneKeys {
  std::string primary;
  std::string alternate;
};

DoubleMetaphoneKeys DoubleMetaphone(std::string_view word, std::size_t max_length = 4);

std::vector<std::string> DaitchMokotoff(std::string_view word);

std::string ConsonantSkeleton(std::string_view folded);

}  // namespace dossier::match
