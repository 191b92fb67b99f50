// Fuzzes a search end to end through the public API: Searcher::Search (query parser, planner,
// both ranking phases, snippets, facets) and ToJson, over a small database built once from
// files of the repository (the seed page, a Diário da República portaria, an Akoma Ntoso act),
// so that citations, units, letters and phrases in the input can match something.
//
// Input: the first byte picks the request's options (limit, offset, grouping); the rest is the
// query, and what follows a \x1e in it fills the unit, letter and source filters in turn (the
// server's unidade=, alinea=, fonte= parameters, which reach Search as given). Queries over
// kMaxQueryBytes or not UTF-8 are refused by Search, which is checked.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "portaria/index.h"
#include "portaria/search.h"

namespace {

[[noreturn]] void Fail(const char* what, const portaria::Status& s) {
  std::fprintf(stderr, "fuzz: %s: %s\n", what, s.ToString().c_str());
  std::abort();
}

std::filesystem::path db_dir;

void RemoveDatabase() {
  std::error_code ignored;
  std::filesystem::remove_all(db_dir, ignored);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace portaria;
  const std::filesystem::path src = PORTARIA_SOURCE_DIR;
  db_dir = std::filesystem::temp_directory_path() /
           ("portaria-fuzz-query." + std::to_string(::getpid()));
  RemoveDatabase();
  std::atexit(RemoveDatabase);
  std::unique_ptr<IndexWriter> writer;
  Status s = IndexWriter::Open(db_dir.string(), &writer);
  if (!s.ok()) Fail("opening the database", s);
  IndexStats stats;
  s = writer->IndexPaths({(src / "corpus/iss-servicos.md").string(),
                          (src / "tests/data/diplomas/portaria-dr.md").string(),
                          (src / "tests/data/akn/profile.xml").string()},
                         {}, &stats);
  if (!s.ok() || !stats.errors.empty() || stats.files_indexed != 3) Fail("indexing", s);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace portaria;
  static std::unique_ptr<Searcher> searcher = [] {
    std::unique_ptr<Searcher> opened;
    Status s = Searcher::Open(db_dir.string(), &opened);
    if (!s.ok()) Fail("opening the searcher", s);
    return opened;
  }();
  if (size == 0) return 0;
  SearchRequest request;
  request.limit = data[0] & 0x0f;  // 0..15: the server's ?limit= is as free
  request.offset = (data[0] >> 4) & 0x07;
  request.group = (data[0] & 0x80) != 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (std::string* field : {&request.query, &request.unit, &request.letter, &request.source}) {
    std::size_t cut = field == &request.source ? rest.npos : rest.find('\x1e');
    field->assign(rest.substr(0, cut));
    if (cut == rest.npos) break;
    rest.remove_prefix(cut + 1);
  }
  SearchResponse response;
  Status s = searcher->Search(request, &response);
  if (!s.ok()) {
    // The only refusals a fixed, healthy database allows.
    if (s.code() != Status::Code::kInvalidArgument) Fail("search failed", s);
    return 0;
  }
  if (response.hits.size() > request.limit) Fail("more hits than asked", s);
  (void)ToJson(response);  // throws (and so aborts) on text that is not UTF-8
  return 0;
}
