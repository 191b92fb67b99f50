// The lines that name a diploma (schema/DIPLOMAS.md, "Structure"): its title as the DR, the OJ,
// mirror sites and repositories write it, the title cited as the law cites it, the act an annex
// belongs to, and the date a title gives. The reader (diploma_head.cc) decides which line is the
// act's title; these only say what a line is.
#include <algorithm>
#include <cstdio>

#include "analysis/text.h"
#include "indexer/diploma.h"

namespace portaria::indexer::diploma {
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
