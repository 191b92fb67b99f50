// portaria-server: the search API and the search page over HTTP.
//
//   GET /search?q=...   the JSON of `portaria-search --json` (portaria::ToJson)
//   GET /health         {"status":"ok","paragraphs":N}, 503 while a database can't be opened or
//                       a remote one does not answer
//   GET /               the search page (web/index.html, compiled in)
//   GET /openapi.yaml   the API description (schema/openapi.yaml, compiled in)
//
// Threads: connections wait for their next request in one thread, and a request that has fully
// arrived is served on a worker of a fixed pool (tools/guarded_server.h: slow or idle clients
// hold no worker). A Searcher is not thread-safe, so every worker keeps its own in a
// thread_local, opened on its first request. This was chosen over a mutex-guarded pool of
// Searchers because the workers live as long as the server: a thread_local gives exactly one
// Searcher per worker, with no lock, no checkout/return and no way to starve. The cost, one open
// database per worker, is small (file handles and caches, no copy of the index).
//
// Limits (README.md, "Embedding: library, HTTP API, search page"; every refusal is JSON
// {"error": ...} with the status below):
//   request line 8 KiB (414), one header line 8 KiB and all headers 16 KiB (431);
//   a request (headers and body) within 10 s of its first byte (408);
//   body 16 KiB by Content-Length (413), no chunked (411) or compressed (415) bodies, GET and
//   HEAD only (405); q and each filter 1024 bytes, limit 1..1000, offset 0..10000 (400);
//   512 open connections by default, --max-connections (503). Without an answer: a connection
//   silent for 10 s (5 s between kept-alive requests) is closed, one ends after its 100th
//   request, and a response not written within 10 s is dropped.
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>

#include "portaria/search.h"
#include "tools/common.h"
#include "tools/guarded_server.h"

namespace portaria::data {
extern const unsigned char kIndexHtml[];
extern const std::size_t kIndexHtmlSize;
extern const unsigned char kOpenApiYaml[];
extern const std::size_t kOpenApiYamlSize;
}  // namespace portaria::data

namespace {

// Deeper pages cost a deeper Xapian match for every request; nobody pages this far by hand.
constexpr std::size_t kMaxOffset = 10 * portaria::kMaxResults;
// Requests carry their input in the URL; a body is never needed, so a small one is plenty.
constexpr std::size_t kMaxPayloadBytes = 16 * 1024;
constexpr time_t kKeepAliveSeconds = 5;
constexpr std::size_t kKeepAliveRequests = 100;

constexpr const char* kJsonType = "application/json; charset=utf-8";

struct Config {
  std::vector<std::string> dbs;  // searched as one (Searcher::Open)
  portaria::RemoteOptions remote;
  std::string Describe() const {
    std::string out;
    for (const auto& db : dbs) out += (out.empty() ? "" : ", ") + db;
    return out;
  }
};
const Config* config = nullptr;  // set once in main before the server starts

// {"error": message} with the given status.
void SendError(httplib::Response& res, int status, const std::string& message) {
  nlohmann::json body = {{"error", message}};
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonType);
}

// This worker's Searcher (see the top of the file), opened on first use and after a failure.
thread_local std::unique_ptr<portaria::Searcher> worker_searcher;

// Returns nullptr (and the reason in *status) if the database can't be opened now.
portaria::Searcher* WorkerSearcher(portaria::Status* status) {
  if (!worker_searcher) {
    *status = portaria::Searcher::Open(config->dbs, &worker_searcher, config->remote);
    if (!status->ok()) worker_searcher.reset();
  }
  return worker_searcher.get();
}

// Forgets this worker's Searcher so its next request reopens the database (it may have been
// removed or rebuilt under us).
void DropWorkerSearcher() { worker_searcher.reset(); }

// Parses a whole decimal number in [min, max]; false for anything else ("", "-1", "5x", "1e3").
bool ParseCount(const std::string& text, std::size_t min, std::size_t max, std::size_t* out) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return false;
  if (value < min || value > max) return false;
  *out = value;
  return true;
}

bool ParseFlag(const std::string& text, bool* out) {
  if (text == "1" || text == "true") {
    *out = true;
  } else if (text.empty() || text == "0" || text == "false") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

// Status of the library -> HTTP status: the caller's fault, the database's absence, or ours.
int HttpStatusFor(const portaria::Status& s) {
  using Code = portaria::Status::Code;
  switch (s.code()) {
    case Code::kInvalidArgument:
      return 400;
    case Code::kNotFound:
    case Code::kVersionMismatch:
    case Code::kLocked:
    case Code::kIOError:
      return 503;
    default:
      return 500;
  }
}

void HandleSearch(const httplib::Request& req, httplib::Response& res) {
  portaria::SearchRequest request;
  if (!req.has_param("q")) return SendError(res, 400, "missing parameter q");
  request.query = req.get_param_value("q");
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos) {
    return SendError(res, 400, "parameter q is empty");
  }
  if (request.query.size() > portaria::kMaxQueryBytes) {
    return SendError(
        res, 400,
        "parameter q is longer than " + std::to_string(portaria::kMaxQueryBytes) + " bytes");
  }
  if (req.has_param("limit") &&
      !ParseCount(req.get_param_value("limit"), 1, portaria::kMaxResults, &request.limit)) {
    return SendError(res, 400,
                     "parameter limit must be a whole number from 1 to " +
                         std::to_string(portaria::kMaxResults));
  }
  if (req.has_param("offset") &&
      !ParseCount(req.get_param_value("offset"), 0, kMaxOffset, &request.offset)) {
    return SendError(
        res, 400,
        "parameter offset must be a whole number from 0 to " + std::to_string(kMaxOffset));
  }
  if (req.has_param("window") && !ParseCount(req.get_param_value("window"), 0,
                                             portaria::kMaxRerankWindow, &request.rerank_window)) {
    return SendError(res, 400,
                     "parameter window must be a whole number from 0 to " +
                         std::to_string(portaria::kMaxRerankWindow));
  }
  if (req.has_param("group") && !ParseFlag(req.get_param_value("group"), &request.group)) {
    return SendError(res, 400, "parameter group must be 1 or 0");
  }
  if (req.has_param("exact") && !ParseFlag(req.get_param_value("exact"), &request.exact_counts)) {
    return SendError(res, 400, "parameter exact must be 1 or 0");
  }
  if (req.has_param("explain") && !ParseFlag(req.get_param_value("explain"), &request.explain)) {
    return SendError(res, 400, "parameter explain must be 1 or 0");
  }
  struct Filter {
    const char* name;
    std::string* field;
  };
  for (const Filter& f : {Filter{"unidade", &request.unit}, Filter{"alinea", &request.letter},
                          Filter{"fonte", &request.source}}) {
    if (!req.has_param(f.name)) continue;
    *f.field = req.get_param_value(f.name);
    if (f.field->size() > portaria::kMaxQueryBytes) {
      return SendError(res, 400, std::string("parameter ") + f.name + " is too long");
    }
  }

  portaria::Status status;
  portaria::Searcher* searcher = WorkerSearcher(&status);
  if (searcher == nullptr) return SendError(res, 503, "database unavailable: " + status.ToString());
  portaria::SearchResponse response;
  status = searcher->Search(request, &response);
  if (!status.ok()) {
    int code = HttpStatusFor(status);
    if (code == 503) DropWorkerSearcher();
    if (code == 500) std::cerr << "portaria-server: " << status.ToString() << "\n";
    return SendError(res, code, status.message());
  }
  res.set_content(portaria::ToJson(response), kJsonType);
}

void HandleHealth(const httplib::Request&, httplib::Response& res) {
  // Opening the worker's Searcher checks what /search needs (existence, schema version, every
  // remote database reachable); counting asks every database for its latest commit.
  portaria::Status status;
  portaria::Searcher* searcher = WorkerSearcher(&status);
  if (searcher == nullptr) {
    return SendError(res, 503, "database unavailable: " + status.ToString());
  }
  std::size_t paragraphs = 0;
  status = searcher->CountParagraphs(&paragraphs);
  if (!status.ok()) {
    DropWorkerSearcher();
    return SendError(res, 503, "database unavailable: " + status.ToString());
  }
  nlohmann::ordered_json body = {{"status", "ok"}, {"paragraphs", paragraphs}};
  res.set_content(body.dump(), kJsonType);
}

void ServeEmbedded(httplib::Response& res, const unsigned char* data, std::size_t size,
                   const char* type) {
  res.set_content(reinterpret_cast<const char*>(data), size, type);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Serve a portaria database over HTTP: /search (JSON), /health and a search page."};
  Config cfg;

  std::string host = "127.0.0.1";
  int port = 8080;
  std::size_t threads = std::max(8u, std::thread::hardware_concurrency());
  portaria::tools::ConnectionLimits limits;
  app.add_option("--db", cfg.dbs,
                 "Database directory (single or sharded), stub file or tcp://HOST:PORT; repeat "
                 "to serve several as one (default: " +
                     portaria::tools::DefaultDatabasePath() + ")")
      ->allow_extra_args(false);  // one location per --db: "--db DB words…" keeps its words
  app.add_option("--remote-timeout", cfg.remote.timeout_ms,
                 "Milliseconds to wait for a tcp:// database to connect and to answer; 0: for "
                 "ever")
      ->capture_default_str()
      ->each([&](const std::string&) { cfg.remote.connect_timeout_ms = cfg.remote.timeout_ms; });
  app.add_option("--host", host, "Address to listen on (loopback only unless changed)")
      ->capture_default_str();
  app.add_option("--port", port, "Port to listen on; 0 picks a free one (printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", threads,
                 "Worker threads: requests served at once (waiting connections hold none)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  app.add_option("--max-connections", limits.max_connections,
                 "Open connections at once; one more is answered 503")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
  CLI11_PARSE(app, argc, argv);
  if (cfg.dbs.empty()) cfg.dbs.push_back(portaria::tools::DefaultDatabasePath());
  limits.workers = threads;
  limits.max_body_bytes = kMaxPayloadBytes;
  config = &cfg;

  // Stop cleanly on SIGINT/SIGTERM: the signals are blocked in every thread (workers inherit the
  // mask) and one thread waits for them, so stop() runs outside a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  {
    // Fail loudly at start, but keep serving: /health and /search answer 503 until the
    // database is there (it may be being built).
    std::unique_ptr<portaria::Searcher> probe;
    portaria::Status s = portaria::Searcher::Open(cfg.dbs, &probe, cfg.remote);
    if (!s.ok()) {
      std::cerr << "portaria-server: warning: " << s.ToString() << "\n";
    } else {
      // The first search loads the process-wide dictionaries (~0.4 s); pay that now rather
      // than in the first user's request.
      portaria::SearchRequest warm;
      warm.query = "quem paga pensões";
      portaria::SearchResponse ignored;
      s = probe->Search(warm, &ignored);
      if (!s.ok()) std::cerr << "portaria-server: warning: " << s.ToString() << "\n";
    }
  }

  // Read and write timeouts are the guard's (ConnectionLimits), whole-request rather than
  // httplib's per-read ones.
  portaria::tools::GuardedServer server(limits);
  server.set_payload_max_length(kMaxPayloadBytes);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  // httplib writes headers and body separately; with Nagle on, the body waits for the
  // client's delayed ACK (~40 ms on Linux loopback) on every kept-alive request.
  server.set_tcp_nodelay(true);

  server.Get("/search", HandleSearch);
  server.Get("/health", HandleHealth);
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    // The page only talks to this server and carries its own CSS and JS.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                   "form-action 'self'; frame-ancestors 'none'");
    ServeEmbedded(res, portaria::data::kIndexHtml, portaria::data::kIndexHtmlSize,
                  "text/html; charset=utf-8");
  });
  server.Get("/openapi.yaml", [](const httplib::Request&, httplib::Response& res) {
    ServeEmbedded(res, portaria::data::kOpenApiYaml, portaria::data::kOpenApiYamlSize,
                  "application/yaml; charset=utf-8");
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
  });
  // Bodies are refused before httplib reads them (it would read a chunked or compressed one
  // whole, and decompress it, before any limit applies). The connection then closes, its unread
  // input thrown away.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    auto refuse = [&res](int status, const std::string& message) {
      SendError(res, status, message);
      portaria::tools::GuardedServer::CloseAfterResponse();
      return httplib::Server::HandlerResponse::Handled;
    };
    if (req.has_header("Content-Length")) {
      std::size_t length = 0;
      if (!ParseCount(req.get_header_value("Content-Length"), 0, SIZE_MAX, &length)) {
        return refuse(400, "invalid Content-Length");
      }
      if (length > kMaxPayloadBytes) {
        return refuse(413,
                      "request body larger than " + std::to_string(kMaxPayloadBytes) + " bytes");
      }
    }
    if (req.has_header("Transfer-Encoding")) {
      return refuse(411, "request bodies need a Content-Length (no chunked bodies)");
    }
    std::string encoding = req.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "identity") {
      return refuse(415, "compressed request bodies are not accepted");
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      return refuse(405, "method not allowed (only GET and HEAD)");
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every error leaves as JSON: ours already have a body; httplib's own (404 unknown path,
  // 413 body too large, 400 malformed request, a body not received in time) get one here.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (portaria::tools::GuardedServer::RequestTimedOut()) res.status = 408;
        std::string message = res.status == 404   ? "not found"
                              : res.status == 408 ? "request not received in time"
                              : res.status == 413 ? "request too large"
                              : res.status == 414 ? "request URI too long"
                              : res.status < 500  ? "bad request"
                                                  : "internal error";
        // Past a malformed or unfinished request the rest of the input can't be trusted to
        // start a new one.
        if (res.status != 404) portaria::tools::GuardedServer::CloseAfterResponse();
        SendError(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::cerr << "portaria-server: internal error: " << what << "\n";
        SendError(res, 500, "internal error");
      });

  // Debian's compiled httplib listens with a backlog of 5: a burst of new connections (8
  // clients starting at once) overflows it and the dropped SYNs are retried after 1 s. Keep the
  // listening socket's descriptor and widen the backlog. SO_REUSEADDR (restart while old
  // connections linger) replaces httplib's default SO_REUSEPORT, with which a second server on
  // the same port would start and silently share the traffic instead of failing.
  int listen_fd = -1;
  server.set_socket_options([&listen_fd](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = sock;
  });
  int bound = port == 0 ? server.bind_to_any_port(host) : port;
  if (bound < 0 || (port != 0 && !server.bind_to_port(host, port))) {
    std::cerr << "portaria-server: cannot listen on " << host << ":" << port << "\n";
    return 1;
  }
  if (listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);  // on Linux, updates the backlog
  // Tests and scripts read this line to learn the port (--port 0).
  std::cout << "portaria-server: listening on http://" << host << ":" << bound << "/ (database "
            << cfg.Describe() << ", " << threads << " threads)" << std::endl;

  std::thread signal_waiter([&server, &signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  signal_waiter.detach();  // it ends with the process; stop() may also come from elsewhere
  bool ok = server.listen_after_bind();
  return ok ? 0 : 1;
}
