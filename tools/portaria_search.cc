// portaria-search: ask a portaria database a question.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

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
    if (!p.subitem.empty()) std::cout << ", subalínea " << p.subitem << ")";
    if (!p.article.empty()) std::cout << " — art. " << p.article;
    std::cout << "\n   " << SnippetForTerminal(h.snippet, tty) << "\n";
    if (!p.source.empty()) std::cout << "   Fonte: " << p.source << "\n";
    if (!p.section.empty()) std::cout << "   Secção: " << p.section << "\n";
    if (!h.explanation.empty())
      std::cout << "   Score " << h.score << " = " << h.explanation << "\n";
  }
  auto units = r.facets.find("unit");
  if (units != r.facets.end() && !units->second.empty()) {
    std::cout << "\nPor unidade:";
    for (const auto& [unit, count] : units->second)
      std::cout << "  " << unit << " (" << count << ")";
    std::cout << "\n";
  }
}

// --queries-from: one query a line (blank lines skipped), each answered as one JSON object a
// line, the usual fields plus "took_ms" (the search alone, in this process: no start-up, no
// printing) and "phases_ms", where that time went (SearchResponse::Phases). A query the searcher
// refuses gets {"query", "line", "error", "took_ms"} and the run goes on. Returns the exit status:
// 0, 1 if some query failed, 2 if the file cannot be read.
int RunQueriesFrom(portaria::Searcher* searcher, portaria::SearchRequest request,
                   const std::string& file) {
  std::ifstream in_file;
  std::istream* in = &std::cin;
  if (file != "-") {
    in_file.open(file, std::ios::binary);
    if (!in_file) {
      std::cerr << "portaria-search: " << file << ": cannot open the queries file\n";
      return 2;
    }
    in = &in_file;
  }
  int status = 0;
  std::string line;
  for (int number = 1; std::getline(*in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    request.query = line;
    portaria::SearchResponse response;
    auto start = std::chrono::steady_clock::now();
    portaria::Status s = searcher->Search(request, &response);
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    nlohmann::ordered_json out;
    if (s.ok()) {
      out = nlohmann::ordered_json::parse(portaria::ToJson(response));
    } else {
      std::cerr << "portaria-search: " << file << ":" << number << ": " << s.ToString() << "\n";
      out["query"] = line;
      out["line"] = number;
      out["error"] = s.ToString();
      status = 1;
    }
    out["took_ms"] = std::round(took.count() * 1000) / 1000;
    if (s.ok()) {
      const auto& p = response.phases_ms;
      auto ms = [](double v) { return std::round(v * 1000) / 1000; };
      out["phases_ms"] = {{"plan", ms(p.plan)},
                          {"first", ms(p.first)},
                          {"rescore", ms(p.rescore)},
                          {"rerank", ms(p.rerank)},
                          {"present", ms(p.present)}};
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  }
  if (in->bad()) {
    std::cerr << "portaria-search: " << file << ": read error\n";
    return 2;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Search a portaria database with a Portuguese question, words, \"phrases\" and "
      "filters (unidade:, alinea:, fonte:)."};
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  bool json = false;
  portaria::SearchRequest request;
  portaria::RemoteOptions remote;
  app.add_option("--db", dbs,
                 "Database directory (single or sharded), stub file or tcp://HOST:PORT; repeat "
                 "to search several as one (default: " +
                     portaria::tools::DefaultDatabasePath() + ")")
      ->allow_extra_args(false);  // one location per --db: "--db DB words…" keeps its words
  app.add_option("--remote-timeout", remote.timeout_ms,
                 "Milliseconds to wait for a tcp:// database to connect and to answer; 0: for "
                 "ever")
      ->capture_default_str()
      ->each([&](const std::string&) { remote.connect_timeout_ms = remote.timeout_ms; });
  app.add_flag("--json", json, "Print one JSON object");
  app.add_option("--limit", request.limit, "Number of results")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, portaria::kMaxResults));
  app.add_option("--offset", request.offset, "Skip this many results");
  app.add_option("--unidade", request.unit, "Only paragraphs of this organic unit");
  app.add_option("--alinea", request.letter, "Only this alínea letter");
  app.add_option("--fonte", request.source, "Only paragraphs of this source");
  app.add_flag("--group", request.group, "At most one paragraph per diploma");
  app.add_flag("--exact-counts", request.exact_counts,
               "Count every match for the total and facets, scoring every match (slow path)");
  app.add_flag("--explain", request.explain,
               "Say how each result's score was made: BM25 weight, then each factor");
  app.add_option("--window", request.rerank_window,
                 "Re-rank this many of the first phase's best (0: the default, " +
                     std::to_string(portaria::kDefaultRerankWindow) + ")")
      ->check(CLI::Range(std::size_t{0}, portaria::kMaxRerankWindow));
  std::string queries_from;
  auto* from = app.add_option("--queries-from", queries_from,
                              "Answer each line of FILE (- for stdin) as a query: one JSON "
                              "object a line, with \"took_ms\" and \"phases_ms\"");
  app.add_option("QUERY", words, "The question or query")->excludes(from);
  CLI11_PARSE(app, argc, argv);
  if (words.empty() && queries_from.empty()) {
    std::cerr << "portaria-search: a QUERY or --queries-from FILE is required\n"
              << "Run with --help for more information.\n";
    return 2;
  }
  for (const auto& w : words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += w;
  }

  if (dbs.empty()) dbs.push_back(portaria::tools::DefaultDatabasePath());
  std::unique_ptr<portaria::Searcher> searcher;
  portaria::Status s = portaria::Searcher::Open(dbs, &searcher, remote);
  if (!s.ok()) {
    std::cerr << "portaria-search: " << s.ToString() << "\n";
    return 2;
  }
  if (!queries_from.empty()) return RunQueriesFrom(searcher.get(), request, queries_from);
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
