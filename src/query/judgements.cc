#include "query/judgements.h"

#include <algorithm>

#include "query/session.h"

namespace dossier::query {

nlohmann::json Judge(access::View& view, const std::string& a, const std::string& b, const std::string& verdict, bool undo) {
  if (!undo && verdict != "positive" && verdict != "negative" && verdict != "unsure")
    throw QueryError(QueryError::kBadRequest, "verdict must be positive, negative or unsure (or an undo)");
  if (undo && !verdict.empty()) throw QueryError(QueryError::kBadRequest, "an undo takes no verdict");
  std::string ida, idb;
  try {
    ida = view.Resolve(a);
    idb = view.Resolve(b);
  } catch (const access::AccessError& e) {
    throw QueryError(QueryError::kNotFound, e.what());
  }
  if (view.reader().user().role == "reader") throw QueryError(QueryError::kForbidden, "readers may not record judgements");
  auto& store = view.store();
  // Resolve() names clusters. A judgement is about the records the analyst
  // named: when an argument is a member id, keep it rather than its cluster's.
  auto member_or_cluster = [&](const std::string& arg, const std::string& cluster) {
    auto e = view.Get(cluster);
    if (e && std::binary_search(e->members.begin(), e->members.end(), arg)) return arg;
    return cluster;
  };
  ida = member_or_cluster(a, ida);
  idb = member_or_cluster(b, idb);
  if (undo) {
    auto ea = view.Get(ida), eb = view.Get(idb);
    std::string ra, rb;
    for (const auto& x : ea->members)
      for (const auto& y : eb->members)
        if (ra.empty() && store.RemoveJudgement(x, y)) ra = x, rb = y;
    if (ra.empty()) throw QueryError(QueryError::kNotFound, "no judgement between '" + a + "' and '" + b + "'");
    store.AppendAudit(view.reader().name(), "judge", nlohmann::json{{"a", ra}, {"b", rb}, {"verdict", "undo"}}.dump(), 1);
    return {{"a", ra}, {"b", rb}, {"verdict", nullptr}, {"undone", true}};
  }
  if (ida == idb && verdict == "positive") return {{"a", ida}, {"b", idb}, {"verdict", verdict}, {"note", "already one entity"}};
  store.PutJudgement(store::Judgement{ida, idb, verdict, view.reader().name(), ""});
  store.AppendAudit(view.reader().name(), "judge", nlohmann::json{{"a", ida}, {"b", idb}, {"verdict", verdict}}.dump(), 1);
  nlohmann::json out = {{"a", ida}, {"b", idb}, {"verdict", verdict}};
  if (verdict == "positive") {
    access::View after(store, view.reader());
    if (after.Canonical(ida) != after.Canonical(idb)) out["apart"] = true;
  }
  return out;
}

}  // namespace dossier::query
