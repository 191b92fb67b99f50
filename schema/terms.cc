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
    if (step.starts_with("art_"))
      step.remove_prefix(4);
    else if (step.starts_with("art"))
      step.remove_prefix(3);
    else
      step = {};
    if (!step.empty() && is_digit(step.front())) end = stop;
    at = stop == id.size() ? stop : stop + (stop == under ? 2 : 1);
  }
  return id.substr(0, end);
}

std::vector<std::string_view> EnclosingItems(std::string_view id) {
  std::vector<std::string_view> items;
  std::size_t hash = id.find('#');
  if (hash == std::string_view::npos || id.starts_with("page:")) return items;
  bool akn = id.starts_with("/akn/");
  auto all = [](std::string_view s, auto pred) {
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
  };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto roman = [](char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; };
  std::vector<std::string_view> steps;
  for (std::size_t at = hash + 1; at < id.size();) {
    std::size_t stop = std::min(id.find('/', at), id.find("__", at));
    if (stop == std::string_view::npos) stop = id.size();
    steps.push_back(id.substr(at, stop - at));
    at = stop == id.size() ? stop : stop + (id.compare(stop, 2, "__") == 0 ? 2 : 1);
  }
  // The last step is the paragraph itself; the first, in a diploma id, its article or part.
  for (std::size_t i = akn ? 0 : 1; i + 1 < steps.size(); ++i) {
    std::string_view step = steps[i];
    if (akn) {
      if (!step.starts_with("point_")) continue;
      step.remove_prefix(std::string_view("point_").size());
      if (all(step, lower) || all(step, digit)) items.push_back(step);
    } else if ((all(step, lower) && (step.size() <= 3 || all(step, roman))) ||
               (all(step, digit) && step.size() <= 3)) {
      items.push_back(step);  // an alínea ("d", "aa"), a roman subalínea, a definition ("16")
    }
  }
  return items;
}

std::string IdTerm(std::string_view id) { return HashedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view file) { return HashedTerm(kFilePrefix, file); }

}  // namespace portaria::schema
