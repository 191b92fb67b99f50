// See guarded_server.h for why this exists and how a connection moves between the waiting room
// and the workers.
#include "tools/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace portaria::tools {
namespace {

using Clock = std::chrono::steady_clock;

// How long a worker that has answered a request waits for the same client's next one (see
// NextRequest) before handing the connection to the waiting room.
constexpr int kFollowUpMillis = 5;

// What handlers tell the connection loop about the request on this worker thread.
struct RequestContext {
  bool close = false;      // CloseAfterResponse() was called
  bool timed_out = false;  // the body did not arrive in time
};
thread_local RequestContext* current_request = nullptr;

// Milliseconds left until `deadline`, for poll(); 0 once it has passed.
int MillisUntil(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, 60'000));
}

// Waits until `fd` is ready for `events` or `deadline` passes; false on timeout or error.
bool WaitFor(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    int n = ::poll(&p, 1, MillisUntil(deadline));
    if (n > 0) return true;
    if (n == 0) {
      if (Clock::now() >= deadline) return false;
      continue;  // poll's wait is capped at a minute
    }
    if (errno != EINTR) return false;
  }
}

// The reason phrases of the refusals the waiting room makes itself.
const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 408:
      return "Request Timeout";
    case 414:
      return "URI Too Long";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

// A whole refusal: JSON, and the connection closes after it.
std::string RefusalResponse(int status, const std::string& message) {
  std::string body = nlohmann::json{{"error", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "HTTP/1.1 " + std::to_string(status) + " " + ReasonPhrase(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) +
         "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n" + body;
}

void AddressOf(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

// One request on a connection, as httplib reads and writes it. The waiting room saw the request
// complete (head, and a body within the limit): it is read in one go and served from memory.
// Anything after it is read from the socket only as far as httplib asks (a body over the limit
// is refused unread; a head the waiting room misjudged, say with bare LFs, reads on), so the
// next request's bytes stay in the kernel for the waiting room. Reads end at the request's
// deadline, the whole response at the write deadline.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(int fd, std::size_t request_bytes, Clock::time_point read_deadline,
                   std::chrono::seconds write_timeout, RequestContext* context)
      : fd_(fd), read_deadline_(read_deadline), write_timeout_(write_timeout), context_(context) {
    request_.resize(request_bytes);
    std::size_t got = 0;
    while (got < request_bytes) {
      ssize_t n = ::recv(fd_, request_.data() + got, request_bytes - got, MSG_DONTWAIT);
      if (n > 0) {
        got += static_cast<std::size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        if (!WaitFor(fd_, POLLIN, read_deadline_)) break;
      } else {
        break;
      }
    }
    request_.resize(got);
  }

  bool is_readable() const override {
    if (request_at_ < request_.size()) return true;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }
  bool is_writable() const override {
    pollfd p{fd_, POLLOUT, 0};
    return ::poll(&p, 1, 0) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (request_at_ < request_.size()) {
      std::size_t n = std::min(size, request_.size() - request_at_);
      std::memcpy(ptr, request_.data() + request_at_, n);
      request_at_ += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      if (!WaitFor(fd_, POLLIN, read_deadline_)) {
        context_->timed_out = true;
        return -1;
      }
      ssize_t n = ::recv(fd_, ptr, size, MSG_DONTWAIT);
      if (n >= 0) return n;
      if (errno != EAGAIN && errno != EINTR) return -1;
    }
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!write_started_) {
      write_started_ = true;
      write_deadline_ = Clock::now() + write_timeout_;
    }
    for (;;) {
      if (!WaitFor(fd_, POLLOUT, write_deadline_)) return -1;
      ssize_t n = ::send(fd_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) return n;
      if (errno != EAGAIN && errno != EINTR) return -1;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    AddressOf(fd_, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    AddressOf(fd_, false, ip, port);
  }
  socket_t socket() const override { return fd_; }

 private:
  int fd_;
  std::string request_;
  std::size_t request_at_ = 0;
  Clock::time_point read_deadline_;
  std::chrono::seconds write_timeout_;
  bool write_started_ = false;
  Clock::time_point write_deadline_;
  RequestContext* context_;
};

// What the waiting room decides about the bytes a connection has sent so far.
struct RequestScan {
  enum class Verdict { kIncomplete, kComplete, kLineTooLong, kHeaderLineTooLong, kTooLarge };
  Verdict verdict = Verdict::kIncomplete;
  // With kComplete: the request line, headers, blank line and the body its Content-Length
  // declares, if that is within the body limit (a larger one is for the handlers to refuse).
  std::size_t bytes = 0;
};

// The value of a Content-Length header line ("Content-Length: 12\r\n"), or npos if `line` is
// another header or the value is not a plain number.
std::size_t ContentLength(std::string_view line) {
  constexpr std::string_view kName = "content-length:";
  if (line.size() <= kName.size()) return std::string_view::npos;
  for (std::size_t i = 0; i < kName.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != kName[i]) {
      return std::string_view::npos;
    }
  }
  std::size_t value = 0, digits = 0;
  for (char c : line.substr(kName.size())) {
    if (c >= '0' && c <= '9') {
      if (++digits > 12) return std::string_view::npos;
      value = value * 10 + static_cast<std::size_t>(c - '0');
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      return std::string_view::npos;
    }
  }
  return digits > 0 ? value : std::string_view::npos;
}

// `data` is what the client sent (at most max_head_bytes + max_body_bytes + 1 bytes of it).
// The blank line may end in CRLF or a bare LF; httplib judges the rest.
RequestScan ScanRequest(std::string_view data, const ConnectionLimits& limits) {
  RequestScan scan;
  std::size_t line_start = 0, body = 0;
  for (std::size_t line = 0;; ++line) {
    std::size_t end = data.find('\n', line_start);
    std::size_t length = (end == std::string_view::npos ? data.size() : end + 1) - line_start;
    if (length > limits.max_line_bytes) {
      scan.verdict =
          line == 0 ? RequestScan::Verdict::kLineTooLong : RequestScan::Verdict::kHeaderLineTooLong;
      return scan;
    }
    if (end == std::string_view::npos) break;
    std::string_view text = data.substr(line_start, length);
    line_start = end + 1;
    if (line_start > limits.max_head_bytes) break;
    if (line > 0 && (text == "\n" || text == "\r\n")) {
      scan.verdict = RequestScan::Verdict::kComplete;
      scan.bytes = line_start;
      // Wait for a small body too, so that no worker ever waits for a slow one.
      if (body <= limits.max_body_bytes) scan.bytes += body;
      if (scan.bytes > data.size()) scan.verdict = RequestScan::Verdict::kIncomplete;
      return scan;
    }
    if (line > 0) {
      std::size_t length_here = ContentLength(text);
      if (length_here != std::string_view::npos) body = length_here;
    }
  }
  // No blank line yet: everything so far is request line and headers.
  if (data.size() > limits.max_head_bytes) scan.verdict = RequestScan::Verdict::kTooLarge;
  return scan;
}

}  // namespace

class GuardedServer::Impl {
 public:
  Impl(GuardedServer* server, const ConnectionLimits& limits)
      : server_(server),
        limits_(limits),
        peek_(limits.max_head_bytes + limits.max_body_bytes + 1) {}

  ~Impl() { Stop(); }

  // From httplib's accept loop (through the inline task queue): a new connection.
  void Admit(int fd) {
    Start();
    if (open_.fetch_add(1) >= limits_.max_connections) {
      // Answered at once from this thread, never queued: the queue is what is full. What the
      // client already sent is read first, so that closing does not reset the connection
      // before the answer is read.
      std::string answer = RefusalResponse(
          503, "too many connections (limit " + std::to_string(limits_.max_connections) + ")");
      char sink[4096];
      while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
      }
      (void)::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
      ::shutdown(fd, SHUT_WR);
      CloseNow(fd);
      return;
    }
    Enter(fd, Entry::kWaiting, 0, Clock::now() + limits_.idle_timeout);
  }

  // The inline task queue: httplib's accept loop calls process_and_close_socket through it, on
  // its own thread; that only admits the connection, so nothing waits.
  class InlineQueue : public httplib::TaskQueue {
   public:
    explicit InlineQueue(Impl* impl) : impl_(impl) {}
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override { impl_->Stop(); }

   private:
    Impl* impl_;
  };

  void Stop() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!started_ || stopping_) return;
    stopping_ = true;
    lock.unlock();
    Wake();
    room_.join();
    // Workers still serving finish their request; what they hand back is closed (stopping_).
    workers_->shutdown();
    lock.lock();
    for (auto& [fd, entry] : entries_) CloseNow(fd);
    entries_.clear();
    ::close(epoll_);
    ::close(wake_);
  }

 private:
  struct Entry {
    enum State { kWaiting, kLingering } state = kWaiting;
    std::size_t served = 0;              // requests answered on this connection so far
    Clock::time_point deadline;          // kWaiting, no byte yet: idle; kLingering: close
    bool started = false;                // kWaiting: the request's first byte has arrived
    Clock::time_point request_deadline;  // kWaiting and started: 408
  };
  void Start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_) return;
    started_ = true;
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
    workers_ = std::make_unique<httplib::ThreadPool>(limits_.workers);
    room_ = std::thread([this] { Run(); });
  }

  void Wake() {
    std::uint64_t one = 1;
    (void)::write(wake_, &one, sizeof one);
  }

  // Hands a connection to the waiting room (from any thread). Registered here rather than by
  // the room's thread, which saves waking that thread once per request.
  void Enter(int fd, Entry::State state, std::size_t served, Clock::time_point deadline) {
    Entry entry;
    entry.state = state;
    entry.served = served;
    entry.deadline = deadline;
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      CloseNow(fd);
    } else {
      Register(fd, entry);
    }
  }

  void CloseNow(int fd) {
    ::close(fd);
    open_.fetch_sub(1);
  }

  void Run() {
    std::vector<epoll_event> events(64);
    auto next_sweep = Clock::now();
    for (;;) {
      int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
      // Everything below only makes non-blocking calls, so holding the lock keeps workers
      // handing connections back waiting for microseconds.
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      for (int i = 0; i < n; ++i) {
        int fd = events[i].data.fd;
        if (fd == wake_) {
          std::uint64_t count;
          (void)::read(wake_, &count, sizeof count);
          continue;
        }
        auto it = entries_.find(fd);
        if (it == entries_.end()) continue;  // dispatched or closed earlier in this batch
        if (it->second.state == Entry::kLingering) {
          Discard(fd);
        } else {
          Examine(fd, it->second, events[i].events);
        }
      }
      // Deadlines to the nearest tenth of a second are plenty; sweeping after every event
      // would cost a pass over all connections per byte a slow client sends.
      if (Clock::now() >= next_sweep) {
        Sweep();
        next_sweep = Clock::now() + std::chrono::milliseconds(100);
      }
    }
  }

  void Register(int fd, const Entry& entry) {
    epoll_event ev{};
    // Waiting connections are only peeked at, so their bytes stay readable: edge-triggered, to
    // be told of new bytes rather than again and again of the same ones. Lingering ones are
    // read, so level-triggered is right and never misses the end.
    ev.events = EPOLLIN | EPOLLRDHUP;
    if (entry.state == Entry::kWaiting) ev.events |= EPOLLET;
    ev.data.fd = fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      CloseNow(fd);
      return;
    }
    entries_[fd] = entry;
  }

  void Forget(int fd) {
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    entries_.erase(fd);
  }

  void Close(int fd) {
    Forget(fd);
    CloseNow(fd);
  }

  void Examine(int fd, Entry& entry, std::uint32_t events) {
    ssize_t n = ::recv(fd, peek_.data(), peek_.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
      Close(fd);  // the client left between requests
      return;
    }
    if (n < 0) return;
    if (!entry.started) {
      entry.started = true;
      entry.request_deadline = Clock::now() + limits_.request_timeout;
    }
    RequestScan scan =
        ScanRequest(std::string_view(peek_.data(), static_cast<std::size_t>(n)), limits_);
    const std::string max_line = std::to_string(limits_.max_line_bytes);
    switch (scan.verdict) {
      case RequestScan::Verdict::kComplete:
        return Dispatch(fd, scan.bytes, entry.served);
      case RequestScan::Verdict::kLineTooLong:
        return Refuse(fd, 414, "request line longer than " + max_line + " bytes");
      case RequestScan::Verdict::kHeaderLineTooLong:
        return Refuse(fd, 431, "header line longer than " + max_line + " bytes");
      case RequestScan::Verdict::kTooLarge:
        return Refuse(
            fd, 431,
            "request headers larger than " + std::to_string(limits_.max_head_bytes) + " bytes");
      case RequestScan::Verdict::kIncomplete:
        // The client has stopped sending (half-closed) in the middle of a request: it can't be
        // completed, but the client can still read why it is not answered.
        if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
          Refuse(fd, 400, "incomplete request");
        }
        return;
    }
  }

  void Dispatch(int fd, std::size_t request_bytes, std::size_t served) {
    Forget(fd);
    queued_.fetch_add(1);
    workers_->enqueue([this, fd, request_bytes, served] { Serve(fd, request_bytes, served); });
  }

  // Answers with a JSON error, ends the sending side, and lingers (Discard) before closing.
  void Refuse(int fd, int status, const std::string& message) {
    std::string answer = RefusalResponse(status, message);
    (void)::send(fd, answer.data(), answer.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(fd, SHUT_WR);
    Forget(fd);
    Entry entry;
    entry.state = Entry::kLingering;
    entry.deadline = Clock::now() + limits_.linger;
    Register(fd, entry);
  }

  // A lingering connection: reads and drops what arrives until the client closes.
  void Discard(int fd) {
    char sink[16384];
    ssize_t n = ::recv(fd, sink, sizeof sink, MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) Close(fd);
  }

  void Sweep() {
    auto now = Clock::now();
    std::vector<std::pair<int, int>> expired;  // fd, 0 close or 408
    for (const auto& [fd, entry] : entries_) {
      if (entry.state == Entry::kWaiting && entry.started) {
        if (now >= entry.request_deadline) expired.push_back({fd, 408});
      } else if (now >= entry.deadline) {
        expired.push_back({fd, 0});
      }
    }
    for (auto [fd, status] : expired) {
      if (status == 0) {
        Close(fd);
      } else {
        Refuse(fd, 408,
               "request not received within " + std::to_string(limits_.request_timeout.count()) +
                   " s");
      }
    }
  }

  // On a worker: a request, then the connection goes back to wait for the next, or lingers
  // and closes.
  void Serve(int fd, std::size_t request_bytes, std::size_t served) {
    queued_.fetch_sub(1);
    for (;;) {
      RequestContext context;
      current_request = &context;
      bool closed = false, ok = false;
      bool last = served + 1 >= server_->keep_alive_max_count_ || !server_->is_running();
      {
        ConnectionStream stream(fd, request_bytes, Clock::now() + limits_.request_timeout,
                                limits_.write_timeout, &context);
        ok = server_->process_request(stream, last, closed, nullptr);
      }
      current_request = nullptr;
      ++served;
      if (!ok) {
        CloseNow(fd);  // nothing could be written: no one to answer
        return;
      }
      if (context.close) {
        // Input may be left unread (a refused body): linger, so the client reads the answer.
        ::shutdown(fd, SHUT_WR);
        Enter(fd, Entry::kLingering, served, Clock::now() + limits_.linger);
        return;
      }
      if (closed || last) {
        ::shutdown(fd, SHUT_WR);
        CloseNow(fd);
        return;
      }
      request_bytes = NextRequest(fd);
      if (request_bytes == 0) {
        Enter(fd, Entry::kWaiting, served,
              Clock::now() + std::chrono::seconds(server_->keep_alive_timeout_sec_));
        return;
      }
    }
  }

  // A client that sends its next request as soon as it has the answer (a browser loading a
  // page, a program in a loop) is served on by the same worker, as long as no other request
  // waits for one: a few milliseconds' wait here saves a trip through the waiting room, whose
  // single thread, on a busy machine, is not always on a CPU when a request arrives. Returns
  // the size of the complete request found, or 0 to hand the connection to the waiting room.
  std::size_t NextRequest(int fd) {
    if (queued_.load() > 0) return 0;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, kFollowUpMillis) <= 0) return 0;
    thread_local std::vector<char> peek;
    peek.resize(limits_.max_head_bytes + limits_.max_body_bytes + 1);
    ssize_t n = ::recv(fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n <= 0) return 0;  // the waiting room closes it
    RequestScan scan =
        ScanRequest(std::string_view(peek.data(), static_cast<std::size_t>(n)), limits_);
    return scan.verdict == RequestScan::Verdict::kComplete ? scan.bytes : 0;
  }

  GuardedServer* server_;
  const ConnectionLimits limits_;
  std::atomic<std::size_t> open_{0};    // connections admitted and not yet closed
  std::atomic<std::size_t> queued_{0};  // requests dispatched to no worker yet

  // Guards started_, stopping_, entries_ and peek_: the waiting room's thread holds it while it
  // handles events, other threads to hand a connection back.
  std::mutex mutex_;
  bool started_ = false, stopping_ = false;
  std::unordered_map<int, Entry> entries_;
  std::vector<char> peek_;

  int epoll_ = -1, wake_ = -1;  // set once in Start
  std::thread room_;
  std::unique_ptr<httplib::ThreadPool> workers_;
};

GuardedServer::GuardedServer(const ConnectionLimits& limits)
    : impl_(std::make_unique<Impl>(this, limits)) {
  new_task_queue = [this] { return new Impl::InlineQueue(impl_.get()); };
}

GuardedServer::~GuardedServer() = default;

bool GuardedServer::process_and_close_socket(socket_t sock) {
  impl_->Admit(sock);
  return true;
}

void GuardedServer::CloseAfterResponse() {
  if (current_request != nullptr) current_request->close = true;
}

bool GuardedServer::RequestTimedOut() {
  return current_request != nullptr && current_request->timed_out;
}

}  // namespace portaria::tools
