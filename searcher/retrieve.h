// The first ranking phase, and the field-aware BM25 the second phase starts from. First, the
// plan's prunable query (QueryPlan::candidate_query) for its best matches, as many as the page
// reaches and at least a window (SearchRequest::rerank_window): Xapian skips what cannot reach
// them, so the cost follows the top, not the index. Then the plan's field-aware query (each word by
// its best field, OP_MAX, which Xapian 1.4.22 must not prune) scores exactly the window, by
// skipping to its paragraphs in its posting lists; the second phase (rerank.h) re-scores the window
// with signals too dear for every match, as in Vespa's first and second phase or Lucene's rescorer.
// Past the window the first phase's order stands. The window is the first phase's best whatever
// page is asked for, so every page is cut from one ranking. Counting is bounded the same way: the
// total is Xapian's estimate from the first phase and the facets count the window, unless every
// match is a candidate or exact counts are asked for (the slow path: every match checked and
// counted, as Elasticsearch's track_total_hits; the ranking is the same). Also here: collapsing,
// and the order of a pure listing (always exact).
#ifndef PORTARIA_SEARCHER_RETRIEVE_H_
#define PORTARIA_SEARCHER_RETRIEVE_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "schema/features.h"
#include "searcher/plan.h"

namespace portaria::searcher {

// How many of the best paragraphs of the answer type a question asks for (QueryPlan::answer_types)
// join the window, when the first phase has not put them there already.
inline constexpr std::size_t kTypedWindow = 20;

// A paragraph of the window, as the first phase ranked it.
struct Match {
  Xapian::docid docid = 0;
  double weight = 0;  // its BM25 weight (0 in a pure listing)
  // Its packed features (schema/features.h), where retrieval read them (the window of a ranked
  // query), so that the second phase need not read them again; none in a pure listing.
  std::optional<schema::Features> features;
};

struct Retrieval {
  std::vector<Match> matches;  // best first (in document order for a pure listing)
  // How many of `matches` the second phase re-ranks: the window, identical paragraphs left out.
  std::size_t window = 0;
  std::size_t total = 0;  // every matching paragraph, collapsed (estimated unless exact)
  bool total_exact = true;
  // The facet spies' counts over every match (or only the candidates unless facets_exact):
  // value ("" included) -> paragraphs.
  std::map<std::string, Xapian::doccount> units, sources;
  bool facets_exact = true;
  // Of the time Retrieve took, how much the first phase did (SearchResponse::Phases): the rest
  // is the window's field-aware scoring and any exact counting.
  double first_ms = 0;
};

// Runs `plan` (whose query must not be empty) for the first `wanted` results at least: ranked
// queries fetch `window` (> 0) when that is more, and score that many of the best by the
// field-aware query for the second phase. `group` collapses to one paragraph per diploma;
// `exact_counts` scores and counts every match (SearchRequest::exact_counts).
Retrieval Retrieve(const Xapian::Database& db, const QueryPlan& plan, std::size_t wanted,
                   std::size_t window, bool group, bool exact_counts);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_RETRIEVE_H_
