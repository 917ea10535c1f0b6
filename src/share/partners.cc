#include "share/partners.h"

#include <cstring>
#include <nlohmann/json.hpp>

namespace dossier::share {
namespace {

using nlohmann::json;

std::string KeyText(const PublicKey& key) {
  return ToBase64(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

}  // namespace

PartnerList PartnerList::Load(store::Store& store) {
  PartnerList list;
  const std::string text = store.Meta("partners");
  if (text.empty()) return list;
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw KeyError("the store's partner list is not valid JSON");
  for (auto& [org, p] : j.items()) {
    try {
      Partner partner;
      partner.organisation = org;
      const std::string raw = FromBase64(p.at("key").get<std::string>());
      if (raw.size() != kPublicKeyBytes) throw KeyError("bad key length");
      std::memcpy(partner.key.data(), raw.data(), kPublicKeyBytes);
      partner.clearance = p.value("clearance", 0);
      partner.compartments = p.value("compartments", std::vector<std::string>());
      partner.sent = p.value("sent", int64_t{0});
      partner.received = p.value("received", int64_t{0});
      partner.received_hash = p.value("received_hash", std::string());
      partner.added_at = p.value("added_at", std::string());
      list.partners_[org] = std::move(partner);
    } catch (const std::exception& e) {
      throw KeyError("the store's entry for partner " + org + " is malformed: " + e.what());
    }
  }
  return list;
}

void PartnerList::Save(store::Store& store) const {
  json j = json::object();
  for (const auto& [org, p] : partners_)
    j[org] = {{"key", KeyText(p.key)},        {"clearance", p.clearance}, {"compartments", p.compartments}, {"sent", p.sent},
              {"received", p.received},     {"received_hash", p.received_hash}, {"added_at", p.added_at}};
  store.SetMeta("partners", j.dump());
}

const Partner* PartnerList::Find(const std::string& organisation) const {
  auto it = partners_.find(organisation);
  return it == partners_.end() ? nullptr : &it->second;
}

Partner* PartnerList::Find(const std::string& organisation) {
  auto it = partners_.find(organisation);
  return it == partners_.end() ? nullptr : &it->second;
}

std::optional<Identity> InstanceIdentity(store::Store& store) {
  const std::string line = store.Meta("instance_key");
  if (line.empty()) return std::nullopt;
  auto [org, key] = ParsePublicKeyLine(line);
  return Identity{org, key};
}

void SetInstanceIdentity(store::Store& store, const KeyPair& keys) {
  store.SetMeta("instance_org", keys.organisation);
  store.SetMeta("instance_key", PublicKeyLine(keys.organisation, keys.public_key));
}

}  // namespace dossier::share
