// The files a batch run indexes: the walk over the paths given, and how a file is named in the
// manifest and in its paragraphs' file term (schema/BATCH.md).
#ifndef PORTARIA_INDEXER_WALK_H_
#define PORTARIA_INDEXER_WALK_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "portaria/status.h"

namespace portaria::indexer {

// One file found by the walk. `key` identifies it in the manifest and in its paragraphs' file
// term: the path where it was found, with the directories leading to it resolved (so "corpus/x"
// and "./corpus/x" are the same file) but a symlinked file keeping its own name.
struct FoundFile {
  std::filesystem::path path;  // as given or walked, used in messages
  std::string key;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool stat_ok = false;
};

struct Walk {
  std::vector<FoundFile> files;  // sorted by key, unique
  // Resolved directories that were walked completely: only under these may files be declared
  // missing, so a permission error or a mistyped path never deletes anything.
  std::vector<std::string> complete_dirs;
};

// Files under `paths`, hidden entries skipped; missing paths reported in *errors.
Walk CollectFiles(const std::vector<std::string>& paths, std::vector<Status>* errors);

// True if `path` lies under the directory `dir`.
bool IsUnder(const std::string& path, const std::string& dir);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_WALK_H_
