// What the batch indexing suites share (batch_manifest_test.cc, batch_bad_input_test.cc,
// batch_interrupt_test.cc, batch_compact_test.cc): portaria-index run and its summary, the
// database's count, manifest and search results, and the input folders the runs index.
#ifndef PORTARIA_TESTS_BATCH_FIXTURES_H_
#define PORTARIA_TESTS_BATCH_FIXTURES_H_

#include <cstddef>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "portaria/search.h"

namespace portaria::batch_fixtures {

namespace fs = std::filesystem;

struct IndexRun {
  int exit_code = -1;
  nlohmann::json summary;  // the --json summary
  std::string err;         // stderr
};

// Runs portaria-index --json on `inputs` with `flags`.
IndexRun Index(const fs::path& db, const std::vector<fs::path>& inputs,
               const std::string& flags = "");

// The paragraphs committed in `db`.
std::size_t DocCount(const fs::path& db);

// The first 50 hits for `query` on `db`, through the library.
std::vector<SearchHit> Search(const fs::path& db, const std::string& query);

// True if the text of one of `hits` contains `text`.
bool AnyHitContains(const std::vector<SearchHit>& hits, const std::string& text);

// One JSON Lines record (a paragraph of the Centro Nacional de Pensões), newline included.
std::string JsonLine(const std::string& id, const std::string& text);

// `files` JSON Lines files of `records` records each, with varied legal-sounding text.
void GenerateJsonLines(const fs::path& dir, int files, int records);

// Every id the readers produce from `inputs` (independent of the indexer).
std::set<std::string> IdsIn(const std::vector<fs::path>& inputs);

// Manifest entries committed in `db`: file key -> paragraphs recorded.
std::map<std::string, std::size_t> Manifest(const fs::path& db);

// True if xapian-check (xapian-tools) is on the PATH.
bool HaveXapianCheck();

// A small folder of pages and JSON Lines the tests edit.
fs::path MakeCorpus(const fs::path& base);

}  // namespace portaria::batch_fixtures

#endif  // PORTARIA_TESTS_BATCH_FIXTURES_H_
