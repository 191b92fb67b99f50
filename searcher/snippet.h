// Snippets: the paragraph's text (or a window of it) with the words that match the query
// highlighted. Which words match is known from the index (the positions of the query's keys in
// the paragraph, see present.cc), so a query typed as "pensao" highlights "pensões" and laying
// out the text needs no dictionary look-up: the text is only segmented (Analyzer::Segment),
// which numbers words exactly as the indexer's analysis did.
#ifndef PORTARIA_SEARCHER_SNIPPET_H_
#define PORTARIA_SEARCHER_SNIPPET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "analysis/analyzer.h"

namespace portaria::searcher {

// Returns HTML: the text escaped, matching words wrapped in <mark></mark>. Texts longer than
// `max_bytes` are cut to a window around the densest run of matches, marked with "…".
// `positions` are the word positions (as Token::position) to highlight.
std::string MakeSnippet(std::string_view text, const std::unordered_set<std::uint32_t>& positions,
                        analysis::Analyzer* analyzer, std::size_t max_bytes = 320);

std::string HtmlEscape(std::string_view text);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_SNIPPET_H_
