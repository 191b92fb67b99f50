// Query understanding: what a request asks, as a plan that the two ranking phases share. The
// free text is analysed once here (question forms, citations, misspellings, multi-word terms,
// thesaurus expansions) into one Xapian query for the first phase (retrieve.h) and the facts the
// second phase (rerank.h) needs about the question's words. Kept apart from ranking because it
// only reads term statistics, never a paragraph: it decides what is asked, not what answers it.
#ifndef PORTARIA_SEARCHER_PLAN_H_
#define PORTARIA_SEARCHER_PLAN_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/citation.h"
#include "analysis/thesaurus.h"
#include "analysis/variety.h"
#include "portaria/search.h"
#include "searcher/query_parser.h"

namespace portaria::searcher {

// Everything the re-ranker needs to know about the query's words.
struct QueryPlan {
  // The field-aware query: each word counts once, by the field where it weighs most (OP_MAX),
  // with its derived forms, thesaurus expansions and the filters. Its BM25 weight, plus that of
  // `adjacent`, is what the second phase starts from; Xapian 1.4.22 must not prune it.
  Xapian::Query query;
  // Adjacent question words adjacent in a paragraph's fields, as weight only (the words match
  // already): per pair of question words that stand at most `window - 1` places apart, and per
  // field, the two words' keys; a paragraph that holds them in that order as close in the field
  // earns the pair's weight there (`weighted`: both words, BM25, scaled by the field's weight),
  // the best field counting. The first phase (retrieve.h) weighs these for its window: a phrase
  // query would do it, but Xapian looks for a phrase by reading the positions of every paragraph
  // holding both words, however few are asked about (a quarter of a second for "centro
  // distrital" at a million paragraphs).
  struct Adjacent {
    struct Field {
      std::vector<std::string> first, second;  // the two words' keys
      Xapian::Query weighted;                  // both words (OP_AND), scaled
      double factor = 1;                       // its scale (the field's weight, proximity's)
      // Whether the field keeps positions, so that the words' order and distance are read;
      // in a short field that does not (a heading, a unit's name, a list intro), holding both
      // words is taken as holding them together.
      bool ordered = true;
    };
    std::vector<Field> fields;
    Xapian::termpos window = 2;
  };
  std::vector<Adjacent> adjacent;
  // The same question as a query Xapian can prune, for the first phase's candidates: each word's
  // keys in every field at once (the any-field terms, BM25F with equal field weights: one wdf
  // summed over the fields) instead of OP_MAX over the fields, the same filters and required
  // phrases. It matches the paragraphs `query`
  // matches, less those found only through the thesaurus expansions of a common word
  // (plan.cc, kRareWordMatches). Empty when `query` is.
  Xapian::Query candidate_query;
  std::size_t words = 0;  // content words in free text
  // Any-field term -> the words it serves (the re-ranker reads which candidates hold each word).
  std::unordered_map<std::string, std::vector<std::size_t>> term_words;
  std::unordered_map<std::string, std::vector<std::size_t>> derived_words;  // ... only in part
  std::unordered_set<std::string> highlight;  // keys to mark in snippets
  bool ranked = false;           // false: a pure filter/listing, results in document order
  bool explain = false;          // SearchRequest::explain: the re-ranker names its factors
  std::string suggestion;        // the query with misspelt words corrected; empty if none were
  std::vector<double> word_idf;  // per content word: log(N / df), df of its commonest lemma
  std::string answer_types;      // what the question asks for (analysis/answer_type.h)
  std::string asked_types;       // those it asks for with question words ("qual é o prazo")
  // "quem nomeia o Primeiro-Ministro?": the organ the question names is not the one it asks for.
  bool asks_agent = false;
  bool who = false;  // a "quem ...?" question: the answer is an organic unit
  // Question words joined by function words, as typed and folded ("avaliacao de desempenho"):
  // Portuguese multi-word terms are noun + bare preposition + noun, and "avaliação do
  // desempenho" is a phrase about something else. The index keeps no stopwords, so the
  // re-ranker looks for these in the paragraph's text.
  struct Wording {
    std::string text;
    std::size_t first_word;  // the content words it joins (the next one is first_word + 1)
  };
  std::vector<Wording> wordings;
  std::vector<std::vector<std::string>> word_keys;  // per content word, its lemma keys
  // The question's words and their one-word equivalents in the thesaurus ("escolhe" -> nomear):
  // the verbs a competence it asks for may open with.
  std::vector<std::string> action_keys;
  // "quem aprova a estratégia?": the keys of the verb asked about (the first word after "quem")
  // and of its one-word equivalents in the thesaurus, when they are verbs. The law often
  // answers in the passive, naming the agent after the participle: "A Estratégia … é aprovada
  // por resolução do Conselho de Ministros".
  std::vector<std::string> agent_verb_keys;
  // The variety of Portuguese the question is written in, from its grammar ("o meu patrão…",
  // "meu voo atrasou…"); kUnknown for most questions.
  analysis::Variety variety = analysis::Variety::kUnknown;
  std::string year;  // "segundo a lei de 2011": the year of the diploma meant, else empty
  // "quem não pode renunciar?": the content words a negation of the question negates (the next
  // within three places). Paragraphs that say a negation (analysis::kNegations) before such a
  // word rank above those that say the opposite with the same words.
  std::vector<std::size_t> negated_words;
  // "que disponibilidade deve assegurar…?", "quantos deputados…?": the content word an
  // interrogative determiner asks about, whose presence the answer needs most; words if none.
  std::size_t focus_word = static_cast<std::size_t>(-1);
  // "quantos deputados…?", "quantos caracteres…?": the focus word is counted, so the answer
  // writes a number right before it ("o máximo de duzentos e trinta Deputados", "pelo menos 12
  // caracteres").
  bool counts = false;
};

// Builds plans against one database (whose vocabulary decides, for instance, which citations
// filter and which words are misspelt). Not thread-safe, like the analyzer it borrows.
class QueryPlanner {
 public:
  // `db` and `analyzer` must outlive the planner; the analyzer is shared with the other phases.
  QueryPlanner(const Xapian::Database& db, analysis::Analyzer& analyzer)
      : db_(db), analyzer_(analyzer) {}

  QueryPlan Plan(const SearchRequest& request);

 private:
  // Word `w`'s query; its prunable form (QueryPlan::candidate_query) goes to `candidate`.
  Xapian::Query WordQuery(const analysis::Token& t, std::size_t w, QueryPlan* plan,
                          Xapian::Query* candidate);
  std::vector<std::string> Derived(const std::vector<std::string>& keys) const;
  Xapian::Query ExpansionQuery(const analysis::Expansion& e, QueryPlan* plan,
                               Xapian::Query* candidate);
  // The phrase as a query; its content words' exact forms, as typed, go to `exact_forms`.
  Xapian::Query PhraseQuery(const std::string& phrase, QueryPlan* plan,
                            std::vector<Xapian::Query>* exact_forms);
  Xapian::Query FilterQuery(Field field, const std::string& value);
  Xapian::Query CitationFilter(const analysis::Citation& c);
  // Paragraphs whose text holds the word (its commonest lemma).
  Xapian::doccount Df(const analysis::Token& t) const;
  bool Unmatched(const analysis::Token& t) const;
  void TypedAcronym(analysis::Token* t) const;

  const Xapian::Database& db_;
  analysis::Analyzer& analyzer_;
  std::vector<analysis::Token> tokens_, fix_tokens_;  // scratch: reused, not reallocated
  bool exact_forms_first_ = false;  // the first phase weighs words' exact forms (grouping)
};

// `q` with its weights multiplied by `factor` (OP_SCALE_WEIGHT).
Xapian::Query Scaled(Xapian::Query q, double factor);

}  // namespace portaria::searcher

#endif  // PORTARIA_SEARCHER_PLAN_H_
