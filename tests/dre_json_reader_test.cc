// DRE's consolidated text as JSON (indexer/dre_json_reader.cc): the fixture
// dre-json-written.json is written for these tests in the service's shape (a header with the
// diploma's title, date and sumário; the fragments under snapshot.LegConsBase.List), with a
// fragment that lost its text and a fragment with the site's notes of amendment.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "indexer/json_checks.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"

namespace portaria::indexer {
namespace {

using fixtures::ExpectAt;
using fixtures::Only;

const char kFixture[] = "dre-json-written.json";

std::string FixtureBytes() {
  std::ifstream in(std::filesystem::path(PORTARIA_SOURCE_DIR) / "tests/data/diplomas" / kFixture,
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ReadResult ReadFixture() { return ReadBytes(kFixture, FixtureBytes()); }

// The words of a text: runs of letters and digits (any byte of a multi-byte UTF-8 character
// counts as a letter).
void AddWords(std::string_view text, std::set<std::string>* words) {
  std::string word;
  for (char c : std::string(text) + " ") {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      words->insert(std::exchange(word, ""));
    }
  }
}

TEST(DreJsonReaderTest, FragmentsBecomeTheDiplomasParagraphs) {
  ReadResult r = ReadFixture();
  ASSERT_FALSE(r.fatal) << (r.errors.empty() ? "" : r.errors[0].ToString());
  EXPECT_TRUE(r.errors.empty());
  // The header gives the source (title and date as the DR cites them) and the sumário.
  const Paragraph& objeto = Only(r, "aprova a orgânica da Direção de Faróis");
  EXPECT_EQ(objeto.source, "Decreto-Lei n.º 7/2098, de 15 de janeiro");
  EXPECT_EQ(objeto.summary, "Aprova a orgânica da Direção de Faróis.");
  EXPECT_EQ(objeto.date, "2098-01-15");
  ExpectAt(objeto, "1.º", "", "");
  EXPECT_EQ(objeto.section, "Capítulo I Disposições gerais > Artigo 1.º Objeto");
  // A fragment's lines are its números and alíneas; the competence list gets its organ, with
  // the acronym the diploma defines resolved.
  const Paragraph& boias = Only(r, "Inspecionar as boias");
  ExpectAt(boias, "2.º", "1", "b");
  EXPECT_EQ(boias.unit, "Direção de Faróis (DF)");
  EXPECT_EQ(Only(r, "substituído pelo faroleiro").number, "3");
  // The root fragment is the preamble; the signature and the annex are the diploma's own.
  EXPECT_EQ(Only(r, "A costa portuguesa precisa").section, "Preâmbulo");
  EXPECT_EQ(Only(r, "Promulgado em 10 de janeiro").section, "Assinatura");
  EXPECT_EQ(Only(r, "Farol do Cabo Raso").article, "");
  EXPECT_NE(Only(r, "Farol do Cabo Raso").section.find("Anexo"), std::string::npos);
  // The site's notes of amendment are not the law's text.
  for (const Paragraph& p : r.paragraphs) {
    EXPECT_EQ(p.text.find("Alterado pelo"), std::string::npos) << p.id;
    EXPECT_EQ(p.text.find("\r"), std::string::npos) << p.id;
  }
}

TEST(DreJsonReaderTest, AFragmentWithoutTextIsAWarningAtItsLine) {
  ReadResult r = ReadFixture();
  ASSERT_EQ(r.warnings.size(), 1u);
  const Status& w = r.warnings[0];
  EXPECT_EQ(w.file(), kFixture);
  EXPECT_NE(w.message().find("(Artigo 3.º) has no Texto"), std::string::npos) << w.message();
  // The line is the fragment's, in the JSON: where its id is.
  std::string bytes = FixtureBytes();
  std::size_t at = bytes.find("\"880004\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(w.line(), 1 + std::count(bytes.begin(), bytes.begin() + at, '\n'));
}

TEST(DreJsonReaderTest, NoWordOfAFragmentsTextIsLost) {
  ReadResult r = ReadFixture();
  std::set<std::string> read;
  for (const Paragraph& p : r.paragraphs) {
    // The marks "3 -", "b)" are the número and the letter.
    for (const std::string* field :
         {&p.text, &p.section, &p.summary, &p.source, &p.context, &p.number, &p.letter})
      AddWords(*field, &read);
  }
  nlohmann::json doc = nlohmann::json::parse(FixtureBytes());
  std::set<std::string> written;
  for (const auto& item : doc["snapshot"]["LegConsBase"]["List"]) {
    if (item["FragmentoVersao"].contains("Texto"))
      AddWords(item["FragmentoVersao"]["Texto"].get<std::string>(), &written);
  }
  EXPECT_GT(written.size(), 60u);
  for (const std::string& w : written) EXPECT_TRUE(read.contains(w)) << w;
}

TEST(DreJsonReaderTest, TheSameJsonSavedAsTextIsReadTheSameWay) {
  // A repository keeps the service's answers as .md: the fragments are read, not the braces.
  ReadResult json = ReadFixture();
  ReadResult md = ReadBytes("dre-json-written.md", FixtureBytes());
  ASSERT_EQ(md.paragraphs.size(), json.paragraphs.size());
  for (std::size_t i = 0; i < md.paragraphs.size(); ++i) {
    EXPECT_EQ(md.paragraphs[i].text, json.paragraphs[i].text);
    EXPECT_EQ(md.paragraphs[i].id, json.paragraphs[i].id);
  }
  for (const Status& w : md.warnings) {
    EXPECT_EQ(w.message().find("looks like a JSON document"), std::string::npos);
  }
  EXPECT_EQ(FormatForPath("x.json"), Format::kDreJson);
  EXPECT_STREQ(FormatName(Format::kDreJson), "dre-json");
}

TEST(DreJsonReaderTest, BadJsonIsAFatalErrorWithItsPosition) {
  // Cut short, as a download that stopped: the file is refused, at the place it ends.
  std::string bytes = FixtureBytes();
  ReadResult cut = ReadBytes("cortado.json", bytes.substr(0, bytes.size() / 2));
  ASSERT_TRUE(cut.fatal);
  EXPECT_TRUE(cut.paragraphs.empty());
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_EQ(cut.errors[0].file(), "cortado.json");
  EXPECT_GT(cut.errors[0].line(), 1);
  EXPECT_NE(cut.errors[0].message().find("invalid JSON"), std::string::npos);
  // A syntax error on line 2, column 9.
  ReadResult bad = ReadBytes("mau.json", "{\n \"a\": 1 2}\n");
  ASSERT_TRUE(bad.fatal);
  EXPECT_EQ(bad.errors[0].line(), 2);
  EXPECT_EQ(bad.errors[0].column(), 9);
  // JSON of another shape: what it is not, and where records go.
  ReadResult other = ReadBytes("pacote.json", "{\"name\": \"x\", \"List\": []}");
  ASSERT_TRUE(other.fatal);
  EXPECT_NE(other.errors[0].message().find("not DRE's consolidated text"), std::string::npos);
  EXPECT_NE(other.errors[0].message().find(".jsonl"), std::string::npos);
  // Nesting past the cap is refused before the parser recurses into it.
  ReadResult deep = ReadBytes("fundo.json", std::string(100000, '['));
  ASSERT_TRUE(deep.fatal);
  EXPECT_NE(deep.errors[0].message().find("nesting deeper"), std::string::npos);
  EXPECT_EQ(deep.errors[0].column(), kMaxJsonDepth + 1);
}

}  // namespace
}  // namespace portaria::indexer
