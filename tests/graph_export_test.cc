// The subgraph writers (graph/export.h): what they write is read back by a
// real parser (pugixml for GraphML and GEXF, Graphviz's own `dot` for DOT) and
// must give back the subgraph, nasty names and all.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "graph/export.h"
#include "test_util.h"

using namespace dossier;
using namespace dossier::graph;
using dossier::testing::TempDir;

namespace {

// What XML can carry of a value: the same text, with the characters XML 1.0
// forbids and bytes that are not UTF-8 replaced by U+FFFD.
struct Nasty {
  std::string raw, in_xml;
};
const std::string kFffd = "\xEF\xBF\xBD";
const std::vector<Nasty> kNasty = {
    {"Smith \"The Fixer\" & Sons <Ltd> 'Holdings'", "Smith \"The Fixer\" & Sons <Ltd> 'Holdings'"},
    {"Игорь Иванович Сечин", "Игорь Иванович Сечин"},
    {"عبد الله بن محمد", "عبد الله بن محمد"},
    {"two\nlines\r\nand\ta tab", "two\nlines\r\nand\ta tab"},
    {std::string("bell\x07 nul") + '\0' + "end", "bell" + kFffd + " nul" + kFffd + "end"},
    {"cut \xD0 and \xED\xA0\x80 surrogate", "cut " + kFffd + " and " + kFffd + kFffd + kFffd + " surrogate"},
    {"not a char \xEF\xBF\xBF here", "not a char " + kFffd + " here"},
    {"back\\slash at the end\\", "back\\slash at the end\\"},
    {"]]> -- <!-- &amp; &#10;", "]]> -- <!-- &amp; &#10;"},
};

Subgraph NastyGraph() {
  Subgraph g;
  g.marking = "SECRET//REL TO DEU, EST//ORIG WESTINT";
  for (size_t i = 0; i < kNasty.size(); ++i) {
    SubgraphNode n;
    n.id = "id " + std::to_string(i) + " " + kNasty[i].raw;  // ids are text too
    n.caption = kNasty[i].raw;
    n.schema = i % 2 ? "Company" : "Person";
    if (i % 3 == 0) n.topics = {"sanction", "role.pep"};
    g.nodes.push_back(n);
  }
  for (size_t i = 0; i + 1 < kNasty.size(); ++i) {
    SubgraphEdge e;
    e.id = "tie " + kNasty[i].raw;
    e.from = g.nodes[i].id;
    e.to = g.nodes[i + 1].id;
    e.schema = i % 2 ? "Family" : "Ownership";
    e.directed = i % 2 == 0;
    e.label = kNasty[i + 1].raw;
    e.grading = i % 3 ? "B2" : "";
    e.start = "2014-06";
    e.end = i % 2 ? "2019" : "";
    e.sources = {"registry", kNasty[i].raw};
    g.edges.push_back(e);
  }
  return g;
}

std::string InXml(const std::string& raw) {
  for (const auto& n : kNasty)
    if (n.raw == raw) return n.in_xml;
  for (const auto& n : kNasty) {  // a value that embeds one (ids, joined lists)
    auto at = raw.find(n.raw);
    if (at != std::string::npos && !n.raw.empty())
      return raw.substr(0, at) + n.in_xml + InXml(raw.substr(at + n.raw.size()));
  }
  return raw;
}

std::string Write(const Subgraph& g, ExportFormat f) {
  std::ostringstream out;
  WriteSubgraph(g, f, out);
  return out.str();
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ";") + x;
  return s;
}

pugi::xml_document ParseXml(const std::string& text) {
  pugi::xml_document doc;
  auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_comments |
                                                             pugi::parse_declaration);
  EXPECT_TRUE(result) << result.description() << " at byte " << result.offset << ":\n"
                      << text.substr(static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset - 80)), 160);
  return doc;
}

// The first node after the XML declaration: the marking's comment.
std::string LeadingComment(const pugi::xml_document& doc) {
  for (auto n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_declaration) continue;
    return n.type() == pugi::node_comment ? n.value() : "<not a comment>";
  }
  return "<nothing>";
}

TEST(ExportFormat, ParsesTheThreeNames) {
  EXPECT_EQ(ParseExportFormat("graphml"), ExportFormat::kGraphMl);
  EXPECT_EQ(ParseExportFormat("gexf"), ExportFormat::kGexf);
  EXPECT_EQ(ParseExportFormat("dot"), ExportFormat::kDot);
  EXPECT_EQ(ParseExportFormat("GraphML"), ExportFormat::kGraphMl);
}

TEST(ExportFormat, RejectsOthersNamingValueAndChoices) {
  for (const char* bad : {"svg", "", "graphml "}) {
    try {
      ParseExportFormat(bad);
      FAIL() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& e) {
      std::string what = e.what();
      EXPECT_NE(what.find(std::string("'") + bad + "'"), std::string::npos) << what;
      for (const char* choice : {"graphml", "gexf", "dot"}) EXPECT_NE(what.find(choice), std::string::npos) << what;
    }
  }
}

TEST(GraphMl, RoundTripsThroughAParser) {
  const Subgraph g = NastyGraph();
  const std::string text = Write(g, ExportFormat::kGraphMl);
  auto doc = ParseXml(text);
  EXPECT_EQ(LeadingComment(doc), " " + g.marking + " ");

  auto root = doc.child("graphml");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://graphml.graphdrawing.org/xmlns");
  // Every attribute declared, by the name the tools show.
  std::map<std::string, std::string> name_of;  // key id -> for/attr.name
  for (auto key : root.children("key"))
    name_of[key.attribute("id").value()] = std::string(key.attribute("for").value()) + "/" + key.attribute("attr.name").value();
  std::set<std::string> declared;
  for (const auto& [id, name] : name_of) declared.insert(name);
  for (const char* want : {"graph/marking", "node/caption", "node/schema", "node/topics", "edge/schema", "edge/label",
                           "edge/directed", "edge/grading", "edge/start", "edge/end", "edge/sources"})
    EXPECT_TRUE(declared.count(want)) << want;

  auto graph = root.child("graph");
  EXPECT_STREQ(graph.attribute("edgedefault").value(), "directed");
  auto data_of = [&](pugi::xml_node element) {
    std::map<std::string, std::string> values;  // attr.name -> text
    for (auto d : element.children("data")) {
      const std::string& full = name_of.at(d.attribute("key").value());
      values[full.substr(full.find('/') + 1)] = d.text().get();
    }
    return values;
  };
  EXPECT_EQ(data_of(graph)["marking"], g.marking);

  size_t i = 0;
  for (auto node : graph.children("node")) {
    ASSERT_LT(i, g.nodes.size());
    const auto& want = g.nodes[i++];
    EXPECT_EQ(node.attribute("id").value(), InXml(want.id));
    auto data = data_of(node);
    EXPECT_EQ(data["caption"], InXml(want.caption));
    EXPECT_EQ(data["schema"], want.schema);
    EXPECT_EQ(data["topics"], Joined(want.topics));
  }
  EXPECT_EQ(i, g.nodes.size());

  i = 0;
  for (auto edge : graph.children("edge")) {
    ASSERT_LT(i, g.edges.size());
    const auto& want = g.edges[i++];
    EXPECT_EQ(edge.attribute("id").value(), InXml(want.id));
    EXPECT_EQ(edge.attribute("source").value(), InXml(want.from));
    EXPECT_EQ(edge.attribute("target").value(), InXml(want.to));
    EXPECT_EQ(edge.attribute("directed").as_bool(true), want.directed);
    auto data = data_of(edge);
    EXPECT_EQ(data["schema"], want.schema);
    EXPECT_EQ(data["label"], InXml(want.label));
    EXPECT_EQ(data["directed"], want.directed ? "true" : "false");
    EXPECT_EQ(data["grading"], want.grading);
    EXPECT_EQ(data["start"], want.start);
    EXPECT_EQ(data["end"], want.end);
    EXPECT_EQ(data["sources"], InXml(Joined(want.sources)));
  }
  EXPECT_EQ(i, g.edges.size());
}

TEST(Gexf, RoundTripsThroughAParser) {
  const Subgraph g = NastyGraph();
  const std::string text = Write(g, ExportFormat::kGexf);
  auto doc = ParseXml(text);
  EXPECT_EQ(LeadingComment(doc), " " + g.marking + " ");

  auto root = doc.child("gexf");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://gexf.net/1.3");
  EXPECT_STREQ(root.attribute("version").value(), "1.3");
  EXPECT_EQ(std::string(root.child("meta").child("description").text().get()), g.marking);
  auto graph = root.child("graph");
  EXPECT_STREQ(graph.attribute("defaultedgetype").value(), "directed");

  std::map<std::string, std::string> title_of;  // attribute id -> class/title
  for (auto attributes : graph.children("attributes"))
    for (auto a : attributes.children("attribute"))
      title_of[a.attribute("id").value()] = std::string(attributes.attribute("class").value()) + "/" + a.attribute("title").value();
  std::set<std::string> declared;
  for (const auto& [id, title] : title_of) declared.insert(title);
  for (const char* want : {"node/schema", "node/topics", "edge/schema", "edge/directed", "edge/grading", "edge/start",
                           "edge/end", "edge/sources"})
    EXPECT_TRUE(declared.count(want)) << want;
  auto values_of = [&](pugi::xml_node element) {
    std::map<std::string, std::string> values;  // title -> value
    for (auto v : element.child("attvalues").children("attvalue")) {
      const std::string& full = title_of.at(v.attribute("for").value());
      values[full.substr(full.find('/') + 1)] = v.attribute("value").value();
    }
    return values;
  };

  auto nodes = graph.child("nodes");
  EXPECT_EQ(nodes.attribute("count").as_ullong(), g.nodes.size());
  size_t i = 0;
  for (auto node : nodes.children("node")) {
    ASSERT_LT(i, g.nodes.size());
    const auto& want = g.nodes[i++];
    EXPECT_EQ(node.attribute("id").value(), InXml(want.id));
    EXPECT_EQ(node.attribute("label").value(), InXml(want.caption));
    auto values = values_of(node);
    EXPECT_EQ(values["schema"], want.schema);
    EXPECT_EQ(values["topics"], Joined(want.topics));
  }
  EXPECT_EQ(i, g.nodes.size());

  auto edges = graph.child("edges");
  EXPECT_EQ(edges.attribute("count").as_ullong(), g.edges.size());
  i = 0;
  for (auto edge : edges.children("edge")) {
    ASSERT_LT(i, g.edges.size());
    const auto& want = g.edges[i++];
    EXPECT_EQ(edge.attribute("id").value(), InXml(want.id));
    EXPECT_EQ(edge.attribute("source").value(), InXml(want.from));
    EXPECT_EQ(edge.attribute("target").value(), InXml(want.to));
    EXPECT_STREQ(edge.attribute("type").value(), want.directed ? "directed" : "undirected");
    EXPECT_EQ(edge.attribute("label").value(), InXml(want.label));
    EXPECT_EQ(edge.attribute("kind").value(), want.schema);
    auto values = values_of(edge);
    EXPECT_EQ(values["schema"], want.schema);
    EXPECT_EQ(values["directed"], want.directed ? "true" : "false");
    EXPECT_EQ(values["grading"], want.grading);
    EXPECT_EQ(values["start"], want.start);
    EXPECT_EQ(values["end"], want.end);
    EXPECT_EQ(values["sources"], InXml(Joined(want.sources)));
  }
  EXPECT_EQ(i, g.edges.size());
}

TEST(XmlExports, MarkingThatCannotSitInACommentAsIsStillGivesWellFormedXml) {
  Subgraph g;
  g.marking = "SECRET--ORCON-";  // "--" and a trailing '-' end a comment early
  g.nodes.push_back({"a", "A", "Person", {}});
  for (auto f : {ExportFormat::kGraphMl, ExportFormat::kGexf}) {
    auto doc = ParseXml(Write(g, f));
    EXPECT_EQ(LeadingComment(doc), " SECRET- -ORCON-  ");
  }
}

TEST(Exports, AreDeterministicAndKeepTheGivenOrder) {
  Subgraph g;
  g.marking = "UNCLASSIFIED";
  for (const char* id : {"z", "a", "m"}) g.nodes.push_back({id, id, "Person", {}});
  g.edges.push_back({"t2", "z", "a", "Associate", "associate of", false, "", "", "", {}});
  g.edges.push_back({"t1", "m", "z", "Ownership", "owns", true, "", "", "", {}});
  for (auto f : {ExportFormat::kGraphMl, ExportFormat::kGexf, ExportFormat::kDot}) {
    const std::string a = Write(g, f), b = Write(g, f);
    EXPECT_EQ(a, b);
    EXPECT_LT(a.find("\"z\""), a.find("\"a\""));
    EXPECT_LT(a.find("\"a\""), a.find("\"m\""));
    EXPECT_LT(a.find("t2"), a.find("t1"));
  }
}

TEST(Exports, EmptySubgraphIsWellFormed) {
  Subgraph g;
  g.marking = "UNCLASSIFIED";
  auto graphml = ParseXml(Write(g, ExportFormat::kGraphMl));
  EXPECT_FALSE(graphml.child("graphml").child("graph").child("node"));
  auto gexf = ParseXml(Write(g, ExportFormat::kGexf));
  EXPECT_EQ(gexf.child("gexf").child("graph").child("nodes").attribute("count").as_int(-1), 0);
  EXPECT_NE(Write(g, ExportFormat::kDot).find("digraph"), std::string::npos);
}

TEST(Exports, EdgeToAMissingNodeThrowsBeforeWriting) {
  Subgraph g;
  g.nodes.push_back({"a", "A", "Person", {}});
  g.edges.push_back({"t", "a", "ghost", "Associate", "associate of", false, "", "", "", {}});
  for (auto f : {ExportFormat::kGraphMl, ExportFormat::kGexf, ExportFormat::kDot}) {
    std::ostringstream out;
    try {
      WriteSubgraph(g, f, out);
      FAIL() << "wrote an edge to a missing node";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("ghost"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(out.str().empty());
  }
}

TEST(Dot, EscapesQuotesBackslashesAndLineBreaks) {
  Subgraph g;
  g.marking = "SECRET//REL TO DEU, EST";
  g.nodes.push_back({"a\"b\\", "say \"hi\"\nback\\slash\r\nend", "Person", {"sanction"}});
  g.nodes.push_back({"c", "bell\x07", "Company", {}});
  g.edges.push_back({"t\"1", "a\"b\\", "c", "Family", "spouse", false, "B2", "2001", "", {"s"}});
  const std::string dot = Write(g, ExportFormat::kDot);
  EXPECT_EQ(dot.rfind("// SECRET//REL TO DEU, EST\ndigraph", 0), 0u) << dot;
  EXPECT_NE(dot.find("label=\"SECRET//REL TO DEU, EST\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"a\\\"b\\\\\" [id="), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"say \\\"hi\\\"\\nback\\\\slash\\nend\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"bell" + kFffd + "\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"a\\\"b\\\\\" -> \"c\" [id=\"t\\\"1\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("dir=\"none\""), std::string::npos) << dot;
  // One line per statement: no raw line break inside any string.
  size_t lines = 0;
  for (char c : dot) lines += c == '\n';
  EXPECT_EQ(lines, 2u + 2u + g.nodes.size() + g.edges.size() + 1u) << dot;
}

// The value of a DOT escString as Graphviz draws it: \\ is a backslash, \n
// (and \l, \r) a line break.
std::string DrawnText(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' || c == 'l' || c == 'r' ? '\n' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(Dot, GraphvizReadsItBack) {
  const char* kDot = "/usr/bin/dot";
  if (!std::filesystem::exists(kDot)) GTEST_SKIP() << kDot << " is not installed: DOT not checked by Graphviz";
  const Subgraph g = NastyGraph();
  TempDir dir;
  dossier::testing::WriteFile(dir.File("g.dot"), Write(g, ExportFormat::kDot));
  // -Tjson0: the graph as Graphviz parsed it, before layout.
  const std::string cmd = std::string(kDot) + " -Tjson0 " + dir.File("g.dot") + " > " + dir.File("g.json") + " 2> " +
                          dir.File("g.err");
  ASSERT_EQ(std::system(cmd.c_str()), 0) << dossier::testing::ReadFile(dir.File("g.err"));
  EXPECT_EQ(dossier::testing::ReadFile(dir.File("g.err")), "");  // no warnings either
  auto json = nlohmann::json::parse(dossier::testing::ReadFile(dir.File("g.json")));
  EXPECT_EQ(json.value("label", ""), g.marking);
  ASSERT_EQ(json["objects"].size(), g.nodes.size());
  ASSERT_EQ(json["edges"].size(), g.edges.size());
  auto drawn = [](const std::string& raw) {  // what survives DOT: no controls, CRLF as one break
    std::string s = InXml(raw), out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\r') {
        out += '\n';
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const auto& o = json["objects"][i];
    EXPECT_EQ(DrawnText(o.value("name", "")), drawn(g.nodes[i].id));
    EXPECT_EQ(DrawnText(o.value("label", "")), drawn(g.nodes[i].caption));
    EXPECT_EQ(o.value("schema", ""), g.nodes[i].schema);
  }
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const auto& e = json["edges"][i];
    const auto& want = g.edges[i];
    EXPECT_EQ(DrawnText(e.value("id", "")), drawn(want.id));
    EXPECT_EQ(DrawnText(e.value("label", "")), drawn(want.label));
    EXPECT_EQ(json["objects"][e.value("tail", 0)].value("id", ""), json["objects"][i].value("id", ""));
    EXPECT_EQ(e.value("dir", ""), want.directed ? "" : "none");
    EXPECT_EQ(e.value("schema", ""), want.schema);
  }
}

}  // namespace
