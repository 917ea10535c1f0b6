// The match corpus: what one reader may see of the store, in the form screening
// and cross-referencing need — every visible entity that can be matched, its
// comparable record, and a candidate index over its names.
//
// Contract:
// - Built from an access::View and nothing else, so a corpus for a reader equals
//   the corpus built on a copy of the store holding only what that reader may see:
//   hidden statements add no name, no property, no dataset and no topic; an entity
//   with no visible statement is absent; index weights (IDF) count visible entities
//   only.
// - Entities are clusters (positive judgements merge them, as the view says), named
//   by the cluster id, numbered densely from 0 in cluster-id order, so the numbering
//   does not depend on the order statements arrived in.
// - Matchable: schemata that are a LegalEntity or a Vessel (persons, companies,
//   organisations, public bodies, vessels); ties, sanctions, addresses are not.
// - Topics: the entity's own `topics` values, plus "sanction" when a visible
//   Sanction names it (as access::View::TopicsOf). Datasets: the sources of its
//   visible statements, as the reader may know them (protected ones as "protected").
// - Immutable after Build(); any number of threads may read and query it.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "access/view.h"
#include "match/candidate_index.h"
#include "match/match_record.h"

namespace dossier::resolve {

struct CorpusEntity {
  std::string id;       // cluster id
  std::string schema;   // the most specific schema among its statements
  std::string caption;
  std::vector<std::string> members;   // entity ids merged into it (sorted)
  std::vector<std::string> datasets;  // sorted, unique
  std::set<std::string> topics;
  match::PropertyMap properties;      // visible values by FtM property (no "id")
  match::MatchRecord record;
};

class MatchCorpus {
 public:
  // `progress`, when given, is called now and then with (entities done, total).
  static std::unique_ptr<MatchCorpus> Build(access::View& view,
                                            const std::function<void(size_t, size_t)>& progress = {});

  size_t size() const { return entities_.size(); }
  const CorpusEntity& entity(uint32_t n) const { return entities_[n]; }
  // The number of a cluster id or member id; nullopt when not in the corpus.
  std::optional<uint32_t> Find(const std::string& id) const;
  const match::CandidateIndex& index() const { return index_; }

 private:
  std::vector<CorpusEntity> entities_;
  std::unordered_map<std::string, uint32_t> by_id_;  // cluster and member ids
  match::CandidateIndex index_;
};

// Whether entities of this schema take part in matching.
bool Matchable(const std::string& schema);

}  // namespace dossier::resolve
