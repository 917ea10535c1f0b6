// The subcommands of `dossier`. Each Add* registers one group on the app; the
// callbacks run after parsing, with the global options filled in.
#pragma once
#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace dossier::cli {

void AddStoreCommands(CLI::App& app, Context& ctx);      // init, ingest, sources, stats, export, retract, reindex
void AddReadCommands(CLI::App& app, Context& ctx);       // search, show
void AddGraphCommands(CLI::App& app, Context& ctx);      // neighbours, path, exposure, network, common, centrality, communities, brokers
void AddPrincipalCommands(CLI::App& app, Context& ctx);  // principals
void AddAuditCommands(CLI::App& app, Context& ctx);      // audit verify, audit show
void AddMatchCommands(CLI::App& app, Context& ctx);      // screen, xref, eval-pairs, judge
void AddShareCommands(CLI::App& app, Context& ctx);      // keys, partners, import
void AddDemoCommand(CLI::App& app, Context& ctx);        // demo
void AddServeCommand(CLI::App& app, Context& ctx);       // serve

// export --for ORG: the package of what ORG may receive (commands_share.cc).
void ExportPackage(Context& ctx, const std::string& org, const std::string& out_path, bool release_orcon);
// export --format stix [--for ORG]: a STIX 2.1 bundle of what you may see, or of
// what ORG may receive.
void ExportStix(Context& ctx, const std::string& org, const std::string& out_path, bool release_orcon);

// Runs the whole command line; returns the process exit code.
int Run(int argc, char** argv);

}  // namespace dossier::cli
