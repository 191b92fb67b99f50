// Index/search round trip on the bundled corpus, one database for the suite, asked through every
// path: the library API (portaria/search.h), portaria-search --json and a remote shard.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "analysis/rules_lexicon.h"
#include "gtest/gtest.h"
#include "portaria/search.h"
#include "schema/schema.h"
#include "searcher/plan.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::BinDir;
using testing::FreshDir;
using testing::IndexSeedCorpus;
using testing::RunCommand;

// One database for the whole suite: indexing is what the other suites test.
class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string;
    ASSERT_TRUE(IndexSeedCorpus("search-db", db_));
  }
  static void TearDownTestSuite() { delete db_; }

  SearchResponse Library(const std::string& query, std::size_t limit = 10) {
    std::unique_ptr<Searcher> searcher;
    Status s = Searcher::Open(*db_, &searcher);
    EXPECT_TRUE(s.ok()) << s.ToString();
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    SearchResponse response;
    s = searcher->Search(request, &response);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return response;
  }

  nlohmann::json Cli(const std::string& query, std::size_t limit = 10) {
    std::string quoted;
    for (char c : query) {
      if (c == '\'')
        quoted += "'\\''";
      else
        quoted += c;
    }
    std::string out;
    int rc = RunCommand((BinDir() / "portaria-search").string() + " --db " + *db_ +
                            " --json --limit " + std::to_string(limit) + " '" + quoted + "'",
                        &out);
    EXPECT_EQ(rc, 0) << out;
    return nlohmann::json::parse(out, nullptr, false);
  }

  static std::string* db_;
};
std::string* SearchTest::db_ = nullptr;

struct TopCase {
  const char* query;
  const char* unit;    // the top result's unit
  const char* letter;  // its letter ("" for none)
  const char* text;    // a phrase its text contains
};

const TopCase kTopCases[] = {
    {"quem paga pensões", "Centro Nacional de Pensões", "d", "Processar e pagar pensões"},
    {"quem paga a pensão", "Centro Nacional de Pensões", "d", "Processar e pagar pensões"},
    {"Quem paga pensoes?", "Centro Nacional de Pensões", "d", "Processar e pagar pensões"},
    {"QUEM PAGA AS PENSÕES", "Centro Nacional de Pensões", "d", "Processar e pagar pensões"},
    {"quem gere os estabelecimentos integrados", "Centros Distritais", "n",
     "estabelecimentos integrados"},
    {"tradução de documentos internacionais", "Centro Nacional de Pensões", "o",
     "tradução e retroversão"},
    {"centro distrital de evora", "Centros Distritais", "", "Centro Distrital de Évora"},
    {"alinea:d unidade:CNP", "Centro Nacional de Pensões", "d", "Processar e pagar"},
    {"unidade:\"centros distritais\" alínea:b", "Centros Distritais", "b",
     "reconhecimento de direitos"},
    {"\"pagar pensões\"", "Centro Nacional de Pensões", "d", "Processar e pagar pensões"},
    {"Portaria n.º 135/2012 alínea d", "Centro Nacional de Pensões", "d", "Processar e pagar"},
};

TEST_F(SearchTest, TopResultThroughLibraryAndCli) {
  for (const auto& c : kTopCases) {
    SCOPED_TRACE(c.query);
    SearchResponse lib = Library(c.query);
    ASSERT_FALSE(lib.hits.empty());
    const Paragraph& top = lib.hits[0].paragraph;
    EXPECT_EQ(top.unit, c.unit);
    EXPECT_EQ(top.letter, c.letter);
    EXPECT_NE(top.text.find(c.text), std::string::npos) << top.text;

    nlohmann::json cli = Cli(c.query);
    ASSERT_TRUE(cli.is_object());
    ASSERT_FALSE(cli["results"].empty());
    EXPECT_EQ(cli["results"][0]["id"], top.id);
    EXPECT_EQ(cli["total"], lib.total);
  }
}

TEST_F(SearchTest, CliJsonHasTheDocumentedShape) {
  nlohmann::json j = Cli("quem paga pensões", 3);
  EXPECT_EQ(j["query"], "quem paga pensões");
  EXPECT_GT(j["total"].get<int>(), 3);
  ASSERT_EQ(j["results"].size(), 3u);
  for (const char* field :
       {"rank", "score", "id", "unit", "letter", "source", "section", "text", "snippet"}) {
    EXPECT_TRUE(j["results"][0].contains(field)) << field;
  }
  EXPECT_EQ(j["results"][0]["rank"], 1);
  EXPECT_EQ(j["results"][0]["source"], "Portaria n.º 135/2012, de 8 de maio");
  EXPECT_TRUE(j["facets"]["unit"].contains("Centro Nacional de Pensões"));
}

// The query may follow --db directly, unquoted, as people type it: "--db DB quem paga pensões"
// is one database and three query words, not three databases.
TEST_F(SearchTest, QueryWordsRightAfterDbAreTheQuery) {
  std::string out;
  int rc = RunCommand(
      (BinDir() / "portaria-search").string() + " --json --db " + *db_ + " quem paga pensões",
      &out);
  ASSERT_EQ(rc, 0) << out;
  nlohmann::json typed = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(typed.is_discarded()) << out;
  nlohmann::json quoted = Cli("quem paga pensões");
  ASSERT_FALSE(typed["results"].empty());
  EXPECT_EQ(typed["results"], quoted["results"]);
}

// --queries-from answers each line as portaria-search QUERY does, one JSON object a line with
// "took_ms" and "phases_ms"; blank lines are skipped and a refused query is an error line, not the
// end.
TEST_F(SearchTest, QueriesFromAFileAnswerOneLineEach) {
  std::filesystem::path file = FreshDir("queries-from") / "queries.txt";
  {
    std::ofstream out(file, std::ios::binary);
    out << "quem paga pensões\n\ncentro distrital de evora\r\n\xff\xfe broken\n";
  }
  std::string out;
  int rc = RunCommand((BinDir() / "portaria-search").string() + " --db " + *db_ +
                          " --limit 5 --queries-from " + file.string() + " 2>/dev/null",
                      &out);
  EXPECT_EQ(rc, 1) << out;  // one query failed
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  const char* queries[] = {"quem paga pensões", "centro distrital de evora"};
  for (int i = 0; i < 2; ++i) {
    nlohmann::json alone = Cli(queries[i], 5);
    EXPECT_EQ(lines[i]["query"], queries[i]);
    EXPECT_EQ(lines[i]["results"], alone["results"]) << queries[i];
    EXPECT_EQ(lines[i]["total"], alone["total"]);
    ASSERT_TRUE(lines[i]["took_ms"].is_number());
    EXPECT_GE(lines[i]["took_ms"].get<double>(), 0.0);
    // Where the time went: every step named, none negative, together within the whole.
    double phases = 0;
    for (const char* step : {"plan", "first", "rescore", "rerank", "present"}) {
      ASSERT_TRUE(lines[i]["phases_ms"][step].is_number()) << step << " " << lines[i];
      EXPECT_GE(lines[i]["phases_ms"][step].get<double>(), 0.0) << step;
      phases += lines[i]["phases_ms"][step].get<double>();
    }
    EXPECT_GT(phases, 0.0);
    EXPECT_LE(phases, lines[i]["took_ms"].get<double>() + 0.01);
  }
  EXPECT_FALSE(lines[2].contains("phases_ms"));  // a refused query did no work
  EXPECT_EQ(lines[2]["line"], 4);
  EXPECT_TRUE(lines[2]["error"].get<std::string>().find("UTF-8") != std::string::npos);
}

TEST_F(SearchTest, SnippetHighlightsOtherFormsOfTheQueryWord) {
  SearchResponse r = Library("pensao de invalidez");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(r.hits[0].snippet.find("<mark>pensões</mark>"), std::string::npos) << r.hits[0].snippet;
  EXPECT_NE(r.hits[0].snippet.find("<mark>invalidez</mark>"), std::string::npos);
  EXPECT_EQ(r.hits[0].snippet.find("<mark>de</mark>"), std::string::npos);  // stopwords stay plain
}

TEST_F(SearchTest, PhraseRequiresWordsInOrder) {
  for (const auto& hit : Library("\"pensões pagar\"").hits) {
    EXPECT_EQ(hit.paragraph.text.find("pagar pensões"), std::string::npos) << hit.paragraph.text;
  }
  EXPECT_FALSE(Library("\"pagar pensões\"").hits.empty());
}

TEST_F(SearchTest, FiltersRestrictEveryResult) {
  SearchResponse r = Library("fonte:\"Portaria 102/2017\" departamento", 50);
  ASSERT_FALSE(r.hits.empty());
  for (const auto& h : r.hits) EXPECT_NE(h.paragraph.source.find("102/2017"), std::string::npos);
  SearchResponse d = Library("alinea:d", 50);
  ASSERT_EQ(d.hits.size(), 2u);  // CNP d) and Centros Distritais d)
  for (const auto& h : d.hits) EXPECT_EQ(h.paragraph.letter, "d");
}

TEST_F(SearchTest, CitationOnlyQueryListsInDocumentOrder) {
  SearchResponse r = Library("Portaria 102/2017", 50);
  ASSERT_GE(r.hits.size(), 10u);
  for (const auto& h : r.hits) EXPECT_NE(h.paragraph.source.find("102/2017"), std::string::npos);
  // Document order: the first department listed on the page comes before the last gabinete.
  std::vector<std::string> texts;
  for (const auto& h : r.hits) texts.push_back(h.paragraph.text);
  auto pos = [&](const std::string& needle) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (texts[i].find(needle) != std::string::npos) return i;
    }
    return texts.size();
  };
  EXPECT_LT(pos("Departamento de Prestações e Contribuições"),
            pos("Gabinete de Assuntos Jurídicos"));
  EXPECT_LT(pos("Gabinete de Assuntos Jurídicos"), pos("Unidade Técnica de Arquitetura"));
}

TEST_F(SearchTest, RepeatedBlockAppearsOnce) {
  SearchResponse r = Library("ligue linha segurança social", 50);
  int count = 0;
  for (const auto& h : r.hits)
    count += h.paragraph.text.find("Ligue 300 502 502") != std::string::npos;
  EXPECT_EQ(count, 1);
}

TEST_F(SearchTest, ResultsAreDeterministicAndTiesFollowIds) {
  SearchResponse a = Library("serviços", 50), b = Library("serviços", 50);
  ASSERT_EQ(a.hits.size(), b.hits.size());
  for (std::size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(a.hits[i].paragraph.id, b.hits[i].paragraph.id);
    if (i > 0 && a.hits[i].score == a.hits[i - 1].score) {
      EXPECT_LT(a.hits[i - 1].paragraph.id, a.hits[i].paragraph.id);
    }
    if (i > 0) {
      EXPECT_LE(a.hits[i].score, a.hits[i - 1].score);
    }
  }
}

TEST_F(SearchTest, MoreQueryWordsMatchedRanksHigher) {
  // "pagar" alone appears in several paragraphs; with "pensões" the one having both leads.
  SearchResponse r = Library("pagar pensões estrangeiras");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(r.hits[0].paragraph.text.find("instituições estrangeiras"), std::string::npos);
}

TEST_F(SearchTest, MisspeltWordGetsASuggestionAndStillFinds) {
  SearchResponse r = Library("pensoes de invalides");
  EXPECT_EQ(r.suggestion, "pensoes de invalidez");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(r.hits[0].paragraph.text.find("invalidez"), std::string::npos);
  EXPECT_TRUE(Library("quem paga pensões").suggestion.empty());
  // Words the dictionary knows are never replaced, even where the index lacks them: the page
  // has neither "prazo" nor "coima", and "plano"/"coimbra" are one edit away.
  EXPECT_EQ(Library("prazo para reclamar de uma coima").suggestion, "");
  EXPECT_EQ(Library("prazo para reclamar de uma coima invalides").suggestion,
            "prazo para reclamar de uma coima invalidez");
}

TEST_F(SearchTest, FacetsCountMatchingParagraphsByUnit) {
  SearchResponse r = Library("prestações", 1);
  std::size_t sum = 0;
  for (const auto& [unit, n] : r.facets["unit"]) sum += n;
  EXPECT_LE(sum, r.total);
  EXPECT_GT(r.facets["unit"]["Centro Nacional de Pensões"], 3u);
  EXPECT_GT(r.facets["unit"]["Centros Distritais"], 1u);
}

// The first phase reads one posting list per key of a question word, whatever the number of
// fields: the any-field terms and the exact forms, never a field's own terms (which the
// field-aware query of the window weighs, each word by its best field).
TEST_F(SearchTest, FirstPhaseReadsOneAnyFieldTermPerKey) {
  Xapian::Database db(*db_);
  analysis::Analyzer analyzer;
  searcher::QueryPlanner planner(db, analyzer);
  for (const char* q : {"quem paga pensões de velhice", "centro distrital de évora",
                        "subsídio de desemprego para emigrantes"}) {
    SCOPED_TRACE(q);
    SearchRequest request;
    request.query = q;
    searcher::QueryPlan plan = planner.Plan(request);
    ASSERT_TRUE(plan.ranked);
    std::size_t any_field = 0;
    for (auto t = plan.candidate_query.get_terms_begin(); t != plan.candidate_query.get_terms_end();
         ++t) {
      const std::string term = *t;
      ASSERT_FALSE(term.empty());
      if (term.starts_with(schema::kAnyFieldPrefix)) {
        ++any_field;
      } else {
        EXPECT_TRUE(term[0] >= 'a' && term[0] <= 'z') << term;  // an exact (surface) form
      }
    }
    EXPECT_GE(any_field, 2u);
    bool unit_field = false;
    for (auto t = plan.query.get_terms_begin(); t != plan.query.get_terms_end(); ++t)
      unit_field = unit_field || (*t).starts_with(schema::kUnitTextPrefix);
    EXPECT_TRUE(unit_field);
  }
}

TEST_F(SearchTest, BadQueriesAreErrorsNotCrashes) {
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(*db_, &searcher).ok());
  SearchResponse response;
  SearchRequest too_long;
  too_long.query = std::string(kMaxQueryBytes + 1, 'a');
  EXPECT_EQ(searcher->Search(too_long, &response).code(), Status::Code::kInvalidArgument);
  SearchRequest bad_utf8;
  bad_utf8.query = "pens\xC3";
  EXPECT_EQ(searcher->Search(bad_utf8, &response).code(), Status::Code::kInvalidArgument);
  SearchRequest wide;
  wide.query = "pensões";
  wide.rerank_window = kMaxRerankWindow + 1;
  EXPECT_EQ(searcher->Search(wide, &response).code(), Status::Code::kInvalidArgument);
  for (const char* odd : {"\"", "unidade:", "::::", "\"\"\"", "alinea:\"", "§§§ n.º art."}) {
    SearchRequest r;
    r.query = odd;
    EXPECT_TRUE(searcher->Search(r, &response).ok()) << odd;
  }
}

TEST_F(SearchTest, IndexCarriesTheRuleFilesLexicon) {
  Xapian::Database db(*db_);
  EXPECT_EQ(db.get_metadata(std::string(schema::kMetaRulesLexicon)), analysis::RulesLexicon());
}

// A free loopback port (it may be taken again before use; the caller retries).
int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

// The seed database served by xapian-tcpsrv and searched through a stub file answers like the
// local database: ranked questions with the same ids, scores, total and facets, and a citation-only
// listing (the remote backend takes no KeyMaker, so that one falls back to diploma then docid
// order).
TEST_F(SearchTest, RemoteShardAnswersLikeTheLocalDatabase) {
  if (RunCommand("command -v xapian-tcpsrv >/dev/null 2>&1", nullptr) != 0) {
    GTEST_SKIP() << "xapian-tcpsrv not found";
  }
  int port = FreeLoopbackPort();
  ASSERT_GT(port, 0);
  std::string port_text = std::to_string(port);
  pid_t pid = ::fork();
  if (pid == 0) {
    // Its own process group: on SIGTERM the server signals its whole group (its forked
    // connections), which must not include this test.
    ::setpgid(0, 0);
    ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port",
             port_text.c_str(), db_->c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(pid, 0);
  ::setpgid(pid, pid);  // also here, so that the group exists whichever runs first
  struct Stop {         // whatever happens below, the server goes
    pid_t pid;
    ~Stop() {
      ::kill(-pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
    }
  } stop{pid};
  auto stub = FreshDir("remote") / "remote.stub";
  {
    std::ofstream out(stub);
    out << "remote 127.0.0.1:" << port << "\n";
  }
  std::unique_ptr<Searcher> remote;
  for (int i = 0; i < 100 && !remote; ++i) {  // until the server listens
    if (!Searcher::Open(stub.string(), &remote).ok()) {
      remote.reset();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ASSERT_NE(remote, nullptr) << "xapian-tcpsrv did not answer on port " << port;
  for (const char* query :
       {"quem paga pensões", "avaliação de desempenho",
        "qual é o número de telefone da segurança social", "Portaria 102/2017"}) {
    SCOPED_TRACE(query);
    SearchResponse local = Library(query, 20), far;
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    Status s = remote->Search(request, &far);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_FALSE(far.hits.empty());
    ASSERT_EQ(far.hits.size(), local.hits.size());
    EXPECT_EQ(far.total, local.total);
    EXPECT_EQ(far.facets, local.facets);
    for (std::size_t i = 0; i < far.hits.size(); ++i) {
      EXPECT_EQ(far.hits[i].paragraph.id, local.hits[i].paragraph.id) << i;
      EXPECT_DOUBLE_EQ(far.hits[i].score, local.hits[i].score) << i;
    }
  }
}

}  // namespace
}  // namespace portaria
