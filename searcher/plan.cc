#include "searcher/plan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "analysis/answer_type.h"
#include "analysis/derivation.h"
#include "analysis/lemmatizer.h"
#include "analysis/question.h"
#include "analysis/text.h"
#include "schema/schema.h"
#include "searcher/spelling.h"

namespace portaria::searcher {
namespace {

using analysis::Token;

// A word typed in capitals, two letters or more ("DPO", "LDB"): an acronym the index lacks is
// no misspelling of a word the index holds.
bool IsAcronym(std::string_view typed) {
  std::size_t letters = 0;
  for (char c : typed) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

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
// What the acronyms of the text stand for, as its diploma defines them (Paragraph::acronyms):
// what the text means, but a name it does not write; a heading's weight. A question's words
// found only in a body's name ("acesso a documentos" in the CADA's) can outrank the paragraph
// that writes them (round 26 -1); at 1.0 rounds 16 and 27 lost one more each.
constexpr double kAcronymWeight = 0.7;
constexpr double kSurfaceWeight = 0.2;     // exact (accent-free) form: a small bonus
constexpr double kExpansionWeight = 0.5;   // thesaurus: below the user's own words
constexpr double kDerivedWeight = 0.6;     // same family: interrogado ~ interrogatório
constexpr std::size_t kMaxDerived = 6;     // derived keys per query word
constexpr double kProximityWeight = 0.3;   // adjacent question words adjacent in the text
constexpr std::size_t kMaxWordingGap = 3;  // "pensão de velhice", "centro de dia", ...
constexpr double kSpellingWeight = 0.8;    // the corrected form of a word that matched nothing
// A word's thesaurus expansions match paragraphs of their own only while the word itself is
// rare: in fewer paragraphs than three default windows (portaria/search.h). An everyday word
// the law seldom uses ("patrão") needs the law's word to find its paragraphs at all; a word
// this common ("pensão", "centro") fills the window by itself, and paragraphs that hold only an
// expansion of it ("multa" for "coima") crowded out ones that hold the question's own words
// (br-dev: one more question answered first). Its expansions still weigh what its words match.
constexpr Xapian::doccount kRareWordMatches = 3 * kDefaultRerankWindow;
constexpr std::size_t kNegationReach = 3;  // "não pode renunciar": the word it negates

Xapian::Query AnyOf(std::string_view prefix, const std::vector<std::string>& keys,
                    Xapian::Query::op op = Xapian::Query::OP_SYNONYM) {
  std::vector<Xapian::Query> terms;
  for (const auto& k : keys) terms.emplace_back(schema::Term(prefix, k));
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(op, terms.begin(), terms.end());
}

// The year in "a lei de 2011", "o decreto-lei de 2021", "regulamento de 2016": a diploma named
// by its kind and year, as people remember it, rather than by its number.
std::string DiplomaYear(const std::vector<Token>& tokens) {
  for (std::size_t i = 2; i < tokens.size(); ++i) {
    const std::string& y = tokens[i].surface;
    bool year = y.size() == 4 && (y.starts_with("19") || y.starts_with("20")) &&
                std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!year || tokens[i - 1].surface != "de") continue;
    const std::string& kind = tokens[i - 2].surface;
    for (std::string_view k : {"lei", "decreto", "portaria", "regulamento", "diretiva", "despacho",
                               "resolucao", "constituicao", "codigo", "carta", "diretriz"}) {
      if (kind == k) return y;
    }
  }
  return {};
}

// A lemma key that is a verb's infinitive ("aprovar", "escolher", "pôr" folded to "por").
bool IsVerbKey(std::string_view key) {
  return key.size() > 3 && (key.ends_with("ar") || key.ends_with("er") || key.ends_with("ir"));
}

// True if token `i` is the noun an interrogative determiner asks about: "que disponibilidade",
// "qual é o prazo", "quantos deputados", "com que idade". Articles and the copula may stand
// between them. "que" is also a relative pronoun and a conjunction ("exigir que deixem",
// "os estrangeiros que vivem"), so it asks only where a clause opens, after a preposition at
// most ("com que idade", "até que idade"), and never about a verb.
bool AskedAbout(const std::vector<analysis::Token>& tokens, std::string_view text, std::size_t i) {
  static const std::unordered_set<std::string_view> kDeterminers = {
      "que", "qual", "quais", "quanto", "quanta", "quantos", "quantas"};
  static const std::unordered_set<std::string_view> kBetween = {"o", "a",   "os",  "as",
                                                                "e", "sao", "era", "foi"};
  static const std::unordered_set<std::string_view> kPrepositions = {
      "a", "com", "de", "em", "ate", "para", "por", "desde", "durante", "sobre", "entre"};
  auto opens_clause = [&](std::size_t j) {
    if (j == 0) return true;
    std::string_view gap = text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end);
    return gap.find_first_of(".?!;:,") != std::string_view::npos;
  };
  const auto& keys = tokens[i].keys;
  if (keys.empty() || std::all_of(keys.begin(), keys.end(), IsVerbKey)) return false;
  for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
    std::size_t j = i - back;
    const std::string& s = tokens[j].surface;
    if (kDeterminers.contains(s)) {
      if (s != "que" || opens_clause(j)) return true;
      return j > 0 && kPrepositions.contains(tokens[j - 1].surface) && opens_clause(j - 1);
    }
    if (!kBetween.contains(s)) return false;
  }
  return false;
}

}  // namespace

Xapian::Query Scaled(Xapian::Query q, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

// Adds word `w`'s query: its keys in the text, headings, unit and source, and its exact form.
// Its derivational family (analysis/derivation.h) counts too, a little less: the same word
// as far as the question is concerned.
Xapian::Query QueryPlanner::WordQuery(const Token& t, std::size_t w, QueryPlan* plan,
                                      Xapian::Query* candidate) {
  std::vector<std::string> derived = Derived(t.keys);
  std::vector<Xapian::Query> parts;
  // Epígrafes and the names of acronyms are fields of the diplomas only: their keys join the
  // query where the index holds them, so questions over other texts do not pay for an empty
  // field (about a fifth of the query time on corpus + br-akn when epígrafes were searched
  // unconditionally).
  auto held = [&](std::string_view prefix, const std::vector<std::string>& keys) {
    std::vector<std::string> out;
    for (const auto& k : keys) {
      if (db_.term_exists(schema::Term(prefix, k))) out.push_back(k);
    }
    return out;
  };
  // A field's query: the word's keys, and its family's a little less.
  auto add_keys = [&](std::string_view prefix, double weight, const std::vector<std::string>& keys,
                      const std::vector<std::string>& family) {
    for (const auto* list : {&keys, &family}) {
      if (list->empty()) continue;
      double scale = list == &family ? weight * kDerivedWeight : weight;
      Xapian::Query q = AnyOf(prefix, *list);
      parts.push_back(scale == 1.0 ? q : Scaled(q, scale));
    }
  };
  auto add = [&](std::string_view prefix, double weight) {
    add_keys(prefix, weight, t.keys, derived);
  };
  auto add_held = [&](std::string_view prefix, double weight) {
    add_keys(prefix, weight, held(prefix, t.keys), held(prefix, derived));
  };
  add(schema::kTextPrefix, 1.0);
  add(schema::kSectionTextPrefix, kSectionWeight);
  add_held(schema::kTitleTextPrefix, kTitleWeight);
  add(schema::kUnitTextPrefix, kUnitWeight);
  add(schema::kSourceTextPrefix, kSourceWeight);
  add(schema::kContextTextPrefix, kContextWeight);
  add(schema::kSummaryTextPrefix, kSummaryWeight);
  add_held(schema::kAcronymTextPrefix, kAcronymWeight);
  // Which candidates hold the word, in any field, is read from its any-field terms: one posting
  // list per key (its exact form is in the text, so among them).
  for (const auto& k : t.keys)
    plan->term_words[schema::Term(schema::kAnyFieldPrefix, k)].push_back(w);
  for (const auto& k : derived)
    plan->derived_words[schema::Term(schema::kAnyFieldPrefix, k)].push_back(w);
  std::string surface = schema::Term(schema::kSurfacePrefix, t.surface);
  for (const auto& k : t.keys) plan->highlight.insert(k);
  for (const auto& k : derived) plan->highlight.insert(k);
  // A word counts once, by the field where it weighs most (the text, unless it only occurs in
  // the headings or the ementa): summing fields would let a word repeated in a section title,
  // the list intro and the ementa outweigh the other words of the question.
  Xapian::Query best = Xapian::Query(Xapian::Query::OP_MAX, parts.begin(), parts.end());
  Xapian::Query exact = Scaled(Xapian::Query(surface), kSurfaceWeight);
  // The first phase's form: the word's keys in every field at once (kAnyFieldPrefix), a word
  // found in several fields counting by its summed frequency; one posting list per key. Not its
  // exact form: every paragraph that holds it holds its keys, so in the first phase it only
  // re-weighs what matches already, and it was a second posting list per word (at 100k
  // paragraphs 8 % of a query at the median and 20 % at the 99th percentile; the judged sets
  // scored the same, one held-out question lost and one gained). The second phase weighs it.
  // Except when grouping: then the first phase picks the paragraph that stands for each
  // diploma, and it should be the one the second phase ranks first among them.
  std::vector<Xapian::Query> alternatives;
  alternatives.push_back(AnyOf(schema::kAnyFieldPrefix, t.keys));
  if (!derived.empty())
    alternatives.push_back(Scaled(AnyOf(schema::kAnyFieldPrefix, derived), kDerivedWeight));
  if (exact_forms_first_) alternatives.push_back(exact);
  *candidate = Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  return Xapian::Query(Xapian::Query::OP_OR, best, exact);
}

// The keys of the words' derivational family that the paragraphs' text holds.
std::vector<std::string> QueryPlanner::Derived(const std::vector<std::string>& keys) const {
  std::vector<std::string> candidates, found;
  for (const auto& k : keys) analysis::DerivedKeys(k, &candidates);
  for (auto& c : candidates) {
    if (found.size() >= kMaxDerived) break;
    if (std::find(keys.begin(), keys.end(), c) != keys.end()) continue;
    if (db_.term_exists(schema::Term(schema::kTextPrefix, c))) found.push_back(std::move(c));
  }
  return found;
}

Xapian::Query QueryPlanner::ExpansionQuery(const analysis::Expansion& e, QueryPlan* plan,
                                           Xapian::Query* candidate) {
  std::vector<Xapian::Query> words, candidate_words;
  for (const auto& keys : e.expression) {
    Xapian::Query text = AnyOf(schema::kTextPrefix, keys);
    Xapian::Query heading = Scaled(AnyOf(schema::kSectionTextPrefix, keys), kSectionWeight);
    Xapian::Query context = Scaled(AnyOf(schema::kContextTextPrefix, keys), kContextWeight);
    Xapian::Query summary = Scaled(AnyOf(schema::kSummaryTextPrefix, keys), kSummaryWeight);
    Xapian::Query parts[] = {text, heading, context, summary};
    words.emplace_back(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
    candidate_words.push_back(AnyOf(schema::kAnyFieldPrefix, keys));
    for (const auto& k : keys) {
      for (std::size_t w = e.first; w < e.first + e.count; ++w)
        plan->term_words[schema::Term(schema::kAnyFieldPrefix, k)].push_back(w);
      plan->highlight.insert(k);
    }
  }
  auto all = [](const std::vector<Xapian::Query>& w) {
    return w.size() == 1 ? w.front() : Xapian::Query(Xapian::Query::OP_AND, w.begin(), w.end());
  };
  *candidate = Scaled(all(candidate_words), kExpansionWeight * e.weight);
  return Scaled(all(words), kExpansionWeight * e.weight);
}

Xapian::Query QueryPlanner::PhraseQuery(const std::string& phrase, QueryPlan* plan,
                                        std::vector<Xapian::Query>* exact_forms) {
  analyzer_.Analyze(phrase, &tokens_);
  std::vector<Xapian::Query> words;
  std::uint32_t first = 0, last = 0;
  for (const auto& t : tokens_) {
    Xapian::Query word;
    if (t.stop) {
      // A function word keeps its place in the phrase ("não", "para que"), where the index holds
      // it: a database written before function words were indexed matches as it used to.
      std::string term = schema::Term(schema::kFunctionWordPrefix, t.surface);
      if (!db_.term_exists(term)) continue;
      word = Xapian::Query(term);
    } else {
      word = AnyOf(schema::kTextPrefix, t.keys, Xapian::Query::OP_OR);
      exact_forms->emplace_back(schema::Term(schema::kSurfacePrefix, t.surface));
    }
    if (words.empty()) first = t.position;
    last = t.position;
    words.push_back(word);
    for (const auto& k : t.keys) plan->highlight.insert(k);
  }
  if (words.size() <= 1) return words.empty() ? Xapian::Query() : words.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), last - first + 1);
}

// The filter for one field value: every content word of the value must match.
Xapian::Query QueryPlanner::FilterQuery(Field field, const std::string& value) {
  if (field == Field::kLetter) {
    std::string letter = analysis::FoldAndStrip(value);
    while (!letter.empty() && (letter.back() == ')' || letter.back() == '.')) letter.pop_back();
    return Xapian::Query(schema::Term(schema::kLetterPrefix, letter));
  }
  std::string_view prefix =
      field == Field::kUnit ? schema::kUnitTextPrefix : schema::kSourceTextPrefix;
  analyzer_.Analyze(value, &tokens_);
  std::vector<Xapian::Query> words;
  for (const auto& t : tokens_) {
    if (!t.stop) words.push_back(AnyOf(prefix, t.keys, Xapian::Query::OP_OR));
  }
  Xapian::Query all = words.empty()
                          ? Xapian::Query::MatchNothing
                          : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
  if (field == Field::kUnit) {  // "unidade:CNP" also matches by acronym
    all = Xapian::Query(
        Xapian::Query::OP_OR, all,
        Xapian::Query(schema::Term(schema::kUnitAcronymPrefix, analysis::FoldAndStrip(value))));
  }
  return all;
}

// The filter for a cited diploma, article, letter or paragraph number; an empty query if
// nothing in the database carries it.
Xapian::Query QueryPlanner::CitationFilter(const analysis::Citation& c) {
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

Xapian::doccount QueryPlanner::Df(const Token& t) const {
  Xapian::doccount df = 0;
  for (const auto& k : t.keys)
    df = std::max(df, db_.get_termfreq(schema::Term(schema::kTextPrefix, k)));
  return df;
}

// True if neither the word's lemmas nor its surface form occur anywhere in the database.
bool QueryPlanner::Unmatched(const Token& t) const {
  if (t.numeric || db_.term_exists(schema::Term(schema::kSurfacePrefix, t.surface))) return false;
  for (const auto& k : t.keys) {
    if (db_.term_exists(schema::Term(schema::kTextPrefix, k))) return false;
  }
  return true;
}

// An acronym typed in lower case, as people type them ("pedidos do cncs", "o valor do ias"), is
// read as a word: "cncs" as the plural of "cnc", "ias" as a form of "ir". Where the index holds
// the word as typed as a key of its own, which only an acronym's capitals give a short word the
// question's analysis does not, the word is that acronym too.
void QueryPlanner::TypedAcronym(Token* t) const {
  const std::string& s = t->surface;
  if (t->stop || t->numeric || s.size() < 2 || s.size() > 5) return;
  if (!std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return;
  if (std::find(t->keys.begin(), t->keys.end(), s) != t->keys.end()) return;
  if (db_.term_exists(schema::Term(schema::kTextPrefix, s))) t->keys.push_back(s);
}

QueryPlan QueryPlanner::Plan(const SearchRequest& request) {
  QueryPlan plan;
  exact_forms_first_ = request.group;
  ParsedQuery parsed = ParseQuery(request.query);
  if (!request.unit.empty()) parsed.filters.push_back({Field::kUnit, request.unit});
  if (!request.letter.empty()) parsed.filters.push_back({Field::kLetter, request.letter});
  if (!request.source.empty()) parsed.filters.push_back({Field::kSource, request.source});

  analyzer_.Analyze(parsed.text, &tokens_);
  for (auto& t : tokens_) TypedAcronym(&t);
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
  plan.asks_agent = question.Has("who") || question.Has("entitled");
  plan.who = plan.asks_agent || question.Has("competence");
  plan.year = DiplomaYear(tokens_);
  plan.variety = analysis::QuestionVariety(parsed.text, tokens_);
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
  // "quem VERB…": the first token after the question form is the verb asked about.
  bool asks_verb = false;
  if (question.Has("who") && !question.Has("entitled")) {
    std::size_t i = 0;
    while (i < tokens_.size() && question.consumed[i]) ++i;
    asks_verb = i > 0 && i < tokens_.size() && !tokens_[i].stop && !cited[i];
  }
  std::vector<Token> content;
  std::vector<std::size_t> negation_at;  // tokens that negate
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i].stop && analysis::IsNegation(tokens_[i].surface)) negation_at.push_back(i);
    if (!tokens_[i].stop && !cited[i] && !question.consumed[i] && content.size() < kMaxQueryWords) {
      for (std::size_t n : negation_at) {
        if (i - n <= kNegationReach &&
            (plan.negated_words.empty() || plan.negated_words.back() != content.size())) {
          plan.negated_words.push_back(content.size());
        }
      }
      negation_at.clear();
      if (plan.focus_word == static_cast<std::size_t>(-1) && AskedAbout(tokens_, parsed.text, i)) {
        plan.focus_word = content.size();
        plan.counts =
            i > 0 && (tokens_[i - 1].surface == "quantos" || tokens_[i - 1].surface == "quantas");
      }
      content.push_back(std::move(tokens_[i]));
    }
  }
  std::vector<Xapian::Query> optional, candidate_optional;
  std::vector<std::vector<std::string>> word_keys;
  std::vector<Xapian::doccount> word_df;  // per content word: paragraphs holding it
  std::vector<std::pair<std::string, std::string>> fixes;  // (as typed, corrected)
  for (std::size_t w = 0; w < content.size(); ++w) {
    Xapian::Query candidate;
    Xapian::Query word = WordQuery(content[w], w, &plan, &candidate);
    // A word that matches nothing is probably misspelt: search its nearest indexed word too.
    // Not a word the dictionary knows: the index merely lacks it, and a word one letter off
    // would change the question ("patrão" is no "padrão", "tropa" no "troca", "gatos" no
    // "gastos"); except a first- or second-person verb form, which a question to the law
    // seldom means, and then only one letter off ("invalides", a form of invalidar, for
    // "invalidez"; a farther word would change the question: "coima" is no "coimbra").
    std::string typed = parsed.text.substr(content[w].begin, content[w].end - content[w].begin);
    std::string fix;
    if (Unmatched(content[w]) && !IsAcronym(typed)) {
      auto& lemmatizer = analysis::Lemmatizer::Shared();
      std::string folded = analysis::Fold(typed);
      bool known = lemmatizer.IsKnownWord(folded);
      if (!known || lemmatizer.IsPersonalVerbFormOnly(folded))
        fix = SuggestWord(db_, content[w].surface, known ? 1 : 2);
    }
    if (!fix.empty()) {
      analyzer_.Analyze(fix, &fix_tokens_);
      if (fix_tokens_.size() == 1 && !fix_tokens_[0].stop) {
        Xapian::Query fixed_candidate;
        word = Xapian::Query(
            Xapian::Query::OP_OR, word,
            Scaled(WordQuery(fix_tokens_[0], w, &plan, &fixed_candidate), kSpellingWeight));
        candidate = Xapian::Query(Xapian::Query::OP_OR, candidate,
                                  Scaled(fixed_candidate, kSpellingWeight));
        fixes.emplace_back(typed, fix);
      }
    }
    optional.push_back(word);
    candidate_optional.push_back(candidate);
    word_keys.push_back(content[w].keys);
    plan.word_keys.push_back(content[w].keys);
    word_df.push_back(Df(content[w]));
    plan.word_idf.push_back(
        std::max(0.1, std::log((db_.get_doccount() + 1.0) / (word_df.back() + 0.5))));
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
    QueryPlan::Adjacent adjacent;
    adjacent.window = gap + 1;
    for (auto [prefix, weight] : {std::pair{schema::kTextPrefix, 1.0},
                                  std::pair{schema::kSectionTextPrefix, kSectionWeight},
                                  std::pair{schema::kContextTextPrefix, kContextWeight},
                                  std::pair{schema::kUnitTextPrefix, kUnitWeight}}) {
      QueryPlan::Adjacent::Field field;
      for (const auto& k : content[w].keys) field.first.push_back(schema::Term(prefix, k));
      for (const auto& k : content[w + 1].keys) field.second.push_back(schema::Term(prefix, k));
      Xapian::Query both[] = {AnyOf(prefix, content[w].keys, Xapian::Query::OP_OR),
                              AnyOf(prefix, content[w + 1].keys, Xapian::Query::OP_OR)};
      field.factor = weight * kProximityWeight;
      field.weighted = Scaled(
          Xapian::Query(Xapian::Query::OP_AND, std::begin(both), std::end(both)), field.factor);
      field.ordered = prefix == schema::kTextPrefix;
      adjacent.fields.push_back(std::move(field));
    }
    plan.adjacent.push_back(std::move(adjacent));
  }
  // All expansions of the same words compete: only the best-matching one counts (OP_MAX),
  // so a vague everyday word with many legal equivalents cannot outweigh the user's words.
  // (first, count) -> the expansions' queries and their prunable forms
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Xapian::Query>> by_span,
      candidate_by_span;
  std::set<std::tuple<std::size_t, std::size_t, analysis::Expression>> seen;
  for (const auto& keys : word_keys) {
    plan.action_keys.insert(plan.action_keys.end(), keys.begin(), keys.end());
  }
  auto add_verbs = [&plan](const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
      if (IsVerbKey(k)) plan.agent_verb_keys.push_back(k);
    }
  };
  if (asks_verb && !word_keys.empty()) add_verbs(word_keys.front());
  for (const auto& e : analysis::Thesaurus::Builtin().Expand(word_keys)) {
    if (!seen.insert({e.first, e.count, e.expression}).second) continue;
    if (e.count == 1 && e.expression.size() == 1) {  // one word for one word
      const auto& keys = e.expression.front();
      plan.action_keys.insert(plan.action_keys.end(), keys.begin(), keys.end());
      if (asks_verb && e.first == 0 && !plan.agent_verb_keys.empty()) add_verbs(keys);
    }
    Xapian::Query candidate;
    by_span[{e.first, e.count}].push_back(ExpansionQuery(e, &plan, &candidate));
    candidate_by_span[{e.first, e.count}].push_back(candidate);
  }
  std::sort(plan.action_keys.begin(), plan.action_keys.end());
  plan.action_keys.erase(std::unique(plan.action_keys.begin(), plan.action_keys.end()),
                         plan.action_keys.end());
  for (std::size_t i = 0; i < question.expansions.size(); ++i) {
    analysis::Expansion e{0, 0, question.expansions[i], question.expansion_weights[i]};
    Xapian::Query candidate;
    optional.push_back(ExpansionQuery(e, &plan, &candidate));
    candidate_optional.push_back(candidate);
  }
  // A common word's expansions weigh the paragraphs its own words match and match none of
  // their own (kRareWordMatches), in both queries, so the result list and its counts agree.
  auto rare = [&](std::pair<std::size_t, std::size_t> span) {
    for (std::size_t w = span.first; w < span.first + span.second && w < word_df.size(); ++w) {
      if (word_df[w] < kRareWordMatches) return true;
    }
    return false;
  };
  std::vector<Xapian::Query> weighing;  // expansions that only add weight
  for (auto& [span, queries] : by_span) {
    (rare(span) ? optional : weighing)
        .push_back(queries.size() == 1
                       ? queries.front()
                       : Xapian::Query(Xapian::Query::OP_MAX, queries.begin(), queries.end()));
  }
  // In the first phase competing expansions add up: OP_MAX is what Xapian 1.4.22 cannot prune.
  // There a common word's expansions are left out: they could only reorder what its words match.
  for (auto& [span, queries] : candidate_by_span) {
    if (rare(span))
      candidate_optional.insert(candidate_optional.end(), queries.begin(), queries.end());
  }
  std::vector<Xapian::Query> required, exact_forms;
  for (const auto& phrase : parsed.phrases) {
    Xapian::Query q = PhraseQuery(phrase, &plan, &exact_forms);
    if (!q.empty()) required.push_back(q);
  }
  // A phrase matches other inflections of its content words ("se alterem" ~ "se altere"); the
  // forms as typed rank first.
  for (const auto& form : exact_forms) {
    optional.push_back(Scaled(form, kSurfaceWeight));
    candidate_optional.push_back(Scaled(form, kSurfaceWeight));
  }
  // Both queries from their optional parts: the required phrases, then the filters.
  std::vector<Xapian::Query> filters = citation_filters;
  for (const auto& f : parsed.filters) filters.push_back(FilterQuery(f.field, f.value));
  auto assemble = [&](const std::vector<Xapian::Query>& parts,
                      const std::vector<Xapian::Query>& weights) {
    Xapian::Query query;
    Xapian::Query opt = parts.empty()
                            ? Xapian::Query()
                            : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    if (!opt.empty() && !weights.empty()) {
      opt = Xapian::Query(Xapian::Query::OP_AND_MAYBE, opt,
                          Xapian::Query(Xapian::Query::OP_OR, weights.begin(), weights.end()));
    }
    if (!required.empty()) {
      Xapian::Query req(Xapian::Query::OP_AND, required.begin(), required.end());
      query = opt.empty() ? req : Xapian::Query(Xapian::Query::OP_AND_MAYBE, req, opt);
    } else {
      query = opt;
    }
    if (!filters.empty()) {
      Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
      query = query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0)
                            : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }
    return query;
  };
  plan.ranked = !optional.empty() || !required.empty();
  plan.explain = request.explain;
  plan.query = assemble(optional, weighing);
  if (!plan.ranked) plan.adjacent.clear();
  if (plan.ranked) plan.candidate_query = assemble(candidate_optional, {});
  return plan;
}

}  // namespace portaria::searcher
