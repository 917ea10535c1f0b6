#include "match/candidate_index.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <mutex>
#include <string_view>

#include "match/key_table.h"

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

// A query key resolved against the index: its postings in each queried class.
struct QueryKey {
  float weight = 0.0f;  // query weight x idf
  std::size_t df = 0;
  std::array<Span, kEntityClasses> frozen{}, tail{};
};

// Per-thread scratch: a dense accumulator over entity numbers (0 = untouched; every
// contribution is > 0) and the list of entries touched, to reset only those.
struct Scratch {
  std::vector<float> acc;
  std::vector<uint32_t> touched;
  std::vector<IndexKey> keys;
  std::vector<QueryKey> resolved;
  std::vector<uint32_t> order;
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

std::vector<Candidate> CandidateIndex::Query(std::span<const NormalisedName> names, ClassMask classes,
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
  s.resolved.clear();
  double total = 0.0;
  for (const IndexKey& k : s.keys) {
    QueryKey q;
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
    if (q.df > 0) s.resolved.push_back(q);
  }
  std::sort(s.resolved.begin(), s.resolved.end(), [](const QueryKey& a, const QueryKey& b) { return a.df < b.df; });

  // Walk the rare keys into the accumulator.
  if (s.acc.size() < m.entity_class.size()) s.acc.resize(m.entity_class.size(), 0.0f);
  const std::size_t cap = std::max<std::size_t>(kWalkFloor, static_cast<std::size_t>(options.walk_fraction * static_cast<double>(n)));
  std::size_t walked = 0, next = 0;
  for (; next < s.resolved.size(); ++next) {
    const QueryKey& q = s.resolved[next];
    if (next >= 2 && (q.df > cap || walked + q.df > options.posting_budget)) break;
    for (unsigned c = 0; c < kEntityClasses; ++c) {
      for (const Span& span : {q.frozen[c], q.tail[c]}) {
        for (const uint32_t* p = span.begin; p != span.end; ++p) {
          float& a = s.acc[*p];
          if (a == 0.0f) s.touched.push_back(*p);
          a += q.weight;
        }
      }
    }
    walked += q.df;
  }

  // Keep the live candidates; the best probe_top of them hear the frequent keys.
  s.order.clear();
  for (uint32_t e : s.touched)
    if ((m.entity_class[e] & kRemoved) == 0) s.order.push_back(e);
  auto better = [&](uint32_t a, uint32_t b) { return s.acc[a] != s.acc[b] ? s.acc[a] > s.acc[b] : a < b; };
  if (next < s.resolved.size()) {
    const std::size_t probe = std::min(s.order.size(), std::max(options.probe_top, options.limit));
    std::nth_element(s.order.begin(), s.order.begin() + static_cast<std::ptrdiff_t>(probe), s.order.end(), better);
    s.order.resize(probe);
    for (std::size_t i = next; i < s.resolved.size(); ++i) {
      const QueryKey& q = s.resolved[i];
      for (uint32_t e : s.order) {
        const uint8_t c = m.entity_class[e];
        if (q.frozen[c].Contains(e) || q.tail[c].Contains(e)) s.acc[e] += q.weight;
      }
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
             m.entity_class.capacity();
  for (const auto& t : m.tails) st.bytes += t.capacity() * sizeof(uint32_t);
  return st;
}

}  // namespace dossier::match
