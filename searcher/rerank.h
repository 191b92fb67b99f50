// The second ranking phase: the first phase's window (retrieve.h) re-scored by signals that
// are too dear, or too unlike BM25, to compute for every match: how much of the question a
// paragraph answers (coordination), the question's multi-word terms as typed, the kind of answer
// asked for, the organ named, the diploma's year and the diploma's overall evidence. As in
// Vespa's second phase or Lucene's rescorer, it sees only the window, so it may read values,
// posting lists and even stored text; it reads them for the whole window at once, in docid
// order, rather than paragraph by paragraph.
#ifndef PORTARIA_SEARCHER_RERANK_H_
#define PORTARIA_SEARCHER_RERANK_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "portaria/record.h"
#include "schema/features.h"
#include "searcher/plan.h"
#include "searcher/retrieve.h"

namespace portaria::searcher {

// A match being re-ranked.
struct Candidate {
  double score = 0;
  Xapian::docid docid = 0;
  std::string id;       // the paragraph's id: ties are broken by it, on every shard alike
  std::string diploma;  // its document, for the diploma prior
  // With QueryPlan::explain, how the score was made: the window's BM25 weight, then each
  // factor of the second ("bm25 8.12 · coordination ×0.64 · unit-named ×1.5"); else empty.
  std::string why;
};

class Reranker {
 public:
  // `db` and `analyzer` must outlive the re-ranker; the analyzer is shared with the other phases.
  Reranker(const Xapian::Database& db, analysis::Analyzer& analyzer)
      : db_(db), analyzer_(analyzer) {}

  // The first `window` matches (Retrieval::window) re-scored and, for a ranked query, re-sorted
  // (best first, ties by id), then the rest in their order; a pure listing keeps the first
  // phase's order.
  std::vector<Candidate> Rerank(const std::vector<Match>& matches, std::size_t window,
                                const QueryPlan& plan);

 private:
  bool NamesUnit(const std::string& unit, const QueryPlan& plan, std::vector<bool>* in_name);
  bool DefinesQuestionTerm(Xapian::docid docid, const QueryPlan& plan);
  bool WritesCount(Xapian::docid docid, const QueryPlan& plan);
  std::vector<bool> HoldersOf(const std::string& term, const std::vector<Xapian::docid>& docids,
                              const std::vector<std::size_t>& order);
  double Wording(Xapian::docid docid, const double* matched, const QueryPlan& plan);
  std::vector<bool> KeepNegations(const std::vector<Xapian::docid>& docids,
                                  const std::vector<std::size_t>& order, const QueryPlan& plan);
  std::vector<bool> NamesAgent(const std::vector<Xapian::docid>& docids,
                               const std::vector<std::size_t>& order, const QueryPlan& plan);
  std::vector<double> WordCredits(const std::vector<Xapian::docid>& docids,
                                  const std::vector<std::size_t>& order, const QueryPlan& plan);
  std::vector<schema::Features> FeaturesOf(const std::vector<Xapian::docid>& docids,
                                           const std::vector<std::size_t>& order);

  const Xapian::Database& db_;
  analysis::Analyzer& analyzer_;
  // Scratch for NamesUnit(), DefinesQuestionTerm(), WritesCount().
  std::vector<analysis::Token> unit_tokens_;
  // The stored record of `docid`, decoded once for every signal of the candidate that reads
  // it (the candidates are scored one after another); nullptr if it does not decode.
  const Paragraph* Record(Xapian::docid docid);
  Paragraph record_;             // Record()'s last
  Xapian::docid record_of_ = 0;  // whose record_ is; 0: none (reset by each Rerank())
  bool record_ok_ = false;
  // Per unit name, its content words' keys (NamesUnit()), kept across questions.
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> unit_words_;
};

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_RERANK_H_
