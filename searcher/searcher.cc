// The Searcher: a request answered in four steps, each in its own file. Query understanding
// (plan.h) turns the request into one Xapian query and the facts about the question's words;
// the first phase (retrieve.h) runs its prunable form for candidates, scores them by the
// field-aware query, BM25 only, for a window, and counts within a budget; the second phase
// (rerank.h) re-scores the window by signals too dear for every match; presentation (present.h)
// turns the requested page into hits with snippets. This file keeps the request's validation, the
// retries when an indexer commits meanwhile, and opening.
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/lemmatizer.h"
#include "analysis/rules_lexicon.h"
#include "analysis/text.h"
#include "portaria/search.h"
#include "schema/schema.h"
#include "schema/versions.h"
#include "schema/word_lexicon.h"
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

// The database and everything built on it, remade whole when a remote shard's connection is
// lost (the phases hold references to the database and the analyzer).
struct Engine {
  explicit Engine(Xapian::Database database)
      : db(std::move(database)),
        planner(db, analyzer),
        reranker(db, analyzer),
        presenter(db, analyzer) {}
  Xapian::Database db;
  // One analyzer for every phase that analyses text: one word cache, one BreakIterator.
  analysis::Analyzer analyzer;
  searcher::QueryPlanner planner;
  searcher::Reranker reranker;
  searcher::Presenter presenter;
};

constexpr std::string_view kRemoteScheme = "tcp://";

bool IsRemote(const std::string& location) { return location.starts_with(kRemoteScheme); }

// "tcp://HOST:PORT" (HOST may be a bracketed IPv6 address) -> host and port.
Status ParseRemote(const std::string& location, std::string* host, unsigned* port) {
  std::string rest = location.substr(kRemoteScheme.size());
  auto colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
    return Status::Error(Status::Code::kInvalidArgument, "expected tcp://HOST:PORT", location);
  }
  *host = rest.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  unsigned value = 0;
  std::string digits = rest.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value == 0 || value > 65535) {
    return Status::Error(Status::Code::kInvalidArgument, "bad port \"" + digits + "\"", location);
  }
  *port = value;
  return Status::Ok();
}

// One location, opened and checked: its versions, and that it holds an index.
Status OpenLocation(const std::string& location, const RemoteOptions& remote,
                    Xapian::Database* out) {
  try {
    Xapian::Database db;
    if (IsRemote(location)) {
      std::string host;
      unsigned port = 0;
      Status s = ParseRemote(location, &host, &port);
      if (!s.ok()) return s;
      try {
        db = Xapian::Remote::open(host, port, remote.timeout_ms, remote.connect_timeout_ms);
      } catch (const Xapian::NetworkError& e) {  // refused, unreachable, or too slow
        return Status::Error(Status::Code::kIOError,
                             "cannot reach the remote database (" + e.get_description() +
                                 "); is xapian-tcpsrv running there?",
                             location);
      }
    } else {
      db = Xapian::Database(location);
    }
    Status s = schema::CheckVersions(db, analysis::kAnalyzerVersion, location);
    if (!s.ok()) return s;
    if (db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty()) {
      return Status::Error(Status::Code::kNotFound, "database is empty: index something first",
                           location);
    }
    *out = std::move(db);
    return Status::Ok();
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::Error(Status::Code::kNotFound,
                         "cannot open database (" + e.get_msg() + "); build it with portaria-index",
                         location);
  } catch (const Xapian::Error& e) {
    return schema::StatusFromXapian(e, location);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), location);
  }
}

// All the locations as one Xapian database: Xapian merges their matches with statistics over
// all of them, so they rank as one database holding everything.
Status OpenAll(const std::vector<std::string>& locations, const RemoteOptions& remote,
               Xapian::Database* out) {
  if (locations.empty()) {
    return Status::Error(Status::Code::kInvalidArgument, "no database given");
  }
  Xapian::Database all;
  for (const auto& location : locations) {
    Xapian::Database one;
    Status s = OpenLocation(location, remote, &one);
    if (!s.ok()) return s;
    all.add_database(one);
  }
  *out = std::move(all);
  return Status::Ok();
}

std::string JoinLocations(const std::vector<std::string>& locations) {
  std::string out;
  for (const auto& l : locations) out += (out.empty() ? "" : ", ") + l;
  return out;
}

class XapianSearcher : public Searcher {
 public:
  XapianSearcher(std::unique_ptr<Engine> engine, std::vector<std::string> locations,
                 RemoteOptions remote)
      : engine_(std::move(engine)),
        locations_(std::move(locations)),
        remote_(remote),
        path_(JoinLocations(locations_)) {}

  Status Search(const SearchRequest& request, SearchResponse* response) override {
    if (request.query.size() > kMaxQueryBytes) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "query longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (!analysis::IsValidUtf8(request.query, nullptr)) {
      return Status::Error(Status::Code::kInvalidArgument, "query is not valid UTF-8");
    }
    if (request.rerank_window > kMaxRerankWindow) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "re-ranking window larger than " + std::to_string(kMaxRerankWindow));
    }
    return WithDatabase(
        [&] {
          *response = SearchResponse();
          response->query = request.query;
          RunSearch(request, response);
        },
        response);
  }

  Status CountParagraphs(std::size_t* count) override {
    return WithDatabase([&] { *count = engine_->db.get_doccount(); }, nullptr);
  }

 private:
  // Runs `work` on the latest commit, retrying when an indexer commits meanwhile, and once after
  // reconnecting when a remote database's connection was lost (xapian-tcpsrv closes idle ones).
  template <typename Work>
  Status WithDatabase(const Work& work, SearchResponse* response) {
    bool reconnected = false;
    for (int attempt = 0;; ++attempt) {
      if (!engine_) {
        Xapian::Database db;
        Status s = OpenAll(locations_, remote_, &db);
        if (!s.ok()) return s;  // names the location that failed
        engine_ = std::make_unique<Engine>(std::move(db));
        reconnected = true;
      }
      try {
        // Every search starts at the latest commit (cheap when there is none: Xapian compares
        // revision numbers; a remote database asks its server). Without this a Searcher kept
        // open, as the server keeps one per thread, would answer from the revision it was
        // opened at for as long as that stayed readable. Inside the try: reopening can meet a
        // concurrent commit as a search can.
        engine_->db.reopen();
        work();
        return Status::Ok();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kMaxReopens) {
          return Status::Error(Status::Code::kIOError, "database keeps changing", path_);
        }
      } catch (const Xapian::NetworkError& e) {
        // A remote database stopped answering, or took longer than RemoteOptions::timeout_ms.
        // The connection is unusable now: reconnect (the next attempt or the next call), which
        // names the location if it is really down. No partial answer: without a shard the
        // ranking and the counts would silently differ (docs/scaling.md).
        engine_.reset();
        if (response != nullptr) *response = SearchResponse();
        if (reconnected) {
          return Status::Error(Status::Code::kIOError,
                               "a remote database failed: " + e.get_description(), path_);
        }
        reconnected = true;
      } catch (const Xapian::Error& e) {
        return schema::StatusFromXapian(e, path_);
      } catch (const std::exception& e) {
        // Nothing throws (search.h): not even what should never happen, such as bad_alloc.
        if (response != nullptr) *response = SearchResponse();
        return Status::Error(Status::Code::kInternal, e.what(), path_);
      }
    }
  }

  void RunSearch(const SearchRequest& request, SearchResponse* response) {
    Engine& e = *engine_;
    // A word this process has not analysed yet is taken from the index's word lexicon
    // (schema/word_lexicon.h) when the index holds it: a B-tree look-up instead of the
    // dictionaries, and the very keys its paragraphs were indexed with. Over shards only the
    // first shard's lexicon is read (Xapian reads metadata so); other words are looked up.
    analysis::Lemmatizer::Source lexicon(
        [&e](const std::string& word, std::vector<std::string>* keys) {
          std::string key = schema::WordLexiconKey(word);
          return !key.empty() && schema::DecodeLemmaKeys(e.db.get_metadata(key), keys);
        });
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point* from) {
      Clock::time_point now = Clock::now();
      double ms = std::chrono::duration<double, std::milli>(now - *from).count();
      *from = now;
      return ms;
    };
    Clock::time_point step = Clock::now();
    SearchResponse::Phases& phases = response->phases_ms;
    searcher::QueryPlan plan = e.planner.Plan(request);
    response->suggestion = plan.suggestion;
    phases.plan = since(&step);
    if (plan.query.empty()) return;
    std::size_t limit = std::min(request.limit, kMaxResults);
    std::size_t wanted = request.offset + limit;
    searcher::Retrieval retrieval = searcher::Retrieve(
        e.db, plan, wanted, request.rerank_window ? request.rerank_window : kDefaultRerankWindow,
        request.group, request.exact_counts);
    response->total = retrieval.total;
    response->total_exact = retrieval.total_exact;
    response->facets_exact = retrieval.facets_exact;
    double retrieve_ms = since(&step);
    phases.first = retrieval.first_ms;
    phases.rescore = std::max(0.0, retrieve_ms - retrieval.first_ms);
    std::vector<searcher::Candidate> ranked =
        e.reranker.Rerank(retrieval.matches, retrieval.window, plan);
    phases.rerank = since(&step);
    e.presenter.AddHits(ranked, request.offset, wanted, plan, response);
    searcher::AddFacets(retrieval, response);
    phases.present = since(&step);
  }

  std::unique_ptr<Engine> engine_;  // null after a lost connection, until the next call
  std::vector<std::string> locations_;
  RemoteOptions remote_;
  std::string path_;  // the locations, for messages
};

}  // namespace

Searcher::~Searcher() = default;

Status Searcher::Open(const std::string& path, std::unique_ptr<Searcher>* searcher) {
  return Open(std::vector<std::string>{path}, searcher);
}

Status Searcher::Open(const std::vector<std::string>& locations,
                      std::unique_ptr<Searcher>* searcher, const RemoteOptions& remote) {
  try {
    Xapian::Database db;
    Status s = OpenAll(locations, remote, &db);
    if (!s.ok()) return s;
    // Before the rule files are first parsed (on the first question), so that their words need
    // no dictionary look-ups.
    analysis::PrimeRulesLexicon(db.get_metadata(std::string(schema::kMetaRulesLexicon)));
    *searcher = std::make_unique<XapianSearcher>(std::make_unique<Engine>(std::move(db)), locations,
                                                 remote);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return schema::StatusFromXapian(e, JoinLocations(locations));
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), JoinLocations(locations));
  }
}

}  // namespace portaria
