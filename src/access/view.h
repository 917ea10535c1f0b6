// A reader's view of the store: the only way anything above access reads
// statements.
//
// Contract: every method answers as if the store held only the statements the
// reader may see (Reader::CanSee). An entity with no visible statement does
// not exist: Get() returns nullopt, Resolve() fails with the same message as
// for an id never recorded, and no tie, path, count or ordering depends on it.
// Positive judgements merge entities into one cluster, named by the smallest
// member id; negative and unsure judgements merge nothing.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "access/reader.h"
#include "model/marking.h"
#include "model/schema.h"
#include "store/store.h"

namespace dossier::access {

struct Entity {
  std::string id;                   // the cluster's id
  std::string schema;               // the most specific schema among its statements
  std::vector<std::string> members; // entity ids merged into it (sorted; includes id)
  std::vector<store::StoredStatement> statements;  // visible, in store order

  std::vector<std::string> Values(std::string_view prop) const;
  std::string Caption() const;  // first name, else id
};

// The caption of an entity whose values of a property `values_of` gives: its best
// name (mixed case before shouting, then the shortest), else `fallback`.
std::string CaptionOf(const std::function<std::vector<std::string>(std::string_view)>& values_of,
                      const std::string& fallback);

// One visible tie between two visible entities.
struct Tie {
  std::string tie_id;    // the interval entity (Ownership, Family...)
  std::string schema;
  std::string from, to;  // cluster ids in the schema's direction
  bool directed = true;
  std::string label;     // "owns", or the tie's role/relationship text
  std::vector<store::StoredStatement> statements;  // the tie's visible statements
  // For an Event's tie (model::IsEventTieProperty): the key of the one statement
  // naming the entity involved; 0 for ties of edge schemata.
  int64_t event_claim = 0;
  // The weakest grading among the statements that make the tie (its ends).
  char reliability = 'F';
  int credibility = 6;
  std::string Other(const std::string& id) const { return from == id ? to : from; }
};

// The statements a tie rests on: those naming its two ends (for an Event's tie,
// the statement naming the entity involved).
std::vector<const store::StoredStatement*> TieEvidence(const Tie& tie);

struct Hop {
  std::string from, to;
  Tie tie;
};

class View {
 public:
  View(store::Store& store, Reader reader);

  const Reader& reader() const { return reader_; }
  store::Store& store() { return store_; }

  bool Visible(const store::StoredStatement& s);
  // Whether a statement under this marking key may be seen (retraction aside):
  // the rule Visible applies, for structures built from access::Feed.
  bool SeesMarking(int64_t marking_key);
  // Clusters of more than one member, as this reader sees them: cluster id ->
  // members (sorted, including the id). Members the reader cannot see are absent.
  const std::map<std::string, std::vector<std::string>>& Clusters() const { return clusters_; }
  model::Marking MarkingOf(int64_t marking_key);
  std::string Banner(int64_t marking_key);
  // The highest marking over statements: what a product made of them carries.
  model::Marking Highest(const std::vector<const store::StoredStatement*>& statements);

  // The source as this reader may know it: protected sources come back with
  // id "protected" and their sanitised description as title.
  model::Source SourceOf(const store::StoredStatement& s);
  std::vector<model::Source> Sources();  // sources with at least one visible statement, sanitised
  char Reliability(const std::string& source_id);

  std::string Canonical(const std::string& entity_id) const;
  std::optional<Entity> Get(const std::string& id);
  // An entity id, or a name that folds to exactly one visible entity's name.
  // Throws AccessError naming the argument when neither.
  std::string Resolve(const std::string& id_or_name);

  struct SearchResult {
    std::string id, caption, schema, matched;
    double score = 0;
  };
  std::vector<SearchResult> Search(const std::string& text, const std::string& schema, size_t limit);

  std::vector<Tie> TiesOf(const std::string& id);
  // Entities named by visible Sanction entities as sanctioned, with the sanction.
  std::vector<Entity> SanctionsOf(const std::string& id);
  // Topics from the entity's statements plus "sanction" when a sanction names it.
  std::set<std::string> TopicsOf(const std::string& id);

  // Breadth-first from id; returns (entity, distance) for every entity within
  // `hops`, excluding the start, ordered by distance then id.
  std::vector<std::pair<std::string, int>> Neighbours(const std::string& id, int hops,
                                                      const std::string& relation = {});
  // A shortest path (fewest hops; ties broken by entity id) or nullopt.
  std::optional<std::vector<Hop>> Path(const std::string& from, const std::string& to, int max_hops = 6);

  // Every visible statement, in entity order.
  void Scan(const std::function<void(const store::StoredStatement&)>& fn, const std::string& source_id = {});

 private:
  void LoadClusters();
  std::vector<store::StoredStatement> VisibleStatementsOf(const std::vector<std::string>& ids);

  store::Store& store_;
  Reader reader_;
  const model::Model& model_;
  std::map<int64_t, std::string> banners_;
  std::unordered_map<int64_t, bool> marking_visible_;
  std::unordered_map<int64_t, model::Marking> markings_;
  std::map<std::string, model::Source> sources_;
  std::map<std::string, std::string> canonical_;              // member -> cluster id
  std::map<std::string, std::vector<std::string>> clusters_;  // cluster id -> members
  static constexpr std::size_t kMaxCached = 4096;  // entities (and tie lists) kept for reuse
  std::unordered_map<std::string, std::optional<Entity>> entity_cache_;
  std::unordered_map<std::string, std::vector<Tie>> tie_cache_;
};

}  // namespace dossier::access
