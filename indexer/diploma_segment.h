// Cutting a diploma's body at its número, alínea and subalínea markers, wherever they stand (the
// DR breaks lines, DRE runs a whole article into one line), each marker checked against the
// sequence it continues, so that "nos termos da alínea c)" or "n.º 2" inside a sentence never
// split it. Internal to the diploma reader (indexer/diploma_reader.cc); exposed for the tests.
#ifndef PORTARIA_INDEXER_DIPLOMA_SEGMENT_H_
#define PORTARIA_INDEXER_DIPLOMA_SEGMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/diploma.h"
#include "portaria/status.h"

namespace portaria::indexer::diploma {

// Prose outside articles longer than this is cut at sentence ends (SplitSentences).
constexpr std::size_t kMaxProseBytes = 1500;
// Any piece longer than this, in an article too, is cut the same way.
constexpr std::size_t kMaxPieceBytes = 2000;

// One piece of an article's (or a prose part's) body, as Segment() cuts it.
struct Piece {
  enum class Kind { kText, kNumber, kDefinition, kLetter, kSub, kRecital, kHeading };
  Kind kind = Kind::kText;
  std::string value;  // "2", "a", "ii", "(3)"
  std::string text;
  int line = 0;
  int heading_level = 0;
};

struct SegmentOptions {
  bool in_article = false;
  bool by_blank_lines = false;  // DRE/OJ Markdown: a blank line may start a paragraph
  bool outline = false;         // no articles anywhere: "1.", "a.", "i." points and headings
  // The body opens a copy that lacks the act's start (no title before it): its first line may
  // go on with a list or an article a page it lacks began ("c) Manter o registo …" / "d) …",
  // "3 — O Gabinete …").
  bool opens_copy = false;
};

// The pieces of `lines` in order; markers out of sequence that are kept anyway are reported in
// *warnings with `file` and the line.
std::vector<Piece> Segment(const std::vector<Line>& lines, SegmentOptions options,
                           const std::string& file, std::vector<Status>* warnings);

// "iv" -> 4 (i to xlix); 0 if `r` is not a roman numeral.
int RomanValue(std::string_view r);

// `text` in pieces of at most `max` bytes, cut after a sentence's full stop (". " and a capital);
// a single longer sentence stays whole.
std::vector<std::string> SplitSentences(const std::string& text, std::size_t max);

}  // namespace portaria::indexer::diploma

#endif  // PORTARIA_INDEXER_DIPLOMA_SEGMENT_H_
