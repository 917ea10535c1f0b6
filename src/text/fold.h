// Folding text into a form that compares across case, accents, punctuation and
// scripts: "Сечин, Игорь" and "SECHIN igor" both fold to tokens "sechin igor".
//
// Contract: Fold() is deterministic and idempotent (Fold(Fold(x)) == Fold(x)),
// returns only [a-z0-9] and single spaces, and is safe to call from any thread.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dossier::text {

// Transliterates to Latin (Cyrillic by BGN/PCGN), strips diacritics, lowercases,
// turns every non-alphanumeric run into one space, trims.
std::string Fold(std::string_view text);

// Fold() without its per-word cache: the whole text through ICU at once. The
// two agree (a test holds them to it); this one exists for that test.
std::string FoldUncached(std::string_view text);

// Fold() split into words.
std::vector<std::string> Tokens(std::string_view text);

// True for Russian-style patronymics ("ivanovich", "aleksandrovna"), which
// lists include and news reports leave out.
bool IsPatronymic(std::string_view folded_token);

// A key under which two spellings of one name meet: folded tokens without
// patronymics, sorted and joined by spaces. "SECHIN, Igor Ivanovich" and
// "Igor Sechin" share the key "igor sechin".
std::string NameKey(std::string_view name);

}  // namespace dossier::text
