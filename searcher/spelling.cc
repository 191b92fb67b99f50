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

namespace {

// Two-edit candidates are sought among the indexed words that share the word's first letters,
// at most this many of them: the bound on the work, whatever the vocabulary's size.
constexpr std::size_t kSharedLetters = 3;
constexpr std::size_t kMaxScanned = 20000;

// Every string one edit from `word` (a deletion, an adjacent transposition, a substitution or
// an insertion of a letter a-z) that keeps its first letter: people seldom mistype that one, and
// the suggestions have always kept it. About 53 per letter of the word.
std::vector<std::string> Neighbours(const std::string& word) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < word.size(); ++i) {
    out.push_back(word.substr(0, i) + word.substr(i + 1));
    if (i + 1 < word.size()) {
      std::string swapped = word;
      std::swap(swapped[i], swapped[i + 1]);
      out.push_back(std::move(swapped));
    }
    for (char c = 'a'; c <= 'z'; ++c) {
      if (c == word[i]) continue;
      std::string changed = word;
      changed[i] = c;
      out.push_back(std::move(changed));
    }
  }
  for (std::size_t i = 1; i <= word.size(); ++i) {
    for (char c = 'a'; c <= 'z'; ++c) out.push_back(word.substr(0, i) + c + word.substr(i));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::string SuggestWord(const Xapian::Database& db, const std::string& word,
                        std::size_t max_edits) {
  if (word.size() < 3 || max_edits == 0 || db.term_exists(word)) return {};
  std::size_t limit = std::min<std::size_t>(word.size() <= 4 ? 1 : 2, max_edits);
  std::string best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_freq = 0;
  // The nearest, then the most frequent, then the first in alphabetical order.
  auto consider = [&](const std::string& term, std::size_t distance, Xapian::doccount freq) {
    if (freq == 0) return;
    if (distance < best_distance ||
        (distance == best_distance && (freq > best_freq || (freq == best_freq && term < best)))) {
      best = term;
      best_distance = distance;
      best_freq = freq;
    }
  };
  // Unprefixed terms are the surface words: a neighbour is a word if the index holds it.
  for (const auto& term : Neighbours(word)) consider(term, 1, db.get_termfreq(term));
  if (best_distance == 1 || limit < 2 || word.size() < kSharedLetters) return best;
  const std::string shared = word.substr(0, kSharedLetters);
  std::size_t scanned = 0;
  for (auto it = db.allterms_begin(shared); it != db.allterms_end(shared) && scanned < kMaxScanned;
       ++it, ++scanned) {
    std::size_t distance = EditDistance(word, *it, limit);
    if (distance <= limit) consider(*it, distance, it.get_termfreq());
  }
  return best;
}

}  // namespace portaria::searcher
