// The diploma reader's view of an act's head (schema/DIPLOMAS.md, "Structure"): its
// title and date line, its sumário, the title of a division or an annex that runs over several
// lines, and where one act ends and the next begins in the same file (a DR page holds the end
// of one act and the start of another), with the source a copy without its title is cited by.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_parser.h"
#include "indexer/markup.h"
#include "indexer/reader.h"

namespace portaria::indexer::diploma {
namespace {

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

}  // namespace portaria::indexer::diploma
