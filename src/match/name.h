// The name normaliser: a name as written, in any script, into tokens that the
// comparators and the candidate index can use.
//
//   NormaliseName("SECHIN, Igor Ivanovich", NameKind::kPerson)
//     tokens: igor (given) ivanovich (patronymic) sechin (surname)
//   NormaliseName("Игорь Иванович Сечин", NameKind::kPerson)       the same
//   NormaliseName("ООО «Газпром экспорт»", NameKind::kOrganisation)
//     tokens: gazprom export llc (legal form); legal_form "llc"
//
// Pipeline. Pure-ASCII input skips ICU entirely (the fast path). Otherwise: invalid
// UTF-8 becomes U+FFFD; NFKC; typographic quotes become '"'; the text is cut into
// runs of one script (Common and Inherited characters join the run they sit in) and
// each run goes through its script's transforms, listed as data in
// schema/names.json ("transliteration"); then Latin-ASCII removes diacritics. Case
// folding is ASCII lower-casing of that result. Choices per script:
//   Cyrillic  Russian-Latin/BGN; Ukrainian-Latin/BGN when the name has ї, є or ґ, or
//             і without ы/э/ъ/ё (so Kazakh and Belarusian stay on the Russian table);
//             leftovers (Serbian, Kazakh letters) by Any-Latin
//   Greek     Greek-Latin/BGN ("Αλέξης Τσίπρας" -> "Alexis Tsipras"; Any-Latin
//             would give "Alexes")
//   Armenian  Armenian-Latin/BGN ("Փաշինյան" -> "Pashinyan"; Any-Latin: "Pasinyan")
//   Georgian  Georgian-Latin/BGN ("სააკაშვილი" -> "Saakashvili")
//   Arabic, Persian, Urdu   dossier's own rules (names.json "rules.arabic"): English
//             digraphs (sh, kh, th, dh, gh), ي/و as y/w at the start of a word and
//             i/u inside it, ة as a, ال as the separate particle "al-". Short vowels
//             are not written, so "محمد" is "mhmd": the consonant skeleton the
//             comparators are built for. ICU's Arabic-Latin loses sh and th.
//   Hebrew    own rules (ICU's Hebrew-Latin/BGN leaves ש untouched)
//   Han       Han-Latin/Names (Pinyin, surname readings), tones removed; a person's
//             name of 2-4 characters with no space is split as surname + given name,
//             the given syllables joined as in Pinyin: "习近平" -> "Xi Jinping".
//             Japanese kanji get Mandarin readings (a known limit).
//   Hangul    Any-Latin (Revised Romanisation), one token a syllable for persons:
//             "김정은" -> "Gim Jeong Eun"
//   Kana      Hiragana-Latin / Katakana-Latin (Hepburn-like)
//   Devanagari  Any-Latin (ISO 15919) with a word-final schwa dropped and the ISO
//             letters made English (ś ṣ -> sh, c -> ch, anusvara -> n/m):
//             "राहुल गांधी" -> "Rahul Gandhi"
//
// Tokens: every run of letters and digits is a token; apostrophes inside a word join
// it ("O'Brien" -> obrien); everything else separates. Persons: honorifics and titles
// (data) are set aside at the start of the name or of the given part, suffixes (Jr,
// PhD) at the end; "SURNAME, Given" and an all-caps surname ("SECHIN Igor") give the
// order; otherwise a patronymic last means "Surname Given Patronymic" (Russian
// official order), East Asian scripts put the surname first, and the default is the
// last token. Organisations: single letters in a row merge ("S.A." -> sa,
// "A/S" -> as); legal forms (data) are recognised in any script, the short,
// ambiguous ones ("AS", "Co", "ООО") only at either end of the name.
//
// Arabic names (persons): the common given names get one vocalised spelling whatever
// the script or romanisation (names.json "arabic_script_names", used only for names
// in Arabic script, and "person_name_variants": محمد, Mohammed, Mohamed -> muhammad),
// and "abd" compounds are one token ("Abd al-Rahman", "Abdel Rahman", عبد الرحمن ->
// abdulrahman; every Abd Allah -> abdullah), joined in canonical order so that
// Folded() stays a fixed point.
//
// Canonical token order. Persons: honorifics, given names (initials and particles
// in place), patronymics, surname. Organisations: the name's words in order, then
// legal forms (as their class, "llc"). This order makes Folded() a fixed point:
// NormaliseName(n.Folded()) has the same tokens as n (patronymic before surname,
// because "igor sechin ivanovich" would read as Russian official order).
//
// Weights (the comparator's prior on how much a token says about identity): given,
// surname and ordinary words 1.0; patronymic 0.5 (lists carry it, news drops it);
// initial 0.5; common organisation words 0.3; particles (bin, van, al) 0.2; legal
// forms and honorifics 0.1.
//
// Quoted nicknames ('JOSE ROBERTO "ROBBIE" ANTONIO') are kept apart, in `nicknames`,
// not in the tokens: a nickname is another name, not part of this one, and keeping
// it out keeps Folded() idempotent. The index may add it as a weak alias.
//
// Bad input: never throws, never crashes. Input beyond kMaxNameBytes is cut (on a
// character boundary), at most kMaxTokens tokens of at most kMaxTokenChars each are
// kept. Empty or punctuation-only names give no tokens.
//
// Thread safety: every function is safe to call from any thread; ICU transliterators
// are cached one per thread per transform.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::match {

enum class NameKind { kPerson, kOrganisation, kOther };

struct NameToken {
  enum Role {
    kGiven,       // a given name (persons)
    kSurname,     // family name; the only token of a one-word person name
    kPatronymic,  // ivanovich, oleksandrivna, "ziya oglu"
    kInitial,     // a single letter (persons)
    kHonorific,   // Mr, Gen, Sheikh, Haji, Jr
    kLegalForm,   // text is the class: llc, jsc, ag...
    kCommonWord,  // company, group, international, the (organisations)
    kConnector,   // particles between names: bin, ibn, al, van, de
    kOther,       // an ordinary word of an organisation or other name
  };
  std::string text;  // folded: [a-z0-9]+
  Role role = kOther;
  float weight = 1.0f;
};

struct NormalisedName {
  std::string original;  // as given
  std::string latin;     // transliterated to ASCII, case and punctuation kept, spaces squeezed
  std::vector<NameToken> tokens;       // canonical order, see above
  std::vector<std::string> nicknames;  // folded quoted nicknames (persons)
  std::string legal_form;    // class of the legal form (organisations), "" if none
  std::string legal_family;  // "limited", "stock", "partnership", ... "" if none
  std::string script;        // dominant ICU script code of the original: "Latn",
                             // "Cyrl", "Arab", "Hani"...; "Zyyy" if it has no letters

  // Tokens minus honorifics, legal forms, patronymics and particles, for indexing;
  // all tokens if that would leave none.
  std::vector<std::string> KeyTokens() const;
  // Token texts joined by single spaces.
  std::string Folded() const;
};

inline constexpr std::size_t kMaxNameBytes = 8192;
inline constexpr std::size_t kMaxTokens = 64;
inline constexpr std::size_t kMaxTokenChars = 64;

NormalisedName NormaliseName(std::string_view name, NameKind kind);

std::string_view RoleName(NameToken::Role role);

}  // namespace dossier::match
