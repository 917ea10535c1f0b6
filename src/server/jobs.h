// Ingest jobs: a file uploaded to POST /api/ingest is ingested on a thread of
// its own, all or nothing, while GET /api/jobs/{id} reports its progress.
//
// Contract: a job belongs to the user who started it; only they (and
// administrators) see its status. The uploaded file lives in a temporary file
// that is removed when the job ends, whatever the outcome. A failed job leaves
// the store as it was (the Ingester's transaction) and reports the error,
// naming the line and field. Destroying Jobs waits for running jobs.
#pragma once
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "ingest/ingester.h"
#include "model/marking.h"

namespace dossier::server {

class Jobs {
 public:
  ~Jobs();
  // Writes `content` to a temporary file and ingests it into the store at
  // `store_path`; `done` runs on the job's thread after a successful commit.
  std::string Start(const std::string& owner, const std::string& file_name, const std::string& content,
                    const std::string& store_path, ingest::IngestOptions options, model::ClassificationScheme scheme,
                    std::function<void(const nlohmann::json& result)> done);
  // {"job","state":"running"|"done"|"failed","file","done_bytes","total_bytes",
  //  "statements","error","result"}; nullopt when unknown or not `user`'s.
  std::optional<nlohmann::json> Status(const std::string& id, const std::string& user, bool admin);

 private:
  struct Job {
    std::string id, owner, file;
    std::atomic<uint64_t> done_bytes{0}, total_bytes{0}, statements{0};
    std::atomic<bool> finished{false};
    std::mutex mu;  // guards the fields below
    std::string state = "running", error;
    nlohmann::json result;
    std::thread thread;
  };
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  uint64_t next_ = 0;
};

}  // namespace dossier::server
