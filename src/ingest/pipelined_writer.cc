#include "ingest/pipelined_writer.h"

namespace dossier::ingest {

PipelinedWriter::PipelinedWriter(std::unique_ptr<store::IngestWriter> inner)
    : inner_(std::move(inner)), thread_([this] { Run(); }) {
  current_.statements.reserve(kBatch);
}

PipelinedWriter::~PipelinedWriter() {
  {
    // Not committed: what is still queued would only be rolled back.
    std::lock_guard lock(mu_);
    queue_.clear();
  }
  Stop();
}

void PipelinedWriter::Stop() {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PipelinedWriter::Run() {
  while (true) {
    Batch batch;
    {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;  // closing, and everything sent was written
      if (error_) {                // after a failure, drain without writing
        queue_.clear();
        changed_.notify_all();
        continue;
      }
      batch = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    try {
      if (batch.source) inner_->PutSource(*batch.source);
      for (auto& s : batch.statements) inner_->Add(std::move(s));
    } catch (...) {
      std::lock_guard lock(mu_);
      error_ = std::current_exception();
    }
  }
}

void PipelinedWriter::RethrowIfFailed() {
  std::lock_guard lock(mu_);
  if (error_) std::rethrow_exception(error_);
}

void PipelinedWriter::Send(Batch batch) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < kQueued || error_; });
  if (error_) std::rethrow_exception(error_);
  queue_.push_back(std::move(batch));
  lock.unlock();
  changed_.notify_all();
}

void PipelinedWriter::SendCurrent() {
  if (current_.statements.empty()) return;
  Batch batch = std::move(current_);
  current_ = Batch{};
  current_.statements.reserve(kBatch);
  Send(std::move(batch));
}

void PipelinedWriter::PutSource(const model::Source& source) {
  SendCurrent();  // statements before the source stay before it
  Batch batch;
  batch.source = source;
  Send(std::move(batch));
}

void PipelinedWriter::Add(store::NewStatement statement) {
  current_.statements.push_back(std::move(statement));
  if (current_.statements.size() >= kBatch) SendCurrent();
}

store::IngestResult PipelinedWriter::Commit() {
  SendCurrent();
  Stop();  // waits until every batch has been written
  RethrowIfFailed();
  return inner_->Commit();
}

}  // namespace dossier::ingest
