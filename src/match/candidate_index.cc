#include "match/candidate_index.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <string_view>

#include "match/key_table.h"
#include "match/token_dictionary.h"

namespace dossier::match {
namespace {

constexpr uint8_t kAbsent = 0xFF;   // entity_class of a number never added
constexpr uint8_t kRemoved = 0x80;  // bit set in entity_class on a tombstone

// The index key of (key, class): postings are per class so that a query of one
// class never walks another's.
uint64_t ClassKey(uint64_t key, unsigned cls) {
  uint64_t h = key + 0x9E3779B97F4A7C15ULL * (cls + 1);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h == 0 ? 1 : h;
}

struct Span {
  const uint32_t* begin = nullptr;
  const uint32_t* end = nullptr;
  std::size_t size() const { return static_cast<std::size_t>(end - begin); }
  bool Contains(uint32_t e) const { return std::binary_search(begin, end, e); }
};

// Moves `p` forward to the first posting >= e (doubling steps, then a binary
// search in the last step); true if that posting is e.
inline bool Gallop(const uint32_t*& p, const uint32_t* end, uint32_t e) {
  if (p == end || *p > e) return p != end && *p == e;
  if (*p == e) return true;
  std::size_t step = 1;
  const uint32_t* lo = p;
  while (lo + step < end && lo[step] < e) {
    lo += step;
    step <<= 1;
  }
  const uint32_t* hi = std::min(lo + step + 1, end);
  p = std::lower_bound(lo + 1, hi, e);
  return p != end && *p == e;
}

// A query key resolved against the index: its postings in each queried class.
struct QueryKey {
  float weight = 0.0f;  // query weight x idf
  KeyKind kind = KeyKind::kToken;
  uint16_t token = kNoToken;
  std::size_t df = 0;
  std::array<Span, kEntityClasses> frozen{}, tail{};
  uint16_t group = kNoGroup;  // a fuzzy expansion: the query token it stands in for
  static constexpr uint16_t kNoGroup = 0xFFFF;
};

// A fuzzy expansion before it is resolved.
struct Expansion {
  uint64_t key = 0;
  float weight = 0.0f;
  uint32_t rank = 0;   // for the per-token cap: nearest, then most frequent, first
  uint16_t group = 0;  // the query token's number among the expanded ones
};

// Where a probe of ascending entity numbers has got to in a key's postings.
struct Cursor {
  std::array<const uint32_t*, kEntityClasses> frozen{}, tail{};
  static Cursor Of(const QueryKey& q) {
    Cursor c;
    for (unsigned k = 0; k < kEntityClasses; ++k) c.frozen[k] = q.frozen[k].begin, c.tail[k] = q.tail[k].begin;
    return c;
  }
  bool Has(const QueryKey& q, uint8_t cls, uint32_t e) {
    return Gallop(frozen[cls], q.frozen[cls].end, e) || Gallop(tail[cls], q.tail[cls].end, e);
  }
};

// Per-thread scratch: a dense accumulator over entity numbers (0 = untouched; every
// contribution is > 0) and the list of entries touched, to reset only those.
struct Scratch {
  std::vector<float> acc;
  std::vector<uint32_t> touched;
  std::vector<IndexKey> keys;
  std::vector<QueryKey> resolved;
  std::vector<const QueryKey*> probe;
  std::vector<const QueryKey*> token_key;  // by query token: its whole-token key
  std::vector<Cursor> cursors;
  std::vector<std::size_t> token_df;
  std::vector<uint32_t> order;
  std::vector<uint32_t> sorted;
  std::vector<TokenDictionary::NearToken> near;
  std::vector<std::string_view> seen;
  std::vector<Expansion> expansions;
  // Fuzzy expansions credit an entity once per query token, with the best of
  // its neighbours, and not at all if it has the token itself (group_own[g]):
  // stamp[e] == stamp_base + g says credit[e] is what group g has given e.
  std::vector<QueryKey> group_own;
  std::vector<uint32_t> stamp;
  std::vector<float> credit;
  uint32_t stamp_base = 1;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

struct CandidateIndex::Impl {
  KeyTable table;                              // ClassKey -> key id
  std::vector<uint64_t> frozen_offsets{0};     // CSR over key ids < frozen_offsets.size() - 1
  std::vector<uint32_t> frozen_ids;
  std::vector<std::vector<uint32_t>> tails;    // by key id; may be shorter than table.size()
  std::vector<uint8_t> entity_class;           // class, kAbsent, or class | kRemoved
  std::array<std::size_t, kEntityClasses> live{};
  std::size_t removed = 0;
  std::size_t tail_postings = 0;
  TokenDictionary dictionary;                  // distinct tokens, for fuzzy expansion

  Span Frozen(uint32_t id) const {
    if (id + 1 >= frozen_offsets.size()) return {};
    return {frozen_ids.data() + frozen_offsets[id], frozen_ids.data() + frozen_offsets[id + 1]};
  }
  Span Tail(uint32_t id) const {
    if (id >= tails.size() || tails[id].empty()) return {};
    return {tails[id].data(), tails[id].data() + tails[id].size()};
  }

  // Files `entity` under key id `id`, keeping the tail sorted and without
  // duplicates. `known` says the entity may already be there.
  void File(uint32_t id, uint32_t entity, bool known) {
    if (known && Frozen(id).Contains(entity)) return;
    if (id >= tails.size()) tails.resize(std::max<std::size_t>(id + 1, tails.size() + tails.size() / 2));
    std::vector<uint32_t>& t = tails[id];
    if (t.empty() || t.back() < entity) {
      t.push_back(entity);
    } else {
      auto it = std::lower_bound(t.begin(), t.end(), entity);
      if (it != t.end() && *it == entity) return;
      t.insert(it, entity);
    }
    ++tail_postings;
  }
};

EntityClass ClassOfSchema(std::string_view schema) {
  if (schema == "Person") return EntityClass::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "PublicBody") return EntityClass::kOrganisation;
  if (schema == "Vessel") return EntityClass::kVessel;
  return EntityClass::kOther;
}

ClassMask QueryClassesOfSchema(std::string_view schema) {
  if (schema == "Person") return MaskOf(EntityClass::kPerson);
  if (schema == "Organization" || schema == "Company" || schema == "PublicBody") return MaskOf(EntityClass::kOrganisation);
  if (schema == "LegalEntity") return kLegalEntityClasses;
  if (schema == "Vessel") return MaskOf(EntityClass::kVessel);
  return kAllClasses;
}

CandidateIndex::CandidateIndex() : impl_(std::make_unique<Impl>()) {}
CandidateIndex::~CandidateIndex() = default;

bool CandidateIndex::Add(uint32_t entity, EntityClass cls, std::span<const NormalisedName> names) {
  const auto c = static_cast<uint8_t>(cls);
  if (c >= kEntityClasses || entity == std::numeric_limits<uint32_t>::max()) return false;
  std::vector<IndexKey> keys;
  for (const NormalisedName& name : names) AppendNameKeys(name, keys);
  MergeKeys(keys);

  std::unique_lock lock(mutex_);
  Impl& m = *impl_;
  if (entity >= m.entity_class.size()) m.entity_class.resize(std::max<std::size_t>(entity + 1, m.entity_class.size() * 3 / 2), kAbsent);
  const uint8_t was = m.entity_class[entity];
  const bool known = was != kAbsent;
  if (known && was != c) return false;  // another class, or a tombstone
  for (const IndexKey& k : keys) m.File(m.table.FindOrInsert(ClassKey(k.key, c)), entity, known);
  for (const NormalisedName& name : names)
    for (const NameToken& t : name.tokens) m.dictionary.Add(t.text);
  if (!known) {
    m.entity_class[entity] = c;
    ++m.live[c];
  }
  return true;
}

bool CandidateIndex::Remove(uint32_t entity) {
  std::unique_lock lock(mutex_);
  Impl& m = *impl_;
  if (entity >= m.entity_class.size()) return false;
  const uint8_t c = m.entity_class[entity];
  if (c == kAbsent || (c & kRemoved)) return false;
  m.entity_class[entity] = c | kRemoved;
  --m.live[c];
  ++m.removed;
  return true;
}

void CandidateIndex::Compact() {
  std::unique_lock lock(mutex_);
  Impl& m = *impl_;
  const std::size_t nkeys = m.table.size();
  std::vector<uint64_t> offsets(nkeys + 1, 0);
  std::vector<uint32_t> ids;
  ids.reserve(m.frozen_ids.size() + m.tail_postings);
  auto live = [&](uint32_t e) { return (m.entity_class[e] & kRemoved) == 0; };
  for (uint32_t id = 0; id < nkeys; ++id) {
    const Span f = m.Frozen(id), t = m.Tail(id);
    const std::size_t start = ids.size();
    // Merge the two sorted runs. File() never puts an entity in a tail when it is
    // in the frozen run already, so the runs are disjoint; dedup costs nothing.
    const uint32_t *a = f.begin, *b = t.begin;
    while (a != f.end || b != t.end) {
      uint32_t e;
      if (b == t.end || (a != f.end && *a < *b)) {
        e = *a++;
      } else if (a == f.end || *b < *a) {
        e = *b++;
      } else {
        e = *a++;
        ++b;
      }
      if (live(e) && (ids.size() == start || ids.back() != e)) ids.push_back(e);
    }
    offsets[id + 1] = ids.size();
  }
  ids.shrink_to_fit();
  m.frozen_ids = std::move(ids);
  m.frozen_offsets = std::move(offsets);
  std::vector<std::vector<uint32_t>>().swap(m.tails);
  m.tail_postings = 0;
  for (uint8_t& c : m.entity_class)
    if (c != kAbsent && (c & kRemoved)) c = kAbsent;
  m.removed = 0;
}

namespace {

// Fuzzy expansion (QueryOptions::fuzzy_*): the dictionary tokens one edit from each
// query token that is rare or not found, resolved as extra keys in s.resolved.
// They add to an entity's score but not to the denominator: they stand in for the
// query token, whose own weight is already counted there.
template <typename Impl>
void Expand(const Impl& m, std::span<const NormalisedName> names, ClassMask classes, std::size_t n,
            const QueryOptions& options, Scratch& s) {
  s.expansions.clear();
  s.seen.clear();
  s.group_own.clear();
  auto resolve = [&](uint64_t key, QueryKey& q) {
    for (unsigned c = 0; c < kEntityClasses; ++c) {
      if (!(classes & (1u << c))) continue;
      const uint32_t id = m.table.Find(ClassKey(key, c));
      if (id == KeyTable::kMissing) continue;
      q.frozen[c] = m.Frozen(id);
      q.tail[c] = m.Tail(id);
      q.df += q.frozen[c].size() + q.tail[c].size();
    }
  };
  for (const NormalisedName& name : names) {
    for (const NameToken& t : name.tokens) {
      if (!TokenDictionary::Fileable(t.text)) continue;
      if (std::find(s.seen.begin(), s.seen.end(), std::string_view(t.text)) != s.seen.end()) continue;
      s.seen.push_back(t.text);
      if (s.group_own.size() >= QueryKey::kNoGroup) break;
      QueryKey own;
      resolve(HashKey(KeyKind::kToken, t.text), own);
      if (own.df > options.fuzzy_token_df) continue;
      s.near.clear();
      m.dictionary.Near(t.text, t.text.size() >= options.fuzzy_two_edits_length ? 2 : 1, s.near);
      const auto group = static_cast<uint16_t>(s.group_own.size());
      const std::size_t first = s.expansions.size();
      for (const auto& [u, distance] : s.near) {
        Expansion x;
        x.key = HashKey(KeyKind::kToken, u);
        x.group = group;
        // A query token itself: its own key is there already.
        if (std::binary_search(s.keys.begin(), s.keys.end(), IndexKey{x.key, 0.0f, KeyKind::kToken, kNoToken},
                               [](const IndexKey& a, const IndexKey& b) { return a.key < b.key; }))
          continue;
        std::size_t kdf = 0;
        for (unsigned c = 0; c < kEntityClasses; ++c) {
          if (!(classes & (1u << c))) continue;
          const uint32_t id = m.table.Find(ClassKey(x.key, c));
          if (id != KeyTable::kMissing) kdf += m.Frozen(id).size() + m.Tail(id).size();
        }
        if (kdf == 0 || kdf > options.fuzzy_near_df) continue;
        const double sim = 1.0 - distance / static_cast<double>(std::max(u.size(), t.text.size()));
        const double idf = std::log1p(static_cast<double>(n) / static_cast<double>(kdf));
        x.weight = static_cast<float>(options.fuzzy_weight * sim * t.weight * idf);
        x.rank = static_cast<uint32_t>((2 - distance) << 28) + static_cast<uint32_t>(std::min<std::size_t>(kdf, (1u << 28) - 1));
        if (x.weight > 0.0f) s.expansions.push_back(x);
      }
      if (s.expansions.size() == first) continue;
      if (s.expansions.size() - first > options.fuzzy_max_near) {
        std::nth_element(s.expansions.begin() + static_cast<std::ptrdiff_t>(first),
                         s.expansions.begin() + static_cast<std::ptrdiff_t>(first + options.fuzzy_max_near), s.expansions.end(),
                         [](const Expansion& a, const Expansion& b) { return a.rank > b.rank; });
        s.expansions.resize(first + options.fuzzy_max_near);
      }
      s.group_own.push_back(own);
    }
  }
  if (s.expansions.empty()) return;
  // A neighbour of two query tokens: once, for the one it is nearer to.
  std::sort(s.expansions.begin(), s.expansions.end(), [](const Expansion& a, const Expansion& b) {
    return a.key != b.key ? a.key < b.key : a.weight > b.weight;
  });
  s.expansions.erase(std::unique(s.expansions.begin(), s.expansions.end(),
                                 [](const Expansion& a, const Expansion& b) { return a.key == b.key; }),
                     s.expansions.end());
  for (const Expansion& x : s.expansions) {
    QueryKey q;
    q.kind = KeyKind::kToken;
    q.token = kNoToken;  // not a query token's own key
    q.group = x.group;
    resolve(x.key, q);
    q.weight = x.weight;
    s.resolved.push_back(q);
  }
  // Stamps for this query's groups.
  if (s.stamp.size() < m.entity_class.size()) {
    s.stamp.resize(m.entity_class.size(), 0);
    s.credit.resize(m.entity_class.size(), 0.0f);
  }
  if (s.stamp_base > 0xFFFFFFFFu - 2 * QueryKey::kNoGroup) {
    std::fill(s.stamp.begin(), s.stamp.end(), 0u);
    s.stamp_base = 1;
  }
  // An entity with the query token itself takes nothing from its neighbours:
  // stamped as fully credited already.
  for (std::size_t g = 0; g < s.group_own.size(); ++g) {
    const QueryKey& own = s.group_own[g];
    for (unsigned c = 0; c < kEntityClasses; ++c) {
      for (const Span& span : {own.frozen[c], own.tail[c]}) {
        for (const uint32_t* p = span.begin; p != span.end; ++p) {
          s.stamp[*p] = s.stamp_base + static_cast<uint32_t>(g);
          s.credit[*p] = std::numeric_limits<float>::max();
        }
      }
    }
  }
}

// What fuzzy expansion q adds to entity e: the part of its weight above what its
// group has given e already; nothing if e has the token itself (stamped so).
inline float Credit(const QueryKey& q, uint32_t e, Scratch& s) {
  const uint32_t st = s.stamp_base + q.group;
  if (s.stamp[e] != st) {
    s.stamp[e] = st;
    s.credit[e] = 0.0f;
  }
  if (q.weight <= s.credit[e]) return 0.0f;
  const float add = q.weight - s.credit[e];
  s.credit[e] = q.weight;
  return add;
}

}  // namespace

std::vector<Candidate> CandidateIndex::Query(std::span<const NormalisedName> names, ClassMask classes,
                                             const QueryOptions& options) const {
  std::vector<Candidate> first = QueryOnce(names, classes, options);
  // A weak best answer: ask again, expanding the rarer tokens that were found too
  // (a spelling present elsewhere in the index may still be one edit from ours).
  if (options.second_chance_below > 0.0f && options.second_chance_token_df > options.fuzzy_token_df &&
      (first.empty() || first.front().score < options.second_chance_below)) {
    QueryOptions again = options;
    again.fuzzy_token_df = options.second_chance_token_df;
    again.second_chance_below = 0.0f;
    return QueryOnce(names, classes, again);
  }
  return first;
}

std::vector<Candidate> CandidateIndex::QueryOnce(std::span<const NormalisedName> names, ClassMask classes,
                                                 const QueryOptions& options) const {
  Scratch& s = ThreadScratch();
  s.keys.clear();
  for (const NormalisedName& name : names) AppendNameKeys(name, s.keys);
  MergeKeys(s.keys);
  if (s.keys.empty() || options.limit == 0) return {};

  std::shared_lock lock(mutex_);
  const Impl& m = *impl_;
  std::size_t n = 0;
  for (unsigned c = 0; c < kEntityClasses; ++c)
    if (classes & (1u << c)) n += m.live[c];
  if (n == 0) return {};

  // Resolve keys, weigh them by IDF; the total (found or not) is the denominator.
  // token_df[t]: the postings of query token t as a whole token.
  s.resolved.clear();
  s.token_df.clear();
  double total = 0.0;
  for (const IndexKey& k : s.keys) {
    QueryKey q;
    q.kind = k.kind;
    q.token = k.token;
    for (unsigned c = 0; c < kEntityClasses; ++c) {
      if (!(classes & (1u << c))) continue;
      const uint32_t id = m.table.Find(ClassKey(k.key, c));
      if (id == KeyTable::kMissing) continue;
      q.frozen[c] = m.Frozen(id);
      q.tail[c] = m.Tail(id);
      q.df += q.frozen[c].size() + q.tail[c].size();
    }
    const double idf = std::log1p(static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(q.df, 1)));
    q.weight = static_cast<float>(k.weight * idf);
    total += q.weight;
    if (k.kind == KeyKind::kToken && k.token != kNoToken) {
      if (s.token_df.size() <= k.token) s.token_df.resize(k.token + 1u, 0);
      s.token_df[k.token] = std::max(s.token_df[k.token], q.df);
    }
    if (q.df > 0) s.resolved.push_back(q);
  }
  if (options.fuzzy_weight > 0.0f && options.fuzzy_max_near > 0) Expand(m, names, classes, n, options, s);
  std::sort(s.resolved.begin(), s.resolved.end(), [](const QueryKey& a, const QueryKey& b) { return a.df < b.df; });
  s.token_key.assign(s.token_df.size(), nullptr);
  for (const QueryKey& q : s.resolved)
    if (q.kind == KeyKind::kToken && q.token < s.token_key.size() && q.df == s.token_df[q.token]) s.token_key[q.token] = &q;

  // Split the keys: rare ones are walked into the accumulator, the rest probed.
  // A trigram of a query token that was found whole is probed: the entities
  // spelling that token are reached through it, and its trigrams only separate
  // them from near spellings, which other keys (phonetic, skeleton, fold) reach.
  if (s.acc.size() < m.entity_class.size()) s.acc.resize(m.entity_class.size(), 0.0f);
  const std::size_t cap = std::max<std::size_t>(kWalkFloor, static_cast<std::size_t>(options.walk_fraction * static_cast<double>(n)));
  std::size_t walked = 0, walked_keys = 0;
  bool over = false;
  s.probe.clear();
  for (const QueryKey& q : s.resolved) {
    const bool whole = q.kind == KeyKind::kTrigram && q.token < s.token_df.size() &&
                       s.token_df[q.token] >= options.trigram_walk_df;
    if (whole && !options.probe_found_trigrams) continue;
    // The neighbours of a token found whole: probed, as those trigrams are.
    const bool near_found = q.group != QueryKey::kNoGroup && s.group_own[q.group].df > options.fuzzy_walk_df;
    const bool late = walked_keys >= 2 && (over || q.df > cap || walked + q.df > options.posting_budget);
    // A neighbour too frequent to walk is dropped, not probed, unless asked:
    // probing it costs as much as walking a rare one and rarely lifts the target.
    if (q.group != QueryKey::kNoGroup && (late || near_found) && !options.fuzzy_probe) continue;
    if (whole || near_found || late) {
      if (!whole && !near_found) over = true;
      s.probe.push_back(&q);
      continue;
    }
    for (unsigned c = 0; c < kEntityClasses; ++c) {
      for (const Span& span : {q.frozen[c], q.tail[c]}) {
        if (q.group != QueryKey::kNoGroup) {
          for (const uint32_t* p = span.begin; p != span.end; ++p) {
            const float w = Credit(q, *p, s);
            if (w <= 0.0f) continue;
            float& a = s.acc[*p];
            if (a == 0.0f) s.touched.push_back(*p);
            a += w;
          }
          continue;
        }
        for (const uint32_t* p = span.begin; p != span.end; ++p) {
          float& a = s.acc[*p];
          if (a == 0.0f) s.touched.push_back(*p);
          a += q.weight;
        }
      }
    }
    walked += q.df;
    ++walked_keys;
  }

  // Keep the live candidates; the best probe_top of them hear the probed keys.
  s.order.clear();
  if (m.removed == 0) {
    s.order.assign(s.touched.begin(), s.touched.end());
  } else {
    for (uint32_t e : s.touched)
      if ((m.entity_class[e] & kRemoved) == 0) s.order.push_back(e);
  }
  auto better = [&](uint32_t a, uint32_t b) { return s.acc[a] != s.acc[b] ? s.acc[a] > s.acc[b] : a < b; };
  if (!s.probe.empty()) {
    const std::size_t probe = std::min(s.order.size(), std::max(options.probe_top, options.limit));
    std::nth_element(s.order.begin(), s.order.begin() + static_cast<std::ptrdiff_t>(probe), s.order.end(), better);
    s.order.resize(probe);
    // The probed entities in ascending order: each probed key's postings are then
    // searched forward from the last hit (galloping), not from the start.
    s.sorted.assign(s.order.begin(), s.order.end());
    std::sort(s.sorted.begin(), s.sorted.end());
    // Probed keys of one kind: plain ones, one by one; the trigrams of a token found
    // whole, as a group: an entity with the token has every trigram of it, so one
    // search of the (short) token postings settles the whole group for most
    // candidates, and only the others search each trigram.
    std::sort(s.probe.begin(), s.probe.end(), [](const QueryKey* a, const QueryKey* b) {
      const uint32_t ga = a->kind == KeyKind::kTrigram ? a->token : kNoToken;
      const uint32_t gb = b->kind == KeyKind::kTrigram ? b->token : kNoToken;
      return ga < gb;
    });
    for (std::size_t i = 0; i < s.probe.size();) {
      const QueryKey* head = s.probe[i];
      const uint16_t group = head->kind == KeyKind::kTrigram ? head->token : kNoToken;
      std::size_t j = i + 1;
      while (j < s.probe.size() && s.probe[j]->kind == KeyKind::kTrigram && s.probe[j]->token == group) ++j;
      const QueryKey* token = group != kNoToken && group < s.token_key.size() ? s.token_key[group] : nullptr;
      s.cursors.clear();
      float group_weight = 0.0f;
      for (std::size_t k = i; k < j; ++k) {
        s.cursors.push_back(Cursor::Of(*s.probe[k]));
        group_weight += s.probe[k]->weight;
      }
      Cursor tok = token ? Cursor::Of(*token) : Cursor{};
      for (uint32_t e : s.sorted) {
        const uint8_t c = m.entity_class[e];
        if (token && tok.Has(*token, c, e)) {
          s.acc[e] += group_weight;
          continue;
        }
        for (std::size_t k = i; k < j; ++k) {
          const QueryKey& q = *s.probe[k];
          if (!s.cursors[k - i].Has(q, c, e)) continue;
          s.acc[e] += q.group == QueryKey::kNoGroup ? q.weight : Credit(q, e, s);
        }
      }
      i = j;
    }
  }
  const std::size_t keep = std::min(options.limit, s.order.size());
  std::partial_sort(s.order.begin(), s.order.begin() + static_cast<std::ptrdiff_t>(keep), s.order.end(), better);

  std::vector<Candidate> out;
  out.reserve(keep);
  const float inv = total > 0.0 ? static_cast<float>(1.0 / total) : 0.0f;
  for (std::size_t i = 0; i < keep; ++i)
    out.push_back({s.order[i], std::min(1.0f, s.acc[s.order[i]] * inv)});

  for (uint32_t e : s.touched) s.acc[e] = 0.0f;
  s.touched.clear();
  s.stamp_base += static_cast<uint32_t>(s.group_own.size());
  s.group_own.clear();
  return out;
}

bool CandidateIndex::Contains(uint32_t entity) const {
  std::shared_lock lock(mutex_);
  const Impl& m = *impl_;
  return entity < m.entity_class.size() && m.entity_class[entity] != kAbsent && !(m.entity_class[entity] & kRemoved);
}

IndexStats CandidateIndex::Stats() const {
  std::shared_lock lock(mutex_);
  const Impl& m = *impl_;
  IndexStats st;
  for (std::size_t c : m.live) st.entities += c;
  st.removed = m.removed;
  st.keys = m.table.size();
  st.postings = m.frozen_ids.size() + m.tail_postings;
  st.bytes = m.table.bytes() + m.frozen_offsets.capacity() * sizeof(uint64_t) +
             m.frozen_ids.capacity() * sizeof(uint32_t) + m.tails.capacity() * sizeof(std::vector<uint32_t>) +
             m.entity_class.capacity() + m.dictionary.bytes();
  for (const auto& t : m.tails) st.bytes += t.capacity() * sizeof(uint32_t);
  return st;
}

}  // namespace dossier::match
