#include "server/engine.h"

#include <filesystem>

namespace dossier::server {

ReaderSession::ReaderSession(store::Store& store, access::Reader reader, Engine& engine)
    : view_(store, std::move(reader)), feed_(store), engine_(engine) {}

const graph::ReaderGraph& ReaderSession::ReaderGraph() {
  if (!reader_graph_) {
    graph_ = engine_.Graph();
    reader_graph_ = std::make_unique<graph::ReaderGraph>(*graph_, view_);
  }
  return *reader_graph_;
}

Worker::Worker(const std::string& store_path) : store_(store::Store::Open(store_path, false)) {}

ReaderSession& Worker::Session(Engine& engine, const std::string& user) {
  auto it = sessions_.find(user);
  if (it != sessions_.end()) return *it->second;
  auto session = std::make_unique<ReaderSession>(*store_, access::Reader::Resolve(*store_, user), engine);
  return *sessions_.emplace(user, std::move(session)).first->second;
}

// ---- audit queue ------------------------------------------------------------------

AuditQueue::AuditQueue(const std::string& store_path)
    : store_(store::Store::Open(store_path, false)), thread_([this] { Loop(); }) {}

AuditQueue::~AuditQueue() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void AuditQueue::Add(store::Store::AuditRecord record) {
  bool full;
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(record));
    ++added_;
    full = queue_.size() >= kBatch;
  }
  // The writer wakes on its own every kLinger; waking it for every entry would
  // cost each request a context switch.
  if (full) wake_.notify_one();
}

void AuditQueue::Flush() {
  std::unique_lock lock(mu_);
  const uint64_t target = added_;
  flushing_ = true;
  wake_.notify_one();
  drained_.wait(lock, [&] { return written_ >= target; });
  flushing_ = false;
}

void AuditQueue::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    // The predicate holds only when there is something to do: a predicate true
    // with an empty queue would spin here holding the lock Flush() waits for.
    wake_.wait_for(lock, kLinger, [&] {
      return stop_ || queue_.size() >= kBatch || (flushing_ && !queue_.empty());
    });
    if (queue_.empty()) {
      if (stop_) return;
      continue;
    }
    std::vector<store::Store::AuditRecord> batch;
    batch.swap(queue_);
    lock.unlock();
    try {
      store_->AppendAudits(batch);
    } catch (const std::exception&) {
      // The log's file is unwritable: keep the entries and retry with the next batch.
      lock.lock();
      queue_.insert(queue_.begin(), batch.begin(), batch.end());
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      lock.lock();
      if (stop_) return;
      continue;
    }
    lock.lock();
    written_ += batch.size();
    drained_.notify_all();
  }
}

// ---- engine -----------------------------------------------------------------------

Engine::Engine(std::string store_path)
    : store_path_(std::move(store_path)),
      watch_(store::Store::Open(store_path_, false)),
      audit_(store_path_) {
  data_version_ = watch_->DataVersion();
  last_poll_ = std::chrono::steady_clock::now();
  Graph();
}

Engine::~Engine() = default;

Engine::Lease::~Lease() {
  if (!worker_) return;
  std::lock_guard lock(engine_.pool_mu_);
  engine_.idle_.push_back(std::move(worker_));
}

Engine::Lease Engine::Acquire() {
  Poll();
  std::unique_ptr<Worker> worker;
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_.empty()) {
      worker = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!worker) worker = std::make_unique<Worker>(store_path_);
  const uint64_t now = generation_.load();
  if (worker->generation_ != now) {
    worker->sessions_.clear();
    worker->generation_ = now;
  }
  return Lease(*this, std::move(worker));
}

void Engine::Poll() {
  const auto now = std::chrono::steady_clock::now();
  std::unique_lock lock(poll_mu_, std::try_to_lock);
  if (!lock.owns_lock() || now - last_poll_ < kPollInterval) return;
  last_poll_ = now;
  const int64_t version = watch_->DataVersion();
  if (version != data_version_) {
    data_version_ = version;
    ++generation_;
  }
}

void Engine::Changed() { ++generation_; }

uint64_t Engine::generation() { return generation_.load(); }

std::shared_ptr<const graph::Graph> Engine::Graph() {
  std::lock_guard lock(graph_mu_);
  const uint64_t now = generation_.load();
  if (!graph_ || graph_generation_ != now) {
    auto store = store::Store::Open(store_path_, false);
    access::Feed feed(*store);
    graph_ = std::make_shared<const graph::Graph>(graph::Graph::Build(feed));
    graph_generation_ = now;
  }
  return graph_;
}

std::shared_ptr<const resolve::MatchCorpus> Engine::Corpus(access::View& view) {
  std::lock_guard lock(corpus_mu_);
  const uint64_t now = generation_.load();
  CachedCorpus& cached = corpora_[view.reader().name()];
  if (!cached.corpus || cached.generation != now) {
    cached.corpus = resolve::MatchCorpus::Build(view);
    cached.generation = now;
  }
  return cached.corpus;
}

}  // namespace dossier::server
