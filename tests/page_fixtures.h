// What the page reader's tests share: the seed page's units and sources, and a read's errors as
// one string.
#ifndef PORTARIA_TESTS_PAGE_FIXTURES_H_
#define PORTARIA_TESTS_PAGE_FIXTURES_H_

#include <string>

#include "indexer/reader.h"

namespace portaria::indexer::page_fixtures {

inline constexpr char kCnp[] = "Centro Nacional de Pensões";
inline constexpr char kCd[] = "Centros Distritais";
inline constexpr char kPortaria135[] = "Portaria n.º 135/2012, de 8 de maio";
inline constexpr char kPortaria102[] = "Portaria n.º 102/2017, de 8 de março";

inline std::string ErrorsOf(const ReadResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e.ToString() + "\n";
  return out;
}

}  // namespace portaria::indexer::page_fixtures

#endif  // PORTARIA_TESTS_PAGE_FIXTURES_H_
