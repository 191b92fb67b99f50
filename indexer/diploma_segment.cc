#include "indexer/diploma_segment.h"

#include <map>

#include "analysis/text.h"
#include "indexer/diploma_organs.h"
#include "indexer/markup.h"

namespace portaria::indexer::diploma {
namespace {

// The letter that follows `letter` in a list of alíneas: a..z, then aa, bb, … zz, then aaa,
// bbb, … (a long list of definitions runs that far: "vvv)").
std::string NextLetter(const std::string& letter) {
  if (letter.empty()) return "a";
  if (letter.size() > 3 || letter.find_first_not_of(letter[0]) != std::string::npos) return {};
  if (letter[0] < 'z') return std::string(letter.size(), static_cast<char>(letter[0] + 1));
  return letter.size() < 3 ? std::string(letter.size() + 1, 'a') : std::string();
}

// "Artigo 19.º-A Fiscal único" -> label "19.º-A", rest "Fiscal único".

bool EndsWithAny(std::string_view text, std::initializer_list<std::string_view> words) {
  text = Trim(text);
  for (auto w : words) {
    if (text.size() >= w.size() + 1 && text.ends_with(w) && text[text.size() - w.size() - 1] == ' ')
      return true;
    if (text == w) return true;
  }
  return false;
}

char LastNonSpace(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return 0;
  if (text.ends_with("»") || text.ends_with("”")) return '.';
  if (text.ends_with("º")) return '\x01';  // "artigo 12.º": an ordinal closes a citation
  return text.back();
}

class Segmenter {
 public:
  Segmenter(const std::vector<Line>& lines, SegmentOptions options, const std::string& file,
            std::vector<Status>* warnings)
      : lines_(lines), options_(options), file_(file), warnings_(warnings) {}

  std::vector<Piece> Run() {
    for (const Line& line : lines_) {
      if (!pieces_.empty() &&
          (line.blank_before || !options_.by_blank_lines || previous_line_bytes_ >= kWholeLine) &&
          StartsParagraph(line)) {
        Start(Piece::Kind::kText, "", line.number);
      }
      Scan(line);
      previous_line_bytes_ = line.text.size();
    }
    std::vector<Piece> out;
    for (auto& p : pieces_) {
      p.text = StripEmphasis(p.text);
      if (!p.text.empty() || p.kind != Piece::Kind::kText) out.push_back(std::move(p));
    }
    return out;
  }

 private:
  // A line without a marker that opens a new paragraph of prose (preamble, or a paragraph
  // after a list such as the RGPD's "O primeiro parágrafo, alínea f), …").
  bool StartsParagraph(const Line& line) const {
    std::string_view prev = pieces_.back().text;
    char last = LastNonSpace(prev);
    bool closed = last == '.' || last == ':' || last == '!' || last == '?' ||
                  // a preamble's grounds, one a paragraph: "Considerando que …;" / "Considerando …"
                  (last == ';' && line.text.starts_with("Considerando "));
    bool opens = IsUpperAt(line.text, 0) || line.text.starts_with("«") ||
                 line.text.starts_with("\"") || line.text.starts_with("(");
    if (!closed || !opens) return false;
    // "… Florestas, I. P." / "(ICNF), nomeadamente …": an organ's legal form, its acronym after.
    if (line.text.starts_with("(") && WithoutLegalForm(prev) < prev.size()) return false;
    // Markdown separates paragraphs by blank lines, but a copy may set some of them only on lines
    // of their own ("No âmbito do …, o XIX Governo … serviços." / "Trata-se de …"): a line that
    // long was not broken by a page's width.
    if (options_.by_blank_lines) return line.blank_before || previous_line_bytes_ >= kWholeLine;
    // PDF text: only prose is cut at sentence ends, and in an article the last item of a list,
    // closed by its stop where the line ends, before a sentence of the número's own ("d) Os
    // limiares … alínea f)." / "A fim de contribuir …, a Comissão pode adotar …").
    // An EU recital is one paragraph up to the next recital's number, however many sentences
    // end at a line's end.
    Piece::Kind kind = pieces_.back().kind;
    if (kind == Piece::Kind::kRecital) return false;
    bool item = kind == Piece::Kind::kLetter || kind == Piece::Kind::kSub;
    return !options_.in_article || (item && last == '.');
  }

  void Start(Piece::Kind kind, std::string value, int line) {
    Piece p;
    p.kind = kind;
    p.value = std::move(value);
    p.line = line;
    pieces_.push_back(std::move(p));
  }

  void Append(std::string_view text) {
    if (pieces_.empty()) Start(Piece::Kind::kText, "", current_line_);
    std::string& t = pieces_.back().text;
    if (!t.empty() && !text.empty()) t += ' ';
    t += text;
  }

  // Walks one line, cutting it at every marker the sequence accepts.
  void Scan(const Line& line) {
    current_line_ = line.number;
    std::string_view s = line.text;
    std::size_t from = 0;
    bool line_start = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
      // A marker follows a space; in a copy that lost its line breaks also an intro's colon or
      // an item's semicolon ("Compete ao ILC:a) Estudar …;b) Propor …") or a sentence's stop
      // ("… careçam.2 - Compete …").
      bool glued =
          i >= 1 && (((s[i - 1] == ':' || s[i - 1] == ';') && s[i] >= 'a' && s[i] <= 'z') ||
                     (IsDigit(s[i]) && EndsWordOfSentence(s, i - 1)));
      if (!line_start && !(s[i - 1] == ' ' && i >= 2) && !glued) continue;
      if (!MayBeMarker(s.substr(i))) {
        line_start = false;
        continue;
      }
      std::string pending(Trim(s.substr(from, i - from)));
      std::size_t skip = 0;
      if (TryMarker(s, i, line_start, pending, &skip)) {
        // The text before the marker belongs to the previous piece.
        if (!pending.empty()) {
          Piece marker = std::move(pieces_.back());
          pieces_.pop_back();
          Append(pending);
          pieces_.push_back(std::move(marker));
        }
        from = i + skip;
        i = from == 0 ? 0 : from - 1;
      }
      line_start = false;
    }
    Append(Trim(s.substr(std::min(from, s.size()))));
  }

  // A cheap look before the real test: markers start with a digit, "(", or a few letters
  // followed by ")" or ".".
  bool MayBeMarker(std::string_view rest) const {
    if (rest.empty()) return false;
    if (IsDigit(rest[0]) || rest[0] == '(') return true;
    std::size_t j = 0;
    while (j < rest.size() && j < 6 && std::isalpha(static_cast<unsigned char>(rest[j]))) ++j;
    return j > 0 && j < rest.size() && (rest[j] == ')' || rest[j] == '.');
  }

  std::string CurrentText(std::string_view pending) const {
    std::string t = pieces_.empty() ? "" : pieces_.back().text;
    if (!pending.empty()) {
      if (!t.empty()) t += ' ';
      t += pending;
    }
    return t;
  }

  // A marker at s[i]; on success starts its piece and sets *skip to the marker's length.
  bool TryMarker(std::string_view s, std::size_t i, bool line_start, std::string_view pending,
                 std::size_t* skip) {
    std::string before = CurrentText(pending);
    char prev = LastNonSpace(before);
    // "…; e c) …": the last item of a list follows "e" or "ou" after a semicolon or comma.
    std::string_view tb = Trim(before);
    bool list_join = false;
    for (std::string_view join : {"; e", "; ou", ", e", ", ou", ": e"}) {
      if (tb.ends_with(join)) list_join = true;
    }
    bool after_break = line_start || prev == '.' || prev == ':' || prev == ';' || prev == ')' ||
                       prev == '\x01' || prev == 0 || list_join;
    // A marker never follows the words that cite one ("alínea a) e b)", "n.º 2").
    bool cited = EndsWithAny(
        before, {"alínea", "alíneas", "subalínea", "subalíneas", "e",      "ou",      "a",
                 "n.º",    "n.os",    "número",    "números",    "artigo", "artigos", "as",
                 "nas",    "das",     "às",        "da",         "na",     "pela"});
    if (cited && !list_join) return false;
    std::string_view rest = s.substr(i);
    // "(12) " recitals of an EU act.
    if (line_start && !options_.in_article && rest.starts_with("(")) {
      std::size_t j = 1;
      while (j < rest.size() && IsDigit(rest[j])) ++j;
      // At most four digits: a longer run is no recital's number (and would overflow stoi).
      if (j > 1 && j <= 5 && j + 1 < rest.size() && rest[j] == ')' && rest[j + 1] == ' ' &&
          std::stoi(std::string(rest.substr(1, j - 1))) == recital_ + 1) {
        recital_ = std::stoi(std::string(rest.substr(1, j - 1)));
        Start(Piece::Kind::kRecital, std::to_string(recital_), current_line_);
        *skip = j + 2;
        return true;
      }
    }
    // Números: "1 — ", "1 - ", "1. ", and DRE's inline "1 Text".
    if (IsDigit(rest[0])) {
      std::size_t j = 0;
      while (j < rest.size() && IsDigit(rest[j]) && j < 3) ++j;
      if (j < rest.size() && IsDigit(rest[j])) return false;
      int n = std::stoi(std::string(rest.substr(0, j)));
      std::string_view after = rest.substr(j);
      // Sub-números of a número: "2.1 — A entidade deve …", "2.2 — …" (DR regulations).
      if (after.size() > 4 && after[0] == '.' && IsDigit(after[1]) && n == number_) {
        std::size_t k = 1;
        while (k < after.size() && IsDigit(after[k]) && k < 3) ++k;
        int m = std::stoi(std::string(after.substr(1, k - 1)));
        std::string_view tail = after.substr(k);
        bool dashed = tail.starts_with(" — ") || tail.starts_with(" – ") || tail.starts_with(" - ");
        // As números, a sub-número may skip one the text lost ("1.5 — …" / "1.7 — …"), when it
        // opens its line.
        bool next = m == sub_number_ + 1 || (line_start && m > sub_number_);
        if (dashed && next && after_break) {
          if (m != sub_number_ + 1) {
            warnings_->push_back(Status::Error(
                Status::Code::kInvalidArgument,
                "warning: número " + std::to_string(n) + "." + std::to_string(m) + " follows " +
                    std::to_string(n) + "." + std::to_string(sub_number_),
                file_, current_line_));
          }
          sub_number_ = m;
          letter_.clear();
          sub_ = 0;
          definition_ = 0;
          Start(Piece::Kind::kNumber, std::to_string(n) + "." + std::to_string(m), current_line_);
          *skip = j + k + (tail.starts_with(" - ") ? 3 : std::string_view(" — ").size());
          return true;
        }
      }
      std::size_t len = 0;
      bool dash = false, tight = false;
      if (after.starts_with(" — ") || after.starts_with(" – ")) {
        len = j + std::string_view(" — ").size();
        dash = true;
      } else if (after.starts_with(" - ")) {
        len = j + 3;
        dash = true;
      } else if (after.size() > 2 && after[0] == '-' && IsUpperAt(after, 1) &&
                 (IsLowerAt(after, 2) || IsLowerAt(after, 3) || after[2] == ' ')) {
        // A mirror's "2-As unidades …", "1-No Departamento …": only the next número.
        len = j + 1;
        dash = tight = true;
      } else if (after.size() > 3 && after.starts_with("- ") && IsUpperAt(after, 2)) {
        // "1- Ao Serviço de Química …", the dash against the number: only the next número.
        len = j + 2;
        dash = tight = true;
      } else if (after.size() > 3 && after.starts_with(" -") && IsUpperAt(after, 2)) {
        // "1 -São proibidas …", the dash against the text: only the next número.
        len = j + 2;
        dash = tight = true;
      } else if (after.starts_with(". ") && !IsDigit(after.size() > 2 ? after[2] : ' ')) {
        len = j + 2;
      } else if (after == "." && options_.outline) {
        len = j + 1;
      } else if (after.starts_with(") ")) {
        // EU definitions "1) «Dados pessoais», …": numbered like alíneas; so are the items of a
        // despacho's list ("… a prática dos seguintes actos:" / "1) Autorizar …").
        if (n == definition_ + 1 && (definition_ > 0 || LastNonSpace(before) == ':')) {
          definition_ = n;
          letter_.clear();
          sub_ = 0;
          Start(Piece::Kind::kDefinition, std::to_string(n), current_line_);
          *skip = j + 2;
          return true;
        }
        return false;
      } else if (after.starts_with(" ") && options_.by_blank_lines && options_.in_article &&
                 OpensSentenceAt(after, 1)) {
        len = j + 1;
      }
      if (len == 0 || !after_break) return false;
      bool in_sequence = n == number_ + 1;
      if (!in_sequence && (tight || !(dash && line_start && n > number_))) return false;
      // Outside articles (an annex, a resolution's text) "1. " numbers only the points that
      // follow in sequence from the line's start: an EU annex's "1. Obrigações das CSIRT" / "a) …"
      // / "2. Atribuições das CSIRT" / "a) …", whose alíneas restart under each.
      if (!options_.in_article && !options_.outline && !dash &&
          !(in_sequence && line_start && IsUpperAt(after, after.find_first_not_of(' ', 1))))
        return false;
      // A copy that starts mid-article goes on with the número its missing page reached.
      bool continued = options_.opens_copy && pieces_.empty() && number_ == 0;
      if (!in_sequence && !continued) {
        warnings_->push_back(Status::Error(
            Status::Code::kInvalidArgument,
            "warning: número " + std::to_string(n) + " follows " + std::to_string(number_), file_,
            current_line_));
      }
      number_ = n;
      sub_number_ = 0;
      letter_.clear();
      sub_ = 0;
      definition_ = 0;
      Start(Piece::Kind::kNumber, std::to_string(n), current_line_);
      *skip = len;
      return true;
    }
    // Alíneas "a) " and subalíneas "ii) "; in an outline also "a. " and "ii. ".
    std::size_t j = 0;
    while (j < rest.size() && j < 5 && rest[j] >= 'a' && rest[j] <= 'z') ++j;
    if (j == 0 || j >= rest.size()) return OutlineHeading(rest, line_start, skip);
    char close = rest[j];
    bool paren = close == ')';
    bool dot = close == '.' && options_.outline && line_start;
    if (!paren && !dot) return OutlineHeading(rest, line_start, skip);
    if (j + 1 < rest.size() && rest[j + 1] != ' ') return false;
    if (!after_break) return false;
    std::string value(rest.substr(0, j));
    bool intro = LastNonSpace(before) == ':';
    std::string next = NextLetter(letter_);
    // Lists written before the 1990 agreement skip the letters the alphabet then lacked:
    // "j)" -> "l)", "v)" -> "x)", "x)" -> "z)".
    // The same in doubled and tripled letters ("jj)" -> "ll)").
    auto skips = [&](char lacked, char instead) {
      return !next.empty() && next[0] == lacked && value.size() == next.size() &&
             value.find_first_not_of(instead) == std::string::npos;
    };
    // A copy that starts mid-list: its first line's letter goes on with a list begun before.
    bool continued = options_.opens_copy && pieces_.empty() && line_start && letter_.empty() &&
                     value.size() == 1;
    bool letter_ok = value == next || skips('k', 'l') || skips('w', 'x') || skips('y', 'z') ||
                     (value == "a" && (intro || options_.outline)) || continued;
    int r = RomanValue(value);
    bool roman_ok = r > 0 && r == sub_ + 1 && (sub_ > 0 || intro);
    if (roman_ok && (!letter_ok || intro)) {
      sub_ = r;
      Start(Piece::Kind::kSub, value, current_line_);
    } else if (letter_ok && value.size() <= 3) {
      letter_ = value;
      sub_ = 0;
      Start(Piece::Kind::kLetter, value, current_line_);
    } else if (options_.outline && dot && r > 0) {
      return OutlineHeading(rest, line_start, skip);
    } else {
      return false;
    }
    *skip = j + 1 + (j + 1 < rest.size() ? 1 : 0);
    return true;
  }

  // In an outline (a guideline without articles), "I. Sobre …", "B. Técnicas", "ii. Autenticação":
  // short lines without a final stop are headings.
  bool OutlineHeading(std::string_view rest, bool line_start, std::size_t* skip) {
    if (!options_.outline || !line_start) return false;
    std::size_t j = 0;
    while (j < rest.size() && j < 6 && std::isalpha(static_cast<unsigned char>(rest[j]))) ++j;
    if (j == 0 || j + 1 >= rest.size() || rest[j] != '.' || rest[j + 1] != ' ') return false;
    std::string_view marker = rest.substr(0, j);
    std::string_view title = Trim(rest.substr(j + 2));
    char last = title.empty() ? 0 : title.back();
    if (title.empty() || title.size() > 100 || last == '.' || last == ';' || last == ':' ||
        last == ',')
      return false;
    int level;
    if (RomanValue(marker) > 0 && IsUpperAt(marker, 0)) {
      level = 0;
    } else if (marker.size() == 1 && IsUpperAt(marker, 0)) {
      level = 1;
    } else if (RomanValue(marker) > 0) {
      level = 2;
    } else {
      return false;
    }
    Start(Piece::Kind::kHeading, std::string(marker), current_line_);
    pieces_.back().heading_level = level;
    letter_.clear();
    sub_ = 0;
    *skip = j + 2;
    return true;
  }

  const std::vector<Line>& lines_;
  SegmentOptions options_;
  const std::string& file_;
  std::vector<Status>* warnings_;
  std::vector<Piece> pieces_;
  int number_ = 0, sub_number_ = 0, sub_ = 0, definition_ = 0, recital_ = 0, current_line_ = 0;
  std::string letter_;
  // A line at least this long is a whole paragraph: no page or window breaks lines that wide.
  static constexpr std::size_t kWholeLine = 250;
  std::size_t previous_line_bytes_ = 0;
};

}  // namespace

int RomanValue(std::string_view r) {
  static const std::map<std::string, int> kRomans = [] {
    std::map<std::string, int> m;
    const char* ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    const char* tens[] = {"", "x", "xx", "xxx", "xl"};
    for (int t = 0; t < 5; ++t) {
      for (int o = 0; o < 10; ++o) {
        if (t || o) m[std::string(tens[t]) + ones[o]] = t * 10 + o;
      }
    }
    return m;
  }();
  std::string lower = analysis::Fold(r);
  auto it = kRomans.find(lower);
  return it == kRomans.end() ? 0 : it->second;
}

std::vector<std::string> SplitSentences(const std::string& text, std::size_t max) {
  if (text.size() <= max) return {text};
  std::vector<std::string> out;
  std::size_t start = 0, last_cut = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] != '.' || text[i + 1] != ' ' || !IsUpperAt(text, i + 2)) continue;
    if (i + 1 - start > max && last_cut > start) {
      out.push_back(text.substr(start, last_cut - start));
      start = last_cut;
    }
    last_cut = i + 2;
  }
  if (text.size() - start > max && last_cut > start) {
    out.push_back(text.substr(start, last_cut - start));
    start = last_cut;
  }
  out.push_back(text.substr(start));
  for (auto& piece : out) piece = std::string(Trim(piece));
  return out;
}

std::vector<Piece> Segment(const std::vector<Line>& lines, SegmentOptions options,
                           const std::string& file, std::vector<Status>* warnings) {
  return Segmenter(lines, options, file, warnings).Run();
}

}  // namespace portaria::indexer::diploma
