#include "indexer/units.h"

#include <array>
#include <string>

#include "analysis/text.h"

namespace portaria::indexer {
namespace {

// Nouns that head the name of an organic unit of the Portuguese or Brazilian public
// administration (accent-free, lower case, singular and plural), also as spelt before the 1990
// orthographic agreement, which diplomas used until about 2011 ("Direcção", "Inspecção").
constexpr std::array<std::string_view, 48> kUnitNouns = {
    "centro",        "centros",      "servico",      "servicos",     "departamento",
    "departamentos", "gabinete",     "gabinetes",    "unidade",      "unidades",
    "direcao",       "direcoes",     "divisao",      "divisoes",     "nucleo",
    "nucleos",       "instituto",    "institutos",   "conselho",     "conselhos",
    "secretaria",    "secretarias",  "diretoria",    "diretorias",   "superintendencia",
    "coordenacao",   "coordenacoes", "comissao",     "comissoes",    "agencia",
    "agencias",      "autoridade",   "ministerio",   "procuradoria", "ouvidoria",
    "inspecao",      "inspecoes",    "reparticao",   "delegacao",    "delegacoes",
    "tribunal",      "camara",       "observatorio", "fundo",        "direccao",
    "direccoes",     "inspeccao",    "inspeccoes"};

// Words introducing what a unit does rather than naming another unit.
constexpr std::array<std::string_view, 8> kSubheadings = {
    "competencias", "competencia", "atribuicoes", "missao",
    "organizacao",  "estrutura",   "funcoes",     "atribuicao"};

std::string CleanHeading(std::string_view heading) {
  std::string s;
  for (char c : heading) {
    if (c != '*' && c != '_' && c != '#') s.push_back(c);
  }
  s = analysis::NormalizeSpace(s);
  while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == ';')) s.pop_back();
  return s;
}

// The first word, up to a space or hyphen ("Direção-Geral" -> "direcao"), folded.
std::string FirstWord(std::string_view s) {
  std::size_t end = s.find_first_of(" -");
  return analysis::FoldAndStrip(s.substr(0, end));
}

bool Contains(auto& list, std::string_view word) {
  for (auto w : list) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

std::string UnitFromHeading(std::string_view heading) {
  std::string h = CleanHeading(heading);
  if (h.empty()) return {};
  std::string_view rest = h;
  // "Competências dos Serviços Locais" names the unit after the contraction.
  if (Contains(kSubheadings, FirstWord(rest))) {
    std::size_t sp = rest.find(' ');
    if (sp == std::string_view::npos) return {};
    rest.remove_prefix(sp + 1);
    std::string prep = FirstWord(rest);
    if (prep == "do" || prep == "da" || prep == "dos" || prep == "das" || prep == "de") {
      std::size_t sp2 = rest.find(' ');
      if (sp2 == std::string_view::npos) return {};
      rest.remove_prefix(sp2 + 1);
    }
  }
  if (!Contains(kUnitNouns, FirstWord(rest))) return {};
  // A unit name is capitalised (or all capitals): "Centro Nacional de Pensões".
  unsigned char first = static_cast<unsigned char>(rest.front());
  if (first >= 'a' && first <= 'z') return {};
  return std::string(rest);
}

bool IsUnitSubheading(std::string_view heading) {
  std::string h = CleanHeading(heading);
  return Contains(kSubheadings, FirstWord(h));
}

}  // namespace portaria::indexer
