// Searching a portaria database: natural Portuguese questions, phrases, filters and legal
// citations, ranked by BM25 over the analysed terms (see README.md, "Query language").
//
// Ownership: a Searcher owns its read-only Xapian database handles (and its connections to
// remote databases). Thread-safety: a Searcher is NOT thread-safe (Xapian handles are not); give
// each thread its own Searcher over the same locations. Many searchers may read while one
// IndexWriter writes: each search starts from the latest commit, and one that meets a concurrent
// commit reopens the database and retries, so every answer comes from one committed state, whole.
// Errors are Status values; nothing throws.
#ifndef PORTARIA_SEARCH_H_
#define PORTARIA_SEARCH_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "portaria/record.h"
#include "portaria/status.h"

namespace portaria {

// Limits applied to every request (the HTTP server applies them to untrusted input).
inline constexpr std::size_t kMaxQueryBytes = 1024;
inline constexpr std::size_t kMaxQueryWords = 64;
inline constexpr std::size_t kMaxResults = 1000;
inline constexpr std::size_t kMaxFacetValues = 50;  // per facet, in SearchResponse::facets
// The second ranking phase's window (SearchRequest::rerank_window): its default and its largest.
inline constexpr std::size_t kDefaultRerankWindow = 100;
inline constexpr std::size_t kMaxRerankWindow = 1000;

struct SearchRequest {
  std::string query;  // the query language: words, "phrases", unidade:/alinea:/fonte: filters
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::string unit;    // same as unidade:"..." in the query
  std::string letter;  // same as alinea:...
  std::string source;  // same as fonte:"..."
  bool group = false;  // at most one paragraph per document (diploma)
  // Count every match for `total` and the facets, and rank by scoring every match: the slow
  // path, whose cost grows with the number of matching paragraphs. By default both counts come
  // from a bounded first phase (SearchResponse::total_exact, facets_exact say whether they are
  // exact), and a ranked query scores only its best candidates exactly.
  bool exact_counts = false;
  // How many of the first phase's best paragraphs the second phase re-ranks; past them the first
  // phase's order stands. Larger windows cost more per query (about linearly) and can lift an
  // answer that the first phase ranks low; every page of one question uses the same window. 0
  // means kDefaultRerankWindow; more than kMaxRerankWindow is refused (kInvalidArgument).
  std::size_t rerank_window = 0;
  // Each hit says how its score was made (SearchHit::explanation), for whoever tunes the
  // ranking or asks why a paragraph ranks where it does. Costs a few string appends per
  // re-ranked paragraph; the ranking is the same either way.
  bool explain = false;
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based
  double score = 0;
  Paragraph paragraph;
  std::string snippet;  // HTML: the text escaped, matched words in <mark>...</mark>
  // With SearchRequest::explain, the hit's score as a product: its BM25 weight (of the
  // field-aware query the window is scored with), then every factor the second phase applied,
  // by name ("bm25 8.12 · coordination ×0.64 · unit-named ×1.5 · diploma ×1.21"); the factors
  // multiply to `score`, up to rounding. Past the re-ranking window: "bm25 … ·
  // past-window ×…". Empty otherwise.
  std::string explanation;
};

struct SearchResponse {
  std::string query;
  // Matching paragraphs: exact when total_exact, else Xapian's estimate from bounded work.
  std::size_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  // Facet name ("unit", "source") -> value -> count of matching paragraphs: the kMaxFacetValues
  // most frequent values of each facet (ties by value), so that a question over thousands of
  // diplomas does not answer with a megabyte of counts.
  // Counted over every match when facets_exact, else over the first phase's candidates (the
  // best few hundred matches): their proportions, not the index's.
  std::map<std::string, std::map<std::string, std::size_t>> facets;
  bool facets_exact = true;
  std::string suggestion;  // a corrected query, when some words look misspelt; else empty
  // Where this search's time went, in milliseconds of the calling thread's wall clock, step by
  // step: understanding the question, the first phase (the prunable query for candidates and
  // reading their features), the field-aware scoring of the window, the second phase's
  // re-ranking, and presentation (snippets) with the facets. For operators and benchmarks
  // (portaria-search --queries-from prints it as "phases_ms"); not part of ToJson's answer,
  // which stays the same for the same question.
  struct Phases {
    double plan = 0, first = 0, rescore = 0, rerank = 0, present = 0;
  } phases_ms;
};

// How long a Searcher waits for a remote database (a "tcp://" location), in milliseconds; 0
// waits for ever. Past either, the call fails with kIOError naming the location.
struct RemoteOptions {
  unsigned connect_timeout_ms = 10000;  // to connect and be greeted by the server
  unsigned timeout_ms = 10000;          // for each answer of the server during a search
};

class Searcher {
 public:
  // Opens the database at `path` read-only: a database directory written by portaria-index
  // (single or sharded), or a Xapian stub file. Fails with kNotFound if there is none and with
  // kVersionMismatch if it was built by another schema or analyzer version.
  static Status Open(const std::string& path, std::unique_ptr<Searcher>* searcher);

  // Opens several databases read-only and searches them as one: ranking, scores, totals and
  // facets are those of one database holding all their paragraphs (Xapian merges the matches
  // with term statistics over all of them). Each location is a path as above or "tcp://HOST:PORT"
  // for a database served by xapian-tcpsrv (HOST may be a name, an IPv4 or a [bracketed] IPv6
  // address), in any mix; docs/scaling.md shows the set-ups. Every location must hold paragraphs
  // built by this version, and no paragraph id may be in two of them (it would be found twice).
  //
  // Errors name the location: kInvalidArgument for an empty list or a malformed tcp:// address,
  // kNotFound / kVersionMismatch as above, kIOError for a remote database that refuses, cannot
  // be reached or does not answer within `remote`'s timeouts. A remote database that fails
  // during a search makes that search fail with kIOError (never a partial answer, which would
  // rank and count differently without saying so); a lost connection is re-made first, once, so
  // a server that closed an idle connection or was restarted costs nothing, and the next call
  // re-makes it again, so a Searcher recovers by itself when the server comes back. The
  // Searcher owns its connections (one per remote database, closed when it is destroyed).
  static Status Open(const std::vector<std::string>& locations, std::unique_ptr<Searcher>* searcher,
                     const RemoteOptions& remote = {});
  virtual ~Searcher();

  virtual Status Search(const SearchRequest& request, SearchResponse* response) = 0;

  // The number of paragraphs in the latest commit of all the databases; errors as Search's.
  virtual Status CountParagraphs(std::size_t* count) = 0;

 protected:
  Searcher() = default;
};

// The response as one JSON object: {"query", "total", "total_exact", "results": [{"rank", "score",
// "id", "unit", "letter", "source", "section", "text", "snippet", ...}], "facets": {...},
// "facets_exact"} and "suggestion" when there is one. Pretty-printed when `indent` >= 0.
std::string ToJson(const SearchResponse& response, int indent = -1);

}  // namespace portaria

#endif  // PORTARIA_SEARCH_H_
