// The checks both JSON readers (JSON Lines, DRE's consolidated JSON) make before and after
// nlohmann::json parses a text: nesting is capped by a linear scan first, because the parser
// (and the value's destructor) recurse once per level; and a text the parser rejects is parsed
// again through its SAX interface, which tells where it failed.
#ifndef PORTARIA_INDEXER_JSON_CHECKS_H_
#define PORTARIA_INDEXER_JSON_CHECKS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portaria::indexer {

// Deeper than this, a JSON text is refused before it is parsed.
inline constexpr int kMaxJsonDepth = 32;

// The byte offset of the first bracket that opens level kMaxJsonDepth + 1, or npos. Brackets
// inside strings do not count; escapes are honoured, so that "\"" does not end a string.
std::size_t OffsetTooDeep(std::string_view json);

// Why and where the parser rejects `json` (a text it has rejected): "invalid JSON: syntax error
// while parsing value - …" and the byte offset the parser stopped at (1-based, 0 if unknown).
struct JsonError {
  std::string message = "invalid JSON";
  std::size_t offset = 0;
};
JsonError LocateJsonError(std::string_view json);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_JSON_CHECKS_H_
