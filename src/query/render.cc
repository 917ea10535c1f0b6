#include "query/render.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "model/grading.h"
#include "model/schema.h"
#include "model/statement.h"

namespace dossier::query {
namespace {

// Properties for which two different values are a conflict, not a list.
const std::set<std::string> kSingleValued = {"birthDate", "deathDate", "gender", "incorporationDate",
                                             "dissolutionDate", "birthPlace"};

}  // namespace

std::string Caption(access::View& view, const std::string& id) {
  auto e = view.Get(id);
  return e ? e->Caption() : id;
}

std::string GradingOf(access::View& view, const store::StoredStatement& s) {
  return model::Grading(view.Reliability(s.source_id), s.credibility);
}

std::string SourceLabel(access::View& view, const store::StoredStatement& s) {
  model::Source src = view.SourceOf(s);
  return src.title.empty() ? src.id : src.title;
}

nlohmann::json StatementJson(access::View& view, const store::StoredStatement& s) {
  model::Source src = view.SourceOf(s);
  nlohmann::json j = {{"statement", model::KeyToHex(s.key)},
                      {"value", s.value},
                      {"source", src.id},
                      {"source_title", src.title},
                      {"grading", GradingOf(view, s)},
                      {"reliability", std::string(1, src.reliability)},
                      {"credibility", s.credibility},
                      {"marking", view.Banner(s.marking)},
                      {"first_seen", s.first_seen},
                      {"last_seen", s.last_seen}};
  if (!s.original_value.empty()) j["original_value"] = s.original_value;
  if (!s.lang.empty()) j["lang"] = s.lang;
  if (s.entity_id != "") j["entity_id"] = s.entity_id;
  return j;
}

nlohmann::json TieJson(access::View& view, const access::Tie& tie, const std::string& self) {
  nlohmann::json sources = nlohmann::json::array();
  std::set<std::string> seen;
  auto evidence = TieEvidence(tie);
  for (const auto* s : evidence) {
    model::Source src = view.SourceOf(*s);
    if (seen.insert(src.id + src.title).second)
      sources.push_back({{"id", src.id}, {"title", src.title}, {"reliability", std::string(1, src.reliability)}});
  }
  // The tie's dates as its visible statements give them (events: their date).
  std::string start, end;
  for (const auto& s : tie.statements) {
    if ((s.prop == "startDate" || s.prop == "date") && (start.empty() || s.value < start)) start = s.value;
    if ((s.prop == "endDate" || s.prop == "date") && s.value > end) end = s.value;
  }
  std::string other = tie.Other(self);
  return {{"tie", tie.tie_id},
          {"start", start.empty() ? nlohmann::json() : nlohmann::json(start)},
          {"end", end.empty() ? nlohmann::json() : nlohmann::json(end)},
          {"schema", tie.schema},
          {"label", tie.label},
          {"from", tie.from},
          {"to", tie.to},
          {"directed", tie.directed},
          {"other", other},
          {"other_caption", Caption(view, other)},
          {"direction", !tie.directed ? "both" : (tie.from == self ? "out" : "in")},
          {"grading", model::Grading(tie.reliability, tie.credibility)},
          {"sources", sources},
          {"marking", view.Highest(evidence).Print(view.reader().scheme())}};
}

nlohmann::json HopJson(access::View& view, const access::Hop& hop) {
  nlohmann::json j = TieJson(view, hop.tie, hop.from);
  j["from"] = hop.from;
  j["from_caption"] = Caption(view, hop.from);
  j["to"] = hop.to;
  j["to_caption"] = Caption(view, hop.to);
  j["relation"] = hop.tie.schema;
  return j;
}

nlohmann::json EntityJson(access::View& view, const access::Entity& e) {
  nlohmann::json props = nlohmann::json::object();
  std::vector<const store::StoredStatement*> all;
  for (const auto& s : e.statements) {
    all.push_back(&s);
    if (s.prop == "id") continue;
    props[s.prop].push_back(StatementJson(view, s));
  }
  nlohmann::json conflicts = nlohmann::json::array();
  for (auto& [prop, values] : props.items()) {
    std::set<std::string> distinct;
    for (auto& v : values) distinct.insert(v["value"].get<std::string>());
    if (kSingleValued.count(prop) && distinct.size() > 1) conflicts.push_back(prop);
  }
  // The page shows its ties and sanctions too: its marking is the highest of all of them.
  const auto tie_list = view.TiesOf(e.id);
  nlohmann::json ties = nlohmann::json::array();
  for (const auto& tie : tie_list) {
    ties.push_back(TieJson(view, tie, e.id));
    for (const auto& s : tie.statements) all.push_back(&s);
  }
  const auto sanction_list = view.SanctionsOf(e.id);
  nlohmann::json sanctions = nlohmann::json::array();
  for (const auto& s : sanction_list) {
    sanctions.push_back({{"id", s.id}, {"authority", s.Values("authority")}, {"program", s.Values("program")},
                         {"listingDate", s.Values("listingDate")}});
    for (const auto& st : s.statements) all.push_back(&st);
  }
  auto topics = view.TopicsOf(e.id);
  return {{"id", e.id},
          {"schema", e.schema},
          {"caption", e.Caption()},
          {"members", e.members},
          {"topics", std::vector<std::string>(topics.begin(), topics.end())},
          {"properties", props},
          {"conflicts", conflicts},
          {"ties", ties},
          {"sanctions", sanctions},
          {"marking", view.Highest(all).Print(view.reader().scheme())}};
}

std::string TieText(access::View& view, const access::Tie& tie, const std::string& self) {
  std::string other = tie.Other(self);
  const char* arrow = !tie.directed ? "<->" : (tie.from == self ? "-->" : "<--");
  auto evidence = TieEvidence(tie);
  std::set<std::string> sources;
  for (const auto* s : evidence) sources.insert(SourceLabel(view, *s));
  std::string source_list;
  for (const auto& s : sources) source_list += (source_list.empty() ? "" : "; ") + s;
  return fmt::format("{} {} ({})  [{}: {}]  {} {}  {}", arrow, Caption(view, other), other, tie.schema, tie.label,
                     model::Grading(tie.reliability, tie.credibility), view.Highest(evidence).Print(view.reader().scheme()),
                     source_list);
}

std::string EntityText(access::View& view, const access::Entity& e) {
  std::vector<const store::StoredStatement*> all;
  for (const auto& s : e.statements) all.push_back(&s);
  // As EntityJson: the marking covers the ties and sanctions shown below.
  const auto tie_list = view.TiesOf(e.id);
  const auto sanction_list = view.SanctionsOf(e.id);
  for (const auto& t : tie_list)
    for (const auto& s : t.statements) all.push_back(&s);
  for (const auto& x : sanction_list)
    for (const auto& s : x.statements) all.push_back(&s);
  std::string out = fmt::format("{}  [{}]  {}\n", e.Caption(), e.schema, e.id);
  out += fmt::format("marking: {}\n", view.Highest(all).Print(view.reader().scheme()));
  if (e.members.size() > 1) {
    std::string members;
    for (const auto& m : e.members) members += (members.empty() ? "" : ", ") + m;
    out += fmt::format("merged from: {}\n", members);
  }
  auto topics = view.TopicsOf(e.id);
  if (!topics.empty()) {
    std::string t;
    for (const auto& x : topics) t += (t.empty() ? "" : ", ") + x;
    out += fmt::format("topics: {}\n", t);
  }
  std::map<std::string, std::vector<const store::StoredStatement*>> by_prop;
  for (const auto& s : e.statements)
    if (s.prop != "id") by_prop[s.prop].push_back(&s);
  out += "\n";
  for (const auto& [prop, statements] : by_prop) {
    std::set<std::string> distinct;
    for (const auto* s : statements) distinct.insert(s->value);
    bool conflict = kSingleValued.count(prop) && distinct.size() > 1;
    bool first = true;
    for (const auto* s : statements) {
      out += fmt::format("  {:<18} {:<40} {}  {:<28} {}\n", first ? prop + (conflict ? " (!)" : "") : "", s->value,
                         GradingOf(view, *s), view.Banner(s->marking), SourceLabel(view, *s));
      first = false;
    }
  }
  if (!tie_list.empty()) {
    out += fmt::format("\nties ({}):\n", tie_list.size());
    for (const auto& t : tie_list) out += "  " + TieText(view, t, e.id) + "\n";
  }
  for (const auto& s : sanction_list) {
    std::string programs;
    for (const auto& p : s.Values("program")) programs += (programs.empty() ? "" : ", ") + p;
    auto authority = s.Values("authority");
    out += fmt::format("\nsanctioned: {} ({})\n", authority.empty() ? s.id : authority.front(), programs);
  }
  return out;
}

}  // namespace dossier::query
