// Searchers reading while a writer commits (issue 13, "Load and abuse"): every answer is one
// committed state, whole, and nothing escapes as an exception.
//
// The writer rewrites the same kParagraphs ids in every state v. Paragraph i mentions "vindima"
// only while i < Matching(v), and every text names its state, so a search for "vindima" that
// read one revision has total == Matching(v), exactly the ids p0 .. p<Matching(v) - 1>, and every
// hit saying "estado v". A search that mixed two revisions would break one of the three.
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;

constexpr std::size_t kParagraphs = 300;

// Consecutive states differ, so a reader that kept an old revision is told apart.
std::size_t Matching(int state) { return 50 + static_cast<std::size_t>(state * 37) % 200; }

Paragraph Make(int state, std::size_t i) {
  Paragraph p;
  p.id = "p" + std::to_string(i);
  // Enough words that analysing and snippeting a page of 300 hits takes a while: the longer a
  // search runs, the likelier two commits land inside it.
  p.text = std::string(i < Matching(state) ? "A vindima" : "A poda") + " da parcela " +
           std::to_string(i) + " no estado " + std::to_string(state) +
           " faz-se segundo o regulamento da adega cooperativa, com registo das quantidades "
           "colhidas, das castas e das datas de entrega em cada campanha agrícola.";
  p.unit = "Unidade " + std::to_string(i % 7);
  p.source = "Portaria de teste n.º " + std::to_string(i % 5);
  p.doc = "doc" + std::to_string(i / 10);
  return p;
}

Status WriteState(IndexWriter* writer, int state) {
  for (std::size_t i = 0; i < kParagraphs; ++i) {
    Status s = writer->Add(Make(state, i));
    if (!s.ok()) return s;
  }
  return writer->Commit();
}

// The state every hit names ("... no estado 12 ..."), or -1 if they disagree or none names one.
int StateOf(const SearchResponse& response) {
  int state = -1;
  for (const SearchHit& hit : response.hits) {
    const std::string& text = hit.paragraph.text;
    auto at = text.find(" no estado ");
    if (at == std::string::npos) return -1;
    int here = std::atoi(text.c_str() + at + 11);
    if (state != -1 && here != state) return -1;
    state = here;
  }
  return state;
}

// Empty if `response` is one whole state; else what is wrong with it.
std::string Inconsistency(const SearchResponse& response, int* state) {
  *state = StateOf(response);
  if (*state < 0) return "hits from different states (or none)";
  std::size_t expected = Matching(*state);
  if (response.total != expected) {
    return "total " + std::to_string(response.total) + " in state " + std::to_string(*state) +
           ", which has " + std::to_string(expected);
  }
  std::set<std::string> ids;
  for (const SearchHit& hit : response.hits) ids.insert(hit.paragraph.id);
  std::set<std::string> wanted;
  for (std::size_t i = 0; i < expected; ++i) wanted.insert("p" + std::to_string(i));
  if (ids != wanted) return "ids are not those of state " + std::to_string(*state);
  return "";
}

SearchRequest Vindima() {
  SearchRequest request;
  request.query = "vindima";
  request.limit = kParagraphs;
  return request;
}

// A Searcher kept open sees what was committed after it was opened, from its next search on
// (the server keeps one Searcher per worker thread for as long as it runs).
TEST(ConcurrentSearchTest, ASearcherSeesEachCommitFromItsNextSearch) {
  std::string db = (FreshDir("fresh") / "db").string();
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
  ASSERT_TRUE(WriteState(writer.get(), 0).ok());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  for (int state = 0; state < 3; ++state) {
    if (state > 0) {
      ASSERT_TRUE(WriteState(writer.get(), state).ok());
    }
    SearchResponse response;
    Status s = searcher->Search(Vindima(), &response);
    ASSERT_TRUE(s.ok()) << s.ToString();
    int seen = -1;
    EXPECT_EQ(Inconsistency(response, &seen), "");
    EXPECT_EQ(seen, state);
  }
}

TEST(ConcurrentSearchTest, ReadersSeeWholeCommittedStatesWhileTheWriterCommits) {
  std::string db = (FreshDir("db") / "db").string();
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
  ASSERT_TRUE(WriteState(writer.get(), 0).ok());
  {
    // The construction holds: the first state, read alone, is consistent.
    std::unique_ptr<Searcher> searcher;
    ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
    SearchResponse response;
    ASSERT_TRUE(searcher->Search(Vindima(), &response).ok());
    int state = -1;
    ASSERT_EQ(Inconsistency(response, &state), "");
    ASSERT_EQ(state, 0);
  }

  // Generous for a loaded 2-core machine; the writer normally stops long before, as soon as
  // every reader has searched kMinSearches times and the control has met a modified database.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  constexpr int kReaders = 3;
  constexpr int kMinSearches = 30;
  constexpr int kMinCommits = 20;
  std::atomic<bool> stop{false};
  std::atomic<int> last_committed{0};
  std::atomic<int> control_errors{0};
  std::mutex mutex;  // guards what the readers report
  std::vector<int> searches(kReaders, 0), failures(kReaders, 0), torn(kReaders, 0);
  std::vector<std::set<int>> states_seen(kReaders);
  std::string first_problem;
  auto report = [&](const std::string& problem) {
    std::lock_guard<std::mutex> lock(mutex);
    if (first_problem.empty()) first_problem = problem;
  };

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&, r] {
      // Every thread body catches everything: an exception escaping a std::thread would end the
      // process, and the point is to prove that the Searcher lets none escape.
      try {
        std::unique_ptr<Searcher> searcher;
        for (int i = 0; !stop; ++i) {
          // Reader 0 keeps one Searcher throughout; the others also open a new one now and
          // then, which must work in the middle of commits too.
          if (!searcher || (r > 0 && i % 10 == 0)) {
            Status s = Searcher::Open(db, &searcher);
            if (!s.ok()) {
              report("open: " + s.ToString());
              std::lock_guard<std::mutex> lock(mutex);
              ++failures[r];
              searcher.reset();
              continue;
            }
          }
          SearchResponse response;
          Status s = searcher->Search(Vindima(), &response);
          int state = -1;
          std::string problem = s.ok() ? Inconsistency(response, &state) : "";
          std::lock_guard<std::mutex> lock(mutex);
          ++searches[r];
          if (!s.ok()) {
            ++failures[r];
            if (first_problem.empty()) first_problem = "search: " + s.ToString();
          } else if (!problem.empty()) {
            ++torn[r];
            if (first_problem.empty()) first_problem = problem;
          } else {
            states_seen[r].insert(state);
          }
        }
      } catch (const std::exception& e) {
        report(std::string("exception: ") + e.what());
        std::lock_guard<std::mutex> lock(mutex);
        ++failures[r];
      }
    });
  }

  // The control: a plain Xapian reader that never reopens by itself, reading every document as
  // the searchers do. That it meets DatabaseModifiedError shows the writer's commits do pull
  // revisions from under readers during this test, which the Searcher must survive.
  std::thread control([&] {
    try {
      Xapian::Database raw(db);
      while (!stop) {
        try {
          Xapian::Enquire enquire(raw);
          enquire.set_query(Xapian::Query::MatchAll);
          for (Xapian::docid docid : enquire.get_mset(0, kParagraphs)) {
            (void)raw.get_document(docid).get_data();
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        } catch (const Xapian::DatabaseModifiedError&) {
          ++control_errors;
          raw.reopen();
        }
      }
    } catch (const std::exception& e) {
      report(std::string("control: ") + e.what());
    } catch (const Xapian::Error& e) {
      report("control: " + e.get_description());
    }
  });

  Status write_status;
  int commits = 0;
  auto enough = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    for (int n : searches) {
      if (n < kMinSearches) return false;
    }
    return commits >= kMinCommits && control_errors > 0;
  };
  while (!enough() && std::chrono::steady_clock::now() < deadline) {
    write_status = WriteState(writer.get(), commits + 1);
    if (!write_status.ok()) break;
    last_committed = ++commits;
  }
  stop = true;
  for (auto& t : readers) t.join();
  control.join();

  ASSERT_TRUE(write_status.ok()) << write_status.ToString();
  EXPECT_GE(commits, kMinCommits);
  EXPECT_GT(control_errors, 0) << "the writer never disturbed a reader: the test proves nothing";
  EXPECT_EQ(first_problem, "");
  for (int r = 0; r < kReaders; ++r) {
    SCOPED_TRACE("reader " + std::to_string(r));
    EXPECT_GE(searches[r], kMinSearches);
    EXPECT_EQ(failures[r], 0);
    EXPECT_EQ(torn[r], 0);
    // Readers follow the writer rather than staying on the revision they opened.
    EXPECT_GT(states_seen[r].size(), 1u);
    EXPECT_LE(*states_seen[r].rbegin(), commits);
  }
  std::cout << "[          ] " << commits << " commits, " << control_errors
            << " DatabaseModifiedError(s) met by the control, searches per reader:";
  for (int n : searches) std::cout << " " << n;
  std::cout << "\n";
}

}  // namespace
}  // namespace portaria
