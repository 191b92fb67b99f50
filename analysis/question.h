// Question forms (schema/questions.txt): which words of a question only ask ("quem",
// "quanto tempo", "posso"), what kind of answer it expects, and what the law calls that answer
// ("quanto tempo" -> "prazo"). Used by the searcher in query mode only; the analyzer's terms
// are unchanged, so documents and queries still share one analysis.
//
// Thread-safety: immutable after construction.
#ifndef PORTARIA_ANALYSIS_QUESTION_H_
#define PORTARIA_ANALYSIS_QUESTION_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/thesaurus.h"
#include "portaria/status.h"

namespace portaria::analysis {

struct QuestionAnalysis {
  std::vector<std::string> forms;         // names of the forms found ("who", "duration")
  std::vector<std::string> asked;         // those found as question words, not only as topics
  std::vector<bool> consumed;             // per token: asked, not searched for
  std::vector<Expression> expansions;     // what the answer is called
  std::vector<double> expansion_weights;  // one per expansion
  bool Has(std::string_view form) const;
  bool Asked(std::string_view form) const;  // "qual é o prazo" asks; "prazo" is only a topic
};

class QuestionForms {
 public:
  static QuestionForms Parse(std::string_view data, Analyzer* analyzer,
                             std::vector<Status>* errors);
  static const QuestionForms& Builtin();

  // `tokens` are the analyzer's tokens of the question (stopwords included).
  QuestionAnalysis Analyze(const std::vector<Token>& tokens) const;

 private:
  struct Form {
    std::string name;
    std::vector<std::vector<Token>> patterns;  // each pattern: its tokens, stopwords included
    std::vector<Expression> expansions;
    double weight = 1.0;
    bool consumes = true;  // false for "topic" lines: the words name the answer and stay searched
  };
  std::vector<Form> forms_;
  std::unordered_set<std::string> filler_;  // accent-free surface forms
};

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_QUESTION_H_
