#include "schema/terms.h"

#include <cstdio>

#include "schema/schema.h"

namespace portaria::schema {
namespace {

// `prefix` + `value`, or, when that is too long for a term, a clipped value and its hash.
std::string HashedTerm(std::string_view prefix, std::string_view value) {
  std::string term = std::string(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  return std::string(prefix).append(value.substr(0, 180)).append("#").append(HashHex(value));
}

}  // namespace

// FNV-1a, 64 bits: stable across compilers and machines (std::hash is not), so collapse keys
// and hashed ids agree between shards built on different hosts.
void StreamHash::Update(std::string_view bytes) {
  for (unsigned char c : bytes) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
}

std::string StreamHash::Hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", h_);
  return buf;
}

std::string HashHex(std::string_view bytes) {
  StreamHash hash;
  hash.Update(bytes);
  return hash.Hex();
}

std::string IdTerm(std::string_view id) { return HashedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view file) { return HashedTerm(kFilePrefix, file); }

}  // namespace portaria::schema
