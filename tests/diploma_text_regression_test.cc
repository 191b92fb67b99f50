// Regressions of the diploma reader in what frames or breaks a diploma's text: page furniture,
// site labels, lines glued or broken, and the title, date, sumário and signature around it.
#include <string>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::ExpectAt;
using fixtures::Fixture;
using fixtures::Only;
using fixtures::Read;
using ::portaria::testing::ReadFileToString;

// The short fixtures of tests/data/diplomas these tests read, written for them in the forms
// real diplomas take outside the corpus:
// - dr-2019-cut-written.md: a copy whose signature block lost its first lines;
// - dated-title-written.md: a title with its date on its line, a sumário without its stop;
// - eu-consolidated-written.md: EUR-Lex's consolidated form;
// - dr-2022-split-written.md: the 2022 header broken over lines;
// - eu-html-written.md: EUR-Lex's HTML layout;
// - mirror-written.md: a resolution as a mirror site of the DR prints it;
// - dr-supplement-written.md: a despacho of the 2.ª série as some extractions give it;
// - despacho-inline-written.md: an old 2.ª série despacho whose title runs into its text;
// - pgdlisboa-article-written.md: one article on a page of its own, the title in the site's
//   header;
// - despacho-subject-written.md: an old 2.ª série despacho with its subject between title and
//   text;
// - tretas-despacho-written.md: a despacho as a mirror site prints it, paragraphs apart;
// - dr-2018-pages-written.md: the 2018 layout with each header's page number on its line;
// - markdown-regional-written.md: a region's decree in such a repository, dated only by its
//   front matter, its organs named with commas and in lower case;
// - markdown-repository-written.md: a diploma as repositories of the law in Markdown keep it
//   (front matter, "# Portaria n.º … — subject", a note quoted below it, "###### Artigo 1.º —
//   Epígrafe");
// - dr-2013-supplement-written.md: a supplement's pages, the even page's header after its page
//   number "6400-(10)", and an act whose copy lost its issuer line;
// - dr-tail-written.md: a copy of DR pages that opens on the end of an act whose title it lost;
// - dre-api-written.md: a 2.ª série portaria as DRE's service gives its text, paragraphs apart,
//   its grounds "Considerando que …;" one a paragraph, inline HTML around a superscript;
// - eu-decision-written.md: an EU decision whose number the Official Journal prints below its
//   title and subject;
// - web-copy-written.md: the first page of a decree as a document site gives its PDF's text,
//   the site's menu above it, each paragraph one line with its line breaks left in the words;
// That no word of them is lost is checked with the long fixtures' (diploma_fixture_test.cc,
// NoBodyWordIsLost).

TEST(DiplomaReaderRegressionTest, PortariaSignatureIsNotPartOfTheLastArticle) {
  // "O Ministro da Solidariedade e da Segurança Social, …, em 27 de abril de 2012." signs.
  const Paragraph& last = Only(Read("portaria-dr.md"), "entra em vigor no dia seguinte");
  EXPECT_FALSE(Contains(last.text, "Mota Soares")) << last.text;
  const Paragraph& signature = Only(Read("portaria-dr.md"), "Mota Soares");
  EXPECT_EQ(signature.article, "");
  EXPECT_EQ(signature.section, "Assinatura");
}

TEST(DiplomaReaderRegressionTest, PubliqueSeOpensTheSignature) {
  // A copy that lost the block's first lines: "Publique-se." and the referendum's signatory
  // are not part of the last article, and the annex after them is read as before.
  const ReadResult& r = Read("dr-2019-cut-written.md");
  const Paragraph& last = Only(r, "entra em vigor no dia seguinte");
  EXPECT_FALSE(Contains(last.text, "Publique-se")) << last.text;
  EXPECT_EQ(Only(r, "Pelo Primeiro-Ministro").section, "Assinatura");
  const Paragraph& annex = Only(r, "geridos pela capitania");
  EXPECT_EQ(annex.article, "1.º");
  EXPECT_TRUE(Contains(annex.section, "Anexo")) << annex.section;
  EXPECT_EQ(Only(r, "decreta o seguinte").section, "Preâmbulo");
}

TEST(DiplomaReaderRegressionTest, ATitleDatedOnItsOwnLineHasItsSumario) {
  // "Lei n.º 12/2006, de 4 de Abril" (DRE's and pgdlisboa's form), then the sumário without its
  // stop and an enacting formula whose first line does not end its sentence.
  const ReadResult& r = Read("dated-title-written.md");
  const Paragraph& formula = Only(r, "A Assembleia da República decreta");
  EXPECT_EQ(formula.summary, "Aprova o regime dos viveiros de ostras da ria");
  EXPECT_EQ(formula.section, "Preâmbulo");
  EXPECT_TRUE(Contains(formula.text, "valer como lei geral")) << formula.text;
  EXPECT_EQ(formula.source, "Lei n.º 12/2006, de 4 de Abril");
  const Paragraph& item = Only(r, "Licenciar os viveiros");
  EXPECT_EQ(item.unit, "capitania do porto");
  EXPECT_EQ(item.article, "2.º");
  EXPECT_EQ(item.number, "1");
  EXPECT_EQ(item.letter, "a");
}

TEST(DiplomaReaderRegressionTest, EurLexConsolidatedText) {
  // EUR-Lex's consolidated form: a running head per page, "►B"/"▼M1"/"◄" markers, a
  // chapter's capitals broken after a preposition.
  const ReadResult& r = Read("eu-consolidated-written.md");
  for (const Paragraph& p : r.paragraphs) {
    EXPECT_FALSE(Contains(p.text, "02021R0999")) << p.id << ": " << p.text;
    EXPECT_FALSE(Contains(p.text, "►") || Contains(p.text, "▼") || Contains(p.text, "◄"))
        << p.id << ": " << p.text;
  }
  EXPECT_EQ(r.paragraphs.front().source,
            "Regulamento (UE) 2021/999 do Parlamento Europeu e do "
            "Conselho, de 3 de março de 2021");
  // A word broken without its hyphen ("mí" / "nimas"), as some PDF copies give it.
  const Paragraph& object = Only(r, "estabelece regras mínimas sobre a instalação");
  EXPECT_EQ(object.article, "1.º");
  EXPECT_TRUE(Contains(object.section, "Zonas de Produção > Artigo 1.º")) << object.section;
  const Paragraph& amended = Only(r, "válida por cinco anos e pode ser renovada");
  EXPECT_EQ(amended.number, "2");
  EXPECT_EQ(amended.article, "2.º");
}

TEST(DiplomaReaderRegressionTest, TheDr2022HeaderBrokenOverLines) {
  // "Diário da República, 1." / "ª série" / "N.º 210 … Pág. 5", as some extractions give the
  // header, in the middle of a list; an epígrafe that names no organ ("Autoridade competente");
  // "adiante designada por"; a body that opens with a subalínea.
  const ReadResult& r = Read("dr-2022-split-written.md");
  for (const Paragraph& p : r.paragraphs) {
    EXPECT_FALSE(Contains(p.text, "série") || Contains(p.text, "Pág.")) << p.id << ": " << p.text;
  }
  EXPECT_EQ(Only(r, "A autoridade competente é").unit, "");
  EXPECT_EQ(Only(r, "Licenciar os viveiros").text,
            "Licenciar os viveiros nas zonas classificadas;");
  EXPECT_EQ(Only(r, "Fiscalizar a qualidade").unit, "Direção-Geral dos Recursos Marinhos (DGRM)");
  const Paragraph& zone = Only(r, "zonas de produção estão classificadas");
  EXPECT_EQ(zone.section, "Artigo 2.º Zonas");
  EXPECT_EQ(zone.article, "2.º");
}

TEST(DiplomaReaderRegressionTest, EurLexHtmlAndAnOlderActsTitle) {
  // EUR-Lex's HTML: the OJ's head on four lines, each recital's and definition's marker on a
  // line of its own; the title of an act of the EC era ("REGULAMENTO (CE) N.o 1234/2005").
  const ReadResult& r = Read("eu-html-written.md");
  for (const Paragraph& p : r.paragraphs) {  // the page's head: date, language, OJ, series/page
    EXPECT_FALSE(Contains(p.text, "Jornal Oficial") || Contains(p.text, "L 120/7"))
        << p.id << ": " << p.text;
  }
  EXPECT_EQ(r.paragraphs.front().source,
            "Regulamento (CE) n.º 1234/2005 do Conselho, de 12 de Maio de 2005");
  EXPECT_EQ(r.paragraphs.front().date, "2005-05-12");
  EXPECT_EQ(Only(r, "A produção de ostras").id, "diploma:eu-html-written#preambulo/considerando-1");
  const Paragraph& defined = Only(r, "«Zona classificada»");
  EXPECT_EQ(defined.article, "1.º");
  EXPECT_EQ(defined.letter, "2");
  EXPECT_FALSE(Contains(defined.text, "«Viveiro»")) << defined.text;
  for (const char* title : {"DIRECTIVA 2006/44/CE DO PARLAMENTO EUROPEU E DO CONSELHO",
                            "REGULAMENTO (UE, Euratom) N.o 608/2014 DO CONSELHO",
                            "Decisão de Execução (UE) 2019/1234 da Comissão"}) {
    EXPECT_TRUE(diploma::IsDiplomaTitle(diploma::MendLine(title))) << title;
  }
  for (const char* not_title : {"Regulamento interno da associação", "Diretiva de segurança"}) {
    EXPECT_FALSE(diploma::IsDiplomaTitle(not_title)) << not_title;
  }
}

TEST(DiplomaReaderRegressionTest, AResolutionAsAMirrorSitePrintsIt) {
  // A resolution with números and no article, its title without "n.º", "Sumário" on a line of
  // its own: read as a diploma (not as a page), cited as the DR cites it.
  const ReadResult& r = Read("mirror-written.md");
  const Paragraph& first = Only(r, "Prorrogar por seis meses");
  EXPECT_EQ(first.id, "diploma:mirror-written#texto/n1");
  EXPECT_EQ(first.number, "1");
  EXPECT_EQ(first.source, "Resolução do Conselho de Ministros n.º 12/2099, de 5 de Maio");
  EXPECT_EQ(first.summary, "Prorroga o mandato da comissão dos viveiros de ostras.");
  EXPECT_EQ(first.date, "2099-05-05");
  EXPECT_EQ(Only(r, "apresenta o inventário").number, "2");
  // A website's table bar at the end of a line is not text.
  EXPECT_FALSE(Contains(Only(r, "precisa de mais tempo").text, "|"));
  // Mirror sites' other ways of writing a title.
  EXPECT_TRUE(diploma::IsDiplomaTitle("DL n.º 123/2011, de 29 de Dezembro"));
  EXPECT_EQ(diploma::CitedTitle("DL n.º 123/2011, de 29 de Dezembro"),
            "Decreto-Lei n.º 123/2011, de 29 de Dezembro");
  EXPECT_EQ(diploma::CitedTitle("Decreto-lei 52/2025"), "Decreto-Lei n.º 52/2025");
  EXPECT_EQ(diploma::CitedTitle("Lei n.º 3/2004"), "Lei n.º 3/2004");
  EXPECT_FALSE(diploma::IsDiplomaTitle("DL que aprova o regime"));
  // Its place, date and signatory on one line, in a text of blank-line paragraphs.
  const Paragraph& signed_by = Only(r, "Joaquim Exemplo Lopes");
  EXPECT_EQ(signed_by.section, "Assinatura");
  EXPECT_EQ(signed_by.number, "");
}

TEST(DiplomaReaderRegressionTest, ADespachoOfTheSecondSeriesAsExtracted) {
  // The 2.ª série's header broken over lines ("Pág. 340-(2)", a supplement's page), in text of
  // blank-line paragraphs; one número with alíneas and no article; a sumário wrapped onto a
  // line of its own; a mirror site's label after the text.
  const ReadResult& r = Read("dr-supplement-written.md");
  for (const Paragraph& p : r.paragraphs) {
    EXPECT_FALSE(Contains(p.text, "Pág.") || Contains(p.text, "série") ||
                 Contains(p.text, "Partilhar"))
        << p.id << ": " << p.text;
  }
  const Paragraph& item = Only(r, "Licenciar os viveiros");
  EXPECT_EQ(item.id, "diploma:dr-supplement-written#texto/n1/a");
  // "delego no licenciado João Exemplo Sousa, diretor-geral dos Recursos Naturais, …": the post.
  EXPECT_EQ(item.unit, "diretor-geral dos Recursos Naturais");
  EXPECT_EQ(item.date, "2021-09-27");
  EXPECT_EQ(item.source, "Despacho n.º 9001/2021, de 27 de setembro");
  EXPECT_EQ(item.summary,
            "Delega competências no diretor-geral dos Recursos Naturais, Segurança e Serviços "
            "Marítimos.");
}

TEST(DiplomaReaderRegressionTest, SummaryWithoutItsStopEndsWhereTheBodyBegins) {
  // "… do ensino" / "superior" has no final stop: the enacting formula and article 1 are not
  // part of it.
  const ReadResult& r = Read("dr-2018-written.md");
  ASSERT_FALSE(r.paragraphs.empty());
  EXPECT_FALSE(Contains(r.paragraphs[0].summary, "decreta")) << r.paragraphs[0].summary;
  EXPECT_FALSE(Contains(r.paragraphs[0].summary, "A presente lei")) << r.paragraphs[0].summary;
  EXPECT_EQ(Only(r, "A Assembleia da República decreta").section, "Preâmbulo");
}

TEST(DiplomaReaderRegressionTest, SignatureIsNotInsideTheLastChapter) {
  // Not "Capítulo II Disposições comuns > Assinatura".
  EXPECT_EQ(Only(Read("dr-2021.md"), "Promulgado em 22 de julho").section, "Assinatura");
  EXPECT_EQ(Only(Read("dre-consolidated.md"), "Aprovada em 14 de junho").section, "Assinatura");
  // Nor inside the last article of an EU act, nor is its closing formula, which follows the
  // last article in the Official Journal unnumbered: in either layout.
  EXPECT_EQ(Only(Read("eu-oj.md"), "Feito em Bruxelas").section, "Assinatura");
  EXPECT_EQ(Only(Read("eu-oj.md"), "diretamente aplicável em todos").section, "Assinatura");
  EXPECT_EQ(Only(Read("eu-oj-pdf-written.md"), "diretamente aplicável em todos").section,
            "Assinatura");
  // A Markdown copy, whose paragraphs are separated by blank lines, signs as a PDF's text does:
  // not as a paragraph of its last article.
  const Paragraph& signed_by = Only(Read("markdown-links-written.md"), "Visto e aprovado");
  EXPECT_EQ(signed_by.section, "Assinatura");
  EXPECT_EQ(signed_by.article, "");
  EXPECT_EQ(Only(Read("markdown-links-written.md"), "Promulgado em 20 de abril").section,
            "Assinatura");
}

TEST(DiplomaReaderRegressionTest, OldDespachoTitleRunIntoItsText) {
  // "Despacho (extracto) n.º 12 345/2003 (2.ª série). - Nos termos …, subdelego as seguintes
  // competências na chefe dos Serviços …, licenciada …:" and its alíneas: a diploma, cited
  // without the DR's thousands space, the alíneas the delegate's.
  const ReadResult& r = Read("despacho-inline-written.md");
  const Paragraph& b = Only(r, "Assinar a correspondência com as capitanias");
  EXPECT_EQ(b.letter, "b");
  EXPECT_EQ(b.source, "Despacho (extracto) n.º 12345/2003 (2.ª série)");
  EXPECT_EQ(b.unit, "chefe dos Serviços de Faróis e Balizagem do Litoral Norte");
  EXPECT_FALSE(Contains(Only(r, "Nos termos do disposto").text, "Despacho")) << b.text;
  EXPECT_EQ(diploma::CitedTitle("Despacho n.º 19 216/2007"), "Despacho n.º 19216/2007");
  EXPECT_EQ(diploma::CitedTitle("Portaria n.º 1 234/99"), "Portaria n.º 1234/99");
}

TEST(DiplomaReaderRegressionTest, NumbersTooLongForAnIntAreText) {
  // Found by the fuzzer: a recital's or a day's digits past what an int holds threw from stoi.
  EXPECT_EQ(diploma::IsoDate("99999999999 de março de 2020", "2020"), "");
  EXPECT_EQ(diploma::IsoDate("9 de março de 2020", "2020"), "2020-03-09");
  std::string text =
      "REGULAMENTO (UE) 2031/5 DO CONSELHO\nde 99999999999 de março de 2031\n"
      "Considerando o seguinte:\n(99999999999) Os faróis são úteis.\n"
      "Artigo 1.º\nObjeto\nO presente regulamento trata dos faróis.\n"
      "Artigo 2.º\nVigência\nEntra em vigor hoje.\n";
  ReadResult r = ReadDiploma(text, "long.md", "long", {});
  EXPECT_TRUE(Contains(Only(r, "Os faróis são úteis").text, "99999999999"));
  EXPECT_EQ(Only(r, "trata dos faróis").article, "1.º");
}

TEST(DiplomaReaderRegressionTest, OneArticleOnAWebsitesPage) {
  const ReadResult& r = Read("pgdlisboa-article-written.md");
  // "Legislação   DECRETO-LEI N.º 44/2099, DE 3 DE MAIO  versão desactualizada": the title is
  // one cell of the site's header, in capitals; the article is the page's only one.
  const Paragraph& plan = Only(r, "Aprovar o plano anual de atividades");
  EXPECT_EQ(plan.source, "Decreto-Lei n.º 44/2099, de 3 de Maio");
  EXPECT_EQ(plan.article, "6.º");
  EXPECT_EQ(plan.number, "2");
  EXPECT_EQ(plan.letter, "a");
  // "Sem prejuízo das competências que … pescas, compete ao conselho de gestão:": the verb
  // after a long proviso.
  EXPECT_EQ(plan.unit, "conselho de gestão");
  // The site's label after the title ("versão desactualizada") is no sumário; nor is the
  // epígrafe of the article right below the title, nor its número 1.
  EXPECT_EQ(plan.summary, "");
  EXPECT_EQ(Only(r, "composto por um presidente e dois vogais").number, "1");
  ReadResult dated = ReadDiploma(
      "Decreto-Lei n.º 44/2099\nde 3 de Maio\nArtigo 6.º\nComposição\n1 - O conselho reúne.\n"
      "2 - O conselho delibera.\n",
      "dated.md", "dated", {});
  EXPECT_EQ(Only(dated, "O conselho reúne").number, "1");
  EXPECT_EQ(Only(dated, "O conselho reúne").summary, "");
  // "O coordenador do Gabinete de Apoio às Lotas é responsável …, competindo-lhe:".
  const Paragraph& sales = Only(r, "Assegurar o registo das vendas");
  EXPECT_EQ(sales.number, "3");
  EXPECT_EQ(sales.unit, "coordenador do Gabinete de Apoio às Lotas");
}

TEST(DiplomaReaderRegressionTest, OldDespachoWithItsSubjectBeforeTheText) {
  const ReadResult& r = Read("despacho-subject-written.md");
  // "Despacho n.º 9 876/2001 (2.ª série). - Delegação de competências no director … - 1 - Tendo
  // em conta …, delego, nos termos do artigo 35.º … e do artigo 9.º da lei orgânica, no director
  // de serviços de Pessoal e Expediente, licenciado …, as competências para:" / "1.1 - …".
  const Paragraph& intro = Only(r, "Tendo em conta a necessidade");
  EXPECT_EQ(intro.number, "1");
  EXPECT_EQ(intro.source, "Despacho n.º 9876/2001 (2.ª série)");
  const Paragraph& mail = Only(r, "Assinar o expediente corrente");
  EXPECT_EQ(mail.number, "1.2");
  EXPECT_EQ(mail.unit, "director de serviços de Pessoal e Expediente");
  EXPECT_EQ(Only(r, "O presente despacho produz efeitos").number, "2");
  // "12 de Março de 2001. - O Secretário-Geral, …": the date and signatory, set off by a hyphen.
  EXPECT_EQ(Only(r, "O Secretário-Geral, Paulo").section, "Assinatura");
}

TEST(DiplomaReaderRegressionTest, AMirrorsSumarioLabelAndAClosingDateApart) {
  const ReadResult& r = Read("tretas-despacho-written.md");
  // "Sumário" / (blank) / "Organização …": the label is not the sumário, the line below it is.
  const Paragraph& lamps = Only(r, "Conservar as lanternas");
  EXPECT_EQ(lamps.summary, "Organização das unidades flexíveis do Instituto dos Faróis.");
  EXPECT_EQ(lamps.unit, "Divisão de Lanternas");
  // "3 de Junho de 2099. - O Presidente, …" after a blank line is the signature, not alínea b.
  EXPECT_FALSE(Contains(Only(r, "Registar as avarias").text, "Presidente"));
  EXPECT_EQ(Only(r, "O Presidente, Rui Exemplo").section, "Assinatura");
}

TEST(DiplomaReaderRegressionTest, The2018HeaderWithItsPageNumberFirst) {
  const ReadResult& r = Read("dr-2018-pages-written.md");
  // "4013 Diário da República, 1.ª série — N.º 155 — …" inside an alínea: the header of an even
  // page goes, and the alínea is one.
  const Paragraph& lights = Only(r, "boias de sinalização marítima");
  EXPECT_FALSE(Contains(lights.text, "Diário"));
  EXPECT_EQ(lights.unit, "Direção de Serviços de Sinalização (DSS)");
  // The preamble's first sentence, right below the dated title, opens with an article: it is
  // the preamble's, not a sumário.
  const Paragraph& grounds = Only(r, "definiu a missão do Instituto dos Faróis");
  EXPECT_EQ(grounds.section, "Preâmbulo");
  EXPECT_FALSE(Contains(grounds.summary, "definiu a missão"));
}

TEST(DiplomaReaderRegressionTest, The2018HeaderDatesAnUndatedTitle) {
  // "… — N.º 62 — 28 de março de 2091" with no page number after the date: its year is no page
  // number, and the resolution, whose title has no date, is dated and cited by it.
  ReadResult r = ReadDiploma(
      "1424  \nDiário da República, 1.ª série — N.º 62 — 28 de março de 2091 \n"
      "Resolução do Conselho de Ministros n.º 77/2091\nO Regulamento aprovou as regras dos "
      "faróis.\n1 — Determinar que as regras se aplicam.\n2 — Determinar que a presente "
      "resolução produz efeitos hoje.\n",
      "rcm.md", "rcm", {});
  const Paragraph& first = Only(r, "Determinar que as regras se aplicam");
  EXPECT_EQ(first.date, "2091-03-28");
  EXPECT_EQ(first.source, "Resolução do Conselho de Ministros n.º 77/2091, de 28 de março");
}

TEST(DiplomaReaderRegressionTest, AnOrgansLegalFormAtALinesEndEndsNoParagraph) {
  // "… Instituto dos Faróis, I. P." / "(IF), nomeadamente …": the acronym after the legal form
  // goes on the sentence.
  ReadResult r = ReadDiploma(
      "Portaria n.º 9/2091\nde 2 de maio\nO Decreto-Lei n.º 3/2090 prevê taxas pelos atos da "
      "competência do\nInstituto dos Faróis, I. P.\n(IF), nomeadamente os de registo das "
      "lanternas.\nAssim:\nArtigo 1.º\nObjeto\nA presente portaria fixa as taxas.\n",
      "legal-form.md", "legal-form", {});
  EXPECT_TRUE(Contains(Only(r, "nomeadamente os de registo").text, "prevê taxas pelos atos"));
}

TEST(DiplomaReaderRegressionTest, SentencesGluedByALostLineBreakAreParted) {
  // "publicação.O Ministro" was one word to the analyser, so no phrase of it was found.
  EXPECT_EQ(diploma::MendLine("entra em vigor no dia seguinte ao da sua publicação.O Ministro"),
            "entra em vigor no dia seguinte ao da sua publicação. O Ministro");
  EXPECT_EQ(diploma::MendLine("Serviços Prisionais.Importa agora"),
            "Serviços Prisionais. Importa agora");
  // Abbreviations, addresses and ordinals stay as written.
  for (const char* kept : {"Instituto dos Faróis, I.P., e", "Faróis, S.A.", "em www.dre.pt e",
                           "o n.º 2", "de 2007.O", "a.C. e"}) {
    EXPECT_EQ(diploma::MendLine(kept), kept);
  }
}

TEST(DiplomaReaderRegressionTest, ARegionalDecreeDatedByItsFrontMatter) {
  // "# Decreto Regulamentar Regional n.º 9/2099/M — …" with no date line below it: the front
  // matter's publication_date dates the citation, as the DR cites an act.
  const ReadResult& r = Read("markdown-regional-written.md");
  for (const auto& p : r.paragraphs) {
    EXPECT_EQ(p.source, "Decreto Regulamentar Regional n.º 9/2099/M, de 26 de junho") << p.id;
    EXPECT_EQ(p.date, "2099-06-26");
  }
  // A name with commas whose last part has several words; a name in lower case defined with
  // its acronym in so many words.
  EXPECT_EQ(Only(r, "Vistoriar as bóias").unit,
            "Departamento de Sinalização, Iluminação e Bóias Costeiras (DSIBC)");
  const Paragraph& account = Only(r, "Aprovar a conta anual");
  ExpectAt(account, "2.º", "2", "a");
  // (Written as its epígrafe writes it, the capital of one name of it.)
  EXPECT_EQ(account.unit, "Conselho administrativo (CA)");
}

TEST(DiplomaReaderRegressionTest, ADiplomaAsAMarkdownRepositoryKeepsIt) {
  const ReadResult& r = Read("markdown-repository-written.md");
  for (const auto& p : r.paragraphs) {
    // The front matter and the repository's note are not the diploma's text.
    EXPECT_FALSE(Contains(p.text, "identifier")) << p.id;
    EXPECT_FALSE(Contains(p.text, "amendments")) << p.id;
    // "# Portaria n.º 77/2099 — Estrutura nuclear …" / "de 3 de março": the citation, dated,
    // and its subject as the sumário.
    EXPECT_EQ(p.source, "Portaria n.º 77/2099, de 3 de março");
    EXPECT_EQ(p.date, "2099-03-03");
    EXPECT_EQ(p.summary, "Estrutura nuclear do Instituto dos Faróis");
  }
  const Paragraph& faults = Only(r, "Registar as avarias de cada farol");
  ExpectAt(faults, "1.º", "", "b");
  EXPECT_EQ(faults.section, "Artigo 1.º Direção de Serviços de Faróis");
  EXPECT_TRUE(Contains(faults.unit, "Direção de Serviços de Faróis"));
  // An epígrafe of 126 characters on a line of its own, under a heading that has none: the
  // article's epígrafe, not a paragraph of it.
  const Paragraph& link = Only(r, "assegura a ligação com a organização");
  ExpectAt(link, "2.º", "1", "");
  EXPECT_TRUE(Contains(link.section, "Artigo 2.º Comissão Nacional para a Convenção sobre"));
  fixtures::ExpectInNoRecord(r, {"Iluminação dos Faróis e das Bóias de Amarração"});
  // The citation repeated below the heading, as some of those files have it, dates it too; a
  // heading that cut its subject short ("…") gives no sumário.
  ReadResult again = ReadDiploma(
      "# Portaria n.º 78/2099 — Estrutura nuclear do Instituto das Bóias e dos…\n"
      "Portaria n.º 78/2099\nde 4 de março\nO Decreto Regulamentar n.º 6/2099 definiu a "
      "missão do Instituto.\nArtigo 1.º\nObjeto\nA presente portaria fixa a estrutura "
      "nuclear.\nArtigo 2.º\nVigência\nA presente portaria entra em vigor amanhã.\n",
      "again.md", "again", {});
  const Paragraph& object = Only(again, "fixa a estrutura nuclear");
  EXPECT_EQ(object.source, "Portaria n.º 78/2099, de 4 de março");
  EXPECT_EQ(object.summary, "");
  EXPECT_FALSE(Contains(Only(again, "definiu a missão").text, "Portaria n.º 78/2099"));
}

TEST(DiplomaReaderRegressionTest, ASupplementsHeadersAndAnActWithoutItsIssuer) {
  const ReadResult& r = Read("dr-2013-supplement-written.md");
  // "6400-(10)  Diário da República, 1.ª série — …" inside an alínea: the header goes.
  const Paragraph& ships = Only(r, "atracam nos portos nacionais");
  EXPECT_FALSE(Contains(ships.text, "Diário")) << ships.text;
  EXPECT_EQ(ships.letter, "a");
  EXPECT_EQ(ships.number, "1");
  EXPECT_EQ(ships.unit, "Autoridade de farolagem");
  // The DR's document code between the signature and the next title is no one's text, and the
  // title right after the signature opens the next act, issuer or not.
  const Paragraph& signed_by = Only(r, "Fulano de Tal");
  EXPECT_FALSE(Contains(signed_by.text, "111299001")) << signed_by.text;
  EXPECT_TRUE(Contains(signed_by.source, "Resolução do Conselho de Ministros n.º 90/2099"));
  EXPECT_TRUE(Contains(ships.source, "Decreto-Lei n.º 151-C/2099")) << ships.source;
  EXPECT_EQ(ships.date, "2099-10-31");
  EXPECT_TRUE(Contains(Only(r, "carece de uma autoridade").source, "151-C/2099"));
  // The DR's space before a hyphen after a number: "2099 -2105", "7 -A/2099".
  const Paragraph& plan = Only(r, "plano dos faróis para o período");
  EXPECT_TRUE(Contains(plan.text, "período 2099-2105")) << plan.text;
  EXPECT_TRUE(Contains(plan.text, "Lei n.º 7-A/2099")) << plan.text;
  // ... but never a número's dash at the start of a line.
  EXPECT_EQ(Only(r, "Aprovar o plano dos faróis da costa").number, "1");
}

TEST(DiplomaReaderRegressionTest, TheEndOfAnActWhoseTitleTheCopyLostHasNoSource) {
  const ReadResult& r = Read("dr-tail-written.md");
  // The competences before the signature are another act's: not the resolution titled below.
  const Paragraph& tail = Only(r, "Propor as medidas de conservação");
  EXPECT_EQ(tail.source, "");
  EXPECT_EQ(tail.letter, "c");
  EXPECT_EQ(tail.unit, "Comissão de Acompanhamento dos Moinhos de Maré");
  EXPECT_EQ(tail.date, "2099-03-28");  // the page's, from its header with the page number last
  const Paragraph& titled = Only(r, "recenseamento das salinas do litoral em 2100");
  EXPECT_TRUE(Contains(titled.source, "Resolução do Conselho de Ministros n.º 52/2099"));
  bool warned = false;
  for (const auto& w : r.warnings) warned = warned || Contains(w.message(), "another act");
  EXPECT_TRUE(warned);
}

TEST(DiplomaReaderRegressionTest, AWebCopyOfADecreesFirstPageIsADiploma) {
  // No article yet, only its title, dated on the same line, and the DR's "Sumário:" under it:
  // a diploma, not a web page, whatever the site's menu above it.
  EXPECT_TRUE(diploma::LooksLikeDiploma(ReadFileToString(Fixture("web-copy-written.md"))));
  const ReadResult& r = Read("web-copy-written.md");
  const Paragraph& system = Only(r, "Sistema de Informação dos Faróis");
  EXPECT_EQ(system.source, "Decreto-Lei n.º 41/2093, de 12 de maio");
  EXPECT_EQ(system.date, "2093-05-12");
  EXPECT_EQ(system.summary, "Aprova a orgânica do Gabinete Nacional dos Faróis.");
  EXPECT_TRUE(Contains(system.text, "em Estados-Membros da União"));
  // The words the copy left broken where the PDF's lines ended, where the dictionary knows the
  // whole word; a hyphen that is the law's stays.
  const Paragraph& changes = Only(r, "nomeadamente a ligação por rádio");
  EXPECT_TRUE(Contains(changes.text, "a confirmação da posição")) << changes.text;
  EXPECT_TRUE(Contains(changes.text, "a manutenção pré- e pós-sazonal")) << changes.text;
}

TEST(DiplomaReaderRegressionTest, AnEuActNumberedBelowItsTitleIsCitedByIt) {
  // "DECISÃO DA COMISSÃO" / "de 31 de outubro de 2091" / "que institui …" / "(2091/717/UE)".
  const ReadResult& r = Read("eu-decision-written.md");
  const Paragraph& created = Only(r, "É criado o grupo de peritos");
  EXPECT_EQ(created.source, "Decisão 2091/717/UE da Comissão, de 31 de outubro de 2091");
  EXPECT_EQ(created.date, "2091-10-31");
  EXPECT_EQ(created.summary, "que institui um grupo de peritos em sinalização marítima");
  ExpectAt(created, "1.º", "", "");
  EXPECT_EQ(Only(r, "segurança da navegação").source, created.source);
  fixtures::ExpectInNoRecord(r, {"2091/717/UE)"});
  // A text of the C series has no number: the Official Journal's reference stands for it.
  ReadResult c_series = ReadDiploma(
      "DECISÃO DO CONSELHO\nde 12 de fevereiro de 2091\nque institui um grupo de peritos\n"
      "(2091/C 58/06)\nO CONSELHO DA UNIÃO EUROPEIA,\nConsiderando o seguinte:\n(1)\nO grupo é "
      "necessário.\n(2)\nO grupo deve ser criado.\n",
      "c.md", "c", {});
  EXPECT_EQ(Only(c_series, "O grupo é necessário").source,
            "Decisão do Conselho, de 12 de fevereiro de 2091 (2091/C 58/06)");
  for (std::string_view number : {"2007/717/CE", "97/66/CE", "2005/211/JAI"})
    EXPECT_TRUE(diploma::IsEuActNumber(number)) << number;
  for (std::string_view other : {"2016/C 58/06", "2007/717", "717/CE", "2007/717/XY"})
    EXPECT_FALSE(diploma::IsEuActNumber(other)) << other;
  EXPECT_TRUE(diploma::IsOjReference("2016/C 202/02"));
  EXPECT_FALSE(diploma::IsOjReference("2016/L 202/02"));
  // The title in capitals alone on its line, not a sentence that opens with the same words.
  EXPECT_TRUE(diploma::IsDiplomaTitle("DECISÃO DE EXECUÇÃO DA COMISSÃO"));
  EXPECT_FALSE(diploma::IsDiplomaTitle("Decisão da Comissão"));
}

TEST(DiplomaReaderRegressionTest, APreamblesGroundsAreOneRecordEach) {
  // "Considerando que …;" / "Considerando que …;": each ground its own record, though the one
  // before it ends with a semicolon.
  const ReadResult& r = Read("dre-api-written.md");
  const Paragraph& duty = Only(r, "é um dever dos faroleiros");
  const Paragraph& enough = Only(r, "devem existir em quantidade suficiente");
  EXPECT_NE(duty.id, enough.id);
  EXPECT_FALSE(Contains(duty.text, "quantidade suficiente")) << duty.text;
  EXPECT_EQ(duty.source, "Portaria n.º 88/2093/2");
  // "n.<sup>os </sup>1 e 2": the superscript's text, without its tags.
  EXPECT_TRUE(Contains(Only(r, "artigo 22.º do Decreto-Lei").text, "nos n.os 1 e 2 do artigo"));
  fixtures::ExpectInNoRecord(r, {"<sup>", "</sup>"});
  ExpectAt(Only(r, "Autorizar a Marinha a assumir"), "", "1", "");
}

TEST(DiplomaReaderRegressionTest, WhatASignedTextApprovesIsNoPartOfItsSignature) {
  // "… aprovo o seguinte Regulamento:" / its date and signatory / the regulation's name / its
  // text: the regulation's, under its name, not the signature's.
  ReadResult r = ReadDiploma(
      "Despacho n.º 55/2093\nSumário: Aprova o regulamento dos faróis.\nNos termos da lei, "
      "aprovo o seguinte Regulamento:\n3 de março de 2093. — O Diretor do Instituto dos Faróis, "
      "Rui Exemplo Luz.\nRegulamento dos horários de funcionamento dos faróis costeiros e "
      "das\nbóias de amarração\nO presente regulamento fixa os horários dos faróis.\nArtigo "
      "1.º\nHorários\nOs faróis acendem ao pôr do sol.\n",
      "approves.md", "approves", {});
  EXPECT_EQ(Only(r, "O Diretor do Instituto dos Faróis").section, "Assinatura");
  const Paragraph& object = Only(r, "fixa os horários dos faróis");
  EXPECT_TRUE(Contains(object.section,
                       "Regulamento dos horários de funcionamento dos faróis costeiros e das "
                       "bóias de amarração"))
      << object.section;
  const Paragraph& hours = Only(r, "acendem ao pôr do sol");
  EXPECT_EQ(hours.article, "1.º");
  EXPECT_FALSE(Contains(hours.section, "Assinatura")) << hours.section;
}

}  // namespace
}  // namespace portaria::indexer
