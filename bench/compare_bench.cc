// dossier_bench_compare: Google Benchmark micro-benchmarks of the comparators in
// src/match: Levenshtein on short names (one machine word) and long strings (the
// blocked path), the bounded variant, Damerau OSA, Jaro-Winkler, token alignment of
// three-token names, Double Metaphone, Daitch-Mokotoff and consonant skeletons.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "match/jaro_winkler.h"
#include "match/levenshtein.h"
#include "match/phonetic.h"
#include "match/token_align.h"

namespace {

using namespace dossier::match;

const std::string kShortA = "jonathan pemberton whitfield";
const std::string kShortB = "johnathan pembertn whitfeld";

std::string Long(char salt) {
  std::string s;
  for (int i = 0; i < 500; ++i) s += static_cast<char>('a' + (i * 7 + (i % 13 == 0 ? salt : 0)) % 26);
  return s;
}

void BM_LevenshteinShort(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Levenshtein(kShortA, kShortB));
}
BENCHMARK(BM_LevenshteinShort);

void BM_LevenshteinShortUtf32(benchmark::State& state) {
  const std::u32string a = U"Кузнецов Дмитрий Сергеевич", b = U"Кузнецова Дмитри Сергеевичь";
  for (auto _ : state) benchmark::DoNotOptimize(Levenshtein(a, b));
}
BENCHMARK(BM_LevenshteinShortUtf32);

void BM_LevenshteinLong(benchmark::State& state) {
  const std::string a = Long(0), b = Long(3);
  for (auto _ : state) benchmark::DoNotOptimize(Levenshtein(a, b));
  state.SetLabel("500 x 500");
}
BENCHMARK(BM_LevenshteinLong);

void BM_LevenshteinAtMostShort(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LevenshteinAtMost(kShortA, kShortB, 2));
}
BENCHMARK(BM_LevenshteinAtMostShort);

void BM_LevenshteinAtMostLong(benchmark::State& state) {
  const std::string a = Long(0), b = Long(3);
  for (auto _ : state) benchmark::DoNotOptimize(LevenshteinAtMost(a, b, static_cast<int>(state.range(0))));
  state.SetLabel("500 x 500");
}
BENCHMARK(BM_LevenshteinAtMostLong)->Arg(3)->Arg(50);

void BM_DamerauOsaShort(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DamerauOsa(kShortA, kShortB));
}
BENCHMARK(BM_DamerauOsaShort);

void BM_JaroWinkler(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(JaroWinkler("muhammad", "mohammed"));
}
BENCHMARK(BM_JaroWinkler);

void BM_JaroWinklerCyrillic(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(JaroWinkler("Кузнецов", "Кузнецова"));
}
BENCHMARK(BM_JaroWinklerCyrillic);

void BM_AlignTokens3(benchmark::State& state) {
  const std::vector<std::string> a{"igor", "ivanovich", "sechin"}, b{"sechin", "igor", "i"};
  for (auto _ : state) benchmark::DoNotOptimize(AlignTokens(a, b).score);
}
BENCHMARK(BM_AlignTokens3);

void BM_DoubleMetaphone(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DoubleMetaphone("schwarzenegger"));
}
BENCHMARK(BM_DoubleMetaphone);

void BM_DaitchMokotoff(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DaitchMokotoff("shcherbakov"));
}
BENCHMARK(BM_DaitchMokotoff);

void BM_ConsonantSkeleton(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ConsonantSkeleton("muhammad abdullah al rashid"));
}
BENCHMARK(BM_ConsonantSkeleton);

}  // namespace

BENCHMARK_MAIN();
