// What may be released to a partner: the rules of sharing applied to the store,
// read through the access layer as the partner organisation would read it.
//
// A statement goes into a package for partner P when all of these hold:
// 1. P may see it: the one visibility rule (access::Reader::CanSee) for a reader of
//    P's organisation at the clearance P was given (`partners add --clearance`).
// 2. ORCON (and TLP:RED, its counterpart in TLP): an originator-controlled
//    statement is held back, unless P is its originator, or it is this
//    instance's own and the exporter releases its own ORCON material explicitly
//    (`release_orcon`).
// 3. Third-party rule: a statement whose originator (the marking's ORIG, else the
//    source's originator) is another organisation than this instance and P is
//    held back, unless that originator's marking names P (its code or country) in
//    REL TO, or the statement is public (the lowest level, no REL TO, no NOFORN,
//    no ORCON, and no TLP or TLP:CLEAR or TLP:GREEN, which a community shares
//    on). A classified marking without REL TO, or TLP:AMBER, is what the
//    originator gave us, not consent to pass it on.
// 4. Protected sources: when P may not know the source (Reader::SeesSourceIdentity),
//    the source goes as its sanitised line under a pseudonymous id
//    ("protected-" + 16 hex digits of a hash keyed with this instance's secret key,
//    so P cannot guess the real id from candidates, and repeated exports agree).
// A controlled marking (Marking::controlled) without an originator is this
// instance's own and is stamped with its organisation.
//
// The package also carries the highest marking of what it holds.
#pragma once
#include <cstdint>
#include <string>

#include "share/keys.h"
#include "share/package.h"
#include "share/partners.h"
#include "store/store.h"

namespace dossier::share {

struct ReleaseRequest {
  std::string from;  // this instance's organisation
  const Partner* partner = nullptr;
  bool release_orcon = false;
};

struct Release {
  Package package;  // manifest.from / to / highest_marking filled; sequence and created not
  int64_t held_orcon = 0, held_third_party = 0, sanitised = 0;
};

// Throws KeyError when the partner's organisation is not among the store's
// principals (its country is needed for REL TO).
Release SelectForPartner(store::Store& store, const ReleaseRequest& request, const KeyPair& keys);

}  // namespace dossier::share
