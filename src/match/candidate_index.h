// The candidate index: from a name (any script, any spelling) to the few entities,
// out of millions, worth handing to the scorer. In memory; no store.
//
//   CandidateIndex index;
//   index.Add(7, EntityClass::kPerson, {NormaliseName("SECHIN, Igor Ivanovich", NameKind::kPerson),
//                                       NormaliseName("Игорь Сечин", NameKind::kPerson)});
//   index.Compact();                                   // after a bulk load
//   auto top = index.Query({NormaliseName("Igor Setchin", NameKind::kPerson)},
//                          ClassMask(EntityClass::kPerson), 10);   // top[0].entity == 7
//
// Entities are dense uint32 numbers chosen by the caller (arrays are sized to the
// largest). Each has one class: person, organisation, vessel or other. Postings are
// kept per class, so a Person query walks only persons, and a LegalEntity query
// (ClassMask of person and organisation) walks both.
//
// Keys (index_keys.h): whole tokens, Double Metaphone keys, consonant skeletons,
// romanisation folds, padded trigrams, first letters and joined adjacent tokens of
// every name of the entity, every script (names arrive normalised, so Cyrillic,
// Arabic, Han ... have already met Latin in NormalisedName::tokens). An entity is
// filed under each key once, however many of its names give it: its score for a
// key is taken once (the max over its names, all names counting as equal).
//
// Score of an entity for a query: the sum, over the query's keys the entity has, of
// query weight x IDF, divided by that sum over all the query's keys; so a score is
// in [0, 1], 1 when every query key was found. IDF is ln(1 + N / df), with N the
// entities of the queried classes and df the key's postings in those classes, read
// at query time (so it follows incremental adds without a rebuild).
//
// Work per query, bounded: the query's keys are taken rarest first. Keys with
// df <= max(kWalkFloor, walk_fraction x N) are walked (each posting adds to a dense
// per-thread accumulator) until posting_budget postings have been read; the rarest
// two keys are always walked. The remaining, frequent keys ("llc", "^al", "ov$")
// are not walked: they are looked up, by galloping search in their sorted
// postings, only for the probe_top best entities so far. So a frequent key still
// separates close candidates but never costs a pass over a tenth of the index.
// The trigrams of a query token found whole (in >= trigram_walk_df entities) are
// probed, never walked: the entities spelling the token are reached through the
// token key, near spellings through the phonetic, skeleton and fold keys; the
// trigrams of a token not found (a typo) are walked. A group of such trigrams is
// probed with one search of the token's postings for the candidates that have the
// token (they have all its trigrams) and one per trigram for the others.
//
// Fuzzy expansion (QueryOptions::fuzzy_*): the index also keeps the distinct
// tokens of all names in a TokenDictionary (token_dictionary.h, a deletion
// neighbourhood). A query token of 3+ letters found whole in at most
// fuzzy_token_df entities asks for the indexed tokens one edit away (two for
// tokens of fuzzy_two_edits_length letters or more) and walks their postings as
// extra token keys, weighted by their similarity and their own IDF. They are not
// in the denominator, and an entity takes from them once per query token (the
// best neighbour it has), nothing if it has the token itself. So a typo in a
// short token ("eat" for "eta"), a typo'd surname, or an unvocalised spelling one
// or two letters short ("tarq" / "tariq") meets its token at nearly full weight.
//
// Updates. Add() may be called at any time, before or after queries, for a new
// entity or to give an existing one more names (a new alias arriving as a
// statement). Postings are sorted arrays of entity numbers: a frozen CSR part (one
// offset array, one id array) built by Compact(), plus a per-key tail that Add()
// appends to. Remove() marks a tombstone: the entity stops being returned at once
// and its postings go at the next Compact(). Until then it still counts in df, and
// its number cannot be added again (Add returns false).
//
// Thread safety: any number of threads may Query() one index concurrently; Add,
// Remove and Compact take an internal writer lock and wait for running queries.
// Per-thread scratch (the accumulator) is thread_local, sized to the largest index
// queried on that thread.
//
// Bad input: names with no tokens (empty, punctuation only) add nothing and query
// nothing (empty result). Long names were cut by NormaliseName (64 tokens at most).
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <vector>

#include "match/index_keys.h"
#include "match/name.h"

namespace dossier::match {

enum class EntityClass : uint8_t { kPerson = 0, kOrganisation = 1, kVessel = 2, kOther = 3 };
inline constexpr std::size_t kEntityClasses = 4;

// A set of classes, one bit each.
using ClassMask = uint8_t;
constexpr ClassMask MaskOf(EntityClass c) { return static_cast<ClassMask>(1u << static_cast<unsigned>(c)); }
inline constexpr ClassMask kAllClasses = 0x0F;
inline constexpr ClassMask kLegalEntityClasses = MaskOf(EntityClass::kPerson) | MaskOf(EntityClass::kOrganisation);

// The class of an FtM schema name: Person; Organization, Company, PublicBody;
// Vessel; everything else is other.
EntityClass ClassOfSchema(std::string_view schema);
// The classes a query of that schema should search: a Person query persons, a
// Company query organisations, LegalEntity both, Thing (or unknown) everything.
ClassMask QueryClassesOfSchema(std::string_view schema);

struct Candidate {
  uint32_t entity = 0;
  float score = 0.0f;  // share of the query's weight found, in [0, 1]
};

struct QueryOptions {
  std::size_t limit = 10;
  double walk_fraction = 0.02;        // keys in more than this share of N are probed, not walked
  std::size_t posting_budget = 200000;
  std::size_t probe_top = 192;
  // Trigrams of a query token found whole in at least this many entities are
  // probed, not walked (SIZE_MAX: always walk them, as far as the budget goes).
  std::size_t trigram_walk_df = 1;
  // Whether those trigrams are probed at all (false: they only count in the
  // denominator; an entity spelling the token whole is found by the token key).
  bool probe_found_trigrams = true;
  // Fuzzy expansion over the dictionary of distinct tokens: a query token of 3+
  // letters found whole in at most fuzzy_token_df entities (0: only a token not
  // found) also asks for the indexed tokens one edit away (OSA), each as a token
  // key weighted fuzzy_weight x its similarity (1 - edits/length) x the token's role
  // weight x its own IDF, at most fuzzy_max_near of them a token (the nearest,
  // then the most frequent: a typo more likely hides a common spelling). The expansions add to an entity's score, not to the denominator.
  // fuzzy_weight 0 turns it off.
  float fuzzy_weight = 1.0f;
  // 0 by default: only a query token the index does not hold at all is expanded.
  // Expanding rare known tokens too (1000) gains 0.008 of recall@10 on the 1M
  // benchmark and costs 15% of throughput, which then falls under 2,000 a core.
  std::size_t fuzzy_token_df = 0;
  std::size_t fuzzy_max_near = 16;
  // Query tokens of at least this many letters are also expanded to two edits
  // (those TokenDictionary::Near reaches); similarity 1 - 2/length.
  std::size_t fuzzy_two_edits_length = 6;
  // The neighbours of a query token found whole in more than this many entities
  // are probed (for the probe_top best entities), not walked.
  std::size_t fuzzy_walk_df = std::numeric_limits<std::size_t>::max();
  // Whether neighbours that are not walked (too frequent, over the budget, or of a
  // token past fuzzy_walk_df) are probed; false: dropped.
  bool fuzzy_probe = false;
  // Neighbours found in more entities than this are not asked at all: a common
  // spelling one edit away costs a long walk and the target usually has other keys.
  std::size_t fuzzy_near_df = 5000;
  // Second chance: when the best candidate's score is below this (0: never), the
  // query runs again with fuzzy_token_df raised to second_chance_token_df, so
  // that rare tokens found whole are expanded too ("sonowa", found in another
  // entity, reaches "sonova"). Only weak queries pay for the second pass.
  float second_chance_below = 0.0f;
  std::size_t second_chance_token_df = 1000;
};

struct IndexStats {
  std::size_t entities = 0;   // live (added, not removed)
  std::size_t removed = 0;    // tombstones awaiting Compact()
  std::size_t keys = 0;       // distinct (class, key) pairs
  std::size_t postings = 0;   // frozen + tail
  std::size_t bytes = 0;      // heap bytes of the index's own arrays
};

class CandidateIndex {
 public:
  static constexpr std::size_t kWalkFloor = 2000;

  CandidateIndex();
  ~CandidateIndex();
  CandidateIndex(const CandidateIndex&) = delete;
  CandidateIndex& operator=(const CandidateIndex&) = delete;

  // Files the names of `entity` under their keys. A new entity takes `cls`; for one
  // already present `cls` must be the same. Returns false (and changes nothing) on
  // a class mismatch or a removed entity not yet compacted away. Names with no
  // tokens are skipped; an entity with no keys at all still counts as present.
  bool Add(uint32_t entity, EntityClass cls, std::span<const NormalisedName> names);
  bool Add(uint32_t entity, EntityClass cls, const NormalisedName& name) { return Add(entity, cls, {&name, 1}); }

  // Tombstones `entity`; false if it was not present.
  bool Remove(uint32_t entity);

  // Rebuilds the postings into one flat sorted array per class-key (dropping
  // tombstones). O(postings). Call after a bulk load and now and then after adds.
  void Compact();

  // The best `options.limit` entities of the classes in `classes` for the query
  // names (several names, e.g. a query's aliases, act as one bag of keys), by
  // descending score, ties by ascending entity number. Empty if no name has tokens.
  std::vector<Candidate> Query(std::span<const NormalisedName> names, ClassMask classes,
                               const QueryOptions& options) const;
  std::vector<Candidate> Query(const NormalisedName& name, ClassMask classes, std::size_t limit = 10) const {
    QueryOptions options;
    options.limit = limit;
    return Query({&name, 1}, classes, options);
  }

  bool Contains(uint32_t entity) const;
  IndexStats Stats() const;

 private:
  std::vector<Candidate> QueryOnce(std::span<const NormalisedName> names, ClassMask classes,
                                   const QueryOptions& options) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  mutable std::shared_mutex mutex_;
};

}  // namespace dossier::match
