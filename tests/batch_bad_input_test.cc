// Bad input to the portaria-index program: its exit codes, bad files reported (named, with line
// and column) and skipped while the rest is indexed, odd but valid files indexed and found.
#include <xapian.h>

#include <memory>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "schema/terms.h"
#include "tests/batch_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using batch_fixtures::AnyHitContains;
using batch_fixtures::DocCount;
using batch_fixtures::HaveXapianCheck;
using batch_fixtures::IdsIn;
using batch_fixtures::Index;
using batch_fixtures::IndexRun;
using batch_fixtures::JsonLine;
using batch_fixtures::MakeCorpus;
using batch_fixtures::Search;
using testing::FreshDir;
using testing::RunCommand;
using testing::ShellQuote;
using testing::SourceDir;
using testing::WriteStringToFile;

TEST(BatchTest, ExitCodes) {
  fs::path base = FreshDir("exit");
  fs::path in = MakeCorpus(base);
  WriteStringToFile(base / "not-a-dir", "x");
  IndexRun broken = Index(base / "not-a-dir", {in});  // the database cannot be opened
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("not-a-dir"), std::string::npos) << broken.err;

  std::unique_ptr<IndexWriter> holder;
  ASSERT_TRUE(IndexWriter::Open((base / "db").string(), &holder).ok());
  IndexRun locked = Index(base / "db", {in});
  EXPECT_EQ(locked.exit_code, 2);
  EXPECT_NE(locked.err.find("database is locked by another indexer"), std::string::npos);
}

// The bad fixtures of tests/data/bad/ plus two generated ones too big to commit.
fs::path MakeBadFolder(const fs::path& base) {
  fs::path dir = base / "bad";
  fs::copy(SourceDir() / "tests" / "data" / "bad", dir, fs::copy_options::recursive);
  // A 6 MB page on a single line: one paragraph far over the paragraph limit.
  std::string line = "## Centro\n\n- a) ";
  while (line.size() < (6u << 20)) line += "pensões de invalidez e velhice ";
  WriteStringToFile(dir / "huge_line.md", line + "\n");
  // 200 000 nested elements: deeper than any recursive parser's stack.
  std::string deep =
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body>";
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "texto";
  for (int i = 0; i < 200000; ++i) deep += "</div>";
  WriteStringToFile(dir / "deep.xml", deep + "</body></act></akomaNtoso>\n");
  WriteStringToFile(dir / "good.jsonl", JsonLine("good:1", "Registar as baixas médicas."));
  return dir;
}

TEST(BatchTest, BadFilesAreReportedAndSkippedAndTheRestIsIndexed) {
  fs::path base = FreshDir("bad");
  fs::path in = MakeCorpus(base), db = base / "db";
  ASSERT_EQ(Index(db, {in}).exit_code, 0);
  const std::size_t count = DocCount(db);
  const std::set<std::string> before = IdsIn({in});

  fs::path bad = MakeBadFolder(base);
  IndexRun run = Index(db, {in, bad});
  EXPECT_EQ(run.exit_code, 1);
  // One message per bad file, naming it; with line:column where the reader knows it.
  for (const char* name :
       {"binary_junk.md", "empty.md", "truncated.xml", "not_akn.xml", "huge_line.md", "deep.xml"}) {
    EXPECT_NE(run.err.find((bad / name).string() + ":"), std::string::npos) << name << run.err;
  }
  EXPECT_NE(run.err.find((bad / "invalid_utf8.md").string() + ":1:27: invalid UTF-8"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find((bad / "nul_bytes.jsonl").string() + ":2:35: NUL byte"), std::string::npos)
      << run.err;
  EXPECT_EQ(run.summary["errors"].size(), 8u) << run.summary.dump();

  // The good file among them and the safe entity-bomb file were indexed...
  EXPECT_TRUE(AnyHitContains(Search(db, "baixas médicas"), "baixas médicas"));
  auto bomb = Search(db, "entidade nunca expandida");
  ASSERT_TRUE(AnyHitContains(bomb, "&lol9;"));
  EXPECT_FALSE(AnyHitContains(bomb, "lollol"));
  // ...and everything indexed before is still there.
  EXPECT_EQ(DocCount(db), count + 2);
  Xapian::Database d(db.string());
  for (const auto& id : before) EXPECT_TRUE(d.term_exists(schema::IdTerm(id))) << id;
  if (HaveXapianCheck()) {
    std::string out;
    EXPECT_EQ(RunCommand("xapian-check " + ShellQuote(db.string()) + " 2>&1", &out), 0) << out;
  }
  // Bad files are not recorded as done: the next run reports them again.
  IndexRun again = Index(db, {in, bad});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.summary["errors"].size(), 8u);
  EXPECT_EQ(again.summary["added"], 0);
}

TEST(BatchTest, OddButValidInputIsIndexedAndFoundByNfcQueries) {
  fs::path base = FreshDir("odd");
  fs::path db = base / "db";
  IndexRun run = Index(db, {SourceDir() / "tests" / "data" / "odd"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.summary["indexed"], 2);
  // CRLF and BOM: the heading became the unit, the items their letters, no stray "\r".
  auto hits = Search(db, "fiscalizar contribuições");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].paragraph.unit, "Departamento de Fiscalização");
  EXPECT_EQ(hits[0].paragraph.letter, "a");
  EXPECT_EQ(hits[0].paragraph.text.find('\r'), std::string::npos);
  // NFD accents in the file, NFC in the query (what people type).
  hits = Search(db, "subsídios de maternidade às grávidas");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].paragraph.id, "odd:nfd:1");
  EXPECT_EQ(hits[0].paragraph.unit, "Serviço de Proteção Parental");
  EXPECT_NE(hits[0].paragraph.text.find("subsídios de maternidade às"), std::string::npos);
}

}  // namespace
}  // namespace portaria
