// Link analysis: neighbours, path, exposure, network, common, centrality,
// communities, brokers. Every answer comes from the reader's ReaderGraph; hops
// are rendered through the reader's View (sources sanitised, gradings, markings).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "query/links.h"
#include "query/render.h"
#include "graph/centrality.h"
#include "graph/communities.h"
#include "graph/export.h"
#include "graph/paths.h"
#include "graph/projection.h"
#include "ingest/csv.h"
#include "model/grading.h"

namespace dossier::cli {
using namespace dossier::query;  // the renderings CLI and server share
namespace {

using graph::Path;
using graph::ReaderGraph;

// The options shared by the questions that cross ties.
struct TieOptions : query::TieQuery {
  void Add(CLI::App* cmd) {
    cmd->add_option("--relation", relations, "only ties of this schema (Ownership, Family ...); repeatable");
    cmd->add_option("--min-grading", min_grading, "only ties graded at least this well, e.g. B2 or C3");
    cmd->add_option("--as-of", as_of, "only ties that had begun and not ended on this date (YYYY[-MM[-DD]])");
  }
};

// Like NodeOf, for batch rows: nullopt (with the reason) instead of throwing.
std::optional<uint32_t> TryNodeOf(Context& ctx, const std::string& arg, std::string& why) {
  try {
    return NodeOf(ctx, arg);
  } catch (const QueryError& e) {
    why = e.what();
    return std::nullopt;
  }
}

// A path for people: a header line, then one line a hop.
std::string PathText(const nlohmann::json& path) {
  std::string out = fmt::format("{} hops, marking {}\n", path["length"].get<int>(), path.value("marking", ""));
  for (const auto& h : path["hops"]) out += "  " + HopLine(h) + "\n";
  return out;
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
  if (!a.format.empty()) {
    std::vector<uint32_t> nodes{node};
    for (const auto& [n, d] : answer(node)) nodes.push_back(n);
    const auto hops = TiesAmong(ctx, nodes, filter);
    return WriteExport(SubgraphOf(ctx, nodes, hops, HighestOf(ctx, hops)), a.format, a.out);
  }
  const nlohmann::json j = NeighboursJson(ctx, a.id, a.hops, a.schema, a.ties);
  ctx.SetResults(j["count"].get<int64_t>());
  if (ctx.json()) return PrintJson(j);
  for (const auto& n : j["neighbours"])
    std::cout << fmt::format("{}  {:<40} {:<14} {}\n", n["distance"].get<int>(), n["caption"].get<std::string>(),
                             n["schema"].get<std::string>(), n["id"].get<std::string>());
  std::cout << j["count"].get<std::size_t>() << " entities within " << a.hops << " hops\n";
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
        std::cout << row[0] << " -> " << row[1] << ": " << (p ? PathText(PathJson(ctx, *p, a.weighted)) : "no path" + (why.empty() ? "" : " (" + why + ")") + "\n");
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
    for (const auto& p : paths) {
      nodes.insert(nodes.end(), p.nodes.begin(), p.nodes.end());
      auto r = Render(ctx, p);
      hops.insert(hops.end(), r.hops.begin(), r.hops.end());
    }
    WriteExport(SubgraphOf(ctx, nodes, hops, HighestOf(ctx, hops)), a.format, a.out);
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
      std::cout << PathText(PathJson(ctx, paths[i], a.weighted));
    }
    if (capped) std::cout << "(more paths exist: raise --cap)\n";
  }
  if (paths.empty()) throw CommandError(kNotFound, "");
}

// ---- exposure, network, common -----------------------------------------------

void Exposure(Context& ctx, const std::string& arg, const std::vector<std::string>& topics, int max_hops,
              const TieOptions& ties) {
  const nlohmann::json j = ExposureJson(ctx, arg, topics, max_hops, ties);
  ctx.SetResults(j["count"].get<int64_t>());
  if (ctx.json()) return PrintJson(j);
  for (const auto& e : j["exposed"]) {
    const int distance = e["distance"].get<int>();
    std::cout << fmt::format("{} hop{}  weakest {}  {} [{}]  {}\n", distance, distance == 1 ? "" : "s",
                             e["weakest"].get<std::string>(), e["caption"].get<std::string>(), e["schema"].get<std::string>(),
                             e["matched_topics"].dump());
    for (const auto& h : e["path"]["hops"]) std::cout << "    " << HopLine(h) << "\n";
  }
  const std::string marking = j["marking"];
  std::cout << j["count"].get<std::size_t>() << " exposed entities within " << max_hops << " hops"
            << (marking.empty() ? "" : ", marking " + marking) << "\n";
}

void Network(Context& ctx, const std::vector<std::string>& args, int max_hops, const TieOptions& ties, const std::string& format,
             const std::string& out) {
  graph::Subgraph subgraph;
  const nlohmann::json j = NetworkJson(ctx, args, max_hops, ties, format.empty() ? nullptr : &subgraph);
  ctx.SetResults(static_cast<int64_t>(j["nodes"].size()));
  if (!format.empty()) return WriteExport(subgraph, format, out);
  if (ctx.json()) return PrintJson(j);
  const std::string marking = j["marking"];
  std::cout << fmt::format("{} entities, {} ties{}\n", j["nodes"].size(), j["ties"].size(), marking.empty() ? "" : ", marking " + marking);
  for (const auto& h : j["ties"]) std::cout << "  " << HopLine(h) << "\n";
  for (const auto& pair : j["unconnected"])
    std::cout << fmt::format("  no path within {} hops between {} and {}\n", max_hops, pair[0].get<std::string>(),
                             pair[1].get<std::string>());
}

void Common(Context& ctx, const std::string& a, const std::string& b, const TieOptions& ties) {
  const nlohmann::json j = CommonJson(ctx, a, b, ties);
  ctx.SetResults(j["count"].get<int64_t>());
  if (ctx.json()) return PrintJson(j);
  for (const auto& n : j["common"])
    std::cout << fmt::format("{:<40} {:<14} {}\n", n["caption"].get<std::string>(), n["schema"].get<std::string>(),
                             n["id"].get<std::string>());
  std::cout << j["count"].get<std::size_t>() << " common neighbours\n";
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
