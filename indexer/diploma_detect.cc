// Which text files are diplomas: the lines that only a diploma's text has (articles, numbered
// números and alíneas, a diploma's title near the top, a DR or OJ page header), counted over the
// first lines of the file. Kept apart from the cleaning (diploma_text.cc), which it only borrows.
#include <string>

#include "indexer/diploma.h"

namespace portaria::indexer::diploma {

bool LooksLikeDiploma(std::string_view content) {
  int articles = 0, headings = 0, items = 0, points = 0, expected_point = 1, dashed = 0,
      alineas = 0, expected_item = 1, ordinals = 0;
  bool furniture = false, summary = false;
  // A title in the front matter only (a site's post that carries the act's text).
  bool title = !FrontMatterTitle(ReadFrontMatter(content)).empty();
  std::size_t scanned = 0;
  for (std::string_view rest = content; !rest.empty() && scanned < 4000;) {
    std::size_t nl = rest.find('\n');
    std::string_view raw = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++scanned;
    std::string_view line = Trim(raw);
    if (line.starts_with("\\n")) line = Trim(line.substr(2));
    if (line.starts_with("#")) {
      ++headings;
      std::size_t text = line.find_first_not_of('#');  // a line of only '#' has none
      line = text == std::string_view::npos ? std::string_view() : Trim(line.substr(text));
    }
    if (line.starts_with("- ") || line.starts_with("* ")) ++items;
    if (line.starts_with("Artigo ") && line.size() > 7 &&
        (IsDigit(line[7]) || line.substr(7).starts_with("único")))
      ++articles;
    if (line.starts_with("Art. ") && line.size() > 5 && IsDigit(line[5])) ++articles;
    if (line.starts_with("Base ") || line.starts_with("BASE ")) {
      std::string label, rest;
      if (ParseArticle(line, &label, &rest)) ++articles;  // a lei de bases's "Base XII"
    }
    // A copy pasted as one long line: the articles it runs together (StructureBreaks).
    if (line.size() > 400) {
      int quotes = 0;
      std::string label, rest;
      for (std::size_t at : StructureBreaks(line, &quotes))
        if (ParseArticle(line.substr(at), &label, &rest)) ++articles;
    }
    if (line.size() > 3 && line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' && line[2] == ' ')
      ++alineas;
    if (line.starts_with(std::to_string(expected_item) + ") ")) ++expected_item;  // "1) ", "2) "…
    // A diploma's title near the top ("Resolução do Conselho de Ministros n.º 122/99").
    if (scanned <= 60 && !title) title = IsDiplomaTitle(MendLine(line));
    if (scanned <= 60 && !title) title = InlineTitleLength(MendLine(line)) > 0;
    if (scanned <= 60 && !title) title = !TitleCells(line).empty();
    // The DR's "Sumário:" under the title: an excerpt of its first page, before any article.
    if (scanned <= 60 && title && (line.starts_with("Sumário:") || line.starts_with("SUMÁRIO:")))
      summary = true;
    // Números as the DR writes them: "1 - ", "2 — ".
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && IsDigit(line[digits])) ++digits;
    if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && IsDigit(line[digits + 1]))
      for (digits += 1; digits < line.size() && IsDigit(line[digits]);) ++digits;  // "1.2 - "
    if (digits > 0 &&
        (line.substr(digits).starts_with(" - ") || line.substr(digits).starts_with(" — ") ||
         line.substr(digits).starts_with(" – ")))
      ++dashed;
    if (OrdinalPoint(line).number == ordinals + 1) ++ordinals;  // an older act's "1.º", "2.º"
    if (IsPageHeader(line)) furniture = true;
    std::string number = std::to_string(expected_point) + ". ";
    if (line.starts_with(number)) {
      ++points;
      ++expected_point;
    }
  }
  // An act with one article or none (a resolution's or a despacho's números, or its list of
  // numbered items) under its title; and, in plain text (no Markdown headings or items), an
  // excerpt without its title: números and alíneas, or an article and alíneas.
  int numbered = expected_item - 1;
  bool untitled = headings == 0 && items == 0 && alineas >= 3 && (dashed >= 2 || articles >= 1);
  return articles >= 2 || furniture || summary || (points >= 5 && headings == 0 && items == 0) ||
         untitled ||
         (title && (articles >= 1 || dashed >= 2 || (dashed == 1 && alineas >= 2) || alineas >= 3 ||
                    numbered >= 3 || ordinals >= 3));
}

}  // namespace portaria::indexer::diploma
