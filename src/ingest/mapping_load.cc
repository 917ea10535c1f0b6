// Loading a CSV mapping from TOML into a Mapping, validated against the
// schema; the format and the contract are in mapping.h and docs/mapping.md.
#include <toml++/toml.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "ingest/error.h"
#include "ingest/mapping.h"
#include "model/schema.h"
#include "model/value.h"

namespace dossier::ingest {
namespace {

// Reads the TOML document into a Mapping, failing at the first problem with
// the key's dotted path and, where toml++ knows it, its line.
class Loader {
 public:
  Loader(std::string file, const model::Model& model) : file_(std::move(file)), model_(model) {}

  Mapping Load(const toml::table& doc) {
    Mapping m;
    m.file = file_;
    CheckKeys(doc, {"id_prefix", "delimiter", "entity", "types", "relation", "rule", "property"}, "");
    m.id_prefix = String(doc, "id_prefix", "", true);
    std::string delimiter = String(doc, "delimiter", "", false, ",");
    if (delimiter.size() != 1) Fail(doc.get("delimiter"), "delimiter", "must be one character");
    m.delimiter = delimiter[0];

    const toml::table* shared_types = doc["types"].as_table();
    if (doc.contains("types") && !shared_types) Fail(doc.get("types"), "types", "must be a table");
    const toml::array* entities = doc["entity"].as_array();
    if (!entities || entities->empty()) Fail(&doc, "entity", "needs at least one [[entity]] block");
    for (size_t i = 0; i < entities->size(); ++i) m.entities.push_back(Entity(entities->at(i), i, shared_types));
    std::set<std::string> keys;
    for (const auto& e : m.entities)
      if (!keys.insert(e.key).second) Fail(&doc, "entity", "two blocks share the key '" + e.key + "'");
    if (keys.count(std::string(kRelationKey))) Fail(&doc, "entity", "'relation' is reserved; choose another key");

    if (doc.contains("rule") && !doc.contains("relation"))
      Fail(doc.get("rule"), "rule", "rules need a [relation] table");
    if (const toml::node* rel = doc.get("relation")) LoadRelation(m, *rel, doc.get("rule"));

    if (const toml::node* props = doc.get("property")) {
      const toml::array* list = props->as_array();
      if (!list) Fail(props, "property", "expected [[property]] tables");
      for (size_t i = 0; i < list->size(); ++i) m.properties.push_back(Property(m, list->at(i), i));
    }
    return m;
  }

 private:
  [[noreturn]] void Fail(const toml::node* node, const std::string& key, const std::string& why) const {
    long line = node ? static_cast<long>(node->source().begin.line) : 0;
    throw IngestError(file_, line, key, why);
  }

  static std::string Join(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : where + "." + std::string(key);
  }

  // Unknown keys are errors: a misspelt key would otherwise be silently ignored.
  void CheckKeys(const toml::table& t, std::initializer_list<std::string_view> allowed, const std::string& where) const {
    for (const auto& [key, node] : t)
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end())
        Fail(&node, Join(where, key.str()), "unknown key");
  }

  const toml::table& Table(const toml::node& node, const std::string& where) const {
    const toml::table* t = node.as_table();
    if (!t) Fail(&node, where, "expected a table");
    return *t;
  }

  std::string String(const toml::table& t, std::string_view key, const std::string& where, bool required,
                     std::string fallback = {}) const {
    const toml::node* node = t.get(key);
    if (!node) {
      if (required) Fail(&t, Join(where, key), "is required");
      return fallback;
    }
    auto s = node->value<std::string>();
    if (!node->is_string() || !s) Fail(node, Join(where, key), "expected a string");
    return *s;
  }

  // A string or an array of strings.
  std::vector<std::string> Strings(const toml::table& t, std::string_view key, const std::string& where) const {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    if (node->is_string()) {
      out.push_back(*node->value<std::string>());
      return out;
    }
    const toml::array* list = node->as_array();
    if (!list) Fail(node, Join(where, key), "expected a string or a list of strings");
    for (const auto& item : *list) {
      if (!item.is_string()) Fail(&item, Join(where, key), "expected strings only");
      out.push_back(*item.value<std::string>());
    }
    return out;
  }

  RelationRule::Swap SwapValue(const toml::table& t, const std::string& where) const {
    const toml::node* node = t.get("swap");
    if (!node) return RelationRule::Swap::kNo;
    if (node->is_boolean()) return *node->value<bool>() ? RelationRule::Swap::kYes : RelationRule::Swap::kNo;
    if (node->is_string() && *node->value<std::string>() == "auto") return RelationRule::Swap::kAuto;
    Fail(node, Join(where, "swap"), "expected true, false or \"auto\"");
  }

  const model::Schema& ConcreteSchema(const toml::node* node, const std::string& name, const std::string& key) const {
    const model::Schema* s = model_.Find(name);
    if (!s) Fail(node, key, "unknown schema '" + name + "'");
    if (s->abstract()) Fail(node, key, "schema '" + name + "' is abstract; use a concrete one");
    return *s;
  }

  // Constant values: `topics = [...]` and `properties = {prop = value(s)}`,
  // each checked against `schema` now so that rows cannot fail on them later.
  ConstantValues Constants(const toml::table& t, const model::Schema& schema, const std::string& where) const {
    ConstantValues out;
    auto add = [&](const toml::node* node, const std::string& prop, const std::string& value, const std::string& key) {
      const model::Property* p = schema.Find(prop);
      if (!p) Fail(node, key, "schema " + schema.name() + " has no property '" + prop + "'");
      auto norm = model::Normalise(p->type, value, model_);
      if (!norm.ok) Fail(node, key, norm.reason);
      out.emplace_back(prop, value);
    };
    for (const auto& topic : Strings(t, "topics", where)) add(t.get("topics"), "topics", topic, Join(where, "topics"));
    if (const toml::node* node = t.get("properties")) {
      const toml::table& props = Table(*node, Join(where, "properties"));
      for (const auto& [key, value] : props) {
        std::string k = Join(Join(where, "properties"), key.str());
        for (const auto& v : Strings(props, key.str(), Join(where, "properties"))) add(&value, std::string(key.str()), v, k);
      }
    }
    return out;
  }

  EntityType Type(const toml::node& node, const std::string& where) const {
    EntityType type;
    if (node.is_string()) {  // shorthand: Person = "Person"
      type.schema = ConcreteSchema(&node, *node.value<std::string>(), where).name();
      return type;
    }
    const toml::table& t = Table(node, where);
    CheckKeys(t, {"schema", "topics", "properties"}, where);
    std::string name = String(t, "schema", where, true);
    const model::Schema& schema = ConcreteSchema(t.get("schema"), name, Join(where, "schema"));
    type.schema = name;
    type.constants = Constants(t, schema, where);
    return type;
  }

  EntityBlock Entity(const toml::node& node, size_t index, const toml::table* shared_types) const {
    const std::string where = "entity[" + std::to_string(index + 1) + "]";
    const toml::table& t = Table(node, where);
    CheckKeys(t, {"key", "name", "type", "schema", "types", "topics", "properties"}, where);
    EntityBlock b;
    b.key = String(t, "key", where, false, std::string(1, static_cast<char>('a' + std::min<size_t>(index, 25))));
    b.name_column = String(t, "name", where, true);
    b.type_column = String(t, "type", where, false);
    if (b.type_column.empty()) {
      if (t.contains("types")) Fail(t.get("types"), Join(where, "types"), "types need a `type` column");
      std::string name = String(t, "schema", where, true);
      b.fixed.schema = ConcreteSchema(t.get("schema"), name, Join(where, "schema")).name();
      b.fixed.constants = Constants(t, *model_.Find(name), where);
      return b;
    }
    if (t.contains("schema")) Fail(t.get("schema"), Join(where, "schema"), "give either `schema` or `type`, not both");
    if (t.contains("topics") || t.contains("properties"))
      Fail(&t, where, "with a `type` column, topics and properties belong to the types");
    const toml::table* types = t["types"].as_table();
    std::string types_where = Join(where, "types");
    if (!types) {
      types = shared_types;
      types_where = "types";
    }
    if (!types || types->empty()) Fail(&t, Join(where, "type"), "a `type` column needs a [types] table");
    for (const auto& [key, value] : *types) {
      std::string text = MatchKey(key.str());
      if (!b.types.emplace(text, Type(value, Join(types_where, key.str()))).second)
        Fail(&value, Join(types_where, key.str()), "repeats a type (types match case-insensitively)");
    }
    return b;
  }

  // The end properties of a rule: given, or the schema's edge; and the ranges
  // the end entities must fall in.
  void Ends(RelationRule& r, const toml::table& t, const std::string& where) const {
    const model::Schema& schema = *model_.Find(r.schema);
    r.source_prop = String(t, "source_prop", where, false, schema.edge() ? schema.edge()->source : "");
    r.target_prop = String(t, "target_prop", where, false, schema.edge() ? schema.edge()->target : "");
    if (r.source_prop.empty() || r.target_prop.empty())
      Fail(&t, Join(where, "source_prop"), "schema " + r.schema + " is not an edge; name source_prop and target_prop");
    for (auto [prop, range, key] : {std::tuple{&r.source_prop, &r.source_range, "source_prop"},
                                    std::tuple{&r.target_prop, &r.target_range, "target_prop"}}) {
      const model::Property* p = schema.Find(*prop);
      if (!p || p->type != model::PropertyType::kEntity)
        Fail(&t, Join(where, key), "'" + *prop + "' is not an entity property of " + r.schema);
      *range = p->range;
    }
  }

  void TextProp(RelationRule& r, const toml::table& t, const std::string& where, const std::string& fallback) const {
    r.text_prop = String(t, "text_prop", where, false, fallback);
    if (!r.text_prop.empty() && !model_.Find(r.schema)->Find(r.text_prop))
      Fail(t.get("text_prop") ? t.get("text_prop") : &t, Join(where, "text_prop"),
           "schema " + r.schema + " has no property '" + r.text_prop + "'");
  }

  RelationRule Rule(const Mapping& m, const toml::node& node, size_t index, const std::string& text_prop) const {
    const std::string where = "rule[" + std::to_string(index + 1) + "]";
    const toml::table& t = Table(node, where);
    CheckKeys(t,
              {"schema", "exact", "contains", "regex", "when", "swap", "text_prop", "source_prop", "target_prop",
               "properties"},
              where);
    RelationRule r;
    r.line = static_cast<long>(t.source().begin.line);
    r.schema = ConcreteSchema(t.get("schema"), String(t, "schema", where, true), Join(where, "schema")).name();
    for (auto& e : Strings(t, "exact", where)) r.exact.push_back(MatchKey(e));
    for (auto& c : Strings(t, "contains", where)) {
      std::string lower = MatchKey(c);
      if (lower.empty()) Fail(t.get("contains"), Join(where, "contains"), "an empty pattern matches everything");
      r.contains.push_back(lower);
    }
    for (auto& re : Strings(t, "regex", where)) {
      try {
        r.regex.emplace_back(re, std::regex::ECMAScript | std::regex::icase);
      } catch (const std::regex_error& e) {
        Fail(t.get("regex"), Join(where, "regex"), "'" + re + "' is not a regular expression: " + e.what());
      }
    }
    if (r.exact.empty() && r.contains.empty() && r.regex.empty())
      Fail(&t, where, "a rule needs exact, contains or regex");
    if (const toml::node* when = t.get("when")) {
      const toml::table& w = Table(*when, Join(where, "when"));
      for (const auto& [key, value] : w) {
        std::string k = Join(Join(where, "when"), key.str());
        const std::string_view wanted = key.str();  // a name, not a binding: clang 14 cannot capture those
        auto it = std::find_if(m.entities.begin(), m.entities.end(), [&](const EntityBlock& b) { return b.key == wanted; });
        if (it == m.entities.end()) Fail(&value, k, "no [[entity]] block has the key '" + std::string(key.str()) + "'");
        for (auto& s : Strings(w, key.str(), Join(where, "when"))) {
          if (!model_.Find(s)) Fail(&value, k, "unknown schema '" + s + "'");
          r.when[std::string(key.str())].push_back(s);
        }
      }
    }
    r.swap = SwapValue(t, where);
    Ends(r, t, where);
    TextProp(r, t, where, text_prop);
    r.constants = Constants(t, *model_.Find(r.schema), where);
    return r;
  }

  void LoadRelation(Mapping& m, const toml::node& node, const toml::node* rules) const {
    const toml::table& t = Table(node, "relation");
    CheckKeys(t, {"column", "id_prefix", "source", "target", "text_prop", "default", "source_prop", "target_prop"},
              "relation");
    RelationSpec& rel = m.relation;
    rel.enabled = true;
    if (m.entities.size() < 2) Fail(&t, "relation", "a relation needs two [[entity]] blocks");
    rel.column = String(t, "column", "relation", false);
    rel.id_prefix = String(t, "id_prefix", "relation", false, m.id_prefix + "rel-");
    rel.source = String(t, "source", "relation", false, m.entities[0].key);
    rel.target = String(t, "target", "relation", false, m.entities[1].key);
    for (const auto& [key, value] : {std::pair{"source", rel.source}, std::pair{"target", rel.target}})
      if (const std::string& wanted = value;
          std::none_of(m.entities.begin(), m.entities.end(), [&](const EntityBlock& b) { return b.key == wanted; }))
        Fail(t.get(key) ? t.get(key) : &t, std::string("relation.") + key, "no [[entity]] block has the key '" + value + "'");
    if (rel.source == rel.target) Fail(&t, "relation.target", "source and target are the same block");
    const std::string text_prop = String(t, "text_prop", "relation", false, "role");

    rel.fallback.schema =
        ConcreteSchema(t.get("default"), String(t, "default", "relation", false, "UnknownLink"), "relation.default").name();
    rel.fallback.line = static_cast<long>(t.source().begin.line);
    Ends(rel.fallback, t, "relation");
    TextProp(rel.fallback, t, "relation", text_prop);

    if (rules) {
      const toml::array* list = rules->as_array();
      if (!list) Fail(rules, "rule", "expected [[rule]] tables");
      for (size_t i = 0; i < list->size(); ++i) rel.rules.push_back(Rule(m, list->at(i), i, rel.fallback.text_prop));
    }
  }

  PropertyColumn Property(const Mapping& m, const toml::node& node, size_t index) const {
    const std::string where = "property[" + std::to_string(index + 1) + "]";
    const toml::table& t = Table(node, where);
    CheckKeys(t, {"column", "entity", "prop", "split", "only", "except"}, where);
    PropertyColumn p;
    p.column = String(t, "column", where, true);
    p.entity = String(t, "entity", where, true);
    p.prop = String(t, "prop", where, true);
    p.split = String(t, "split", where, false);
    for (auto [key, has, re] : {std::tuple{"only", &p.has_only, &p.only}, std::tuple{"except", &p.has_except, &p.except}}) {
      if (!t.contains(key)) continue;
      std::string text = String(t, key, where, true);
      try {
        *re = std::regex(text, std::regex::ECMAScript | std::regex::icase);
      } catch (const std::regex_error& e) {
        Fail(t.get(key), Join(where, key), "'" + text + "' is not a regular expression: " + e.what());
      }
      *has = true;
    }
    // The property must exist on every schema the target can take.
    std::vector<std::string> schemata;
    if (p.entity == kRelationKey) {
      if (!m.relation.enabled) Fail(t.get("entity"), Join(where, "entity"), "there is no [relation]");
      schemata.push_back(m.relation.fallback.schema);
      for (const auto& r : m.relation.rules) schemata.push_back(r.schema);
    } else {
      auto it = std::find_if(m.entities.begin(), m.entities.end(), [&](const EntityBlock& b) { return b.key == p.entity; });
      if (it == m.entities.end())
        Fail(t.get("entity"), Join(where, "entity"), "no [[entity]] block has the key '" + p.entity + "'");
      if (it->type_column.empty()) schemata.push_back(it->fixed.schema);
      for (const auto& [text, type] : it->types) schemata.push_back(type.schema);
    }
    for (const auto& s : schemata)
      if (!model_.Find(s)->Find(p.prop)) Fail(t.get("prop"), Join(where, "prop"), "schema " + s + " has no property '" + p.prop + "'");
    return p;
  }

  std::string file_;
  const model::Model& model_;
};

}  // namespace

Mapping LoadMapping(const std::string& toml_path) {
  toml::table doc;
  try {
    doc = toml::parse_file(toml_path);
  } catch (const toml::parse_error& e) {
    throw IngestError(toml_path, static_cast<long>(e.source().begin.line), "", std::string(e.description()));
  }
  return Loader(toml_path, model::Model::Default()).Load(doc);
}

}  // namespace dossier::ingest
