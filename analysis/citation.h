// Legal citations: "Portaria n.º 135/2012", "DL 83/2012", "Lei 9.784", "art. 12.º",
// "artigo 5", "alínea d)", "al. d", "n.º 2", "§ 1º", "inciso II", "parágrafo único".
//
// The same parser reads a paragraph's source when indexing (so the diploma gets citation
// terms) and the user's query when searching (so citations become filters), which is why it
// lives in analysis/. It works on the analyzer's tokens plus the raw text between them (for
// "/" and "§"), in one left-to-right pass.
#ifndef PORTARIA_ANALYSIS_CITATION_H_
#define PORTARIA_ANALYSIS_CITATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace portaria::analysis {

struct Citation {
  enum class Kind { kDiploma, kArticle, kLetter, kNumber };
  Kind kind;
  // kDiploma: type ("portaria", "lei", "decreto-lei", "decreto", "lei-complementar",
  // "resolucao", "despacho", "medida-provisoria"), number without dots, year (4 digits or "").
  std::string type, number, year;
  // kArticle: article number ("12"); kLetter: letter or roman inciso ("d", "ii");
  // kNumber: paragraph number ("2", "unico").
  std::string value;
  std::size_t first_token = 0, last_token = 0;  // token span [first, last] it was read from
};

// Finds citations in `text`, whose tokens (from Analyzer::Analyze on the same text) are given.
std::vector<Citation> FindCitations(std::string_view text, const std::vector<Token>& tokens);

// The boolean terms a diploma citation is indexed and searched under: "portaria:135/2012" and,
// for look-ups without the year, "portaria:135".
std::string DiplomaKey(const Citation& c, bool with_year);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_CITATION_H_
