// portaria-search: ask a portaria database a question.
#include <CLI/CLI.hpp>
#include <iostream>

#include "portaria/search.h"
#include "tools/common.h"

namespace {

// Snippet HTML -> terminal text: <mark> as bold (on a terminal) or as [brackets].
std::string SnippetForTerminal(const std::string& html, bool tty) {
  std::string out = html;
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = out.find(from); at != std::string::npos;
         at = out.find(from, at + to.size())) {
      out.replace(at, from.size(), to);
    }
  };
  replace_all("<mark>", tty ? "\x1b[1m" : "[");
  replace_all("</mark>", tty ? "\x1b[0m" : "]");
  replace_all("&lt;", "<");
  replace_all("&gt;", ">");
  replace_all("&quot;", "\"");
  replace_all("&#39;", "'");
  replace_all("&amp;", "&");
  return out;
}

void PrintReadable(const portaria::SearchResponse& r) {
  bool tty = portaria::tools::StdoutIsTerminal();
  if (r.hits.empty()) {
    std::cout << "No results for \"" << r.query << "\".\n";
    if (!r.suggestion.empty()) std::cout << "Did you mean: " << r.suggestion << "\n";
    return;
  }
  std::cout << r.total << " result" << (r.total == 1 ? "" : "s") << " for \"" << r.query << "\"\n";
  if (!r.suggestion.empty()) std::cout << "Did you mean: " << r.suggestion << "\n";
  for (const auto& h : r.hits) {
    const auto& p = h.paragraph;
    // The answering unit first: for "quem ...?" questions it is the answer.
    std::cout << "\n" << h.rank << ". " << (p.unit.empty() ? std::string("(sem unidade)") : p.unit);
    if (!p.letter.empty()) std::cout << " — alínea " << p.letter << ")";
    if (!p.article.empty()) std::cout << " — art. " << p.article;
    std::cout << "\n   " << SnippetForTerminal(h.snippet, tty) << "\n";
    if (!p.source.empty()) std::cout << "   Fonte: " << p.source << "\n";
    if (!p.section.empty()) std::cout << "   Secção: " << p.section << "\n";
  }
  auto units = r.facets.find("unit");
  if (units != r.facets.end() && !units->second.empty()) {
    std::cout << "\nPor unidade:";
    for (const auto& [unit, count] : units->second)
      std::cout << "  " << unit << " (" << count << ")";
    std::cout << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Search a portaria database with a Portuguese question, words, \"phrases\" and "
      "filters (unidade:, alinea:, fonte:)."};
  std::string db = portaria::tools::DefaultDatabasePath();
  std::vector<std::string> words;
  bool json = false;
  portaria::SearchRequest request;
  app.add_option("--db", db, "Database directory")->capture_default_str();
  app.add_flag("--json", json, "Print one JSON object");
  app.add_option("--limit", request.limit, "Number of results")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, portaria::kMaxResults));
  app.add_option("--offset", request.offset, "Skip this many results");
  app.add_option("--unidade", request.unit, "Only paragraphs of this organic unit");
  app.add_option("--alinea", request.letter, "Only this alínea letter");
  app.add_option("--fonte", request.source, "Only paragraphs of this source");
  app.add_flag("--group", request.group, "At most one paragraph per diploma");
  app.add_option("QUERY", words, "The question or query")->required();
  CLI11_PARSE(app, argc, argv);
  for (const auto& w : words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += w;
  }

  std::unique_ptr<portaria::Searcher> searcher;
  portaria::Status s = portaria::Searcher::Open(db, &searcher);
  if (!s.ok()) {
    std::cerr << "portaria-search: " << s.ToString() << "\n";
    return 2;
  }
  portaria::SearchResponse response;
  s = searcher->Search(request, &response);
  if (!s.ok()) {
    std::cerr << "portaria-search: " << s.ToString() << "\n";
    return 2;
  }
  if (json) {
    std::cout << portaria::ToJson(response) << "\n";
  } else {
    PrintReadable(response);
  }
  return 0;
}
