// Sharded databases: how a paragraph is routed to a shard, and how a sharded database directory
// is laid out. Here, in the schema, because the layout is a contract between the indexer that
// writes it and anything that opens it (the searcher through Xapian's stub, the tests,
// xapian-check).
//
// A sharded database is a directory holding N Xapian databases, shard-0 ... shard-(N-1), and a
// Xapian stub file named XAPIANDB that lists them: Xapian opens a directory holding such a file
// as the combination of the databases it names, so `Xapian::Database(DIR)` (and every portaria
// program) reads all the shards as one database, with global statistics.
#ifndef PORTARIA_SCHEMA_SHARDS_H_
#define PORTARIA_SCHEMA_SHARDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "portaria/status.h"

namespace portaria::schema {

// The stub's name inside a sharded directory: the name Xapian looks for in a directory.
inline constexpr std::string_view kStubFileName = "XAPIANDB";
// More shards than this is a typo, not a plan (docs/scaling.md: a shard per core, per machine).
inline constexpr std::size_t kMaxShards = 256;

// FNV-1a 64 of `bytes` as a number (HashHex's digest).
std::uint64_t Hash64(std::string_view bytes);

// The shard, in [0, count), that holds the paragraph with this id: a pure function of the id and
// the count (a stable hash, never std::hash), so every run routes a paragraph to the same shard
// and re-indexing replaces or deletes it there.
std::size_t ShardOf(std::string_view id, std::size_t count);

// "shard-K": shard K's directory, relative to the sharded directory (and so named in the stub).
std::string ShardDirName(std::size_t shard);

// The stub's text for `count` shards.
std::string StubText(std::size_t count);

// What is at `dir`: nothing (or an empty directory) -> *count = 0 and *sharded = false; a
// single Xapian database -> *count = 1, *sharded = false; a sharded directory written by
// portaria-index -> its number of shards, *sharded = true. Fails (naming the stub) on a stub
// that does not list shard-0 ... shard-(N-1) in order: a stub written by hand, which the indexer
// must not write into.
Status InspectDatabaseDir(const std::string& dir, std::size_t* count, bool* sharded);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_SHARDS_H_
