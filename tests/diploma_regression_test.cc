// Regressions of the diploma reader (indexer/diploma*.cc): behaviour that a version of the
// reader got wrong, each on a fixture of tests/data/diplomas that shows the quirk. The short
// "-written" fixtures are written for these tests, in the forms real diplomas take outside the
// corpus:
// - dr-2019-cut-written.md: a copy whose signature block lost its first lines;
// - dated-title-written.md: a title with its date on its line, a sumário without its stop;
// - eu-consolidated-written.md: EUR-Lex's consolidated form;
// - dr-2022-split-written.md: the 2022 header broken over lines;
// - eu-html-written.md: EUR-Lex's HTML layout;
// - mirror-written.md: a resolution as a mirror site of the DR prints it;
// - old-style-written.md: articles as diplomas before about 1990 wrote them;
// - dr-supplement-written.md: a despacho of the 2.ª série as some extractions give it;
// - eu-oj-pdf-written.md: the Official Journal's PDF text, each número's "1." on its own line;
// - despacho-inline-written.md: an old 2.ª série despacho whose title runs into its text;
// - rcm-comissao-written.md: a resolution that names its commission by a short name and
//   delegates in sub-números;
// - old-decree-written.md: a decree of about 1980 ("Art. 3.º - 1. …", a two-digit year);
// - mirror-flattened-written.md: a decree as a mirror site prints it with line breaks lost;
// - pgdlisboa-article-written.md: one article on a page of its own, the title in the site's
//   header;
// - despacho-subject-written.md: an old 2.ª série despacho with its subject between title and
//   text;
// - tretas-despacho-written.md: a despacho as a mirror site prints it, paragraphs apart;
// - despacho-numbered-written.md: a delegation whose acts are numbered "1)", "2)";
// - untitled-excerpt-written.md: an excerpt that lost its title's first line;
// - html-list-written.md: alíneas inside a web page's numbered list ("  1. a) …");
// - pasted-line-written.md: statutes pasted as one line, as a document site transcribes a PDF;
// - dr-2018-pages-written.md: the 2018 layout with each header's page number on its line;
// - long-epigrafe-written.md: epígrafes and organs' names too long for one line;
// - old-spelling-written.md: units spelt before the 1990 agreement, números written "1- ";
// - flattened-annex-written.md: an annexed regulation pasted as one line, each epígrafe run
//   into its article's text;
// - eu-annex-written.md: an EU annex whose name takes two lines of capitals and whose numbered
//   points each open a list of their own;
// - markdown-repository-written.md: a diploma as repositories of the law in Markdown keep it
//   (front matter, "# Portaria n.º … — subject", a note quoted below it, "###### Artigo 1.º —
//   Epígrafe");
// - two-acts-written.md: DR pages that hold the end of one act and the start of the next.
// That no word of them is lost is checked with the long fixtures' (diploma_reader_test.cc,
// NoBodyWordIsLost).
#include <map>
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::Only;
using fixtures::Read;

// The record's place in its diploma: article, número and alínea ("" where it has none).
void ExpectAt(const Paragraph& p, std::string_view article, std::string_view number,
              std::string_view letter) {
  EXPECT_EQ(p.article, article) << p.text;
  EXPECT_EQ(p.number, number) << p.text;
  EXPECT_EQ(p.letter, letter) << p.text;
}

TEST(DiplomaReaderRegressionTest, PortariaAlineasNameTheCentroInFull) {
  // The sentence's article is not part of the name ("O Centro Nacional de Pensões, …").
  EXPECT_EQ(diploma::FindAbbreviations("1 — O Centro Nacional de Pensões, abreviadamente "
                                       "designado por CNP, é o serviço"),
            (std::map<std::string, std::string>{{"CNP", "Centro Nacional de Pensões"}}));
  for (const char* phrase : {"Compete ao CNP:", "Apoiar o conselho diretivo na definição",
                             "Processar e pagar pensões"}) {
    EXPECT_EQ(Only(Read("portaria-dr.md"), phrase).unit, "Centro Nacional de Pensões (CNP)");
  }
}

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

TEST(DiplomaReaderRegressionTest, OlderArticlesRunIntoTheirText) {
  // Before about 1990: "Artigo 1.º O regime …", "Art. 2.º Compete à …", no epígrafe.
  const ReadResult& r = Read("old-style-written.md");
  EXPECT_EQ(Only(r, "O regime dos viveiros").article, "1.º");
  const Paragraph& item = Only(r, "Fiscalizar as zonas");
  EXPECT_EQ(item.article, "2.º");
  EXPECT_EQ(item.letter, "b");
  EXPECT_EQ(item.unit, "Junta Autónoma das Rias");
  const Paragraph& last = Only(r, "entra em vigor no dia imediato");
  EXPECT_EQ(last.article, "3.º");
  EXPECT_EQ(last.text, "O presente diploma entra em vigor no dia imediato.");
  for (const char* title :
       {"Despacho (extrato) n.º 5057/2025", "DECRETO DA ASSEMBLEIA DA REPÚBLICA N.º 192/XIV"}) {
    EXPECT_TRUE(diploma::IsDiplomaTitle(diploma::MendLine(title))) << title;
  }
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

TEST(DiplomaReaderRegressionTest, AnOrganHasOneNameInADiploma) {
  // Facets count an organ once: the same string for every record of it.
  const Paragraph& epigraph = Only(Read("dr-2018-written.md"), "A direção é o órgão executivo");
  const Paragraph& intro = Only(Read("dr-2018-written.md"), "Representar a associação");
  EXPECT_EQ(epigraph.unit, intro.unit);
  const Paragraph& full = Only(Read("dre-written.md"), "Gerir o livro amarelo");
  const Paragraph& abbreviated = Only(Read("dre-written.md"), "divulgar as boas práticas");
  EXPECT_EQ(full.unit, "Agência para a Modernização Administrativa (AMA)");
  EXPECT_EQ(abbreviated.unit, full.unit);
}

TEST(DiplomaReaderRegressionTest, SignatureIsNotInsideTheLastChapter) {
  // Not "Capítulo II Disposições comuns > Assinatura".
  EXPECT_EQ(Only(Read("dr-2021.md"), "Promulgado em 22 de julho").section, "Assinatura");
  EXPECT_EQ(Only(Read("dre-consolidated.md"), "Aprovada em 14 de junho").section, "Assinatura");
  // Nor inside the last article of an EU act.
  EXPECT_EQ(Only(Read("eu-oj.md"), "Feito em Bruxelas").section, "Assinatura");
  EXPECT_EQ(Only(Read("eu-oj.md"), "diretamente aplicável em todos").article, "99.º");
}

TEST(DiplomaReaderRegressionTest, AlineaOfADefinitionHasTheDefinitionAsContext) {
  // The context of 16) a) is the list intro and definition 16, not a) itself.
  const Paragraph& a = Only(Read("eu-oj.md"), "No que se refere a um responsável");
  EXPECT_EQ(a.context,
            "Para efeitos do presente regulamento, entende-se por: 16) «Estabelecimento "
            "principal»:");
}

TEST(DiplomaReaderRegressionTest, DrePreambleOnOneLineIsSplit) {
  // DRE runs the sumário and the whole preamble of DL 289/2000 into one line (4027 bytes):
  // records stay under 2000, cut at sentence ends.
  for (const auto& p : Read("dre-consolidated-dgprm.md").paragraphs) {
    EXPECT_LE(p.text.size(), 2000u) << p.id;
  }
}

TEST(DiplomaReaderRegressionTest, OfficialJournalNumeroAloneOnItsLine) {
  // "1." alone on its line, the número's text on the next; the page's running head at its foot,
  // its notes "(1) …" below it, then the page break in the middle of a list.
  const ReadResult& r = Read("eu-oj-pdf-written.md");
  const Paragraph& created = Only(r, "É criado um conselho dos faroleiros");
  EXPECT_EQ(created.article, "2.º");
  EXPECT_EQ(created.number, "1");
  const Paragraph& intro = Only(r, "tem as seguintes atribuições");
  EXPECT_EQ(intro.number, "2");
  EXPECT_FALSE(Contains(intro.text, "É criado")) << intro.text;
  const Paragraph& b = Only(r, "Propor normas comuns");
  EXPECT_EQ(b.number, "2");
  EXPECT_EQ(b.letter, "b");
  EXPECT_FALSE(Contains(b.text, "JO C 12")) << b.text;
  EXPECT_FALSE(Contains(b.text, "Posição do Parlamento")) << b.text;
  EXPECT_EQ(Only(r, "Elaborar anualmente").letter, "c");
  const Paragraph& meets = Only(r, "reúne pelo menos duas vezes");
  EXPECT_EQ(meets.number, "3");
  EXPECT_EQ(meets.letter, "");
  // The notes are kept apart, and a recital's "(1)" alone on its line is still a recital.
  EXPECT_TRUE(Contains(Only(r, "JO C 12").id, "nota")) << Only(r, "JO C 12").id;
  EXPECT_TRUE(Contains(Only(r, "essenciais à segurança da navegação").id, "considerando-1"));
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

TEST(DiplomaReaderRegressionTest, ShortNameAndSubNumerosOfAResolution) {
  // "… Faróis 2031 (IF2031), adiante designada" / "por Comissão, …", then "compete à
  // Comissão:"; "4 — Delegar no coordenador da Comissão competência para:" / "4.1 — …".
  const ReadResult& r = Read("rcm-comissao-written.md");
  EXPECT_EQ(Only(r, "Analisar os relatórios de conservação").unit,
            "Comissão de Acompanhamento do Inventário dos Faróis 2031");
  const Paragraph& sub = Only(r, "Aprovar o calendário das visitas");
  EXPECT_EQ(sub.number, "4.1");
  // The short name at the end of a post is the commission's full name.
  EXPECT_EQ(sub.unit, "coordenador da Comissão de Acompanhamento do Inventário dos Faróis 2031");
  EXPECT_EQ(Only(r, "produz efeitos no dia seguinte").unit, "");
  EXPECT_EQ(diploma::FindAbbreviations("a Comissão de Acompanhamento do Inventário dos Faróis 2031 "
                                       "(IF2031), adiante designada\npor Comissão, com a missão"),
            (std::map<std::string, std::string>{
                {"Comissão", "Comissão de Acompanhamento do Inventário dos Faróis 2031"},
                {"IF2031", "Inventário dos Faróis 2031"}}));
}

TEST(DiplomaReaderRegressionTest, AnOldDecreesArticlesAndOrgans) {
  const ReadResult& r = Read("old-decree-written.md");
  // "Artigo 1.º - 1 - O Centro …", "Art. 3.º - 1. Compete …": the dash sets the número off.
  const Paragraph& first = Only(r, "é o serviço de estudo e documentação");
  EXPECT_EQ(first.article, "1.º");
  EXPECT_EQ(first.number, "1");
  EXPECT_EQ(Only(r, "substituído nas suas faltas").number, "2");
  // "Decreto Regulamentar n.º 41/81" / "de 9 de Abril": 1981; its preamble is no sumário.
  EXPECT_EQ(first.date, "1981-04-09");
  EXPECT_EQ(first.summary, "");
  EXPECT_EQ(Only(r, "importa regulamentar a sua estrutura").section, "Preâmbulo");
  // ", compete aos órgãos e serviços do CEFC:"; "Compete ao director do CEFC:".
  EXPECT_EQ(Only(r, "Organizar o arquivo").unit, "Centro de Estudos dos Faróis Costeiros (CEFC)");
  const Paragraph& chair = Only(r, "Presidir ao conselho técnico");
  EXPECT_EQ(chair.number, "1");
  EXPECT_EQ(chair.letter, "b");
  EXPECT_EQ(chair.unit, "director do Centro de Estudos dos Faróis Costeiros (CEFC)");
  // An epígrafe naming a kind of unit in the plural is not an organ.
  EXPECT_EQ(Only(r, "O número máximo de unidades").unit, "");
  // A name with commas, defined without "por": its initials are the acronym's letters.
  EXPECT_EQ(Only(r, "Elaborar o plano anual").unit,
            "Gabinete de Estudos, Planeamento e Faróis (GEPF)");
  EXPECT_EQ(diploma::FindAbbreviations("Em Lisboa, Centro Nacional de Pensões (CNP)"),
            (std::map<std::string, std::string>{{"CNP", "Centro Nacional de Pensões"}}));
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

TEST(DiplomaReaderRegressionTest, StructureRunTogetherByLostLineBreaks) {
  const ReadResult& r = Read("mirror-flattened-written.md");
  // "… decreta o seguinte: CAPÍTULO I Natureza e atribuições Artigo 1.º Natureza 1 - O …": the
  // chapter, the article, its epígrafe and its first número, all on the enacting formula's line.
  const Paragraph& first = Only(r, "é um serviço dotado de autonomia");
  EXPECT_EQ(first.article, "1.º");
  EXPECT_EQ(first.number, "1");
  EXPECT_TRUE(Contains(first.section, "Capítulo I"));
  EXPECT_TRUE(Contains(first.section, "Artigo 1.º Natureza"));
  EXPECT_FALSE(Contains(Only(r, "o Governo decreta o seguinte").text, "Instituto"));
  // "2-O ILC …", "3-As delegações …": números without spaces around the dash.
  EXPECT_EQ(Only(r, "tem sede em Aveiro").number, "2");
  EXPECT_EQ(Only(r, "delegações regionais do ILC").number, "3");
  // "… que careçam de parecer técnico.2 - Compete ao ILC:a) Estudar …;b) Propor …".
  EXPECT_FALSE(Contains(Only(r, "careçam de parecer técnico").text, "Compete"));
  const Paragraph& study = Only(r, "Estudar as lagoas costeiras");
  EXPECT_EQ(study.number, "2");
  EXPECT_EQ(study.letter, "a");
  EXPECT_EQ(study.unit, "Instituto das Lagoas Costeiras (ILC)");
  EXPECT_EQ(Only(r, "Propor medidas de protecção").letter, "b");
  // "O Laboratório …, abreviadamente designado por LAS, é o serviço do Ministério do Ambiente ao
  // qual incumbe:": the list is the laboratory's, not the ministry's.
  EXPECT_EQ(Only(r, "Analisar a qualidade das águas").unit, "Laboratório de Águas Salobras");
  // "Compete à área operacional apoiar os serviços do ILC, designadamente:": the infinitive ends
  // an organ named in lower case.
  EXPECT_EQ(Only(r, "Gerir o parque de viaturas").unit, "área operacional");
  // "Departamento de Estudos 1-No Departamento …": the epígrafe, then número 1 without spaces.
  const Paragraph& divisions = Only(r, "são criadas as seguintes divisões");
  EXPECT_EQ(divisions.article, "5.º");
  EXPECT_EQ(divisions.number, "1");
  EXPECT_TRUE(Contains(divisions.section, "Artigo 5.º Departamento de Estudos"));
  const Paragraph& archive = Only(r, "Manter o arquivo das cartas");
  EXPECT_EQ(archive.number, "2");
  EXPECT_EQ(archive.unit, "Divisão de Cartografia");
  // "… os referidos no artigo 4.º Art. 6.º - 1 - A direcção …": the older dashed article after
  // a citation that lost its stop.
  const Paragraph& board = Only(r, "A direcção do ILC é constituída");
  EXPECT_EQ(board.article, "6.º");
  EXPECT_EQ(board.number, "1");
  // A number in a quoted amendment is the amended diploma's: no line of it is split.
  ReadResult quoted = ReadDiploma(
      "Lei n.º 9/2099\nde 1 de março\nArtigo 1.º\nAlteração\n1 - O artigo 2.º passa a ter a "
      "seguinte redação: «Artigo 2.º […] 1 - O conselho reúne. Artigo 3.º Sede 1 - Fica em "
      "Faro.»\n",
      "quoted.md", "quoted", {});
  for (const Paragraph& p : quoted.paragraphs) EXPECT_EQ(p.article, "1.º") << p.text;
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

TEST(DiplomaReaderRegressionTest, ADelegationsNumberedActs) {
  const ReadResult& r = Read("despacho-numbered-written.md");
  // "Despacho 12 345/2003 (2.ª série). - …": a title without "n.º", its thousands apart; the
  // acts numbered "1)", "2)", "3)" after the intro's colon are items, as alíneas are.
  const Paragraph& faults = Only(r, "Justificar ou injustificar faltas");
  EXPECT_EQ(faults.source, "Despacho n.º 12345/2003 (2.ª série)");
  EXPECT_EQ(faults.letter, "2");
  EXPECT_FALSE(Contains(faults.text, "Assinar"));
  // "no engenheiro agrónomo Paulo Exemplo Reis, director de serviços de Hidráulica Agrícola, a
  // competência …": the post the delegate holds, not his title or name.
  EXPECT_EQ(faults.unit, "director de serviços de Hidráulica Agrícola");
}

TEST(DiplomaReaderRegressionTest, AnExcerptWithoutItsTitle) {
  // No title, no article: números and alíneas in plain text are a diploma's, not a page's.
  const ReadResult& r = Read("untitled-excerpt-written.md");
  const Paragraph& maps = Only(r, "Verificar as cartas das unidades");
  EXPECT_EQ(maps.number, "1");
  EXPECT_EQ(maps.letter, "b");
  EXPECT_EQ(maps.unit, "Direcção do Serviço de Cartografia");
  EXPECT_EQ(Only(r, "compreende duas repartições").number, "2");
}

TEST(DiplomaReaderRegressionTest, AlineasInAWebPagesNumberedList) {
  const ReadResult& r = Read("html-list-written.md");
  // "  2. b) Presidir ao conselho técnico;": the page's "2." is no número of the law.
  const Paragraph& chair = Only(r, "Presidir ao conselho técnico");
  EXPECT_EQ(chair.article, "22.º");
  EXPECT_EQ(chair.number, "1");
  EXPECT_EQ(chair.letter, "b");
  EXPECT_EQ(chair.unit, "diretor nacional");
  EXPECT_EQ(Only(r, "coadjuvado por dois diretores").number, "2");
}

TEST(DiplomaReaderRegressionTest, StatutesPastedAsOneLine) {
  // One line of 500 characters holding a division and two articles: a diploma, split where a
  // sentence or a division's title ends.
  const ReadResult& r = Read("pasted-line-written.md");
  const Paragraph& term = Only(r, "O mandato tem a duração de três anos");
  EXPECT_EQ(term.article, "11.º");
  EXPECT_EQ(term.number, "2");
  EXPECT_TRUE(Contains(term.section, "Secção III Fiscal único"));
  // "Artigo 12.º Competências e deveres 1 Ao fiscal único compete: a) …": the epígrafe ends
  // where its first número opens the list.
  const Paragraph& budget = Only(r, "Dar parecer sobre o orçamento");
  EXPECT_EQ(budget.article, "12.º");
  EXPECT_EQ(budget.number, "1");
  EXPECT_EQ(budget.letter, "b");
  EXPECT_EQ(budget.unit, "fiscal único");
}

TEST(DiplomaReaderRegressionTest, The2018HeaderWithItsPageNumberFirst) {
  const ReadResult& r = Read("dr-2018-pages-written.md");
  // "4013 Diário da República, 1.ª série — N.º 155 — …" inside an alínea: the header of an even
  // page goes, and the alínea is one.
  const Paragraph& lights = Only(r, "boias de sinalização marítima");
  EXPECT_FALSE(Contains(lights.text, "Diário"));
  EXPECT_EQ(lights.unit, "Direção de Serviços de Sinalização");
  // The preamble's first sentence, right below the dated title, opens with an article: it is
  // the preamble's, not a sumário.
  const Paragraph& grounds = Only(r, "definiu a missão do Instituto dos Faróis");
  EXPECT_EQ(grounds.section, "Preâmbulo");
  EXPECT_FALSE(Contains(grounds.summary, "definiu a missão"));
}

TEST(DiplomaReaderRegressionTest, EpigrafesAndNamesLongerThanALine) {
  const ReadResult& r = Read("long-epigrafe-written.md");
  // "Direção de Serviços de … às Capitanias dos" / "Portos do Continente": the epígrafe goes on
  // after its preposition, though the next line is capitalised.
  const Paragraph& lights = Only(r, "Manter os faróis");
  EXPECT_TRUE(Contains(lights.section, "Capitanias dos Portos do Continente"));
  // "À Direção de Serviços … do Continente, abreviadamente designada por DSSM, compete:": a name
  // of 15 words, the verb its 20th.
  EXPECT_EQ(lights.unit,
            "Direção de Serviços de Sinalização Marítima e de Apoio às Capitanias dos Portos do "
            "Continente (DSSM)");
  const Paragraph& budget = Only(r, "Elaborar o orçamento");
  EXPECT_EQ(budget.unit, "Direção de Serviços de Gestão Financeira e Patrimonial");
  EXPECT_FALSE(
      Contains(Only(r, "Compete à Direção de Serviços de Gestão").text, "Patrimonial Compete"));
}

TEST(DiplomaReaderRegressionTest, AnAbbreviatedNameWithoutTheSentencesArticle) {
  // "Natureza" / "A Autoridade dos Faróis, abreviadamente designada por AF, …": the article
  // opening the sentence is a capital A, as AF's name is, and no part of the name.
  EXPECT_EQ(diploma::FindAbbreviations("Artigo 1.º\nNatureza\nA Autoridade dos Faróis, "
                                       "abreviadamente designada por AF, é um serviço central."),
            (std::map<std::string, std::string>{{"AF", "Autoridade dos Faróis"}}));
}

TEST(DiplomaReaderRegressionTest, AnEpigrafeOfOnePluralWordIsNoOrgan) {
  // "Artigo 3.º" / "Serviços" / "1 — São serviços da Escola: a) A Secretaria; …": the article
  // lists services; none of its paragraphs is the competence of a body called "Serviços".
  ReadResult r = ReadDiploma(
      "Portaria n.º 77/2099\nde 1 de julho\nArtigo 3.º\nServiços\n1 — São serviços da Escola:\n"
      "a) A Secretaria;\nb) A Biblioteca.\n2 — À Secretaria compete:\na) Registar os alunos.\n",
      "services.md", "services", {});
  EXPECT_EQ(Only(r, "A Biblioteca").unit, "");
  EXPECT_EQ(Only(r, "Registar os alunos").unit, "Secretaria");
}

TEST(DiplomaReaderRegressionTest, UnitsInTheOldSpellingAndNumerosWithTheDashAgainstThem) {
  const ReadResult& r = Read("old-spelling-written.md");
  // "Direcção de Serviços de …" (an epígrafe naming the unit, as spelt before 1990): every
  // paragraph of its article is the unit's, the número that defines it included.
  const Paragraph& defines = Only(r, "é o serviço responsável pela conservação");
  ExpectAt(defines, "1.º", "1", "");
  EXPECT_TRUE(Contains(defines.unit, "Direcção de Serviços de Faróis e Balizagem"));
  const Paragraph& lamps = Only(r, "Substituir as lâmpadas");
  ExpectAt(lamps, "1.º", "2", "b");
  EXPECT_TRUE(Contains(lamps.unit, "Direcção de Serviços de Faróis e Balizagem"));
  const Paragraph& report = Only(r, "elabora um relatório anual");
  ExpectAt(report, "2.º", "2", "");
  EXPECT_EQ(report.unit, "Inspecção de Navegação");
  EXPECT_FALSE(Contains(report.text, "2-"));
}

TEST(DiplomaReaderRegressionTest, AnAnnexPastedAsOneLine) {
  const ReadResult& r = Read("flattened-annex-written.md");
  // "… FARÓIS CAPÍTULO I Disposições gerais Artigo 1.º Objeto O presente …": a division after
  // a title in capitals, an article after its title, another after "(GF).".
  const Paragraph& object = Only(r, "define a organização e o funcionamento");
  EXPECT_EQ(object.article, "1.º");
  EXPECT_TRUE(Contains(object.section, "Capítulo I Disposições gerais"));
  // Each epígrafe is cut from its article's text: "Objeto", "Natureza", "Competências".
  EXPECT_TRUE(object.text.starts_with("O presente regulamento")) << object.text;
  EXPECT_TRUE(Contains(object.section, "Artigo 1.º Objeto"));
  const Paragraph& nature = Only(r, "é o serviço da Autoridade dos Faróis");
  EXPECT_EQ(nature.article, "2.º");
  EXPECT_TRUE(nature.text.starts_with("O GF")) << nature.text;
  const Paragraph& list = Only(r, "Publicar todos os anos a lista oficial");
  ExpectAt(list, "3.º", "", "b");
  EXPECT_EQ(list.unit, "Gabinete dos Faróis (GF)");
  EXPECT_TRUE(Contains(Only(r, "entra em vigor no dia seguinte").section, "Capítulo II"));
}

TEST(DiplomaReaderRegressionTest, AnEuAnnexNumbersItsPointsAndRestartsTheirLists) {
  const ReadResult& r = Read("eu-annex-written.md");
  // "1. Obrigações dos SNSM" / "a) …" / "2. Atribuições dos SNSM" / "a) …": each point's
  // alíneas are its own, not the first list's going on.
  const Paragraph& faults = Only(r, "registar as avarias de cada farol");
  ExpectAt(faults, "", "1", "b");
  const Paragraph& ports = Only(r, "cooperar com as capitanias dos portos");
  ExpectAt(ports, "", "2", "b");
  const Paragraph& states = Only(r, "cooperar com os serviços dos outros");
  ExpectAt(states, "", "2", "ii");
  EXPECT_FALSE(Contains(Only(r, "dispor de pessoal de piquete").text, "Atribuições"));
  // "2. Atribuições dos SNSM", headed like an epígrafe, names the organ of its list, by the name
  // the annex's title gives it in capitals, written as a name.
  EXPECT_EQ(states.unit, "Serviços Nacionais de Sinalização Marítima (SNSM)");
  EXPECT_EQ(ports.unit, "Serviços Nacionais de Sinalização Marítima (SNSM)");
  EXPECT_EQ(faults.unit, "");
  // The annex's name goes on in its second line of capitals, and keeps its acronym.
  EXPECT_TRUE(Contains(faults.section,
                       "Anexo I Obrigações e Atribuições dos Serviços Nacionais de Sinalização "
                       "Marítima (SNSM)"))
      << faults.section;
  EXPECT_FALSE(Contains(Only(r, "devem ser definidas de modo claro").text, "MARÍTIMA"));
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

TEST(DiplomaReaderRegressionTest, TheNextActOnTheSamePagesIsADiplomaOfItsOwn) {
  const ReadResult& r = Read("two-acts-written.md");
  // The resolution's annex ends where the DR's document code and the next act's issuer stand.
  const Paragraph& lighthouse = Only(r, "Farol do Cabo Espichel");
  EXPECT_EQ(lighthouse.source, "Resolução do Conselho de Ministros n.º 40/2099");
  EXPECT_FALSE(Contains(lighthouse.text, "123456789"));
  EXPECT_FALSE(Contains(lighthouse.text, "MINISTÉRIO"));
  // "MINISTÉRIO DAS PESCAS" / "Portaria n.º 88/2099" / "de 5 de maio": the portaria's records are
  // its own, under its issuer.
  const Paragraph& fees = Only(r, "fixa as taxas de farolagem");
  EXPECT_EQ(fees.source, "Portaria n.º 88/2099, de 5 de maio");
  EXPECT_EQ(fees.date, "2099-05-05");
  EXPECT_EQ(fees.summary, "Ministério das Pescas");
  ExpectAt(fees, "1.º", "", "");
  EXPECT_EQ(Only(r, "aprovou a lista dos faróis").source, "Portaria n.º 88/2099, de 5 de maio");
  EXPECT_EQ(Only(r, "Aprovar a lista dos faróis").source,
            "Resolução do Conselho de Ministros n.º 40/2099");
}

TEST(DiplomaReaderRegressionTest, AlineasSkipTheLettersTheOldAlphabetLacked) {
  // "… v) …; x) …; z) …; aa) …" (the Constitution's art. 165.º): "x)" follows "v)", "z)"
  // follows "x)", as "l)" follows "j)".
  std::string text =
      "Lei n.º 9/2099\nde 1 de julho\nArtigo 1.º\nCompetências\nCompete ao "
      "Conselho dos Faróis:\n";
  for (char c = 'a'; c <= 'z'; ++c) {
    if (c == 'k' || c == 'w' || c == 'y') continue;
    text += std::string(1, c) + ") Tratar dos faróis do grupo " + std::string(1, c) + ";\n";
  }
  text += "aa) Tratar dos faróis restantes.\n";
  ReadResult r = ReadDiploma(text, "letters.md", "letters", {});
  ExpectAt(Only(r, "faróis do grupo v;"), "1.º", "", "v");
  ExpectAt(Only(r, "faróis do grupo x;"), "1.º", "", "x");
  ExpectAt(Only(r, "faróis do grupo z;"), "1.º", "", "z");
  ExpectAt(Only(r, "faróis restantes"), "1.º", "", "aa");
  EXPECT_EQ(Only(r, "faróis do grupo x;").unit, "Conselho dos Faróis");
}

TEST(DiplomaReaderRegressionTest, TheBearerOfAListAfterAPhraseOfScopeOrAProviso) {
  // The Constitution's "Na realização da política de ensino incumbe ao Estado:" and Lei
  // 58/2019's "Para além do disposto no artigo 57.º do RGPD, a CNPD prossegue as seguintes
  // atribuições:".
  EXPECT_EQ(diploma::CompetenceOrgan("Na execução da política dos faróis incumbe ao Estado:"),
            "Estado");
  EXPECT_EQ(diploma::CompetenceOrgan("Para além do disposto no artigo 5.º, a Autoridade dos "
                                     "Faróis prossegue as seguintes atribuições:"),
            "Autoridade dos Faróis");
  // No bearer: "Cabe recurso … das decisões:"; a subject that is given no list of its own.
  EXPECT_EQ(diploma::CompetenceOrgan("Cabe recurso para o Tribunal dos Faróis das decisões:"), "");
  EXPECT_EQ(diploma::CompetenceOrgan("Nos casos previstos no n.º 1, o pedido deve indicar:"), "");
}

TEST(DiplomaReaderRegressionTest, ABodyLineAfterItsArticleKeepsItsFirstWords) {
  // A sentence right under "Artigo N.º" that opens with an article or a verb of law is text,
  // not an epígrafe run into it.
  ReadResult r = ReadDiploma(
      "Portaria n.º 78/2099\nde 2 de julho\nArtigo 1.º\nOs faroleiros usam farda. A farda é "
      "azul.\nArtigo 2.º\nCompete ao Gabinete A dos Faróis registar os avisos.\n",
      "body.md", "body", {});
  EXPECT_EQ(Only(r, "Os faroleiros usam farda").section, "Artigo 1.º");
  EXPECT_EQ(Only(r, "Compete ao Gabinete A").section, "Artigo 2.º");
}

}  // namespace
}  // namespace portaria::indexer
