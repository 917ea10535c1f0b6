// Writing a Subgraph (graph/subgraph.h) for the tools analysts draw with:
// GraphML (Neo4j's apoc.import.graphml, Gephi, yEd), GEXF 1.3 (Gephi) and
// DOT (Graphviz).
//
//   auto format = ParseExportFormat("graphml");      // from a --format flag
//   WriteSubgraph(subgraph, format, std::cout);
//
// Contract:
// - The subgraph is written as given: it is already filtered for the reader,
//   so nothing is dropped and nothing is added but the format's frame. Nodes
//   and edges come out in the order of the vectors; the same subgraph always
//   gives the same bytes (no timestamps, no hash-ordered containers).
// - The marking leaves with the data, where a reader of the file will meet it
//   before the data: GraphML and GEXF carry it in an XML comment at the top (and
//   again at the bottom, as a banner is) and in the document (GraphML: a graph-level <data key="marking">; GEXF, which
//   has no graph attributes: <meta><description>); DOT as the graph's label
//   (drawn on the picture) and a comment on the first line.
// - Every attribute the subgraph has is declared and written: per node caption,
//   schema, topics (joined by ';'); per edge schema, label, directed, grading,
//   start, end, sources (joined by ';'). Empty topics, grading, start, end and
//   sources are left out (a missing value in GraphML and GEXF reads as empty).
// - Any text may be written, whatever it holds: it is escaped for the format.
//   XML: & < > " ' as entities, tab, line feed and carriage return as character
//   references (so they survive attribute-value normalisation); characters
//   XML 1.0 forbids (C0 controls other than those three, U+FFFE, U+FFFF) and
//   bytes that are not UTF-8 become U+FFFD, so a parser never rejects the file
//   and the reader sees that something was there. DOT: " and \ are escaped,
//   line breaks (LF, CR, CRLF) become \n; what XML forbids becomes U+FFFD as
//   above (Graphviz's SVG output is XML).
// - Throws std::invalid_argument, before writing anything, when an edge names
//   a node the subgraph does not have (every format would write a dangling
//   edge, which GraphML and GEXF forbid and Graphviz would silently invent).
//
// Format notes:
// - GraphML: one <graph edgedefault="directed">; an undirected tie (Family,
//   Associate, UnknownLink) has directed="false" on its <edge>, as GraphML
//   allows for mixed graphs, and the `directed` data value false.
// - GEXF: the node's caption is its `label`, the edge's label its `label`, its
//   schema its `kind` (GEXF 1.3's way to keep parallel edges of different kinds
//   apart) and an undirected tie has type="undirected". start and end are
//   string attributes, not GEXF's own start/end: those are xsd:date (a whole
//   day) under a dynamic graph, while ours are ISO prefixes ("2014", "2014-06")
//   and a tie whose end precedes its start would make Gephi refuse the file.
//   The graph is mode="static".
// - DOT: a digraph whose node names are the node ids; an undirected tie has
//   dir=none. Custom attributes (schema, topics, grading ...) ride along as DOT
//   attributes, which Graphviz keeps without drawing them.
#pragma once
#include <ostream>
#include <string_view>

#include "graph/subgraph.h"

namespace dossier::graph {

enum class ExportFormat { kGraphMl, kGexf, kDot };

// Parses "graphml", "gexf" or "dot" (any letter case); throws
// std::invalid_argument naming the bad value and the choices.
ExportFormat ParseExportFormat(std::string_view name);

// Writes the subgraph in the format, to out (see the contract above).
void WriteSubgraph(const Subgraph& g, ExportFormat format, std::ostream& out);

}  // namespace dossier::graph
