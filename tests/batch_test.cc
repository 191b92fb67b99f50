// Batch indexing (schema/BATCH.md) through the portaria-index program: incremental re-runs from
// the manifest, removal of missing files, crash safety under kill -9, bad input, and searches
// running while the indexer writes.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "gtest/gtest.h"
#include "indexer/document.h"
#include "indexer/reader.h"
#include "indexer/writer.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "schema/record_codec.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using testing::BinDir;
using testing::FreshDir;
using testing::ReadFileToString;
using testing::RunCommand;
using testing::SharedDir;
using testing::ShellQuote;
using testing::SourceDir;
using testing::Spawn;
using testing::WriteStringToFile;

struct IndexRun {
  int exit_code = -1;
  nlohmann::json summary;  // the --json summary
  std::string err;         // stderr
};

// Runs portaria-index --json on `inputs` with `flags`.
IndexRun Index(const fs::path& db, const std::vector<fs::path>& inputs,
               const std::string& flags = "") {
  fs::path err_file = db.string() + ".stderr";
  std::string command = ShellQuote((BinDir() / "portaria-index").string()) + " --json --db " +
                        ShellQuote(db.string());
  if (!flags.empty()) command += " " + flags;
  for (const auto& in : inputs) command += " " + ShellQuote(in.string());
  command += " 2>" + ShellQuote(err_file.string());
  IndexRun run;
  std::string out;
  run.exit_code = RunCommand(command, &out);
  run.summary = nlohmann::json::parse(out, nullptr, false);
  run.err = ReadFileToString(err_file);
  return run;
}

std::size_t DocCount(const fs::path& db) { return Xapian::Database(db.string()).get_doccount(); }

std::vector<SearchHit> Search(const fs::path& db, const std::string& query) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(db.string(), &searcher);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return {};
  SearchRequest request;
  request.query = query;
  request.limit = 50;
  SearchResponse response;
  s = searcher->Search(request, &response);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return response.hits;
}

bool AnyHitContains(const std::vector<SearchHit>& hits, const std::string& text) {
  for (const auto& h : hits) {
    if (h.paragraph.text.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string JsonLine(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}, {"unit", "Centro Nacional de Pensões"}}.dump() +
         "\n";
}

// `files` JSON Lines files of `records` records each, with varied legal-sounding text.
void GenerateJsonLines(const fs::path& dir, int files, int records) {
  static const char* const kVerbs[] = {"gerir", "pagar", "fiscalizar", "atribuir", "instruir"};
  static const char* const kThings[] = {"pensões de invalidez", "subsídios de doença",
                                        "contribuições", "prestações familiares",
                                        "processos de contraordenação"};
  for (int f = 0; f < files; ++f) {
    std::string content;
    for (int r = 0; r < records; ++r) {
      content += JsonLine("gen:" + std::to_string(f) + ":" + std::to_string(r),
                          std::string("Compete ao serviço ") + std::to_string(r) + " " +
                              kVerbs[(f + r) % 5] + " as " + kThings[(f * 7 + r) % 5] +
                              " do distrito " + std::to_string(f) + ".");
    }
    char name[32];
    std::snprintf(name, sizeof name, "part-%04d.jsonl", f);
    WriteStringToFile(dir / name, content);
  }
}

// Every id the readers produce from `inputs` (independent of the indexer).
std::set<std::string> IdsIn(const std::vector<fs::path>& inputs) {
  std::set<std::string> ids;
  for (const auto& in : inputs) {
    for (const auto& entry : fs::recursive_directory_iterator(in)) {
      if (!entry.is_regular_file()) continue;
      if (indexer::FormatForPath(entry.path()) == indexer::Format::kUnknown) continue;
      for (const auto& p : indexer::ReadFile(entry.path()).paragraphs) ids.insert(p.id);
    }
  }
  return ids;
}

// Manifest entries committed in `db`: file key -> paragraphs recorded.
std::map<std::string, std::size_t> Manifest(const fs::path& db) {
  Xapian::Database d(db.string());
  std::map<std::string, std::size_t> out;
  std::string prefix(schema::kMetaManifestPrefix);
  for (auto it = d.metadata_keys_begin(prefix); it != d.metadata_keys_end(prefix); ++it) {
    auto j = nlohmann::json::parse(d.get_metadata(*it));
    out[j["path"].get<std::string>()] = j["paragraphs"].get<std::size_t>();
  }
  return out;
}

// Exit status of `pid`, or -1 if it was killed by a signal.
int WaitFor(pid_t pid) {
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool StillRunning(pid_t pid) { return ::waitpid(pid, nullptr, WNOHANG) == 0; }

bool HaveXapianCheck() {
  return RunCommand("command -v xapian-check >/dev/null 2>&1", nullptr) == 0;
}

// A small folder of pages and JSON Lines the tests edit.
fs::path MakeCorpus(const fs::path& base) {
  fs::path dir = base / "in";
  fs::create_directories(dir);
  fs::copy(SourceDir() / "corpus", dir / "pages", fs::copy_options::recursive);
  WriteStringToFile(dir / "a.jsonl",
                    JsonLine("a:1", "Pagar as pensões de velhice no estrangeiro.") +
                        JsonLine("a:2", "Gerir o arquivo histórico do instituto."));
  WriteStringToFile(dir / "b.jsonl", JsonLine("b:1", "Fiscalizar as entidades empregadoras."));
  WriteStringToFile(dir / "notes.pdf", "not indexed");
  return dir;
}

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

// The input for the tests that need a run long enough to interrupt or to search during: the
// real corpora when ../shared is there, else a generated folder.
std::vector<fs::path> BigInput(const fs::path& base) {
  fs::path shared = SharedDir();
  if (!shared.empty() && fs::is_directory(shared / "corpus" / "br-akn")) {
    return {SourceDir() / "corpus", shared / "corpus" / "br-akn"};
  }
  GenerateJsonLines(base / "generated", 150, 60);
  return {base / "generated"};
}

// Polls `done` every 20 ms for up to `seconds`.
template <typename F>
bool WaitUntil(F done, int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(BatchTest, KillNineLeavesTheLastCommitAndTheNextRunFinishes) {
  if (!HaveXapianCheck()) GTEST_SKIP() << "xapian-check (xapian-tools) not installed";
  fs::path base = FreshDir("kill");
  fs::path db = base / "db";
  std::vector<fs::path> inputs = BigInput(base);
  std::vector<std::string> args = {(BinDir() / "portaria-index").string(), "--db", db.string(),
                                   "--batch", "300"};
  for (const auto& in : inputs) args.push_back(in.string());

  pid_t pid = Spawn(args, base / "killed.log");
  ASSERT_GT(pid, 0);
  std::size_t committed = 0;
  bool seen = WaitUntil(
      [&] {
        try {
          committed = DocCount(db);
        } catch (const Xapian::Error&) {
          committed = 0;  // not created yet
        }
        return committed > 0 || !StillRunning(pid);
      },
      120);
  ::kill(pid, SIGKILL);
  int status = WaitFor(pid);
  ASSERT_TRUE(seen) << "no commit within the timeout";
  ASSERT_EQ(status, -1) << "the indexer finished before it could be killed; input too small? "
                        << ReadFileToString(base / "killed.log");

  std::string out;
  ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(db.string()) + " 2>&1", &out), 0) << out;
  // Files and their manifest entries were committed together: every recorded file has exactly
  // its paragraphs in the database, and no paragraph belongs to an unrecorded file.
  auto manifest = Manifest(db);
  ASSERT_FALSE(manifest.empty());
  std::size_t recorded = 0;
  std::string committed_word;
  {
    Xapian::Database d(db.string());
    for (const auto& [path, paragraphs] : manifest) {
      EXPECT_EQ(d.get_termfreq(schema::FileTerm(path)), paragraphs) << path;
      recorded += paragraphs;
    }
    EXPECT_EQ(d.get_doccount(), recorded);
    // What the last commit holds is searchable: a word of one of its paragraphs finds something.
    // Which paragraphs those are depends on the walk, which sorts by path, and ../shared may
    // sort before or after the checkout (before /work/wt-fuzz, so no "pensões" of the seed page).
    Paragraph committed;
    ASSERT_TRUE(schema::DecodeRecord(d.get_document(*d.postlist_begin("")).get_data(), &committed));
    std::string word, longest;
    for (char c : committed.text + " ") {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalpha(byte) || byte >= 0x80) {  // whole words: accented letters included
        word += c;
      } else {
        if (word.size() > longest.size()) longest = word;
        word.clear();
      }
    }
    ASSERT_GE(longest.size(), 5u) << committed.text;
    committed_word = longest;
  }
  EXPECT_FALSE(Search(db, committed_word).empty()) << committed_word;

  // The lock dies with the killed writer (Xapian's lock holder notices its parent is gone).
  IndexRun second;
  ASSERT_TRUE(WaitUntil(
      [&] {
        second = Index(db, inputs);
        return second.err.find("locked") == std::string::npos;
      },
      30));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.summary["unchanged"].get<std::size_t>(), manifest.size());
  EXPECT_EQ(second.summary["failed"], 0);
  const std::set<std::string> ids = IdsIn(inputs);
  Xapian::Database d(db.string());
  EXPECT_EQ(d.get_doccount(), ids.size());
  for (const auto& id : ids) ASSERT_TRUE(d.term_exists(schema::IdTerm(id))) << id;
  ASSERT_EQ(RunCommand("xapian-check " + ShellQuote(db.string()) + " 2>&1", &out), 0) << out;
}

TEST(BatchTest, SearchesKeepWorkingWhileTheIndexerWrites) {
  fs::path base = FreshDir("concurrent");
  fs::path db = base / "db";
  ASSERT_EQ(Index(db, {SourceDir() / "corpus"}).exit_code, 0);
  // Generated even when the real corpora are there: it commits as often, in a fraction of the
  // time.
  GenerateJsonLines(base / "generated", 150, 60);
  std::vector<fs::path> inputs = {base / "generated"};
  std::vector<std::string> args = {(BinDir() / "portaria-index").string(), "--db", db.string(),
                                   "--batch", "1000"};
  for (const auto& in : inputs) args.push_back(in.string());

  // One Searcher kept open across the writer's commits (it must reopen by itself), opened and
  // asked once before the writer starts, so that what it sees afterwards does not depend on how
  // the two processes are scheduled; and now and then one opened afresh.
  SearchRequest request;
  request.query = "pagar pensões";
  std::unique_ptr<Searcher> kept;
  ASSERT_TRUE(Searcher::Open(db.string(), &kept).ok());
  SearchResponse before;
  ASSERT_TRUE(kept->Search(request, &before).ok());

  pid_t pid = Spawn(args, base / "writer.log");
  ASSERT_GT(pid, 0);
  std::atomic<bool> stop{false};
  int searches = 0, failures = 0;
  std::string first_failure;
  std::thread reader([&] {
    for (int i = 0; !stop; ++i) {
      std::unique_ptr<Searcher> fresh;
      Searcher* searcher = kept.get();
      if (i % 8 == 7) {
        Status s = Searcher::Open(db.string(), &fresh);
        if (!s.ok()) {
          if (first_failure.empty()) first_failure = s.ToString();
          ++failures;
          continue;
        }
        searcher = fresh.get();
      }
      SearchResponse response;
      Status s = searcher->Search(request, &response);
      if (!s.ok() || response.hits.empty()) {
        if (first_failure.empty()) first_failure = s.ToString();
        ++failures;
      }
      ++searches;
    }
  });
  int writer_status = WaitFor(pid);
  stop = true;
  reader.join();
  EXPECT_EQ(writer_status, 0) << ReadFileToString(base / "writer.log");
  EXPECT_EQ(failures, 0) << first_failure << " (" << searches << " searches)";
  // The searcher opened before the writer sees what it wrote: it reopened by itself.
  SearchResponse after;
  ASSERT_TRUE(kept->Search(request, &after).ok());
  EXPECT_GT(after.total, before.total);
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

namespace {

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
