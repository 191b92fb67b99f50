// The diploma reader's ids (unique, stable, one record changed by one edit, an overlong número
// cut into pieces), its warnings, and lines found by fuzzing that it must read safely.
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/diploma_segment.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::Fixture;
using fixtures::kFixtures;
using fixtures::Only;
using fixtures::Read;
using ::portaria::testing::ReadFileToString;

// ---------------------------------------------------------------------------------------------
// Ids.

TEST(DiplomaIdTest, UniqueWithinAFileAndTheSameOnEveryRead) {
  for (const std::string& file : kFixtures) {
    SCOPED_TRACE(file);
    const ReadResult& first = Read(file);
    std::set<std::string> ids;
    for (const auto& p : first.paragraphs) EXPECT_TRUE(ids.insert(p.id).second) << p.id;
    ReadResult again = ReadBytes(Fixture(file), ReadFileToString(Fixture(file)));
    ASSERT_EQ(again.paragraphs.size(), first.paragraphs.size());
    for (std::size_t i = 0; i < first.paragraphs.size(); ++i) {
      EXPECT_EQ(again.paragraphs[i].id, first.paragraphs[i].id);
      EXPECT_EQ(again.paragraphs[i].text, first.paragraphs[i].text);
    }
  }
  // Ids name the place in the diploma, so that a search result can be cited.
  EXPECT_EQ(Only(Read("dr-2021.md"), "A ocorrência de incidentes, nos termos").id,
            "diploma:dr-2021#art3/n1/b/i");
  EXPECT_EQ(Only(Read("dre-consolidated.md"), "Examinar periodicamente").id,
            "diploma:dre-consolidated#anexo/art19-a/n5/b");
  EXPECT_EQ(Only(Read("eu-oj.md"), "No que se refere a um subcontratante").id,
            "diploma:eu-oj#art4/16/b");
}

TEST(DiplomaIdTest, EditingOneAlineaChangesNoOtherRecord) {
  const std::tuple<const char*, const char*, const char*> edits[] = {
      {"dr-2021.md", "b) O cumprimento de legislação da União Europeia.",
       "b) O cumprimento da legislação da União Europeia e do direito internacional."},
      {"dre-consolidated.md", "d) Emitir parecer sobre qualquer assunto",
       "d) Emitir, por escrito, parecer sobre qualquer assunto"},
      {"eu-oj.md", "3) «Limitação do tratamento», a inserção",
       "3) «Limitação do tratamento», a introdução"},
      {"guideline.md", "c. Documentar as políticas de segurança;",
       "c. Documentar e rever anualmente as políticas de segurança;"},
  };
  for (auto [file, from, to] : edits) {
    SCOPED_TRACE(file);
    std::string content = ReadFileToString(Fixture(file));
    std::size_t at = content.find(from);
    ASSERT_NE(at, std::string::npos);
    content.replace(at, std::string_view(from).size(), to);
    const ReadResult& before = Read(file);
    ReadResult after = ReadBytes(Fixture(file), content);
    ASSERT_EQ(after.paragraphs.size(), before.paragraphs.size());
    int changed = 0;
    for (std::size_t i = 0; i < before.paragraphs.size(); ++i) {
      EXPECT_EQ(after.paragraphs[i].id, before.paragraphs[i].id);
      if (after.paragraphs[i].text != before.paragraphs[i].text) ++changed;
    }
    EXPECT_EQ(changed, 1);
  }
}

// A número the reader cannot cut at its markers (here, sixty sentences without one) is cut at
// sentence ends into pieces that a result can show, each keeping the article and número, every
// word kept and none twice; the first keeps the número's id.
TEST(DiplomaIdTest, AnOverlongNumeroIsCutAtSentenceEnds) {
  std::string long_text;
  for (int i = 1; i <= 60; ++i)
    long_text += "O serviço " + std::to_string(i) + " presta contas ao conselho diretivo. ";
  long_text.pop_back();
  ASSERT_GT(long_text.size(), diploma::kMaxPieceBytes);
  const std::string content = "Lei n.º 9/2020\nde 3 de março\nArtigo 1.º\nObjeto\n1 — " +
                              long_text + "\n2 — O regime aplica-se a todos.\n";
  ReadResult r = ReadBytes("longo.md", content);
  ASSERT_FALSE(r.fatal);
  std::string joined;
  std::size_t pieces = 0;
  for (const auto& p : r.paragraphs) {
    if (p.number != "1") continue;
    ++pieces;
    EXPECT_EQ(p.article, "1.º");
    EXPECT_LE(p.text.size(), diploma::kMaxProseBytes);
    if (pieces == 1) {
      EXPECT_TRUE(p.id.ends_with("/n1")) << p.id;
    }
    joined += (joined.empty() ? "" : " ") + p.text;
  }
  EXPECT_GE(pieces, 2u);
  EXPECT_EQ(joined, long_text);
  EXPECT_EQ(Only(r, "O regime aplica-se a todos.").number, "2");
}

// ---------------------------------------------------------------------------------------------
// Warnings.

TEST(DiplomaWarningTest, NumeroOutOfSequenceIsKeptAndReported) {
  const std::string content =
      "Lei n.º 9/2020\nde 3 de março\nArtigo 1.º\nObjeto\n"
      "1 — A presente lei define o regime.\n"
      "3 — O regime aplica-se a todos.\n"  // line 6
      "Artigo 2.º\nEntrada em vigor\nA presente lei entra em vigor no dia seguinte.\n";
  ReadResult r = ReadBytes("sequencia.md", content);
  ASSERT_FALSE(r.fatal);
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].file(), "sequencia.md");
  EXPECT_EQ(r.warnings[0].line(), 6);
  EXPECT_TRUE(Contains(r.warnings[0].message(), "3")) << r.warnings[0].ToString();
  const Paragraph& third = Only(r, "O regime aplica-se a todos.");
  EXPECT_EQ(third.article, "1.º");
  EXPECT_EQ(third.number, "3");
  EXPECT_EQ(Only(r, "A presente lei define o regime.").number, "1");
}

// A copy that starts mid-article, past its title (the DR's 2024 header names the act): its
// first número goes on with the ones a missing page held, so it is no number out of sequence,
// and it is no preamble.
TEST(DiplomaWarningTest, ACopyThatStartsMidArticleGoesOnWithItsNumeros) {
  const std::string content =
      "5/9\nPortaria n.º 77/2099\n04-03-2099\nN.º 45\n 1.ª série\n"
      "3 — O Gabinete dos Faroleiros informa a capitania do porto respetivo.\n"
      "4 — O horário de verão é fixado por despacho.\n"
      "Artigo 6.º\nEntrada em vigor\n"
      "A presente portaria entra em vigor no dia seguinte ao da sua publicação.\n";
  ReadResult r = ReadBytes("meio.md", content);
  ASSERT_FALSE(r.fatal);
  for (const auto& w : r.warnings) EXPECT_FALSE(Contains(w.message(), "follows")) << w.ToString();
  const Paragraph& third = Only(r, "informa a capitania");
  EXPECT_EQ(third.number, "3");
  EXPECT_EQ(third.article, "");
  EXPECT_EQ(third.section, "");  // not "Preâmbulo"
  EXPECT_EQ(third.source, "Portaria n.º 77/2099, de 4 de março");
  EXPECT_EQ(Only(r, "horário de verão").number, "4");
  EXPECT_EQ(Only(r, "entra em vigor no dia seguinte").article, "6.º");
}

// The page headers name the act of a copy without its title, but the signed end of an act
// before another act's title stays without a source, and that title still opens its act.
TEST(DiplomaWarningTest, APageHeadersTitleLeavesTheNextActsTitleAlone) {
  const std::string content =
      "2/2\nPortaria n.º 56/2099\n04-03-2099\nN.º 45\n 1.ª série\n"
      "Artigo 5.º\nEntrada em vigor\nA presente portaria entra em vigor amanhã.\n"
      "O Ministro do Mar, Rui Vaz, em 2 de março de 2099.\n"
      "Portaria n.º 57/2099\nde 5 de março\nSumário: Fixa as taxas dos faróis.\n"
      "Artigo 1.º\nObjeto\nA presente portaria fixa as taxas dos faróis.\n";
  ReadResult r = ReadBytes("duas.md", content);
  ASSERT_FALSE(r.fatal);
  EXPECT_EQ(Only(r, "fixa as taxas dos faróis.").source, "Portaria n.º 57/2099, de 5 de março");
  EXPECT_EQ(Only(r, "fixa as taxas dos faróis.").article, "1.º");
  EXPECT_EQ(Only(r, "entra em vigor amanhã").source, "");
}

// Found by fuzz/diploma_reader_fuzz.cc (UBSan): a line that is only "." made the page-furniture
// test read the byte before the line, looking for the "v" of a verso page number ("1v.").
// Checked by the sanitized build (scripts/sanitize.sh); here, that the line is text, not furniture.
TEST(DiplomaWarningTest, LineOfOnlyADotIsReadSafely) {
  const std::string content =
      "Lei n.º 9/2020\nde 3 de março\nArtigo 1.º\nObjeto\n"
      "1 — A presente lei define o regime\n.\n"
      "2 — O regime aplica-se a todos.\n";
  (void)diploma::LooksLikeDiploma(content);  // classifies every line too
  ReadResult r = ReadDiploma(content, "ponto.md", "ponto", {});
  ASSERT_FALSE(r.fatal);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Only(r, "O regime aplica-se a todos.").number, "2");
}

// A line of only '#' (found by fuzzing: classifying it threw std::out_of_range): a heading with
// no text, which neither decides the format nor loses the lines around it.
TEST(DiplomaWarningTest, LineOfOnlyHashesIsReadSafely) {
  const std::string content =
      "Lei n.º 9/2020\nde 3 de março\n#\nArtigo 1.º\nObjeto\n"
      "1 — A presente lei define o regime\n##\n"
      "2 — O regime aplica-se a todos.\n";
  EXPECT_FALSE(diploma::LooksLikeDiploma("#\n## \nTexto.\n"));
  (void)diploma::LooksLikeDiploma(content);
  ReadResult r = ReadDiploma(content, "cardinal.md", "cardinal", {});
  ASSERT_FALSE(r.fatal);
  EXPECT_EQ(Only(r, "O regime aplica-se a todos.").number, "2");
}

// A division label waits for its title on the next line; a diploma title in between clears the
// divisions, so the line after it has no division to name (fuzz: read before the first element).
TEST(DiplomaWarningTest, DiplomaTitleBetweenDivisionAndItsTitleIsReadSafely) {
  const std::string content =
      "CAPÍTULO I\nPortaria n.º 5/2020\nDisposições gerais\n"
      "Artigo 1.º\nObjeto\nA presente portaria define o regime.\n";
  ReadResult r = ReadDiploma(content, "title-inside.md", "title-inside", {});
  ASSERT_FALSE(r.fatal);
  const auto& p = Only(r, "A presente portaria define o regime.");
  EXPECT_TRUE(p.article.starts_with("1")) << p.article;
  EXPECT_EQ(p.source, "Portaria n.º 5/2020");
  EXPECT_EQ(p.section.find("Capítulo"), std::string::npos) << p.section;
}

// A line that is only a control character after markup strips to nothing (fuzz: its last
// character was read).
TEST(DiplomaWarningTest, LineOfOnlyAControlCharacterIsReadSafely) {
  const std::string content =
      "## I \n\x0b\nLei n.º 9/2020\n\x0b\nArtigo 1.º\nObjeto\nA presente lei define o regime.\n";
  ReadResult r = ReadDiploma(content, "control.md", "control", {});
  ASSERT_FALSE(r.fatal);
  EXPECT_TRUE(Only(r, "A presente lei define o regime.").article.starts_with("1"));
}

}  // namespace
}  // namespace portaria::indexer
