// Fuzzes the reader of DRE's consolidated JSON (indexer/dre_json_reader.cc, over nlohmann::json,
// then the diploma reader on the text it writes out) through ReadBytes, the entry the indexer and
// portaria-read use for a .json file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria;
  static analysis::Analyzer analyzer;
  fuzz::CheckRead(
      indexer::ReadBytes("fuzz.json", std::string_view(reinterpret_cast<const char*>(data), size)),
      &analyzer);
  return 0;
}
