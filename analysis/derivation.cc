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
  for (const auto& pair : kPairs) {
    if (EndsWith(key, pair.derived)) {
      Add(key.substr(0, key.size() - pair.derived.size()), pair.base, key, out);
    }
    if (EndsWith(key, pair.base)) {
      Add(key.substr(0, key.size() - pair.base.size()), pair.derived, key, out);
    }
  }
}

}  // namespace portaria::analysis
