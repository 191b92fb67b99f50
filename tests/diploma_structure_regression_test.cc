// Regressions of the diploma reader in a diploma's structure: articles, números, alíneas and
// items, notes, annexes, records cut to size, and two acts in one file.
#include <string>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/reader.h"
#include "schema/terms.h"
#include "tests/diploma_fixtures.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::ExpectAt;
using fixtures::ExpectInNoRecord;
using fixtures::Only;
using fixtures::Read;

// The short fixtures of tests/data/diplomas these tests read, written for them in the forms
// real diplomas take outside the corpus:
// - old-style-written.md: articles as diplomas before about 1990 wrote them;
// - eu-oj-pdf-written.md: the Official Journal's PDF text, each número's "1." on its own line;
// - mirror-flattened-written.md: a decree as a mirror site prints it with line breaks lost;
// - despacho-numbered-written.md: a delegation whose acts are numbered "1)", "2)";
// - untitled-excerpt-written.md: an excerpt that lost its title's first line;
// - html-list-written.md: alíneas inside a web page's numbered list ("  1. a) …");
// - pasted-line-written.md: statutes pasted as one line, as a document site transcribes a PDF;
// - flattened-annex-written.md: an annexed regulation pasted as one line, each epígrafe run
//   into its article's text;
// - eu-annex-written.md: an EU annex whose name takes two lines of capitals and whose numbered
//   points each open a list of their own;
// - two-acts-written.md: DR pages that hold the end of one act and the start of the next;
// - ordinal-points-written.md: a Portaria of the 1990s whose dispositions are "1.º", "2.º" …;
// - lei-de-bases-written.md: a lei de bases, whose articles are "Base I", "BASE XII", "Base 12-A".
// That no word of them is lost is checked with the long fixtures' (diploma_fixture_test.cc,
// NoBodyWordIsLost).

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
  // The sentence after the list's last item, closed by its stop at the line's end, is the
  // número's own, not that item's.
  ExpectAt(Only(r, "orientações comuns para os faróis"), "2.º", "2", "");
  EXPECT_FALSE(Contains(Only(r, "Elaborar anualmente").text, "orientações"));
  // A soft hyphen (U+00AD) where a line breaks a word: the word whole, no hyphen left.
  EXPECT_EQ(Only(r, "das respetivas ópticas;").letter, "a");
  EXPECT_TRUE(Contains(Only(r, "devem ser mantidos em funcionamento").id, "considerando-1"));
  fixtures::ExpectInNoRecord(r, {"\u00ad"});
  const Paragraph& meets = Only(r, "reúne pelo menos duas vezes");
  EXPECT_EQ(meets.number, "3");
  EXPECT_EQ(meets.letter, "");
  // The notes are kept apart, and a recital's "(1)" alone on its line is still a recital.
  EXPECT_TRUE(Contains(Only(r, "JO C 12").id, "nota")) << Only(r, "JO C 12").id;
  EXPECT_TRUE(Contains(Only(r, "essenciais à segurança da navegação").id, "considerando-1"));
  // A recital goes on up to the next one's number, past a sentence that ends with its line.
  const Paragraph& reserve = Only(r, "lanternas de reserva");
  EXPECT_TRUE(Contains(reserve.id, "considerando-2")) << reserve.id;
  EXPECT_TRUE(Contains(reserve.text, "cooperar na manutenção")) << reserve.text;
  // Their calls in the text, "(1)" after a word, leave it; the notes keep their numbers.
  EXPECT_TRUE(Contains(created.text, "Diretiva 2029/12/UE.")) << created.text;
  EXPECT_FALSE(Contains(Only(r, "Tendo em conta o parecer").text, "(1)"));
  // A note's next line that opens with a directive's number is still that note.
  EXPECT_TRUE(Contains(Only(r, "lanternas marítimas").text, "2028/9/UE"));
  EXPECT_TRUE(Only(r, "lanternas marítimas").text.starts_with("(3) Diretiva"))
      << Only(r, "lanternas marítimas").text;
}

TEST(DiplomaReaderRegressionTest, OfficialJournalFormulasAroundTheArticles) {
  const ReadResult& r = Read("eu-oj-pdf-written.md");
  // The act's author and legal basis open the preamble: the sumário ends before them.
  const Paragraph& basis = Only(r, "Tendo em conta o Tratado");
  EXPECT_EQ(basis.section, "Preâmbulo");
  EXPECT_TRUE(basis.text.starts_with("O PARLAMENTO EUROPEU")) << basis.text;
  EXPECT_FALSE(Contains(basis.summary, "Tendo em conta")) << basis.summary;
  EXPECT_FALSE(Contains(basis.summary, "PARLAMENTO")) << basis.summary;
  // The closing formula after the last article binds; it is no part of that article.
  const Paragraph& last = Only(r, "vigésimo dia seguinte");
  EXPECT_FALSE(Contains(last.text, "obrigatório em todos")) << last.text;
  const Paragraph& binds = Only(r, "obrigatório em todos os seus elementos");
  EXPECT_EQ(binds.article, "");
  EXPECT_EQ(binds.section, "Assinatura");
}

TEST(DiplomaReaderRegressionTest, CouncilDocumentFootersAreFurniture) {
  // A Council draft's page footer, "PE-CONS 41/30 RTV/mp 2" / "DGE 2B" / "PT", between
  // articles: no record holds it, and the articles around it are read as before.
  const ReadResult& r = Read("council-draft-written.md");
  ExpectInNoRecord(r, {"PE-CONS", "RTV/mp", "DGE 2B", "GIP.1", "ST 7712"});
  ExpectAt(Only(r, "estabelece regras comuns"), "1.º", "", "");
  ExpectAt(Only(r, "construídos antes de 1950"), "2.º", "1", "");
  ExpectAt(Only(r, "designam uma autoridade"), "2.º", "2", "");
  ExpectAt(Only(r, "mantém um registo público"), "3.º", "", "");
}

TEST(DiplomaReaderRegressionTest, MarkdownEscapesAndBulletsOfAConvertedEuText) {
  // EUR-Lex's text converted to Markdown: "1\." (the converter's escape, so that "1." opens no
  // list) is a número, "- i)" a subalínea, "\(" a bracket.
  const ReadResult& r = Read("eu-markdown-written.md");
  const Paragraph& first = Only(r, "designam uma autoridade");
  ExpectAt(first, "1.º", "1", "");
  EXPECT_FALSE(Contains(first.text, "\\")) << first.text;
  ExpectAt(Only(r, "cooperam entre si"), "1.º", "3", "");
  EXPECT_TRUE(Only(r, "cooperam entre si").text.ends_with("si (e com a Comissão)."))
      << Only(r, "cooperam").text;
  const Paragraph& lenses = Only(r, "as avarias das lentes");
  ExpectAt(lenses, "1.º", "2", "b/i");
  EXPECT_FALSE(lenses.text.starts_with("-")) << lenses.text;
  ExpectAt(Only(r, "alimentação elétrica"), "1.º", "2", "b/ii");
  ExpectAt(Only(r, "selar as instalações"), "1.º", "2", "c");
  // "… são atribuídos às autoridades dos faróis os seguintes poderes de inspeção:": the EU's
  // form of a competence list, its organ after the participle.
  EXPECT_EQ(Only(r, "visitar as lanternas").unit, "autoridades dos faróis");
  EXPECT_EQ(Only(r, "selar as instalações").unit, "autoridades dos faróis");
  EXPECT_EQ(Only(r, "cooperam entre si").unit, "");
  // The Official Journal's head since 2023 ("… — PT Série L" / "2031/55 — 12.6.2031") is
  // furniture, and its "(Texto relevante para efeitos do EEE)", set as a heading, no section.
  ExpectInNoRecord(r, {"12.6.2031"});
  for (const auto& p : r.paragraphs) {
    EXPECT_FALSE(Contains(p.section, "Texto relevante")) << p.id << ": " << p.section;
  }
}

TEST(DiplomaReaderRegressionTest, OrganThatExercesTheListedCompetences) {
  // "…, o diretor do CDM, exerce as seguintes competências próprias:": the subject of the verb,
  // its acronym resolved.
  const ReadResult& r = Read("dre-exerce-written.md");
  const Paragraph& archive = Only(r, "arquivo das cartas náuticas");
  ExpectAt(archive, "6.º", "2", "a");
  EXPECT_EQ(archive.unit, "diretor do CDM (Centro de Documentação Marítima)");
  EXPECT_EQ(Only(r, "diários de bordo").unit, archive.unit);
}

TEST(DiplomaReaderRegressionTest, RegulatorsDirectiveAndTheClausesOfItsContract) {
  // A regulator's "Diretiva n.º 7/2099" in the DR's 2.ª série is the diploma cited; the
  // contract it approves in its annex is made of clauses, "Cláusula 2.ª" / "Cessação do
  // contrato", which are its articles: números, alíneas and subalíneas under them as under an
  // article, and "na cláusula 1.ª" inside a sentence no heading.
  const ReadResult& r = Read("regulator-clauses-written.md");
  const Paragraph& approve = Only(r, "Aprovar as condições gerais");
  EXPECT_EQ(approve.source, "Diretiva n.º 7/2099, de 1 de março");
  EXPECT_EQ(approve.number, "1");
  const Paragraph& object = Only(r, "manutenção das lanternas");
  ExpectAt(object, "1.ª", "1", "");
  EXPECT_TRUE(object.section.ends_with("Cláusula 1.ª Objeto")) << object.section;
  EXPECT_EQ(object.source, approve.source);
  ExpectAt(Only(r, "Por acordo das partes"), "2.ª", "1", "a");
  ExpectAt(Only(r, "Falta de pagamento"), "2.ª", "1", "b/i");
  ExpectAt(Only(r, "Incumprimento do disposto na cláusula 1.ª"), "2.ª", "1", "b/ii");
  ExpectAt(Only(r, "comunicada por escrito"), "2.ª", "2", "");
}

TEST(DiplomaReaderRegressionTest, EpigrafeBrokenAfterACommaIsDecidedByTheLinesAfter) {
  // "Procedimentos … de lanternas," / "espelhos e ópticas dos faróis costeiros" / "1 — …": an
  // epígrafe broken after a comma. An article without one whose first line ends with a comma
  // keeps its sentence whole, whether its second line ends the sentence or not.
  const ReadResult& r = Read("comma-epigraph-written.md");
  const Paragraph& first = Only(r, "depende de comunicação prévia");
  ExpectAt(first, "1.º", "1", "");
  EXPECT_TRUE(first.section.ends_with(
      "Artigo 1.º Procedimentos aplicáveis à instalação de lanternas, espelhos e ópticas dos "
      "faróis costeiros"))
      << first.section;
  const Paragraph& staff = Only(r, "mantêm o seu vínculo");
  EXPECT_TRUE(staff.text.starts_with("Os faroleiros que, à data")) << staff.text;
  EXPECT_EQ(staff.section, "Artigo 2.º");
  const Paragraph& pending = Only(r, "são decididos nos termos");
  EXPECT_TRUE(pending.text.starts_with("Os pedidos pendentes")) << pending.text;
  EXPECT_EQ(pending.section, "Artigo 3.º");
  EXPECT_EQ(Only(r, "entra em vigor no dia seguinte").section, "Artigo 4.º Entrada em vigor");
}

TEST(DiplomaReaderRegressionTest, AlineasPastZzInALongListOfDefinitions) {
  // A list of definitions runs past z) and zz): "aaa)", "bbb)", each its own record.
  const ReadResult& r = Read("long-definitions-written.md");
  ExpectAt(Only(r, "«Vigia»"), "3.º", "", "z");
  ExpectAt(Only(r, "«Vigia auxiliar»"), "3.º", "", "zz");
  ExpectAt(Only(r, "«Farol de reserva»"), "3.º", "", "aaa");
  const Paragraph& last = Only(r, "«Óptica de reserva»");
  ExpectAt(last, "3.º", "", "ccc");
  EXPECT_FALSE(Contains(last.text, "Lanterna de reserva")) << last.text;
}

TEST(DiplomaReaderRegressionTest, EpigrafesThatNameNoOrganAndTheSubjectAfterAProviso) {
  const ReadResult& r = Read("generic-epigraphs-written.md");
  // "Inspeção periódica" is an activity and "Autoridade nacional competente" no body in
  // particular: neither gives its article's lists an organ.
  EXPECT_EQ(Only(r, "Cinco anos").unit, "");
  EXPECT_EQ(Only(r, "Aplicar as coimas").unit, "");
  EXPECT_EQ(Only(r, "Manter o registo dos faróis").unit, "Gabinete dos Faróis");
  // "Sem prejuízo …, o Instituto Hidrográfico é responsável …, competindo-lhe:": the subject
  // follows the proviso.
  const Paragraph& charts = Only(r, "Publicar as cartas náuticas");
  ExpectAt(charts, "3.º", "2", "a");
  EXPECT_EQ(charts.unit, "Instituto Hidrográfico");
}

TEST(DiplomaReaderRegressionTest, MarkdownRepositoryLinksAndEditorialNotes) {
  // A repository of the law in Markdown links its citations ("[Decreto-Lei n.º 90/2092](https://
  // …)"): their text stays, the address goes; its note in small print under an article is the
  // repository's, not the law's.
  const ReadResult& r = Read("markdown-links-written.md");
  EXPECT_EQ(Only(r, "criou o Gabinete dos Faróis").text,
            "O Decreto-Lei n.º 90/2092, de 21 de maio, criou o Gabinete dos Faróis.");
  const Paragraph& a = Only(r, "Manter os faróis previstos");
  ExpectAt(a, "1.º", "1", "a");
  EXPECT_EQ(a.text, "Manter os faróis previstos no artigo 3.º da Lei n.º 7/2091;");
  ExpectInNoRecord(r, {"Redação em vigor", "https"});
  EXPECT_EQ(Only(r, "Registar as avarias").text, "Registar as avarias.");
  // An epígrafe that ends with an organ's legal form ("…, I. P.") ends no sentence.
  const Paragraph& report = Only(r, "comunica as avarias");
  EXPECT_EQ(report.article, "2.º");
  EXPECT_TRUE(report.section.ends_with("Artigo 2.º Informação ao Instituto dos Faróis, I. P."))
      << report.section;
}

TEST(DiplomaReaderRegressionTest, EurLexPageAroundAnAct) {
  // EUR-Lex's page: its banner, CELEX number, legal status and ELI are the site's; its title
  // line "Regulamento (UE) n. o  77/2031 …, de 3 de março de 2031 , relativo aos faróis
  // costeiros" cites the act up to its date (the superscript º given as " o", a space before
  // the comma), and what follows the date is the sumário.
  const ReadResult& r = Read("eurlex-page-written.md");
  const Paragraph& object = Only(r, "estabelece regras comuns");
  ExpectAt(object, "1.º", "", "");
  EXPECT_EQ(object.source,
            "Regulamento (UE) n.º 77/2031 do Parlamento Europeu e do Conselho, de 3 de março de "
            "2031");
  EXPECT_EQ(object.summary, "relativo aos faróis costeiros");
  EXPECT_EQ(object.date, "2031-03-03");
  ExpectInNoRecord(r, {"EUR-Lex", "ELI:", "Legal status", "32031R0077"});
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
  // The copy has no title: the act is the one the annex's heading cites, "(a que se refere o
  // n.º 2 do Despacho n.º 77/2099, de 1 de junho)", for every record, with a warning.
  for (const auto& p : r.paragraphs)
    EXPECT_EQ(p.source, "Despacho n.º 77/2099, de 1 de junho") << p.id;
  ASSERT_FALSE(r.warnings.empty());
  EXPECT_TRUE(Contains(r.warnings.back().ToString(), "an annex's heading cites"));
}

TEST(DiplomaReaderRegressionTest, AnAnnexCitesItsActOnlyWhenNamed) {
  EXPECT_EQ(diploma::ActReferredTo("ANEXO (a que se refere o artigo 2.º)"), "");
  EXPECT_EQ(diploma::ActReferredTo("Anexo I (a que se refere a alínea b) do n.º 1)"), "");
  EXPECT_EQ(diploma::ActReferredTo("ANEXO (a que se refere o artigo único do Despacho do "
                                   "Almirante Chefe do Estado-Maior da Armada n.º 41/2016, de 3 "
                                   "de maio) REGULAMENTO"),
            "Despacho do Almirante Chefe do Estado-Maior da Armada n.º 41/2016, de 3 de maio");
  EXPECT_EQ(diploma::ActReferredTo("ANEXO (a que se refere o n.º 3 da Portaria n.º 12/2020)"),
            "Portaria n.º 12/2020");
  EXPECT_EQ(diploma::ActReferredTo("ANEXO (a que se refere o artigo 4.º da Lei Orgânica)"), "");
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
  ExpectAt(states, "", "2", "a/ii");
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
  // The Official Journal's table of sectors sets two spaces after a point's number ("1.  Faróis"):
  // its points and their alíneas all the same.
  ExpectAt(Only(r, "Capitanias que mantêm bóias de amarração"), "", "2", "a");
  ExpectAt(Only(r, "Autoridades portuárias que mantêm faróis"), "", "1", "b");
  EXPECT_FALSE(Contains(Only(r, "Entidades que mantêm faróis de aterragem").text, "Bóias"));
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

TEST(DiplomaReaderRegressionTest, ASubNumeroMaySkipOneTheTextLost) {
  // A despacho as published skips 1.3: "1.4 — …" is a sub-número of its own, with a warning,
  // not the rest of 1.2's text.
  ReadResult r = ReadDiploma(
      "Despacho n.º 77/2093\n1 - Delego no diretor regional do Mar competência para:\n"
      "1.1 - Autorizar despesas até 150 euros;\n1.2 - Assinar o expediente;\n"
      "1.4 - Autorizar deslocações em serviço.\n2 - O presente despacho produz efeitos hoje.\n",
      "skip.md", "skip", {});
  EXPECT_EQ(Only(r, "Autorizar deslocações").number, "1.4");
  EXPECT_FALSE(Contains(Only(r, "Assinar o expediente").text, "deslocações"));
  EXPECT_EQ(Only(r, "produz efeitos hoje").number, "2");
  bool warned = false;
  for (const auto& w : r.warnings) warned |= Contains(w.message(), "número 1.4 follows 1.2");
  EXPECT_TRUE(warned);
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

TEST(DiplomaReaderRegressionTest, AnOlderActsOrdinalPointsAreItsArticles) {
  // "1.º É criada …", "3.º - 1 - A zona …" / "2 - A pesca …", "4.º" on a line of its own: each
  // point an article, the text before them the preamble, the act a diploma with its source.
  const ReadResult& r = Read("ordinal-points-written.md");
  ExpectAt(Only(r, "É criada a zona de pesca reservada"), "1.º", "", "");
  ExpectAt(Only(r, "será sinalizada com tabuletas"), "3.º", "1", "");
  ExpectAt(Only(r, "A pesca só poderá ser exercida"), "3.º", "2", "");
  ExpectAt(Only(r, "fica obrigada a cumprir o plano"), "4.º", "", "");
  const Paragraph& before = Only(r, "foi concessionada a pesca");
  EXPECT_EQ(before.article, "");
  EXPECT_EQ(before.section, "Preâmbulo");
  EXPECT_EQ(before.source, "Portaria n.º 777/98, de 12 de Março");
  // Its signature under its ministry's name: "Ministério da Agricultura." / "Assinada em …".
  EXPECT_EQ(Only(r, "Assinada em 20 de Março").section, "Assinatura");
  EXPECT_EQ(Only(r, "Ministério da Agricultura.").section, "Assinatura");
  EXPECT_EQ(Only(r, "São revogadas as disposições").text,
            "São revogadas as disposições em contrário.");
  // The mark read: a number, then "º" or ".º", then a space or the line's end.
  EXPECT_EQ(diploma::OrdinalPoint("5.º - 1 - A zona").number, 5);
  EXPECT_EQ(diploma::OrdinalPoint("3º").number, 3);
  EXPECT_EQ(diploma::OrdinalPoint("1.ºA").number, 0);
  EXPECT_EQ(diploma::OrdinalPoint("2023 foi o ano").number, 0);
}

TEST(DiplomaReaderRegressionTest, LongLinesAreParagraphsWhereBlankLinesSeparateTheOthers) {
  // A repository's Markdown separates most paragraphs by blank lines, but its preamble by line
  // breaks only: a line of 250 bytes or more was not broken by a page's width.
  const std::string first =
      "No âmbito da reforma dos faróis, o Governo determinou as linhas gerais do plano de "
      "sinalização da costa, afirmando que o primeiro e mais importante impulso do plano deveria, "
      "desde logo, ser dado no processo de preparação das leis orgânicas dos serviços de faróis e "
      "das respetivas capitanias.";
  const std::string second =
      "Trata-se de algo estruturante, por um lado, para o início de uma nova fase da sinalização "
      "marítima, no sentido de a tornar eficiente e racional na utilização das lanternas e, por "
      "outro, para o cumprimento dos objetivos de redução da despesa pública a que o país está "
      "vinculado.";
  ReadResult r = ReadDiploma(
      "# Decreto-Lei n.º 5/2096\n\nde 3 de março\n\n" + first + "\n" + second +
          "\nVistos os pareceres.\nO Governo decreta o seguinte:\n\n"
          "Artigo 1.º\n\nObjeto\n\nO presente decreto-lei aprova a orgânica dos faróis.\n\n"
          "Artigo 2.º\n\nCompetências\n\n1 - Compete à Direção de Faróis:\n\n"
          "a) Manter acesas as lanternas;\n\nb) Inspecionar as boias.\n",
      "linhas.md", "linhas", {});
  EXPECT_EQ(Only(r, "No âmbito da reforma dos faróis").text, first);
  EXPECT_EQ(Only(r, "Trata-se de algo estruturante").text, second);
  // A short line still runs on into the next, as a Markdown paragraph's lines do.
  EXPECT_EQ(Only(r, "Vistos os pareceres.").text,
            "Vistos os pareceres. O Governo decreta o seguinte:");
  EXPECT_EQ(Only(r, "No âmbito da reforma dos faróis").unit, "");
  ExpectAt(Only(r, "Inspecionar as boias"), "2.º", "1", "b");
}

TEST(DiplomaReaderRegressionTest, OrdinalPointsHeadedAsArticlesAre) {
  // A repository heads an older Portaria's points as it heads articles ("###### 1.º"); a
  // numbered title ("## 1.º Trimestre") is no point.
  ReadResult r = ReadDiploma(
      "# Portaria n.º 77/2091\n\nde 3 de março\n\nManda o Governo o seguinte:\n\n"
      "###### 1.º\n\nO subsídio dos faroleiros é de 4 euros.\n\n"
      "###### 2.º\n\nAs ajudas de custo passam a ter os seguintes valores:\n\n"
      "a) Faroleiros - 60 euros;\n\nb) Ajudantes - 40 euros.\n\n"
      "## 1.º Trimestre\n\n###### 3.º\n\nA presente portaria produz efeitos hoje.\n",
      "pontos.md", "pontos", {});
  ExpectAt(Only(r, "subsídio dos faroleiros"), "1.º", "", "");
  ExpectAt(Only(r, "Ajudantes - 40 euros"), "2.º", "", "b");
  EXPECT_EQ(Only(r, "produz efeitos hoje").article, "3.º");
  EXPECT_EQ(Only(r, "Manda o Governo").section, "Preâmbulo");
}

TEST(DiplomaReaderRegressionTest, ANumerosDashAgainstItsText) {
  // A consolidated text's "1 -São proibidas …": the dash against the text, as "1- Ao …" has it
  // against the number.
  ReadResult r = ReadDiploma(
      "Lei n.º 9/2096\nde 3 de março\nArtigo 8.º\nConsumos mínimos\n"
      "1 -São proibidas as cobranças de consumos mínimos nos faróis.\n"
      "2 -O regime aplica-se a todos os faróis.\n",
      "dash.md", "dash", {});
  ExpectAt(Only(r, "São proibidas as cobranças"), "8.º", "1", "");
  EXPECT_EQ(Only(r, "São proibidas as cobranças").text,
            "São proibidas as cobranças de consumos mínimos nos faróis.");
  ExpectAt(Only(r, "O regime aplica-se a todos"), "8.º", "2", "");
}

TEST(DiplomaReaderRegressionTest, TheBasesOfALeiDeBasesAreItsArticles) {
  // "Base I" / its epígrafe, "Base II - Âmbito", "BASE XII", "Base 12-A": each base an article,
  // numbered as written (its word in the section, as a clause's), its números, alíneas and
  // competence list read as an article's.
  const ReadResult& r = Read("lei-de-bases-written.md");
  ExpectAt(Only(r, "é um serviço público"), "I", "1", "");
  ExpectAt(Only(r, "aplica-se aos faróis"), "II", "", "");
  const Paragraph& item = Only(r, "Inspecionar anualmente");
  ExpectAt(item, "XII", "1", "b");
  EXPECT_EQ(item.unit, "Direção de Faróis");
  EXPECT_EQ(item.section, "Capítulo II Organização > Base XII Direção de Faróis");
  EXPECT_EQ(Only(r, "são nomeados").article, "12-A");
  EXPECT_EQ(Only(r, "A sinalização da costa").source, "Lei n.º 91/2097, de 3 de Maio");
  // A base's paragraphs share its scope, as an article's do (the re-ranker reads it).
  EXPECT_EQ(schema::ArticleScope(item.id), schema::ArticleScope(Only(r, "Manter acesas").id));
  EXPECT_FALSE(schema::ArticleScope(item.id).empty());
  // "Base de dados …" and "… da base 2 do anexo" open no base.
  EXPECT_EQ(Only(r, "Base de dados dos faróis").article, "12-A");
}

}  // namespace
}  // namespace portaria::indexer
