// dossier_bench_micro: Google Benchmark micro-benchmarks of the work the
// Ingester does per statement, to read beside dossier_bench_ingest's
// breakdown: folding names (ASCII, accented Latin, Cyrillic, Greek, Arabic),
// name keys, statement keys (BLAKE2b), value normalisation by type, and CSV
// parsing of statement rows.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>

#include "ingest/csv.h"
#include "model/schema.h"
#include "model/statement.h"
#include "model/value.h"
#include "text/fold.h"

namespace {

using dossier::model::PropertyType;

void BM_Fold(benchmark::State& state, const char* text) {
  for (auto _ : state) benchmark::DoNotOptimize(dossier::text::Fold(text));
}
BENCHMARK_CAPTURE(BM_Fold, ascii, "Jonathan Pemberton Whitfield");
BENCHMARK_CAPTURE(BM_Fold, accented_latin, "Jürgen Schäfer-Müller");
BENCHMARK_CAPTURE(BM_Fold, cyrillic, "Кузнецов Дмитрий Сергеевич");
BENCHMARK_CAPTURE(BM_Fold, greek, "Κωνσταντίνος Παπαδόπουλος");
BENCHMARK_CAPTURE(BM_Fold, arabic, "محمد علي المصري");

void BM_NameKey(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(dossier::text::NameKey("KUZNETSOV, Dmitry Sergeevich"));
}
BENCHMARK(BM_NameKey);

void BM_StatementKey(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(
        dossier::model::StatementKey("corporate-registry", "per-3f9a1c0d5e7b2468", "birthDate", "1961-04-17"));
}
BENCHMARK(BM_StatementKey);

void BM_Normalise(benchmark::State& state, PropertyType type, const char* value) {
  dossier::model::Normalise(type, value);  // builds lazy indexes outside the loop
  for (auto _ : state) benchmark::DoNotOptimize(dossier::model::Normalise(type, value));
}
BENCHMARK_CAPTURE(BM_Normalise, name, PropertyType::kName, "Dmitry Sergeevich Kuznetsov");
BENCHMARK_CAPTURE(BM_Normalise, date, PropertyType::kDate, "1961-04-17");
BENCHMARK_CAPTURE(BM_Normalise, country, PropertyType::kCountry, "cy");
BENCHMARK_CAPTURE(BM_Normalise, entity, PropertyType::kEntity, "co-0a1b2c3d4e5f6789");
BENCHMARK_CAPTURE(BM_Normalise, identifier, PropertyType::kIdentifier, "HRB 123456");

void BM_CsvRows(benchmark::State& state) {
  std::string text = "entity_id,schema,prop,value,dataset,lang,credibility,marking\n";
  for (int i = 0; i < 1000; ++i)
    text += "per-3f9a1c0d5e7b2468,Person,name,Dmitry Sergeevich Kuznetsov,partner-reports-deu,,3,"
            "\"SECRET//REL TO DEU, EST\"\n";
  std::vector<std::string> fields;
  for (auto _ : state) {
    std::istringstream in(text);
    dossier::ingest::CsvReader reader(in, "bench.csv");
    while (reader.Next(fields)) benchmark::DoNotOptimize(fields.data());
  }
  state.SetItemsProcessed(state.iterations() * 1001);
}
BENCHMARK(BM_CsvRows);

}  // namespace

BENCHMARK_MAIN();
