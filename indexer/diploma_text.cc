// Cleaning a diploma's text: what the page layout, the PDF extraction and the consolidation
// added to the law is taken out, and what they broke is mended. Line numbers are kept so that
// every paragraph and warning still points at the file's line.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_furniture.h"
#include "indexer/diploma_html.h"
#include "indexer/front_matter.h"

namespace portaria::indexer::diploma {

std::string_view Trim(std::string_view s) {
  auto space_at_front = [&] {
    if (s.empty()) return std::size_t{0};
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\f') return std::size_t{1};
    if (s.starts_with("\xC2\xA0")) return std::size_t{2};
    return std::size_t{0};
  };
  auto space_at_back = [&] {
    if (s.empty()) return std::size_t{0};
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') return std::size_t{1};
    if (s.ends_with("\xC2\xA0")) return std::size_t{2};
    return std::size_t{0};
  };
  for (std::size_t n; (n = space_at_front()) > 0;) s.remove_prefix(n);
  for (std::size_t n; (n = space_at_back()) > 0;) s.remove_suffix(n);
  return s;
}

namespace {

// "1)", "(12)", "a)", "iv)": a list or recital marker with nothing after it; "1." an Official
// Journal número ("1." alone, its text on the next line).
bool IsBareMarker(std::string_view s) {
  if (s.size() >= 2 && s.size() <= 4 && s.back() == '.' && AllDigits(s.substr(0, s.size() - 1)))
    return true;
  if (s.size() < 2 || s.size() > 6 || s.back() != ')') return false;
  std::string_view inside = s.substr(s.front() == '(' ? 1 : 0);
  inside.remove_suffix(1);
  if (inside.empty()) return false;
  return AllDigits(inside) ||
         std::all_of(inside.begin(), inside.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Removes from `text` each " (N)" that follows a word and comes before a space, a punctuation
// mark or the end, where "(N)" is in `calls`.
void DropNoteCalls(std::string* text, const std::set<std::string, std::less<>>& calls) {
  std::string& s = *text;
  for (std::size_t at = 1; (at = s.find(" (", at)) != std::string::npos;) {
    std::size_t close = s.find(')', at + 2);
    bool call = close != std::string::npos && close - at <= 5 && s[at - 1] != ' ' &&
                calls.contains(std::string_view(s).substr(at + 1, close - at)) &&
                (close + 1 == s.size() ||
                 std::string_view(" ,.;:").find(s[close + 1]) != std::string_view::npos);
    if (call) {
      s.erase(at, close + 1 - at);
    } else {
      at += 2;
    }
  }
}

// What a Markdown converter adds to a line of law: the backslash that escapes punctuation
// ("1\. Os Estados-Membros …", where "1." would open a list), a bullet before the law's own
// list marker ("- i) segurança pública", "* a) …"), links around citations and inline HTML.
std::string UnMarkdown(std::string_view line) {
  for (std::string_view bullet : {"- ", "* ", "+ "}) {
    if (!line.starts_with(bullet)) continue;
    std::string_view rest = line.substr(bullet.size());
    std::size_t close = rest.find(") ");
    if (close != rest.npos && IsBareMarker(rest.substr(0, close + 1))) line = rest;
    break;
  }
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    unsigned char next = i + 1 < line.size() ? static_cast<unsigned char>(line[i + 1]) : 0;
    if (line[i] == '\\' && next < 0x80 && std::ispunct(next)) continue;
    // The inline HTML some copies keep around a superscript ("n.<sup>os </sup>1 e 2", as DRE's
    // service gives a text): its text.
    if (line[i] == '<') {
      bool tag = false;
      for (std::string_view t : {"<sup>", "</sup>", "<sub>", "</sub>", "<em>", "</em>", "<i>",
                                 "</i>", "<b>", "</b>", "<strong>", "</strong>"}) {
        if (line.substr(i).starts_with(t)) {
          i += t.size() - 1;
          tag = true;
          break;
        }
      }
      if (tag) continue;
    }
    // A link, "[Decreto-Lei n.º 90/92](https://…)": its text.
    if (line[i] == '[') {
      std::size_t close = line.find("](", i + 1);
      std::size_t end = close == line.npos ? line.npos : line.find(')', close + 2);
      if (close != line.npos && end != line.npos && line.find('[', i + 1) > close &&
          (line.substr(close + 2).starts_with("http") || line.substr(close + 2).starts_with("/"))) {
        out.append(line.substr(i + 1, close - i - 1));
        i = end;
        continue;
      }
    }
    out.push_back(line[i]);
  }
  return out;
}

constexpr std::string_view kEeaNote = "(Texto relevante para efeitos do EEE)";

struct RawLine {
  std::string text;
  int number;
  bool page_break;  // a literal "\n" (as the text was pasted) comes before it
};

// Physical lines; the literal two characters "\n" that mark where pages were joined split too.
std::vector<RawLine> SplitLines(std::string_view content) {
  std::vector<RawLine> lines;
  int number = 0;
  while (!content.empty() || number == 0) {
    std::size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
    ++number;
    bool page_break = false;
    for (std::size_t at; (at = line.find("\\n")) != std::string_view::npos;) {
      lines.push_back({std::string(line.substr(0, at)), number, page_break});
      line.remove_prefix(at + 2);
      page_break = true;
    }
    lines.push_back({std::string(line), number, page_break});
    if (nl == std::string_view::npos) break;
  }
  return lines;
}

std::string LastWord(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) >= 0x80 ||
                   std::isalpha(static_cast<unsigned char>(s[i - 1]))))
    --i;
  return std::string(s.substr(i));
}
std::string FirstWord(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) >= 0x80 ||
                          std::isalpha(static_cast<unsigned char>(s[i]))))
    ++i;
  return std::string(s.substr(0, i));
}

// Joins `right` (the next line) onto `left`, which ends with a hyphen at a line break.
// "decreto-" + "-lei" -> "decreto-lei" (the DR repeats a real hyphen on the next line);
// "obriga-" + "ções" -> "obrigações" when the dictionary knows the joined word; a hyphen before
// a capital stays ("Estados-" + "Membros"); otherwise two known words keep their hyphen and
// anything else is a syllable break.
std::string JoinHyphenated(std::string_view left, std::string_view right, const WordCheck& known) {
  std::string_view stem = left.substr(0, left.size() - 1);
  if (right.starts_with("-")) return std::string(stem) + std::string(right);
  std::string a = LastWord(stem), b = FirstWord(right);
  bool join = true;
  if (known && !a.empty() && !b.empty()) {
    if (known(analysis::Fold(a + b))) {
      join = true;
    } else if (IsUpperAt(right, 0)) {
      join = false;
    } else {
      join = !(known(analysis::Fold(a)) && known(analysis::Fold(b)));
    }
  } else {
    join = !IsUpperAt(right, 0);
  }
  return std::string(stem) + (join ? "" : "-") + std::string(right);
}

constexpr std::string_view kSoftHyphen = "\u00ad";

// A word broken at a line's end, as a copy that ran the lines together keeps it, with a space
// where the break was ("Sistema de Infor- mação", "nomeada- mente"): joined where the dictionary
// knows the whole word. Other hyphens before a space stay ("pré- e pós-operatório").
std::string JoinInlineBreaks(std::string_view s, const WordCheck& known) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = s.find("- "); at != std::string_view::npos; at = s.find("- ", at + 2)) {
    if (at == 0 || !IsLowerAt(s, at + 2)) continue;
    std::string a = LastWord(s.substr(0, at)), b = FirstWord(s.substr(at + 2));
    if (a.size() < 2 || b.empty() || !known(analysis::Fold(a + b))) continue;
    out.append(s.substr(from, at - from));
    from = at + 2;
  }
  if (from == 0) return std::string(s);
  out.append(s.substr(from));
  return out;
}

// Replaces (*lines)[i] by one line per text, each from the same file line, the first keeping
// the blank line before it; returns the index of the last.
std::size_t SplitLine(std::vector<Line>* lines, std::size_t i, std::vector<std::string> texts) {
  std::vector<Line> pieces;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    Line piece = (*lines)[i];
    piece.text = std::move(texts[k]);
    if (k > 0) piece.blank_before = false;
    pieces.push_back(std::move(piece));
  }
  lines->erase(lines->begin() + static_cast<std::ptrdiff_t>(i));
  lines->insert(lines->begin() + static_cast<std::ptrdiff_t>(i), pieces.begin(), pieces.end());
  return i + pieces.size() - 1;
}

// Older acts number their dispositions "1.º", "2.º" … instead of "Artigo 1.º" (a 1997
// Portaria's "5.º - 1 - A zona …", a 1999 resolution's "1º" on a line of its own): where a text
// has no article and such points run 1, 2, 3 … at least three deep, each is an article, written
// in the older form the headings read ("Art. 5.º - 1 - A zona …").
void OrdinalPointsAsArticles(std::vector<Line>* lines) {
  std::vector<std::pair<std::size_t, std::size_t>> points;  // line, where its text starts
  for (std::size_t i = 0; i < lines->size(); ++i) {
    OrdinalMark mark = OrdinalPoint((*lines)[i].text);
    // A heading is a point only when it is the mark alone ("###### 1.º", as a repository heads
    // an older Portaria's points the way it heads articles), not a numbered title.
    if ((*lines)[i].heading && mark.text_at != (*lines)[i].text.size()) continue;
    if (mark.number == static_cast<int>(points.size()) + 1) points.emplace_back(i, mark.text_at);
  }
  if (points.size() < 3) return;
  std::string label, rest;
  for (const Line& line : *lines) {
    if (ParseArticle(line.text, &label, &rest)) return;
  }
  for (std::size_t n = 0; n < points.size(); ++n) {
    auto [i, at] = points[n];
    std::string written = "Art. " + std::to_string(n + 1) + ".º" +
                          std::string(std::string_view((*lines)[i].text).substr(at));
    if (ParseArticle(written, &label, &rest)) (*lines)[i].text = std::move(written);
  }
}

}  // namespace

OrdinalMark OrdinalPoint(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && IsDigit(line[digits])) ++digits;
  if (digits == 0 || line[0] == '0') return {};
  std::string_view mark = line.substr(digits);
  for (std::string_view ordinal : {".º", "º", ".°", "°"}) {
    if (!mark.starts_with(ordinal)) continue;
    std::size_t at = digits + ordinal.size();
    if (at < line.size() && line[at] != ' ') return {};
    return {std::stoi(std::string(line.substr(0, digits))), at};
  }
  return {};
}

std::string FrontMatterTitle(const FrontMatter& front) {
  std::string value = DecodeReferences(front.Field("title"));
  std::string_view title = value;
  for (std::string_view dash : {" — ", " – ", " - "}) {
    if (std::size_t at = title.find(dash); at != std::string_view::npos)
      title = title.substr(0, at);
  }
  title = Trim(title);
  return title.size() <= 120 && IsDiplomaTitle(title) ? std::string(title) : std::string();
}

CleanText Clean(std::string_view content, const WordCheck& known) {
  std::vector<RawLine> raw;
  if (LaidOutInHtml(content)) {
    for (HtmlLine& l : HtmlToLines(content)) raw.push_back({std::move(l.text), l.number, false});
  } else {
    raw = SplitLines(content);
  }
  const std::size_t n = raw.size();
  std::vector<Furniture> kind(n);
  for (std::size_t i = 0; i < n; ++i) kind[i] = Classify(raw[i].text);

  // Page furniture: strong lines always; weak lines when a run of furniture and blank lines
  // holding them touches a strong line, a page break, or the start or end of the file.
  std::vector<bool> drop(n, false);
  auto sweep = [&](std::size_t from, int step) {
    for (std::size_t k = from; k < n; k += step) {
      if (kind[k] == Furniture::kNone) break;
      if (kind[k] != Furniture::kBlank) drop[k] = true;
      if (step < 0 && k == 0) break;
    }
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (kind[i] == Furniture::kStrong) {
      sweep(i, 1);
      if (i > 0) sweep(i - 1, -1);
    } else if (raw[i].page_break || i == 0) {
      sweep(i, 1);
    }
  }
  if (n > 0) sweep(n - 1, -1);
  // The 2024 header's block above its "1.ª série" (diploma_furniture.h): the act's title
  // among the block's lines is the header's too, not the act's heading (that one follows,
  // dated: "Decreto-Lei n.º 120/2025, de 14 de novembro"). Kept aside: a copy of later pages
  // has no other title.
  std::string page_title;
  for (std::size_t i = 1; i < n; ++i) {
    if (!IsSeriesLine(raw[i].text)) continue;
    for (std::size_t j = i, k = 0; j-- > 0 && k < 4; ++k) {
      std::string_view s = Trim(raw[j].text);
      bool title = IsDiplomaTitle(s) && s.find(", de ") == s.npos && s.size() < 80;
      if (!drop[j] && !IsPageOfPages(s) && !title) break;
      drop[j] = true;
      if (title && page_title.empty()) page_title = std::string(s);
    }
  }
  // The DR's document code that ends an act, right above the next act's issuer in capitals
  // ("111231519" / "FINANÇAS E AMBIENTE") or its title where the copy has no issuer line
  // ("111231535" / "Resolução do Conselho de Ministros n.º 41/2018"): furniture, even where no
  // page breaks there.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    std::string_view code = Trim(raw[i].text), next = Trim(raw[i + 1].text);
    if (code.size() == 9 && AllDigits(code) &&
        (diploma::IsAllCaps(next) || diploma::IsDiplomaTitle(next)))
      drop[i] = true;
  }
  // A Markdown file's front matter ("---" / "title: …" / "eli: …" / "---", as repositories of
  // the law in Markdown head each diploma): the diploma's metadata, which its text repeats.
  const FrontMatter front = ReadFrontMatter(content);
  for (std::size_t k = 0; k < n && raw[k].number <= front.lines; ++k) drop[k] = true;

  // Footnotes: OJ "(^1 ) …" lines, and a guideline's notes below a long run of spaces, up to
  // the next page break. Also the OJ PDF text's notes where its copy puts the running head at
  // the foot of the page ("19.7.2016" / "L 194/11" / "Jornal Oficial da União Europeia" / "PT"),
  // the notes below it: a run of furniture that no page break opens, then "(1) …" up to the
  // next page break (at the top of a page, after the break, "(1) …" is a recital).
  std::vector<bool> note(n, false);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!drop[i] || kind[i] != Furniture::kStrong) continue;
    std::size_t start = i, end = i;
    while (start > 0 && (drop[start - 1] || kind[start - 1] == Furniture::kBlank)) --start;
    while (end < n && (drop[end] || kind[end] == Furniture::kBlank)) ++end;
    if (raw[start].page_break || start == 0 || end >= n || !OpensNumberedNote(raw[end].text))
      continue;
    std::size_t k = end;
    while (k < n && !raw[k].page_break && kind[k] != Furniture::kStrong) ++k;
    if (k < n && !raw[k].page_break) continue;
    for (std::size_t j = end; j < k; ++j) note[j] = kind[j] != Furniture::kBlank;
    i = k - 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    if (IsOjFootnote(raw[i].text)) note[i] = true;
    if (IsFootnoteSeparator(raw[i].text)) {
      std::size_t k = i + 1;
      while (k < n && !raw[k].page_break && kind[k] != Furniture::kStrong) ++k;
      if (k < n || raw.back().page_break) {
        for (std::size_t j = i + 1; j < k; ++j) note[j] = true;
      }
    }
  }

  CleanText out;
  out.page_title = std::move(page_title);
  // The act, its sumário and the date of its publication (the date a DR act is cited by) as the
  // front matter gives them, for a copy whose text lacks them ("# Decreto Regulamentar Regional
  // n.º 1/2012/M — Aprova a orgânica …", no date line).
  out.front_title = FrontMatterTitle(front);
  out.front_summary = std::string(front.Field("summary"));
  if (std::string_view date = front.Field("publication_date");
      out.page_date.empty() && date.size() == 10 && date[4] == '-' && date[7] == '-') {
    out.page_date =
        DashedDate(std::string(date.substr(8, 2)) + "-" + std::string(date.substr(5, 2)) + "-" +
                   std::string(date.substr(0, 4)));
  }
  for (std::size_t i = 0; i < n && out.page_date.empty(); ++i) {
    if (!drop[i]) continue;
    std::string_view s = Trim(raw[i].text);
    if (IsDateLine(s)) out.page_date = std::string(s);
    if (std::string date = DashedDate(s); !date.empty()) out.page_date = date;
    if (std::string_view date = HeaderDate(s); !date.empty()) out.page_date = std::string(date);
    // The 2018 header: "… — 13 de agosto de 2018", with the page number after the date on odd
    // pages ("… — 13 de agosto de 2018 4013").
    std::size_t dash = s.rfind("— ");
    if (kind[i] == Furniture::kStrong && dash != s.npos) {
      std::string_view date = Trim(s.substr(dash + 4));
      // (The year is a number too: "… — 28 de março de 2018" has no page number after it.)
      if (std::size_t sp = date.rfind(' ');
          !IsDateLine(date) && sp != date.npos && IsPageNumber(date.substr(sp + 1)))
        date = Trim(date.substr(0, sp));
      if (IsDateLine(date)) out.page_date = std::string(date);
    }
  }
  int blanks = 0, texts = 0;
  bool blank = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    if (raw[i].page_break) blank = true;
    std::string_view line = Trim(raw[i].text);
    if (line.empty()) {
      blank = true;
      ++blanks;
      continue;
    }
    // A web page's ordered list around the law's own ("  1. a) O diretor nacional;", "  2. b)
    // …"): the list's number, indented, is the page's; the alínea is the law's.
    if (raw[i].text.starts_with(" ")) {
      std::size_t digits = 0;
      while (digits < line.size() && digits < 3 && IsDigit(line[digits])) ++digits;
      std::size_t letters = digits + 2;
      while (letters < line.size() && letters < digits + 6 && line[letters] >= 'a' &&
             line[letters] <= 'z')
        ++letters;
      if (digits > 0 && line.substr(digits).starts_with(". ") && letters > digits + 2 &&
          line.substr(letters).starts_with(") "))
        line.remove_prefix(digits + 2);
    }
    // A Markdown repository's editorial note under an article, quoted in small print ("> <small>
    // [Artigo 6.º, Decreto-Lei n.º 62/2025 - …](https://…) A alteração … produz efeitos …"):
    // the repository's, like DRE's amendment notes below, not the law's.
    if (line.starts_with("> <small>")) {
      for (std::size_t k = i; k < n && k < i + 6; ++k) {
        drop[k] = true;
        if (raw[k].text.find("</small>") != std::string::npos) break;
      }
      continue;
    }
    // DRE's amendment notes that stand on lines of their own.
    if (std::size_t at = line.find(" pelo/a "); at != line.npos && at < 24) {
      for (std::string_view verb : {"Alterado", "Aditado", "Revogado", "Renumerado", "Retificado"})
        if (line.starts_with(verb)) drop[i] = true;
      if (drop[i]) continue;
    }
    if (note[i]) {
      Line l{MendLine(line), raw[i].number, true, false};
      // A guideline's notes open with their number ("1 Texto …"); under an OJ note "(1) …" a
      // line that opens with a number is the note's next line ("2004/22/CE, 2007/23/CE …").
      bool under_oj_note = !out.notes.empty() && (OpensNumberedNote(out.notes.back().text) ||
                                                  IsOjFootnote(out.notes.back().text));
      bool starts_note =
          IsOjFootnote(line) || OpensNumberedNote(line) || (IsDigit(line[0]) && !under_oj_note);
      if (!starts_note && !out.notes.empty()) {
        out.notes.back().text += ' ';
        out.notes.back().text += l.text;
      } else {
        out.notes.push_back(std::move(l));
      }
      continue;
    }
    ++texts;
    // Words broken at the end of the previous text line (page furniture and blank lines in
    // between were skipped above, so a word broken across a page is mended too).
    if (!out.lines.empty()) {
      Line& prev = out.lines.back();
      // A soft hyphen (U+00AD) where the line breaks, as the Official Journal's PDF text marks
      // the syllable it broke ("represen\u00ad" / "tantes"): the word goes on, no hyphen.
      if (std::string_view(prev.text).ends_with(kSoftHyphen) && !prev.heading &&
          IsLetterAt(line, 0)) {
        prev.text.resize(prev.text.size() - kSoftHyphen.size());
        prev.text += std::string(line);
        blank = false;
        continue;
      }
      std::string_view p = prev.text;
      bool broken = p.size() >= 2 && p.back() == '-' && IsLetterAt(p, p.size() - 2);
      if (p.size() >= 3 && p.back() == '-' && static_cast<unsigned char>(p[p.size() - 2]) >= 0x80)
        broken = true;
      if (broken && !prev.heading && (IsLetterAt(line, 0) || line[0] == '-') &&
          !line.starts_with("#")) {
        prev.text = JoinHyphenated(prev.text, line, known);
        blank = false;
        continue;
      }
      // A word broken without its hyphen, as some PDF copies give it ("normas mí" / "nimas
      // comuns"): joined only where the first half is no word and the whole is one (the
      // dictionary's affix rules accept many second halves: "nimas", "mento").
      if (!blank && !prev.heading && known && IsLowerAt(line, 0)) {
        std::string a = LastWord(p), b = FirstWord(line);
        if (!a.empty() && !b.empty() && a.size() < p.size() && IsLowerAt(a, 0) &&
            !known(analysis::Fold(a)) && known(analysis::Fold(a + b))) {
          prev.text += std::string(line);
          continue;
        }
      }
    }
    Line l;
    l.number = raw[i].number;
    l.blank_before = blank;
    blank = false;
    // The Official Journal's "(Texto relevante para efeitos do EEE)" under an act's title is no
    // division of it, though a Markdown copy may set it as a heading.
    if (std::size_t text = line.find_first_not_of('#');
        text > 0 && text != line.npos && Trim(line.substr(text)) == kEeaNote)
      line = Trim(line.substr(text));
    if (line.starts_with("#")) {
      l.heading = true;
      std::size_t text = line.find_first_not_of('#');  // a line of only '#' has none
      line = text == std::string_view::npos ? std::string_view() : Trim(line.substr(text));
    }
    l.text = std::string(line);
    out.lines.push_back(std::move(l));
  }
  for (auto& l : out.lines) {
    std::string_view t = Trim(l.text);
    // A website's table around the text (pgdlisboa: "Artigo 10.º Gabinete de … |").
    while (t.ends_with("|")) t = Trim(t.substr(0, t.size() - 1));
    while (t.starts_with("| ")) t = Trim(t.substr(1));
    l.text = std::string(Trim(MendLine(UnMarkdown(t))));
    if (known) l.text = JoinInlineBreaks(l.text, known);
  }
  out.lines.erase(std::remove_if(out.lines.begin(), out.lines.end(),
                                 [](const Line& l) { return l.text.empty(); }),
                  out.lines.end());
  // A website's header with the title among its cells: each cell a line of its own, the
  // site's cells ("Legislação", "versão desactualizada") first, so that none is read as the
  // sumário below the title.
  for (std::size_t i = 0; i < out.lines.size() && i < 60; ++i) {
    std::vector<std::string_view> cells = TitleCells(out.lines[i].text);
    if (!cells.empty()) i = SplitLine(&out.lines, i, {cells.begin(), cells.end()});
  }
  // EUR-Lex's HTML puts a definition's or a recital's marker on a line of its own ("1)", "(1)",
  // "a)"), the text after a blank line, and the Official Journal's PDF text a número's ("1."),
  // the text on the next line: the marker opens the line that follows. A "1." opens only a
  // sentence, so that a number ending a broken line ("… o ano de" / "2018.") stays where it is.
  for (std::size_t i = 0; i + 1 < out.lines.size(); ++i) {
    if (out.lines[i].heading || out.lines[i + 1].heading || !IsBareMarker(out.lines[i].text))
      continue;
    Line& next = out.lines[i + 1];
    if (out.lines[i].text.back() == '.' && !OpensSentenceAt(next.text, 0)) continue;
    next.text = out.lines[i].text + " " + next.text;
    next.blank_before = out.lines[i].blank_before;
    next.number = out.lines[i].number;
    out.lines[i].text.clear();
  }
  out.lines.erase(std::remove_if(out.lines.begin(), out.lines.end(),
                                 [](const Line& l) { return l.text.empty(); }),
                  out.lines.end());
  // The 2.ª série's title run into its text ("Despacho n.º 5748/2004 (2.ª série). - Nos termos
  // …"): the title is a line of its own.
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    if (out.lines[i].heading) continue;
    std::size_t length = InlineTitleLength(out.lines[i].text);
    if (length == 0) continue;
    Line rest = out.lines[i];
    rest.text = std::string(Trim(std::string_view(rest.text).substr(length + 1)));
    while (!rest.text.empty() &&
           (rest.text[0] == '-' || rest.text.starts_with("—") || rest.text.starts_with("–"))) {
      rest.text =
          std::string(Trim(std::string_view(rest.text).substr(rest.text[0] == '-' ? 1 : 3)));
    }
    rest.blank_before = false;
    // "… (2.ª série). - Delegação de competências na directora … - 1 - Tendo …": the subject
    // the old 2.ª série printed between the title and the text is a line of its own too, so that
    // the text's first número opens its line.
    for (std::string_view dash : {". - 1 - ", ". — 1 — ", ". - 1 — "}) {
      std::size_t at = rest.text.find(dash);
      if (at == std::string::npos || at > 300) continue;
      Line text = rest;
      text.text = rest.text.substr(at + dash.find('1'));  // from the número's "1" on
      rest.text.resize(at + 1);
      out.lines.insert(out.lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(text));
      break;
    }
    out.lines[i].text.resize(length);
    out.lines.insert(out.lines.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(rest));
    ++i;
  }
  // Structure run together on one line by a copy that lost its line breaks: each article and
  // division opens a line of its own (the same file line).
  int open_quotes = 0;
  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    if (out.lines[i].heading) continue;
    std::vector<std::size_t> breaks = StructureBreaks(out.lines[i].text, &open_quotes);
    if (breaks.empty()) continue;
    std::string_view text = out.lines[i].text;
    std::vector<std::string_view> pieces;
    breaks.insert(breaks.begin(), 0);
    breaks.push_back(text.size());
    for (std::size_t b = 0; b + 1 < breaks.size(); ++b)
      pieces.push_back(Trim(text.substr(breaks[b], breaks[b + 1] - breaks[b])));
    i = SplitLine(&out.lines, i, {pieces.begin(), pieces.end()});
  }
  // The Official Journal's footnote calls as its PDF text gives them, "(1)" after a word ("… em
  // toda a União (1),"): where the notes hold a "(1) …", a call of that number inside a line
  // leaves the text. At a line's start "(1)" is a recital's marker, and it stays.
  std::set<std::string, std::less<>> calls;
  for (const Line& note : out.notes) {
    if (OpensNumberedNote(note.text)) calls.insert(note.text.substr(0, note.text.find(')') + 1));
  }
  if (!calls.empty()) {
    for (Line& line : out.lines) DropNoteCalls(&line.text, calls);
  }
  OrdinalPointsAsArticles(&out.lines);
  // Markdown from DRE or the OJ separates paragraphs by blank lines; PDF text breaks every line.
  out.paragraphs_by_blank_lines = texts > 0 && blanks * 3 >= texts;
  return out;
}

}  // namespace portaria::indexer::diploma
