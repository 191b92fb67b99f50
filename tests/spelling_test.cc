// Spelling suggestions (searcher/spelling.h) from the indexed surface words: the nearest, then
// the most frequent, within the limits, and only words the index still holds.
#include "searcher/spelling.h"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "gtest/gtest.h"
#include "portaria/index.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

namespace fs = std::filesystem;
using testing::FreshDir;
using testing::WriteStringToFile;

std::string Line(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}}.dump() + "\n";
}

void IndexFolder(const fs::path& db, const fs::path& in) {
  std::unique_ptr<IndexWriter> writer;
  ASSERT_TRUE(IndexWriter::Open(db.string(), &writer).ok());
  IndexStats stats;
  Status s = writer->IndexPaths({in.string()}, IndexOptions(), &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(stats.errors.empty());
}

TEST(SpellingTest, SuggestionsFollowTheIndexedParagraphs) {
  fs::path base = FreshDir("spelling");
  fs::path in = base / "in", db = base / "db";
  fs::create_directories(in);
  WriteStringToFile(in / "a.jsonl", Line("a:1", "Pagar as pensões de invalidez.") +
                                        Line("a:2", "Gerir as pensões de velhice."));
  IndexFolder(db, in);
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "invalides"), "invalidez");
  // a:1 is replaced by another text: its words are no longer suggested.
  WriteStringToFile(in / "a.jsonl", Line("a:1", "Pagar os abonos de família.") +
                                        Line("a:2", "Gerir as pensões de velhice."));
  IndexFolder(db, in);
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "invalides"), "");
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "abomos"), "abonos");
}

TEST(SpellingTest, SuggestionsKeepTheirLimits) {
  fs::path base = FreshDir("spelling-limits");
  fs::path in = base / "in", db = base / "db";
  fs::create_directories(in);
  WriteStringToFile(in / "a.jsonl", Line("a:1", "Pensões de invalidez e de velhice.") +
                                        Line("a:2", "Pensões de invalidez pagas no estrangeiro.") +
                                        Line("a:3", "A invalidar o ato."));
  IndexFolder(db, in);
  Xapian::Database d(db.string());
  // The most frequent of two words at the same distance.
  EXPECT_EQ(searcher::SuggestWord(d, "invalidaz"), "invalidez");  // not "invalidar"
  EXPECT_EQ(searcher::SuggestWord(d, "velhcie"), "velhice");      // a transposition is one edit
  // One edit at most when the caller says so, and for words of up to four letters.
  EXPECT_EQ(searcher::SuggestWord(d, "velhisse"), "velhice");
  EXPECT_EQ(searcher::SuggestWord(d, "velhisse", 1), "");
  EXPECT_EQ(searcher::SuggestWord(d, "pagss"), "pagas");
  EXPECT_EQ(searcher::SuggestWord(d, "aro"), "ato");
  EXPECT_EQ(searcher::SuggestWord(d, "arxo"), "");      // two edits from "ato"
  EXPECT_EQ(searcher::SuggestWord(d, "at"), "");        // too short to guess
  EXPECT_EQ(searcher::SuggestWord(d, "velhice"), "");   // an indexed word is never replaced
  EXPECT_EQ(searcher::SuggestWord(d, "welhice"), "");   // the first letter is kept ...
  EXPECT_EQ(searcher::SuggestWord(d, "vlehisse"), "");  // ... and two edits away, the first three
  EXPECT_EQ(searcher::SuggestWord(d, "pensoez"), "pensoes");
  EXPECT_EQ(searcher::SuggestWord(d, "estrangiero"), "estrangeiro");
}

}  // namespace
}  // namespace portaria
