// Presentation: the ranked window (rerank.h) as the response's hits, each with its stored record
// and a snippet marking the question's words, and the first phase's facet counts (retrieve.h)
// as the response's facets. Separate from ranking because it works on the requested page only
// and changes no score: it reads the paragraphs' records and term positions, which neither
// phase needs for most candidates.
#ifndef PORTARIA_SEARCHER_PRESENT_H_
#define PORTARIA_SEARCHER_PRESENT_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"
#include "portaria/search.h"
#include "searcher/plan.h"
#include "searcher/rerank.h"
#include "searcher/retrieve.h"

namespace portaria::searcher {

class Presenter {
 public:
  // `db` and `analyzer` must outlive the presenter; the analyzer is shared with the other phases.
  Presenter(const Xapian::Database& db, analysis::Analyzer& analyzer)
      : db_(db), analyzer_(analyzer) {}

  // Appends to response->hits the candidates ranked offset + 1 to `wanted` (1-based).
  void AddHits(const std::vector<Candidate>& candidates, std::size_t offset, std::size_t wanted,
               const QueryPlan& plan, SearchResponse* response);

 private:
  std::unordered_set<std::uint32_t> HighlightPositions(Xapian::docid docid, const QueryPlan& plan);

  const Xapian::Database& db_;
  analysis::Analyzer& analyzer_;
};

// The facet spies' counts as the response's "unit" and "source" facets (both present, even if
// empty); paragraphs without a value are not a facet value.
void AddFacets(const Retrieval& retrieval, SearchResponse* response);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_PRESENT_H_
