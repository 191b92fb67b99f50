// Fuzzes the JSON Lines reader (indexer/jsonl_reader.cc, over nlohmann::json) through
// ReadBytes, the entry the indexer and portaria-read use for a .jsonl file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria;
  static analysis::Analyzer analyzer;
  fuzz::CheckRead(
      indexer::ReadBytes("fuzz.jsonl", std::string_view(reinterpret_cast<const char*>(data), size)),
      &analyzer);
  return 0;
}
