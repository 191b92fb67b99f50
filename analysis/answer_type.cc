#include "analysis/answer_type.h"

#include <algorithm>
#include <array>

#include "analysis/text.h"

namespace portaria::analysis {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

bool IsNumberWord(std::string_view w) {
  return OneOf(
      w, {"um",        "uma",       "dois",     "duas",     "tres",      "quatro",    "cinco",
          "seis",      "sete",      "oito",     "nove",     "dez",       "onze",      "doze",
          "treze",     "quatorze",  "catorze",  "quinze",   "dezesseis", "dezasseis", "dezessete",
          "dezassete", "dezoito",   "dezenove", "dezanove", "vinte",     "trinta",    "quarenta",
          "cinquenta", "sessenta",  "setenta",  "oitenta",  "noventa",   "cem",       "cento",
          "duzentos",  "trezentos", "mil"});
}

namespace {

bool IsTimeUnit(std::string_view w) {
  return OneOf(w, {"dia", "dias", "mes", "meses", "ano", "anos", "hora", "horas", "semana",
                   "semanas", "minuto", "minutos", "biênio", "bienio", "quinquenio", "decenio"});
}

bool IsMonth(std::string_view w) {
  return OneOf(w, {"janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
                   "setembro", "outubro", "novembro", "dezembro", "trimestre", "semestre"});
}

bool IsMoneyOrMeasure(std::string_view w) {
  return OneOf(w, {"r", "reais", "euros", "euro", "eur", "watts", "watt", "kw", "metros",
                   "quilometros", "salarios", "ufir", "ufirs", "percentual"});
}

// Verbs of asking for or obtaining something, after "podem"/"pode": "podem requerer", "pode
// candidatar-se".
bool IsClaimVerb(std::string_view w) {
  return OneOf(w, {"requerer", "solicitar", "pedir", "candidatar", "beneficiar", "recorrer",
                   "reclamar", "inscrever", "obter", "aceder", "acessar"});
}

// The nouns that name a body which acts: "a autoridade competente", "é a entidade responsável".
bool IsBodyNoun(std::string_view w) {
  return OneOf(w, {"autoridade", "autoridades", "entidade", "entidades", "orgao", "orgaos",
                   "organismo", "organismos"});
}

bool IsPenaltyWord(std::string_view w) {
  return OneOf(w, {"reclusao", "detencao", "multa", "multas", "coima", "coimas", "prisao"});
}

// True if `s`, what stands between a subject and its verb, only gives the subject's short name:
// "(CNP) ", ", doravante designado por CRP, ", ", abreviadamente designada por DGS, ".
bool OnlyShortName(std::string_view s) {
  if (s.starts_with("(")) {
    std::size_t close = s.find(')');
    return close != std::string_view::npos && close <= 14 &&
           s.find_first_not_of(' ', close + 1) == std::string_view::npos;
  }
  for (std::string_view lead :
       {", doravante ", ", abreviadamente ", ", adiante ", ", seguidamente "}) {
    if (!s.starts_with(lead)) continue;
    std::size_t end = s.find_last_not_of(' ');
    return end != std::string_view::npos && s[end] == ',' &&
           s.find_first_of(",;:(", lead.size()) == end && end - lead.size() <= 60;
  }
  return false;
}

}  // namespace

std::size_t DefiningCopula(std::string_view text, const std::vector<Token>& tokens) {
  if (tokens.size() <= 3 || !OneOf(tokens[0].surface, {"o", "a", "os", "as"})) return 0;
  for (std::size_t i = 2; i < tokens.size() - 1 && i <= 16; ++i) {
    // The accented verb is read from the text: folded, "é" is the conjunction "e".
    std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (word != "é" && word != "são") continue;
    // A subject of a few words, or one that gives its short name before the verb ("O Conselho
    // Regional das Pescas, doravante designado por CRP, é o órgão …").
    std::string_view before = text.substr(0, tokens[i].begin);
    std::size_t clause = before.find_first_of(",;:(");
    bool named = clause != std::string_view::npos && OnlyShortName(before.substr(clause));
    if (clause != std::string_view::npos && !named) return 0;
    if (i > 7 && !named) return 0;
    return OneOf(tokens[i + 1].surface, {"o", "a", "os", "as", "um", "uma"}) ? i : 0;
  }
  return 0;
}

bool IsVoidProvision(std::string_view text) {
  if (text.size() > 300) return false;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  // The first word, past an opening bracket: the marker.
  std::size_t from = text.find_first_not_of("([ ");
  if (from == std::string_view::npos) return false;
  std::string first = FoldAndStrip(text.substr(from, text.find_first_of(" .;,)]", from) - from));
  if (!first.starts_with("revogad") && !first.starts_with("vetad")) return false;
  // What is left once every bracketed group is taken out, stops and spaces aside: nothing for
  // "(Revogado pelo Decreto n.º 9.138, de 2017) (Vigência)"; the marker alone for a bare
  // "Revogado.".
  std::string outside;
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && c != '.' && c != ';' && c != ',' && !space(c)) {
      outside += c;
    }
  }
  // The Brazilian acts' link to the revoking act's entry into force, left outside its brackets.
  std::string rest = FoldAndStrip(outside);
  if (rest.ends_with("vigencia")) rest.resize(rest.size() - std::string_view("vigencia").size());
  if (rest.empty()) return from > 0;
  return rest == first && first.size() <= 9;  // "revogadas", "vetado"
}

std::string AnswerTypes(std::string_view text, const std::vector<Token>& tokens) {
  if (IsVoidProvision(text)) return std::string(1, kAnswerVoid);
  bool definition = false, duration = false, amount = false, penalty = false, contact = false,
       entitled = false, responsible = false, rule = false;
  // A list intro ends with a colon; its items are paragraphs of their own.
  std::string_view trimmed = text.substr(0, text.find_last_not_of(" \t\n") + 1);
  bool list = trimmed.ends_with(':');
  // A telephone number: three or more groups of 2-4 digits in a row, 9 to 13 digits in all
  // ("300 502 502", "(61) 3312-4000", "213 456 789").
  std::size_t run_digits = 0, run_groups = 0;
  for (const auto& t : tokens) {
    bool group = t.numeric && t.surface.size() >= 2 && t.surface.size() <= 4 &&
                 std::all_of(t.surface.begin(), t.surface.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
    if (group) {
      run_digits += t.surface.size();
      ++run_groups;
      if (run_groups >= 3 && run_digits >= 9 && run_digits <= 13) contact = true;
    } else {
      run_digits = run_groups = 0;
    }
  }
  if (text.find('@') != std::string_view::npos || text.find("http") != std::string_view::npos ||
      text.find("www.") != std::string_view::npos) {
    contact = true;
  }
  // A list of definitions: "«Dados pessoais», informação relativa a …" — the term defined, in
  // quotes, opens the paragraph and a comma or colon follows it.
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 160));
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"«", "»"},
                             std::pair<std::string_view, std::string_view>{"“", "”"}}) {
    if (!head.starts_with(open)) continue;
    std::size_t end = head.find(close);
    if (end == std::string_view::npos) continue;
    std::string_view after = head.substr(end + close.size());
    if (after.starts_with(",") || after.starts_with(":") || after.starts_with(" —") ||
        after.starts_with(" designa") || after.starts_with(" significa")) {
      definition = true;
    }
    // The term with its qualifier, then the comma: "«Consentimento» do titular dos dados, uma
    // manifestação de vontade…", "«Representante» na União, …" — a few words, no clause.
    std::size_t comma = after.find(',');
    if (comma != std::string_view::npos && comma <= 40 &&
        after.substr(0, comma).find_first_of(".;:«»()") == std::string_view::npos) {
      definition = true;
    }
  }
  if (std::size_t copula = DefiningCopula(text, tokens)) {
    definition = true;
    // "O CNCS é a Autoridade Nacional de Certificação…": it names who acts.
    if (copula + 2 < tokens.size() && IsBodyNoun(tokens[copula + 2].surface)) responsible = true;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string_view w = tokens[i].surface;
    std::string_view next = i + 1 < tokens.size() ? std::string_view(tokens[i + 1].surface) : "";
    // "Considera-se…", "Entende-se por…", "São considerados…", early in the paragraph.
    if (i < 12 && next == "se" &&
        OneOf(w, {"considera", "consideram", "entende", "entendem", "define", "definem", "denomina",
                  "denominam", "conceitua", "caracteriza", "enquadra", "enquadram"})) {
      definition = true;
    }
    // Not "são definidas em diploma próprio": what another act sets out.
    std::string_view after = i + 2 < tokens.size() ? std::string_view(tokens[i + 2].surface) : "";
    bool set_out =
        OneOf(next, {"definidos", "definidas", "definido", "definida"}) &&
        OneOf(after, {"em", "no", "na", "nos", "nas", "por", "pelo", "pela", "mediante"});
    if (i < 12 && OneOf(w, {"sao", "e", "serao"}) && !set_out &&
        OneOf(next, {"considerados", "consideradas", "considerado", "considerada", "enquadrados",
                     "enquadradas", "definidos", "definidas", "entendidos", "entendidas"})) {
      definition = true;
    }
    // Who may: the formula opens the paragraph's proposition ("Têm legitimidade para requerer
    // este procedimento as pessoas…", "São elegíveis os cidadãos…", "Podem requerer…").
    if (i < 8) {
      if (OneOf(w, {"tem", "teem"}) && OneOf(next, {"legitimidade", "direito"})) entitled = true;
      if (OneOf(w, {"sao", "e"}) && OneOf(next, {"elegiveis", "elegivel", "beneficiarios"}))
        entitled = true;
      if (OneOf(w, {"podem", "pode", "poderao", "podera"}) && IsClaimVerb(next)) entitled = true;
    }
    bool number = tokens[i].numeric || IsNumberWord(w);
    if (number) {
      for (std::size_t j = i + 1; j < tokens.size() && j <= i + 3; ++j) {
        if (IsTimeUnit(tokens[j].surface)) duration = true;
        if (IsMoneyOrMeasure(tokens[j].surface)) amount = true;
      }
    }
    // The currency before its amount: DRE's "(euro) 1 000" (its rendering of "€ 1 000"), "EUR
    // 500".
    if (OneOf(w, {"euro", "euros", "eur"}) && i + 1 < tokens.size() && tokens[i + 1].numeric)
      amount = true;
    if (w == "prazo" || w == "prazos") duration = true;
    // A deadline as a date rather than a length: "até ao último dia útil do mês de janeiro",
    // "até 31 de março", "até ao final do ano"; and the date a rule starts from: "produz
    // efeitos a partir de 1 de janeiro de 2026", "desde 1 de julho".
    bool from = (w == "partir" && i > 0 && tokens[i - 1].surface == "a") || w == "desde";
    if (from) {
      for (std::size_t j = i + 1; j < tokens.size() && j <= i + 4; ++j) {
        if (IsMonth(tokens[j].surface)) duration = true;
      }
    }
    if (w == "ate") {
      for (std::size_t j = i + 1; j < tokens.size() && j <= i + 6; ++j) {
        if (IsTimeUnit(tokens[j].surface) || IsMonth(tokens[j].surface)) duration = true;
      }
    }
    if (IsPenaltyWord(w)) penalty = true;
    // A right, a permission, a duty or a prohibition, stated.
    // "tem o direito de", "têm direito a", "têm a liberdade de", "tem a faculdade de", "têm a
    // possibilidade de", "gozam do direito".
    if (OneOf(w, {"tem", "teem", "tenha", "tenham", "tera", "terao", "goza", "gozam"})) {
      std::string_view after = next;
      if (OneOf(next, {"o", "a", "do", "da"}) && i + 2 < tokens.size())
        after = tokens[i + 2].surface;
      if (OneOf(after, {"direito", "liberdade", "faculdade", "possibilidade"})) rule = true;
    }
    if (OneOf(w, {"ninguem", "so", "nao"}) && OneOf(next, {"pode", "podem", "podera", "poderao"}))
      rule = true;
    if (OneOf(w, {"e", "sao", "considerado", "considerada", "considerados", "consideradas"}) &&
        OneOf(next, {"proibido",     "proibida",     "proibidos",  "proibidas",   "permitido",
                     "permitida",    "permitidos",   "permitidas", "obrigatorio", "obrigatoria",
                     "obrigatorios", "obrigatorias", "licito",     "licita",      "ilicito",
                     "ilicita",      "legitimo",     "legitima",   "vedado",      "vedada",
                     "interdito",    "interdita"})) {
      rule = true;
    }
    // "cabe ao Exército", "compete à CNPD", "incumbem aos municípios": the verb of charging
    // and the preposition of its bearer ("cabe recurso" has no bearer).
    if (OneOf(w, {"cabe", "cabem", "compete", "competem", "incumbe", "incumbem"}) &&
        OneOf(next, {"a", "ao", "aos", "as"})) {
      responsible = true;
    }
    // "O cidadão é responsável pela utilização…", "a autoridade competente para a acreditação
    // … é o IPAC".
    if (OneOf(w, {"e", "sao", "sera", "serao"}) && OneOf(next, {"responsavel", "responsaveis"}))
      responsible = true;
    if (IsBodyNoun(w) &&
        OneOf(next, {"competente", "competentes", "responsavel", "responsaveis"})) {
      for (std::size_t j = i + 2; j < tokens.size() && j <= i + 16; ++j) {
        std::string_view verb = text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin);
        if ((verb == "é" || verb == "são") && j + 1 < tokens.size() &&
            OneOf(tokens[j + 1].surface, {"o", "a", "os", "as"})) {
          responsible = true;
        }
      }
    }
  }
  if (text.find("R$") != std::string_view::npos || text.find('%') != std::string_view::npos ||
      text.find("€") != std::string_view::npos) {
    amount = true;
  }
  std::string out;
  if (amount) out.push_back(kAnswerAmount);
  if (contact) out.push_back(kAnswerContact);
  if (definition) out.push_back(kAnswerDefinition);
  if (entitled) out.push_back(kAnswerEntitled);
  if (list) out.push_back(kAnswerList);
  if (rule) out.push_back(kAnswerRule);
  if (penalty) out.push_back(kAnswerPenalty);
  if (responsible) out.push_back(kAnswerResponsible);
  if (duration) out.push_back(kAnswerDuration);
  return out;
}

char AnswerTypeOfForm(std::string_view form) {
  if (form == "definition") return kAnswerDefinition;
  if (form == "duration") return kAnswerDuration;
  if (form == "amount") return kAnswerAmount;
  if (form == "penalty") return kAnswerPenalty;
  if (form == "contact") return kAnswerContact;
  if (form == "competence") return kAnswerCompetence;
  if (form == "entitled") return kAnswerEntitled;
  if (form == "contents") return kAnswerList;
  if (form == "rule") return kAnswerRule;
  return 0;
}

}  // namespace portaria::analysis
