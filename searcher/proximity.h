// The weight adjacent question words add where a paragraph holds them together
// (QueryPlan::adjacent), for the re-ranking window: per pair of words, BM25 of both words' keys in
// the field where the pair weighs most, the text's counting only where the words stand in that
// order and as close. Computed from the posting lists of the pairs' terms, each walked once for
// every pair and field at the window's paragraphs (as Xapian passes, one per pair and field, the
// same lists were opened and walked again for each: twelve passes for a four-word question), with
// Xapian's BM25 formula and statistics (Bm25Params below), so the weights are those the passes
// gave, to rounding.
#ifndef PORTARIA_SEARCHER_PROXIMITY_H_
#define PORTARIA_SEARCHER_PROXIMITY_H_

#include <xapian.h>

#include <unordered_map>
#include <vector>

#include "searcher/plan.h"

namespace portaria::searcher {

// The BM25 parameters of every ranked pass (Xapian::BM25Weight's k1, k2, k3, b, min_normlen).
struct Bm25Params {
  static constexpr double kK1 = 1.2, kK2 = 0, kK3 = 1, kB = 0.75, kMinNormLen = 0.5;
};

// Adds to (*weights)[d], for each paragraph d of `window` (ascending docids of `db`) and each
// pair whose words d holds in some field, that pair's best field's weight (0 where only the text
// holds them and not in order), pair by pair; `lengths` are the window's document lengths (as
// the packed features hold them). Reads the pairs' terms' posting lists at the window, their term
// frequencies and, where the text would weigh most, positions. `db` must be one local database (a
// remote one would send whole lists).
void AddAdjacentWeights(const Xapian::Database& db, const QueryPlan& plan,
                        const std::vector<Xapian::docid>& window,
                        const std::vector<Xapian::termcount>& lengths,
                        std::unordered_map<Xapian::docid, double>* weights);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_PROXIMITY_H_
