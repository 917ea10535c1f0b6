#include "access/view.h"

#include <algorithm>
#include <deque>
#include <tuple>

#include "model/grading.h"
#include "text/fold.h"

namespace dossier::access {
namespace {

// Properties whose values name the entity, best first (for captions).
constexpr std::string_view kCaptionProps[] = {"name", "alias", "previousName", "weakAlias", "title", "full"};

// Properties read as a tie's own description, best first.
constexpr std::string_view kTieLabelProps[] = {"role", "relationship", "ownershipType", "summary", "description"};

std::set<std::string> TokenSet(const std::string& text) {
  auto tokens = text::Tokens(text);
  return std::set<std::string>(tokens.begin(), tokens.end());
}

}  // namespace

std::vector<std::string> Entity::Values(std::string_view prop) const {
  std::vector<std::string> out;
  for (const auto& s : statements)
    if (s.prop == prop && std::find(out.begin(), out.end(), s.value) == out.end()) out.push_back(s.value);
  return out;
}

std::string CaptionOf(const std::function<std::vector<std::string>(std::string_view)>& values_of,
                      const std::string& fallback) {
  for (auto prop : kCaptionProps) {
    auto values = values_of(prop);
    // Prefer names written in mixed case (lists shout), then the shortest.
    auto shouting = [](const std::string& v) {
      return std::none_of(v.begin(), v.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    if (!values.empty()) return *std::min_element(values.begin(), values.end(), [&](const auto& a, const auto& b) {
      if (shouting(a) != shouting(b)) return !shouting(a);
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
  }
  return fallback;
}

std::string Entity::Caption() const {
  return CaptionOf([this](std::string_view prop) { return Values(prop); }, id);
}

std::vector<const store::StoredStatement*> TieEvidence(const Tie& tie) {
  const model::Schema* schema = model::Model::Default().Find(tie.schema);
  std::vector<const store::StoredStatement*> out;
  if (tie.event_claim != 0) {
    for (const auto& s : tie.statements)
      if (s.key == tie.event_claim) out.push_back(&s);
    return out;
  }
  if (!schema || !schema->edge()) return out;
  for (const auto& s : tie.statements)
    if (s.prop == schema->edge()->source || s.prop == schema->edge()->target) out.push_back(&s);
  return out;
}

View::View(store::Store& store, Reader reader)
    : store_(store), reader_(std::move(reader)), model_(model::Model::Default()) {
  banners_ = store_.Markings();
  for (auto& s : store_.Sources()) sources_[s.id] = s;
  LoadClusters();
}

void View::LoadClusters() {
  // Union of positive judgements, refusing any union that would join two
  // members a negative judgement keeps apart.
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find = [&](const std::string& x) -> std::string {
    auto it = parent.find(x);
    if (it == parent.end() || it->second == x) return x;
    std::string root = find(it->second);
    parent[x] = root;
    return root;
  };
  auto judgements = store_.Judgements();
  std::set<std::pair<std::string, std::string>> negative;
  for (const auto& j : judgements)
    if (j.verdict == "negative") negative.insert({std::min(j.a, j.b), std::max(j.a, j.b)});
  std::map<std::string, std::vector<std::string>> members;
  auto members_of = [&](const std::string& root) {
    auto it = members.find(root);
    return it == members.end() ? std::vector<std::string>{root} : it->second;
  };
  // Only members the reader can see take part: a cluster must not reveal,
  // even by its id, that a hidden entity exists.
  std::map<std::string, bool> visible;
  auto can_see = [&](const std::string& id) {
    auto it = visible.find(id);
    if (it != visible.end()) return it->second;
    bool any = false;
    for (const auto& s : store_.StatementsOf({id}, false)) any = any || Visible(s);
    return visible[id] = any;
  };
  for (const auto& j : judgements) {
    if (j.verdict != "positive" || !can_see(j.a) || !can_see(j.b)) continue;
    std::string ra = find(j.a), rb = find(j.b);
    if (ra == rb) continue;
    auto ma = members_of(ra), mb = members_of(rb);
    bool forbidden = false;
    for (const auto& x : ma)
      for (const auto& y : mb)
        if (negative.count({std::min(x, y), std::max(x, y)})) forbidden = true;
    if (forbidden) continue;
    std::string root = std::min(ra, rb);
    std::string other = root == ra ? rb : ra;
    parent[ra] = root;
    parent[rb] = root;
    ma.insert(ma.end(), mb.begin(), mb.end());
    std::sort(ma.begin(), ma.end());
    members.erase(other);
    members[root] = ma;
  }
  for (auto& [root, list] : members) {
    std::string id = list.front();  // the smallest member names the cluster
    clusters_[id] = list;
    for (const auto& m : list) canonical_[m] = id;
  }
}

std::string View::Canonical(const std::string& entity_id) const {
  auto it = canonical_.find(entity_id);
  return it == canonical_.end() ? entity_id : it->second;
}

model::Marking View::MarkingOf(int64_t key) {
  auto it = markings_.find(key);
  if (it != markings_.end()) return it->second;
  auto b = banners_.find(key);
  if (b == banners_.end()) {
    banners_ = store_.Markings();
    b = banners_.find(key);
  }
  model::Marking m;
  if (b == banners_.end()) {
    // A key the store does not know: the most restrictive marking there is.
    m.level = reader_.scheme().Highest();
    m.noforn = m.orcon = m.source_protected = true;
  } else {
    m = model::Marking::Parse(b->second, reader_.scheme());
  }
  markings_[key] = m;
  return m;
}

std::string View::Banner(int64_t key) { return MarkingOf(key).Print(reader_.scheme()); }

bool View::Visible(const store::StoredStatement& s) {
  if (s.retracted) return false;
  return SeesMarking(s.marking);
}

bool View::SeesMarking(int64_t marking_key) {
  auto it = marking_visible_.find(marking_key);
  if (it != marking_visible_.end()) return it->second;
  bool visible = reader_.CanSee(MarkingOf(marking_key));
  marking_visible_[marking_key] = visible;
  return visible;
}

model::Marking View::Highest(const std::vector<const store::StoredStatement*>& statements) {
  model::Marking m;
  bool first = true;
  for (const auto* s : statements) {
    model::Marking sm = MarkingOf(s->marking);
    m = first ? sm : model::Marking::Highest(m, sm);
    first = false;
  }
  return m;
}

char View::Reliability(const std::string& source_id) {
  auto it = sources_.find(source_id);
  if (it == sources_.end()) {
    for (auto& s : store_.Sources()) sources_[s.id] = s;
    it = sources_.find(source_id);
  }
  return it == sources_.end() ? model::kUnknownReliability : it->second.reliability;
}

model::Source View::SourceOf(const store::StoredStatement& s) {
  Reliability(s.source_id);  // refreshes the cache if needed
  auto it = sources_.find(s.source_id);
  model::Source src = it == sources_.end() ? model::Source{} : it->second;
  if (it == sources_.end()) src.id = s.source_id;
  if (reader_.SeesSourceIdentity(src, MarkingOf(s.marking))) return src;
  model::Source sanitised;
  sanitised.id = "protected";
  sanitised.title = src.sanitised.empty() ? "a protected source" : src.sanitised;
  sanitised.kind = src.kind;
  sanitised.reliability = src.reliability;
  sanitised.is_protected = true;
  sanitised.sanitised = sanitised.title;
  return sanitised;
}

std::vector<model::Source> View::Sources() {
  std::map<std::string, model::Source> out;
  for (const auto& [source_id, marking, count] : store_.CountBySourceAndMarking()) {
    store::StoredStatement probe;
    probe.source_id = source_id;
    probe.marking = marking;
    if (!Visible(probe)) continue;
    model::Source s = SourceOf(probe);
    out.emplace(s.id == "protected" ? "protected:" + s.title : s.id, s);
  }
  std::vector<model::Source> list;
  for (auto& [k, s] : out) list.push_back(s);
  return list;
}

std::vector<store::StoredStatement> View::VisibleStatementsOf(const std::vector<std::string>& ids) {
  auto all = store_.StatementsOf(ids, false);
  std::vector<store::StoredStatement> out;
  out.reserve(all.size());
  for (auto& s : all)
    if (Visible(s)) out.push_back(std::move(s));
  return out;
}

std::optional<Entity> View::Get(const std::string& id) {
  std::string canonical = Canonical(id);
  auto cached = entity_cache_.find(canonical);
  if (cached != entity_cache_.end()) return cached->second;
  Entity e;
  e.id = canonical;
  auto cl = clusters_.find(canonical);
  e.members = cl == clusters_.end() ? std::vector<std::string>{canonical} : cl->second;
  e.statements = VisibleStatementsOf(e.members);
  std::optional<Entity> result;
  if (!e.statements.empty()) {
    e.schema = e.statements.front().schema;
    for (const auto& s : e.statements) {
      if (const model::Schema* common = model_.Common(e.schema, s.schema)) e.schema = common->name();
    }
    result = std::move(e);
  }
  // A long-lived view (the server's) must not grow without bound.
  if (entity_cache_.size() >= kMaxCached) entity_cache_.clear();
  entity_cache_[canonical] = result;
  return result;
}

std::string View::Resolve(const std::string& id_or_name) {
  if (Get(id_or_name)) return Canonical(id_or_name);
  std::string folded = text::Fold(id_or_name);
  std::string key = text::NameKey(id_or_name);
  std::set<std::string> exact, by_key;
  if (!folded.empty()) {
    for (const auto& hit : store_.FindNames(text::Tokens(id_or_name), true)) {
      store::StoredStatement probe;
      probe.marking = hit.marking;
      if (!Visible(probe)) continue;
      if (text::Fold(hit.value) == folded) exact.insert(Canonical(hit.entity_id));
      else if (text::NameKey(hit.value) == key) by_key.insert(Canonical(hit.entity_id));
    }
  }
  const auto& found = exact.empty() ? by_key : exact;
  if (found.size() == 1) return *found.begin();
  if (found.empty()) throw AccessError("no entity with id or name '" + id_or_name + "'");
  std::string ids;
  for (const auto& f : found) ids += (ids.empty() ? "" : ", ") + f;
  throw AccessError("'" + id_or_name + "' names " + std::to_string(found.size()) + " entities (" + ids +
                    "): give an id");
}

std::vector<View::SearchResult> View::Search(const std::string& text, const std::string& schema, size_t limit) {
  auto query = TokenSet(text);
  std::vector<std::string> tokens(query.begin(), query.end());
  std::string query_key = text::NameKey(text);
  std::vector<SearchResult> results;
  for (bool all_tokens : {true, false}) {
    std::map<std::string, SearchResult> best;
    for (const auto& hit : store_.FindNames(tokens, all_tokens)) {
      store::StoredStatement probe;
      probe.marking = hit.marking;
      if (!Visible(probe)) continue;
      auto name = TokenSet(hit.value);
      size_t common = 0;
      for (const auto& t : query) common += name.count(t);
      double score = static_cast<double>(common) / static_cast<double>(query.size() + name.size() - common);
      if (text::NameKey(hit.value) == query_key) score = 1.0;
      std::string id = Canonical(hit.entity_id);
      auto& r = best[id];
      if (r.id.empty() || score > r.score || (score == r.score && hit.value < r.matched)) {
        r.id = id;
        r.score = score;
        r.matched = hit.value;
      }
    }
    std::vector<SearchResult> ranked;
    for (auto& [id, r] : best) ranked.push_back(r);
    std::sort(ranked.begin(), ranked.end(), [](const SearchResult& a, const SearchResult& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.matched != b.matched) return a.matched < b.matched;
      return a.id < b.id;
    });
    for (auto& r : ranked) {
      if (results.size() >= limit) break;
      auto e = Get(r.id);
      if (!e) continue;
      const model::Schema* s = model_.Find(e->schema);
      if (!schema.empty() && (!s || !s->IsA(schema))) continue;
      r.caption = e->Caption();
      r.schema = e->schema;
      results.push_back(std::move(r));
    }
    if (!results.empty() || tokens.size() < 2) break;
  }
  return results;
}

std::vector<Tie> View::TiesOf(const std::string& id) {
  std::string self = Canonical(id);
  auto cached = tie_cache_.find(self);
  if (cached != tie_cache_.end()) return cached->second;
  std::vector<Tie> ties;
  auto entity = Get(self);
  if (!entity) return ties;
  std::set<std::string> candidates;
  for (const auto& member : entity->members)
    for (auto& ref : store_.Referencing(member)) candidates.insert(ref);
  // An Event ties itself to each entity it names as involved or organizer, one
  // tie per naming statement, graded by that statement.
  auto event_ties = [&](const Entity& event, const std::string& only_other) {
    for (const auto& s : event.statements) {
      if (!model::IsEventTieProperty(s.schema, s.prop)) continue;
      const std::string other = Canonical(s.value);
      if (other == event.id || (!only_other.empty() && other != only_other) || !Get(other)) continue;
      Tie tie;
      tie.tie_id = event.id;
      tie.schema = event.schema;
      tie.from = event.id;
      tie.to = other;
      tie.directed = true;
      for (auto prop : kTieLabelProps) {
        auto values = event.Values(prop);
        if (!values.empty()) {
          tie.label = values.front();
          break;
        }
      }
      if (tie.label.empty()) tie.label = s.prop;
      tie.statements = event.statements;
      tie.event_claim = s.key;
      tie.reliability = Reliability(s.source_id);
      tie.credibility = s.credibility;
      ties.push_back(std::move(tie));
    }
  };
  if (model::IsEventTieProperty(entity->schema, "involved")) event_ties(*entity, "");
  for (const auto& tie_id : candidates) {
    auto tie_entity = Get(tie_id);
    if (!tie_entity) continue;
    const model::Schema* schema = model_.Find(tie_entity->schema);
    if (schema && schema->IsA("Event")) {
      if (tie_entity->id != self) event_ties(*tie_entity, self);
      continue;
    }
    if (!schema || !schema->edge()) continue;
    const auto& spec = *schema->edge();
    std::vector<const store::StoredStatement*> sources, targets;
    for (const auto& s : tie_entity->statements) {
      if (s.prop == spec.source) sources.push_back(&s);
      if (s.prop == spec.target) targets.push_back(&s);
    }
    std::string label;
    for (auto prop : kTieLabelProps) {
      auto values = tie_entity->Values(prop);
      if (!values.empty()) {
        label = values.front();
        break;
      }
    }
    if (label.empty()) label = spec.label;
    for (const auto* s : sources) {
      for (const auto* t : targets) {
        std::string from = Canonical(s->value), to = Canonical(t->value);
        if (from == to || (from != self && to != self)) continue;
        std::string other = from == self ? to : from;
        if (!Get(other)) continue;  // a tie to an entity the reader cannot see does not exist
        Tie tie;
        tie.tie_id = tie_entity->id;
        tie.schema = tie_entity->schema;
        tie.from = from;
        tie.to = to;
        tie.directed = spec.directed;
        tie.label = label;
        tie.statements = tie_entity->statements;
        tie.reliability = 'A';
        tie.credibility = 1;
        for (const auto* end : {s, t}) {
          tie.reliability = std::max(tie.reliability, Reliability(end->source_id));
          tie.credibility = std::max(tie.credibility, end->credibility);
        }
        ties.push_back(std::move(tie));
      }
    }
  }
  std::sort(ties.begin(), ties.end(), [&](const Tie& a, const Tie& b) {
    std::string oa = a.Other(self), ob = b.Other(self);
    if (oa != ob) return oa < ob;
    if (a.tie_id != b.tie_id) return a.tie_id < b.tie_id;
    return std::tie(a.reliability, a.credibility, a.from, a.event_claim) <
           std::tie(b.reliability, b.credibility, b.from, b.event_claim);
  });
  if (tie_cache_.size() >= kMaxCached) tie_cache_.clear();
  tie_cache_[self] = ties;
  return ties;
}

std::vector<Entity> View::SanctionsOf(const std::string& id) {
  std::vector<Entity> out;
  auto entity = Get(id);
  if (!entity) return out;
  std::set<std::string> candidates;
  for (const auto& member : entity->members)
    for (auto& ref : store_.Referencing(member)) candidates.insert(ref);
  for (const auto& ref : candidates) {
    auto e = Get(ref);
    if (!e) continue;
    const model::Schema* schema = model_.Find(e->schema);
    if (!schema || !schema->IsA("Sanction")) continue;
    for (const auto& target : e->Values("entity"))
      if (Canonical(target) == entity->id) {
        out.push_back(*e);
        break;
      }
  }
  return out;
}

std::set<std::string> View::TopicsOf(const std::string& id) {
  std::set<std::string> topics;
  auto e = Get(id);
  if (!e) return topics;
  for (auto& t : e->Values("topics")) topics.insert(t);
  if (!SanctionsOf(id).empty()) topics.insert("sanction");
  return topics;
}

std::vector<std::pair<std::string, int>> View::Neighbours(const std::string& id, int hops, const std::string& relation) {
  std::vector<std::pair<std::string, int>> out;
  std::string start = Canonical(id);
  if (!Get(start)) return out;
  std::map<std::string, int> seen{{start, 0}};
  std::vector<std::string> frontier{start};
  for (int depth = 1; depth <= hops && !frontier.empty(); ++depth) {
    std::set<std::string> next;
    for (const auto& node : frontier)
      for (const auto& tie : TiesOf(node)) {
        if (!relation.empty() && tie.schema != relation) continue;
        std::string other = tie.Other(node);
        if (seen.emplace(other, depth).second) next.insert(other);
      }
    frontier.assign(next.begin(), next.end());
    for (const auto& n : frontier) out.emplace_back(n, depth);
  }
  return out;
}

std::optional<std::vector<Hop>> View::Path(const std::string& from, const std::string& to, int max_hops) {
  std::string a = Canonical(from), b = Canonical(to);
  if (!Get(a) || !Get(b)) return std::nullopt;
  if (a == b) return std::vector<Hop>{};
  std::map<std::string, std::pair<std::string, Tie>> parent;  // node -> (previous, tie)
  std::set<std::string> seen{a};
  std::vector<std::string> frontier{a};
  for (int depth = 1; depth <= max_hops && !frontier.empty(); ++depth) {
    std::vector<std::string> next;
    for (const auto& node : frontier) {  // frontier is sorted: the first parent by id wins
      for (const auto& tie : TiesOf(node)) {
        std::string other = tie.Other(node);
        if (!seen.insert(other).second) continue;
        parent.emplace(other, std::make_pair(node, tie));
        next.push_back(other);
      }
    }
    if (seen.count(b)) {
      std::vector<Hop> hops;
      for (std::string at = b; at != a;) {
        const auto& [prev, tie] = parent.at(at);
        hops.push_back(Hop{prev, at, tie});
        at = prev;
      }
      std::reverse(hops.begin(), hops.end());
      return hops;
    }
    std::sort(next.begin(), next.end());
    frontier = std::move(next);
  }
  return std::nullopt;
}

void View::Scan(const std::function<void(const store::StoredStatement&)>& fn, const std::string& source_id) {
  store_.ScanStatements(
      [&](const store::StoredStatement& s) {
        if (Visible(s)) fn(s);
      },
      source_id);
}

}  // namespace dossier::access
