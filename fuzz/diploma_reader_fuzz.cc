// Fuzzes the diploma reader (indexer/diploma_reader.cc and the diploma_*.cc it uses: Diário da
// República, DRE consolidated and Official Journal text) after PrepareText's checks, with the
// dictionary look-up ReadBytes gives it for mending words broken at line ends. Every input
// reaches the reader, whether or not LooksLikeDiploma would choose it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/lemmatizer.h"
#include "fuzz/fuzz_check.h"
#include "indexer/diploma.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria;
  static analysis::Analyzer analyzer;
  std::string clean;
  const std::string file = "fuzz.md";
  if (!indexer::PrepareText(std::string_view(reinterpret_cast<const char*>(data), size), file,
                            &clean)
           .ok()) {
    return 0;
  }
  auto known = [](const std::string& word) {
    return analysis::Lemmatizer::Shared().IsKnownWord(word);
  };
  (void)indexer::diploma::LooksLikeDiploma(clean);  // the choice ReadBytes makes, fuzzed too
  fuzz::CheckRead(indexer::ReadDiploma(clean, file, "fuzz", known), &analyzer);
  return 0;
}
