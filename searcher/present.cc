#include "searcher/present.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "schema/record_codec.h"
#include "schema/schema.h"
#include "searcher/snippet.h"

namespace portaria::searcher {

void Presenter::AddHits(const std::vector<Candidate>& candidates, std::size_t offset,
                        std::size_t wanted, const QueryPlan& plan, SearchResponse* response) {
  for (std::size_t i = offset; i < candidates.size() && i < wanted; ++i) {
    SearchHit hit;
    hit.rank = i + 1;
    hit.score = candidates[i].score;
    hit.explanation = candidates[i].why;
    schema::DecodeRecord(db_.get_document(candidates[i].docid, Xapian::DOC_ASSUME_VALID).get_data(),
                         &hit.paragraph);
    hit.snippet =
        MakeSnippet(hit.paragraph.text, HighlightPositions(candidates[i].docid, plan), &analyzer_);
    response->hits.push_back(std::move(hit));
  }
}

// Where the paragraph's text holds the keys to highlight, read from the index (its text
// terms and their positions), so a snippet needs no analysis of the text.
std::unordered_set<std::uint32_t> Presenter::HighlightPositions(Xapian::docid docid,
                                                                const QueryPlan& plan) {
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

void AddFacets(const Retrieval& retrieval, SearchResponse* response) {
  for (const auto* counts : {&retrieval.units, &retrieval.sources}) {
    auto& facet = response->facets[counts == &retrieval.units ? "unit" : "source"];
    std::vector<std::pair<Xapian::doccount, const std::string*>> values;
    for (const auto& [value, count] : *counts) {
      if (!value.empty()) values.emplace_back(count, &value);
    }
    // The most frequent first, ties by value (the map's order, kept by the stable sort).
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (values.size() > kMaxFacetValues) values.resize(kMaxFacetValues);
    for (const auto& [count, value] : values) facet[*value] = count;
  }
}

}  // namespace portaria::searcher
