// Spelling help from the index's own vocabulary: a query word that matches nothing is looked up
// in the spelling data the index keeps of its surface words (Xapian's trigram index of them).
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
// 4 letters, 2 beyond, and never more than `max_edits`), or "" if none is close enough. The
// work follows the words that share the word's trigrams, not the size of the vocabulary.
std::string SuggestWord(const Xapian::Database& db, const std::string& word,
                        std::size_t max_edits = 2);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_SPELLING_H_
