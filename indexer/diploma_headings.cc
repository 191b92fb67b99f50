// The lines that give a diploma its shape (schema/DIPLOMAS.md, "Structure"): its divisions,
// articles (and bases, clauses) and annexes, each recognised on one clean line, and where a line
// that runs them together breaks. The reader (diploma_reader.cc) decides what they head; these
// only say what a line is. The lines that name a diploma are in diploma_titles.cc.
#include <algorithm>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/diploma_segment.h"
#include "indexer/markup.h"

namespace portaria::indexer::diploma {

bool IsAllCaps(std::string_view s) {
  bool letter = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (IsLowerAt(s, i)) return false;
    if (IsUpperAt(s, i)) letter = true;
  }
  return letter;
}

// "REGULAMENTO (UE) 2016/679 DO PARLAMENTO EUROPEU" -> "Regulamento (UE) 2016/679 do Parlamento
// Europeu": words of capitals become capitalised, connectors lower case, short words such as
// "UE" stay.
std::string TitleCase(std::string_view s) {
  // "REGULAMENTO (UE, Euratom) N.º 608/2014 DO CONSELHO": the treaty's name is written so in
  // titles of capitals.
  std::string caps(s);
  if (std::size_t at = caps.find("Euratom)"); at != std::string::npos)
    caps.replace(at, 7, "EURATOM");
  if (!IsAllCaps(caps)) return std::string(s);
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view word = s.substr(start, end - start);
    std::string folded = analysis::Fold(word);
    bool connector = folded == "de" || folded == "da" || folded == "do" || folded == "das" ||
                     folded == "dos" || folded == "e" || folded == "à" || folded == "a" ||
                     folded == "o" || folded == "em" || folded == "que" || folded == "na" ||
                     folded == "no" || folded == "n.º";
    // Short words ("UE", "CE") and numbers ("2006/44/CE") stay as written.
    bool keep = (word.size() <= 3 && !connector && word.find('(') != 0) ||
                (!word.empty() && IsDigit(word[0]));
    if (!out.empty()) out += ' ';
    if (word.starts_with("(") && (word.size() <= 5 || (word.ends_with(")") && word.size() <= 12))) {
      out += word;  // "(UE)", an acronym: "(CSIRT)"
    } else if (keep) {
      out += word;
    } else if (connector && !first) {
      out += folded;
    } else if (!folded.empty()) {
      // Capitalise the first letter of the folded word (ASCII or a two-byte Latin-1 letter).
      std::string w = folded;
      if (w[0] >= 'a' && w[0] <= 'z') {
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
      } else if (static_cast<unsigned char>(w[0]) == 0xC3 && w.size() > 1) {
        w[1] = static_cast<char>(static_cast<unsigned char>(w[1]) - 0x20);
      }
      out += w;
    }
    first = false;
    start = end + 1;
  }
  return out;
}

bool EndsWithFunctionWord(std::string_view title) {
  static constexpr std::string_view kWords[] = {
      "a",  "o",   "as",  "os",   "de",  "da",   "do",   "das",   "dos",   "e",   "em", "na",
      "no", "nas", "nos", "para", "por", "pela", "pelo", "pelas", "pelos", "com", "ao", "aos"};
  std::size_t space = title.rfind(' ');
  if (space == std::string_view::npos) return false;
  std::string last = analysis::Fold(title.substr(space + 1));
  return std::find(std::begin(kWords), std::end(kWords), last) != std::end(kWords);
}

namespace {

// A lei de bases's articles are its bases: "Base XXIII", "BASE 12", "Base 5-A Epígrafe" -> label
// "Base XXIII". The word stays in the label, so that the section heads the base as the law does
// ("Base XXIII Epígrafe") and its id step is "artbase-xxiii"; the record's article is the
// numeral, as a clause's is its number (Parser::Flush).
bool ParseBase(std::string_view s, std::string* label, std::string* rest) {
  if (!s.starts_with("Base ") && !s.starts_with("BASE ")) return false;
  s.remove_prefix(5);
  std::size_t end = s.find(' ');
  std::string_view number = s.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : Trim(s.substr(end));
  while (!number.empty() && (number.back() == '.' || number.back() == ':')) number.remove_suffix(1);
  std::string_view suffix;
  if (number.size() > 2 && number[number.size() - 2] == '-' && IsUpperAt(number, number.size() - 1)) {
    suffix = number.substr(number.size() - 2);
    number.remove_suffix(2);
  }
  bool digits = !number.empty() && number.size() <= 3 &&
                std::all_of(number.begin(), number.end(), IsDigit);
  bool roman = !number.empty() && IsUpperAt(number, 0) && !IsLowerAt(number, number.size() - 1) &&
               RomanValue(number) > 0;
  if (!digits && !roman) return false;
  for (std::string_view dash : {"- ", "— ", "– "}) {
    if (tail.starts_with(dash)) {
      tail = Trim(tail.substr(dash.size()));
      break;
    }
  }
  // "Base 2 do anexo …" at the start of a broken line is a reference, not a heading.
  if (IsLowerAt(tail, 0) || tail.starts_with("[")) return false;
  *label = "Base " + std::string(number) + std::string(suffix);
  *rest = std::string(tail);
  return true;
}

}  // namespace

bool ParseArticle(std::string_view line, std::string* label, std::string* rest) {
  std::string_view s = line;
  if (s.starts_with("«")) return false;
  if (ParseBase(s, label, rest)) return true;
  // A contract's clauses (the conditions a regulator approves in an annex) are its articles:
  // "Cláusula 13.ª" -> "13.ª".
  bool clause = false;
  for (std::string_view word : {"Cláusula ", "CLÁUSULA "}) {
    if (s.starts_with(word) && s.size() > word.size() && IsDigit(s[word.size()])) {
      s.remove_prefix(word.size());
      clause = true;
    }
  }
  if (clause) {
    std::size_t i = 0;
    while (i < s.size() && i < 4 && IsDigit(s[i])) ++i;
    std::string_view mark = s.substr(i);
    for (std::string_view ordinal : {".ª", "ª"}) {
      if (!mark.starts_with(ordinal)) continue;
      std::string_view tail = Trim(mark.substr(ordinal.size()));
      if (mark.size() > ordinal.size() && mark[ordinal.size()] != ' ') return false;
      if (IsLowerAt(tail, 0)) return false;  // "Cláusula 2.ª do contrato …": a reference
      *label = std::string(s.substr(0, i)) + ".ª";
      *rest = std::string(tail);
      return true;
    }
    return false;
  }
  if (s.starts_with("Artigo ") || s.starts_with("ARTIGO ")) {
    s.remove_prefix(7);
  } else if ((s.starts_with("Art. ") || s.starts_with("ART. ")) && s.size() > 5 && IsDigit(s[5])) {
    s.remove_prefix(5);  // older diplomas: "Art. 2.º Integram o Governo …"
  } else {
    return false;
  }
  if (s.starts_with("único") || s.starts_with("ÚNICO")) {
    *label = "único";
    *rest = std::string(Trim(s.substr(s.find(' ') == s.npos ? s.size() : s.find(' '))));
    return true;
  }
  std::size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0 || i > 4) return false;
  std::string number(s.substr(0, i));
  s.remove_prefix(i);
  for (std::string_view mark : {".º", "º", ".°", "°", "."}) {
    if (s.starts_with(mark)) {
      s.remove_prefix(mark.size());
      break;
    }
  }
  std::string suffix;
  if (s.size() >= 2 && s[0] == '-' && IsUpperAt(s, 1) && (s.size() == 2 || !IsLowerAt(s, 2))) {
    suffix = "-" + std::string(1, s[1]);
    s.remove_prefix(2);
  }
  if (!s.empty() && s[0] != ' ') return false;
  std::string_view tail = Trim(s);
  // The older form sets the text off with a dash: "Art. 3.º - 1. O Secretariado …", "Artigo 1.º
  // - 1 - Os Serviços …".
  for (std::string_view dash : {"- ", "— ", "– "}) {
    if (tail.starts_with(dash)) {
      tail = Trim(tail.substr(dash.size()));
      break;
    }
  }
  // "Artigo 5.º do Código …" is a reference at the start of a broken line, not a heading.
  if (IsLowerAt(tail, 0)) return false;
  if (tail.starts_with("[")) return false;
  *label = number + ".º" + suffix;
  *rest = std::string(tail);
  return true;
}

// "CAPÍTULO II", "Secção I", "TÍTULO VII DISPOSIÇÕES GERAIS" -> level, label, rest.
bool ParseDivision(std::string_view line, int* level, std::string* label, std::string* rest) {
  static const std::pair<std::string_view, int> kDivisions[] = {
      {"parte", 0},    {"livro", 1},  {"título", 2}, {"titulo", 2},    {"capítulo", 3},
      {"capitulo", 3}, {"secção", 4}, {"seção", 4},  {"subsecção", 5}, {"subseção", 5}};
  std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return false;
  std::string first = analysis::Fold(line.substr(0, sp));
  int found = -1;
  for (auto [word, l] : kDivisions) {
    if (first == word) found = l;
  }
  if (found < 0 || !IsUpperAt(line, 0)) return false;
  std::string_view s = Trim(line.substr(sp + 1));
  std::size_t end = s.find(' ');
  std::string_view num = s.substr(0, end);
  while (!num.empty() && (num.back() == '.' || num.back() == ':')) num.remove_suffix(1);
  bool ok = RomanValue(num) > 0 || (!num.empty() && std::all_of(num.begin(), num.end(), IsDigit));
  std::string folded = analysis::Fold(num);
  if (folded == "único" || folded == "única") ok = true;
  if (!ok || !(IsUpperAt(num, 0) || IsDigit(num[0]) || folded == "único" || folded == "única"))
    return false;
  std::string_view tail = end == std::string_view::npos ? "" : Trim(s.substr(end));
  if (IsLowerAt(tail, 0)) return false;  // "capítulo II do presente …" in running text
  *level = found;
  *label = TitleCase(std::string(line.substr(0, sp))) + " " + std::string(num);
  *rest = StripEmphasis(tail);
  return true;
}

// "ANEXO", "ANEXO II", "Anexo (a que se refere …)" -> label and rest.
bool ParseAnnex(std::string_view line, std::string* label, std::string* rest) {
  if (!(line.starts_with("ANEXO") || line.starts_with("Anexo"))) return false;
  std::string_view s = line.substr(5);
  if (!s.empty() && s[0] != ' ') return false;
  s = Trim(s);
  std::string num;
  std::size_t end = s.find(' ');
  std::string_view first = s.substr(0, end);
  if (!first.empty() &&
      (RomanValue(first) > 0 || std::all_of(first.begin(), first.end(), IsDigit) ||
       analysis::Fold(first) == "único") &&
      !IsLowerAt(first, 0)) {
    num = std::string(first);
    s = end == std::string_view::npos ? "" : Trim(s.substr(end));
  }
  if (IsLowerAt(s, 0)) return false;  // "Anexo ao presente …"
  *label = num.empty() ? "Anexo" : "Anexo " + num;
  *rest = StripEmphasis(s);
  return true;
}


bool EndsWordOfSentence(std::string_view s, std::size_t end) {
  if (end >= s.size() || s[end] != '.') return false;
  // A stop after a closing bracket or quote: "… da Direção de Abastecimento (DA).", "«X».".
  if (end > 0 && (s[end - 1] == ')' || s[end - 1] == '"')) return true;
  if (s.substr(0, end).ends_with("»")) return true;
  std::size_t start = end;
  while (start > 0) {
    if (IsLetterAt(s, start - 1) && static_cast<unsigned char>(s[start - 1]) < 0x80) {
      --start;
    } else if (start >= 2 && IsLetterAt(s, start - 2) &&
               static_cast<unsigned char>(s[start - 2]) == 0xC3) {
      start -= 2;
    } else {
      break;
    }
  }
  std::string word = analysis::Fold(s.substr(start, end - start));
  if (word.size() < 3) return false;
  for (std::string_view abbreviation : {"art", "arts", "pag", "pags", "cfr", "proc", "dra"})
    if (word == abbreviation) return false;
  return true;
}

std::vector<std::size_t> StructureBreaks(std::string_view line, int* open_quotes) {
  std::vector<std::size_t> breaks;
  std::size_t from = 0;  // where the current piece starts
  std::string label, rest;
  int level = 0;
  // Whether the current piece is a division's heading ("CAPÍTULO I Natureza"), read once a piece.
  bool division = ParseDivision(line, &level, &label, &rest);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i).starts_with("«")) ++*open_quotes;
    if (line.substr(i).starts_with("»") && *open_quotes > 0) --*open_quotes;
    if (*open_quotes > 0 || i < 2 || i + 6 >= line.size() || line[i - 1] != ' ' ||
        !IsUpperAt(line, i))
      continue;
    // The cheap tests first: what ends before the capital, then whether a heading opens there.
    std::string_view before = Trim(line.substr(from, i - from));
    char last = before.empty() ? 0 : before.back();
    bool after_end = last == ':' || EndsWordOfSentence(before, before.size() - 1);
    bool after_title = division && before.size() < 150;
    // The older "Art. 2.º - 1 - …" also after a citation whose stop the copy lost ("… referidos
    // no artigo 8.º Art. 2.º - 1 - A direcção …").
    bool after_citation = before.ends_with("º");
    // A division after a title in capitals that has no stop: "REGULAMENTO INTERNO DA DIREÇÃO DE
    // ABASTECIMENTO CAPÍTULO I Disposições gerais".
    bool after_capitals = false;
    if (!after_end && !after_title && !after_citation) {
      std::size_t word = before.rfind(' ');
      std::string_view last_word = before.substr(word == std::string_view::npos ? 0 : word + 1);
      after_capitals = last_word.size() >= 3 && IsAllCaps(last_word) &&
                       ParseDivision(line.substr(i), &level, &label, &rest);
      if (!after_capitals) continue;
    }
    std::string_view tail = line.substr(i);
    bool article = ParseArticle(tail, &label, &rest);
    std::string_view opening = tail.substr(0, 20);
    bool dashed = opening.find("º - ") != std::string_view::npos ||
                  opening.find("º — ") != std::string_view::npos;
    bool opens =
        after_capitals || (after_end ? article || ParseDivision(tail, &level, &label, &rest)
                                     : article && (after_title || dashed));
    if (!opens) continue;
    breaks.push_back(i);
    from = i;
    division = !article;
  }
  return breaks;
}

}  // namespace portaria::indexer::diploma
