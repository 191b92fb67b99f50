// A portaria-server child process for tests: started on a free loopback port (--port 0, the
// port is read from the server's first line of output), stopped with SIGTERM when destroyed.
#ifndef PORTARIA_TESTS_SERVER_PROCESS_H_
#define PORTARIA_TESTS_SERVER_PROCESS_H_

#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "tests/test_util.h"

namespace portaria::testing {

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() { Stop(); }

  // Starts `portaria-server --db DB --port 0 EXTRA...` and waits until it has bound its port.
  // On failure returns false with the reason in *error.
  bool Start(const std::string& db, const std::vector<std::string>& extra, std::string* error) {
    std::string program = (BinDir() / "portaria-server").string();
    std::vector<std::string> args = {program, "--db", db, "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    int out[2];
    if (::pipe(out) != 0) return Fail("pipe failed", error);
    pid_ = ::fork();
    if (pid_ < 0) return Fail("fork failed", error);
    if (pid_ == 0) {
      // The server must not outlive a crashed test.
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(program.c_str(), argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 200) <= 0) continue;
      char buf[256];
      ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;  // the server exited
      line.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    auto at = line.find("http://127.0.0.1:");
    if (at == std::string::npos) return Fail("server did not start: " + line, error);
    port_ = std::atoi(line.c_str() + at + std::string("http://127.0.0.1:").size());
    return port_ > 0 || Fail("no port in: " + line, error);
  }

  // Polls GET /health until it answers (any status) or `seconds` pass.
  bool WaitUntilServing(int seconds = 20) {
    httplib::Client client("127.0.0.1", port_);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (auto res = client.Get("/health")) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // SIGTERM, then waits; returns the exit status (-1 if it didn't exit normally).
  int Stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  bool Fail(const std::string& message, std::string* error) {
    *error = message;
    Stop();
    return false;
  }

  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace portaria::testing

#endif  // PORTARIA_TESTS_SERVER_PROCESS_H_
