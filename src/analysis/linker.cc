#include "analysis/linker.h"

#include <algorithm>
#include <map>
#include <set>

#include "resolve/corpus.h"
#include "resolve/xref.h"

namespace dossier::analysis {
namespace {

bool ShareDataset(const resolve::CorpusEntity& a, const resolve::CorpusEntity& b) {
  for (const auto& d : a.datasets)
    if (std::binary_search(b.datasets.begin(), b.datasets.end(), d)) return true;
  return false;
}

}  // namespace

std::vector<Link> ProposeLinks(access::View& view) {
  auto corpus = resolve::MatchCorpus::Build(view);
  resolve::JudgedPairs judged;
  for (const auto& j : view.store().Judgements()) judged.insert({std::min(j.a, j.b), std::max(j.a, j.b)});
  resolve::XrefOptions options;
  options.threshold = kLinkThreshold;
  auto pairs = resolve::Xref(*corpus, judged, options);

  // For each entity and each source of a partner, how many partners there.
  std::map<std::pair<uint32_t, std::string>, int> partners;
  std::vector<const resolve::XrefPair*> across;
  for (const auto& p : pairs) {
    const auto& a = corpus->entity(p.a);
    const auto& b = corpus->entity(p.b);
    if (ShareDataset(a, b)) continue;
    across.push_back(&p);
    for (const auto& d : b.datasets) ++partners[{p.a, d}];
    for (const auto& d : a.datasets) ++partners[{p.b, d}];
  }
  std::vector<Link> links;
  for (const auto* p : across) {
    const auto& a = corpus->entity(p->a);
    const auto& b = corpus->entity(p->b);
    bool unique = true;
    for (const auto& d : b.datasets) unique = unique && partners[{p->a, d}] == 1;
    for (const auto& d : a.datasets) unique = unique && partners[{p->b, d}] == 1;
    if (unique) links.push_back(Link{a.id, b.id, p->result.score});
  }
  std::sort(links.begin(), links.end(), [](const Link& x, const Link& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return links;
}

int RecordLinks(store::Store& store, const std::vector<Link>& links, const std::string& user) {
  std::set<std::pair<std::string, std::string>> existing;
  for (const auto& j : store.Judgements()) existing.insert({j.a, j.b});
  int added = 0;
  for (const auto& l : links) {
    if (existing.count({std::min(l.a, l.b), std::max(l.a, l.b)})) continue;
    store.PutJudgement(store::Judgement{l.a, l.b, "positive", user, ""});
    ++added;
  }
  return added;
}

}  // namespace dossier::analysis
