// Compaction (portaria-index --compact, IndexWriter::Compact): the same paragraphs, manifest and
// ranking in less space, a writer that goes on writing, an interrupted compaction repaired.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "indexer/writer.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/batch_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using batch_fixtures::AnyHitContains;
using batch_fixtures::DocCount;
using batch_fixtures::GenerateJsonLines;
using batch_fixtures::Index;
using batch_fixtures::IndexRun;
using batch_fixtures::MakeCorpus;
using batch_fixtures::Manifest;
using batch_fixtures::Search;
using testing::FreshDir;
using testing::WriteStringToFile;

std::uintmax_t DirBytes(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

std::vector<std::string> HitIds(const std::vector<SearchHit>& hits) {
  std::vector<std::string> ids;
  for (const auto& h : hits) ids.push_back(h.paragraph.id);
  return ids;
}

}  // namespace

// Compaction rewrites the database beside itself and swaps it in: what it holds, how it ranks
// and what the next run finds unchanged stay the same; only its size falls.
TEST(BatchTest, CompactKeepsEveryParagraphTheManifestAndTheRankingAndShrinksTheDatabase) {
  fs::path base = FreshDir("compact");
  fs::path in = MakeCorpus(base), db = base / "db";
  GenerateJsonLines(in / "generated", 8, 400);
  IndexRun first = Index(db, {in}, "--batch 500");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.summary["compacted"], false);
  const std::size_t count = DocCount(db);
  const auto manifest = Manifest(db);
  const std::uintmax_t bytes = DirBytes(db);
  const auto pensions = HitIds(Search(db, "quem paga pensões de invalidez"));
  const auto phrase = HitIds(Search(db, "\"subsídios de doença\""));
  ASSERT_FALSE(pensions.empty());
  ASSERT_FALSE(phrase.empty());

  std::unique_ptr<Searcher> open_before;  // a searcher that has the database open throughout
  ASSERT_TRUE(Searcher::Open(db.string(), &open_before).ok());

  IndexRun compacted = Index(db, {in}, "--compact");
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  SearchRequest request;
  request.query = "quem paga pensões de invalidez";
  request.limit = 50;
  SearchResponse response;
  Status s = open_before->Search(request, &response);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(HitIds(response.hits), pensions);
  EXPECT_EQ(compacted.summary["compacted"], true);
  EXPECT_EQ(compacted.summary["unchanged"], first.summary["indexed"]);
  EXPECT_EQ(DocCount(db), count);
  EXPECT_EQ(Manifest(db), manifest);
  EXPECT_LT(DirBytes(db), bytes);
  EXPECT_EQ(HitIds(Search(db, "quem paga pensões de invalidez")), pensions);
  EXPECT_EQ(HitIds(Search(db, "\"subsídios de doença\"")), phrase);
  EXPECT_FALSE(fs::exists(indexer::CompactingPath(db.string())));
  EXPECT_FALSE(fs::exists(indexer::CompactedAwayPath(db.string())));
  // The next run still finds every file as it left it.
  EXPECT_EQ(Index(db, {in}).summary["unchanged"], first.summary["indexed"]);
  // A dry run compacts nothing.
  IndexRun dry = Index(db, {in}, "--dry-run --compact");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.summary["compacted"], false);
}

TEST(BatchTest, TheWriterGoesOnWritingAfterCompact) {
  fs::path base = FreshDir("compact-write");
  fs::path db = base / "db";
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(db.string(), &writer).ok());
  Paragraph first;
  first.id = "w:1";
  first.text = "Pagar as pensões de velhice no estrangeiro.";
  ASSERT_TRUE(writer->Add(first).ok());
  Status s = writer->Compact();
  ASSERT_TRUE(s.ok()) << s.ToString();
  Paragraph second;
  second.id = "w:2";
  second.text = "Fiscalizar as entidades empregadoras.";
  ASSERT_TRUE(writer->Add(second).ok());
  ASSERT_TRUE(writer->Commit().ok());
  EXPECT_EQ(writer->paragraph_count(), 2u);
  // The writer holds the compacted database's lock: a second indexer is refused.
  IndexRun locked = Index(db, {base / "none"});
  EXPECT_EQ(locked.exit_code, 2) << locked.err;
  writer.reset();
  EXPECT_EQ(DocCount(db), 2u);
  EXPECT_TRUE(AnyHitContains(Search(db, "pensões de velhice"), "estrangeiro"));
  EXPECT_TRUE(AnyHitContains(Search(db, "entidades empregadoras"), "Fiscalizar"));
}

// A crash between Compact()'s two renames leaves the database only under its aside name (and
// maybe a half-written copy): the next Open() puts it back, the next Compact() clears the rest.
TEST(BatchTest, AnInterruptedCompactIsRepairedByTheNextOpen) {
  fs::path base = FreshDir("compact-crash");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  const std::size_t count = DocCount(db);
  fs::rename(db, indexer::CompactedAwayPath(db.string()));
  fs::create_directories(indexer::CompactingPath(db.string()));
  WriteStringToFile(fs::path(indexer::CompactingPath(db.string())) / "postlist.glass", "partial");

  std::unique_ptr<IndexWriter> writer;
  Status s = IndexWriter::Open(db.string(), &writer);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(writer->paragraph_count(), count);
  EXPECT_FALSE(fs::exists(indexer::CompactedAwayPath(db.string())));
  s = writer->Compact();
  ASSERT_TRUE(s.ok()) << s.ToString();
  writer.reset();
  EXPECT_FALSE(fs::exists(indexer::CompactingPath(db.string())));
  EXPECT_EQ(DocCount(db), count);
  EXPECT_EQ(Index(db, {in}).summary["unchanged"], 3);
}

}  // namespace portaria
