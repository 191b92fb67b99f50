// Tests of the JSON Lines reader: fields, defaults, and per-line errors with line numbers.
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "schema/record_codec.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using ::portaria::testing::ReadFileToString;
using ::portaria::testing::SourceDir;

ReadResult ReadFixture(const std::string& name) {
  std::string content = ReadFileToString(SourceDir() / "tests/data/jsonl" / name);
  EXPECT_FALSE(content.empty()) << name;
  return ReadJsonLines(content, "data/" + name);
}

TEST(JsonlReaderTest, ReadsAllFieldsAndIgnoresBlankLinesAndUnknownFields) {
  ReadResult result = ReadFixture("records.jsonl");
  EXPECT_FALSE(result.fatal);
  EXPECT_TRUE(result.errors.empty());
  ASSERT_EQ(result.paragraphs.size(), 3u);

  const Paragraph& full = result.paragraphs[0];
  EXPECT_EQ(full.id, "exemplo:1");
  EXPECT_EQ(full.text, "Compete ao Centro Nacional de Pensões gerir as pensões.");
  EXPECT_EQ(full.unit, "Centro Nacional de Pensões");
  EXPECT_EQ(full.letter, "a");
  EXPECT_EQ(full.source, "Portaria n.º 1/2000");
  EXPECT_EQ(full.section, "Capítulo I > Competências");
  EXPECT_EQ(full.date, "2000-01-31");
  EXPECT_EQ(full.article, "3.º");
  EXPECT_EQ(full.number, "2");
  EXPECT_EQ(full.doc, "exemplo:portaria-1-2000");
  EXPECT_EQ(full.file, "data/records.jsonl");

  const Paragraph& bare = result.paragraphs[1];
  EXPECT_EQ(bare.id, "exemplo:2");
  EXPECT_EQ(bare.unit, "");
  EXPECT_EQ(bare.article, "");
  EXPECT_EQ(bare.doc, "jsonl:records");  // default: the file stem

  EXPECT_EQ(result.paragraphs[2].id, "exemplo:3");
  EXPECT_EQ(result.paragraphs[2].section, "Anexo");
}

// What portaria-read prints (each record as the store encodes it) reads back as the same
// records: list intros and ementas included, which the ranking uses.
TEST(JsonlReaderTest, ReadersOutputReadsBackAsTheSameRecords) {
  ReadResult read = ReadFile((SourceDir() / "tests/data/diplomas/dr-2021.md").string());
  ASSERT_TRUE(read.errors.empty());
  ASSERT_GT(read.paragraphs.size(), 5u);
  std::string lines;
  for (const auto& p : read.paragraphs) lines += schema::EncodeRecord(p) + "\n";
  ReadResult back = ReadJsonLines(lines, "records.jsonl");
  EXPECT_TRUE(back.errors.empty());
  ASSERT_EQ(back.paragraphs.size(), read.paragraphs.size());
  std::size_t with_context = 0;
  for (std::size_t i = 0; i < back.paragraphs.size(); ++i) {
    Paragraph expected = read.paragraphs[i];
    expected.file = "records.jsonl";
    EXPECT_EQ(schema::EncodeRecord(back.paragraphs[i]), schema::EncodeRecord(expected));
    if (!back.paragraphs[i].context.empty()) ++with_context;
    EXPECT_FALSE(back.paragraphs[i].summary.empty()) << back.paragraphs[i].id;
  }
  EXPECT_GT(with_context, 0u);
}

TEST(JsonlReaderTest, BadLinesAreReportedWithLineNumbersAndSkipped) {
  ReadResult result = ReadFixture("mixed.jsonl");
  EXPECT_FALSE(result.fatal);
  ASSERT_EQ(result.paragraphs.size(), 2u);
  EXPECT_EQ(result.paragraphs[0].id, "bom:1");
  EXPECT_EQ(result.paragraphs[1].id, "bom:9");

  struct Want {
    int line;
    std::string fragment;
  };
  std::vector<Want> want = {{2, "invalid JSON"},
                            {3, "expected a JSON object, found array"},
                            {4, "missing field \"id\""},
                            {5, "field \"id\" is empty"},
                            {6, "field \"text\" is empty"},
                            {7, "field \"article\" must be a string, not number"},
                            {8, "field \"id\" must be a string"}};
  ASSERT_EQ(result.errors.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const Status& error = result.errors[i];
    EXPECT_FALSE(error.ok());
    EXPECT_EQ(error.file(), "data/mixed.jsonl");
    EXPECT_EQ(error.line(), want[i].line) << error.ToString();
    EXPECT_NE(error.message().find(want[i].fragment), std::string::npos) << error.ToString();
  }
}

TEST(JsonlReaderTest, SyntaxErrorCarriesColumn) {
  // Line 2 ends before the object is closed: the error is at its last byte + 1.
  std::string line2 = R"({"id": "x", "text": "y")";
  ReadResult result = ReadJsonLines("\n" + line2 + "\n", "f.jsonl");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line(), 2);
  EXPECT_EQ(result.errors[0].column(), static_cast<int>(line2.size()) + 1);
  EXPECT_EQ(result.errors[0].ToString().rfind("f.jsonl:2:24: invalid JSON: syntax error", 0), 0u)
      << result.errors[0].ToString();

  ReadResult bad_literal = ReadJsonLines(R"({"id": "x", "text": tru})", "g.jsonl");
  ASSERT_EQ(bad_literal.errors.size(), 1u);
  EXPECT_EQ(bad_literal.errors[0].column(), 24);  // reading stops at the '}' after "tru"
}

TEST(JsonlReaderTest, DeepNestingIsRejectedBeforeParsing) {
  std::string deep = R"({"id": "d", "text": "t", "x": )";
  std::size_t column = 0;
  for (int i = 0; i < 100000; ++i) {
    deep += "[";
    if (i == 31) column = deep.size();  // the 33rd level: the object plus 32 arrays
  }
  deep += std::string(100000, ']') + "}";
  // Brackets inside strings are text, not nesting.
  std::string in_string = R"({"id": "s", "text": ")" + std::string(100, '[') + R"(\"{"})";
  ReadResult result = ReadJsonLines(deep + "\n" + in_string + "\n", "deep.jsonl");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line(), 1);
  EXPECT_EQ(result.errors[0].column(), static_cast<int>(column));
  EXPECT_EQ(result.errors[0].message(), "nesting deeper than 32");
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].text, std::string(100, '[') + "\"{");
}

TEST(JsonlReaderTest, NestingUpToTheCapIsAccepted) {
  std::string line =
      R"({"id": "n", "text": "t", "x": )" + std::string(31, '[') + std::string(31, ']') + "}";
  ReadResult result = ReadJsonLines(line, "n.jsonl");
  EXPECT_TRUE(result.errors.empty()) << result.errors[0].ToString();
  EXPECT_EQ(result.paragraphs.size(), 1u);
}

TEST(JsonlReaderTest, SizeLimits) {
  std::string long_line =
      R"({"id": "l", "text": ")" + std::string(kMaxParagraphBytes * 2, 'x') + R"("})";
  std::string big_text =
      R"({"id": "b", "text": ")" + std::string(kMaxParagraphBytes + 1, 'x') + R"("})";
  std::string long_field =
      R"({"id": "f", "text": "t", "section": ")" + std::string(kMaxFieldBytes + 100, 'x') + R"("})";
  ReadResult result =
      ReadJsonLines(long_line + "\n" + big_text + "\n" + long_field + "\n", "limits.jsonl");
  ASSERT_EQ(result.errors.size(), 2u);
  EXPECT_EQ(result.errors[0].line(), 1);
  EXPECT_NE(result.errors[0].message().find("line longer than"), std::string::npos);
  EXPECT_EQ(result.errors[1].line(), 2);
  EXPECT_NE(result.errors[1].message().find("paragraph b is longer than"), std::string::npos);
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].section.size(), kMaxFieldBytes);

  ReadResult huge = ReadJsonLines(std::string(kMaxFileBytes + 1, '\n'), "huge.jsonl");
  EXPECT_TRUE(huge.fatal);
}

TEST(JsonlReaderTest, CrlfAndMissingFinalNewline) {
  ReadResult result = ReadJsonLines(
      "{\"id\": \"a\", \"text\": \"um\"}\r\n{\"id\": \"b\", \"text\": \"dois\"}", "crlf.jsonl");
  EXPECT_TRUE(result.errors.empty());
  ASSERT_EQ(result.paragraphs.size(), 2u);
  EXPECT_EQ(result.paragraphs[1].text, "dois");
}

TEST(JsonlReaderTest, InvalidUtf8InAStringIsALineError) {
  ReadResult result = ReadJsonLines("{\"id\": \"a\", \"text\": \"\xff\"}\n", "u.jsonl");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line(), 1);
  EXPECT_TRUE(result.paragraphs.empty());
}

// A file read as a stream, in parts much smaller than the file: every line lands in one part,
// errors carry the line numbers of the whole file, and a line with invalid UTF-8 or a NUL byte
// is an error of that line, where a file read whole would be rejected.
TEST(JsonLinesStreamTest, PartsCoverEveryLineAndErrorsNameTheFileLine) {
  std::string content = "\xEF\xBB\xBF";  // a BOM on the first line
  const int lines = 60;
  for (int i = 1; i <= lines; ++i) {
    if (i == 20) {
      content += "{\"id\": \"s:20\", \"text\": tru}\n";  // bad JSON
    } else if (i == 33) {
      content += "{\"id\": \"s:33\", \"text\": \"byte \xFF here\"}\n";  // invalid UTF-8
    } else if (i == 41) {
      content += std::string("{\"id\": \"s:41\", \"text\": \"nul ") + '\0' + " here\"}\r\n";
    } else {
      content += "{\"id\": \"s:" + std::to_string(i) + "\", \"text\": \"Parágrafo número " +
                 std::to_string(i) + " do ficheiro.\"}" + (i % 2 ? "\r\n" : "\n");
    }
  }
  std::filesystem::path path = ::portaria::testing::FreshDir("jsonl-stream") / "big.jsonl";
  ::portaria::testing::WriteStringToFile(path, content);
  JsonLinesStream stream(path, 300);
  std::vector<std::string> ids;
  std::vector<int> error_lines;
  int parts = 0;
  ReadResult part;
  while (stream.Next(&part)) {
    ++parts;
    EXPECT_FALSE(part.fatal);
    for (const auto& p : part.paragraphs) ids.push_back(p.id);
    for (const auto& e : part.errors) {
      EXPECT_EQ(e.file(), path.string());
      error_lines.push_back(e.line());
    }
  }
  EXPECT_GT(parts, 10);
  ASSERT_EQ(ids.size(), static_cast<std::size_t>(lines - 3));
  EXPECT_EQ(ids.front(), "s:1");  // the BOM is gone
  EXPECT_EQ(ids.back(), "s:60");
  for (std::size_t i = 1; i < ids.size(); ++i) {  // in file order, none twice
    EXPECT_LT(std::stoi(ids[i - 1].substr(2)), std::stoi(ids[i].substr(2)));
  }
  EXPECT_EQ(error_lines, (std::vector<int>{20, 33, 41}));
}

}  // namespace
}  // namespace portaria::indexer
