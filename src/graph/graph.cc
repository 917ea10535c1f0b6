#include "graph/graph.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include "model/grading.h"
#include "model/schema.h"

namespace dossier::graph {

int32_t PackDate(std::string_view iso, bool end) {
  auto digits = [&](std::size_t at, std::size_t n) -> int {
    if (iso.size() < at + n) return -1;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  const int year = digits(0, 4);
  if (year < 0) return 0;
  int month = iso.size() >= 7 && iso[4] == '-' ? digits(5, 2) : -1;
  int day = month > 0 && iso.size() >= 10 && iso[7] == '-' ? digits(8, 2) : -1;
  if (month < 1 || month > 12) month = -1;
  if (day < 1 || day > 31) day = -1;
  if (month < 0) return year * 10000 + (end ? 1231 : 101);
  if (day < 0) return year * 10000 + month * 100 + (end ? 31 : 1);
  return year * 10000 + month * 100 + day;
}

std::string UnpackDate(int32_t packed) {
  if (packed <= 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", packed / 10000, packed / 100 % 100, packed % 100);
  return buf;
}

std::optional<uint32_t> Graph::Find(std::string_view id) const {
  uint32_t lo = 0, hi = NodeCount();
  while (lo < hi) {
    const uint32_t mid = lo + (hi - lo) / 2;
    if (Id(mid) < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo < NodeCount() && Id(lo) == id) return lo;
  return std::nullopt;
}

const std::vector<DatedClaim>* Graph::DisputedDates(uint32_t tie) const {
  if (disputed_dates_.empty()) return nullptr;
  auto it = disputed_dates_.find(tie);
  return it == disputed_dates_.end() ? nullptr : &it->second;
}

std::vector<std::string> Graph::TieIds(access::Feed& feed, const std::vector<uint32_t>& ties) const {
  std::vector<int64_t> keys;
  keys.reserve(ties.size());
  for (uint32_t t : ties) keys.push_back(tie_entity_[t]);
  return feed.EntityIds(keys);
}

const std::string& Graph::SchemaName(uint32_t schema_key) const {
  static const std::string kNone;
  auto it = schema_names_.find(schema_key);
  return it == schema_names_.end() ? kNone : it->second;
}

std::optional<uint8_t> Graph::TopicNumber(std::string_view topic) const {
  for (std::size_t i = 0; i < topics_.size(); ++i)
    if (topics_[i] == topic) return static_cast<uint8_t>(i);
  return std::nullopt;
}

std::size_t Graph::MemoryBytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  std::size_t total = ids_.capacity() + bytes(id_offsets_) + bytes(node_group_) + bytes(topic_group_) +
                      bytes(offsets_) + bytes(adj_node_) + bytes(adj_tie_) + bytes(tie_group_) + bytes(tie_entity_) +
                      bytes(tie_start_) + bytes(tie_end_) + bytes(group_offsets_) + bytes(claims_);
  for (const auto& [tie, claims] : disputed_dates_) total += 32 + bytes(claims);
  return total;
}

// Builds a Graph from the feed in one pass over the statements (grouped by
// entity), then numbers the nodes by id and lays the ties out as adjacency.
class GraphBuilder {
 public:
  explicit GraphBuilder(access::Feed& feed) : feed_(feed), model_(model::Model::Default()) {}

  Graph Build(const std::function<void(const BuildProgress&)>& progress) {
    Prepare();
    BuildProgress p;
    std::vector<access::Feed::Row> run;  // the rows of one entity
    std::vector<std::string> values;     // their values (the feed's views die with the row)
    int64_t current = -1;
    auto flush = [&] {
      if (!run.empty()) Entity(current, run, values);
      run.clear();
      values.clear();
    };
    feed_.Scan({"topics", "startDate", "endDate", "date"}, [&](const access::Feed::Row& row) {
      if (row.entity != current) {
        flush();
        current = row.entity;
      }
      run.push_back(row);
      values.emplace_back(row.value);
      if (++p.statements % 262144 == 0 && progress) progress(p);
    });
    flush();
    if (progress) progress(p);
    return Finish();
  }

 private:
  struct PendingTie {
    uint32_t from_key, to_key;  // store entity keys of the ends
    uint32_t group;
    uint32_t entity;
    int32_t start, end;
  };

  void Prepare() {
    const auto vocab = feed_.Vocabulary();
    reliability_ = feed_.ReliabilityBySourceKey();
    for (const auto& [key, name] : vocab.schemata) {
      graph_.schema_names_[static_cast<uint32_t>(key)] = name;
      const model::Schema* s = model_.Find(name);
      if (!s) continue;
      if (s->edge()) edge_schema_[key] = &*s->edge();
      if (s->IsA("Sanction")) sanction_schema_.insert(key);
    }
    for (const auto& [key, name] : vocab.props) {
      prop_names_[key] = name;
      // Each row's property compared once here, not by name per row.
      if (key >= static_cast<int64_t>(prop_role_.size())) prop_role_.resize(static_cast<std::size_t>(key) + 1, kOtherProp);
      prop_role_[key] = name == "topics" ? kTopicsProp : name == "entity" ? kEntityProp
                      : name == "startDate" || name == "date" ? kStartProp : name == "endDate" ? kEndProp : kOtherProp;
    }
    for (const auto& [topic, label] : model_.topics()) graph_.topics_.push_back(topic);
    if (graph_.topics_.size() > 64) graph_.topics_.resize(64);  // topics are a 64-bit set per node
    group_ids_[{}] = Intern({});  // group 0: no claims
  }

  uint32_t Intern(std::vector<Claim> claims) {
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    auto [it, fresh] = group_ids_.try_emplace(claims, static_cast<uint32_t>(graph_.group_offsets_.size() - 1));
    if (fresh) {
      graph_.claims_.insert(graph_.claims_.end(), claims.begin(), claims.end());
      graph_.group_offsets_.push_back(static_cast<uint32_t>(graph_.claims_.size()));
    }
    return it->second;
  }

  Claim ClaimOf(const access::Feed::Row& r, uint8_t kind) const {
    Claim c;
    c.kind = kind;
    auto rel = reliability_.find(r.source);
    c.reliability = static_cast<uint8_t>(rel == reliability_.end() ? 'F' : rel->second);
    c.credibility = static_cast<uint8_t>(r.credibility);
    c.schema = static_cast<uint32_t>(r.schema);
    c.marking = static_cast<uint32_t>(r.marking);
    return c;
  }

  static uint32_t Key32(int64_t key) {
    if (key < 0 || key > 0xffffffffLL) throw std::runtime_error("graph: entity key out of range");
    return static_cast<uint32_t>(key);
  }

  void Entity(int64_t entity, const std::vector<access::Feed::Row>& rows, const std::vector<std::string>& values) {
    const model::EdgeSpec* edge = nullptr;
    bool sanction = false;
    for (const auto& r : rows) {
      auto e = edge_schema_.find(r.schema);
      if (e != edge_schema_.end()) edge = e->second;
      if (sanction_schema_.count(r.schema)) sanction = true;
    }
    if (edge) return Tie(entity, *edge, rows, values);
    if (sanction) {
      // The sanctioned entity gets the topic, on the claim that names it.
      const auto topic = graph_.TopicNumber("sanction");
      for (const auto& r : rows)
        if (r.ref != 0 && topic && RoleOf(r.prop) == kEntityProp) {
          Claim c = ClaimOf(r, Claim::kTopic);
          c.topic = *topic;
          c.schema = 0;
          topic_claims_[Key32(r.ref)].push_back(c);
        }
      return;
    }
    EventTies(entity, rows, values);
    std::vector<Claim> exists;
    for (const auto& r : rows) {
      Claim c = ClaimOf(r, Claim::kExists);
      c.reliability = 0;  // existence needs no grading: fewer distinct groups
      c.credibility = 0;
      exists.push_back(c);
    }
    node_group_of_key_[Key32(entity)] = Intern(std::move(exists));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (RoleOf(rows[i].prop) != kTopicsProp) continue;
      const auto topic = graph_.TopicNumber(values[i]);
      if (!topic) continue;
      Claim c = ClaimOf(rows[i], Claim::kTopic);
      c.topic = *topic;
      c.schema = 0;
      c.reliability = 0;
      c.credibility = 0;
      topic_claims_[Key32(entity)].push_back(c);
    }
  }

  // An Event is a node and, as a hyperedge, tied to each entity its involved or
  // organizer statements name: one tie per entity, resting on those statements
  // (each names both ends: the event by being its statement, the other by value).
  void EventTies(int64_t entity, const std::vector<access::Feed::Row>& rows, const std::vector<std::string>& values) {
    if (std::none_of(rows.begin(), rows.end(), [](const auto& r) { return r.ref != 0; })) return;
    std::map<uint32_t, std::vector<Claim>> by_other;
    for (const auto& r : rows) {
      if (r.ref != 0 && model::IsEventTieProperty(graph_.SchemaName(static_cast<uint32_t>(r.schema)), PropName(r.prop))) {
        auto& claims = by_other[Key32(r.ref)];
        claims.push_back(ClaimOf(r, Claim::kFrom));
        claims.push_back(ClaimOf(r, Claim::kTo));
      }
    }
    if (by_other.empty()) return;
    const TieDates dates = ReadDates(rows, values);
    const uint32_t self = Key32(entity);
    for (auto& [other, claims] : by_other)
      if (other != self) AddTie(self, other, std::move(claims), self, dates);
  }

  void Tie(int64_t entity, const model::EdgeSpec& spec, const std::vector<access::Feed::Row>& rows,
           const std::vector<std::string>& values) {
    std::vector<std::pair<uint32_t, Claim>> from, to;  // (end key, claim)
    for (const auto& r : rows) {
      if (r.ref == 0) continue;
      const std::string& prop = PropName(r.prop);
      if (prop == spec.source) from.emplace_back(Key32(r.ref), ClaimOf(r, Claim::kFrom));
      if (prop == spec.target) to.emplace_back(Key32(r.ref), ClaimOf(r, Claim::kTo));
    }
    const TieDates dates = ReadDates(rows, values);
    std::vector<uint32_t> ends_from, ends_to;
    for (const auto& [k, c] : from) ends_from.push_back(k);
    for (const auto& [k, c] : to) ends_to.push_back(k);
    std::sort(ends_from.begin(), ends_from.end());
    ends_from.erase(std::unique(ends_from.begin(), ends_from.end()), ends_from.end());
    std::sort(ends_to.begin(), ends_to.end());
    ends_to.erase(std::unique(ends_to.begin(), ends_to.end()), ends_to.end());
    for (uint32_t f : ends_from)
      for (uint32_t t : ends_to) {
        if (f == t) continue;
        std::vector<Claim> claims;
        for (const auto& [k, c] : from)
          if (k == f) claims.push_back(c);
        for (const auto& [k, c] : to)
          if (k == t) claims.push_back(c);
        AddTie(f, t, std::move(claims), Key32(entity), dates);
      }
  }

  // The dates of a tie (or event). One value per kind: the dates live in the
  // tie's arrays and their markings in its claim group. Disagreeing values are
  // kept claim by claim (Graph::DisputedDates).
  struct TieDates {
    int32_t start = 0, end = 0;
    bool disputed = false;
    std::vector<DatedClaim> claims;
  };
  TieDates ReadDates(const std::vector<access::Feed::Row>& rows, const std::vector<std::string>& values) const {
    TieDates out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const PropRole role = RoleOf(rows[i].prop);
      if (role != kStartProp && role != kEndProp) continue;
      const bool is_end = role == kEndProp;
      const int32_t d = PackDate(values[i], is_end);
      if (d == 0) continue;
      out.claims.push_back(DatedClaim{is_end ? Claim::kEnd : Claim::kStart, d, static_cast<uint32_t>(rows[i].marking)});
      int32_t& slot = is_end ? out.end : out.start;
      if (slot != 0 && slot != d) out.disputed = true;
      slot = d;
    }
    return out;
  }

  void AddTie(uint32_t from, uint32_t to, std::vector<Claim> claims, uint32_t entity, const TieDates& dates) {
    if (dates.disputed) {
      pending_disputed_[ties_.size()] = dates.claims;
    } else {
      for (const auto& d : dates.claims) {
        Claim c;
        c.kind = d.kind;
        c.marking = d.marking;
        c.reliability = 0;
        c.credibility = 0;
        claims.push_back(c);
      }
    }
    ties_.push_back(PendingTie{from, to, Intern(std::move(claims)), entity, dates.disputed ? 0 : dates.start,
                               dates.disputed ? 0 : dates.end});
  }

  enum PropRole : uint8_t { kOtherProp, kTopicsProp, kEntityProp, kStartProp, kEndProp };
  PropRole RoleOf(int64_t prop) const {
    return prop >= 0 && prop < static_cast<int64_t>(prop_role_.size()) ? static_cast<PropRole>(prop_role_[prop]) : kOtherProp;
  }

  const std::string& PropName(int64_t key) const {
    static const std::string kNone;
    auto it = prop_names_.find(key);
    return it == prop_names_.end() ? kNone : it->second;
  }

  Graph Finish() {
    // Nodes in id order.
    std::vector<std::pair<std::string, uint32_t>> nodes;  // (id, store key)
    nodes.reserve(node_group_of_key_.size());
    feed_.ScanEntityIds([&](int64_t key, std::string_view id) {
      if (key >= 0 && key <= 0xffffffffLL && node_group_of_key_.count(static_cast<uint32_t>(key)))
        nodes.emplace_back(std::string(id), static_cast<uint32_t>(key));
    });
    std::sort(nodes.begin(), nodes.end());
    // Store keys are dense (1, 2, 3 ...): a flat array maps them to node numbers.
    uint32_t max_key = 0;
    for (const auto& n : nodes) max_key = std::max(max_key, n.second);
    for (const auto& p : ties_) max_key = std::max({max_key, p.from_key, p.to_key});
    constexpr uint32_t kNoNode = 0xffffffffu;
    std::vector<uint32_t> node_of_key(static_cast<std::size_t>(max_key) + 1, kNoNode);
    graph_.node_group_.resize(nodes.size());
    graph_.topic_group_.resize(nodes.size());
    std::size_t id_bytes = 0;
    for (const auto& n : nodes) id_bytes += n.first.size();
    graph_.ids_.reserve(id_bytes);
    graph_.id_offsets_.reserve(nodes.size() + 1);
    for (uint32_t i = 0; i < nodes.size(); ++i) {
      const uint32_t key = nodes[i].second;
      node_of_key[key] = i;
      graph_.ids_ += nodes[i].first;
      graph_.id_offsets_.push_back(static_cast<uint32_t>(graph_.ids_.size()));
      graph_.node_group_[i] = node_group_of_key_[key];
      auto t = topic_claims_.find(key);
      graph_.topic_group_[i] = t == topic_claims_.end() ? 0 : Intern(t->second);
    }
    nodes.clear();
    nodes.shrink_to_fit();
    node_group_of_key_.clear();
    topic_claims_.clear();

    // Ties whose ends are both nodes, numbered in the order they were read.
    std::vector<uint32_t> degree(graph_.NodeCount() + 1, 0);
    std::vector<std::pair<uint32_t, uint32_t>> ends;  // node numbers (from, to)
    ends.reserve(ties_.size());
    graph_.tie_group_.reserve(ties_.size());
    graph_.tie_entity_.reserve(ties_.size());
    graph_.tie_start_.reserve(ties_.size());
    graph_.tie_end_.reserve(ties_.size());
    for (std::size_t i = 0; i < ties_.size(); ++i) {
      const PendingTie& p = ties_[i];
      const uint32_t f = node_of_key[p.from_key], t = node_of_key[p.to_key];
      if (f == kNoNode || t == kNoNode) continue;  // an end nobody described
      const uint32_t tie = static_cast<uint32_t>(graph_.tie_group_.size());
      if (tie >= 0x80000000u) throw std::runtime_error("graph: more than 2^31 ties");
      graph_.tie_group_.push_back(p.group);
      graph_.tie_entity_.push_back(p.entity);
      graph_.tie_start_.push_back(p.start);
      graph_.tie_end_.push_back(p.end);
      if (auto d = pending_disputed_.find(i); d != pending_disputed_.end()) graph_.disputed_dates_[tie] = std::move(d->second);
      ends.emplace_back(f, t);
      ++degree[f + 1];
      ++degree[t + 1];
    }
    ties_.clear();
    ties_.shrink_to_fit();
    node_of_key.clear();
    node_of_key.shrink_to_fit();
    for (auto* v : {&graph_.tie_group_, &graph_.tie_entity_}) v->shrink_to_fit();
    for (auto* v : {&graph_.tie_start_, &graph_.tie_end_}) v->shrink_to_fit();

    // Adjacency: counting sort by node, then each run ordered by (neighbour, tie).
    graph_.offsets_.assign(graph_.NodeCount() + 1, 0);
    for (uint32_t u = 0; u < graph_.NodeCount(); ++u) graph_.offsets_[u + 1] = graph_.offsets_[u] + degree[u + 1];
    graph_.adj_node_.resize(ends.size() * 2);
    graph_.adj_tie_.resize(ends.size() * 2);
    std::vector<uint32_t> fill(graph_.offsets_.begin(), graph_.offsets_.end() - 1);
    for (uint32_t tie = 0; tie < ends.size(); ++tie) {
      const auto [f, t] = ends[tie];
      graph_.adj_node_[fill[f]] = t;
      graph_.adj_tie_[fill[f]++] = tie | 0x80000000u;  // from f, the other end is `to`
      graph_.adj_node_[fill[t]] = f;
      graph_.adj_tie_[fill[t]++] = tie;
    }
    std::vector<std::pair<uint32_t, uint32_t>> scratch;
    for (uint32_t u = 0; u < graph_.NodeCount(); ++u) {
      const uint32_t b = graph_.offsets_[u], e = graph_.offsets_[u + 1];
      scratch.clear();
      for (uint32_t i = b; i < e; ++i) scratch.emplace_back(graph_.adj_node_[i], graph_.adj_tie_[i]);
      std::sort(scratch.begin(), scratch.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : (x.second & 0x7fffffffu) < (y.second & 0x7fffffffu);
      });
      for (uint32_t i = b; i < e; ++i) {
        graph_.adj_node_[i] = scratch[i - b].first;
        graph_.adj_tie_[i] = scratch[i - b].second;
      }
    }
    graph_.claims_.shrink_to_fit();
    return std::move(graph_);
  }

  access::Feed& feed_;
  const model::Model& model_;
  Graph graph_;
  std::map<int64_t, char> reliability_;
  std::unordered_map<int64_t, const model::EdgeSpec*> edge_schema_;
  std::unordered_map<int64_t, std::string> prop_names_;
  std::set<int64_t> sanction_schema_;
  struct ClaimsHash {
    std::size_t operator()(const std::vector<Claim>& claims) const {
      uint64_t h = 1469598103934665603ULL;
      for (const Claim& c : claims)
        for (uint64_t part : {uint64_t{c.kind} | uint64_t{c.topic} << 8 | uint64_t{c.reliability} << 16 | uint64_t{c.credibility} << 24,
                              uint64_t{c.schema}, uint64_t{c.marking}})
          h = (h ^ part) * 1099511628211ULL;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_map<std::vector<Claim>, uint32_t, ClaimsHash> group_ids_;
  std::vector<uint8_t> prop_role_;
  std::unordered_map<uint32_t, uint32_t> node_group_of_key_;
  std::unordered_map<uint32_t, std::vector<Claim>> topic_claims_;
  std::vector<PendingTie> ties_;
  std::unordered_map<std::size_t, std::vector<DatedClaim>> pending_disputed_;
};

Graph Graph::Build(access::Feed& feed, const std::function<void(const BuildProgress&)>& progress) {
  return GraphBuilder(feed).Build(progress);
}

}  // namespace dossier::graph
