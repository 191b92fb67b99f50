// The lemma keys of the words in the built-in rule files (schema/thesaurus.txt and
// schema/questions.txt), saved in an index so that searching it starts fast.
//
// A process analyses the rule files the first time it answers a question: some 4,000 words,
// each a dictionary look-up, and the pt_BR dictionary loaded for the Brazilian ones. That is
// most of a one-shot query's time (about 0.3 s of 0.4 s). The indexer stores what those words
// analyse to (RulesLexicon()) in the database, and the searcher hands it to the shared
// lemmatizer (PrimeRulesLexicon()) before the rules are parsed. The saved keys come from the
// same analyzer version as the index's own terms (the database refuses any other), so rules and
// documents stay analysed alike; a rule word missing from the lexicon is simply looked up.
//
// Thread-safety: both functions may be called from any thread.
#ifndef PORTARIA_ANALYSIS_RULES_LEXICON_H_
#define PORTARIA_ANALYSIS_RULES_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portaria::analysis {

// One line per word, sorted: the word as the lemmatizer takes it, a tab, its keys as the word
// lexicon writes them (schema::EncodeLemmaKeys, space-separated). Computed once per process.
const std::string& RulesLexicon();

// Primes Lemmatizer::Shared() with a lexicon in the format above; returns the number of words
// taken. Malformed lines, and anything past kMaxLexiconBytes, are skipped: the lexicon is only
// a cache.
std::size_t PrimeRulesLexicon(std::string_view lexicon);

inline constexpr std::size_t kMaxLexiconBytes = 4u << 20;

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_RULES_LEXICON_H_
