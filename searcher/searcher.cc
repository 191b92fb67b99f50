// The Searcher: query understanding -> Xapian query -> BM25 -> coordination re-rank ->
// snippets and facets.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analysis/analyzer.h"
#include "analysis/answer_type.h"
#include "analysis/citation.h"
#include "analysis/derivation.h"
#include "analysis/question.h"
#include "analysis/rules_lexicon.h"
#include "analysis/text.h"
#include "analysis/thesaurus.h"
#include "portaria/search.h"
#include "schema/record_codec.h"
#include "schema/schema.h"
#include "schema/versions.h"
#include "searcher/query_parser.h"
#include "searcher/snippet.h"
#include "searcher/spelling.h"

namespace portaria {
namespace {

using analysis::Token;

// Weights of a query word's matches outside the paragraph's own text, and of thesaurus
// expansions, relative to a match in the text (1.0). Headings and unit names describe the
// paragraph but are shared by all paragraphs of a section, so they count less.
constexpr double kSectionWeight = 0.7;
// An article's epígrafe names what the whole article rules, in the words people use ("Âmbito de
// aplicação", "Notificação final"): a match there counts as one in the text.
constexpr double kTitleWeight = 1.0;
constexpr double kUnitWeight = 0.5;
constexpr double kSourceWeight = 0.3;
constexpr double kContextWeight = 0.5;
constexpr double kSummaryWeight = 0.6;
constexpr double kSurfaceWeight = 0.2;        // exact (accent-free) form: a small bonus
constexpr double kExpansionWeight = 0.5;      // thesaurus: below the user's own words
constexpr double kDerivedWeight = 0.6;        // same family: interrogado ~ interrogatório
constexpr std::size_t kMaxDerived = 6;        // derived keys per query word
constexpr double kDerivedCredit = 0.5;        // ... and answers that word of the question half
constexpr double kAnswerTypeBoost = 1.6;      // the paragraph gives the kind of answer named
constexpr double kAskedTypeBoost = 2.0;       // ... and the question asks for it in so many words
constexpr double kWhoUnitBoost = 1.3;         // "quem ...?": paragraphs of a unit answer it
constexpr double kNamedUnitBoost = 1.5;       // the question names the paragraph's organ
constexpr double kDefinedTermBoost = 2.0;     // "o que é X?": the definition of X itself
constexpr double kCompetenceVerbBoost = 1.5;  // "quem promulga?": a competence to promulgate
constexpr double kYearBoost = 1.5;  // "a lei de 2011": paragraphs of a diploma of that year
// A preamble says why a diploma was made; its rules are in the articles. Preambles repeat the
// law's vocabulary at length, so without this they outrank the article that answers.
constexpr double kPreambleWeight = 0.7;
constexpr double kProximityWeight = 0.3;   // adjacent question words adjacent in the text
constexpr double kWordingBoost = 0.5;      // the question's multi-word terms, as typed
constexpr std::size_t kMaxWordingGap = 3;  // "pensão de velhice", "centro de dia", ...
// Pseudo-relevance feedback: from the top paragraphs, this many terms at this weight. Not on
// small databases: term statistics from a few dozen paragraphs make feedback drift (measured on
// the 90-paragraph seed page: it pulls in words shared by whole sections).
constexpr std::size_t kFeedbackParagraphs = 5;
constexpr Xapian::termcount kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;
constexpr Xapian::doccount kFeedbackMinParagraphs = 1000;
// A search that meets an indexer's commit reopens the database and starts again; an indexer
// committing every few milliseconds could make it lose several times in a row.
constexpr int kMaxReopens = 50;
constexpr double kSpellingWeight = 0.8;  // the corrected form of a word that matched nothing
// How many top BM25 candidates are re-ranked by coordination (share of query words matched).
constexpr std::size_t kRerankDepth = 200;

Xapian::Query AnyOf(std::string_view prefix, const std::vector<std::string>& keys,
                    Xapian::Query::op op = Xapian::Query::OP_SYNONYM) {
  std::vector<Xapian::Query> terms;
  for (const auto& k : keys) terms.emplace_back(schema::Term(prefix, k));
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(op, terms.begin(), terms.end());
}

Xapian::Query Scaled(Xapian::Query q, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

// A match being re-ranked.
struct Candidate {
  double score = 0;
  Xapian::docid docid = 0;
  std::string id;       // the paragraph's id: ties are broken by it, on every shard alike
  std::string diploma;  // its document, for the diploma prior
};

// Everything the re-ranker needs to know about the query's words.
struct QueryPlan {
  Xapian::Query query;
  std::size_t words = 0;  // content words in free text
  std::unordered_map<std::string, std::vector<std::size_t>> term_words;  // term -> words it serves
  std::unordered_map<std::string, std::vector<std::size_t>> derived_words;  // ... only in part
  std::unordered_set<std::string> highlight;  // keys to mark in snippets
  bool ranked = false;     // false: a pure filter/listing, results in document order
  std::string suggestion;  // the query with misspelt words corrected; empty if none were
  std::vector<double> word_idf;
  std::string answer_types;  // what the question asks for (analysis/answer_type.h)
  std::string asked_types;   // those it asks for with question words ("qual é o prazo")
  bool who = false;  // a "quem ...?" question: the answer is an organic unit  // per content word:
                     // log(N / df), df of its commonest lemma
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
  std::string year;  // "segundo a lei de 2011": the year of the diploma meant, else empty
};

class XapianSearcher : public Searcher {
 public:
  XapianSearcher(Xapian::Database db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  Status Search(const SearchRequest& request, SearchResponse* response) override {
    if (request.query.size() > kMaxQueryBytes) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "query longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (!analysis::IsValidUtf8(request.query, nullptr)) {
      return Status::Error(Status::Code::kInvalidArgument, "query is not valid UTF-8");
    }
    for (int attempt = 0;; ++attempt) {
      try {
        *response = SearchResponse();
        response->query = request.query;
        RunSearch(request, response);
        return Status::Ok();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kMaxReopens) {
          return Status::Error(Status::Code::kIOError, "database keeps changing", path_);
        }
        db_.reopen();  // an indexer committed meanwhile: read the new revision
      } catch (const Xapian::Error& e) {
        return Status::Error(Status::Code::kIOError, e.get_description(), path_);
      }
    }
  }

 private:
  // Adds word `w`'s query: its keys in the text, headings, unit and source, and its exact form.
  // Its derivational family (analysis/derivation.h) counts too, a little less: the same word
  // as far as the question is concerned.
  Xapian::Query WordQuery(const Token& t, std::size_t w, QueryPlan* plan) {
    std::vector<std::string> derived = Derived(t.keys);
    std::vector<Xapian::Query> parts;
    // Epígrafes are a field of the diplomas only: their keys join the query where the index holds
    // them, so questions over other texts do not pay for an empty field (about a fifth of the
    // query time on corpus + br-akn when it was searched unconditionally).
    std::vector<std::string> title_keys, title_derived;
    for (const auto& k : t.keys) {
      if (db_.term_exists(schema::Term(schema::kTitleTextPrefix, k))) title_keys.push_back(k);
    }
    for (const auto& k : derived) {
      if (db_.term_exists(schema::Term(schema::kTitleTextPrefix, k))) title_derived.push_back(k);
    }
    auto add = [&](std::string_view prefix, double weight) {
      bool title = prefix == schema::kTitleTextPrefix;
      const std::vector<std::string>* lists[] = {title ? &title_keys : &t.keys,
                                                 title ? &title_derived : &derived};
      for (const auto* keys : lists) {
        if (keys->empty()) continue;
        bool is_derived = keys == lists[1];
        double scale = is_derived ? weight * kDerivedWeight : weight;
        Xapian::Query q = AnyOf(prefix, *keys);
        parts.push_back(scale == 1.0 ? q : Scaled(q, scale));
        auto& served = is_derived ? plan->derived_words : plan->term_words;
        for (const auto& k : *keys) served[schema::Term(prefix, k)].push_back(w);
      }
    };
    add(schema::kTextPrefix, 1.0);
    add(schema::kSectionTextPrefix, kSectionWeight);
    add(schema::kTitleTextPrefix, kTitleWeight);
    add(schema::kUnitTextPrefix, kUnitWeight);
    add(schema::kSourceTextPrefix, kSourceWeight);
    add(schema::kContextTextPrefix, kContextWeight);
    add(schema::kSummaryTextPrefix, kSummaryWeight);
    std::string surface = schema::Term(schema::kSurfacePrefix, t.surface);
    plan->term_words[surface].push_back(w);
    for (const auto& k : t.keys) plan->highlight.insert(k);
    for (const auto& k : derived) plan->highlight.insert(k);
    // A word counts once, by the field where it weighs most (the text, unless it only occurs in
    // the headings or the ementa): summing fields would let a word repeated in a section title,
    // the list intro and the ementa outweigh the other words of the question.
    Xapian::Query best = Xapian::Query(Xapian::Query::OP_MAX, parts.begin(), parts.end());
    return Xapian::Query(Xapian::Query::OP_OR, best,
                         Scaled(Xapian::Query(surface), kSurfaceWeight));
  }

  // The keys of the words' derivational family that the paragraphs' text holds.
  std::vector<std::string> Derived(const std::vector<std::string>& keys) const {
    std::vector<std::string> candidates, found;
    for (const auto& k : keys) analysis::DerivedKeys(k, &candidates);
    for (auto& c : candidates) {
      if (found.size() >= kMaxDerived) break;
      if (std::find(keys.begin(), keys.end(), c) != keys.end()) continue;
      if (db_.term_exists(schema::Term(schema::kTextPrefix, c))) found.push_back(std::move(c));
    }
    return found;
  }

  Xapian::Query ExpansionQuery(const analysis::Expansion& e, QueryPlan* plan) {
    std::vector<Xapian::Query> words;
    for (const auto& keys : e.expression) {
      Xapian::Query text = AnyOf(schema::kTextPrefix, keys);
      Xapian::Query heading = Scaled(AnyOf(schema::kSectionTextPrefix, keys), kSectionWeight);
      Xapian::Query context = Scaled(AnyOf(schema::kContextTextPrefix, keys), kContextWeight);
      Xapian::Query summary = Scaled(AnyOf(schema::kSummaryTextPrefix, keys), kSummaryWeight);
      Xapian::Query parts[] = {text, heading, context, summary};
      words.emplace_back(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
      for (const auto& k : keys) {
        for (std::size_t w = e.first; w < e.first + e.count; ++w) {
          for (auto prefix : {schema::kTextPrefix, schema::kSectionTextPrefix,
                              schema::kContextTextPrefix, schema::kSummaryTextPrefix}) {
            plan->term_words[schema::Term(prefix, k)].push_back(w);
          }
        }
        plan->highlight.insert(k);
      }
    }
    Xapian::Query q = words.size() == 1
                          ? words.front()
                          : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    return Scaled(q, kExpansionWeight * e.weight);
  }

  Xapian::Query PhraseQuery(const std::string& phrase, QueryPlan* plan) {
    analyzer_.Analyze(phrase, &tokens_);
    std::vector<Xapian::Query> words;
    std::uint32_t first = 0, last = 0;
    for (const auto& t : tokens_) {
      if (t.stop) continue;
      if (words.empty()) first = t.position;
      last = t.position;
      words.push_back(AnyOf(schema::kTextPrefix, t.keys, Xapian::Query::OP_OR));
      for (const auto& k : t.keys) plan->highlight.insert(k);
    }
    if (words.size() <= 1) return words.empty() ? Xapian::Query() : words.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), last - first + 1);
  }

  // The filter for one field value: every content word of the value must match.
  Xapian::Query FilterQuery(searcher::Field field, const std::string& value) {
    if (field == searcher::Field::kLetter) {
      std::string letter = analysis::FoldAndStrip(value);
      while (!letter.empty() && (letter.back() == ')' || letter.back() == '.')) letter.pop_back();
      return Xapian::Query(schema::Term(schema::kLetterPrefix, letter));
    }
    std::string_view prefix =
        field == searcher::Field::kUnit ? schema::kUnitTextPrefix : schema::kSourceTextPrefix;
    analyzer_.Analyze(value, &tokens_);
    std::vector<Xapian::Query> words;
    for (const auto& t : tokens_) {
      if (!t.stop) words.push_back(AnyOf(prefix, t.keys, Xapian::Query::OP_OR));
    }
    Xapian::Query all = words.empty()
                            ? Xapian::Query::MatchNothing
                            : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    if (field == searcher::Field::kUnit) {  // "unidade:CNP" also matches by acronym
      all = Xapian::Query(
          Xapian::Query::OP_OR, all,
          Xapian::Query(schema::Term(schema::kUnitAcronymPrefix, analysis::FoldAndStrip(value))));
    }
    return all;
  }

  // The filter for a cited diploma, article, letter or paragraph number; an empty query if
  // nothing in the database carries it.
  Xapian::Query CitationFilter(const analysis::Citation& c) {
    std::string term;
    switch (c.kind) {
      case analysis::Citation::Kind::kDiploma:
        term = schema::Term(schema::kCitationPrefix, analysis::DiplomaKey(c, true));
        break;
      case analysis::Citation::Kind::kArticle:
        term = schema::Term(schema::kArticlePrefix, c.value);
        break;
      case analysis::Citation::Kind::kLetter:
        term = schema::Term(schema::kLetterPrefix, c.value);
        break;
      case analysis::Citation::Kind::kNumber:
        term = schema::Term(schema::kNumberPrefix, c.value);
        break;
    }
    if (!db_.term_exists(term)) return Xapian::Query();
    return Xapian::Query(term);
  }

  double Idf(const Token& t) const {
    Xapian::doccount df = 0;
    for (const auto& k : t.keys)
      df = std::max(df, db_.get_termfreq(schema::Term(schema::kTextPrefix, k)));
    double n = db_.get_doccount();
    return std::max(0.1, std::log((n + 1) / (df + 0.5)));
  }

  // True if neither the word's lemmas nor its surface form occur anywhere in the database.
  bool Unmatched(const Token& t) const {
    if (t.numeric || db_.term_exists(schema::Term(schema::kSurfacePrefix, t.surface))) return false;
    for (const auto& k : t.keys) {
      if (db_.term_exists(schema::Term(schema::kTextPrefix, k))) return false;
    }
    return true;
  }

  QueryPlan Plan(const SearchRequest& request) {
    QueryPlan plan;
    searcher::ParsedQuery parsed = searcher::ParseQuery(request.query);
    if (!request.unit.empty()) parsed.filters.push_back({searcher::Field::kUnit, request.unit});
    if (!request.letter.empty())
      parsed.filters.push_back({searcher::Field::kLetter, request.letter});
    if (!request.source.empty())
      parsed.filters.push_back({searcher::Field::kSource, request.source});

    analyzer_.Analyze(parsed.text, &tokens_);
    // Citations become exact filters and leave the free text, unless the index has never heard
    // of the cited diploma: then its words stay ordinary query words.
    std::vector<bool> cited(tokens_.size(), false);
    std::vector<Xapian::Query> citation_filters;
    for (const auto& c : analysis::FindCitations(parsed.text, tokens_)) {
      Xapian::Query filter = CitationFilter(c);
      if (filter.empty()) continue;
      citation_filters.push_back(filter);
      for (std::size_t i = c.first_token; i <= c.last_token; ++i) cited[i] = true;
    }
    // Question words and filler are asked, not searched for; the form may name the answer.
    analysis::QuestionAnalysis question = analysis::QuestionForms::Builtin().Analyze(tokens_);
    plan.who = question.Has("who") || question.Has("competence") || question.Has("entitled");
    plan.year = DiplomaYear(tokens_);
    for (const auto& form : question.forms) {
      char type = analysis::AnswerTypeOfForm(form);
      if (!type) continue;
      plan.answer_types.push_back(type);
      if (question.Asked(form)) plan.asked_types.push_back(type);
    }
    std::size_t last = tokens_.size();  // the previous content word, if any
    for (std::size_t i = 0, word = 0; i < tokens_.size() && word < kMaxQueryWords; ++i) {
      if (tokens_[i].stop) continue;
      if (cited[i] || question.consumed[i]) {
        last = tokens_.size();
        continue;
      }
      if (last < tokens_.size() && i - last >= 2 && i - last <= kMaxWordingGap) {
        std::string text = tokens_[last].surface;
        for (std::size_t j = last + 1; j <= i; ++j) text += " " + tokens_[j].surface;
        plan.wordings.push_back({std::move(text), word - 1});
      }
      last = i;
      ++word;
    }
    std::vector<Token> content;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (!tokens_[i].stop && !cited[i] && !question.consumed[i] &&
          content.size() < kMaxQueryWords) {
        content.push_back(std::move(tokens_[i]));
      }
    }
    std::vector<Xapian::Query> optional;
    std::vector<std::vector<std::string>> word_keys;
    std::vector<std::pair<std::string, std::string>> fixes;  // (as typed, corrected)
    for (std::size_t w = 0; w < content.size(); ++w) {
      Xapian::Query word = WordQuery(content[w], w, &plan);
      // A word that matches nothing is probably misspelt: search its nearest indexed word too.
      std::string fix = Unmatched(content[w]) ? searcher::SuggestWord(db_, content[w].surface) : "";
      if (!fix.empty()) {
        analyzer_.Analyze(fix, &fix_tokens_);
        if (fix_tokens_.size() == 1 && !fix_tokens_[0].stop) {
          word = Xapian::Query(Xapian::Query::OP_OR, word,
                               Scaled(WordQuery(fix_tokens_[0], w, &plan), kSpellingWeight));
          fixes.emplace_back(
              parsed.text.substr(content[w].begin, content[w].end - content[w].begin), fix);
        }
      }
      optional.push_back(word);
      word_keys.push_back(content[w].keys);
      plan.word_keys.push_back(content[w].keys);
      plan.word_idf.push_back(Idf(content[w]));
    }
    if (!fixes.empty()) {
      // The user's query with each misspelt word replaced, everything else as typed.
      plan.suggestion = request.query;
      std::size_t from = 0;
      for (const auto& [wrong, right] : fixes) {
        std::size_t at = plan.suggestion.find(wrong, from);
        if (at == std::string::npos) continue;
        plan.suggestion.replace(at, wrong.size(), right);
        from = at + right.size();
      }
    }
    plan.words = content.size();
    // Question words that stand together (stopwords between them allowed) score a bonus where
    // they also stand together: "segurança social" in a heading beats "capital social".
    for (std::size_t w = 0; w + 1 < content.size(); ++w) {
      std::uint32_t gap = content[w + 1].position - content[w].position;
      if (gap > 3) continue;
      std::vector<Xapian::Query> fields;
      for (auto [prefix, weight] : {std::pair{schema::kTextPrefix, 1.0},
                                    std::pair{schema::kSectionTextPrefix, kSectionWeight},
                                    std::pair{schema::kContextTextPrefix, kContextWeight},
                                    std::pair{schema::kUnitTextPrefix, kUnitWeight}}) {
        Xapian::Query pair[] = {AnyOf(prefix, content[w].keys, Xapian::Query::OP_OR),
                                AnyOf(prefix, content[w + 1].keys, Xapian::Query::OP_OR)};
        fields.push_back(Scaled(
            Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), gap + 1),
            weight));
      }
      optional.push_back(Scaled(Xapian::Query(Xapian::Query::OP_MAX, fields.begin(), fields.end()),
                                kProximityWeight));
    }
    // All expansions of the same words compete: only the best-matching one counts (OP_MAX),
    // so a vague everyday word with many legal equivalents cannot outweigh the user's words.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<Xapian::Query>> by_span;
    std::set<std::tuple<std::size_t, std::size_t, analysis::Expression>> seen;
    for (const auto& e : analysis::Thesaurus::Builtin().Expand(word_keys)) {
      if (!seen.insert({e.first, e.count, e.expression}).second) continue;
      by_span[{e.first, e.count}].push_back(ExpansionQuery(e, &plan));
    }
    for (std::size_t i = 0; i < question.expansions.size(); ++i) {
      analysis::Expansion e{0, 0, question.expansions[i], question.expansion_weights[i]};
      optional.push_back(ExpansionQuery(e, &plan));
    }
    for (auto& [span, queries] : by_span) {
      optional.push_back(queries.size() == 1 ? queries.front()
                                             : Xapian::Query(Xapian::Query::OP_MAX, queries.begin(),
                                                             queries.end()));
    }
    std::vector<Xapian::Query> required;
    for (const auto& phrase : parsed.phrases) {
      Xapian::Query q = PhraseQuery(phrase, &plan);
      if (!q.empty()) required.push_back(q);
    }
    Xapian::Query query;
    Xapian::Query opt = optional.empty()
                            ? Xapian::Query()
                            : Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
    if (!required.empty()) {
      Xapian::Query req(Xapian::Query::OP_AND, required.begin(), required.end());
      query = opt.empty() ? req : Xapian::Query(Xapian::Query::OP_AND_MAYBE, req, opt);
    } else {
      query = opt;
    }
    plan.ranked = !query.empty();
    std::vector<Xapian::Query> filters = citation_filters;
    for (const auto& f : parsed.filters) filters.push_back(FilterQuery(f.field, f.value));
    if (!filters.empty()) {
      Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
      query = query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                            : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }
    plan.query = query;
    return plan;
  }

  void RunSearch(const SearchRequest& request, SearchResponse* response) {
    QueryPlan plan = Plan(request);
    response->suggestion = plan.suggestion;
    if (plan.query.empty()) return;
    std::size_t limit = std::min(request.limit, kMaxResults);
    std::size_t wanted = request.offset + limit;

    Xapian::Enquire enquire(db_);
    enquire.set_query(plan.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    enquire.set_collapse_key(request.group ? schema::kSlotDoc : schema::kSlotCollapse);
    if (plan.ranked) {
      enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
    } else {
      // A pure listing (filters only): in document order.
      auto* key = new Xapian::MultiValueKeyMaker();
      key->add_value(schema::kSlotDoc);
      key->add_value(schema::kSlotOrder);
      key->add_value(schema::kSlotId);
      enquire.set_sort_by_key(key->release(), false);
    }
    std::size_t depth = plan.ranked ? std::max(wanted, kRerankDepth) : wanted;
    // Every match is counted (exact facets and total). This also keeps Xapian 1.4.22 from pruning:
    // with a lower check_at_least it can crash inside get_mset where two OP_MAX subqueries share
    // an OR (2 of the 50 judged questions did), and every question of two words has that shape
    // (bench/README.md).
    Xapian::doccount check_all = db_.get_doccount();
    if (plan.ranked && db_.get_doccount() >= kFeedbackMinParagraphs) {
      // A first pass for the few paragraphs that feedback reads: a short result heap and no
      // facet spies (they would count every match twice). Its top is the final pass's top, as
      // the order is total (ties are broken by id).
      Xapian::MSet top = enquire.get_mset(0, kFeedbackParagraphs, check_all);
      Xapian::Query feedback = Feedback(enquire, top, plan);
      if (!feedback.empty()) {
        // AND_MAYBE keeps the match set (and the filters): feedback only re-weights it.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, plan.query,
                                        Scaled(feedback, kFeedbackWeight)));
      }
    }
    Xapian::ValueCountMatchSpy units(schema::kSlotUnit), sources(schema::kSlotSource);
    enquire.add_matchspy(&units);
    enquire.add_matchspy(&sources);
    Xapian::MSet mset;
    try {
      mset = enquire.get_mset(0, depth, check_all);
    } catch (const Xapian::UnimplementedError&) {
      if (plan.ranked) throw;
      // Remote shards take no KeyMaker: list by diploma, then in docid order, which is the
      // order the indexer wrote each file's paragraphs (a file re-indexed in place keeps it).
      enquire.set_sort_by_value(schema::kSlotDoc, false);
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      mset = enquire.get_mset(0, depth, check_all);
    }
    // Every match was checked, so the lower bound is the count. The estimate is not: beyond the
    // documents that reached the result heap it guesses how many identical paragraphs collapse
    // (1100 for 688 paragraphs on corpus + br-akn).
    response->total = mset.get_matches_lower_bound();

    // The re-ranking signals are read for all candidates at once, in docid order, one posting
    // list or value stream at a time: per-document look-ups cost a B-tree search each.
    std::vector<Xapian::docid> docids;
    std::vector<Candidate> candidates;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      docids.push_back(*it);
      candidates.push_back({it.get_weight(), *it, {}, {}});
    }
    std::vector<std::size_t> order(docids.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return docids[a] < docids[b]; });
    auto ids = ValuesOf(schema::kSlotId, docids, order);
    auto diplomas = ValuesOf(schema::kSlotDoc, docids, order);
    std::vector<std::string> unit_of, types;
    if (plan.who || plan.words >= 2) unit_of = ValuesOf(schema::kSlotUnit, docids, order);
    std::unordered_map<std::string, bool> named;  // unit -> the question names it
    if (!plan.answer_types.empty()) types = ValuesOf(schema::kSlotAnswerTypes, docids, order);
    std::vector<double> credits;
    if (plan.ranked && plan.words > 0) credits = WordCredits(docids, order, plan);
    std::vector<bool> preamble = HoldersOf(std::string(schema::kPreambleTerm), docids, order);
    std::vector<std::string> dates;
    if (!plan.year.empty()) dates = ValuesOf(schema::kSlotDate, docids, order);
    // "quem promulga as leis?": the competences that open with one of the question's verbs.
    std::vector<bool> does(docids.size(), false);
    if (plan.who) {
      for (const auto& keys : plan.word_keys) {
        for (const auto& k : keys) {
          auto held = HoldersOf(schema::Term(schema::kCompetenceVerbPrefix, k), docids, order);
          for (std::size_t i = 0; i < held.size(); ++i) does[i] = does[i] || held[i];
        }
      }
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      Candidate& c = candidates[i];
      c.id = std::move(ids[i]);
      c.diploma = std::move(diplomas[i]);
      if (!credits.empty()) c.score *= Coordination(&credits[i * plan.words], plan);
      if (plan.who && !unit_of[i].empty()) c.score *= kWhoUnitBoost;
      if (preamble[i]) c.score *= kPreambleWeight;
      if (!dates.empty() && dates[i].starts_with(plan.year)) c.score *= kYearBoost;
      if (does[i]) c.score *= kCompetenceVerbBoost;
      if (!unit_of.empty() && !unit_of[i].empty()) {
        auto [it, fresh] = named.try_emplace(unit_of[i], false);
        if (fresh) it->second = NamesUnit(unit_of[i], plan);
        if (it->second) c.score *= kNamedUnitBoost;
      }
      for (char type : plan.answer_types) {
        if (types[i].find(type) == std::string::npos) continue;
        bool asked = plan.asked_types.find(type) != std::string::npos;
        c.score *= asked ? kAskedTypeBoost : kAnswerTypeBoost;
        if (type == analysis::kAnswerDefinition && DefinesQuestionTerm(c.docid, plan))
          c.score *= kDefinedTermBoost;
      }
      if (!plan.wordings.empty() && !credits.empty()) {
        c.score *= Wording(c.docid, &credits[i * plan.words], plan);
      }
    }
    if (plan.ranked) {
      DocumentPrior(&candidates);
      std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
      });
    }
    for (std::size_t i = request.offset; i < candidates.size() && i < wanted; ++i) {
      SearchHit hit;
      hit.rank = i + 1;
      hit.score = candidates[i].score;
      schema::DecodeRecord(
          db_.get_document(candidates[i].docid, Xapian::DOC_ASSUME_VALID).get_data(),
          &hit.paragraph);
      hit.snippet = searcher::MakeSnippet(
          hit.paragraph.text, HighlightPositions(candidates[i].docid, plan), &analyzer_);
      response->hits.push_back(std::move(hit));
    }
    for (auto* spy : {&units, &sources}) {
      auto& facet = response->facets[spy == &units ? "unit" : "source"];
      for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
        if (!(*v).empty()) facet[*v] = v.get_termfreq();
      }
    }
  }

  // The year in "a lei de 2011", "o decreto-lei de 2021", "regulamento de 2016": a diploma named
  // by its kind and year, as people remember it, rather than by its number.
  static std::string DiplomaYear(const std::vector<Token>& tokens) {
    for (std::size_t i = 2; i < tokens.size(); ++i) {
      const std::string& y = tokens[i].surface;
      bool year = y.size() == 4 && (y.starts_with("19") || y.starts_with("20")) &&
                  std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!year || tokens[i - 1].surface != "de") continue;
      const std::string& kind = tokens[i - 2].surface;
      for (std::string_view k :
           {"lei", "decreto", "portaria", "regulamento", "diretiva", "despacho", "resolucao",
            "constituicao", "codigo", "carta", "diretriz"}) {
        if (kind == k) return y;
      }
    }
    return {};
  }

  // True if the question names the organ `unit`: it holds at least two of the unit's words and
  // two thirds of them ("o que faz o conselho superior de segurança do ciberespaço" names the
  // Conselho Superior de Segurança do Ciberespaço). The paragraphs of that organ are about what
  // the question asks, whatever words their own text uses.
  bool NamesUnit(const std::string& unit, const QueryPlan& plan) {
    analyzer_.Analyze(unit, &unit_tokens_);
    std::size_t words = 0, covered = 0;
    for (const auto& t : unit_tokens_) {
      if (t.stop || t.numeric) continue;
      ++words;
      bool hit = false;
      for (const auto& keys : plan.word_keys) {
        for (const auto& k : keys) {
          if (std::find(t.keys.begin(), t.keys.end(), k) != t.keys.end()) hit = true;
        }
      }
      if (hit) ++covered;
    }
    return covered >= 2 && covered * 3 >= words * 2;
  }

  // True if the paragraph is the definition of what the question asks about: it opens with the
  // term it defines in quotes ("«Dados pessoais», informação relativa a …"), and every word of
  // that term is a word of the question ("o que é um dado pessoal", "o que é um incidente na
  // lei da cibersegurança"), so a longer term that only shares a word ("«Tratamento de
  // incidentes»") is not it. Reads the stored text, so only for definitions the question asks
  // for.
  bool DefinesQuestionTerm(Xapian::docid docid, const QueryPlan& plan) {
    Paragraph p;
    if (!schema::DecodeRecord(db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data(), &p))
      return false;
    std::string_view text = p.text;
    std::string_view open = "«", close = "»";
    if (!text.starts_with(open)) return false;
    std::size_t end = text.find(close);
    if (end == std::string_view::npos || end > 160) return false;
    analyzer_.Analyze(text.substr(open.size(), end - open.size()), &unit_tokens_);
    std::vector<bool> asked(plan.word_keys.size(), false);
    for (const auto& t : unit_tokens_) {
      if (t.stop) continue;
      bool hit = false;
      for (std::size_t w = 0; w < plan.word_keys.size(); ++w) {
        for (const auto& k : plan.word_keys[w]) {
          if (std::find(t.keys.begin(), t.keys.end(), k) != t.keys.end()) hit = asked[w] = true;
        }
      }
      if (!hit) return false;  // the term has a word the question does not
    }
    return std::any_of(asked.begin(), asked.end(), [](bool a) { return a; });
  }

  // Pseudo-relevance feedback: the text terms that best characterise the top paragraphs (Xapian's
  // ESet over them), as an optional query. It brings in the law's own words for a question
  // asked in other words ("vazaram fotos" -> "nudez", "divulgação").
  Xapian::Query Feedback(const Xapian::Enquire& enquire, const Xapian::MSet& mset,
                         const QueryPlan& plan) {
    Xapian::RSet rset;
    std::size_t n = 0;
    for (auto it = mset.begin(); it != mset.end() && n < kFeedbackParagraphs; ++it, ++n) {
      rset.add_document(*it);
    }
    if (rset.empty()) return Xapian::Query();
    struct TextTermsOnly : Xapian::ExpandDecider {
      bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z' && term[1] >= 'a';  // "Z" + key, no field
      }
    } text_terms;
    // Exact term frequencies: the default estimates them per shard, and then a set of shards
    // would not rank exactly like one database (measured on a stub of two shards).
    Xapian::ESet eset =
        enquire.get_eset(kFeedbackTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &text_terms);
    std::vector<Xapian::Query> extra;
    for (auto e = eset.begin(); e != eset.end(); ++e) {
      if (!plan.term_words.count(*e)) extra.emplace_back(*e);
    }
    if (extra.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, extra.begin(), extra.end());
  }

  // Paragraphs of the diploma that answers the question best rank higher: a diploma's evidence
  // is the sum of its best few paragraphs' scores, so one lucky paragraph in an unrelated act
  // weighs less than a well-matching paragraph in the act the question is about.
  void DocumentPrior(std::vector<Candidate>* candidates) {
    constexpr double lambda = 0.3;   // weight of the diploma's evidence
    constexpr std::size_t top = 10;  // paragraphs that make a diploma's evidence
    if (lambda <= 0 || candidates->empty()) return;
    std::map<std::string, std::vector<double>> by_doc;
    for (const auto& c : *candidates) by_doc[c.diploma].push_back(c.score);
    std::map<std::string, double> evidence;
    double best = 0;
    for (auto& [doc, scores] : by_doc) {
      std::sort(scores.rbegin(), scores.rend());
      double sum = 0;
      for (std::size_t i = 0; i < scores.size() && i < top; ++i) sum += scores[i];
      evidence[doc] = sum;
      best = std::max(best, sum);
    }
    if (best <= 0) return;
    for (auto& c : *candidates) {
      c.score *= 1 + lambda * evidence[c.diploma] / best;
    }
  }

  // Where the paragraph's text holds the keys to highlight, read from the index (its text
  // terms and their positions), so a snippet needs no analysis of the text.
  std::unordered_set<std::uint32_t> HighlightPositions(Xapian::docid docid, const QueryPlan& plan) {
    std::unordered_set<std::uint32_t> positions;
    const std::string prefix(schema::kTextPrefix);
    Xapian::TermIterator t = db_.termlist_begin(docid), end = db_.termlist_end(docid);
    for (t.skip_to(prefix); t != end; ++t) {
      const std::string term = *t;
      if (term.compare(0, prefix.size(), prefix) != 0) break;
      char next = term.size() > prefix.size() ? term[prefix.size()] : 'A';
      if (next >= 'A' && next <= 'Z') continue;  // another field's prefix (ZH, ZU, ...)
      if (!plan.highlight.count(term.substr(prefix.size()))) continue;
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positions.insert(*p);
    }
    return positions;
  }

  // Which of `docids` hold `term`: one walk of its posting list in docid order (`order`).
  std::vector<bool> HoldersOf(const std::string& term, const std::vector<Xapian::docid>& docids,
                              const std::vector<std::size_t>& order) {
    std::vector<bool> held(docids.size(), false);
    Xapian::PostingIterator p = db_.postlist_begin(term), end = db_.postlist_end(term);
    for (std::size_t i : order) {
      if (p == end) break;
      p.skip_to(docids[i]);
      if (p != end && *p == docids[i]) held[i] = true;
    }
    return held;
  }

  // The question's multi-word terms found as typed, function words included, as a multiplier.
  // `matched` is the candidate's row of WordCredits(): a wording can only be in the text if
  // both its words are, so most candidates are settled without reading their text.
  double Wording(Xapian::docid docid, const double* matched, const QueryPlan& plan) {
    bool possible = false;
    for (const auto& wording : plan.wordings) {
      possible |= matched[wording.first_word] == 1.0 && matched[wording.first_word + 1] == 1.0;
    }
    if (!possible) return 1.0;
    schema::DecodeRecord(db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data(), &record_);
    // The paragraph's own words, and the words it stands under: its list intro, headings and
    // the diploma's ementa name what an alínea only refers to ("Têm legitimidade para requerer
    // este procedimento" under an ementa about "mudança de sexo").
    std::string text = analysis::FoldAndStrip(record_.text + "\n" + record_.context + "\n" +
                                              record_.section + "\n" + record_.summary);
    auto is_word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
    std::size_t found = 0;
    for (const auto& [wording, first_word] : plan.wordings) {
      if (matched[first_word] != 1.0 || matched[first_word + 1] != 1.0) continue;
      for (std::size_t at = text.find(wording); at != std::string::npos;
           at = text.find(wording, at + 1)) {
        std::size_t end = at + wording.size();
        if ((at == 0 || !is_word(text[at - 1])) && (end == text.size() || !is_word(text[end]))) {
          ++found;
          break;
        }
      }
    }
    return 1 + kWordingBoost * found / plan.wordings.size();
  }

  // Per candidate, how much it matches each word of the question (1, or kDerivedCredit for a
  // word's derivational family only), as candidates x words. Walks each term's posting list
  // once over the candidates in docid order (`order`), instead of each candidate's term list.
  std::vector<double> WordCredits(const std::vector<Xapian::docid>& docids,
                                  const std::vector<std::size_t>& order, const QueryPlan& plan) {
    std::vector<double> matched(docids.size() * plan.words, 0.0);
    auto mark = [&](const std::string& term, const std::vector<std::size_t>& words, double credit) {
      Xapian::PostingIterator p = db_.postlist_begin(term), end = db_.postlist_end(term);
      for (std::size_t i : order) {
        if (p == end) break;
        p.skip_to(docids[i]);
        if (p == end || *p != docids[i]) continue;
        for (std::size_t w : words) {
          double& m = matched[i * plan.words + w];
          m = std::max(m, credit);
        }
      }
    };
    for (const auto& [term, words] : plan.term_words) mark(term, words, 1.0);
    for (const auto& [term, words] : plan.derived_words) mark(term, words, kDerivedCredit);
    return matched;
  }

  // The values in `slot` of `docids`, read as one value stream in docid order (`order`).
  std::vector<std::string> ValuesOf(Xapian::valueno slot, const std::vector<Xapian::docid>& docids,
                                    const std::vector<std::size_t>& order) {
    std::vector<std::string> values(docids.size());
    Xapian::ValueIterator v = db_.valuestream_begin(slot), end = db_.valuestream_end(slot);
    for (std::size_t i : order) {
      if (v == end) break;
      v.skip_to(docids[i]);
      if (v != end && v.get_docid() == docids[i]) values[i] = *v;
    }
    return values;
  }

  // The share of the query's words a paragraph matches, as a multiplier: paragraphs that answer
  // more of the question outrank those that repeat one of its words.
  double Coordination(const double* matched, const QueryPlan& plan) {
    // Words count by their rarity: matching "prazo" says more than matching "pode".
    double got = 0, all = 0;
    for (std::size_t w = 0; w < plan.words; ++w) {
      all += plan.word_idf[w];
      got += matched[w] * plan.word_idf[w];
    }
    double share = all > 0 ? got / all : 0;
    return 0.25 + 0.75 * share * share;
  }

  Xapian::Database db_;
  std::string path_;
  analysis::Analyzer analyzer_;
  std::vector<Token> unit_tokens_;
  std::vector<Token> tokens_, fix_tokens_;
  Paragraph record_;  // scratch for Wording()
};

}  // namespace

Searcher::~Searcher() = default;

Status Searcher::Open(const std::string& path, std::unique_ptr<Searcher>* searcher) {
  try {
    Xapian::Database db(path);
    Status s = schema::CheckVersions(db, analysis::kAnalyzerVersion, path);
    if (!s.ok()) return s;
    if (db.get_metadata(std::string(schema::kMetaSchemaVersion)).empty()) {
      return Status::Error(Status::Code::kNotFound, "database is empty: index something first",
                           path);
    }
    // Before the rule files are first parsed (on the first question), so that their words need
    // no dictionary look-ups.
    analysis::PrimeRulesLexicon(db.get_metadata(std::string(schema::kMetaRulesLexicon)));
    *searcher = std::make_unique<XapianSearcher>(std::move(db), path);
    return Status::Ok();
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::Error(Status::Code::kNotFound,
                         "cannot open database (" + e.get_msg() + "); build it with portaria-index",
                         path);
  } catch (const Xapian::Error& e) {
    return Status::Error(Status::Code::kIOError, e.get_description(), path);
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kInternal, e.what(), path);
  }
}

}  // namespace portaria
