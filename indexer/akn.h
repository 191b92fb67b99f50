// The Akoma Ntoso reader's helpers (indexer/akn_reader.cc walks the body with them): the text and
// labels read from the DOM (indexer/akn_text.cc) and the act's metadata and citation string
// (indexer/akn_metadata.cc). Internal to the reader; declared here only so that its three files
// can share them. Like the reader they walk the DOM with explicit loops, never recursion.
#ifndef PORTARIA_INDEXER_AKN_H_
#define PORTARIA_INDEXER_AKN_H_

#include <cstddef>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace portaria::indexer::akn {

// Small string helpers.

// ' ', '\t', '\n', '\r', '\f' and '\v'.
bool IsAsciiSpace(char c);
// `s` without ASCII white space at either end.
std::string_view Trim(std::string_view s);

// DOM helpers. pugixml keeps prefixed names ("akn:act"); the profile compares local names so
// that any namespace prefix (or none) is accepted.

// The name without its namespace prefix: "akn:act" -> "act".
std::string_view LocalName(pugi::xml_node node);
// The first child element named `local`; a null node if there is none.
pugi::xml_node Child(pugi::xml_node node, std::string_view local);
// Child() step by step ({"meta", "identification", "FRBRWork"}); null if a step is missing.
pugi::xml_node Path(pugi::xml_node node, std::initializer_list<std::string_view> locals);
// True if `name` is one of `names`.
bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names);
// All text under `node`, whitespace-normalised; sets *overflow if longer than `limit` bytes.
std::string CollectText(pugi::xml_node node, std::size_t limit, bool* overflow);
// CollectText() clipped to kMaxFieldBytes; "" for a null node.
std::string TextOf(pugi::xml_node node);
// The first element under `root`, in document order, named `local`; a null node if none.
pugi::xml_node FindDescendant(pugi::xml_node root, std::string_view local);

// Labels of hierarchy elements.

// The text of the element's <num> and of its <heading>.
std::string NumOf(pugi::xml_node node);
std::string HeadingOf(pugi::xml_node node);
// "Art. 12-A." -> "12-A"; "Art. 1º" -> "1º"; "Artigo 12.º" -> "12.º".
std::string ArticleNumber(std::string_view num);
// "§ 2º" -> "2"; "§ 1º-A." -> "1-A"; "Parágrafo único." -> "único"; caput (no num) -> "".
std::string ParagraphNumber(std::string_view num);
// "a)" -> "a"; "II –" -> "II"; "VII-A –" -> "VII-A"; "1." -> "1"; "(b)" -> "b".
std::string LetterOf(std::string_view num);

// Metadata and the citation string.

struct Metadata {
  std::string uri;      // FRBRWork/FRBRuri (falls back to FRBRthis)
  std::string date;     // FRBRWork/FRBRdate@date if ISO, else docDate@date
  std::string country;  // FRBRcountry: read for completeness, no record field holds it
  std::string subtype, number, name;
  std::string doc_type, doc_authority, doc_number, doc_title;
  std::string summary;  // preface/longTitle: the ementa ("Código Penal.", "Dispõe sobre…")
};

// The identification (FRBRWork) and preface of `document`: the act, or a document in an annex.
Metadata ReadMetadata(pugi::xml_node document);
// "<Type> n.º <number>/<year>", e.g. "Lei n.º 12.527/2011"; the title when type or number is
// unknown. docNumber is preferred to FRBRnumber because it keeps the thousands separator.
std::string SourceOf(const Metadata& m, const std::string& title);
// FRBRname, else the preface's docTitle.
std::string TitleOf(const Metadata& m);

}  // namespace portaria::indexer::akn

#endif  // PORTARIA_INDEXER_AKN_H_
