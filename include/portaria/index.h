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

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "portaria/record.h"
#include "portaria/status.h"

namespace portaria {

struct IndexOptions {
  bool dry_run = false;  // read and analyse everything, write nothing (not even the manifest)
  // Paragraphs per commit during IndexPaths; 0 commits once at the end. A file is never split
  // between commits, so one large file may make a batch bigger than this.
  std::size_t batch_size = 5000;
  // Keep the paragraphs of files that disappeared from an indexed directory (by default they are
  // deleted along with their manifest entries).
  bool keep_missing = false;
  // Read every file even if the manifest says it is unchanged (e.g. after a reader fix).
  bool force = false;
};

struct IndexStats {
  std::size_t files_seen = 0;         // files of a supported type found during the walk
  std::size_t files_indexed = 0;      // files read and whose paragraphs were written
  std::size_t files_unchanged = 0;    // files skipped: same size and mtime, or same content hash
  std::size_t files_failed = 0;       // files rejected as a whole (see errors)
  std::size_t files_unsupported = 0;  // files skipped for their extension
  std::size_t files_missing = 0;      // files gone from an indexed directory (see keep_missing)
  std::size_t paragraphs_added = 0;
  std::size_t paragraphs_replaced = 0;  // same id already in the database
  // Paragraphs removed: those a re-indexed file no longer produces, and those of missing files.
  std::size_t paragraphs_deleted = 0;
  std::size_t paragraphs_failed = 0;  // parts of files skipped (e.g. a bad JSON line)
  std::size_t commits = 0;            // transactions committed by IndexPaths
  double seconds = 0;
  std::vector<Status> errors;  // one per problem, each naming its file
  // What a reader kept but could not place with certainty (e.g. a número out of sequence),
  // naming file and line; they do not make the run fail.
  std::vector<Status> warnings;
};

struct IndexProgress {
  std::size_t files_done = 0, files_total = 0, paragraphs = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;  // sizes of the files done / found
  std::string current_file;
};

class IndexWriter {
 public:
  // Opens (creating if needed) the database at `path` for writing. Fails with kLocked if another
  // writer holds it, and kVersionMismatch if it was built with another schema or analyzer.
  // With `dry_run` nothing at `path` is created or changed and no lock is taken (the database
  // is only read, so a dry run works beside the indexer that owns it): a missing database is
  // stood in for by an empty one in memory (pair it with IndexOptions::dry_run).
  // A sharded database at `path` (see the overload below) is recognised and opened as such.
  static Status Open(const std::string& path, std::unique_ptr<IndexWriter>* writer,
                     bool dry_run = false);
  // The same with a number of shards. `shards` > 1 makes a new `path` a sharded database: a
  // directory of `shards` Xapian databases (shard-0, shard-1, ...) and a Xapian stub file,
  // XAPIANDB, naming them, so that searchers open `path` as one database. Each paragraph lives
  // in the shard its id hashes to (a pure function of the id: re-indexing finds it there), and
  // IndexPaths writes the shards in parallel, one thread per shard (each also with its helper
  // thread for reading and analysing), each with its own manifest and transactions: an
  // interrupted run leaves every shard at its own last commit. `shards` 0 takes the database as
  // it is (a new one is a single database); any other count that differs from an existing
  // database's is kInvalidArgument (routing depends on the count: changing it means indexing
  // into a new directory). At most 256. Add() routes each record to its shard; Commit() commits
  // the shards one after the other (there is no transaction across them). See docs/scaling.md.
  static Status Open(const std::string& path, std::size_t shards,
                     std::unique_ptr<IndexWriter>* writer, bool dry_run = false);
  virtual ~IndexWriter();

  // Indexes files and directories (walked recursively, hidden entries ignored, sorted so runs
  // are deterministic). Returns a non-ok status only if the database itself failed; problems
  // with single files are counted in *stats and listed in stats->errors, and such files keep
  // whatever the database held for them before.
  //
  // Incremental: a manifest in the database's metadata records each indexed file's size, mtime
  // and content hash; unchanged files are skipped without being read. Files that disappeared
  // from a directory given in `paths` lose their paragraphs (unless options.keep_missing).
  // Crash-safe: work is committed in transactions of about options.batch_size paragraphs, each
  // file's manifest entry in the same transaction as its paragraphs, so an interrupted run
  // leaves the last commit and the next run redoes only what was not committed. See
  // schema/BATCH.md.
  //
  // `progress` is called from this thread before each file and once at the end; *stats is
  // updated as the run goes, so the callback may read it (e.g. to print new errors). Internally
  // one helper thread reads and analyses the next files (at most two ahead) while this thread
  // writes; it is joined before the call returns, and the database is the same as if one thread
  // had done everything.
  virtual Status IndexPaths(const std::vector<std::string>& paths, const IndexOptions& options,
                            IndexStats* stats,
                            const std::function<void(const IndexProgress&)>& progress = {}) = 0;

  // Adds or replaces (by id) one record; visible after Commit().
  virtual Status Add(const Paragraph& paragraph, bool* replaced = nullptr) = 0;
  virtual Status Commit() = 0;

  // Commits, then rewrites the database with its blocks full (Xapian's compaction): after a
  // bulk load about 40% smaller (docs/scaling.md has the figures), with the same paragraphs,
  // docids and manifest. The copy is written beside the database (`path` + ".compacting"; it
  // needs that much free space), then takes its place: the old directory is renamed to `path` +
  // ".compacted-away", the copy renamed to `path`, the old one removed, and this writer goes on
  // writing to the new one. If the process dies between the two renames, the next Open() puts
  // the old directory back (a dry run's Open() leaves it). Searchers that have the database
  // open keep reading the old files until they reopen it (portaria's Searcher does before each
  // search); one that opens it between the renames gets kNotFound. A dry run's writer commits
  // and compacts nothing. A sharded database compacts its shards one after the other.
  virtual Status Compact() = 0;

  virtual std::size_t paragraph_count() const = 0;

 protected:
  IndexWriter() = default;
};

}  // namespace portaria

#endif  // PORTARIA_INDEX_H_
