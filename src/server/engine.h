// The server's engine: one store, loaded once, answering many readers at once.
//
// What it shares between requests, and why it is safe:
// - The link graph (graph::Graph) is built once from the store's Feed and is
//   immutable; each reader sees it through a ReaderGraph (their visibility bits).
// - Each reader's match corpus is built on first use from that reader's View
//   and is immutable; any number of threads query it.
// - Everything mutable (a SQLite connection, a View with its caches, a
//   ReaderGraph) lives in a Worker, which serves one request at a time: a
//   request leases a worker from a pool and gives it back when done.
//
// Freshness: the engine's generation changes whenever the statements change,
// through this server (Changed()) or another process (the store's
// DataVersion(), checked at most every kPollInterval). Workers and corpora of an
// older generation are rebuilt before they answer; so is the graph.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "access/feed.h"
#include "access/reader.h"
#include "access/view.h"
#include "graph/graph.h"
#include "graph/reader_graph.h"
#include "query/session.h"
#include "resolve/corpus.h"
#include "store/store.h"

namespace dossier::server {

class Engine;

// One reader's session inside a worker: their View and ReaderGraph, on the
// worker's connection.
class ReaderSession : public query::Session {
 public:
  // The graph is fetched from the engine on first use: most requests (an
  // entity, a search, a screening) never need it.
  ReaderSession(store::Store& store, access::Reader reader, Engine& engine);
  access::View& View() override { return view_; }
  access::Feed& Feed() override { return feed_; }
  const graph::ReaderGraph& ReaderGraph() override;

 private:
  access::View view_;
  access::Feed feed_;
  Engine& engine_;
  std::shared_ptr<const graph::Graph> graph_;  // kept alive while the ReaderGraph uses it
  std::unique_ptr<graph::ReaderGraph> reader_graph_;
};

// A worker: one SQLite connection and the sessions of the readers it served.
class Worker {
 public:
  explicit Worker(const std::string& store_path);
  store::Store& store() { return *store_; }
  // The session of `user` ("" for the local analyst of a store without users);
  // throws access::AccessError for an unknown user.
  ReaderSession& Session(Engine& engine, const std::string& user);

 private:
  friend class Engine;
  std::unique_ptr<store::Store> store_;
  uint64_t generation_ = 0;
  std::map<std::string, std::unique_ptr<ReaderSession>> sessions_;
};

// Appends audit entries from a background thread, many per transaction, so
// that auditing every read does not cost every read a commit. An entry reaches
// the log within kLinger, or at once when kBatch are waiting or on Flush().
class AuditQueue {
 public:
  static constexpr std::chrono::milliseconds kLinger{50};
  static constexpr std::size_t kBatch = 512;
  explicit AuditQueue(const std::string& store_path);
  ~AuditQueue();  // flushes what is queued
  void Add(store::Store::AuditRecord record);
  // Blocks until everything added so far is written (tests, shutdown).
  void Flush();

 private:
  void Loop();
  std::unique_ptr<store::Store> store_;
  std::mutex mu_;
  std::condition_variable wake_, drained_;
  std::vector<store::Store::AuditRecord> queue_;
  uint64_t added_ = 0, written_ = 0;
  bool stop_ = false, flushing_ = false;
  std::thread thread_;
};

class Engine {
 public:
  static constexpr std::chrono::milliseconds kPollInterval{250};

  // Opens the store (which must exist) and builds the graph.
  explicit Engine(std::string store_path);
  ~Engine();

  const std::string& store_path() const { return store_path_; }

  // A worker for the length of one request.
  class Lease {
   public:
    Lease(Engine& engine, std::unique_ptr<Worker> worker) : engine_(engine), worker_(std::move(worker)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Worker* operator->() { return worker_.get(); }
    Worker& operator*() { return *worker_; }

   private:
    Engine& engine_;
    std::unique_ptr<Worker> worker_;
  };
  Lease Acquire();

  // The graph of the current generation.
  std::shared_ptr<const graph::Graph> Graph();
  // The reader's match corpus of the current generation, built on first use
  // with `view` (a view of that reader).
  std::shared_ptr<const resolve::MatchCorpus> Corpus(access::View& view);
  // The statements changed (an ingest, import or judgement through this server).
  void Changed();
  uint64_t generation();

  AuditQueue& audit() { return audit_; }

 private:
  void Poll();

  const std::string store_path_;
  std::atomic<uint64_t> generation_{1};
  std::mutex poll_mu_;
  std::unique_ptr<store::Store> watch_;  // the connection whose DataVersion() is polled
  int64_t data_version_ = 0;
  std::chrono::steady_clock::time_point last_poll_;

  std::mutex graph_mu_;
  std::shared_ptr<const graph::Graph> graph_;
  uint64_t graph_generation_ = 0;

  std::mutex corpus_mu_;
  struct CachedCorpus {
    uint64_t generation = 0;
    std::shared_ptr<const resolve::MatchCorpus> corpus;
  };
  std::map<std::string, CachedCorpus> corpora_;

  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Worker>> idle_;

  AuditQueue audit_;
};

}  // namespace dossier::server
