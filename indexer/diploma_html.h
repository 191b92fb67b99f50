// A diploma copied as HTML (a site's page source, a blog post that carries the DR's text in
// <div>, <p>, <ol> and <li>): its text as the lines a browser shows, so that the diploma reader
// reads it like any other copy (schema/DIPLOMAS.md, Cleaning). Part of diploma_text.cc's
// cleaning, which calls it.
#ifndef PORTARIA_INDEXER_DIPLOMA_HTML_H_
#define PORTARIA_INDEXER_DIPLOMA_HTML_H_

#include <string>
#include <string_view>
#include <vector>

namespace portaria::indexer::diploma {

// True when `content` lays its text out with HTML's block elements (paragraphs, lists, headings,
// line breaks) rather than with lines: a handful of them at least, a list item among them or a
// paragraph.
bool LaidOutInHtml(std::string_view content);

struct HtmlLine {
  std::string text;
  int number = 0;  // the 1-based line of the file where the text starts
};

// The blocks of `content` one a line, a blank line between two, as a browser shows them: the
// text inside a block joined with single spaces, tags and comments gone, character references
// decoded (&#8220; → “, &nbsp; → a space), each list item opened by the marker a browser would
// number it with when its text does not write one ("1 - " in a plain ordered list, "a) " in a
// list of type "a", "i) " in one of type "i"; nothing in a bulleted list).
std::vector<HtmlLine> HtmlToLines(std::string_view content);

// `text` with its character references decoded ("RCM n.º 97/99 &#8211; Acessibilidade" →
// "RCM n.º 97/99 – Acessibilidade"); a reference it does not know is left as written.
std::string DecodeReferences(std::string_view text);

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_HTML_H_
