#include "share/release.h"

#include <sodium.h>

#include <algorithm>
#include <map>

#include "access/reader.h"
#include "access/view.h"
#include "model/hex.h"

namespace dossier::share {
namespace {

bool Names(const model::Marking& m, const model::Organisation& org) {
  return std::binary_search(m.rel_to.begin(), m.rel_to.end(), org.code) ||
         (!org.country.empty() && std::binary_search(m.rel_to.begin(), m.rel_to.end(), org.country));
}

// Public, or meant for the whole community: anyone holding it may pass it on.
bool Public(const model::Marking& m) {
  return m.level == 0 && m.releasable_to_all() && !m.orcon &&
         (m.tlp == model::Tlp::kNone || m.tlp == model::Tlp::kClear || m.tlp == model::Tlp::kGreen);
}

// "protected-" and 16 hex digits of BLAKE2b(source id) keyed with the secret key.
std::string PseudonymOf(const std::string& source_id, const KeyPair& keys) {
  unsigned char h[8];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(source_id.data()), source_id.size(),
                     keys.secret_key.data(), crypto_generichash_KEYBYTES);
  return "protected-" + model::ToHex(h, sizeof h);
}

}  // namespace

Release SelectForPartner(store::Store& store, const ReleaseRequest& request, const KeyPair& keys) {
  const Partner& partner = *request.partner;
  std::map<std::string, std::string> countries;
  model::Organisation to;
  for (const auto& o : store.Organisations()) {
    countries[o.code] = o.country;
    if (o.code == partner.organisation) to = o;
  }
  if (to.code.empty())
    throw KeyError("partner " + partner.organisation + " is not an organisation of this store (principals add-org)");
  const model::ClassificationScheme scheme = access::SchemeOf(store);
  access::Reader reader(model::User{"partner:" + to.code, to.code, partner.clearance, "reader", partner.compartments}, to,
                        countries, scheme);
  access::View view(store, reader);

  std::map<std::string, model::Source> sources;
  for (const auto& s : store.Sources()) sources[s.id] = s;

  Release out;
  out.package.manifest.from = request.from;
  out.package.manifest.to = to.code;
  std::map<std::string, model::Source> sent_sources;
  std::map<int64_t, std::string> banners;  // marking key -> banner as released (empty: held back)
  std::map<int64_t, model::Marking> markings;
  bool any = false;
  model::Marking highest;
  view.Scan([&](const store::StoredStatement& s) {
    const model::Marking& m = markings.try_emplace(s.marking, view.MarkingOf(s.marking)).first->second;
    // A source the store does not list (never the case for an ingest) counts as
    // one with no originator and no protection.
    auto src_it = sources.find(s.source_id);
    if (src_it == sources.end()) {
      model::Source unknown;
      unknown.id = s.source_id;
      src_it = sources.emplace(s.source_id, unknown).first;
    }
    const model::Source& src = src_it->second;
    const std::string& origin = m.originator.empty() ? src.originator : m.originator;
    // Rule 2: ORCON, and TLP:RED alike.
    if ((m.orcon || m.tlp == model::Tlp::kRed) && origin != to.code) {
      const bool ours = origin.empty() || origin == request.from;
      if (!(ours && request.release_orcon)) {
        ++out.held_orcon;
        return;
      }
    }
    // Rule 3: the third-party rule.
    if (!origin.empty() && origin != request.from && origin != to.code && !Names(m, to) && !Public(m)) {
      ++out.held_third_party;
      return;
    }
    // Rule 4: protected sources.
    model::Source released = src;
    if (!reader.SeesSourceIdentity(src, m)) {
      released = model::Source{};
      released.id = PseudonymOf(src.id, keys);
      released.title = src.sanitised.empty() ? "a protected source" : src.sanitised;
      released.sanitised = released.title;
      released.kind = src.kind;
      released.reliability = src.reliability;
      released.originator = src.originator.empty() ? m.originator : src.originator;
      released.is_protected = true;
      ++out.sanitised;
    }
    sent_sources.emplace(released.id, released);
    // The marking as released: a controlled marking without an originator is ours.
    auto b = banners.find(s.marking);
    if (b == banners.end()) {
      model::Marking stamped = m;
      if (stamped.originator.empty() && stamped.controlled())
        stamped.originator = request.from;
      b = banners.emplace(s.marking, stamped.Print(scheme)).first;
      highest = any ? model::Marking::Highest(highest, stamped) : stamped;
      any = true;
    }
    PackageStatement p;
    p.entity_id = s.entity_id;
    p.schema = s.schema;
    p.prop = s.prop;
    p.value = s.value;
    p.original_value = s.original_value;
    p.lang = s.lang;
    p.source = released.id;
    p.credibility = s.credibility;
    p.marking = b->second;
    p.first_seen = s.first_seen;
    p.last_seen = s.last_seen;
    out.package.statements.push_back(std::move(p));
  });
  for (auto& [id, s] : sent_sources) out.package.sources.push_back(std::move(s));
  out.package.manifest.highest_marking = any ? highest.Print(scheme) : model::Marking{}.Print(scheme);
  return out;
}

}  // namespace dossier::share
