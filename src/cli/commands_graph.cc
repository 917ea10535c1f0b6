// Link analysis: neighbours, path, exposure, network, common, centrality,
// communities, brokers. Every answer comes from the reader's ReaderGraph; hops
// are rendered through the reader's View (sources sanitised, gradings, markings).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "cli/render.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/export.h"
#include "graph/paths.h"
#include "graph/projection.h"
#include "ingest/csv.h"
#include "model/grading.h"

namespace dossier::cli {
namespace {

using graph::Path;
using graph::ReaderGraph;

// The options shared by the questions that cross ties.
struct TieOptions {
  std::vector<std::string> relations;
  std::string min_grading;
  std::string as_of;

  void Add(CLI::App* cmd) {
    cmd->add_option("--relation", relations, "only ties of this schema (Ownership, Family ...); repeatable");
    cmd->add_option("--min-grading", min_grading, "only ties graded at least this well, e.g. B2 or C3");
    cmd->add_option("--as-of", as_of, "only ties that had begun and not ended on this date (YYYY[-MM[-DD]])");
  }

  graph::TieFilter Filter() const {
    graph::TieFilter f;
    const model::Model& model = model::Model::Default();
    for (const auto& r : relations) {
      const model::Schema* s = model.Find(r);
      if (!s || (!s->edge() && !s->IsA("Event")))
        throw CommandError(kUsage, "unknown relation schema '" + r + "' (a tie schema such as Ownership, Family, Associate, or Event)");
      f.relations.push_back(r);
    }
    if (!min_grading.empty()) {
      const bool ok = min_grading.size() == 2 && min_grading[0] >= 'A' && min_grading[0] <= 'F' && min_grading[1] >= '1' &&
                      min_grading[1] <= '6';
      if (!ok) throw CommandError(kUsage, "--min-grading '" + min_grading + "': expected a reliability A-F and a credibility 1-6, e.g. B2");
      f.worst_grading = model::GradingRank(min_grading[0], min_grading[1] - '0');
    }
    if (!as_of.empty()) {
      f.as_of = graph::PackDate(as_of, false);
      if (f.as_of == 0) throw CommandError(kUsage, "--as-of '" + as_of + "': expected a date YYYY, YYYY-MM or YYYY-MM-DD");
    }
    return f;
  }
};

uint32_t NodeOf(Context& ctx, const std::string& arg) {
  auto& view = ctx.View();
  std::string id;
  try {
    id = view.Resolve(arg);
  } catch (const access::AccessError& e) {
    throw CommandError(kNotFound, e.what());
  }
  auto node = ctx.ReaderGraph().Find(id);
  if (!node) throw CommandError(kNotFound, "no entity with id or name '" + arg + "'");
  return *node;
}

// Like NodeOf, for batch rows: nullopt (with the reason) instead of throwing.
std::optional<uint32_t> TryNodeOf(Context& ctx, const std::string& arg, std::string& why) {
  try {
    return NodeOf(ctx, arg);
  } catch (const CommandError& e) {
    why = e.what();
    return std::nullopt;
  }
}

nlohmann::json NodeJson(Context& ctx, uint32_t node) {
  const auto& rg = ctx.ReaderGraph();
  const std::string id(rg.Id(node));
  nlohmann::json topics = nlohmann::json::array();
  const uint64_t t = rg.Topics(node);
  for (std::size_t i = 0; i < rg.graph().Topics().size(); ++i)
    if (t & (uint64_t{1} << i)) topics.push_back(rg.graph().TopicName(static_cast<uint8_t>(i)));
  return {{"id", id}, {"caption", Caption(ctx.View(), id)}, {"schema", rg.Schema(node)}, {"topics", topics}};
}

// The hop from u to v as the View renders it: of the ties the path may use,
// the best graded, then the smallest tie id.
std::optional<access::Hop> HopOf(Context& ctx, uint32_t u, uint32_t v, const std::vector<uint32_t>& ties) {
  const auto& rg = ctx.ReaderGraph();
  const auto ids = rg.graph().TieIds(ctx.Feed(), ties);
  const std::set<std::string> allowed(ids.begin(), ids.end());
  const std::string from(rg.Id(u)), to(rg.Id(v));
  std::optional<access::Tie> best;
  for (auto& tie : ctx.View().TiesOf(from)) {
    if (!allowed.count(tie.tie_id) || tie.Other(from) != to) continue;
    const int rank = model::GradingRank(tie.reliability, tie.credibility);
    if (!best || rank < model::GradingRank(best->reliability, best->credibility) ||
        (rank == model::GradingRank(best->reliability, best->credibility) && tie.tie_id < best->tie_id))
      best = tie;
  }
  if (!best) return std::nullopt;
  return access::Hop{from, to, *best};
}

struct RenderedPath {
  std::vector<access::Hop> hops;
  std::string marking;
};

RenderedPath Render(Context& ctx, const Path& p) {
  RenderedPath out;
  std::vector<const store::StoredStatement*> evidence;
  for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
    auto hop = HopOf(ctx, p.nodes[i], p.nodes[i + 1], p.ties[i]);
    if (!hop) throw CommandError(kStoreError, "internal: the graph and the view disagree about a tie of " +
                                                  std::string(ctx.ReaderGraph().Id(p.nodes[i])) + "; run `dossier reindex`");
    out.hops.push_back(std::move(*hop));
  }
  for (const auto& h : out.hops)
    for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
  out.marking = out.hops.empty() ? "" : ctx.View().Highest(evidence).Print(ctx.View().reader().scheme());
  return out;
}

nlohmann::json PathJson(Context& ctx, const Path& p, bool weighted) {
  const RenderedPath r = Render(ctx, p);
  const auto& rg = ctx.ReaderGraph();
  nlohmann::json hops = nlohmann::json::array();
  for (std::size_t i = 0; i < r.hops.size(); ++i) {
    nlohmann::json h = HopJson(ctx.View(), r.hops[i]);
    int32_t start = 0, end = 0;
    for (uint32_t t : p.ties[i]) {
      if (rg.TieStart(t) != 0 && (start == 0 || rg.TieStart(t) < start)) start = rg.TieStart(t);
      end = std::max(end, rg.TieEnd(t));
    }
    h["start"] = start ? nlohmann::json(graph::UnpackDate(start)) : nlohmann::json();
    h["end"] = end ? nlohmann::json(graph::UnpackDate(end)) : nlohmann::json();
    hops.push_back(std::move(h));
  }
  nlohmann::json j = {{"length", p.Length()}, {"hops", hops}, {"marking", r.marking}};
  if (weighted) j["cost"] = p.cost;
  return j;
}

std::string PathText(Context& ctx, const Path& p) {
  const RenderedPath r = Render(ctx, p);
  std::string out = fmt::format("{} hops, marking {}\n", p.Length(), r.marking);
  for (const auto& h : r.hops) out += "  " + HopText(ctx.View(), h) + "\n";
  return out;
}

// A subgraph of the given nodes and path ties, for --format.
graph::Subgraph SubgraphOf(Context& ctx, const std::vector<uint32_t>& nodes, const std::vector<access::Hop>& hops,
                           const std::string& marking) {
  graph::Subgraph g;
  g.marking = marking;
  std::set<uint32_t> seen;
  for (uint32_t n : nodes) {
    if (!seen.insert(n).second) continue;
    const auto j = NodeJson(ctx, n);
    graph::SubgraphNode node{j["id"], j["caption"], j["schema"], {}};
    for (const auto& t : j["topics"]) node.topics.push_back(t);
    g.nodes.push_back(std::move(node));
  }
  std::set<std::string> tie_seen;
  for (const auto& h : hops) {
    if (!tie_seen.insert(h.tie.tie_id + "|" + h.tie.from + "|" + h.tie.to).second) continue;
    graph::SubgraphEdge e;
    e.id = h.tie.tie_id;
    e.from = h.tie.from;
    e.to = h.tie.to;
    e.schema = h.tie.schema;
    e.label = h.tie.label;
    e.directed = h.tie.directed;
    e.grading = model::Grading(h.tie.reliability, h.tie.credibility);
    std::set<std::string> sources;
    for (const auto* s : TieEvidence(h.tie)) sources.insert(ctx.View().SourceOf(*s).id);
    e.sources.assign(sources.begin(), sources.end());
    g.edges.push_back(std::move(e));
  }
  return g;
}

void WriteExport(const graph::Subgraph& g, const std::string& format, const std::string& out_path) {
  graph::ExportFormat f;
  try {
    f = graph::ParseExportFormat(format);
  } catch (const std::invalid_argument& e) {
    throw CommandError(kUsage, e.what());
  }
  if (out_path.empty() || out_path == "-") return graph::WriteSubgraph(g, f, std::cout);
  std::ofstream out(out_path);
  if (!out) throw CommandError(kBadInput, "cannot write " + out_path);
  graph::WriteSubgraph(g, f, out);
}

// ---- neighbours ---------------------------------------------------------------

struct NeighboursArgs {
  std::string id, seeds, schema, format, out;
  int hops = 1;
  bool count = false;
  TieOptions ties;
};

void Neighbours(Context& ctx, const NeighboursArgs& a) {
  if (a.hops < 1 || a.hops > 64) throw CommandError(kUsage, "--hops must be between 1 and 64");
  if (!a.schema.empty() && !model::Model::Default().Find(a.schema)) throw CommandError(kUsage, "unknown schema '" + a.schema + "'");
  if (a.id.empty() == a.seeds.empty()) throw CommandError(kUsage, "give one entity, or --seeds FILE");
  const graph::TieFilter filter = a.ties.Filter();
  const auto& rg = ctx.ReaderGraph();
  graph::Traversal walk(rg);
  const model::Model& model = model::Model::Default();
  auto schema_ok = [&](uint32_t n) {
    if (a.schema.empty()) return true;
    const model::Schema* s = model.Find(rg.Schema(n));
    return s && s->IsA(a.schema);
  };
  auto answer = [&](uint32_t node) -> std::vector<std::pair<uint32_t, int>> {
    auto found = walk.Neighbours(node, a.hops, filter);
    std::erase_if(found, [&](const auto& x) { return !schema_ok(x.first); });
    return found;
  };
  if (!a.seeds.empty()) {
    std::ifstream in(a.seeds);
    if (!in) throw CommandError(kBadInput, "cannot read " + a.seeds);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || (number == 1 && line == "id")) continue;
      std::string why;
      const auto node = TryNodeOf(ctx, line, why);
      std::size_t count = 0;
      if (node) count = a.schema.empty() ? walk.CountNeighbours(*node, a.hops, filter) : answer(*node).size();
      if (ctx.json()) {
        nlohmann::json j = {{"id", line}, {"count", node ? nlohmann::json(count) : nlohmann::json()}};
        if (!node) j["error"] = fmt::format("{} line {}: {}", a.seeds, number, why);
        PrintJson(j);
      } else {
        std::cout << line << "\t" << (node ? std::to_string(count) : "not found") << "\n";
      }
    }
    return;
  }
  const uint32_t node = NodeOf(ctx, a.id);
  const std::string id(rg.Id(node));
  if (a.count) {
    const std::size_t count = a.schema.empty() ? walk.CountNeighbours(node, a.hops, filter) : answer(node).size();
    if (ctx.json()) PrintJson({{"id", id}, {"count", count}});
    else std::cout << count << " entities within " << a.hops << " hops\n";
    return;
  }
  const auto found = answer(node);
  if (!a.format.empty()) {
    std::vector<uint32_t> nodes{node};
    for (const auto& [n, d] : found) nodes.push_back(n);
    // Ties among the nodes found, as the View renders them.
    std::set<uint32_t> in(nodes.begin(), nodes.end());
    std::vector<access::Hop> hops;
    const auto f = rg.Prepare(filter);
    for (uint32_t u : nodes) {
      std::map<uint32_t, std::vector<uint32_t>> by_other;
      rg.ForEachTie(u, f, [&](uint32_t w, uint32_t tie, bool) {
        if (u < w && in.count(w)) by_other[w].push_back(tie);
      });
      for (auto& [w, ties] : by_other)
        if (auto hop = HopOf(ctx, u, w, ties)) hops.push_back(*hop);
    }
    std::vector<const store::StoredStatement*> evidence;
    for (const auto& h : hops)
      for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
    const std::string marking = ctx.View().Highest(evidence).Print(ctx.View().reader().scheme());
    return WriteExport(SubgraphOf(ctx, nodes, hops, marking), a.format, a.out);
  }
  ctx.SetResults(static_cast<int64_t>(found.size()));
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [n, d] : found) {
      nlohmann::json j = NodeJson(ctx, n);
      j["distance"] = d;
      list.push_back(std::move(j));
    }
    PrintJson({{"id", id}, {"hops", a.hops}, {"count", found.size()}, {"neighbours", list}});
    return;
  }
  for (const auto& [n, d] : found) {
    const std::string nid(rg.Id(n));
    std::cout << fmt::format("{}  {:<40} {:<14} {}\n", d, Caption(ctx.View(), nid), rg.Schema(n), nid);
  }
  std::cout << found.size() << " entities within " << a.hops << " hops\n";
}

// ---- path ---------------------------------------------------------------------

struct PathArgs {
  std::string from, to, pairs, format, out;
  int max_hops = 6;
  std::size_t k = 1;
  bool weighted = false, time_ordered = false, all = false;
  std::size_t cap = 1000;
  TieOptions ties;
};

void PathCommand(Context& ctx, const PathArgs& a) {
  if (a.max_hops < 0 || a.max_hops > 64) throw CommandError(kUsage, "--max-hops must be between 0 and 64");
  if (a.k < 1) throw CommandError(kUsage, "--k must be at least 1");
  graph::PathOptions options;
  options.max_hops = a.max_hops;
  options.weighted = a.weighted;
  options.time_ordered = a.time_ordered;
  options.filter = a.ties.Filter();
  if (a.time_ordered && (a.weighted || a.k > 1 || a.all))
    throw CommandError(kUsage, "--time-ordered finds one shortest path: not with --weighted, --k or --all");
  graph::Traversal walk(ctx.ReaderGraph());

  if (!a.pairs.empty()) {
    if (!a.from.empty() || !a.to.empty()) throw CommandError(kUsage, "give FROM TO, or --pairs FILE, not both");
    std::ifstream in(a.pairs);
    if (!in) throw CommandError(kBadInput, "cannot read " + a.pairs);
    ingest::CsvReader csv(in, a.pairs);
    std::vector<std::string> row;
    if (!csv.Next(row) || row.size() < 2 || row[0] != "from" || row[1] != "to")
      throw CommandError(kBadInput, a.pairs + " line 1: expected the header from,to");
    bool bad = false;
    while (csv.Next(row)) {
      if (row.size() < 2 || row[0].empty() || row[1].empty()) {
        std::cerr << a.pairs << " line " << csv.line() << ": expected two entity ids, from and to\n";
        bad = true;
        continue;
      }
      std::string why;
      const auto u = TryNodeOf(ctx, row[0], why);
      const auto v = u ? TryNodeOf(ctx, row[1], why) : std::nullopt;
      std::optional<Path> p;
      if (u && v) p = walk.Shortest(*u, *v, options);
      if (ctx.json()) {
        nlohmann::json j = {{"from", row[0]}, {"to", row[1]}};
        if (p) {
          j.update(PathJson(ctx, *p, a.weighted));
        } else {
          j["length"] = nullptr;
          j["hops"] = nlohmann::json::array();
        }
        if (!why.empty()) j["error"] = why;
        PrintJson(j);
      } else {
        std::cout << row[0] << " -> " << row[1] << ": " << (p ? PathText(ctx, *p) : "no path" + (why.empty() ? "" : " (" + why + ")") + "\n");
      }
    }
    if (bad) throw CommandError(kBadInput, "");
    return;
  }

  if (a.from.empty() || a.to.empty()) throw CommandError(kUsage, "give FROM and TO, or --pairs FILE");
  const uint32_t u = NodeOf(ctx, a.from), v = NodeOf(ctx, a.to);
  const std::string from(ctx.ReaderGraph().Id(u)), to(ctx.ReaderGraph().Id(v));
  std::vector<Path> paths;
  bool capped = false;
  if (a.all) paths = walk.AllSimple(u, v, options, a.cap, &capped);
  else if (a.k > 1) paths = walk.KShortest(u, v, a.k, options);
  else if (auto p = walk.Shortest(u, v, options)) paths.push_back(std::move(*p));

  if (!a.format.empty()) {
    std::vector<uint32_t> nodes;
    std::vector<access::Hop> hops;
    std::vector<const store::StoredStatement*> evidence;
    for (const auto& p : paths) {
      nodes.insert(nodes.end(), p.nodes.begin(), p.nodes.end());
      auto r = Render(ctx, p);
      hops.insert(hops.end(), r.hops.begin(), r.hops.end());
    }
    for (const auto& h : hops)
      for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
    const std::string marking = hops.empty() ? "" : ctx.View().Highest(evidence).Print(ctx.View().reader().scheme());
    WriteExport(SubgraphOf(ctx, nodes, hops, marking), a.format, a.out);
    if (paths.empty()) throw CommandError(kNotFound, "");
    return;
  }
  ctx.SetResults(static_cast<int64_t>(paths.size()));
  if (ctx.json()) {
    if (a.k == 1 && !a.all) {
      nlohmann::json j = {{"from", from}, {"to", to}};
      if (paths.empty()) {
        j["length"] = nullptr;
        j["hops"] = nlohmann::json::array();
        j["marking"] = "";
      } else {
        j.update(PathJson(ctx, paths.front(), a.weighted));
      }
      PrintJson(j);
    } else {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& p : paths) list.push_back(PathJson(ctx, p, a.weighted));
      nlohmann::json j = {{"from", from}, {"to", to}, {"paths", list}, {"count", paths.size()}};
      if (a.all) j["capped"] = capped;
      PrintJson(j);
    }
  } else if (paths.empty()) {
    std::cout << fmt::format("no path within {} hops\n", a.max_hops);
  } else {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (paths.size() > 1) std::cout << "path " << i + 1 << ": ";
      std::cout << PathText(ctx, paths[i]);
    }
    if (capped) std::cout << "(more paths exist: raise --cap)\n";
  }
  if (paths.empty()) throw CommandError(kNotFound, "");
}

// ---- exposure, network, common -----------------------------------------------

uint64_t TopicMask(const graph::Graph& g, const std::vector<std::string>& patterns) {
  uint64_t mask = 0;
  for (const auto& p : patterns) {
    bool any = false;
    const bool prefix = p.size() >= 2 && p.substr(p.size() - 2) == ".*";
    for (std::size_t i = 0; i < g.Topics().size(); ++i) {
      const std::string& t = g.Topics()[i];
      const bool hit = prefix ? t.rfind(p.substr(0, p.size() - 1), 0) == 0 || t == p.substr(0, p.size() - 2) : t == p;
      if (hit) {
        mask |= uint64_t{1} << i;
        any = true;
      }
    }
    if (!any) throw CommandError(kUsage, "unknown topic '" + p + "' (e.g. sanction, role.pep, gov.*, crime.*)");
  }
  return mask;
}

void Exposure(Context& ctx, const std::string& arg, std::vector<std::string> topics, int max_hops, const TieOptions& ties) {
  if (max_hops < 1 || max_hops > 64) throw CommandError(kUsage, "--max-hops must be between 1 and 64");
  if (topics.empty()) topics = {"sanction", "sanction.linked", "role.pep", "role.rca", "gov.*", "crime.*", "wanted", "poi"};
  const auto& rg = ctx.ReaderGraph();
  const uint64_t mask = TopicMask(rg.graph(), topics);
  const uint32_t node = NodeOf(ctx, arg);
  graph::Traversal walk(rg);
  const auto exposed = walk.Exposure(node, mask, max_hops, ties.Filter());
  // The rendered paths live until the marking is computed: the evidence points into them.
  std::vector<RenderedPath> rendered;
  rendered.reserve(exposed.size());
  nlohmann::json list = nlohmann::json::array();
  std::string text;
  for (const auto& e : exposed) {
    rendered.push_back(Render(ctx, e.path));
    const RenderedPath& r = rendered.back();
    nlohmann::json j = NodeJson(ctx, e.node);
    nlohmann::json matched = nlohmann::json::array();
    for (std::size_t i = 0; i < rg.graph().Topics().size(); ++i)
      if (e.topics & (uint64_t{1} << i)) matched.push_back(rg.graph().TopicName(static_cast<uint8_t>(i)));
    j["matched_topics"] = matched;
    j["distance"] = e.distance;
    j["weakest"] = model::Grading(static_cast<char>('A' + e.weakest / 6), e.weakest % 6 + 1);
    if (ctx.json()) j["path"] = PathJson(ctx, e.path, false);
    list.push_back(j);
    if (!ctx.json()) {
      text += fmt::format("{} hop{}  weakest {}  {} [{}]  {}\n", e.distance, e.distance == 1 ? "" : "s",
                          j["weakest"].get<std::string>(), j["caption"].get<std::string>(), j["schema"].get<std::string>(),
                          matched.dump());
      for (const auto& h : r.hops) text += "    " + HopText(ctx.View(), h) + "\n";
    }
  }
  std::vector<const store::StoredStatement*> evidence;
  for (const auto& r : rendered)
    for (const auto& h : r.hops)
      for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
  const std::string marking = evidence.empty() ? "" : ctx.View().Highest(evidence).Print(ctx.View().reader().scheme());
  ctx.SetResults(static_cast<int64_t>(exposed.size()));
  if (ctx.json()) {
    PrintJson({{"id", std::string(rg.Id(node))}, {"max_hops", max_hops}, {"count", exposed.size()}, {"exposed", list}, {"marking", marking}});
  } else {
    std::cout << text << exposed.size() << " exposed entities within " << max_hops << " hops" << (marking.empty() ? "" : ", marking " + marking) << "\n";
  }
}

void Network(Context& ctx, const std::vector<std::string>& args, int max_hops, const TieOptions& ties, const std::string& format,
             const std::string& out) {
  if (args.size() < 2) throw CommandError(kUsage, "network needs at least two entities");
  if (max_hops < 1 || max_hops > 64) throw CommandError(kUsage, "--max-hops must be between 1 and 64");
  std::vector<uint32_t> seeds;
  for (const auto& a : args) seeds.push_back(NodeOf(ctx, a));
  graph::PathOptions options;
  options.max_hops = max_hops;
  options.filter = ties.Filter();
  const auto& rg = ctx.ReaderGraph();
  graph::Traversal walk(rg);
  const auto net = walk.Connecting(seeds, options);
  // Render every tie of the network through the View.
  const auto f = rg.Prepare(options.filter);
  const std::set<uint32_t> net_ties(net.ties.begin(), net.ties.end());
  std::vector<access::Hop> hops;
  for (uint32_t u : net.nodes) {
    std::map<uint32_t, std::vector<uint32_t>> by_other;
    rg.ForEachTie(u, f, [&](uint32_t w, uint32_t tie, bool) {
      if (u < w && net_ties.count(tie)) by_other[w].push_back(tie);
    });
    for (auto& [w, list] : by_other)
      if (auto hop = HopOf(ctx, u, w, list)) hops.push_back(*hop);
  }
  std::vector<const store::StoredStatement*> evidence;
  for (const auto& h : hops)
    for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
  const std::string marking = hops.empty() ? "" : ctx.View().Highest(evidence).Print(ctx.View().reader().scheme());
  ctx.SetResults(static_cast<int64_t>(net.nodes.size()));
  if (!format.empty()) return WriteExport(SubgraphOf(ctx, net.nodes, hops, marking), format, out);
  if (ctx.json()) {
    nlohmann::json nodes = nlohmann::json::array(), list = nlohmann::json::array(), unconnected = nlohmann::json::array();
    for (uint32_t n : net.nodes) nodes.push_back(NodeJson(ctx, n));
    for (const auto& h : hops) list.push_back(HopJson(ctx.View(), h));
    for (const auto& [a, b] : net.unconnected) unconnected.push_back({std::string(rg.Id(a)), std::string(rg.Id(b))});
    nlohmann::json seed_ids = nlohmann::json::array();
    for (uint32_t s : seeds) seed_ids.push_back(std::string(rg.Id(s)));
    PrintJson({{"seeds", seed_ids}, {"nodes", nodes}, {"ties", list}, {"unconnected", unconnected}, {"marking", marking}});
    return;
  }
  std::cout << fmt::format("{} entities, {} ties{}\n", net.nodes.size(), hops.size(), marking.empty() ? "" : ", marking " + marking);
  for (const auto& h : hops) std::cout << "  " << HopText(ctx.View(), h) << "\n";
  for (const auto& [a, b] : net.unconnected)
    std::cout << fmt::format("  no path within {} hops between {} and {}\n", max_hops, rg.Id(a), rg.Id(b));
}

void Common(Context& ctx, const std::string& a, const std::string& b, const TieOptions& ties) {
  const uint32_t u = NodeOf(ctx, a), v = NodeOf(ctx, b);
  const auto& rg = ctx.ReaderGraph();
  graph::Traversal walk(rg);
  const auto common = walk.CommonNeighbours(u, v, ties.Filter());
  ctx.SetResults(static_cast<int64_t>(common.size()));
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (uint32_t n : common) list.push_back(NodeJson(ctx, n));
    PrintJson({{"a", std::string(rg.Id(u))}, {"b", std::string(rg.Id(v))}, {"count", common.size()}, {"common", list}});
    return;
  }
  for (uint32_t n : common) {
    const std::string id(rg.Id(n));
    std::cout << fmt::format("{:<40} {:<14} {}\n", Caption(ctx.View(), id), rg.Schema(n), id);
  }
  std::cout << common.size() << " common neighbours\n";
}

// ---- whole-graph measures ------------------------------------------------------

// A measure over the whole graph rests on everything the reader sees.
std::string WholeGraphMarking(Context& ctx) {
  return ctx.ReaderGraph().HighestOfAll().Print(ctx.View().reader().scheme());
}

unsigned Threads() { return std::max(1u, std::min(2u, std::thread::hardware_concurrency())); }

void Centrality(Context& ctx, const std::string& measure, std::size_t top, uint32_t sample, const TieOptions& ties) {
  const auto& rg = ctx.ReaderGraph();
  const graph::Projection p = graph::Project(rg, ties.Filter());
  const uint32_t n = p.graph.NodeCount();
  std::vector<double> score;
  bool sampled = false;
  if (measure == "degree") score = graph::DegreeCentrality(p.graph);
  else if (measure == "pagerank") score = graph::PageRank(p.graph);
  else if (measure == "betweenness") {
    if (sample > 0 && sample < n) {
      score = graph::SampledBetweenness(p.graph, sample, 1, Threads());
      sampled = true;
    } else {
      score = graph::Betweenness(p.graph, Threads());
    }
  } else if (measure == "closeness") score = graph::Closeness(p.graph, Threads());
  else throw CommandError(kUsage, "--measure must be degree, pagerank, betweenness or closeness");
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  auto value = [&](uint32_t i) { return std::isnan(score[i]) ? -1.0 : score[i]; };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return value(x) > value(y); });
  if (order.size() > top) order.resize(top);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t r = 0; r < order.size(); ++r) {
      nlohmann::json j = NodeJson(ctx, p.nodes[order[r]]);
      j["score"] = std::isnan(score[order[r]]) ? nlohmann::json() : nlohmann::json(score[order[r]]);
      j["rank"] = r + 1;
      list.push_back(std::move(j));
    }
    PrintJson({{"measure", measure}, {"sampled", sampled}, {"nodes", n}, {"edges", p.graph.EdgeCount()}, {"results", list},
               {"marking", WholeGraphMarking(ctx)}});
    return;
  }
  for (std::size_t r = 0; r < order.size(); ++r) {
    const std::string id(rg.Id(p.nodes[order[r]]));
    std::cout << fmt::format("{:>4}  {:<12.6g} {:<40} {}\n", r + 1, score[order[r]], Caption(ctx.View(), id), id);
  }
}

void Communities(Context& ctx, const std::string& algorithm, std::size_t top, std::size_t min_size, const TieOptions& ties) {
  if (algorithm != "leiden" && algorithm != "louvain") throw CommandError(kUsage, "--algorithm must be leiden or louvain");
  const auto& rg = ctx.ReaderGraph();
  const graph::Projection p = graph::Project(rg, ties.Filter());
  const graph::Communities c = algorithm == "leiden" ? graph::Leiden(p.graph) : graph::Louvain(p.graph);
  std::vector<std::vector<uint32_t>> groups(c.count);
  for (uint32_t i = 0; i < c.membership.size(); ++i) groups[c.membership[i]].push_back(i);
  std::vector<uint32_t> order(c.count);
  for (uint32_t i = 0; i < c.count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return groups[x].size() > groups[y].size(); });
  std::erase_if(order, [&](uint32_t x) { return groups[x].size() < min_size; });
  if (order.size() > top) order.resize(top);
  const auto degree = graph::DegreeCentrality(p.graph);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (uint32_t x : order) {
      // Members listed best connected first.
      auto members = groups[x];
      std::stable_sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return degree[a] > degree[b]; });
      nlohmann::json ids = nlohmann::json::array();
      for (uint32_t m : members) ids.push_back(std::string(rg.Id(p.nodes[m])));
      list.push_back({{"community", x}, {"size", groups[x].size()}, {"members", ids}});
    }
    PrintJson({{"algorithm", algorithm}, {"count", c.count}, {"modularity", c.modularity}, {"communities", list},
               {"marking", WholeGraphMarking(ctx)}});
    return;
  }
  std::cout << fmt::format("{} communities, modularity {:.4f}, marking {}\n", c.count, c.modularity, WholeGraphMarking(ctx));
  for (uint32_t x : order) {
    auto members = groups[x];
    std::stable_sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) { return degree[a] > degree[b]; });
    std::string names;
    for (std::size_t i = 0; i < members.size() && i < 5; ++i)
      names += (i ? ", " : "") + Caption(ctx.View(), std::string(rg.Id(p.nodes[members[i]])));
    std::cout << fmt::format("  #{} ({} members): {}{}\n", x, members.size(), names, members.size() > 5 ? ", ..." : "");
  }
}

void Brokers(Context& ctx, std::size_t top, const TieOptions& ties) {
  const auto& rg = ctx.ReaderGraph();
  const graph::Projection p = graph::Project(rg, ties.Filter());
  const auto betweenness = p.graph.NodeCount() > 20000 ? graph::SampledBetweenness(p.graph, 2000, 1, Threads())
                                                       : graph::Betweenness(p.graph, Threads());
  const auto brokers = graph::Brokers(p.graph, top, betweenness);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& b : brokers) {
      nlohmann::json j = NodeJson(ctx, p.nodes[b.node]);
      j["constraint"] = b.constraint;
      j["betweenness"] = b.betweenness;
      j["degree"] = p.graph.Degree(b.node);
      list.push_back(std::move(j));
    }
    PrintJson({{"brokers", list}, {"marking", WholeGraphMarking(ctx)}});
    return;
  }
  for (const auto& b : brokers) {
    const std::string id(rg.Id(p.nodes[b.node]));
    std::cout << fmt::format("constraint {:.3f}  betweenness {:<10.1f} {:<40} {}\n", b.constraint, b.betweenness,
                             Caption(ctx.View(), id), id);
  }
}

}  // namespace

void AddGraphCommands(CLI::App& app, Context& ctx) {
  static NeighboursArgs nb;
  auto* n = app.add_subcommand("neighbours", "entities within K hops (or, with --seeds, how many, for each seed)");
  n->add_option("id", nb.id, "entity id or exact name");
  n->add_option("--hops", nb.hops, "how far (default 1)");
  n->add_option("--seeds", nb.seeds, "a file of entity ids, one a line: one answer per seed, the graph loaded once");
  n->add_flag("--count", nb.count, "only how many");
  n->add_option("--schema", nb.schema, "only neighbours of this schema (or its descendants)");
  n->add_option("--format", nb.format, "write the neighbourhood as graphml, gexf or dot");
  n->add_option("--out", nb.out, "file for --format (default: standard output)");
  nb.ties.Add(n);
  n->callback([&] { Neighbours(ctx, nb); });

  static PathArgs pa;
  auto* p = app.add_subcommand("path", "shortest chains of ties, each hop with its relation, sources and grading");
  p->add_option("from", pa.from, "entity id or exact name");
  p->add_option("to", pa.to, "entity id or exact name");
  p->add_option("--pairs", pa.pairs, "a CSV with header from,to: one answer per pair, the graph loaded once");
  p->add_option("--max-hops", pa.max_hops, "give up beyond this many hops (default 6)");
  p->add_option("--k", pa.k, "the k shortest simple paths (Yen)");
  p->add_flag("--weighted", pa.weighted, "weakly graded ties cost more: prefer a chain on good authority");
  p->add_flag("--time-ordered", pa.time_ordered, "each tie began no earlier than the one before it");
  p->add_flag("--all", pa.all, "every simple path up to --max-hops (at most --cap)");
  p->add_option("--cap", pa.cap, "with --all, stop after this many paths (default 1000)");
  p->add_option("--format", pa.format, "write the path(s) as graphml, gexf or dot");
  p->add_option("--out", pa.out, "file for --format (default: standard output)");
  pa.ties.Add(p);
  p->callback([&] { PathCommand(ctx, pa); });

  static std::string ex_id;
  static std::vector<std::string> ex_topics;
  static int ex_hops = 3;
  static TieOptions ex_ties;
  auto* e = app.add_subcommand("exposure", "entities within K hops that carry risk topics (sanction, role.pep, gov.* ...)");
  e->add_option("id", ex_id, "entity id or exact name")->required();
  e->add_option("--topic", ex_topics, "a topic or a family such as gov.*; repeatable (default: sanctions, PEPs, government, crime)");
  e->add_option("--max-hops", ex_hops, "how far (default 3)");
  ex_ties.Add(e);
  e->callback([&] { Exposure(ctx, ex_id, ex_topics, ex_hops, ex_ties); });

  static std::vector<std::string> net_ids;
  static int net_hops = 4;
  static TieOptions net_ties;
  static std::string net_format, net_out;
  auto* w = app.add_subcommand("network", "the network connecting several entities: every shortest path between each two");
  w->add_option("ids", net_ids, "two or more entity ids or exact names")->required();
  w->add_option("--max-hops", net_hops, "longest path considered between two (default 4)");
  w->add_option("--format", net_format, "write the network as graphml, gexf or dot");
  w->add_option("--out", net_out, "file for --format (default: standard output)");
  net_ties.Add(w);
  w->callback([&] { Network(ctx, net_ids, net_hops, net_ties, net_format, net_out); });

  static std::string cn_a, cn_b;
  static TieOptions cn_ties;
  auto* c = app.add_subcommand("common", "entities tied to both of two entities");
  c->add_option("a", cn_a, "entity id or exact name")->required();
  c->add_option("b", cn_b, "entity id or exact name")->required();
  cn_ties.Add(c);
  c->callback([&] { Common(ctx, cn_a, cn_b, cn_ties); });

  static std::string ce_measure = "degree";
  static std::size_t ce_top = 20;
  static uint32_t ce_sample = 0;
  static TieOptions ce_ties;
  auto* ce = app.add_subcommand("centrality", "the most central entities: degree, PageRank, betweenness or closeness");
  ce->add_option("--measure", ce_measure, "degree | pagerank | betweenness | closeness (default degree)");
  ce->add_option("--top", ce_top, "how many (default 20)");
  ce->add_option("--sample", ce_sample, "betweenness estimated from this many random sources (large graphs)");
  ce_ties.Add(ce);
  ce->callback([&] { Centrality(ctx, ce_measure, ce_top, ce_sample, ce_ties); });

  static std::string co_algorithm = "leiden";
  static std::size_t co_top = 20, co_min = 2;
  static TieOptions co_ties;
  auto* co = app.add_subcommand("communities", "groups of entities more tied to each other than to the rest");
  co->add_option("--algorithm", co_algorithm, "leiden | louvain (default leiden)");
  co->add_option("--top", co_top, "list the largest N (default 20)");
  co->add_option("--min-size", co_min, "list only communities of at least this many (default 2)");
  co_ties.Add(co);
  co->callback([&] { Communities(ctx, co_algorithm, co_top, co_min, co_ties); });

  static std::size_t br_top = 20;
  static TieOptions br_ties;
  auto* br = app.add_subcommand("brokers", "entities that bridge otherwise unconnected contacts (lowest Burt constraint)");
  br->add_option("--top", br_top, "how many (default 20)");
  br_ties.Add(br);
  br->callback([&] { Brokers(ctx, br_top, br_ties); });
}

}  // namespace dossier::cli
