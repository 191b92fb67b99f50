// The fixes made inside one line of a diploma's text (MendLine, schema/DIPLOMAS.md, Cleaning):
// what a PDF's extraction, an OCR or a copy broke within the line (OCR ordinals, the DR's space
// before a hyphen, a sentence glued to the next) and the consolidation's notes and markers it
// left there. Apart from the cleaning of whole lines (diploma_text.cc), which calls it.
#include <algorithm>
#include <cctype>
#include <string>

#include "indexer/diploma.h"

namespace portaria::indexer::diploma {
namespace {

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = s->find(from, at)) != std::string::npos; at += to.size())
    s->replace(at, from.size(), to);
}

// What a PDF converter wrote in TeX where it read superscripts: the ordinal sign of "n.º" and
// "16.º" as "${ }^{\circ}$" or "$^{\circ}$", with the number it follows or precedes set as
// math ("artigo $16 .^{\circ}$", "n. ${ }^{\circ} 9 / 2022-R$", "$158 / 2009$"), a note's call
// as "${ }^{2}$". Each such span becomes the text it stands for ("artigo 16.º", "n.º
// 9/2022-R", "158/2009", the call dropped); one with TeX of another kind is left as written.
void MendTex(std::string* text) {
  std::string& s = *text;
  for (std::size_t at = 0; (at = s.find('$', at)) != std::string::npos;) {
    std::size_t end = s.find('$', at + 1);
    if (end == std::string::npos) break;
    // TeX's inline math hugs its dollars ("$16 .^{\circ}$"), set off from the words around it;
    // a price's "5 $ e 6 $" does not hug them, and the escudo's "50000$00 a 250000$00" is
    // not set off.
    auto word = [&](std::size_t k) { return std::isalnum(static_cast<unsigned char>(s[k])) != 0; };
    if (end - at > 60 || end == at + 1 || s[at + 1] == ' ' || s[end - 1] == ' ' ||
        (at > 0 && word(at - 1)) || (end + 1 < s.size() && word(end + 1))) {
      at = end;
      continue;
    }
    std::string inner = s.substr(at + 1, end - at - 1);
    for (std::size_t m; (m = inner.find("\\mathrm{")) != std::string::npos;) {
      std::size_t close = inner.find('}', m);
      if (close == std::string::npos) break;
      inner.replace(close, 1, "");
      inner.replace(m, std::string_view("\\mathrm{").size(), "");
    }
    ReplaceAll(&inner, "[\\cdots]", "[…]");
    ReplaceAll(&inner, "\\%", "%");
    ReplaceAll(&inner, "{ }", "");
    ReplaceAll(&inner, "^{\\circ}", "º");
    ReplaceAll(&inner, "{\\circ}", "º");
    for (std::size_t c; (c = inner.find("^{")) != std::string::npos;) {  // a note's call
      std::size_t close = inner.find('}', c);
      if (close == std::string::npos ||
          !AllDigits(std::string_view(inner).substr(c + 2, close - c - 2)))
        break;
      inner.erase(c, close - c + 1);
    }
    bool tex = inner.find_first_of("\\{}^$") != std::string::npos;
    bool plain = std::all_of(inner.begin(), inner.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '/' || c == '-' ||
             c == '.' || c == '%' || static_cast<unsigned char>(c) >= 0x80 || c == '[' || c == ']';
    });
    if (tex || !plain) {
      at = end + 1;
      continue;
    }
    ReplaceAll(&inner, " / ", "/");
    ReplaceAll(&inner, " .º", ".º");
    std::string_view trimmed = Trim(inner);
    std::string mended(trimmed);
    // "1-[…]": a quoted número whose text the amendment leaves out.
    if (std::size_t dash = mended.find("-[…]"); dash != std::string::npos && dash > 0 &&
                                                AllDigits(std::string_view(mended).substr(0, dash)))
      mended.replace(dash, 1, " - ");
    std::size_t from = at;
    if (mended.starts_with("º")) {
      // "n. ${ }^{\circ}$" -> "n.º", "artigo 4 . $^{\circ}$" -> "artigo 4.º".
      while (from > 0 && s[from - 1] == ' ') --from;
      if (from > 0 && s[from - 1] == '.') {
        std::size_t dot = from - 1;
        while (dot > 0 && s[dot - 1] == ' ') --dot;
        if (dot < from - 1) {
          s.erase(dot, from - 1 - dot);
          end -= from - 1 - dot;
          from = dot + 1;
        }
      }
    }
    s.replace(from, end + 1 - from, mended);
    at = from + mended.size();
  }
}

}  // namespace

std::string MendLine(std::string_view line) {
  std::string s(line);
  // Consolidation notes: "**Alterações** Alterado pelo/a …" runs to the end of the line.
  if (std::size_t at = s.find("**Alterações**"); at != std::string::npos) s.resize(at);
  ReplaceAll(&s, "**LEGISLAÇÃO CONSOLIDADA**", "");
  ReplaceAll(&s, "LEGISLAÇÃO CONSOLIDADA", "");
  // EUR-Lex's consolidation markers: "►B", "▼M1" open the text of the act or of an amending
  // act, "◄" closes an inserted passage.
  for (std::string_view marker : {"►", "▼"}) {
    for (std::size_t at; (at = s.find(marker)) != std::string::npos;) {
      std::size_t end = at + marker.size();
      if (end < s.size() && std::isupper(static_cast<unsigned char>(s[end]))) ++end;
      while (end < s.size() && IsDigit(s[end])) ++end;
      while (end < s.size() && s[end] == ' ') ++end;
      s.erase(at, end - at);
    }
  }
  ReplaceAll(&s, "◄", "");
  // Soft hyphens (U+00AD) left inside a line: invisible, they only say where a word may break.
  ReplaceAll(&s, "\u00ad", "");
  // Footnote calls "(^1 )" and the caret of "n.o^ 1".
  for (std::size_t at; (at = s.find("(^")) != std::string::npos;) {
    std::size_t close = s.find(')', at);
    if (close == std::string::npos || close - at > 8) break;
    s.erase(at, close - at + 1);
  }
  if (s.find('$') != std::string::npos) MendTex(&s);
  ReplaceAll(&s, "^", "");
  // The OJ PDF's footnote calls as some copies give them: "… mercado interno ( 1 )."
  for (std::size_t at = 0; (at = s.find("( ", at)) != std::string::npos;) {
    std::size_t close = s.find(" )", at);
    if (close != std::string::npos && close > at + 2 && close - at <= 5 &&
        AllDigits(std::string_view(s).substr(at + 2, close - at - 2))) {
      std::size_t from = at > 0 && s[at - 1] == ' ' ? at - 1 : at;
      s.erase(from, close + 2 - from);
      at = from;
    } else {
      ++at;
    }
  }
  ReplaceAll(&s, " n. os ", " n.os ");  // "n. os 1 e 2": the plural of an OCR "n.º"
  // EUR-Lex's page sets a space before a comma after a date ("de 21 de maio de 2013 , relativo").
  ReplaceAll(&s, " , ", ", ");
  // EUR-Lex's page gives the superscript "º" of "n.º" as " o" ("Regulamento (UE) n. o  526/2013").
  ReplaceAll(&s, " n. o  ", " n.º ");
  ReplaceAll(&s, " n. o ", " n.º ");
  ReplaceAll(&s, " N. o ", " N.º ");
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // OCR ordinals: "17.o" / "25. o" / "n.o" / "N.o" -> "º" when no letter follows the o.
    if (c == '.' && i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == 'n' || s[i - 1] == 'N')) {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == ' ' && IsDigit(s[i - 1])) ++j;
      if (j < s.size() && s[j] == 'o' && !IsLetterAt(s, j + 1) &&
          !(j + 1 < s.size() && s[j + 1] == 's' && s[i - 1] != 'n')) {
        bool name = s[i - 1] == 'n' || s[i - 1] == 'N';
        if (!name || i < 2 || !IsLetterAt(s, i - 2)) {
          out += ".º";
          i = j;
          continue;
        }
      }
    }
    // The DR's space before a hyphen ("aplica -se", "decreto -lei") and the OJ's doubled
    // hyphen across a line ("Estados- -Membros").
    if (c == ' ' && !out.empty() &&
        (std::isalpha(static_cast<unsigned char>(out.back())) ||
         static_cast<unsigned char>(out.back()) >= 0x80)) {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      if (j + 1 < s.size() && s[j] == '-' && IsLetterAt(s, j + 1)) {
        i = j - 1;  // drop the spaces ("entende  -se"); the hyphen follows
        continue;
      }
    }
    // ... also between an acronym and its number ("COVID -19", "SHA -256"), though not after a
    // word ("de -5 ºC").
    if (c == ' ' && !out.empty() && std::isupper(static_cast<unsigned char>(out.back()))) {
      std::size_t caps = 0;
      while (caps < out.size() &&
             std::isupper(static_cast<unsigned char>(out[out.size() - 1 - caps])))
        ++caps;
      bool word_start = caps == out.size() || !IsLetterAt(out, out.size() - 1 - caps);
      if (caps >= 2 && word_start && i + 2 < s.size() && s[i + 1] == '-' && IsDigit(s[i + 2]))
        continue;  // drop the space; the hyphen follows
    }
    // ... also after a number, in a diploma's number or a span of years ("Lei n.º 7 -A/2016",
    // "2021 -2030"), never at the start of a line, where "1 -" would be a número.
    if (c == ' ' && !out.empty() && IsDigit(out.back()) && i + 2 < s.size() && s[i + 1] == '-') {
      std::size_t digits = 0;
      while (digits < out.size() && IsDigit(out[out.size() - 1 - digits])) ++digits;
      bool inside = digits < out.size() && out[out.size() - 1 - digits] == ' ';
      bool suffix = IsUpperAt(s, i + 2) && i + 3 < s.size() && s[i + 3] == '/';
      std::size_t after = 0;
      while (i + 2 + after < s.size() && IsDigit(s[i + 2 + after])) ++after;
      bool span = digits == 4 && after == 4;     // years; "10 -15 dias" is left as written
      if (inside && (suffix || span)) continue;  // drop the space; the hyphen follows
    }
    if (c == '-' && i + 2 < s.size() && s[i + 1] == ' ' && s[i + 2] == '-' && i > 0 &&
        IsLetterAt(s, i - 1)) {
      out += '-';
      i += 2;
      continue;
    }
    // A sentence glued to the next where a copy lost the break between lines: "… da sua
    // publicação.O Ministro …" (one word to the analyser, which keeps "U.E." whole).
    bool lower_before =
        !out.empty() && (IsLowerAt(out, out.size() - 1) ||
                         (out.size() >= 2 && static_cast<unsigned char>(out.back()) >= 0x80 &&
                          IsLowerAt(out, out.size() - 2)));
    if (c == '.' && lower_before && i + 2 < s.size() && IsUpperAt(s, i + 1)) {
      std::size_t after = i + 1 + (static_cast<unsigned char>(s[i + 1]) >= 0x80 ? 2 : 1);
      if (after < s.size() && (s[after] == ' ' || IsLowerAt(s, after))) {
        out += ". ";
        continue;
      }
    }
    out += c;
  }
  // Dot leaders of tables of contents and annex tables (". . . . ." or "......").
  for (std::size_t at; (at = out.find(". . . ")) != std::string::npos;) {
    std::size_t end = at;
    while (end + 1 < out.size() && out[end] == '.' && out[end + 1] == ' ') end += 2;
    out.replace(at, end - at, " ");
  }
  for (std::size_t at; (at = out.find("....")) != std::string::npos;) {
    std::size_t end = at;
    while (end < out.size() && out[end] == '.') ++end;
    out.replace(at, end - at, " ");
  }
  return out;
}

}  // namespace portaria::indexer::diploma
