// Snippets: the paragraph's text (or a window of it) with the words that match the query
// highlighted, found by re-analysing the text with the same analyzer, so a query typed as
// "pensao" highlights "pensões".
#ifndef PORTARIA_SEARCHER_SNIPPET_H_
#define PORTARIA_SEARCHER_SNIPPET_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "analysis/analyzer.h"

namespace portaria::searcher {

// Returns HTML: the text escaped, matching words wrapped in <mark></mark>. Texts longer than
// `max_bytes` are cut to a window around the densest run of matches, marked with "…".
std::string MakeSnippet(std::string_view text, const std::unordered_set<std::string>& keys,
                        analysis::Analyzer* analyzer, std::size_t max_bytes = 320);

std::string HtmlEscape(std::string_view text);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_SNIPPET_H_
