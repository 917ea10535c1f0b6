#include <cstdlib>
#include <iostream>

#include "access/reader.h"
#include "cli/commands.h"
#include "ingest/error.h"
#include "model/marking.h"
#include "query/session.h"
#include "store/sqlite.h"

namespace dossier::cli {

namespace {

// The commands that read what a user may see; each run is audited.
bool IsRead(const std::string& command) {
  static const char* kReads[] = {"search", "show", "neighbours", "path", "exposure", "network", "common",
                                 "centrality", "communities", "brokers", "sources", "stats", "export"};
  for (const char* r : kReads)
    if (command == r) return true;
  return false;
}

// Appends the audit entry of a read command (ok or not found): who, what was
// asked (the command line after the command's name), how many results.
void AuditRead(CLI::App& app, Context& ctx, int argc, char** argv, const std::string& outcome) {
  const auto chosen = app.get_subcommands();
  if (chosen.empty() || !IsRead(chosen.front()->get_name()) || ctx.audited()) return;
  access::View* view = ctx.view_if_opened();
  if (!view) return;
  const std::string name = chosen.front()->get_name();
  nlohmann::json args = nlohmann::json::array();
  bool after = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    // A token given after the command is a secret: never into the log.
    if (arg == "--token") {
      ++i;
      continue;
    }
    if (arg.rfind("--token=", 0) == 0) continue;
    if (after) args.push_back(arg);
    after = after || name == arg;
  }
  nlohmann::json detail = {{"args", args}};
  if (!outcome.empty()) detail["outcome"] = outcome;
  view->store().AppendAudit(view->reader().name(), name, detail.dump(), ctx.results());
}

}  // namespace

int Run(int argc, char** argv) {
  CLI::App app{"dossier: statements with sources, grading and markings; search, ties and findings", "dossier"};
  app.require_subcommand(1);
  app.set_version_flag("--version", DOSSIER_VERSION);
  GlobalOptions options;
  if (argc > 0 && argv[0] && *argv[0]) options.program = argv[0];
  const char* env_store = std::getenv("DOSSIER_STORE");
  const char* env_user = std::getenv("DOSSIER_USER");
  options.store_path = env_store && *env_store ? env_store : "dossier.db";
  options.as_user = env_user ? env_user : "";
  app.add_option("--store", options.store_path, "store file (default: $DOSSIER_STORE, then ./dossier.db)");
  app.add_option("--as", options.as_user, "read as this user (default: $DOSSIER_USER)");
  const char* env_token = std::getenv("DOSSIER_TOKEN");
  options.token = env_token ? env_token : "";
  app.add_option("--token", options.token, "act as the user of this API token (default: $DOSSIER_TOKEN)");
  app.add_flag("--json", options.json, "JSON output (one document, or JSON lines for streams)");
  // Subcommands also accept --json after their name.
  app.fallthrough();

  Context ctx(options);  // reads `options` when commands run, after parsing
  AddStoreCommands(app, ctx);
  AddReadCommands(app, ctx);
  AddGraphCommands(app, ctx);
  AddPrincipalCommands(app, ctx);
  AddAuditCommands(app, ctx);
  AddMatchCommands(app, ctx);
  AddShareCommands(app, ctx);
  AddDemoCommand(app, ctx);
  AddServeCommand(app, ctx);

  // A read that found nothing is audited too: probing for hidden entities shows.
  auto Fail = [&](int code, const std::string& message) {
    if (!message.empty()) std::cerr << "dossier: " << message << "\n";
    if (code == kNotFound) {
      try {
        AuditRead(app, ctx, argc, argv, "not found");
      } catch (const std::exception&) {
      }
    }
    return code;
  };
  try {
    app.parse(argc, argv);
    AuditRead(app, ctx, argc, argv, "");
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  } catch (const CommandError& e) {
    return Fail(e.code(), e.what());
  } catch (const query::QueryError& e) {
    switch (e.kind()) {
      case query::QueryError::kNotFound: return Fail(kNotFound, e.what());
      case query::QueryError::kBadRequest: return Fail(kUsage, e.what());
      case query::QueryError::kForbidden: return Fail(kAccess, e.what());
      case query::QueryError::kInternal: break;
    }
    return Fail(kStoreError, e.what());
  } catch (const ingest::IngestError& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return kBadInput;
  } catch (const model::MarkingError& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return kBadInput;
  } catch (const access::AccessError& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return kAccess;
  } catch (const store::StoreError& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return kStoreError;
  } catch (const std::exception& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return kBadInput;
  }
  return kOk;
}

}  // namespace dossier::cli
