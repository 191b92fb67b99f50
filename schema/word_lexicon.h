// The word lexicon: for every word of the indexed text, the lemma keys the indexer's analyzer
// gave it, saved as database metadata (schema/SCHEMA.md). A searcher asks it before the
// dictionaries (analysis::Lemmatizer::Source), so that a question's words cost a B-tree look-up
// instead of Hunspell's stemming, and are analysed exactly as the paragraphs that hold them
// were. The database refuses another analyzer version, so the saved keys are always current.
// It is only a cache: a word missing from it is looked up in the dictionaries as before.
#ifndef PORTARIA_SCHEMA_WORD_LEXICON_H_
#define PORTARIA_SCHEMA_WORD_LEXICON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portaria::schema {

inline constexpr std::string_view kMetaWordPrefix = "portaria.word:";
// Longer words are not saved: Xapian's metadata keys are limited to 245 bytes with the prefix.
inline constexpr std::size_t kMaxLexiconWordBytes = 200;

// The metadata key of `word` (folded, as the lemmatizer takes it); empty if it is too long to
// be saved.
std::string WordLexiconKey(std::string_view word);

// `keys` space-separated (keys hold no spaces).
std::string EncodeLemmaKeys(const std::vector<std::string>& keys);

// The keys of an entry; false (and `keys` empty) for an empty or malformed value.
bool DecodeLemmaKeys(std::string_view value, std::vector<std::string>* keys);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_WORD_LEXICON_H_
