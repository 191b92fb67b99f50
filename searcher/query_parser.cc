#include "searcher/query_parser.h"

#include <optional>

#include "analysis/text.h"

namespace portaria::searcher {
namespace {

std::optional<Field> FieldNamed(std::string_view name) {
  std::string n = analysis::FoldAndStrip(name);
  if (n == "unidade" || n == "unit") return Field::kUnit;
  if (n == "alinea" || n == "letra" || n == "letter") return Field::kLetter;
  if (n == "fonte" || n == "source") return Field::kSource;
  return std::nullopt;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Typographic quotes count as quotes: people paste them from documents.
std::size_t QuoteLength(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  for (std::string_view q : {"\u201C", "\u201D", "\u00AB", "\u00BB"}) {
    if (s.substr(i, q.size()) == q) return q.size();
  }
  return 0;
}

// Reads a quoted span starting at s[i] (a quote); returns its content and moves i past it.
std::string ReadQuoted(std::string_view s, std::size_t* i) {
  *i += QuoteLength(s, *i);
  std::size_t start = *i;
  while (*i < s.size() && QuoteLength(s, *i) == 0) ++*i;
  std::string content(s.substr(start, *i - start));
  if (*i < s.size()) *i += QuoteLength(s, *i);
  return content;
}

}  // namespace

ParsedQuery ParseQuery(std::string_view s) {
  ParsedQuery out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (IsSpace(s[i])) {
      out.text.push_back(' ');
      ++i;
      continue;
    }
    if (QuoteLength(s, i) > 0) {
      out.phrases.push_back(ReadQuoted(s, &i));
      out.text.push_back(' ');
      continue;
    }
    // A word: maybe "field:value".
    std::size_t start = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != ':' && QuoteLength(s, i) == 0) ++i;
    if (i < s.size() && s[i] == ':') {
      if (auto field = FieldNamed(s.substr(start, i - start))) {
        ++i;
        std::string value;
        if (i < s.size() && QuoteLength(s, i) > 0) {
          value = ReadQuoted(s, &i);
        } else {
          std::size_t vstart = i;
          while (i < s.size() && !IsSpace(s[i])) ++i;
          value = std::string(s.substr(vstart, i - vstart));
        }
        if (!value.empty()) out.filters.push_back({*field, value});
        out.text.push_back(' ');
        continue;
      }
      ++i;  // an ordinary colon: keep the word, drop the colon
    }
    out.text.append(s.substr(start, i - start));
  }
  return out;
}

}  // namespace portaria::searcher
