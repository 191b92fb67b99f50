#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "portaria/search.h"

namespace portaria {

std::string ToJson(const SearchResponse& r, int indent) {
  nlohmann::ordered_json out;
  out["query"] = r.query;
  out["total"] = r.total;
  out["total_exact"] = r.total_exact;
  if (!r.suggestion.empty()) out["suggestion"] = r.suggestion;
  out["results"] = nlohmann::ordered_json::array();
  for (const auto& h : r.hits) {
    const Paragraph& p = h.paragraph;
    nlohmann::ordered_json j;
    j["rank"] = h.rank;
    j["score"] = std::round(h.score * 10000) / 10000;
    j["id"] = p.id;
    j["unit"] = p.unit;
    j["letter"] = p.letter;
    if (!p.subitem.empty()) j["subitem"] = p.subitem;
    j["source"] = p.source;
    j["section"] = p.section;
    j["text"] = p.text;
    j["snippet"] = h.snippet;
    if (!p.article.empty()) j["article"] = p.article;
    if (!p.number.empty()) j["number"] = p.number;
    if (!p.date.empty()) j["date"] = p.date;
    if (!p.doc.empty()) j["doc"] = p.doc;
    if (!h.explanation.empty()) j["explain"] = h.explanation;
    out["results"].push_back(std::move(j));
  }
  out["facets"] = nlohmann::ordered_json::object();
  for (const auto& [name, values] : r.facets) {
    // Most frequent first, then by name, so the output is deterministic.
    std::vector<std::pair<std::string, std::size_t>> sorted(values.begin(), values.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    nlohmann::ordered_json f = nlohmann::ordered_json::object();
    for (const auto& [value, count] : sorted) f[value] = count;
    out["facets"][name] = std::move(f);
  }
  out["facets_exact"] = r.facets_exact;
  return out.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace portaria
