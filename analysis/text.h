// Unicode helpers used by the analyzer and the readers: NFC, case folding, accent removal and
// UTF-8 validation. All functions take and return UTF-8 and are thread-safe (they use only
// ICU's immutable singletons).
#ifndef PORTARIA_ANALYSIS_TEXT_H_
#define PORTARIA_ANALYSIS_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace portaria::analysis {

// Unicode NFC. Invalid UTF-8 sequences become U+FFFD.
std::string Nfc(std::string_view text);

// Full Unicode case folding followed by NFC ("PENSÕES" -> "pensões").
std::string Fold(std::string_view text);

// Removes combining marks after canonical decomposition ("pensões" -> "pensoes", "ç" -> "c").
// The input should already be folded; the output is NFC.
std::string StripAccents(std::string_view text);

// Fold + StripAccents: the form in which surface words and stopwords are compared.
std::string FoldAndStrip(std::string_view text);

// True if `text` is well-formed UTF-8; otherwise sets *bad_offset to the first bad byte.
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset);

// True if the string has only ASCII bytes (the fast path of most functions above).
bool IsAscii(std::string_view text);

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string ClipUtf8(std::string s, std::size_t max);

// Collapses runs of Unicode white space to one ASCII space and trims both ends.
std::string NormalizeSpace(std::string_view text);

}  // namespace portaria::analysis

#endif  // PORTARIA_ANALYSIS_TEXT_H_
