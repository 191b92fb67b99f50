// portaria-read: what the readers make of files, without indexing them — one JSON record per
// line on stdout (the fields of include/portaria/record.h), warnings and errors on stderr.
// A developer's and operator's tool: check a new diploma's paragraphs before indexing it.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "indexer/reader.h"
#include "schema/record_codec.h"

int main(int argc, char** argv) {
  CLI::App app{"Print the paragraph records the readers make of files (JSON Lines)."};
  std::vector<std::string> files;
  app.add_option("FILE", files, "Files to read")->required();
  CLI11_PARSE(app, argc, argv);
  int status = 0;
  for (const auto& file : files) {
    portaria::indexer::ReadResult result = portaria::indexer::ReadFile(file);
    for (const auto& w : result.warnings) std::fprintf(stderr, "%s\n", w.ToString().c_str());
    for (const auto& e : result.errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    if (!result.errors.empty()) status = 1;
    for (const auto& p : result.paragraphs) std::cout << portaria::schema::EncodeRecord(p) << "\n";
  }
  return status;
}
