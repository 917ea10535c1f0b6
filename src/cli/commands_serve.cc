// `dossier serve`: the HTTP API and the web page over one store (server/).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "server/http_server.h"

namespace dossier::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  std::string web = std::string(DOSSIER_SOURCE_DIR) + "/web/dist";
  std::string mappings = std::string(DOSSIER_SOURCE_DIR) + "/mappings";
  int threads = 16;
  std::size_t max_body_mb = 256;
};

void Serve(Context& ctx, const ServeArgs& a) {
  server::ServeOptions o;
  o.store_path = ctx.options().store_path;
  if (!std::filesystem::exists(o.store_path))
    throw CommandError(kStoreError, "no store at " + o.store_path + " (run `dossier --store " + o.store_path + " init` first)");
  const auto colon = a.listen.rfind(':');
  if (colon == std::string::npos) throw CommandError(kUsage, "--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  o.host = a.listen.substr(0, colon);
  try {
    std::size_t used = 0;
    o.port = std::stoi(a.listen.substr(colon + 1), &used);
    if (used != a.listen.size() - colon - 1 || o.port < 0 || o.port > 65535) throw std::invalid_argument("port");
  } catch (const std::exception&) {
    throw CommandError(kUsage, "--listen '" + a.listen + "': the port must be a number 0-65535");
  }
  if (a.threads < 1 || a.threads > 64) throw CommandError(kUsage, "--threads must be between 1 and 64");
  o.threads = a.threads;
  o.web_dir = a.web;
  o.mappings_dir = a.mappings;
  o.max_body = a.max_body_mb << 20;
  const bool open_store = ctx.Store().Users().empty();
  try {
    server::Serve(o, [&](int port) {
      if (ctx.json()) PrintJson({{"listen", fmt::format("http://{}:{}", o.host, port)}, {"port", port}, {"store", o.store_path}});
      std::cerr << fmt::format("dossier serve: http://{}:{}/ over {}{}\n", o.host, port, o.store_path,
                               open_store ? " (the store has no users: whoever reaches this port sees everything)" : "");
      std::cout.flush();
    });
  } catch (const std::runtime_error& e) {
    throw CommandError(kUsage, e.what());
  }
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  static ServeArgs args;
  auto* serve = app.add_subcommand("serve", "the HTTP API (OpenAPI at /openapi.json, yente's /match, TAXII 2.1) and the web page");
  serve->add_option("--listen", args.listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
  serve->add_option("--web", args.web, "the built web page (default: web/dist of the source tree)");
  serve->add_option("--mappings", args.mappings, "CSV mapping files an upload may name (default: mappings/ of the source tree)");
  serve->add_option("--threads", args.threads, "request threads (default 16): each open keep-alive connection holds one");
  serve->add_option("--max-body", args.max_body_mb, "largest upload, in MiB (default 256)");
  serve->callback([&] { Serve(ctx, args); });
}

}  // namespace dossier::cli
