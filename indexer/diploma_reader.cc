// Reader for Portuguese legislative text (schema/DIPLOMAS.md): the clean lines of
// indexer/diploma_text.cc become one record per número, alínea and subalínea, each with its
// article, epígrafe, divisions, source and — for competence lists — the organ.
//
// The line loop here finds the diploma's shape (front matter, preamble, divisions, articles,
// annexes, signature; an article's epígrafe in indexer/diploma_epigraph.cc, the lines that open
// a signature in indexer/diploma_signature.cc); the records side
// (indexer/diploma_records.cc) cuts each article's body at its número, alínea and subalínea markers
// (indexer/diploma_segment.cc) and makes its records.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_parser.h"
#include "indexer/markup.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace diploma {
namespace {

// True if the line opens the enacting formula or the preamble: a sumário without its final stop
// ("Aprova a lei quadro dos institutos públicos") ends there, even where the formula's first
// line does not end the sentence ("A Assembleia da República decreta, nos termos …, para").
bool OpensEnactingFormula(std::string_view line) {
  for (std::string_view lead :
       {"Nos termos ", "Assim", "Ao abrigo ", "Manda o Governo", "Considerando ",
        "O Governo decreta", "O Presidente da República decreta"}) {
    if (line.starts_with(lead)) return true;
  }
  std::size_t decreta = line.find(" decreta");
  if (decreta != std::string_view::npos && decreta < 60) return true;
  // The Official Journal's: the act's author in capitals ("A COMISSÃO EUROPEIA,", "O
  // PARLAMENTO EUROPEU E O CONSELHO DA UNIÃO EUROPEIA,") and its legal basis ("Tendo em conta
  // o Tratado …"), below the title and its sumário ("que estabelece normas de execução …").
  if (line.starts_with("Tendo em conta ")) return true;
  return line.size() > 8 && line.size() < 120 && line.ends_with(",") &&
         IsAllCaps(line.substr(0, line.size() - 1));
}

// True if the line's first word is a definite or indefinite article ("O Decreto …", "A Lei …",
// "Uma das …"): a sentence of the preamble's, not a sumário.
bool OpensWithArticle(std::string_view line) {
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view first = line.substr(0, space);
  for (std::string_view article : {"O", "A", "Os", "As", "Um", "Uma"}) {
    if (first == article) return true;
  }
  return false;
}

}  // namespace

ReadResult Parser::Parse(std::string_view content) {
  diploma::CleanText clean = diploma::Clean(content, known_);
  page_date_ = clean.page_date;
  page_title_ = clean.page_title;
  front_summary_ = clean.front_summary;
  if (!clean.front_title.empty()) front_title_ = CitedTitle(TitleCase(clean.front_title));
  by_blank_lines_ = clean.paragraphs_by_blank_lines;
  std::string all;
  for (const auto& l : clean.lines) {
    all += l.text;
    all += '\n';
    std::string label, rest;
    if (ParseArticle(l.text, &label, &rest)) has_articles_ = true;
  }
  abbreviations_ = diploma::FindAbbreviations(all);
  // The act an annex's heading cites as its own, on its line or the next ("ANEXO" / "(a que se
  // refere o n.º 1 do Despacho n.º …)"), wherever a copy put it: the source of a copy without
  // the act's title (EndDiploma).
  for (std::size_t i = 0; i < clean.lines.size() && annex_act_.empty(); ++i) {
    std::string_view line = clean.lines[i].text;
    std::size_t annex = std::min(line.find("ANEXO"), line.find("Anexo"));
    bool below = i > 0 && (clean.lines[i - 1].text.starts_with("ANEXO") ||
                           clean.lines[i - 1].text.starts_with("Anexo"));
    if (annex != std::string_view::npos || below)
      annex_act_ = diploma::ActReferredTo(below ? line : line.substr(annex));
  }
  for (std::size_t i = 0; i < clean.lines.size(); ++i) LineOf(clean.lines, &i);
  Flush();
  for (std::size_t i = 0; i < clean.notes.size(); ++i) {
    Paragraph p = Base();
    p.text = StripEmphasis(clean.notes[i].text);
    p.section = "Notas";
    p.id = UniqueId("nota-" + std::to_string(i + 1));
    Push(std::move(p), clean.notes[i].number);
  }
  CiteUntitledCopy();
  EndDiploma();
  // One organ, one name: "Direção" (the epígrafe) and "direção" ("São competências da
  // direção:") are the same unit, written as it is first written with a capital.
  std::map<std::string, std::string> unit_names;
  for (const auto& p : result_.paragraphs) {
    if (p.unit.empty()) continue;
    auto [it, fresh] = unit_names.try_emplace(analysis::Fold(p.unit), p.unit);
    if (!fresh && !IsUpperAt(it->second, 0) && IsUpperAt(p.unit, 0)) it->second = p.unit;
  }
  for (auto& p : result_.paragraphs) {
    if (!p.unit.empty()) p.unit = unit_names[analysis::Fold(p.unit)];
  }
  return std::move(result_);
}

// Gives the records since the current diploma began its source, sumário (with the issuer) and
// date; the records before its title (the end of a diploma the file does not open with) are
// its too.
void Parser::EndDiploma() {
  if (!issuer_.empty()) summary_ = summary_.empty() ? issuer_ : summary_ + " (" + issuer_ + ")";
  if (date_.empty() && !page_date_.empty()) date_ = IsoDate(page_date_, "");
  CiteByPageDate();
  MarkPreambleOfNumberedAct();
  for (std::size_t i = diploma_start_; i < result_.paragraphs.size(); ++i) {
    Paragraph& p = result_.paragraphs[i];
    p.source = source_;
    p.summary = analysis::ClipUtf8(summary_, kMaxFieldBytes);
    p.date = date_;
  }
  diploma_start_ = result_.paragraphs.size();
}

// True if another diploma starts at line `i`: a DR page holds the end of one act and the start
// of the next, each under its issuer in capitals ("FINANÇAS E AMBIENTE" / "Portaria n.º
// 87/2018" / "de 28 de março"), so a copy of the pages holds both.
// After a signature the issuer may be missing from the copy: "… — O Primeiro-Ministro, …" /
// "Decreto-Lei n.º 151-B/2013" / "de 31 de outubro" (the DR's document code between them is
// page furniture, diploma_text.cc). `*issued` says whether line `i` is the issuer.
bool Parser::NextDiplomaAt(const std::vector<Line>& lines, std::size_t i, bool* issued) const {
  if (source_.empty() || i + 1 >= lines.size()) return false;
  std::string issuer = StripEmphasis(lines[i].text);
  *issued = IsAllCaps(issuer) && issuer.size() <= 80 && !IsDigit(issuer[0]);
  if (!*issued && !InSignature()) return false;
  std::size_t at = *issued ? i + 1 : i;
  if (at + 1 >= lines.size()) return false;
  std::string title = StripEmphasis(lines[at].text);
  std::string date = StripEmphasis(lines[at + 1].text);
  if (title.size() > 100 || !IsDiplomaTitle(title) || !date.starts_with("de ") ||
      date.size() > 40 || IsoDate(date, "2000").empty())
    return false;
  std::string cited = CitedTitle(TitleCase(title));
  return !source_.starts_with(cited);
}

// A copy without the act's title: the DR's headers since 2024 name it (one act a PDF), or an
// annex's heading cites the act it belongs to ("ANEXO (a que se refere o artigo único do
// Despacho … n.º 41/2016, de 3 de maio)"), as a copy of the regulation alone keeps it. Not for
// the signed end of another act before a title (LineOf), which stays without a source.
void Parser::CiteUntitledCopy() {
  for (const auto& [named, by] : {std::pair{&page_title_, "its page headers name"},
                                  std::pair{&annex_act_, "an annex's heading cites"},
                                  std::pair{&front_title_, "the front matter's title names"}}) {
    if (!source_.empty() || named->empty()) continue;
    source_ = analysis::ClipUtf8(*named, kMaxFieldBytes);
    result_.warnings.push_back(
        Status::Error(Status::Code::kInvalidArgument,
                      std::string("warning: no title before the text: its source is the act ") +
                          by + ", " + source_,
                      file_));
  }
}

void Parser::StartNextDiploma(const std::string& issuer) {
  Flush();
  CiteUntitledCopy();
  EndDiploma();
  source_.clear();
  summary_.clear();
  date_.clear();
  issuer_ = TitleCase(issuer);
  summary_next_ = summary_open_ = summary_labelled_ = false;
  divisions_.clear();
  annex_.clear();
  annex_label_.clear();
  annex_count_ = 0;
  awaiting_title_ = awaiting_epigraph_ = epigraph_open_ = false;
  article_.clear();
  epigraph_.clear();
  prose_section_.clear();
  mode_ = Mode::kFront;
}

void Parser::LineOf(const std::vector<Line>& lines, std::size_t* index) {
  std::string plain = StripEmphasis(lines[*index].text);
  std::string label, rest;
  if (quoting_.empty() && mode_ == Mode::kArticle && plain.starts_with("«") &&
      ParseArticle(plain.substr(std::string_view("«").size()), &label, &rest)) {
    Flush();
    quoting_ = SectionPath();
    quoting_scope_ = ArticleScope() + "/";
    quoted_from_ = {article_, epigraph_};
    return StartArticle(label, rest, lines[*index]);
  }
  std::string_view end = Trim(plain);
  while (!end.empty() && (end.back() == '.' || end.back() == ';' || end.back() == ',')) {
    end.remove_suffix(1);
  }
  bool closes = !quoting_.empty() && end.ends_with("»");
  LineOfText(lines, index);
  if (closes) {
    Flush();
    quoting_.clear();
    quoting_scope_.clear();
    mode_ = Mode::kArticle;
    std::tie(article_, epigraph_) = quoted_from_;
    awaiting_epigraph_ = epigraph_open_ = false;
  }
}

void Parser::LineOfText(const std::vector<Line>& lines, std::size_t* index) {
  const Line& l = lines[*index];
  const std::string& text = l.text;
  std::string plain = StripEmphasis(text);
  if (plain.empty()) return;  // only markup or control characters: no word to place
  if (l.heading) {
    std::string folded = analysis::Fold(plain);
    if (folded == "índice") return Switch(Mode::kIndex, "");
    if (folded == "diploma") {
      Switch(Mode::kProse, "Preâmbulo");
      summary_next_ = summary_.empty();
      return;
    }
    if (folded == "assinatura") return Switch(Mode::kProse, "Assinatura");
    if (folded.starts_with("(em vigor") || folded.starts_with("(produção de efeitos")) return;
  }
  if (mode_ == Mode::kIndex && !l.heading) return;
  std::string label, rest;
  int level = 0;
  if (ParseArticle(plain, &label, &rest) || ParseDivision(plain, &level, &label, &rest) ||
      ParseAnnex(plain, &label, &rest)) {
    // A summary without its final stop ends where the structure begins; and none is to come
    // (a title dated on its line right above "Artigo 6.º": the epígrafe is no sumário).
    summary_open_ = false;
    summary_next_ = false;
    label.clear();
    rest.clear();
    level = 0;
  }
  if (ParseArticle(plain, &label, &rest)) return StartArticle(label, rest, l);
  if (ParseDivision(plain, &level, &label, &rest)) return StartDivision(level, label, rest);
  if (ParseAnnex(plain, &label, &rest)) return StartAnnex(label, rest);
  // A signed text before the file's first title is the end of another act whose title the copy
  // lost (a DR page cut mid-way): it is not the titled act's, so it keeps no source.
  if (source_.empty() && InSignature() && IsDiplomaTitle(plain)) {
    Flush();
    if (diploma_start_ < result_.paragraphs.size()) {
      result_.warnings.push_back(Status::Error(
          Status::Code::kInvalidArgument,
          "warning: the text before this title ends with a signature: the end of another act, "
          "read without a source",
          file_, lines[*index].number));
      EndDiploma();  // dated by the page, which the titled act shares
      summary_.clear();
    }
  }
  if (source_.empty() && mode_ != Mode::kArticle && Title(lines, index)) return;
  if (bool issued = false; quoting_.empty() && NextDiplomaAt(lines, *index, &issued)) {
    StartNextDiploma(issued ? plain : "");
    // Without an issuer the line is the title: read again, now as the new diploma's.
    if (!issued) return LineOf(lines, index);
    return;
  }
  // The citation again below a heading that gave it without its date ("# Portaria n.º
  // 105/2013 — …" / "Portaria n.º 105/2013" / "de 13 de março"): the title proper, dated.
  if (!source_.empty() && date_.empty() && mode_ != Mode::kArticle && plain == source_ &&
      Title(lines, index)) {
    return;
  }
  if (summary_next_) {
    if (Summary(l)) return;
  }
  // An EU act numbered below its title and subject ("DECISÃO DA COMISSÃO" / "de 31 de Outubro de
  // 2007" / "que institui …" / "(2007/717/CE)"), or given only the Official Journal's reference
  // ("(2016/C 58/06)"): part of its citation, not of its text.
  if (mode_ != Mode::kArticle && !source_.empty() && source_.find('/') == std::string::npos &&
      plain.size() < 30 && plain.starts_with("(") && plain.ends_with(")")) {
    std::string_view inner = std::string_view(plain).substr(1, plain.size() - 2);
    std::size_t author = source_.find(" d");  // "Decisão| da Comissão, de …"
    if (IsEuActNumber(inner) && author != std::string::npos) {
      source_.insert(author, " " + std::string(inner));
      return;
    }
    if (IsOjReference(inner)) {
      source_ += " " + plain;
      return;
    }
  }
  // Not the Official Journal's table of contents ("Sumário" / "Página"): a sentence follows.
  auto sentence_next = [&]() {
    if (*index + 1 >= lines.size()) return false;
    std::string next = StripEmphasis(lines[*index + 1].text);
    return std::count(next.begin(), next.end(), ' ') >= 3 && IsUpperAt(next, 0);
  };
  if (mode_ != Mode::kArticle && !summary_labelled_ &&
      (plain == "Sumário" || plain == "SUMÁRIO" || plain == "Sumário:" || plain == "SUMÁRIO:") &&
      sentence_next()) {
    summary_labelled_ = summary_next_ = true;
    summary_.clear();
    summary_open_ = false;
    return;
  }
  if (plain.starts_with("Sumário:") && summary_.empty() && mode_ != Mode::kArticle) {
    summary_ = std::string(Trim(plain.substr(std::string_view("Sumário:").size())));
    summary_open_ = !summary_.ends_with(".");
    return;
  }
  // (or after a blank line too, when the sumário so far ends in a preposition: "… da Polícia
  // de" / "Segurança Pública (PSP).").
  if (summary_open_ && by_blank_lines_ && !EndsWithFunctionWord(summary_) && l.blank_before)
    summary_open_ = false;
  if (summary_open_) {
    bool marker = IsDigit(plain[0]) && (plain.find(". ") < 4 || plain.find(" — ") < 4);
    // Nor is a line that ends in a colon: the enacting formula ("A Assembleia da República
    // decreta, …, o seguinte:") after a summary that lacks its final stop.
    if (!marker && !plain.ends_with(":") && !OpensEnactingFormula(plain) &&
        summary_.size() < 1000) {
      summary_ += " " + plain;
      summary_open_ = !plain.ends_with(".");
      return;
    }
    summary_open_ = false;
  }
  if (mode_ == Mode::kFront && source_.empty() && !by_blank_lines_ && plain.size() < 80) {
    // The issuer above the title: "PRESIDÊNCIA DO CONSELHO DE MINISTROS", and in the 2.ª
    // série the services under it ("Gabinete Nacional de Segurança").
    char last = plain.back();
    bool open = last != '.' && last != ':' && last != ';' && last != ',';
    if (IsAllCaps(plain)) {
      issuer_ = TitleCase(plain);
      return;
    }
    if (!issuer_.empty() && open && IsUpperAt(plain, 0)) {
      issuer_ += " — " + plain;
      return;
    }
  }
  // After its signature, the instrument a despacho or a regulation approves opens under its own
  // name ("… aprovo o seguinte Regulamento …:" / "28 de janeiro de 2022. — O Coordenador …" /
  // "Instrução técnica relativa à comunicação …" / "No âmbito …"): its text, not the signature's.
  if (InSignature() && !body_.empty() && body_.back().text.ends_with(".") &&
      NamesApprovedInstrument(plain)) {
    Flush();
    divisions_.assign(1, plain);
    mode_ = Mode::kProse;
    prose_section_.clear();
    awaiting_title_ = true;  // lower-case lines go on with its name (AddTitle)
    title_is_annex_ = false;
    title_lines_ = 1;
    return;
  }
  if (mode_ != Mode::kFront && (IsSignature(plain) || IsEuSignature(plain) ||
                                IsDatedSignature(plain) || IsDateAndSignatory(plain))) {
    return Switch(Mode::kProse, "Assinatura", l);
  }
  // The ministry a Portaria of the 1990s names over its signature ("Ministério da Agricultura,
  // … e das Pescas." / "Assinada em 20 de Agosto de 1997."): the signature's first line.
  if (mode_ != Mode::kFront && !InSignature() && *index + 1 < lines.size() && plain.size() < 200 &&
      plain.ends_with(".") &&
      (plain.starts_with("Ministério") || plain.starts_with("Ministérios") ||
       plain.starts_with("Presidência do Conselho de Ministros")) &&
      IsSignature(StripEmphasis(lines[*index + 1].text))) {
    return Switch(Mode::kProse, "Assinatura", l);
  }
  if (awaiting_title_) {
    if (AddTitle(plain)) return;
  }
  if (mode_ == Mode::kArticle && awaiting_epigraph_) return Epigraph(l);
  if (l.heading && mode_ != Mode::kArticle && mode_ != Mode::kFront) {
    // An unnumbered heading ("Princípios fundamentais", "MAPA I") heads what follows.
    Flush();
    divisions_.assign(1, TitleCase(plain));
    prose_section_.clear();
    return;
  }
  if (mode_ == Mode::kFront) {
    mode_ = Mode::kProse;
    // Text before the first article is the preamble; a guideline without articles has none.
    prose_section_ = has_articles_ ? "Preâmbulo" : "";
  }
  // The Official Journal's enacting formula ("ADOTOU O PRESENTE REGULAMENTO:", "ADOTARAM A
  // PRESENTE DIRETIVA:") closes the recitals: a paragraph of its own, not the last recital's.
  if (mode_ == Mode::kProse && plain.size() < 80 && plain.ends_with(":") &&
      IsAllCaps(plain.substr(0, plain.size() - 1))) {
    Flush();
    body_.push_back(l);
    return Flush();
  }
  body_.push_back(l);
}

bool Parser::Title(const std::vector<Line>& lines, std::size_t* index) {
  std::string plain = StripEmphasis(lines[*index].text);
  if (!IsDiplomaTitle(plain)) return false;
  Flush();  // what came before the title is front matter of its own
  // "# Portaria n.º 105/2013 — Estrutura nuclear da Direção-Geral …", as repositories of the law
  // in Markdown head a diploma: the citation, then its subject, which is its sumário unless the
  // heading cut it short ("…").
  if (std::size_t dash = plain.find(" — ");
      dash != std::string::npos && dash > 0 && IsDiplomaTitle(plain.substr(0, dash))) {
    std::string subject = plain.substr(dash + std::string_view(" — ").size());
    if (summary_.empty() && !subject.empty() && !subject.ends_with("…")) summary_ = subject;
    // Cut short, the front matter's whole sumário, where the file has one (for its first act).
    if (summary_.empty() && subject.ends_with("…")) summary_ = std::exchange(front_summary_, "");
    plain.resize(dash);
  }
  // "DIRETIVA (UE) 2016/2102 DO PARLAMENTO EUROPEU E DO CONSELHO de 26 de outubro de 2016
  // relativa à …" on one line, as a page that flattened the OJ's title block gives it: the
  // citation, its date (as if on the next line) and the subject, its sumário.
  std::string inline_date;
  if (std::size_t end = RunOnTitleLength(plain); plain.size() > 160 && end < plain.size()) {
    std::string rest(Trim(std::string_view(plain).substr(end)));
    if (summary_.empty() && !rest.empty()) summary_ = rest;
    plain.resize(end);
    std::size_t year = plain.rfind(" de ");
    std::size_t month =
        year == 0 || year == std::string::npos ? year : plain.rfind(" de ", year - 1);
    std::size_t day =
        month == 0 || month == std::string::npos ? month : plain.rfind(" de ", month - 1);
    if (day != std::string::npos) {
      inline_date = plain.substr(day + 1);
      plain.resize(day);
    }
  }
  std::string title = CitedTitle(TitleCase(plain));
  // An all-caps title broken over lines ("CARTA DOS DIREITOS FUNDAMENTAIS DA" / "UNIÃO …").
  while (*index + 1 < lines.size() && IsAllCaps(plain) &&
         (plain.ends_with(" DA") || plain.ends_with(" DE") || plain.ends_with(" DO"))) {
    plain = StripEmphasis(lines[++*index].text);
    title += " " + TitleCase(plain);
  }
  bool dated = false;  // "de 13 de agosto" on the next line: the DR's sumário may follow
  // A repository's note on its copy, quoted below the heading ("> This is the law as enacted.
  // Amendments are not incorporated below …"), is not the diploma's: the date may follow it.
  while (*index + 1 < lines.size() && lines[*index + 1].text.starts_with(">")) ++*index;
  if (!inline_date.empty()) {
    title += ", " + inline_date;
    dated = true;
  } else if (*index + 1 < lines.size()) {
    std::string next = StripEmphasis(lines[*index + 1].text);
    if (next.starts_with("de ") && next.size() < 40 && !IsoDate(next, "2000").empty()) {
      title += ", " + next;
      dated = true;
      ++*index;
    } else if (next.starts_with("(") && next.ends_with(")") && next.size() < 30) {
      title += " " + next;  // "(2016/C 202/02)"
      ++*index;
    }
  }
  // "Decreto-Lei n.º 122/2021 de 30 de dezembro", as a copy runs the date line on: cited with
  // the comma.
  if (std::size_t slash = title.find('/'); !dated && slash != std::string::npos) {
    std::size_t end = slash + 1;
    while (end < title.size() && IsDigit(title[end])) ++end;
    if (end > slash + 1 && title.compare(end, 4, " de ") == 0 && end + 4 < title.size() &&
        IsDigit(title[end + 4]) && !IsoDate(title.substr(end + 1), "2000").empty())
      title.insert(end, ",");
  }
  // "Lei n.º 3/2004, de 15 de Janeiro": dated on its own line.
  if (std::size_t de = title.find(", de ");
      !dated && de != std::string::npos && !IsoDate(title.substr(de + 2), "2000").empty()) {
    dated = true;
    // EUR-Lex's page runs the subject on after the date ("…, de 21 de maio de 2013, relativo à
    // Agência …"): the citation ends with the date, and the rest is the sumário.
    std::size_t year = title.find(" de ", title.find(" de ", de + 5) + 1);
    std::size_t after = year == std::string::npos ? year : year + 8;
    if (after != std::string::npos && after + 2 < title.size() && title[after] == ',' &&
        std::all_of(title.begin() + year + 4, title.begin() + after, IsDigit)) {
      if (summary_.empty()) summary_ = std::string(Trim(title.substr(after + 1)));
      title.resize(after);
    }
  }
  std::string folded = analysis::Fold(title);
  if (folded.starts_with("decreto de aprovação da constituição")) {
    title = "Constituição da República Portuguesa";
  }
  // The year of the number ("65/2021") dates "de 30 de julho".
  std::string year;
  if (std::size_t slash = plain.find('/'); slash != std::string::npos) {
    std::size_t y = slash + 1;
    if (y + 4 <= plain.size() && std::all_of(plain.begin() + y, plain.begin() + y + 4, IsDigit)) {
      year = plain.substr(y, 4);
    } else if (y + 2 <= plain.size() && IsDigit(plain[y]) && IsDigit(plain[y + 1]) &&
               (y + 2 == plain.size() || !IsDigit(plain[y + 2]))) {
      year = "19" + plain.substr(y, 2);  // "Decreto Regulamentar n.º 79/82": before 2000
    }
  }
  date_ = IsoDate(title, year);
  source_ = analysis::ClipUtf8(title, kMaxFieldBytes);
  divisions_.clear();       // headings above the title ("REGULAMENTOS") head nothing
  awaiting_title_ = false;  // nor do they take the line after the title as theirs
  if (mode_ == Mode::kProse) prose_section_ = has_articles_ ? "Preâmbulo" : "";
  // The sumário comes right after a dated title (DR 2018 layout, the OJ's "relativo a …"); a
  // title without its date (a resolution) is followed by the preamble.
  summary_next_ = summary_.empty() && (dated || IsAllCaps(plain));
  return true;
}

bool Parser::Summary(const Line& l) {
  std::string_view t = l.text;
  summary_next_ = false;
  if (t.starts_with("_") || t.starts_with("**_")) {
    std::size_t start = t.find_first_not_of("*_");
    std::size_t end = t.find('_', start);
    if (end == std::string_view::npos) return false;
    summary_ = StripEmphasis(t.substr(start, end - start));
    std::string rest = StripEmphasis(t.substr(end));
    if (!rest.empty()) {
      Line r = l;
      r.text = rest;
      if (mode_ == Mode::kFront) {
        mode_ = Mode::kProse;
        prose_section_ = "Preâmbulo";
      }
      body_.push_back(std::move(r));
    }
    return true;
  }
  std::string plain = StripEmphasis(t);
  if (plain.starts_with("Sumário:")) return false;
  // A mirror's label, the sumário on the line below it (LineOfText): not the sumário itself.
  if (plain == "Sumário" || plain == "SUMÁRIO") return false;
  if (summary_labelled_) {
    summary_ = plain;
    return true;
  }
  // The preamble right below the title ("Considerando que …", "Nos termos …", "O Decreto
  // Regulamentar n.º 3/2019 definiu …") is no sumário: a sumário opens with its verb ("Aprova",
  // "Procede à …") or its subject's noun ("Regime jurídico …"), never with an article.
  if (OpensEnactingFormula(plain) || OpensWithArticle(plain)) return false;
  bool lower = IsLowerAt(plain, 0);
  bool dre_line = by_blank_lines_ && mode_ == Mode::kProse && prose_section_ == "Preâmbulo" &&
                  plain.size() < 400 && !plain.ends_with(".");
  if (lower || (!by_blank_lines_ && IsUpperAt(plain, 0)) || dre_line) {
    summary_ = plain;
    // Where paragraphs are separated by blank lines, the sumário goes on only in the line right
    // below it ("relativa à proteção … do direito" / "da União"), see LineOfText.
    summary_open_ = !plain.ends_with(".");
    return true;
  }
  return false;
}

void Parser::Switch(Mode mode, std::string section, const Line& first_line) {
  Flush();
  if (mode == Mode::kProse && !section.empty()) divisions_.clear();  // "Assinatura" stands alone
  mode_ = mode;
  prose_section_ = std::move(section);
  awaiting_title_ = false;
  if (!first_line.text.empty()) body_.push_back(first_line);
}

void Parser::StartArticle(const std::string& label, const std::string& rest, const Line& l) {
  Flush();
  mode_ = Mode::kArticle;
  article_ = label;
  epigraph_.clear();
  awaiting_epigraph_ = true;
  epigraph_open_ = false;
  awaiting_title_ = false;
  if (!rest.empty()) {
    Line r = l;
    r.text = rest;
    Epigraph(r);
  }
}

void Parser::StartDivision(int level, const std::string& label, const std::string& rest) {
  Flush();
  divisions_.resize(static_cast<std::size_t>(level));
  divisions_.push_back(rest.empty() ? label : label + " " + TitleCase(rest));
  mode_ = Mode::kProse;
  prose_section_.clear();
  awaiting_title_ = rest.empty();
  title_is_annex_ = false;
  title_lines_ = 0;
}

void Parser::StartAnnex(const std::string& label, const std::string& rest) {
  Flush();
  annex_ = rest.empty() ? label : label + " " + rest;
  annex_label_ = label;
  ++annex_count_;
  divisions_.clear();
  mode_ = Mode::kProse;
  prose_section_.clear();
  awaiting_title_ = true;
  title_is_annex_ = true;
  title_lines_ = 0;
}

bool Parser::AddTitle(const std::string& plain) {
  bool marker = IsDigit(plain[0]) || (plain.size() > 1 && plain[1] == ')');
  if (marker || plain.size() > 200) {
    awaiting_title_ = false;
    return false;
  }
  if (!title_is_annex_ && divisions_.empty()) {  // the division was cleared meanwhile
    awaiting_title_ = false;
    return false;
  }
  std::string& target = title_is_annex_ ? annex_ : divisions_.back();
  // The first line is the title; lower-case lines continue it; an annex's "(a que se refere
  // o artigo 10.º)" may be followed by its name; a title in capitals goes on in the next line
  // in capitals ("OBRIGAÇÕES E ATRIBUIÇÕES DAS EQUIPAS DE RESPOSTA A INCIDENTES DE SEGURANÇA" /
  // "INFORMÁTICA (CSIRT)").
  bool take = title_lines_ == 0 || IsLowerAt(plain, 0) ||
              (title_is_annex_ && title_lines_ == 1 && target.ends_with(")")) ||
              (title_lines_ > 0 && EndsWithFunctionWord(target)) ||
              (title_lines_ > 0 && title_caps_ && IsAllCaps(plain) && plain.size() < 120);
  if (!take) {
    awaiting_title_ = false;
    return false;
  }
  target += " " + TitleCase(plain);
  ++title_lines_;
  title_caps_ = IsAllCaps(plain);
  return true;
}

}  // namespace diploma

ReadResult ReadDiploma(std::string_view content, const std::string& file,
                       const std::string& doc_key, const diploma::WordCheck& known) {
  diploma::Parser parser(file, doc_key, known);
  return parser.Parse(content);
}

}  // namespace portaria::indexer
