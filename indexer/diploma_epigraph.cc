// The epígrafe of an article (schema/DIPLOMAS.md, Structure): the line after "Artigo N.º" in
// DR and OJ text, DRE's "**_Objeto_**", the Constitution's "(Direito à vida)", and the
// epígrafes that copies run into their article's text — into its first número ("Natureza 1 - O
// Instituto …", DRE's "Tratamentos para fins de arquivo 1 O tratamento … 2 …") or into its first
// sentence ("Competências Ao GF compete:"). Apart from the line loop (diploma_reader.cc) because
// where an epígrafe ends is a question of its own.
#include <algorithm>
#include <string>

#include "indexer/diploma.h"
#include "indexer/diploma_organs.h"
#include "indexer/diploma_parser.h"
#include "indexer/markup.h"

namespace portaria::indexer::diploma {
namespace {

// The longest line taken for an epígrafe as it stands: "Autoridade Nacional para a Convenção
// sobre a Proibição do Desenvolvimento, Produção, Armazenamento e Utilização das Armas Químicas"
// is 133 characters. A PDF's line is shorter than that, so in its text the limit only tells a
// copy pasted as one long line, whose article's text runs on after its epígrafe.
constexpr std::size_t kMaxEpigraph = 200;

// "Natureza 1 - O Instituto …": an epígrafe run into its article's first dashed número, as older
// diplomas and mirror sites print it; where "1 - " starts, or npos. The epígrafe is a few words
// that end no sentence.
std::size_t DashedFirstNumber(std::string_view line) {
  for (std::string_view marker : {" 1 - ", " 1 — ", " 1 – ", " 1-"}) {
    std::size_t one = line.find(marker);
    if (one == std::string_view::npos || one > 120 || !OpensSentenceAt(line, one + marker.size()))
      continue;
    // "1-No Departamento …": without spaces only before a word, not "1-A" (an article's label).
    if (marker == " 1-" && !IsLowerAt(line, one + marker.size() + 1) &&
        !IsLowerAt(line, one + marker.size() + 2))
      continue;
    std::string_view head = line.substr(0, one);
    if (head.find_first_of(".;:,") != std::string_view::npos || !IsUpperAt(head, 0) ||
        std::count(head.begin(), head.end(), ' ') > 12)
      continue;
    return one;
  }
  return std::string_view::npos;
}

// "Competências Ao Gabinete compete: a) …", "Natureza O Instituto é …": an epígrafe run into its
// article's text, where a copy pasted as one line lost the break between them; where the text
// starts, or npos. The text opens with a word that opens a sentence of law (an article, a
// contraction, the verb of a competence, a proviso), after a few words that end no sentence and
// do not open one themselves.
std::size_t EpigraphRunIntoText(std::string_view line) {
  static constexpr std::string_view kOpeners[] = {
      "O",          "A",         "Os",         "As",    "Ao",       "À",
      "Aos",        "Às",        "Um",         "Uma",   "Compete",  "Cabe",
      "Incumbe",    "É",         "São",        "Sem",   "Salvo",    "Quando",
      "Para",       "No",        "Na",         "Nos",   "Nas",      "Em",
      "Todo",       "Toda",      "Todos",      "Todas", "Qualquer", "Considera-se",
      "Entende-se", "Constitui", "Constituem", "Pode",  "Podem",    "Deve",
      "Devem",      "Fica",      "Ficam",      "Só",    "Sempre",   "Mediante",
      "Este",       "Esta",      "Estes",      "Estas"};
  auto opener = [](std::string_view word) {
    return std::find(std::begin(kOpeners), std::end(kOpeners), word) != std::end(kOpeners);
  };
  std::size_t at = 0;
  for (int words = 0; words <= 10; ++words) {
    std::size_t space = line.find(' ', at);
    if (space == std::string_view::npos) return std::string_view::npos;
    std::string_view word = line.substr(at, space - at);
    if (word.find_first_of(".;:,") != std::string_view::npos) return std::string_view::npos;
    if (words == 0 && (opener(word) || !IsUpperAt(word, 0))) return std::string_view::npos;
    at = space + 1;
    std::size_t next_end = line.find(' ', at);
    std::string_view next = line.substr(
        at, next_end == std::string_view::npos ? std::string_view::npos : next_end - at);
    if (opener(next) && !EndsWithFunctionWord(line.substr(0, space)) && line.size() - at >= 20) {
      return at;
    }
  }
  return std::string_view::npos;
}

}  // namespace

void Parser::ReleaseCommaEpigraph() {
  if (comma_epigraph_.empty()) return;
  body_.insert(body_.begin(), comma_epigraph_.begin(), comma_epigraph_.end());
  comma_epigraph_.clear();
  epigraph_.clear();
  awaiting_epigraph_ = epigraph_open_ = false;
}

// "Procedimentos de controlo prévio aplicáveis às atividades de produção," / "armazenamento,
// autoconsumo de eletricidade" / "1 — A entrada …": an epígrafe broken after a comma. The line
// after the first is its continuation only if it starts in lower case and ends no clause; and
// the line after both must open the article's text (a número, an alínea, a capital). Otherwise
// the lines were the article's first sentence, broken by the page's width.
void Parser::ResolveCommaEpigraph(const Line& l) {
  std::string_view t = Trim(l.text);
  char last = t.empty() ? 0 : t.back();
  bool stop = last == '.' || last == ';' || last == ':' || last == ',';
  if (comma_epigraph_.size() == 1 && IsLowerAt(t, 0) && !stop && t.size() < 120 &&
      t.find(") ") > 5) {
    comma_epigraph_.push_back(l);
    return;
  }
  if (comma_epigraph_.size() == 2 && !t.empty() && (IsDigit(t[0]) || IsUpperAt(t, 0))) {
    epigraph_ = StripEmphasis(Trim(comma_epigraph_[0].text)) + " " +
                StripEmphasis(Trim(comma_epigraph_[1].text));
    comma_epigraph_.clear();
    awaiting_epigraph_ = epigraph_open_ = false;
    body_.push_back(l);
    return;
  }
  ReleaseCommaEpigraph();
  body_.push_back(l);
}

void Parser::Epigraph(const Line& l) {
  if (!comma_epigraph_.empty()) return ResolveCommaEpigraph(l);
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
    // "i) PS ≤ 0,5 bar;" opens the body, though it starts in lower case.
    std::size_t paren = t.find(')');
    bool item =
        paren != std::string_view::npos && paren <= 5 &&
        std::all_of(t.begin(), t.begin() + paren, [](char c) { return c >= 'a' && c <= 'z'; });
    // A long epígrafe broken after a preposition or a conjunction goes on in the next line,
    // capitalised or not ("Direção de Serviços de Apoio às Capitanias dos" / "Portos do
    // Continente"), unless that line opens a número or an alínea.
    bool continues = IsLowerAt(t, 0) || (EndsWithFunctionWord(epigraph_) && !IsDigit(t[0]) &&
                                         t.find_first_of(".;:") == std::string_view::npos);
    if (continues && t.size() < 120 && !item) {
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
  if (std::size_t one = DashedFirstNumber(plain); one != std::string::npos) {
    epigraph_ = plain.substr(0, one);
    return body_from(std::string_view(plain).substr(one + 1));
  }
  // "Disponibilização de informação à APA, I. P.": the stop is the organ's legal form's, and
  // ends no sentence.
  bool legal_form = WithoutLegalForm(plain) < plain.size();
  // Too long for an epígrafe, or ending a sentence as none does: perhaps one run into its text.
  if (plain.size() > kMaxEpigraph || (plain.ends_with(".") && !legal_form) ||
      plain.ends_with(":")) {
    if (std::size_t text = EpigraphRunIntoText(plain); text != std::string::npos) {
      epigraph_ = plain.substr(0, text - 1);
      return body_from(std::string_view(plain).substr(text));
    }
  }
  char last = plain.empty() ? 0 : plain.back();
  bool marker = IsDigit(plain[0]) || (plain.size() > 2 && plain[1] == ')');
  if (last == ',' && !by_blank_lines_ && !marker && plain.size() <= 120 && IsUpperAt(plain, 0)) {
    comma_epigraph_.push_back(l);  // decided by the next lines (ResolveCommaEpigraph)
    return;
  }
  bool stop = (last == '.' && !legal_form) || last == ';' || last == ':' || last == ',';
  if (marker || stop || plain.size() > kMaxEpigraph || IsLowerAt(plain, 0)) {
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

std::size_t Parser::JoinedFirstNumber(std::string_view line) {
  std::size_t one = line.find(" 1 ");
  if (one == std::string_view::npos || one > 200 || !OpensSentenceAt(line, one + 3))
    return std::string::npos;
  std::string_view head = line.substr(0, one);
  if (head.find_first_of(".;:") != std::string_view::npos || head.find(' ') == head.npos)
    return std::string::npos;
  for (std::size_t two = line.find(" 2 ", one + 3); two != std::string_view::npos;
       two = line.find(" 2 ", two + 1)) {
    if (OpensSentenceAt(line, two + 3) && (line[two - 1] == '.' || line[two - 1] == ';'))
      return one;
  }
  // Or the first número opens a list on the same line ("Competências e deveres 1 Ao fiscal
  // único compete: a) …"), as a copy pasted as one line gives an article cut after it.
  std::size_t list = line.find(": a) ", one + 3);
  if (list != std::string_view::npos &&
      line.substr(one + 3, list - one - 3).find_first_of(".;") == std::string_view::npos)
    return one;
  return std::string::npos;
}

}  // namespace portaria::indexer::diploma
