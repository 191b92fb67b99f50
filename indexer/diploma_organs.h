// Reading an organ's name out of a sentence's words (indexer/diploma_organs.cc), shared by the
// two files that find organs: diploma_competence.cc (the sentence that introduces a competence
// list) and diploma_organs.cc (epígrafes, abbreviations), and by diploma_epigraph.cc and
// diploma_segment.cc, where an epígrafe or a line may end with an organ's legal form. Internal
// to the diploma reader; declared here only for those files, apart from diploma.h so that its
// short names stay out of others.
#ifndef PORTARIA_INDEXER_DIPLOMA_ORGANS_H_
#define PORTARIA_INDEXER_DIPLOMA_ORGANS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portaria::indexer::diploma {

// The words of `s` between spaces, punctuation kept ("Compete", "ao", "X:").
std::vector<std::string_view> Words(std::string_view s);
// The words that join a name's words: "de", "da", "do", "e", "para", "a", "à", "em", "ao", …
bool IsConnector(std::string_view w);
// A verb's infinitive ("assessorar", "promover", "gerir"), lower case: a lower-case organ's name
// has none (its words are nouns and adjectives; the adjectives in -ar that name organs are
// known).
bool IsInfinitive(std::string_view w);
// A preposition, alone or with its article, that leads to the organ: "ao", "à", "do", "de", "a", …
bool IsContraction(std::string_view w);
// The verbs a competence is given with, folded, punctuation after them allowed: "compete",
// "compete,", "competem", "cabe", "incumbe:" (not "competente").
bool IsCompetenceVerb(std::string_view v);
// Strips the punctuation that ends an organ's name ("Ciberespaço:" -> "Ciberespaço").
std::string_view Bare(std::string_view w, bool* ends);
// The organ's name at the start of `words`: a run of capitalised words and connectors
// ("Conselho Superior de Segurança do Ciberespaço", "DGPRM"), or, for an organ named in lower
// case ("fiscal único", "secretário"), the words up to the punctuation that closes it.
std::string ReadOrgan(const std::vector<std::string_view>& words, std::size_t from);
// `w` case-folded (analysis::Fold): "Compete" -> "compete".
std::string Lower(std::string_view w);
// The length of `s` without the legal form a public body's name ends with: "Instituto da
// Segurança Social, I. P." (instituto público), "…, E. P. E.", "…, S. A.".
std::size_t WithoutLegalForm(std::string_view s);
// Without emphasis, parentheses and quotes: "Competências do «CERT.PT»" -> "Competências do
// CERT.PT".
std::string Unquote(std::string_view s);

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_ORGANS_H_
