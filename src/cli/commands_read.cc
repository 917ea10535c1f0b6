// search, show: every answer comes from the reader's View.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "query/render.h"

namespace dossier::cli {
using namespace dossier::query;  // the renderings CLI and server share
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
  ctx.SetResults(static_cast<int64_t>(results.size()));
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
  ctx.SetResults(1);
  if (ctx.json()) PrintJson(EntityJson(view, *e));
  else std::cout << EntityText(view, *e);
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
}

}  // namespace dossier::cli
