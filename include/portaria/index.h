// Writing a portaria database: read files (pages, Akoma Ntoso, JSON Lines) or take records,
// analyse them and store them in a Xapian database.
//
// Ownership: an IndexWriter owns its Xapian database handle and the database's write lock
// until it is destroyed. Thread-safety: an IndexWriter is not thread-safe; use it from one
// thread at a time. Errors are returned as Status values naming the file; nothing throws.
// Durability: changes become visible to searchers and survive a crash only at Commit() (or the
// commits that IndexPaths makes); an interrupted run leaves the last committed state.
#ifndef PORTARIA_INDEX_H_
#define PORTARIA_INDEX_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "portaria/record.h"
#include "portaria/status.h"

namespace portaria {

struct IndexOptions {
  bool dry_run = false;           // read and analyse everything, write nothing
  std::size_t batch_size = 2000;  // paragraphs per commit during IndexPaths
};

struct IndexStats {
  std::size_t files_seen = 0;         // files considered (by extension) during the walk
  std::size_t files_indexed = 0;      // files whose paragraphs were written
  std::size_t files_failed = 0;       // files rejected as a whole (see errors)
  std::size_t files_unsupported = 0;  // files skipped for their extension
  std::size_t paragraphs_added = 0;
  std::size_t paragraphs_replaced = 0;  // same id already in the database
  std::size_t paragraphs_failed = 0;    // parts of files skipped (e.g. a bad JSON line)
  double seconds = 0;
  std::vector<Status> errors;  // one per problem, each naming its file
};

struct IndexProgress {
  std::size_t files_done = 0, files_total = 0, paragraphs = 0;
  std::string current_file;
};

class IndexWriter {
 public:
  // Opens (creating if needed) the database at `path` for writing. Fails with kLocked if another
  // writer holds it, and kVersionMismatch if it was built with another schema or analyzer.
  static Status Open(const std::string& path, std::unique_ptr<IndexWriter>* writer);
  virtual ~IndexWriter();

  // Indexes files and directories (walked recursively, hidden entries ignored, sorted so runs
  // are deterministic). Returns a non-ok status only if the database itself failed; problems
  // with single files are counted in *stats and listed in stats->errors.
  virtual Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                            IndexStats* stats,
                            const std::function<void(const IndexProgress&)>& progress = {}) = 0;

  // Adds or replaces (by id) one record; visible after Commit().
  virtual Status Add(const Paragraph& paragraph, bool* replaced = nullptr) = 0;
  virtual Status Commit() = 0;

  virtual std::size_t paragraph_count() const = 0;

 protected:
  IndexWriter() = default;
};

}  // namespace portaria

#endif  // PORTARIA_INDEX_H_
