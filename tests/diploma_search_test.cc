// The real Portuguese diplomas of shared/corpus/pt-dr, indexed and searched as a user would:
// each structure probe (shared/eval/pt-structure-dev.jsonl, and our own
// tests/eval/pt-structure-own.jsonl) is an exact phrase whose paragraph must come back among the
// first three results, mended, at most 2,000 characters, with its article, número, alínea,
// organ and source. The reader's own fixtures are in diploma_fixture_test.cc; this suite checks
// that what the reader makes survives indexing and phrase search.
#include <nlohmann/json.hpp>
#include <sstream>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;
using testing::ReadFileToString;
using testing::SharedDir;
using testing::SourceDir;

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "19.º-A" -> "19-A", "3.º" -> "3": the probes write articles without the ordinal mark.
std::string Bare(std::string article) {
  for (std::string_view mark : {".º", "º"}) {
    for (std::size_t at; (at = article.find(mark)) != std::string::npos;)
      article.erase(at, mark.size());
  }
  return article;
}

class DiplomaSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (SharedDir().empty()) return;
    db_ = new std::string((FreshDir("diploma-search-db") / "db").string());
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(*db_, &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(writer->IndexPaths({(SharedDir() / "corpus/pt-dr").string()}, {}, &stats).ok());
    ASSERT_TRUE(stats.errors.empty()) << stats.errors.front().ToString();
    ASSERT_EQ(stats.files_indexed, 10u);
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }

  void SetUp() override {
    if (SharedDir().empty()) GTEST_SKIP() << "shared directory not found";
    ASSERT_TRUE(Searcher::Open(*db_, &searcher_).ok());
  }

  // Every probe of a file; returns how many hold and describes the others in *failures.
  int Probe(const std::filesystem::path& file, int* count, std::string* failures) {
    std::istringstream lines(ReadFileToString(file));
    int held = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      ++*count;
      nlohmann::json probe = nlohmann::json::parse(line);
      SearchRequest request;
      request.query = "\"" + probe["phrase"].get<std::string>() + "\"";
      request.limit = 3;
      SearchResponse response;
      EXPECT_TRUE(searcher_->Search(request, &response).ok());
      bool ok = false;
      std::string seen;
      for (const auto& hit : response.hits) {
        const Paragraph& p = hit.paragraph;
        auto field = [&](const char* name) { return probe[name].get<std::string>(); };
        bool source = false;
        for (const auto& s : probe["source"])
          source |= p.source.find(s.get<std::string>()) != std::string::npos;
        bool match = p.text.find(field("phrase")) != std::string::npos && p.text.size() <= 2000 &&
                     p.text.find("Pág.") == std::string::npos &&
                     (field("article").empty() || Bare(p.article) == field("article")) &&
                     (field("number").empty() || p.number == field("number")) &&
                     (field("letter").empty() || p.letter == field("letter")) &&
                     (field("unit").empty() ||
                      Lower(p.unit).find(Lower(field("unit"))) != std::string::npos) &&
                     source;
        ok |= match;
        seen += "\n    art " + p.article + " n " + p.number + " al " + p.letter + " unit [" +
                p.unit + "] source [" + p.source + "] " + p.text.substr(0, 60);
      }
      if (ok) {
        ++held;
      } else {
        *failures += "\n  " + line + seen;
      }
    }
    return held;
  }

  static std::string* db_;
  std::unique_ptr<Searcher> searcher_;
};
std::string* DiplomaSearchTest::db_ = nullptr;

TEST_F(DiplomaSearchTest, SharedStructureProbesAllHold) {
  int count = 0;
  std::string failures;
  int held = Probe(SharedDir() / "eval/pt-structure-dev.jsonl", &count, &failures);
  EXPECT_GT(count, 0);
  EXPECT_EQ(held, count) << failures;
}

TEST_F(DiplomaSearchTest, OwnStructureProbesAllHold) {
  int count = 0;
  std::string failures;
  int held = Probe(SourceDir() / "tests/eval/pt-structure-own.jsonl", &count, &failures);
  EXPECT_GT(count, 0);
  EXPECT_EQ(held, count) << failures;
}

// The organ of a competence list is a facet and a filter, as on the seed page.
TEST_F(DiplomaSearchTest, OrgansAreFacetsAndFilters) {
  SearchRequest request;
  request.query = "recrutamento unidade:DGPRM";
  SearchResponse response;
  ASSERT_TRUE(searcher_->Search(request, &response).ok());
  ASSERT_FALSE(response.hits.empty());
  for (const auto& hit : response.hits) {
    EXPECT_NE(hit.paragraph.unit.find("DGPRM"), std::string::npos) << hit.paragraph.unit;
  }
  const auto& units = response.facets["unit"];
  EXPECT_TRUE(units.count("Direcção-Geral de Pessoal e Recrutamento Militar (DGPRM)"));
}

}  // namespace
}  // namespace portaria
