// JSON Lines reader: one paragraph record per line (format in schema/JSONL.md).
//
// A bad line is reported with its line number and skipped; the other lines are still indexed,
// so one broken record does not cost a whole export. Records are flat, so nesting is capped; the
// cap is checked by a linear scan before nlohmann::json builds (and later destroys or dumps,
// recursively) a deep value.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/text.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace {

using Code = Status::Code;
using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 32;
constexpr std::size_t kMaxLineBytes = kMaxParagraphBytes * 2;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// A problem found on one line: message plus the 1-based byte column, 0 if unknown.
struct LineError {
  std::string message;
  int column = 0;
};

// Returns the 1-based column of the first bracket that opens level kMaxJsonDepth + 1, or 0.
// Brackets inside strings do not count; escapes are honoured so that "\"" does not end one.
int ColumnTooDeep(std::string_view line) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return static_cast<int>(i + 1);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return 0;
}

// nlohmann's non-throwing parse says only "invalid"; for the message and column we re-run the
// parser on the (already rejected) line through its SAX interface, which reports the position.
class ErrorLocator : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_.column = static_cast<int>(position);
    error_.message = Describe(ex.what());
    return false;
  }
  const LineError& error() const { return error_; }

 private:
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." ->
  // "syntax error ...": the position is reported separately, relative to the file.
  static std::string Describe(std::string_view what) {
    std::size_t at = what.find("column ");
    if (at != std::string_view::npos) {
      std::size_t colon = what.find(": ", at);
      if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
    }
    return "invalid JSON: " + std::string(what);
  }
  LineError error_{"invalid JSON", 0};
};

LineError ParseError(std::string_view line) {
  ErrorLocator locator;
  Json::sax_parse(line.begin(), line.end(), &locator);
  return locator.error();
}

// Copies the string field `name` into *out; absent is fine, any other type is an error.
std::optional<LineError> ReadField(const Json& object, const char* name, std::string* out) {
  auto it = object.find(name);
  if (it == object.end()) return std::nullopt;
  if (!it->is_string()) {
    return LineError{std::string("field \"") + name + "\" must be a string, not " +
                     it->type_name()};
  }
  *out = it->get<std::string>();
  return std::nullopt;
}

// id and text are the record: both must be present, strings, and not blank.
std::optional<LineError> ReadRequired(const Json& object, const char* name, std::string* out) {
  if (!object.contains(name)) return LineError{std::string("missing field \"") + name + "\""};
  if (auto error = ReadField(object, name, out)) return error;
  if (IsBlank(*out)) return LineError{std::string("field \"") + name + "\" is empty"};
  return std::nullopt;
}

std::optional<LineError> ToParagraph(std::string_view line, Paragraph* p) {
  if (line.size() > kMaxLineBytes) {
    return LineError{"line longer than " + std::to_string(kMaxLineBytes) + " bytes"};
  }
  if (int column = ColumnTooDeep(line)) {
    return LineError{"nesting deeper than " + std::to_string(kMaxJsonDepth), column};
  }
  Json object = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return ParseError(line);
  if (!object.is_object()) {
    return LineError{std::string("expected a JSON object, found ") + object.type_name()};
  }
  if (auto e = ReadRequired(object, "id", &p->id)) return e;
  if (auto e = ReadRequired(object, "text", &p->text)) return e;
  if (p->text.size() > kMaxParagraphBytes) {
    return LineError{"paragraph " + p->id + " is longer than " +
                     std::to_string(kMaxParagraphBytes) + " bytes"};
  }
  if (p->id.size() > kMaxFieldBytes) {
    // Clipping an id could merge two records; refuse it instead.
    return LineError{"id longer than " + std::to_string(kMaxFieldBytes) + " bytes"};
  }
  std::pair<const char*, std::string*> optional_fields[] = {
      {"unit", &p->unit},       {"letter", &p->letter},  {"source", &p->source},
      {"section", &p->section}, {"date", &p->date},      {"article", &p->article},
      {"number", &p->number},   {"doc", &p->doc},        {"context", &p->context},
      {"summary", &p->summary}, {"subitem", &p->subitem}};
  for (auto& [name, field] : optional_fields) {
    if (auto e = ReadField(object, name, field)) return e;
    *field = analysis::ClipUtf8(std::move(*field), kMaxFieldBytes);
  }
  return std::nullopt;
}

}  // namespace

ReadResult ReadJsonLines(std::string_view content, const std::string& file, int first_line) {
  ReadResult result;
  if (content.size() > kMaxFileBytes) {
    result.fatal = true;
    result.errors.push_back(
        Status::Error(Code::kInvalidArgument,
                      "file larger than " + std::to_string(kMaxFileBytes) + " bytes", file));
    return result;
  }
  const std::string default_doc = "jsonl:" + std::filesystem::path(file).stem().string();
  int line_number = first_line - 1;
  for (std::size_t start = 0; start < content.size();) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) continue;
    Paragraph p;
    if (auto error = ToParagraph(line, &p)) {
      result.errors.push_back(Status::Error(Code::kInvalidArgument, std::move(error->message), file,
                                            line_number, error->column));
      continue;
    }
    if (p.doc.empty()) p.doc = default_doc;
    p.file = file;
    result.paragraphs.push_back(std::move(p));
  }
  return result;
}

}  // namespace portaria::indexer
