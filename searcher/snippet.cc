#include "searcher/snippet.h"

#include <vector>

namespace portaria::searcher {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string MakeSnippet(std::string_view text, const std::unordered_set<std::uint32_t>& positions,
                        analysis::Analyzer* analyzer, std::size_t max_bytes) {
  std::vector<analysis::Token> tokens;
  analyzer->Segment(text, &tokens);
  std::vector<const analysis::Token*> hits;
  for (const auto& t : tokens) {
    if (!t.stop && positions.count(t.position)) hits.push_back(&t);
  }
  // Choose the window [begin, end) of at most max_bytes holding the most hits.
  std::size_t begin = 0, end = text.size();
  if (text.size() > max_bytes) {
    std::size_t best = 0, best_count = 0;
    for (std::size_t i = 0, j = 0; i < hits.size(); ++i) {
      while (j < hits.size() && hits[j]->end - hits[i]->begin <= max_bytes) ++j;
      if (j - i > best_count) best_count = j - i, best = i;
    }
    std::size_t anchor = hits.empty() ? 0 : hits[best]->begin;
    begin = anchor > max_bytes / 4 ? anchor - max_bytes / 4 : 0;
    end = std::min(text.size(), begin + max_bytes);
    // Snap to word boundaries so no word (or UTF-8 sequence) is cut.
    for (const auto& t : tokens) {
      if (t.begin >= begin) {
        begin = begin == 0 ? 0 : t.begin;
        break;
      }
    }
    std::size_t snapped = begin;
    for (const auto& t : tokens) {
      if (t.end <= end) snapped = t.end;
    }
    end = std::max(snapped, begin);
  }
  std::string out;
  if (begin > 0) out += "… ";
  std::size_t at = begin;
  for (const auto* h : hits) {
    if (h->begin < begin || h->end > end) continue;
    out += HtmlEscape(text.substr(at, h->begin - at));
    out += "<mark>";
    out += HtmlEscape(text.substr(h->begin, h->end - h->begin));
    out += "</mark>";
    at = h->end;
  }
  out += HtmlEscape(text.substr(at, end - at));
  if (end < text.size()) out += " …";
  return out;
}

}  // namespace portaria::searcher
