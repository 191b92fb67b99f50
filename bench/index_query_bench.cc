// portaria-bench: indexing, query and analysis speed of portaria against out-of-the-box Xapian
// (TermGenerator/QueryParser with the Snowball Portuguese stemmer), both run in this one process
// on the same records and questions. A benchmark, not a test: absolute numbers depend on the
// machine and its load, so the point is the ratio column, which compares runs made moments apart
// under the same conditions. See bench/README.md for what each row means; bench/run.sh runs it.
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/lemmatizer.h"
#include "bench/bench_support.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "portaria/record.h"
#include "portaria/search.h"
#include "schema/terms.h"
#include "schema/versions.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using portaria::Paragraph;
using portaria::bench::CollectFiles;
using portaria::bench::Format;
using portaria::bench::LatencyStats;
using portaria::bench::LoadQuestions;
using portaria::bench::PeakRss;
using portaria::bench::PrintTable;
using portaria::bench::Ratio;
using portaria::bench::Row;
using portaria::bench::Summarize;
using portaria::bench::TempRoot;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// pt_PT loads with the lemmatizer, pt_BR on the first word pt_PT does not know. A word no
// dictionary has forces that load here, so it is not billed to whichever step meets the first
// Brazilian word; spelling checks do not touch the lemma cache, which stays cold.
void LoadBothDictionaries(portaria::analysis::Lemmatizer* lemmatizer) {
  lemmatizer->IsKnownWord("xqzwv");
}

// --- indexing -----------------------------------------------------------------------------

struct IndexRun {
  double seconds = 0;
  std::optional<double> rss_mib;
};

// portaria's path, as IndexWriter::Add + Commit do it, minus the manifest bookkeeping of
// IndexPaths (which has no baseline counterpart): BuildDocument, replace by id term, one commit.
// The lemmatizer is a fresh one so every run starts with the cold cache a new process has; its
// dictionaries load before the clock starts (that one-off cost is its own row).
IndexRun IndexPortaria(const std::vector<Paragraph>& records, const std::string& db_path) {
  portaria::analysis::Lemmatizer lemmatizer;
  LoadBothDictionaries(&lemmatizer);
  portaria::analysis::Analyzer analyzer(&lemmatizer);
  PeakRss rss;
  rss.Start();
  auto start = Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::uint32_t order = 0;
  for (const auto& p : records) {
    db.replace_document(portaria::schema::IdTerm(p.id),
                        portaria::indexer::BuildDocument(p, order++, &analyzer));
  }
  // The searcher refuses a database without them, so they are part of a usable index.
  portaria::schema::WriteVersions(db, portaria::analysis::kAnalyzerVersion);
  db.commit();
  db.close();
  IndexRun run;
  run.seconds = SecondsSince(start);
  run.rss_mib = rss.GrowthMib();
  return run;
}

// The whole of `portaria-index`: IndexWriter::IndexPaths reads, parses and analyses the files
// on a helper thread while this one writes, with the manifest. Run once, as a new process would
// (the shared lemma cache starts cold; the pt_PT and pt_BR dictionaries are loaded before the
// clock starts, as in IndexPortaria).
double IndexPipeline(const std::vector<std::string>& paths, const std::string& db_path) {
  LoadBothDictionaries(&portaria::analysis::Lemmatizer::Shared());
  auto start = Clock::now();
  std::unique_ptr<portaria::IndexWriter> writer;
  portaria::Status s = portaria::IndexWriter::Open(db_path, &writer);
  portaria::IndexStats stats;
  if (s.ok()) s = writer->IndexPaths(paths, {}, &stats);
  writer.reset();  // closes the database
  if (!s.ok()) throw std::runtime_error(s.ToString());
  return SecondsSince(start);
}

// What the Xapian documentation's first indexer does: text through a TermGenerator with the
// Portuguese Snowball stemmer, the record's text as document data, a unique id term. The id
// term is portaria's IdTerm ("Q" + id, hashed only past Xapian's term length limit) so both
// databases replace by the same key.
IndexRun IndexXapian(const std::vector<Paragraph>& records, const std::string& db_path) {
  PeakRss rss;
  rss.Start();
  auto start = Clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("portuguese"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (const auto& p : records) {
    Xapian::Document doc;
    doc.set_data(p.text);
    generator.set_document(doc);
    generator.index_text(p.text);
    std::string id_term = portaria::schema::IdTerm(p.id);
    doc.add_boolean_term(id_term);
    db.replace_document(id_term, doc);
  }
  db.commit();
  db.close();
  IndexRun run;
  run.seconds = SecondsSince(start);
  run.rss_mib = rss.GrowthMib();
  return run;
}

// --- analysis -----------------------------------------------------------------------------

struct AnalysisPass {
  double seconds = 0;
  std::size_t tokens = 0;
};

AnalysisPass AnalyzePortaria(const std::vector<Paragraph>& records,
                             portaria::analysis::Analyzer* analyzer) {
  // One token vector reused across texts, as BuildDocument's callers would like to: the cost
  // measured is the analyzer's, not this loop's.
  std::vector<portaria::analysis::Token> tokens;
  AnalysisPass pass;
  auto start = Clock::now();
  for (const auto& p : records) {
    analyzer->Analyze(p.text, &tokens);
    pass.tokens += tokens.size();
  }
  pass.seconds = SecondsSince(start);
  return pass;
}

// TermGenerator has no analysis-only entry point; indexing into a throwaway document is the
// closest, so this row includes building the document's term list.
AnalysisPass AnalyzeXapian(const std::vector<Paragraph>& records) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("portuguese"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  AnalysisPass pass;
  auto start = Clock::now();
  for (const auto& p : records) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(p.text);
    pass.tokens += generator.get_termpos();  // one position per word, as portaria's tokens
  }
  pass.seconds = SecondsSince(start);
  return pass;
}

// --- queries ------------------------------------------------------------------------------

class QueryRunner {
 public:
  virtual ~QueryRunner() = default;
  // Runs one question, returning false on error (the error is printed).
  virtual bool Run(const std::string& question) = 0;
};

class PortariaRunner : public QueryRunner {
 public:
  explicit PortariaRunner(std::unique_ptr<portaria::Searcher> searcher)
      : searcher_(std::move(searcher)) {}
  bool Run(const std::string& question) override {
    portaria::SearchRequest request;
    request.query = question;
    request.limit = 10;
    portaria::SearchResponse response;
    portaria::Status s = searcher_->Search(request, &response);
    if (!s.ok()) std::fprintf(stderr, "portaria: %s: %s\n", question.c_str(), s.ToString().c_str());
    return s.ok();
  }

 private:
  std::unique_ptr<portaria::Searcher> searcher_;
};

// The QueryParser counterpart: parse, BM25 (Enquire's default weighting, set explicitly so the
// baseline does not change if the default ever does), top 10, and each hit's data fetched, as
// any caller that shows results does (portaria returns its hits' records too).
class XapianRunner : public QueryRunner {
 public:
  explicit XapianRunner(const std::string& path) : db_(path), enquire_(db_) {
    parser_.set_stemmer(Xapian::Stem("portuguese"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser_.set_default_op(Xapian::Query::OP_OR);
    parser_.set_database(db_);
    enquire_.set_weighting_scheme(Xapian::BM25Weight());
  }
  bool Run(const std::string& question) override {
    try {
      enquire_.set_query(parser_.parse_query(question));
      Xapian::MSet mset = enquire_.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it)
        sink_ += it.get_document().get_data().size();
      return true;
    } catch (const Xapian::Error& e) {
      std::fprintf(stderr, "xapian: %s: %s\n", question.c_str(), e.get_description().c_str());
      return false;
    }
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
  std::size_t sink_ = 0;  // keeps the data fetch from being optimised away
};

struct QueryResults {
  std::vector<double> all_ms;
  std::vector<double> per_question_total_ms;
  std::size_t errors = 0;
};

// Repetitions alternate between the two engines so that a burst of load from other users of the
// machine hits both about equally. One untimed pass each first: it loads the dictionary (the
// searcher's analyzer uses the shared one), opens the tables and warms the page cache.
void RunQueries(const std::vector<std::string>& questions, int repeat, QueryRunner* portaria,
                QueryRunner* xapian, QueryResults* out_portaria, QueryResults* out_xapian) {
  for (const auto& q : questions) {
    portaria->Run(q);
    xapian->Run(q);
  }
  auto timed_pass = [&](QueryRunner* runner, QueryResults* results) {
    results->per_question_total_ms.resize(questions.size(), 0);
    for (std::size_t i = 0; i < questions.size(); ++i) {
      auto start = Clock::now();
      bool ok = runner->Run(questions[i]);
      double ms = SecondsSince(start) * 1000.0;
      if (!ok) ++results->errors;
      results->all_ms.push_back(ms);
      results->per_question_total_ms[i] += ms;
    }
  };
  for (int rep = 0; rep < repeat; ++rep) {
    timed_pass(portaria, out_portaria);
    timed_pass(xapian, out_xapian);
  }
}

nlohmann::json ToJson(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Index and query speed of portaria against Xapian's TermGenerator/QueryParser with the "
      "Snowball Portuguese stemmer, in one process on the same records (see bench/README.md)."};
  std::vector<std::string> paths;
  std::string questions_path = "../shared/eval/questions.jsonl";
  int repeat = 5;
  int index_runs = 1;
  bool json = false, per_question = false, keep = false;
  app.add_option("paths", paths,
                 "files or folders to index (default: corpus/ and ../shared/corpus/br-akn/ if "
                 "present)");
  app.add_option("--questions", questions_path,
                 "JSON Lines with a \"q\" field per line; a built-in list if absent")
      ->capture_default_str();
  app.add_option("--repeat", repeat, "timed passes over the questions per engine")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--index-runs", index_runs,
                 "indexing runs per engine, alternating; the fastest is reported")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_flag("--json", json, "print one JSON object instead of the table");
  app.add_flag("--per-question", per_question, "also list each question's mean latency");
  app.add_flag("--keep", keep, "keep the temporary databases (their path is printed)");
  CLI11_PARSE(app, argc, argv);

  if (paths.empty()) {
    paths.push_back("corpus/");
    if (fs::is_directory("../shared/corpus/br-akn/")) paths.push_back("../shared/corpus/br-akn/");
  }

  try {
    // 1. Read once; every later step works on the same records in memory.
    auto files = CollectFiles(paths);
    std::vector<Paragraph> records;
    std::size_t read_errors = 0, bytes = 0;
    auto read_start = Clock::now();
    for (const auto& f : files) {
      auto result = portaria::indexer::ReadFile(f);
      read_errors += result.errors.size();
      if (result.fatal) continue;
      for (auto& p : result.paragraphs) records.push_back(std::move(p));
    }
    double read_seconds = SecondsSince(read_start);
    for (const auto& p : records) bytes += p.text.size();
    if (records.empty()) {
      std::fprintf(stderr, "portaria-bench: no paragraphs read from the given paths\n");
      return 1;
    }
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (!json) {
      std::fprintf(stderr, "read %zu files, %zu paragraphs (%.1f MiB of text, %zu errors)\n",
                   files.size(), records.size(), mib, read_errors);
    }

    // 2. Analysis alone, with a private lemmatizer so "cold" really is an empty cache whatever
    // ran before; constructing it is the dictionary load.
    auto dict_start = Clock::now();
    auto lemmatizer = std::make_unique<portaria::analysis::Lemmatizer>();
    LoadBothDictionaries(lemmatizer.get());
    double dict_seconds = SecondsSince(dict_start);
    AnalysisPass cold, warm, xapian_analysis;
    {
      portaria::analysis::Analyzer analyzer(lemmatizer.get());
      cold = AnalyzePortaria(records, &analyzer);
      warm = AnalyzePortaria(records, &analyzer);
    }
    std::size_t lemma_cache = lemmatizer->cache_size();
    lemmatizer.reset();
    xapian_analysis = AnalyzeXapian(records);
    if (!json) std::fprintf(stderr, "analysis done\n");

    // 3. Indexing: portaria then Xapian, alternating when repeated, keeping each one's best.
    std::string root = TempRoot();
    if (root.empty()) {
      std::fprintf(stderr, "portaria-bench: cannot create a temporary directory\n");
      return 1;
    }
    const std::string portaria_db = root + "/portaria.db", xapian_db = root + "/xapian.db";
    std::optional<IndexRun> best_portaria, best_xapian;
    for (int run = 0; run < index_runs; ++run) {
      IndexRun p = IndexPortaria(records, portaria_db);
      if (!best_portaria || p.seconds < best_portaria->seconds) best_portaria = p;
      IndexRun x = IndexXapian(records, xapian_db);
      if (!best_xapian || x.seconds < best_xapian->seconds) best_xapian = x;
      if (!json) {
        std::fprintf(stderr, "index run %d: portaria %.2f s, xapian %.2f s\n", run + 1, p.seconds,
                     x.seconds);
      }
    }
    const double pipeline_seconds = IndexPipeline(paths, root + "/pipeline.db");
    if (!json) std::fprintf(stderr, "index from files: portaria %.2f s\n", pipeline_seconds);
    auto dir_mib = [](const std::string& dir) {
      std::uintmax_t total = 0;
      for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) total += e.file_size();
      }
      return static_cast<double>(total) / (1024.0 * 1024.0);
    };
    const double portaria_db_mib = dir_mib(portaria_db), xapian_db_mib = dir_mib(xapian_db);

    // 4. Queries.
    bool builtin = false;
    auto questions = LoadQuestions(questions_path, &builtin);
    std::unique_ptr<portaria::Searcher> searcher;
    portaria::Status s = portaria::Searcher::Open(portaria_db, &searcher);
    if (!s.ok()) {
      std::fprintf(stderr, "portaria-bench: %s\n", s.ToString().c_str());
      return 1;
    }
    PortariaRunner portaria_runner(std::move(searcher));
    XapianRunner xapian_runner(xapian_db);
    QueryResults portaria_q, xapian_q;
    RunQueries(questions, repeat, &portaria_runner, &xapian_runner, &portaria_q, &xapian_q);
    LatencyStats pq = Summarize(portaria_q.all_ms), xq = Summarize(xapian_q.all_ms);

    if (keep) {
      std::fprintf(stderr, "databases kept in %s\n", root.c_str());
    } else {
      fs::remove_all(root);
    }

    // 5. Report. ratio = portaria / xapian for every row, whatever its unit.
    const double n = static_cast<double>(records.size());
    auto per_s = [](double count, double seconds) { return count / seconds; };
    std::vector<Row> rows = {
        {"read (ReadFile) s", read_seconds, std::nullopt},
        {"dictionary load s", dict_seconds, std::nullopt},
        {"analysis cold-cache tokens/s", per_s(static_cast<double>(cold.tokens), cold.seconds),
         per_s(static_cast<double>(xapian_analysis.tokens), xapian_analysis.seconds)},
        {"analysis warm-cache tokens/s", per_s(static_cast<double>(warm.tokens), warm.seconds),
         per_s(static_cast<double>(xapian_analysis.tokens), xapian_analysis.seconds)},
        {"analysis warm MiB/s", mib / warm.seconds, mib / xapian_analysis.seconds},
        {"index s", best_portaria->seconds, best_xapian->seconds},
        {"index paragraphs/s", n / best_portaria->seconds, n / best_xapian->seconds},
        // portaria-index end to end (2 threads) against the baseline's read + index (1 thread).
        {"index from files s", pipeline_seconds, read_seconds + best_xapian->seconds},
        {"index peak RSS growth MiB", best_portaria->rss_mib, best_xapian->rss_mib},
        {"database MiB", portaria_db_mib, xapian_db_mib},
        {"query mean ms", pq.mean_ms, xq.mean_ms},
        {"query p50 ms", pq.p50_ms, xq.p50_ms},
        {"query p99 ms", pq.p99_ms, xq.p99_ms},
        {"queries/s (1 thread)", pq.qps, xq.qps},
    };

    char date[32];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S%z", std::localtime(&now));
    const long cpus = sysconf(_SC_NPROCESSORS_ONLN);

    if (json) {
      nlohmann::json out;
      out["date"] = date;
      out["cpus"] = cpus;
      out["paths"] = paths;
      out["files"] = files.size();
      out["paragraphs"] = records.size();
      out["text_mib"] = mib;
      out["read_errors"] = read_errors;
      out["tokens"] = {{"portaria", warm.tokens}, {"xapian", xapian_analysis.tokens}};
      out["lemma_cache_entries"] = lemma_cache;
      out["questions"] = {{"count", questions.size()},
                          {"source", builtin ? std::string("builtin") : questions_path},
                          {"repeat", repeat}};
      out["index_runs"] = index_runs;
      out["query_errors"] = {{"portaria", portaria_q.errors}, {"xapian", xapian_q.errors}};
      for (const auto& r : rows) {
        out["metrics"].push_back({{"metric", r.metric},
                                  {"portaria", ToJson(r.portaria)},
                                  {"xapian", ToJson(r.xapian)},
                                  {"ratio", ToJson(Ratio(r))}});
      }
      for (std::size_t i = 0; i < questions.size(); ++i) {
        out["per_question_mean_ms"].push_back(
            {{"q", questions[i]},
             {"portaria", portaria_q.per_question_total_ms[i] / repeat},
             {"xapian", xapian_q.per_question_total_ms[i] / repeat}});
      }
      std::printf("%s\n", out.dump(2).c_str());
      return 0;
    }

    std::printf(
        "%s, %ld CPUs; %zu files, %zu paragraphs, %.1f MiB of text; %zu questions (%s) x "
        "%d; index runs %d; ratio = portaria / xapian\n",
        date, cpus, files.size(), records.size(), mib, questions.size(),
        builtin ? "built-in" : questions_path.c_str(), repeat, index_runs);
    PrintTable(rows);
    if (portaria_q.errors + xapian_q.errors > 0) {
      std::printf("query errors: portaria %zu, xapian %zu\n", portaria_q.errors, xapian_q.errors);
    }
    if (per_question) {
      std::printf("\n| question | portaria ms | xapian ms |\n|---|---|---|\n");
      for (std::size_t i = 0; i < questions.size(); ++i) {
        std::printf("| %s | %.3f | %.3f |\n", questions[i].c_str(),
                    portaria_q.per_question_total_ms[i] / repeat,
                    xapian_q.per_question_total_ms[i] / repeat);
      }
    }
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "portaria-bench: %s\n", e.get_description().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "portaria-bench: %s\n", e.what());
  }
  return 1;
}
