#include "schema/terms.h"

#include <algorithm>
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

std::string_view ArticleScope(std::string_view id) {
  std::size_t hash = id.find('#');
  if (hash == std::string_view::npos) return {};
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t end = 0;  // past the last article step found
  for (std::size_t at = hash + 1; at < id.size();) {
    // A step starts after '#', after '/' or after "__"; it ends at the next of those.
    std::size_t next = id.find_first_of('/', at);
    std::size_t under = id.find("__", at);
    std::size_t stop = std::min(next, under);
    if (stop == std::string_view::npos) stop = id.size();
    std::string_view step = id.substr(at, stop - at);
    if (step.starts_with("art_")) step.remove_prefix(4);
    else if (step.starts_with("art")) step.remove_prefix(3);
    else step = {};
    if (!step.empty() && is_digit(step.front())) end = stop;
    at = stop == id.size() ? stop : stop + (stop == under ? 2 : 1);
  }
  return id.substr(0, end);
}

std::string IdTerm(std::string_view id) { return HashedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view file) { return HashedTerm(kFilePrefix, file); }

}  // namespace portaria::schema
