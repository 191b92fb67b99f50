// Page furniture: what the page layout of the Diário da República, the Official Journal, a
// Council document or a website adds around the law, recognised line by line.
#include "indexer/diploma_furniture.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "analysis/text.h"

namespace portaria::indexer::diploma {
namespace {

bool IsMonth(std::string_view w) {
  std::string folded = analysis::Fold(w);
  return std::find(std::begin(kMonthNames), std::end(kMonthNames), folded) != std::end(kMonthNames);
}

// "7.6.2014", "24.7.2026": a date as the Official Journal's head gives it.
bool IsDottedDate(std::string_view s) {
  return s.size() >= 8 && s.size() <= 10 && std::count(s.begin(), s.end(), '.') == 2 &&
         std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c) || c == '.'; });
}

// A Council of the EU document's page footer: its number, the drafters' initials and the page,
// "PE-CONS 62/17 JPP/ds 62", "ST 9876/18 AB/cd 4".
bool IsCouncilDocumentFooter(std::string_view s) {
  std::string_view rest;
  if (s.starts_with("PE-CONS ")) {
    rest = s.substr(8);
  } else if (s.starts_with("ST ")) {
    rest = s.substr(3);
  } else {
    return false;
  }
  std::size_t sp = rest.find(' ');
  std::size_t slash = rest.find('/');
  if (sp == rest.npos || slash == rest.npos || slash > sp || slash == 0 ||
      !AllDigits(rest.substr(0, slash)) || !AllDigits(rest.substr(slash + 1, sp - slash - 1)))
    return false;
  std::string_view initials = rest.substr(sp + 1);
  if (std::size_t page = initials.find(' '); page != initials.npos) {
    if (!AllDigits(initials.substr(page + 1))) return false;
    initials = initials.substr(0, page);
  }
  std::size_t mark = initials.find('/');
  if (mark == initials.npos || mark == 0 || mark + 1 == initials.size() || initials.size() > 12)
    return false;
  return std::all_of(initials.begin(), initials.begin() + mark,
                     [](char c) { return std::isupper(static_cast<unsigned char>(c)); }) &&
         std::all_of(initials.begin() + mark + 1, initials.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// The directorate under that footer: a directorate-general and its unit ("DGB 1B", "DGC 2A") or
// a service and its number ("GIP.1", "LIFE.2"). Not "ANEXO 1" or "PARTE 2": only a "DG" code
// takes a space.
bool IsCouncilDirectorate(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  std::size_t letters = 0;
  while (letters < s.size() && upper(s[letters])) ++letters;
  if (letters < 2 || letters > 6 || letters + 2 > s.size()) return false;
  bool dg = letters == 3 && s.starts_with("DG") && s[letters] == ' ';
  if (!dg && s[letters] != '.') return false;
  std::string_view unit = s.substr(letters + 1);
  return (unit.size() == 1 && IsDigit(unit[0])) ||
         (unit.size() == 2 && IsDigit(unit[0]) && upper(unit[1]));
}

}  // namespace

bool IsDateLine(std::string_view s) {
  std::size_t sp = s.find(' ');
  if (sp == std::string_view::npos || !AllDigits(s.substr(0, sp)) || sp > 2) return false;
  s.remove_prefix(sp + 1);
  if (!s.starts_with("de ")) return false;
  s.remove_prefix(3);
  sp = s.find(' ');
  if (sp == std::string_view::npos || !IsMonth(s.substr(0, sp))) return false;
  s.remove_prefix(sp + 1);
  return s.starts_with("de ") && AllDigits(s.substr(3)) && s.size() == 7;
}

bool IsPageNumber(std::string_view s) {
  std::size_t digits = 0;
  while (digits < s.size() && IsDigit(s[digits])) ++digits;
  if (digits == 0) return false;
  std::string_view rest = s.substr(digits);
  return rest.empty() || (rest.size() >= 4 && rest.starts_with("-(") && rest.back() == ')' &&
                          AllDigits(rest.substr(2, rest.size() - 3)));
}

std::string_view HeaderDate(std::string_view s) {
  constexpr std::string_view kPage = " Pág. ";
  std::size_t pag = s.rfind(kPage);
  if (!s.starts_with("N.º ") || pag == s.npos || !IsPageNumber(s.substr(pag + kPage.size())))
    return {};
  constexpr std::string_view kNumber = "N.º ";
  std::size_t sp = s.find(' ', kNumber.size());
  if (sp == s.npos || sp >= pag || !AllDigits(s.substr(kNumber.size(), sp - kNumber.size())))
    return {};
  std::string_view date = s.substr(sp + 1, pag - sp - 1);
  return IsDateLine(date) ? date : std::string_view();
}

// The Official Journal's head since it publishes act by act (October 2023), under "Jornal
// Oficial da União Europeia — PT Série L": the act's number and the date, "2026/1744 —
// 24.7.2026".
bool IsOjActHead(std::string_view s) {
  constexpr std::string_view kDash = " — ";
  std::size_t slash = s.find('/'), dash = s.find(kDash);
  if (slash != 4 || dash == s.npos || !AllDigits(s.substr(0, 4)) ||
      !AllDigits(s.substr(5, dash - 5)))
    return false;
  return IsDottedDate(s.substr(dash + kDash.size()));
}

Furniture Classify(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.empty()) return Furniture::kBlank;
  // Strong: never law text. DR headers (both layouts) and Official Journal running heads; the
  // 2018 header with its page number on the line, before it on even pages ("4012 Diário da
  // República, 1.ª série — N.º 155 — …", a supplement's "6328-(10)  Diário da República, …")
  // as some extractions give it.
  std::string_view header = s;
  if (std::size_t sp = header.find(' ');
      sp != header.npos && sp <= 12 && IsPageNumber(header.substr(0, sp)))
    header = Trim(header.substr(sp + 1));
  if (header.starts_with("Diário da República, ") && header.size() < 100 &&
      header.find("série") != header.npos)
    return Furniture::kStrong;
  if (s.starts_with("Pág. ") && AllDigits(s.substr(std::strlen("Pág. "))))
    return Furniture::kStrong;
  // The 2022 header as some extractions break it: "Diário da República, 1." / "ª série" /
  // "N.º 210 31 de outubro de 2022 Pág. 5".
  if (s.starts_with("Diário da República, ") && s.size() <= 26 && s.back() == '.')
    return Furniture::kStrong;
  if (s.starts_with("ª série") && s.size() < 80) return Furniture::kStrong;
  if (IsSeriesLine(s)) return Furniture::kStrong;  // the 2024 header's last line
  if (s.size() < 64 && s.starts_with("N.º ") && !HeaderDate(s).empty()) return Furniture::kStrong;
  // A mirror site's own labels around the DR's text.
  if (s == "Partilhar:" || s == "Texto do documento") return Furniture::kStrong;
  // EUR-Lex's page around an act's text, in English whatever the language: its banner, the
  // document's CELEX number, legal status and ELI.
  for (std::string_view eurlex :
       {"EUR-Lex Access to European Union law", "Back to EUR-Lex homepage",
        "This document is an excerpt from the EUR-Lex website", "Legal status of the document",
        "ELI: http"}) {
    if (s.starts_with(eurlex)) return Furniture::kStrong;
  }
  if (s.starts_with("Document ") && s.size() <= 24 && AllDigits(s.substr(9, 5)) && s.size() > 14)
    return Furniture::kStrong;  // "Document 32013R0526": the CELEX number
  if (s.find("Jornal Oficial da União Europeia") != s.npos && s.size() < 120 &&
      s.find(" PT ") != s.npos)
    return Furniture::kStrong;
  // EUR-Lex's consolidated text: "02019L1937 — PT — 02.05.2023 — 002.001 — 2" (the act's
  // CELEX number, language, date and version of the consolidation, page).
  if (s.size() < 64 && s.size() > 10 && s[0] == '0' && AllDigits(s.substr(0, 5)) &&
      s.find(" — PT — ") != s.npos)
    return Furniture::kStrong;
  if (s == "Jornal Oficial da União Europeia") return Furniture::kStrong;  // EUR-Lex's HTML head
  if (IsCouncilDocumentFooter(s)) return Furniture::kStrong;
  // Weak: law text only in rare cases, so dropped only next to a page break or strong line.
  // The rest of that head: "7.6.2014", "PT", "L 168/29".
  if (s == "PT") return Furniture::kWeak;
  // The rest of a Council document's footer: its directorate ("DGB 1B", "GIP.1", "LIFE.2").
  if (IsCouncilDirectorate(s)) return Furniture::kWeak;
  if (s.size() <= 12 && s.size() >= 5 && (s[0] == 'L' || s[0] == 'C') && s[1] == ' ' &&
      s.find('/') != s.npos && IsDigit(s[2]))
    return Furniture::kWeak;
  if (IsDottedDate(s)) return Furniture::kWeak;
  if (AllDigits(s) && s.size() <= 12) return Furniture::kWeak;  // page number, DR doc code
  // size() >= 2: a line that is only "." has no letter before its dot to look at.
  if (s.size() >= 2 && s.size() <= 6 && s.back() == '.' && s[s.size() - 2] == 'v' &&
      AllDigits(s.substr(0, s.size() - 2)))
    return Furniture::kWeak;  // "1v." (verso page numbers of a scanned guideline)
  if (s.starts_with("N.º ") && AllDigits(s.substr(std::strlen("N.º ")))) return Furniture::kWeak;
  if (s == "www.dre.pt" || (s.starts_with("PARTE ") && s.size() == 7)) return Furniture::kWeak;
  if (IsDateLine(s)) return Furniture::kWeak;
  if (!DashedDate(s).empty() || IsPageOfPages(s)) return Furniture::kWeak;
  if (IsOjActHead(s)) return Furniture::kWeak;
  return Furniture::kNone;
}

bool IsFootnoteSeparator(std::string_view raw) {
  return raw.size() >= 20 && Trim(raw).empty() && raw.find_first_not_of(" \t") == raw.npos;
}

bool IsOjFootnote(std::string_view s) { return Trim(s).starts_with("(^"); }

bool OpensNumberedNote(std::string_view s) {
  s = Trim(s);
  std::size_t close = s.find(") ");
  return s.starts_with("(") && close != s.npos && close > 1 && close <= 4 &&
         AllDigits(s.substr(1, close - 1));
}

bool IsSeriesLine(std::string_view s) {
  s = Trim(s);
  return s.size() == std::string_view("1.ª série").size() && IsDigit(s[0]) &&
         s.substr(1) == ".ª série";
}

bool IsPageOfPages(std::string_view s) {
  s = Trim(s);
  std::size_t slash = s.find('/');
  if (slash == s.npos || slash == 0 || slash > 3 || s.size() - slash - 1 > 3) return false;
  std::string_view page = s.substr(0, slash), pages = s.substr(slash + 1);
  return AllDigits(page) && AllDigits(pages) &&
         std::stoi(std::string(page)) <= std::stoi(std::string(pages));
}

std::string DashedDate(std::string_view s) {
  s = Trim(s);
  if (s.size() != 10 || s[2] != '-' || s[5] != '-' || !AllDigits(s.substr(0, 2)) ||
      !AllDigits(s.substr(3, 2)) || !AllDigits(s.substr(6)))
    return {};
  int day = std::stoi(std::string(s.substr(0, 2))), month = std::stoi(std::string(s.substr(3, 2)));
  if (day < 1 || day > 31 || month < 1 || month > 12) return {};
  return std::to_string(day) + " de " + std::string(kMonthNames[month - 1]) + " de " +
         std::string(s.substr(6));
}

bool IsPageHeader(std::string_view line) { return Classify(line) == Furniture::kStrong; }

}  // namespace portaria::indexer::diploma
