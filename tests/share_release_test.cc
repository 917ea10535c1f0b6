// The rules of release, proved as properties over random stores: for a random
// instance organisation, partner and partner clearance, the package holds
// exactly the statements the rules allow (stated again here, independently of
// src/share/release.cc), never a protected source's identity, and is the same
// whether computed from the full store or from a copy holding only what the
// partner may see.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "share/release.h"
#include "random_world.h"

using namespace dossier;
using namespace dossier::testing::world;
using dossier::testing::TempDir;

namespace {

const std::map<std::string, std::string> kCountries = {{"WESTINT", "DEU"}, {"BALTSEC", "EST"}, {"UKPART", "GBR"}};

// The source originators Populate() gives.
std::string SourceOriginator(const std::string& source) {
  return source == "public" ? "" : source[0] == 'w' ? "WESTINT" : "BALTSEC";
}

bool Names(const model::Marking& m, const std::string& org) {
  auto has = [&](const std::string& x) { return std::binary_search(m.rel_to.begin(), m.rel_to.end(), x); };
  return has(org) || has(kCountries.at(org));
}

// "entity prop value source-kind marking" of each released statement.
std::multiset<std::string> Describe(const share::Release& r) {
  std::multiset<std::string> out;
  for (const auto& s : r.package.statements)
    out.insert(s.entity_id + " " + s.prop + " " + s.value + " " + s.source + " " + s.marking);
  return out;
}

RC_GTEST_PROP(Release, ThePackageHoldsExactlyWhatTheRulesAllow, ()) {
  const World world = GenerateWorld();
  const std::string from = *rc::gen::element<std::string>("WESTINT", "BALTSEC", "UKPART");
  std::string to = *rc::gen::element<std::string>("WESTINT", "BALTSEC", "UKPART");
  RC_PRE(to != from);
  const int clearance = *rc::gen::inRange(0, 5);
  const bool release_orcon = *rc::gen::arbitrary<bool>();
  const share::KeyPair keys = share::KeyPair::Generate(from);
  share::Partner partner;
  partner.organisation = to;
  partner.clearance = clearance;
  if (*rc::gen::arbitrary<bool>()) partner.compartments.push_back("ATHENA");
  if (*rc::gen::arbitrary<bool>()) partner.compartments.push_back("ZEUS");

  TempDir dir;
  auto full = store::Store::Open(dir.File("full.db"), true);
  Populate(*full, world, [](const store::NewStatement&) { return true; });
  const share::Release release = share::SelectForPartner(*full, {from, &partner, release_orcon}, keys);

  // The rules, restated.
  const model::ClassificationScheme& scheme = model::ClassificationScheme::Default();
  access::Reader partner_reader(model::User{"p", to, clearance, "reader", partner.compartments}, {to, kCountries.at(to), "", {}},
                                {kCountries.begin(), kCountries.end()}, scheme);
  std::multiset<std::string> expected_keys;
  int64_t orcon = 0, third = 0;
  for (const auto& s : world.statements) {
    const model::Marking m = model::Marking::Parse(s.marking, scheme);
    if (!partner_reader.CanSee(m)) continue;
    const std::string origin = m.originator.empty() ? SourceOriginator(s.source_id) : m.originator;
    const bool controlled = m.orcon || m.tlp == model::Tlp::kRed;
    if (controlled && origin != to && !((origin.empty() || origin == from) && release_orcon)) {
      ++orcon;
      continue;
    }
    if (!origin.empty() && origin != from && origin != to && !Names(m, to) &&
        !(m.level == 0 && m.releasable_to_all() && !m.orcon &&
          (m.tlp == model::Tlp::kNone || m.tlp == model::Tlp::kClear || m.tlp == model::Tlp::kGreen))) {
      ++third;
      continue;
    }
    expected_keys.insert(s.entity_id + " " + s.prop + " " + s.value);
  }
  std::multiset<std::string> got_keys;
  for (const auto& s : release.package.statements) {
    got_keys.insert(s.entity_id + " " + s.prop + " " + s.value);
    // A protected source goes under a pseudonym unless the partner owns it.
    const bool protected_source = s.source != "public";
    const bool owner = SourceOriginator(s.source) == to;
    if (protected_source && !owner) RC_ASSERT(s.source.rfind("protected-", 0) == 0);
    // A controlled marking always says whose it is.
    const model::Marking m = model::Marking::Parse(s.marking, scheme);
    if (m.controlled()) RC_ASSERT(!m.originator.empty());
  }
  RC_ASSERT(got_keys == expected_keys);
  RC_ASSERT(release.held_orcon == orcon);
  RC_ASSERT(release.held_third_party == third);
  for (const auto& src : release.package.sources)
    if (src.is_protected && src.originator != to) RC_ASSERT(src.title.find("title of") == std::string::npos);

  // From a copy holding only what the partner may see: the same package.
  auto filtered = store::Store::Open(dir.File("filtered.db"), true);
  Populate(*filtered, world, [&](const store::NewStatement& s) {
    return partner_reader.CanSee(model::Marking::Parse(s.marking, scheme));
  });
  const share::Release from_copy = share::SelectForPartner(*filtered, {from, &partner, release_orcon}, keys);
  RC_ASSERT(Describe(from_copy) == Describe(release));
  RC_ASSERT(from_copy.package.manifest.highest_marking == release.package.manifest.highest_marking);
}

}  // namespace
