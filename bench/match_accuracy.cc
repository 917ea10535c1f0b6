// dossier_bench_match_accuracy: how accurate the match scorer is, on data it was not
// fitted on.
//
//   dossier_bench_match_accuracy [--data ../shared/data] [--hard bench/match/hard_pairs.csv]
//                                [--threshold X] [--json] [--dump-hard]
//
// - FEBRL dataset2 and dataset3 deduplication: candidate pairs by blocking
//   (bench/match_data.h: shared surname or given-name Double Metaphone, postcode,
//   birth date or identifier), each scored; pairwise precision, recall and F1 against
//   the truth (rec-N-org and rec-N-dup-K are one person), with the true pairs that
//   blocking never proposed counted as missed. Blocking recall is printed apart.
// - Splink fake_1000: every pair scored; pairs at or above the threshold joined into
//   clusters (connected components); the clusters compared with the `cluster`
//   column: pairwise F1 of the pairs the clusters imply, and the share of clusters
//   reproduced exactly. Reported on all records and on the held-out half (odd
//   clusters; match_fit trains on clerical labels of the even ones).
// - The hard pairs (schema,name1,name2,is_match): precision, recall, F1 per schema.
// Each at the scorer's default threshold (or --threshold) and at the best threshold.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "match/pair_eval.h"
#include "match/scorer.h"
#include "match_data.h"

using namespace dossier;
using namespace dossier::match;

namespace {

// The table goes to stdout, or to stderr when --json owns stdout.
FILE* g_out = stdout;

nlohmann::json MetricsJson(const Metrics& m) {
  return {{"threshold", m.threshold}, {"precision", m.precision}, {"recall", m.recall}, {"f1", m.f1},
          {"accuracy", m.accuracy},   {"tp", m.tp},               {"fp", m.fp},         {"fn", m.fn}};
}

void PrintRow(const std::string& what, const Metrics& m) {
  std::fprintf(g_out, "  %-34s thr %.3f  P %.4f  R %.4f  F1 %.4f  (tp %zu fp %zu fn %zu)\n", what.c_str(), m.threshold,
              m.precision, m.recall, m.f1, m.tp, m.fp, m.fn);
}

nlohmann::json Febrl(const std::string& path, const std::string& label, const Scorer& scorer, double threshold) {
  const auto records = bench::ReadFebrl(path);
  std::vector<MatchRecord> mr;
  for (const auto& r : records) mr.push_back(BuildMatchRecord("Person", r.props));
  const bench::Blocking blocking = bench::BlockPersons(records);
  const std::size_t truth = bench::TruePairCount(records);
  std::vector<ScoredLabel> scored;
  scored.reserve(blocking.pairs.size() + truth);
  std::size_t blocked_true = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& [i, j] : blocking.pairs) {
    const bool same = records[i].entity == records[j].entity;
    blocked_true += same;
    scored.push_back({scorer.ScoreValue(mr[i], mr[j]), same});
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // True pairs blocking never proposed: missed whatever the threshold.
  for (std::size_t k = blocked_true; k < truth; ++k) scored.push_back({-1.0, true});
  const Metrics at = MetricsAt(scored, threshold);
  const Metrics best = BestThreshold(scored);
  const double blocking_recall = truth ? static_cast<double>(blocked_true) / static_cast<double>(truth) : 0.0;
  const double us_per_pair = blocking.pairs.empty() ? 0.0 : 1e6 * seconds / static_cast<double>(blocking.pairs.size());
  std::fprintf(g_out, "FEBRL %s: %zu records, %zu true pairs, %zu candidate pairs, blocking recall %.4f, %.2f us/pair\n",
              label.c_str(), records.size(), truth, blocking.pairs.size(), blocking_recall, us_per_pair);
  PrintRow("at threshold", at);
  PrintRow("at best threshold", best);
  return {{"records", records.size()},          {"true_pairs", truth},
          {"candidate_pairs", blocking.pairs.size()}, {"blocking_recall", blocking_recall},
          {"us_per_pair", us_per_pair},         {"at_threshold", MetricsJson(at)},
          {"best", MetricsJson(best)}};
}

struct ClusterScore {
  double threshold = 0.0;
  Metrics pairs;             // pairwise over the pairs the clusters imply
  double exact_precision = 0.0, exact_recall = 0.0, exact_f1 = 0.0;  // clusters reproduced exactly
  std::size_t clusters = 0, truth_clusters = 0;
};

std::size_t Find(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

ClusterScore Cluster(const std::vector<bench::LabelledRecord>& records, const std::vector<std::size_t>& subset,
                     const std::vector<std::tuple<std::size_t, std::size_t, double>>& scored, double threshold) {
  std::vector<std::size_t> parent(records.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<bool> in(records.size(), false);
  for (std::size_t i : subset) in[i] = true;
  for (const auto& [i, j, s] : scored)
    if (s >= threshold && in[i] && in[j]) parent[Find(parent, i)] = Find(parent, j);
  std::map<std::size_t, std::set<std::size_t>> predicted;
  std::map<std::string, std::set<std::size_t>> truth;
  for (std::size_t i : subset) {
    predicted[Find(parent, i)].insert(i);
    truth[records[i].entity].insert(i);
  }
  ClusterScore c;
  c.threshold = threshold;
  std::size_t tp = 0, pred_pairs = 0, true_pairs = 0;
  for (const auto& [root, members] : predicted) {
    pred_pairs += members.size() * (members.size() - 1) / 2;
    std::map<std::string, std::size_t> by_entity;
    for (std::size_t i : members) ++by_entity[records[i].entity];
    for (const auto& [e, k] : by_entity) tp += k * (k - 1) / 2;
  }
  for (const auto& [e, members] : truth) true_pairs += members.size() * (members.size() - 1) / 2;
  c.pairs.threshold = threshold;
  c.pairs.tp = tp;
  c.pairs.fp = pred_pairs - tp;
  c.pairs.fn = true_pairs - tp;
  c.pairs.precision = pred_pairs ? static_cast<double>(tp) / static_cast<double>(pred_pairs) : 0.0;
  c.pairs.recall = true_pairs ? static_cast<double>(tp) / static_cast<double>(true_pairs) : 0.0;
  c.pairs.f1 = c.pairs.precision + c.pairs.recall > 0
                   ? 2 * c.pairs.precision * c.pairs.recall / (c.pairs.precision + c.pairs.recall)
                   : 0.0;
  std::set<std::set<std::size_t>> truth_sets;
  for (const auto& [e, members] : truth) truth_sets.insert(members);
  std::size_t exact = 0;
  for (const auto& [root, members] : predicted) exact += truth_sets.count(members);
  c.clusters = predicted.size();
  c.truth_clusters = truth.size();
  c.exact_precision = c.clusters ? static_cast<double>(exact) / static_cast<double>(c.clusters) : 0.0;
  c.exact_recall = c.truth_clusters ? static_cast<double>(exact) / static_cast<double>(c.truth_clusters) : 0.0;
  c.exact_f1 = c.exact_precision + c.exact_recall > 0
                   ? 2 * c.exact_precision * c.exact_recall / (c.exact_precision + c.exact_recall)
                   : 0.0;
  return c;
}

nlohmann::json ClusterJson(const ClusterScore& c) {
  return {{"threshold", c.threshold},      {"pairwise", MetricsJson(c.pairs)},
          {"exact_cluster_precision", c.exact_precision}, {"exact_cluster_recall", c.exact_recall},
          {"exact_cluster_f1", c.exact_f1}, {"clusters", c.clusters},
          {"truth_clusters", c.truth_clusters}};
}

void PrintCluster(const std::string& what, const ClusterScore& c) {
  std::fprintf(g_out, "  %-34s thr %.3f  pairwise P %.4f R %.4f F1 %.4f | exact clusters P %.4f R %.4f F1 %.4f (%zu vs %zu)\n",
              what.c_str(), c.threshold, c.pairs.precision, c.pairs.recall, c.pairs.f1, c.exact_precision,
              c.exact_recall, c.exact_f1, c.clusters, c.truth_clusters);
}

nlohmann::json Splink(const std::string& path, const Scorer& scorer, double threshold) {
  const auto records = bench::ReadSplink(path);
  std::vector<MatchRecord> mr;
  for (const auto& r : records) mr.push_back(BuildMatchRecord("Person", r.props));
  std::vector<std::tuple<std::size_t, std::size_t, double>> scored;
  for (std::size_t i = 0; i < mr.size(); ++i)
    for (std::size_t j = i + 1; j < mr.size(); ++j) {
      const double s = scorer.ScoreValue(mr[i], mr[j]);
      if (s >= 0.05) scored.emplace_back(i, j, s);
    }
  nlohmann::json out;
  std::vector<std::size_t> all(records.size()), held_out;
  std::iota(all.begin(), all.end(), 0);
  for (std::size_t i = 0; i < records.size(); ++i)
    if (std::stoi(records[i].entity) % 2 != 0) held_out.push_back(i);
  std::fprintf(g_out, "Splink fake_1000: %zu records, connected components of pairs >= threshold\n", records.size());
  for (const auto& [name, subset] : {std::pair{std::string("all"), all}, std::pair{std::string("held_out_odd_clusters"), held_out}}) {
    const ClusterScore at = Cluster(records, subset, scored, threshold);
    ClusterScore best = at;
    for (int t = 5; t <= 99; ++t) {
      const ClusterScore c = Cluster(records, subset, scored, t / 100.0);
      if (c.pairs.f1 > best.pairs.f1) best = c;
    }
    PrintCluster(name + " at threshold", at);
    PrintCluster(name + " at best threshold", best);
    out[name] = {{"records", subset.size()}, {"at_threshold", ClusterJson(at)}, {"best", ClusterJson(best)}};
  }
  return out;
}

nlohmann::json Hard(const std::string& path, const Scorer& scorer, double threshold, bool dump) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  const PairFile file = ReadLabelledPairs(in);
  for (const auto& e : file.errors) std::fprintf(stderr, "%s:%zu: %s\n", path.c_str(), e.line, e.message.c_str());
  const PairEvalReport r = EvaluatePairs(file.rows, scorer, threshold);
  std::fprintf(g_out, "Hard pairs (%s): %zu pairs, %zu matches\n", path.c_str(), r.overall.pairs, r.overall.positives);
  PrintRow("all at threshold", r.overall.at_threshold);
  PrintRow("all at best threshold", r.overall.best);
  nlohmann::json out = {{"pairs", r.overall.pairs},
                        {"at_threshold", MetricsJson(r.overall.at_threshold)},
                        {"best", MetricsJson(r.overall.best)}};
  for (const auto& g : r.per_schema) {
    PrintRow(g.schema + " (" + std::to_string(g.pairs) + ") at threshold", g.at_threshold);
    out["per_schema"][g.schema] = {{"pairs", g.pairs}, {"at_threshold", MetricsJson(g.at_threshold)}, {"best", MetricsJson(g.best)}};
  }
  if (dump)
    for (std::size_t k = 0; k < file.rows.size(); ++k) {
      const auto& row = file.rows[k];
      const bool wrong = (r.scores[k].score >= threshold) != row.is_match;
      const MatchResult m = scorer.Score(LeftRecord(row), RightRecord(row));
      std::string name_detail;
      for (const auto& c : m.features)
        if (c.name == "name_match") name_detail = c.detail;
      std::fprintf(g_out, "%s %.3f %d %s | %s | %s\n", wrong ? "WRONG" : "ok   ", r.scores[k].score, row.is_match ? 1 : 0,
                  row.name1.c_str(), row.name2.c_str(), name_detail.c_str());
    }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(DOSSIER_SOURCE_DIR) + "/../shared/data";
  std::string hard = std::string(DOSSIER_SOURCE_DIR) + "/bench/match/hard_pairs.csv";
  const Scorer& scorer = Scorer::Default();
  double threshold = scorer.default_threshold();
  bool json = false, dump = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--hard" && i + 1 < argc) hard = argv[++i];
    else if (a == "--threshold" && i + 1 < argc) threshold = std::stod(argv[++i]);
    else if (a == "--json") json = true;
    else if (a == "--dump-hard") dump = true;
    else {
      std::cerr << "usage: dossier_bench_match_accuracy [--data DIR] [--hard FILE] [--threshold X] [--json] [--dump-hard]\n";
      return 2;
    }
  }
  if (json) g_out = stderr;
  nlohmann::json out;
  try {
    out["algorithm"] = scorer.algorithm();
    out["threshold"] = threshold;
    std::fprintf(g_out, "algorithm %s, threshold %.3f\n", scorer.algorithm().c_str(), threshold);
    out["febrl_dataset2"] = Febrl(data + "/er/febrl/dataset2.csv", "dataset2", scorer, threshold);
    out["febrl_dataset3"] = Febrl(data + "/er/febrl/dataset3.csv", "dataset3", scorer, threshold);
    out["splink_fake_1000"] = Splink(data + "/er/splink_fake_1000/fake_1000.csv", scorer, threshold);
    out["hard_pairs"] = Hard(hard, scorer, threshold, dump);
  } catch (const std::exception& e) {
    std::cerr << "dossier_bench_match_accuracy: " << e.what() << "\n";
    return 1;
  }
  if (json) std::cout << out.dump(2) << std::endl;
  return 0;
}
