#include "searcher/rerank.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/answer_type.h"
#include "analysis/text.h"
#include "analysis/variety.h"
#include "schema/record_codec.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "searcher/positions.h"

namespace portaria::searcher {
namespace {

// A match of only a word's derivational family (plan.cc: interrogado ~ interrogatório)
// answers that word of the question three quarters: the law says in nouns what people ask in
// verbs ("quando decidem?": "O prazo para decisão é de 20 dias"; "como reclamar?": "A
// reclamação é deduzida …"). At a half, pt-short and pt-short3 each lost one answer so; at 1,
// pt-short4 lost one to a paragraph that holds only the family.
constexpr double kDerivedCredit = 0.75;
constexpr double kAnswerTypeBoost = 1.6;  // the paragraph gives the kind of answer named
constexpr double kAskedTypeBoost = 2.0;   // ... and the question asks for it in so many words
constexpr double kWhoUnitBoost = 1.3;     // "quem ...?": paragraphs of a unit answer it
// ... and so does a paragraph that says who is charged with something ("A execução do
// recenseamento militar cabe ao Exército"), in so many words: more than a unit's tag says.
constexpr double kWhoChargedBoost = 1.5;
// "posso…?", "é obrigatório…?": a paragraph that states a right, permission, duty or prohibition.
// Weaker than the other types: law is full of such rules, so it only tips the balance.
constexpr double kRuleBoost = 1.3;
constexpr double kNamedUnitBoost = 1.5;       // the question names the paragraph's organ
constexpr double kDefinedTermBoost = 2.0;     // "o que é X?": the definition of X itself
constexpr double kCompetenceVerbBoost = 1.5;  // "quem promulga?": a competence to promulgate
// "o que faz a unidade X?": the intro of X's list of competences ("Compete à Unidade X
// assegurar o apoio técnico-jurídico, designadamente:") answers the whole question; each alínea
// answers a part of it.
constexpr double kCompetenceIntroBoost = 1.3;
// A question in one variety of Portuguese ranks the law written in the other lower: "o meu
// patrão pode…?" is asked in Portugal, about Portuguese law, even where a Brazilian act uses
// more of its words (analysis/variety.h). Only where both varieties are known.
constexpr double kOtherVarietyWeight = 0.6;
constexpr double kYearBoost = 1.5;  // "a lei de 2011": paragraphs of a diploma of that year
// A preamble says why a diploma was made; its rules are in the articles. Preambles repeat the
// law's vocabulary at length, so without this they outrank the article that answers.
constexpr double kPreambleWeight = 0.5;
// A revoked or vetoed provision's placeholder ("(Revogado.)", "(VETADO)"): short, so BM25 ranks
// it high on what its headings and list intro say, and it answers nothing.
constexpr double kVoidWeight = 0.1;
// The article on a diploma's object ("A presente lei regula o procedimento de mudança de sexo…")
// restates the diploma's title, so it matches every question about the diploma's subject and
// outranks the article that answers; like the preamble, it says what the law is about, not
// what it rules. Found by the epígrafe's lemma key, which is "objeto" in both spellings.
constexpr double kObjectWeight = 0.7;
constexpr std::string_view kObjectKey = "objeto";
// "que disponibilidade deve assegurar o ponto de contacto…?": the noun asked about counts twice
// in the coordination; a paragraph on the contact point that never says what availability it
// needs does not answer.
constexpr double kFocusWeight = 2.0;
// "quantos deputados…?": a paragraph that writes a number before the word counted gives the
// count asked for, in so many words.
constexpr double kCountBoost = 2.0;
// A list intro that names the word counted ("Centros Distritais a nível nacional:") gives the
// count item by item: less than a number written, which says it.
constexpr double kListCountBoost = 1.4;
constexpr double kWordingBoost = 0.5;  // the question's multi-word terms, as typed
// "quem não pode renunciar": the paragraph says "não" before "renunciar" too, where another with
// the same words would say the opposite.
constexpr double kNegationBoost = 1.3;
constexpr Xapian::termpos kNegationReach = 3;  // positions from the negation to its word
// "quem aprova a estratégia?": "a Estratégia … é aprovada por resolução do Conselho de
// Ministros" names who, in the passive; as a competence that opens with the verb does.
constexpr double kAgentBoost = 1.5;
constexpr std::string_view kAgentPrepositions[] = {"por", "pelo", "pela", "pelos", "pelas"};

// "bm25 8.12": how an explanation opens (Candidate::why).
std::string Factor(std::string_view name, double weight) {
  char buf[32];
  std::snprintf(buf, sizeof buf, " %.4g", weight);
  return std::string(name) + buf;
}

// Multiplies the candidate's score by `factor` and, when the plan asks to explain, says so in
// its `why`. A factor of 1 changes nothing and is not named.
void Apply(const QueryPlan& plan, std::string_view name, double factor, Candidate* c) {
  c->score *= factor;
  if (!plan.explain || factor == 1.0) return;
  char buf[32];
  std::snprintf(buf, sizeof buf, " ×%.3g", factor);
  c->why.append(" · ").append(name).append(buf);
}

// A número or alínea is read in its article: "A aplicação das coimas previstas no presente
// artigo compete ao chefe do estado-maior do ramo" answers "quem aplica a multa a quem falta ao
// Dia da Defesa Nacional?" because número 1 of the same article names the Dia da Defesa Nacional.
// So a question word that another window paragraph of the article matches counts, for each of
// its paragraphs, kArticleCredit of what it counts there. `credits` is candidates x words.
void ArticleContext(const std::vector<const schema::Features*>& features, std::size_t words,
                    std::vector<double>* credits) {
  constexpr double kArticleCredit = 0.5;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_article;
  for (std::size_t i = 0; i < features.size(); ++i) {
    std::string_view scope = schema::ArticleScope(features[i]->id);
    if (!scope.empty()) by_article[scope].push_back(i);
  }
  std::vector<double> best(words);
  for (const auto& [scope, members] : by_article) {
    if (members.size() < 2) continue;
    std::fill(best.begin(), best.end(), 0.0);
    for (std::size_t i : members) {
      for (std::size_t w = 0; w < words; ++w)
        best[w] = std::max(best[w], (*credits)[i * words + w]);
    }
    for (std::size_t i : members) {
      for (std::size_t w = 0; w < words; ++w) {
        double& m = (*credits)[i * words + w];
        m = std::max(m, kArticleCredit * best[w]);
      }
    }
  }
}

// The term a definition defines, as its text writes it, or empty. Laws define in three ways:
//  - the term in quotes opening the paragraph: "«Dados pessoais», informação relativa a …";
//  - after the verb of defining, early in the paragraph: "Para os efeitos da presente lei,
//    considera-se pessoa com deficiência aquela que …", "Entende-se por trabalho noturno o …",
//    "Entende-se em legítima defesa quem …", up to the word that opens what the term is (an
//    article, a demonstrative, "qualquer") or a comma; but "considera-se também em legítima
//    defesa o agente …" extends a definition given elsewhere, and is not the definition;
//  - before the copula that opens the paragraph: "O Governo é o órgão de condução …", which
//    the index's analysis finds (analysis::DefiningCopula) and DefinesQuestionTerm() reads.
// The first two are read from the text here.
std::string_view DefinedTerm(std::string_view text) {
  constexpr std::string_view kOpen = "«", kClose = "»";
  auto quoted = [&](std::string_view s) -> std::string_view {
    std::size_t end = s.find(kClose);
    if (end == std::string_view::npos || end > 160) return {};
    return s.substr(kOpen.size(), end - kOpen.size());
  };
  if (text.starts_with(kOpen)) return quoted(text);
  std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 240));
  for (std::string_view verb : {"onsidera-se ", "onsideram-se ", "ntende-se por ",
                                "ntendem-se por ", "ntende-se em ", "ntendem-se em "}) {
    std::size_t at = head.find(verb);
    // The verb's first letter, either case: "Considera-se", "… considera-se".
    if (at == std::string_view::npos || at == 0) continue;
    if (head[at - 1] != 'c' && head[at - 1] != 'C' && head[at - 1] != 'e' && head[at - 1] != 'E')
      continue;
    std::string_view rest = text.substr(at + verb.size());
    if (rest.starts_with(kOpen)) return quoted(rest);
    for (std::string_view also : {"também ", "ainda ", "igualmente "}) {
      if (rest.starts_with(also)) return {};
    }
    static const std::unordered_set<std::string_view> kWhatItIs = {
        "o",     "a",     "os", "as",  "aquele",   "aquela", "aqueles", "aquelas", "todo",  "toda",
        "todos", "todas", "um", "uma", "qualquer", "que",    "quem",    "como",    "aquilo"};
    std::size_t end = 0;
    for (int words = 0; words < 8 && end < rest.size(); ++words) {
      std::size_t next = rest.find(' ', end);
      std::string_view word =
          rest.substr(end, next == std::string_view::npos ? rest.npos : next - end);
      if (kWhatItIs.contains(word)) break;
      bool last = !word.empty() && std::string_view(",;:.").find(word.back()) != rest.npos;
      end = next == std::string_view::npos ? rest.size() : next + 1;
      if (last) break;
    }
    return rest.substr(0, end);
  }
  return {};
}

// Paragraphs of the diploma that answers the question best rank higher: a diploma's evidence
// is the sum of its best few paragraphs' scores, so one lucky paragraph in an unrelated act
// weighs less than a well-matching paragraph in the act the question is about.
void DocumentPrior(const QueryPlan& plan, std::vector<Candidate>* candidates) {
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
    Apply(plan, "diploma", 1 + lambda * evidence[c.diploma] / best, &c);
  }
}

// The share of the query's words a paragraph matches, as a multiplier: paragraphs that answer
// more of the question outrank those that repeat one of its words.
// Only the words some candidate matches (`seen`) count.
double Coordination(const double* matched, const QueryPlan& plan, const std::vector<bool>& seen) {
  // Words count by their rarity: matching "prazo" says more than matching "pode".
  double got = 0, all = 0;
  for (std::size_t w = 0; w < plan.words; ++w) {
    if (!seen[w]) continue;
    double weight = plan.word_idf[w] * (w == plan.focus_word ? kFocusWeight : 1.0);
    all += weight;
    got += matched[w] * weight;
  }
  double share = all > 0 ? got / all : 0;
  return 0.25 + 0.75 * share * share;
}

}  // namespace

std::vector<Candidate> Reranker::Rerank(const std::vector<Match>& matches, std::size_t window,
                                        const QueryPlan& plan) {
  // The re-ranking signals are read for all candidates at once, in docid order, one posting
  // list or value stream at a time: per-document look-ups cost a B-tree search each.
  // Only the window is re-ranked; a longer page gets what lies past it in the first phase's
  // order. So the window is the same whatever page is asked for, and paging is consistent.
  window = plan.ranked ? std::min(matches.size(), window) : matches.size();
  record_of_ = 0;  // the database may have been reopened since: docids name other paragraphs
  std::vector<Xapian::docid> docids;
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < window; ++i) {
    docids.push_back(matches[i].docid);
    candidates.push_back({matches[i].weight, matches[i].docid, {}, {}, {}});
    if (plan.explain) candidates.back().why = Factor("bm25", matches[i].weight);
  }
  std::vector<std::size_t> order(docids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return docids[a] < docids[b]; });
  // Retrieval read the features of what it ranked; a listing's are read here.
  bool have_features = std::all_of(matches.begin(), matches.begin() + window,
                                   [](const Match& m) { return m.features.has_value(); });
  std::vector<schema::Features> read;
  if (!have_features) read = FeaturesOf(docids, order);
  std::vector<const schema::Features*> features;
  for (std::size_t i = 0; i < window; ++i)
    features.push_back(have_features ? &*matches[i].features : &read[i]);
  struct Named {
    bool names = false;         // the question names the unit
    std::vector<bool> in_name;  // per question word, it is one of the unit's name
  };
  std::unordered_map<std::string, Named> named;
  std::vector<double> credits;
  if (plan.ranked && plan.words > 0) {
    credits = WordCredits(docids, order, plan);
    ArticleContext(features, plan.words, &credits);
  }
  // The question's words that some candidate matches: a word none of them holds ("piquemos",
  // "farto", "emigrado") tells them apart no more than it tells the law apart, and counted in
  // the share it would only shrink every candidate's coordination towards its floor.
  std::vector<bool> seen(plan.words, false);
  for (std::size_t i = 0; i < credits.size(); ++i) {
    if (credits[i] > 0) seen[i % plan.words] = true;
  }
  std::vector<bool> preamble = HoldersOf(std::string(schema::kPreambleTerm), docids, order);
  // An article whose epígrafe says "Objeto" (unless the question asks for it in that word).
  std::string object_term = schema::Term(schema::kTitleTextPrefix, kObjectKey);
  std::vector<bool> object;
  if (!plan.term_words.contains(schema::Term(schema::kAnyFieldPrefix, kObjectKey)))
    object = HoldersOf(object_term, docids, order);
  // "quem promulga as leis?": the competences that open with one of the question's verbs, or
  // with the law's word for it ("quem escolhe…?" -> "Nomear…").
  std::vector<bool> does(docids.size(), false);
  if (plan.who) {
    for (const auto& k : plan.action_keys) {
      auto held = HoldersOf(schema::Term(schema::kCompetenceVerbPrefix, k), docids, order);
      for (std::size_t i = 0; i < held.size(); ++i) does[i] = does[i] || held[i];
    }
  }
  std::vector<bool> negated;
  if (!plan.negated_words.empty()) negated = KeepNegations(docids, order, plan);
  std::vector<bool> agent;
  if (!plan.agent_verb_keys.empty()) agent = NamesAgent(docids, order, plan);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    Candidate& c = candidates[i];
    auto apply = [&](std::string_view name, double factor) { Apply(plan, name, factor, &c); };
    if (!negated.empty() && negated[i]) apply("negation-kept", kNegationBoost);
    const schema::Features& f = *features[i];
    c.id = f.id;
    c.diploma = f.doc;
    if (!credits.empty()) apply("coordination", Coordination(&credits[i * plan.words], plan, seen));
    if (plan.who) {
      if (!f.unit.empty()) {
        apply("who-unit", kWhoUnitBoost);
      } else if (f.answer_types.find(analysis::kAnswerResponsible) != std::string::npos) {
        apply("who-charged", kWhoChargedBoost);
      }
    }
    if (preamble[i]) apply("preamble", kPreambleWeight);
    if (f.answer_types.find(analysis::kAnswerVoid) != std::string::npos) apply("void", kVoidWeight);
    if (!object.empty() && object[i]) apply("object-article", kObjectWeight);
    if (!plan.year.empty() && f.date.starts_with(plan.year)) apply("year", kYearBoost);
    if (plan.variety != analysis::Variety::kUnknown) {
      analysis::Variety written = analysis::DocumentVariety(c.diploma);
      if (written != analysis::Variety::kUnknown && written != plan.variety)
        apply("other-variety", kOtherVarietyWeight);
    }
    if (does[i]) apply("competence-verb", kCompetenceVerbBoost);
    if (!agent.empty() && agent[i] && !does[i]) apply("agent", kAgentBoost);
    // The organ named is what the question is about ("o que faz o conselho X?"); when it asks
    // for an amount or a time limit in so many words, the organ is only where to look.
    if (!plan.asks_agent && plan.asked_types.empty() && (plan.who || plan.words >= 2) &&
        !f.unit.empty()) {
      auto [it, fresh] = named.try_emplace(f.unit);
      if (fresh) it->second.names = NamesUnit(f.unit, plan, &it->second.in_name);
      // But the question may ask something of the organ in words of its own ("a inspeção do
      // trabalho pode entrar na empresa sem avisar?"): then a paragraph of the organ that holds
      // none of them says no more than the organ's name.
      bool asks_more = false, says_more = false;
      for (std::size_t w = 0; it->second.names && w < plan.words && !credits.empty(); ++w) {
        if (w < it->second.in_name.size() && it->second.in_name[w]) continue;
        if (!seen[w]) continue;
        asks_more = true;
        says_more = says_more || credits[i * plan.words + w] > 0;
      }
      if (it->second.names && (!asks_more || says_more)) apply("unit-named", kNamedUnitBoost);
    }
    for (char type : plan.answer_types) {
      if (f.answer_types.find(type) == std::string::npos) continue;
      bool asked = plan.asked_types.find(type) != std::string::npos;
      if (type == analysis::kAnswerRule) {
        // However it is asked; but "durante quanto tempo pode…?" asks for a time limit, and its
        // "pode" only says so politely.
        if (plan.asked_types.empty()) apply("rule", kRuleBoost);
      } else {
        apply(asked ? "type-asked" : "type", asked ? kAskedTypeBoost : kAnswerTypeBoost);
      }
      if (type == analysis::kAnswerDefinition && DefinesQuestionTerm(c.docid, plan))
        apply("defines-term", kDefinedTermBoost);
      if (type == analysis::kAnswerCompetence &&
          f.answer_types.find(analysis::kAnswerList) != std::string::npos)
        apply("competence-intro", kCompetenceIntroBoost);
    }
    if (!plan.wordings.empty() && !credits.empty()) {
      apply("wording", Wording(c.docid, &credits[i * plan.words], plan));
    }
    if (plan.counts && plan.focus_word < plan.words && !credits.empty() &&
        credits[i * plan.words + plan.focus_word] == 1.0) {
      if (WritesCount(c.docid, plan)) {
        apply("count", kCountBoost);
      } else if (f.answer_types.find(analysis::kAnswerList) != std::string::npos) {
        apply("list-count", kListCountBoost);
      }
    }
  }
  if (plan.ranked) {
    DocumentPrior(plan, &candidates);
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
  }
  if (window < matches.size()) {
    // Scaled so that scores keep falling: the first past the window scores as the last in it.
    double last = candidates.empty() ? 0 : candidates.back().score;
    double first = matches[window].weight;
    double scale = first > last && first > 0 ? last / first : 1.0;
    for (std::size_t i = window; i < matches.size(); ++i) {
      candidates.push_back({matches[i].weight * scale, matches[i].docid, {}, {}, {}});
      if (plan.explain) {
        candidates.back().why = Factor("bm25", matches[i].weight);
        Apply(plan, "past-window", scale, &candidates.back());
      }
    }
  }
  return candidates;
}

// Per candidate: whether its text keeps every negation of the question, some negation (any of
// analysis::kNegations) at most kNegationReach positions before one of the negated word's keys.
// Positions are read only for the paragraphs that hold a negation at all.
std::vector<bool> Reranker::KeepNegations(const std::vector<Xapian::docid>& docids,
                                          const std::vector<std::size_t>& order,
                                          const QueryPlan& plan) {
  std::vector<std::string> terms;
  std::vector<bool> any(docids.size(), false);
  for (std::string_view negation : analysis::kNegations) {
    terms.push_back(schema::Term(schema::kFunctionWordPrefix, negation));
    std::vector<bool> held = HoldersOf(terms.back(), docids, order);
    for (std::size_t i = 0; i < held.size(); ++i) any[i] = any[i] || held[i];
  }
  std::vector<std::vector<std::string>> negated;  // per negated word, its keys' terms
  for (std::size_t word : plan.negated_words) {
    negated.emplace_back();
    for (const auto& key : plan.word_keys[word])
      negated.back().push_back(schema::Term(schema::kTextPrefix, key));
  }
  std::vector<bool> keeps(docids.size(), false);
  for (std::size_t i = 0; i < docids.size(); ++i) {
    if (!any[i]) continue;
    bool all = true;
    for (const auto& word : negated) {
      all = all && InOrderWithin(db_, docids[i], terms, word, kNegationReach + 1);
    }
    keeps[i] = all;
  }
  return keeps;
}

// Per candidate: whether its text puts the asked verb right before "por"/"pelo"/"pela"…, the
// passive's agent ("é aprovada pelo Conselho", "são nomeados por despacho do ministro").
// Positions are read only for the paragraphs that hold the verb.
std::vector<bool> Reranker::NamesAgent(const std::vector<Xapian::docid>& docids,
                                       const std::vector<std::size_t>& order,
                                       const QueryPlan& plan) {
  std::vector<std::string> verbs, prepositions;
  std::vector<bool> verb(docids.size(), false);
  for (const auto& k : plan.agent_verb_keys) verbs.push_back(schema::Term(schema::kTextPrefix, k));
  for (const auto& term : verbs) {
    std::vector<bool> held = HoldersOf(term, docids, order);
    for (std::size_t i = 0; i < held.size(); ++i) verb[i] = verb[i] || held[i];
  }
  for (std::string_view p : kAgentPrepositions)
    prepositions.push_back(schema::Term(schema::kFunctionWordPrefix, p));
  // The prepositions are in almost every paragraph: their posting lists are long, and walking
  // them to the candidates cost more than the rest of the re-ranking. Only the few paragraphs
  // that hold the verb are read, by position list (empty where the paragraph lacks the word).
  std::vector<bool> names(docids.size(), false);
  for (std::size_t i = 0; i < docids.size(); ++i) {
    names[i] = verb[i] && InOrderWithin(db_, docids[i], verbs, prepositions, 2);
  }
  return names;
}

// True if the question names the organ `unit`: it holds at least two of the unit's words and
// two thirds of them ("o que faz o conselho superior de segurança do ciberespaço" names the
// Conselho Superior de Segurança do Ciberespaço). The paragraphs of that organ are about what
// the question asks, whatever words their own text uses. `in_name` gets, per question word,
// whether it is one of the unit's words (the others are what the question asks of the organ).
// A unit's words are analysed once per Reranker, not once per question: an index has few units
// and every question's window brings the same ones back.
bool Reranker::NamesUnit(const std::string& unit, const QueryPlan& plan,
                         std::vector<bool>* in_name) {
  constexpr std::size_t kMaxUnitsKept = 20000;
  auto found = unit_words_.find(unit);
  if (found == unit_words_.end()) {
    if (unit_words_.size() >= kMaxUnitsKept) unit_words_.clear();
    analyzer_.Analyze(unit, &unit_tokens_);
    std::vector<std::vector<std::string>> words;
    for (auto& t : unit_tokens_) {
      if (!t.stop && !t.numeric) words.push_back(std::move(t.keys));
    }
    found = unit_words_.emplace(unit, std::move(words)).first;
  }
  const auto& words = found->second;
  in_name->assign(plan.word_keys.size(), false);
  std::size_t covered = 0;
  for (const auto& word : words) {
    bool hit = false;
    for (std::size_t w = 0; w < plan.word_keys.size(); ++w) {
      for (const auto& k : plan.word_keys[w]) {
        if (std::find(word.begin(), word.end(), k) != word.end()) hit = (*in_name)[w] = true;
      }
    }
    if (hit) ++covered;
  }
  return covered >= 2 && covered * 3 >= words.size() * 2;
}

// True if the paragraph is the definition of what the question asks about: it defines a term
// (DefinedTerm: "«Dados pessoais», informação relativa a …", "considera-se pessoa com
// deficiência aquela que …"), and every word of that term is a word of the question ("o que é
// um dado pessoal", "o que é um incidente na lei da cibersegurança"), so a longer term that
// only shares a word ("«Tratamento de incidentes»", "considera-se discriminação em razão da
// deficiência") is not it. Reads the stored text, so only for definitions the question asks
// for.
bool Reranker::DefinesQuestionTerm(Xapian::docid docid, const QueryPlan& plan) {
  const Paragraph* p = Record(docid);
  if (p == nullptr) return false;
  std::string_view term = DefinedTerm(p->text);
  if (term.empty()) {
    analyzer_.Analyze(p->text, &unit_tokens_);
    std::size_t copula = analysis::DefiningCopula(p->text, unit_tokens_);
    if (copula == 0) return false;
    term = std::string_view(p->text).substr(unit_tokens_[1].begin,
                                            unit_tokens_[copula - 1].end - unit_tokens_[1].begin);
    // Without the short name it gives itself ("O Conselho X, doravante designado por CX, é …").
    term = term.substr(0, std::min(term.find(','), term.find(" (")));
  }
  analyzer_.Analyze(term, &unit_tokens_);
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

// True if the paragraph writes a number right before the word the question counts: a numeral
// or a number word at most two places before one of its keys, with only function words between
// ("230 Deputados", "o máximo de duzentos e trinta Deputados", "3 (três) membros", "pelo menos
// 12 caracteres"). Reads the stored text, so only for the candidates that hold the word.
bool Reranker::WritesCount(Xapian::docid docid, const QueryPlan& plan) {
  const Paragraph* p = Record(docid);
  if (p == nullptr) return false;
  analyzer_.Analyze(p->text, &unit_tokens_);
  const auto& counted = plan.word_keys[plan.focus_word];
  for (std::size_t i = 1; i < unit_tokens_.size(); ++i) {
    const auto& keys = unit_tokens_[i].keys;
    bool is_counted = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
      return std::find(counted.begin(), counted.end(), k) != counted.end();
    });
    if (!is_counted) continue;
    for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
      const analysis::Token& t = unit_tokens_[i - back];
      if (t.numeric || analysis::IsNumberWord(t.surface)) return true;
      if (!t.stop) break;
    }
  }
  return false;
}

const Paragraph* Reranker::Record(Xapian::docid docid) {
  if (docid != record_of_) {
    record_of_ = docid;
    record_ok_ = schema::DecodeRecord(db_.get_document(docid, Xapian::DOC_ASSUME_VALID).get_data(),
                                      &record_);
  }
  return record_ok_ ? &record_ : nullptr;
}

// Which of `docids` hold `term`: one walk of its posting list in docid order (`order`).
std::vector<bool> Reranker::HoldersOf(const std::string& term,
                                      const std::vector<Xapian::docid>& docids,
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
double Reranker::Wording(Xapian::docid docid, const double* matched, const QueryPlan& plan) {
  bool possible = false;
  for (const auto& wording : plan.wordings) {
    possible |= matched[wording.first_word] == 1.0 && matched[wording.first_word + 1] == 1.0;
  }
  if (!possible) return 1.0;
  const Paragraph* p = Record(docid);
  if (p == nullptr) return 1.0;
  // The paragraph's own words, and the words it stands under: its list intro, headings and
  // the diploma's ementa name what an alínea only refers to ("Têm legitimidade para requerer
  // este procedimento" under an ementa about "mudança de sexo").
  std::string text =
      analysis::FoldAndStrip(p->text + "\n" + p->context + "\n" + p->section + "\n" + p->summary);
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
std::vector<double> Reranker::WordCredits(const std::vector<Xapian::docid>& docids,
                                          const std::vector<std::size_t>& order,
                                          const QueryPlan& plan) {
  std::vector<double> matched(docids.size() * plan.words, 0.0);
  auto mark = [&](const std::string& term, const std::vector<std::size_t>& words, double credit) {
    std::vector<bool> held = HoldersOf(term, docids, order);
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (!held[i]) continue;
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

// The packed features of `docids`, read as one value stream in docid order (`order`).
std::vector<schema::Features> Reranker::FeaturesOf(const std::vector<Xapian::docid>& docids,
                                                   const std::vector<std::size_t>& order) {
  std::vector<schema::Features> features(docids.size());
  Xapian::ValueIterator v = db_.valuestream_begin(schema::kSlotFeatures);
  const Xapian::ValueIterator end = db_.valuestream_end(schema::kSlotFeatures);
  for (std::size_t i : order) {
    if (v == end) break;
    v.skip_to(docids[i]);
    if (v != end && v.get_docid() == docids[i]) schema::DecodeFeatures(*v, &features[i]);
  }
  return features;
}

}  // namespace portaria::searcher
