// Fuzzes the page reader (indexer/page_reader.cc) the way ReadBytes feeds it a .md file:
// PrepareText's checks first, then ReadPage. ReadBytes would hand text that looks like a diploma
// to the diploma reader instead; here every input reaches the page reader, and the diploma
// reader has its own target.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria;
  static analysis::Analyzer analyzer;  // one per process, as one indexing thread keeps one
  std::string clean;
  const std::string file = "fuzz.md";
  if (!indexer::PrepareText(std::string_view(reinterpret_cast<const char*>(data), size), file,
                            &clean)
           .ok()) {
    return 0;
  }
  fuzz::CheckRead(indexer::ReadPage(clean, file, "fuzz"), &analyzer);
  return 0;
}
