#include "access/feed.h"

namespace dossier::access {

std::map<int64_t, char> Feed::ReliabilityBySourceKey() {
  std::map<std::string, char> by_id;
  for (const auto& s : store_.Sources()) by_id[s.id] = s.reliability;
  std::map<int64_t, char> out;
  for (const auto& [key, id] : store_.Vocab().sources) {
    auto it = by_id.find(id);
    out[key] = it == by_id.end() ? 'F' : it->second;
  }
  return out;
}

}  // namespace dossier::access
