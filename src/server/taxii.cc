// TAXII 2.1 (NOTES.md §6): one API root, /taxii2/dossier/, with one collection
// per partner organisation. A collection's objects are the STIX 2.1 objects
// the partner may receive, under the release rules of `export --for`
// (share/release.h), so a partner's TAXII client and a signed package agree.
// A POST to a collection is a bundle from that partner: ingested (all or
// nothing) as a job, whose TAXII status resource reports it.
//
// Who may use a partner's collection: this instance's administrators, and users
// of that partner organisation. What a collection shows a reader is what the
// partner may receive *and* the reader may see (the one visibility rule): a user
// cleared below the partner's level, or an administrator not read into a
// compartment the partner is, gets nothing through TAXII they could not read here. Collections of other partners do not exist for
// anyone else (404, as an unknown collection).
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "access/reader.h"
#include "server/call.h"
#include "share/exchange.h"
#include "share/partners.h"
#include "share/stix.h"

namespace dossier::server {
namespace {

constexpr const char* kTaxiiType = "application/taxii+json;version=2.1";
constexpr const char* kStixType = "application/stix+json;version=2.1";

Response Taxii(const nlohmann::json& doc, int status = 200) {
  Response r = JsonResponse(doc, status);
  r.content_type = kTaxiiType;
  return r;
}

void CheckAccept(const Call& c) {
  const std::string accept = c.request.Header("accept");
  if (accept.empty() || accept.find("taxii+json") != std::string::npos || accept.find("application/json") != std::string::npos ||
      accept.find("*/*") != std::string::npos)
    return;
  throw HttpError(406, std::string("TAXII answers in ") + kTaxiiType);
}

std::string CollectionId(const std::string& org) {
  const std::string id = share::StixId("collection", org);
  return id.substr(id.find("--") + 2);
}

// The partners this reader may act for: every partner for an administrator,
// else the reader's own organisation if it is a partner.
std::vector<std::string> PartnersFor(Call& c) {
  std::vector<std::string> out;
  const auto partners = share::PartnerList::Load(c.worker.store());
  const std::string own = c.View().reader().organisation().code;
  for (const auto& [org, p] : partners.all())
    if (c.admin || org == own) out.push_back(org);
  return out;
}

// The partner whose collection id is captures[0]; 404 when none the reader may use.
std::string PartnerOf(Call& c) {
  for (const auto& org : PartnersFor(c))
    if (CollectionId(org) == c.captures[0]) return org;
  throw HttpError(404, "no collection '" + c.captures[0] + "'");
}

nlohmann::json CollectionJson(const std::string& org, bool can_write) {
  return {{"id", CollectionId(org)},
          {"title", "Released to " + org},
          {"description", "What " + org + " may receive from this instance, under the originators' rules of release"},
          {"can_read", true},
          {"can_write", can_write},
          {"media_types", {kStixType}}};
}

// The collection's objects, oldest first, built once per store generation
// (the release rules run over every statement).
std::shared_ptr<const std::vector<nlohmann::json>> ObjectsOf(Call& c, const std::string& org) {
  const uint64_t generation = c.engine.generation();
  const access::Reader& reader = c.View().reader();
  const std::string key = org + '\x1f' + reader.name();
  {
    std::lock_guard lock(c.taxii.mu);
    auto it = c.taxii.by_partner.find(key);
    if (it != c.taxii.by_partner.end() && it->second.generation == generation) return it->second.objects;
  }
  const share::KeyPair keys = [&] {
    try {
      return share::ReadSecretKeyFile(c.engine.store_path() + ".key");
    } catch (const share::KeyError& e) {
      throw HttpError(409, e.what());
    }
  }();
  auto statements = share::ReleaseFor(c.worker.store(), keys, org, false).statements;
  const auto scheme = access::SchemeOf(c.worker.store());
  if (!reader.sees_everything()) {
    std::unordered_map<std::string, bool> visible;  // by banner
    std::erase_if(statements, [&](const share::PackageStatement& p) {
      auto [it, fresh] = visible.try_emplace(p.marking, false);
      if (fresh) it->second = reader.CanSee(model::Marking::Parse(p.marking, scheme));
      return !it->second;
    });
  }
  auto bundle = share::StixBundle(statements, keys.organisation, scheme).bundle;
  std::vector<nlohmann::json> objects;
  for (auto& o : bundle["objects"]) objects.push_back(std::move(o));
  std::stable_sort(objects.begin(), objects.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a.value("modified", a.value("created", "")) < b.value("modified", b.value("created", ""));
  });
  auto shared = std::make_shared<const std::vector<nlohmann::json>>(std::move(objects));
  std::lock_guard lock(c.taxii.mu);
  c.taxii.by_partner[key] = {generation, shared};
  return shared;
}

std::string DateAdded(const nlohmann::json& o) { return o.value("modified", o.value("created", "")); }

// Objects filtered by added_after, match[type] and match[id].
std::vector<const nlohmann::json*> Filtered(const Call& c, const std::vector<nlohmann::json>& objects) {
  const std::string added_after = c.Text("added_after");
  const auto types = c.List("match[type]");
  const auto ids = c.List("match[id]");
  std::vector<const nlohmann::json*> out;
  for (const auto& o : objects) {
    if (!added_after.empty() && DateAdded(o) <= added_after) continue;
    if (!types.empty() && std::find(types.begin(), types.end(), o.value("type", "")) == types.end()) continue;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), o.value("id", "")) == ids.end()) continue;
    out.push_back(&o);
  }
  return out;
}

// A page of `items` from the `next` cursor (an offset), at most `limit`.
template <typename Fn>
Response Page(Call& c, const std::vector<const nlohmann::json*>& items, const char* key, Fn shape) {
  const int limit = c.Int("limit", 100, 1, 1000);
  const int start = c.Int("next", 0, 0, static_cast<int>(items.size()));
  nlohmann::json list = nlohmann::json::array();
  const int end = std::min(static_cast<int>(items.size()), start + limit);
  for (int i = start; i < end; ++i) list.push_back(shape(*items[static_cast<std::size_t>(i)]));
  nlohmann::json env = {{"more", end < static_cast<int>(items.size())}, {key, list}};
  if (end < static_cast<int>(items.size())) env["next"] = std::to_string(end);
  Response r = Taxii(env);
  if (start < end) {
    r.headers["X-TAXII-Date-Added-First"] = DateAdded(*items[static_cast<std::size_t>(start)]);
    r.headers["X-TAXII-Date-Added-Last"] = DateAdded(*items[static_cast<std::size_t>(end - 1)]);
  }
  c.audit_results = end - start;
  return r;
}

}  // namespace

Response TaxiiDiscovery(Call& c) {
  CheckAccept(c);
  return Taxii({{"title", "dossier"},
                {"description", "Statements with sources, grading and markings, released to partners under the originators' rules"},
                {"default", "/taxii2/dossier/"},
                {"api_roots", {"/taxii2/dossier/"}}});
}

Response TaxiiApiRoot(Call& c) {
  CheckAccept(c);
  return Taxii({{"title", "dossier"}, {"versions", {"application/taxii+json;version=2.1"}}, {"max_content_length", 64 << 20}});
}

Response TaxiiCollections(Call& c) {
  CheckAccept(c);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& org : PartnersFor(c)) list.push_back(CollectionJson(org, true));
  return Taxii({{"collections", list}});
}

Response TaxiiCollection(Call& c) {
  CheckAccept(c);
  return Taxii(CollectionJson(PartnerOf(c), true));
}

namespace {

// The objects of the collection a read names, for this reader; the read is audited as `action`.
std::shared_ptr<const std::vector<nlohmann::json>> ReadCollection(Call& c, const char* action) {
  CheckAccept(c);
  const std::string org = PartnerOf(c);
  c.audit_action = action;
  c.audit_detail = {{"collection", org}};
  return ObjectsOf(c, org);
}

}  // namespace

Response TaxiiObjects(Call& c) {
  const auto objects = ReadCollection(c, "taxii-objects");
  return Page(c, Filtered(c, *objects), "objects", [](const nlohmann::json& o) { return o; });
}

Response TaxiiObject(Call& c) {
  const auto objects = ReadCollection(c, "taxii-object");
  c.audit_detail["id"] = c.captures[1];
  std::vector<const nlohmann::json*> hits;
  for (const auto& o : *objects)
    if (o.value("id", "") == c.captures[1]) hits.push_back(&o);
  if (hits.empty()) throw HttpError(404, "no object '" + c.captures[1] + "' in this collection");
  return Page(c, hits, "objects", [](const nlohmann::json& o) { return o; });
}

Response TaxiiManifest(Call& c) {
  const auto objects = ReadCollection(c, "taxii-manifest");
  return Page(c, Filtered(c, *objects), "objects", [](const nlohmann::json& o) {
    return nlohmann::json{{"id", o.value("id", "")}, {"date_added", DateAdded(o)}, {"version", DateAdded(o)},
                          {"media_type", kStixType}};
  });
}

Response TaxiiAddObjects(Call& c) {
  CheckAccept(c);
  const std::string org = PartnerOf(c);
  c.RequireWriter("add objects");
  nlohmann::json body = c.JsonBody();
  // TAXII 2.1 posts an envelope {"objects": [...]}; a STIX bundle is accepted too.
  auto objects = body.find("objects");
  if (objects == body.end() || !objects->is_array()) throw HttpError(400, "field 'objects' must be an array of STIX objects");
  const std::size_t count = objects->size();
  const nlohmann::json bundle = {{"type", "bundle"}, {"id", share::StixId("bundle", body.dump())}, {"objects", *objects}};
  const auto& reader = c.View().reader();
  ingest::IngestOptions o;
  o.format = "stix";
  o.dataset = "taxii-" + org;
  o.title = "TAXII objects from " + org;
  o.kind = "dataset";
  o.originator = org;
  o.user = reader.sees_everything() ? "local" : reader.name();
  o.organisation = org;
  Engine& engine = c.engine;
  const std::string user = o.user;
  const std::string id = c.jobs.Start(c.user, "taxii-" + org + ".json", bundle.dump(), engine.store_path(), o,
                                      reader.scheme(), [&engine, user](const nlohmann::json& result) {
                                        engine.audit().Add({user, "taxii-add", result.dump(), result.value("added", int64_t{0})});
                                        engine.Changed();
                                      });
  std::lock_guard lock(c.taxii.mu);
  c.taxii.by_id[id] = {{"total_count", count}, {"request_timestamp", share::UtcNow()}};
  return Taxii({{"id", id}, {"status", "pending"}, {"request_timestamp", share::UtcNow()}, {"total_count", count},
                {"success_count", 0}, {"failure_count", 0}, {"pending_count", count}},
               202);
}

Response TaxiiStatus(Call& c) {
  CheckAccept(c);
  const std::string& id = c.captures[0];
  nlohmann::json request;
  {
    std::lock_guard lock(c.taxii.mu);
    auto it = c.taxii.by_id.find(id);
    if (it == c.taxii.by_id.end()) throw HttpError(404, "no status '" + id + "'");
    request = it->second;
  }
  auto job = c.jobs.Status(id, c.user, c.admin);
  if (!job) throw HttpError(404, "no status '" + id + "'");
  const int64_t total = request["total_count"].get<int64_t>();
  const std::string state = (*job)["state"];
  nlohmann::json status = {{"id", id},
                           {"status", state == "running" ? "pending" : "complete"},
                           {"request_timestamp", request["request_timestamp"]},
                           {"total_count", total},
                           {"success_count", state == "done" ? total : 0},
                           {"failure_count", state == "failed" ? total : 0},
                           {"pending_count", state == "running" ? total : 0}};
  if (state == "failed")
    status["failures"] = nlohmann::json::array({{{"id", "bundle"}, {"message", (*job)["error"]}}});
  return Taxii(status);
}

}  // namespace dossier::server
