// `dossier serve`: the HTTP transport around Api (cpp-httplib). It turns each
// HTTP request into an api Request, answers it with Api::Handle, and writes the
// Response back; it owns nothing else.
//
// Contract: listens on the address given (127.0.0.1 by default, never a
// wildcard unless asked); bodies over `max_body` are refused with 413 before
// they are read; a request cannot crash the process (Handle answers every
// error). Stop() (or SIGINT/SIGTERM in Serve) ends it; the audit log is
// flushed when the server is destroyed.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "server/api.h"

namespace dossier::server {

struct ServeOptions {
  std::string store_path;
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port (see HttpServer::port())
  std::string web_dir;
  std::string mappings_dir;
  std::size_t max_body = std::size_t{256} << 20;
  int threads = 16;         // request threads: a keep-alive connection holds one while open
  int parallel = 0;         // requests computed at once (0: the machine's cores); the rest wait their turn
};

class HttpServer {
 public:
  explicit HttpServer(ServeOptions options);
  ~HttpServer();
  // Binds; throws std::runtime_error naming the address when it cannot.
  void Bind();
  int port() const { return port_; }
  // Serves until Stop(); call after Bind().
  void Run();
  void Stop();
  Api& api() { return *api_; }
  Engine& engine() { return *engine_; }

 private:
  struct Impl;
  ServeOptions options_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// Runs a server until SIGINT or SIGTERM; `ready` is called once it listens.
void Serve(const ServeOptions& options, const std::function<void(int port)>& ready);

}  // namespace dossier::server
