// Routes that change the store or read its records: ingest of an uploaded file
// (a background job), partner packages out and in, and the audit log.
#include <fmt/format.h>

#include <filesystem>

#include "ingest/error.h"
#include "model/grading.h"
#include "model/source.h"
#include "server/call.h"
#include "share/exchange.h"
#include "share/import.h"

namespace dossier::server {
namespace {

const char* const kFormats[] = {"ftm", "statements", "csv", "ofac-sdn", "un-sc", "stix", "sources"};

// A file name a client may give: letters, digits, '.', '-', '_', not hidden.
bool PlainName(const std::string& name) {
  if (name.empty() || name.size() > 200 || name[0] == '.') return false;
  for (char ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '_') return false;
  return true;
}

std::string ActingUser(const Call& c) {
  const auto& reader = c.session->View().reader();
  return reader.sees_everything() ? "local" : reader.name();
}

share::KeyPair InstanceKeys(const Call& c) {
  try {
    return share::ReadSecretKeyFile(c.engine.store_path() + ".key");
  } catch (const share::KeyError& e) {
    throw HttpError(409, e.what());
  }
}

}  // namespace

Response IngestRoute(Call& c) {
  c.RequireWriter("ingest files");
  const std::string format = c.RequiredText("format");
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats))
    throw HttpError(400, "parameter 'format': '" + format + "' is not one of ftm, statements, csv, ofac-sdn, un-sc, stix, sources");
  const std::string name = c.Text("name", "upload");
  if (!PlainName(name)) throw HttpError(400, "parameter 'name': a plain file name (letters, digits, '.', '-', '_')");
  if (c.request.body.empty()) throw HttpError(400, "the body is empty: send the file's bytes");
  const auto& reader = c.View().reader();
  ingest::IngestOptions o;
  o.format = format;
  o.dataset = c.Text("source");
  const std::string reliability = c.Text("reliability");
  if (!reliability.empty()) {
    auto r = model::ParseReliability(reliability);
    if (!r) throw HttpError(400, "parameter 'reliability' must be A-F, not '" + reliability + "'");
    o.reliability = *r;
  }
  o.credibility = c.Int("credibility", 0, 0, 6);
  o.marking = c.Text("marking");
  if (!o.marking.empty()) model::Marking::Parse(o.marking, reader.scheme());  // fail before accepting the upload
  o.title = c.Text("title");
  o.kind = c.Text("kind", "dataset");
  if (!model::IsSourceKind(o.kind)) throw HttpError(400, "parameter 'kind': '" + o.kind + "' is not a source kind");
  o.publisher = c.Text("publisher");
  o.url = c.Text("url");
  const std::string mapping = c.Text("mapping");
  if (format == "csv") {
    if (mapping.empty()) throw HttpError(400, "parameter 'mapping' is required for csv: the name of a mapping file");
    if (!PlainName(mapping)) throw HttpError(400, "parameter 'mapping': a plain file name");
    const auto path = std::filesystem::path(c.options.mappings_dir) / mapping;
    if (c.options.mappings_dir.empty() || !std::filesystem::is_regular_file(path))
      throw HttpError(400, "parameter 'mapping': no mapping '" + mapping + "' on this server");
    o.mapping = path.string();
  }
  o.user = ActingUser(c);
  o.organisation = reader.organisation().code;
  Engine& engine = c.engine;
  const std::string user = o.user;
  const std::string id = c.jobs.Start(c.user, name, c.request.body, engine.store_path(), o, reader.scheme(),
                                      [&engine, user](const nlohmann::json& result) {
                                        engine.audit().Add({user, "ingest", result.dump(), result.value("added", int64_t{0})});
                                        engine.Changed();
                                      });
  return JsonResponse({{"job", id}, {"status", "/api/jobs/" + id}}, 202);
}

Response JobRoute(Call& c) {
  auto status = c.jobs.Status(c.captures[0], c.user, c.admin);
  if (!status) throw HttpError(404, "no job '" + c.captures[0] + "'");
  return JsonResponse(*status);
}

Response ExportRoute(Call& c) {
  c.RequireAdmin("export packages for partners");
  const std::string org = c.RequiredText("for");
  share::PartnerExport x;
  try {
    x = share::ExportFor(c.worker.store(), InstanceKeys(c), org, c.Flag("release_orcon"), ActingUser(c));
  } catch (const share::KeyError& e) {
    throw HttpError(400, e.what());
  }
  Response r;
  r.content_type = "application/x-ndjson";
  r.body = std::move(x.bytes);
  r.headers["Content-Disposition"] = fmt::format("attachment; filename=\"{}-to-{}-{}.dossier\"", x.manifest.from, x.to,
                                                 x.manifest.sequence);
  r.headers["X-Dossier-Highest-Marking"] = x.manifest.highest_marking;
  return r;
}

Response ImportRoute(Call& c) {
  c.RequireAdmin("import partner packages");
  const std::string user = ActingUser(c);
  const std::string label = c.Text("name", "upload.dossier");
  auto& store = c.worker.store();
  share::ImportReport r;
  try {
    r = share::ImportPackage(store, c.request.body, label, user);
  } catch (const share::PackageError& e) {
    c.engine.audit().Add({user, "import", nlohmann::json{{"file", label}, {"refused", e.what()}}.dump(), 0});
    throw HttpError(400, std::string(e.what()) + "; nothing was imported");
  } catch (const share::KeyError& e) {
    throw HttpError(409, e.what());
  } catch (const ingest::IngestError& e) {
    c.engine.audit().Add({user, "import", nlohmann::json{{"file", label}, {"refused", e.what()}}.dump(), 0});
    throw HttpError(400, std::string(e.what()) + "; nothing was imported");
  }
  c.engine.Changed();
  c.engine.audit().Add({user, "import",
                        nlohmann::json{{"from", r.manifest.from}, {"sequence", r.manifest.sequence}, {"hash", r.hash},
                                       {"statements", r.statements}, {"added", r.added}, {"already_imported", r.already_imported}}
                            .dump(),
                        r.added});
  return JsonResponse({{"from", r.manifest.from}, {"sequence", r.manifest.sequence}, {"created", r.manifest.created},
                       {"highest_marking", r.manifest.highest_marking}, {"sources", r.sources}, {"statements", r.statements},
                       {"added", r.added}, {"present", r.present}, {"already_imported", r.already_imported}});
}

Response AuditRoute(Call& c) {
  c.RequireAdmin("read the audit log");
  const int after = c.Int("after", 0, 0, std::numeric_limits<int>::max());
  const int limit = c.Int("limit", 100, 1, 10000);
  c.engine.audit().Flush();  // everything asked before this request is in the log
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : c.worker.store().AuditLog(after)) {
    if (static_cast<int>(list.size()) >= limit) break;
    nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
    list.push_back({{"seq", e.seq}, {"at", e.at}, {"user", e.user}, {"action", e.action},
                    {"detail", detail.is_discarded() ? nlohmann::json(e.detail) : detail}, {"results", e.results},
                    {"hash", e.hash}});
  }
  return JsonResponse({{"entries", list}});
}

}  // namespace dossier::server
