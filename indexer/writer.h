// The writer of one Xapian database (writer.cc), whole or as one shard of a sharded database
// (sharded_writer.cc, which runs one per shard, each on its own thread).
#ifndef PORTARIA_INDEXER_WRITER_H_
#define PORTARIA_INDEXER_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "indexer/prepare.h"
#include "portaria/index.h"
#include "portaria/status.h"

namespace portaria::indexer {

// A writer's part in a run; the default is a whole, single database.
struct ShardRole {
  ShardFilter filter;
  // Every shard's writer walks and reads the same files, so the walk's and the readers' findings
  // (errors, warnings, failed files, skipped parts) are alike in all: one writer reports them,
  // so a sharded run reports each once. Findings of the writing itself (a duplicate id: both
  // paragraphs route to the same shard) are reported by the shard that meets them.
  bool reports_files = true;
  // If set, the keys of the files this writer (re)wrote are appended here, from its thread: a
  // file written in any shard counts once as indexed in a sharded run's summary.
  std::vector<std::string>* indexed_files = nullptr;
};

// Where IndexWriter::Compact() writes the compacted copy of the database at `path`, and where it
// moves the old one while the copy takes its place.
std::string CompactingPath(const std::string& path);
std::string CompactedAwayPath(const std::string& path);

// Opens (creating if needed) the single Xapian database at `path`; see IndexWriter::Open. A
// database found only at CompactedAwayPath(path) (an interrupted Compact) is moved back first,
// unless `dry_run`.
Status OpenDatabaseWriter(const std::string& path, const ShardRole& role, bool dry_run,
                          std::unique_ptr<IndexWriter>* writer);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_WRITER_H_
