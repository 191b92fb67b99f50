// The first ranking phase: the plan's query run by Xapian's matcher, BM25 over posting lists
// and nothing else, so it is cheap per paragraph and is the part a matcher can prune (Xapian
// 1.4.22 is kept from pruning here, see check_at_least in retrieve.cc). It yields a window of
// candidates (kRerankWindow; a longer page gets the matches past it in this phase's order) that the
// second phase (rerank.h) re-scores with signals too dear to compute for every match, as in Vespa's
// first and second phase or Lucene's rescorer: the matcher never sees those signals, and they never
// see the whole index. Here also: the pseudo-relevance feedback pass, collapsing, the order of a
// pure listing, and the facet spies, which count every match rather than the window.
#ifndef PORTARIA_SEARCHER_RETRIEVE_H_
#define PORTARIA_SEARCHER_RETRIEVE_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "searcher/plan.h"

namespace portaria::searcher {

// How many of the first phase's best matches the second phase re-ranks (rerank.h). Fixed, so
// that every page of a question is cut from the same ranking.
inline constexpr std::size_t kRerankWindow = 200;

// A paragraph of the window, as the first phase ranked it.
struct Match {
  Xapian::docid docid = 0;
  double weight = 0;  // its BM25 weight (0 in a pure listing)
};

struct Retrieval {
  std::vector<Match> matches;  // best first (in document order for a pure listing)
  std::size_t total = 0;       // every matching paragraph, collapsed
  // The facet spies' counts over every match: value ("" included) -> paragraphs.
  std::map<std::string, Xapian::doccount> units, sources;
};

// Runs `plan.query` (which must not be empty) for the first `wanted` results at least: ranked
// queries fetch kRerankWindow when that is more. `group` collapses to one paragraph per diploma.
Retrieval Retrieve(const Xapian::Database& db, const QueryPlan& plan, std::size_t wanted,
                   bool group);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_RETRIEVE_H_
