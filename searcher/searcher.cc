// The Searcher: a request answered in four steps, each in its own file. Query understanding
// (plan.h) turns the request into one Xapian query and the facts about the question's words;
// the first phase (retrieve.h) runs its prunable form for candidates, scores them by the
// field-aware query, BM25 only, for a window, and counts within a budget; the second phase
// (rerank.h) re-scores the window by signals too dear for every match; presentation (present.h)
// turns the requested page into hits with snippets. This file keeps the request's validation, the
// retries when an indexer commits meanwhile, and opening.
#include <xapian.h>

#include <algorithm>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/rules_lexicon.h"
#include "analysis/text.h"
#include "portaria/search.h"
#include "schema/schema.h"
#include "schema/versions.h"
#include "schema/xapian_error.h"
#include "searcher/plan.h"
#include "searcher/present.h"
#include "searcher/rerank.h"
#include "searcher/retrieve.h"

namespace portaria {
namespace {

// A search reads one revision of the database. An indexer's commit leaves the revision being
// read intact, but its next commit may reuse that revision's blocks, and Xapian then throws
// DatabaseModifiedError: the search reopens the database and starts again. An indexer
// committing every few milliseconds could make it lose several times in a row.
constexpr int kMaxReopens = 50;

class XapianSearcher : public Searcher {
 public:
  XapianSearcher(Xapian::Database db, std::string path)
      : db_(std::move(db)),
        path_(std::move(path)),
        planner_(db_, analyzer_),
        reranker_(db_, analyzer_),
        presenter_(db_, analyzer_) {}

  Status Search(const SearchRequest& request, SearchResponse* response) override {
    if (request.query.size() > kMaxQueryBytes) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "query longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (!analysis::IsValidUtf8(request.query, nullptr)) {
      return Status::Error(Status::Code::kInvalidArgument, "query is not valid UTF-8");
    }
    for (int attempt = 0;; ++attempt) {
      try {
        // Every search starts at the latest commit (cheap when there is none: Xapian compares
        // revision numbers). Without this a Searcher kept open, as the server keeps one per
        // thread, would answer from the revision it was opened at for as long as that stayed
        // readable. Inside the try: reopening can meet a concurrent commit as a search can.
        db_.reopen();
        *response = SearchResponse();
        response->query = request.query;
        RunSearch(request, response);
        return Status::Ok();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kMaxReopens) {
          return Status::Error(Status::Code::kIOError, "database keeps changing", path_);
        }
      } catch (const Xapian::Error& e) {
        return schema::StatusFromXapian(e, path_);
      } catch (const std::exception& e) {
        // Nothing throws (search.h): not even what should never happen, such as bad_alloc.
        *response = SearchResponse();
        return Status::Error(Status::Code::kInternal, e.what(), path_);
      }
    }
  }

 private:
  void RunSearch(const SearchRequest& request, SearchResponse* response) {
    searcher::QueryPlan plan = planner_.Plan(request);
    response->suggestion = plan.suggestion;
    if (plan.query.empty()) return;
    std::size_t limit = std::min(request.limit, kMaxResults);
    std::size_t wanted = request.offset + limit;
    searcher::Retrieval retrieval =
        searcher::Retrieve(db_, plan, wanted, request.group, request.exact_counts);
    response->total = retrieval.total;
    response->total_exact = retrieval.total_exact;
    response->facets_exact = retrieval.facets_exact;
    std::vector<searcher::Candidate> ranked = reranker_.Rerank(retrieval.matches, plan);
    presenter_.AddHits(ranked, request.offset, wanted, plan, response);
    searcher::AddFacets(retrieval, response);
  }

  Xapian::Database db_;  // the phases hold references to it, and see it reopened
  std::string path_;
  // One analyzer for every phase that analyses text: one word cache, one BreakIterator.
  analysis::Analyzer analyzer_;
  searcher::QueryPlanner planner_;
  searcher::Reranker reranker_;
  searcher::Presenter presenter_;
};

}  // namespace

Searcher::~Searcher() = default;

Status Searcher::Open(const std::string& path, std::unique_ptr<Searcher>* searcher) {
  try {
    Xapian::Database db(path);
    Status s = schema::CheckVersions(db, analysis::kAnalyzerVersion, path);
    if (!s.ok()) return s;
    if (db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty()) {
      return Status::Error(Status::Code::kNotFound, "database is empty: index something first",
                           path);
    }
    // Before the rule files are first parsed (on the first question), so that their words need
    // no dictionary look-ups.
    analysis::PrimeRulesLexicon(db.get_metadata(std::string(schema::kMetaRulesLexicon)));
    *searcher = std::make_unique<XapianSearcher>(std::move(db), path);
    return Status::Ok();
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::Error(Status::Code::kNotFound,
                         "cannot open database (" + e.get_msg() + "); build it with portaria-index",
                         path);
  } catch (const Xapian::Error& e) {
    return schema::StatusFromXapian(e, path);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), path);
  }
}

}  // namespace portaria
