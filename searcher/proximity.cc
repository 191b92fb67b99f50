#include "searcher/proximity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "searcher/positions.h"

namespace portaria::searcher {
namespace {

// A term's log(tw) (BM25Weight::init()'s, which depends on its frequency only) and its
// within-document frequency at each paragraph of the window; -1 where it is absent (a posting
// with frequency 0 still matches, as in Xapian).
struct Postings {
  double log_tw = 0;
  std::vector<long long> wdf;
};

}  // namespace

void AddAdjacentWeights(const Xapian::Database& db, const QueryPlan& plan,
                        const std::vector<Xapian::docid>& window,
                        const std::vector<Xapian::termcount>& lengths,
                        std::unordered_map<Xapian::docid, double>* weights) {
  if (plan.adjacent.empty() || window.empty()) return;
  using P = Bm25Params;
  // Each term's statistic and postings at the window, read once.
  const Xapian::doccount n = db.get_doccount();
  std::unordered_map<std::string, Postings> postings;
  std::vector<bool> held(window.size(), false);
  for (const auto& pair : plan.adjacent) {
    for (const auto& field : pair.fields) {
      for (const auto* terms : {&field.first, &field.second}) {
        for (const auto& term : *terms) {
          auto [it, fresh] = postings.try_emplace(term);
          if (!fresh) continue;
          Postings& p = it->second;
          p.wdf.assign(window.size(), -1);
          const Xapian::doccount termfreq = db.get_termfreq(term);
          if (termfreq == 0) continue;
          double tw = (n - termfreq + 0.5) / (termfreq + 0.5);
          if (tw < 2) tw = tw * 0.5 + 1;
          p.log_tw = std::log(tw);
          Xapian::PostingIterator post = db.postlist_begin(term), end = db.postlist_end(term);
          for (std::size_t i = 0; i < window.size() && post != end; ++i) {
            post.skip_to(window[i]);
            if (post != end && *post == window[i]) {
              p.wdf[i] = post.get_wdf();
              held[i] = true;
            }
          }
        }
      }
    }
  }
  // The paragraph lengths' factor, as BM25Weight::init() computes it.
  double len_factor = db.get_avlength();
  if (len_factor != 0) len_factor = 1 / len_factor;
  // BM25Weight::init() and get_sumpart(), in their order of operations, for a query leaf of
  // within-query frequency 1 (so k3's factor, (k3 + 1) * 1 / (k3 + 1), is 1) scaled by `factor`.
  auto sumpart = [&](const Postings& p, std::size_t i, double factor) {
    double termweight = p.log_tw * factor;
    termweight *= (P::kK1 + 1);
    double normlen = std::max(lengths[i] * len_factor, P::kMinNormLen);
    double wdf = static_cast<double>(p.wdf[i]);
    double denom = P::kK1 * (normlen * P::kB + (1 - P::kB)) + wdf;
    return termweight * (wdf / denom);
  };
  // A field's weight for the pair at paragraph i (OP_AND of the two words' OP_OR of keys), or -1
  // where it does not hold both words.
  auto field_weight = [&](const QueryPlan::Adjacent::Field& field, std::size_t i) {
    double sum[2] = {0, 0};
    bool both = true;
    for (int side = 0; side < 2; ++side) {
      bool any = false;
      for (const auto& term : side == 0 ? field.first : field.second) {
        const Postings& p = postings.at(term);
        if (p.wdf[i] < 0) continue;
        any = true;
        sum[side] += sumpart(p, i, field.factor);
      }
      both = both && any;
    }
    return both ? sum[0] + sum[1] : -1.0;
  };
  for (const auto& pair : plan.adjacent) {
    for (std::size_t i = 0; i < window.size(); ++i) {
      if (!held[i]) continue;
      double best = 0;
      bool matched = false;
      for (const auto& field : pair.fields) {
        if (field.ordered) continue;
        double w = field_weight(field, i);
        if (w < 0) continue;
        matched = true;
        best = std::max(best, w);
      }
      // The order is read only where the text would weigh more than the fields without it.
      for (const auto& field : pair.fields) {
        if (!field.ordered) continue;
        double w = field_weight(field, i);
        if (w < 0) continue;
        matched = true;
        if (w > best && InOrderWithin(db, window[i], field.first, field.second, pair.window))
          best = w;
      }
      if (matched) (*weights)[window[i]] += best;
    }
  }
}

}  // namespace portaria::searcher
