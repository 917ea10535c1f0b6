// Runs a store's IngestWriter on a thread of its own, so that reading,
// validating and normalising a file (the caller's thread) overlaps with
// writing it (this thread). On two cores this nearly halves an ingest.
//
// Contract: calls reach the inner writer in the order they were made. The
// first error raised on the writer's thread is rethrown to the caller at its
// next call. Destroying the pipeline without Commit() stops the thread and
// destroys the inner writer uncommitted, so the ingest leaves no trace.
#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/store.h"

namespace dossier::ingest {

class PipelinedWriter final : public store::IngestWriter {
 public:
  explicit PipelinedWriter(std::unique_ptr<store::IngestWriter> inner);
  ~PipelinedWriter() override;

  void PutSource(const model::Source& source) override;
  void Add(store::NewStatement statement) override;
  store::IngestResult Commit() override;

 private:
  struct Batch {
    std::optional<model::Source> source;
    std::vector<store::NewStatement> statements;
  };
  static constexpr size_t kBatch = 8192;
  // Batches in flight: enough to hold more than one of the store's sort chunks,
  // so reading goes on while the writer flushes one; bounds memory.
  static constexpr size_t kQueued = 48;

  void Send(Batch batch);
  void SendCurrent();
  void Stop();
  void Run();
  void RethrowIfFailed();

  std::unique_ptr<store::IngestWriter> inner_;
  Batch current_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool closing_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace dossier::ingest
