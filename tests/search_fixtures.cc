#include "tests/search_fixtures.h"

#include <fstream>
#include <memory>

#include "gtest/gtest.h"
#include "portaria/index.h"

namespace portaria::search_fixtures {

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

SearchResponse Ask(const std::string& db, const std::string& query, std::size_t offset,
                   std::size_t limit) {
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

std::vector<std::string> RankedIds(const std::string& db, const std::string& query,
                                   std::size_t offset, std::size_t limit) {
  SearchResponse response = Ask(db, query, offset, limit);
  std::vector<std::string> ids;
  for (const auto& hit : response.hits) ids.push_back(hit.paragraph.id);
  return ids;
}

}  // namespace portaria::search_fixtures
