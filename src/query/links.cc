#include "query/links.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "model/grading.h"
#include "model/schema.h"
#include "query/render.h"

namespace dossier::query {

graph::TieFilter TieQuery::Filter() const {
  graph::TieFilter f;
  const model::Model& model = model::Model::Default();
  for (const auto& r : relations) {
    const model::Schema* s = model.Find(r);
    if (!s || (!s->edge() && !s->IsA("Event")))
      throw QueryError(QueryError::kBadRequest,
                       "unknown relation schema '" + r + "' (a tie schema such as Ownership, Family, Associate, or Event)");
    f.relations.push_back(r);
  }
  if (!min_grading.empty()) {
    const bool ok = min_grading.size() == 2 && min_grading[0] >= 'A' && min_grading[0] <= 'F' && min_grading[1] >= '1' &&
                    min_grading[1] <= '6';
    if (!ok)
      throw QueryError(QueryError::kBadRequest,
                       "min grading '" + min_grading + "': expected a reliability A-F and a credibility 1-6, e.g. B2");
    f.worst_grading = model::GradingRank(min_grading[0], min_grading[1] - '0');
  }
  if (!as_of.empty()) {
    f.as_of = graph::PackDate(as_of, false);
    if (f.as_of == 0) throw QueryError(QueryError::kBadRequest, "as of '" + as_of + "': expected a date YYYY, YYYY-MM or YYYY-MM-DD");
  }
  return f;
}

uint32_t NodeOf(Session& s, const std::string& arg) {
  std::string id;
  try {
    id = s.View().Resolve(arg);
  } catch (const access::AccessError& e) {
    throw QueryError(QueryError::kNotFound, e.what());
  }
  auto node = s.ReaderGraph().Find(id);
  if (!node) throw QueryError(QueryError::kNotFound, "no entity with id or name '" + arg + "'");
  return *node;
}

nlohmann::json NodeJson(Session& s, uint32_t node) {
  const auto& rg = s.ReaderGraph();
  const std::string id(rg.Id(node));
  nlohmann::json topics = nlohmann::json::array();
  const uint64_t t = rg.Topics(node);
  for (std::size_t i = 0; i < rg.graph().Topics().size(); ++i)
    if (t & (uint64_t{1} << i)) topics.push_back(rg.graph().TopicName(static_cast<uint8_t>(i)));
  return {{"id", id}, {"caption", Caption(s.View(), id)}, {"schema", rg.Schema(node)}, {"topics", topics}};
}

uint64_t TopicMask(const graph::Graph& g, const std::vector<std::string>& patterns) {
  uint64_t mask = 0;
  for (const auto& p : patterns) {
    bool any = false;
    const bool prefix = p.size() >= 2 && p.substr(p.size() - 2) == ".*";
    for (std::size_t i = 0; i < g.Topics().size(); ++i) {
      const std::string& t = g.Topics()[i];
      const bool hit = prefix ? t.rfind(p.substr(0, p.size() - 1), 0) == 0 || t == p.substr(0, p.size() - 2) : t == p;
      if (hit) {
        mask |= uint64_t{1} << i;
        any = true;
      }
    }
    if (!any) throw QueryError(QueryError::kBadRequest, "unknown topic '" + p + "' (e.g. sanction, role.pep, gov.*, crime.*)");
  }
  return mask;
}

std::vector<std::string> RiskTopics() {
  return {"sanction", "sanction.linked", "role.pep", "role.rca", "gov.*", "crime.*", "wanted", "poi"};
}

namespace {

// The hop from u to v as the View renders it: of the ties the path may use,
// the best graded, then the smallest tie id.
std::optional<access::Hop> HopOf(Session& s, uint32_t u, uint32_t v, const std::vector<uint32_t>& ties) {
  const auto& rg = s.ReaderGraph();
  const auto ids = rg.graph().TieIds(s.Feed(), ties);
  const std::set<std::string> allowed(ids.begin(), ids.end());
  const std::string from(rg.Id(u)), to(rg.Id(v));
  std::optional<access::Tie> best;
  for (auto& tie : s.View().TiesOf(from)) {
    if (!allowed.count(tie.tie_id) || tie.Other(from) != to) continue;
    const int rank = model::GradingRank(tie.reliability, tie.credibility);
    if (!best || rank < model::GradingRank(best->reliability, best->credibility) ||
        (rank == model::GradingRank(best->reliability, best->credibility) && tie.tie_id < best->tie_id))
      best = tie;
  }
  if (!best) return std::nullopt;
  return access::Hop{from, to, *best};
}

void CheckHops(int hops, const char* name) {
  if (hops < 1 || hops > 64) throw QueryError(QueryError::kBadRequest, std::string(name) + " must be between 1 and 64");
}

}  // namespace

RenderedPath Render(Session& s, const graph::Path& p) {
  RenderedPath out;
  for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
    auto hop = HopOf(s, p.nodes[i], p.nodes[i + 1], p.ties[i]);
    if (!hop)
      throw QueryError(QueryError::kInternal, "internal: the graph and the view disagree about a tie of " +
                                                  std::string(s.ReaderGraph().Id(p.nodes[i])) + "; run `dossier reindex`");
    out.hops.push_back(std::move(*hop));
  }
  out.marking = HighestOf(s, out.hops);
  return out;
}

std::string HighestOf(Session& s, const std::vector<access::Hop>& hops) {
  if (hops.empty()) return "";
  std::vector<const store::StoredStatement*> evidence;
  for (const auto& h : hops)
    for (const auto* st : access::TieEvidence(h.tie)) evidence.push_back(st);
  return s.View().Highest(evidence).Print(s.View().reader().scheme());
}

nlohmann::json PathJson(Session& s, const graph::Path& p, bool weighted) {
  const RenderedPath r = Render(s, p);
  // Each hop carries the dates of the tie it shows (TieJson), not those of a
  // parallel tie the graph could also have crossed.
  nlohmann::json hops = nlohmann::json::array();
  for (const auto& hop : r.hops) hops.push_back(HopJson(s.View(), hop));
  nlohmann::json j = {{"length", p.Length()}, {"hops", hops}, {"marking", r.marking}};
  if (weighted) j["cost"] = p.cost;
  return j;
}

std::vector<access::Hop> TiesAmong(Session& s, const std::vector<uint32_t>& nodes, const graph::TieFilter& filter,
                                   const std::vector<uint32_t>* only_ties) {
  const auto& rg = s.ReaderGraph();
  const std::set<uint32_t> in(nodes.begin(), nodes.end());
  std::set<uint32_t> allowed;
  if (only_ties) allowed.insert(only_ties->begin(), only_ties->end());
  const auto f = rg.Prepare(filter);
  std::vector<access::Hop> hops;
  std::set<uint32_t> done;
  for (uint32_t u : nodes) {
    if (!done.insert(u).second) continue;
    std::map<uint32_t, std::vector<uint32_t>> by_other;
    rg.ForEachTie(u, f, [&](uint32_t w, uint32_t tie, bool) {
      if (u < w && in.count(w) && (!only_ties || allowed.count(tie))) by_other[w].push_back(tie);
    });
    for (auto& [w, ties] : by_other)
      if (auto hop = HopOf(s, u, w, ties)) hops.push_back(*hop);
  }
  return hops;
}

graph::Subgraph SubgraphOf(Session& s, const std::vector<uint32_t>& nodes, const std::vector<access::Hop>& hops,
                           const std::string& marking) {
  graph::Subgraph g;
  g.marking = marking;
  std::set<uint32_t> seen;
  for (uint32_t n : nodes) {
    if (!seen.insert(n).second) continue;
    const auto j = NodeJson(s, n);
    graph::SubgraphNode node{j["id"], j["caption"], j["schema"], {}};
    for (const auto& t : j["topics"]) node.topics.push_back(t);
    g.nodes.push_back(std::move(node));
  }
  std::set<std::string> tie_seen;
  for (const auto& h : hops) {
    if (!tie_seen.insert(h.tie.tie_id + "|" + h.tie.from + "|" + h.tie.to).second) continue;
    graph::SubgraphEdge e;
    e.id = h.tie.tie_id;
    e.from = h.tie.from;
    e.to = h.tie.to;
    e.schema = h.tie.schema;
    e.label = h.tie.label;
    e.directed = h.tie.directed;
    e.grading = model::Grading(h.tie.reliability, h.tie.credibility);
    std::set<std::string> sources;
    for (const auto* st : access::TieEvidence(h.tie)) sources.insert(s.View().SourceOf(*st).id);
    e.sources.assign(sources.begin(), sources.end());
    g.edges.push_back(std::move(e));
  }
  return g;
}

nlohmann::json NeighboursJson(Session& s, const std::string& id, int hops, const std::string& schema, const TieQuery& ties) {
  CheckHops(hops, "hops");
  const model::Model& model = model::Model::Default();
  if (!schema.empty() && !model.Find(schema)) throw QueryError(QueryError::kBadRequest, "unknown schema '" + schema + "'");
  const graph::TieFilter filter = ties.Filter();
  const auto& rg = s.ReaderGraph();
  const uint32_t node = NodeOf(s, id);
  auto found = graph::Traversal(rg).Neighbours(node, hops, filter);
  std::erase_if(found, [&](const auto& x) {
    if (schema.empty()) return false;
    const model::Schema* sc = model.Find(rg.Schema(x.first));
    return !sc || !sc->IsA(schema);
  });
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [n, d] : found) {
    nlohmann::json j = NodeJson(s, n);
    j["distance"] = d;
    list.push_back(std::move(j));
  }
  return {{"id", std::string(rg.Id(node))}, {"hops", hops}, {"count", found.size()}, {"neighbours", list}};
}

nlohmann::json AdjacentJson(Session& s, const std::string& id, const TieQuery& ties) {
  const graph::TieFilter filter = ties.Filter();
  const auto& rg = s.ReaderGraph();
  const uint32_t node = NodeOf(s, id);
  const std::string self(rg.Id(node));
  // The ties the graph lets through the filter, by the other end.
  std::map<uint32_t, std::vector<uint32_t>> by_other;
  const auto f = rg.Prepare(filter);
  rg.ForEachTie(node, f, [&](uint32_t w, uint32_t tie, bool) { by_other[w].push_back(tie); });
  std::set<std::string> allowed;
  std::map<std::string, uint32_t> node_of_id;
  for (const auto& [w, list] : by_other) {
    for (auto& tie_id : rg.graph().TieIds(s.Feed(), list)) allowed.insert(tie_id);
    node_of_id[std::string(rg.Id(w))] = w;
  }
  std::vector<access::Tie> kept;
  for (const auto& tie : s.View().TiesOf(self))
    if (allowed.count(tie.tie_id) && node_of_id.count(tie.Other(self))) kept.push_back(tie);
  std::stable_sort(kept.begin(), kept.end(), [](const access::Tie& a, const access::Tie& b) {
    return model::GradingRank(a.reliability, a.credibility) < model::GradingRank(b.reliability, b.credibility);
  });
  nlohmann::json list = nlohmann::json::array();
  for (const auto& tie : kept) {
    nlohmann::json j = TieJson(s.View(), tie, self);
    j["node"] = NodeJson(s, node_of_id.at(tie.Other(self)));
    list.push_back(std::move(j));
  }
  return {{"entity", NodeJson(s, node)}, {"ties", list}};
}

nlohmann::json PathsJson(Session& s, const std::string& from_arg, const std::string& to_arg, const PathQuery& q) {
  if (q.max_hops < 0 || q.max_hops > 64) throw QueryError(QueryError::kBadRequest, "max hops must be between 0 and 64");
  if (q.k < 1 || q.k > 100) throw QueryError(QueryError::kBadRequest, "k must be between 1 and 100");
  if (q.time_ordered && (q.weighted || q.k > 1))
    throw QueryError(QueryError::kBadRequest, "a time-ordered path is one shortest path: not weighted, and k = 1");
  graph::PathOptions options;
  options.max_hops = q.max_hops;
  options.weighted = q.weighted;
  options.time_ordered = q.time_ordered;
  options.filter = q.ties.Filter();
  const uint32_t u = NodeOf(s, from_arg), v = NodeOf(s, to_arg);
  graph::Traversal walk(s.ReaderGraph());
  nlohmann::json j = {{"from", std::string(s.ReaderGraph().Id(u))}, {"to", std::string(s.ReaderGraph().Id(v))}};
  if (q.k > 1) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : walk.KShortest(u, v, q.k, options)) list.push_back(PathJson(s, p, q.weighted));
    j["count"] = list.size();
    j["paths"] = std::move(list);
    return j;
  }
  if (auto p = walk.Shortest(u, v, options)) {
    j.update(PathJson(s, *p, q.weighted));
  } else {
    j["length"] = nullptr;
    j["hops"] = nlohmann::json::array();
    j["marking"] = "";
  }
  return j;
}

nlohmann::json ExposureJson(Session& s, const std::string& id, std::vector<std::string> topics, int max_hops,
                            const TieQuery& ties) {
  CheckHops(max_hops, "max hops");
  if (topics.empty()) topics = RiskTopics();
  const auto& rg = s.ReaderGraph();
  const uint64_t mask = TopicMask(rg.graph(), topics);
  const uint32_t node = NodeOf(s, id);
  const auto exposed = graph::Traversal(rg).Exposure(node, mask, max_hops, ties.Filter());
  nlohmann::json list = nlohmann::json::array();
  std::vector<access::Hop> all_hops;
  for (const auto& e : exposed) {
    nlohmann::json j = NodeJson(s, e.node);
    nlohmann::json matched = nlohmann::json::array();
    for (std::size_t i = 0; i < rg.graph().Topics().size(); ++i)
      if (e.topics & (uint64_t{1} << i)) matched.push_back(rg.graph().TopicName(static_cast<uint8_t>(i)));
    j["matched_topics"] = matched;
    j["distance"] = e.distance;
    j["weakest"] = model::Grading(static_cast<char>('A' + e.weakest / 6), e.weakest % 6 + 1);
    j["path"] = PathJson(s, e.path, false);
    RenderedPath r = Render(s, e.path);
    all_hops.insert(all_hops.end(), r.hops.begin(), r.hops.end());
    list.push_back(std::move(j));
  }
  return {{"id", std::string(rg.Id(node))}, {"max_hops", max_hops}, {"count", exposed.size()}, {"exposed", list},
          {"marking", HighestOf(s, all_hops)}};
}

nlohmann::json NetworkJson(Session& s, const std::vector<std::string>& ids, int max_hops, const TieQuery& ties,
                           graph::Subgraph* subgraph) {
  if (ids.size() < 2) throw QueryError(QueryError::kBadRequest, "a network needs at least two entities");
  CheckHops(max_hops, "max hops");
  std::vector<uint32_t> seeds;
  for (const auto& a : ids) seeds.push_back(NodeOf(s, a));
  graph::PathOptions options;
  options.max_hops = max_hops;
  options.filter = ties.Filter();
  const auto& rg = s.ReaderGraph();
  const auto net = graph::Traversal(rg).Connecting(seeds, options);
  const auto hops = TiesAmong(s, net.nodes, options.filter, &net.ties);
  const std::string marking = HighestOf(s, hops);
  if (subgraph) *subgraph = SubgraphOf(s, net.nodes, hops, marking);
  nlohmann::json nodes = nlohmann::json::array(), list = nlohmann::json::array(), unconnected = nlohmann::json::array();
  for (uint32_t n : net.nodes) nodes.push_back(NodeJson(s, n));
  for (const auto& h : hops) list.push_back(HopJson(s.View(), h));
  for (const auto& [a, b] : net.unconnected) unconnected.push_back({std::string(rg.Id(a)), std::string(rg.Id(b))});
  nlohmann::json seed_ids = nlohmann::json::array();
  for (uint32_t n : seeds) seed_ids.push_back(std::string(rg.Id(n)));
  return {{"seeds", seed_ids}, {"nodes", nodes}, {"ties", list}, {"unconnected", unconnected}, {"marking", marking},
          {"max_hops", max_hops}};
}

nlohmann::json CommonJson(Session& s, const std::string& a, const std::string& b, const TieQuery& ties) {
  const uint32_t u = NodeOf(s, a), v = NodeOf(s, b);
  const auto& rg = s.ReaderGraph();
  const auto common = graph::Traversal(rg).CommonNeighbours(u, v, ties.Filter());
  nlohmann::json list = nlohmann::json::array();
  for (uint32_t n : common) list.push_back(NodeJson(s, n));
  return {{"a", std::string(rg.Id(u))}, {"b", std::string(rg.Id(v))}, {"count", common.size()}, {"common", list}};
}

std::string HopLine(const nlohmann::json& hop) {
  std::set<std::string> sources;
  for (const auto& src : hop["sources"]) {
    const std::string title = src.value("title", "");
    sources.insert(title.empty() ? src.value("id", "") : title);
  }
  std::string source_list;
  for (const auto& x : sources) source_list += (source_list.empty() ? "" : "; ") + x;
  return fmt::format("{} --[{}: {}]--> {}   {} {}  on the word of: {}", hop.value("from_caption", ""),
                     hop.value("schema", ""), hop.value("label", ""), hop.value("to_caption", ""),
                     hop.value("grading", ""), hop.value("marking", ""), source_list);
}

}  // namespace dossier::query
