#include "server/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <semaphore>
#include <thread>
#include <stdexcept>

namespace dossier::server {

struct HttpServer::Impl {
  explicit Impl(int parallel) : slots(parallel) {}
  httplib::Server http;
  // httplib gives each open connection a thread of its own; answering takes a
  // core. More threads than connections keeps a waiting client from starving,
  // and fewer slots than threads keeps the cores from thrashing.
  std::counting_semaphore<256> slots;
};

HttpServer::HttpServer(ServeOptions options) : options_(std::move(options)) {
  engine_ = std::make_unique<Engine>(options_.store_path);
  api_ = std::make_unique<Api>(*engine_, ApiOptions{options_.web_dir, options_.mappings_dir, std::size_t{1} << 20});
  const int parallel = options_.parallel > 0 ? options_.parallel
                                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  impl_ = std::make_unique<Impl>(std::min(parallel, 256));
  auto& http = impl_->http;
  const int threads = std::max(1, options_.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(options_.max_body);
  // Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm
  // holds the second until the client's delayed ACK, some 40 ms a request.
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(10000);
  http.set_read_timeout(30, 0);
  http.set_write_timeout(30, 0);

  auto handle = [this](const httplib::Request& in, httplib::Response& out) {
    Request req;
    req.method = in.method;
    req.path = in.path;
    for (const auto& [k, v] : in.params) req.params.emplace(k, v);
    for (const auto& [k, v] : in.headers) {
      std::string key = k;
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      req.headers[key] = v;
    }
    req.body = in.body;
    impl_->slots.acquire();
    Response r = api_->Handle(req);
    impl_->slots.release();
    out.status = r.status;
    for (const auto& [k, v] : r.headers) out.set_header(k, v);
    out.set_header("X-Content-Type-Options", "nosniff");
    out.set_content(std::move(r.body), r.content_type);
  };
  // One route for everything: Api does its own routing (and answers unknown
  // routes and methods in JSON).
  http.Get(".*", handle);
  http.Post(".*", handle);
  http.Put(".*", handle);
  http.Delete(".*", handle);
  http.Patch(".*", handle);
  // Errors httplib raises itself (a body over the limit, a malformed request
  // line): the same JSON shape as ours.
  http.set_error_handler([](const httplib::Request&, httplib::Response& out) {
    if (!out.body.empty()) return;
    const int status = out.status;
    const char* what = status == 413 ? "the body is over the server's limit"
                     : status == 400 ? "malformed HTTP request"
                     : status == 414 ? "the URI is too long"
                                     : "the request could not be served";
    out.set_content(nlohmann::json{{"status", status}, {"error", what}}.dump(), "application/json");
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
    out.status = 500;
    out.set_content(R"({"status":500,"error":"internal error"})", "application/json");
  });
}

HttpServer::~HttpServer() {
  Stop();
  impl_.reset();  // no request thread outlives the API it calls
}

void HttpServer::Bind() {
  auto& http = impl_->http;
  if (options_.port == 0) {
    port_ = http.bind_to_any_port(options_.host);
    if (port_ <= 0) throw std::runtime_error("cannot listen on " + options_.host + " (any port)");
  } else {
    if (!http.bind_to_port(options_.host, options_.port))
      throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                               " (in use, or not an address of this machine)");
    port_ = options_.port;
  }
}

void HttpServer::Run() { impl_->http.listen_after_bind(); }

void HttpServer::Stop() {
  // Only what a signal handler may do; the audit queue flushes when the engine goes.
  if (impl_) impl_->http.stop();
}

namespace {
std::atomic<HttpServer*> g_running{nullptr};
extern "C" void OnSignal(int) {
  if (HttpServer* s = g_running.load()) s->Stop();
}
}  // namespace

void Serve(const ServeOptions& options, const std::function<void(int port)>& ready) {
  HttpServer server(options);
  server.Bind();
  g_running = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  if (ready) ready(server.port());
  server.Run();
  g_running = nullptr;
  server.Stop();
}

}  // namespace dossier::server
