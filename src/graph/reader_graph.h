// ReaderGraph: the shared Graph as one reader may see it.
//
// Contract: every answer computed through a ReaderGraph equals the answer on a
// store holding only the statements this reader may see (access::View's rule).
// - A node exists when one of its claims is visible; a tie when a visible claim
//   names each of its ends and both ends exist. A tie's schema, grading and dates
//   come from its visible claims only.
// - Entities a positive judgement merged (View::Clusters) are one node, the
//   member with the smallest id, so a node number is also a cluster's name.
// - Nothing is rebuilt per question. Per reader, the few claim groups are
//   evaluated once (marking keys against View::SeesMarking), and one sequential
//   pass turns them into a bit per adjacency entry (a quarter of a byte per tie):
//   during traversal a tie then costs one bit test, next to the entry it guards.
//   A reader who sees every group skips even that.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "access/view.h"
#include "graph/graph.h"
#include "model/marking.h"

namespace dossier::graph {

// Which ties a question may cross. Empty / zero fields do not filter.
struct TieFilter {
  std::vector<std::string> relations;  // tie schemata (Ownership, Family ...): a tie passes when its schema is one of them or descends from one
  int worst_grading = 35;              // model::GradingRank of the weakest grading allowed ("C3" -> 14)
  int32_t as_of = 0;                   // packed date: ties that had begun and not ended by then
};

class ReaderGraph {
 public:
  ReaderGraph(const Graph& graph, access::View& view);

  const Graph& graph() const { return graph_; }
  access::View& view() const { return view_; }

  // The node standing for a visible entity id (a cluster's member gives the
  // cluster's node); nullopt when the reader cannot see it.
  std::optional<uint32_t> Find(std::string_view id) const;
  // Whether a node exists for the reader and names its cluster.
  bool Exists(uint32_t node) const { return group_alive_[graph_.NodeGroup(node)] && !IsMember(node); }
  std::string_view Id(uint32_t node) const { return graph_.Id(node); }
  uint32_t NodeCount() const { return graph_.NodeCount(); }
  // The node's schema as the reader sees it (most specific of its visible claims).
  std::string Schema(uint32_t node) const;
  // Topics (bit i = Graph::TopicName(i)) of the node and its cluster's members.
  uint64_t Topics(uint32_t node) const;

  // Only ties that pass `filter`: prepare once per question.
  class Filter {
   public:
    bool Passes(uint32_t tie) const { return !active_ || PassesSlow(tie); }

   private:
    friend class ReaderGraph;
    bool PassesSlow(uint32_t tie) const;
    const ReaderGraph* rg_ = nullptr;
    bool active_ = false;             // false: every tie passes
    std::vector<uint8_t> schema_ok_;  // by store schema key; empty: every schema
    int worst_grading_ = 35;
    int32_t as_of_ = 0;
  };
  Filter Prepare(const TieFilter& filter) const;

  // Calls fn(other, tie, outgoing) for each visible tie of the node (and of its
  // cluster's members) that passes the filter, to another existing node.
  // `outgoing`: the node is the tie's `from`.
  template <class Fn>
  void ForEachTie(uint32_t node, const Filter& filter, Fn&& fn) const {
    if (!has_clusters_) return Visit(node, node, filter, fn);
    auto it = members_.find(node);
    if (it == members_.end()) return Visit(node, node, filter, fn);
    for (uint32_t m : it->second) Visit(node, m, filter, fn);
  }

  // A tie as the reader sees it.
  uint32_t TieSchemaKey(uint32_t tie) const { return group_schema_[graph_.TieGroup(tie)]; }
  const std::string& TieSchema(uint32_t tie) const { return graph_.SchemaName(TieSchemaKey(tie)); }
  int TieGrading(uint32_t tie) const { return group_grading_[graph_.TieGroup(tie)]; }  // model::GradingRank
  int32_t TieStart(uint32_t tie) const;
  int32_t TieEnd(uint32_t tie) const;
  // The highest marking over everything this reader sees: what a measure over
  // the whole graph (centrality, communities, brokers) rests on.
  model::Marking HighestOfAll() const;

 private:
  // The ties of one member of `node`'s cluster (or of the node itself).
  template <class Fn>
  void Visit(uint32_t node, uint32_t member, const Filter& filter, Fn& fn) const {
    // Locals, not members: fn may write memory, and the compiler would reload them.
    const uint32_t* nodes = graph_.AdjacentNodes();
    const uint32_t* ties = graph_.AdjacentTies();
    const uint64_t* alive = sees_all_ ? nullptr : entry_alive_.data();
    const bool clusters = has_clusters_;
    const uint32_t end = graph_.AdjacencyEnd(member);
    for (uint32_t i = graph_.AdjacencyBegin(member); i < end; ++i) {
      if (alive && !(alive[i >> 6] & (uint64_t{1} << (i & 63)))) continue;
      uint32_t other = nodes[i];
      if (clusters) {
        if (clustered_[other]) other = RootOf(other);
        if (other == node) continue;
      }
      const uint32_t tie = ties[i] & 0x7fffffffu;
      if (!filter.Passes(tie)) continue;
      fn(other, tie, (ties[i] & 0x80000000u) != 0);
    }
  }
  bool IsMember(uint32_t node) const { return has_clusters_ && clustered_[node] && RootOf(node) != node; }
  uint32_t RootOf(uint32_t node) const {
    auto it = root_.find(node);
    return it == root_.end() ? node : it->second;
  }
  void CollectMarkings(uint32_t group, std::set<uint32_t>& out) const;
  model::Marking HighestOf(const std::set<uint32_t>& marking_keys) const;

  const Graph& graph_;
  access::View& view_;
  std::vector<uint8_t> marking_visible_;  // by marking key
  // Per claim group, as this reader sees it.
  std::vector<uint8_t> group_alive_;
  std::vector<uint8_t> group_grading_;
  std::vector<uint32_t> group_schema_;
  std::vector<uint8_t> group_dates_;  // bit 0: start visible, bit 1: end visible
  std::vector<uint64_t> group_topics_;
  // Per adjacency entry: the tie and the node at its other end exist.
  bool sees_all_ = false;
  std::vector<uint64_t> entry_alive_;
  // Clusters.
  bool has_clusters_ = false;
  std::vector<bool> clustered_;
  std::unordered_map<uint32_t, uint32_t> root_;                  // member -> root node
  std::unordered_map<uint32_t, std::vector<uint32_t>> members_;  // root -> members (with itself)
};

}  // namespace dossier::graph
