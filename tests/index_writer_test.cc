// The index writer's database: re-indexing replaces, one writer at a time, records visible only
// at Commit(), a version mismatch and a missing database as clear errors.
#include <xapian.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;
using testing::SourceDir;

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
