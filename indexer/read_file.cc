// File-level checks shared by every format, and dispatch on the file name's extension.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "analysis/lemmatizer.h"
#include "analysis/text.h"
#include "indexer/diploma.h"
#include "indexer/reader.h"

namespace portaria::indexer {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Status Fatal(const std::string& file, const std::string& message, int line = 0, int column = 0) {
  return Status::Error(Status::Code::kInvalidArgument, message, file, line, column);
}

void NormalizeRecord(Paragraph* p) {
  for (std::string* field : {&p->text, &p->unit, &p->letter, &p->source, &p->section, &p->article,
                             &p->number, &p->date}) {
    if (!analysis::IsAscii(*field)) *field = analysis::Nfc(*field);
  }
}

}  // namespace

void LineColumnOf(std::string_view text, std::size_t offset, int* line, int* column) {
  *line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      line_start = i + 1;
    }
  }
  *column = static_cast<int>(std::min(offset, text.size()) - line_start) + 1;
}

Format FormatForPath(const std::filesystem::path& path) {
  std::string ext = Lower(path.extension().string());
  if (ext == ".md" || ext == ".txt" || ext == ".markdown") return Format::kPage;
  if (ext == ".xml" || ext == ".akn") return Format::kAkomaNtoso;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".json") return Format::kDreJson;
  return Format::kUnknown;
}

const char* FormatName(Format format) {
  switch (format) {
    case Format::kPage:
      return "page";
    case Format::kAkomaNtoso:
      return "akoma-ntoso";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kDreJson:
      return "dre-json";
    case Format::kUnknown:
      break;
  }
  return "unknown";
}

Status PrepareText(std::string_view raw, const std::string& file, std::string* clean) {
  if (raw.size() > kMaxFileBytes) {
    return Fatal(file, "file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
  }
  if (raw.empty()) return Fatal(file, "empty file");
  if (raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
  if (std::size_t nul = raw.find('\0'); nul != std::string_view::npos) {
    int line, column;
    LineColumnOf(raw, nul, &line, &column);
    return Fatal(file, "NUL byte: not a text file", line, column);
  }
  std::size_t bad = 0;
  if (!analysis::IsValidUtf8(raw, &bad)) {
    int line, column;
    LineColumnOf(raw, bad, &line, &column);
    return Fatal(file, "invalid UTF-8", line, column);
  }
  clean->clear();
  clean->reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;  // CRLF -> LF
      clean->push_back('\n');                                  // lone CR -> LF
    } else {
      clean->push_back(raw[i]);
    }
  }
  return Status::Ok();
}

Status ReadRawFile(const std::filesystem::path& path, std::string* raw) {
  const std::string file = path.string();
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error(Status::Code::kIOError, ec.message(), file);
  if (size > kMaxFileBytes) {
    return Fatal(file, "file larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(Status::Code::kIOError, "cannot open file", file);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *raw = std::move(buffer).str();
  return Status::Ok();
}

ReadResult ReadFile(const std::filesystem::path& path) {
  std::string raw;
  if (FormatForPath(path) != Format::kUnknown) {
    Status s = ReadRawFile(path, &raw);
    if (!s.ok()) {
      ReadResult result;
      result.fatal = true;
      result.errors.push_back(std::move(s));
      return result;
    }
  }
  return ReadBytes(path, raw);
}

ReadResult ReadBytes(const std::filesystem::path& path, std::string_view raw) {
  ReadResult result;
  const std::string file = path.string();
  auto fatal = [&](Status s) {
    result.fatal = true;
    result.errors.push_back(std::move(s));
    return result;
  };
  Format format = FormatForPath(path);
  if (format == Format::kUnknown) return fatal(Fatal(file, "unsupported file type"));
  std::string clean;
  Status prepared = PrepareText(raw, file, &clean);
  if (!prepared.ok()) return fatal(prepared);
  auto known = [](const std::string& word) {
    return analysis::Lemmatizer::Shared().IsKnownWord(word);
  };
  // Where a JSON document opens the text, or npos: an object's first key, or an array's first
  // object or string (`{"`, `[{`, `["`).
  std::size_t json_at = std::string::npos;
  if (format == Format::kPage) {
    std::size_t first = clean.find_first_not_of(" \t\n");
    std::size_t next =
        first == std::string::npos ? first : clean.find_first_not_of(" \t\n", first + 1);
    if (next != std::string::npos &&
        ((clean[first] == '{' && clean[next] == '"') ||
         (clean[first] == '[' && (clean[next] == '{' || clean[next] == '"'))))
      json_at = first;
  }
  switch (format) {
    case Format::kPage:
      if (json_at != std::string::npos && IsDreConsolidatedJson(clean)) {
        // DRE's consolidated JSON saved as text (as a repository's fixtures keep it).
        result = ReadDreJson(clean, file, path.stem().string(), known);
      } else if (diploma::LooksLikeDiploma(clean)) {
        result = ReadDiploma(clean, file, path.stem().string(), known);
      } else {
        result = ReadPage(clean, file, path.stem().string());
        // Another JSON document saved as text (a web service's answer, `{"…": …}`) is read as
        // a page of its characters: say so, where a JSON Lines file of records was perhaps meant.
        if (json_at != std::string::npos) {
          int line, column;
          LineColumnOf(clean, json_at, &line, &column);
          result.warnings.push_back(Status::Error(
              Status::Code::kInvalidArgument,
              "looks like a JSON document, not text: read as a page of its characters (records "
              "to index go one JSON object a line in a .jsonl file, schema/JSONL.md)",
              file, line, column));
        }
      }
      break;
    case Format::kAkomaNtoso:
      result = ReadAkomaNtoso(clean, file);
      break;
    case Format::kJsonLines:
      result = ReadJsonLines(clean, file);
      break;
    case Format::kDreJson:
      result = ReadDreJson(clean, file, path.stem().string(), known);
      break;
    case Format::kUnknown:
      break;
  }
  if (result.fatal) result.paragraphs.clear();
  for (auto& p : result.paragraphs) NormalizeRecord(&p);
  if (!result.fatal && result.paragraphs.empty() && result.errors.empty()) {
    return fatal(Fatal(file, "no paragraphs found"));
  }
  return result;
}

JsonLinesStream::JsonLinesStream(const std::filesystem::path& path, std::size_t part_bytes)
    : in_(path, std::ios::binary), file_(path.string()), part_bytes_(part_bytes) {}

bool JsonLinesStream::Next(ReadResult* part) {
  *part = ReadResult();
  if (done_) return false;
  if (!in_) {
    done_ = true;
    part->fatal = true;
    part->errors.push_back(Status::Error(Status::Code::kIOError, "cannot read file", file_));
    return false;
  }
  std::string chunk = std::move(carry_);
  carry_.clear();
  std::size_t have = chunk.size();
  chunk.resize(std::max(have, part_bytes_));
  in_.read(chunk.data() + have, static_cast<std::streamsize>(chunk.size() - have));
  chunk.resize(have + static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) {
    done_ = true;
    part->fatal = true;
    part->errors.push_back(Status::Error(Status::Code::kIOError, "read error", file_, line_));
    return false;
  }
  if (in_.eof()) {
    done_ = true;
  } else if (std::size_t cut = chunk.rfind('\n'); cut != std::string::npos) {
    carry_ = chunk.substr(cut + 1);
    chunk.resize(cut + 1);
  }  // else: a line longer than a part, which the reader rejects (kMaxParagraphBytes)
  if (first_ && chunk.starts_with("\xEF\xBB\xBF")) chunk.erase(0, 3);
  first_ = false;
  // A NUL byte or invalid UTF-8 makes its line an error: the line is emptied (so that the
  // numbering holds) and the part checked again.
  std::string clean;
  while (!chunk.empty()) {
    Status s = PrepareText(chunk, file_, &clean);
    if (s.ok()) break;
    std::size_t start = 0;
    for (int l = 1; l < s.line() && start != std::string::npos; ++l) {
      start = chunk.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    if (s.line() <= 0 || start == std::string::npos) {  // not a line's fault: give up the part
      part->errors.push_back(Status::Error(s.code(), s.message(), file_, line_));
      chunk.clear();
      break;
    }
    std::size_t end = chunk.find('\n', start);
    chunk.erase(start, (end == std::string::npos ? chunk.size() : end) - start);
    part->errors.push_back(
        Status::Error(s.code(), s.message(), file_, line_ + s.line() - 1, s.column()));
  }
  if (!chunk.empty()) {
    ReadResult read = ReadJsonLines(clean, file_, line_);
    for (auto& p : read.paragraphs) NormalizeRecord(&p);
    part->paragraphs = std::move(read.paragraphs);
    for (auto& e : read.errors) part->errors.push_back(std::move(e));
    part->warnings = std::move(read.warnings);
  }
  line_ += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
  return true;
}

}  // namespace portaria::indexer
