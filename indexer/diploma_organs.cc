// An organ's name as a sentence writes it (ReadOrgan), the organ an article's epígrafe names, and
// the abbreviations a diploma defines, so that "Compete ao CNP:" names the Centro. The sentence
// that introduces a competence list is read in diploma_competence.cc.
#include "indexer/diploma_organs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/units.h"

namespace portaria::indexer::diploma {

bool IsInfinitive(std::string_view w) {
  // The adjectives in -ar that name organs.
  static constexpr std::array<std::string_view, 18> kAdjectives = {
      "militar",      "escolar",     "familiar",   "nuclear",     "auxiliar",   "regular",
      "singular",     "titular",     "particular", "parlamentar", "hospitalar", "consular",
      "complementar", "disciplinar", "preliminar", "popular",     "similar",    "polar"};
  if (w.size() < 5 || !IsLowerAt(w, 0)) return false;
  if (!w.ends_with("ar") && !w.ends_with("er") && !w.ends_with("ir")) return false;
  return std::find(kAdjectives.begin(), kAdjectives.end(), w) == kAdjectives.end();
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  while (!s.empty()) {
    std::size_t start = s.find_first_not_of(' ');
    if (start == std::string_view::npos) break;
    s.remove_prefix(start);
    std::size_t end = s.find(' ');
    words.push_back(s.substr(0, end));
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  return words;
}

bool IsConnector(std::string_view w) {
  for (std::string_view c :
       {"de", "da", "do", "das", "dos", "e", "para", "a", "à", "em", "ao", "aos", "às"}) {
    if (w == c) return true;
  }
  return false;
}

bool IsContraction(std::string_view w) {
  for (std::string_view c : {"ao", "à", "aos", "às", "do", "da", "dos", "das", "de", "a"}) {
    if (w == c) return true;
  }
  // Both genders written at once: "Compete ao/à Presidente", "Competências do/a Presidente".
  if (std::size_t slash = w.find('/'); slash != std::string_view::npos && slash > 0) {
    std::string_view right = w.substr(slash + 1);
    return IsContraction(w.substr(0, slash)) &&
           (IsContraction(right) || right == "o" || right == "os" || right == "as");
  }
  return false;
}

bool IsCompetenceVerb(std::string_view v) {
  while (!v.empty() && (v.back() == ',' || v.back() == ':')) v.remove_suffix(1);
  for (std::string_view verb : {"compete", "competem", "cabe", "cabem", "incumbe", "incumbem"}) {
    if (v == verb) return true;
  }
  return false;
}

std::string_view Bare(std::string_view w, bool* ends) {
  *ends = false;
  while (!w.empty() && (w.back() == ',' || w.back() == ':' || w.back() == ';' || w.back() == '.')) {
    // "CERT.PT" keeps its inner dots; only a final one ends the name.
    *ends = true;
    w.remove_suffix(1);
  }
  return w;
}

std::string ReadOrgan(const std::vector<std::string_view>& words, std::size_t from) {
  if (from >= words.size()) return {};
  std::vector<std::string_view> taken;
  bool capitalised = IsUpperAt(words[from], 0);
  // A post named by the service it heads: "diretora dos Serviços de Apoio Técnico e
  // Administração", "director da Direcção de Titularidade e Transacção".
  // Read, like any lower-case name, up to the punctuation that closes it, but further.
  // Also "directora de serviços de Apoio e Secretariado": the service's kind in lower case.
  bool heads = !capitalised && from + 2 < words.size() && IsConnector(words[from + 1]) &&
               (IsUpperAt(words[from + 2], 0) ||
                (from + 4 < words.size() && !words[from + 2].ends_with(",") &&
                 IsConnector(words[from + 3]) && IsUpperAt(words[from + 4], 0)));
  // A lower-case name is a few words (6), unless it runs to the colon that opens its list, up
  // to 14: an organ named by what it does ("Compete à entidade que licencia ou autoriza o
  // projeto:"), or two ("cabe à entidade de controlo de mercado competente ou à entidade
  // reguladora do setor:").
  std::size_t lower_limit = heads ? 11 : 6;
  if (!capitalised && !heads && words.size() - from <= 14 && words.back().ends_with(":")) {
    lower_limit = 14;
  }
  // Or up to 10, when a comma closes it there in a list's intro: "Compete aos titulares dos
  // cargos de direcção superior de 1.º grau, no âmbito da gestão geral do respectivo serviço:".
  bool intro = words.back().ends_with(":");
  for (std::size_t i = from; intro && !capitalised && i < words.size() && i - from < 10; ++i) {
    if (IsInfinitive(words[i])) break;
    if (words[i].ends_with(",")) {
      lower_limit = std::max(lower_limit, i - from + 1);
      break;
    }
  }
  // Up to 20 words: "Direção de Serviços de Sinalização Marítima e de Apoio às Capitanias dos
  // Portos do Continente" has 15.
  for (std::size_t i = from; i < words.size() && taken.size() < 20; ++i) {
    bool ends = false;
    std::string_view w = Bare(words[i], &ends);
    if (w.empty() || w.front() == '(') break;
    // After the service's capitalised name a lower-case word is what the sentence goes on with
    // ("… Sinalização Marítima competência para:"); after a connector it is part of the name
    // ("… Direcção-Geral da administração Interna").
    if (heads && !taken.empty() && IsUpperAt(taken.back(), 0) && !IsUpperAt(w, 0) &&
        !IsConnector(w))
      break;
    if (capitalised) {
      if (!IsUpperAt(w, 0) && !IsConnector(w)) break;
    } else if (!taken.empty() && !heads && IsInfinitive(w)) {
      break;  // "Compete à área operacional assessorar, …": the verb ends the organ
    } else if (taken.size() >= lower_limit) {
      return {};  // a lower-case phrase with no end in sight is not a name
    }
    taken.push_back(w);
    if (ends) break;
    if (!capitalised && i + 1 == words.size()) break;
  }
  while (!taken.empty() && IsConnector(taken.back())) taken.pop_back();
  std::string organ;
  for (auto w : taken) {
    if (!organ.empty()) organ += ' ';
    organ += w;
  }
  // The legal form after the name's comma is part of its name as the text writes it: "a AMA, I.
  // P., deve …", "Compete ao ISS, I. P.:".
  if (capitalised && !taken.empty()) {
    std::size_t at = from + taken.size();
    if (at - 1 < words.size() && words[at - 1].ends_with(",")) {
      std::string form;
      for (std::size_t i = at; i < words.size() && i < at + 3; ++i) {
        bool ends = false;
        std::string_view w = Bare(words[i], &ends);
        form += (form.empty() ? "" : " ") + std::string(w) + ".";
        std::string written = organ + ", " + form;
        if (WithoutLegalForm(written) == organ.size()) {
          organ = std::move(written);
          break;
        }
        if (ends && !words[i].ends_with(".")) break;
      }
    }
  }
  // Posts of several places in one: "nos directores regionais do Porto, Coimbra, Lisboa e
  // Faro" names all four, not the first. The name stopped at a comma after a place ("do Porto,")
  // and capitalised words follow, set off by commas, up to "e" and the last.
  std::size_t next = from + taken.size();
  if (taken.size() >= 2 && IsContraction(Lower(taken[taken.size() - 2])) &&
      IsUpperAt(taken.back(), 0) && next - 1 < words.size() && words[next - 1].ends_with(",")) {
    std::string places;
    std::size_t i = next;
    while (i < words.size() && IsUpperAt(words[i], 0) && words[i].ends_with(",") &&
           words[i].size() > 2) {
      places += ", " + std::string(words[i].substr(0, words[i].size() - 1));
      ++i;
    }
    if (i + 1 < words.size() && IsUpperAt(words[i], 0) && words[i + 1] == "e" &&
        i + 2 < words.size() && IsUpperAt(words[i + 2], 0)) {
      bool ends = false;
      std::string last(Bare(words[i + 2], &ends));
      // The last may be a name of several words: "… de Informação, Comunicação e Relações
      // Internacionais, abreviadamente …".
      std::string tail;
      for (std::size_t j = i + 3; !ends && j < words.size() && tail.size() < 80; ++j) {
        std::string_view w = Bare(words[j], &ends);
        if (!IsUpperAt(w, 0) && !IsConnector(w)) break;
        tail += " " + std::string(w);
        if (IsUpperAt(w, 0)) last += std::exchange(tail, "");
      }
      organ += places + ", " + std::string(words[i]) + " e " + last;
    }
  }
  return organ;
}

std::string Lower(std::string_view w) { return analysis::Fold(w); }

std::string Unquote(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // A plural in parentheses glued to its word, as forms write both numbers at once
    // ("equipa(s) coordenadora(s) local(ais)"): the plural, "local(ais)" as "locais".
    if (c == '(' && i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) {
      std::size_t close = s.find(')', i);
      std::string_view inner = s.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (inner == "ais" && out.ends_with("al")) {
        out.resize(out.size() - 2);
        out.append(inner);
        i = close;
        continue;
      }
      if (inner == "ões" && out.ends_with("ão")) {
        out.resize(out.size() - std::string_view("ão").size());
        out.append(inner);
        i = close;
        continue;
      }
    }
    if (c == '*' || c == '_' || c == '(' || c == ')' || c == '"') continue;
    if (s.substr(i).starts_with("«") || s.substr(i).starts_with("»") ||
        s.substr(i).starts_with("“") || s.substr(i).starts_with("”")) {
      i += s.substr(i).starts_with("«") || s.substr(i).starts_with("»") ? 1 : 2;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string EpigraphOrgan(std::string_view epigraph) {
  std::string clean = Unquote(Trim(epigraph));
  std::vector<std::string_view> w = Words(clean);
  if (w.empty()) return {};
  std::string first = Lower(w[0]);
  // "Competências da DGPRM", "Atribuições e competências do Conselho".
  if (first == "competências" || first == "competência" || first == "atribuições") {
    std::size_t i = 1;
    while (i < w.size() && !IsContraction(Lower(w[i]))) ++i;
    if (i + 1 < w.size() && IsUpperAt(w[i + 1], 0)) return ReadOrgan(w, i + 1);
    return {};
  }
  // "Autoridade competente", "Entidade responsável", "Autoridade nacional competente": which
  // one is the article's to say ("Entidade supervisora", like the GDPR's "Autoridade de
  // controlo", is the body the act sets up). Nor is an activity named like a body, "Inspeção
  // periódica": a body of that name has a name of its own ("Inspeção-Geral de Finanças").
  bool described = w.size() >= 2 && std::all_of(w.begin() + 1, w.end(), [](std::string_view x) {
                     return !IsUpperAt(x, 0) && !IsConnector(x);
                   });
  if (described) {
    for (std::string_view activity : {"inspeção", "inspecção", "auditoria", "fiscalização"}) {
      if (first == activity) return {};
    }
    std::string last = Lower(w.back());
    if (last == "competente" || last == "competentes" || last == "responsável" ||
        last == "responsáveis")
      return {};
  }
  // A kind of unit in the plural and in lower case is what the article is about, not an organ:
  // "Unidades orgânicas flexíveis", "Serviços exclusiva ou predominantemente policiais" (but
  // "Centros Distritais" is one).
  if (w.size() >= 2 && first.ends_with("s") && !IsUpperAt(w[1], 0) && !IsConnector(w[1])) return {};
  // Nor is one such word alone ("Serviços", "Órgãos"): the article lists them.
  if (w.size() == 1 && first.ends_with("s")) return {};
  // The epígrafe is the organ itself: "Conservatória dos Registos Centrais", "Fiscal único".
  if (std::string unit = UnitFromHeading(clean); !unit.empty()) return unit;
  static constexpr std::array<std::string_view, 10> kMoreOrgans = {
      "conservatória", "conservatórias", "entidade", "provedor",   "provedoria",
      "presidente",    "secretário",     "fiscal",   "comandante", "governo"};
  if (!IsUpperAt(clean, 0) || w.size() > 8) return {};
  for (auto noun : kMoreOrgans) {
    if (first == noun) return clean;
  }
  return {};
}

// The form also follows a body's abbreviation: "(AMA, I. P.)".
std::size_t WithoutLegalForm(std::string_view s) {
  for (std::string_view form :
       {", I. P.", ", I.P.", ", E. P. E.", ", E.P.E.", ", S. A.", ", S.A."}) {
    if (s.ends_with(form)) return s.size() - form.size();
  }
  return s.size();
}

std::map<std::string, std::string> FindAbbreviations(std::string_view lines) {
  // The definition may be broken over lines ("…, adiante designada" / "por Comissão, …").
  std::string flat(lines);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::string_view text = flat;
  std::map<std::string, std::string> found;
  auto digits = [](std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
  };
  // Words `w` from `start` on, without their trailing punctuation but for a comma inside the
  // name ("Gabinete de Planeamento, Estratégia, …").
  auto joined = [](const std::vector<std::string_view>& w, std::size_t start) {
    std::string name;
    for (std::size_t i = start; i < w.size(); ++i) {
      bool ends = false;
      if (!name.empty()) name += ' ';
      name += Bare(w[i], &ends);
      if (i + 1 < w.size() && w[i].ends_with(",") && !w[i].ends_with(".,")) name += ',';
    }
    return name;
  };
  auto name_before = [&](std::size_t end) {
    // The capitalised words (and connectors between them) that end at `end`; a year may end
    // the name ("Recenseamento Agrícola 2019"), and an acronym in brackets after it is left
    // out ("… Agrícola 2019 (RA2019), adiante designada por Comissão").
    std::string_view before = text.substr(0, end);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.ends_with(")")) {
      std::size_t open = before.rfind('(');
      if (open != std::string_view::npos && before.size() - open <= 40)
        before = before.substr(0, open);
    }
    end = before.size();
    std::vector<std::string_view> w =
        Words(text.substr(end > 200 ? end - 200 : 0, end > 200 ? 200 : end));
    std::size_t start = w.size();
    while (start > 0) {
      std::string_view word = w[start - 1];
      bool ends = false;
      std::string_view bare = Bare(word, &ends);
      // A comma inside a name: "Gabinete de Planeamento, Estratégia, Avaliação e Relações
      // Internacionais" (kept only if the acronym's letters say so, in add()).
      bool inner_comma = word.ends_with(",") && !word.ends_with(".,") && start < w.size() &&
                         IsUpperAt(w[start], 0);
      if (ends && start != w.size() && !inner_comma) break;
      if (IsUpperAt(bare, 0) || IsConnector(bare) || (start == w.size() && digits(bare))) {
        --start;
      } else {
        break;
      }
    }
    // Not the article or connector the name follows: "O Centro Nacional de Pensões, …".
    while (start < w.size() && (IsConnector(w[start]) || w[start] == "O" || w[start] == "A" ||
                                w[start] == "Os" || w[start] == "As" || digits(w[start])))
      ++start;
    return joined(w, start);
  };
  // The words that end at `end` and whose first letters spell `abbr` ("Comissão de avaliação"
  // for CA), connectors between them; the first capitalised unless `lower` ("o conselho
  // administrativo, abreviadamente designado por CA": a definition in so many words). Empty if
  // there are none such.
  auto initialled_before = [&](std::size_t end, std::string_view abbr,
                               bool lower = false) -> std::string {
    std::string letters;
    for (char c : abbr) {
      if (std::isupper(static_cast<unsigned char>(c))) letters += c;
    }
    if (letters.size() < 2 || letters.size() != abbr.size()) return {};
    std::vector<std::string_view> w =
        Words(text.substr(end > 200 ? end - 200 : 0, end > 200 ? 200 : end));
    std::size_t k = letters.size(), start = w.size();
    while (k > 0 && start > 0) {
      bool ends = false;
      std::string_view bare = Bare(w[start - 1], &ends);
      if (ends && start != w.size()) return {};
      --start;
      if (IsConnector(bare) && k < letters.size()) continue;
      if (bare.empty() || std::toupper(static_cast<unsigned char>(bare[0])) != letters[k - 1])
        return {};
      --k;
    }
    if (k > 0 || (!lower && !IsUpperAt(w[start], 0))) return {};
    return joined(w, start);
  };
  // The initials of a name's capitalised words: "Gabinete de Planeamento, Estratégia, …" ->
  // "GPE…"; a compound's parts each ("Direção-Geral de Estudos, …" -> "DGE…").
  auto initials = [](const std::string& name) {
    std::string out;
    for (std::string_view word : Words(name)) {
      if (!IsUpperAt(word, 0) || IsConnector(word)) continue;
      out += word[0];
      for (std::size_t h = word.find('-'); h != std::string_view::npos; h = word.find('-', h + 1)) {
        if (IsUpperAt(word, h + 1)) out += word[h + 1];
      }
    }
    return out;
  };
  // `form`: the legal form written after the name (", I. P."), kept at its end.
  auto add = [&](std::string abbr, std::string name, std::string_view form = {}) {
    if (abbr.size() < 2) return;
    // A name read back past its line's start: "Artigo 5.º — Departamento de Recursos Hídricos" /
    // "Compete ao Departamento de Recursos Hídricos, abreviadamente designado por DRH": the name
    // follows the sentence's verb and its preposition, or the preposition that opens it.
    {
      std::vector<std::string_view> words = Words(name);
      for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        if (IsCompetenceVerb(Lower(words[k])) && k + 2 < words.size() &&
            IsContraction(Lower(words[k + 1])) && IsUpperAt(words[k + 2], 0)) {
          name = name.substr(static_cast<std::size_t>(words[k + 2].data() - name.data()));
          break;
        }
        // "… Divisão de Recursos Humanos / À Divisão de Recursos Humanos, …, compete:": a
        // capitalised preposition opens a sentence, never sits inside a name.
        bool opens = k > 0 || Lower(words[k]) != "a";  // "A Autoridade …": an article
        if (opens && IsUpperAt(words[k], 0) && IsContraction(Lower(words[k])) &&
            IsUpperAt(words[k + 1], 0)) {
          name = name.substr(static_cast<std::size_t>(words[k + 1].data() - name.data()));
          break;
        }
      }
    }
    // A name with commas is the acronym's only when its initials are the acronym's letters;
    // else it starts after the last comma ("Lisboa, Centro Nacional de Pensões (CNP)").
    if (std::size_t comma = name.rfind(", "); comma != std::string::npos) {
      std::string letters;
      for (char c : abbr) {
        if (std::isupper(static_cast<unsigned char>(c))) letters += c;
      }
      if (initials(name) != letters) name.erase(0, comma + 2);
    }
    // A capitalised word before the name is not part of it: "Compete à Agência para a
    // Modernização Administrativa (AMA)". The name starts with the abbreviation's letter.
    // Nor is the article the sentence opens with ("Natureza" / "A Autoridade dos Faróis,
    // abreviadamente designada por AF": the article is a capital too, and AF's letter).
    auto leading_article = [&]() {
      for (std::string_view article : {"A ", "O ", "As ", "Os "}) {
        if (name.starts_with(article) && IsUpperAt(name, article.size())) return article.size();
      }
      return std::size_t{0};
    };
    for (std::size_t space = name.find(' ');
         !name.empty() && (name[0] != abbr[0] || leading_article() > 0) &&
         space != std::string::npos;
         space = name.find(' ')) {
      name.erase(0, space + 1);
    }
    if (name.find(' ') == std::string::npos) return;
    if (std::toupper(static_cast<unsigned char>(abbr[0])) != name[0]) return;
    // A name found in a title of capitals ("… DOS SERVIÇOS NACIONAIS DE SINALIZAÇÃO MARÍTIMA
    // (SNSM)") is written as a name: "Serviços Nacionais de Sinalização Marítima".
    if (IsAllCaps(name)) name = TitleCase(name);
    found.emplace(std::move(abbr), name + std::string(form));
  };
  // "Name (ABBR)" and "Name (doravante ABBR)".
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    std::size_t close = text.find(')', open);
    if (close == std::string_view::npos || close - open > 40) continue;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    inside = inside.substr(0, WithoutLegalForm(inside));
    for (std::string_view lead :
         {"doravante designada por ", "doravante designado por ", "doravante ",
          "adiante designada por ", "adiante designado por "}) {
      if (inside.starts_with(lead)) inside.remove_prefix(lead.size());
    }
    bool abbreviation = inside.size() >= 2 && inside.size() <= 12;
    for (char c : inside) {
      if (!(std::isupper(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
            std::isdigit(static_cast<unsigned char>(c))))
        abbreviation = false;
    }
    if (!abbreviation || !std::isupper(static_cast<unsigned char>(inside[0]))) continue;
    std::size_t end = open;
    while (end > 0 && text[end - 1] == ' ') --end;
    std::size_t named = WithoutLegalForm(text.substr(0, end));
    std::string_view form = text.substr(named, end - named);
    end = named;
    add(std::string(inside), name_before(end), form);
    // A name in lower case after its first word ("Comissão de avaliação (CA)"): the words
    // whose initials are the acronym's letters, connectors between them.
    if (!found.count(std::string(inside))) add(std::string(inside), initialled_before(end, inside));
  }
  // "Name, abreviadamente designado por ABBR", also without "por" ("…, adiante designada
  // DSAG, …") and in the plural ("…, seguidamente designados por SAG").
  for (std::string_view lead :
       {", abreviadamente designado por ", ", abreviadamente designada por ",
        ", doravante designado por ", ", doravante designada por ", ", adiante designado por ",
        ", adiante designada por ", ", seguidamente designado por ",
        ", seguidamente designada por ", ", seguidamente designados por ",
        ", seguidamente designadas por ", ", adiante designado ", ", adiante designada ",
        ", abreviadamente designado ", ", abreviadamente designada "}) {
    for (std::size_t at = text.find(lead); at != std::string_view::npos;
         at = text.find(lead, at + 1)) {
      std::string_view rest = text.substr(at + lead.size());
      std::size_t len = 0;
      while (len < rest.size() && (std::isupper(static_cast<unsigned char>(rest[len])) ||
                                   rest[len] == '.' || rest[len] == '-'))
        ++len;
      while (len > 0 && rest[len - 1] == '.') --len;
      std::size_t named = WithoutLegalForm(text.substr(0, at));
      std::string_view form = text.substr(named, at - named);
      std::string name = name_before(named);
      if (len == 1 && IsLowerAt(rest, 1)) {
        // A short name instead of an acronym: "…, adiante designada por Comissão, …". It stands
        // for the name that begins with it.
        std::string word(rest.substr(0, rest.find_first_of(" ,;:.)")));
        std::size_t at_word = name.find(word + " ");
        if (at_word != std::string::npos && (at_word == 0 || name[at_word - 1] == ' '))
          found.emplace(word, name.substr(at_word));
        continue;
      }
      std::string abbr(rest.substr(0, len));
      add(abbr, std::move(name), form);
      if (!found.count(abbr) && len >= 2) {
        if (std::string named = initialled_before(at, abbr, true); !named.empty())
          found.emplace(abbr, std::move(named));
      }
    }
  }
  return found;
}

}  // namespace portaria::indexer::diploma
