// Who is reading, and the one rule that decides what they see.
//
// The rule (CanSee): a reader sees a statement when it is not retracted, the
// reader's clearance is at least the marking's level, the reader is read into
// every compartment the marking names, and the marking is
// releasable to the reader: their organisation originated it, or it is
// releasable to all, or REL TO names their organisation or its country, or it
// is NOFORN and the reader's organisation is of the originator's nation.
// ORCON does not limit reading at home; it limits onward release (export).
//
// With no users configured the store has a single local analyst, who sees
// everything. Once users exist, every reader must name themselves.
#pragma once
#include <map>
#include <stdexcept>
#include <string>

#include "model/marking.h"
#include "model/principal.h"
#include "model/source.h"
#include "store/store.h"

namespace dossier::access {

class AccessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  // The single local analyst of a store without principals.
  static Reader Everything();
  Reader(model::User user, model::Organisation org, std::map<std::string, std::string> org_countries,
         model::ClassificationScheme scheme);

  // Resolves `as_user` against the store's principals. Empty `as_user` is the
  // local analyst when the store has no users, an error otherwise.
  static Reader Resolve(store::Store& store, const std::string& as_user);

  bool sees_everything() const { return everything_; }
  const std::string& name() const { return user_.name; }
  const model::User& user() const { return user_; }
  const model::Organisation& organisation() const { return org_; }
  const model::ClassificationScheme& scheme() const { return scheme_; }

  bool CanSee(const model::Marking& marking) const;
  // Whether the reader may know who the source is (else: its sanitised line).
  bool SeesSourceIdentity(const model::Source& source, const model::Marking& marking) const;

 private:
  Reader() : scheme_(model::ClassificationScheme::Default()) {}
  bool everything_ = false;
  model::User user_;
  model::Organisation org_;
  std::map<std::string, std::string> org_countries_;  // organisation code -> ISO alpha-3
  model::ClassificationScheme scheme_;
};

// The store's classification scheme (meta "classification_levels", '|'-separated),
// or the default.
model::ClassificationScheme SchemeOf(store::Store& store);

}  // namespace dossier::access
