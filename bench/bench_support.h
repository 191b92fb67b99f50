// What portaria-bench (bench/index_query_bench.cc) needs besides the engines it times: the
// input it reads, a step's peak memory, latency statistics and the report's table. A benchmark's
// support, not part of the library.
#ifndef PORTARIA_BENCH_BENCH_SUPPORT_H_
#define PORTARIA_BENCH_BENCH_SUPPORT_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace portaria::bench {

// Peak RSS growth over one step. Linux lets a process reset its own peak (writing "5" to
// /proc/self/clear_refs), so each step's peak is its own and not the highest of all earlier
// steps; malloc_trim first so that heap freed by the previous step does not hide this step's
// growth. Where the reset is not allowed the step reports nothing rather than a wrong number.
class PeakRss {
 public:
  void Start();
  // MiB, or nullopt if the peak could not be isolated.
  std::optional<double> GrowthMib() const;

 private:
  struct Kb {
    long rss = -1, hwm = -1;
  };
  static Kb Read();
  bool ok_ = false;
  long start_kb_ = 0;
};

// Files under `paths` that some reader handles, in a stable order (so runs compare).
std::vector<std::filesystem::path> CollectFiles(const std::vector<std::string>& paths);

// The questions ("q") of a JSON Lines file of judged questions; a built-in spread of question
// forms when the file is not there (*builtin is then set).
std::vector<std::string> LoadQuestions(const std::string& path, bool* builtin);

struct LatencyStats {
  double mean_ms = 0, p50_ms = 0, p99_ms = 0, qps = 0;
};
LatencyStats Summarize(std::vector<double> ms);

// One row of the report: a metric measured for both engines (nullopt where not measured).
struct Row {
  std::string metric;
  std::optional<double> portaria, xapian;
};
std::string Format(std::optional<double> v);
std::optional<double> Ratio(const Row& r);
void PrintTable(const std::vector<Row>& rows);

// A fresh directory under $TMPDIR (or /tmp) for the run's databases; "" if none could be made.
std::string TempRoot();

}  // namespace portaria::bench

#endif  // PORTARIA_BENCH_BENCH_SUPPORT_H_
