// Graph: every entity and tie of the store in flat arrays, built once and
// shared by every reader; graph/reader_graph.h applies one reader's view.
//
// What is a node and what is a tie:
// - An entity of an edge schema (Ownership, Family, Associate ... see
//   schema/ftm.json "edge") is a tie, from the entity its source property names
//   to the one its target property names; a tie naming several ends on a side
//   gives one tie per (from, to) pair. Self-ties are dropped.
// - A Sanction is not a node: it gives the entity it names the topic
//   "sanction".
// - Every other entity with a statement is a node.
//
// Visibility without a rebuild: nothing here is filtered. Each node, tie and
// node's topics keep the claims they rest on, as a group of (kind, schema,
// marking, grading) shared by every element with the same claims; a reader
// evaluates each group once (there are few) and a tie then costs two lookups.
// Because a claim keeps its marking, a reader's answer is the answer on a
// store holding only what the reader sees: a node exists for the reader when
// one of its claims is visible, a tie when a visible claim names each end and
// both ends exist.
//
// Invariants:
// - nodes are numbered in ascending order of entity id, so comparing node
//   numbers compares ids (every tie-break by number is a tie-break by id, in
//   any copy of the store);
// - the ties of node u are adjacency entries offsets_[u] .. offsets_[u+1],
//   ordered by (neighbour, tie number); each tie appears at both ends;
// - dates are packed yyyymmdd integers: a start keeps the earliest day its
//   ISO prefix allows ("2015" -> 20150101), an end the latest (20151231);
//   0 is unknown.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "access/feed.h"

namespace dossier::graph {

// One claim a node, tie or topic rests on.
struct Claim {
  enum Kind : uint8_t { kExists = 0, kFrom = 1, kTo = 2, kStart = 3, kEnd = 4, kTopic = 5 };
  uint8_t kind = kExists;
  uint8_t topic = 0;        // kTopic: the topic's number (Graph::TopicName)
  uint8_t reliability = 'F';
  uint8_t credibility = 6;
  uint32_t schema = 0;      // store schema key
  uint32_t marking = 0;     // store marking key
  bool operator==(const Claim&) const = default;
  auto operator<=>(const Claim&) const = default;
};

// A tie whose date claims disagree (two start dates from two sources): its
// dates are kept claim by claim, and each reader takes the visible ones.
struct DatedClaim {
  uint8_t kind = Claim::kStart;  // kStart or kEnd
  int32_t date = 0;
  uint32_t marking = 0;
};

struct BuildProgress {
  int64_t statements = 0;
};

class Graph {
 public:
  // Reads every live statement once (access::Feed) and builds the arrays.
  // `progress`, when given, is called now and then during the scan.
  static Graph Build(access::Feed& feed, const std::function<void(const BuildProgress&)>& progress = {});

  uint32_t NodeCount() const { return static_cast<uint32_t>(node_group_.size()); }
  uint32_t TieCount() const { return static_cast<uint32_t>(tie_group_.size()); }

  // Node numbers and ids.
  std::string_view Id(uint32_t node) const {
    return std::string_view(ids_).substr(id_offsets_[node], id_offsets_[node + 1] - id_offsets_[node]);
  }
  std::optional<uint32_t> Find(std::string_view id) const;

  // Adjacency: for each entry, the neighbour and the tie (with the direction).
  struct Adjacent {
    uint32_t node;
    uint32_t tie;
    bool outgoing;  // node at the other end is the tie's `to`
  };
  uint32_t AdjacencyBegin(uint32_t node) const { return offsets_[node]; }
  uint32_t AdjacencyEnd(uint32_t node) const { return offsets_[node + 1]; }
  // The raw arrays behind AdjacentAt, for inner loops.
  const uint32_t* AdjacentNodes() const { return adj_node_.data(); }
  const uint32_t* AdjacentTies() const { return adj_tie_.data(); }
  Adjacent AdjacentAt(uint32_t i) const {
    return Adjacent{adj_node_[i], adj_tie_[i] & 0x7fffffffu, (adj_tie_[i] & 0x80000000u) != 0};
  }

  // Claim groups.
  uint32_t GroupCount() const { return static_cast<uint32_t>(group_offsets_.size() - 1); }
  std::span<const Claim> GroupClaims(uint32_t group) const {
    return {claims_.data() + group_offsets_[group], group_offsets_[group + 1] - group_offsets_[group]};
  }
  uint32_t NodeGroup(uint32_t node) const { return node_group_[node]; }
  uint32_t TopicGroup(uint32_t node) const { return topic_group_[node]; }
  uint32_t TieGroup(uint32_t tie) const { return tie_group_[tie]; }
  int32_t TieStart(uint32_t tie) const { return tie_start_[tie]; }
  int32_t TieEnd(uint32_t tie) const { return tie_end_[tie]; }
  // Claims of a tie whose dates disagree; nullptr for most ties.
  const std::vector<DatedClaim>* DisputedDates(uint32_t tie) const;
  // The tie's entity id (read from the store: ties' ids are not kept in memory).
  std::vector<std::string> TieIds(access::Feed& feed, const std::vector<uint32_t>& ties) const;

  // Names behind keys.
  const std::string& SchemaName(uint32_t schema_key) const;
  const std::string& TopicName(uint8_t topic) const { return topics_[topic]; }
  std::optional<uint8_t> TopicNumber(std::string_view topic) const;
  const std::vector<std::string>& Topics() const { return topics_; }

  // Memory held by the arrays, in bytes.
  std::size_t MemoryBytes() const;

 private:
  friend class GraphBuilder;
  std::string ids_;
  std::vector<uint32_t> id_offsets_{0};
  std::vector<uint32_t> node_group_, topic_group_;
  std::vector<uint32_t> offsets_{0}, adj_node_, adj_tie_;
  std::vector<uint32_t> tie_group_;
  std::vector<uint32_t> tie_entity_;  // store entity key of the tie
  std::vector<int32_t> tie_start_, tie_end_;
  std::unordered_map<uint32_t, std::vector<DatedClaim>> disputed_dates_;
  std::vector<uint32_t> group_offsets_{0};
  std::vector<Claim> claims_;
  std::map<uint32_t, std::string> schema_names_;
  std::vector<std::string> topics_;
};

// "2015" -> 20150101 (start) or 20151231 (end); 0 when not a date.
int32_t PackDate(std::string_view iso, bool end);
std::string UnpackDate(int32_t packed);

}  // namespace dossier::graph
