#include "tests/batch_fixtures.h"

#include <xapian.h>

#include <cstdio>
#include <memory>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "schema/schema.h"
#include "tests/test_util.h"

namespace portaria::batch_fixtures {

using testing::BinDir;
using testing::ReadFileToString;
using testing::RunCommand;
using testing::ShellQuote;
using testing::SourceDir;
using testing::WriteStringToFile;

IndexRun Index(const fs::path& db, const std::vector<fs::path>& inputs, const std::string& flags) {
  fs::path err_file = db.string() + ".stderr";
  std::string command = ShellQuote((BinDir() / "portaria-index").string()) + " --json --db " +
                        ShellQuote(db.string());
  if (!flags.empty()) command += " " + flags;
  for (const auto& in : inputs) command += " " + ShellQuote(in.string());
  command += " 2>" + ShellQuote(err_file.string());
  IndexRun run;
  std::string out;
  run.exit_code = RunCommand(command, &out);
  run.summary = nlohmann::json::parse(out, nullptr, false);
  run.err = ReadFileToString(err_file);
  return run;
}

std::size_t DocCount(const fs::path& db) { return Xapian::Database(db.string()).get_doccount(); }

std::vector<SearchHit> Search(const fs::path& db, const std::string& query) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(db.string(), &searcher);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return {};
  SearchRequest request;
  request.query = query;
  request.limit = 50;
  SearchResponse response;
  s = searcher->Search(request, &response);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return response.hits;
}

bool AnyHitContains(const std::vector<SearchHit>& hits, const std::string& text) {
  for (const auto& h : hits) {
    if (h.paragraph.text.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string JsonLine(const std::string& id, const std::string& text) {
  return nlohmann::json{{"id", id}, {"text", text}, {"unit", "Centro Nacional de Pensões"}}.dump() +
         "\n";
}

void GenerateJsonLines(const fs::path& dir, int files, int records) {
  static const char* const kVerbs[] = {"gerir", "pagar", "fiscalizar", "atribuir", "instruir"};
  static const char* const kThings[] = {"pensões de invalidez", "subsídios de doença",
                                        "contribuições", "prestações familiares",
                                        "processos de contraordenação"};
  for (int f = 0; f < files; ++f) {
    std::string content;
    for (int r = 0; r < records; ++r) {
      content += JsonLine("gen:" + std::to_string(f) + ":" + std::to_string(r),
                          std::string("Compete ao serviço ") + std::to_string(r) + " " +
                              kVerbs[(f + r) % 5] + " as " + kThings[(f * 7 + r) % 5] +
                              " do distrito " + std::to_string(f) + ".");
    }
    char name[32];
    std::snprintf(name, sizeof name, "part-%04d.jsonl", f);
    WriteStringToFile(dir / name, content);
  }
}

std::set<std::string> IdsIn(const std::vector<fs::path>& inputs) {
  std::set<std::string> ids;
  for (const auto& in : inputs) {
    for (const auto& entry : fs::recursive_directory_iterator(in)) {
      if (!entry.is_regular_file()) continue;
      if (indexer::FormatForPath(entry.path()) == indexer::Format::kUnknown) continue;
      for (const auto& p : indexer::ReadFile(entry.path()).paragraphs) ids.insert(p.id);
    }
  }
  return ids;
}

std::map<std::string, std::size_t> Manifest(const fs::path& db) {
  Xapian::Database d(db.string());
  std::map<std::string, std::size_t> out;
  std::string prefix(schema::kMetaManifestPrefix);
  for (auto it = d.metadata_keys_begin(prefix); it != d.metadata_keys_end(prefix); ++it) {
    auto j = nlohmann::json::parse(d.get_metadata(*it));
    out[j["path"].get<std::string>()] = j["paragraphs"].get<std::size_t>();
  }
  return out;
}

bool HaveXapianCheck() {
  return RunCommand("command -v xapian-check >/dev/null 2>&1", nullptr) == 0;
}

fs::path MakeCorpus(const fs::path& base) {
  fs::path dir = base / "in";
  fs::create_directories(dir);
  fs::copy(SourceDir() / "corpus", dir / "pages", fs::copy_options::recursive);
  WriteStringToFile(dir / "a.jsonl",
                    JsonLine("a:1", "Pagar as pensões de velhice no estrangeiro.") +
                        JsonLine("a:2", "Gerir o arquivo histórico do instituto."));
  WriteStringToFile(dir / "b.jsonl", JsonLine("b:1", "Fiscalizar as entidades empregadoras."));
  WriteStringToFile(dir / "notes.pdf", "not indexed");
  return dir;
}

}  // namespace portaria::batch_fixtures
