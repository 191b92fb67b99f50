// Sharded databases written by portaria-index --shards (schema/shards.h, docs/scaling.md): each
// paragraph in the shard its id routes to, re-runs that touch only what changed, a count that
// differs refused, and kill -9 leaving every shard at its last commit.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "schema/record_codec.h"
#include "schema/schema.h"
#include "schema/shards.h"
#include "schema/terms.h"
#include "tests/batch_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using batch_fixtures::Index;
using batch_fixtures::IndexRun;
using testing::BinDir;
using testing::FreshDir;
using testing::ReadFileToString;
using testing::RunCommand;
using testing::SharedDir;
using testing::ShellQuote;
using testing::SourceDir;
using testing::Spawn;
using testing::WriteStringToFile;

fs::path ShardPath(const fs::path& db, std::size_t k) { return db / schema::ShardDirName(k); }

std::string JsonLine(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}, {"unit", "Centro Nacional de Pensões"}}.dump() +
         "\n";
}

// `records` records of varied text with ids PREFIX:0 ... into `file`.
void WriteRecords(const fs::path& file, const std::string& prefix, int records,
                  const std::string& extra = "") {
  static const char* const kThings[] = {"pensões de invalidez", "subsídios de doença",
                                        "contribuições", "prestações familiares",
                                        "processos de contraordenação"};
  std::string content;
  for (int r = 0; r < records; ++r) {
    content += JsonLine(prefix + ":" + std::to_string(r),
                        "Compete ao serviço " + std::to_string(r) + " gerir as " + kThings[r % 5] +
                            " do distrito " + prefix + extra + ".");
  }
  WriteStringToFile(file, content);
}

// Every paragraph of one shard: id -> (docid, stored data).
std::map<std::string, std::pair<Xapian::docid, std::string>> Contents(const fs::path& shard) {
  Xapian::Database d(shard.string());
  std::map<std::string, std::pair<Xapian::docid, std::string>> out;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    Xapian::Document doc = d.get_document(*it);
    Paragraph p;
    EXPECT_TRUE(schema::DecodeRecord(doc.get_data(), &p));
    out[p.id] = {*it, doc.get_data()};
  }
  return out;
}

// Checks one shard against its manifest: every recorded file has exactly the paragraphs the
// manifest says in this shard, every paragraph belongs to a recorded file, and every paragraph
// routes here. Returns the ids it holds.
std::set<std::string> CheckShard(const fs::path& db, std::size_t k, std::size_t count) {
  SCOPED_TRACE(ShardPath(db, k).string());
  Xapian::Database d(ShardPath(db, k).string());
  std::size_t recorded = 0;
  std::string prefix(schema::kMetaManifestPrefix);
  for (auto it = d.metadata_keys_begin(prefix); it != d.metadata_keys_end(prefix); ++it) {
    auto entry = nlohmann::json::parse(d.get_metadata(*it));
    std::size_t paragraphs = entry["paragraphs"].get<std::size_t>();
    EXPECT_EQ(d.get_termfreq(schema::FileTerm(entry["path"].get<std::string>())), paragraphs)
        << entry.dump();
    recorded += paragraphs;
  }
  EXPECT_EQ(d.get_doccount(), recorded);
  std::set<std::string> ids;
  for (const auto& [id, where] : Contents(ShardPath(db, k))) {
    EXPECT_EQ(schema::ShardOf(id, count), k) << id;
    ids.insert(id);
  }
  return ids;
}

TEST(ShardTest, RoutingIsAStableFunctionOfTheIdAlone) {
  // The shard is the id's stored digest (HashHex, the one the manifest and hashed terms keep)
  // modulo the count: no per-process seed, nothing that could change between runs or builds
  // without changing what every database already holds.
  for (const char* id : {"a", "page:iss-servicos#x/p1", "gen:17:3", ""}) {
    for (std::size_t n : {2u, 3u, 7u}) {
      EXPECT_EQ(schema::ShardOf(id, n), std::stoull(schema::HashHex(id), nullptr, 16) % n)
          << id << " " << n;
      EXPECT_LT(schema::ShardOf(id, n), n);
    }
  }
  EXPECT_EQ(schema::ShardOf("anything", 1), 0u);
  // Every shard gets a share: a hash, not a constant.
  std::map<std::size_t, int> load;
  for (int i = 0; i < 1000; ++i) ++load[schema::ShardOf("gen:" + std::to_string(i), 4)];
  ASSERT_EQ(load.size(), 4u);
  for (const auto& [shard, n] : load) EXPECT_GT(n, 150) << shard;
}

TEST(ShardTest, EveryParagraphIsInTheShardItsIdRoutesToAndSearchesSeeThemAll) {
  fs::path base = FreshDir("shard-route");
  fs::path in = base / "in";
  fs::create_directories(in);
  fs::copy(SourceDir() / "corpus", in / "pages", fs::copy_options::recursive);
  WriteRecords(in / "a.jsonl", "a", 40);
  fs::path db = base / "db", single = base / "single";
  IndexRun run = Index(db, {in}, "--shards 2");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_TRUE(fs::exists(db / schema::kStubFileName));
  std::set<std::string> all;
  for (std::size_t k = 0; k < 2; ++k) {
    std::set<std::string> ids = CheckShard(db, k, 2);
    EXPECT_FALSE(ids.empty()) << k;
    all.insert(ids.begin(), ids.end());
  }
  // The same as one writer makes, counted once in the summary.
  IndexRun one = Index(single, {in}, "");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(all.size(), Xapian::Database(single.string()).get_doccount());
  for (const char* field : {"files", "indexed", "unchanged", "failed", "added"}) {
    EXPECT_EQ(run.summary[field], one.summary[field]) << field;
  }
  // The directory opens as one database, through Xapian's stub.
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), all.size());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db.string(), &searcher).ok());
  std::size_t count = 0;
  ASSERT_TRUE(searcher->CountParagraphs(&count).ok());
  EXPECT_EQ(count, all.size());
}

// --compact compacts each shard in its place: every shard keeps its paragraphs, the stub still
// names them, and the next run finds every file unchanged.
TEST(ShardTest, CompactCompactsEveryShardInPlace) {
  fs::path base = FreshDir("shard-compact");
  fs::path in = base / "in";
  fs::create_directories(in);
  fs::copy(SourceDir() / "corpus", in / "pages", fs::copy_options::recursive);
  WriteRecords(in / "a.jsonl", "a", 40);
  fs::path db = base / "db";
  ASSERT_EQ(Index(db, {in}, "--shards 2").exit_code, 0);
  std::set<std::string> before[2];
  for (std::size_t k = 0; k < 2; ++k) before[k] = CheckShard(db, k, 2);
  IndexRun run = Index(db, {in}, "--compact");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.summary["compacted"], true);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(CheckShard(db, k, 2), before[k]) << k;
    EXPECT_FALSE(fs::exists(ShardPath(db, k).string() + ".compacted-away")) << k;
  }
  EXPECT_EQ(Xapian::Database(db.string()).get_doccount(), before[0].size() + before[1].size());
  EXPECT_EQ(Index(db, {in}, "").summary["indexed"], 0);
}

TEST(ShardTest, ReindexingAChangedFileTouchesOnlyItsParagraphs) {
  fs::path base = FreshDir("shard-reindex");
  fs::path in = base / "in";
  fs::create_directories(in);
  WriteRecords(in / "a.jsonl", "a", 30);
  WriteRecords(in / "b.jsonl", "b", 30);
  fs::path db = base / "db";
  ASSERT_EQ(Index(db, {in}, "--shards 2").exit_code, 0);
  std::vector<std::map<std::string, std::pair<Xapian::docid, std::string>>> before = {
      Contents(ShardPath(db, 0)), Contents(ShardPath(db, 1))};

  // a.jsonl: records 0-19 change text, 20-29 are gone, a:30-34 are new. b.jsonl is untouched.
  WriteRecords(in / "a.jsonl", "a", 20, " (revisto)");
  std::string more;
  for (int r = 30; r < 35; ++r) more += JsonLine("a:" + std::to_string(r), "Registo novo.");
  WriteStringToFile(in / "a.jsonl", ReadFileToString(in / "a.jsonl") + more);

  IndexRun run = Index(db, {in}, "");  // no --shards: the directory says it is sharded
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.summary["indexed"], 1);
  EXPECT_EQ(run.summary["unchanged"], 1);
  EXPECT_EQ(run.summary["replaced"], 20);
  EXPECT_EQ(run.summary["added"], 5);
  EXPECT_EQ(run.summary["deleted"], 10);
  std::set<std::string> all;
  for (std::size_t k = 0; k < 2; ++k) {
    SCOPED_TRACE(k);
    std::set<std::string> ids = CheckShard(db, k, 2);
    all.insert(ids.begin(), ids.end());
    auto after = Contents(ShardPath(db, k));
    for (const auto& [id, was] : before[k]) {
      if (id.starts_with("b:")) {
        ASSERT_TRUE(after.count(id)) << id;
        EXPECT_EQ(after[id], was) << id << ": same document, same docid";
      } else if (std::stoi(id.substr(2)) < 20) {
        ASSERT_TRUE(after.count(id)) << id;
        EXPECT_NE(after[id].second, was.second) << id << ": rewritten";
      } else {
        EXPECT_FALSE(after.count(id)) << id << ": deleted";
      }
    }
  }
  EXPECT_EQ(all.size(), 30u + 20u + 5u);
  for (int r = 30; r < 35; ++r) EXPECT_TRUE(all.count("a:" + std::to_string(r))) << r;

  // And a third run has nothing to do in any shard.
  IndexRun again = Index(db, {in}, "--shards 2");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.summary["unchanged"], 2);
  EXPECT_EQ(again.summary["commits"], 0);
}

TEST(ShardTest, AShardCountThatDiffersFromTheDatabasesIsAClearError) {
  fs::path base = FreshDir("shard-count");
  fs::path in = base / "in";
  fs::create_directories(in);
  WriteRecords(in / "a.jsonl", "a", 10);
  ASSERT_EQ(Index(base / "sharded", {in}, "--shards 2").exit_code, 0);
  ASSERT_EQ(Index(base / "single", {in}, "").exit_code, 0);

  IndexRun three = Index(base / "sharded", {in}, "--shards 3");
  EXPECT_EQ(three.exit_code, 2);
  EXPECT_NE(three.err.find("has 2 shards, not the 3 asked for"), std::string::npos) << three.err;
  EXPECT_NE(three.err.find((base / "sharded").string()), std::string::npos) << three.err;
  IndexRun onto_single = Index(base / "single", {in}, "--shards 2");
  EXPECT_EQ(onto_single.exit_code, 2);
  EXPECT_NE(onto_single.err.find("not sharded"), std::string::npos) << onto_single.err;
  // The control: the matching counts are accepted.
  EXPECT_EQ(Index(base / "sharded", {in}, "--shards 2").exit_code, 0);
  EXPECT_EQ(Index(base / "single", {in}, "--shards 1").exit_code, 0);
}

TEST(ShardTest, ASecondIndexerIsToldTheShardedDatabaseIsLocked) {
  fs::path db = FreshDir("shard-locked") / "db";
  std::unique_ptr<IndexWriter> first, second;
  ASSERT_TRUE(IndexWriter::Open(db.string(), 2, &first).ok());
  Status s = IndexWriter::Open(db.string(), &second);
  EXPECT_EQ(s.code(), Status::Code::kLocked) << s.ToString();
}

std::size_t CommittedIn(const fs::path& shard) {
  try {
    return Xapian::Database(shard.string()).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;  // not created yet
  }
}

// The sharded variant of BatchTest.KillNineLeavesTheLastCommitAndTheNextRunFinishes: each shard
// commits on its own, so after kill -9 each is at its own last commit, consistent with its own
// manifest, and the next run finishes what each shard lacks.
TEST(ShardTest, KillNineLeavesEveryShardAtItsLastCommitAndTheNextRunFinishes) {
  if (RunCommand("command -v xapian-check >/dev/null 2>&1", nullptr) != 0) {
    GTEST_SKIP() << "xapian-check (xapian-tools) not installed";
  }
  fs::path base = FreshDir("shard-kill");
  fs::path db = base / "db";
  std::vector<fs::path> inputs = {SourceDir() / "corpus"};
  if (!SharedDir().empty() && fs::is_directory(SharedDir() / "corpus" / "br-akn")) {
    inputs.push_back(SharedDir() / "corpus" / "br-akn");
  } else {
    fs::create_directories(base / "generated");
    for (int f = 0; f < 150; ++f) {
      WriteRecords(base / "generated" / ("part-" + std::to_string(1000 + f) + ".jsonl"),
                   "g" + std::to_string(f), 60);
    }
    inputs.push_back(base / "generated");
  }
  std::vector<std::string> args = {(BinDir() / "portaria-index").string(),
                                   "--db",
                                   db.string(),
                                   "--shards",
                                   "2",
                                   "--batch",
                                   "150"};
  for (const auto& in : inputs) args.push_back(in.string());
  pid_t pid = Spawn(args, base / "killed.log");
  ASSERT_GT(pid, 0);
  bool seen = false;
  for (int i = 0; i < 6000 && !seen; ++i) {  // up to 120 s: a commit in a shard, or the end
    seen = CommittedIn(ShardPath(db, 0)) + CommittedIn(ShardPath(db, 1)) > 0 ||
           ::waitpid(pid, nullptr, WNOHANG) == pid;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  bool killed = ::waitpid(pid, &status, 0) == pid && WIFSIGNALED(status);
  ASSERT_TRUE(seen) << "no commit within the timeout";
  ASSERT_TRUE(killed) << "the indexer finished before it could be killed; input too small? "
                      << ReadFileToString(base / "killed.log");

  std::string out;
  for (std::size_t k = 0; k < 2; ++k) {
    ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(ShardPath(db, k).string()) + " 2>&1", &out),
              0)
        << out;
    CheckShard(db, k, 2);
  }
  // The next run (the lock dies with the killed writer; retried until Xapian notices).
  IndexRun second;
  for (int i = 0; i < 300; ++i) {
    second = Index(db, inputs, "");
    if (second.err.find("locked") == std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(second.exit_code, 0) << second.err;
  std::set<std::string> expected;
  for (const auto& in : inputs) {
    for (const auto& entry : fs::recursive_directory_iterator(in)) {
      if (!entry.is_regular_file()) continue;
      if (indexer::FormatForPath(entry.path()) == indexer::Format::kUnknown) continue;
      for (const auto& p : indexer::ReadFile(entry.path()).paragraphs) expected.insert(p.id);
    }
  }
  std::set<std::string> all;
  for (std::size_t k = 0; k < 2; ++k) {
    std::set<std::string> ids = CheckShard(db, k, 2);
    all.insert(ids.begin(), ids.end());
    ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(ShardPath(db, k).string()) + " 2>&1", &out),
              0)
        << out;
  }
  EXPECT_EQ(all, expected);
}

}  // namespace
}  // namespace portaria
