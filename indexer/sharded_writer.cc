// IndexWriter::Open and the writer of a sharded database (schema/shards.h): one single-database
// writer per shard, each on its own thread over the same files, each keeping the paragraphs
// routed to it by their ids, its own manifest and its own transactions (schema/BATCH.md,
// "Sharded databases").
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "indexer/writer.h"
#include "portaria/index.h"
#include "schema/shards.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using indexer::ShardRole;

class ShardedIndexWriter : public IndexWriter {
 public:
  explicit ShardedIndexWriter(std::vector<std::unique_ptr<IndexWriter>> shards)
      : shards_(std::move(shards)) {}

  Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                    IndexStats* stats,
                    const std::function<void(const IndexProgress&)>& progress) override {
    auto started = std::chrono::steady_clock::now();
    const std::size_t n = shards_.size();
    std::vector<IndexStats> shard_stats(n);
    std::vector<Status> results(n);
    std::vector<std::vector<std::string>> indexed(n);
    for (std::size_t k = 0; k < n; ++k) indexed_files_[k]->clear();

    // What the shards' threads hand to this one: their progress, and the errors and warnings
    // they found since (copied on their own thread, where reading their stats is safe).
    struct Shared {
      std::mutex mu;
      std::vector<IndexProgress> progress;
      std::vector<std::size_t> errors_taken, warnings_taken;
      std::vector<Status> new_errors, new_warnings;
      std::size_t running = 0;
    } shared;
    shared.progress.resize(n);
    shared.errors_taken.assign(n, 0);
    shared.warnings_taken.assign(n, 0);
    shared.running = n;
    auto take_news = [&](std::size_t k) {  // under shared.mu, on shard k's thread
      const IndexStats& s = shard_stats[k];
      for (; shared.errors_taken[k] < s.errors.size(); ++shared.errors_taken[k])
        shared.new_errors.push_back(s.errors[shared.errors_taken[k]]);
      for (; shared.warnings_taken[k] < s.warnings.size(); ++shared.warnings_taken[k])
        shared.new_warnings.push_back(s.warnings[shared.warnings_taken[k]]);
    };

    std::vector<std::thread> threads;
    threads.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
      threads.emplace_back([&, k] {
        Status s =
            shards_[k]->IndexPaths(paths, options, &shard_stats[k], [&, k](const IndexProgress& p) {
              std::lock_guard lock(shared.mu);
              shared.progress[k] = p;
              take_news(k);
            });
        std::lock_guard lock(shared.mu);
        results[k] = std::move(s);
        take_news(k);
        --shared.running;
      });
    }
    // The caller's callback runs on the caller's thread (index.h), with the shards' progress
    // merged: the slowest shard's files, every shard's paragraphs.
    auto report = [&] {
      IndexProgress merged;
      {
        std::lock_guard lock(shared.mu);
        for (auto& e : shared.new_errors) stats->errors.push_back(std::move(e));
        for (auto& w : shared.new_warnings) stats->warnings.push_back(std::move(w));
        shared.new_errors.clear();
        shared.new_warnings.clear();
        merged = shared.progress[0];
        for (const auto& p : shared.progress) {
          if (p.bytes_done < merged.bytes_done || p.files_done < merged.files_done) {
            merged.files_done = p.files_done;
            merged.bytes_done = p.bytes_done;
            merged.current_file = p.current_file;
          }
        }
        merged.paragraphs = 0;
        for (const auto& p : shared.progress) merged.paragraphs += p.paragraphs;
      }
      if (progress) progress(merged);
    };
    for (;;) {
      {
        std::lock_guard lock(shared.mu);
        if (shared.running == 0) break;
      }
      report();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (auto& t : threads) t.join();
    report();
    Merge(shard_stats, stats);
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const auto& s : results) {
      if (!s.ok()) return s;  // it names its shard's path
    }
    return Status::Ok();
  }

  Status Add(const Paragraph& paragraph, bool* replaced) override {
    return shards_[schema::ShardOf(paragraph.id, shards_.size())]->Add(paragraph, replaced);
  }

  // Each shard commits on its own: a crash in between leaves the earlier shards committed and
  // the later ones at their previous commit (Xapian has no transaction across databases).
  Status Commit() override {
    for (auto& shard : shards_) {
      Status s = shard->Commit();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Compact() override {
    for (auto& shard : shards_) {
      Status s = shard->Compact();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  std::size_t paragraph_count() const override {
    std::size_t count = 0;
    for (const auto& shard : shards_) count += shard->paragraph_count();
    return count;
  }

  // Where each shard's writer lists the files it wrote (set up before the writers are opened).
  std::vector<std::unique_ptr<std::vector<std::string>>> indexed_files_;

 private:
  // One summary for the run. Every shard walked and read the same files, so the counts of files
  // found, unsupported and failed are shard 0's (the shard that reports them); a file is
  // indexed if any shard wrote it (after a crash some shards may have it committed already) and
  // unchanged otherwise; paragraph counts add up.
  void Merge(const std::vector<IndexStats>& shard_stats, IndexStats* stats) {
    const IndexStats& first = shard_stats[0];
    stats->files_seen += first.files_seen;
    stats->files_failed += first.files_failed;
    stats->files_unsupported += first.files_unsupported;
    std::set<std::string> indexed;
    for (const auto& files : indexed_files_) indexed.insert(files->begin(), files->end());
    std::size_t moved = indexed.size() - first.files_indexed;  // unchanged in shard 0 only
    stats->files_indexed += indexed.size();
    stats->files_unchanged += first.files_unchanged - std::min(moved, first.files_unchanged);
    std::size_t missing = 0;
    for (const auto& s : shard_stats) {
      missing = std::max(missing, s.files_missing);
      stats->paragraphs_added += s.paragraphs_added;
      stats->paragraphs_replaced += s.paragraphs_replaced;
      stats->paragraphs_deleted += s.paragraphs_deleted;
      stats->paragraphs_failed += s.paragraphs_failed;
      stats->commits += s.commits;
    }
    stats->files_missing += missing;
  }

  std::vector<std::unique_ptr<IndexWriter>> shards_;
};

// Writes `text` to `path` through a temporary file and a rename, so the stub is never seen
// half-written.
Status WriteFileAtomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return Status::Error(Status::Code::kIOError, "cannot write", tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    return Status::Error(Status::Code::kIOError, "cannot rename: " + ec.message(), tmp.string());
  }
  return Status::Ok();
}

Status OpenSharded(const std::string& path, std::size_t count, bool exists, bool dry_run,
                   std::unique_ptr<IndexWriter>* writer) {
  fs::path dir(path);
  if (!exists && !dry_run) {
    // The stub first: a directory holding it is a sharded database from then on, even if the
    // run stops before the shards are created (they are created below and on the next run).
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::Error(Status::Code::kIOError, "cannot create: " + ec.message(), path);
    Status s = WriteFileAtomically(dir / schema::kStubFileName, schema::StubText(count));
    if (!s.ok()) return s;
  }
  std::vector<std::unique_ptr<IndexWriter>> shards;
  std::vector<std::unique_ptr<std::vector<std::string>>> indexed;
  for (std::size_t k = 0; k < count; ++k) {
    indexed.push_back(std::make_unique<std::vector<std::string>>());
    ShardRole role;
    role.filter = {k, count};
    role.reports_files = k == 0;
    role.indexed_files = indexed.back().get();
    std::unique_ptr<IndexWriter> shard;
    Status s = indexer::OpenDatabaseWriter((dir / schema::ShardDirName(k)).string(), role, dry_run,
                                           &shard);
    if (!s.ok()) return s;
    shards.push_back(std::move(shard));
  }
  auto sharded = std::make_unique<ShardedIndexWriter>(std::move(shards));
  sharded->indexed_files_ = std::move(indexed);
  *writer = std::move(sharded);
  return Status::Ok();
}

}  // namespace

IndexWriter::~IndexWriter() = default;

Status IndexWriter::Open(const std::string& path, std::unique_ptr<IndexWriter>* writer,
                         bool dry_run) {
  return Open(path, 0, writer, dry_run);
}

Status IndexWriter::Open(const std::string& path, std::size_t shards,
                         std::unique_ptr<IndexWriter>* writer, bool dry_run) {
  if (shards > schema::kMaxShards) {
    return Status::Error(
        Status::Code::kInvalidArgument,
        "at most " + std::to_string(schema::kMaxShards) + " shards, not " + std::to_string(shards),
        path);
  }
  std::size_t found = 0;
  bool sharded = false;
  Status s = schema::InspectDatabaseDir(path, &found, &sharded);
  if (!s.ok()) return s;
  if (shards != 0 && found != 0 && shards != found) {
    // Routing is by id modulo the count: another count would look for every paragraph in the
    // wrong shard. Re-sharding is re-indexing into a new directory (docs/scaling.md).
    return Status::Error(Status::Code::kInvalidArgument,
                         (sharded ? "database has " + std::to_string(found) + " shards"
                                  : std::string("database is a single database (not sharded)")) +
                             ", not the " + std::to_string(shards) +
                             " asked for; index into a new directory to change the count",
                         path);
  }
  if (sharded || shards > 1) {
    return OpenSharded(path, sharded ? found : shards, sharded, dry_run, writer);
  }
  return indexer::OpenDatabaseWriter(path, ShardRole(), dry_run, writer);
}

}  // namespace portaria
