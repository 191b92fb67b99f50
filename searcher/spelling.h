// Spelling help from the index's own vocabulary, its surface words: a query word that matches
// nothing is compared with the indexed words one edit away (each looked up) and, failing those,
// with those that share its first three letters (a bounded scan).
#ifndef PORTARIA_SEARCHER_SPELLING_H_
#define PORTARIA_SEARCHER_SPELLING_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace portaria::searcher {

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up with
// `limit` + 1 once the distance must exceed `limit`. Bytes are compared: callers pass
// accent-free ASCII-folded words.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit);

// The most frequent indexed surface word nearest to `word` (at most 1 edit for words of up to
// 4 letters, 2 beyond, and never more than `max_edits`) that keeps its first letter (and, two
// edits away, its first three), or "" if none is close enough or `word` is indexed itself. The
// work is bounded: ~53 look-ups per letter, then at most 20,000 words scanned.
std::string SuggestWord(const Xapian::Database& db, const std::string& word,
                        std::size_t max_edits = 2);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_SPELLING_H_
