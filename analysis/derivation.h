// Derivational families: the nouns Portuguese makes from verbs (interrogar → interrogatório,
// suspender → suspensão, admitir → admissão, reduzir → redução, fornecer → fornecedor), the
// adjectives it makes from nouns (religião → religioso, função → funcional), and back.
//
// The lemmatiser links inflections (and Hunspell links some regular nominalisations, such as
// pagamento → pagar), but not these: a question with "interrogado" would not find "o
// interrogatório". The rules below only propose candidates; the searcher keeps those the index
// actually holds, so a rule that forms a non-word costs a failed lookup and nothing else.
#ifndef PORTARIA_ANALYSIS_DERIVATION_H_
#define PORTARIA_ANALYSIS_DERIVATION_H_

#include <string>
#include <string_view>
#include <vector>

namespace portaria::analysis {

// Appends to `out` the keys (accent-free lemma keys, as Analyzer produces) that may belong to
// the same derivational family as `key`: for a noun, the verb it is made from and the
// adjectives made from it; for a verb, the nouns made from it. `key` itself is never appended. Allocates only for the candidates.
void DerivedKeys(std::string_view key, std::vector<std::string>* out);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_DERIVATION_H_
