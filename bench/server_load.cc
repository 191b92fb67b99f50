// portaria-server-load: N clients hammer a running portaria-server for a fixed time, each with
// its own kept-alive connection, cycling through a set of questions; prints the number of
// requests, errors and the latency percentiles. A benchmark, not a test: see
// bench/server_load.sh for a run against the bundled corpus.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

// Questions of varied cost: natural questions, single words, a phrase, a filter, a misspelling.
const char* const kQueries[] = {
    "quem paga pensões",
    "quem gere os estabelecimentos integrados",
    "prestações de desemprego",
    "\"segurança social\"",
    "contribuições",
    "pensoes de velhice",
    "unidade:\"Centro Nacional de Pensões\" pensões",
    "quem atribui o subsídio de doença",
    "competências do conselho diretivo",
    "inscrição de beneficiários",
};

struct ClientResult {
  std::size_t requests = 0, errors = 0;
  std::vector<double> latencies_ms;
};

double Percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  std::size_t at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Load a running portaria-server and report throughput and latency."};
  std::string host = "127.0.0.1";
  int port = 8080;
  int clients = 8;
  double seconds = 10;
  app.add_option("--host", host)->capture_default_str();
  app.add_option("--port", port)->capture_default_str();
  app.add_option("--clients", clients)->capture_default_str()->check(CLI::Range(1, 256));
  app.add_option("--seconds", seconds)->capture_default_str()->check(CLI::Range(0.1, 3600.0));
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> paths;
  for (const char* q : kQueries) {
    paths.push_back("/search?q=" + httplib::detail::encode_query_param(q) + "&limit=10");
  }

  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  std::vector<ClientResult> results(static_cast<std::size_t>(clients));
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      ClientResult& mine = results[static_cast<std::size_t>(c)];
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);  // measure the server, not Nagle
      client.set_read_timeout(10, 0);
      // Clients start at different questions so they don't move in lockstep.
      for (std::size_t i = static_cast<std::size_t>(c); Clock::now() < deadline; ++i) {
        auto start = Clock::now();
        auto res = client.Get(paths[i % paths.size()]);
        auto end = Clock::now();
        ++mine.requests;
        if (!res || res->status != 200) ++mine.errors;
        mine.latencies_ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
      }
    });
  }
  for (auto& t : threads) t.join();

  ClientResult total;
  for (auto& r : results) {
    total.requests += r.requests;
    total.errors += r.errors;
    total.latencies_ms.insert(total.latencies_ms.end(), r.latencies_ms.begin(),
                              r.latencies_ms.end());
  }
  std::sort(total.latencies_ms.begin(), total.latencies_ms.end());
  std::printf(
      "clients %d, %.1f s: requests %zu (%.0f/s), errors %zu, p50 %.2f ms, p99 %.2f ms, "
      "max %.2f ms\n",
      clients, seconds, total.requests, static_cast<double>(total.requests) / seconds, total.errors,
      Percentile(total.latencies_ms, 0.50), Percentile(total.latencies_ms, 0.99),
      total.latencies_ms.empty() ? 0.0 : total.latencies_ms.back());
  return total.errors == 0 ? 0 : 1;
}
