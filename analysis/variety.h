// Which variety of Portuguese a text is written in: the European norm (Portugal, and the
// Portuguese edition of the EU's Official Journal) or the Brazilian one. An index may hold the
// law of both countries, and a question asked in one variety is, all else equal, about the law
// written in it: "o meu patrão pode…?" about the Código do Trabalho, "meu voo atrasou…" about a
// Brazilian act. The question's variety is read from its grammar, not its vocabulary (which
// would say what it is about, and the ranking already reads that): the possessive after an
// article ("o meu", European) or without one at the start of a clause ("meu voo", Brazilian);
// "estar a" + infinitive against "estar" + gerund; a pronoun joined to its verb ("candidatar-me")
// against one before it at the start of a clause ("me arrependi"); and the country named.
// Most questions show none of these: their variety is unknown and nothing changes for them.
#ifndef PORTARIA_ANALYSIS_VARIETY_H_
#define PORTARIA_ANALYSIS_VARIETY_H_

#include <string_view>
#include <vector>

#include "analysis/analyzer.h"

namespace portaria::analysis {

enum class Variety { kUnknown, kEuropean, kBrazilian };

// The variety a question's grammar shows; kUnknown when it shows none, or both. `tokens` are the
// question's, as the Analyzer gives them (stopwords included): what stands between two of them
// in `question` says whether they are joined by a hyphen or a clause starts.
Variety QuestionVariety(std::string_view question, const std::vector<Token>& tokens);

// The variety of a document, by its key (schema/SCHEMA.md, "Ids"): an Akoma Ntoso work URI
// names its country ("/akn/br/act/…" Brazilian, "/akn/pt/…" European); the diploma and page
// readers read the Diário da República, DRE, the Official Journal's Portuguese edition and the
// pages of Portuguese services, all in the European norm. Other keys (a JSON Lines record's
// own) are kUnknown.
Variety DocumentVariety(std::string_view doc);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_VARIETY_H_
