// portaria-server under abuse (issue 13, "Load and abuse"): slow and silent clients, oversized
// requests, bursts of connections. The server must keep answering /health, answer every limit
// with a JSON error where an answer is possible, and keep its memory bounded.
//
// Each test starts its own server process (ctest runs every test in a process of its own) with
// few worker threads, so that "more slow clients than workers" is cheap to reach. Deadlines are
// generous: this must pass on a loaded 2-core machine; what is asserted is that answers come
// and connections end, not how fast.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using Clock = std::chrono::steady_clock;
using testing::FreshDir;
using testing::IndexSeedCorpus;
using testing::ServerProcess;
using testing::SourceDir;

// The server's limits (tools/guarded_server.h, tools/portaria_server.cc, README.md).
constexpr std::size_t kMaxLineBytes = 8 * 1024;
constexpr std::size_t kMaxHeadBytes = 16 * 1024;
constexpr std::size_t kMaxBodyBytes = 16 * 1024;
constexpr int kWorkers = 4;
// Allowed RSS growth of the server across all the abuse of one test (README.md).
constexpr long kMaxRssGrowthKiB = 50 * 1024;

// Far beyond every timeout above, for a machine busy with other builds.
constexpr auto kDeadline = std::chrono::seconds(90);

// What came back on a raw connection.
struct Reply {
  int status = -1;      // -1: no status line
  std::string body;     // as sent (Content-Length bytes)
  bool closed = false;  // the server closed its side (EOF or reset)
  std::size_t bytes = 0;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  // The "status" member of a JSON object body ("ok" from /health); empty otherwise.
  std::string StatusField() const {
    nlohmann::json j = Json();
    return j.is_object() && j.contains("status") && j["status"].is_string() ? j["status"] : "";
  }
  bool IsJsonError() const {
    nlohmann::json j = Json();
    return j.is_object() && j.contains("error") && j["error"].is_string();
  }
};

// A client socket speaking raw bytes, so requests can be as broken or as slow as wanted.
class Raw {
 public:
  explicit Raw(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;
  ~Raw() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  // Sends all of `data`; false once the server has closed or reset the connection.
  bool Send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  void EndSending() { ::shutdown(fd_, SHUT_WR); }

  // True if something (bytes or the end) can be read now.
  bool Readable() const {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
  }

  // Reads one response (head and Content-Length body), and then whether the server closes, until
  // `deadline`.
  Reply Read(Clock::time_point deadline, bool wait_for_close = true) {
    Reply reply;
    std::string data;
    data.swap(unread_);
    std::size_t want = std::string::npos;  // total bytes of the response, once the head is in
    for (;;) {
      auto head_end = data.find("\r\n\r\n");
      if (want == std::string::npos && head_end != std::string::npos) {
        std::string head = data.substr(0, head_end);
        for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto at = head.find("content-length:");
        want = head_end + 4 + (at == std::string::npos ? 0 : std::atol(head.c_str() + at + 15));
      }
      if (want != std::string::npos && data.size() >= want && !wait_for_close) break;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000))) <= 0) {
        continue;
      }
      char buf[16384];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        reply.closed = true;
        break;
      }
      data.append(buf, static_cast<std::size_t>(n));
    }
    // A pipelined response that came in the same read is kept for the next call.
    if (want != std::string::npos && data.size() > want) {
      unread_ = data.substr(want);
      data.resize(want);
    }
    reply.bytes = data.size();
    if (data.rfind("HTTP/1.", 0) == 0 && data.size() > 12) reply.status = std::atoi(&data[9]);
    auto head_end = data.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      reply.body = data.substr(head_end + 4,
                               want == std::string::npos ? std::string::npos : want - head_end - 4);
    }
    return reply;
  }

 private:
  int fd_ = -1;
  std::string unread_;
};

std::string Get(const std::string& path, const std::string& extra_headers = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

// VmRSS or VmHWM of a process, in KiB (-1 if unreadable).
long ProcessKiB(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return -1;
}

class ServerAbuseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string;
    ASSERT_TRUE(IndexSeedCorpus("abuse-db", db_));
  }
  static void TearDownTestSuite() { delete db_; }

  void StartServer(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--threads", std::to_string(kWorkers)});
    std::string error;
    ASSERT_TRUE(server_.Start(*db_, extra, &error)) << error;
    ASSERT_TRUE(server_.WaitUntilServing());
  }

  // /health answers 200 {"status": "ok", ...} on a new connection.
  ::testing::AssertionResult HealthAnswers() {
    httplib::Client client("127.0.0.1", server_.port());
    client.set_connection_timeout(std::chrono::seconds(30));
    client.set_read_timeout(std::chrono::seconds(60));
    auto res = client.Get("/health");
    if (!res)
      return ::testing::AssertionFailure() << "no answer: " << httplib::to_string(res.error());
    auto body = nlohmann::json::parse(res->body, nullptr, false);
    if (res->status != 200 || !body.is_object() || body["status"] != "ok") {
      return ::testing::AssertionFailure() << res->status << " " << res->body;
    }
    return ::testing::AssertionSuccess();
  }

  // Searches from several threads at once, so that every worker has opened its Searcher and
  // the memory measured next is the server's working size.
  void WarmUp() {
    std::vector<std::thread> threads;
    for (int t = 0; t < 2 * kWorkers; ++t) {
      threads.emplace_back([this] {
        httplib::Client client("127.0.0.1", server_.port());
        client.set_read_timeout(std::chrono::seconds(60));
        for (int i = 0; i < 5; ++i) (void)client.Get("/search?q=quem%20paga%20pens%C3%B5es");
      });
    }
    for (auto& t : threads) t.join();
  }

  // Opens `each` connections of four kinds: silent (sends nothing), partial (half the headers,
  // then nothing), short body (whole headers, part of the body they announce, then nothing) and
  // trickling (a never-ending head, one byte every 200 ms). Checks /health answers while they
  // are all open; then that the server ends every one of them: the silent closed, the others
  // answered 408 with a JSON error.
  void SlowClients(int each) {
    std::vector<std::unique_ptr<Raw>> quiet, half, slow;
    for (int i = 0; i < each; ++i) {
      quiet.push_back(std::make_unique<Raw>(server_.port()));
      half.push_back(std::make_unique<Raw>(server_.port()));
      ASSERT_TRUE(half.back()->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
      half.push_back(std::make_unique<Raw>(server_.port()));
      ASSERT_TRUE(half.back()->Send(Get("/health", "Content-Length: 100\r\n") + "0123456789"));
      slow.push_back(std::make_unique<Raw>(server_.port()));
    }
    for (auto* group : {&quiet, &half, &slow}) {
      for (auto& c : *group) ASSERT_TRUE(c->ok());
    }
    const std::size_t total = quiet.size() + half.size() + slow.size();
    const auto start = Clock::now();
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
      const std::string head = "GET /health HTTP/1.1\r\nX-Slow: ";
      for (std::size_t i = 0; !stop; ++i) {
        for (auto& c : slow) {
          // A client stops once the server has answered or gone.
          if (c->Readable()) continue;
          (void)c->Send(std::string(1, i < head.size() ? head[i] : 'a'));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });

    // More slow connections than workers, and /health still answers, and again.
    EXPECT_GT(total, static_cast<std::size_t>(kWorkers));
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(HealthAnswers()) << "while slow clients are open";

    const auto deadline = start + kDeadline;
    int answered = 0;
    for (auto* group : {&half, &slow}) {
      for (auto& c : *group) {
        Reply reply = c->Read(deadline);
        EXPECT_EQ(reply.status, 408);
        EXPECT_TRUE(reply.IsJsonError()) << reply.body;
        EXPECT_TRUE(reply.closed);
        answered += reply.status == 408;
      }
    }
    stop = true;
    trickle.join();
    for (auto& c : quiet) {
      Reply reply = c->Read(deadline);
      EXPECT_TRUE(reply.closed) << "a silent connection stayed open";
      EXPECT_EQ(reply.bytes, 0u);
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::cout << "[          ] " << total << " slow clients (" << kWorkers
              << " workers): " << answered << " answered 408, all ended within " << seconds
              << " s\n";
  }

  // Requests that break each limit, each answered with its status and a JSON error, after
  // which the server closes the connection.
  void OversizedRequests() {
    struct Case {
      std::string name;
      std::string request;
      int status;
    };
    const std::string big_body(kMaxBodyBytes + 1, 'x');
    std::string many_headers;
    for (std::size_t i = 0; i * 1000 < kMaxHeadBytes + 1000; ++i) {
      many_headers += "X-Filler-" + std::to_string(i) + ": " + std::string(980, 'f') + "\r\n";
    }
    const Case cases[] = {
        {"request line", "GET /health?x=" + std::string(kMaxLineBytes, 'a') + " HTTP/1.1\r\n\r\n",
         414},
        {"1 MiB request line", "GET /" + std::string(1 << 20, 'a'), 414},
        {"header line", Get("/health", "X-Big: " + std::string(kMaxLineBytes, 'b') + "\r\n"), 431},
        {"all headers", Get("/health", many_headers), 431},
        {"body",
         Get("/health", "Content-Length: " + std::to_string(big_body.size()) + "\r\n") + big_body,
         413},
        {"chunked body",
         Get("/health", "Transfer-Encoding: chunked\r\n") + "5\r\nhello\r\n0\r\n\r\n", 411},
        {"compressed body",
         Get("/health", "Content-Encoding: gzip\r\nContent-Length: 4\r\n") + "abcd", 415},
        {"POST", "POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}", 405},
        {"long query", Get("/search?q=" + std::string(1025, 'a')), 400},
        {"malformed", "NONSENSE\r\n\r\n", 400},
    };
    for (const Case& c : cases) {
      SCOPED_TRACE(c.name);
      Raw raw(server_.port());
      ASSERT_TRUE(raw.ok());
      (void)raw.Send(c.request);  // the server may refuse before it has all of it
      // Half-closing tells a server that lingers after a refusal that nothing more comes.
      raw.EndSending();
      Reply reply = raw.Read(Clock::now() + kDeadline);
      EXPECT_EQ(reply.status, c.status);
      EXPECT_TRUE(reply.IsJsonError()) << reply.body;
      EXPECT_TRUE(reply.closed);
    }
    // Half a request, then the client stops sending: it is told, not just dropped.
    Raw raw(server_.port());
    ASSERT_TRUE(raw.Send("GET /health HTTP/1.1\r\nHost: 127.0"));
    raw.EndSending();
    Reply reply = raw.Read(Clock::now() + kDeadline);
    EXPECT_EQ(reply.status, 400);
    EXPECT_TRUE(reply.IsJsonError()) << reply.body;
  }

  // `count` connections opened at once and held, then a request on each: all are answered.
  void Burst(int count) {
    std::vector<std::unique_ptr<Raw>> conns;
    for (int i = 0; i < count; ++i) {
      conns.push_back(std::make_unique<Raw>(server_.port()));
      ASSERT_TRUE(conns.back()->ok()) << i;
    }
    for (auto& c : conns) ASSERT_TRUE(c->Send(Get("/health", "Connection: close\r\n")));
    int ok = 0;
    const auto deadline = Clock::now() + kDeadline;
    for (auto& c : conns) {
      Reply reply = c->Read(deadline);
      ok += reply.status == 200 && reply.StatusField() == "ok";
    }
    EXPECT_EQ(ok, count);
  }

  // Heads that never end, 32 MiB each from four clients at once: refused at the head limit,
  // and the rest read and dropped rather than kept.
  void EndlessHeads() {
    std::vector<std::thread> threads;
    std::atomic<int> refused{0};
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        Raw raw(server_.port());
        std::string chunk(1 << 20, 'h');
        bool open = raw.Send("GET /health HTTP/1.1\r\nX-Endless: ");
        for (int i = 0; i < 32 && open; ++i) open = raw.Send(chunk);
        raw.EndSending();
        Reply reply = raw.Read(Clock::now() + kDeadline);
        // The answer may be lost to a reset if the server's lingering ended before the client
        // finished sending; when it is read, it is the 431.
        if (reply.status == 431 && reply.IsJsonError()) ++refused;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_GT(refused, 0);
  }

  static std::string* db_;
  ServerProcess server_;
};
std::string* ServerAbuseTest::db_ = nullptr;

TEST_F(ServerAbuseTest, HealthAnswersWhileMoreSlowClientsThanWorkersAreOpen) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  ASSERT_NO_FATAL_FAILURE(SlowClients(3 * kWorkers));
  EXPECT_TRUE(HealthAnswers());
}

TEST_F(ServerAbuseTest, EveryLimitIsAnsweredWithAJsonError) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  ASSERT_NO_FATAL_FAILURE(OversizedRequests());
  EXPECT_TRUE(HealthAnswers());
}

TEST_F(ServerAbuseTest, ABurstOfConnectionsIsServed) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  ASSERT_NO_FATAL_FAILURE(Burst(200));
  EXPECT_TRUE(HealthAnswers());
}

// Past --max-connections a new connection is answered 503, not left waiting; once one closes,
// new connections are served again.
TEST_F(ServerAbuseTest, ConnectionsPastTheLimitAreAnswered503) {
  constexpr int kMax = 8;
  ASSERT_NO_FATAL_FAILURE(StartServer({"--max-connections", std::to_string(kMax)}));
  std::vector<std::unique_ptr<Raw>> held;
  for (int i = 0; i < kMax; ++i) {
    held.push_back(std::make_unique<Raw>(server_.port()));
    ASSERT_TRUE(held.back()->ok());
    // Answered on a kept-alive connection: the server has accepted and counted it, so the
    // extra connection below cannot overtake it on a loaded machine (a flake under ctest -j2).
    ASSERT_TRUE(held.back()->Send(Get("/health")));
    EXPECT_EQ(held.back()->Read(Clock::now() + kDeadline, /*wait_for_close=*/false).status, 200);
  }
  {
    Raw extra(server_.port());
    ASSERT_TRUE(extra.Send(Get("/health")));
    Reply reply = extra.Read(Clock::now() + kDeadline);
    EXPECT_EQ(reply.status, 503);
    EXPECT_TRUE(reply.IsJsonError()) << reply.body;
    EXPECT_NE(reply.body.find("too many connections"), std::string::npos) << reply.body;
    EXPECT_TRUE(reply.closed);
  }
  held.pop_back();
  // The server notices the close asynchronously: retry until a connection is served.
  int status = -1;
  for (auto deadline = Clock::now() + kDeadline; status != 200 && Clock::now() < deadline;) {
    Raw again(server_.port());
    if (again.Send(Get("/health", "Connection: close\r\n"))) {
      status = again.Read(Clock::now() + kDeadline).status;
    }
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(status, 200);
}

// Keep-alive still works through the guard: several requests on one connection, each answered,
// the connection left open between them.
TEST_F(ServerAbuseTest, KeptAliveConnectionsServeSeveralRequests) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  Raw raw(server_.port());
  for (int i = 0; i < 6; ++i) {
    // A request sent at once is taken by the worker that answered the one before; one sent
    // after a pause, from the waiting room. Both ways must work.
    if (i % 2 == 1) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(raw.Send(Get("/search?q=pens%C3%B5es&limit=1")));
    Reply reply = raw.Read(Clock::now() + kDeadline, /*wait_for_close=*/false);
    EXPECT_EQ(reply.status, 200) << i;
    EXPECT_FALSE(reply.closed) << i;
    EXPECT_EQ(reply.Json()["results"].size(), 1u) << reply.body;
  }
  // A small body (within the limit) is read and ignored, and the connection goes on.
  ASSERT_TRUE(raw.Send(Get("/health", "Content-Length: 5\r\n") + "hello"));
  Reply with_body = raw.Read(Clock::now() + kDeadline, false);
  EXPECT_EQ(with_body.StatusField(), "ok") << with_body.body;
  EXPECT_FALSE(with_body.closed);
  // Two requests in one write (pipelined): both answered, in order.
  ASSERT_TRUE(raw.Send(Get("/search?q=pens%C3%B5es&limit=2") + Get("/health")));
  Reply first = raw.Read(Clock::now() + kDeadline, false);
  EXPECT_EQ(first.Json()["results"].size(), 2u) << first.body;
  Reply second = raw.Read(Clock::now() + kDeadline, false);
  EXPECT_EQ(second.StatusField(), "ok") << second.body;
}

// All of the above against one server, its memory measured before and after.
TEST_F(ServerAbuseTest, MemoryStaysBoundedUnderAbuse) {
  ASSERT_NO_FATAL_FAILURE(StartServer());
  WarmUp();
  const long before = ProcessKiB(server_.pid(), "VmRSS");
  ASSERT_GT(before, 0);
  ASSERT_NO_FATAL_FAILURE(SlowClients(10));
  ASSERT_NO_FATAL_FAILURE(OversizedRequests());
  ASSERT_NO_FATAL_FAILURE(EndlessHeads());
  ASSERT_NO_FATAL_FAILURE(Burst(200));
  WarmUp();
  EXPECT_TRUE(HealthAnswers());
  const long after = ProcessKiB(server_.pid(), "VmRSS");
  const long peak = ProcessKiB(server_.pid(), "VmHWM");
  std::cout << "[          ] server RSS before " << before << " KiB, after " << after
            << " KiB, peak " << peak << " KiB\n";
#ifdef PORTARIA_SANITIZED
  // ASan keeps freed memory in quarantine (256 MiB by default) and maps shadow memory for what
  // was touched, so RSS measures the sanitizer here, not the server: the plain build bounds it.
  GTEST_SKIP() << "sanitizer build: RSS is not the server's own memory";
#endif
  EXPECT_LT(after - before, kMaxRssGrowthKiB);
  EXPECT_LT(peak - before, kMaxRssGrowthKiB);
}

}  // namespace
}  // namespace portaria
