#include "server/jobs.h"

#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ingest/error.h"
#include "store/store.h"

namespace dossier::server {

Jobs::~Jobs() {
  std::map<std::string, std::shared_ptr<Job>> jobs;
  {
    std::lock_guard lock(mu_);
    jobs.swap(jobs_);
  }
  for (auto& [id, job] : jobs)
    if (job->thread.joinable()) job->thread.join();
}

std::string Jobs::Start(const std::string& owner, const std::string& file_name, const std::string& content,
                        const std::string& store_path, ingest::IngestOptions options, model::ClassificationScheme scheme,
                        std::function<void(const nlohmann::json& result)> done) {
  // The upload, in a file of its own that only this process can read.
  std::string dir = (std::filesystem::temp_directory_path() / "dossier-upload-XXXXXX").string();
  if (!mkdtemp(dir.data())) throw std::runtime_error("cannot create a temporary directory for the upload");
  // The file keeps the upload's name (its stem is the default source id), minus any path.
  std::string name = std::filesystem::path(file_name).filename().string();
  if (name.empty() || name == "." || name == "..") name = "upload";
  const std::string path = dir + "/" + name;
  {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write the upload to " + path);
  }
  auto job = std::make_shared<Job>();
  {
    std::lock_guard lock(mu_);
    // Random ids: a job's number says nothing about other users' uploads.
    job->id = fmt::format("job-{}-{:08x}", ++next_, randombytes_random());
    jobs_[job->id] = job;
  }
  job->owner = owner;
  job->file = name;
  job->total_bytes = content.size();
  options.on_progress = [j = job.get()](uint64_t bytes, uint64_t total, uint64_t statements) {
    j->done_bytes = bytes;
    j->total_bytes = total;
    j->statements = statements;
  };
  job->thread = std::thread([job, path, dir, store_path, options = std::move(options), scheme = std::move(scheme),
                             done = std::move(done)]() mutable {
    nlohmann::json result;
    std::string error;
    try {
      auto store = store::Store::Open(store_path, false);
      ingest::Ingester ingester(*store, options, scheme);
      const auto report = ingester.IngestFile(path);
      result = {{"file", job->file}, {"source", report.source}, {"records", report.records},
                {"statements", report.statements}, {"added", report.added}, {"present", report.present},
                {"seconds", report.seconds}};
    } catch (const std::exception& e) {
      // Errors name the temporary path; the user knows the file by its name.
      error = e.what();
      for (std::size_t at; (at = error.find(path)) != std::string::npos;) error.replace(at, path.size(), job->file);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    if (error.empty() && done) done(result);
    std::lock_guard lock(job->mu);
    job->state = error.empty() ? "done" : "failed";
    job->error = error;
    job->result = result;
    if (error.empty()) job->done_bytes = job->total_bytes.load();
    job->finished = true;
  });
  return job->id;
}

std::optional<nlohmann::json> Jobs::Status(const std::string& id, const std::string& user, bool admin) {
  std::shared_ptr<Job> job;
  {
    std::lock_guard lock(mu_);
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    job = it->second;
  }
  if (job->owner != user && !admin) return std::nullopt;
  std::lock_guard lock(job->mu);
  nlohmann::json j = {{"job", job->id},
                      {"state", job->state},
                      {"file", job->file},
                      {"done_bytes", job->done_bytes.load()},
                      {"total_bytes", job->total_bytes.load()},
                      {"statements", job->statements.load()}};
  j["error"] = job->error.empty() ? nlohmann::json() : nlohmann::json(job->error);
  j["result"] = job->result.is_null() ? nlohmann::json() : job->result;
  return j;
}

}  // namespace dossier::server
