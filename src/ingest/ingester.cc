#include "ingest/ingester.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <toml++/toml.h>

#include "ingest/formats.h"
#include "ingest/mapping.h"
#include "ingest/pipelined_writer.h"
#include "ingest/progress.h"
#include "model/grading.h"
#include "model/statement.h"
#include "model/value.h"
#include "text/fold.h"

namespace dossier::ingest {
namespace {

// Properties whose values are names of the entity itself, and so searchable.
constexpr std::string_view kIndexedNames[] = {"name", "alias", "previousName", "weakAlias"};

std::string Stem(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? "dataset" : stem;
}

}  // namespace

std::string NameIndexText(const std::string& prop, const std::string& value) {
  for (auto p : kIndexedNames)
    if (p == prop) return text::Fold(value);
  return {};
}

Ingester::Ingester(store::Store& store, IngestOptions options, model::ClassificationScheme scheme)
    : store_(store), options_(std::move(options)), scheme_(std::move(scheme)), model_(model::Model::Default()) {
  for (auto& s : store_.Sources()) sources_[s.id] = s;
}

const std::string& Ingester::Banner(const std::string& banner, const std::string& source_id, long line,
                                    const std::string& file) {
  auto key = std::make_pair(banner, source_id);
  auto it = banners_.find(key);
  if (it != banners_.end()) return it->second;
  model::Marking m;
  if (!banner.empty()) {
    try {
      m = model::Marking::Parse(banner, scheme_);
    } catch (const model::MarkingError& e) {
      throw IngestError(file, line, "marking", e.what());
    }
  }
  // A marking without an originator belongs to its source's originator.
  auto src = sources_.find(source_id);
  if (m.originator.empty() && src != sources_.end()) m.originator = src->second.originator;
  // Else the ingesting organisation's: a NOFORN marking must have a nation, and
  // a partner package must know whose material it forwards.
  if (m.originator.empty() && m.controlled()) m.originator = options_.organisation;
  if (src != sources_.end() && src->second.is_protected) m.source_protected = true;
  return banners_[key] = m.Print(scheme_);
}

void Ingester::EnsureSource(const std::string& id, store::IngestWriter& writer) {
  if (sources_.count(id)) return;
  model::Source s;
  s.id = id;
  s.title = id;
  s.kind = "dataset";
  writer.PutSource(s);
  sources_[id] = s;
}

void Ingester::Record(model::EntityRecord&& record, store::IngestWriter& writer, IngestReport& report) {
  ++report.records;
  // Remembering which entities already said they exist only saves work (the
  // store ignores repeated keys), so the memory is bounded by forgetting.
  if (exists_.size() > (1u << 20)) exists_.clear();
  const long line = record.line;
  if (record.id.empty()) throw IngestError(file_, line, "id", "entity without an id");
  if (record.id.size() > 1024 || record.id.find_first_of(" \t\r\n") != std::string::npos)
    throw IngestError(file_, line, "id", "'" + record.id.substr(0, 80) + "' is not an entity id (no spaces, at most 1024 bytes)");
  const model::Schema* schema = model_.Find(record.schema);
  if (!schema) throw IngestError(file_, line, "schema", "unknown schema '" + record.schema + "'");
  if (schema->abstract())
    throw IngestError(file_, line, "schema", "schema '" + record.schema + "' is abstract; use a concrete one");

  for (auto& v : record.values) {
    std::string source_id = v.source_id.empty() ? default_source_ : v.source_id;
    EnsureSource(source_id, writer);
    int credibility = v.credibility ? v.credibility : (options_.credibility ? options_.credibility : model::kUnknownCredibility);
    if (!model::IsCredibility(credibility))
      throw IngestError(file_, line, "credibility", std::to_string(credibility) + " is not a credibility (1-6)");
    const std::string& banner = Banner(v.marking.empty() ? options_.marking : v.marking, source_id, line, file_);

    store::NewStatement st;
    if (v.prop == model::kIdProperty) {
      st.value = record.id;
    } else {
      const model::Property* prop = schema->Find(v.prop);
      if (!prop)
        throw IngestError(file_, line, v.prop, "schema " + record.schema + " has no property '" + v.prop + "'");
      auto norm = model::Normalise(prop->type, v.value, model_);
      if (!norm.ok) throw IngestError(file_, line, v.prop, norm.reason);
      st.value = std::move(norm.value);
      if (!v.original_value.empty() && v.original_value != st.value) st.original_value = v.original_value;
      else if (st.value != v.value) st.original_value = v.value;
      if (prop->type == model::PropertyType::kEntity) st.ref = st.value;
      st.index_text = NameIndexText(v.prop, st.value);
    }
    st.key = model::StatementKey(source_id, record.id, v.prop, st.value);
    st.entity_id = record.id;
    st.schema = record.schema;
    st.prop = v.prop;
    st.lang = v.lang;
    st.source_id = source_id;
    st.credibility = credibility;
    st.marking = banner;
    st.first_seen = v.first_seen;
    st.last_seen = v.last_seen;
    // Every source that speaks of an entity also says that it exists. The
    // statements format carries its own `id` rows, so nothing is added there.
    if (v.prop == model::kIdProperty) {
      if (!exists_.insert(record.id + '\x1f' + source_id).second) continue;  // already said
    } else if (options_.format != "statements" && options_.format != "package" && exists_.insert(record.id + '\x1f' + source_id).second) {
      store::NewStatement exists = st;
      exists.prop = std::string(model::kIdProperty);
      exists.value = record.id;
      exists.key = model::StatementKey(source_id, record.id, model::kIdProperty, record.id);
      exists.original_value.clear();
      exists.ref.clear();
      exists.index_text.clear();
      exists.lang.clear();
      writer.Add(std::move(exists));
      ++report.statements;
    }
    writer.Add(std::move(st));
    ++report.statements;
  }
}

IngestReport Ingester::IngestSources(const std::string& path) {
  IngestReport report;
  report.file = path;
  toml::table doc;
  try {
    doc = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw IngestError(path, static_cast<long>(e.source().begin.line), "", std::string(e.description()));
  }
  auto* list = doc["source"].as_array();
  if (!list) throw IngestError(path, 0, "source", "expected [[source]] tables");
  auto writer = store_.BeginIngest(store::IngestInfo{path, "sources", options_.user});
  for (auto& node : *list) {
    auto* t = node.as_table();
    long line = static_cast<long>(node.source().begin.line);
    if (!t) throw IngestError(path, line, "source", "expected a table");
    model::Source s;
    auto str = [&](const char* key) { return (*t)[key].value_or(std::string()); };
    s.id = str("id");
    if (s.id.empty()) throw IngestError(path, line, "id", "a source needs an id");
    s.title = str("title");
    s.kind = str("kind").empty() ? "dataset" : str("kind");
    if (!model::IsSourceKind(s.kind)) throw IngestError(path, line, "kind", "'" + s.kind + "' is not a source kind");
    s.originator = str("originator");
    s.publisher = str("publisher");
    s.url = str("url");
    if (!str("date").empty()) {
      auto d = model::Normalise(model::PropertyType::kDate, str("date"));
      if (!d.ok) throw IngestError(path, line, "date", d.reason);
      s.date = d.value;
    }
    std::string rel = str("reliability").empty() ? "F" : str("reliability");
    auto r = model::ParseReliability(rel);
    if (!r) throw IngestError(path, line, "reliability", "'" + rel + "' is not a reliability (A-F)");
    s.reliability = *r;
    s.is_protected = (*t)["protected"].value_or(false);
    s.sanitised = str("sanitised");
    if (s.is_protected && s.sanitised.empty())
      throw IngestError(path, line, "sanitised", "a protected source needs a sanitised description");
    writer->PutSource(s);
    sources_[s.id] = s;
    ++report.records;
  }
  auto result = writer->Commit();
  report.added = report.records;
  (void)result;
  return report;
}

IngestReport Ingester::IngestFile(const std::string& path) {
  auto started = std::chrono::steady_clock::now();
  if (!std::filesystem::exists(path)) throw IngestError(path, 0, "", "no such file");
  if (options_.format == "sources") return IngestSources(path);
  file_ = std::filesystem::path(path).filename().string();
  exists_.clear();
  IngestReport report;
  report.file = path;
  default_source_ = options_.dataset.empty() ? Stem(path) : options_.dataset;
  report.source = default_source_;

  std::ifstream in(path, std::ios::binary);
  if (!in) throw IngestError(path, 0, "", "cannot be read");
  uint64_t total = std::filesystem::file_size(path);
  Progress progress(file_, total, options_.progress);

  auto writer = std::make_unique<PipelinedWriter>(
      store_.BeginIngest(store::IngestInfo{path, options_.format, options_.user}));
  // The file's own source: created, or updated where the flags say more.
  {
    model::Source s;
    auto it = sources_.find(default_source_);
    if (it != sources_.end()) s = it->second;
    else {
      s.id = default_source_;
      s.title = options_.title.empty() ? default_source_ : options_.title;
      s.kind = options_.kind;
      s.originator = options_.originator;
      s.publisher = options_.publisher;
      s.url = options_.url;
    }
    if (options_.reliability) s.reliability = *options_.reliability;
    if (!options_.title.empty()) s.title = options_.title;
    writer->PutSource(s);
    sources_[s.id] = s;
  }
  uint64_t bytes = 0;
  RecordSink sink = [&](model::EntityRecord&& r) {
    Record(std::move(r), *writer, report);
    progress.Update(bytes, static_cast<uint64_t>(report.statements));
    if (options_.on_progress) options_.on_progress(bytes, total, static_cast<uint64_t>(report.statements));
  };
  ProgressFn on_bytes = [&](uint64_t b) { bytes = b; };
  const std::string& f = options_.format;
  if (f == "ftm") ReadFtm(in, file_, sink, on_bytes);
  else if (f == "statements") ReadStatementsCsv(in, file_, sink, on_bytes);
  else if (f == "ofac-sdn") ReadOfacSdn(in, file_, sink, on_bytes);
  else if (f == "un-sc") ReadUnSc(in, file_, sink, on_bytes);
  else if (f == "stix") ReadStix(in, file_, sink, on_bytes);
  else if (f == "csv") {
    if (options_.mapping.empty()) throw IngestError(path, 0, "", "--format csv needs --mapping FILE");
    Mapping mapping = LoadMapping(options_.mapping);
    ReadMappedCsv(in, file_, mapping, sink, on_bytes);
  } else {
    throw IngestError(path, 0, "", "unknown format '" + f + "' (ftm, statements, csv, ofac-sdn, un-sc, stix, sources)");
  }
  auto result = writer->Commit();
  progress.Finish(static_cast<uint64_t>(report.statements));
  report.added = result.added;
  report.present = result.present;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

IngestReport Ingester::IngestRecords(const std::string& label, const std::vector<model::Source>& sources,
                                     std::vector<model::EntityRecord> records) {
  auto started = std::chrono::steady_clock::now();
  file_ = label;
  exists_.clear();
  IngestReport report;
  report.file = label;
  auto writer = store_.BeginIngest(store::IngestInfo{label, options_.format, options_.user});
  for (const auto& s : sources) {
    writer->PutSource(s);
    sources_[s.id] = s;
  }
  for (auto& r : records) {
    for (const auto& v : r.values)
      if (v.source_id.empty() || !sources_.count(v.source_id))
        throw IngestError(label, r.line, "source", "the source '" + v.source_id + "' is not among the package's sources");
    Record(std::move(r), *writer, report);
  }
  auto result = writer->Commit();
  report.added = result.added;
  report.present = result.present;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace dossier::ingest
