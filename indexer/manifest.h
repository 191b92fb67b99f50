// The manifest of a batch-indexed database: per file, what it was when last indexed, kept in the
// database's metadata (schema/BATCH.md).
#ifndef PORTARIA_INDEXER_MANIFEST_H_
#define PORTARIA_INDEXER_MANIFEST_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace portaria::indexer {

// What the manifest remembers of one indexed file (stored as JSON, see schema/BATCH.md).
struct ManifestEntry {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;            // HashHex of the raw bytes
  std::size_t paragraphs = 0;  // paragraphs it produced (they carry its file term)
  std::size_t errors = 0;      // parts skipped; a file with errors is re-read on every run
};

// The entry as stored (JSON).
std::string EncodeEntry(const ManifestEntry& e);
// False for a value this version cannot read: the file is then simply indexed again.
bool DecodeEntry(const std::string& value, ManifestEntry* e);
// The metadata key of `path`'s entry.
std::string ManifestKey(const std::string& path);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_MANIFEST_H_
