#include "analysis/findings.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/grading.h"
#include "model/schema.h"
#include "text/fold.h"

namespace dossier::analysis {
namespace {

// Words that make a tie from the head of an administration an appointment...
constexpr std::string_view kOfficeWords[] = {
    "secretary", "adviser", "advisor", "counsel", "counselor", "attorney general", "director", "administrator",
    "ambassador", "assistant", "deputy", "chief", "press", "representative", "appointed", "envoy"};
// ...unless the tie says it is not one (yet, any more, or at all).
constexpr std::string_view kNotOfficeWords[] = {"campaign", "transition", "former", "friend", "considered",
                                                "informal", "nominee", "may continue", "per "};
constexpr std::string_view kOfficialTopics[] = {"role.pep", "role.diplo", "gov.head", "gov.national",
                                                "gov.security", "role.spy"};

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Lower(const std::string& s) {
  std::string out = s;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsOffice(const std::string& label) {
  std::string l = Lower(label);
  for (auto w : kNotOfficeWords)
    if (Contains(l, w)) return false;
  for (auto w : kOfficeWords)
    if (Contains(l, w)) return true;
  return false;
}

int TieRank(access::View& view, const access::Tie& tie) { return model::GradingRank(tie.reliability, tie.credibility); }

std::vector<access::Tie> TiesBetween(access::View& view, const std::string& from, const std::string& to) {
  std::vector<access::Tie> out;
  for (const auto& t : view.TiesOf(from))
    if (t.Other(from) == to) out.push_back(t);
  std::sort(out.begin(), out.end(), [&](const access::Tie& a, const access::Tie& b) {
    int ra = TieRank(view, a), rb = TieRank(view, b);
    return ra != rb ? ra < rb : a.tie_id < b.tie_id;
  });
  return out;
}

int StepCost(access::View& view, const std::string& from, const std::string& to) {
  auto ties = TiesBetween(view, from, to);
  return ties.empty() ? 1000 : TieRank(view, ties.front());
}

Route MakeRoute(access::View& view, const std::vector<std::string>& nodes) {
  Route r;
  std::vector<const store::StoredStatement*> evidence;
  for (size_t i = 0; i + 1 < nodes.size(); ++i) {
    PathStep step{nodes[i], nodes[i + 1], TiesBetween(view, nodes[i], nodes[i + 1])};
    r.steps.push_back(std::move(step));
  }
  for (const auto& step : r.steps)
    for (const auto& tie : step.ties)
      for (const auto* s : access::TieEvidence(tie)) evidence.push_back(s);
  r.marking = view.Highest(evidence);
  return r;
}

int RouteCost(access::View& view, const std::vector<std::string>& nodes) {
  int cost = 0;
  for (size_t i = 0; i + 1 < nodes.size(); ++i) cost += StepCost(view, nodes[i], nodes[i + 1]);
  return cost;
}

// Breadth-first from `start`; for every node within `hops`, its distance and
// the best-graded shortest path to it.
struct Reach {
  int distance;
  int cost;
  std::vector<std::string> path;
};

std::map<std::string, Reach> ReachFrom(access::View& view, const std::string& start, int hops) {
  std::map<std::string, Reach> reach{{start, Reach{0, 0, {start}}}};
  std::vector<std::string> frontier{start};
  for (int depth = 1; depth <= hops && !frontier.empty(); ++depth) {
    std::map<std::string, Reach> next;
    for (const auto& node : frontier) {
      const Reach& here = reach.at(node);
      for (const auto& tie : view.TiesOf(node)) {
        std::string other = tie.Other(node);
        if (reach.count(other)) continue;
        int cost = here.cost + TieRank(view, tie);
        auto path = here.path;
        path.push_back(other);
        auto it = next.find(other);
        if (it == next.end() || cost < it->second.cost || (cost == it->second.cost && path < it->second.path))
          next[other] = Reach{depth, cost, path};
      }
    }
    frontier.clear();
    for (auto& [node, r] : next) {
      reach.emplace(node, r);
      frontier.push_back(node);
    }
  }
  return reach;
}

void OnwardRoutes(access::View& view, std::vector<std::string>& path, const std::set<std::string>& avoid, int hops,
                  const FindingsOptions& options, std::vector<std::vector<std::string>>& out) {
  if (static_cast<int>(path.size()) - 1 >= hops) return;
  const std::string node = path.back();
  std::set<std::string> others;
  for (const auto& tie : view.TiesOf(node)) others.insert(tie.Other(node));
  for (const auto& other : others) {
    if (avoid.count(other) || std::find(path.begin(), path.end(), other) != path.end()) continue;
    path.push_back(other);
    if (view.TopicsOf(other).count("sanction")) out.push_back(path);
    else OnwardRoutes(view, path, avoid, hops, options, out);
    path.pop_back();
  }
}

}  // namespace

std::vector<std::string> AdministrationMembers(access::View& view, const std::string& head,
                                               const FindingsOptions& options) {
  std::set<std::string> members;
  std::string head_id = view.Resolve(head);
  members.insert(head_id);
  for (const auto& tie : view.TiesOf(head_id)) {
    std::string other = tie.Other(head_id);
    auto e = view.Get(other);
    if (e && e->schema == "Person" && IsOffice(tie.label)) members.insert(other);
  }
  // People tied to a national government body of the home country.
  std::set<std::string> bodies;
  view.Scan([&](const store::StoredStatement& s) {
    if (s.prop == "topics" && s.value == "gov.national") bodies.insert(view.Canonical(s.entity_id));
  });
  for (const auto& body : bodies) {
    auto e = view.Get(body);
    if (!e) continue;
    auto countries = e->Values("country");
    if (std::find(countries.begin(), countries.end(), options.home_country) == countries.end()) continue;
    for (const auto& tie : view.TiesOf(body)) {
      std::string other = tie.Other(body);
      auto p = view.Get(other);
      if (p && p->schema == "Person" && !Contains(Lower(tie.label), "former")) members.insert(other);
    }
  }
  return std::vector<std::string>(members.begin(), members.end());
}

std::vector<std::string> TargetReasons(access::View& view, const std::string& id, const FindingsOptions& options) {
  std::vector<std::string> reasons;
  auto e = view.Get(id);
  if (!e) return reasons;
  auto topics = view.TopicsOf(id);
  if (topics.count("sanction")) {
    std::set<std::string> authorities;
    for (const auto& s : view.SanctionsOf(id))
      for (const auto& a : s.Values("authority")) authorities.insert(a);
    std::string list;
    for (const auto& a : authorities) list += (list.empty() ? "" : "; ") + a;
    reasons.push_back("sanctioned" + (list.empty() ? std::string() : " by " + list));
  }
  std::set<std::string> countries;
  for (const char* prop : {"country", "nationality", "citizenship"})
    for (const auto& c : e->Values(prop)) countries.insert(c);
  if (!countries.count(options.home_country)) {
    for (auto topic : kOfficialTopics) {
      if (!topics.count(std::string(topic))) continue;
      std::string where;
      for (const auto& c : countries) where += (where.empty() ? "" : ", ") + c;
      reasons.push_back("foreign government official: " + std::string(topic) + (where.empty() ? "" : " (" + where + ")"));
      break;
    }
  }
  return reasons;
}

std::vector<Finding> FindHiddenTies(access::View& view, const std::vector<std::string>& subjects,
                                    const FindingsOptions& options) {
  std::set<std::string> subject_set(subjects.begin(), subjects.end());
  std::map<std::string, std::vector<std::string>> reasons_cache;
  auto reasons_of = [&](const std::string& id) -> const std::vector<std::string>& {
    auto it = reasons_cache.find(id);
    if (it != reasons_cache.end()) return it->second;
    return reasons_cache[id] = TargetReasons(view, id, options);
  };
  struct Best {
    std::string subject;
    Reach reach;
  };
  std::map<std::string, Best> best;  // target -> nearest subject and route
  for (const auto& subject : subject_set) {
    for (const auto& [node, reach] : ReachFrom(view, subject, options.max_hops)) {
      if (node == subject || subject_set.count(node) || reasons_of(node).empty()) continue;
      auto it = best.find(node);
      bool better = it == best.end() || reach.distance < it->second.reach.distance ||
                    (reach.distance == it->second.reach.distance &&
                     (reach.cost < it->second.reach.cost ||
                      (reach.cost == it->second.reach.cost && subject < it->second.subject)));
      if (better) best[node] = Best{subject, reach};
    }
  }
  std::vector<Finding> findings;
  for (const auto& [target, b] : best) {
    Finding f;
    f.subject = b.subject;
    f.target = target;
    f.reasons = reasons_of(target);
    f.route = MakeRoute(view, b.reach.path);
    bool sanctioned = view.TopicsOf(target).count("sanction") > 0;
    if (!sanctioned && options.onward_hops > 0) {
      std::vector<std::vector<std::string>> onward;
      std::vector<std::string> path{target};
      std::set<std::string> avoid(b.reach.path.begin(), b.reach.path.end());
      avoid.erase(target);
      OnwardRoutes(view, path, avoid, options.onward_hops, options, onward);
      std::sort(onward.begin(), onward.end(), [&](const auto& x, const auto& y) {
        if (x.size() != y.size()) return x.size() < y.size();
        int cx = RouteCost(view, x), cy = RouteCost(view, y);
        return cx != cy ? cx < cy : x < y;
      });
      if (onward.size() > 6) onward.resize(6);
      for (const auto& p : onward) f.onward.push_back(MakeRoute(view, p));
    }
    findings.push_back(std::move(f));
  }
  std::sort(findings.begin(), findings.end(), [&](const Finding& x, const Finding& y) {
    if (x.route.steps.size() != y.route.steps.size()) return x.route.steps.size() < y.route.steps.size();
    auto cx = view.Get(x.target)->Caption(), cy = view.Get(y.target)->Caption();
    return cx != cy ? cx < cy : x.target < y.target;
  });
  return findings;
}

}  // namespace dossier::analysis
