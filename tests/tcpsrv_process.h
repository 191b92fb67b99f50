// A xapian-tcpsrv child process for tests: serves one database on a free loopback port, in a
// process group of its own, and is stopped (its whole group) and reaped when destroyed.
#ifndef PORTARIA_TESTS_TCPSRV_PROCESS_H_
#define PORTARIA_TESTS_TCPSRV_PROCESS_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/test_util.h"

namespace portaria::testing {

// A port nothing listens on now (bound to 127.0.0.1:0, read, released). Another process could
// take it before it is used; TcpServer::Start retries with another port if so.
inline int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

inline bool HaveXapianTcpsrv() {
  return RunCommand("command -v xapian-tcpsrv >/dev/null 2>&1", nullptr) == 0;
}

class TcpServer {
 public:
  TcpServer() = default;
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;
  ~TcpServer() { Stop(); }

  // Serves `db` (a database directory or stub) on 127.0.0.1 and waits until it answers: on
  // `port`, or on a free one if `port` is 0.
  bool Start(const std::string& db, int port = 0) {
    for (int tries = 0; tries < (port != 0 ? 1 : 5); ++tries) {
      port_ = port != 0 ? port : FreeLoopbackPort();
      if (port_ <= 0) continue;
      std::string port_text = std::to_string(port_);
      pid_ = ::fork();
      if (pid_ < 0) return false;
      if (pid_ == 0) {
        // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (its forked
        // connections), which must not include the test. It must not outlive the test either.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
                 port_text.c_str(), db.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      ::setpgid(pid_, pid_);           // also here, so the group exists whichever runs first
      for (int i = 0; i < 200; ++i) {  // until it listens (or exits: the port was taken)
        try {
          Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_), 2000, 2000);
          return true;
        } catch (const Xapian::Error&) {
        }
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
          pid_ = -1;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      }
      Stop();
    }
    return false;
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    // A connection's forked child can outlive the server: one was found stuck in a futex after
    // the SIGTERM (an ASan run), holding the test's output pipe, so ctest waited on it. The group
    // outlives its leader while it has members: whatever is left of it goes.
    ::kill(-pid_, SIGKILL);
    pid_ = -1;
  }

  int port() const { return port_; }
  std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace portaria::testing

#endif  // PORTARIA_TESTS_TCPSRV_PROCESS_H_
