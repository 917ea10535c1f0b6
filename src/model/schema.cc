#include "model/schema.h"

#include <nlohmann/json.hpp>
#include <functional>
#include <stdexcept>

#include "model/schema_data.h"

namespace dossier::model {
namespace {

constexpr std::pair<PropertyType, std::string_view> kTypeNames[] = {
    {PropertyType::kName, "name"},         {PropertyType::kDate, "date"},
    {PropertyType::kCountry, "country"},   {PropertyType::kIdentifier, "identifier"},
    {PropertyType::kEntity, "entity"},     {PropertyType::kTopic, "topic"},
    {PropertyType::kUrl, "url"},           {PropertyType::kText, "text"},
    {PropertyType::kString, "string"},     {PropertyType::kNumber, "number"},
    {PropertyType::kGender, "gender"},     {PropertyType::kEmail, "email"},
    {PropertyType::kPhone, "phone"},       {PropertyType::kAddress, "address"},
    {PropertyType::kLanguage, "language"},
};

}  // namespace

std::string_view TypeName(PropertyType type) {
  for (const auto& [t, name] : kTypeNames)
    if (t == type) return name;
  return "string";
}

std::optional<PropertyType> ParseTypeName(std::string_view name) {
  for (const auto& [t, n] : kTypeNames)
    if (n == name) return t;
  return std::nullopt;
}

bool Schema::IsA(std::string_view other) const { return ancestors_.count(other) > 0; }

const Property* Schema::Find(std::string_view property) const {
  auto it = properties_.find(property);
  return it == properties_.end() ? nullptr : &it->second;
}

Model Model::FromJson(std::string_view json_text) {
  nlohmann::json doc = nlohmann::json::parse(json_text);
  Model model;
  const auto& defs = doc.at("schemata");
  // First pass: own properties and parents.
  for (const auto& [name, def] : defs.items()) {
    auto schema = std::make_shared<Schema>();
    schema->name_ = name;
    schema->abstract_ = def.value("abstract", false);
    if (def.contains("extends"))
      for (const auto& parent : def["extends"]) schema->parents_.push_back(parent.get<std::string>());
    if (def.contains("properties")) {
      for (const auto& [pname, pdef] : def["properties"].items()) {
        Property prop;
        prop.name = pname;
        std::string type_name = pdef.is_string() ? pdef.get<std::string>() : pdef.at("type").get<std::string>();
        auto type = ParseTypeName(type_name);
        if (!type) throw std::runtime_error("schema " + name + ": property " + pname + " has unknown type '" + type_name + "'");
        prop.type = *type;
        if (pdef.is_object()) prop.range = pdef.value("range", "");
        if (prop.type == PropertyType::kEntity && prop.range.empty())
          throw std::runtime_error("schema " + name + ": entity property " + pname + " needs a range");
        schema->properties_[pname] = prop;
      }
    }
    if (def.contains("edge")) {
      const auto& e = def["edge"];
      schema->edge_ = EdgeSpec{e.at("source").get<std::string>(), e.at("target").get<std::string>(),
                               e.value("directed", true), e.value("label", "linked to")};
    }
    model.schemata_[name] = schema;
  }
  // Second pass: resolve inheritance (parents first, recursively).
  std::set<std::string> done;
  std::function<void(Schema&, std::set<std::string>&)> resolve = [&](Schema& s, std::set<std::string>& stack) {
    if (done.count(s.name_)) return;
    if (!stack.insert(s.name_).second) throw std::runtime_error("schema " + s.name_ + ": inheritance cycle");
    s.ancestors_.insert(s.name_);
    for (const auto& parent_name : s.parents_) {
      auto it = model.schemata_.find(parent_name);
      if (it == model.schemata_.end())
        throw std::runtime_error("schema " + s.name_ + " extends unknown schema " + parent_name);
      resolve(*it->second, stack);
      s.ancestors_.insert(it->second->ancestors_.begin(), it->second->ancestors_.end());
      for (const auto& [pname, prop] : it->second->properties_) s.properties_.try_emplace(pname, prop);
    }
    stack.erase(s.name_);
    done.insert(s.name_);
  };
  for (auto& [name, schema] : model.schemata_) {
    std::set<std::string> stack;
    resolve(*schema, stack);
  }
  // Edges must name entity properties of their own schema; ranges must exist.
  for (auto& [name, schema] : model.schemata_) {
    for (const auto& [pname, prop] : schema->properties_)
      if (prop.type == PropertyType::kEntity && !model.schemata_.count(prop.range))
        throw std::runtime_error("schema " + name + ": property " + pname + " ranges over unknown schema " + prop.range);
    if (schema->edge_) {
      for (const auto& end : {schema->edge_->source, schema->edge_->target}) {
        const Property* p = schema->Find(end);
        if (!p || p->type != PropertyType::kEntity)
          throw std::runtime_error("schema " + name + ": edge end " + end + " is not an entity property");
      }
    }
  }
  if (doc.contains("topics"))
    for (const auto& [topic, label] : doc["topics"].items()) model.topics_[topic] = label.get<std::string>();
  return model;
}

const Model& Model::Default() {
  static const Model model = FromJson(kSchemaJson);
  return model;
}

const Schema* Model::Find(std::string_view name) const {
  auto it = schemata_.find(name);
  return it == schemata_.end() ? nullptr : it->second.get();
}

std::vector<const Schema*> Model::All() const {
  std::vector<const Schema*> out;
  for (const auto& [name, schema] : schemata_) out.push_back(schema.get());
  return out;
}

const Schema* Model::Common(std::string_view a, std::string_view b) const {
  const Schema* sa = Find(a);
  const Schema* sb = Find(b);
  if (!sa || !sb) return nullptr;
  if (sa->IsA(sb->name())) return sa;
  if (sb->IsA(sa->name())) return sb;
  return nullptr;
}

bool IsEventTieProperty(std::string_view schema, std::string_view prop) {
  if (prop != "involved" && prop != "organizer") return false;
  const Schema* s = Model::Default().Find(schema);
  return s && s->IsA("Event");
}

}  // namespace dossier::model
