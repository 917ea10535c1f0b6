// STIX 2.1 bundles out: what dossier holds, in the shape threat-intelligence
// platforms (OpenCTI, MISP) read. Reading bundles back is ingest's job
// (ingest --format stix, ingest/stix.cc).
//
// Mapping:
// - Person -> identity (identity_class "individual"); Organization, Company,
//   PublicBody, LegalEntity -> identity ("organization"). name is the first
//   name; every property and value goes along as x_dossier_properties, the
//   dossier id and schema as x_dossier_id and x_dossier_schema, so a bundle read
//   back gives the same entities.
// - A tie (a schema with an edge: Ownership, Directorship, Family, Associate...)
//   between two identities -> relationship: relationship_type from the schema
//   ("ownership", "unknown-link"), source_ref and target_ref the two identities,
//   start_time / stop_time from startDate / endDate.
// - Other schemata (Sanction, Event, Vessel, Address...) are left out and counted.
// - object_marking_refs: the highest marking of the object's statements. Its TLP
//   colour as the standard TLP 2.0 marking-definition id; a classification (any
//   controlled marking) as a marking-definition of type "statement" whose
//   statement is the banner, included in the bundle.
// - confidence from the best credibility of the object's statements: 1 -> 90,
//   2 -> 70, 3 -> 50, 4 -> 30, 5 -> 10, 6 -> none (NOTES.md, 4).
// - created_by_ref: an identity for the producing organisation, when known.
// Ids are UUIDs derived from a hash of the dossier id (version-5 layout), so the
// same entity gets the same STIX id in every bundle.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/marking.h"
#include "share/package.h"

namespace dossier::share {

struct StixExport {
  nlohmann::json bundle;
  int64_t identities = 0, relationships = 0, skipped_entities = 0;
};

// `statements` as a package holds them (banners printed). `producer` may be empty.
StixExport StixBundle(const std::vector<PackageStatement>& statements, const std::string& producer,
                      const model::ClassificationScheme& scheme);

// "<type>--<uuid>" with the UUID derived from `key`.
std::string StixId(const std::string& type, const std::string& key);

// STIX confidence of a credibility (1-6); -1 for 6 (no confidence).
int ConfidenceOf(int credibility);

}  // namespace dossier::share
