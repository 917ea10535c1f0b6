// `dossier demo`: a fresh store from the shipped sample (TrumpWorld, the OFAC
// and UN lists, and the project's own allied report), links people across
// sources, and prints the findings twice: for the analyst who sees everything
// and for a partner service that may see less.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "analysis/findings.h"
#include "analysis/linker.h"
#include "cli/commands.h"
#include "query/render.h"
#include "ingest/ingester.h"
#include "ingest/progress.h"
#include "model/grading.h"

namespace dossier::cli {
using namespace dossier::query;  // the renderings CLI and server share
namespace {

constexpr const char* kHead = "DONALD J. TRUMP";

struct DemoInput {
  std::string file, format, dataset, mapping, title, kind, publisher, url;
  char reliability;
  int credibility;
};

std::vector<DemoInput> Inputs(const std::string& dir) {
  return {
      {dir + "/report/sources.toml", "sources", "", "", "", "", "", "", 'F', 0},
      {dir + "/data/trumpworld.csv", "csv", "trumpworld", dir + "/../mappings/trumpworld.toml",
       "TrumpWorld (BuzzFeed News, 2017)", "open source", "BuzzFeed News", "https://github.com/BuzzFeedNews/trumpworld", 'C', 3},
      {dir + "/data/sdn.csv", "ofac-sdn", "us_ofac_sdn", "", "OFAC Specially Designated Nationals list (2024-05-03)",
       "dataset", "US Department of the Treasury", "https://www.treasury.gov/ofac/downloads/sdn.csv", 'A', 1},
      {dir + "/data/consolidated.xml", "un-sc", "un_sc_sanctions", "", "UN Security Council consolidated list (2025-04-19)",
       "dataset", "United Nations", "https://scsanctions.un.org/resources/xml/en/consolidated.xml", 'A', 1},
      {dir + "/report/statements.csv", "statements", "", "", "", "", "", "", 'F', 0},
  };
}

void PrepareStore(const std::string& path) {
  namespace fs = std::filesystem;
  if (fs::exists(path)) {
    bool was_demo = false;
    try {
      auto old = store::Store::Open(path, false);
      was_demo = old->Meta("demo") == "1";
    } catch (const std::exception&) {
    }
    if (!was_demo)
      throw CommandError(kUsage, path + " exists and is not a demo store; choose another --store for the demo");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  }
}

nlohmann::json RouteJson(access::View& view, const analysis::Route& route) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : route.steps) {
    nlohmann::json ties = nlohmann::json::array();
    for (const auto& t : step.ties) ties.push_back(TieJson(view, t, step.from));
    auto from = view.Get(step.from), to = view.Get(step.to);
    steps.push_back({{"from", step.from}, {"from_caption", from ? from->Caption() : step.from}, {"to", step.to},
                     {"to_caption", to ? to->Caption() : step.to}, {"ties", ties}});
  }
  return {{"hops", steps}, {"length", route.steps.size()}, {"marking", route.marking.Print(view.reader().scheme())}};
}

std::string RouteText(access::View& view, const analysis::Route& route, const std::string& indent) {
  std::string out;
  for (const auto& step : route.steps) {
    out += fmt::format("{}{} -> {}\n", indent, view.Get(step.from)->Caption(), view.Get(step.to)->Caption());
    for (const auto& t : step.ties) {
      std::set<std::string> sources;
      for (const auto* s : access::TieEvidence(t)) sources.insert(SourceLabel(view, *s));
      std::string list;
      for (const auto& s : sources) list += (list.empty() ? "" : "; ") + s;
      out += fmt::format("{}    {}: {}  [{}]  {}  on the word of {}\n", indent, t.schema, t.label,
                         model::Grading(t.reliability, t.credibility),
                         view.Highest(access::TieEvidence(t)).Print(view.reader().scheme()), list);
    }
  }
  return out;
}

struct ReaderReport {
  nlohmann::json json;
  std::string text;
};

ReaderReport Report(store::Store& store, const std::string& user, const std::string& headline) {
  access::View view(store, access::Reader::Resolve(store, user));
  auto subjects = analysis::AdministrationMembers(view, kHead);
  auto findings = analysis::FindHiddenTies(view, subjects);
  const auto& reader = view.reader();
  std::string who = fmt::format("{} ({}, {}, cleared {})", reader.name(), reader.organisation().code,
                                reader.organisation().country, reader.scheme().Name(reader.user().clearance));
  model::Marking overall;
  bool any = false;
  nlohmann::json list = nlohmann::json::array();
  std::string text = fmt::format("\n==== {} — as seen by {} ====\n", headline, who);
  text += fmt::format("{} members of the administration considered; {} findings within 3 hops.\n", subjects.size(),
                      findings.size());
  int n = 0;
  for (const auto& f : findings) {
    auto subject = view.Get(f.subject), target = view.Get(f.target);
    model::Marking m = f.route.marking;
    for (const auto& r : f.onward) m = model::Marking::Highest(m, r.marking);
    overall = any ? model::Marking::Highest(overall, m) : m;
    any = true;
    nlohmann::json onward = nlohmann::json::array();
    for (const auto& r : f.onward) onward.push_back(RouteJson(view, r));
    list.push_back({{"subject", f.subject}, {"subject_caption", subject->Caption()}, {"target", f.target},
                    {"target_caption", target->Caption()}, {"reasons", f.reasons}, {"route", RouteJson(view, f.route)},
                    {"onward", onward}, {"marking", m.Print(reader.scheme())}});
    std::string reasons;
    for (const auto& r : f.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
    text += fmt::format("\n[{}] {} -> {}  ({} hop{})  {}\n", ++n, subject->Caption(), target->Caption(),
                        f.route.steps.size(), f.route.steps.size() == 1 ? "" : "s", m.Print(reader.scheme()));
    text += fmt::format("    {}: {}\n", target->Caption(), reasons);
    text += RouteText(view, f.route, "    ");
    for (const auto& r : f.onward) {
      text += fmt::format("    and on from {}:\n", target->Caption());
      text += RouteText(view, r, "      ");
    }
  }
  std::string banner = any ? overall.Print(reader.scheme()) : reader.scheme().Name(0);
  text += fmt::format("\nThis report carries the highest marking of what it shows: {}\n", banner);
  return {{{"reader", reader.name()}, {"organisation", reader.organisation().code}, {"subjects", subjects.size()},
           {"findings", list}, {"marking", banner}},
          text};
}

void Demo(Context& ctx, const std::string& data_dir, bool store_given) {
  std::string path = store_given ? ctx.options().store_path : "dossier-demo.db";
  PrepareStore(path);
  auto store = store::Store::Open(path, true);
  store->SetMeta("demo", "1");
  // Two partner services. This instance belongs to the Western European one,
  // whose analyst sees all of it; the Baltic service's user sees what was
  // released to it.
  store->PutOrganisation(model::Organisation{"WESTINT", "DEU", "Western European intelligence service (fictional)", {}});
  store->PutOrganisation(model::Organisation{"BALTSEC", "EST", "Baltic security service (fictional)", {}});
  auto scheme = model::ClassificationScheme::Default();
  store->PutUser(model::User{"analyst", "WESTINT", scheme.Level("TOP SECRET"), "admin", {}});
  store->PutUser(model::User{"baltic", "BALTSEC", scheme.Level("SECRET"), "analyst", {}});

  nlohmann::json ingested = nlohmann::json::array();
  bool progress = !ctx.json() && ingest::StderrIsTerminal();
  if (!ctx.json()) std::cout << "Building " << path << " from " << data_dir << "\n";
  for (const auto& in : Inputs(data_dir)) {
    ingest::IngestOptions o;
    o.format = in.format;
    o.dataset = in.dataset;
    o.mapping = in.mapping;
    o.title = in.title;
    o.kind = in.kind.empty() ? "dataset" : in.kind;
    o.publisher = in.publisher;
    o.url = in.url;
    if (in.credibility) {
      o.reliability = in.reliability;
      o.credibility = in.credibility;
    }
    o.user = "analyst";
    o.progress = progress;
    ingest::Ingester ingester(*store, o, scheme);
    auto r = ingester.IngestFile(in.file);
    ingested.push_back({{"file", r.file}, {"statements", r.statements}, {"added", r.added}, {"seconds", r.seconds}});
    if (!ctx.json())
      std::cout << fmt::format("  {:<22} {:>8} {}  {:.1f}s\n", std::filesystem::path(in.file).filename().string(),
                               in.format == "sources" ? r.records : r.statements,
                               in.format == "sources" ? "sources   " : "statements", r.seconds);
  }
  int links = 0;
  {
    access::View everything(*store, access::Reader::Everything());
    auto proposed = analysis::ProposeLinks(everything);
    links = analysis::RecordLinks(*store, proposed, "demo-linker");
    if (!ctx.json())
      std::cout << fmt::format("  linked {} records across sources with the matching engine (score >= {:.2f}, unambiguous)\n",
                               links, analysis::kLinkThreshold);
  }
  auto full = Report(*store, "analyst", "Hidden ties of the US administration, 2017");
  auto partner = Report(*store, "baltic", "Hidden ties of the US administration, 2017");
  const std::string s = path;
  const std::string& d = ctx.options().program;
  if (ctx.json()) {
    PrintJson({{"store", path}, {"ingested", ingested}, {"links", links}, {"reports", {full.json, partner.json}}});
    return;
  }
  std::cout << full.text << partner.text;
  std::cout << "\nExplore further:\n"
            << fmt::format("  {} --store {} --as analyst show \"IGOR SECHIN\"\n", d, s)
            << fmt::format("  {} --store {} --as analyst path \"REX TILLERSON\" \"IGOR SECHIN\"\n", d, s)
            << fmt::format("  {} --store {} --as baltic path \"TRUMP ORGANIZATION LLC\" \"ZIYA MAMMADOV\"\n", d, s)
            << fmt::format("  {} --store {} --as analyst neighbours \"ZIYA MAMMADOV\" --hops 2\n", d, s)
            << fmt::format("  {} --store {} --as analyst search \"сечин\"\n", d, s)
            << fmt::format("  {} --store {} --as baltic sources\n", d, s)
            << fmt::format("  {} --store {} --as analyst export --format statements --dataset westint-liaison-2017\n", d, s);
}

}  // namespace

void AddDemoCommand(CLI::App& app, Context& ctx) {
  static std::string data_dir = DOSSIER_DEMO_DIR;
  auto* demo = app.add_subcommand("demo", "build a store from the shipped sample and print the findings");
  demo->add_option("--data", data_dir, "the demo folder (default: the one shipped with the source)");
  CLI::App* root = &app;
  demo->callback([&ctx, root] { Demo(ctx, data_dir, root->get_option("--store")->count() > 0 || std::getenv("DOSSIER_STORE")); });
}

}  // namespace dossier::cli
