// Tests of the one mapping from Xapian's exceptions to Statuses (schema/xapian_error.h), and that
// a corrupt database reaches a searcher's caller as kCorruption.
#include "schema/xapian_error.h"

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

TEST(XapianErrorTest, EachKindOfErrorHasItsCode) {
  struct Case {
    const Xapian::Error& error;
    Status::Code code;
  } cases[] = {
      {Xapian::DatabaseCorruptError("bad block"), Status::Code::kCorruption},
      {Xapian::DatabaseLockError("held"), Status::Code::kLocked},
      {Xapian::DatabaseError("disk full"), Status::Code::kIOError},
      {Xapian::NetworkError("peer gone"), Status::Code::kIOError},
  };
  for (const Case& c : cases) {
    Status s = schema::StatusFromXapian(c.error, "/tmp/db");
    EXPECT_EQ(s.code(), c.code) << c.error.get_description();
    EXPECT_NE(s.ToString().find(c.error.get_msg()), std::string::npos) << s.ToString();
    EXPECT_NE(s.ToString().find("/tmp/db"), std::string::npos) << s.ToString();
  }
}

// A database whose posting table is overwritten answers kCorruption, not a generic I/O error,
// so an operator knows to rebuild it rather than to check the disk or the permissions.
TEST(XapianErrorTest, ACorruptDatabaseIsReportedAsCorruption) {
  std::filesystem::path dir = testing::FreshDir("corrupt");
  std::string db = (dir / "db").string();
  {
    std::ofstream out(dir / "records.jsonl");
    for (int i = 0; i < 50; ++i) {
      out << R"({"id": "c:)" << i << R"(", "text": "A pensão de velhice número )" << i
          << R"( é paga pelo centro."})"
          << "\n";
    }
  }
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(db, &writer).ok());
  IndexStats stats;
  ASSERT_TRUE(writer->IndexPaths({(dir / "records.jsonl").string()}, {}, &stats).ok());
  writer.reset();
  std::filesystem::path postlist = std::filesystem::path(db) / "postlist.glass";
  ASSERT_TRUE(std::filesystem::exists(postlist));
  {
    std::fstream table(postlist, std::ios::in | std::ios::out | std::ios::binary);
    std::string garbage(std::filesystem::file_size(postlist), '\xff');
    table.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(db, &searcher);
  if (s.ok()) {
    SearchRequest request;
    request.query = "pensão de velhice";
    SearchResponse response;
    s = searcher->Search(request, &response);
  }
  EXPECT_EQ(s.code(), Status::Code::kCorruption) << s.ToString();
  EXPECT_NE(s.ToString().find(db), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace portaria
