// search, show, neighbours, path: every answer comes from the reader's View.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/render.h"

namespace dossier::cli {
namespace {

std::string ResolveOrFail(access::View& view, const std::string& arg) {
  try {
    return view.Resolve(arg);
  } catch (const access::AccessError& e) {
    throw CommandError(kNotFound, e.what());
  }
}

void Search(Context& ctx, const std::string& text, const std::string& schema, size_t limit) {
  auto& view = ctx.View();
  if (!schema.empty() && !model::Model::Default().Find(schema)) throw CommandError(kUsage, "unknown schema '" + schema + "'");
  auto results = view.Search(text, schema, limit);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results)
      list.push_back({{"id", r.id}, {"caption", r.caption}, {"schema", r.schema}, {"score", r.score}, {"matched", r.matched}});
    PrintJson({{"query", text}, {"results", list}});
    return;
  }
  if (results.empty()) std::cout << "no match for '" << text << "'\n";
  for (const auto& r : results)
    std::cout << fmt::format("{:.2f}  {:<40} {:<14} {}\n", r.score, r.caption, r.schema, r.id);
}

void Show(Context& ctx, const std::string& arg) {
  auto& view = ctx.View();
  std::string id = ResolveOrFail(view, arg);
  auto e = view.Get(id);
  if (!e) throw CommandError(kNotFound, "no entity with id or name '" + arg + "'");
  if (ctx.json()) PrintJson(EntityJson(view, *e));
  else std::cout << EntityText(view, *e);
}

void Neighbours(Context& ctx, const std::string& arg, int hops, const std::string& relation) {
  auto& view = ctx.View();
  if (hops < 1) throw CommandError(kUsage, "--hops must be at least 1");
  if (!relation.empty() && !model::Model::Default().Find(relation))
    throw CommandError(kUsage, "unknown relation schema '" + relation + "'");
  std::string id = ResolveOrFail(view, arg);
  auto found = view.Neighbours(id, hops, relation);
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [n, d] : found) {
      auto e = view.Get(n);
      list.push_back({{"id", n}, {"caption", e ? e->Caption() : n}, {"schema", e ? e->schema : ""}, {"distance", d}});
    }
    PrintJson({{"id", id}, {"hops", hops}, {"count", found.size()}, {"neighbours", list}});
    return;
  }
  for (const auto& [n, d] : found) {
    auto e = view.Get(n);
    std::cout << fmt::format("{}  {:<40} {:<14} {}\n", d, e ? e->Caption() : n, e ? e->schema : "", n);
  }
  std::cout << found.size() << " entities within " << hops << " hops\n";
}

void Path(Context& ctx, const std::string& from_arg, const std::string& to_arg, int max_hops) {
  auto& view = ctx.View();
  std::string from = ResolveOrFail(view, from_arg), to = ResolveOrFail(view, to_arg);
  auto path = view.Path(from, to, max_hops);
  std::vector<const store::StoredStatement*> evidence;
  if (path)
    for (const auto& h : *path)
      for (const auto* s : TieEvidence(h.tie)) evidence.push_back(s);
  std::string marking = path ? view.Highest(evidence).Print(view.reader().scheme()) : "";
  if (ctx.json()) {
    nlohmann::json hops = nlohmann::json::array();
    if (path)
      for (const auto& h : *path) hops.push_back(HopJson(view, h));
    PrintJson({{"from", from}, {"to", to}, {"length", path ? nlohmann::json(path->size()) : nlohmann::json()},
               {"hops", hops}, {"marking", marking}});
  } else if (path) {
    std::cout << fmt::format("{} hops, marking {}\n", path->size(), marking);
    for (const auto& h : *path) std::cout << "  " << HopText(view, h) << "\n";
  } else {
    std::cout << fmt::format("no path within {} hops\n", max_hops);
  }
  if (!path) throw CommandError(kNotFound, "");
}

}  // namespace

void AddReadCommands(CLI::App& app, Context& ctx) {
  static std::string search_text, search_schema;
  static size_t search_limit = 10;
  auto* search = app.add_subcommand("search", "find entities by name, in any case, accents, script or word order");
  search->add_option("text", search_text, "name or part of one")->required();
  search->add_option("--schema", search_schema, "only entities of this schema (or its descendants)");
  search->add_option("--limit", search_limit, "at most this many results (default 10)");
  search->callback([&] { Search(ctx, search_text, search_schema, search_limit); });

  static std::string show_id;
  auto* show = app.add_subcommand("show", "every visible statement of an entity, with sources, grading, markings and ties");
  show->add_option("id", show_id, "entity id or exact name")->required();
  show->callback([&] { Show(ctx, show_id); });

  static std::string nb_id, nb_relation;
  static int nb_hops = 1;
  auto* nb = app.add_subcommand("neighbours", "entities within K hops");
  nb->add_option("id", nb_id, "entity id or exact name")->required();
  nb->add_option("--hops", nb_hops, "how far (default 1)");
  nb->add_option("--relation", nb_relation, "only ties of this schema (Ownership, Family, ...)");
  nb->callback([&] { Neighbours(ctx, nb_id, nb_hops, nb_relation); });

  static std::string path_from, path_to;
  static int path_max = 6;
  auto* path = app.add_subcommand("path", "a shortest chain of ties, each hop with its relation, source and grading");
  path->add_option("from", path_from, "entity id or exact name")->required();
  path->add_option("to", path_to, "entity id or exact name")->required();
  path->add_option("--max-hops", path_max, "give up beyond this many hops (default 6)");
  path->callback([&] { Path(ctx, path_from, path_to, path_max); });
}

}  // namespace dossier::cli
