// The keys under which the candidate index files a name, and the weights a query
// gives them. One function serves both sides, so an indexed name and a query name
// that are spelt alike always meet under the same keys.
//
// For every token of a NormalisedName (its folded, canonical-order tokens):
//   token      the token itself                                   weight 1.0
//   phonetic   Double Metaphone primary and alternate (4 chars)   0.3 each
//   skeleton   ConsonantSkeleton of the token ("mhmd")            0.4
//   trigram    3-grams of "^token$" (so "ivan": ^iv iva van an$)   1.2 shared out
//   initial    the first letter                                   0.2
//   fold       RomanisationFold of the token ("grnkv" for gurunikov /  0.6
//              gurunikow, "msn" for mesoshina / mesochina)
// and for every two adjacent tokens, their concatenation as a token key (0.5), so
// "Abu Bakr" meets "Abubakr" and "Al Qahtani" meets "Alqahtani".
// Each weight is multiplied by the token's role weight (a legal form or honorific
// says little about identity). A token of one character is an initial: it gives
// only the initial key, at its full role weight, and meets every token that begins
// with that letter. Digits-only tokens get no phonetic keys.
//
// Why these keys: whole tokens rank exact spellings first; phonetic keys and the
// skeleton catch transliteration variants that share few trigrams ("Mohammed" /
// "mhmd" from Arabic script, "Yevgeniy" / "Evgeny"); trigrams catch typos (an edit
// in a 7-letter token leaves 4 of its 7 trigrams intact).
//
// Invariants: a key is a 64-bit hash of (kind, text), never 0; the same input gives
// the same keys in the same order; a key appears at most once in the output (with
// the largest weight any token gave it); weights are > 0. Pure, thread-safe.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "match/name.h"

namespace dossier::match {

enum class KeyKind : uint8_t { kToken = 1, kPhonetic, kSkeleton, kTrigram, kInitial, kFold };

struct IndexKey {
  uint64_t key = 0;
  float weight = 0.0f;
  KeyKind kind = KeyKind::kToken;
  // The token that gave the key: a running number over the tokens of the names
  // appended (kNoToken for joined keys). A query uses it to tell whether a
  // trigram's token was found whole; the index ignores it.
  uint16_t token = 0xFFFF;
};
inline constexpr uint16_t kNoToken = 0xFFFF;

// The token with the letters romanisation conventions disagree on folded away,
// for the fold key: digraphs first (shch, sch, sh, zh -> s; tsch, tch, ch, kh ->
// nothing; ts -> s; ph -> f; th, dh, gh -> t, d, g), then vowels, y, j, h and
// apostrophes dropped, w -> v, z -> s, b -> p, c, q -> k, x -> ks, doubled letters
// written once. "" for a token with non-ASCII bytes or fewer than 3 letters left.
// So Cyrillic in English, French and German spellings (Zhudolina / Shudolina,
// Fjodorow / Fedorov, Tchoukhov / Chukhov) and unvocalised Arabic (amr / omar,
// tarq / tariq) meet.
// Greek spellings: mp -> p (μπ as b or mp: b -> p too), g dropped between a vowel
// and i, e or y (γ as y or g: panayiotis / panagiotis). With `french`, ch -> s and
// j -> s (French ш and ж: dariatichina / daryatishina, jukova / zhukova); the
// index files that second fold too when it differs.
std::string RomanisationFold(std::string_view token, bool french = false);

// A key's hash. Never 0.
uint64_t HashKey(KeyKind kind, std::string_view text);

// Appends the keys of `name` to `out`, then leaves `out` with each key once (max
// weight), sorted by key. Names with no tokens add nothing.
void AppendNameKeys(const NormalisedName& name, std::vector<IndexKey>& out);

// Sorts `keys` by key and merges duplicates, keeping the largest weight.
void MergeKeys(std::vector<IndexKey>& keys);

}  // namespace dossier::match
