// Reader for Portuguese legislative text (schema/DIPLOMAS.md): the clean lines of
// indexer/diploma_text.cc become one record per número, alínea and subalínea, each with its
// article, epígrafe, divisions, source and — for competence lists — the organ.
//
// The line loop here finds the diploma's shape (front matter, preamble, divisions, articles,
// annexes, signature); diploma::Segment (indexer/diploma_segment.cc) cuts each article's body at
// its número, alínea and subalínea markers.
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_segment.h"
#include "indexer/markup.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace {

using diploma::IsAllCaps;
using diploma::IsDigit;
using diploma::IsDiplomaTitle;
using diploma::IsLowerAt;
using diploma::IsoDate;
using diploma::IsUpperAt;
using diploma::kMaxProseBytes;
using diploma::Line;
using diploma::ParseAnnex;
using diploma::ParseArticle;
using diploma::ParseDivision;
using diploma::Piece;
using diploma::RomanValue;
using diploma::SegmentOptions;
using diploma::SplitSentences;
using diploma::TitleCase;
using diploma::Trim;

class DiplomaParser {
 public:
  DiplomaParser(const std::string& file, const std::string& doc_key,
                const diploma::WordCheck& known)
      : file_(file), doc_key_(doc_key), known_(known) {}

  ReadResult Parse(std::string_view content) {
    diploma::CleanText clean = diploma::Clean(content, known_);
    page_date_ = clean.page_date;
    by_blank_lines_ = clean.paragraphs_by_blank_lines;
    std::string all;
    for (const auto& l : clean.lines) {
      all += l.text;
      all += '\n';
      std::string label, rest;
      if (ParseArticle(l.text, &label, &rest)) has_articles_ = true;
    }
    abbreviations_ = diploma::FindAbbreviations(all);
    for (std::size_t i = 0; i < clean.lines.size(); ++i) LineOf(clean.lines, &i);
    Flush();
    for (std::size_t i = 0; i < clean.notes.size(); ++i) {
      Paragraph p = Base();
      p.text = StripEmphasis(clean.notes[i].text);
      p.section = "Notas";
      p.id = UniqueId("nota-" + std::to_string(i + 1));
      Push(std::move(p), clean.notes[i].number);
    }
    if (!issuer_.empty()) summary_ = summary_.empty() ? issuer_ : summary_ + " (" + issuer_ + ")";
    if (date_.empty() && !page_date_.empty()) date_ = IsoDate(page_date_, "");
    CiteByPageDate();
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
      p.source = source_;
      p.summary = analysis::ClipUtf8(summary_, kMaxFieldBytes);
      p.date = date_;
    }
    return std::move(result_);
  }

 private:
  enum class Mode { kFront, kIndex, kProse, kArticle };

  // An amending article quotes the articles it writes ("passam a ter a seguinte redação:" /
  // "«Artigo 22.º" … "b) Pagar a prestação.»"): inside the quotation, articles are the amended
  // diploma's, read as such but placed under the amending article (SectionPath, Flush).
  void LineOf(const std::vector<Line>& lines, std::size_t* index) {
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

  void LineOfText(const std::vector<Line>& lines, std::size_t* index) {
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
      // A summary without its final stop ends where the structure begins.
      summary_open_ = false;
      label.clear();
      rest.clear();
      level = 0;
    }
    if (ParseArticle(plain, &label, &rest)) return StartArticle(label, rest, l);
    if (ParseDivision(plain, &level, &label, &rest)) return StartDivision(level, label, rest);
    if (ParseAnnex(plain, &label, &rest)) return StartAnnex(label, rest);
    if (source_.empty() && mode_ != Mode::kArticle && Title(lines, index)) return;
    if (summary_next_) {
      if (Summary(l)) return;
    }
    if (plain.starts_with("Sumário:") && summary_.empty() && mode_ != Mode::kArticle) {
      summary_ = std::string(Trim(plain.substr(std::string_view("Sumário:").size())));
      summary_open_ = !summary_.ends_with(".");
      return;
    }
    if (summary_open_) {
      bool marker = IsDigit(plain[0]) && (plain.find(". ") < 4 || plain.find(" — ") < 4);
      // Nor is a line that ends in a colon: the enacting formula ("A Assembleia da República
      // decreta, …, o seguinte:") after a summary that lacks its final stop.
      if (!marker && !plain.ends_with(":") && summary_.size() < 1000) {
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
    if (mode_ != Mode::kFront &&
        ((!by_blank_lines_ && IsSignature(plain)) || IsEuSignature(plain))) {
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
    body_.push_back(l);
  }

  // An EU act's place and date, in either layout: "Feito em Bruxelas, em 27 de abril de 2016."
  static bool IsEuSignature(std::string_view s) {
    return s.starts_with("Feito em ") && s.size() < 80 && !IsoDate(s, "").empty();
  }

  static bool IsSignature(std::string_view s) {
    for (std::string_view lead : {"Visto e aprovado em Conselho de Ministros", "Aprovada em ",
                                  "Aprovado em ", "Promulgada em ", "Promulgado em "}) {
      if (s.starts_with(lead)) return true;
    }

    // A member of the Government signs a Portaria or a Despacho: "O Ministro da Solidariedade
    // e da Segurança Social, Pedro Mota Soares, em 27 de abril de 2012."
    for (std::string_view lead : {"O Ministro ", "A Ministra ", "O Secretário de Estado ",
                                  "A Secretária de Estado ", "O Primeiro-Ministro, ",
                                  "Pelo Ministro ", "Pela Ministra ", "Pelo Primeiro-Ministro, "}) {
      if (s.starts_with(lead) && s.find(", em ") != std::string_view::npos) return true;
    }
    // The 2.ª série's date and signatory on one line: "12 de maio de 2022. — O Secretário de
    // Estado do Orçamento, João Nuno Mendes."
    if (std::size_t dash = s.find(". — "); dash != std::string_view::npos && dash <= 24 &&
                                           IsDigit(s[0]) && !IsoDate(s.substr(0, dash), "").empty())
      return true;
    // Place and date of signature: "Presidência do Conselho de Ministros, 22 de março".
    std::size_t comma = s.find(", ");
    if (comma == std::string_view::npos || comma > 80 || !IsUpperAt(s, 0)) return false;
    if (s.substr(0, comma).find('.') != std::string_view::npos) return false;
    std::string_view rest = s.substr(comma + 2);
    std::size_t sp = rest.find(' ');
    if (sp == std::string_view::npos || sp > 2 || !IsDigit(rest[0])) return false;
    return rest.substr(sp).starts_with(" de ") && !IsoDate(rest, "2000").empty();
  }

  // The diploma's title lines: "Decreto-Lei n.º 65/2021" / "de 30 de julho".
  bool Title(const std::vector<Line>& lines, std::size_t* index) {
    std::string plain = StripEmphasis(lines[*index].text);
    if (!IsDiplomaTitle(plain)) return false;
    Flush();  // what came before the title is front matter of its own
    std::string title = TitleCase(plain);
    // An all-caps title broken over lines ("CARTA DOS DIREITOS FUNDAMENTAIS DA" / "UNIÃO …").
    while (*index + 1 < lines.size() && IsAllCaps(plain) &&
           (plain.ends_with(" DA") || plain.ends_with(" DE") || plain.ends_with(" DO"))) {
      plain = StripEmphasis(lines[++*index].text);
      title += " " + TitleCase(plain);
    }
    bool dated = false;  // "de 13 de agosto" on the next line: the DR's sumário may follow
    if (*index + 1 < lines.size()) {
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
    std::string folded = analysis::Fold(title);
    if (folded.starts_with("decreto de aprovação da constituição")) {
      title = "Constituição da República Portuguesa";
    }
    // The year of the number ("65/2021") dates "de 30 de julho".
    std::string year;
    if (std::size_t slash = plain.find('/'); slash != std::string::npos) {
      std::size_t y = slash + 1;
      if (y + 4 <= plain.size() && std::all_of(plain.begin() + y, plain.begin() + y + 4, IsDigit))
        year = plain.substr(y, 4);
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

  // The sumário right after the title (DR 2018 layout, OJ "relativo à …", DRE's "_…_").
  bool Summary(const Line& l) {
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
    bool lower = IsLowerAt(plain, 0);
    bool dre_line = by_blank_lines_ && mode_ == Mode::kProse && prose_section_ == "Preâmbulo" &&
                    plain.size() < 400 && !plain.ends_with(".");
    if (lower || (!by_blank_lines_ && IsUpperAt(plain, 0)) || dre_line) {
      summary_ = plain;
      summary_open_ = !by_blank_lines_ && !plain.ends_with(".");
      return true;
    }
    return false;
  }

  void Switch(Mode mode, std::string section, const Line& first_line = Line()) {
    Flush();
    if (mode == Mode::kProse && !section.empty()) divisions_.clear();  // "Assinatura" stands alone
    mode_ = mode;
    prose_section_ = std::move(section);
    awaiting_title_ = false;
    if (!first_line.text.empty()) body_.push_back(first_line);
  }

  void StartArticle(const std::string& label, const std::string& rest, const Line& l) {
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

  void StartDivision(int level, const std::string& label, const std::string& rest) {
    Flush();
    divisions_.resize(static_cast<std::size_t>(level));
    divisions_.push_back(rest.empty() ? label : label + " " + TitleCase(rest));
    mode_ = Mode::kProse;
    prose_section_.clear();
    awaiting_title_ = rest.empty();
    title_is_annex_ = false;
    title_lines_ = 0;
  }

  void StartAnnex(const std::string& label, const std::string& rest) {
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

  // The title of a division or annex on the line after its label ("CAPÍTULO I" /
  // "Disposições gerais"); lower-case lines continue it.
  bool AddTitle(const std::string& plain) {
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
    // o artigo 10.º)" may be followed by its name.
    bool take = title_lines_ == 0 || IsLowerAt(plain, 0) ||
                (title_is_annex_ && title_lines_ == 1 && target.ends_with(")"));
    if (!take) {
      awaiting_title_ = false;
      return false;
    }
    target += " " + TitleCase(plain);
    ++title_lines_;
    return true;
  }

  // The epígrafe after "Artigo N.º": "**_Objeto_** text…" (DRE), "(Direito à vida)"
  // (Constitution), or a short line without a final stop (DR, OJ); lower-case lines right
  // after it continue it (the DR breaks long epígrafes).
  void Epigraph(const Line& l) {
    std::string_view t = l.text;
    auto body_from = [&](std::string_view rest) {
      awaiting_epigraph_ = false;
      std::string r = StripEmphasis(rest);
      if (r.empty()) return;
      Line b = l;
      b.text = r;
      body_.push_back(std::move(b));
    };
    if (epigraph_open_) {
      if (IsLowerAt(t, 0) && t.size() < 120) {
        epigraph_ += " " + StripEmphasis(t);
        return;
      }
      epigraph_open_ = false;
      awaiting_epigraph_ = false;
      body_.push_back(l);
      return;
    }
    if (t.starts_with("**_") || t.starts_with("_")) {
      std::size_t start = t.find_first_not_of("*_");
      std::size_t end = t.find('_', start);
      if (end != std::string_view::npos) {
        epigraph_ = StripEmphasis(t.substr(start, end - start));
        if (epigraph_.starts_with("(") && epigraph_.ends_with(")"))
          epigraph_ = epigraph_.substr(1, epigraph_.size() - 2);  // "(Direito à vida)"
        return body_from(t.substr(end));
      }
    }
    std::string plain = StripEmphasis(t);
    if (plain == "[...]" || plain == "[…]") {
      awaiting_epigraph_ = false;  // an amended article's epígrafe left as it was
      return;
    }
    if (plain.starts_with("(")) {
      std::size_t close = plain.find(')');
      if (close != std::string::npos && close < 200) {
        epigraph_ = plain.substr(1, close - 1);
        return body_from(std::string_view(plain).substr(close + 1));
      }
    }
    // DRE's inline números with the epígrafe run into the first of them: "Tratamentos para fins
    // de arquivo 1 O tratamento … 2 Quando …". The epígrafe ends where "1 " opens a sentence,
    // when "2 " opens another later and nothing before it ends one.
    if (by_blank_lines_) {
      std::size_t one = JoinedFirstNumber(plain);
      if (one != std::string::npos) {
        epigraph_ = plain.substr(0, one);
        return body_from(std::string_view(plain).substr(one + 1));
      }
    }
    char last = plain.empty() ? 0 : plain.back();
    bool marker = IsDigit(plain[0]) || (plain.size() > 2 && plain[1] == ')');
    bool stop = last == '.' || last == ';' || last == ':' || last == ',';
    if (marker || stop || plain.size() > (by_blank_lines_ ? 200u : 120u) || IsLowerAt(plain, 0)) {
      awaiting_epigraph_ = false;
      body_.push_back(l);
      return;
    }
    epigraph_ = plain;
    if (by_blank_lines_) {
      awaiting_epigraph_ = false;
    } else {
      epigraph_open_ = true;  // the next lower-case line may continue it
    }
  }

  // Where " 1 " opens the body in an epígrafe line of DRE's inline form, or npos: within the
  // first 200 bytes, after at least two words with no sentence punctuation, followed by a
  // capital, with " 2 " and a capital later in the line.
  static std::size_t JoinedFirstNumber(std::string_view line) {
    auto opens = [&](std::size_t at) {
      return at < line.size() && (IsUpperAt(line, at) || line.substr(at).starts_with("«"));
    };
    std::size_t one = line.find(" 1 ");
    if (one == std::string_view::npos || one > 200 || !opens(one + 3)) return std::string::npos;
    std::string_view head = line.substr(0, one);
    if (head.find_first_of(".;:") != std::string_view::npos || head.find(' ') == head.npos)
      return std::string::npos;
    for (std::size_t two = line.find(" 2 ", one + 3); two != std::string_view::npos;
         two = line.find(" 2 ", two + 1)) {
      if (opens(two + 3) && two > 0 && (line[two - 1] == '.' || line[two - 1] == ';')) return one;
    }
    return std::string::npos;
  }

  std::string SectionPath() const {
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
      add(epigraph_.empty() ? "Artigo " + article_ : "Artigo " + article_ + " " + epigraph_);
    } else {
      add(prose_section_);
    }
    return analysis::ClipUtf8(path, kMaxFieldBytes);
  }

  // The organ as the diploma names it, its abbreviation resolved: "Full Name (ABBR)".
  std::string Resolve(std::string organ) const {
    if (organ.empty()) return organ;
    if (auto it = abbreviations_.find(organ); it != abbreviations_.end())
      return it->second + " (" + organ + ")";
    std::string folded = analysis::Fold(organ);
    for (const auto& [abbr, name] : abbreviations_) {
      if (analysis::Fold(name) == folded) return organ + " (" + abbr + ")";
    }
    return organ;
  }

  Paragraph Base() const {
    Paragraph p;
    p.doc = "diploma:" + doc_key_;
    p.file = file_;
    return p;
  }

  std::string UniqueId(const std::string& local) {
    std::string id = "diploma:" + doc_key_ + "#" + local;
    std::string unique = id;
    for (int n = 2; !ids_.insert(unique).second; ++n) unique = id + "~" + std::to_string(n);
    return unique;
  }

  void Push(Paragraph p, int line) {
    if (p.text.size() > kMaxParagraphBytes) {
      result_.errors.push_back(Status::Error(
          Status::Code::kInvalidArgument,
          "paragraph longer than " + std::to_string(kMaxParagraphBytes) + " bytes", file_, line));
      return;
    }
    result_.paragraphs.push_back(std::move(p));
  }

  // The id part of the current article: "art3.o", "anexo/art3.o", and inside a quotation the
  // amending article's before it ("art2.o/art22.o").
  std::string ArticleScope() const {
    if (!quoting_.empty()) return quoting_scope_ + "art" + Slug(article_);
    std::string scope = annex_count_ > 0 ? Slug(annex_label_) + "/" : "";
    return scope + "art" + Slug(article_);
  }

  void Flush() {
    if (body_.empty()) return;
    std::vector<Line> body = std::move(body_);
    body_.clear();
    SegmentOptions options;
    options.in_article = mode_ == Mode::kArticle;
    options.by_blank_lines = by_blank_lines_;
    options.outline = !has_articles_;
    std::vector<Piece> pieces = diploma::Segment(body, options, file_, &result_.warnings);

    std::string section = SectionPath();
    std::string scope;  // the id of the article or prose part
    if (mode_ == Mode::kArticle) {
      scope = ArticleScope();
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
    std::vector<std::string> outline, outline_marks;  // an outline's headings, by level
    int& ordinal = ordinals_[scope];  // unnumbered paragraphs, counted across flushes
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
      }
      if (piece.text.empty()) continue;
      // A preamble that DRE runs into one line is cut at sentence ends: an answer is a passage,
      // not pages of motivation.
      std::vector<std::string> chunks{piece.text};
      bool prose = piece.kind == Piece::Kind::kText || piece.kind == Piece::Kind::kRecital;
      if (prose && mode_ != Mode::kArticle) {
        chunks = SplitSentences(piece.text, kMaxProseBytes);
      }
      for (std::string& chunk : chunks) {
        Paragraph p = Base();
        p.text = std::move(chunk);
        p.article = mode_ == Mode::kArticle ? article_ : "";
        p.number = number;
        p.letter = !sub.empty() ? sub : !letter.empty() ? letter : definition;
        if (piece.kind == Piece::Kind::kSub) {
          p.context =
              analysis::ClipUtf8(number_text + " " + letter + ") " + letter_text, kMaxFieldBytes);
        } else if (piece.kind == Piece::Kind::kLetter && !definition.empty()) {
          p.context = analysis::ClipUtf8(number_text + " " + definition + ") " + definition_text,
                                         kMaxFieldBytes);
        } else if (item) {
          p.context = analysis::ClipUtf8(number_text, kMaxFieldBytes);
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
        p.section = heading_path.empty()
                        ? section
                        : analysis::ClipUtf8(
                              section.empty() ? heading_path : section + " > " + heading_path,
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

  const std::string& file_;
  const std::string& doc_key_;
  const diploma::WordCheck& known_;
  ReadResult result_;
  Mode mode_ = Mode::kFront;
  bool by_blank_lines_ = false, has_articles_ = false;
  std::map<std::string, std::string> abbreviations_;
  // A numbered diploma whose title has no date line (a resolution of the Council of Ministers is
  // printed "Resolução do Conselho de Ministros n.º 41/2021" and the sumário) is cited by its
  // publication date, which the DR's page header gives: ", de 14 de abril". Only when the
  // header's year is the number's, so a date from elsewhere never dates it.
  void CiteByPageDate() {
    if (page_date_.empty() || source_.find("n.º ") == std::string::npos ||
        source_.find(", de ") != std::string::npos) {
      return;
    }
    std::size_t slash = source_.rfind('/');
    std::size_t of_year = page_date_.rfind(" de ");
    if (slash == std::string::npos || of_year == std::string::npos) return;
    std::string year = source_.substr(slash + 1, 4), page_year = page_date_.substr(of_year + 4);
    if (year.size() != 4 || page_year != year) return;
    source_ += ", de " + page_date_.substr(0, of_year);
  }

  std::string source_, summary_, issuer_, date_, page_date_;
  bool summary_next_ = false, summary_open_ = false;
  std::vector<std::string> divisions_;
  std::string annex_, annex_label_;
  int annex_count_ = 0;
  bool awaiting_title_ = false, title_is_annex_ = false;
  int title_lines_ = 0;
  std::string article_, epigraph_;
  bool awaiting_epigraph_ = false, epigraph_open_ = false;
  // Inside a quoted amendment: the amending article's section path and id scope, and its
  // article and epígrafe to return to when the quotation closes.
  std::string quoting_, quoting_scope_;
  std::pair<std::string, std::string> quoted_from_;
  std::string prose_section_;
  std::vector<Line> body_;
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, int> ordinals_;
};

}  // namespace

ReadResult ReadDiploma(std::string_view content, const std::string& file,
                       const std::string& doc_key, const diploma::WordCheck& known) {
  DiplomaParser parser(file, doc_key, known);
  return parser.Parse(content);
}

}  // namespace portaria::indexer
