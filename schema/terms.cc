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

namespace {

// Calls `step` with each structural step of an id after its '#', in order, as a view into `id`:
// a step starts after '#', '/' or "__" and ends at the next of those ("…#art7/n2/d": art7, n2,
// d; "…#art_13__para_caput": art_13, para_caput). None when it has no '#'. No allocation: the
// re-ranker reads an article scope for every paragraph of its window.
template <typename Step>
void ForEachIdStep(std::string_view id, Step step) {
  std::size_t hash = id.find('#');
  if (hash == std::string_view::npos) return;
  for (std::size_t at = hash + 1; at < id.size();) {
    std::size_t stop = std::min(id.find('/', at), id.find("__", at));
    if (stop == std::string_view::npos) stop = id.size();
    step(id.substr(at, stop - at));
    at = stop == id.size() ? stop : stop + (id.compare(stop, 2, "__") == 0 ? 2 : 1);
  }
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsRomanDigit(char c) { return c == 'i' || c == 'v' || c == 'x' || c == 'l'; }

}  // namespace

std::string_view ArticleScope(std::string_view id) {
  std::size_t end = 0;  // past the last article step found
  ForEachIdStep(id, [&](std::string_view step) {
    std::string_view number = step.starts_with("art_")  ? step.substr(4)
                              : step.starts_with("art") ? step.substr(3)
                                                        : std::string_view();
    // "art3", "art19-a", and a lei de bases's "artbase-xii".
    if (!number.empty() && (IsDigit(number.front()) || number.starts_with("base-")))
      end = static_cast<std::size_t>(step.data() + step.size() - id.data());
  });
  return id.substr(0, end);
}

std::vector<std::string_view> EnclosingItems(std::string_view id) {
  std::vector<std::string_view> items;
  if (id.starts_with("page:")) return items;
  bool akn = id.starts_with("/akn/");
  std::vector<std::string_view> steps;
  ForEachIdStep(id, [&](std::string_view step) { steps.push_back(step); });
  // The last step is the paragraph itself; the first, in a diploma id, its article or part.
  for (std::size_t i = akn ? 0 : 1; i + 1 < steps.size(); ++i) {
    std::string_view step = steps[i];
    if (akn) {
      if (!step.starts_with("point_")) continue;
      step.remove_prefix(std::string_view("point_").size());
      if (AllOf(step, IsLower) || AllOf(step, IsDigit)) items.push_back(step);
    } else if ((AllOf(step, IsLower) && (step.size() <= 3 || AllOf(step, IsRomanDigit))) ||
               (AllOf(step, IsDigit) && step.size() <= 3)) {
      items.push_back(step);  // an alínea ("d", "aa"), a roman subalínea, a definition ("16")
    }
  }
  return items;
}

std::string IdTerm(std::string_view id) { return HashedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view file) { return HashedTerm(kFilePrefix, file); }

}  // namespace portaria::schema
