// Turns parsed entity records into statements and records them, one file per
// transaction.
//
// Contract: IngestFile() is all or nothing. It validates every record against
// the schema (known schema, known property, value valid for its type) and
// throws IngestError naming file, line and field at the first problem; the
// store then holds exactly what it held before. Re-ingesting the same file
// adds nothing (statement ids are content hashes).
#pragma once
#include <map>
#include <set>
#include <unordered_set>
#include <functional>
#include <optional>
#include <string>

#include "ingest/error.h"
#include "model/entity_record.h"
#include "model/marking.h"
#include "model/schema.h"
#include "model/source.h"
#include "store/store.h"

namespace dossier::ingest {

struct IngestOptions {
  std::string format;         // ftm | statements | csv | ofac-sdn | un-sc | sources
  std::string dataset;        // source id; default: the file's stem
  std::optional<char> reliability;
  int credibility = 0;        // 0: 6 (cannot be judged) unless the row says
  std::string marking;        // banner; default: the lowest level, releasable to all
  std::string mapping;        // for csv
  std::string user = "local";
  // The ingesting user's organisation: the originator of a controlled marking
  // (Marking::controlled) that names none and whose source names none. Empty for the local analyst of a store without users.
  std::string organisation;
  bool progress = false;      // draw progress on the terminal
  // Called as records are read (bytes read, file size, statements so far): for
  // progress shown elsewhere than a terminal (the server's ingest jobs).
  std::function<void(uint64_t bytes, uint64_t total, uint64_t statements)> on_progress;
  // Defaults for a source the store does not know yet.
  std::string title, kind = "dataset", originator, publisher, url;
};

struct IngestReport {
  std::string file, source;
  int64_t records = 0, statements = 0, added = 0, present = 0;
  double seconds = 0;
};

// Folded tokens to index for a value of `prop`, or "" when the property is not
// one that names its entity.
std::string NameIndexText(const std::string& prop, const std::string& value);

class Ingester {
 public:
  Ingester(store::Store& store, IngestOptions options, model::ClassificationScheme scheme);
  IngestReport IngestFile(const std::string& path);
  // Records already parsed (a partner package), with the sources they name, in
  // one transaction: all or nothing, as IngestFile. `label` names the input in
  // errors and in the ingest log. Each value must name its source, credibility
  // and marking; values carry their own `id` rows, as the statements format does.
  IngestReport IngestRecords(const std::string& label, const std::vector<model::Source>& sources,
                             std::vector<model::EntityRecord> records);

 private:
  IngestReport IngestSources(const std::string& path);
  void Record(model::EntityRecord&& record, store::IngestWriter& writer, IngestReport& report);
  const std::string& Banner(const std::string& banner, const std::string& source_id, long line,
                            const std::string& file);
  void EnsureSource(const std::string& id, store::IngestWriter& writer);

  store::Store& store_;
  IngestOptions options_;
  model::ClassificationScheme scheme_;
  const model::Model& model_;
  std::map<std::string, model::Source> sources_;
  std::map<std::pair<std::string, std::string>, std::string> banners_;  // (raw, source) -> canonical
  std::string file_;
  std::string default_source_;
  // "entity\x1fsource" whose `id` statement this file already wrote.
  std::unordered_set<std::string> exists_;
};

}  // namespace dossier::ingest
