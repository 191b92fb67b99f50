// What plain Xapian's own query costs when it must rank more than a page: the baseline's search
// (../shared/bench/baseline: QueryParser with the Portuguese Snowball stemmer, STEM_SOME, default
// OR and BM25, a page of 10 documents read) timed with the matcher asked for the best 10, 50,
// 100 and 200, in one warm process, the depths interleaved query by query so that the machine's
// state weighs on all alike. A benchmark, not a test: it says how much of portaria's latency a
// re-ranking window of K paragraphs costs before any of portaria's own work (bench/README.md).
//
//   portaria-xapian-depth DB QUERIES [WARM=100]
//
// Prints one JSON object a line per depth: {"depth":K,"p50_ms":…,"p99_ms":…,"mean_ms":…}.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kPage = 10;
constexpr Xapian::doccount kDepths[] = {10, 50, 100, 200};

double Percentile(std::vector<double> ms, double p) {
  std::sort(ms.begin(), ms.end());
  return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p / 100 * ms.size()))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB QUERIES [WARM=100]\n", argv[0]);
    return 2;
  }
  std::vector<std::string> queries;
  {
    std::ifstream in(argv[2]);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", argv[2]);
      return 1;
    }
    for (std::string line; std::getline(in, line);) queries.push_back(line);
  }
  const std::size_t warm = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 100;
  try {
    Xapian::Database db(argv[1]);
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("portuguese"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    std::size_t read = 0;  // keeps the page's reads from being optimised away
    auto run = [&](const std::string& q, Xapian::doccount depth) {
      Xapian::Enquire enquire(db);
      enquire.set_query(parser.parse_query(q));
      Xapian::MSet mset = enquire.get_mset(0, depth);
      std::size_t shown = 0;
      for (auto it = mset.begin(); it != mset.end() && shown < kPage; ++it, ++shown)
        read += it.get_document().get_data().size();
    };
    for (std::size_t i = 0; i < warm && i < queries.size(); ++i)
      for (Xapian::doccount depth : kDepths) run(queries[i], depth);
    std::vector<std::vector<double>> took(std::size(kDepths));
    for (const auto& q : queries) {
      for (std::size_t d = 0; d < std::size(kDepths); ++d) {
        auto start = std::chrono::steady_clock::now();
        run(q, kDepths[d]);
        took[d].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
      }
    }
    for (std::size_t d = 0; d < std::size(kDepths); ++d) {
      double mean = std::accumulate(took[d].begin(), took[d].end(), 0.0) / took[d].size();
      std::printf(
          "{\"depth\":%u,\"queries\":%zu,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"mean_ms\":%.3f}\n",
          kDepths[d], took[d].size(), Percentile(took[d], 50), Percentile(took[d], 99), mean);
    }
    return read == 0 && !queries.empty() ? 1 : 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "%s: %s\n", argv[1], e.get_description().c_str());
    return 1;
  }
}
