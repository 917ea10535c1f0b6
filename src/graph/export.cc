// GraphML, GEXF and DOT writers; the contract is in export.h.
#include "graph/export.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace dossier::graph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Calls fn(code point, its bytes) for each character of s. A byte sequence
// that is not UTF-8 (a stray continuation byte, a truncated or overlong
// sequence, a surrogate, a code point past U+10FFFF) is reported as one U+FFFD
// per maximal bad prefix, so a name cut mid-character costs one replacement.
template <typename Fn>
void ForEachChar(std::string_view s, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      fn(static_cast<uint32_t>(c), s.substr(i, 1));
      ++i;
      continue;
    }
    // Length and the allowed range of the second byte (which rules out
    // overlong forms, surrogates and values past U+10FFFF).
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    if (len == 0) {
      fn(0xFFFDu, kReplacement);
      ++i;
      continue;
    }
    std::size_t good = 1;
    if (i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi) {
      good = 2;
      while (good < len && i + good < n && IsContinuation(p[i + good])) ++good;
    }
    if (good < len) {
      fn(0xFFFDu, kReplacement);
      i += good;
      continue;
    }
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[i + k] & 0x3F);
    fn(cp, s.substr(i, len));
    i += len;
  }
}

// Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
// | [#x10000-#x10FFFF]. Surrogates never reach here (ForEachChar rejects them).
bool IsXmlChar(uint32_t cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

// Text for element content and attribute values (either quote style).
void AppendXml(std::string& out, std::string_view s) {
  ForEachChar(s, [&](uint32_t cp, std::string_view raw) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\'': out += "&apos;"; return;
      // As references, or a parser turns them into spaces in attribute values.
      case '\t': out += "&#9;"; return;
      case '\n': out += "&#10;"; return;
      case '\r': out += "&#13;"; return;
      default: out += IsXmlChar(cp) ? raw : kReplacement;
    }
  });
}

// Text inside <!-- -->, where references are not read: one line, no "--",
// not ending in '-'.
void AppendXmlComment(std::string& out, std::string_view s) {
  bool after_dash = false;
  ForEachChar(s, [&](uint32_t cp, std::string_view raw) {
    if (cp == '-' && after_dash) out += ' ';
    after_dash = cp == '-';
    if (cp == '\t' || cp == '\n' || cp == '\r') out += ' ';
    else out += IsXmlChar(cp) ? raw : kReplacement;
  });
  if (after_dash) out += ' ';
}

// A DOT double-quoted string, quotes included. Inside one, \" is a quote and
// \\ a backslash (in labels; in names it stays two characters, the same at
// every mention); \n is a line break when drawn. A raw line break is never
// written, so a backslash can never become a line continuation. Tab is kept.
void AppendDotQuoted(std::string& out, std::string_view s) {
  out += '"';
  bool after_cr = false;
  ForEachChar(s, [&](uint32_t cp, std::string_view raw) {
    const bool cr_lf = after_cr && cp == '\n';
    after_cr = cp == '\r';
    if (cr_lf) return;  // "\r\n" is one line break, written at the \r
    switch (cp) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\n':
      case '\r': out += "\\n"; return;
      // What XML forbids goes here too: Graphviz writes SVG, which is XML.
      default: out += IsXmlChar(cp) ? raw : kReplacement;
    }
  });
  out += '"';
}

// A DOT comment line: no line breaks, nothing Graphviz would misread.
void AppendDotComment(std::string& out, std::string_view s) {
  ForEachChar(s, [&](uint32_t cp, std::string_view raw) {
    if (cp < 0x20) out += ' ';
    else out += IsXmlChar(cp) ? raw : kReplacement;
  });
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) {
    if (!s.empty()) s += ';';
    s += p;
  }
  return s;
}

// Output collected in a buffer and handed to the stream in large pieces.
class Sink {
 public:
  explicit Sink(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  ~Sink() { Flush(); }
  std::string& buf() { return buf_; }
  // Called between items: writes the buffer once it is large.
  void Checkpoint() {
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 16;
  std::ostream& out_;
  std::string buf_;
};

void CheckEdgeEnds(const Subgraph& g) {
  std::unordered_set<std::string_view> ids;
  ids.reserve(g.nodes.size());
  for (const auto& n : g.nodes) ids.insert(n.id);
  for (const auto& e : g.edges) {
    for (const std::string* end : {&e.from, &e.to}) {
      if (!ids.count(*end))
        throw std::invalid_argument("edge '" + e.id + "' names node '" + *end + "', which the subgraph does not have");
    }
  }
}

// --- GraphML ----------------------------------------------------------------

// One <key> per attribute: GraphML key ids are document-local, attr.name is
// what Neo4j (apoc), Gephi and yEd call the property.
struct GraphMlKey {
  const char* id;
  const char* for_what;
  const char* name;
  const char* type;
};
constexpr GraphMlKey kGraphMlKeys[] = {
    {"marking", "graph", "marking", "string"},
    {"caption", "node", "caption", "string"},
    {"schema", "node", "schema", "string"},
    {"topics", "node", "topics", "string"},
    {"edge_schema", "edge", "schema", "string"},
    {"label", "edge", "label", "string"},
    {"directed", "edge", "directed", "boolean"},
    {"grading", "edge", "grading", "string"},
    {"start", "edge", "start", "string"},
    {"end", "edge", "end", "string"},
    {"sources", "edge", "sources", "string"},
};

void GraphMlData(std::string& out, const char* key, std::string_view value, bool always = false) {
  if (value.empty() && !always) return;
  out += "<data key=\"";
  out += key;
  out += "\">";
  AppendXml(out, value);
  out += "</data>";
}

void WriteGraphMl(const Subgraph& g, Sink& sink) {
  std::string& o = sink.buf();
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ";
  AppendXmlComment(o, g.marking);
  o += " -->\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
       " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
       " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
       " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const auto& k : kGraphMlKeys) {
    o += "  <key id=\"";
    o += k.id;
    o += "\" for=\"";
    o += k.for_what;
    o += "\" attr.name=\"";
    o += k.name;
    o += "\" attr.type=\"";
    o += k.type;
    o += "\"/>\n";
  }
  o += "  <graph id=\"G\" edgedefault=\"directed\">\n    ";
  GraphMlData(o, "marking", g.marking, true);
  o += '\n';
  for (const auto& n : g.nodes) {
    o += "    <node id=\"";
    AppendXml(o, n.id);
    o += "\">";
    GraphMlData(o, "caption", n.caption, true);
    GraphMlData(o, "schema", n.schema, true);
    GraphMlData(o, "topics", Join(n.topics));
    o += "</node>\n";
    sink.Checkpoint();
  }
  for (const auto& e : g.edges) {
    o += "    <edge id=\"";
    AppendXml(o, e.id);
    o += "\" source=\"";
    AppendXml(o, e.from);
    o += "\" target=\"";
    AppendXml(o, e.to);
    o += e.directed ? "\">" : "\" directed=\"false\">";
    GraphMlData(o, "edge_schema", e.schema, true);
    GraphMlData(o, "label", e.label, true);
    GraphMlData(o, "directed", e.directed ? "true" : "false");
    GraphMlData(o, "grading", e.grading);
    GraphMlData(o, "start", e.start);
    GraphMlData(o, "end", e.end);
    GraphMlData(o, "sources", Join(e.sources));
    o += "</edge>\n";
    sink.Checkpoint();
  }
  o += "  </graph>\n</graphml>\n<!-- ";
  AppendXmlComment(o, g.marking);
  o += " -->\n";
}

// --- GEXF 1.3 ---------------------------------------------------------------

struct GexfAttribute {
  const char* id;
  const char* title;
  const char* type;
};
constexpr GexfAttribute kGexfNodeAttributes[] = {
    {"n-schema", "schema", "string"},
    {"n-topics", "topics", "string"},
};
constexpr GexfAttribute kGexfEdgeAttributes[] = {
    {"e-schema", "schema", "string"},   {"e-directed", "directed", "boolean"}, {"e-grading", "grading", "string"},
    {"e-start", "start", "string"},     {"e-end", "end", "string"},            {"e-sources", "sources", "string"},
};

void GexfAttributes(std::string& o, const char* cls, const GexfAttribute* begin, const GexfAttribute* end) {
  o += "    <attributes class=\"";
  o += cls;
  o += "\">\n";
  for (const auto* a = begin; a != end; ++a) {
    o += "      <attribute id=\"";
    o += a->id;
    o += "\" title=\"";
    o += a->title;
    o += "\" type=\"";
    o += a->type;
    o += "\"/>\n";
  }
  o += "    </attributes>\n";
}

void GexfValue(std::string& o, const char* id, std::string_view value) {
  if (value.empty()) return;
  o += "<attvalue for=\"";
  o += id;
  o += "\" value=\"";
  AppendXml(o, value);
  o += "\"/>";
}

void WriteGexf(const Subgraph& g, Sink& sink) {
  std::string& o = sink.buf();
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- ";
  AppendXmlComment(o, g.marking);
  o += " -->\n"
       "<gexf xmlns=\"http://gexf.net/1.3\""
       " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
       " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
       "  <meta>\n    <creator>dossier</creator>\n    <description>";
  AppendXml(o, g.marking);
  o += "</description>\n  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
  GexfAttributes(o, "node", std::begin(kGexfNodeAttributes), std::end(kGexfNodeAttributes));
  GexfAttributes(o, "edge", std::begin(kGexfEdgeAttributes), std::end(kGexfEdgeAttributes));
  o += "    <nodes count=\"" + std::to_string(g.nodes.size()) + "\">\n";
  for (const auto& n : g.nodes) {
    o += "      <node id=\"";
    AppendXml(o, n.id);
    o += "\" label=\"";
    AppendXml(o, n.caption);
    o += "\"><attvalues>";
    GexfValue(o, "n-schema", n.schema);
    GexfValue(o, "n-topics", Join(n.topics));
    o += "</attvalues></node>\n";
    sink.Checkpoint();
  }
  o += "    </nodes>\n    <edges count=\"" + std::to_string(g.edges.size()) + "\">\n";
  for (const auto& e : g.edges) {
    o += "      <edge id=\"";
    AppendXml(o, e.id);
    o += "\" source=\"";
    AppendXml(o, e.from);
    o += "\" target=\"";
    AppendXml(o, e.to);
    o += e.directed ? "\" type=\"directed\"" : "\" type=\"undirected\"";
    o += " label=\"";
    AppendXml(o, e.label);
    o += '"';
    if (!e.schema.empty()) {
      o += " kind=\"";
      AppendXml(o, e.schema);
      o += '"';
    }
    o += "><attvalues>";
    GexfValue(o, "e-schema", e.schema);
    GexfValue(o, "e-directed", e.directed ? "true" : "false");
    GexfValue(o, "e-grading", e.grading);
    GexfValue(o, "e-start", e.start);
    GexfValue(o, "e-end", e.end);
    GexfValue(o, "e-sources", Join(e.sources));
    o += "</attvalues></edge>\n";
    sink.Checkpoint();
  }
  o += "    </edges>\n  </graph>\n</gexf>\n<!-- ";
  AppendXmlComment(o, g.marking);
  o += " -->\n";
}

// --- DOT --------------------------------------------------------------------

void DotAttribute(std::string& o, bool& first, const char* name, std::string_view value, bool always = false) {
  if (value.empty() && !always) return;
  o += first ? "" : ", ";
  first = false;
  o += name;
  o += '=';
  AppendDotQuoted(o, value);
}

void WriteDot(const Subgraph& g, Sink& sink) {
  std::string& o = sink.buf();
  o += "// ";
  AppendDotComment(o, g.marking);
  o += "\ndigraph \"dossier\" {\n  graph [label=";
  AppendDotQuoted(o, g.marking);
  o += ", labelloc=\"t\", charset=\"UTF-8\"];\n  node [shape=\"box\"];\n";
  for (const auto& n : g.nodes) {
    o += "  ";
    AppendDotQuoted(o, n.id);
    o += " [";
    bool first = true;
    DotAttribute(o, first, "id", n.id, true);
    DotAttribute(o, first, "label", n.caption);
    DotAttribute(o, first, "schema", n.schema);
    DotAttribute(o, first, "topics", Join(n.topics));
    o += "];\n";
    sink.Checkpoint();
  }
  for (const auto& e : g.edges) {
    o += "  ";
    AppendDotQuoted(o, e.from);
    o += " -> ";
    AppendDotQuoted(o, e.to);
    o += " [";
    bool first = true;
    DotAttribute(o, first, "id", e.id, true);
    DotAttribute(o, first, "label", e.label);
    DotAttribute(o, first, "schema", e.schema);
    DotAttribute(o, first, "grading", e.grading);
    DotAttribute(o, first, "start", e.start);
    DotAttribute(o, first, "end", e.end);
    DotAttribute(o, first, "sources", Join(e.sources));
    if (!e.directed) o += ", dir=\"none\"";
    o += "];\n";
    sink.Checkpoint();
  }
  o += "}\n";
}

}  // namespace

ExportFormat ParseExportFormat(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower == "graphml") return ExportFormat::kGraphMl;
  if (lower == "gexf") return ExportFormat::kGexf;
  if (lower == "dot") return ExportFormat::kDot;
  throw std::invalid_argument("unknown export format '" + std::string(name) + "' (choose graphml, gexf or dot)");
}

void WriteSubgraph(const Subgraph& g, ExportFormat format, std::ostream& out) {
  CheckEdgeEnds(g);
  Sink sink(out);
  switch (format) {
    case ExportFormat::kGraphMl: WriteGraphMl(g, sink); break;
    case ExportFormat::kGexf: WriteGexf(g, sink); break;
    case ExportFormat::kDot: WriteDot(g, sink); break;
  }
  sink.Flush();
}

}  // namespace dossier::graph
