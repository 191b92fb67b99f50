#include "searcher/retrieve.h"

#include <algorithm>

#include "schema/schema.h"

namespace portaria::searcher {
namespace {

// Pseudo-relevance feedback: from the top paragraphs, this many terms at this weight. Not on
// small databases: term statistics from a few dozen paragraphs make feedback drift (measured on
// the 90-paragraph seed page: it pulls in words shared by whole sections).
constexpr std::size_t kFeedbackParagraphs = 5;
constexpr Xapian::termcount kFeedbackTerms = 10;
constexpr double kFeedbackWeight = 0.1;
constexpr Xapian::doccount kFeedbackMinParagraphs = 1000;

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

}  // namespace

Retrieval Retrieve(const Xapian::Database& db, const QueryPlan& plan, std::size_t wanted,
                   bool group) {
  Xapian::Enquire enquire(db);
  enquire.set_query(plan.query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
  enquire.set_collapse_key(group ? schema::kSlotDoc : schema::kSlotCollapse);
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
  std::size_t depth = plan.ranked ? std::max(wanted, kRerankWindow) : wanted;
  // Every match is counted (exact facets and total). This also keeps Xapian 1.4.22 from pruning:
  // with a lower check_at_least it can crash inside get_mset where two OP_MAX subqueries share
  // an OR (2 of the 50 judged questions did), and every question of two words has that shape
  // (bench/README.md).
  Xapian::doccount check_all = db.get_doccount();
  if (plan.ranked && db.get_doccount() >= kFeedbackMinParagraphs) {
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
  Retrieval retrieval;
  // Every match was checked, so the lower bound is the count. The estimate is not: beyond the
  // documents that reached the result heap it guesses how many identical paragraphs collapse
  // (1100 for 688 paragraphs on corpus + br-akn).
  retrieval.total = mset.get_matches_lower_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    retrieval.matches.push_back({*it, it.get_weight()});
  }
  for (auto* spy : {&units, &sources}) {
    auto& counts = spy == &units ? retrieval.units : retrieval.sources;
    for (auto v = spy->values_begin(); v != spy->values_end(); ++v) counts[*v] = v.get_termfreq();
  }
  return retrieval;
}

}  // namespace portaria::searcher
