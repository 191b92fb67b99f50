#include "indexer/manifest.h"

#include <nlohmann/json.hpp>

#include "schema/schema.h"
#include "schema/terms.h"

namespace portaria::indexer {

std::string EncodeEntry(const ManifestEntry& e) {
  nlohmann::ordered_json j;
  j["path"] = e.path;
  j["size"] = e.size;
  j["mtime_ns"] = e.mtime_ns;
  j["hash"] = e.hash;
  j["paragraphs"] = e.paragraphs;
  if (e.errors > 0) j["errors"] = e.errors;
  return j.dump();
}

bool DecodeEntry(const std::string& value, ManifestEntry* e) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string()) return false;
  try {
    e->path = j["path"].get<std::string>();
    e->size = j.value("size", std::uint64_t{0});
    e->mtime_ns = j.value("mtime_ns", std::int64_t{0});
    e->hash = j.value("hash", std::string());
    e->paragraphs = j.value("paragraphs", std::size_t{0});
    e->errors = j.value("errors", std::size_t{0});
  } catch (const nlohmann::json::exception&) {
    return false;  // a field of the wrong type
  }
  return true;
}

// Metadata keys are limited like terms; a long path is shortened with its hash (the entry's
// value keeps the full path, so nothing needs to be read back from the key).
std::string ManifestKey(const std::string& path) {
  std::string key = std::string(schema::kMetaManifestPrefix) + path;
  if (key.size() <= schema::kMaxTermBytes) return key;
  return std::string(schema::kMetaManifestPrefix) + path.substr(0, 180) + "#" +
         schema::HashHex(path);
}

}  // namespace portaria::indexer
