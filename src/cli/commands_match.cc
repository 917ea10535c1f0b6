// screen, xref, eval-pairs, judge: the matching engine on the command line.
// Screening and cross-referencing read through the reader's view only (the
// corpus is built from it); every screening and judgement goes to the audit log.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "query/judgements.h"
#include "ingest/csv.h"
#include "ingest/error.h"
#include "ingest/progress.h"
#include "match/pair_eval.h"
#include "resolve/corpus.h"
#include "resolve/screen.h"
#include "resolve/xref.h"
#include "resolve/yente.h"

namespace dossier::cli {
namespace {

std::unique_ptr<resolve::MatchCorpus> BuildCorpus(access::View& view) {
  ingest::Progress progress("match index", 0, ingest::StderrIsTerminal());
  auto corpus = resolve::MatchCorpus::Build(view, [&](size_t done, size_t) { progress.Update(done, done); });
  progress.Finish(corpus->size());
  return corpus;
}

struct ScreenArgs {
  std::string file, name, schema, birth_date, nationality, country, id_number, gender;
  std::vector<std::string> datasets, topics;
  double threshold = 0.7;
  size_t limit = 5;
  int threads = 2;
  bool csv = false;
};

// One query, numbered by its line in the batch file (0 for flags).
struct NumberedQuery {
  long line = 0;
  resolve::ScreenQuery query;
  std::string error;  // when the row could not be read
};

std::vector<NumberedQuery> ReadQueries(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError(kBadInput, path + ": cannot be read");
  std::vector<NumberedQuery> out;
  bool csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  if (csv) {
    ingest::CsvReader reader(in, path);
    std::vector<std::string> header, row;
    try {
      if (!reader.Next(header)) throw CommandError(kBadInput, path + ": empty file: expected a header row");
      while (reader.Next(row)) {
        NumberedQuery q;
        q.line = reader.line();
        try {
          q.query = resolve::QueryFromCsv(header, row);
          if (q.query.id.empty()) q.query.id = std::to_string(q.line);
        } catch (const resolve::QueryError& e) {
          q.error = e.what();
        }
        out.push_back(std::move(q));
      }
    } catch (const ingest::IngestError& e) {
      throw CommandError(kBadInput, e.what());
    }
    return out;
  }
  std::string text;
  long line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    NumberedQuery q;
    q.line = line;
    try {
      q.query = resolve::QueryFromJson(nlohmann::json::parse(text));
      if (q.query.id.empty()) q.query.id = std::to_string(line);
    } catch (const nlohmann::json::exception& e) {
      q.error = std::string("not JSON: ") + e.what();
    } catch (const resolve::QueryError& e) {
      q.error = e.what();
    }
    out.push_back(std::move(q));
  }
  return out;
}

std::string Cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void Screen(Context& ctx, const ScreenArgs& args) {
  if (args.threshold < 0 || args.threshold > 1) throw CommandError(kUsage, "--threshold must be between 0 and 1");
  std::vector<NumberedQuery> queries;
  if (!args.file.empty()) {
    if (!args.name.empty()) throw CommandError(kUsage, "give a batch FILE or --name, not both");
    queries = ReadQueries(args.file);
  } else {
    if (args.name.empty()) throw CommandError(kUsage, "give a name (--name) or a batch FILE");
    NumberedQuery q;
    q.query.id = "query";
    q.query.schema = args.schema.empty() ? "LegalEntity" : args.schema;
    q.query.properties["name"].push_back(args.name);
    if (!args.birth_date.empty()) q.query.properties["birthDate"].push_back(args.birth_date);
    if (!args.nationality.empty()) q.query.properties["nationality"].push_back(args.nationality);
    if (!args.country.empty()) q.query.properties["country"].push_back(args.country);
    if (!args.id_number.empty()) q.query.properties["idNumber"].push_back(args.id_number);
    if (!args.gender.empty()) q.query.properties["gender"].push_back(args.gender);
    queries.push_back(std::move(q));
  }
  for (auto& q : queries) {
    if (!q.error.empty()) continue;
    if (auto why = resolve::InvalidQuery(q.query)) q.error = *why;
  }

  auto& view = ctx.View();
  auto corpus = BuildCorpus(view);
  resolve::ScreenOptions options;
  options.threshold = args.threshold;
  options.limit = args.limit;
  options.datasets = args.datasets;
  options.topics = args.topics;

  std::vector<resolve::ScreenAnswer> answers(queries.size());
  {
    ingest::Progress progress("screen", queries.size(), ingest::StderrIsTerminal() && queries.size() > 1);
    std::atomic<size_t> next{0}, done{0};
    std::mutex mu;
    auto work = [&] {
      for (size_t i = next++; i < queries.size(); i = next++) {
        if (queries[i].error.empty()) answers[i] = resolve::Screen(*corpus, queries[i].query, options);
        size_t d = ++done;
        if (d % 256 == 0) {
          std::lock_guard lock(mu);
          progress.Update(d, d);
        }
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, args.threads); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    progress.Finish(queries.size());
  }

  // The audit log records who screened what and what they were shown.
  nlohmann::json audit_answers = nlohmann::json::array();
  int64_t shown = 0, bad = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& h : answers[i].hits) results.push_back({corpus->entity(h.entity).id, h.result.score});
    shown += static_cast<int64_t>(answers[i].hits.size());
    nlohmann::json props = nlohmann::json::object();
    for (const auto& [p, v] : queries[i].query.properties) props[p] = v;
    audit_answers.push_back({{"query", queries[i].query.id}, {"schema", queries[i].query.schema},
                             {"properties", props}, {"results", results}});
  }
  nlohmann::json detail = {{"file", args.file}, {"threshold", args.threshold}, {"datasets", args.datasets},
                           {"topics", args.topics}, {"answers", audit_answers}};
  view.store().AppendAudit(view.reader().name(), "screen", detail.dump(), shown);

  for (size_t i = 0; i < queries.size(); ++i) {
    const auto& q = queries[i];
    if (!q.error.empty()) {
      ++bad;
      std::string message = (args.file.empty() ? std::string("query") : args.file + ":" + std::to_string(q.line)) +
                            ": " + q.error;
      if (ctx.json()) PrintJson({{"id", q.query.id}, {"line", q.line}, {"error", message}});
      else std::cerr << "dossier: " << message << "\n";
      continue;
    }
    const auto& a = answers[i];
    if (ctx.json()) {
      PrintJson(resolve::AnswerJson(*corpus, a));
      continue;
    }
    if (args.csv) {
      if (i == 0) std::cout << "query,rank,id,caption,schema,score,match,datasets\n";
      int rank = 0;
      for (const auto& h : a.hits) {
        const auto& e = corpus->entity(h.entity);
        std::string datasets;
        for (const auto& d : e.datasets) datasets += (datasets.empty() ? "" : ";") + d;
        std::cout << fmt::format("{},{},{},{},{},{:.3f},{},{}\n", Cell(a.query_id), ++rank, Cell(e.id), Cell(e.caption),
                                 e.schema, h.result.score, h.match ? "true" : "false", Cell(datasets));
      }
      continue;
    }
    std::cout << fmt::format("{} ({} result{})\n", a.query_id, a.hits.size(), a.hits.size() == 1 ? "" : "s");
    for (const auto& w : a.warnings) std::cout << "  note: " << w << "\n";
    for (const auto& h : a.hits) {
      const auto& e = corpus->entity(h.entity);
      std::cout << fmt::format("  {:.3f} {} {:<36} {:<12} {}\n", h.result.score, h.match ? "MATCH" : "     ", e.caption,
                               e.schema, e.id);
      for (const auto& f : h.result.features)
        if (f.contribution != 0)
          std::cout << fmt::format("          {:+.2f} {:<20} {}\n", f.contribution, f.name, f.detail);
    }
  }
  if (bad) throw CommandError(kBadInput, fmt::format("{} of {} queries could not be read", bad, queries.size()));
}

struct XrefArgs {
  std::vector<std::string> datasets, against;
  double threshold = 0.7, auto_accept = 0;
  size_t limit = 0;
  int threads = 2;
};

void Xref(Context& ctx, const XrefArgs& args) {
  if (args.threshold < 0 || args.threshold > 1) throw CommandError(kUsage, "--threshold must be between 0 and 1");
  if (args.auto_accept != 0 && (args.auto_accept < args.threshold || args.auto_accept > 1))
    throw CommandError(kUsage, "--auto-accept must be between the threshold and 1");
  auto& view = ctx.View();
  if (args.auto_accept != 0 && view.reader().user().role == "reader")
    throw CommandError(kAccess, "readers may not record judgements");
  auto corpus = BuildCorpus(view);
  resolve::JudgedPairs judged;
  for (const auto& j : view.store().Judgements()) judged.insert({std::min(j.a, j.b), std::max(j.a, j.b)});
  resolve::XrefOptions options;
  options.datasets = args.datasets;
  options.against = args.against;
  options.threshold = args.threshold;
  options.limit = args.limit;
  options.threads = args.threads;
  ingest::Progress progress("xref", corpus->size(), ingest::StderrIsTerminal());
  auto pairs = resolve::Xref(*corpus, judged, options, [&](size_t done, size_t) { progress.Update(done, done); });
  progress.Finish(corpus->size());

  int accepted = 0;
  for (const auto& p : pairs) {
    const auto& a = corpus->entity(p.a);
    const auto& b = corpus->entity(p.b);
    bool accept = args.auto_accept != 0 && p.result.score >= args.auto_accept;
    if (accept) {
      view.store().PutJudgement(store::Judgement{a.id, b.id, "positive", view.reader().name(), ""});
      ++accepted;
    }
    if (ctx.json()) {
      nlohmann::json line = {{"a", a.id}, {"b", b.id}, {"score", p.result.score},
                             {"explanations", resolve::ExplanationsJson(p.result)}};
      if (accept) line["accepted"] = true;
      PrintJson(line);
    } else {
      std::cout << fmt::format("{:.3f}{} {} ({})  ~  {} ({})\n", p.result.score, accept ? " accepted" : "", a.caption,
                               a.id, b.caption, b.id);
    }
  }
  nlohmann::json detail = {{"datasets", args.datasets}, {"against", args.against}, {"threshold", args.threshold},
                           {"auto_accept", args.auto_accept}, {"accepted", accepted}};
  view.store().AppendAudit(view.reader().name(), "xref", detail.dump(), static_cast<int64_t>(pairs.size()));
  if (!ctx.json()) std::cerr << fmt::format("{} pairs; {} accepted\n", pairs.size(), accepted);
}

void EvalPairs(Context& ctx, const std::string& path, double threshold) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError(kBadInput, path + ": cannot be read");
  match::PairFile file = match::ReadLabelledPairs(in);
  for (const auto& e : file.errors) std::cerr << fmt::format("dossier: {}:{}: {}\n", path, e.line, e.message);
  if (file.rows.empty()) throw CommandError(kBadInput, path + ": no labelled pairs");
  const match::Scorer& scorer = match::Scorer::Default();
  auto report = match::EvaluatePairs(file.rows, scorer, threshold);
  auto metrics = [](const match::Metrics& m) {
    return nlohmann::json{{"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1}, {"accuracy", m.accuracy},
                          {"threshold", m.threshold}};
  };
  if (ctx.json()) {
    nlohmann::json by_schema = nlohmann::json::object();
    for (const auto& g : report.per_schema) {
      auto m = metrics(g.at_threshold);
      m["pairs"] = g.pairs;
      m["best_threshold"] = g.best.threshold;
      m["best_f1"] = g.best.f1;
      by_schema[g.schema] = m;
    }
    auto doc = metrics(report.overall.at_threshold);
    doc["best_threshold"] = report.overall.best.threshold;
    doc["best_f1"] = report.overall.best.f1;
    doc["pairs"] = report.overall.pairs;
    doc["errors"] = file.errors.size();
    doc["algorithm"] = report.algorithm;
    doc["by_schema"] = by_schema;
    PrintJson(doc);
  } else {
    std::cout << fmt::format("{} pairs, algorithm {}, threshold {:.2f}\n", report.overall.pairs, report.algorithm, threshold);
    std::cout << fmt::format("{:<14} {:>6} {:>9} {:>7} {:>6} {:>8}   {:>9} {:>7}\n", "schema", "pairs", "precision",
                             "recall", "f1", "accuracy", "best at", "best f1");
    auto row = [](const match::PairEvalGroup& g, const std::string& name) {
      const auto& m = g.at_threshold;
      std::cout << fmt::format("{:<14} {:>6} {:>9.4f} {:>7.4f} {:>6.4f} {:>8.4f}   {:>9.3f} {:>7.4f}\n", name, g.pairs,
                               m.precision, m.recall, m.f1, m.accuracy, g.best.threshold, g.best.f1);
    };
    for (const auto& g : report.per_schema) row(g, g.schema);
    row(report.overall, "all");
  }
  if (!file.errors.empty()) throw CommandError(kBadInput, fmt::format("{} rows could not be read", file.errors.size()));
}

void Judge(Context& ctx, const std::string& a, const std::string& b, const std::string& verdict, bool undo) {
  const nlohmann::json j = query::Judge(ctx.View(), a, b, verdict, undo);
  if (j.value("apart", false))
    std::cerr << "dossier: recorded, but " << j["a"].get<std::string>() << " and " << j["b"].get<std::string>()
              << " stay apart: a negative judgement keeps members of their clusters apart\n";
  if (ctx.json()) return PrintJson(j);
  const std::string ida = j["a"], idb = j["b"];
  if (j.value("undone", false)) std::cout << fmt::format("{} and {}: judgement withdrawn\n", ida, idb);
  else if (j.contains("note")) std::cout << ida << " and " << idb << " are already one entity\n";
  else std::cout << fmt::format("{} {} {}\n", ida, verdict == "positive" ? "=" : (verdict == "negative" ? "!=" : "?="), idb);
}

}  // namespace

void AddMatchCommands(CLI::App& app, Context& ctx) {
  static ScreenArgs screen_args;
  auto* screen = app.add_subcommand("screen", "screen names against what you may see (sanctions, PEPs, any dataset)");
  screen->add_option("file", screen_args.file, "batch of queries: JSON lines as yente's, or CSV with a header");
  screen->add_option("--name", screen_args.name, "one name to screen");
  screen->add_option("--schema", screen_args.schema, "schema of the query (default LegalEntity; Person, Company...)");
  screen->add_option("--birth-date", screen_args.birth_date, "birth date (YYYY, YYYY-MM or YYYY-MM-DD)");
  screen->add_option("--nationality", screen_args.nationality, "nationality (country name or code)");
  screen->add_option("--country", screen_args.country, "country (name or code)");
  screen->add_option("--id-number", screen_args.id_number, "an identifier: passport, tax or registration number");
  screen->add_option("--gender", screen_args.gender, "male | female | other");
  screen->add_option("--dataset", screen_args.datasets, "only entities from this dataset (repeatable)");
  screen->add_option("--topic", screen_args.topics, "only entities with this topic, e.g. sanction, role.pep, role.* (repeatable)");
  screen->add_option("--threshold", screen_args.threshold, "score at which a result is a match (default 0.7)");
  screen->add_option("--limit", screen_args.limit, "results per query (default 5)");
  screen->add_option("--threads", screen_args.threads, "worker threads for a batch (default 2)");
  screen->add_flag("--csv", screen_args.csv, "print results as CSV");
  screen->callback([&] { Screen(ctx, screen_args); });

  static XrefArgs xref_args;
  auto* xref = app.add_subcommand("xref", "find likely duplicates within and across datasets");
  xref->add_option("--dataset", xref_args.datasets, "entities of this dataset on the left (repeatable; default all)");
  xref->add_option("--against", xref_args.against, "entities of this dataset on the right (repeatable; default all)");
  xref->add_option("--threshold", xref_args.threshold, "lowest score reported (default 0.7)");
  xref->add_option("--limit", xref_args.limit, "at most this many pairs");
  xref->add_option("--threads", xref_args.threads, "worker threads (default 2)");
  xref->add_option("--auto-accept", xref_args.auto_accept,
                   "record a positive judgement for pairs scoring at least this (off by default)");
  xref->callback([&] { Xref(ctx, xref_args); });

  static std::string eval_file;
  static double eval_threshold = 0.7;
  auto* eval = app.add_subcommand("eval-pairs", "precision, recall and F1 of the scorer on labelled pairs");
  eval->add_option("file", eval_file, "CSV: schema,name1,name2,is_match[,props1,props2]")->required();
  eval->add_option("--threshold", eval_threshold, "score at which a pair is called a match (default 0.7)");
  eval->callback([&] { EvalPairs(ctx, eval_file, eval_threshold); });

  static std::string judge_a, judge_b, judge_verdict;
  static bool judge_undo = false;
  auto* judge = app.add_subcommand("judge", "record whether two entities are the same, or withdraw that");
  judge->add_option("a", judge_a, "entity id or exact name")->required();
  judge->add_option("b", judge_b, "entity id or exact name")->required();
  judge->add_option("verdict", judge_verdict, "positive | negative | unsure");
  judge->add_flag("--undo", judge_undo, "withdraw the judgement between the two");
  judge->callback([&] { Judge(ctx, judge_a, judge_b, judge_verdict, judge_undo); });
}

}  // namespace dossier::cli
