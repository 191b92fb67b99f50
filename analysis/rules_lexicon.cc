#include "analysis/rules_lexicon.h"

#include <vector>

#include "analysis/analyzer.h"
#include "analysis/data.h"
#include "analysis/lemmatizer.h"
#include "analysis/question.h"
#include "analysis/thesaurus.h"
#include "schema/word_lexicon.h"

namespace portaria::analysis {

const std::string& RulesLexicon() {
  static const std::string* lexicon = [] {
    // A fresh analyzer, so that every word reaches the lemmatizer (and the recorder) rather
    // than stopping in an analyzer's own word cache.
    Lemmatizer::Recorder recorder;
    Analyzer analyzer;
    Thesaurus::Parse(ThesaurusData(), &analyzer, nullptr);
    QuestionForms::Parse(QuestionsData(), &analyzer, nullptr);
    auto* out = new std::string;
    for (const auto& [word, keys] : recorder.words()) {
      out->append(word).push_back('\t');
      out->append(schema::EncodeLemmaKeys(keys)).push_back('\n');
    }
    return out;
  }();
  return *lexicon;
}

std::size_t PrimeRulesLexicon(std::string_view lexicon) {
  if (lexicon.size() > kMaxLexiconBytes) lexicon = lexicon.substr(0, kMaxLexiconBytes);
  Lemmatizer& lemmatizer = Lemmatizer::Shared();
  std::size_t taken = 0;
  while (!lexicon.empty()) {
    std::size_t eol = lexicon.find('\n');
    if (eol == std::string_view::npos) break;  // a cut-off last line is dropped
    std::string_view line = lexicon.substr(0, eol);
    lexicon.remove_prefix(eol + 1);
    std::size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size()) continue;
    std::vector<std::string> keys;
    if (!schema::DecodeLemmaKeys(line.substr(tab + 1), &keys)) continue;
    lemmatizer.Remember(std::string(line.substr(0, tab)), std::move(keys));
    ++taken;
  }
  return taken;
}

}  // namespace portaria::analysis
