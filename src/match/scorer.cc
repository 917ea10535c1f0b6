// Logistic regression over the features, weights from schema/match_weights.json.
// See scorer.h for the contract.
#include "match/scorer.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/schema.h"
#include "model/schema_data.h"

namespace dossier::match {
namespace {

constexpr std::array<SchemaFamily, kFamilyCount> kFamilies = {SchemaFamily::kPerson, SchemaFamily::kOrganisation,
                                                              SchemaFamily::kVessel, SchemaFamily::kOther};

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }
double Logit(double p) { return std::log(p / (1.0 - p)); }

double FiniteNumber(const nlohmann::json& j, std::string_view what) {
  if (!j.is_number()) throw std::runtime_error("match weights: " + std::string(what) + " is not a number");
  const double x = j.get<double>();
  if (!std::isfinite(x)) throw std::runtime_error("match weights: " + std::string(what) + " is not finite");
  return x;
}

}  // namespace

bool SchemataCompatible(std::string_view a, std::string_view b, SchemaFamily* family, std::string* why) {
  const auto& model = model::Model::Default();
  const SchemaFamily fa = FamilyOf(a), fb = FamilyOf(b);
  if (model.Find(a) && model.Find(b)) {
    const model::Schema* common = model.Common(a, b);
    if (common == nullptr) {
      if (why) *why = std::string(a) + " and " + std::string(b) + " cannot be one entity";
      return false;
    }
    if (family) *family = FamilyOf(common->name());
    // LegalEntity is either a person or an organisation: take the other side's family.
    if (family && common->name() == "LegalEntity") *family = fa == fb ? fa : SchemaFamily::kOrganisation;
    if (why) *why = std::string(a) + " ~ " + std::string(b) + ": compatible as " + common->name();
    return true;
  }
  if (fa == fb || fa == SchemaFamily::kOther || fb == SchemaFamily::kOther) {
    if (family) *family = fa != SchemaFamily::kOther ? fa : fb;
    if (why) *why = std::string(a) + " ~ " + std::string(b) + ": compatible";
    return true;
  }
  if (why) *why = std::string(a) + " and " + std::string(b) + " cannot be one entity";
  return false;
}

const Scorer& Scorer::Default() {
  static const Scorer scorer = FromJson(model::kMatchWeightsJson);
  return scorer;
}

Scorer Scorer::FromJson(std::string_view json_text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("match weights: not JSON: ") + e.what());
  }
  if (!j.is_object()) throw std::runtime_error("match weights: not an object");
  Scorer s;
  if (!j.contains("algorithm") || !j["algorithm"].is_string()) throw std::runtime_error("match weights: no algorithm");
  s.algorithm_ = j["algorithm"].get<std::string>();
  if (j.contains("default_threshold")) s.default_threshold_ = FiniteNumber(j["default_threshold"], "default_threshold");
  if (j.contains("name_only_ceiling")) s.name_only_ceiling_ = FiniteNumber(j["name_only_ceiling"], "name_only_ceiling");
  if (!(s.name_only_ceiling_ > 0.0 && s.name_only_ceiling_ < 1.0))
    throw std::runtime_error("match weights: name_only_ceiling must be in (0, 1)");
  if (!j.contains("families") || !j["families"].is_object()) throw std::runtime_error("match weights: no families");
  for (SchemaFamily f : kFamilies) {
    const std::string name(FamilyName(f));
    if (!j["families"].contains(name)) throw std::runtime_error("match weights: no family " + name);
    const auto& fj = j["families"][name];
    FamilyWeights w;
    w.bias = FiniteNumber(fj.value("bias", nlohmann::json()), name + ".bias");
    if (!fj.contains("weights") || !fj["weights"].is_object())
      throw std::runtime_error("match weights: family " + name + " has no weights");
    for (const auto& [feature, value] : fj["weights"].items()) {
      const Feature id = FeatureByName(feature);
      if (id == Feature::kCount) throw std::runtime_error("match weights: unknown feature " + feature);
      w.weights[static_cast<std::size_t>(id)] = FiniteNumber(value, name + "." + feature);
    }
    s.families_[static_cast<int>(f)] = w;
  }
  return s;
}

double Scorer::LogOdds(SchemaFamily family, const FeatureVector& f, double* cap_adjustment) const {
  const FamilyWeights& w = families_[static_cast<int>(family)];
  double name_part = w.bias, rest = 0.0;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    if (!f[i].known) continue;
    const double c = w.weights[i] * f[i].value;
    if (IsNameFeature(static_cast<Feature>(i))) name_part += c;
    else rest += c;
  }
  // A soft ceiling: below knee the name part counts as it is; above, it is
  // compressed towards the cap without reaching it, so a better name still
  // scores higher (a hard clip gave "el chayo" the score of "elaine chao").
  const double cap = Logit(name_only_ceiling_);
  const double knee = cap - kCeilingSoftness;
  double adjustment = 0.0;
  if (name_part > knee) adjustment = cap - kCeilingSoftness * std::exp(-(name_part - knee) / kCeilingSoftness) - name_part;
  if (cap_adjustment) *cap_adjustment = adjustment;
  return name_part + adjustment + rest;
}

double Scorer::ScoreFeatures(SchemaFamily family, const FeatureVector& features) const {
  return Sigmoid(LogOdds(family, features, nullptr));
}

double Scorer::ScoreValue(const MatchRecord& query, const MatchRecord& candidate) const {
  SchemaFamily family = SchemaFamily::kOther;
  if (!SchemataCompatible(query.schema, candidate.schema, &family, nullptr)) return 0.0;
  return ScoreFeatures(family, CompareRecords(query, candidate, false));
}

MatchResult Scorer::Score(const MatchRecord& query, const MatchRecord& candidate) const {
  MatchResult r;
  r.algorithm = algorithm_;
  r.compatible = SchemataCompatible(query.schema, candidate.schema, &r.family, &r.schema_detail);
  if (!r.compatible) {
    r.score = 0.0;
    r.log_odds = -INFINITY;
    return r;
  }
  const FeatureVector f = CompareRecords(query, candidate, true);
  const FamilyWeights& w = families_[static_cast<int>(r.family)];
  double adjustment = 0.0;
  r.log_odds = LogOdds(r.family, f, &adjustment);
  r.score = Sigmoid(r.log_odds);
  r.bias = w.bias;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    if (!f[i].known) continue;
    FeatureContribution c;
    c.name = FeatureName(static_cast<Feature>(i));
    c.score = f[i].score;
    c.value = f[i].value;
    c.weight = w.weights[i];
    c.contribution = c.weight * c.value;
    c.detail = f[i].detail;
    r.features.push_back(std::move(c));
  }
  if (adjustment != 0.0) {
    FeatureContribution c;
    c.name = "name_only_ceiling";
    c.contribution = adjustment;
    char buf[96];
    std::snprintf(buf, sizeof buf, "names alone stay below %.2f; other evidence must corroborate",
                  name_only_ceiling_);
    c.detail = buf;
    r.features.push_back(std::move(c));
  }
  return r;
}

std::string ResultJson(const MatchResult& result, double threshold) {
  nlohmann::json j;
  j["score"] = result.score;
  j["match"] = result.score >= threshold;
  j["algorithm"] = result.algorithm;
  j["family"] = std::string(FamilyName(result.family));
  nlohmann::json ex = nlohmann::json::object();
  ex["schema_match"] = {{"score", result.compatible ? 1.0 : 0.0}, {"detail", result.schema_detail}};
  if (result.compatible) {
    j["log_odds"] = result.log_odds;
    j["bias"] = result.bias;
    for (const auto& c : result.features)
      ex[std::string(c.name)] = {{"score", c.score},   {"detail", c.detail},
                                 {"value", c.value},   {"weight", c.weight},
                                 {"contribution", c.contribution}};
  }
  j["explanations"] = std::move(ex);
  return j.dump();
}

}  // namespace dossier::match
