// portaria-index: index files and folders of legal texts into a portaria database.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "portaria/index.h"
#include "tools/common.h"

int main(int argc, char** argv) {
  CLI::App app{"Index legal texts (Markdown-like pages .md/.txt, Akoma Ntoso .xml, JSON Lines "
               ".jsonl) into a portaria database."};
  std::string db = portaria::tools::DefaultDatabasePath();
  std::vector<std::string> paths;
  bool json = false, dry_run = false, quiet = false;
  std::size_t batch = 0;
  app.add_option("--db", db, "Database directory (created if missing)")->capture_default_str();
  app.add_flag("--json", json, "Print the summary as one JSON object on stdout");
  app.add_flag("--dry-run", dry_run, "Read and analyse everything, write nothing");
  app.add_option("--batch", batch, "Commit every N paragraphs (0: once per run)");
  app.add_flag("-q,--quiet", quiet, "No progress output");
  app.add_option("PATH", paths, "Files or directories (walked recursively)")->required();
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<portaria::IndexWriter> writer;
  portaria::Status s = portaria::IndexWriter::Open(db, &writer);
  if (!s.ok()) {
    std::cerr << "portaria-index: " << s.ToString() << "\n";
    return 2;
  }
  portaria::IndexOptions options;
  options.dry_run = dry_run;
  options.batch_size = batch;
  portaria::IndexStats stats;
  bool tty = portaria::tools::StderrIsTerminal() && !quiet;
  auto progress = [&](const portaria::IndexProgress& p) {
    if (!tty) return;
    std::fprintf(stderr, "\r[%zu/%zu files] %zu paragraphs  %-50.50s", p.files_done, p.files_total,
                 p.paragraphs, p.current_file.c_str());
    std::fflush(stderr);
  };
  s = writer->IndexPaths(paths, options, &stats, progress);
  if (tty) std::fprintf(stderr, "\r%*s\r", 90, "");
  for (const auto& e : stats.errors) std::cerr << "portaria-index: " << e.ToString() << "\n";
  if (!s.ok()) {
    std::cerr << "portaria-index: " << s.ToString() << "\n";
    return 2;
  }
  if (json) {
    nlohmann::ordered_json j;
    j["db"] = db;
    j["files"] = stats.files_indexed;
    j["files_failed"] = stats.files_failed;
    j["files_unsupported"] = stats.files_unsupported;
    j["added"] = stats.paragraphs_added;
    j["replaced"] = stats.paragraphs_replaced;
    j["paragraphs_failed"] = stats.paragraphs_failed;
    j["errors"] = stats.errors.size();
    j["seconds"] = stats.seconds;
    j["dry_run"] = dry_run;
    std::cout << j.dump() << "\n";
  } else {
    std::printf("%s%zu files indexed (%zu failed, %zu unsupported skipped), %zu paragraphs added, "
                "%zu replaced, %zu parts failed, %.2f s -> %s\n",
                dry_run ? "[dry run] " : "", stats.files_indexed, stats.files_failed,
                stats.files_unsupported, stats.paragraphs_added, stats.paragraphs_replaced,
                stats.paragraphs_failed, stats.seconds, db.c_str());
  }
  return stats.errors.empty() ? 0 : 1;
}
