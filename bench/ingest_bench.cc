// dossier_bench_ingest: measures ingest throughput and read latency on one
// statements CSV.
//
// (a) Ingest: the CSV goes into a fresh store through the real path, an
//     ingest::Ingester with format "statements" (what `dossier ingest --format
//     statements` does), one transaction for the file. Reported: statements
//     per second end to end (file rows; the Ingester also derives one `id`
//     statement per entity and source, counted separately), the time to close
//     the store (its WAL checkpoint), bytes on disk per statement after close,
//     CPU time, and peak RSS (getrusage ru_maxrss) at the end of the ingest.
// (b) Read latency on that store, as the CLI does it (a fresh Store and View
//     per command, Reader::Everything): searches for names sampled from the
//     CSV (exact, tokens reordered, lower case, one token) through
//     View::Search, and `show` (View::Resolve, Get, TiesOf, TopicsOf) for
//     sampled person and company ids. p50/p95/p99 in milliseconds.
// (c) With --breakdown: where ingest time goes, by running the same file
//     (1) through the CSV parser alone, (2) through the Ingester into a store
//     that keeps nothing (parse + validate + normalise + fold + hash), and
//     (3) replaying the statements from (2) into a fresh SQLite store (the
//     store alone). Holds every statement in memory: use it on ~1M rows.
//
// Usage: dossier_bench_ingest CSV [--store PATH] [--queries N] [--seed S]
//                             [--keep] [--breakdown] [--no-queries] [--json]
// Prints a human-readable block; --json adds one JSON line at the end.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "access/reader.h"
#include "access/view.h"
#include "bench_util.h"
#include "ingest/formats.h"
#include "ingest/ingester.h"
#include "null_store.h"
#include "query_sample.h"
#include "store/store.h"

namespace dossier::bench {
namespace {

struct Options {
  std::string csv, store;
  size_t queries = 1000;
  uint64_t seed = 7;
  bool keep = false, breakdown = false, no_queries = false, json = false;
};

void RemoveStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

ingest::IngestOptions StatementsOptions() {
  ingest::IngestOptions o;
  o.format = "statements";
  o.user = "local";
  o.progress = false;
  return o;
}

struct IngestFigures {
  ingest::IngestReport report;
  double ingest_s = 0, close_s = 0, cpu_s = 0;
  int64_t db_bytes = 0, wal_bytes = 0, csv_bytes = 0, peak_rss = 0;
};

// (a) The real path, as `dossier ingest --format statements FILE` runs it.
IngestFigures Ingest(const Options& o) {
  IngestFigures f;
  f.csv_bytes = FileSize(o.csv);
  RemoveStore(o.store);
  double cpu0 = CpuSeconds();
  Stopwatch total;
  auto store = store::Store::Open(o.store, true);
  access::Reader reader = access::Reader::Resolve(*store, "");
  ingest::Ingester ingester(*store, StatementsOptions(), reader.scheme());
  f.report = ingester.IngestFile(o.csv);
  f.ingest_s = total.Seconds();
  Stopwatch close;
  store.reset();  // the last connection checkpoints the WAL into the file
  f.close_s = close.Seconds();
  f.cpu_s = CpuSeconds() - cpu0;
  f.peak_rss = PeakRssBytes();
  f.db_bytes = FileSize(o.store);
  f.wal_bytes = FileSize(o.store + "-wal");
  return f;
}

struct Latencies {
  std::vector<double> all, by_kind[4], open, show;
  size_t found = 0, found_of = 0;
  double hits = 0;
};

// (b) Each query opens the store and a View, as one CLI command does.
Latencies Queries(const Options& o, const QuerySample& sample) {
  Latencies l;
  for (const auto& q : sample.searches) {
    Stopwatch w;
    auto store = store::Store::Open(o.store, false);
    access::View view(*store, access::Reader::Everything());
    l.open.push_back(w.Millis());
    auto results = view.Search(q.text, "", 10);
    double ms = w.Millis();
    l.all.push_back(ms);
    l.by_kind[static_cast<int>(q.kind)].push_back(ms);
    l.hits += static_cast<double>(results.size());
    if (q.kind != QueryKind::kOneToken) {
      ++l.found_of;
      for (const auto& r : results)
        if (r.id == q.expected_id) ++l.found;
    }
  }
  for (const auto& id : sample.show_ids) {
    Stopwatch w;
    auto store = store::Store::Open(o.store, false);
    access::View view(*store, access::Reader::Everything());
    std::string resolved = view.Resolve(id);
    auto e = view.Get(resolved);
    if (!e) throw std::runtime_error("show: " + id + " not found");
    auto ties = view.TiesOf(resolved);
    auto topics = view.TopicsOf(resolved);
    l.show.push_back(w.Millis());
  }
  return l;
}

struct Breakdown {
  double parse_s = 0, ingester_s = 0, store_s = 0;
  size_t statements = 0;
};

// (c) The same file through each stage alone.
Breakdown Stages(const Options& o) {
  Breakdown b;
  {
    std::ifstream in(o.csv, std::ios::binary);
    int64_t records = 0;
    Stopwatch w;
    ingest::ReadStatementsCsv(in, o.csv, [&](model::EntityRecord&&) { ++records; });
    b.parse_s = w.Seconds();
  }
  Captured captured;
  {
    NullStore null(&captured);
    ingest::Ingester ingester(null, StatementsOptions(), model::ClassificationScheme::Default());
    Stopwatch w;
    ingester.IngestFile(o.csv);
    b.ingester_s = w.Seconds();
  }
  b.statements = captured.statements.size();
  {
    std::string path = o.store + ".replay";
    RemoveStore(path);
    Stopwatch w;
    auto store = store::Store::Open(path, true);
    auto writer = store->BeginIngest(store::IngestInfo{o.csv, "statements", "local"});
    for (const auto& s : captured.sources) writer->PutSource(s);
    for (auto& s : captured.statements) writer->Add(std::move(s));
    writer->Commit();
    writer.reset();
    store.reset();
    b.store_s = w.Seconds();
    RemoveStore(path);
  }
  return b;
}

nlohmann::json PercentilesJson(const Percentiles& p) {
  return {{"n", p.n}, {"p50_ms", p.p50}, {"p95_ms", p.p95}, {"p99_ms", p.p99}, {"max_ms", p.max}, {"mean_ms", p.mean}};
}

void PrintLatency(const char* what, const Percentiles& p) {
  std::printf("  %-22s n=%-5zu p50 %8.2f ms   p95 %8.2f ms   p99 %8.2f ms   max %8.2f ms\n", what, p.n, p.p50, p.p95,
              p.p99, p.max);
}

int Usage() {
  std::fprintf(stderr,
               "usage: dossier_bench_ingest CSV [--store PATH] [--queries N] [--seed S] [--keep] [--breakdown] "
               "[--no-queries] [--json]\n");
  return 2;
}

int Run(const Options& o) {
  nlohmann::json j;
  j["csv"] = o.csv;
  IngestFigures f = Ingest(o);
  const auto& r = f.report;
  const double rows = static_cast<double>(r.records);
  const double end_to_end = f.ingest_s + f.close_s;
  const double on_disk = static_cast<double>(f.db_bytes + f.wal_bytes);
  std::printf("ingest %s\n", o.csv.c_str());
  std::printf("  statements in file     %lld (%.1f MB, %.0f bytes/row)\n", static_cast<long long>(r.records),
              static_cast<double>(f.csv_bytes) / 1e6, static_cast<double>(f.csv_bytes) / rows);
  std::printf("  statements recorded    %lld (%lld new, %lld already held; the Ingester adds an id statement per "
              "entity and source)\n",
              static_cast<long long>(r.statements), static_cast<long long>(r.added),
              static_cast<long long>(r.present));
  std::printf("  time                   %.2f s ingest + %.2f s close (checkpoint) = %.2f s; CPU %.2f s\n", f.ingest_s,
              f.close_s, end_to_end, f.cpu_s);
  std::printf("  throughput             %.0f statements/s (file rows, end to end)\n", rows / end_to_end);
  std::printf("  on disk                %.1f MB (db %lld + wal %lld bytes), %.1f bytes/statement (%.1f per stored)\n",
              on_disk / 1e6, static_cast<long long>(f.db_bytes), static_cast<long long>(f.wal_bytes),
              on_disk / rows, on_disk / static_cast<double>(r.added));
  std::printf("  peak RSS               %.1f MiB\n", static_cast<double>(f.peak_rss) / 1048576.0);
  j["ingest"] = {{"rows", r.records},
                 {"statements", r.statements},
                 {"added", r.added},
                 {"present", r.present},
                 {"ingest_s", f.ingest_s},
                 {"close_s", f.close_s},
                 {"seconds", end_to_end},
                 {"cpu_s", f.cpu_s},
                 {"statements_per_s", rows / end_to_end},
                 {"csv_bytes", f.csv_bytes},
                 {"db_bytes", f.db_bytes},
                 {"wal_bytes", f.wal_bytes},
                 {"bytes_per_statement", on_disk / rows},
                 {"bytes_per_stored_statement", on_disk / static_cast<double>(r.added)},
                 {"peak_rss_bytes", f.peak_rss}};

  if (!o.no_queries) {
    Stopwatch sampling;
    QuerySample sample = SampleQueries(o.csv, o.queries, o.seed);
    double sample_s = sampling.Seconds();
    Latencies l = Queries(o, sample);
    std::printf("read latency (fresh Store + View per command, as the CLI; %zu searches, %zu shows; sampling %.1f s)\n",
                l.all.size(), l.show.size(), sample_s);
    PrintLatency("search (all)", Summarise(l.all));
    nlohmann::json kinds;
    for (int k = 0; k < 4; ++k) {
      std::string label = std::string("search ") + kQueryKindNames[k];
      PrintLatency(label.c_str(), Summarise(l.by_kind[k]));
      kinds[kQueryKindNames[k]] = PercentilesJson(Summarise(l.by_kind[k]));
    }
    PrintLatency("show", Summarise(l.show));
    PrintLatency("open store + view", Summarise(l.open));
    double found = l.found_of ? static_cast<double>(l.found) / static_cast<double>(l.found_of) : 0;
    std::printf("  search quality         %.1f%% of full-name queries list their entity in the top 10; %.1f results "
                "per query\n",
                100 * found, l.hits / static_cast<double>(std::max<size_t>(l.all.size(), 1)));
    j["search"] = PercentilesJson(Summarise(l.all));
    j["search_by_kind"] = kinds;
    j["search_found_top10"] = found;
    j["show"] = PercentilesJson(Summarise(l.show));
    j["open"] = PercentilesJson(Summarise(l.open));
    j["peak_rss_bytes_after_queries"] = PeakRssBytes();
  }

  if (o.breakdown) {
    Breakdown b = Stages(o);
    std::printf("breakdown (each stage alone; compare with %.2f s end to end)\n", end_to_end);
    std::printf("  csv parse              %.2f s\n", b.parse_s);
    std::printf("  parse + Ingester       %.2f s (validate, normalise, fold, hash; %zu statements)\n", b.ingester_s,
                b.statements);
    std::printf("  store alone            %.2f s (replay of those statements into a fresh SQLite store)\n", b.store_s);
    j["breakdown"] = {{"parse_s", b.parse_s}, {"ingester_s", b.ingester_s}, {"store_s", b.store_s}};
  }
  if (!o.keep) RemoveStore(o.store);
  if (o.json) std::printf("%s\n", j.dump().c_str());
  return 0;
}

}  // namespace
}  // namespace dossier::bench

int main(int argc, char** argv) {
  using namespace dossier::bench;
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--store") o.store = value();
    else if (a == "--queries") o.queries = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--seed") o.seed = std::strtoull(value().c_str(), nullptr, 10);
    else if (a == "--keep") o.keep = true;
    else if (a == "--breakdown") o.breakdown = true;
    else if (a == "--no-queries") o.no_queries = true;
    else if (a == "--json") o.json = true;
    else if (!a.empty() && a[0] == '-') return Usage();
    else if (o.csv.empty()) o.csv = a;
    else return Usage();
  }
  if (o.csv.empty()) return Usage();
  if (o.store.empty()) o.store = o.csv + ".dossier.db";
  try {
    return Run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dossier_bench_ingest: %s\n", e.what());
    return 1;
  }
}
