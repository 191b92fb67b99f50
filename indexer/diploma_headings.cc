// The lines that give a diploma its shape (schema/DIPLOMAS.md, "Structure"): its title and
// date, its divisions, articles and annexes, each recognised on one clean line. The reader
// (diploma_reader.cc) decides what they head; these only say what a line is.
#include <algorithm>
#include <cstdio>

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

namespace {

// Diploma types as they head a diploma ("Decreto-Lei n.º 65/2021").
constexpr std::string_view kTypes[] = {
    "Decreto-Lei n.º", "Lei n.º", "Lei Orgânica n.º", "Lei Constitucional n.º", "Portaria n.º",
    "Decreto n.º", "Decreto Regulamentar n.º", "Decreto Legislativo Regional n.º",
    "Decreto Regulamentar Regional n.º", "Despacho n.º", "Despacho Normativo n.º",
    "Despacho (extrato) n.º", "Despacho (extracto) n.º", "Decreto da Assembleia da República n.º",
    "Decreto do Presidente da República n.º", "Resolução do Conselho de Ministros n.º",
    "Resolução da Assembleia da República n.º", "Aviso n.º", "Deliberação n.º", "Regulamento n.º",
    // A regulator's (ERSE, ANACOM, Banco de Portugal, ASF).
    "Diretiva n.º", "Instrução n.º", "Norma Regulamentar n.º", "Declaração de Retificação n.º",
    "Regulamento (UE)", "Regulamento de Execução (UE)", "Regulamento Delegado (UE)",
    "Diretiva (UE)", "Decisão (UE)", "Diretriz/", "Diretriz n.º",
    "Decreto de Aprovação da Constituição", "Carta dos Direitos Fundamentais"};

constexpr std::string_view kNumberSign = " n.º";
// "DL n.º 123/2011, de 29 de Dezembro", "RCM n.º 97/99", as mirror sites of the DR abbreviate a
// decree-law or a resolution, and the kind each stands for.
constexpr std::pair<std::string_view, std::string_view> kAbbreviatedKinds[] = {
    {"DL n.º ", "Decreto-Lei n.º "}, {"RCM n.º ", "Resolução do Conselho de Ministros n.º "}};

// The abbreviated kind `titled` opens with, its number following; nullptr if none.
const std::pair<std::string_view, std::string_view>* AbbreviatedKind(std::string_view titled) {
  for (const auto& kind : kAbbreviatedKinds) {
    if (titled.starts_with(kind.first) && titled.size() > kind.first.size() &&
        IsDigit(titled[kind.first.size()]))
      return &kind;
  }
  return nullptr;
}

// The length of the kind of diploma that opens `titled` when its number follows without "n.º"
// ("Decreto-lei 52/2025", as some sites copy the DR), else 0.
std::size_t KindWithoutNumberSign(std::string_view titled) {
  std::string folded = analysis::Fold(titled);
  for (std::string_view t : kTypes) {
    if (!t.ends_with(kNumberSign)) continue;
    std::string kind = analysis::Fold(t.substr(0, t.size() - kNumberSign.size())) + " ";
    if (folded.starts_with(kind) && folded.size() > kind.size() && IsDigit(folded[kind.size()]) &&
        folded.find('/', kind.size()) != std::string::npos) {
      return t.size() - kNumberSign.size();  // folding keeps the length of these names
    }
  }
  return 0;
}

}  // namespace

std::string ActReferredTo(std::string_view heading) {
  std::size_t open = heading.find("(a que se refere");
  if (open == std::string_view::npos) return {};
  std::size_t close = heading.find(')', open);
  std::string_view inside = heading.substr(
      open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
  // The first kind of act a title opens with (kTypes), at a word's start, whose number follows
  // within a few words: the issuer may stand between ("Despacho do Almirante … n.º 41/2016").
  std::size_t best = std::string_view::npos;
  for (std::string_view type : kTypes) {
    if (!type.ends_with(kNumberSign)) continue;
    std::string kind = std::string(type.substr(0, type.size() - kNumberSign.size())) + " ";
    for (std::size_t at = inside.find(kind); at != std::string_view::npos;
         at = inside.find(kind, at + 1)) {
      if (at > 0 && inside[at - 1] != ' ') continue;
      std::size_t sign = inside.find("n.º ", at);
      if (sign == std::string_view::npos || sign - at > 80) continue;
      std::size_t digit = sign + std::string_view("n.º ").size();
      std::size_t slash = inside.find('/', digit);
      if (digit >= inside.size() || !IsDigit(inside[digit]) || slash == std::string_view::npos ||
          slash - digit > 8)
        continue;
      best = std::min(best, at);
      break;
    }
  }
  if (best == std::string_view::npos) return {};
  return std::string(Trim(inside.substr(best)));
}

std::size_t RunOnTitleLength(std::string_view line) {
  // "# Resolução do Conselho de Ministros n.º 100/2024 — Autoriza um conjunto de …".
  if (std::size_t dash = line.find(" — ");
      dash != std::string_view::npos && dash <= 160 && IsDiplomaTitle(line.substr(0, dash)))
    return dash;
  // "… DO CONSELHO de 26 de outubro de 2016 relativa à …": the title up to its date's year.
  std::string folded = analysis::Fold(line.substr(0, std::min<std::size_t>(line.size(), 200)));
  for (std::string_view month : kMonthNames) {
    std::string needle = " de " + std::string(month) + " de ";
    std::size_t at = folded.find(needle);
    if (at == std::string::npos) continue;
    std::size_t day = at;
    while (day > 0 && IsDigit(folded[day - 1])) --day;
    std::size_t year = at + needle.size();
    if (day == at || at - day > 2 || day < 4 || folded.compare(day - 4, 4, " de ") != 0 ||
        year + 4 > folded.size() ||
        !std::all_of(folded.begin() + year, folded.begin() + year + 4, IsDigit))
      continue;
    // Folding keeps the length of the kinds and months, so the offsets are the line's.
    std::string_view title = Trim(line.substr(0, day - 4));
    if (!title.empty() && title.size() <= 160 && IsDiplomaTitle(title)) return year + 4;
  }
  return std::string_view::npos;
}

bool IsDiplomaTitle(std::string_view line) {
  if (line.size() > 160) return RunOnTitleLength(line) != std::string_view::npos;
  std::string titled = TitleCase(line);
  // In capitals ("DECRETO-LEI N.º 58/95") the case of the kind's words is the copy's, not the
  // law's: compared folded, when the line opens with a capital (not a broken line's "lei n.º").
  std::string folded = analysis::Fold(titled);
  for (auto t : kTypes) {
    if (std::string_view(titled).starts_with(t)) return true;
    if (IsUpperAt(line, 0) && std::string_view(folded).starts_with(analysis::Fold(t))) return true;
  }
  return KindWithoutNumberSign(titled) > 0 || IsEuActTitle(line) ||
         AbbreviatedKind(titled) != nullptr;
}

namespace {

// "Despacho n.º 19 216/2007" -> "Despacho n.º 19216/2007": the DR once set a number's thousands
// apart, and the diploma is cited without the space.
std::string JoinThousands(std::string title) {
  std::size_t sign = title.find(kNumberSign);
  if (sign == std::string::npos) return title;
  std::size_t at = sign + kNumberSign.size();
  if (at < title.size() && title[at] == ' ') ++at;
  std::size_t digits = 0;
  while (at + digits < title.size() && IsDigit(title[at + digits])) ++digits;
  std::size_t space = at + digits;
  if (digits == 0 || digits > 3 || space + 5 > title.size() || title[space] != ' ') return title;
  for (std::size_t k = 1; k <= 3; ++k) {
    if (!IsDigit(title[space + k])) return title;
  }
  if (title[space + 4] == '/') title.erase(space, 1);
  return title;
}

std::string CitedTitleAsWritten(std::string_view titled) {
  if (const auto* kind = AbbreviatedKind(titled))
    return std::string(kind->second) + std::string(titled.substr(kind->first.size()));
  std::size_t kind = KindWithoutNumberSign(titled);
  if (kind == 0) {
    // "Decreto-lei n.º 58/95" (from capitals): the kind as the law writes it.
    for (std::string_view t : kTypes) {
      if (titled.size() > t.size() &&
          analysis::Fold(titled.substr(0, t.size())) == analysis::Fold(t))
        return std::string(t) + std::string(titled.substr(t.size()));
    }
    return std::string(titled);
  }
  for (std::string_view t : kTypes) {
    if (t.ends_with(kNumberSign) && t.size() - kNumberSign.size() == kind &&
        analysis::Fold(t.substr(0, kind)) == analysis::Fold(titled.substr(0, kind)))
      return std::string(t) + std::string(titled.substr(kind));
  }
  return std::string(titled);
}

}  // namespace

std::string CitedTitle(std::string_view titled) {
  return JoinThousands(CitedTitleAsWritten(titled));
}

std::size_t InlineTitleLength(std::string_view line) {
  for (std::string_view dash : {". - ", ". — ", ". – "}) {
    std::size_t at = line.find(dash);
    if (at == std::string_view::npos || at > 120) continue;
    std::string_view title = line.substr(0, at);
    std::size_t series = title.rfind(" (");
    std::string_view bare = series == std::string_view::npos ? title : title.substr(0, series);
    if (IsDiplomaTitle(bare) && (IsDigit(bare.back()) || bare.back() == ')')) return at;
  }
  return 0;
}

std::vector<std::string_view> TitleCells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::string_view title;
  while (!line.empty()) {
    std::size_t gap = line.find("  ");
    std::string_view cell = Trim(line.substr(0, gap));
    if (!cell.empty()) {
      if (title.empty() && IsDiplomaTitle(MendLine(cell))) {
        title = cell;
      } else {
        cells.push_back(cell);
      }
    }
    if (gap == std::string_view::npos) break;
    line.remove_prefix(gap);
    line = Trim(line);
  }
  if (title.empty() || cells.empty()) return {};
  cells.push_back(title);
  return cells;
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

// An EU act of any era as the Official Journal heads it: "REGULAMENTO (UE, Euratom) N.º
// 608/2014 DO CONSELHO", "Regulamento (CE) n.º 1907/2006", "DIRECTIVA 2006/44/CE", "Decisão de
// Execução (UE) 2019/1234": its kind, then the treaty in brackets or a number with one.
bool IsEuActTitle(std::string_view line) {
  std::string folded = analysis::Fold(line);
  // An act the Official Journal numbers below its title and subject, or not at all: its kind and
  // author in capitals, alone on the line ("DECISÃO DA COMISSÃO" / "de 31 de Outubro de 2007" /
  // "que institui …" / "(2007/717/CE)"; EuActNumber).
  if (IsAllCaps(line)) {
    for (std::string_view kind : {"decisão", "decisão de execução", "regulamento",
                                  "regulamento de execução", "diretiva", "directiva"}) {
      for (std::string_view author :
           {" da comissão", " do conselho", " do parlamento europeu e do conselho"}) {
        if (folded.size() == kind.size() + author.size() && folded.starts_with(kind) &&
            std::string_view(folded).substr(kind.size()) == author)
          return true;
      }
    }
  }
  std::string_view rest;
  for (std::string_view kind : {"regulamento de execução ", "regulamento delegado ", "regulamento ",
                                "diretiva de execução ", "diretiva delegada ", "diretiva ",
                                "directiva ", "decisão de execução ", "decisão "}) {
    if (std::string_view(folded).starts_with(kind)) {
      rest = std::string_view(folded).substr(kind.size());
      break;
    }
  }
  if (rest.empty()) return false;
  auto treaty = [](std::string_view t) {
    return t == "ue" || t == "ce" || t == "cee" || t == "euratom" || t == "ue, euratom" ||
           t == "ce, euratom" || t == "jai";
  };
  if (rest.starts_with("(")) {
    std::size_t close = rest.find(')');
    return close != std::string_view::npos && treaty(rest.substr(1, close - 1));
  }
  // "2006/44/ce": the number carries the treaty.
  std::size_t end = rest.find(' ');
  std::string_view number = rest.substr(0, end);
  std::size_t slash = number.rfind('/');
  return slash != std::string_view::npos && IsDigit(number[0]) && treaty(number.substr(slash + 1));
}

namespace {
// The digits that open `s`, and how many there are.
std::size_t LeadingDigits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  return n;
}
}  // namespace

bool IsEuActNumber(std::string_view s) {
  std::size_t year = LeadingDigits(s);
  if ((year != 2 && year != 4) || year + 1 >= s.size() || s[year] != '/') return false;
  s.remove_prefix(year + 1);
  std::size_t number = LeadingDigits(s);
  if (number == 0 || number + 1 >= s.size() || s[number] != '/') return false;
  std::string_view treaty = s.substr(number + 1);
  for (std::string_view t : {"CE", "CEE", "UE", "JAI", "PESC", "Euratom", "CECA"}) {
    if (treaty == t) return true;
  }
  return false;
}

bool IsOjReference(std::string_view s) {
  std::size_t year = LeadingDigits(s);
  if (year != 4 || !s.substr(year).starts_with("/C ")) return false;
  s.remove_prefix(year + 3);
  std::size_t number = LeadingDigits(s);
  if (number == 0 || number + 1 >= s.size() || s[number] != '/') return false;
  s.remove_prefix(number + 1);
  return !s.empty() && LeadingDigits(s) == s.size();
}

// "de 30 de julho" / "de 27 de abril de 2016" -> "07-30" or "2016-04-27" parts.
std::string IsoDate(std::string_view text, std::string_view fallback_year) {
  std::string folded = analysis::Fold(text);
  for (int m = 0; m < 12; ++m) {
    std::string needle = " de " + std::string(kMonthNames[m]);
    std::size_t at = folded.find(needle);
    if (at == std::string::npos) continue;
    std::size_t d_end = at, d_start = at;
    while (d_start > 0 && IsDigit(folded[d_start - 1])) --d_start;
    if (d_start == d_end || d_end - d_start > 2) continue;  // a day has one or two digits
    std::string day = folded.substr(d_start, d_end - d_start);
    std::string year(fallback_year);
    std::size_t after = at + needle.size();
    if (folded.compare(after, 4, " de ") == 0 && after + 8 <= folded.size() &&
        std::all_of(folded.begin() + after + 4, folded.begin() + after + 8, IsDigit))
      year = folded.substr(after + 4, 4);
    if (year.size() != 4) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", year.c_str(), m + 1, std::stoi(day));
    return buf;
  }
  return {};
}

}  // namespace portaria::indexer::diploma
