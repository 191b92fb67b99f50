#include "schema/terms.h"

#include <cstdint>
#include <cstdio>

#include "schema/schema.h"

namespace portaria::schema {
namespace {

// FNV-1a, 64 bits: stable across compilers and machines (std::hash is not), so collapse keys
// and hashed ids agree between shards built on different hosts.
std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// `prefix` + `value`, or, when that is too long for a term, a clipped value and its hash.
std::string HashedTerm(std::string_view prefix, std::string_view value) {
  std::string term = std::string(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  return std::string(prefix).append(value.substr(0, 180)).append("#").append(HashHex(value));
}

}  // namespace

std::string HashHex(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(Fnv1a(bytes)));
  return buf;
}

std::string IdTerm(std::string_view id) { return HashedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view file) { return HashedTerm(kFilePrefix, file); }

}  // namespace portaria::schema
