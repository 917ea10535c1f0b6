// Subgraph: a result of link analysis as the reader may see it, ready to print
// or to export (graph/export.h: GraphML, GEXF, DOT).
//
// Everything here is already filtered and sanitised for the reader: ids are
// cluster ids, sources are as the reader may know them, and `marking` is the
// highest marking of every statement the result rests on.
#pragma once
#include <string>
#include <vector>

namespace dossier::graph {

struct SubgraphNode {
  std::string id;       // the cluster's id
  std::string caption;  // its best name
  std::string schema;   // Person, Company...
  std::vector<std::string> topics;  // sanction, role.pep, gov.head ...
};

struct SubgraphEdge {
  std::string id;              // the tie entity (Ownership, Family ...)
  std::string from, to;        // node ids, in the schema's direction
  std::string schema;          // Ownership, Directorship, Associate ...
  std::string label;           // "owner", "spouse", or the schema's label
  bool directed = true;
  std::string grading;         // weakest grading of the claims it rests on, "B2"
  std::string start, end;      // ISO date prefixes, "" when unknown
  std::vector<std::string> sources;  // source ids as the reader may know them
};

struct Subgraph {
  std::vector<SubgraphNode> nodes;
  std::vector<SubgraphEdge> edges;
  std::string marking;  // banner of the highest marking over its statements
};

}  // namespace dossier::graph
