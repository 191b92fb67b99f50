// What a search returns of its matches: pages cut from one ranking, what joins the re-ranking
// window, facets and totals (bounded or exact), one paragraph per diploma when grouped.
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/search_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using search_fixtures::Ask;
using search_fixtures::IndexRecords;
using search_fixtures::RankedIds;
using testing::FreshDir;
using testing::SourceDir;

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

}  // namespace
}  // namespace portaria
