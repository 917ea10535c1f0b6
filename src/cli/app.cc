#include <cstdlib>
#include <iostream>

#include "access/reader.h"
#include "cli/commands.h"
#include "ingest/error.h"
#include "model/marking.h"
#include "store/sqlite.h"

namespace dossier::cli {

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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  } catch (const CommandError& e) {
    std::cerr << "dossier: " << e.what() << "\n";
    return e.code();
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
