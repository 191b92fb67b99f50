// The spelling data the writer keeps (schema/SCHEMA.md, "Spelling data"): every surface word with
// the number of paragraphs holding it, through additions, replacements and both kinds of
// deletion, and the suggestions the searcher draws from it.
#include "searcher/spelling.h"

#include <xapian.h>

#include <map>
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

// The spelling data, word -> frequency.
std::map<std::string, Xapian::termcount> SpellingData(const fs::path& db) {
  Xapian::Database d(db.string());
  std::map<std::string, Xapian::termcount> words;
  for (auto it = d.spellings_begin(); it != d.spellings_end(); ++it) words[*it] = it.get_termfreq();
  return words;
}

// Every word of the spelling data is an indexed surface term held by as many paragraphs as its
// frequency says, and every indexed surface word that starts with a letter is in it.
void ExpectSpellingMatchesTerms(const fs::path& db) {
  Xapian::Database d(db.string());
  auto words = SpellingData(db);
  std::size_t surface = 0;
  auto it = d.allterms_begin();
  it.skip_to("a");
  for (; it != d.allterms_end(); ++it) {
    const std::string& term = *it;
    if (term[0] > 'z') break;
    if (term.size() < 2) continue;  // Xapian keeps no one-letter words
    ++surface;
    auto found = words.find(term);
    ASSERT_NE(found, words.end()) << term;
    EXPECT_EQ(found->second, it.get_termfreq()) << term;
  }
  EXPECT_EQ(words.size(), surface);
}

TEST(SpellingTest, DataFollowsAddsReplacementsAndDeletions) {
  fs::path base = FreshDir("spelling");
  fs::path in = base / "in", db = base / "db";
  fs::create_directories(in);
  WriteStringToFile(in / "a.jsonl", Line("a:1", "Pagar as pensões de invalidez.") +
                                        Line("a:2", "Gerir as pensões de velhice."));
  WriteStringToFile(in / "b.jsonl", Line("b:1", "Fiscalizar as entidades empregadoras."));
  IndexFolder(db, in);
  ExpectSpellingMatchesTerms(db);
  EXPECT_EQ(SpellingData(db)["pensoes"], 2u);
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "invalides"), "invalidez");

  // a:1 is replaced by another text and a:2 is gone: their words go with them.
  WriteStringToFile(in / "a.jsonl", Line("a:1", "Pagar os abonos de família."));
  IndexFolder(db, in);
  ExpectSpellingMatchesTerms(db);
  auto words = SpellingData(db);
  EXPECT_EQ(words.count("pensoes"), 0u);
  EXPECT_EQ(words.count("invalidez"), 0u);
  EXPECT_EQ(words["pagar"], 1u);
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "invalides"), "");
  EXPECT_EQ(searcher::SuggestWord(Xapian::Database(db.string()), "abomos"), "abonos");

  // A file that disappears from the folder takes its words along.
  fs::remove(in / "b.jsonl");
  IndexFolder(db, in);
  ExpectSpellingMatchesTerms(db);
  EXPECT_EQ(SpellingData(db).count("fiscalizar"), 0u);
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
  EXPECT_EQ(searcher::SuggestWord(d, "arxo"), "");     // two edits from "ato"
  EXPECT_EQ(searcher::SuggestWord(d, "at"), "");       // too short to guess
  EXPECT_EQ(searcher::SuggestWord(d, "velhice"), "");  // an indexed word is never replaced
}

}  // namespace
}  // namespace portaria
