// The lines that open a diploma's signature (schema/DIPLOMAS.md, the forms whose section is
// "Assinatura"): the closing formulas of a decree ("Visto e aprovado em Conselho de Ministros …",
// "Promulgado em …"), of an EU act ("O presente regulamento é obrigatório …", "Feito em
// Bruxelas, …"), and the place, date and signatory of a Portaria, a Despacho or a resolution.
// Apart from the line loop (diploma_reader.cc): each is a question about one line.
#include <algorithm>
#include <string_view>

#include "indexer/diploma.h"
#include "indexer/diploma_parser.h"

namespace portaria::indexer::diploma {

bool Parser::IsEuSignature(std::string_view s) {
  return s.starts_with("Feito em ") && s.size() < 80 && !IsoDate(s, "").empty();
}

// Place and date of signature: "Presidência do Conselho de Ministros, 22 de março".
bool Parser::IsPlaceAndDate(std::string_view s) {
  std::size_t comma = s.find(", ");
  if (comma == std::string_view::npos || comma > 80 || !IsUpperAt(s, 0)) return false;
  if (s.substr(0, comma).find('.') != std::string_view::npos) return false;
  std::string_view rest = s.substr(comma + 2);
  std::size_t sp = rest.find(' ');
  if (sp == std::string_view::npos || sp > 2 || !IsDigit(rest[0])) return false;
  return rest.substr(sp).starts_with(" de ") && !IsoDate(rest, "2000").empty();
}

// "Presidência do Conselho de Ministros, 23 de Setembro de 1999. - O Primeiro-Ministro, …": the
// place, the date and the signatory on one line, in any layout (a mirror site's copy of a
// resolution separates its paragraphs by blank lines, as DRE does).
bool Parser::IsDatedSignature(std::string_view s) {
  std::size_t dash = s.find(". - ");
  if (dash == std::string_view::npos) dash = s.find(". — ");
  return dash != std::string_view::npos && dash <= 100 && IsPlaceAndDate(s.substr(0, dash));
}

bool Parser::IsSignature(std::string_view s) {
  // The closing formulas, each of which may be the first line left of the block ("Publique-se."
  // where a copy lost the lines before it).
  for (std::string_view lead :
       {"Visto e aprovado em Conselho de Ministros", "Aprovada em ", "Aprovado em ",
        "Promulgada em ", "Promulgado em ", "Publique-se", "Referendada em ", "Referendado em "}) {
    if (s.starts_with(lead)) return true;
  }
  // A Portaria of the 1990s: "Assinada em 20 de Agosto de 1997." under its ministry's name.
  for (std::string_view lead : {"Assinada em ", "Assinado em "}) {
    if (s.starts_with(lead) && !IsoDate(s.substr(lead.size()), "").empty()) return true;
  }
  // The Official Journal's closing formulas, after the last article: what binds whom, not a
  // número of that article.
  for (std::string_view lead : {"O presente regulamento é obrigatório em todos os seus elementos",
                                "A presente decisão é obrigatória em todos os seus elementos",
                                "Os Estados-Membros são os destinatários da presente"}) {
    if (s.starts_with(lead)) return true;
  }

  // A member of the Government signs a Portaria or a Despacho: "O Ministro da Solidariedade
  // e da Segurança Social, Pedro Mota Soares, em 27 de abril de 2012."
  for (std::string_view lead :
       {"O Ministro ", "A Ministra ", "O Secretário de Estado ", "A Secretária de Estado ",
        "O Primeiro-Ministro, ", "Pelo Ministro ", "Pela Ministra ", "Pelo Primeiro-Ministro, "}) {
    if (s.starts_with(lead) && s.find(", em ") != std::string_view::npos) return true;
  }
  return IsDateAndSignatory(s) || IsPlaceAndDate(s);
}

// The 2.ª série's date and signatory on one line: "12 de maio de 2022. — O Secretário de Estado
// do Orçamento, João Nuno Mendes."; older copies set it off with a hyphen ("12 de Março de 2001.
// - O Secretário-Geral, …"). A closing line in any layout.
bool Parser::IsDateAndSignatory(std::string_view s) {
  for (std::string_view mark : {". — ", ". - "}) {
    if (std::size_t dash = s.find(mark); dash != std::string_view::npos && dash <= 24 &&
                                         IsDigit(s[0]) && !IsoDate(s.substr(0, dash), "").empty())
      return true;
  }
  return false;
}

// The name of an instrument that a signed text approves, on the line after the signature: a
// kind of instrument ("Regulamento …", "Instrução técnica relativa …", "Estatutos …"), several
// words, no sentence's stop.
bool Parser::NamesApprovedInstrument(std::string_view s) {
  if (s.ends_with(".") || s.ends_with(";") || s.ends_with(":") ||
      std::count(s.begin(), s.end(), ' ') < 3)
    return false;
  for (std::string_view kind :
       {"Regulamento ", "Instrução ", "Estatutos ", "Estatuto ", "Código ", "Normas ", "Norma ",
        "Regime ", "Manual ", "Plano ", "Programa ", "Protocolo ", "Acordo ", "Contrato ",
        "Caderno de ", "Carta ", "Política ", "Procedimento ", "Tabela "}) {
    if (s.starts_with(kind)) return true;
  }
  return false;
}

}  // namespace portaria::indexer::diploma
