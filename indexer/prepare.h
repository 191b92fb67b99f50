// Preparing a batch run's files: everything indexing does that needs no database (reading,
// hashing, parsing, analysing into Xapian documents), on a thread of its own a file or two ahead
// of the writer (writer.cc), so that analysis and Xapian's own work run on both cores.
#ifndef PORTARIA_INDEXER_PREPARE_H_
#define PORTARIA_INDEXER_PREPARE_H_

#include <xapian.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analysis/analyzer.h"
#include "indexer/manifest.h"
#include "indexer/walk.h"
#include "portaria/status.h"

namespace portaria::indexer {

// One file read, parsed and analysed into documents (or one part of a file read as a stream).
// The results are written in walk order, so the database is the same as with one thread.
struct PreparedFile {
  enum class Outcome { kUnsupported, kUnchanged, kReadFailed, kSameBytes, kRejected, kParsed };
  Outcome outcome = Outcome::kUnsupported;
  Status read_error;                   // kReadFailed
  ManifestEntry entry;                 // kSameBytes, kRejected, kParsed
  std::vector<Status> errors;          // the reader's, for kRejected and kParsed
  std::vector<Status> warnings;        // the reader's, for kParsed
  std::vector<std::string> id_terms;   // kParsed: one per paragraph, in order ...
  std::vector<Xapian::Document> docs;  // ... with its document
  // kParsed: the words those paragraphs hold, with their lemma keys (the word lexicon,
  // schema/word_lexicon.h).
  std::map<std::string, std::vector<std::string>> words;
  // kParsed: a part of a file read as a stream (indexer::JsonLinesStream) after which more
  // parts of the same file follow. Each part's entry counts its own paragraphs and errors.
  bool more = false;
  std::exception_ptr failure;  // preparing threw (e.g. out of memory)
};

// Which paragraphs a writer keeps: in a sharded database (schema/shards.h) each shard's writer
// reads every file but analyses and writes only the paragraphs routed to it; a file's manifest
// entry in that shard counts those alone.
struct ShardFilter {
  std::size_t index = 0, count = 1;  // shard `index` of `count`; one shard keeps everything
  bool Keeps(std::string_view id) const;
};

// What the main thread knows of a file before it is prepared (the manifest is only read and
// written by the main thread).
struct FileJob {
  const FoundFile* file = nullptr;
  std::optional<ManifestEntry> before;
  bool reread = true;
};

// Prepares `job`, handing the result to `emit`: once, or part by part for a JSON Lines file read
// as a stream. Reads the manifest entry only through `job`. Only the paragraphs `filter` keeps
// are analysed into documents; the others still take their place in the file's order.
void Prepare(const FileJob& job, const ShardFilter& filter, analysis::Analyzer* analyzer,
             const std::function<void(PreparedFile)>& emit);

// Prepares `jobs` in order on its own thread, at most kAhead files (or parts of a streamed
// file) ahead of the consumer.
class Preparer {
 public:
  Preparer(const std::vector<FileJob>* jobs, ShardFilter filter)
      : jobs_(jobs), filter_(filter), thread_([this] { Run(); }) {}
  ~Preparer() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Preparer(const Preparer&) = delete;
  Preparer& operator=(const Preparer&) = delete;

  // The next file or part, in job order; rethrows what preparing it threw.
  PreparedFile Next() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !ready_.empty(); });
    PreparedFile next = std::move(ready_.front());
    ready_.pop_front();
    cv_.notify_all();
    if (next.failure) std::rethrow_exception(next.failure);
    return next;
  }

 private:
  static constexpr std::size_t kAhead = 2;  // bounds memory to a few files' documents

  void Run();

  const std::vector<FileJob>* jobs_;
  ShardFilter filter_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<PreparedFile> ready_;
  bool stop_ = false;
  std::thread thread_;  // last: it starts running in the constructor
};

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_PREPARE_H_
