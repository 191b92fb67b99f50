// What the search suites that write their own small JSON Lines corpora share: such a corpus
// indexed, and a question asked of it (search_ranking_test.cc, search_paging_facets_test.cc).
#ifndef PORTARIA_TESTS_SEARCH_FIXTURES_H_
#define PORTARIA_TESTS_SEARCH_FIXTURES_H_

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "portaria/search.h"

namespace portaria::search_fixtures {

// Writes `records` as one JSON Lines file in `dir` and indexes it into `dir`/db, which it
// returns in *db; every record must become a paragraph.
void IndexRecords(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records,
                  std::string* db);

// `query` asked of the database at `db` through the library.
SearchResponse Ask(const std::string& db, const std::string& query, std::size_t offset = 0,
                   std::size_t limit = 10);

// The ids of the hits for `query` on the database at `db`, best first.
std::vector<std::string> RankedIds(const std::string& db, const std::string& query,
                                   std::size_t offset = 0, std::size_t limit = 10);

}  // namespace portaria::search_fixtures

#endif  // PORTARIA_TESTS_SEARCH_FIXTURES_H_
