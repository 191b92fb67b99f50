// The word lexicon (schema/word_lexicon.h): the indexer saves every word's lemma keys, and the
// searcher takes a word it has not analysed yet from there before it asks the dictionaries.
#include "schema/word_lexicon.h"

#include <xapian.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/lemmatizer.h"
#include "gtest/gtest.h"
#include "portaria/index.h"
#include "portaria/search.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using testing::FreshDir;
using Keys = std::vector<std::string>;

TEST(WordLexiconTest, KeysDecodeAsEncoded) {
  for (const Keys& keys : {Keys{"centro"}, Keys{"centrar", "centro"}, Keys{"a", "b", "c"}}) {
    Keys got;
    ASSERT_TRUE(schema::DecodeLemmaKeys(schema::EncodeLemmaKeys(keys), &got));
    EXPECT_EQ(got, keys);
  }
}

TEST(WordLexiconTest, AValueThatIsNotOursIsNoEntry) {
  Keys got{"left over"};
  for (std::string_view bad : {"", " ", "centro ", " centro", "centrar  centro"}) {
    EXPECT_FALSE(schema::DecodeLemmaKeys(bad, &got)) << "'" << bad << "'";
    EXPECT_TRUE(got.empty());
  }
}

TEST(WordLexiconTest, AWordTooLongForAMetadataKeyHasNoKey) {
  EXPECT_EQ(schema::WordLexiconKey("pensões"), std::string(schema::kMetaWordPrefix) + "pensões");
  EXPECT_EQ(schema::WordLexiconKey(""), "");
  EXPECT_EQ(schema::WordLexiconKey(std::string(schema::kMaxLexiconWordBytes, 'a')).size(),
            schema::kMetaWordPrefix.size() + schema::kMaxLexiconWordBytes);
  EXPECT_EQ(schema::WordLexiconKey(std::string(schema::kMaxLexiconWordBytes + 1, 'a')), "");
}

TEST(WordLexiconTest, ASourceAnswersBeforeTheDictionariesAndSourcesNest) {
  analysis::Lemmatizer& lemmatizer = analysis::Lemmatizer::Shared();
  // Words no other test asks for: the cache is the process's.
  {
    analysis::Lemmatizer::Source outer([](const std::string& word, Keys* keys) {
      if (word != "zqxoutera" && word != "zqxouterb") return false;
      *keys = {"pensao"};
      return true;
    });
    {
      analysis::Lemmatizer::Source inner([](const std::string& word, Keys* keys) {
        if (word != "zqxinner") return false;
        *keys = {"centro"};
        return true;
      });
      EXPECT_EQ(lemmatizer.Lemmas("zqxinner"), Keys{"centro"});
      // The inner source hides the outer one: the dictionaries answer.
      EXPECT_NE(lemmatizer.Lemmas("zqxoutera"), Keys{"pensao"});
    }
    EXPECT_EQ(lemmatizer.Lemmas("zqxouterb"), Keys{"pensao"});
  }
  // A source that has not got the word, or gives no keys, leaves it to the dictionaries.
  analysis::Lemmatizer::Source empty([](const std::string&, Keys* keys) {
    keys->clear();
    return true;
  });
  EXPECT_EQ(lemmatizer.Lemmas("pensões"), Keys{"pensao"});
}

// 30 paragraphs, one of them on pensions, indexed through the batch path.
std::string MakeDatabase(const std::string& name) {
  std::filesystem::path dir = FreshDir(name);
  std::string db = (dir / "db").string();
  {
    std::ofstream out(dir / "records.jsonl");
    for (int i = 0; i < 30; ++i) {
      std::string text = i == 7 ? "O Centro Nacional paga as pensões de velhice."
                                : "O serviço " + std::to_string(i) + " trata dos registos.";
      out << nlohmann::json{{"id", "w:" + std::to_string(i)}, {"text", text}}.dump() << "\n";
    }
  }
  std::unique_ptr<IndexWriter> w;
  EXPECT_TRUE(IndexWriter::Open(db, &w).ok());
  IndexStats stats;
  EXPECT_TRUE(w->IndexPaths({(dir / "records.jsonl").string()}, {}, &stats).ok());
  return db;
}

TEST(WordLexiconTest, TheIndexSavesEachWordWithTheKeysItWasIndexedWith) {
  std::string db = MakeDatabase("word-lexicon-saved");
  Xapian::Database x(db);
  for (std::string word : {"pensões", "velhice", "paga", "serviço", "registos"}) {
    Keys saved;
    ASSERT_TRUE(schema::DecodeLemmaKeys(x.get_metadata(schema::WordLexiconKey(word)), &saved))
        << word;
    EXPECT_EQ(saved, analysis::Lemmatizer::Shared().Lemmas(word)) << word;
  }
  // The library's one-paragraph path saves its words too.
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db, &w).ok());
    Paragraph p;
    p.id = "w:added";
    p.text = "As cooperativas agrícolas.";
    ASSERT_TRUE(w->Add(p).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  x.reopen();
  Keys saved;
  EXPECT_TRUE(
      schema::DecodeLemmaKeys(x.get_metadata(schema::WordLexiconKey("cooperativas")), &saved));
}

// The searcher reads the lexicon: a word the dictionaries do not know, saved with the keys of
// "pensões", finds the paragraph on pensions.
TEST(WordLexiconTest, TheSearcherTakesAWordsKeysFromTheIndex) {
  std::string db = MakeDatabase("word-lexicon-read");
  const std::string word = "zqxpensionish";  // asked of no lemmatizer before in this process
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  {
    Xapian::WritableDatabase w(db);
    w.set_metadata(schema::WordLexiconKey(word), schema::EncodeLemmaKeys({"pensao"}));
    w.commit();
  }
  SearchRequest request;
  request.query = word;
  SearchResponse r;
  ASSERT_TRUE(searcher->Search(request, &r).ok());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].paragraph.id, "w:7");
  // Without the entry the same made-up word finds nothing (a fresh one: the first is cached).
  request.query = "zqxpensionoid";
  ASSERT_TRUE(searcher->Search(request, &r).ok());
  EXPECT_TRUE(r.hits.empty());
}

}  // namespace
}  // namespace portaria
