// Tests of the Akoma Ntoso reader: the profile on small fixtures (tests/data/akn), hostile input,
// limits, and the counts of the 68 real Brazilian acts in shared/corpus/br-akn.
#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using ::portaria::testing::ReadFileToString;
using ::portaria::testing::SharedDir;
using ::portaria::testing::SourceDir;

ReadResult ReadFixture(const std::string& name) {
  std::string content = ReadFileToString(SourceDir() / "tests/data/akn" / name);
  EXPECT_FALSE(content.empty()) << name;
  return ReadAkomaNtoso(content, name);
}

const Paragraph* FindById(const ReadResult& result, const std::string& id) {
  for (const Paragraph& p : result.paragraphs) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

constexpr char kWork[] = "/akn/br/act/lei/2021-03-15/99001";
constexpr char kTitle[] = "Lei nº 99.001, de 15 de março de 2021";

class ProfileTest : public ::testing::Test {
 protected:
  void SetUp() override { result_ = ReadFixture("profile.xml"); }
  const Paragraph& Get(const std::string& eid) {
    const Paragraph* p = FindById(result_, std::string(kWork) + "#" + eid);
    if (p == nullptr) ADD_FAILURE() << "no paragraph " << eid;
    static const Paragraph kEmpty;
    return p != nullptr ? *p : kEmpty;
  }
  ReadResult result_;
};

TEST_F(ProfileTest, ReadsEveryTextLeafInDocumentOrder) {
  EXPECT_FALSE(result_.fatal);
  EXPECT_TRUE(result_.errors.empty());
  std::vector<std::string> ids;
  for (const Paragraph& p : result_.paragraphs) ids.push_back(p.id.substr(p.id.find('#') + 1));
  // Notes, preface, preamble and the blank § 2º of art. 12-A give no paragraph.
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "art_1__para_caput", "art_1__para_unico", "art_2__para_caput__intro",
                     "art_2__para_caput__point_i", "art_2__para_caput__point_ii__intro",
                     "art_2__para_caput__point_ii__point_a",
                     "art_2__para_caput__point_ii__point_b__intro",
                     "art_2__para_caput__point_ii__point_b__point_1",
                     "art_2__para_caput__point_ii__wrap", "art_2__para_caput__point_vii-a",
                     "art_2__para_2", "art_2__para_3-a", "art_12-a__para_caput",
                     "art_12-a__paragraph_2", "att_1__art_1__para_caput", "att_1__p_1"}));
}

TEST_F(ProfileTest, MetadataFromFrbrWorkAndDocTitle) {
  const Paragraph& p = Get("art_1__para_caput");
  EXPECT_EQ(p.source, "Lei n.º 99.001/2021");  // docNumber keeps the thousands separator
  EXPECT_EQ(p.date, "2021-03-15");             // the work's date, not the expression's
  EXPECT_EQ(p.doc, kWork);
  EXPECT_EQ(p.file, "profile.xml");
  for (const Paragraph& q : result_.paragraphs) {
    EXPECT_EQ(q.source, p.source);
    EXPECT_EQ(q.doc, kWork);
    EXPECT_EQ(q.section.rfind(kTitle, 0), 0u) << q.section;
  }
}

TEST_F(ProfileTest, TextIncludesInlineMarkupWithNormalisedWhitespace) {
  EXPECT_EQ(Get("art_1__para_caput").text,
            "Esta Lei organiza o atendimento previdenciário, observada a Lei nº 8.213, de 24 de "
            "julho de 1991.");
  EXPECT_EQ(Get("art_1__para_unico").text,
            "O disposto neste artigo aplica-se também aos serviços regionais.");
  for (const Paragraph& p : result_.paragraphs) {
    EXPECT_EQ(p.text.find("não é indexad"), std::string::npos) << p.id;
  }
}

TEST_F(ProfileTest, SectionPathJoinsContainerNumAndHeading) {
  EXPECT_EQ(Get("art_1__para_caput").section,
            std::string(kTitle) + " > CAPÍTULO I DISPOSIÇÕES GERAIS");
  EXPECT_EQ(Get("art_2__para_2").section,
            std::string(kTitle) +
                " > CAPÍTULO I DISPOSIÇÕES GERAIS > Seção II Competências dos Serviços Locais:");
  EXPECT_EQ(Get("art_12-a__para_caput").section, std::string(kTitle) + " > CAPÍTULO II");
}

TEST_F(ProfileTest, ArticleNumberAndLetter) {
  const Paragraph& caput = Get("art_1__para_caput");
  EXPECT_EQ(caput.article, "1º");
  EXPECT_EQ(caput.number, "");
  EXPECT_EQ(caput.letter, "");
  EXPECT_EQ(Get("art_1__para_unico").number, "único");
  EXPECT_EQ(Get("art_2__para_2").number, "2");
  EXPECT_EQ(Get("art_2__para_3-a").number, "3-A");
  EXPECT_EQ(Get("art_12-a__para_caput").article, "12-A");

  EXPECT_EQ(Get("art_2__para_caput__intro").letter, "");
  EXPECT_EQ(Get("art_2__para_caput__point_i").letter, "I");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__intro").letter, "II");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_a").letter, "a");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_b__intro").letter, "b");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_b__point_1").letter, "1");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__wrap").letter, "II");
  EXPECT_EQ(Get("art_2__para_caput__point_vii-a").letter, "VII-A");
  // Points keep the article and the paragraph they belong to.
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_a").article, "2º");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_a").number, "");
}

TEST_F(ProfileTest, IntroAndWrapUpAreParagraphsOfTheirOwn) {
  EXPECT_EQ(Get("art_2__para_caput__intro").text, "Compete aos serviços locais:");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__intro").text, "registrar:");
  EXPECT_EQ(Get("art_2__para_caput__point_ii__wrap").text, "na forma do regulamento;");
}

TEST_F(ProfileTest, UnitFromNearestHeadingNamingOne) {
  EXPECT_EQ(Get("art_1__para_caput").unit, "");  // "DISPOSIÇÕES GERAIS" names no unit
  EXPECT_EQ(Get("art_2__para_caput__point_ii__point_a").unit, "Serviços Locais");
  EXPECT_EQ(Get("art_12-a__para_caput").unit, "Centro Nacional de Pensões");  // article heading
  EXPECT_EQ(Get("art_12-a__paragraph_2").unit, "Centro Nacional de Pensões");
}

TEST_F(ProfileTest, LeafWithoutEIdGetsDeterministicId) {
  const Paragraph& p = Get("art_12-a__paragraph_2");  // 2nd <paragraph> of art_12-a
  EXPECT_EQ(p.text, "Parágrafo sem eId.");
  EXPECT_EQ(p.number, "1");
  ReadResult again = ReadFixture("profile.xml");
  ASSERT_EQ(again.paragraphs.size(), result_.paragraphs.size());
  for (std::size_t i = 0; i < again.paragraphs.size(); ++i) {
    EXPECT_EQ(again.paragraphs[i].id, result_.paragraphs[i].id);
  }
}

TEST_F(ProfileTest, AttachmentIsReadWithAnnexInSection) {
  const Paragraph& article = Get("att_1__art_1__para_caput");
  EXPECT_EQ(article.text, "Texto do artigo do anexo.");
  EXPECT_EQ(article.section, std::string(kTitle) + " > Anexo I");
  EXPECT_EQ(article.article, "1º");
  EXPECT_EQ(article.source, "Lei n.º 99.001/2021");
  const Paragraph& block = Get("att_1__p_1");  // a <p> straight in the annex's mainBody
  EXPECT_EQ(block.text, "Quadro demonstrativo fictício.");
  EXPECT_EQ(block.article, "");
}

TEST(AknReaderTest, PrefixedNamesAndMetadataFallbacks) {
  ReadResult result = ReadFixture("prefixed.xml");
  ASSERT_FALSE(result.fatal) << result.errors[0].ToString();
  ASSERT_EQ(result.paragraphs.size(), 2u);
  const Paragraph& p = result.paragraphs[0];
  // No docTitle: type from FRBRsubtype, number from FRBRnumber; no FRBRuri: FRBRthis.
  EXPECT_EQ(p.source, "Decreto-Lei n.º 1234/1999");
  EXPECT_EQ(p.doc, "/akn/br/act/decretoLei/1999-05-04/1234/!main");
  EXPECT_EQ(p.id, p.doc + "#title_1__article_1__paragraph_1");
  EXPECT_EQ(p.section, "Decreto-Lei n.º 1234/1999 > TÍTULO ÚNICO");
  EXPECT_EQ(p.text, "Primeiroo texto em duas linhas.");  // <sup> inline, <eol/> a break
  EXPECT_EQ(result.paragraphs[1].number, "1");
}

TEST(AknReaderTest, WithoutWorkUriTheFileStemKeysTheDocument) {
  ReadResult result = ReadAkomaNtoso(
      "<akomaNtoso><act><body><article eId='art_1'><paragraph eId='art_1__para_caput'>"
      "<content><p>Texto.</p></content></paragraph></article></body></act></akomaNtoso>",
      "dir/sem_uri.xml");
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].id, "akn:sem_uri#art_1__para_caput");
  EXPECT_EQ(result.paragraphs[0].doc, "akn:sem_uri");
  EXPECT_EQ(result.paragraphs[0].source, "");
}

// Elements without an eId are numbered among their siblings of the same name, whatever other
// elements come between them, and many siblings are read in linear time (each ordinal builds
// on the previous one's; the old count of every earlier sibling was quadratic).
TEST(AknReaderTest, ElementsWithoutEIdAreNumberedAmongTheirNamesakes) {
  constexpr int kParagraphs = 20000;
  std::string xml = "<akomaNtoso><act><body>";
  for (int i = 1; i <= kParagraphs; ++i) {
    xml += "<p>Texto " + std::to_string(i) + ".</p>";
    if (i % 1000 == 0) xml += "<blockList><item><p>Item.</p></item></blockList>";
  }
  xml += "</body></act></akomaNtoso>";
  ReadResult result = ReadAkomaNtoso(xml, "dir/sem_ids.xml");
  ASSERT_TRUE(result.errors.empty()) << result.errors.front().ToString();
  std::vector<std::string> expected;
  for (const auto& p : result.paragraphs) {
    if (p.text.starts_with("Texto ")) {
      std::string n = p.text.substr(6, p.text.size() - 7);
      EXPECT_EQ(p.id, "akn:sem_ids#p_" + n) << p.text;
    }
  }
  std::set<std::string> ids;
  for (const auto& p : result.paragraphs) ids.insert(p.id);
  EXPECT_EQ(ids.size(), result.paragraphs.size());
  EXPECT_GE(result.paragraphs.size(), static_cast<std::size_t>(kParagraphs));
}

TEST(AknReaderTest, TruncatedXmlIsFatalWithLineAndColumn) {
  ReadResult result = ReadFixture("truncated.xml");
  EXPECT_TRUE(result.fatal);
  EXPECT_TRUE(result.paragraphs.empty());
  ASSERT_EQ(result.errors.size(), 1u);
  const Status& error = result.errors[0];
  EXPECT_EQ(error.file(), "truncated.xml");
  // The file ends on line 8 ("          <content><p>Texto interrompido", 40 bytes, no newline);
  // pugixml reports the offset of its last byte.
  EXPECT_EQ(error.line(), 8);
  EXPECT_EQ(error.column(), 40);
  EXPECT_NE(error.message().find("XML parse error"), std::string::npos) << error.message();
  EXPECT_EQ(error.ToString().rfind("truncated.xml:8:40: ", 0), 0u) << error.ToString();
}

TEST(AknReaderTest, ParseErrorColumnCountsBytesOnItsLine) {
  // The unquoted attribute value '1' is byte 14 of line 3 ("ç" is two bytes, one character).
  ReadResult result = ReadAkomaNtoso("<akomaNtoso>\n  <act>\n    <body ç=1></body>\n", "x.xml");
  ASSERT_TRUE(result.fatal);
  EXPECT_EQ(result.errors[0].line(), 3);
  EXPECT_EQ(result.errors[0].column(), 14);
  EXPECT_EQ(result.errors[0].ToString(),
            "x.xml:3:14: XML parse error: Error parsing element attribute");
}

TEST(AknReaderTest, NonAknRootIsFatal) {
  ReadResult result = ReadFixture("not_akn.xml");
  EXPECT_TRUE(result.fatal);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].message(), "not an Akoma Ntoso document (root element <html>)");

  ReadResult empty = ReadAkomaNtoso("<akomaNtoso><meta/></akomaNtoso>", "e.xml");
  EXPECT_TRUE(empty.fatal);
  EXPECT_NE(empty.errors[0].message().find("not an Akoma Ntoso document"), std::string::npos);
}

TEST(AknReaderTest, DtdEntitiesAreNeverExpanded) {
  ReadResult result = ReadFixture("billion_laughs.xml");
  ASSERT_FALSE(result.fatal) << result.errors[0].ToString();
  ASSERT_EQ(result.paragraphs.size(), 1u);
  // The custom entity stays as written; the predefined &amp; is still decoded.
  EXPECT_EQ(result.paragraphs[0].text, "Antes &lol9; depois & fim.");
  EXPECT_EQ(result.paragraphs[0].text.find("lollol"), std::string::npos);
}

TEST(AknReaderTest, ExternalEntitiesAreNeverRead) {
  ReadResult result = ReadFixture("external_entity.xml");
  ASSERT_FALSE(result.fatal) << result.errors[0].ToString();
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].text, "Conteúdo: &xxe;");
  EXPECT_EQ(result.paragraphs[0].text.find("root:"), std::string::npos);
}

std::string Nested(int depth, const std::string& element) {
  std::string xml = "<akomaNtoso><act><body>";
  for (int i = 0; i < depth; ++i) xml += "<" + element + ">";
  xml += "<paragraph eId='fundo'><content><p>fundo</p></content></paragraph>";
  for (int i = 0; i < depth; ++i) xml += "</" + element + ">";
  return xml + "</body></act></akomaNtoso>";
}

// 200 000 <b> inside one leaf's text: the text walk must not recurse either.
std::string DeepInline(int depth) {
  std::string xml = "<akomaNtoso><act><body><content><p>";
  for (int i = 0; i < depth; ++i) xml += "<b>";
  xml += "fundo";
  for (int i = 0; i < depth; ++i) xml += "</b>";
  return xml + "</p></content></body></act></akomaNtoso>";
}

TEST(AknReaderTest, DeepNestingIsFatalWithoutExhaustingTheStack) {
  for (const std::string& xml : {Nested(200000, "hcontainer"), DeepInline(200000)}) {
    ReadResult result = ReadAkomaNtoso(xml, "deep.xml");
    EXPECT_TRUE(result.fatal);
    EXPECT_TRUE(result.paragraphs.empty());
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0].message(), "nesting deeper than 1000 elements");
    EXPECT_EQ(result.errors[0].line(), 1);
    EXPECT_GT(result.errors[0].column(), 1000);
  }
}

TEST(AknReaderTest, NestingWithinTheCapIsRead) {
  ReadResult result = ReadAkomaNtoso(Nested(990, "hcontainer"), "deep.xml");
  ASSERT_FALSE(result.fatal) << result.errors[0].ToString();
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].text, "fundo");
  EXPECT_EQ(result.paragraphs[0].id, "akn:deep#fundo");
}

TEST(AknReaderTest, OversizedParagraphIsSkippedWithError) {
  std::string big(kMaxParagraphBytes + 10, 'x');
  std::string xml =
      "<akomaNtoso><act><body><article eId='art_1'>\n"
      "<paragraph eId='art_1__para_1'><content><p>" +
      big +
      "</p></content></paragraph>\n"
      "<paragraph eId='art_1__para_2'><content><p>curto</p></content></paragraph>\n"
      "</article></body></act></akomaNtoso>";
  ReadResult result = ReadAkomaNtoso(xml, "big.xml");
  EXPECT_FALSE(result.fatal);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message().find("art_1__para_1"), std::string::npos);
  EXPECT_EQ(result.errors[0].line(), 2);
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].text, "curto");
}

TEST(AknReaderTest, LongFieldsAreClippedOnUtf8Boundaries) {
  std::string heading;
  while (heading.size() < kMaxFieldBytes * 2) heading += "ção ";
  std::string xml = "<akomaNtoso><act><body><chapter><num>CAPÍTULO I</num><heading>" + heading +
                    "</heading><article><num>Art. " + heading +
                    "</num><paragraph><content><p>t</p></content></paragraph></article>"
                    "</chapter></body></act></akomaNtoso>";
  ReadResult result = ReadAkomaNtoso(xml, "long.xml");
  ASSERT_EQ(result.paragraphs.size(), 1u);
  const Paragraph& p = result.paragraphs[0];
  for (const std::string* field : {&p.section, &p.article}) {
    EXPECT_LE(field->size(), kMaxFieldBytes);
    EXPECT_GT(field->size(), kMaxFieldBytes - 8);
    // The last byte is not the first byte of a cut multi-byte sequence.
    EXPECT_NE(static_cast<unsigned char>(field->back()) & 0xC0, 0xC0);
  }
}

TEST(AknReaderTest, OverlongEIdIsSkippedWithErrorNotClipped) {
  std::string eid(kMaxFieldBytes + 1, 'e');
  ReadResult result = ReadAkomaNtoso(
      "<akomaNtoso><act><body><paragraph eId='" + eid +
          "'><content><p>a</p></content></paragraph><paragraph eId='ok'><content><p>b</p>"
          "</content></paragraph></body></act></akomaNtoso>",
      "eid.xml");
  EXPECT_FALSE(result.fatal);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message().find("eId longer than"), std::string::npos);
  ASSERT_EQ(result.paragraphs.size(), 1u);
  EXPECT_EQ(result.paragraphs[0].id, "akn:eid#ok");
}

TEST(AknReaderTest, OversizedFileIsFatal) {
  std::string huge(kMaxFileBytes + 1, ' ');
  ReadResult result = ReadAkomaNtoso(huge, "huge.xml");
  EXPECT_TRUE(result.fatal);
  EXPECT_NE(result.errors[0].message().find("larger than"), std::string::npos);
}

// The converter's test for a lettered point, num ^[a-z]{1,4}(-[A-Za-z]+)?\s*\)$, applied to
// the letter the reader keeps ("a", "aa", "vi", "b-A").
bool IsAlineaLetter(std::string_view letter) {
  std::size_t n = 0;
  while (n < letter.size() && letter[n] >= 'a' && letter[n] <= 'z') ++n;
  if (n == 0 || n > 4) return false;
  if (n == letter.size()) return true;
  if (letter[n] != '-' || n + 1 == letter.size()) return false;
  for (char c : letter.substr(n + 1)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// The 68 real acts: the reader must find exactly the leaves the converter wrote (one per
// <content>), plus one per list <intro>, and every lettered point.
TEST(AknReaderTest, RealActsMatchExpectedCounts) {
  std::filesystem::path shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "shared directory not found";
  std::filesystem::path dir = shared / "corpus/br-akn";
  std::string expected = ReadFileToString(shared / "corpus/br-akn.expected.jsonl");
  if (expected.empty()) GTEST_SKIP() << "br-akn.expected.jsonl not found";

  int acts = 0;
  std::size_t start = 0;
  while (start < expected.size()) {
    std::size_t end = expected.find('\n', start);
    if (end == std::string::npos) end = expected.size();
    std::string line = expected.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    auto want = nlohmann::json::parse(line);
    std::string name = want["file"];
    std::string xml = ReadFileToString(dir / name);
    ASSERT_FALSE(xml.empty()) << name;
    ReadResult result = ReadAkomaNtoso(xml, name);
    ASSERT_FALSE(result.fatal) << result.errors[0].ToString();
    EXPECT_TRUE(result.errors.empty()) << name;

    // <intro> elements, counted in the raw text independently of the reader.
    int intros = 0;
    for (std::size_t at = 0; (at = xml.find("<intro ", at)) != std::string::npos; ++at) ++intros;
    int intro_records = 0, leaves = 0, letters = 0;
    std::map<std::string, int> articles;  // "att_1__art_3" -> records
    for (const Paragraph& p : result.paragraphs) {
      std::string eid = p.id.substr(p.id.find('#') + 1);
      if (eid.ends_with("__intro")) {
        ++intro_records;
      } else {
        ++leaves;
      }
      if (IsAlineaLetter(p.letter)) ++letters;
      std::string prefix;
      for (std::size_t from = 0; from < eid.size();) {
        std::size_t to = std::min(eid.find("__", from), eid.size());
        std::string step = eid.substr(from, to - from);
        prefix += (prefix.empty() ? "" : "__") + step;
        if (step.starts_with("art_")) {
          ++articles[prefix];
          break;
        }
        from = to + 2;
      }
      EXPECT_FALSE(p.text.empty()) << p.id;
      EXPECT_EQ(p.doc, p.id.substr(0, p.id.find('#')));
      EXPECT_EQ(p.date.size(), 10u) << p.id;
    }
    EXPECT_EQ(leaves, want["leaf_paragraphs"].get<int>()) << name;
    EXPECT_EQ(intro_records, intros) << name;
    EXPECT_EQ(letters, want["points_with_letter"].get<int>()) << name;
    EXPECT_EQ(static_cast<int>(articles.size()), want["articles"].get<int>()) << name;
    ++acts;
  }
  EXPECT_EQ(acts, 68);
}

TEST(AknReaderTest, RealActMetadata) {
  std::filesystem::path shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "shared directory not found";
  auto read = [&](const std::string& name) {
    return ReadAkomaNtoso(ReadFileToString(shared / "corpus/br-akn" / name), name);
  };
  ReadResult lai = read("lei_12527_20111118.xml");
  ASSERT_FALSE(lai.paragraphs.empty());
  const Paragraph& first = lai.paragraphs[0];
  EXPECT_EQ(first.source, "Lei n.º 12.527/2011");
  EXPECT_EQ(first.date, "2011-11-18");
  EXPECT_EQ(first.id, "/akn/br/act/lei/2011-11-18/12527#art_1__para_caput");
  EXPECT_EQ(first.article, "1º");
  EXPECT_EQ(first.section,
            "Lei nº 12.527, de 18 de novembro de 2011 > CAPÍTULO I DISPOSIÇÕES GERAIS");

  ReadResult penal = read("decreto_lei_2848_19401207.xml");
  ASSERT_FALSE(penal.paragraphs.empty());
  EXPECT_EQ(penal.paragraphs[0].source, "Decreto-Lei n.º 2.848/1940");
}

}  // namespace
}  // namespace portaria::indexer
