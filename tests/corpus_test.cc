// The real corpora end to end: the bundled page plus the 68 Brazilian acts of ../shared index
// without errors, and a phrase taken from lettered points finds that point, with its letter.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;
using testing::SharedDir;
using testing::SourceDir;

// The first `n` words of `text` (fewer if it is shorter).
std::string FirstWords(const std::string& text, int n) {
  std::istringstream in(text);
  std::string word, out;
  for (int i = 0; i < n && in >> word; ++i) out += (out.empty() ? "" : " ") + word;
  return out;
}

TEST(CorpusTest, LetteredPointsOfTheBrazilianActsAreFoundByAPhraseWithTheirLetter) {
  if (SharedDir().empty()) GTEST_SKIP() << "../shared not present";
  auto acts = SharedDir() / "corpus" / "br-akn";
  std::string db = (FreshDir("corpus") / "db").string();
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(
        writer->IndexPaths({(SourceDir() / "corpus").string(), acts.string()}, {}, &stats).ok());
    EXPECT_TRUE(stats.errors.empty()) << stats.errors.front().ToString();
    EXPECT_EQ(stats.files_indexed, 69u);
    EXPECT_GT(stats.paragraphs_added, 21000u);
  }
  // Lettered points whose text is unique in the corpus (a repeated text is one result).
  std::vector<Paragraph> points;
  std::map<std::string, int> text_count;
  for (const auto& entry : std::filesystem::directory_iterator(acts)) {
    indexer::ReadResult read = indexer::ReadFile(entry.path());
    ASSERT_FALSE(read.fatal) << entry.path();
    for (auto& p : read.paragraphs) {
      ++text_count[p.text];
      if (p.letter.size() == 1 && p.letter[0] >= 'a' && p.letter[0] <= 'z') points.push_back(p);
    }
  }
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  ASSERT_GT(points.size(), 1000u);

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  int checked = 0;
  for (std::size_t i = 0; i < points.size(); i += 25) {  // a deterministic sample of ~55
    const Paragraph& point = points[i];
    std::string phrase = FirstWords(point.text, 8);
    if (text_count[point.text] > 1 || phrase.find('"') != std::string::npos) continue;
    SCOPED_TRACE(point.id + ": " + phrase);
    SearchRequest request;
    request.query = "\"" + phrase + "\"";
    request.limit = 100;
    SearchResponse response;
    ASSERT_TRUE(searcher->Search(request, &response).ok());
    bool found = false;
    for (const auto& hit : response.hits) {
      if (hit.paragraph.id == point.id) {
        found = true;
        EXPECT_EQ(hit.paragraph.letter, point.letter);
        EXPECT_EQ(hit.paragraph.source, point.source);
      }
    }
    EXPECT_TRUE(found);
    ++checked;
  }
  EXPECT_GT(checked, 40);
}

// Long natural questions over a corpus of some size: each must answer. A
// regression test for a crash inside Xapian 1.4.22's matcher when two OP_MAX subqueries under
// an OR are pruned (bench/README.md): every question word has that shape, so the searcher must
// never let Xapian prune. It runs everywhere: the bundled page and 1,500 paragraphs made here,
// and the Brazilian acts of ../shared when present.
TEST(CorpusTest, LongQuestionsOverTheWholeCorpusAnswer) {
  std::filesystem::path dir = FreshDir("corpus-long");
  std::string db = (dir / "db").string();
  {
    const char* subjects[] = {"A criança", "O adolescente", "A segurança social", "O órgão público",
                              "O pensionista emigrante"};
    const char* predicates[] = {"tem direito a resposta ao pedido de informação no prazo de",
                                "paga as reformas e as pensões de sobrevivência desde",
                                "é considerada pessoa até à idade de", "vira titular aos"};
    std::ofstream out(dir / "made.jsonl");
    for (int i = 0; i < 1500; ++i) {
      out << R"({"id": "made:)" << i << R"(", "text": ")" << subjects[i % 5] << " "
          << predicates[(i / 5) % 4] << " " << (i % 97) + 1 << R"( dias."})"
          << "\n";
    }
  }
  std::vector<std::string> paths = {(SourceDir() / "corpus").string(),
                                    (dir / "made.jsonl").string()};
  if (!SharedDir().empty()) paths.push_back((SharedDir() / "corpus" / "br-akn").string());
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(writer->IndexPaths(paths, {}, &stats).ok());
    ASSERT_GE(stats.paragraphs_added, 1500u);
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  for (const char* q :
       {"até que idade a pessoa é considerada criança e a partir de quando vira adolescente",
        "pessoa é considerada criança e a partir de quando vira adolescente",
        "quanto tempo o órgão público tem pra responder meu pedido de informação",
        "quem paga as reformas e as pensões de sobrevivência dos emigrantes"}) {
    SCOPED_TRACE(q);
    SearchRequest request;
    request.query = q;
    SearchResponse response;
    Status s = searcher->Search(request, &response);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_FALSE(response.hits.empty());
    std::size_t unit_total = 0;
    for (const auto& [unit, n] : response.facets["unit"]) unit_total += n;
    EXPECT_LE(unit_total, response.total);
  }
}

// Two shards opened through a Xapian stub file rank exactly like one database holding both:
// same ids, same scores, same order (the ids are global and ties are broken by id).
TEST(CorpusTest, ShardsRankExactlyLikeOneDatabase) {
  if (SharedDir().empty()) GTEST_SKIP() << "../shared not present";
  auto dir = FreshDir("shards");
  std::string page = (SourceDir() / "corpus").string();
  std::string acts = (SharedDir() / "corpus" / "br-akn").string();
  auto index = [](const std::string& db, const std::vector<std::string>& paths) {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(writer->IndexPaths(paths, {}, &stats).ok());
  };
  index((dir / "one").string(), {page, acts});
  index((dir / "a").string(), {page});
  index((dir / "b").string(), {acts});
  testing::WriteStringToFile(dir / "shards.stub", "auto " + (dir / "a").string() + "\nauto " +
                                                      (dir / "b").string() + "\n");
  std::unique_ptr<Searcher> one, sharded;
  ASSERT_TRUE(Searcher::Open((dir / "one").string(), &one).ok());
  Status s = Searcher::Open((dir / "shards.stub").string(), &sharded);
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (const char* q :
       {"quem paga pensões", "prazo para recorrer de uma decisão administrativa",
        "o que a lei considera uma startup", "Lei 9.784 delegação", "\"regime aberto\" pena"}) {
    SCOPED_TRACE(q);
    SearchRequest request;
    request.query = q;
    request.limit = 20;
    SearchResponse a, b;
    ASSERT_TRUE(one->Search(request, &a).ok());
    ASSERT_TRUE(sharded->Search(request, &b).ok());
    EXPECT_EQ(a.total, b.total);
    ASSERT_EQ(a.hits.size(), b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_EQ(a.hits[i].paragraph.id, b.hits[i].paragraph.id) << i;
      EXPECT_DOUBLE_EQ(a.hits[i].score, b.hits[i].score) << i;
    }
    EXPECT_EQ(a.facets, b.facets);
  }
}

}  // namespace
}  // namespace portaria
