// Reader for Portuguese legislative text (schema/DIPLOMAS.md): the clean lines of
// indexer/diploma_text.cc become one record per número, alínea and subalínea, each with its
// article, epígrafe, divisions, source and — for competence lists — the organ.
//
// The line loop here finds the diploma's shape (front matter, preamble, divisions, articles,
// annexes, signature; the act's title and sumário, and the next act in the same file, in
// indexer/diploma_head.cc; an article's epígrafe in indexer/diploma_epigraph.cc, the lines that
// open a signature in indexer/diploma_signature.cc); the records side
// (indexer/diploma_records.cc) cuts each article's body at its número, alínea and subalínea markers
// (indexer/diploma_segment.cc) and makes its records.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_organs.h"
#include "indexer/diploma_parser.h"
#include "indexer/markup.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace diploma {

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
  // direção:") are the same unit, and so are "Secretaria Regional do Ambiente e Recursos
  // Naturais" (the epígrafe) and "… do Ambiente e dos Recursos Naturais" (a list's intro): the
  // same words but for the connectors between them. It is written as it is first written with a
  // capital.
  auto key = [](const std::string& unit) {
    std::string folded = analysis::Fold(unit), out;
    for (std::string_view word : Words(folded)) {
      if (IsConnector(word)) continue;
      if (!out.empty()) out += ' ';
      out += word;
    }
    return out;
  };
  std::map<std::string, std::string> unit_names;
  for (const auto& p : result_.paragraphs) {
    if (p.unit.empty()) continue;
    auto [it, fresh] = unit_names.try_emplace(key(p.unit), p.unit);
    if (!fresh && !IsUpperAt(it->second, 0) && IsUpperAt(p.unit, 0)) it->second = p.unit;
  }
  for (auto& p : result_.paragraphs) {
    if (!p.unit.empty()) p.unit = unit_names[key(p.unit)];
  }
  return std::move(result_);
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

}  // namespace diploma

ReadResult ReadDiploma(std::string_view content, const std::string& file,
                       const std::string& doc_key, const diploma::WordCheck& known) {
  diploma::Parser parser(file, doc_key, known);
  return parser.Parse(content);
}

}  // namespace portaria::indexer
