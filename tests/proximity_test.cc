// The adjacent-words weight (searcher/proximity.h) computed from posting lists read once must be
// what Xapian's own BM25 passes gave, one per pair and field (the way sharded and remote
// databases still weigh it): the same paragraphs, the same weights to rounding.
#include "searcher/proximity.h"

#include <xapian.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "gtest/gtest.h"
#include "portaria/index.h"
#include "searcher/plan.h"
#include "searcher/positions.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using searcher::QueryPlan;

// The weights as passes give them: per pair, per field, Xapian's BM25 over the field's query
// restricted to the window; the text's only where its words are in order.
std::unordered_map<Xapian::docid, double> ByPasses(const Xapian::Database& db,
                                                   const QueryPlan& plan,
                                                   const std::vector<Xapian::docid>& window) {
  using P = searcher::Bm25Params;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(P::kK1, P::kK2, P::kK3, P::kB, P::kMinNormLen));
  std::vector<Xapian::Query> ids;
  for (Xapian::docid d : window) {
    Xapian::Document doc = db.get_document(d);
    ids.emplace_back("Q" + doc.get_value(0));
  }
  Xapian::Query only(Xapian::Query::OP_OR, ids.begin(), ids.end());
  std::unordered_map<Xapian::docid, double> weights;
  for (const auto& pair : plan.adjacent) {
    std::unordered_map<Xapian::docid, double> best;
    for (const auto& field : pair.fields) {
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, field.weighted, only));
      Xapian::MSet both = enquire.get_mset(0, window.size(), window.size());
      for (auto it = both.begin(); it != both.end(); ++it) {
        double& b = best[*it];
        if (it.get_weight() > b &&
            (!field.ordered ||
             searcher::InOrderWithin(db, *it, field.first, field.second, pair.window))) {
          b = it.get_weight();
        }
      }
    }
    for (const auto& [docid, weight] : best) weights[docid] += weight;
  }
  return weights;
}

TEST(ProximityTest, WeightsAreThoseOfXapiansPasses) {
  std::string db_path = (testing::FreshDir("proximity") / "db").string();
  {
    std::unique_ptr<IndexWriter> w;
    ASSERT_TRUE(IndexWriter::Open(db_path, &w).ok());
    IndexStats stats;
    ASSERT_TRUE(w->IndexPaths({(testing::SourceDir() / "corpus").string(),
                               (testing::SourceDir() / "tests/data/jsonl/records.jsonl").string()},
                              {}, &stats)
                    .ok());
  }
  Xapian::Database db(db_path);
  analysis::Analyzer analyzer;
  searcher::QueryPlanner planner(db, analyzer);
  // The window: every paragraph, so that each pair meets paragraphs that hold its words in the
  // text in order, out of order, only in a heading or a unit's name, and not at all.
  std::vector<Xapian::docid> window;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) window.push_back(*it);
  std::size_t compared = 0, weighed = 0;
  for (const char* question :
       {"centro nacional de pensões", "quem paga as pensões de velhice", "segurança social direta",
        "prestações sociais do centro distrital",
        "acordos de cooperação com as instituições particulares de solidariedade social"}) {
    SCOPED_TRACE(question);
    SearchRequest request;
    request.query = question;
    QueryPlan plan = planner.Plan(request);
    ASSERT_FALSE(plan.adjacent.empty());
    std::unordered_map<Xapian::docid, double> mine;
    std::vector<Xapian::termcount> lengths;
    for (Xapian::docid d : window) lengths.push_back(db.get_doclength(d));
    searcher::AddAdjacentWeights(db, plan, window, lengths, &mine);
    std::unordered_map<Xapian::docid, double> theirs = ByPasses(db, plan, window);
    EXPECT_EQ(mine.size(), theirs.size());
    for (const auto& [docid, weight] : theirs) {
      ASSERT_TRUE(mine.contains(docid)) << docid;
      EXPECT_NEAR(mine[docid], weight, 1e-9 * std::max(1.0, weight)) << docid;
      ++compared;
      if (weight > 0) ++weighed;
    }
  }
  EXPECT_GT(weighed, 20u);       // the questions' pairs do stand together in the corpus
  EXPECT_GT(compared, weighed);  // and some paragraphs hold a pair's words apart only
}

}  // namespace
}  // namespace portaria
