// Small text helpers shared by the readers of Markdown-like text (pages, diplomas).
#ifndef PORTARIA_INDEXER_MARKUP_H_
#define PORTARIA_INDEXER_MARKUP_H_

#include <string>
#include <string_view>

namespace portaria::indexer {

// Without Markdown emphasis ('*', '_'), white space collapsed: "**_Objeto_**" -> "Objeto".
std::string StripEmphasis(std::string_view s);

// The folded, accent-free words of `text` joined by '-', for ids: "Capítulo I > Artigo 3.º" ->
// "capitulo-i-artigo-3"; empty if `text` has no letter or digit.
std::string Slug(std::string_view text);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_MARKUP_H_
