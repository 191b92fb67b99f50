// Readers turn the bytes of one input file into paragraph records.
//
// Every reader is a pure function of (content, file name): no I/O, no global state, safe to call
// from several threads at once. Readers never recurse on input nesting depth and enforce the size
// limits below, so that fuzzed or hostile input cannot exhaust the stack or memory.
#ifndef PORTARIA_INDEXER_READER_H_
#define PORTARIA_INDEXER_READER_H_

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "portaria/record.h"
#include "portaria/status.h"

namespace portaria::indexer {

// Limits applied by every reader (see schema/SCHEMA.md, "Limits").
inline constexpr std::size_t kMaxFileBytes = 64u << 20;        // a larger file is rejected
inline constexpr std::size_t kMaxParagraphBytes = 256u << 10;  // a larger paragraph is an error
inline constexpr std::size_t kMaxFieldBytes = 4u << 10;        // unit, source, section, letter...
// A JSON Lines file is read whole up to this size and as a stream of parts of about this size
// beyond it, whatever its size (JsonLinesStream): kMaxFileBytes does not apply to it. Parts are
// what the writer and the preparing thread overlap on (prepare.h): at 1 MiB (about 2,600
// synthetic paragraphs) the 100k corpus indexed in 51 s with 280 MB resident, against 54-60 s
// and 800 MB at 8 MiB (bench/README.md).
inline constexpr std::size_t kStreamPartBytes = 1u << 20;

struct ReadResult {
  std::vector<Paragraph> paragraphs;
  // Problems found. If `fatal` is set the file as a whole is rejected and `paragraphs` must not
  // be indexed; otherwise each error concerns one part (e.g. one JSON line) that was skipped.
  std::vector<Status> errors;
  // What a reader could not place with certainty but kept (e.g. a número out of sequence); the
  // file still counts as read without errors.
  std::vector<Status> warnings;
  bool fatal = false;
};

enum class Format { kPage, kAkomaNtoso, kJsonLines, kDreJson, kUnknown };

// By extension: .md/.txt pages, .xml Akoma Ntoso, .jsonl JSON Lines, .json DRE's consolidated
// text (case-insensitive).
Format FormatForPath(const std::filesystem::path& path);
const char* FormatName(Format format);

// `file` is the name used in error messages and stored in Paragraph::file; `doc_key` is the
// stable key of the document used to build ids (pages: the file stem).
ReadResult ReadPage(std::string_view content, const std::string& file, const std::string& doc_key);
ReadResult ReadAkomaNtoso(std::string_view content, const std::string& file);
// `first_line`: the line number of the content's first line in its file (a part of a stream).
ReadResult ReadJsonLines(std::string_view content, const std::string& file, int first_line = 1);
// Portuguese legislative text (schema/DIPLOMAS.md), chosen by content for .md/.txt files
// (diploma::LooksLikeDiploma). `known` tells whether the dictionary accepts a folded word, to
// mend words broken at line ends; it may be empty (a syllable-break rule is used instead).
ReadResult ReadDiploma(std::string_view content, const std::string& file,
                       const std::string& doc_key,
                       const std::function<bool(const std::string&)>& known);

// DRE's consolidated text as its web service answers it (schema/DIPLOMAS.md, "DRE's consolidated
// text as JSON"): the fragments are read as the diploma reader reads DRE's page of the same
// diploma, and its warnings and errors name the fragment's line in the JSON. A JSON document of
// another shape is a fatal error, as is invalid JSON (with its line and column).
ReadResult ReadDreJson(std::string_view content, const std::string& file,
                       const std::string& doc_key,
                       const std::function<bool(const std::string&)>& known);
// Whether a text (a .md or .txt file's, say) holds such a JSON document: cheap, by its key.
bool IsDreConsolidatedJson(std::string_view content);

// The 1-based line and column (in bytes) of a byte offset of `text`: where every reader's errors
// point.
void LineColumnOf(std::string_view text, std::size_t offset, int* line, int* column);

// Reads the file at `path`, checks it (size, UTF-8, NUL bytes; strips a BOM, CRLF -> LF),
// dispatches on the format and NFC-normalises every field of the records produced.
ReadResult ReadFile(const std::filesystem::path& path);

// The two halves of ReadFile, for callers that look at the bytes before parsing them (the
// indexer hashes them for its manifest, and must parse exactly the bytes it hashed).
// ReadRawFile refuses files over kMaxFileBytes without reading them.
Status ReadRawFile(const std::filesystem::path& path, std::string* raw);
ReadResult ReadBytes(const std::filesystem::path& path, std::string_view raw);

// A JSON Lines file of any size read as a stream of parts of whole lines (about
// kStreamPartBytes each), so that memory follows the part, not the file: a 1M-paragraph export
// is one file. Each part gets ReadFile's checks and clean-up, except that a line with a NUL byte
// or invalid UTF-8 is an error of that line (skipped, as a line of bad JSON is), not of the file.
// Errors carry the line numbers of the whole file. Not thread-safe; one stream per file.
class JsonLinesStream {
 public:
  // `part_bytes`: the size of a part (a line longer than one is an error of that line).
  explicit JsonLinesStream(const std::filesystem::path& path,
                           std::size_t part_bytes = kStreamPartBytes);
  // The next part's records, errors and warnings; false when the file is exhausted (or could not
  // be read: then `*part` holds that error, fatal).
  bool Next(ReadResult* part);

 private:
  std::ifstream in_;
  std::string file_;
  std::size_t part_bytes_;
  std::string carry_;  // the start of a line the last part cut
  int line_ = 1;       // the file's line number of the next part's first line
  bool first_ = true, done_ = false;
};

// The checks and clean-up ReadFile applies before a reader sees the bytes, exposed for tests and
// for readers fed from memory. Returns a fatal result's status, or ok with `*clean` filled.
Status PrepareText(std::string_view raw, const std::string& file, std::string* clean);

}  // namespace portaria::indexer

#endif  // PORTARIA_INDEXER_READER_H_
