// init, ingest, sources, stats, export, retract, reindex.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "query/render.h"
#include "ingest/csv.h"
#include "ingest/ingester.h"
#include "ingest/progress.h"
#include "ingest/statements_csv.h"
#include "model/grading.h"
#include "model/schema.h"
#include "model/statement.h"

namespace dossier::cli {
using namespace dossier::query;  // the renderings CLI and server share
namespace {

void Init(Context& ctx, const std::string& levels) {
  auto& store = ctx.Store(true);
  if (!levels.empty()) {
    std::string current = store.Meta("classification_levels");
    if (!current.empty() && current != levels)
      throw CommandError(kUsage, "this store already has classification levels " + current);
    std::vector<std::string> names;
    for (size_t i = 0; i <= levels.size();) {
      size_t j = levels.find('|', i);
      names.push_back(levels.substr(i, j == std::string::npos ? std::string::npos : j - i));
      if (j == std::string::npos) break;
      i = j + 1;
    }
    try {
      model::ClassificationScheme check(names);
    } catch (const std::invalid_argument& e) {
      throw CommandError(kUsage, e.what());
    }
    store.SetMeta("classification_levels", levels);
  }
  if (ctx.json()) PrintJson({{"store", ctx.options().store_path}, {"schema_version", store.SchemaVersion()}});
  else std::cout << "store " << ctx.options().store_path << " ready (schema version " << store.SchemaVersion() << ")\n";
}

struct IngestFlags {
  std::string format, mapping, dataset, reliability, marking, title, kind = "dataset", originator, publisher, url;
  int credibility = 0;
  std::vector<std::string> files;
};

void Ingest(Context& ctx, const IngestFlags& f) {
  auto& store = ctx.Store(true);
  access::Reader reader = [&] {
    try {
      return access::Reader::Resolve(store, ctx.UserName());
    } catch (const access::AccessError& e) {
      throw CommandError(kAccess, e.what());
    }
  }();
  ingest::IngestOptions o;
  o.format = f.format;
  o.mapping = f.mapping;
  o.dataset = f.dataset;
  if (!f.reliability.empty()) {
    auto r = model::ParseReliability(f.reliability);
    if (!r) throw CommandError(kUsage, "--reliability must be A-F, not '" + f.reliability + "'");
    o.reliability = *r;
  }
  if (f.credibility && !model::IsCredibility(f.credibility))
    throw CommandError(kUsage, "--credibility must be 1-6, not " + std::to_string(f.credibility));
  o.credibility = f.credibility;
  if (!f.marking.empty()) model::Marking::Parse(f.marking, reader.scheme());  // fail before reading anything
  if (!model::IsSourceKind(f.kind)) throw CommandError(kUsage, "--kind '" + f.kind + "' is not a source kind");
  o.marking = f.marking;
  o.user = reader.name();
  o.organisation = reader.organisation().code;
  o.progress = !ctx.json() && ingest::StderrIsTerminal();
  o.title = f.title;
  o.kind = f.kind;
  o.originator = f.originator;
  o.publisher = f.publisher;
  o.url = f.url;
  ingest::Ingester ingester(store, o, reader.scheme());
  for (const auto& file : f.files) {
    auto report = ingester.IngestFile(file);
    if (ctx.json()) {
      PrintJson({{"file", report.file}, {"source", report.source}, {"records", report.records},
                 {"statements", report.statements}, {"added", report.added}, {"present", report.present},
                 {"seconds", report.seconds}});
    } else if (f.format == "sources") {
      std::cout << fmt::format("{}: {} sources recorded\n", report.file, report.records);
    } else {
      std::cout << fmt::format("{}: {} records, {} statements ({} new, {} already held) in {:.2f}s\n", report.file,
                               report.records, report.statements, report.added, report.present, report.seconds);
    }
  }
}

void Sources(Context& ctx) {
  auto& view = ctx.View();
  auto sources = view.Sources();
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : sources)
      list.push_back({{"id", s.id}, {"title", s.title}, {"kind", s.kind}, {"originator", s.originator},
                      {"publisher", s.publisher}, {"url", s.url}, {"date", s.date},
                      {"reliability", std::string(1, s.reliability)}, {"protected", s.is_protected}});
    PrintJson({{"sources", list}});
    return;
  }
  for (const auto& s : sources)
    std::cout << fmt::format("{:<28} {}  {:<18} {:<10} {}\n", s.id, s.reliability, s.kind, s.originator, s.title);
}

void Stats(Context& ctx) {
  auto& view = ctx.View();
  int64_t statements = 0;
  std::set<std::string> entities;
  std::map<std::string, int64_t> by_schema;
  std::map<std::string, int64_t> by_marking;
  std::string last_entity;
  view.Scan([&](const store::StoredStatement& s) {
    ++statements;
    by_marking[view.Banner(s.marking)]++;
    if (s.entity_id != last_entity && entities.insert(view.Canonical(s.entity_id)).second) by_schema[s.schema]++;
    last_entity = s.entity_id;
  });
  auto sources = view.Sources();
  auto& store = ctx.Store();
  if (ctx.json()) {
    PrintJson({{"statements", statements}, {"entities", entities.size()}, {"sources", sources.size()},
               {"by_schema", by_schema}, {"by_marking", by_marking}, {"schema_version", store.SchemaVersion()},
               {"bytes_on_disk", view.reader().sees_everything() ? store.FileBytes() : 0}});
    return;
  }
  std::cout << fmt::format("statements {}\nentities   {}\nsources    {}\n", statements, entities.size(), sources.size());
  std::cout << "\nby schema:\n";
  for (const auto& [schema, n] : by_schema) std::cout << fmt::format("  {:<16} {}\n", schema, n);
  std::cout << "\nby marking:\n";
  for (const auto& [banner, n] : by_marking) std::cout << fmt::format("  {:<40} {}\n", banner, n);
}

// What an export holds, for its summary: how many statements, and their
// highest marking (an export is a derived product). Fed by the export's own scan.
struct ExportTally {
  explicit ExportTally(access::View& v) : view(v) {}
  access::View& view;
  int64_t statements = 0;
  model::Marking highest;
  std::set<int64_t> seen_markings;
  void Add(const store::StoredStatement& s) {
    ++statements;
    if (!seen_markings.insert(s.marking).second) return;
    const model::Marking m = view.MarkingOf(s.marking);
    highest = seen_markings.size() == 1 ? m : model::Marking::Highest(highest, m);
  }
};

void ExportFtm(access::View& view, std::ostream& out, const std::string& dataset, ExportTally& tally) {
  std::string current;
  nlohmann::json entity;
  std::set<std::string> datasets;
  auto flush = [&] {
    if (current.empty()) return;
    entity["datasets"] = std::vector<std::string>(datasets.begin(), datasets.end());
    if (!entity.contains("properties")) entity["properties"] = nlohmann::json::object();
    out << entity.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  };
  view.Scan(
      [&](const store::StoredStatement& s) {
        tally.Add(s);
        if (s.entity_id != current) {
          flush();
          current = s.entity_id;
          entity = {{"id", s.entity_id}, {"schema", s.schema}, {"first_seen", s.first_seen}, {"last_seen", s.last_seen}};
          datasets.clear();
        }
        datasets.insert(view.SourceOf(s).id);
        if (s.first_seen < entity["first_seen"].get<std::string>()) entity["first_seen"] = s.first_seen;
        if (s.last_seen > entity["last_seen"].get<std::string>()) entity["last_seen"] = s.last_seen;
        if (s.prop == "id") return;
        auto& values = entity["properties"][s.prop];
        if (std::find(values.begin(), values.end(), s.value) == values.end()) values.push_back(s.value);
      },
      dataset);
  flush();
}

void ExportStatements(access::View& view, std::ostream& out, const std::string& dataset, ExportTally& tally) {
  out << ingest::CsvLine(ingest::StatementsCsvHeader()) << "\n";
  const model::Model& model = model::Model::Default();
  view.Scan(
      [&](const store::StoredStatement& s) {
        tally.Add(s);
        model::Source src = view.SourceOf(s);
        ingest::StatementRow r;
        r.id = model::KeyToHex(s.key);
        r.entity_id = s.entity_id;
        r.canonical_id = view.Canonical(s.entity_id);
        r.prop = s.prop;
        const model::Schema* schema = model.Find(s.schema);
        const model::Property* prop = schema ? schema->Find(s.prop) : nullptr;
        r.prop_type = prop ? std::string(model::TypeName(prop->type)) : "id";
        r.schema = s.schema;
        r.value = s.value;
        r.dataset = src.id;
        r.lang = s.lang;
        r.original_value = s.original_value;
        r.external = "false";
        r.first_seen = s.first_seen;
        r.last_seen = s.last_seen;
        r.credibility = std::to_string(s.credibility);
        r.reliability = std::string(1, src.reliability);
        r.marking = view.Banner(s.marking);
        r.source_title = src.title;
        r.recorded_by = s.recorded_by;
        r.recorded_at = s.recorded_at;
        out << ingest::CsvLine(ingest::StatementsCsvRow(r)) << "\n";
      },
      dataset);
}

void ExportSources(access::View& view, std::ostream& out) {
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    return q + "\"";
  };
  for (const auto& s : view.Sources()) {
    out << "[[source]]\n";
    out << "id = " << quote(s.id) << "\ntitle = " << quote(s.title) << "\nkind = " << quote(s.kind) << "\n";
    if (!s.originator.empty()) out << "originator = " << quote(s.originator) << "\n";
    if (!s.publisher.empty()) out << "publisher = " << quote(s.publisher) << "\n";
    if (!s.url.empty()) out << "url = " << quote(s.url) << "\n";
    if (!s.date.empty()) out << "date = " << quote(s.date) << "\n";
    out << "reliability = \"" << s.reliability << "\"\n";
    if (s.is_protected) out << "protected = true\nsanitised = " << quote(s.sanitised) << "\n";
    out << "\n";
  }
}

void Export(Context& ctx, const std::string& format, const std::string& dataset, const std::string& out_path) {
  auto& view = ctx.View();
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) throw CommandError(kBadInput, "cannot write " + out_path);
  }
  std::ostream& out = out_path.empty() ? std::cout : file;
  if (format != "ftm" && format != "statements" && format != "sources")
    throw CommandError(kUsage, "unknown export format '" + format + "' (ftm, statements, sources, stix)");
  // The export is a derived product: it carries the highest marking of what it holds.
  ExportTally tally(view);
  if (format == "ftm") {
    ExportFtm(view, out, dataset, tally);
  } else if (format == "statements") {
    ExportStatements(view, out, dataset, tally);
  } else {
    ExportSources(view, out);
    view.Scan([&](const store::StoredStatement& s) { tally.Add(s); });  // the statements behind those sources
  }
  const int64_t statements = tally.statements;
  const model::Marking& highest = tally.highest;
  ctx.SetResults(statements);
  const std::string banner = highest.Print(view.reader().scheme());
  if (out_path.empty()) {
    std::cerr << "highest marking of this export: " << banner << "\n";
  } else if (ctx.json()) {
    PrintJson({{"out", out_path}, {"format", format}, {"statements", statements}, {"marking", banner}});
  } else {
    std::cout << banner << "\n" << statements << " statements exported to " << out_path << "\n";
  }
}

void Retract(Context& ctx, const std::string& id, const std::string& reason) {
  auto& view = ctx.View();
  int64_t key;
  auto missing = CommandError(kNotFound, "no statement " + id);
  if (!model::HexToKey(id, &key)) throw missing;
  auto s = view.store().StatementByKey(key);
  if (!s || !view.Visible(*s)) throw missing;
  view.store().Retract(id, view.reader().name(), reason);
  if (ctx.json()) PrintJson({{"retracted", id}});
  else std::cout << "retracted " << id << "\n";
}

}  // namespace

void AddStoreCommands(CLI::App& app, Context& ctx) {
  static std::string levels;
  auto* init = app.add_subcommand("init", "create the store (idempotent)");
  init->add_option("--levels", levels, "classification levels, lowest first, separated by |");
  init->callback([&] { Init(ctx, levels); });

  static IngestFlags flags;
  auto* ingest = app.add_subcommand("ingest", "record the statements of files; each file all or nothing");
  ingest->add_option("--format", flags.format, "ftm | statements | csv | ofac-sdn | un-sc | stix | sources")->required();
  ingest->add_option("--mapping", flags.mapping, "mapping file for --format csv (TOML)");
  ingest->add_option("--dataset", flags.dataset, "source id (default: the file's name)");
  ingest->add_option("--reliability", flags.reliability, "source reliability A-F");
  ingest->add_option("--credibility", flags.credibility, "information credibility 1-6");
  ingest->add_option("--marking", flags.marking, "banner, e.g. 'SECRET//REL TO GBR, DEU'");
  ingest->add_option("--title", flags.title, "the source's title");
  ingest->add_option("--kind", flags.kind, "dataset | report | cable | document | human source report | intercept summary | open source");
  ingest->add_option("--originator", flags.originator, "organisation code of the source's originator");
  ingest->add_option("--publisher", flags.publisher, "the source's publisher");
  ingest->add_option("--url", flags.url, "the source's address");
  ingest->add_option("files", flags.files, "files to ingest")->required();
  ingest->callback([&] { Ingest(ctx, flags); });

  app.add_subcommand("sources", "list the sources you may see")->callback([&] { Sources(ctx); });
  app.add_subcommand("stats", "count what you may see")->callback([&] { Stats(ctx); });

  static std::string export_format, export_dataset, export_out, export_for;
  static bool release_orcon = false;
  auto* exp = app.add_subcommand("export", "write what you may see (FtM JSON lines, statements CSV, sources TOML), "
                                           "or with --for ORG a signed package of what a partner may receive");
  exp->add_option("--format", export_format, "ftm | statements | sources | stix (a STIX 2.1 bundle; with --for, of what ORG may receive)");
  exp->add_option("--dataset", export_dataset, "only this source");
  exp->add_option("--out", export_out, "file to write (default: standard output)");
  exp->add_option("--for", export_for, "partner organisation: write its signed package to --out");
  exp->add_flag("--release-orcon", release_orcon, "with --for: release this instance's own ORCON material to the partner");
  exp->callback([&] {
    if (export_format == "stix") {
      if (!export_dataset.empty()) throw CommandError(kUsage, "export --format stix takes no --dataset");
      ExportStix(ctx, export_for, export_out, release_orcon);
    } else if (!export_for.empty()) {
      if (!export_format.empty() || !export_dataset.empty())
        throw CommandError(kUsage, "export --for writes a whole package; --format and --dataset do not apply");
      ExportPackage(ctx, export_for, export_out, release_orcon);
    } else if (export_format.empty()) {
      throw CommandError(kUsage, "export needs --format ftm|statements|sources, or --for ORG --out PKG");
    } else {
      Export(ctx, export_format, export_dataset, export_out);
    }
  });

  static std::string retract_id, retract_reason;
  auto* retract = app.add_subcommand("retract", "record that a statement is withdrawn (history is kept)");
  retract->add_option("statement", retract_id, "statement id (16 hex digits)")->required();
  retract->add_option("--reason", retract_reason, "why");
  retract->callback([&] { Retract(ctx, retract_id, retract_reason); });

  app.add_subcommand("reindex", "rebuild the name index from the statements")->callback([&] {
    ctx.Store().Reindex(ingest::NameIndexText);
    if (ctx.json()) PrintJson({{"reindexed", true}});
    else std::cout << "name index rebuilt\n";
  });
}

}  // namespace dossier::cli
