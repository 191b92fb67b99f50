// The records side of the diploma reader (indexer/diploma_parser.h): an article's or prose
// part's lines cut at their número, alínea and subalínea markers (diploma::Segment), each piece a
// record with its article, section path, list intro, organ and an id that stays the same across
// runs; and the source a diploma is cited by when its title has no date.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_organs.h"
#include "indexer/diploma_parser.h"
#include "indexer/diploma_segment.h"
#include "indexer/markup.h"
#include "indexer/reader.h"

namespace portaria::indexer::diploma {
namespace {

// A número that takes its subject from the one before it: "referidas no número anterior", "nos
// termos dos números anteriores".
bool RefersBack(std::string_view text) {
  std::string folded = analysis::Fold(text);
  return folded.find("número anterior") != std::string::npos ||
         folded.find("números anteriores") != std::string::npos;
}

}  // namespace

std::string Parser::SectionPath() const {
  bool quoted = !quoting_.empty() && mode_ == Mode::kArticle;
  std::string path = quoted ? quoting_ : annex_;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!path.empty()) path += " > ";
    path += part;
  };
  if (!quoted) {
    for (const auto& d : divisions_) add(d);
  }
  if (mode_ == Mode::kArticle) {
    // A contract's clause ("13.ª") is headed as the text heads it, and so is a base ("Base I").
    std::string kind = article_.ends_with("ª")         ? "Cláusula "
                       : article_.starts_with("Base ") ? ""
                                                       : "Artigo ";
    add(epigraph_.empty() ? kind + article_ : kind + article_ + " " + epigraph_);
  } else {
    add(prose_section_);
  }
  return analysis::ClipUtf8(path, kMaxFieldBytes);
}

std::string Parser::Resolve(std::string organ) const {
  if (organ.empty()) return organ;
  // A public body's legal form is part of its name as the diploma defines it ("Agência para a
  // Modernização Administrativa, I. P. (AMA, I. P.)"): every mention gets the defined form, with
  // the form it was written with or without, so that the organ has one name (one facet value).
  std::string written_form;
  if (std::size_t bare = WithoutLegalForm(organ); bare < organ.size()) {
    written_form = organ.substr(bare);
    organ.resize(bare);
  }
  auto bare_name = [](const std::string& name) { return name.substr(0, WithoutLegalForm(name)); };
  auto with_acronym = [](const std::string& name, const std::string& abbr) {
    return name + " (" + abbr + name.substr(WithoutLegalForm(name)) + ")";
  };
  // An acronym is kept beside the name ("Centro Nacional de Pensões (CNP)"); a short name that
  // is a word ("Comissão") only stands for the full one.
  auto acronym = [](const std::string& abbr) { return !IsLowerAt(abbr, 1); };
  if (auto it = abbreviations_.find(organ); it != abbreviations_.end())
    return acronym(organ) ? with_acronym(it->second, organ) : it->second;
  std::string folded = analysis::Fold(organ);
  for (const auto& [abbr, name] : abbreviations_) {
    std::string defined = analysis::Fold(bare_name(name));
    // The name as this mention writes it ("O Conselho administrativo …" opens a sentence).
    if (defined == folded) {
      std::string written = organ + name.substr(WithoutLegalForm(name));
      return acronym(abbr) ? with_acronym(written, abbr) : written;
    }
    // A mention cut at a comma inside the name: "À Divisão de Apoio Técnico, Jurídico e
    // Administrativo, doravante designada por DATJA, compete:" read "Divisão de Apoio Técnico".
    if (acronym(abbr) && defined.starts_with(folded + ", ")) return with_acronym(name, abbr);
  }
  // A post named by its service's acronym or short name: "director do CIDA" -> "director do
  // CIDA (Centro de Informação e Documentação Administrativa)", "presidente do Conselho" ->
  // "presidente do Conselho Nacional dos Faróis" (where "adiante designado por Conselho").
  if (std::size_t space = organ.rfind(' '); space != std::string::npos) {
    std::string last = organ.substr(space + 1);
    // The acronym stays as the text writes it, the name beside it; a short name gives way to
    // the full one.
    if (auto it = abbreviations_.find(last); it != abbreviations_.end()) {
      // "… Fundos de Pensões (ASF), …" read with its brackets gone: the name and its acronym.
      if (analysis::Fold(organ.substr(0, space)) == analysis::Fold(bare_name(it->second)))
        return with_acronym(it->second, last);
      return acronym(last) ? organ + " (" + it->second + ")"
                           : organ.substr(0, space + 1) + it->second;
    }
  }
  return organ + written_form;
}

Paragraph Parser::Base() const {
  Paragraph p;
  p.doc = "diploma:" + doc_key_;
  p.file = file_;
  return p;
}

std::string Parser::UniqueId(const std::string& local) {
  std::string id = "diploma:" + doc_key_ + "#" + local;
  std::string unique = id;
  for (int n = 2; !ids_.insert(unique).second; ++n) unique = id + "~" + std::to_string(n);
  return unique;
}

void Parser::Push(Paragraph p, int line) {
  if (p.text.size() > kMaxParagraphBytes) {
    result_.errors.push_back(Status::Error(
        Status::Code::kInvalidArgument,
        "paragraph longer than " + std::to_string(kMaxParagraphBytes) + " bytes", file_, line));
    return;
  }
  p.acronyms = AcronymNames(p.text);
  result_.paragraphs.push_back(std::move(p));
}

// What the acronyms the diploma defines stand for, where `text` uses them without writing the
// name out: "O CDI será dirigido por funcionário …" -> "Centro de Documentação e Informação".
// Diplomas define an acronym once and use it from then on, so the paragraphs that rule on the
// body are exactly those that do not name it.
std::string Parser::AcronymNames(std::string_view text) const {
  if (abbreviations_.empty()) return {};
  std::string names;
  std::string folded_text;  // folded once, if some acronym is found
  std::size_t i = 0;
  while (i < text.size()) {
    // Acronyms are written in ASCII capitals (and digits: "RA2019").
    bool starts = text[i] >= 'A' && text[i] <= 'Z' &&
                  (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    std::string word(text.substr(i, end - i));
    i = end;
    if (word.size() < 2 || IsLowerAt(word, 1)) continue;  // an acronym, not a short name
    auto it = abbreviations_.find(word);
    if (it == abbreviations_.end()) continue;
    std::string name = it->second.substr(0, WithoutLegalForm(it->second));
    if (folded_text.empty()) folded_text = analysis::Fold(text);
    if (folded_text.find(analysis::Fold(name)) != std::string::npos) continue;
    // A name already given, or one within a name given ("Estado-Maior da Armada" after "Chefe
    // do Estado-Maior da Armada"), adds no word.
    if (names.find(name) != std::string::npos) continue;
    if (!names.empty()) names += "; ";
    names += name;
  }
  return analysis::ClipUtf8(names, kMaxFieldBytes);
}

std::string Parser::ArticleScope() const {
  if (!quoting_.empty()) return quoting_scope_ + "art" + Slug(article_);
  std::string scope = annex_count_ > 0 ? Slug(annex_label_) + "/" : "";
  return scope + "art" + Slug(article_);
}

void Parser::Flush() {
  ReleaseCommaEpigraph();
  if (body_.empty()) return;
  std::vector<Line> body = std::move(body_);
  body_.clear();
  SegmentOptions options;
  options.in_article = mode_ == Mode::kArticle;
  options.by_blank_lines = by_blank_lines_;
  options.outline = !has_articles_;
  options.opens_copy = result_.paragraphs.empty() && source_.empty();
  std::vector<Piece> pieces = diploma::Segment(body, options, file_, &result_.warnings);

  std::string section = SectionPath();
  std::string scope;  // the id of the article or prose part
  // A copy that opens with the end of an article a missing page began (its números or the rest
  // of a list): no preamble, but an article the copy does not name.
  bool continued =
      options.opens_copy && mode_ != Mode::kArticle && !pieces.empty() &&
      (pieces.front().kind == Piece::Kind::kLetter || pieces.front().kind == Piece::Kind::kSub ||
       (pieces.front().kind == Piece::Kind::kNumber && pieces.front().value != "1"));
  if (mode_ == Mode::kArticle) {
    scope = ArticleScope();
  } else if (continued) {
    section.clear();
    scope = "texto";
  } else {
    if (annex_count_ > 0) scope = Slug(annex_label_) + "/";
    std::string part = prose_section_;
    if (part.empty() && !divisions_.empty()) part = divisions_.back();
    std::string s = Slug(part).substr(0, 40);
    scope += s.empty() ? "texto" : s;
  }
  std::string article_organ =
      mode_ == Mode::kArticle ? Resolve(diploma::EpigraphOrgan(epigraph_)) : "";
  std::string number, definition, letter, sub, definition_text;
  std::string number_text, letter_text;  // the intros a list hangs from
  std::string list_organ;
  std::string parent_number, parent_organ;  // a número whose sub-números are its list
  // Where the número before the current one starts and ends among the pieces (its list
  // included), and where the current one starts: the context of a número that refers back.
  std::size_t previous_from = 0, previous_to = 0, this_from = 0;
  std::vector<std::string> outline, outline_marks;  // an outline's headings, by level
  int& ordinal = ordinals_[scope];                  // unnumbered paragraphs, counted across flushes
  for (const Piece& piece : pieces) {
    switch (piece.kind) {
      case Piece::Kind::kHeading:
        outline.resize(static_cast<std::size_t>(piece.heading_level));
        outline_marks.resize(outline.size());
        outline.push_back(piece.value + ". " + piece.text);
        outline_marks.push_back(piece.value);
        number.clear();
        letter.clear();
        sub.clear();
        continue;
      case Piece::Kind::kNumber:
        previous_from = this_from;
        previous_to = this_from = static_cast<std::size_t>(&piece - pieces.data());
        number = piece.value;
        definition.clear();
        letter.clear();
        sub.clear();
        number_text = piece.text;
        definition_text.clear();
        letter_text.clear();
        list_organ.clear();
        break;
      case Piece::Kind::kDefinition:
        // An EU definition "16) «Estabelecimento principal»:" is an item of its article's
        // list, and the intro of the points below it.
        definition = piece.value;
        definition_text = piece.text;
        letter.clear();
        sub.clear();
        letter_text = piece.text;
        break;
      case Piece::Kind::kRecital:
        number.clear();
        definition.clear();
        definition_text.clear();
        letter.clear();
        sub.clear();
        break;
      case Piece::Kind::kLetter:
        letter = piece.value;
        sub.clear();
        letter_text = piece.text;
        break;
      case Piece::Kind::kSub:
        sub = piece.value;
        break;
      case Piece::Kind::kText:
        if (!letter.empty() || !sub.empty() || !definition.empty()) {
          // Text after a list closes it ("O primeiro parágrafo, alínea f), …").
          definition.clear();
          definition_text.clear();
          letter.clear();
          sub.clear();
          letter_text.clear();
        }
        break;
    }
    bool item = piece.kind == Piece::Kind::kLetter || piece.kind == Piece::Kind::kSub ||
                piece.kind == Piece::Kind::kDefinition;
    if (!item) {
      number_text = piece.text;
      list_organ = Resolve(diploma::CompetenceOrgan(piece.text));
      // A point headed like an epígrafe, its list below it: "2. Atribuições das CSIRT" / "a) As
      // atribuições … devem incluir:" / "i) monitorizar …" (an EU annex).
      std::string_view head = piece.text;
      bool heading = piece.kind == Piece::Kind::kNumber && head.size() < 100 &&
                     head.find_first_of(".;:") == std::string_view::npos;
      if (list_organ.empty() && heading &&
          (head.starts_with("Atribuições ") || head.starts_with("Competências "))) {
        list_organ = Resolve(diploma::EpigraphOrgan(head));
      }
    }
    // A despacho's sub-números are the items of the número that introduces them: "1 — Delego
    // nos diretores regionais … competência para:" / "1.1 — Autorizar …".
    if (piece.kind == Piece::Kind::kNumber) {
      bool under = !parent_number.empty() && piece.value.starts_with(parent_number + ".");
      if (under && list_organ.empty()) list_organ = parent_organ;
      if (!under) {
        parent_number = piece.text.ends_with(":") ? piece.value : "";
        parent_organ = list_organ;
      }
    }
    if (piece.text.empty()) continue;
    // A preamble that DRE runs into one line is cut at sentence ends: an answer is a passage,
    // not pages of motivation. So is any piece past kMaxPieceBytes, in an article too: what
    // runs that long is text the reader could not cut at its markers (an amending article that
    // quotes the new wording of another law's articles, its alíneas run together).
    std::vector<std::string> chunks{piece.text};
    bool prose = piece.kind == Piece::Kind::kText || piece.kind == Piece::Kind::kRecital;
    if ((prose && mode_ != Mode::kArticle) || piece.text.size() > kMaxPieceBytes) {
      chunks = SplitSentences(piece.text, kMaxProseBytes);
    }
    for (std::string& chunk : chunks) {
      Paragraph p = Base();
      p.text = std::move(chunk);
      // A base is its numeral, as a clause is ("13.ª"); its word stays in the section.
      p.article = mode_ != Mode::kArticle         ? ""
                  : article_.starts_with("Base ") ? article_.substr(5)
                                                  : article_;
      p.number = number;
      // A subalínea is cited under its alínea ("alínea d), subalínea ii)"): the alínea stays
      // the letter, the numeral is its own field.
      p.letter = !letter.empty() ? letter : !sub.empty() ? sub : definition;
      if (!letter.empty()) p.subitem = sub;
      if (piece.kind == Piece::Kind::kSub) {
        p.context =
            analysis::ClipUtf8(number_text + " " + letter + ") " + letter_text, kMaxFieldBytes);
      } else if (piece.kind == Piece::Kind::kLetter && !definition.empty()) {
        p.context = analysis::ClipUtf8(number_text + " " + definition + ") " + definition_text,
                                       kMaxFieldBytes);
      } else if (item) {
        p.context = analysis::ClipUtf8(number_text, kMaxFieldBytes);
      } else if (piece.kind == Piece::Kind::kNumber && previous_to > previous_from &&
                 RefersBack(p.text)) {
        // "As contraordenações referidas no número anterior são punidas com coima de …": what
        // the número is about is written in the one before it, its context.
        std::string before;
        for (std::size_t k = previous_from; k < previous_to && before.size() < kMaxFieldBytes;
             ++k) {
          if (pieces[k].text.empty()) continue;
          if (!before.empty()) before += ' ';
          before += pieces[k].text;
        }
        p.context = analysis::ClipUtf8(before, kMaxFieldBytes);
      }
      p.unit = !list_organ.empty() ? list_organ : article_organ;
      if (p.unit.empty() && !item) p.unit = Resolve(diploma::CompetenceOrgan(piece.text));
      p.unit = analysis::ClipUtf8(p.unit, kMaxFieldBytes);
      std::string heading_path;
      for (const auto& h : outline) {
        if (h.empty()) continue;
        if (!heading_path.empty()) heading_path += " > ";
        heading_path += h;
      }
      p.section =
          heading_path.empty()
              ? section
              : analysis::ClipUtf8(section.empty() ? heading_path : section + " > " + heading_path,
                                   kMaxFieldBytes);
      std::string local = scope;
      for (const auto& mark : outline_marks) {
        if (!mark.empty()) local += "/" + mark;
      }
      if (piece.kind == Piece::Kind::kRecital) {
        local += "/considerando-" + piece.value;
      } else {
        if (!number.empty()) local += "/n" + number;
        if (!definition.empty()) local += "/" + definition;
        if (!letter.empty()) local += "/" + letter;
        if (!sub.empty()) local += "/" + sub;
        if (piece.kind == Piece::Kind::kText) local += "/p" + std::to_string(++ordinal);
      }
      p.id = UniqueId(local);
      Push(std::move(p), piece.line);
    }
  }
}

void Parser::MarkPreambleOfNumberedAct() {
  auto& records = result_.paragraphs;
  std::size_t formula = records.size();
  for (std::size_t i = diploma_start_; i < records.size(); ++i) {
    const Paragraph& p = records[i];
    if (!p.article.empty()) return;  // an act with articles has its preamble marked already
    if (formula < records.size() || !p.section.empty() || !p.number.empty() || !p.letter.empty())
      continue;
    std::string folded = analysis::Fold(p.text);
    for (std::string_view verb : {" resolve:", " determina:", " determino:", " decide:",
                                  " delibera:", " decreta:", " o seguinte:"}) {
      if (folded.ends_with(verb)) formula = i;
    }
  }
  // The formula opens the act's números: the next record has one.
  if (formula + 1 >= records.size() || records[formula + 1].number.empty()) return;
  for (std::size_t i = diploma_start_; i <= formula; ++i) {
    Paragraph& p = records[i];
    if (p.section.empty() && p.number.empty() && p.letter.empty()) p.section = "Preâmbulo";
  }
}

void Parser::CiteByPageDate() {
  if (page_date_.empty() || source_.find("n.º ") == std::string::npos ||
      source_.find(", de ") != std::string::npos) {
    return;
  }
  // The number's year: "1/2012", also a region's "1/2012/M".
  std::size_t slash = source_.find('/', source_.find("n.º "));
  std::size_t of_year = page_date_.rfind(" de ");
  if (slash == std::string::npos || of_year == std::string::npos) return;
  std::string year = source_.substr(slash + 1, 4), page_year = page_date_.substr(of_year + 4);
  if (year.size() != 4 || page_year != year) return;
  source_ += ", de " + page_date_.substr(0, of_year);
}

}  // namespace portaria::indexer::diploma
