// portaria-analyze: show the terms the analyzer produces for a text (one word per line:
// position, surface form, lemma keys), the same for documents and queries.
#include <CLI/CLI.hpp>
#include <iostream>

#include "analysis/analyzer.h"
#include "analysis/thesaurus.h"

int main(int argc, char** argv) {
  CLI::App app{"Print the analysis of a text: position, surface form, lemma keys."};
  std::vector<std::string> words;
  bool expand = false;
  app.add_flag("--expand", expand, "Also print the thesaurus expansions of the text as a query");
  app.add_option("TEXT", words, "Text to analyse")->required();
  CLI11_PARSE(app, argc, argv);
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  portaria::analysis::Analyzer analyzer;
  std::vector<portaria::analysis::Token> tokens;
  analyzer.Analyze(text, &tokens);
  std::vector<std::vector<std::string>> content;
  for (const auto& t : tokens) {
    std::cout << t.position << "\t" << t.surface << "\t";
    if (t.stop) std::cout << "(stopword)";
    for (const auto& k : t.keys) std::cout << k << " ";
    std::cout << "\n";
    if (!t.stop) content.push_back(t.keys);
  }
  if (expand) {
    for (const auto& e : portaria::analysis::Thesaurus::Builtin().Expand(content)) {
      std::cout << "expand words " << e.first << "+" << e.count << " (w=" << e.weight << "):";
      for (const auto& word : e.expression) {
        std::cout << " [";
        for (const auto& k : word) std::cout << k << " ";
        std::cout << "]";
      }
      std::cout << "\n";
    }
  }
  return 0;
}
