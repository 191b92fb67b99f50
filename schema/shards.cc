#include "schema/shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "schema/terms.h"

namespace portaria::schema {

namespace fs = std::filesystem;

std::uint64_t Hash64(std::string_view bytes) {
  // The digest HashHex prints, as a number: one hash function for everything stored.
  return std::stoull(HashHex(bytes), nullptr, 16);
}

std::size_t ShardOf(std::string_view id, std::size_t count) {
  if (count <= 1) return 0;
  return static_cast<std::size_t>(Hash64(id) % count);
}

std::string ShardDirName(std::size_t shard) { return "shard-" + std::to_string(shard); }

std::string StubText(std::size_t count) {
  // "auto": Xapian picks the backend from what is on disk; the paths are relative to the stub,
  // so the directory can be moved or copied whole.
  std::string text;
  for (std::size_t k = 0; k < count; ++k) text += "auto " + ShardDirName(k) + "\n";
  return text;
}

Status InspectDatabaseDir(const std::string& dir, std::size_t* count, bool* sharded) {
  *count = 0;
  *sharded = false;
  std::error_code ec;
  fs::path stub = fs::path(dir) / kStubFileName;
  if (fs::exists(stub, ec)) {
    std::ifstream in(stub);
    if (!in) return Status::Error(Status::Code::kIOError, "cannot read the stub", stub.string());
    std::string line;
    std::size_t n = 0;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      std::string type, path;
      words >> type >> path;
      if (type != "auto" || path != ShardDirName(n)) {
        return Status::Error(
            Status::Code::kInvalidArgument,
            "not a stub written by portaria-index (expected \"auto " + ShardDirName(n) + "\")",
            stub.string(), number);
      }
      ++n;
    }
    if (n == 0) {
      return Status::Error(Status::Code::kInvalidArgument, "the stub names no shard",
                           stub.string());
    }
    *count = n;
    *sharded = true;
    return Status::Ok();
  }
  // A single database: a directory with Xapian's files (glass or chert) in it.
  if (fs::exists(fs::path(dir) / "iamglass", ec) || fs::exists(fs::path(dir) / "iamchert", ec)) {
    *count = 1;
  }
  return Status::Ok();
}

}  // namespace portaria::schema
