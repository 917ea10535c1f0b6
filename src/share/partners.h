// This instance's identity and its partner list, kept in the store's meta table
// (not as statements: they say who we exchange with, not what we know).
//
//   meta "instance_org"   the organisation code this instance signs as
//   meta "instance_key"   its public key line ("dossier-ed25519 ORG BASE64")
//   meta "partners"       JSON: {ORG: {"key", "clearance", "compartments", "sent", "received",
//                         "received_hash", "added_at"}}
//
// A partner is an organisation of the store's principals (so its country is
// known for REL TO) with an Ed25519 public key and the highest classification
// it may receive. `sent` is the sequence of the last package written for it;
// `received` and `received_hash` those of the last package imported from it,
// so that an older package is refused and the same one again changes nothing.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "share/keys.h"
#include "store/store.h"

namespace dossier::share {

struct Partner {
  std::string organisation;
  PublicKey key{};
  int clearance = 0;  // level index in the store's classification scheme
  std::vector<std::string> compartments;  // sorted; what it is read into
  int64_t sent = 0;
  int64_t received = 0;
  std::string received_hash;
  std::string added_at;
};

class PartnerList {
 public:
  // Throws KeyError when the meta is malformed (someone edited the store).
  static PartnerList Load(store::Store& store);
  void Save(store::Store& store) const;

  const Partner* Find(const std::string& organisation) const;
  Partner* Find(const std::string& organisation);
  void Put(Partner partner) { partners_[partner.organisation] = std::move(partner); }
  const std::map<std::string, Partner>& all() const { return partners_; }

 private:
  std::map<std::string, Partner> partners_;
};

struct Identity {
  std::string organisation;
  PublicKey key{};
};

// The instance's identity, if keys were generated.
std::optional<Identity> InstanceIdentity(store::Store& store);
void SetInstanceIdentity(store::Store& store, const KeyPair& keys);

}  // namespace dossier::share
