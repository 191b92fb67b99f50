// Fuzzes the analyzer (analysis/analyzer.cc: ICU segmentation, folding, lemma keys) and what
// runs over its tokens for every query and paragraph: citations (analysis/citation.cc) and
// answer types (analysis/answer_type.cc). The input is any bytes: Analyze promises to skip
// invalid UTF-8. One analyzer lives across inputs, as in a searcher, so its word cache is fuzzed
// too; Segment must give the same words as Analyze.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/answer_type.h"
#include "analysis/citation.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria::analysis;
  static Analyzer analyzer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Token> tokens, segments;
  analyzer.Analyze(text, &tokens);
  analyzer.Segment(text, &segments);
  if (tokens.size() != segments.size()) Fail("Segment and Analyze disagree on the words");
  std::uint32_t last_position = 0, last_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    // Snippets and highlighting cut the text at these offsets.
    if (t.begin >= t.end || t.end > size || t.begin < last_end) Fail("bad token offsets");
    if (t.position <= last_position) Fail("positions not increasing");
    if (t.surface.empty()) Fail("empty surface");
    if (segments[i].begin != t.begin || segments[i].position != t.position) {
      Fail("Segment and Analyze disagree on a word");
    }
    last_position = t.position;
    last_end = t.end;
  }
  for (const Citation& c : FindCitations(text, tokens)) {
    if (c.first_token > c.last_token || c.last_token >= tokens.size()) Fail("bad citation span");
  }
  (void)AnswerTypes(text, tokens);
  return 0;
}
