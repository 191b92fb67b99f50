// Regressions of the diploma reader on copies whose markup carries the law's layout: a diploma
// in HTML's blocks and lists (indexer/diploma_html.h), a PDF converter's TeX for the ordinal
// sign, and a title that runs on with its subject on one line.
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/diploma_html.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::ExpectAt;
using fixtures::Only;
using fixtures::Read;

// The short fixtures of tests/data/diplomas these tests read, written for them:
// - html-blocks-written.md: a blog post that carries a portaria in <div>, <h6>, <p> and nested
//   <ol> lists whose numbers and letters only the browser writes;
// - tex-ordinals-written.md: a regulator's norm converted from PDF with the ordinal sign and
//   numbers in TeX ("Artigo $1 .{ }^{\circ}$", "n. ${ }^{\circ} 4 / 2099-R$");
// - run-on-title-written.md: a resolution in a Markdown repository whose heading runs past 160
//   characters with its subject, and whose only date is the front matter's.

// The words of `html` a browser shows: tags, comments and the front matter left out, the few
// references the fixture uses decoded.
std::set<std::string> ShownWords(std::string html) {
  std::string shown;
  if (html.starts_with("---\n")) html.erase(0, html.find("\n---\n", 4) + 5);
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 4, "<!--") == 0) {
      i = html.find("-->", i) + 2;
    } else if (html[i] == '<') {
      i = html.find('>', i);
      shown += ' ';
    } else if (html.compare(i, 6, "&nbsp;") == 0) {
      shown += ' ';
      i += 5;
    } else if (html.compare(i, 2, "&#") == 0) {
      i = html.find(';', i);
      shown += ' ';
    } else {
      shown += html[i];
    }
  }
  std::set<std::string> words;
  fixtures::AddWords(shown, &words);
  return words;
}

TEST(DiplomaReaderRegressionTest, ADiplomaInHtmlBlocksAndLists) {
  const ReadResult& r = Read("html-blocks-written.md");
  for (const auto& p : r.paragraphs) {
    EXPECT_FALSE(Contains(p.text, "<")) << p.id << ": " << p.text;
    EXPECT_FALSE(Contains(p.text, "&#")) << p.id << ": " << p.text;
    // "<h3> Portaria n.º 321/2099, ⏎ de 5 de maio </h3>": the title, dated, over two lines of
    // one block.
    EXPECT_EQ(p.source, "Portaria n.º 321/2099, de 5 de maio") << p.id;
  }
  // "<h6>Artigo 2.º<br />Direção de Faróis</h6>": the article and its epígrafe.
  const Paragraph& first = Only(r, "assegura a sinalização da costa");
  ExpectAt(first, "2.º", "1", "");
  EXPECT_EQ(first.section, "Artigo 2.º Direção de Faróis");
  // A plain <ol> numbers números, one of type "a" alíneas, one of type "i" subalíneas.
  ExpectAt(Only(r, "Registar as avarias"), "2.º", "2", "b");
  const Paragraph& bulbs = Only(r, "substituição das lâmpadas");
  ExpectAt(bulbs, "2.º", "2", "a/ii");
  EXPECT_TRUE(Contains(bulbs.unit, "Direção de Faróis"));
  EXPECT_TRUE(Contains(Only(r, "limpeza das lentes").text, "“Fresnel”"));
  fixtures::ExpectInNoRecord(r, {"Leia mais", "diario_republica"});
  std::set<std::string> read;
  for (const auto& p : r.paragraphs) {
    for (const std::string* field : {&p.text, &p.section, &p.source})
      fixtures::AddWords(*field, &read);
  }
  for (const std::string& word :
       ShownWords(testing::ReadFileToString(fixtures::Fixture("html-blocks-written.md")))) {
    if (word == "leia" || word == "mais" || word == "sobre") continue;  // the comment's
    EXPECT_TRUE(read.count(word)) << word;
  }
}

TEST(DiplomaReaderRegressionTest, HtmlListsNumberAsTheBrowserDoes) {
  std::string page =
      "<p>Um</p><p>Dois</p><p>Três</p>\n<ol>\n<li>1 - Já numerado.</li>\n<li>Sem número.</li>\n"
      "</ol>\n<ul><li>Um ponto.</li></ul>\n<p>Fim &amp; &#x201C;aspas&#x201D;</p>\n";
  ASSERT_TRUE(diploma::LaidOutInHtml(page));
  std::vector<std::string> lines;
  for (const auto& l : diploma::HtmlToLines(page)) {
    if (!l.text.empty()) lines.push_back(l.text);
  }
  EXPECT_EQ(lines, (std::vector<std::string>{"Um", "Dois", "Três", "1 - Já numerado.",
                                             "2 - Sem número.", "Um ponto.", "Fim & “aspas”"}));
  // Inline tags alone do not make a page of blocks: DRE's "n.<sup>os </sup>1 e 2".
  EXPECT_FALSE(diploma::LaidOutInHtml("Artigo 1.º\nOs n.<sup>os</sup> 1 e <b>2</b>.\n<i>x</i>\n"));
}

TEST(DiplomaReaderRegressionTest, TexOrdinalsOfAConvertedPdf) {
  const std::pair<const char*, const char*> cases[] = {
      {"no artigo $16 .^{\\circ}$ do regime", "no artigo 16.º do regime"},
      {"Regulamento (CE) n. ${ }^{\\circ}$ 1126/2008 da", "Regulamento (CE) n.º 1126/2008 da"},
      {"NORMA REGULAMENTAR N. ${ }^{\\circ} 9 / 2022-R$, DE",
       "NORMA REGULAMENTAR N.º 9/2022-R, DE"},
      {"Norma n. ${ }^{\\circ} 7 / 2022-\\mathrm{R}$, de", "Norma n.º 7/2022-R, de"},
      {"prevista no artigo 4 . $^{\\circ}$ é aplicável", "prevista no artigo 4.º é aplicável"},
      {"Artigo $1 .{ }^{\\circ}$", "Artigo 1.º"},
      {"$3-[\\cdots]$", "3 - […]"},
      {"cerca de $70 \\%$ dos", "cerca de 70 % dos"},
      {"n. ${ }^{1} 1606 / 2002$ do", "n. 1606/2002 do"},  // a note's call, dropped
      // TeX of another kind stays as written.
      {"a fórmula $x^{2} + \\alpha$ dá", "a fórmula $x{2} + \\alpha$ dá"},
      {"custa 5 $ e 6 $", "custa 5 $ e 6 $"},
      {"coima de 50000$00 a 250000$00.", "coima de 50000$00 a 250000$00."},  // escudos
  };
  for (auto [in, out] : cases) EXPECT_EQ(diploma::MendLine(in), out) << in;
  const ReadResult& r = Read("tex-ordinals-written.md");
  const Paragraph& scope = Only(r, "aplicável a partir de 2100");
  ExpectAt(scope, "2.º", "2", "");
  EXPECT_TRUE(Contains(scope.text, "artigo 1.º é aplicável")) << scope.text;
  EXPECT_TRUE(Contains(scope.text, "Lei n.º 147/2098.")) << scope.text;
  EXPECT_TRUE(Contains(scope.source, "Norma Regulamentar n.º 4/2099-R")) << scope.source;
  EXPECT_EQ(Only(r, "altera a Norma Regulamentar n.º 2/2098-R").section, "Artigo 1.º Objeto");
}

TEST(DiplomaReaderRegressionTest, ATitleThatRunsOnWithItsSubject) {
  // "# Resolução … n.º 55/2099 — Autoriza …" past 160 characters, numbered points and no
  // article: a diploma all the same, dated by its front matter.
  const ReadResult& r = Read("run-on-title-written.md");
  for (const auto& p : r.paragraphs) {
    EXPECT_EQ(p.source, "Resolução do Conselho de Ministros n.º 55/2099, de 26 de julho") << p.id;
  }
  ExpectAt(Only(r, "Delegar no membro do Governo"), "", "2", "");
  // Up to its enacting formula ("… o Conselho de Ministros resolve:") the act without articles
  // says why: its preamble, as a decree's before its first article.
  EXPECT_EQ(Only(r, "vai promover a aquisição").section, "Preâmbulo");
  EXPECT_EQ(Only(r, "o Conselho de Ministros resolve:").section, "Preâmbulo");
  EXPECT_EQ(Only(r, "Autorizar a Direção de Faróis").section, "");
  // The heading cut its subject short ("…"): the front matter's whole sumário.
  EXPECT_EQ(r.paragraphs.front().summary,
            "Autoriza a despesa com a manutenção dos faróis da costa norte e das bóias de "
            "amarração do porto de abrigo de \"Vila Exemplo\"");
  // The Official Journal's title block flattened into one line: the citation to its date, the
  // rest its sumário.
  std::string eu =
      "DIRETIVA (UE) 2099/7 DO PARLAMENTO EUROPEU E DO CONSELHO de 26 de outubro de 2099 "
      "relativa à sinalização luminosa dos faróis costeiros e das bóias de amarração nos portos "
      "de abrigo dos Estados-Membros";
  EXPECT_EQ(diploma::RunOnTitleLength(eu), eu.find(" relativa"));
  EXPECT_EQ(diploma::RunOnTitleLength("O Regulamento de 26 de outubro de 2099 relativo a nada"),
            std::string::npos);
  ReadResult one = ReadDiploma(eu + "\n\nArtigo 1.º\nObjeto\nA presente diretiva fixa regras.\n"
                                    "Artigo 2.º\nDestinatários\nOs Estados-Membros são os "
                                    "destinatários da presente diretiva.\n",
                               "eu.md", "eu", {});
  const Paragraph& object = Only(one, "fixa regras");
  EXPECT_EQ(object.source,
            "Diretiva (UE) 2099/7 do Parlamento Europeu e do Conselho, de 26 de "
            "outubro de 2099");
  EXPECT_TRUE(object.summary.starts_with("relativa à sinalização luminosa")) << object.summary;
}

TEST(DiplomaReaderRegressionTest, AnActNamedOnlyByItsFrontMatter) {
  // A site's post whose text lacks the act's title: the front matter's title names it, written
  // as mirror sites abbreviate a resolution ("RCM n.º"), with a character reference.
  std::string post =
      "---\nid: 9\ntitle: 'RCM n.º 55/99 &#8211; Faróis da costa'\nlayout: page\n---\n"
      "### Texto da resolução:\n\nO Conselho de Ministros resolve:\n\n"
      "1 - Acender os faróis da costa norte.\n\n2 - Vistoriar as bóias:\n\n"
      "a) Do porto de abrigo;\n\nb) Da barra;\n\nc) Do canal.\n";
  EXPECT_EQ(diploma::FrontMatterTitle(ReadFrontMatter(post)), "RCM n.º 55/99");
  EXPECT_EQ(diploma::FrontMatterTitle(ReadFrontMatter("---\ntitle: Sistema Braille\n---\n")), "");
  // The front matter's fields, quotes removed and escapes read.
  FrontMatter front = ReadFrontMatter(
      "---\ntitle: 'O ''Farol'''\nsummary: \"Aprova o \\\"Regulamento\\\"\"\nid: 9\n---\nTexto\n");
  EXPECT_EQ(front.lines, 5);
  EXPECT_EQ(front.Field("title"), "O 'Farol'");
  EXPECT_EQ(front.Field("summary"), "Aprova o \"Regulamento\"");
  EXPECT_EQ(front.Field("id"), "9");
  EXPECT_EQ(front.Field("date"), "");
  EXPECT_EQ(ReadFrontMatter("---\ntitle: x\nnever closed\n").lines, 0);
  EXPECT_EQ(ReadFrontMatter("Texto\n---\ntitle: x\n---\n").lines, 0);
  EXPECT_TRUE(diploma::LooksLikeDiploma(post));
  ReadResult r = ReadDiploma(post, "post.md", "post", {});
  const Paragraph& bar = Only(r, "Da barra");
  ExpectAt(bar, "", "2", "b");
  EXPECT_EQ(bar.source, "Resolução do Conselho de Ministros n.º 55/99");
  bool warned = false;
  for (const auto& w : r.warnings) warned = warned || Contains(w.message(), "front matter");
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace portaria::indexer
