// A paragraph's second-phase features: what the searcher reads of every candidate in its
// re-ranking window (id, diploma, unit, source, collapse key, answer types, date, length), packed
// into one value (kSlotFeatures). Each value slot is its own stream, so reading the five slots of a
// hundred candidates scattered over the index cost a B-tree leaf per candidate and slot; one
// packed value costs one. The single slots stay, for Xapian's sorting, collapsing and facets
// over every match. Shared by the indexer (encode) and the searcher (decode).
#ifndef PORTARIA_SCHEMA_FEATURES_H_
#define PORTARIA_SCHEMA_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace portaria::schema {

struct Features {
  std::string id;            // as kSlotId
  std::string doc;           // as kSlotDoc
  std::string unit;          // as kSlotUnit
  std::string source;        // as kSlotSource
  std::string collapse;      // as kSlotCollapse
  std::string answer_types;  // as kSlotAnswerTypes
  std::string date;          // as kSlotDate
  // The paragraph's length as BM25 reads it (the sum of its terms' within-document frequencies,
  // Database::get_doclength), which the second phase would otherwise look up paragraph by
  // paragraph.
  std::uint32_t length = 0;

  bool operator==(const Features&) const = default;
};

// Each string field as its length (a little-endian base-128 number) and its bytes, in the order
// above, then the length as such a number.
std::string EncodeFeatures(const Features& features);
// Returns false (leaving *features partly filled) if `data` is cut short or holds extra bytes.
bool DecodeFeatures(std::string_view data, Features* features);

}  // namespace portaria::schema

#endif  // PORTARIA_SCHEMA_FEATURES_H_
