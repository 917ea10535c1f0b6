// Reading labelled pairs and measuring the scorer on them. See pair_eval.h.
#include "match/pair_eval.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace dossier::match {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// 1 / 0 for a label, -1 when it is not one.
int ParseLabel(std::string_view s) {
  const std::string l = Lower(Trim(s));
  if (l == "1" || l == "true" || l == "yes") return 1;
  if (l == "0" || l == "false" || l == "no") return 0;
  return -1;
}

// "birthDate=1960|nationality=ru" into `out`; false with `why` on a bad item.
bool ParseProps(std::string_view s, PropertyMap& out, std::string& why) {
  s = Trim(s);
  while (!s.empty()) {
    const std::size_t bar = s.find('|');
    std::string_view item = Trim(s.substr(0, bar));
    s = bar == std::string_view::npos ? std::string_view() : s.substr(bar + 1);
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      why = "property item without key=value: " + std::string(item);
      return false;
    }
    out[std::string(Trim(item.substr(0, eq)))].emplace_back(Trim(item.substr(eq + 1)));
  }
  return true;
}

Metrics Finish(Metrics m) {
  const double tp = static_cast<double>(m.tp), fp = static_cast<double>(m.fp);
  const double fn = static_cast<double>(m.fn), tn = static_cast<double>(m.tn);
  m.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
  m.recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
  m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
  const double all = tp + fp + fn + tn;
  m.accuracy = all > 0 ? (tp + tn) / all : 0.0;
  return m;
}

PairEvalGroup Group(std::string schema, std::span<const ScoredLabel> scored, double threshold) {
  PairEvalGroup g;
  g.schema = std::move(schema);
  g.pairs = scored.size();
  g.positives = static_cast<std::size_t>(std::count_if(scored.begin(), scored.end(), [](auto& s) { return s.is_match; }));
  g.at_threshold = MetricsAt(scored, threshold);
  g.best = BestThreshold(scored);
  return g;
}

}  // namespace

bool SplitCsvLine(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"' && !was_quoted && Trim(field).empty()) {
      field.clear();
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(was_quoted ? field : std::string(Trim(field)));
      field.clear();
      was_quoted = false;
    } else {
      field += c;
    }
  }
  if (quoted) return false;
  fields.push_back(was_quoted ? field : std::string(Trim(field)));
  return true;
}

PairFile ReadLabelledPairs(std::istream& in) {
  PairFile out;
  std::string line;
  std::vector<std::string> f;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    if (!SplitCsvLine(line, f)) {
      out.errors.push_back({number, "unterminated quote"});
      continue;
    }
    if (number == 1 && f.size() >= 4 && ParseLabel(f[3]) < 0) continue;  // a header
    if (f.size() != 4 && f.size() != 6) {
      out.errors.push_back({number, "expected 4 or 6 fields (schema,name1,name2,is_match[,props1,props2]), got " +
                                        std::to_string(f.size())});
      continue;
    }
    LabelledPair row;
    row.line = number;
    row.schema = f[0];
    row.name1 = f[1];
    row.name2 = f[2];
    const int label = ParseLabel(f[3]);
    if (row.schema.empty()) {
      out.errors.push_back({number, "empty schema"});
      continue;
    }
    if (row.name1.empty() || row.name2.empty()) {
      out.errors.push_back({number, "empty name"});
      continue;
    }
    if (label < 0) {
      out.errors.push_back({number, "is_match must be 1/0, true/false or yes/no, got \"" + f[3] + "\""});
      continue;
    }
    row.is_match = label == 1;
    if (f.size() == 6) {
      std::string why;
      if (!ParseProps(f[4], row.extra1, why) || !ParseProps(f[5], row.extra2, why)) {
        out.errors.push_back({number, why});
        continue;
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

Metrics MetricsAt(std::span<const ScoredLabel> scored, double threshold) {
  Metrics m;
  m.threshold = threshold;
  for (const auto& s : scored) {
    const bool predicted = s.score >= threshold;
    if (predicted && s.is_match) ++m.tp;
    else if (predicted) ++m.fp;
    else if (s.is_match) ++m.fn;
    else ++m.tn;
  }
  return Finish(m);
}

Metrics BestThreshold(std::span<const ScoredLabel> scored) {
  if (scored.empty()) {
    Metrics m;
    m.threshold = 1.0;
    return m;
  }
  std::vector<ScoredLabel> sorted(scored.begin(), scored.end());
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  std::size_t positives = 0;
  for (const auto& s : sorted) positives += s.is_match;
  Metrics best;
  bool have = false;
  std::size_t tp = 0, fp = 0;
  // Predicting the first k rows (all with score >= sorted[k-1].score) as matches.
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    if (sorted[k].is_match) ++tp;
    else ++fp;
    if (k + 1 < sorted.size() && sorted[k + 1].score == sorted[k].score) continue;
    Metrics m;
    m.threshold = sorted[k].score;
    m.tp = tp;
    m.fp = fp;
    m.fn = positives - tp;
    m.tn = sorted.size() - k - 1 - m.fn;
    m = Finish(m);
    const bool better = !have || m.f1 > best.f1 + 1e-12 ||
                        (std::abs(m.f1 - best.f1) <= 1e-12 && m.accuracy > best.accuracy + 1e-12);
    if (better) {
      best = m;
      have = true;
    }
  }
  return best;
}

MatchRecord LeftRecord(const LabelledPair& row) {
  PropertyMap props = row.extra1;
  props["name"].push_back(row.name1);
  return BuildMatchRecord(row.schema, props);
}

MatchRecord RightRecord(const LabelledPair& row) {
  PropertyMap props = row.extra2;
  props["name"].push_back(row.name2);
  return BuildMatchRecord(row.schema, props);
}

PairEvalReport EvaluatePairs(std::span<const LabelledPair> rows, const Scorer& scorer, double threshold) {
  PairEvalReport r;
  r.algorithm = scorer.algorithm();
  r.threshold = threshold;
  std::map<std::string, std::vector<ScoredLabel>> by_schema;
  for (const auto& row : rows) {
    const ScoredLabel s{scorer.ScoreValue(LeftRecord(row), RightRecord(row)), row.is_match};
    r.scores.push_back(s);
    by_schema[row.schema].push_back(s);
  }
  r.overall = Group("", r.scores, threshold);
  for (const auto& [schema, scored] : by_schema) r.per_schema.push_back(Group(schema, scored, threshold));
  return r;
}

}  // namespace dossier::match
