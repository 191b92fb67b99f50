// The diploma reader's parser (schema/DIPLOMAS.md), internal to the indexer. One parser reads one
// file: the line loop (indexer/diploma_reader.cc) finds the diploma's shape — front matter,
// preamble, divisions, articles, annexes, signature; the act's head, its title and sumário, and
// the acts that follow it in one file, in indexer/diploma_head.cc — and hands each article's or
// prose part's lines to Flush(); the records side (indexer/diploma_records.cc) cuts them at their
// markers (diploma::Segment), names their organ and source and gives each its stable id.
//
// Not thread-safe; one per file, used once.
#ifndef PORTARIA_INDEXER_DIPLOMA_PARSER_H_
#define PORTARIA_INDEXER_DIPLOMA_PARSER_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/diploma.h"
#include "indexer/reader.h"

namespace portaria::indexer::diploma {

// True if the line opens the enacting formula or the preamble ("Nos termos …", "Manda o
// Governo …", "O Governo decreta …", the OJ's "A COMISSÃO EUROPEIA,"): where a title's sumário
// ends (diploma_head.cc) and a line that opens the act's text (diploma_reader.cc).
bool OpensEnactingFormula(std::string_view line);

class Parser {
 public:
  Parser(const std::string& file, const std::string& doc_key, const WordCheck& known)
      : file_(file), doc_key_(doc_key), known_(known) {}

  ReadResult Parse(std::string_view content);

 private:
  enum class Mode { kFront, kIndex, kProse, kArticle };

  // The line loop (indexer/diploma_reader.cc).

  // An amending article quotes the articles it writes ("passam a ter a seguinte redação:" /
  // "«Artigo 22.º" … "b) Pagar a prestação.»"): inside the quotation, articles are the amended
  // diploma's, read as such but placed under the amending article (SectionPath, Flush).
  void LineOf(const std::vector<Line>& lines, std::size_t* index);

  // A line outside a quotation: a title, a division, an article, an annex, an epígrafe, or body.
  void LineOfText(const std::vector<Line>& lines, std::size_t* index);

  // An EU act's place and date, in either layout: "Feito em Bruxelas, em 27 de abril de 2016."
  static bool IsEuSignature(std::string_view s);
  static bool IsDatedSignature(std::string_view s);
  static bool IsPlaceAndDate(std::string_view s);

  static bool IsSignature(std::string_view s);
  // After a signature: the name of the instrument the signed text approves ("Regulamento …").
  static bool NamesApprovedInstrument(std::string_view s);
  static bool IsDateAndSignatory(std::string_view s);

  // The diploma's title lines: "Decreto-Lei n.º 65/2021" / "de 30 de julho".
  bool Title(const std::vector<Line>& lines, std::size_t* index);

  // Another diploma's issuer, title and date at line `i`, where a copy of DR pages runs on
  // into the next act; StartNextDiploma() ends the current one there.
  bool NextDiplomaAt(const std::vector<Line>& lines, std::size_t i, bool* issued) const;
  // True while the current diploma's signature block is being read: what follows ends it.
  bool InSignature() const { return mode_ == Mode::kProse && prose_section_ == "Assinatura"; }
  void StartNextDiploma(const std::string& issuer);
  // Gives the current diploma's records its source, sumário and date.
  void EndDiploma();
  void CiteUntitledCopy();  // before EndDiploma: a source for a copy without the act's title

  // The sumário right after the title (DR 2018 layout, OJ "relativo à …", DRE's "_…_").
  bool Summary(const Line& l);

  // Ends the current part (Flush) and starts a part of `mode` ("Preâmbulo", "Assinatura").
  void Switch(Mode mode, std::string section, const Line& first_line = Line());

  void StartArticle(const std::string& label, const std::string& rest, const Line& l);

  void StartDivision(int level, const std::string& label, const std::string& rest);

  void StartAnnex(const std::string& label, const std::string& rest);

  // The title of a division or annex on the line after its label ("CAPÍTULO I" /
  // "Disposições gerais"); lower-case lines continue it.
  bool AddTitle(const std::string& plain);

  // The epígrafe after "Artigo N.º": "**_Objeto_** text…" (DRE), "(Direito à vida)"
  // (Constitution), or a short line without a final stop (DR, OJ); lower-case lines right
  // after it continue it (the DR breaks long epígrafes).
  void Epigraph(const Line& l);
  void ResolveCommaEpigraph(const Line& l);
  // The held lines, if any, as the article's text (its end came before they were decided).
  void ReleaseCommaEpigraph();

  // Where " 1 " opens the body in an epígrafe line of DRE's inline form, or npos: within the
  // first 200 bytes, after at least two words with no sentence punctuation, followed by a
  // capital, with " 2 " and a capital later in the line.
  static std::size_t JoinedFirstNumber(std::string_view line);

  // The records (indexer/diploma_records.cc).

  // The body_ gathered for the current article or prose part, cut at its markers into records.
  void Flush();

  // The current part's section: annex, divisions, "Artigo N.º Epígrafe" or the prose part.
  std::string SectionPath() const;

  // The organ as the diploma names it, its abbreviation resolved: "Full Name (ABBR)".
  std::string Resolve(std::string organ) const;

  // A record with what every record of the file shares: its document and file.
  Paragraph Base() const;

  // The id "diploma:<doc>#<local>", with "~2", "~3"… if the file already has it.
  std::string UniqueId(const std::string& local);

  // Keeps `p`, or reports it with `line` as an error if it is longer than kMaxParagraphBytes.
  void Push(Paragraph p, int line);
  std::string AcronymNames(std::string_view text) const;

  // The id part of the current article: "art3.o", "anexo/art3.o", and inside a quotation the
  // amending article's before it ("art2.o/art22.o").
  std::string ArticleScope() const;

  // A numbered diploma whose title has no date line (a resolution of the Council of Ministers is
  // printed "Resolução do Conselho de Ministros n.º 41/2021" and the sumário) is cited by its
  // publication date, which the DR's page header gives: ", de 14 de abril". Only when the
  // header's year is the number's, so a date from elsewhere never dates it.
  void CiteByPageDate();
  // In an act without articles (a resolution, a despacho), what comes before its enacting
  // formula ("… o Conselho de Ministros resolve:") is its preamble, as a decree's is before its
  // first article.
  void MarkPreambleOfNumberedAct();

  const std::string& file_;
  const std::string& doc_key_;
  const diploma::WordCheck& known_;
  ReadResult result_;
  Mode mode_ = Mode::kFront;
  bool by_blank_lines_ = false, has_articles_ = false;
  std::map<std::string, std::string> abbreviations_;
  std::string source_, summary_, issuer_, date_, page_date_;
  std::string page_title_;         // diploma::CleanText::page_title
  std::string front_summary_;      // diploma::CleanText::front_summary
  std::string front_title_;        // diploma::CleanText::front_title, as cited
  std::size_t diploma_start_ = 0;  // the current diploma's first record
  bool summary_next_ = false, summary_open_ = false;
  // "Sumário" alone on its line (as DRE's mirrors print it): the next line is the sumário,
  // whatever was taken for one before.
  bool summary_labelled_ = false;
  std::vector<std::string> divisions_;
  std::string annex_, annex_label_;
  std::string annex_act_;  // the act an annex's heading cites as its own (ActReferredTo)
  int annex_count_ = 0;
  bool awaiting_title_ = false, title_is_annex_ = false;
  int title_lines_ = 0;
  bool title_caps_ = false;  // the title's last line is in capitals
  std::string article_, epigraph_;
  bool awaiting_epigraph_ = false, epigraph_open_ = false;
  // An epígrafe's first line that ends with a comma, and its lower-case continuation: whether
  // they are the epígrafe or the article's first sentence the next line decides
  // (ResolveCommaEpigraph); until then they are held here.
  std::vector<Line> comma_epigraph_;
  // Inside a quoted amendment: the amending article's section path and id scope, and its
  // article and epígrafe to return to when the quotation closes.
  std::string quoting_, quoting_scope_;
  std::pair<std::string, std::string> quoted_from_;
  std::string prose_section_;
  std::vector<Line> body_;
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, int> ordinals_;
};

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_PARSER_H_
