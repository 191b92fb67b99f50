#include "indexer/front_matter.h"

namespace portaria::indexer {
namespace {

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string Unquote(std::string_view value) {
  if (value.size() < 2 || (value.front() != '"' && value.front() != '\'') ||
      value.back() != value.front())
    return std::string(value);
  char quote = value.front();
  value = value.substr(1, value.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    bool escaped = quote == '"' ? value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '"'
                                : value[i] == '\'' && i + 1 < value.size() && value[i + 1] == '\'';
    if (escaped) ++i;
    out.push_back(value[i]);
  }
  return out;
}

}  // namespace

std::string_view FrontMatter::Field(std::string_view key) const {
  auto it = fields.find(key);
  return it == fields.end() ? std::string_view() : std::string_view(it->second);
}

FrontMatter ReadFrontMatter(std::string_view content) {
  FrontMatter front;
  std::map<std::string, std::string, std::less<>> fields;
  for (int line = 1; !content.empty() && line <= 200; ++line) {
    std::size_t nl = content.find('\n');
    std::string_view text = TrimSpace(content.substr(0, nl));
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    if (line == 1) {
      if (text != "---") return front;
      continue;
    }
    if (text == "---") {
      front.lines = line;
      front.fields = std::move(fields);
      return front;
    }
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    fields.try_emplace(std::string(TrimSpace(text.substr(0, colon))),
                       Unquote(TrimSpace(text.substr(colon + 1))));
  }
  return front;
}

}  // namespace portaria::indexer
