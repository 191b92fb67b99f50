// JSON Lines reader: one paragraph record per line (format in schema/JSONL.md).
//
// A bad line is reported with its line number and skipped; the other lines are still indexed,
// so one broken record does not cost a whole export. Records are flat, so nesting is capped
// (indexer/json_checks.h).
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/text.h"
#include "indexer/json_checks.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace {

using Code = Status::Code;
using Json = nlohmann::json;

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

LineError ParseError(std::string_view line) {
  JsonError e = LocateJsonError(line);
  return LineError{std::move(e.message), static_cast<int>(e.offset)};
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
  if (std::size_t at = OffsetTooDeep(line); at != std::string_view::npos) {
    return LineError{"nesting deeper than " + std::to_string(kMaxJsonDepth),
                     static_cast<int>(at + 1)};
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
      {"unit", &p->unit},       {"letter", &p->letter},   {"source", &p->source},
      {"section", &p->section}, {"date", &p->date},       {"article", &p->article},
      {"number", &p->number},   {"doc", &p->doc},         {"context", &p->context},
      {"summary", &p->summary}, {"subitem", &p->subitem}, {"acronyms", &p->acronyms}};
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
