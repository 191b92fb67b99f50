// The portaria-index program interrupted and read from while it writes: kill -9 leaves the last
// commit and the next run finishes it; searches keep working through the indexer's commits.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/record.h"
#include "portaria/search.h"
#include "schema/record_codec.h"
#include "schema/terms.h"
#include "tests/batch_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using batch_fixtures::DocCount;
using batch_fixtures::GenerateJsonLines;
using batch_fixtures::HaveXapianCheck;
using batch_fixtures::IdsIn;
using batch_fixtures::Index;
using batch_fixtures::IndexRun;
using batch_fixtures::Manifest;
using batch_fixtures::Search;
using testing::BinDir;
using testing::FreshDir;
using testing::ReadFileToString;
using testing::RunCommand;
using testing::SharedDir;
using testing::ShellQuote;
using testing::SourceDir;
using testing::Spawn;

// Exit status of `pid`, or -1 if it was killed by a signal.
int WaitFor(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool StillRunning(pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) == 0; }

// The input for the tests that need a run long enough to interrupt or to search during: the
// real corpora when ../shared is there, else a generated folder.
std::vector<fs::path> BigInput(const fs::path& base) {
  fs::path shared = SharedDir();
  if (!shared.empty() && fs::is_directory(shared / "corpus" / "br-akn")) {
    return {SourceDir() / "corpus", shared / "corpus" / "br-akn"};
  }
  GenerateJsonLines(base / "generated", 150, 60);
  return {base / "generated"};
}

// Polls `done` every 20 ms for up to `seconds`.
template <typename F>
bool WaitUntil(F done, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(BatchTest, KillNineLeavesTheLastCommitAndTheNextRunFinishes) {
  if (!HaveXapianCheck()) GTEST_SKIP() << "xapian-check (xapian-tools) not installed";
  fs::path base = FreshDir("kill");
  fs::path db = base / "db";
  std::vector<fs::path> inputs = BigInput(base);
  std::vector<std::string> args = {(BinDir() / "portaria-index").string(), "--db", db.string(),
                                   "--batch", "300"};
  for (const auto& in : inputs) args.push_back(in.string());

  pid_t pid = Spawn(args, base / "killed.log");
  ASSERT_GT(pid, 0);
  std::size_t committed = 0;
  bool seen = WaitUntil(
      [&] {
        try {
          committed = DocCount(db);
        } catch (const Xapian::Error&) {
          committed = 0;  // not created yet
        }
        return committed > 0 || !StillRunning(pid);
      },
      120);
  ::kill(pid, SIGKILL);
  int status = WaitFor(pid);
  ASSERT_TRUE(seen) << "no commit within the timeout";
  ASSERT_EQ(status, -1) << "the indexer finished before it could be killed; input too small? "
                        << ReadFileToString(base / "killed.log");

  std::string out;
  ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(db.string()) + " 2>&1", &out), 0) << out;
  // Files and their manifest entries were committed together: every recorded file has exactly
  // its paragraphs in the database, and no paragraph belongs to an unrecorded file.
  auto manifest = Manifest(db);
  ASSERT_FALSE(manifest.empty());
  std::size_t recorded = 0;
  std::string committed_word;
  {
    Xapian::Database d(db.string());
    for (const auto& [path, paragraphs] : manifest) {
      EXPECT_EQ(d.get_termfreq(schema::FileTerm(path)), paragraphs) << path;
      recorded += paragraphs;
    }
    EXPECT_EQ(d.get_doccount(), recorded);
    // What the last commit holds is searchable: a word of one of its paragraphs finds something.
    // Which paragraphs those are depends on the walk, which sorts by path, and ../shared may
    // sort before or after the checkout (before /work/wt-fuzz, so no "pensões" of the seed page).
    Paragraph committed;
    ASSERT_TRUE(schema::DecodeRecord(d.get_document(*d.postlist_begin("")).get_data(), &committed));
    std::string word, longest;
    for (char c : committed.text + " ") {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalpha(byte) || byte >= 0x80) {  // whole words: accented letters included
        word += c;
      } else {
        if (word.size() > longest.size()) longest = word;
        word.clear();
      }
    }
    ASSERT_GE(longest.size(), 5u) << committed.text;
    committed_word = longest;
  }
  EXPECT_FALSE(Search(db, committed_word).empty()) << committed_word;

  // The lock dies with the killed writer (Xapian's lock holder notices its parent is gone).
  IndexRun second;
  ASSERT_TRUE(WaitUntil(
      [&] {
        second = Index(db, inputs);
        return second.err.find("locked") == std::string::npos;
      },
      30));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.summary["unchanged"].get<std::size_t>(), manifest.size());
  EXPECT_EQ(second.summary["failed"], 0);
  const std::set<std::string> ids = IdsIn(inputs);
  Xapian::Database d(db.string());
  EXPECT_EQ(d.get_doccount(), ids.size());
  for (const auto& id : ids) ASSERT_TRUE(d.term_exists(schema::IdTerm(id))) << id;
  ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(db.string()) + " 2>&1", &out), 0) << out;
}

TEST(BatchTest, SearchesKeepWorkingWhileTheIndexerWrites) {
  fs::path base = FreshDir("concurrent");
  fs::path db = base / "db";
  ASSERT_EQ(Index(db, {SourceDir() / "corpus"}).exit_code, 0);
  // Generated even when the real corpora are there: it commits as often, in a fraction of the
  // time.
  GenerateJsonLines(base / "generated", 150, 60);
  std::vector<fs::path> inputs = {base / "generated"};
  std::vector<std::string> args = {(BinDir() / "portaria-index").string(), "--db", db.string(),
                                   "--batch", "1000"};
  for (const auto& in : inputs) args.push_back(in.string());

  // One Searcher kept open across the writer's commits (it must reopen by itself), opened and
  // asked once before the writer starts, so that what it sees afterwards does not depend on how
  // the two processes are scheduled; and now and then one opened afresh.
  SearchRequest request;
  request.query = "pagar pensões";
  std::unique_ptr<Searcher> kept;
  ASSERT_TRUE(Searcher::Open(db.string(), &kept).ok());
  SearchResponse before;
  ASSERT_TRUE(kept->Search(request, &before).ok());

  pid_t pid = Spawn(args, base / "writer.log");
  ASSERT_GT(pid, 0);
  std::atomic<bool> stop{false};
  int searches = 0, failures = 0;
  std::string first_failure;
  std::thread reader([&] {
    for (int i = 0; !stop; ++i) {
      std::unique_ptr<Searcher> fresh;
      Searcher* searcher = kept.get();
      if (i % 8 == 7) {
        Status s = Searcher::Open(db.string(), &fresh);
        if (!s.ok()) {
          if (first_failure.empty()) first_failure = s.ToString();
          ++failures;
          continue;
        }
        searcher = fresh.get();
      }
      SearchResponse response;
      Status s = searcher->Search(request, &response);
      if (!s.ok() || response.hits.empty()) {
        if (first_failure.empty()) first_failure = s.ToString();
        ++failures;
      }
      ++searches;
    }
  });
  int writer_status = WaitFor(pid);
  stop = true;
  reader.join();
  EXPECT_EQ(writer_status, 0) << ReadFileToString(base / "writer.log");
  EXPECT_EQ(failures, 0) << first_failure << " (" << searches << " searches)";
  // The searcher opened before the writer sees what it wrote: it reopened by itself.
  SearchResponse after;
  ASSERT_TRUE(kept->Search(request, &after).ok());
  EXPECT_GT(after.total, before.total);
}

}  // namespace
}  // namespace portaria
