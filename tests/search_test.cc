// Index/search round trip on the bundled corpus, run through every path: the library API
// (portaria/search.h) and the command line (portaria-search --json) answer the same table.
#include "portaria/search.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/rules_lexicon.h"
#include "gtest/gtest.h"
#include "portaria/index.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "searcher/plan.h"
#include "searcher/retrieve.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::BinDir;
using testing::FreshDir;
using testing::IndexSeedCorpus;
using testing::RunCommand;
using testing::SourceDir;

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
// "took_ms"; blank lines are skipped and a refused query is an error line, not the end.
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
  }
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

TEST(GroupTest, GroupGivesOneBestParagraphPerDiploma) {
  std::string db = (FreshDir("group") / "db").string();
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    IndexStats stats;
    ASSERT_TRUE(w->IndexPaths({(SourceDir() / "corpus").string(),
                               (SourceDir() / "tests/data/jsonl/records.jsonl").string()},
                              {}, &stats)
                    .ok());
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  SearchRequest request;
  request.query = "pensões";
  request.limit = 50;
  SearchResponse all, grouped;
  ASSERT_TRUE(searcher->Search(request, &all).ok());
  request.group = true;
  ASSERT_TRUE(searcher->Search(request, &grouped).ok());
  std::set<std::string> docs;
  for (const auto& h : all.hits) docs.insert(h.paragraph.doc);
  ASSERT_EQ(docs.size(), 2u);  // the ISS page and the JSON Lines diploma
  ASSERT_EQ(grouped.hits.size(), 2u);
  EXPECT_NE(grouped.hits[0].paragraph.doc, grouped.hits[1].paragraph.doc);
  // Each group is represented by its best paragraph: the first of that diploma in `all`.
  for (const auto& g : grouped.hits) {
    for (const auto& h : all.hits) {
      if (h.paragraph.doc == g.paragraph.doc) {
        EXPECT_EQ(h.paragraph.id, g.paragraph.id);
        break;
      }
    }
  }
}

// Re-ranking signals on a small JSON Lines corpus written here, each with the query that must
// move a paragraph up and the one that must not.
// Writes `records` as one JSON Lines file in `dir` and indexes it into `dir`/db, which it
// returns in *db; every record must become a paragraph.
void IndexRecords(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records,
                  std::string* db) {
  *db = (dir / "db").string();
  {
    std::ofstream out(dir / "records.jsonl");
    for (const auto& r : records) out << r.dump() << "\n";
  }
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(*db, &w).ok());
  IndexStats stats;
  ASSERT_TRUE(w->IndexPaths({(dir / "records.jsonl").string()}, {}, &stats).ok());
  ASSERT_TRUE(stats.errors.empty());
  ASSERT_EQ(stats.paragraphs_added, records.size());
}

// `query` asked of the database at `db` through the library.
SearchResponse Ask(const std::string& db, const std::string& query, std::size_t offset = 0,
                   std::size_t limit = 10) {
  std::unique_ptr<Searcher> searcher;
  EXPECT_TRUE(Searcher::Open(db, &searcher).ok());
  SearchRequest request;
  request.query = query;
  request.offset = offset;
  request.limit = limit;
  SearchResponse response;
  if (searcher) {
    EXPECT_TRUE(searcher->Search(request, &response).ok());
  }
  return response;
}

// The ids of the hits for `query` on the database at `db`, best first.
std::vector<std::string> RankedIds(const std::string& db, const std::string& query,
                                   std::size_t offset = 0, std::size_t limit = 10) {
  SearchResponse response = Ask(db, query, offset, limit);
  std::vector<std::string> ids;
  for (const auto& hit : response.hits) ids.push_back(hit.paragraph.id);
  return ids;
}

class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* texts[] = {
        "A avaliação do desempenho dos alunos é contínua.",
        "O serviço coordena o processo de avaliação de desempenho do seu pessoal.",
        "O Instituto da Segurança Social gere o sistema de segurança social.",
        "Linha Segurança Social: ligue 300 502 502, nos dias úteis.",
    };
    std::vector<nlohmann::json> records;
    for (const char* text : texts) {
      records.push_back(
          {{"id", "t:" + std::to_string(records.size() + 1)}, {"text", text}, {"doc", "t"}});
    }
    ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("ranking"), records, &db_));
  }

  std::string Top(const std::string& query) {
    std::vector<std::string> ids = RankedIds(db_, query);
    return ids.empty() ? "" : ids.front();
  }

  std::string db_;
};

TEST_F(RankingTest, MultiWordTermAsTypedOutranksTheSameWordsWithAnArticle) {
  // The shorter paragraph wins on term statistics alone; the exact wording overturns that.
  EXPECT_EQ(Top("avaliação de desempenho"), "t:2");
  EXPECT_EQ(Top("avaliação do desempenho"), "t:1");
  EXPECT_EQ(Top("avaliação desempenho"), "t:1");  // no function word typed: nothing to prefer
}

TEST_F(RankingTest, AskingForAContactPrefersTheParagraphThatGivesOne) {
  EXPECT_EQ(Top("qual é o número de telefone da segurança social"), "t:4");
  EXPECT_EQ(Top("sistema de segurança social"), "t:3");
}

// An alínea is indexed with what its list intro says of it: a prohibition's items are rules,
// an intro's time limit is not its items'.
TEST(AnswerTypeIndexTest, AnAlineaTakesTheRuleOfItsIntro) {
  std::vector<nlohmann::json> records = {
      {{"id", "i:forbidden"},
       {"text", "Praias vigiadas durante a época balnear;"},
       {"context", "Os drones não podem sobrevoar:"}},
      {{"id", "i:listed"},
       {"text", "Praias vigiadas durante a época balnear;"},
       {"context", "Os drones sobrevoam, no prazo de dez dias:"}},
      {{"id", "i:entitled"},
       {"text", "Os cônjuges;"},
       {"context", "Têm legitimidade para requerer:"}},
  };
  std::string path;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("answer-type-index"), records, &path));
  Xapian::Database db(path);
  auto holds = [&](const std::string& id, char type) {
    Xapian::PostingIterator p = db.postlist_begin(schema::IdTerm(id));
    std::string term = schema::Term(schema::kAnswerTypePrefix, std::string_view(&type, 1));
    Xapian::PostingIterator t = db.postlist_begin(term);
    if (p == db.postlist_end(schema::IdTerm(id)) || t == db.postlist_end(term)) return false;
    t.skip_to(*p);
    return t != db.postlist_end(term) && *t == *p;
  };
  EXPECT_TRUE(holds("i:forbidden", 'o'));
  EXPECT_FALSE(holds("i:listed", 'o'));
  EXPECT_FALSE(holds("i:listed", 't'));  // the intro's time limit stays the intro's
  EXPECT_TRUE(holds("i:entitled", 'e'));
}

// The signals of the re-ranker that structure gives: each case is two paragraphs that the
// words alone would rank the other way (the loser is shorter, or repeats the question's words),
// and the structure the readers record decides.
class StructureRankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<nlohmann::json> records = {
        // A preamble (shorter: it wins on the words) and the article that rules.
        {{"id", "s:preamble"},
         {"text", "O regime aplica-se às entidades públicas."},
         {"section", "Preâmbulo"},
         {"doc", "a"}},
        {{"id", "s:article"},
         {"text", "O regime aplica-se às entidades públicas e privadas do setor."},
         {"section", "Capítulo I > Artigo 2.º Âmbito"},
         {"article", "2.º"},
         {"doc", "a"}},
        // An organ named by the question, and a paragraph with two of its words in the text.
        {{"id", "s:named"},
         {"text", "Emitir pareceres sobre a avaliação dos planos de formação."},
         {"unit", "Conselho Nacional de Avaliação"},
         {"doc", "b"}},
        {{"id", "s:words"}, {"text", "A avaliação feita pelo conselho é anual."}, {"doc", "b"}},
        // Two paragraphs of units; one is a competence that opens with the question's verb.
        {{"id", "s:verb"},
         {"text", "Homologar os regulamentos internos dos serviços;"},
         {"unit", "Conselho Diretivo"},
         {"section", "Conselho Diretivo > Competências"},
         {"doc", "c"}},
        {{"id", "s:mention"},
         {"text", "Os regulamentos são homologados e os regulamentos publicados."},
         {"unit", "Serviço de Apoio"},
         {"doc", "c"}},
        // Two definitions: the one of the asked term, and a longer term about it.
        {{"id", "s:defined"},
         {"text", "«Ocorrência», um evento com efeito adverso real nas redes;"},
         {"doc", "d"}},
        {{"id", "s:longer"},
         {"text", "«Gestão de ocorrências», os procedimentos de resposta a uma ocorrência;"},
         {"doc", "d"}},
        // The same, defined by the verb: the term asked (longer) and another that names it.
        {{"id", "s:considered"},
         {"text",
          "Para os efeitos do presente regulamento, considera-se pescador profissional aquele "
          "que faz da pesca a sua principal atividade."},
         {"doc", "d"}},
        {{"id", "s:considered-other"},
         {"text", "Considera-se pesca ilegal a do pescador profissional sem licença."},
         {"doc", "d"}},
        // ... and one (shorter) that extends it: "também" says the definition is elsewhere.
        {{"id", "s:considered-also"},
         {"text", "Considera-se também pescador profissional o armador."},
         {"doc", "d"}},
        // The same rule in a law of 2011 (longer) and in one of 2019.
        {{"id", "s:2011"},
         {"text", "O pedido de mudança de nome próprio é apresentado em qualquer conservatória."},
         {"date", "2011-03-15"},
         {"doc", "e"}},
        {{"id", "s:2019"},
         {"text", "O pedido de mudança de nome é apresentado na conservatória."},
         {"date", "2019-08-07"},
         {"doc", "f"}},
        // Who may ask: the paragraph that says so, in other words than the question's.
        {{"id", "s:entitled"},
         {"text", "Têm legitimidade para requerer o registo as pessoas maiores de idade."},
         {"summary", "Regula o registo de marcas de produtos artesanais."},
         {"doc", "g"}},
        {{"id", "s:about"},
         {"text", "O registo é publicado no boletim do instituto."},
         {"summary", "Regula o registo de marcas de produtos artesanais."},
         {"doc", "g"}},
        // A term as typed in what a paragraph stands under (here the ementa), or scattered in
        // a text.
        {{"id", "s:under"},
         {"text", "O subsídio é pago a quem suportou as despesas."},
         {"summary", "Regula o subsídio de funeral."},
         {"doc", "i"}},
        {{"id", "s:scattered"},
         {"text", "O funeral do beneficiário dá direito a um subsídio nos termos gerais."},
         {"summary", "Regula as prestações sociais."},
         {"doc", "j"}},
        // "quem nomeia X?": the organ that appoints, not X's own competences; and the
        // thesaurus's word for the question's verb ("escolhe" -> nomear).
        {{"id", "s:appoints"},
         {"text", "Nomear os vogais do conselho de curadores;"},
         {"unit", "Ministro da Cultura"},
         {"context", "Compete ao Ministro da Cultura:"},
         {"doc", "k"}},
        {{"id", "s:object"},
         {"text", "Propor a nomeação de vogais ao conselho de curadores e dar parecer sobre eles;"},
         {"unit", "Conselho de Curadores"},
         {"context", "Compete ao Conselho de Curadores:"},
         {"doc", "k"}},
        {{"id", "s:choose"},
         {"text", "Os vogais do júri escolhem entre si o seu presidente."},
         {"doc", "k"}},
        {{"id", "s:appoint-jury"},
         {"text", "Nomear os vogais do júri das provas de acesso;"},
         {"unit", "Diretor-Geral"},
         {"context", "Compete ao Diretor-Geral:"},
         {"doc", "k"}},
        // A diploma's object article restates its subject (and wins on the words); the article
        // that says who may ask.
        {{"id", "s:subject"},
         {"text", "A presente lei regula o pedido de licença de pesca desportiva."},
         {"section", "Artigo 1.º Objeto"},
         {"article", "1.º"},
         {"doc", "l"}},
        {{"id", "s:rule"},
         {"text",
          "O pedido de licença de pesca desportiva é apresentado pelo pescador na junta de "
          "freguesia da sua residência."},
         {"section", "Artigo 3.º Apresentação"},
         {"article", "3.º"},
         {"doc", "l"}},
        // "quem aprova…?": the passive names who (and is longer); the other only says it is done.
        {{"id", "s:agent"},
         {"text",
          "O plano anual de formação é aprovado pelo conselho diretivo, ouvidos os "
          "serviços do instituto."},
         {"doc", "m"}},
        {{"id", "s:done"},
         {"text", "O plano anual de formação é aprovado e publicado."},
         {"doc", "m"}},
        // "o que faz X?": the intro of X's competences (longer) and one of its alíneas.
        {{"id", "s:competences"},
         {"text",
          "Compete ao Gabinete de Estudos assegurar o apoio técnico ao conselho e aos "
          "serviços, designadamente:"},
         {"unit", "Gabinete de Estudos"},
         {"doc", "n"}},
        {{"id", "s:one-competence"},
         {"text", "Publicar os estudos do Gabinete de Estudos;"},
         {"unit", "Gabinete de Estudos"},
         {"context",
          "Compete ao Gabinete de Estudos assegurar o apoio técnico ao conselho e aos "
          "serviços, designadamente:"},
         {"doc", "n"}},
        // What it must contain: the list's intro.
        {{"id", "s:intro"},
         {"text",
          "O relatório anual deve incluir, para cada um dos serviços e organismos abrangidos, "
          "os seguintes elementos:"},
         {"doc", "h"}},
        {{"id", "s:when"},
         {"text", "O relatório anual deve ser enviado até ao fim de março do ano seguinte."},
         {"doc", "h"}},
        // Two question words side by side, in a longer paragraph, and apart in a short one.
        {{"id", "s:side-by-side"},
         {"text", "A segurança social apoia as famílias numerosas e os idosos."},
         {"doc", "o"}},
        {{"id", "s:apart"}, {"text", "Segurança das instalações e apoio social."}, {"doc", "o"}},
        // A número that answers in its article's terms ("o pedido" is número 1's): the words
        // alone prefer a shorter rule about requests in general, in another article.
        {{"id", "q#art5/n1"},
         {"text", "O pedido de licença de caça é apresentado no portal do instituto."},
         {"article", "5.º"},
         {"doc", "q"}},
        {{"id", "q#art5/n2"},
         {"text",
          "O pedido é decidido pelo diretor regional no prazo de dez dias úteis a contar da sua "
          "apresentação."},
         {"article", "5.º"},
         {"doc", "q"}},
        // Who is charged, said in the text (no unit tag), and a paragraph about the same thing.
        {{"id", "s:charged"},
         {"text", "O recenseamento dos navios de pesca cabe à capitania."},
         {"doc", "r"}},
        {{"id", "s:done-yearly"},
         {"text", "O recenseamento dos navios de pesca é anual."},
         {"doc", "r"}},
        // A rule of what may be done, and a paragraph about the same thing.
        {{"id", "s:may"},
         {"text", "Os viveiros de ostras só podem ser instalados em zonas classificadas da ria."},
         {"doc", "v"}},
        {{"id", "s:where"},
         {"text", "Os viveiros de ostras da ria estão instalados em zonas classificadas."},
         {"doc", "v"}},
        // The same rule in a Brazilian act and in a Portuguese diploma (doc keys as the Akoma
        // Ntoso and diploma readers give them), each pair's shorter one in another country.
        {{"id", "s:br-mail"},
         {"text", "O empregador pode ler o correio eletrônico corporativo."},
         {"doc", "/akn/br/act/lei/2020-01-01/1"}},
        {{"id", "s:pt-mail"},
         {"text",
          "O empregador pode ler o correio eletrónico profissional do trabalhador, nos termos "
          "do contrato."},
         {"doc", "diploma:codigo"}},
        {{"id", "s:pt-rent"},
         {"text", "O senhorio pode aumentar a renda uma vez por ano."},
         {"doc", "diploma:arrendamento"}},
        {{"id", "s:br-rent"},
         {"text",
          "O senhorio pode aumentar a renda do imóvel uma vez por ano, nos termos do "
          "contrato."},
         {"doc", "/akn/br/act/lei/2021-01-01/2"}},
        // "que disponibilidade…?": the paragraph that says which, and one with more of the
        // other words.
        {{"id", "s:focus"},
         {"text", "O farmacêutico de piquete tem disponibilidade permanente durante o turno."},
         {"doc", "w"}},
        {{"id", "s:other-words"},
         {"text", "O farmacêutico de piquete noturno é indicado pela farmácia."},
         {"doc", "w"}},
        // "quantos membros…?": the paragraph that writes the count (longer), and one with the
        // same words and none.
        {{"id", "s:count"},
         {"text",
          "O conselho consultivo da pesca tem onze membros, designados pelo ministro por três "
          "anos."},
         {"doc", "cnt"}},
        {{"id", "s:no-count"},
         {"text", "Os membros do conselho consultivo da pesca reúnem-se anualmente."},
         {"doc", "cnt"}},
        {{"id", "q#art9/n1"},
         {"text", "O pedido é decidido no prazo de vinte dias."},
         {"article", "9.º"},
         {"doc", "q"}},
    };
    ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("structure-ranking"), records, &db_));
  }

  // True if `a` ranks above `b` for `query` (both must be found).
  bool Above(const std::string& query, const std::string& a, const std::string& b) {
    auto ids = RankedIds(db_, query);
    auto ia = std::find(ids.begin(), ids.end(), a), ib = std::find(ids.begin(), ids.end(), b);
    EXPECT_NE(ia, ids.end()) << a;
    EXPECT_NE(ib, ids.end()) << b;
    return ia < ib;
  }

  std::string db_;
};

// Each row: the query, the paragraph that must rank above the other, and why. The rows without
// the structure in the query are the controls: the words alone rank the pair the other way.
TEST_F(StructureRankingTest, StructureDecidesWhatTheWordsWouldNot) {
  struct Case {
    const char *query, *above, *below, *why;
  } cases[] = {
      {"regime entidades públicas", "s:article", "s:preamble", "articles outrank the preamble"},
      {"o que faz o conselho nacional de avaliação", "s:named", "s:words", "the organ named"},
      {"avaliação anual", "s:words", "s:named", "control: no organ named"},
      {"quem homologa os regulamentos", "s:verb", "s:mention", "the competence's verb"},
      {"regulamentos homologados", "s:mention", "s:verb", "control: not a 'quem' question"},
      {"o que é uma ocorrência", "s:defined", "s:longer", "the definition of that term"},
      {"ocorrência", "s:longer", "s:defined", "control: no definition asked"},
      {"quem é considerado pescador profissional", "s:considered", "s:considered-other",
       "the term defined by 'considera-se'"},
      {"pescador profissional", "s:considered-other", "s:considered",
       "control: no definition asked"},
      {"quem é considerado pescador profissional", "s:considered", "s:considered-also",
       "'considera-se também' extends a definition"},
      {"pescador profissional", "s:considered-also", "s:considered",
       "control: no definition asked"},
      {"pedido de mudança de nome segundo a lei de 2011", "s:2011", "s:2019", "the year named"},
      {"pedido de mudança de nome", "s:2019", "s:2011", "control: no year"},
      {"quem pode pedir o registo de marcas", "s:entitled", "s:about", "who may: the formula"},
      {"registo de marcas", "s:about", "s:entitled", "control: not a 'quem' question"},
      {"subsídio de funeral", "s:under", "s:scattered", "the term as typed, in its ementa"},
      {"subsídio funeral", "s:scattered", "s:under", "control: no term typed"},
      {"quem define os vogais do conselho de curadores", "s:appoints", "s:object",
       "who: not the organ named"},
      {"vogais do conselho de curadores", "s:object", "s:appoints", "control: no 'quem'"},
      {"quem escolhe os vogais do júri", "s:appoint-jury", "s:choose",
       "who: the verb's equivalent"},
      {"vogais do júri escolhem", "s:choose", "s:appoint-jury", "control: the words alone"},
      {"quem aprova o plano anual de formação", "s:agent", "s:done", "who: the passive's agent"},
      {"plano anual de formação aprovado", "s:done", "s:agent", "control: no 'quem'"},
      {"o que faz o gabinete de estudos", "s:competences", "s:one-competence",
       "competences: the list's intro"},
      {"estudos do gabinete", "s:one-competence", "s:competences", "control: not asked"},
      {"pedido de licença de pesca desportiva", "s:rule", "s:subject", "not the object article"},
      {"objeto da lei do pedido de licença de pesca", "s:subject", "s:rule",
       "control: the object asked for"},
      {"o que deve ter o relatório anual", "s:intro", "s:when", "what it contains: the list"},
      {"relatório anual deve", "s:when", "s:intro", "control: contents not asked"},
      {"segurança social", "s:side-by-side", "s:apart", "the words side by side, in order"},
      {"social segurança", "s:apart", "s:side-by-side", "control: not in that order"},
      {"quem faz o recenseamento dos navios de pesca", "s:charged", "s:done-yearly",
       "who: the one charged with it"},
      {"recenseamento dos navios de pesca", "s:done-yearly", "s:charged", "control: no 'quem'"},
      {"que entidade faz o recenseamento dos navios de pesca", "s:charged", "s:done-yearly",
       "'que entidade' asks who"},
      {"posso instalar viveiros de ostras na ria", "s:may", "s:where", "may I: the rule"},
      {"o meu empregador pode ler o meu correio eletrónico?", "s:pt-mail", "s:br-mail",
       "asked in Portugal: Portuguese law"},
      {"empregador pode ler correio eletrónico", "s:br-mail", "s:pt-mail", "control: no variety"},
      {"meu senhorio pode aumentar a renda?", "s:br-rent", "s:pt-rent",
       "asked in Brazil: Brazilian law"},
      {"senhorio pode aumentar a renda", "s:pt-rent", "s:br-rent", "control: no variety"},
      {"viveiros de ostras instalados na ria", "s:where", "s:may", "control: nothing asked"},
      {"prazo para decidir o pedido de licença de caça", "q#art5/n2", "q#art9/n1",
       "a número read with its article"},
      {"prazo para decidir o pedido", "q#art9/n1", "q#art5/n2", "control: the words alone"},
      {"que disponibilidade deve ter o farmacêutico de piquete noturno?", "s:focus",
       "s:other-words", "the noun asked about"},
      {"disponibilidade do farmacêutico de piquete noturno", "s:other-words", "s:focus",
       "control: nothing asked about"},
      {"o farmacêutico de piquete noturno diz que a disponibilidade é total", "s:other-words",
       "s:focus", "control: this 'que' asks nothing"},
      {"quantos membros tem o conselho consultivo da pesca?", "s:count", "s:no-count",
       "how many: a number before the word counted"},
      {"membros do conselho consultivo da pesca", "s:no-count", "s:count",
       "control: no count asked"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(Above(c.query, c.above, c.below)) << c.query << " (" << c.why << ")";
  }
}

// Facets count each matching paragraph once, although a search runs several match passes (a
// second pass over the same spies once counted everything twice).
// Paging cuts every page from one ranking: 300 results asked 10 at a time are the 300 of one
// request, each once, in its order. The corpus makes the second phase matter past its window:
// short paragraphs that repeat one word of the question lead on BM25, and longer ones with both
// words overtake them once coordination is counted.
TEST(PagingTest, PagesAreCutFromOneRanking) {
  std::vector<nlohmann::json> records;
  for (int i = 0; i < 260; ++i) {
    records.push_back({{"id", "p:one:" + std::to_string(1000 + i)},
                       {"text", "A pensão mínima n.º " + std::to_string(i) + " e a pensão social."},
                       {"doc", "d" + std::to_string(i % 7)}});
  }
  for (int i = 0; i < 200; ++i) {
    records.push_back(
        {{"id", "p:both:" + std::to_string(1000 + i)},
         {"text", "O requerimento n.º " + std::to_string(i) +
                      " da pensão de velhice é instruído com os documentos que o regulamento "
                      "exige e entregue nos serviços do centro distrital da área de residência."},
         {"doc", "d" + std::to_string(i % 5)}});
  }
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("paging"), records, &db));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  // The default window, and narrower ones: each pages consistently.
  for (std::size_t window : {std::size_t{0}, std::size_t{30}, std::size_t{1}}) {
    SCOPED_TRACE("window " + std::to_string(window));
    auto page = [&](std::size_t offset, std::size_t limit) {
      SearchRequest request;
      request.query = "pensão de velhice";
      request.offset = offset;
      request.limit = limit;
      request.rerank_window = window;
      SearchResponse response;
      EXPECT_TRUE(searcher->Search(request, &response).ok());
      std::vector<std::string> ids;
      for (const auto& hit : response.hits) ids.push_back(hit.paragraph.id);
      return ids;
    };
    std::vector<std::string> all = page(0, 300);
    ASSERT_EQ(all.size(), 300u);
    if (window == 0) {
      ASSERT_TRUE(all.front().starts_with("p:both:")) << "the second phase must reorder";
    }
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 300; offset += 10) {
      for (auto& id : page(offset, 10)) paged.push_back(std::move(id));
    }
    EXPECT_EQ(paged, all);
    EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), 300u);
  }
}

// The definition a question asks for reaches the second phase even when its words alone rank it
// far below the window: a term defined once and used in every other paragraph ("incidente") ranks
// its definition low on BM25, since the definition says it once in a long sentence.
TEST(WindowTest, TheAskedKindOfAnswerJoinsTheWindow) {
  std::vector<nlohmann::json> records;
  for (int i = 0; i < 3 * static_cast<int>(kDefaultRerankWindow); ++i) {
    records.push_back(
        {{"id", "w:use:" + std::to_string(1000 + i)},
         {"text", "O incidente n.º " + std::to_string(i) +
                      " é notificado; cada incidente consta do registo de incidentes."},
         {"doc", "d" + std::to_string(i % 7)}});
  }
  records.push_back(
      {{"id", "w:definition"},
       {"text",
        "«Incidente», um evento com um efeito adverso real na segurança das redes e dos "
        "sistemas de informação, que tenha sido detetado pelas entidades, ainda que sem "
        "interrupção do serviço prestado, tal como previsto nos planos aprovados."},
       {"doc", "d-def"}});
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("typed-window"), records, &db));
  // Its words alone leave the definition past the window.
  std::vector<std::string> words = RankedIds(db, "incidente", 0, 1000);
  auto at = std::find(words.begin(), words.end(), "w:definition");
  ASSERT_NE(at, words.end());
  ASSERT_GE(static_cast<std::size_t>(at - words.begin()), kDefaultRerankWindow);
  // Asked what it is, it comes first.
  std::vector<std::string> asked = RankedIds(db, "o que é um incidente?");
  ASSERT_FALSE(asked.empty());
  EXPECT_EQ(asked.front(), "w:definition");
}

// The first phase searches a word's thesaurus expansions (multa | coima) only while the word
// itself is rare: a rare word finds the paragraphs that use the law's word; a word in several
// windows' worth of paragraphs finds enough by itself, and its expansions' posting lists are
// not merged (the field-aware rescoring still weighs them). The same corpus answers both ways.
TEST(WindowTest, OnlyARareWordsExpansionsWidenTheFirstPhase) {
  std::vector<nlohmann::json> records;
  for (int i = 0; i < 400; ++i) {
    records.push_back({{"id", "x:coima:" + std::to_string(1000 + i)},
                       {"text", "A coima n.º " + std::to_string(i) + " é paga no prazo legal."},
                       {"doc", "d" + std::to_string(i % 7)}});
  }
  records.push_back({{"id", "x:multa"},
                     {"text", "A multa aplicada ao condutor é registada no processo."},
                     {"doc", "d-multa"}});
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("rare-expansions"), records, &db));
  // "multa" is in one paragraph: its expansion "coima" brings in the others.
  std::vector<std::string> rare = RankedIds(db, "multa", 0, 1000);
  ASSERT_FALSE(rare.empty());
  EXPECT_EQ(rare.front(), "x:multa");
  EXPECT_EQ(rare.size(), 401u);
  // "coima" is in 400: the paragraph that only says "multa" is not a match of the first phase.
  std::vector<std::string> common = RankedIds(db, "coima", 0, 1000);
  EXPECT_EQ(common.size(), 400u);
  EXPECT_EQ(std::find(common.begin(), common.end(), "x:multa"), common.end());
  // The count is of what is listed, counted exactly or not.
  EXPECT_EQ(Ask(db, "coima", 0, 1000).total, 400u);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  SearchRequest request;
  request.query = "coima";
  request.exact_counts = true;
  SearchResponse exact;
  ASSERT_TRUE(searcher->Search(request, &exact).ok());
  EXPECT_TRUE(exact.total_exact);
  EXPECT_EQ(exact.total, 400u);
}

// A quoted phrase is these words in this order, function words and negation included: the
// index keeps every word's position (function words without a score).
TEST(PhraseTest, FunctionWordsAndNegationStayInAPhrase) {
  std::vector<nlohmann::json> records = {
      {{"id", "ph:not"}, {"text", "Os bilhetes não concluídos constam do relatório mensal."}},
      {{"id", "ph:done"}, {"text", "Os bilhetes concluídos constam do relatório mensal."}},
      {{"id", "ph:purpose"}, {"text", "O juiz ordena para que a perícia seja feita no prazo."}},
      {{"id", "ph:other"}, {"text", "A perícia do juiz é feita no prazo que a lei fixa."}},
      {{"id", "ph:plural"}, {"text", "Importa que as partes não alterem o pedido inicial."}},
      {{"id", "ph:singular"}, {"text", "Importa que a parte não altere o pedido."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("phrases"), records, &db));
  struct Case {
    const char* query;
    std::vector<std::string> ids;  // all the matches, best first
  } cases[] = {
      {"\"bilhetes não concluídos\"", {"ph:not"}},
      {"\"bilhetes concluídos\"", {"ph:done"}},
      {"\"não concluídos\" relatório", {"ph:not"}},
      {"\"para que a perícia seja\"", {"ph:purpose"}},
      {"\"perícia seja feita\"", {"ph:purpose"}},
      {"\"perícia feita\"", {}},  // "do juiz é" stands between them in the other
      // Other inflections of a content word match; the form as typed first, either way round.
      {"\"não alterem o pedido\"", {"ph:plural", "ph:singular"}},
      {"\"não altere o pedido\"", {"ph:singular", "ph:plural"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RankedIds(db, c.query), c.ids) << c.query;
  }
  // BM25 is as without function words: both bilhetes paragraphs score alike for free text.
  SearchResponse free = Ask(db, "bilhetes concluídos relatório");
  ASSERT_EQ(free.hits.size(), 2u);
}

// A free-text question's negation counts: "não" is a function word, not searched, but the
// paragraph that keeps it before the word it negates ranks above one that says the opposite in
// the same words. Without the negation the same words rank the other way (the shorter first).
TEST(NegationTest, AParagraphThatKeepsTheQuestionsNegationRanksFirst) {
  std::vector<nlohmann::json> records = {
      {{"id", "neg:yes"}, {"text", "O beneficiário pode renunciar à pensão."}},
      {{"id", "neg:no"},
       {"text", "O beneficiário não pode renunciar à pensão que lhe foi atribuída pelo centro."}},
      {{"id", "neg:other"}, {"text", "O centro paga a pensão ao beneficiário no prazo."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("negation"), records, &db));
  std::vector<std::string> plain = RankedIds(db, "o beneficiário pode renunciar à pensão");
  ASSERT_GE(plain.size(), 2u);
  EXPECT_EQ(plain[0], "neg:yes");  // the control: words alone
  for (const char* question : {"o beneficiário não pode renunciar à pensão",
                               "quem não pode renunciar à pensão de beneficiário?"}) {
    std::vector<std::string> ids = RankedIds(db, question);
    ASSERT_GE(ids.size(), 2u) << question;
    EXPECT_EQ(ids[0], "neg:no") << question;
  }
}

// A facet lists its kMaxFacetValues most frequent values, the others left out.
TEST(FacetTest, OnlyTheMostFrequentValuesAreListed) {
  std::vector<nlohmann::json> records;
  const std::size_t sources = kMaxFacetValues + 10;
  for (std::size_t s = 0; s < sources; ++s) {
    for (std::size_t i = 0; i <= s % 7; ++i) {  // source s has 1 + s % 7 paragraphs
      records.push_back({{"id", "v:" + std::to_string(s) + ":" + std::to_string(i)},
                         {"text", "O prazo de reclamação é de dez dias."},
                         {"source", "Portaria n.º " + std::to_string(100 + s) + "/2020"}});
    }
  }
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("facet-cap"), records, &db));
  SearchResponse response = Ask(db, "prazo de reclamação");
  const auto& listed = response.facets["source"];
  ASSERT_EQ(listed.size(), kMaxFacetValues);
  std::size_t least_listed = 100;
  for (const auto& [source, count] : listed) least_listed = std::min(least_listed, count);
  for (std::size_t s = 0; s < sources; ++s) {  // every source left out has no more paragraphs
    std::string source = "Portaria n.º " + std::to_string(100 + s) + "/2020";
    if (!listed.count(source)) {
      EXPECT_LE(1 + s % 7, least_listed) << source;
    }
  }
}

// Counting is bounded by default: with more matches than the first phase's candidates, the
// facets count the candidates and say so; exact counts, on request, count every match (on a
// database of some size, where the rescoring passes must not count twice).
TEST(FacetTest, CountsAreExactOnRequestAndFlaggedOtherwise) {
  const char* sources[] = {"Lei n.º 1/2001", "Lei n.º 2/2002", "Lei n.º 3/2003"};
  // Each topic has words of its own.
  const char* topics[] = {"pensão de velhice pela carreira contributiva",
                          "abono de família pelo agregado familiar",
                          "subsídio de doença pela incapacidade temporária",
                          "licença parental pelo nascimento do filho"};
  std::map<std::string, std::size_t> expected;  // source -> paragraphs about pensions
  std::vector<nlohmann::json> records;
  for (int i = 0; i < 1500; ++i) {
    std::string source = sources[i % 3];
    std::string topic = topics[(i / 3) % 4];
    if (topic == topics[0]) ++expected[source];
    records.push_back({{"id", "f:" + std::to_string(i)},
                       {"text", "O requerimento n.º " + std::to_string(i) + " de " + topic +
                                    " é decidido pelo serviço competente."},
                       {"source", source},
                       {"doc", source}});
  }
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("facets-big"), records, &db));
  std::size_t all = 0;
  for (const auto& [source, n] : expected) all += n;
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  SearchRequest request;
  request.query = "\"pensão de velhice\"";
  SearchResponse bounded, exact;
  ASSERT_TRUE(searcher->Search(request, &bounded).ok());
  request.exact_counts = true;
  ASSERT_TRUE(searcher->Search(request, &exact).ok());
  ASSERT_GT(all, kDefaultRerankWindow);  // more matches than the window
  EXPECT_FALSE(bounded.facets_exact);
  std::size_t counted = 0;
  for (const auto& [source, n] : bounded.facets["source"]) {
    EXPECT_LE(n, expected[source]) << source;
    counted += n;
  }
  EXPECT_EQ(counted, kDefaultRerankWindow);
  EXPECT_TRUE(exact.total_exact);
  EXPECT_TRUE(exact.facets_exact);
  EXPECT_EQ(exact.total, all);
  EXPECT_EQ(exact.facets["source"], expected);
  // Both rank alike: exact counting changes the counts only.
  ASSERT_EQ(bounded.hits.size(), exact.hits.size());
  for (std::size_t i = 0; i < exact.hits.size(); ++i) {
    EXPECT_EQ(bounded.hits[i].paragraph.id, exact.hits[i].paragraph.id) << i;
  }
}

// `total` counts what a search can return, when it says it is exact: on request, or when every
// match is a candidate (a deep page). Xapian's estimate can be far off (1100 for 688 paragraphs
// on corpus + br-akn), so the exact count is the lower bound after checking every match. Some
// paragraphs are repeated, so collapsing (one result for identical paragraphs) is part of what
// is counted.
TEST(FacetTest, TotalIsTheNumberOfResultsASearchCanReturn) {
  const char* verbs[] = {"paga", "gere", "fiscaliza", "atribui"};
  const char* things[] = {"as pensões de velhice", "os subsídios de doença",
                          "as pensões de invalidez", "as contribuições", "o abono de família"};
  std::vector<nlohmann::json> records;
  for (int i = 0; i < 1200; ++i) {
    std::string text = "O serviço " + std::to_string(i) + " " + verbs[i % 4] + " " +
                       things[(i * 7) % 5] + " no distrito " + std::to_string(i % 18) + ".";
    for (int copy = 0; copy < (i % 50 == 0 ? 2 : 1); ++copy) {
      records.push_back({{"id", "t:" + std::to_string(records.size())},
                         {"text", text},
                         {"doc", "t" + std::to_string(i % 7)}});
    }
  }
  ASSERT_EQ(records.size(), 1224u);
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("total"), records, &db));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  for (const char* query : {"pensões", "quem paga pensões de velhice"}) {
    SCOPED_TRACE(query);
    SearchRequest request;
    request.query = query;
    request.limit = 5;
    SearchResponse few, few_exact, all;
    ASSERT_TRUE(searcher->Search(request, &few).ok());
    request.exact_counts = true;
    ASSERT_TRUE(searcher->Search(request, &few_exact).ok());
    request.exact_counts = false;
    request.limit = kMaxResults;
    ASSERT_TRUE(searcher->Search(request, &all).ok());
    ASSERT_GT(all.hits.size(), 300u);         // well past the re-ranking depth ...
    ASSERT_LT(all.hits.size(), kMaxResults);  // ... and all of them returned
    EXPECT_TRUE(all.total_exact);
    EXPECT_EQ(all.total, all.hits.size());
    EXPECT_TRUE(few_exact.total_exact);
    EXPECT_EQ(few_exact.total, all.hits.size());
    EXPECT_FALSE(few.facets_exact);  // only the candidates were counted
    if (few.total_exact) {
      EXPECT_EQ(few.total, all.hits.size());
    }
  }
}

TEST(IndexTest, ReindexingReplacesInsteadOfDuplicating) {
  std::string db = (FreshDir("reindex") / "db").string();
  IndexStats first, second;
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    ASSERT_TRUE(w->IndexPaths({(SourceDir() / "corpus").string()}, {}, &first).ok());
  }
  std::unique_ptr<IndexWriter> w;
  ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
  std::size_t count = w->paragraph_count();
  IndexOptions force;  // without it the manifest skips the unchanged corpus (batch_test.cc)
  force.force = true;
  ASSERT_TRUE(w->IndexPaths({(SourceDir() / "corpus").string()}, force, &second).ok());
  EXPECT_GT(first.paragraphs_added, 80u);
  EXPECT_EQ(second.paragraphs_added, 0u);
  EXPECT_EQ(second.paragraphs_replaced, first.paragraphs_added);
  EXPECT_EQ(w->paragraph_count(), count);
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

TEST(IndexTest, SecondWriterIsToldTheDatabaseIsLocked) {
  std::string db = (FreshDir("locked") / "db").string();
  std::unique_ptr<IndexWriter> first, second;
  ASSERT_TRUE(IndexWriter::Open(db, &first).ok());
  Status s = IndexWriter::Open(db, &second);
  EXPECT_EQ(s.code(), Status::Code::kLocked);
  EXPECT_NE(s.ToString().find("locked by another indexer"), std::string::npos);
  EXPECT_NE(s.ToString().find(db), std::string::npos);
}

// Add() is durable and visible only at Commit(), however many records come before it: Xapian
// would otherwise commit by itself every XAPIAN_FLUSH_THRESHOLD changes (5 here, 10,000 by
// default). A writer dropped without Commit() leaves the last committed state.
TEST(IndexTest, AddedRecordsAppearOnlyAtCommit) {
  std::string db = (FreshDir("add-commit") / "db").string();
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "5", 1);
  auto add = [&](IndexWriter* w, int from, int to) {
    for (int i = from; i < to; ++i) {
      Paragraph p;
      p.id = "a#" + std::to_string(i);
      p.text = "Processar e pagar a pensão número " + std::to_string(i);
      ASSERT_TRUE(w->Add(p).ok());
    }
  };
  auto committed = [&] { return Xapian::Database(db).get_doccount(); };
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    ASSERT_NO_FATAL_FAILURE(add(w.get(), 0, 20));
    EXPECT_EQ(committed(), 0u);
    ASSERT_TRUE(w->Commit().ok());
    EXPECT_EQ(committed(), 20u);
    ASSERT_NO_FATAL_FAILURE(add(w.get(), 20, 40));  // and again after a commit
    EXPECT_EQ(committed(), 20u);
  }  // dropped without Commit()
  EXPECT_EQ(committed(), 20u);
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    ASSERT_NO_FATAL_FAILURE(add(w.get(), 20, 30));
    IndexStats stats;  // a batch after Add()s carries them into its own commit
    ASSERT_TRUE(w->IndexPaths({}, {}, &stats).ok());
    EXPECT_EQ(committed(), 30u);
  }
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
}

TEST(IndexTest, VersionMismatchIsAClearError) {
  std::string db = (FreshDir("versions") / "db").string();
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    Paragraph p;
    p.id = "t#1";
    p.text = "Processar e pagar pensões";
    ASSERT_TRUE(w->Add(p).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  {
    Xapian::WritableDatabase raw(db);
    raw.set_metadata("portaria.analyzer_version", "0-old");
    raw.commit();
  }
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(db, &searcher);
  EXPECT_EQ(s.code(), Status::Code::kVersionMismatch);
  EXPECT_NE(s.message().find("0-old"), std::string::npos);
  std::unique_ptr<IndexWriter> writer;
  EXPECT_EQ(IndexWriter::Open(db, &writer).code(), Status::Code::kVersionMismatch);
}

TEST(IndexTest, MissingDatabaseIsNotFound) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open((FreshDir("missing") / "nothing-here").string(), &searcher);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace portaria
