// Regressions of the diploma reader in naming organs: the bearer of a competence list, epígrafes
// that name one or not, names too long for a line, abbreviations and short names.
#include <map>
#include <string>

#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "indexer/reader.h"
#include "tests/diploma_fixtures.h"

namespace portaria::indexer {
namespace {

using fixtures::Contains;
using fixtures::ExpectAt;
using fixtures::Only;
using fixtures::Read;

// The short fixtures of tests/data/diplomas these tests read, written for them in the forms
// real diplomas take outside the corpus:
// - rcm-comissao-written.md: a resolution that names its commission by a short name and
//   delegates in sub-números;
// - old-decree-written.md: a decree of about 1980 ("Art. 3.º - 1. …", a two-digit year);
// - long-epigrafe-written.md: epígrafes and organs' names too long for one line;
// - old-spelling-written.md: units spelt before the 1990 agreement, números written "1- ";
// - lowercase-name-written.md: an organ whose name is in lower case after its first word,
//   defined with its acronym in brackets ("Comissão de avaliação (CA)");
// That no word of them is lost is checked with the long fixtures' (diploma_fixture_test.cc,
// NoBodyWordIsLost).

TEST(DiplomaReaderRegressionTest, PortariaAlineasNameTheCentroInFull) {
  // The sentence's article is not part of the name ("O Centro Nacional de Pensões, …").
  EXPECT_EQ(diploma::FindAbbreviations("1 — O Centro Nacional de Pensões, abreviadamente "
                                       "designado por CNP, é o serviço"),
            (std::map<std::string, std::string>{{"CNP", "Centro Nacional de Pensões"}}));
  // A name followed by its acronym in brackets, read as one: the name and its acronym.
  ReadResult bracketed = ReadDiploma(
      "Portaria n.º 9/2099\nde 1 de março\nArtigo 1.º\nObjeto\n1 - Compete à Autoridade dos "
      "Faróis (AF), sem prejuízo das competências próprias:\na) Acender os faróis;\nb) Apagar "
      "os faróis.\nArtigo 2.º\nVigência\nA presente portaria entra em vigor amanhã.\n",
      "af.md", "af", {});
  EXPECT_EQ(Only(bracketed, "Apagar os faróis").unit, "Autoridade dos Faróis (AF)");
  // A name in lower case, defined in so many words: the words whose initials spell it.
  EXPECT_EQ(diploma::FindAbbreviations("1 - O conselho administrativo, abreviadamente designado "
                                       "por CA, é o órgão deliberativo"),
            (std::map<std::string, std::string>{{"CA", "conselho administrativo"}}));
  EXPECT_TRUE(diploma::FindAbbreviations("1 - O conselho da região, abreviadamente designado "
                                         "por CA, é o órgão")
                  .empty());
  for (const char* phrase : {"Compete ao CNP:", "Apoiar o conselho diretivo na definição",
                             "Processar e pagar pensões"}) {
    EXPECT_EQ(Only(Read("portaria-dr.md"), phrase).unit, "Centro Nacional de Pensões (CNP)");
  }
}

// A paragraph that uses an acronym its diploma defines carries the name it stands for, which the
// index searches with the text (Paragraph::acronyms); one that writes the name out does not.
TEST(DiplomaReaderRegressionTest, AParagraphCarriesTheNamesOfItsAcronyms) {
  ReadResult r = ReadDiploma(
      "Portaria n.º 9/2099\nde 1 de março\nArtigo 1.º\nObjeto\n1 - O Centro de Documentação e "
      "Informação (CDI) e o Fundo de Apoio aos Faróis (FAF) funcionam junto da direção.\n"
      "2 - O CDI é dirigido por um técnico superior.\n3 - O CDI gere o FAF, e o FAF paga as "
      "despesas do CDI.\n4 - A direção é o órgão executivo.\n",
      "cdi.md", "cdi", {});
  EXPECT_EQ(Only(r, "O CDI é dirigido").acronyms, "Centro de Documentação e Informação");
  // Each name once, in the order the text uses them.
  EXPECT_EQ(Only(r, "O CDI gere o FAF").acronyms,
            "Centro de Documentação e Informação; Fundo de Apoio aos Faróis");
  EXPECT_EQ(Only(r, "funcionam junto da direção").acronyms, "");  // it writes the names out
  EXPECT_EQ(Only(r, "órgão executivo").acronyms, "");
}

// "Ao X, <what the law says of X, with its own commas and citations>, compete também:": the
// organ is X however long the aside before the verb.
TEST(DiplomaReaderRegressionTest, AnAsideOfThirtyWordsBeforeCompete) {
  ReadResult r = ReadDiploma(
      "Portaria n.º 9/2099\nde 1 de março\nArtigo 14.º\nJúri dos concursos\n1 - Ao júri dos "
      "concursos, com a constituição fixada no artigo 30.º dos Estatutos da Santa Casa da "
      "Misericórdia de Lisboa, aprovados pelo artigo 1.º do Decreto-Lei n.º 235/2008, de 3 de "
      "Dezembro, compete também:\na) A guarda da cópia dos registos das apostas;\nb) A "
      "comprovação do direito a prémio.\n",
      "juri.md", "juri", {});
  EXPECT_EQ(Only(r, "comprovação do direito a prémio").unit, "júri dos concursos");
}

TEST(DiplomaReaderRegressionTest, AnOrganHasOneNameInADiploma) {
  // Facets count an organ once: the same string for every record of it.
  const Paragraph& epigraph = Only(Read("dr-2018-written.md"), "A direção é o órgão executivo");
  const Paragraph& intro = Only(Read("dr-2018-written.md"), "Representar a associação");
  EXPECT_EQ(epigraph.unit, intro.unit);
  const Paragraph& full = Only(Read("dre-written.md"), "Gerir o livro amarelo");
  const Paragraph& abbreviated = Only(Read("dre-written.md"), "divulgar as boas práticas");
  EXPECT_EQ(full.unit, "Agência para a Modernização Administrativa, I. P. (AMA, I. P.)");
  EXPECT_EQ(abbreviated.unit, full.unit);
}

TEST(DiplomaReaderRegressionTest, AnOrganWrittenWithOtherConnectorsIsOneUnit) {
  // The epígrafe's "… dos Faróis e Bóias" and the list's "… dos Faróis e das Bóias": one organ,
  // one facet value, as the diploma first writes it.
  const std::string content =
      "Decreto Regulamentar Regional n.º 9/2099/M\n\nde 26 de junho\n\n"
      "Artigo 4.º\n\nSecretaria Regional dos Faróis e Bóias\n\n"
      "1 - À Secretaria Regional dos Faróis e Bóias compete:\n\na) Manter os faróis;\n\n"
      "b) Pintar as bóias.\n\n"
      "2 - A Secretaria Regional dos Faróis e das Bóias exerce a tutela sobre:\n\n"
      "a) A Empresa de Faroleiros, S. A.;\n\nb) O Clube Náutico do Farol.\n";
  ReadResult r = ReadDiploma(content, "farois.md", "farois", {});
  EXPECT_EQ(Only(r, "Manter os faróis").unit, "Secretaria Regional dos Faróis e Bóias");
  EXPECT_EQ(Only(r, "Empresa de Faroleiros").unit, "Secretaria Regional dos Faróis e Bóias");
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
  EXPECT_EQ(chair.unit, "director do CEFC (Centro de Estudos dos Faróis Costeiros)");
  // An epígrafe naming a kind of unit in the plural is not an organ.
  EXPECT_EQ(Only(r, "O número máximo de unidades").unit, "");
  // A name with commas, defined without "por": its initials are the acronym's letters.
  EXPECT_EQ(Only(r, "Elaborar o plano anual").unit,
            "Gabinete de Estudos, Planeamento e Faróis (GEPF)");
  EXPECT_EQ(diploma::FindAbbreviations("Em Lisboa, Centro Nacional de Pensões (CNP)"),
            (std::map<std::string, std::string>{{"CNP", "Centro Nacional de Pensões"}}));
  // A compound's parts each give a letter: "Direção-Geral" is the acronym's "DG".
  EXPECT_EQ(
      diploma::FindAbbreviations("procede-se à criação da Direção-Geral de Faróis, Boias e "
                                 "Sinais (DGFBS), serviço da administração direta"),
      (std::map<std::string, std::string>{{"DGFBS", "Direção-Geral de Faróis, Boias e Sinais"}}));
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

TEST(DiplomaReaderRegressionTest, TheBearerOfAListAfterAPhraseOfScopeOrAProviso) {
  // The Constitution's "Na realização da política de ensino incumbe ao Estado:" and Lei
  // 58/2019's "Para além do disposto no artigo 57.º do RGPD, a CNPD prossegue as seguintes
  // atribuições:".
  EXPECT_EQ(diploma::CompetenceOrgan("Na execução da política dos faróis incumbe ao Estado:"),
            "Estado");
  // The verb and its bearer close a long proviso that has no comma before them.
  EXPECT_EQ(diploma::CompetenceOrgan("Sem prejuízo das competências que lhe sejam delegadas, para "
                                     "prossecução das atribuições a que se refere o artigo 3.º "
                                     "compete ao diretor dos Faróis:"),
            "diretor dos Faróis");
  // A bearer in lower case of up to ten words, closed by a comma, in a list's intro; not in a
  // sentence that introduces no list.
  EXPECT_EQ(diploma::CompetenceOrgan("Compete aos titulares dos cargos de direção superior de 1.º "
                                     "grau, no âmbito da gestão geral dos faróis:"),
            "titulares dos cargos de direção superior de 1.º grau");
  EXPECT_EQ(diploma::CompetenceOrgan("Cabe a cada entidade a designação do encarregado dos faróis, "
                                     "não sendo obrigatório o exercício em exclusividade."),
            "");
  // "competindo-lhes" refers to the sentence's subject, in lower case too: the words before its
  // verb ("articulam", which the dictionary knows only as a verb); nothing after a comma stands
  // in for it. A plural in parentheses is the plural ("local(ais)": "locais").
  EXPECT_EQ(diploma::CompetenceOrgan("As equipas de faroleiros articulam com a direção e asseguram "
                                     "o planeamento, a gestão, o controlo e a avaliação da rede, "
                                     "competindo-lhes, designadamente:"),
            "equipas de faroleiros");
  EXPECT_EQ(diploma::CompetenceOrgan("A(s) equipa(s) coordenadora(s) local(ais) articula(m) com a "
                                     "direção, competindo-lhe(s):"),
            "equipas coordenadoras locais");
  EXPECT_EQ(diploma::CompetenceOrgan("Sem prejuízo da coordenação, asseguram o planeamento e a "
                                     "gestão da rede, competindo-lhes:"),
            "");
  EXPECT_EQ(diploma::CompetenceOrgan("As receitas cuja gestão compete à Direção dos Faróis, ficam "
                                     "consignadas a:"),
            "");
  EXPECT_EQ(diploma::CompetenceOrgan("Para além do disposto no artigo 5.º, a Autoridade dos "
                                     "Faróis prossegue as seguintes atribuições:"),
            "Autoridade dos Faróis");
  // No bearer: "Cabe recurso … das decisões:"; a subject that is given no list of its own.
  EXPECT_EQ(diploma::CompetenceOrgan("Cabe recurso para o Tribunal dos Faróis das decisões:"), "");
  EXPECT_EQ(diploma::CompetenceOrgan("Nos casos previstos no n.º 1, o pedido deve indicar:"), "");
}

TEST(DiplomaReaderRegressionTest, WhatANamedBodyMustDoIsItsList) {
  // A duty list after a proviso: the body that must act is the list's organ.
  EXPECT_EQ(diploma::CompetenceOrgan("Para efeitos do disposto no número anterior, a AFN, I. P., "
                                     "deve desenvolver, em articulação com as demais entidades, "
                                     "designadamente as seguintes ações:"),
            "AFN, I. P.");
  EXPECT_EQ(diploma::CompetenceOrgan("O Instituto dos Faróis deve assegurar as seguintes tarefas:"),
            "Instituto dos Faróis");
  // The bodies it oversees.
  EXPECT_EQ(diploma::CompetenceOrgan("A Secretaria Regional dos Faróis exerce a tutela sobre:"),
            "Secretaria Regional dos Faróis");
  EXPECT_EQ(diploma::CompetenceOrgan("A Secretaria Regional dos Faróis exerce a tutela sobre o "
                                     "Instituto dos Faróis."),
            "");
  // Both genders at once.
  EXPECT_EQ(diploma::CompetenceOrgan("Compete ao/à Presidente do Instituto dos Faróis:"),
            "Presidente do Instituto dos Faróis");
  EXPECT_EQ(diploma::EpigraphOrgan("Competências do/a Presidente"), "Presidente");
  // Not one who acts: what a document holds, what a body is told, a duty with no list.
  EXPECT_EQ(diploma::CompetenceOrgan("O Relatório Anual deve conter os seguintes elementos:"), "");
  EXPECT_EQ(diploma::CompetenceOrgan("A AFN deve ser notificada dos seguintes factos:"), "");
  EXPECT_EQ(diploma::CompetenceOrgan("A AFN deve publicar o relatório no seu sítio:"), "");
}

TEST(DiplomaReaderRegressionTest, AnAcronymForANameInLowerCase) {
  // "Comissão de avaliação (CA)": its initials are the acronym's letters, so "Compete à CA:"
  // names the commission, as its epígrafe does for the número that does not use the acronym.
  const ReadResult& r = Read("lowercase-name-written.md");
  const Paragraph& a = Only(r, "proposta de localização do farol");
  EXPECT_EQ(a.letter, "a");
  EXPECT_EQ(a.unit, "Comissão de avaliação (CA)");
  EXPECT_EQ(Only(r, "A CA é presidida").unit, a.unit);
  // Words whose initials do not spell it are not its name.
  EXPECT_EQ(diploma::FindAbbreviations("O parecer técnico final (CA) é emitido.").count("CA"), 0u);
}

// Three more ways an intro names its organ: the singular with a qualifier ("É da competência
// exclusiva do X:"), a post in a relative clause that opens the list ("…, a quem compete:") and
// a named body's duty ("…, o Conselho deverá:"). And what they must not take.
TEST(DiplomaReaderRegressionTest, CompetenceInTheSingularARelativePostAndADuty) {
  EXPECT_EQ(diploma::CompetenceOrgan("É da competência exclusiva do inspector-geral dos faróis:"),
            "inspector-geral dos faróis");
  EXPECT_EQ(diploma::CompetenceOrgan("É da exclusiva competência da Direcção dos Faróis legislar "
                                     "sobre as seguintes matérias:"),
            "Direcção dos Faróis");
  EXPECT_EQ(diploma::CompetenceOrgan("A Inspecção dos Faróis é dirigida por um inspector "
                                     "regional, a quem compete:"),
            "inspector regional");
  // A clause that goes on is a sentence about its antecedent, which may lie behind an aside.
  EXPECT_EQ(diploma::CompetenceOrgan("Os serviços designam um técnico, de acordo com as "
                                     "necessidades da rede, a quem compete o acompanhamento dos "
                                     "faróis."),
            "");
  EXPECT_EQ(diploma::CompetenceOrgan("Para assegurar o cumprimento do disposto no n.º 1, o "
                                     "Conselho dos Faróis deverá:"),
            "Conselho dos Faróis");
  EXPECT_EQ(diploma::CompetenceOrgan("Para assegurar a segurança, o requerimento deve:"), "");
  // After a phrase of scope: "Na prossecução da sua missão, são atribuições da SRTSS:".
  EXPECT_EQ(diploma::CompetenceOrgan("Na prossecução da sua missão, são atribuições da Direcção "
                                     "dos Faróis:"),
            "Direcção dos Faróis");
  // A body defined as "um órgão …" before the relative clause is what the clause tells of, not
  // the body the definition names last.
  EXPECT_EQ(diploma::CompetenceOrgan("A Divisão Técnica é um órgão de apoio técnico aos serviços "
                                     "da Inspecção dos Faróis, à qual compete:"),
            "Divisão Técnica");
  // "Compete, em geral, assegurar a …": the "a" after the infinitive is an article.
  EXPECT_EQ(diploma::CompetenceOrgan("Compete, em geral, assegurar a participação das "
                                     "estruturas produtivas na análise da evolução económica."),
            "");
  EXPECT_EQ(diploma::CompetenceOrgan("Ao Conselho dos Faróis, compete, em geral, assegurar a "
                                     "participação das estruturas produtivas."),
            "Conselho dos Faróis");
}

}  // namespace
}  // namespace portaria::indexer
