// The page reader (ReadPage/ReadFile on Markdown-like pages) on written excerpts, and
// PrepareText's checks and clean-up; the seed page itself is tests/seed_page_test.cc.
#include <string>
#include <vector>

#include "analysis/text.h"
#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "tests/page_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using page_fixtures::ErrorsOf;
using page_fixtures::kCd;
using page_fixtures::kCnp;
using page_fixtures::kPortaria135;
using testing::FreshDir;
using testing::WriteStringToFile;

// Reads a page held in memory the way ReadFile would (PrepareText, then ReadPage).
ReadResult ReadInline(const std::string& raw, const std::string& doc_key = "t") {
  std::string clean;
  Status s = PrepareText(raw, doc_key + ".md", &clean);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return ReadPage(clean, doc_key + ".md", doc_key);
}

// ---------------------------------------------------------------------------------------------
// Small pages.

TEST(PageReaderTest, AJsonDocumentSavedAsTextIsReadWithAWarning) {
  // A web service's answer saved as .md: its characters are a page, and the reader says so.
  ReadResult json = ReadBytes("servico.md",
                              "\n{\"Texto\": \"Compete ao Centro Nacional de "
                              "Pensões pagar pensões.\"}\n");
  ASSERT_FALSE(json.fatal);
  ASSERT_EQ(json.warnings.size(), 1u);
  EXPECT_NE(json.warnings[0].message().find("looks like a JSON document"), std::string::npos);
  EXPECT_EQ(json.warnings[0].line(), 2);
  // Text that opens with a brace but is not one: no warning.
  EXPECT_TRUE(ReadBytes("nota.md", "{nota} O prazo é de dez dias.\n").warnings.empty());
}

TEST(PageReaderTest, BoldHeadingsAndItalicSource) {
  ReadResult r = ReadInline(
      "# Página\n"
      "\n"
      "## **Centro Nacional de Pensões**\n"
      "\n"
      "- a) Pagar pensões;\n"
      "- b) Reconhecer direitos.\n"
      "\n"
      "_Fonte: Portaria n.º 1/2000._\n");
  ASSERT_EQ(r.paragraphs.size(), 2u) << ErrorsOf(r);
  for (const auto& p : r.paragraphs) {
    EXPECT_EQ(p.unit, kCnp);
    EXPECT_EQ(p.section, "Página > Centro Nacional de Pensões");
    EXPECT_EQ(p.source, "Portaria n.º 1/2000");
  }
  EXPECT_EQ(r.paragraphs[0].letter, "a");
  EXPECT_EQ(r.paragraphs[0].text, "Pagar pensões;");
  EXPECT_EQ(r.paragraphs[1].letter, "b");
}

TEST(PageReaderTest, BoldFonteLabel) {
  ReadResult r = ReadInline(
      "## Centro Nacional de Pensões\n\nTexto do centro.\n\n**Fonte:** Lei n.º 4/2007.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].source, "Lei n.º 4/2007");
}

TEST(PageReaderTest, FonteBeforeTheParagraphs) {
  ReadResult r = ReadInline(
      "## Centros Distritais\n"
      "\n"
      "Fonte: Portaria n.º 135/2012, de 8 de maio.\n"
      "\n"
      "- a) Gerir as prestações;\n"
      "- b) Proceder ao reconhecimento de direitos.\n"
      "\n"
      "## Canais de atendimento\n"
      "\n"
      "Ligue 300 502 502.\n");
  ASSERT_EQ(r.paragraphs.size(), 3u);
  EXPECT_EQ(r.paragraphs[0].source, kPortaria135);
  EXPECT_EQ(r.paragraphs[1].source, kPortaria135);
  EXPECT_EQ(r.paragraphs[0].unit, kCd);
  // A new top-level section starts a new group: its paragraphs have no source.
  EXPECT_TRUE(r.paragraphs[2].source.empty());
  EXPECT_TRUE(r.paragraphs[2].unit.empty());
}

TEST(PageReaderTest, CrlfAndBomThroughPrepareText) {
  const std::string raw =
      "\xEF\xBB\xBF## Centro Nacional de Pensões\r\n"
      "\r\n"
      "- a) Pagar pensões;\r\n"
      "- b) Reconhecer\r\n"
      "  direitos.\r\n"
      "\r\n"
      "Fonte: Portaria n.º 135/2012, de 8 de maio.\r\n";
  std::string clean;
  ASSERT_TRUE(PrepareText(raw, "crlf.md", &clean).ok());
  EXPECT_EQ(clean.find('\r'), std::string::npos);
  EXPECT_EQ(clean.rfind("## Centro", 0), 0u);  // BOM gone
  ReadResult r = ReadPage(clean, "crlf.md", "crlf");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs[0].unit, kCnp);  // the BOM did not hide the heading
  EXPECT_EQ(r.paragraphs[0].text, "Pagar pensões;");
  EXPECT_EQ(r.paragraphs[1].text, "Reconhecer direitos.");
  EXPECT_EQ(r.paragraphs[1].source, kPortaria135);
  for (const auto& p : r.paragraphs) {
    EXPECT_EQ(p.text.find('\r'), std::string::npos);
    EXPECT_EQ(p.source.find('\r'), std::string::npos);
  }
}

TEST(PageReaderTest, PrepareTextLineEndings) {
  std::string clean;
  ASSERT_TRUE(PrepareText("a\r\nb\rc\n\r\n", "f.md", &clean).ok());
  EXPECT_EQ(clean, "a\nb\nc\n\n");
  ASSERT_TRUE(PrepareText("\xEF\xBB\xBFtexto", "f.md", &clean).ok());
  EXPECT_EQ(clean, "texto");
  // A BOM in the middle is not stripped (only a leading one is a BOM).
  ASSERT_TRUE(PrepareText("a\xEF\xBB\xBF", "f.md", &clean).ok());
  EXPECT_EQ(clean, "a\xEF\xBB\xBF");
}

TEST(PageReaderTest, PrepareTextEmptyFile) {
  std::string clean = "untouched";
  Status s = PrepareText("", "empty.md", &clean);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "empty file");
  EXPECT_EQ(s.ToString(), "empty.md: empty file");
}

TEST(PageReaderTest, PrepareTextNulByte) {
  std::string clean;
  Status s = PrepareText(std::string("linha um\nab\0c\n", 14), "nul.md", &clean);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "NUL byte: not a text file");
  EXPECT_EQ(s.file(), "nul.md");
  EXPECT_EQ(s.line(), 2);
  EXPECT_EQ(s.column(), 3);
  EXPECT_EQ(s.ToString(), "nul.md:2:3: NUL byte: not a text file");
  s = PrepareText(std::string("\0", 1), "nul.md", &clean);
  EXPECT_EQ(s.ToString(), "nul.md:1:1: NUL byte: not a text file");
}

TEST(PageReaderTest, PrepareTextInvalidUtf8) {
  std::string clean;
  // Line 3; "não " is 5 bytes, so the bad byte is column 6 (columns count bytes).
  Status s = PrepareText("# Título\n\nnão \xFF fim\n", "bad.md", &clean);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "invalid UTF-8");
  EXPECT_EQ(s.line(), 3);
  EXPECT_EQ(s.column(), 6);
  EXPECT_EQ(s.ToString(), "bad.md:3:6: invalid UTF-8");
  // A truncated sequence at the very end.
  s = PrepareText("ok\xC3", "bad.md", &clean);
  EXPECT_EQ(s.ToString(), "bad.md:1:3: invalid UTF-8");
  // Latin-1 text (a common mistake) is rejected rather than indexed as garbage.
  s = PrepareText(
      "pens\xF5"
      "es\n",
      "latin1.md", &clean);
  EXPECT_EQ(s.ToString(), "latin1.md:1:5: invalid UTF-8");
}

TEST(PageReaderTest, ReadFileRejectsBadFiles) {
  auto dir = FreshDir("bad");
  WriteStringToFile(dir / "empty.md", "");
  ReadResult r = ReadFile(dir / "empty.md");
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].ToString().find("empty file"), std::string::npos);
  EXPECT_TRUE(r.paragraphs.empty());

  WriteStringToFile(dir / "latin1.md",
                    "## Centro\n\npens\xF5"
                    "es\n");
  r = ReadFile(dir / "latin1.md");
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString(), (dir / "latin1.md").string() + ":3:5: invalid UTF-8");

  r = ReadFile(dir / "missing.md");
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code(), Status::Code::kIOError);

  WriteStringToFile(dir / "page.pdf", "## Centro\n\ntexto\n");
  r = ReadFile(dir / "page.pdf");
  EXPECT_TRUE(r.fatal);

  WriteStringToFile(dir / "headings.md", "# Só títulos\n\n## Nada mais\n");
  r = ReadFile(dir / "headings.md");
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message().find("no paragraphs"), std::string::npos);
}

TEST(PageReaderTest, ReadFileNormalisesNfdToNfc) {
  auto dir = FreshDir("nfd");
  // "Pensões", "Competências" and "prestações" written with combining marks.
  const std::string nfd_unit =
      "Centro Nacional de Penso\xCC\x83"
      "es";
  WriteStringToFile(dir / "nfd.md", "## " + nfd_unit +
                                        "\n\n"
                                        "## Compete\xCC\x82ncias\n\n"
                                        "- a) Pagar prestac\xCC\xA7o\xCC\x83"
                                        "es.\n\n"
                                        "Fonte: Portaria n.\xC2\xBA 135/2012, de 8 de maio.\n");
  ReadResult r = ReadFile(dir / "nfd.md");
  ASSERT_FALSE(r.fatal) << ErrorsOf(r);
  ASSERT_EQ(r.paragraphs.size(), 1u);
  const Paragraph& p = r.paragraphs[0];
  EXPECT_EQ(p.unit, kCnp);
  EXPECT_EQ(p.text, "Pagar prestações.");
  EXPECT_EQ(p.section, "Centro Nacional de Pensões > Competências");
  EXPECT_EQ(p.letter, "a");
  EXPECT_EQ(p.source, kPortaria135);
  EXPECT_EQ(p.doc, "page:nfd");
}

TEST(PageReaderTest, ContinuationLinesOfListItems) {
  ReadResult r = ReadInline(
      "## Centro Nacional de Pensões\n"
      "\n"
      "- a) Primeira linha\n"
      "  continua aqui\n"
      "   e aqui.\n"
      "- b) Outra alínea.\n"
      "\n"
      "Um parágrafo\n"
      "em duas linhas.\n");
  ASSERT_EQ(r.paragraphs.size(), 3u);
  EXPECT_EQ(r.paragraphs[0].letter, "a");
  EXPECT_EQ(r.paragraphs[0].text, "Primeira linha continua aqui e aqui.");
  EXPECT_EQ(r.paragraphs[1].letter, "b");
  EXPECT_EQ(r.paragraphs[1].text, "Outra alínea.");
  EXPECT_TRUE(r.paragraphs[2].letter.empty());
  EXPECT_EQ(r.paragraphs[2].text, "Um parágrafo em duas linhas.");
}

TEST(PageReaderTest, OnlyLetterParenthesisMarksALetter) {
  ReadResult r = ReadInline(
      "## Centro Nacional de Pensões\n\n"
      "- a. Não é alínea.\n"
      "- A) Maiúscula não é alínea.\n"
      "- b)sem espaço\n"
      "- c) É alínea.\n");
  ASSERT_EQ(r.paragraphs.size(), 4u);
  EXPECT_TRUE(r.paragraphs[0].letter.empty());
  EXPECT_EQ(r.paragraphs[0].text, "a. Não é alínea.");
  EXPECT_TRUE(r.paragraphs[1].letter.empty());
  EXPECT_TRUE(r.paragraphs[2].letter.empty());
  EXPECT_EQ(r.paragraphs[3].letter, "c");
  EXPECT_EQ(r.paragraphs[3].text, "É alínea.");
}

TEST(PageReaderTest, SameTextInTwoUnitsIsKeptAndIdsStayUnique) {
  ReadResult r = ReadInline(
      "## Centro Nacional de Pensões\n\n- a) Gerir os estabelecimentos.\n\n"
      "## Centros Distritais\n\n- a) Gerir os estabelecimentos.\n\n"
      "## Centros Distritais\n\n- a) Gerir os estabelecimentos.\n");
  // The third is the same text in the same unit: a repeated block, dropped.
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs[0].unit, kCnp);
  EXPECT_EQ(r.paragraphs[1].unit, kCd);
  EXPECT_NE(r.paragraphs[0].id, r.paragraphs[1].id);
}

TEST(PageReaderTest, SameSectionTwiceGetsDistinctIds) {
  ReadResult r = ReadInline(
      "## Centro Nacional de Pensões\n\n- a) Primeira.\n\n"
      "## Centro Nacional de Pensões\n\n- a) Segunda.\n");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_NE(r.paragraphs[0].id, r.paragraphs[1].id);
  EXPECT_EQ(r.paragraphs[0].letter, "a");
  EXPECT_EQ(r.paragraphs[1].letter, "a");
}

TEST(PageReaderTest, DateFromAtualizadoEm) {
  ReadResult r = ReadInline("Atualizado em: 01-12-2021\n\nTexto.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].date, "2021-12-01");
  // BUG (reported): IsoDate (page_reader.cc) checks only the length and the dashes, so a
  // malformed date is rearranged into a bogus "ISO" date instead of being dropped.
  r = ReadInline("Atualizado em: ab-cd-efgh\n\nTexto.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].date, "");
  r = ReadInline("Atualizado em: 15/04/2020\n\nTexto.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].date, "");
  r = ReadInline("Texto sem data.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_TRUE(r.paragraphs[0].date.empty());
}

// A site generator's front matter heads the page: metadata, not a paragraph; only at the top.
TEST(PageReaderTest, FrontMatterIsNotAParagraph) {
  ReadResult r = ReadInline("---\nid: 12\ntitle: 'Serviços'\n---\n# Serviços\n\nTexto.\n");
  ASSERT_EQ(r.paragraphs.size(), 1u);
  EXPECT_EQ(r.paragraphs[0].text, "Texto.");
  EXPECT_EQ(r.paragraphs[0].section, "Serviços");
  r = ReadInline("Texto.\n\n---\nid: 12\n---\n\nOutro.\n");
  ASSERT_FALSE(r.paragraphs.empty());
  EXPECT_EQ(r.paragraphs[0].text, "Texto.");
  EXPECT_EQ(r.paragraphs.back().text, "Outro.");
}

// Found by the checks of fuzz/page_reader_fuzz.cc: a heading or a "Fonte:" line was copied whole
// into unit, section and source, past the 4 KiB every reader clips fields to (schema/SCHEMA.md).
TEST(PageReaderTest, LongHeadingsAndSourcesAreClipped) {
  std::string words;  // 7 bytes a word, two of them 2-byte letters: the cut falls anywhere
  for (int i = 0; i < 1500; ++i) words += " ação";
  ReadResult r =
      ReadInline("# Serviços\n\n## Departamento de" + words +
                 "\n\n- a) Processar pensões;\n\nFonte: Portaria n.º 1/2020, de" + words + ".\n");
  ASSERT_FALSE(r.fatal) << ErrorsOf(r);
  ASSERT_EQ(r.paragraphs.size(), 1u) << ErrorsOf(r);
  const Paragraph& p = r.paragraphs[0];
  EXPECT_EQ(p.letter, "a");
  EXPECT_EQ(p.text, "Processar pensões;");
  EXPECT_TRUE(p.unit.starts_with("Departamento de ação ação")) << p.unit.substr(0, 40);
  EXPECT_TRUE(p.section.starts_with("Serviços > Departamento de ação")) << p.section.substr(0, 40);
  EXPECT_TRUE(p.source.starts_with("Portaria n.º 1/2020, de ação")) << p.source.substr(0, 40);
  for (const std::string* field : {&p.unit, &p.section, &p.source}) {
    EXPECT_LE(field->size(), kMaxFieldBytes);
    EXPECT_GT(field->size(), kMaxFieldBytes - 8);  // clipped, not dropped
    EXPECT_TRUE(analysis::IsValidUtf8(*field, nullptr));
  }
}

TEST(PageReaderTest, FormatForPath) {
  EXPECT_EQ(FormatForPath("a/b.md"), Format::kPage);
  EXPECT_EQ(FormatForPath("B.MD"), Format::kPage);
  EXPECT_EQ(FormatForPath("x.txt"), Format::kPage);
  EXPECT_EQ(FormatForPath("x.xml"), Format::kAkomaNtoso);
  EXPECT_EQ(FormatForPath("x.jsonl"), Format::kJsonLines);
  EXPECT_EQ(FormatForPath("x.pdf"), Format::kUnknown);
  EXPECT_EQ(FormatForPath("md"), Format::kUnknown);
  EXPECT_STREQ(FormatName(Format::kPage), "page");
}

}  // namespace
}  // namespace portaria::indexer
