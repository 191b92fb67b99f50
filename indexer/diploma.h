// The Portuguese diploma reader's stages (schema/DIPLOMAS.md): cleaning the text as people hold
// it (Diário da República PDF text, DRE consolidated text, EU Official Journal text), finding
// the organ a competence list belongs to, and the structure that turns the clean lines into
// paragraph records. Internal to the indexer; exposed here for the tests.
#ifndef PORTARIA_INDEXER_DIPLOMA_H_
#define PORTARIA_INDEXER_DIPLOMA_H_

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/front_matter.h"

namespace portaria::indexer::diploma {

// True if a dictionary accepts the word; the argument is folded (lower case, NFC). Decides how
// a word broken at a line end is mended. Must be safe to call from several threads.
using WordCheck = std::function<bool(const std::string&)>;

// One logical line of clean text: page furniture gone, words broken across lines mended,
// ordinals and the DR's space before a hyphen fixed, consolidation notes removed.
struct Line {
  std::string text;
  int number = 0;             // 1-based line of the file where it starts
  bool blank_before = false;  // a blank line (or a page break) separates it from the previous
  bool heading = false;       // a Markdown heading ("# Artigo 1.º"), '#' removed from `text`
};

struct CleanText {
  std::vector<Line> lines;
  std::vector<Line> notes;                 // footnotes, in order: kept as paragraphs of their own
  bool paragraphs_by_blank_lines = false;  // DRE and OJ Markdown; PDF text breaks every line
  // The date the page headers carry ("30 de julho de 2021"), for diplomas whose title has none.
  std::string page_date;
  // The act the page headers name, where they name one (the DR's header since 2024: "Decreto-Lei
  // n.º 120/2025"), for a copy that starts past the act's first page and so lacks its title.
  std::string page_title;
  // The sumário a Markdown front matter gives (`summary: "Aprova …"`), for a heading that cut
  // its subject short ("# Resolução … n.º 100/2024 — Autoriza um conjunto de …").
  std::string front_summary;
  // The act a front matter's title names (`title: 'RCM n.º 97/99 &#8211; Acessibilidade …'` →
  // "RCM n.º 97/99"), for a copy whose text lacks its title.
  std::string front_title;
};

// Chosen by content for .md/.txt files (indexer/diploma_detect.cc): articles ("Artigo 3.º"), a
// DR or OJ page header, a numbered outline ("1.", "2.", … with no Markdown headings), or a
// diploma's title over números and alíneas (schema/DIPLOMAS.md, "Which files").
bool LooksLikeDiploma(std::string_view content);
// True for a line that only a DR or OJ page header has ("Diário da República, 1.ª série — N.º
// 155 — 13 de agosto de 2018", "Pág. 8").
bool IsPageHeader(std::string_view line);

CleanText Clean(std::string_view content, const WordCheck& known);
// The act a front matter's `title:` names, as written before its subject ("title: 'RCM n.º
// 97/99 &#8211; Acessibilidade …'" → "RCM n.º 97/99"); "" if it names none.
std::string FrontMatterTitle(const FrontMatter& front);

// Fixes within one line: OCR ordinals ("17.o", "n.o", "25. o" -> "17.º", "n.º", "25.º"), the
// DR's space before a hyphen ("decreto -lei" -> "decreto-lei"), "Estados- -Membros", footnote
// calls ("(^1 )"), dot leaders, and DRE's "LEGISLAÇÃO CONSOLIDADA" / "**Alterações** …" notes.
std::string MendLine(std::string_view line);

// An older act's ordinal point at a line's start, "5.º - 1 - …", "3º" alone, "2.° O …": its
// number and where the text after its mark starts; number 0 if the line opens with none.
struct OrdinalMark {
  int number = 0;
  std::size_t text_at = 0;
};
OrdinalMark OrdinalPoint(std::string_view line);

// Abbreviations a diploma defines: "Centro Nacional de Cibersegurança (CNCS)", "…, abreviadamente
// designado por CNP", "(doravante CNPD)" -> {"CNCS": "Centro Nacional de Cibersegurança"}.
std::map<std::string, std::string> FindAbbreviations(std::string_view text);

// The organ whose competences a sentence introduces, as written: "Compete ao Conselho Superior
// de Segurança do Ciberespaço:", "Compete, designadamente, ao fiscal único:", "À DGPRM compete:",
// "São competências do X:", "Constituem competências da ANCC:" -> the organ; "" otherwise.
std::string CompetenceOrgan(std::string_view sentence);

// The organ an article's epígrafe names: "Competências da DGPRM" -> "DGPRM", "Conservatória dos
// Registos Centrais" -> itself; "" for an epígrafe that names no organ.
std::string EpigraphOrgan(std::string_view epigraph);

// The lines that give a diploma its shape (indexer/diploma_headings.cc) and that name it, its
// title and date (indexer/diploma_titles.cc).
// True if the line has letters and none of them lower case ("PRESIDÊNCIA DO CONSELHO").
bool IsAllCaps(std::string_view s);
// "REGULAMENTO (UE) 2016/679 DO PARLAMENTO" -> "Regulamento (UE) 2016/679 do Parlamento"; a line
// that is not all capitals is returned as it is.
std::string TitleCase(std::string_view s);
// "Artigo 72.º-A Epígrafe" -> label "72.º-A", rest "Epígrafe"; false for a reference at the
// start of a line ("Artigo 5.º do Código …"), a quoted article ("«Artigo 22.º") or other text.
// True if the last word of `title` is an article, preposition or conjunction: a title does not
// end there, so its next line continues it ("… E CONDIÇÕES PARA A" / "PROTEÇÃO").
bool EndsWithFunctionWord(std::string_view title);

bool ParseArticle(std::string_view line, std::string* label, std::string* rest);
// "CAPÍTULO II", "Secção I", "TÍTULO VII DISPOSIÇÕES GERAIS" -> level (Parte 0 … Subsecção 5),
// label and the title's rest on the same line.
bool ParseDivision(std::string_view line, int* level, std::string* label, std::string* rest);
// "ANEXO", "ANEXO II", "# Anexo I (a que se refere …)" -> label and rest.
bool ParseAnnex(std::string_view line, std::string* label, std::string* rest);
// The lines that name a diploma (indexer/diploma_titles.cc).
// The act an annex's heading says it belongs to, as cited there: "ANEXO (a que se refere o artigo
// único do Despacho do Almirante Chefe do Estado-Maior da Armada n.º 41/2016, de 3 de maio)" ->
// "Despacho do Almirante Chefe do Estado-Maior da Armada n.º 41/2016, de 3 de maio"; "" when it
// names only an article of its own act ("(a que se refere o artigo 2.º)").
std::string ActReferredTo(std::string_view heading);
// A diploma's title as it heads it: "Decreto-Lei n.º 65/2021", "Regulamento (UE) 2016/679", …
bool IsDiplomaTitle(std::string_view line);
// Where a title that runs on with its subject ends: the length of "Diretiva (UE) 2016/2102 do
// Parlamento Europeu e do Conselho de 26 de outubro de 2016" in that line followed by "relativa
// à …" (a page that flattened the OJ's title block), or of the citation before a repository's
// " — " and its subject; npos when `line` is not such a title.
std::size_t RunOnTitleLength(std::string_view line);
// The length of the title a line opens and runs into the text, as the 2.ª série once printed
// it: "Despacho (extracto) n.º 5748/2004 (2.ª série). - Nos termos …" (the title up to ". - ");
// 0 if the line does not.
std::size_t InlineTitleLength(std::string_view line);
// Where a line runs the structure together, as mirror sites that lost line breaks print it:
// "… decreta o seguinte: CAPÍTULO I Natureza Artigo 1.º Natureza 1 - …" -> the offsets of
// "CAPÍTULO" and "Artigo", each a line of its own. An article or division opens a line after a
// sentence's or an intro's end ('.' or ':'), and an article also after a division's title;
// never inside a quotation (an amendment quotes the articles it changes: «Artigo 3.º …»), which
// `open_quotes` carries from line to line.
std::vector<std::size_t> StructureBreaks(std::string_view line, int* open_quotes);
// A website's header that holds the title among other cells, set off by runs of spaces
// ("Legislação   DECRETO-LEI N.º 58/95, DE 31 DE MARÇO  versão desactualizada"): the cells,
// the site's first and the title last, or none when no cell is a title.
std::vector<std::string_view> TitleCells(std::string_view line);
// The title as cited: "Decreto-lei 52/2025", "DL n.º 52/2025" -> "Decreto-Lei n.º 52/2025";
// other titles as given.
std::string CitedTitle(std::string_view titled);
// An EU act's title of any era: "REGULAMENTO (UE, Euratom) N.º 608/2014", "DIRECTIVA 2006/44/CE".
bool IsEuActTitle(std::string_view line);
// An EU act's number as the Official Journal prints it below an unnumbered title: "2007/717/CE",
// "97/66/CE", "2005/211/JAI".
bool IsEuActNumber(std::string_view s);
// The Official Journal's reference of a text in its C series: "2016/C 58/06", "2016/C 202/02".
bool IsOjReference(std::string_view s);
// The first "D de MÊS [de AAAA]" in `text` as "AAAA-MM-DD", the year from `fallback_year` when
// the text has none; "" when there is no such date or no year.
std::string IsoDate(std::string_view text, std::string_view fallback_year);

// Character classes on UTF-8 text, enough for Portuguese: ASCII letters and Latin-1 letters
// (U+00C0-U+00FF, two bytes starting 0xC3), upper or lower case.
inline bool IsUpperAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c != 0xC3 || i + 1 >= s.size()) return false;
  unsigned char d = static_cast<unsigned char>(s[i + 1]);
  return d >= 0x80 && d <= 0x9E && d != 0x97;
}
inline bool IsLowerAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 'a' && c <= 'z') return true;
  if (c != 0xC3 || i + 1 >= s.size()) return false;
  unsigned char d = static_cast<unsigned char>(s[i + 1]);
  return d >= 0x9F && d <= 0xBF && d != 0xB7;
}
// Where a sentence of the law may start: a capital, or a quotation (an amended text, a term).
inline bool OpensSentenceAt(std::string_view s, std::size_t i) {
  return IsUpperAt(s, i) || (i < s.size() && s.substr(i).starts_with("«"));
}
inline bool IsLetterAt(std::string_view s, std::size_t i) {
  return IsUpperAt(s, i) || IsLowerAt(s, i);
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// The months as dates in the law name them, January first.
inline constexpr std::string_view kMonthNames[] = {"janeiro",  "fevereiro", "março",    "abril",
                                                   "maio",     "junho",     "julho",    "agosto",
                                                   "setembro", "outubro",   "novembro", "dezembro"};
inline bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c); });
}
// True if s[end] is a '.' that ends a sentence's last word, not an abbreviation: three letters
// or more before it ("careçam."), not "art." or "pág.".
bool EndsWordOfSentence(std::string_view s, std::size_t end);

// Trims ASCII white space (and the no-break spaces PDF text carries) from both ends.
std::string_view Trim(std::string_view s);

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_H_
