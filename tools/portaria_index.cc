// portaria-index: index files and folders of legal texts into a portaria database.
//
// Exit status: 0 everything indexed (or unchanged), 1 some files or parts failed (each reported
// on stderr, naming the file), 2 the database could not be opened or written.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "portaria/index.h"
#include "tools/common.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExitOk = 0, kExitFilesFailed = 1, kExitDatabaseFailed = 2;

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

// Reports a run on stderr. On a terminal: one progress line redrawn at most ten times a second.
// Otherwise (logs, CI): errors as they happen and a progress line every 30 seconds, so a long
// run shows it is alive without writing a line per file.
class Reporter {
 public:
  Reporter(bool terminal, bool quiet, const portaria::IndexStats* stats)
      : terminal_(terminal),
        quiet_(quiet),
        stats_(stats),
        started_(Clock::now()),
        last_(started_) {}

  void Update(const portaria::IndexProgress& p) {
    PrintNewErrors();
    if (quiet_) return;
    auto now = Clock::now();
    bool final = p.files_done == p.files_total;
    auto interval = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(30);
    if (!final && now - last_ < interval) return;
    if (!terminal_ && final) return;  // the summary follows
    last_ = now;
    double elapsed = std::chrono::duration<double>(now - started_).count();
    std::string line = std::to_string(p.files_done) + "/" + std::to_string(p.files_total) +
                       " files, " + std::to_string(p.paragraphs) + " paragraphs";
    if (elapsed > 0.5) {
      line += ", " + std::to_string(static_cast<long>(p.paragraphs / elapsed)) + "/s";
      // By bytes rather than files: files differ in size by orders of magnitude.
      if (p.bytes_done > 0 && p.bytes_done < p.bytes_total) {
        double left = elapsed * static_cast<double>(p.bytes_total - p.bytes_done) /
                      static_cast<double>(p.bytes_done);
        line += ", ETA " + Duration(left);
      }
    }
    if (terminal_) {
      std::string file = p.current_file;
      if (file.size() > 40) file = "..." + file.substr(file.size() - 37);
      std::fprintf(stderr, "\r\033[K%s  %s", line.c_str(), file.c_str());
      drawn_ = true;
    } else {
      std::fprintf(stderr, "portaria-index: %s\n", line.c_str());
    }
    std::fflush(stderr);
  }

  void PrintNewErrors() {
    if (printed_ == stats_->errors.size() && warned_ == stats_->warnings.size()) return;
    ClearLine();
    for (; printed_ < stats_->errors.size(); ++printed_) {
      std::fprintf(stderr, "portaria-index: %s\n", stats_->errors[printed_].ToString().c_str());
    }
    for (; warned_ < stats_->warnings.size(); ++warned_) {
      std::fprintf(stderr, "portaria-index: %s\n", stats_->warnings[warned_].ToString().c_str());
    }
  }

  void ClearLine() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool terminal_, quiet_;
  const portaria::IndexStats* stats_;
  Clock::time_point started_, last_;
  std::size_t printed_ = 0, warned_ = 0;
  bool drawn_ = false;
};

void PrintSummary(const std::string& db, bool dry_run, bool keep_missing,
                  const portaria::IndexStats& s) {
  std::printf("%s%zu files: %zu indexed, %zu unchanged, %zu failed, %zu unsupported skipped",
              dry_run ? "[dry run] " : "", s.files_seen + s.files_unsupported, s.files_indexed,
              s.files_unchanged, s.files_failed, s.files_unsupported);
  if (s.files_missing > 0) {
    std::printf(", %zu missing (%s)", s.files_missing, keep_missing ? "kept" : "removed");
  }
  std::printf("; paragraphs: %zu added, %zu replaced, %zu deleted", s.paragraphs_added,
              s.paragraphs_replaced, s.paragraphs_deleted);
  if (s.paragraphs_failed > 0) std::printf(", %zu parts failed", s.paragraphs_failed);
  std::printf("; %.2f s -> %s\n", s.seconds, db.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Index legal texts (Markdown-like pages .md/.txt, Akoma Ntoso .xml, JSON Lines "
      ".jsonl) into a portaria database. Incremental: unchanged files are skipped, "
      "files gone from an indexed folder are removed (see schema/BATCH.md)."};
  std::string db = portaria::tools::DefaultDatabasePath();
  std::vector<std::string> paths;
  bool json = false, quiet = false;
  portaria::IndexOptions options;
  app.add_option("--db", db, "Database directory (created if missing)")->capture_default_str();
  std::size_t shards = 0;
  app.add_option("--shards", shards,
                 "Make a new database of N shards written in parallel (docs/scaling.md); an "
                 "existing database keeps its count, and another N is an error")
      ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
  app.add_flag("--json", json, "Print the summary as one JSON object on stdout");
  app.add_flag("--dry-run", options.dry_run,
               "Read and analyse everything, report what would change, write nothing");
  app.add_option("--batch", options.batch_size,
                 "Commit every N paragraphs (0: one commit at the end)")
      ->capture_default_str();
  app.add_flag("--keep-missing", options.keep_missing,
               "Keep the paragraphs of files that disappeared from an indexed folder");
  app.add_flag("--force", options.force, "Re-read every file, even those unchanged");
  bool compact = false;
  app.add_flag("--compact", compact,
               "After the run, compact the database (about 40% smaller after a bulk load; needs "
               "room for a copy beside it; see docs/scaling.md)");
  app.add_flag("-q,--quiet", quiet, "No progress output (errors are still reported)");
  app.add_option("PATH", paths, "Files or directories (walked recursively)")->required();
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<portaria::IndexWriter> writer;
  portaria::Status s = portaria::IndexWriter::Open(db, shards, &writer, options.dry_run);
  if (!s.ok()) {
    std::cerr << "portaria-index: " << s.ToString() << "\n";
    return kExitDatabaseFailed;
  }
  portaria::IndexStats stats;
  Reporter reporter(portaria::tools::StderrIsTerminal(), quiet, &stats);
  s = writer->IndexPaths(paths, options, &stats,
                         [&](const portaria::IndexProgress& p) { reporter.Update(p); });
  reporter.PrintNewErrors();
  reporter.ClearLine();
  bool compacted = false;
  if (s.ok() && compact && !options.dry_run) {
    s = writer->Compact();
    compacted = s.ok();
  }
  int exit_code = !s.ok() ? kExitDatabaseFailed : stats.errors.empty() ? kExitOk : kExitFilesFailed;
  if (!s.ok()) std::cerr << "portaria-index: " << s.ToString() << "\n";
  if (json) {
    nlohmann::ordered_json j;
    j["db"] = db;
    j["dry_run"] = options.dry_run;
    j["files"] = stats.files_seen + stats.files_unsupported;
    j["indexed"] = stats.files_indexed;
    j["unchanged"] = stats.files_unchanged;
    j["failed"] = stats.files_failed;
    j["unsupported"] = stats.files_unsupported;
    j["missing"] = stats.files_missing;
    j["added"] = stats.paragraphs_added;
    j["replaced"] = stats.paragraphs_replaced;
    j["deleted"] = stats.paragraphs_deleted;
    j["paragraphs_failed"] = stats.paragraphs_failed;
    j["commits"] = stats.commits;
    j["compacted"] = compacted;
    j["errors"] = nlohmann::json::array();
    for (const auto& e : stats.errors) j["errors"].push_back(e.ToString());
    j["warnings"] = nlohmann::json::array();
    for (const auto& w : stats.warnings) j["warnings"].push_back(w.ToString());
    if (!s.ok()) j["database_error"] = s.ToString();
    j["seconds"] = stats.seconds;
    j["exit"] = exit_code;
    std::cout << j.dump() << "\n";
  } else if (s.ok()) {
    PrintSummary(db, options.dry_run, options.keep_missing, stats);
  }
  return exit_code;
}
