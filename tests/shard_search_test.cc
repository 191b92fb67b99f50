// Searching several databases as one (Searcher::Open with several locations, --db repeated in
// portaria-search and portaria-server): the same questions give the same ranked ids, scores,
// totals and facets over one database holding everything, the same content split in two served
// by two xapian-tcpsrv, a --shards 2 directory, and mixes of these; a remote database that is
// down or silent is a clear error naming it (docs/scaling.md).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "gtest/gtest.h"
#include "portaria/search.h"
#include "schema/shards.h"
#include "tests/server_process.h"
#include "tests/tcpsrv_process.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using testing::BinDir;
using testing::FreshDir;
using testing::RunCommand;
using testing::SharedDir;
using testing::ShellQuote;
using testing::SourceDir;
using testing::TcpServer;

// The ten questions of the comparison: ranked questions over both corpora, a phrase, filters, a
// citation-only listing and grouping by diploma.
const char* const kQueries[] = {
    "quem paga pensões",
    "avaliação de desempenho",
    "qual é o número de telefone da segurança social",
    "direitos do consumidor",
    "proteção de dados pessoais",
    "\"pagar pensões\"",
    "unidade:\"centros distritais\" alínea:b",
    "Portaria 102/2017",
    "prazo para apresentar recurso",
    "crimes contra a ordem tributária",
};

::testing::AssertionResult IndexInto(const fs::path& db, const std::vector<fs::path>& inputs,
                                     const std::string& flags = "") {
  std::string command = ShellQuote((BinDir() / "portaria-index").string()) + " -q --db " +
                        ShellQuote(db.string()) + " " + flags;
  for (const auto& in : inputs) command += " " + ShellQuote(in.string());
  std::string out;
  if (RunCommand(command + " 2>&1", &out) != 0) {
    return ::testing::AssertionFailure() << command << ": " << out;
  }
  return ::testing::AssertionSuccess();
}

// The databases every layout is built from: `whole` holds both parts; `sharded` is the same
// through --shards 2, whose two shards are also the content split in two that two
// xapian-tcpsrv serve.
struct Databases {
  fs::path whole, sharded;
  fs::path Shard(int k) const { return sharded / schema::ShardDirName(k); }
  TcpServer first_server, second_server;  // shard-0, shard-1
};
Databases* dbs = nullptr;

// Every test of this program is its own process under ctest, so the databases are built once
// for all of them, under a lock (ctest -j runs two at once), and rebuilt when portaria-index is.
::testing::AssertionResult BuildOnce(const fs::path& base, const std::vector<fs::path>& parts,
                                     const Databases& d) {
  fs::create_directories(base);
  int lock = ::open((base / ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    return ::testing::AssertionFailure() << "cannot lock " << base;
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }  // closing releases the lock
  } unlock{lock};
  std::error_code ec;
  auto stamp = fs::last_write_time(BinDir() / "portaria-index", ec).time_since_epoch().count();
  std::string key = std::to_string(stamp);
  for (const auto& p : parts) key += "\n" + p.string();
  if (testing::ReadFileToString(base / "built") == key) return ::testing::AssertionSuccess();
  fs::remove_all(d.whole, ec);
  fs::remove_all(d.sharded, ec);
  if (auto r = IndexInto(d.whole, parts); !r) return r;
  if (auto r = IndexInto(d.sharded, parts, "--shards 2"); !r) return r;
  testing::WriteStringToFile(base / "built", key);
  return ::testing::AssertionSuccess();
}

// The servers are stopped and reaped when the test program ends, however it ends normally.
class StopServers : public ::testing::Environment {
 public:
  void TearDown() override {
    delete dbs;
    dbs = nullptr;
  }
};
[[maybe_unused]] ::testing::Environment* const kStopServers =
    ::testing::AddGlobalTestEnvironment(new StopServers);

// Both suites below share the databases, built by whichever runs first.
class ShardSearchTest : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    if (dbs != nullptr || !testing::HaveXapianTcpsrv()) return;  // else each test skips
    // Kept between the test processes (see BuildOnce), beside the tests' scratch directories.
    fs::path base = FreshDir("shard-search").parent_path() / "shard-search-cache";
    std::vector<fs::path> parts = {SourceDir() / "corpus"};
    if (!SharedDir().empty() && fs::is_directory(SharedDir() / "corpus" / "br-akn")) {
      parts.push_back(SharedDir() / "corpus" / "br-akn");
    } else {
      // Without ../shared: a second part of generated records, so the split is still a split.
      fs::create_directories(base / "generated");
      fs::path tmp = base / ("records." + std::to_string(::getpid()));
      std::ofstream out(tmp);
      for (int r = 0; r < 200; ++r) {
        out << nlohmann::json{{"id", "gen:" + std::to_string(r)},
                              {"text",
                               "O consumidor tem direito a apresentar recurso no prazo de " +
                                   std::to_string(r % 30 + 1) + " dias."},
                              {"unit", r % 2 ? "Direção-Geral do Consumidor" : "Tribunal"}}
                   .dump()
            << "\n";
      }
      out.close();
      fs::rename(tmp, base / "generated" / "records.jsonl");  // whole, whoever writes it
      parts.push_back(base / "generated");
    }
    auto d = std::make_unique<Databases>();
    d->whole = base / "whole";
    d->sharded = base / "sharded";
    ASSERT_TRUE(BuildOnce(base, parts, *d));
    ASSERT_TRUE(d->first_server.Start(d->Shard(0).string())) << "xapian-tcpsrv did not start";
    ASSERT_TRUE(d->second_server.Start(d->Shard(1).string())) << "xapian-tcpsrv did not start";
    dbs = d.release();
  }

 protected:
  void SetUp() override {
    if (!testing::HaveXapianTcpsrv()) GTEST_SKIP() << "xapian-tcpsrv (xapian-tools) not found";
    ASSERT_NE(dbs, nullptr) << "the suite's databases could not be built";
  }

  // The locations of a layout, by name.
  static std::vector<std::string> Layout(const std::string& name) {
    if (name == "whole") return {dbs->whole.string()};
    if (name == "two_remote") return {dbs->first_server.location(), dbs->second_server.location()};
    if (name == "sharded") return {dbs->sharded.string()};
    if (name == "local_and_remote") return {dbs->Shard(0).string(), dbs->second_server.location()};
    if (name == "shards_one_by_one") return {dbs->Shard(0).string(), dbs->Shard(1).string()};
    ADD_FAILURE() << "no layout " << name;
    return {};
  }

  static SearchResponse Search(Searcher* searcher, const std::string& query, bool group) {
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    request.group = group;
    SearchResponse response;
    Status s = searcher->Search(request, &response);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return response;
  }
};

// The table: the layouts, each given every query.
class ShardLayoutTest : public ShardSearchTest,
                        public ::testing::WithParamInterface<const char*> {};

// Every query, plain and grouped by diploma, through the layout against the whole.
TEST_P(ShardLayoutTest, TheSameQueriesGiveTheSameRankingAsOneDatabase) {
  std::unique_ptr<Searcher> whole, layout;
  ASSERT_TRUE(Searcher::Open(Layout("whole"), &whole).ok());
  Status s = Searcher::Open(Layout(GetParam()), &layout);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::size_t whole_count = 0, layout_count = 0;
  ASSERT_TRUE(whole->CountParagraphs(&whole_count).ok());
  ASSERT_TRUE(layout->CountParagraphs(&layout_count).ok());
  EXPECT_EQ(layout_count, whole_count);
  std::size_t non_empty = 0;
  for (const char* query : kQueries) {
    for (bool group : {false, true}) {
      SCOPED_TRACE(std::string(query) + (group ? " (grouped)" : ""));
      SearchResponse expected = Search(whole.get(), query, group);
      SearchResponse got = Search(layout.get(), query, group);
      ASSERT_EQ(got.hits.size(), expected.hits.size());
      non_empty += !expected.hits.empty();
      for (std::size_t i = 0; i < got.hits.size(); ++i) {
        EXPECT_EQ(got.hits[i].paragraph.id, expected.hits[i].paragraph.id) << i;
        EXPECT_NEAR(got.hits[i].score, expected.hits[i].score,
                    1e-9 * std::max(1.0, expected.hits[i].score))
            << i;
      }
      EXPECT_EQ(got.total_exact, expected.total_exact);
      if (expected.total_exact) {
        EXPECT_EQ(got.total, expected.total);
      }
      EXPECT_EQ(got.facets_exact, expected.facets_exact);
      EXPECT_EQ(got.facets, expected.facets);
      EXPECT_EQ(got.suggestion, expected.suggestion);
    }
  }
  EXPECT_GE(non_empty, 16u) << "most questions must find something, or the check checks little";
}

// The same through portaria-search with --db repeated: one JSON line per query, the same ids.
TEST_P(ShardLayoutTest, TheCliWithRepeatedDbAnswersAsOneDatabase) {
  fs::path dir = FreshDir(std::string("shard-cli-") + GetParam());
  {
    std::ofstream out(dir / "queries.txt");
    for (const char* q : kQueries) out << q << "\n";
  }
  auto run = [&](const std::vector<std::string>& locations) {
    std::string command = ShellQuote((BinDir() / "portaria-search").string()) + " --limit 20";
    for (const auto& l : locations) command += " --db " + ShellQuote(l);
    command += " --queries-from " + ShellQuote((dir / "queries.txt").string()) + " 2>&1";
    std::string out;
    EXPECT_EQ(RunCommand(command, &out), 0) << out;
    std::vector<std::vector<std::string>> ids;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << line;
      if (j.is_discarded()) continue;
      ids.emplace_back();
      for (const auto& r : j["results"]) ids.back().push_back(r["id"].get<std::string>());
    }
    return ids;
  };
  auto expected = run(Layout("whole"));
  ASSERT_EQ(expected.size(), std::size(kQueries));
  EXPECT_EQ(run(Layout(GetParam())), expected);
}

INSTANTIATE_TEST_SUITE_P(Layouts, ShardLayoutTest,
                         ::testing::Values("two_remote", "sharded", "local_and_remote",
                                           "shards_one_by_one"));

// portaria-server with --db repeated serves the layout as one database, /health counting all.
TEST_F(ShardSearchTest, TheServerWithRepeatedDbAnswersAsOneDatabase) {
  testing::ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start(dbs->first_server.location(),
                           {"--db", dbs->second_server.location(), "--threads", "2"}, &error))
      << error;
  ASSERT_TRUE(server.WaitUntilServing());
  httplib::Client client("127.0.0.1", server.port());
  // A question over remote databases makes many round trips (docs/scaling.md): seconds on a
  // loaded machine, past the client's default wait of 5 s.
  client.set_read_timeout(120, 0);
  std::unique_ptr<Searcher> whole;
  ASSERT_TRUE(Searcher::Open(Layout("whole"), &whole).ok());
  std::size_t paragraphs = 0;
  ASSERT_TRUE(whole->CountParagraphs(&paragraphs).ok());
  auto health = client.Get("/health");
  ASSERT_TRUE(health);
  ASSERT_EQ(health->status, 200) << health->body;
  EXPECT_EQ(nlohmann::json::parse(health->body)["paragraphs"], paragraphs);
  for (const char* query : {"quem paga pensões", "direitos do consumidor"}) {
    SCOPED_TRACE(query);
    auto res = client.Get("/search?limit=20&q=" + httplib::detail::encode_query_param(query));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto body = nlohmann::json::parse(res->body);
    SearchResponse expected = Search(whole.get(), query, false);
    ASSERT_EQ(body["results"].size(), expected.hits.size());
    for (std::size_t i = 0; i < expected.hits.size(); ++i) {
      EXPECT_EQ(body["results"][i]["id"], expected.hits[i].paragraph.id) << i;
    }
  }
}

// A remote database that goes down: the search fails with kIOError naming it (no partial
// answer), opening fails the same way, and once a server answers there again the same Searcher
// recovers by itself.
TEST_F(ShardSearchTest, ADeadRemoteDatabaseIsAClearErrorAndTheSearcherRecovers) {
  TcpServer server;
  ASSERT_TRUE(server.Start(dbs->Shard(1).string()));
  std::vector<std::string> locations = {dbs->Shard(0).string(), server.location()};
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(locations, &searcher).ok());
  SearchRequest request;
  request.query = "quem paga pensões";
  SearchResponse response;
  Status s = searcher->Search(request, &response);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_FALSE(response.hits.empty());

  int port = server.port();
  server.Stop();
  s = searcher->Search(request, &response);
  EXPECT_EQ(s.code(), Status::Code::kIOError) << s.ToString();
  EXPECT_NE(s.ToString().find(server.location()), std::string::npos) << s.ToString();
  EXPECT_TRUE(response.hits.empty()) << "no partial answer";
  std::unique_ptr<Searcher> fresh;
  s = Searcher::Open(locations, &fresh);
  EXPECT_EQ(s.code(), Status::Code::kIOError) << s.ToString();
  EXPECT_NE(s.ToString().find(server.location()), std::string::npos) << s.ToString();
  EXPECT_NE(s.ToString().find("cannot reach"), std::string::npos) << s.ToString();

  // The port is ours again (its last user was this test's server).
  ASSERT_TRUE(server.Start(dbs->Shard(1).string(), port)) << "port " << port << " was taken";
  s = searcher->Search(request, &response);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(response.hits.empty());
}

// A remote "database" that accepts the connection and never says a word: the connect timeout
// ends the wait with kIOError naming it, rather than hanging the caller.
TEST_F(ShardSearchTest, ASilentRemoteDatabaseTimesOutWithAClearError) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  struct Close {
    int fd;
    ~Close() { ::close(fd); }
  } close_fd{fd};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  ASSERT_EQ(::listen(fd, 8), 0);  // the kernel completes connections; nobody answers them
  std::string location = "tcp://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  RemoteOptions remote;
  remote.connect_timeout_ms = remote.timeout_ms = 300;
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open({dbs->Shard(0).string(), location}, &searcher, remote);
  EXPECT_EQ(s.code(), Status::Code::kIOError) << s.ToString();
  EXPECT_NE(s.ToString().find(location), std::string::npos) << s.ToString();
  EXPECT_EQ(searcher, nullptr);
}

TEST_F(ShardSearchTest, BadLocationsAreClearErrors) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(std::vector<std::string>{}, &searcher);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << s.ToString();
  for (const char* bad : {"tcp://127.0.0.1", "tcp://127.0.0.1:0", "tcp://:80", "tcp://h:99999"}) {
    s = Searcher::Open({dbs->Shard(0).string(), bad}, &searcher);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << bad << ": " << s.ToString();
    EXPECT_NE(s.ToString().find(bad), std::string::npos) << s.ToString();
  }
  s = Searcher::Open({dbs->Shard(0).string(), (FreshDir("shard-none") / "nothing").string()},
                     &searcher);
  EXPECT_EQ(s.code(), Status::Code::kNotFound) << s.ToString();
}

}  // namespace
}  // namespace portaria
