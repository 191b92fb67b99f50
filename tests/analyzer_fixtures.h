// What the analyzer suites share: a text's tokens, and the one token of a word
// (analyzer_keys_test.cc, analyzer_tokens_test.cc).
#ifndef PORTARIA_TESTS_ANALYZER_FIXTURES_H_
#define PORTARIA_TESTS_ANALYZER_FIXTURES_H_

#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace portaria::analyzer_fixtures {

// The tokens a fresh Analyzer makes of `text`.
std::vector<analysis::Token> Analyse(std::string_view text);

// The one token of a single word (failing the test if there is not exactly one).
analysis::Token OneToken(std::string_view word);

}  // namespace portaria::analyzer_fixtures

#endif  // PORTARIA_TESTS_ANALYZER_FIXTURES_H_
