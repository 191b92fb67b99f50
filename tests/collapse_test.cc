// Identical paragraphs (same unit, same text) are one result. The first phase does not collapse
// them (it would prune less, searcher/retrieve.cc); the candidates' scoring does, so every page
// and the exact path see each text once.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;

// 600 paragraphs about pensions in 400 distinct texts: every third text is there twice, in
// the same unit under another id (and another heading, so the two weigh differently).
std::string MakeDatabase() {
  std::filesystem::path dir = FreshDir("collapse");
  std::string db = (dir / "db").string();
  {
    std::ofstream out(dir / "records.jsonl");
    int id = 0;
    for (int i = 0; i < 400; ++i) {
      std::string text = "O serviço " + std::to_string(i) +
                         " paga as pensões de velhice no distrito " + std::to_string(i % 18) +
                         (i % 2 ? " e de invalidez." : ".");
      for (int copy = 0; copy < (i % 3 == 0 ? 2 : 1); ++copy) {
        nlohmann::json r = {{"id", "c:" + std::to_string(id++)},
                            {"text", text},
                            {"unit", "Centro Nacional de Pensões"},
                            {"section", copy ? "Pensões" : "Outros assuntos"}};
        out << r.dump() << "\n";
      }
    }
  }
  std::unique_ptr<IndexWriter> w;
  EXPECT_TRUE(IndexWriter::Open(db, &w).ok());
  IndexStats stats;
  EXPECT_TRUE(w->IndexPaths({(dir / "records.jsonl").string()}, {}, &stats).ok());
  EXPECT_EQ(stats.paragraphs_added, 534u);
  return db;
}

TEST(CollapseTest, IdenticalParagraphsAreOneResultOnEveryPath) {
  std::string db = MakeDatabase();
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  for (bool exact : {false, true}) {
    for (std::size_t limit : {std::size_t{10}, std::size_t{300}, kMaxResults}) {
      SCOPED_TRACE(std::to_string(limit) + (exact ? " exact" : ""));
      SearchRequest request;
      request.query = "pensões de velhice";
      request.limit = limit;
      request.exact_counts = exact;
      SearchResponse r;
      ASSERT_TRUE(searcher->Search(request, &r).ok());
      ASSERT_EQ(r.hits.size(), std::min<std::size_t>(limit, 400));
      std::set<std::string> texts;
      for (const auto& h : r.hits) {
        EXPECT_TRUE(texts.insert(h.paragraph.text).second) << "twice: " << h.paragraph.text;
      }
      if (limit == kMaxResults) {
        EXPECT_TRUE(r.total_exact);
        EXPECT_EQ(r.total, 400u);
      }
    }
  }
}

}  // namespace
}  // namespace portaria
