#include "graph/reader_graph.h"

#include <algorithm>

#include "model/grading.h"
#include "model/schema.h"

namespace dossier::graph {

ReaderGraph::ReaderGraph(const Graph& graph, access::View& view) : graph_(graph), view_(view) {
  const model::Model& model = model::Model::Default();
  auto sees = [&](uint32_t marking) {
    if (marking >= marking_visible_.size()) marking_visible_.resize(marking + 1, 2);
    uint8_t& v = marking_visible_[marking];
    if (v == 2) v = view_.SeesMarking(marking) ? 1 : 0;
    return v == 1;
  };
  const uint32_t groups = graph_.GroupCount();
  group_alive_.assign(groups, 0);
  group_grading_.assign(groups, 35);
  group_schema_.assign(groups, 0);
  group_dates_.assign(groups, 0);
  group_topics_.assign(groups, 0);
  for (uint32_t g = 0; g < groups; ++g) {
    bool exists = false, from = false, to = false;
    int best = 36;
    std::string schema;
    uint32_t schema_key = 0;
    auto fold_schema = [&](uint32_t key) {
      const std::string& name = graph_.SchemaName(key);
      if (schema.empty()) {
        schema = name;
        schema_key = key;
      } else if (const model::Schema* common = model.Common(schema, name); common && common->name() != schema) {
        schema = common->name();
        schema_key = key;  // Common returns one of the two when one descends from the other
      }
    };
    const auto claims = graph_.GroupClaims(g);
    for (const Claim& c : claims) {
      if (!sees(c.marking)) continue;
      switch (c.kind) {
        case Claim::kExists: exists = true; fold_schema(c.schema); break;
        case Claim::kFrom: from = true; fold_schema(c.schema); break;
        case Claim::kTo: to = true; fold_schema(c.schema); break;
        case Claim::kStart: group_dates_[g] |= 1; break;
        case Claim::kEnd: group_dates_[g] |= 2; break;
        case Claim::kTopic: group_topics_[g] |= uint64_t{1} << c.topic; break;
      }
    }
    // A tie's grading is that of its best-supported reading: over each visible
    // claim naming `from` and each naming `to`, the weaker of the two.
    for (const Claim& f : claims) {
      if (f.kind != Claim::kFrom || !sees(f.marking)) continue;
      for (const Claim& t : claims) {
        if (t.kind != Claim::kTo || !sees(t.marking)) continue;
        const char rel = static_cast<char>(std::max(f.reliability, t.reliability));
        const int cred = std::max(f.credibility, t.credibility);
        best = std::min(best, model::GradingRank(rel, cred));
      }
    }
    group_alive_[g] = exists || (from && to);
    if (best <= 35) group_grading_[g] = static_cast<uint8_t>(best);
    group_schema_[g] = schema_key;
  }

  // Per adjacency entry, one bit: whether the tie and the node at its other end
  // exist for this reader. One sequential pass; a reader who sees every group
  // needs none.
  sees_all_ = true;
  for (uint32_t g = 1; g < groups && sees_all_; ++g) {
    bool visible = true;
    for (const Claim& c : graph_.GroupClaims(g)) visible = visible && sees(c.marking);
    sees_all_ = visible;
  }
  if (!sees_all_) {
    const uint32_t n = graph_.NodeCount();
    const uint32_t entries = n == 0 ? 0 : graph_.AdjacencyEnd(n - 1);
    entry_alive_.assign((static_cast<std::size_t>(entries) + 63) / 64, 0);
    for (uint32_t i = 0; i < entries; ++i) {
      const Graph::Adjacent a = graph_.AdjacentAt(i);
      if (group_alive_[graph_.TieGroup(a.tie)] && group_alive_[graph_.NodeGroup(a.node)])
        entry_alive_[i >> 6] |= uint64_t{1} << (i & 63);
    }
  }

  // Clusters: the View decides them; here they become node numbers.
  for (const auto& [root_id, member_ids] : view_.Clusters()) {
    auto root = graph_.Find(root_id);
    if (!root) continue;
    std::vector<uint32_t> nodes;
    for (const auto& m : member_ids)
      if (auto n = graph_.Find(m)) nodes.push_back(*n);
    if (nodes.size() < 2) continue;
    if (!has_clusters_) {
      has_clusters_ = true;
      clustered_.assign(graph_.NodeCount(), false);
    }
    std::sort(nodes.begin(), nodes.end());
    for (uint32_t n : nodes) {
      clustered_[n] = true;
      root_[n] = *root;
    }
    members_[*root] = std::move(nodes);
  }
}

std::optional<uint32_t> ReaderGraph::Find(std::string_view id) const {
  auto node = graph_.Find(id);
  if (!node || !group_alive_[graph_.NodeGroup(*node)]) return std::nullopt;
  return IsMember(*node) ? RootOf(*node) : *node;
}

std::string ReaderGraph::Schema(uint32_t node) const {
  const model::Model& model = model::Model::Default();
  std::string schema = graph_.SchemaName(group_schema_[graph_.NodeGroup(node)]);
  auto it = has_clusters_ ? members_.find(node) : members_.end();
  if (it != members_.end())
    for (uint32_t m : it->second) {
      if (!group_alive_[graph_.NodeGroup(m)]) continue;
      const std::string& other = graph_.SchemaName(group_schema_[graph_.NodeGroup(m)]);
      if (const model::Schema* common = model.Common(schema, other)) schema = common->name();
    }
  return schema;
}

uint64_t ReaderGraph::Topics(uint32_t node) const {
  uint64_t t = group_topics_[graph_.TopicGroup(node)];
  auto it = has_clusters_ ? members_.find(node) : members_.end();
  if (it != members_.end())
    for (uint32_t m : it->second) t |= group_topics_[graph_.TopicGroup(m)];
  return t;
}

ReaderGraph::Filter ReaderGraph::Prepare(const TieFilter& filter) const {
  Filter f;
  f.rg_ = this;
  f.worst_grading_ = filter.worst_grading;
  f.as_of_ = filter.as_of;
  f.active_ = !filter.relations.empty() || filter.worst_grading < 35 || filter.as_of != 0;
  if (!filter.relations.empty()) {
    const model::Model& model = model::Model::Default();
    uint32_t max_key = 0;
    for (uint32_t g = 0; g < graph_.GroupCount(); ++g) max_key = std::max(max_key, group_schema_[g]);
    f.schema_ok_.assign(max_key + 1, 0);
    for (uint32_t key = 0; key <= max_key; ++key) {
      const model::Schema* s = model.Find(graph_.SchemaName(key));
      if (!s) continue;
      for (const auto& r : filter.relations)
        if (s->IsA(r)) f.schema_ok_[key] = 1;
    }
  }
  return f;
}

bool ReaderGraph::Filter::PassesSlow(uint32_t tie) const {
  if (!schema_ok_.empty()) {
    const uint32_t key = rg_->TieSchemaKey(tie);
    if (key >= schema_ok_.size() || !schema_ok_[key]) return false;
  }
  if (worst_grading_ < 35 && rg_->TieGrading(tie) > worst_grading_) return false;
  if (as_of_ != 0) {
    const int32_t start = rg_->TieStart(tie), end = rg_->TieEnd(tie);
    if (start != 0 && start > as_of_) return false;
    if (end != 0 && end < as_of_) return false;
  }
  return true;
}

int32_t ReaderGraph::TieStart(uint32_t tie) const {
  if (const auto* disputed = graph_.DisputedDates(tie)) {
    int32_t best = 0;
    for (const auto& d : *disputed)
      if (d.kind == Claim::kStart && view_.SeesMarking(d.marking) && (best == 0 || d.date < best)) best = d.date;
    return best;
  }
  return group_dates_[graph_.TieGroup(tie)] & 1 ? graph_.TieStart(tie) : 0;
}

int32_t ReaderGraph::TieEnd(uint32_t tie) const {
  if (const auto* disputed = graph_.DisputedDates(tie)) {
    int32_t best = 0;
    for (const auto& d : *disputed)
      if (d.kind == Claim::kEnd && view_.SeesMarking(d.marking) && d.date > best) best = d.date;
    return best;
  }
  return group_dates_[graph_.TieGroup(tie)] & 2 ? graph_.TieEnd(tie) : 0;
}

void ReaderGraph::CollectMarkings(uint32_t group, std::set<uint32_t>& out) const {
  for (const Claim& c : graph_.GroupClaims(group))
    if (c.marking < marking_visible_.size() && marking_visible_[c.marking] == 1) out.insert(c.marking);
}

model::Marking ReaderGraph::HighestOf(const std::set<uint32_t>& marking_keys) const {
  model::Marking highest;
  bool first = true;
  for (uint32_t k : marking_keys) {
    model::Marking m = view_.MarkingOf(k);
    highest = first ? m : model::Marking::Highest(highest, m);
    first = false;
  }
  return highest;
}

model::Marking ReaderGraph::HighestOfAll() const {
  std::set<uint32_t> keys;
  for (uint32_t g = 1; g < graph_.GroupCount(); ++g) CollectMarkings(g, keys);
  return HighestOf(keys);
}

}  // namespace dossier::graph
