// The one analyzer: the indexer runs it over documents and the searcher over queries, so the
// same text always yields the same terms (tests/analyzer_tokens_test.cc checks this).
//
// Pipeline: ICU word segmentation (UAX #29, on the UTF-8 bytes, so offsets are byte offsets)
// -> case folding + NFC -> accent-free surface form -> stopword test -> lemma keys
// (analysis/lemmatizer.h). Numbers lose their thousands dots (9.784 -> 9784) and ordinal marks
// (12.º, 1º -> 12, 1) so citations match however they are typed. An acronym ("IAS", 2-5
// capitals, in a text not set in capitals throughout) is its own key, not a word's lemma.
//
// Thread-safety: an Analyzer holds a BreakIterator and is NOT thread-safe; create one per
// thread (construction is cheap: the dictionary is shared through Lemmatizer::Shared()).
#ifndef PORTARIA_ANALYSIS_ANALYZER_H_
#define PORTARIA_ANALYSIS_ANALYZER_H_

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace portaria::analysis {

class Lemmatizer;

// Bump whenever a change alters what is indexed for some text (its keys, its answer types):
// databases record the version they were built with and refuse to be searched by a different one.
// 5: definitions with a qualified term, penalties in the plural, the types "o" (a rule) and "r"
// (who is charged) (analysis/answer_type.cc).
// 6: "r" also for who is responsible ("é responsável por", "a autoridade competente … é o X",
// "O CNCS é a autoridade…").
// 7: rules also by "têm a liberdade/possibilidade de", "gozam do direito"; an alínea takes the
// rule, entitled and responsible types of its list intro (indexer/document.cc).
//
// 8: a prefix Hunspell strips is put back ("subcontratante" -> subcontratar, not contratar).
inline constexpr std::string_view kAnalyzerVersion = "10";

// The function words that negate what follows them, as Token::surface holds them: stopwords, so
// the index holds them with positions only (schema::kFunctionWordPrefix) and a query or a rule
// cannot match by them. ("nunca" is a content word: searched.)
inline constexpr std::string_view kNegations[] = {"nao", "nem", "sem"};

inline bool IsNegation(std::string_view surface) {
  for (std::string_view n : kNegations) {
    if (surface == n) return true;
  }
  return false;
}

struct Token {
  std::string surface;            // folded, accent-free form ("pensoes")
  std::vector<std::string> keys;  // lemma keys ("pensao"); empty for stopwords
  std::uint32_t position = 0;     // 1-based; stopwords take a position too
  std::uint32_t begin = 0;        // byte offsets of the word in the analysed text
  std::uint32_t end = 0;
  bool stop = false;
  bool numeric = false;
};

class Analyzer {
 public:
  // Uses Lemmatizer::Shared() unless another lemmatizer (owned by the caller, outliving this
  // analyzer) is given.
  explicit Analyzer(Lemmatizer* lemmatizer = nullptr);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Replaces *tokens with the tokens of `text` (UTF-8; invalid bytes are skipped).
  void Analyze(std::string_view text, std::vector<Token>* tokens);

  // The same tokens (positions, offsets, surfaces, stopword flags) without lemma keys: no
  // dictionary is consulted. For laying out text whose terms the index already holds, such as
  // a result's snippet, whose matches are found by position.
  void Segment(std::string_view text, std::vector<Token>* tokens);

  // The accent-free folded form of one word, as Token::surface would hold it.
  static std::string SurfaceOf(std::string_view word);
  static bool IsStopword(std::string_view surface);

  Lemmatizer& lemmatizer() { return *lemmatizer_; }

 private:
  // What one word (as written) analyses to, without its position and offsets; nullptr for a
  // stray ordinal mark, which is no word at all.
  const Token* WordAnalysis(std::string_view word);
  // The word walk shared by Analyze and Segment: `word_token(word, &token)` fills a word's token
  // and returns false for what is no word (a stray ordinal mark); positions and offsets are
  // added here, so both number words alike.
  template <typename WordToken>
  void Walk(std::string_view text, std::vector<Token>* tokens, WordToken word_token);
  // A word's token without keys; false for a stray ordinal mark (or a word that folds to
  // nothing). `folded_out` (may be null) receives the folded word, which the lemmatizer takes.
  static bool SurfaceToken(std::string_view word, Token* token, std::string* folded_out);

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  static constexpr std::size_t kMaxWordsSeen = 1u << 18;  // bounds the memory of the cache

  Lemmatizer* lemmatizer_;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unordered_map<std::string, Token, Hash, std::equal_to<>> words_seen_;
};

// Words longer than this (in bytes) are skipped: they are junk, and Xapian caps term length.
inline constexpr std::size_t kMaxWordBytes = 64;

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_ANALYZER_H_
