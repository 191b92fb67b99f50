#include "searcher/retrieve.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "schema/schema.h"
#include "schema/terms.h"
#include "searcher/positions.h"
#include "searcher/proximity.h"

namespace portaria::searcher {
namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

Xapian::Enquire Bm25Enquire(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  using P = Bm25Params;
  enquire.set_weighting_scheme(Xapian::BM25Weight(P::kK1, P::kK2, P::kK3, P::kB, P::kMinNormLen));
  return enquire;
}

// An Enquire for `query` with the ranking the result list has: BM25, the collapse key, ties by
// id (the sort key of each match is then its id).
Xapian::Enquire RankedEnquire(const Xapian::Database& db, const Xapian::Query& query, bool group) {
  Xapian::Enquire enquire = Bm25Enquire(db, query);
  enquire.set_collapse_key(group ? schema::kSlotDoc : schema::kSlotCollapse);
  enquire.set_sort_by_relevance_then_value(schema::kSlotId, false);
  return enquire;
}

void Count(Xapian::ValueCountMatchSpy& units, Xapian::ValueCountMatchSpy& sources,
           Retrieval* retrieval) {
  for (auto* spy : {&units, &sources}) {
    auto& counts = spy == &units ? retrieval->units : retrieval->sources;
    for (auto v = spy->values_begin(); v != spy->values_end(); ++v) counts[*v] = v.get_termfreq();
  }
}

// The listing's order where a remote database takes no KeyMaker: Xapian sorts by diploma only,
// and the order within a diploma (place in its file, then id) is made here, as the KeyMaker
// would. The page is complete up to its last diploma, which may be cut: that diploma's matches
// are fetched whole (one more query, bounded by the diploma's size), so the page is the same
// as one database's whatever the docids of the shards.
void ListByDiploma(const Xapian::Database& db, const QueryPlan& plan, std::size_t depth,
                   Xapian::Enquire* enquire, Retrieval* retrieval) {
  Xapian::doccount check_all = db.get_doccount();
  enquire->set_sort_by_value(schema::kSlotDoc, false);
  enquire->set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet mset = enquire->get_mset(0, depth, check_all);
  retrieval->total = mset.get_matches_lower_bound();
  struct Listed {
    std::string doc, order, id;
    Xapian::docid docid;
  };
  std::vector<Listed> listed;
  auto read = [&](const Xapian::MSet& from, const std::string* only_doc) {
    for (auto it = from.begin(); it != from.end(); ++it) {
      Xapian::Document d = it.get_document();
      Listed l{d.get_value(schema::kSlotDoc), d.get_value(schema::kSlotOrder),
               d.get_value(schema::kSlotId), *it};
      if (only_doc == nullptr || l.doc == *only_doc) listed.push_back(std::move(l));
    }
  };
  if (mset.size() < depth || mset.empty()) {
    read(mset, nullptr);
  } else {
    std::string last = (--mset.end()).get_document().get_value(schema::kSlotDoc);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document d = it.get_document();
      std::string doc = d.get_value(schema::kSlotDoc);
      if (doc == last) continue;  // taken whole below
      listed.push_back({doc, d.get_value(schema::kSlotOrder), d.get_value(schema::kSlotId), *it});
    }
    // The facets were counted over every match by the first query: not again.
    enquire->clear_matchspies();
    // The last diploma's matches: by its term when it has one (a paragraph without a diploma
    // has none, and then every match is read and those without one kept).
    if (!last.empty()) {
      enquire->set_query(Xapian::Query(Xapian::Query::OP_FILTER, plan.query,
                                       Xapian::Query(schema::Term(schema::kDocPrefix, last))));
    }
    read(enquire->get_mset(0, check_all, check_all), &last);
    enquire->set_query(plan.query);
  }
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return std::tie(a.doc, a.order, a.id) < std::tie(b.doc, b.order, b.id);
  });
  if (listed.size() > depth) listed.resize(depth);
  for (const auto& l : listed) retrieval->matches.push_back({l.docid, 0.0, std::nullopt});
}

// A pure listing (filters only), in document order: every match is listed and counted.
void List(const Xapian::Database& db, const QueryPlan& plan, std::size_t depth,
          Retrieval* retrieval) {
  Xapian::Enquire enquire = RankedEnquire(db, plan.query, false);
  auto* key = new Xapian::MultiValueKeyMaker();
  key->add_value(schema::kSlotDoc);
  key->add_value(schema::kSlotOrder);
  key->add_value(schema::kSlotId);
  enquire.set_sort_by_key(key->release(), false);
  Xapian::ValueCountMatchSpy units(schema::kSlotUnit), sources(schema::kSlotSource);
  enquire.add_matchspy(&units);
  enquire.add_matchspy(&sources);
  Xapian::doccount check_all = db.get_doccount();
  Xapian::MSet mset;
  try {
    mset = enquire.get_mset(0, depth, check_all);
  } catch (const Xapian::UnimplementedError&) {
    ListByDiploma(db, plan, depth, &enquire, retrieval);
    Count(units, sources, retrieval);
    return;
  }
  // Every match was checked, so the lower bound is the count. The estimate is not: beyond the
  // documents that reached the result heap it guesses how many identical paragraphs collapse
  // (1100 for 688 paragraphs on corpus + br-akn).
  retrieval->total = mset.get_matches_lower_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it)
    retrieval->matches.push_back({*it, 0.0, std::nullopt});
  Count(units, sources, retrieval);
}

// Exact counts, the slow path: every match of the plan's query is checked (and counted once
// after collapsing), none is ranked. Checking every match is also what keeps Xapian 1.4.22 from
// pruning this query, which it can crash doing (two OP_MAX under an OR, bench/README.md).
void CountAll(const Xapian::Database& db, const QueryPlan& plan, bool group, Retrieval* retrieval) {
  Xapian::Enquire enquire = RankedEnquire(db, plan.query, group);
  Xapian::ValueCountMatchSpy units(schema::kSlotUnit), sources(schema::kSlotSource);
  enquire.add_matchspy(&units);
  enquire.add_matchspy(&sources);
  // Over several databases checking every match is not enough: Xapian 1.4.22 still prunes there
  // and crashes (measured: (ZHpensao MAX ZUpensao MAX ZSpensao) over two shards with maxitems
  // 0..10, fine with maxitems past the 21 matches). Asking for every match keeps the matcher
  // from pruning at all; this path already visits every match, and the result heap only holds
  // what matches.
  const Xapian::doccount all = db.get_doccount();
  Xapian::MSet mset = enquire.get_mset(0, db.size() > 1 ? all : 0, all);
  retrieval->total = mset.get_matches_lower_bound();
  retrieval->total_exact = retrieval->facets_exact = true;
  retrieval->units.clear();
  retrieval->sources.clear();
  Count(units, sources, retrieval);
}

// The first phase: the plan's prunable query for its best `count` matches. Xapian may skip
// paragraphs that cannot reach them (check_at_least 0), so the cost follows the top, not the
// number of matches. The query holds no OP_MAX: pruning one under an OR crashes Xapian 1.4.22.
// Without `collapse`, identical paragraphs are left for Distinct(): collapsing here makes Xapian
// read the collapse value of every paragraph it weighs and prune less, which was half of this
// phase's time at 100k paragraphs (14.5 -> 7.2 ms at the median). Ties stay broken by id, though
// reading the sort key costs Xapian about 8 % of a query at 100k paragraphs: ties by docid would
// make different paragraphs candidates on one database and on shards, and in the synthetic
// corpus of bench/ nearly half the questions tie at the window's edge.
Xapian::MSet Candidates(const Xapian::Database& db, const Xapian::Query& query, std::size_t count,
                        bool group, bool collapse) {
  Xapian::Enquire enquire = RankedEnquire(db, query, group);
  if (!collapse) enquire.set_collapse_key(Xapian::BAD_VALUENO);
  return enquire.get_mset(0, count, Xapian::doccount{0});
}

// The packed features (kSlotFeatures) of `docids`, read as one value stream in docid order, one
// skip each: a paragraph's own look-up would cost a B-tree search, and every other slot one more.
std::unordered_map<Xapian::docid, schema::Features> ReadFeatures(
    const Xapian::Database& db, std::vector<Xapian::docid> docids) {
  std::sort(docids.begin(), docids.end());
  std::unordered_map<Xapian::docid, schema::Features> features;
  auto value = db.valuestream_begin(schema::kSlotFeatures);
  const auto end = db.valuestream_end(schema::kSlotFeatures);
  for (Xapian::docid docid : docids) {
    if (value == end) break;
    value.skip_to(docid);
    if (value != end && value.get_docid() == docid)
      schema::DecodeFeatures(*value, &features[docid]);
  }
  return features;
}

// `order` less identical paragraphs (the same collapse key): the first of each stays; in the
// first phase's order (best weight, ties by id) that is the one Xapian's collapsing keeps.
std::vector<Xapian::docid> Distinct(
    const std::vector<Xapian::docid>& order,
    const std::unordered_map<Xapian::docid, schema::Features>& features) {
  std::unordered_set<std::string> seen;
  std::vector<Xapian::docid> kept;
  for (Xapian::docid docid : order) {
    auto f = features.find(docid);
    if (f == features.end() || seen.insert(f->second.collapse).second) kept.push_back(docid);
  }
  return kept;
}

// The candidates as a posting list: what restricts a pass to them on one local database, where
// a docid names the same paragraph to the source as to the matcher. (Over shards each shard
// sees its own docids, and a remote one cannot run our code, so there the candidates' id terms
// do it, at the cost of a posting-list look-up each: about 12 ms per pass for 1,000.)
class DocidSource : public Xapian::PostingSource {
 public:
  explicit DocidSource(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {}
  Xapian::doccount get_termfreq_min() const override { return docids_.size(); }
  Xapian::doccount get_termfreq_est() const override { return docids_.size(); }
  Xapian::doccount get_termfreq_max() const override { return docids_.size(); }
  Xapian::docid get_docid() const override { return docids_[at_]; }
  void next(double) override { at_ = started_ ? at_ + 1 : 0, started_ = true; }
  void skip_to(Xapian::docid did, double) override {
    std::size_t from = started_ ? at_ : 0;
    started_ = true;
    at_ = std::lower_bound(docids_.begin() + from, docids_.end(), did) - docids_.begin();
  }
  bool at_end() const override { return started_ && at_ >= docids_.size(); }
  Xapian::PostingSource* clone() const override { return new DocidSource(docids_); }
  void init(const Xapian::Database&) override { at_ = 0, started_ = false; }

 private:
  std::vector<Xapian::docid> docids_;  // ascending
  std::size_t at_ = 0;
  bool started_ = false;
};

// The field-aware weights of the window's paragraphs, best first (ties by id): the plan's query,
// then the weight of its adjacent words, each run as passes restricted to the window (by docid,
// else by id term), so the matcher walks their posting lists only at these paragraphs, by
// skipping, whatever the index's size. Each pass asks for every paragraph of the window, so its
// result heap never fills and nothing is pruned. The order of adjacent words is read from the
// positions of the paragraphs that hold both. The facets count the window. `ids` maps its docids
// to their ids, `features` to their features.
void Rescore(const Xapian::Database& db, const QueryPlan& plan,
             const std::unordered_map<Xapian::docid, std::string>& ids,
             const std::unordered_map<Xapian::docid, schema::Features>& features, bool by_docid,
             Retrieval* retrieval) {
  Xapian::Query only;
  if (by_docid) {
    std::vector<Xapian::docid> docids;
    for (const auto& [docid, id] : ids) docids.push_back(docid);
    std::sort(docids.begin(), docids.end());
    only = Xapian::Query((new DocidSource(std::move(docids)))->release());
  } else {
    std::vector<Xapian::Query> id_terms;
    for (const auto& [docid, id] : ids) id_terms.emplace_back(schema::IdTerm(id));
    only = Xapian::Query(Xapian::Query::OP_OR, id_terms.begin(), id_terms.end());
  }
  Xapian::doccount n = ids.size();
  std::unordered_map<Xapian::docid, double> weights;
  auto pass = [&](const Xapian::Query& query, Xapian::Enquire* enquire) {
    enquire->set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, only));
    return enquire->get_mset(0, n, n);
  };
  Xapian::Enquire enquire = Bm25Enquire(db, plan.query);
  Xapian::MSet scored = pass(plan.query, &enquire);
  // The facets of what the pass matched, as a value-count spy would count them (empty values
  // left out), from the features already read rather than two more value look-ups each.
  for (auto it = scored.begin(); it != scored.end(); ++it) {
    weights[*it] += it.get_weight();
    auto f = features.find(*it);
    if (f == features.end()) continue;
    if (!f->second.unit.empty()) ++retrieval->units[f->second.unit];
    if (!f->second.source.empty()) ++retrieval->sources[f->second.source];
  }
  // Each pair of adjacent question words adds its best field's weight, where the paragraph has
  // them in that order and as close: on one local database weighed from the pairs' posting
  // lists read once (proximity.h), elsewhere by passes, one per pair and field.
  if (by_docid) {
    std::vector<Xapian::docid> window;
    for (const auto& [docid, id] : ids) window.push_back(docid);
    std::sort(window.begin(), window.end());
    std::vector<Xapian::termcount> lengths;
    for (Xapian::docid docid : window) {
      auto f = features.find(docid);
      lengths.push_back(f != features.end() ? f->second.length : db.get_doclength(docid));
    }
    AddAdjacentWeights(db, plan, window, lengths, &weights);
  } else {
    for (const auto& pair : plan.adjacent) {
      std::unordered_map<Xapian::docid, double> best;
      for (const auto& field : pair.fields) {
        Xapian::MSet both = pass(field.weighted, &enquire);
        for (auto it = both.begin(); it != both.end(); ++it) {
          double& b = best[*it];
          if (it.get_weight() > b &&
              (!field.ordered || InOrderWithin(db, *it, field.first, field.second, pair.window))) {
            b = it.get_weight();
          }
        }
      }
      for (const auto& [docid, weight] : best) weights[docid] += weight;
    }
  }
  std::vector<Match> ranked;
  ranked.reserve(weights.size());
  for (const auto& [docid, weight] : weights) {
    auto f = features.find(docid);
    ranked.push_back(
        {docid, weight, f == features.end() ? std::nullopt : std::optional(f->second)});
  }
  auto best_first = [&](const Match& a, const Match& b) {
    return a.weight != b.weight ? a.weight > b.weight : ids.at(a.docid) < ids.at(b.docid);
  };
  std::sort(ranked.begin(), ranked.end(), best_first);
  retrieval->matches = std::move(ranked);
}

}  // namespace

Retrieval Retrieve(const Xapian::Database& db, const QueryPlan& plan, std::size_t wanted,
                   std::size_t window, bool group, bool exact_counts) {
  const auto start = std::chrono::steady_clock::now();
  Retrieval retrieval;
  if (!plan.ranked) {
    List(db, plan, wanted, &retrieval);
    retrieval.first_ms = MillisecondsSince(start);
    return retrieval;
  }
  // The first phase's best `count`; of these, its best `window` (identical paragraphs left out)
  // are the window whatever page is asked for, so every page is cut from one ranking.
  std::size_t count = std::max(wanted, window);
  // Grouping by diploma collapses in the first phase, where it decides which paragraphs are
  // candidates at all.
  bool collapsed = group;
  Xapian::MSet candidates = Candidates(db, plan.candidate_query, count, group, collapsed);
  // A question that asks for a kind of answer ("o que é…", "qual o prazo…") also gets the best
  // paragraphs of that kind into the window: the second phase prefers them, and the first
  // phase's words alone can leave the definition asked for far down (a word defined once and
  // used everywhere). Not when grouping, where one paragraph stands for its diploma.
  Xapian::MSet typed;
  if (!group) {
    std::vector<Xapian::Query> types;
    for (char type : plan.answer_types) {
      std::string term = schema::Term(schema::kAnswerTypePrefix, std::string_view(&type, 1));
      if (db.term_exists(term)) types.emplace_back(term);
    }
    if (!types.empty()) {
      typed =
          Candidates(db,
                     Xapian::Query(Xapian::Query::OP_FILTER, plan.candidate_query,
                                   Xapian::Query(Xapian::Query::OP_OR, types.begin(), types.end())),
                     kTypedWindow, group, false);
    }
  }
  // The window's paragraphs, then the rest, each in the first phase's order; and the features
  // of all of them, read once.
  std::unordered_map<Xapian::docid, schema::Features> features;
  auto ordered = [&]() {
    std::vector<Xapian::docid> all(candidates.begin(), candidates.end());
    all.insert(all.end(), typed.begin(), typed.end());
    features = ReadFeatures(db, std::move(all));
    std::vector<Xapian::docid> order;
    std::unordered_set<Xapian::docid> seen;
    auto add = [&](Xapian::docid docid) {
      if (seen.insert(docid).second) order.push_back(docid);
    };
    for (auto it = candidates.begin(); it != candidates.end() && it.get_rank() < window; ++it)
      add(*it);
    for (Xapian::docid docid : typed) add(docid);
    std::size_t in_window = order.size();
    for (Xapian::docid docid : candidates) add(docid);
    return std::pair{order, in_window};
  };
  auto [order, in_window] = ordered();
  std::vector<Xapian::docid> kept = collapsed ? order : Distinct(order, features);
  if (!collapsed && kept.size() < wanted && candidates.size() == count) {
    // So many identical paragraphs that the page cannot be filled, and there are more matches:
    // the first phase again, collapsing as it goes. Its best paragraphs are those kept above,
    // the same of each identical set.
    collapsed = true;
    candidates = Candidates(db, plan.candidate_query, count, group, collapsed);
    std::tie(order, in_window) = ordered();
    kept = Distinct(order, features);
  }
  const double first_ms = MillisecondsSince(start);
  std::unordered_map<Xapian::docid, std::string> ids;  // the sort key is the id (kSlotId)
  std::unordered_map<Xapian::docid, double> first_weights;
  for (const Xapian::MSet* mset : {&typed, &candidates}) {
    for (auto it = mset->begin(); it != mset->end(); ++it) {
      ids[*it] = it.get_sort_key();
      first_weights[*it] = it.get_weight();
    }
  }
  std::unordered_set<Xapian::docid> window_docids(order.begin(), order.begin() + in_window);
  std::unordered_map<Xapian::docid, std::string> scored;  // the window's ids
  std::vector<Xapian::docid> past;  // kept, past the window, in the first phase's order
  for (Xapian::docid docid : kept) {
    if (window_docids.count(docid)) {
      scored[docid] = ids[docid];
    } else {
      past.push_back(docid);
    }
  }
  try {
    Rescore(db, plan, scored, features, db.size() == 1, &retrieval);
  } catch (const Xapian::UnimplementedError&) {
    // One remote database: it cannot run the candidates' posting source, so use their ids.
    retrieval = Retrieval();
    Rescore(db, plan, scored, features, false, &retrieval);
  }
  retrieval.window = retrieval.matches.size();
  retrieval.first_ms = first_ms;
  // Past the window the first phase's order stands (the second phase keeps it too).
  for (Xapian::docid docid : past)
    retrieval.matches.push_back({docid, first_weights[docid], std::nullopt});
  retrieval.total = candidates.get_matches_estimated();
  // Xapian's bounds count what its matching collapsed; uncollapsed they count identical
  // paragraphs apart, and only CountAll below is exact.
  retrieval.total_exact =
      collapsed && candidates.get_matches_lower_bound() == candidates.get_matches_upper_bound();
  // The facets counted the candidates; when they are every match, counting them all again is
  // cheap and gives the exact figures (collapsed as the result list is).
  retrieval.facets_exact = false;
  if (exact_counts || candidates.get_matches_upper_bound() <= candidates.size()) {
    CountAll(db, plan, group, &retrieval);
  }
  return retrieval;
}

}  // namespace portaria::searcher
