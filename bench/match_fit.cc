// dossier_match_fit: fits the weights of the match scorer (dossier-lr-v1) on the
// labelled pairs in bench/match/ and writes schema/match_weights.json.
//
//   dossier_match_fit [--data bench/match] [--out schema/match_weights.json] [--l2 1.0]
//
// Training data (never the evaluation sets: FEBRL dataset2/3 and the held-out half of
// Splink are what bench/match_accuracy.cc measures):
//   febrl_dataset1.csv       FEBRL dataset1, every pair that shares a blocking key,
//                            labelled by rec-N
//   splink_fake_1000*.csv    Splink's clerical pair labels whose two records both lie
//                            in even-numbered clusters, and the truth pairs of those
//                            clusters with seeded random negatives (the odd half is
//                            held out)
//   ofac_alias_pairs.csv     names from the OFAC SDN list (make_ofac_pairs.py)
// Model: per schema family, logistic regression with an L2 penalty pulling each
// weight towards its prior in priors.json (so a feature no training pair exercises
// keeps its prior) and each weight held to its sign (conflicts <= 0, everything
// else >= 0), solved by projected Newton's method with backtracking: deterministic,
// the same data always gives the same file. The "other" family is fitted on every
// pair, first; a family with fewer than 200 pairs of its own (vessels) takes that
// pooled fit, its fixed features aside. Rebuild the binary after refitting: the
// weights are compiled in.
#include <array>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "match/features.h"
#include "match/pair_eval.h"
#include "match/scorer.h"
#include "match_data.h"

using namespace dossier;
using namespace dossier::match;

namespace {

constexpr std::size_t kParams = kFeatureCount + 1;  // bias last

struct Example {
  SchemaFamily family;
  std::array<double, kFeatureCount> x{};
  FeatureVector features;  // kept to report accuracy with the scorer's cap
  bool y = false;
  std::string source;
};

Example MakeExample(const MatchRecord& a, const MatchRecord& b, bool y, std::string source) {
  Example e;
  SchemaFamily family = SchemaFamily::kOther;
  SchemataCompatible(a.schema, b.schema, &family, nullptr);
  e.family = family;
  e.features = CompareRecords(a, b, false);
  for (std::size_t i = 0; i < kFeatureCount; ++i) e.x[i] = e.features[i].known ? e.features[i].value : 0.0;
  e.y = y;
  e.source = std::move(source);
  return e;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Solves A x = b for symmetric positive definite A (Cholesky), in place.
std::vector<double> SolveSpd(std::vector<double> a, std::vector<double> b, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (std::size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    d = std::sqrt(std::max(d, 1e-12));
    a[j * n + j] = d;
    for (std::size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / d;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    double s = b[i];
    for (std::size_t k = 0; k < i; ++k) s -= a[i * n + k] * b[k];
    b[i] = s / a[i * n + i];
  }
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t k = i + 1; k < n; ++k) s -= a[k * n + i] * b[k];
    b[i] = s / a[i * n + i];
  }
  return b;
}

struct FitResult {
  std::vector<double> w;  // kFeatureCount weights, then the bias
  int iterations = 0;
  double log_loss = 0.0;  // mean, without the penalty
};

// Penalised mean-free objective: log loss plus the L2 pull towards the prior.
double Objective(const std::vector<const Example*>& data, const std::vector<double>& w, const std::vector<double>& prior,
                 double l2, double* log_loss) {
  const std::size_t n = kParams;
  double loss = 0.0;
  for (const Example* e : data) {
    double z = w[n - 1];
    for (std::size_t k = 0; k < kFeatureCount; ++k) z += w[k] * e->x[k];
    // log(1 + exp(-z)) for positives, log(1 + exp(z)) for negatives, stably.
    const double t = e->y ? -z : z;
    loss += t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t));
  }
  if (log_loss) *log_loss = data.empty() ? 0.0 : loss / static_cast<double>(data.size());
  double penalty = 0.0;
  for (std::size_t k = 0; k < n; ++k) penalty += 0.5 * l2 * (w[k] - prior[k]) * (w[k] - prior[k]);
  return loss + penalty;
}

// The sign a feature's weight must have: evidence for a match may not count against
// it, nor a conflict for it. Without this, collinear indicators (the birth-date
// relations, one of which is always set when both dates are known) may trade sign
// with the bias. +1: >= 0, -1: <= 0, 0: free.
int SignOf(std::size_t k) {
  if (k >= kFeatureCount) return 0;  // the bias
  const std::string_view name = FeatureName(static_cast<Feature>(k));
  if (name.find("conflict") != std::string_view::npos) return -1;
  return +1;
}

std::vector<bool> g_fixed(kParams, false);  // held at the prior (priors.json "fixed")

void Project(std::vector<double>& w, const std::vector<double>& prior) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (g_fixed[k]) w[k] = prior[k];
    const int sign = SignOf(k);
    if (sign > 0 && w[k] < 0) w[k] = 0;
    if (sign < 0 && w[k] > 0) w[k] = 0;
  }
}

// Newton's method with backtracking: a full Newton step overshoots on nearly
// separable data (FEBRL is), so a step is halved until the objective falls.
FitResult Fit(const std::vector<const Example*>& data, const std::vector<double>& prior, double l2) {
  const std::size_t n = kParams;
  std::vector<double> w = prior;
  FitResult r;
  double current = Objective(data, w, prior, l2, nullptr);
  for (int it = 0; it < 200; ++it) {
    std::vector<double> grad(n, 0.0), hess(n * n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      grad[k] = l2 * (w[k] - prior[k]);
      hess[k * n + k] = l2;
    }
    for (const Example* e : data) {
      double z = w[n - 1];
      for (std::size_t k = 0; k < kFeatureCount; ++k) z += w[k] * e->x[k];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double g = p - (e->y ? 1.0 : 0.0);
      const double h = std::max(p * (1.0 - p), 1e-12);
      auto xk = [&](std::size_t k) { return k == n - 1 ? 1.0 : e->x[k]; };
      for (std::size_t k = 0; k < n; ++k) {
        const double a = xk(k);
        if (a == 0.0) continue;
        grad[k] += g * a;
        for (std::size_t m = 0; m < n; ++m) hess[k * n + m] += h * a * xk(m);
      }
    }
    const std::vector<double> step = SolveSpd(hess, grad, n);
    double scale = 1.0, next = current;
    std::vector<double> trial(n);
    for (int halvings = 0; halvings < 40; ++halvings, scale *= 0.5) {
      for (std::size_t k = 0; k < n; ++k) trial[k] = w[k] - scale * step[k];
      Project(trial, prior);
      next = Objective(data, trial, prior, l2, nullptr);
      if (next <= current) break;
    }
    r.iterations = it + 1;
    if (next > current) break;  // no descent left
    double change = 0.0;
    for (std::size_t k = 0; k < n; ++k) change = std::max(change, std::abs(trial[k] - w[k]));
    w = trial;
    const double gain = current - next;
    current = next;
    if (change < 1e-8 || gain < 1e-10) break;
  }
  Objective(data, w, prior, l2, &r.log_loss);
  r.w = std::move(w);
  return r;
}

double Round(double x, double unit) { return std::round(x / unit) * unit; }

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = std::string(DOSSIER_SOURCE_DIR) + "/bench/match";
  std::string out_path = std::string(DOSSIER_SOURCE_DIR) + "/schema/match_weights.json";
  double l2 = 1.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data_dir = argv[++i];
    else if (a == "--out" && i + 1 < argc) out_path = argv[++i];
    else if (a == "--l2" && i + 1 < argc) l2 = std::stod(argv[++i]);
    else {
      std::cerr << "usage: dossier_match_fit [--data DIR] [--out FILE] [--l2 X]\n";
      return 2;
    }
  }
  try {
    const nlohmann::json priors = nlohmann::json::parse(Slurp(data_dir + "/priors.json"));
    std::vector<Example> examples;
    std::map<std::string, std::pair<std::size_t, std::size_t>> counts;  // source -> (pairs, positives)
    auto add = [&](Example e) {
      auto& c = counts[e.source];
      ++c.first;
      c.second += e.y;
      examples.push_back(std::move(e));
    };

    // FEBRL dataset1: every blocked pair.
    {
      const auto records = bench::ReadFebrl(data_dir + "/febrl_dataset1.csv");
      std::vector<MatchRecord> mr;
      for (const auto& r : records) mr.push_back(BuildMatchRecord("Person", r.props));
      for (const auto& [i, j] : bench::BlockPersons(records).pairs)
        add(MakeExample(mr[i], mr[j], records[i].entity == records[j].entity, "febrl_dataset1"));
      // Plus every 97th pair of the rest, labelled by the truth: negatives that share
      // no blocking key, so that the fit sees unrelated people too.
      std::size_t k = 0;
      for (std::size_t i = 0; i < records.size(); ++i)
        for (std::size_t j = i + 1; j < records.size(); ++j)
          if (++k % 97 == 0) add(MakeExample(mr[i], mr[j], records[i].entity == records[j].entity, "febrl_dataset1_random"));
    }
    // Splink: clerical labels inside the training half of the clusters.
    {
      const auto records = bench::ReadSplink(data_dir + "/splink_fake_1000.csv");
      std::map<std::string, std::size_t> index;
      for (std::size_t i = 0; i < records.size(); ++i) index[records[i].id] = i;
      std::vector<MatchRecord> mr;
      for (const auto& r : records) mr.push_back(BuildMatchRecord("Person", r.props));
      for (const auto& l : bench::ReadSplinkLabels(data_dir + "/splink_fake_1000_labels.csv")) {
        auto a = index.find(l.left), b = index.find(l.right);
        if (a == index.end() || b == index.end()) continue;
        if (std::stoi(records[a->second].entity) % 2 != 0 || std::stoi(records[b->second].entity) % 2 != 0) continue;
        add(MakeExample(mr[a->second], mr[b->second], l.is_match, "splink_train_labels"));
      }
      // And the truth column of the training half: every pair within a cluster, and
      // as many seeded random pairs across clusters (mostly easy negatives, which the
      // clerical labels lack: without them a shared city looks like evidence).
      std::vector<std::size_t> even;
      for (std::size_t i = 0; i < records.size(); ++i)
        if (std::stoi(records[i].entity) % 2 == 0) even.push_back(i);
      std::size_t positives = 0;
      for (std::size_t x = 0; x < even.size(); ++x)
        for (std::size_t y = x + 1; y < even.size(); ++y)
          if (records[even[x]].entity == records[even[y]].entity) {
            add(MakeExample(mr[even[x]], mr[even[y]], true, "splink_train_clusters"));
            ++positives;
          }
      std::uint64_t seed = 88172645463325252ull;
      auto next = [&seed] {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return seed;
      };
      for (std::size_t k = 0; k < 2 * positives; ++k) {
        const std::size_t x = even[next() % even.size()], y = even[next() % even.size()];
        if (x == y || records[x].entity == records[y].entity) continue;
        add(MakeExample(mr[x], mr[y], false, "splink_train_clusters"));
      }
    }
    // OFAC names.
    {
      std::ifstream in(data_dir + "/ofac_alias_pairs.csv");
      if (!in) throw std::runtime_error("cannot open " + data_dir + "/ofac_alias_pairs.csv");
      const PairFile file = ReadLabelledPairs(in);
      if (!file.errors.empty())
        throw std::runtime_error("ofac_alias_pairs.csv:" + std::to_string(file.errors.front().line) + ": " +
                                 file.errors.front().message);
      for (const auto& row : file.rows) add(MakeExample(LeftRecord(row), RightRecord(row), row.is_match, "ofac_" + row.schema));
    }

    nlohmann::json out = priors;
    out.erase("fixed");
    out.erase("_fixed_comment");
    out["_comment"] =
        "Weights of dossier-lr-v1 (src/match/scorer.h), in log-odds per unit of feature value. Written by "
        "dossier_match_fit from bench/match/ (see docs/matching.md); do not edit by hand, edit priors.json and refit.";
    nlohmann::json fitted;
    fitted["by"] = "dossier_match_fit";
    fitted["l2"] = l2;
    for (const auto& [source, c] : counts) fitted["sources"][source] = {{"pairs", c.first}, {"positives", c.second}};

    // "other" (every pair) first: a family with fewer than kPooledBelow pairs of its
    // own (vessels: a dozen) takes that pooled fit, its fixed features aside, rather
    // than a fit of 31 weights to a dozen pairs, so that its names weigh like
    // everyone else's (a screening query asked as a Thing meets every family).
    constexpr std::size_t kPooledBelow = 200;
    std::vector<double> pooled;
    for (SchemaFamily family : {SchemaFamily::kOther, SchemaFamily::kPerson, SchemaFamily::kOrganisation, SchemaFamily::kVessel}) {
      const std::string fname(FamilyName(family));
      const auto& pj = priors["families"][fname];
      for (std::size_t k = 0; k < kFeatureCount; ++k) g_fixed[k] = false;
      if (priors.contains("fixed"))
        for (const auto& name : priors["fixed"]) {
          const Feature f = FeatureByName(name.get<std::string>());
          if (f == Feature::kCount) throw std::runtime_error("priors.json: unknown fixed feature " + name.get<std::string>());
          g_fixed[static_cast<std::size_t>(f)] = true;
        }
      std::vector<double> prior(kParams, 0.0);
      for (std::size_t k = 0; k < kFeatureCount; ++k) prior[k] = pj["weights"].value(std::string(FeatureName(static_cast<Feature>(k))), 0.0);
      prior[kParams - 1] = pj["bias"].get<double>();
      std::vector<const Example*> data;
      for (const auto& e : examples)
        if (family == SchemaFamily::kOther || e.family == family) data.push_back(&e);
      const bool pool = family != SchemaFamily::kOther && data.size() < kPooledBelow && !pooled.empty();
      if (pool)
        for (std::size_t k = 0; k < kParams; ++k)
          if (k == kParams - 1 || !g_fixed[k]) prior[k] = pooled[k];
      FitResult fit;
      if (pool) {
        fit.w = prior;
        Objective(data, fit.w, prior, l2, &fit.log_loss);
      } else {
        fit = Fit(data, prior, l2);
      }
      if (family == SchemaFamily::kOther) pooled = fit.w;
      nlohmann::json fj;
      fj["bias"] = Round(fit.w[kParams - 1], 1e-4);
      for (std::size_t k = 0; k < kFeatureCount; ++k)
        fj["weights"][std::string(FeatureName(static_cast<Feature>(k)))] = Round(fit.w[k], 1e-4);
      out["families"][fname] = fj;
      std::size_t positives = 0;
      for (const Example* e : data) positives += e->y;
      fitted["families"][fname] = {{"pairs", data.size()}, {"positives", positives},
                                   {"iterations", fit.iterations}, {"mean_log_loss", Round(fit.log_loss, 1e-5)},
                                   {"prior", pool ? "pooled" : "priors.json"}};
    }
    out["fitted"] = fitted;

    // Training accuracy per source, with the scorer exactly as it will run (cap included).
    const Scorer scorer = Scorer::FromJson(out.dump());
    std::map<std::string, std::vector<ScoredLabel>> by_source;
    for (const auto& e : examples) by_source[e.source].push_back({scorer.ScoreFeatures(e.family, e.features), e.y});
    std::printf("%-20s %7s %6s  %9s %6s %6s  %9s %6s\n", "source", "pairs", "pos", "F1@thr", "P", "R", "best F1", "at");
    for (const auto& [source, scored] : by_source) {
      const Metrics m = MetricsAt(scored, scorer.default_threshold());
      const Metrics b = BestThreshold(scored);
      std::printf("%-20s %7zu %6zu  %9.4f %6.4f %6.4f  %9.4f %6.3f\n", source.c_str(), scored.size(),
                  counts[source].second, m.f1, m.precision, m.recall, b.f1, b.threshold);
    }

    std::ofstream o(out_path);
    if (!o) throw std::runtime_error("cannot write " + out_path);
    o << out.dump(2) << "\n";
    std::printf("wrote %s\n", out_path.c_str());
  } catch (const std::exception& e) {
    std::cerr << "dossier_match_fit: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
