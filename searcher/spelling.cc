#include "searcher/spelling.h"

#include <algorithm>
#include <vector>

namespace portaria::searcher {

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string SuggestWord(const Xapian::Database& db, const std::string& word,
                        std::size_t max_edits) {
  if (word.size() < 3 || max_edits == 0) return {};
  std::size_t limit = std::min<std::size_t>(word.size() <= 4 ? 1 : 2, max_edits);
  // Xapian looks the word up through the trigrams of the indexed words (the spelling data the
  // writer keeps, indexer/document.h) and returns the most frequent one within `limit` edits;
  // its distance counts an adjacent transposition as one edit, as EditDistance does.
  std::string best = db.get_spelling_suggestion(word, static_cast<unsigned>(limit));
  if (best == word || EditDistance(word, best, limit) > limit) return {};
  return best;
}

}  // namespace portaria::searcher
