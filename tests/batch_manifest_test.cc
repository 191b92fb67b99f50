// Batch indexing (schema/BATCH.md) through the portaria-index program, run again and again: the
// manifest's incremental re-runs, removal of missing files, dry runs, duplicate ids, walk order.
#include <sys/stat.h>
#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "schema/schema.h"
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
using batch_fixtures::JsonLine;
using batch_fixtures::MakeCorpus;
using batch_fixtures::Manifest;
using batch_fixtures::Search;
using testing::FreshDir;
using testing::SourceDir;
using testing::WriteStringToFile;

// Files are prepared on a second thread but written in walk order: docids follow the files'
// keys and, within a file, the paragraphs' order, also with files that fail in between.
TEST(BatchTest, DocumentsAreWrittenInWalkOrderWhicheverThreadPreparedThem) {
  fs::path base = FreshDir("order");
  GenerateJsonLines(base / "in", 12, 40);
  WriteStringToFile(base / "in" / "part-0003b.jsonl", "{not json\n");
  fs::copy_file(SourceDir() / "tests/data/bad/invalid_utf8.md", base / "in" / "part-0007b.md");
  fs::path db = base / "db";
  {
    std::unique_ptr<IndexWriter> writer;
    ASSERT_TRUE(IndexWriter::Open(db.string(), &writer).ok());
    IndexStats stats;
    ASSERT_TRUE(writer->IndexPaths({(base / "in").string()}, {}, &stats).ok());
    EXPECT_EQ(stats.files_indexed, 12u);
    EXPECT_EQ(stats.files_failed, 2u);
    EXPECT_EQ(stats.paragraphs_added, 12u * 40u);
  }
  Xapian::Database d(db.string());
  ASSERT_EQ(d.get_doccount(), 12u * 40u);
  std::pair<int, int> previous{-1, -1};
  for (Xapian::docid id = 1; id <= d.get_lastdocid(); ++id) {
    std::string key = d.get_document(id).get_value(schema::kSlotId);  // "gen:FILE:RECORD"
    int file = -1, record = -1;
    ASSERT_EQ(std::sscanf(key.c_str(), "gen:%d:%d", &file, &record), 2) << key;
    EXPECT_LT(previous, std::make_pair(file, record)) << "docid " << id;
    previous = {file, record};
  }
}

TEST(BatchTest, SecondRunOverUnchangedFilesIsANoOp) {
  fs::path base = FreshDir("noop");
  fs::path in = MakeCorpus(base), db = base / "db";
  IndexRun first = Index(db, {in});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.summary["indexed"], 3);
  EXPECT_EQ(first.summary["unsupported"], 1);
  EXPECT_GT(first.summary["added"].get<int>(), 90);
  EXPECT_GE(first.summary["commits"].get<int>(), 1);
  const auto revision = Xapian::Database(db.string()).get_revision();
  const std::size_t count = DocCount(db);

  IndexRun second = Index(db, {in});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.summary["unchanged"], 3);
  EXPECT_EQ(second.summary["indexed"], 0);
  EXPECT_EQ(second.summary["added"], 0);
  EXPECT_EQ(second.summary["replaced"], 0);
  EXPECT_EQ(second.summary["deleted"], 0);
  EXPECT_EQ(second.summary["commits"], 0);
  EXPECT_EQ(Xapian::Database(db.string()).get_revision(), revision);  // nothing written at all
  EXPECT_EQ(DocCount(db), count);

  // The same files named another way (a relative path through "..") are the same files.
  fs::path roundabout = in / "pages" / ".." / ".";
  EXPECT_EQ(Index(db, {roundabout}).summary["unchanged"], 3);
}

TEST(BatchTest, TouchedFileIsRecognisedByItsHash) {
  fs::path base = FreshDir("touch");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  fs::last_write_time(in / "a.jsonl", fs::last_write_time(in / "a.jsonl") + std::chrono::hours(1));
  IndexRun run = Index(db, {in});
  EXPECT_EQ(run.summary["unchanged"], 3);
  EXPECT_EQ(run.summary["indexed"], 0);
  EXPECT_EQ(run.summary["replaced"], 0);
  // The new mtime was recorded, so the next run skips the file without reading it.
  std::string key =
      std::string(schema::kMetaManifestPrefix) + fs::canonical(in / "a.jsonl").string();
  auto entry = nlohmann::json::parse(Xapian::Database(db.string()).get_metadata(key));
  struct stat st;
  ASSERT_EQ(::stat((in / "a.jsonl").c_str(), &st), 0);
  EXPECT_EQ(entry["mtime_ns"].get<std::int64_t>(),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
  EXPECT_EQ(entry["paragraphs"], 2);
}

TEST(BatchTest, EditedFileIsReindexedAndItsOldTextIsGone) {
  fs::path base = FreshDir("edit");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  ASSERT_TRUE(AnyHitContains(Search(db, "\"pensões de velhice\""), "pensões de velhice"));
  ASSERT_TRUE(AnyHitContains(Search(db, "arquivo histórico"), "arquivo histórico"));
  const std::size_t count = DocCount(db);

  // a:1 changes its text, a:2 is gone.
  WriteStringToFile(in / "a.jsonl", JsonLine("a:1", "Pagar os abonos de família a residentes."));
  IndexRun run = Index(db, {in});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.summary["indexed"], 1);
  EXPECT_EQ(run.summary["unchanged"], 2);
  EXPECT_EQ(run.summary["added"], 0);
  EXPECT_EQ(run.summary["replaced"], 1);
  EXPECT_EQ(run.summary["deleted"], 1);
  EXPECT_EQ(DocCount(db), count - 1);
  EXPECT_TRUE(Search(db, "\"pensões de velhice\"").empty());
  EXPECT_FALSE(AnyHitContains(Search(db, "arquivo histórico"), "arquivo histórico"));
  EXPECT_TRUE(AnyHitContains(Search(db, "abonos de família"), "abonos de família"));
}

TEST(BatchTest, DeletedFileDisappearsUnlessKeepMissing) {
  fs::path base = FreshDir("delete");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  const std::size_t count = DocCount(db);
  fs::remove(in / "a.jsonl");

  IndexRun kept = Index(db, {in}, "--keep-missing");
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  EXPECT_EQ(kept.summary["missing"], 1);
  EXPECT_EQ(kept.summary["deleted"], 0);
  EXPECT_EQ(DocCount(db), count);
  EXPECT_TRUE(AnyHitContains(Search(db, "pensões de velhice"), "pensões de velhice"));

  // Naming a single file of the folder says nothing about the others.
  IndexRun one = Index(db, {in / "b.jsonl"});
  EXPECT_EQ(one.summary["missing"], 0);
  EXPECT_EQ(DocCount(db), count);

  IndexRun dry = Index(db, {in}, "--dry-run");
  EXPECT_EQ(dry.summary["missing"], 1);
  EXPECT_EQ(dry.summary["deleted"], 2);
  EXPECT_EQ(DocCount(db), count);

  IndexRun removed = Index(db, {in});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(removed.summary["missing"], 1);
  EXPECT_EQ(removed.summary["deleted"], 2);
  EXPECT_EQ(DocCount(db), count - 2);
  EXPECT_FALSE(AnyHitContains(Search(db, "pensões de velhice"), "pensões de velhice"));
  EXPECT_TRUE(AnyHitContains(Search(db, "entidades empregadoras"), "entidades empregadoras"));
  // Its manifest entry went with it.
  EXPECT_EQ(Index(db, {in}).summary["missing"], 0);
  EXPECT_EQ(Manifest(db).size(), 2u);

  // A folder that is itself gone is an error, not a reason to delete everything under it.
  fs::rename(in, base / "moved");
  IndexRun gone = Index(db, {in});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.err.find(in.string()), std::string::npos) << gone.err;
  EXPECT_EQ(gone.summary["deleted"], 0);
  EXPECT_EQ(DocCount(db), count - 2);
}

TEST(BatchTest, DryRunWritesNothing) {
  fs::path base = FreshDir("dry");
  fs::path in = MakeCorpus(base), db = base / "db";
  IndexRun fresh = Index(db, {in}, "--dry-run");
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_GT(fresh.summary["added"].get<int>(), 90);
  EXPECT_FALSE(fs::exists(db));  // not even created

  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  const auto revision = Xapian::Database(db.string()).get_revision();
  WriteStringToFile(in / "b.jsonl", JsonLine("b:9", "Outro texto."));
  IndexRun dry = Index(db, {in}, "--dry-run");
  EXPECT_EQ(dry.summary["indexed"], 1);
  EXPECT_EQ(dry.summary["added"], 1);
  EXPECT_EQ(dry.summary["deleted"], 1);
  EXPECT_EQ(Xapian::Database(db.string()).get_revision(), revision);
  // Nothing recorded either: the real run still sees the change.
  EXPECT_EQ(Index(db, {in}).summary["indexed"], 1);
}

// An id given twice, in one file or by two files of one batch, is an error naming the file and
// the id: the first paragraph is kept, nothing is counted as replaced, the manifest counts the
// paragraphs the file really holds in the index.
TEST(BatchTest, DuplicateIdsInABatchAreErrorsNotReplacements) {
  fs::path base = FreshDir("duplicate-ids");
  fs::path in = base / "in", db = base / "db";
  fs::create_directories(in);
  WriteStringToFile(in / "a.jsonl", JsonLine("d:1", "Primeiro texto.") + "\n" +
                                        JsonLine("d:2", "Segundo texto.") + "\n" +
                                        JsonLine("d:1", "Outro primeiro.") + "\n");
  WriteStringToFile(in / "b.jsonl",
                    JsonLine("d:2", "Segundo de b.") + "\n" + JsonLine("d:3", "Terceiro.") + "\n");
  IndexRun run = Index(db, {in});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // errors, the rest indexed
  EXPECT_EQ(run.summary["added"], 3);
  EXPECT_EQ(run.summary["replaced"], 0);
  EXPECT_EQ(DocCount(db), 3u);
  EXPECT_NE(run.err.find("a.jsonl"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("duplicate id \"d:1\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("b.jsonl"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("duplicate id \"d:2\""), std::string::npos) << run.err;
  EXPECT_TRUE(AnyHitContains(Search(db, "primeiro texto"), "Primeiro texto."));
  EXPECT_FALSE(AnyHitContains(Search(db, "outro primeiro"), "Outro primeiro."));
  auto manifest = Manifest(db);
  std::size_t listed = 0;
  for (const auto& [path, paragraphs] : manifest) listed += paragraphs;
  EXPECT_EQ(listed, 3u);
}

// A dry run only reads the database: it works while another indexer holds the write lock, and
// compares with what that database holds.
TEST(BatchTest, DryRunTakesNoLock) {
  fs::path base = FreshDir("dry-lock");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  std::unique_ptr<IndexWriter> owner;
  ASSERT_TRUE(IndexWriter::Open(db.string(), &owner).ok());  // holds the lock
  std::unique_ptr<IndexWriter> dry;
  Status s = IndexWriter::Open(db.string(), &dry, /*dry_run=*/true);
  ASSERT_TRUE(s.ok()) << s.ToString();
  WriteStringToFile(in / "b.jsonl", JsonLine("b:9", "Outro texto."));
  IndexOptions options;
  options.dry_run = true;
  IndexStats stats;
  ASSERT_TRUE(dry->IndexPaths({in.string()}, options, &stats).ok());
  EXPECT_EQ(stats.files_indexed, 1u);  // only the edited file differs from the database
  EXPECT_EQ(stats.paragraphs_added, 1u);
  EXPECT_EQ(stats.paragraphs_deleted, 1u);
  // The owner still writes: the dry run took nothing from it.
  Paragraph p;
  p.id = "owner:1";
  p.text = "Escrito pelo indexador que tem o trinco.";
  ASSERT_TRUE(owner->Add(p).ok());
  ASSERT_TRUE(owner->Commit().ok());
}

}  // namespace
// A JSON Lines file larger than a part is read as a stream (indexer::JsonLinesStream): every
// record is indexed, the batch size holds inside the file (several commits), the manifest sees
// it unchanged on the next run, and an edit re-indexes it with its dropped records deleted.
TEST(BatchTest, AJsonLinesFileLargerThanAPartIsStreamedInBatches) {
  fs::path base = FreshDir("stream");
  fs::path in = base / "in", db = base / "db";
  fs::create_directories(in);
  // Long, repetitive texts: past the part size in few records, and quick to analyse.
  std::string filler;
  for (int i = 0; i < 60; ++i) filler += "O centro distrital instrui o requerimento da pensão. ";
  auto write = [&](int first, int last) {
    std::string content;
    for (int r = first; r <= last; ++r) {
      content +=
          JsonLine("big:" + std::to_string(r), "Registo " + std::to_string(r) + ". " + filler);
    }
    WriteStringToFile(in / "export.jsonl", content);
    return content.size();
  };
  const int records = 3000;
  ASSERT_GT(write(1, records), indexer::kStreamPartBytes);
  IndexRun first = Index(db, {in}, "--batch 1000");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.summary["added"], records);
  EXPECT_EQ(first.summary["files"], 1);  // one file, however many parts it was read in
  EXPECT_EQ(first.summary["indexed"], 1);
  EXPECT_GE(first.summary["commits"].get<int>(), 2);  // within the file, and at its end
  EXPECT_EQ(DocCount(db), static_cast<std::size_t>(records));
  IndexRun again = Index(db, {in}, "--batch 1000");
  EXPECT_EQ(again.summary["unchanged"], 1);
  EXPECT_EQ(again.summary["added"], 0);
  ASSERT_GT(write(11, records), indexer::kStreamPartBytes);  // the first ten are gone
  IndexRun edited = Index(db, {in}, "--batch 1000");
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_EQ(edited.summary["deleted"], 10);
  EXPECT_EQ(DocCount(db), static_cast<std::size_t>(records - 10));
  EXPECT_TRUE(Search(db, "\"Registo 5\"").empty());
  EXPECT_FALSE(Search(db, "\"Registo 2999\"").empty());
}

}  // namespace portaria
