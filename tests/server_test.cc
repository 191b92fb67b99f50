// portaria-server end to end: a real server process on a loopback port over a freshly indexed
// corpus, asked through httplib::Client. /search must answer what portaria-search --json does.
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::BinDir;
using testing::FreshDir;
using testing::IndexSeedCorpus;
using testing::RunCommand;
using testing::ServerProcess;
using testing::ShellQuote;
using testing::SourceDir;

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string;
    ASSERT_TRUE(IndexSeedCorpus("server-db", db_, &paragraphs_));
    server_ = new ServerProcess;
    std::string error;
    ASSERT_TRUE(server_->Start(*db_, {"--threads", "8"}, &error)) << error;
    ASSERT_TRUE(server_->WaitUntilServing());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_;
  }

  void SetUp() override {
    if (server_ == nullptr || server_->port() == 0) GTEST_SKIP() << "server did not start";
  }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    return client;
  }

  // GET path; the body parsed as JSON (discarded if not JSON).
  static nlohmann::json GetJson(const std::string& path, int* status) {
    auto res = Client().Get(path);
    if (!res) {
      *status = -1;
      return nullptr;
    }
    *status = res->status;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  static std::string SearchPath(const std::string& q, const std::string& extra = "") {
    return "/search?q=" + httplib::detail::encode_query_param(q) + extra;
  }

  static nlohmann::json Cli(const std::string& q, const std::string& args = "") {
    std::string out;
    int rc = RunCommand((BinDir() / "portaria-search").string() + " --db " + *db_ + " --json " +
                            args + " " + ShellQuote(q),
                        &out);
    EXPECT_EQ(rc, 0) << out;
    return nlohmann::json::parse(out, nullptr, false);
  }

  static std::string* db_;
  static std::size_t paragraphs_;
  static ServerProcess* server_;
};
std::string* ServerTest::db_ = nullptr;
std::size_t ServerTest::paragraphs_ = 0;
ServerProcess* ServerTest::server_ = nullptr;

TEST_F(ServerTest, Health) {
  int status = 0;
  nlohmann::json body = GetJson("/health", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body, (nlohmann::json{{"status", "ok"}, {"paragraphs", paragraphs_}}));
  EXPECT_GT(paragraphs_, 0u);
}

struct CliCase {
  const char* query;
  const char* http_params;  // added to /search?q=...
  const char* cli_args;     // the same for portaria-search
};

const CliCase kCliCases[] = {
    {"quem paga pensões", "", ""},
    {"quem paga pensões", "&limit=3&offset=1", "--limit 3 --offset 1"},
    {"pensões", "&unidade=Centro%20Nacional%20de%20Pens%C3%B5es",
     "--unidade 'Centro Nacional de Pensões'"},
    {"prestações", "&group=1&limit=5", "--group --limit 5"},
    {"pensões", "&exact=1", "--exact-counts"},
    {"quem paga pensões", "&window=5", "--window 5"},
    {"quem paga pensões", "&explain=1", "--explain"},
    {"pensoes de velhise", "", ""},  // misspelt: the suggestion must match too
    {"alinea:d pensões", "", ""},
};

TEST_F(ServerTest, SearchAnswersWhatTheCliAnswers) {
  for (const CliCase& c : kCliCases) {
    SCOPED_TRACE(std::string(c.query) + c.http_params);
    int status = 0;
    nlohmann::json http = GetJson(SearchPath(c.query, c.http_params), &status);
    nlohmann::json cli = Cli(c.query, c.cli_args);
    ASSERT_EQ(status, 200) << http.dump();
    ASSERT_TRUE(cli.is_object());
    ASSERT_TRUE(http.is_object());
    EXPECT_EQ(http["total"], cli["total"]);
    std::vector<std::string> http_ids, cli_ids;
    for (const auto& r : http["results"]) http_ids.push_back(r["id"]);
    for (const auto& r : cli["results"]) cli_ids.push_back(r["id"]);
    EXPECT_EQ(http_ids, cli_ids);
    EXPECT_EQ(http, cli);  // and everything else: same ToJson of the same response
  }
}

TEST_F(ServerTest, TopAnswer) {
  int status = 0;
  nlohmann::json body = GetJson(SearchPath("quem paga pensões"), &status);
  ASSERT_EQ(status, 200);
  ASSERT_FALSE(body["results"].empty());
  const auto& top = body["results"][0];
  EXPECT_EQ(top["unit"], "Centro Nacional de Pensões");
  EXPECT_EQ(top["letter"], "d");
  EXPECT_NE(top["text"].get<std::string>().find("Processar e pagar pensões"), std::string::npos);
  EXPECT_NE(top["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_TRUE(body["facets"].contains("unit"));
}

TEST_F(ServerTest, BadRequestsAreJsonErrors) {
  const std::string long_query(kMaxQueryBytes + 1, 'a');
  struct Case {
    std::string path;
    int status;
  };
  const Case cases[] = {
      {"/search", 400},
      {"/search?q=", 400},
      {"/search?q=%20%20", 400},
      {"/search?q=pens%C3%B5es&limit=0", 400},
      {"/search?q=pens%C3%B5es&limit=abc", 400},
      {"/search?q=pens%C3%B5es&limit=-1", 400},
      {"/search?q=pens%C3%B5es&limit=" + std::to_string(kMaxResults + 1), 400},
      {"/search?q=pens%C3%B5es&offset=x", 400},
      {"/search?q=pens%C3%B5es&group=maybe", 400},
      {"/search?q=pens%C3%B5es&exact=2", 400},
      {"/search?q=pens%C3%B5es&explain=yes", 400},
      {"/search?q=pens%C3%B5es&window=" + std::to_string(kMaxRerankWindow + 1), 400},
      {"/search?q=pens%C3%B5es&window=many", 400},
      {"/search?q=%FF%FE", 400},  // not UTF-8
      {"/nope", 404},
      {"/search/extra", 404},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    int status = 0;
    nlohmann::json body = GetJson(c.path, &status);
    EXPECT_EQ(status, c.status);
    ASSERT_TRUE(body.is_object()) << body.dump();
    EXPECT_TRUE(body.contains("error"));
    EXPECT_TRUE(body["error"].is_string());
  }
  // Limits: at kMaxResults and at kMaxQueryBytes still fine, one more is refused.
  int status = 0;
  GetJson("/search?q=pens%C3%B5es&limit=" + std::to_string(kMaxResults), &status);
  EXPECT_EQ(status, 200);
  GetJson(SearchPath(std::string(kMaxQueryBytes, 'a')), &status);
  EXPECT_EQ(status, 200);
  nlohmann::json body = GetJson(SearchPath(long_query), &status);
  EXPECT_TRUE(status == 400 || status == 413) << status;
  EXPECT_TRUE(body.contains("error"));
}

TEST_F(ServerTest, LargeRequestsAreRefused) {
  // A body over the payload limit (no route takes one, the size is checked first).
  auto res = Client().Post("/search", std::string(1 << 20, 'x'), "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(nlohmann::json::parse(res->body, nullptr, false).contains("error"));
  // A URI longer than httplib accepts.
  res = Client().Get("/search?q=" + std::string(20000, 'a'));
  ASSERT_TRUE(res);
  EXPECT_GE(res->status, 400);
  EXPECT_LT(res->status, 500);
}

TEST_F(ServerTest, ConcurrentRequests) {
  const std::vector<std::string> queries = {"quem paga pensões", "prestações", "contribuições",
                                            "quem gere os estabelecimentos integrados"};
  std::vector<nlohmann::json> expected;
  for (const auto& q : queries) {
    int status = 0;
    expected.push_back(GetJson(SearchPath(q), &status));
    ASSERT_EQ(status, 200);
  }
  std::atomic<int> ok{0}, wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client = Client();
      for (int i = 0; i < 20; ++i) {
        std::size_t which = static_cast<std::size_t>(t + i) % queries.size();
        auto res = client.Get(SearchPath(queries[which]));
        if (res && res->status == 200 &&
            nlohmann::json::parse(res->body, nullptr, false) == expected[which]) {
          ++ok;
        } else {
          ++wrong;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 160);
  EXPECT_EQ(wrong, 0);
}

TEST_F(ServerTest, ServesThePageAndTheApiDescription) {
  auto res = Client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_EQ(res->body, testing::ReadFileToString(SourceDir() / "web/index.html"));
  res = Client().Get("/?q=quem%20paga");  // the page's own URL carries the query
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res = Client().Get("/openapi.yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, testing::ReadFileToString(SourceDir() / "schema/openapi.yaml"));
}

// Without a database the server still starts, and says so with 503s.
TEST(ServerWithoutDatabase, Answers503) {
  ServerProcess server;
  std::string error;
  ASSERT_TRUE(server.Start((FreshDir("missing") / "no-db").string(), {}, &error)) << error;
  ASSERT_TRUE(server.WaitUntilServing());
  httplib::Client client("127.0.0.1", server.port());
  for (const char* path : {"/health", "/search?q=pens%C3%B5es"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 503) << path;
    EXPECT_TRUE(nlohmann::json::parse(res->body, nullptr, false).contains("error")) << path;
  }
  EXPECT_EQ(server.Stop(), 0);  // SIGTERM is a clean shutdown
}

}  // namespace
}  // namespace portaria
