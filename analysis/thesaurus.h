// The legal thesaurus (schema/thesaurus.txt): everyday words <-> the law's words, applied to
// queries only, with less weight than the user's own words.
//
// Members are analysed with the same Analyzer as documents, so each entry is a sequence of
// lemma-key sets; a member matches a query where consecutive content words (stopwords skipped)
// share a key with each of its words (a left-hand member's word by its own key: the written word
// where the lemmatizer keeps it as a key, not a word it derives from). Thread-safety: immutable
// after construction.
#ifndef PORTARIA_ANALYSIS_THESAURUS_H_
#define PORTARIA_ANALYSIS_THESAURUS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "portaria/status.h"

namespace portaria::analysis {

// One expression: its content words, each as the set of its lemma keys.
using Expression = std::vector<std::vector<std::string>>;

struct Expansion {
  std::size_t first = 0;  // index of the first matched content word in the query
  std::size_t count = 0;  // number of content words matched
  Expression expression;  // what to add
  double weight = 1.0;    // the rule's own weight (the searcher applies its global factor)
};

class Thesaurus {
 public:
  // Parses `data` in the format documented at the top of schema/thesaurus.txt. Lines that do
  // not parse are reported in *errors (with their line number) and skipped.
  static Thesaurus Parse(std::string_view data, Analyzer* analyzer, std::vector<Status>* errors);
  // The compiled-in schema/thesaurus.txt, parsed once per process.
  static const Thesaurus& Builtin();

  // `words` are the query's content words (key sets, stopwords removed), in order.
  std::vector<Expansion> Expand(const std::vector<std::vector<std::string>>& words) const;

  std::size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    Expression from;
    std::vector<Expression> to;
    double weight;
  };
  std::vector<Rule> rules_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_key_;
};

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_THESAURUS_H_
