#include "searcher/positions.h"

namespace portaria::searcher {

bool InOrderWithin(const Xapian::Database& db, Xapian::docid docid,
                   const std::vector<std::string>& first, const std::vector<std::string>& second,
                   Xapian::termpos window) {
  std::vector<Xapian::termpos> at;
  for (const auto& term : first) {
    for (auto p = db.positionlist_begin(docid, term); p != db.positionlist_end(docid, term); ++p)
      at.push_back(*p);
  }
  if (at.empty()) return false;
  for (const auto& term : second) {
    for (auto p = db.positionlist_begin(docid, term); p != db.positionlist_end(docid, term); ++p) {
      for (Xapian::termpos a : at) {
        if (a < *p && *p - a < window) return true;
      }
    }
  }
  return false;
}

}  // namespace portaria::searcher
