// Link-analysis questions for one reader: neighbours, adjacent ties, paths,
// exposure, the connecting network, common neighbours. Each answer is the JSON
// document `dossier <command> --json` prints and the server returns, computed
// on the reader's ReaderGraph and rendered through the reader's View (sources
// sanitised, gradings, markings).
//
// Contract: an entity the reader may not see is reported exactly like an id
// never recorded (QueryError kNotFound, same message); bad arguments are
// QueryError kBadRequest naming the argument.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graph/paths.h"
#include "graph/subgraph.h"
#include "query/session.h"

namespace dossier::query {

// Which ties a question may cross, as a user writes them.
struct TieQuery {
  std::vector<std::string> relations;  // tie schemata: Ownership, Family ... (or Event)
  std::string min_grading;             // "B2": only ties graded at least this well
  std::string as_of;                   // YYYY[-MM[-DD]]: only ties current on that date
  // Throws QueryError kBadRequest naming the bad value.
  graph::TieFilter Filter() const;
};

// The node of an entity id or exact name; throws QueryError kNotFound.
uint32_t NodeOf(Session& s, const std::string& id_or_name);
// {"id","caption","schema","topics"}.
nlohmann::json NodeJson(Session& s, uint32_t node);
// Bit mask of the graph's topics matching names or prefixes ("gov.*");
// throws QueryError kBadRequest for a pattern matching none.
uint64_t TopicMask(const graph::Graph& g, const std::vector<std::string>& patterns);
// The default risk topics of exposure.
std::vector<std::string> RiskTopics();

// A path's hops as the View renders them, and the highest marking of their evidence.
struct RenderedPath {
  std::vector<access::Hop> hops;
  std::string marking;
};
RenderedPath Render(Session& s, const graph::Path& p);
// {"length","hops":[hop + "start","end"],"marking"} (+ "cost" when weighted).
nlohmann::json PathJson(Session& s, const graph::Path& p, bool weighted);

// Ties among `nodes` that pass `filter`, rendered (one hop per pair of nodes).
std::vector<access::Hop> TiesAmong(Session& s, const std::vector<uint32_t>& nodes, const graph::TieFilter& filter,
                                   const std::vector<uint32_t>* only_ties = nullptr);
// The highest marking of the hops' evidence ("" for none).
std::string HighestOf(Session& s, const std::vector<access::Hop>& hops);
// A subgraph of the nodes and hops, for the file exports (GraphML, GEXF, DOT...).
graph::Subgraph SubgraphOf(Session& s, const std::vector<uint32_t>& nodes, const std::vector<access::Hop>& hops,
                           const std::string& marking);

// {"id","hops","count","neighbours":[node + "distance"]}; `schema` keeps only
// entities of that schema or its descendants.
nlohmann::json NeighboursJson(Session& s, const std::string& id, int hops, const std::string& schema, const TieQuery& ties);
// {"entity": node, "ties": [tie + "node" (the other end)]}: every tie of the
// entity that passes the filter, best graded first.
nlohmann::json AdjacentJson(Session& s, const std::string& id, const TieQuery& ties);
// {"from","to","length","hops","marking"} for k == 1 (length null when there is
// none), else {"from","to","paths","count"}.
struct PathQuery {
  int max_hops = 6;
  std::size_t k = 1;
  bool weighted = false, time_ordered = false;
  TieQuery ties;
};
nlohmann::json PathsJson(Session& s, const std::string& from, const std::string& to, const PathQuery& q);
// {"id","max_hops","count","exposed":[node + matched_topics, distance, weakest, path],"marking"}.
nlohmann::json ExposureJson(Session& s, const std::string& id, std::vector<std::string> topics, int max_hops,
                            const TieQuery& ties);
// {"seeds","nodes","ties","unconnected","marking"}; `subgraph`, when given, gets the same network.
nlohmann::json NetworkJson(Session& s, const std::vector<std::string>& ids, int max_hops, const TieQuery& ties,
                           graph::Subgraph* subgraph = nullptr);
// {"a","b","count","common":[node]}.
nlohmann::json CommonJson(Session& s, const std::string& a, const std::string& b, const TieQuery& ties);

// One line for a person: "A --[Ownership: owns]--> B   B2 SECRET  on the word of: ...".
std::string HopLine(const nlohmann::json& hop);

}  // namespace dossier::query
