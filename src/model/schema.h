// The FollowTheMoney schemata dossier understands, loaded from schema/ftm.json.
//
// Contract: a Model is immutable once built. Every Schema it holds has its
// inherited properties already merged in, so Find() never walks parents.
// Model::Default() is the compiled-in definition; FromJson() builds others
// (tests use it to prove the definition is data, not code).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::model {

enum class PropertyType {
  kName, kDate, kCountry, kIdentifier, kEntity, kTopic, kUrl, kText,
  kString, kNumber, kGender, kEmail, kPhone, kAddress, kLanguage,
};

std::string_view TypeName(PropertyType type);
std::optional<PropertyType> ParseTypeName(std::string_view name);

struct Property {
  std::string name;
  PropertyType type = PropertyType::kString;
  std::string range;  // for kEntity: the schema the referenced entity must be
};

// How an interval schema becomes an edge of the graph.
struct EdgeSpec {
  std::string source;  // property holding the source end, e.g. "owner"
  std::string target;  // property holding the target end, e.g. "asset"
  bool directed = true;
  std::string label;   // "owns", "family of"
};

// Events are hyperedges: an Event (a meeting, a call, a transfer) is an entity in
// its own right, tied to every entity its `involved` and `organizer` properties
// name. Whether `prop` of an entity of `schema` makes such a tie.
bool IsEventTieProperty(std::string_view schema, std::string_view prop);

class Schema {
 public:
  const std::string& name() const { return name_; }
  bool abstract() const { return abstract_; }
  // True if this schema is `other` or descends from it.
  bool IsA(std::string_view other) const;
  const Property* Find(std::string_view property) const;
  const std::map<std::string, Property, std::less<>>& properties() const { return properties_; }
  const std::optional<EdgeSpec>& edge() const { return edge_; }
  const std::set<std::string, std::less<>>& ancestors() const { return ancestors_; }

 private:
  friend class Model;
  std::string name_;
  bool abstract_ = false;
  std::vector<std::string> parents_;
  std::set<std::string, std::less<>> ancestors_;  // includes itself
  std::map<std::string, Property, std::less<>> properties_;
  std::optional<EdgeSpec> edge_;
};

class Model {
 public:
  // Throws std::runtime_error naming the schema or property that is wrong.
  static Model FromJson(std::string_view json_text);
  static const Model& Default();

  const Schema* Find(std::string_view name) const;
  std::vector<const Schema*> All() const;
  bool IsTopic(std::string_view topic) const { return topics_.count(topic) > 0; }
  const std::map<std::string, std::string, std::less<>>& topics() const { return topics_; }

  // The schema two records of one entity should share: the more specific of the
  // two when one descends from the other; nullptr when they are incompatible
  // (a Person never merges with a Company).
  const Schema* Common(std::string_view a, std::string_view b) const;

 private:
  std::map<std::string, std::shared_ptr<Schema>, std::less<>> schemata_;
  std::map<std::string, std::string, std::less<>> topics_;
};

}  // namespace dossier::model
