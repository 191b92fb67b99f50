// Page furniture: the lines a diploma's copy owes to its pages, not to the law (the Diário da
// República's headers, the Official Journal's running heads and notes, a Council document's
// footer, a website's labels), recognised line by line. Internal to the diploma reader
// (indexer/diploma_text.cc, which decides from these which lines to drop); exposed for it and
// the tests.
#ifndef PORTARIA_INDEXER_DIPLOMA_FURNITURE_H_
#define PORTARIA_INDEXER_DIPLOMA_FURNITURE_H_

#include <string>
#include <string_view>

#include "indexer/diploma.h"

namespace portaria::indexer::diploma {

// What a line is to the page: blank; weak, law text only in rare cases, so dropped only next to
// a page break or a strong line ("PT", "L 194/11", a page number, a date); strong, never law
// text (a DR header, an OJ running head).
enum class Furniture { kNone, kBlank, kWeak, kStrong };

Furniture Classify(std::string_view raw);

// "30 de julho de 2021".
bool IsDateLine(std::string_view s);

// "340", "340-(2)" (a supplement's page): the page number of a DR header.
bool IsPageNumber(std::string_view s);

// The date of the 2022 DR header on one line, "N.º 210 31 de outubro de 2022 Pág. 5" -> "31 de
// outubro de 2022"; "" for any other line.
std::string_view HeaderDate(std::string_view s);

// The DR's header since 2024, a block of five lines at the top of each page: "1/19" (the page
// of the act's pages), the act's title, "14-11-2025", "N.º 221", "1.ª série". These read its
// lines: the last, the first and the date ("14 de novembro de 2025"; "" for any other line).
bool IsSeriesLine(std::string_view s);
bool IsPageOfPages(std::string_view s);
std::string DashedDate(std::string_view s);

// A long run of spaces alone on its line: a guideline's notes follow it.
bool IsFootnoteSeparator(std::string_view raw);

// "(^1 ) JO C 229 …": an Official Journal footnote line.
bool IsOjFootnote(std::string_view s);

// "(1) Diretiva 95/46/CE …": a note as the Official Journal's PDF text gives it (also a recital's
// marker: only where the page's notes are, below its running head, is it a note).
bool OpensNumberedNote(std::string_view s);

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_FURNITURE_H_
