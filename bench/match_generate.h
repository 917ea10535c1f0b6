// A deterministic generator of a matching benchmark: entities (persons and
// companies) with multi-script names and aliases, and queries with known answers.
//
// Persons come from ten naming cultures: English, German, Romanian, Estonian and
// Turkish in Latin letters; Russian in Cyrillic (with a patronymic), Greek, Arabic
// (name chains "Given [bin] Father Family") and Chinese (Han characters), each
// usually with a Latin alias romanised under one of several conventions (Sergey /
// Sergei / Serguei; Khristos / Christos; Mohammed / Muhamad), sometimes only in
// one script. Family names are drawn from real lists and from syllables, so that
// a million names are distinct. Companies: a coined word, an optional sector word
// and a legal form, in Latin letters or (Russian) in Cyrillic with a Latin alias.
//
// Every query names one entity (its answer) and has a kind:
//   typo      one random edit (insert, delete, substitute, transpose) of a letter
//   reorder   tokens in another order ("FAMILY, Given", words shuffled)
//   missing   a part left out (middle name, patronymic, legal form, a word)
//   initials  the given name as an initial ("J. Smith")
//   translit  the other script, or another romanisation of a native name
//   mixed     a typo on top of reordering or another romanisation
// The primary names (entity names[0]) are distinct after folding, and so are the
// native-script names of persons (two entities are never one Cyrillic name under two
// romanisations); variants may collide with another entity by chance, as they would
// in real data.
//
// Same (entities, queries, seed): same output, on any machine.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dossier::bench {

enum class GenClass : uint8_t { kPerson, kCompany };

struct GenEntity {
  GenClass cls = GenClass::kPerson;
  std::string culture;             // "ru", "zh", ..., or the company's jurisdiction
  std::vector<std::string> names;  // names[0] primary; aliases after it
};

struct GenQuery {
  uint32_t entity = 0;  // index into entities
  std::string kind;     // typo, reorder, missing, initials, translit, mixed
  std::string text;
  bool legal_entity = false;  // asked as LegalEntity (persons and companies), not the entity's own class
};

struct GenCorpus {
  std::vector<GenEntity> entities;
  std::vector<GenQuery> queries;
};

GenCorpus GenerateMatchCorpus(std::size_t entities, std::size_t queries, uint64_t seed);

// One random edit of a letter of `text` (code points, not bytes; spaces kept).
std::string RandomEdit(const std::string& text, uint64_t& rng);

// splitmix64: the generator's source of randomness.
uint64_t NextRandom(uint64_t& state);

}  // namespace dossier::bench
