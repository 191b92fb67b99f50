// The index schema: term prefixes, value slots, metadata keys and versions.
//
// This header is the single source of truth shared by the indexer and the searcher; the prose
// description lives in schema/SCHEMA.md. Changing what a prefix or slot means requires bumping
// kSchemaVersion, which makes old databases refuse to open instead of returning wrong results.
#ifndef PORTARIA_SCHEMA_SCHEMA_H_
#define PORTARIA_SCHEMA_SCHEMA_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portaria::schema {

inline constexpr std::string_view kSchemaVersion = "3";

// Term prefixes (Xapian conventions: upper-case prefixes, 'Q' for the unique id, 'Z' for stems,
// 'X' for our own). Free-text prefixes hold analysis keys (see analysis/analyzer.h).
inline constexpr std::string_view kIdPrefix = "Q";            // boolean: the paragraph id
inline constexpr std::string_view kTextPrefix = "Z";          // text lemma keys, with positions
inline constexpr std::string_view kSurfacePrefix = "";        // text surface keys (no positions)
inline constexpr std::string_view kUnitTextPrefix = "ZU";     // lemma keys of the unit name
inline constexpr std::string_view kSectionTextPrefix = "ZH";  // lemma keys of the headings
inline constexpr std::string_view kSourceTextPrefix =
    "ZS";  // lemma keys of the source (no positions)
inline constexpr std::string_view kContextTextPrefix = "ZC";  // lemma keys of the context
// lemma keys of an article's epígrafe (its title: "Âmbito de aplicação"), no positions: the
// last element of the section path of a paragraph that has an article ("Artigo 2.º Âmbito …").
inline constexpr std::string_view kTitleTextPrefix = "ZT";
// Function words of the text (stopwords: "não", "para", "que"), accent-free, with positions and
// no within-document frequency: never scored, they only let a quoted phrase match its words in
// their order ("bilhetes não concluídos" is not "bilhetes concluídos").
inline constexpr std::string_view kFunctionWordPrefix = "ZW";
inline constexpr std::string_view kSummaryTextPrefix =
    "ZE";  // lemma keys of the ementa (no positions)
// Lemma keys of what the acronyms of the text stand for (Paragraph::acronyms), no positions.
inline constexpr std::string_view kAcronymTextPrefix = "ZB";
// Lemma keys of every searched field at once (text, unit, headings, list intro, epígrafe, ementa,
// source), no positions, the within-document frequency summed over the fields: the first ranking
// phase's one posting list per key (BM25F with equal field weights), which Xapian can prune.
inline constexpr std::string_view kAnyFieldPrefix = "ZA";
// Weighs nothing and is never searched: its within-document frequency is the number of the
// text's surface forms, so that a document's length (the sum of its terms' frequencies) is
// exactly twice what it would be without kAnyFieldPrefix terms, which repeat every other key
// once. BM25 normalises by the length over the average, so every field's weight stays the same.
// Less the keys of kAcronymTextPrefix, which are not to lengthen the paragraph
// (indexer/document.cc).
inline constexpr std::string_view kLengthTerm = "XZ";
inline constexpr std::string_view kLetterPrefix = "XL";       // boolean: letter, folded ("d", "ii")
inline constexpr std::string_view kArticlePrefix = "XA";      // boolean: article number ("12")
inline constexpr std::string_view kNumberPrefix = "XN";       // boolean: paragraph number ("2")
inline constexpr std::string_view kDocPrefix = "XD";          // boolean: document key
inline constexpr std::string_view kFilePrefix = "XF";         // boolean: source file path
inline constexpr std::string_view kCitationPrefix = "XC";     // boolean: "portaria:135/2012"
inline constexpr std::string_view kUnitAcronymPrefix = "XU";  // boolean: unit acronym ("cnp")
// boolean: the lemma keys of the verb a competence starts with ("Promulgar e mandar publicar as
// leis" -> "XVpromulgar"): "quem promulga as leis?" asks for the organ whose competence it is.
inline constexpr std::string_view kCompetenceVerbPrefix = "XV";
// boolean: each answer type the paragraph gives (analysis/answer_type.h: "XYd" a definition), so
// that the first ranking phase can ask for the paragraphs of the type a question asks for.
inline constexpr std::string_view kAnswerTypePrefix = "XY";
// boolean: what kind of text the paragraph is, when it is not a rule; only kPreambleTerm so far.
inline constexpr std::string_view kKindPrefix = "XK";
// A diploma's preamble or an EU act's recitals: why the law was made, not what it rules.
inline constexpr std::string_view kPreambleTerm = "XKpreamble";

// Value slots.
enum Slot : unsigned {
  kSlotId = 0,           // the paragraph id: ties in relevance are broken by it (ascending)
  kSlotUnit = 1,         // unit name, for facets
  kSlotSource = 2,       // source, for facets
  kSlotLetter = 3,       // letter
  kSlotDate = 4,         // ISO date, sortable as a string
  kSlotCollapse = 5,     // unit + normalised text: identical competences collapse to one result
  kSlotDoc = 6,          // document key, for grouping one best paragraph per diploma
  kSlotOrder = 7,        // document order within the file, Xapian sortable_serialise'd
  kSlotAnswerTypes = 8,  // letters of the answer types the text gives (analysis/answer_type.h)
  kSlotFeatures = 9,     // slots 0, 6, 1, 2, 5, 8 and 4 packed, for the second phase (features.h)
};

// Database metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "portaria.schema_version";
inline constexpr std::string_view kMetaAnalyzerVersion = "portaria.analyzer_version";
inline constexpr std::string_view kMetaManifestPrefix = "portaria.manifest:";
// The lemma keys of the query-time rule files' words (analysis/rules_lexicon.h).
inline constexpr std::string_view kMetaRulesLexicon = "portaria.rules_lexicon";

// Xapian limits terms to 245 bytes; longer ids are hashed into the id term.
inline constexpr std::size_t kMaxTermBytes = 240;

// The term for `value` under `prefix`, clipped to kMaxTermBytes. The indexer and the searcher
// both build terms through this, so a long key is clipped the same way on both sides.
inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix).append(value);
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  return term;
}

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_SCHEMA_H_
