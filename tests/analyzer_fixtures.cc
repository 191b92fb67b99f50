#include "tests/analyzer_fixtures.h"

#include "gtest/gtest.h"

namespace portaria::analyzer_fixtures {

using analysis::Analyzer;
using analysis::Token;

std::vector<Token> Analyse(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  return tokens;
}

Token OneToken(std::string_view word) {
  std::vector<Token> tokens = Analyse(word);
  EXPECT_EQ(tokens.size(), 1u) << "'" << word << "' should be one word";
  if (tokens.empty()) return Token();
  return tokens.front();
}

}  // namespace portaria::analyzer_fixtures
