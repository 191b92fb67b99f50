#include "analysis/derivation.h"

namespace portaria::analysis {
namespace {

// A productive suffix pair: a word ending in `derived` is made from the word that ends in
// `base` on the same stem (a noun from a verb, an adjective from a noun). Keys are accent-free,
// so "ção" is written "cao" and "ório" "orio".
struct SuffixPair {
  std::string_view derived;
  std::string_view base;
};

// Written from Portuguese morphology (the regular nominalisations and agent nouns), each with
// an example; the irregular and unproductive ones (escrever → escritor) are left to the
// thesaurus.
constexpr SuffixPair kPairs[] = {
    {"acao", "ar"},      // investigar → investigação
    {"amento", "ar"},    // julgar → julgamento
    {"agem", "ar"},      // contar → contagem
    {"atura", "ar"},     // assinar → assinatura
    {"atorio", "ar"},    // interrogar → interrogatório
    {"ancia", "ar"},     // tolerar → tolerância
    {"ador", "ar"},      // trabalhar → trabalhador
    {"avel", "ar"},      // aplicar → aplicável
    {"imento", "er"},    // conhecer → conhecimento
    {"imento", "ir"},    // cumprir → cumprimento
    {"encia", "er"},     // ocorrer → ocorrência
    {"encia", "ir"},     // residir → residência
    {"edor", "er"},      // fornecer → fornecedor
    {"idor", "ir"},      // consumir → consumidor
    {"ivel", "er"},      // exigir → exigível (er/ir: the index decides)
    {"ivel", "ir"},      //
    {"icao", "ir"},      // proibir → proibição
    {"icao", "ever"},    // inscrever → inscrição
    {"usao", "uir"},     // concluir → conclusão
    {"usao", "udir"},    // iludir → ilusão
    {"ensao", "ender"},  // suspender → suspensão
    {"issao", "itir"},   // admitir → admissão
    {"essao", "eder"},   // conceder → concessão
    {"ucao", "uzir"},    // reduzir → redução
    {"ucao", "ver"},     // devolver → devolução
    {"utor", "uzir"},    // produzir → produtor
    {"ersao", "erter"},  // converter → conversão
    {"isao", "idir"},    // decidir → decisão
    {"ecao", "eger"},    // proteger → proteção
    {"encao", "er"},     // deter → detenção, reter → retenção, obter → obtenção
    {"encao", "enir"},   // prevenir → prevenção
    {"ao", "ionar"},  // supervisionar → supervisão, sancionar → sanção, mencionar → menção
    {"atura", "atar"},  // candidatar → candidatura
    {"atario", "ar"},   // destinar → destinatário, arrendar → arrendatário
    // An agent noun and the activity or the act: the question names one, the law the other.
    {"oria", "or"},    // auditor → auditoria, consultor → consultoria, autor → autoria
    {"acao", "ador"},  // coordenador → coordenação, classificador → classificação
    {"ao", "or"},      // gestor → gestão, revisor → revisão, sucessor → sucessão
    // Not diretor → direção, inspetor → inspeção: a direção is also the body the diretor heads,
    // and "quem substitui o diretor regional?" found the Direção Regional's competences.
    {"ativa", "ar"},    // tentar → tentativa, iniciar → iniciativa
    {"ocao", "over"},   // promover → promoção, remover → remoção
    {"ecao", "igir"},   // dirigir → direção, corrigir → correção
    {"ecao", "eber"},   // receber → receção, conceber → conceção
    {"ucao", "uir"},    // construir → construção, instruir → instrução
    {"ussao", "utir"},  // discutir → discussão
    {"essao", "imir"},  // imprimir → impressão, suprimir → supressão
    {"essao", "edir"},  // agredir → agressão, progredir → progressão
    {"osicao", "or"},   // compor → composição, dispor → disposição, impor → imposição
    {"isao", "er"},     // rever → revisão, prever → previsão, prover → provisão
    {"osta", "onder"},  // responder → resposta
    {"esa", "ender"},   // defender → defesa, despender → despesa
    {"ia", "iar"},      // renunciar → renúncia, denunciar → denúncia, copiar → cópia
    // Not recorrer → recurso: "recursos humanos" would answer "posso recorrer?".
    {"ante", "ar"},  // representar → representante
    {"ente", "er"},  // requerer → requerente
    {"ente", "ir"},  // residir → residente
    // The noun beside an irregular participle whose verb's pair does not reach it (the
    // participle in the second place). A participle is its verb's form (lemmatizer.h: previsto
    // -> prever, suspenso -> suspender), so the verb's pairs give the rest: previsão, suspensão.
    {"icao", "ito"},     // eleito → eleição, restrito → restrição
    {"ulsao", "ulso"},   // expulso → expulsão
    {"ertura", "erto"},  // coberto → cobertura
    {"issao", "isso"},   // submisso → submissão, remisso → remissão
    // Relational adjectives made from nouns (the noun in the second place).
    {"cional", "cao"},      // nação → nacional, função → funcional
    {"ssional", "ssao"},    // profissão → profissional
    {"ioso", "iao"},        // religião → religioso
    {"encial", "encia"},    // residência → residencial
    {"enciario", "encia"},  // previdência → previdenciário
    {"ogico", "ogia"},      // tecnologia → tecnológico
    {"omico", "omia"},      // economia → económico
};

// Shorter stems make false families (p-ensão is not p-ender, m-issão is not m-itir).
constexpr std::size_t kMinStem = 3;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() + kMinStem && s.substr(s.size() - suffix.size()) == suffix;
}

void Add(std::string_view stem, std::string_view suffix, std::string_view key,
         std::vector<std::string>* out) {
  std::string candidate;
  candidate.reserve(stem.size() + suffix.size());
  candidate.append(stem).append(suffix);
  if (candidate == key) return;
  for (const auto& have : *out) {
    if (have == candidate) return;
  }
  out->push_back(std::move(candidate));
}

}  // namespace

void DerivedKeys(std::string_view key, std::vector<std::string>* out) {
  auto pairs = [&](std::string_view word) {
    for (const auto& pair : kPairs) {
      if (EndsWith(word, pair.derived)) {
        Add(word.substr(0, word.size() - pair.derived.size()), pair.base, key, out);
      }
      if (EndsWith(word, pair.base)) {
        Add(word.substr(0, word.size() - pair.base.size()), pair.derived, key, out);
      }
    }
  };
  // The negated adjective in -vel is the same family: "pode ser violada?" is answered by "é
  // inviolável" (violar → violável → inviolável, alienar → inalienável, prescrever →
  // imprescritível). Only -vel adjectives take the prefix here: "in-" before anything else
  // is too often part of the stem (informação, instituto).
  bool negated = key.size() > 8 && (key.starts_with("in") || key.starts_with("im")) &&
                 (EndsWith(key, "avel") || EndsWith(key, "ivel"));
  if (negated) {
    Add(key.substr(2), "", key, out);
    pairs(key.substr(2));
  }
  pairs(key);
  for (std::size_t i = 0, n = out->size(); i < n; ++i) {
    std::string adjective = (*out)[i];
    if (!(EndsWith(adjective, "avel") || EndsWith(adjective, "ivel"))) continue;
    if (adjective.starts_with("in") || adjective.starts_with("im")) continue;
    bool labial = adjective[0] == 'p' || adjective[0] == 'b';
    Add(labial ? "im" : "in", adjective, key, out);
  }
  if (!negated && (EndsWith(key, "avel") || EndsWith(key, "ivel"))) {
    bool labial = key[0] == 'p' || key[0] == 'b';
    Add(labial ? "im" : "in", key, key, out);
  }
}

}  // namespace portaria::analysis
