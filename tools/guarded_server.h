// An httplib::Server that bounds what a client can hold: time, memory, threads, connections.
//
// Why not httplib's own connection handling (Debian 12's cpp-httplib 0.11.4): a connection holds
// one of a fixed number of worker threads from accept to close, so a few slow or idle clients
// starve everyone else; its read timeout applies to each read, so a client sending one byte every
// few seconds is never timed out; and a request line or header line is buffered whole before its
// length is checked, so one endless line grows the server's memory without limit.
//
// Here a connection waits for its request in one epoll thread (the waiting room), which only
// peeks at the bytes the kernel has buffered: no thread and no user-space buffer per connection.
// A worker takes the connection once its request is complete (headers, and a body within the
// limit), runs httplib's parsing and handlers on it (Server::process_request), and hands it back
// to wait for the next request. So a worker never waits for a client's bytes: slow clients cost
// a file descriptor each, up to max_connections, and nothing else. (It may wait on a client
// that does not read its response, up to write_timeout.)
// Requests that break a limit are refused from the waiting room with a JSON error, after which
// the connection's remaining input is read and thrown away for a while before it is closed, so
// that the client reads the error instead of a reset.
#ifndef PORTARIA_TOOLS_GUARDED_SERVER_H_
#define PORTARIA_TOOLS_GUARDED_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>

namespace portaria::tools {

struct ConnectionLimits {
  std::size_t workers = 8;                 // threads that parse requests and run handlers
  std::size_t max_connections = 512;       // open at once; one more is answered 503 and closed
  std::size_t max_head_bytes = 16 * 1024;  // request line + headers; more: 431
  std::size_t max_line_bytes = 8 * 1024;   // request line (more: 414) or one header line (431)
  // A body up to this size is waited for before a worker takes the request; a larger one is
  // the handlers' to refuse (413), unread. Set it to httplib's payload limit.
  std::size_t max_body_bytes = 16 * 1024;
  // A request (headers and body) must be complete this long after its first byte (else 408).
  std::chrono::seconds request_timeout{10};
  std::chrono::seconds idle_timeout{10};   // a new connection's first byte (else closed)
  std::chrono::seconds write_timeout{10};  // a whole response (else the connection is dropped)
  // How long a refused connection's input is read and thrown away before it is closed.
  std::chrono::seconds linger{5};
};

class GuardedServer : public httplib::Server {
 public:
  // Keep-alive (idle time between requests, requests per connection) comes from httplib's
  // set_keep_alive_timeout and set_keep_alive_max_count; the body limit from
  // set_payload_max_length; the listening socket is httplib's.
  explicit GuardedServer(const ConnectionLimits& limits);
  ~GuardedServer() override;

  // For handlers, on the worker thread that serves the request. CloseAfterResponse: the
  // connection ends after this response, its unread input (say, a body refused unread) thrown
  // away first. RequestTimedOut: the request's body did not arrive in time.
  static void CloseAfterResponse();
  static bool RequestTimedOut();

 private:
  class Impl;
  bool process_and_close_socket(socket_t sock) override;

  std::unique_ptr<Impl> impl_;
};

}  // namespace portaria::tools

#endif  // PORTARIA_TOOLS_GUARDED_SERVER_H_
