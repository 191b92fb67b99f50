// The diploma reader on its long fixtures (fixtures::kFixtures), each read whole through ReadFile:
// source, date and sumário, each record's place, unit and section, ids, mending, no body word lost.
#include <filesystem>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "schema/terms.h"
#include "tests/diploma_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using fixtures::BodyWords;
using fixtures::Contains;
using fixtures::Fixture;
using fixtures::kCsc;
using fixtures::kFixtures;
using fixtures::kPr;
using fixtures::MissingBodyWords;
using fixtures::Only;
using fixtures::Read;
using ::portaria::testing::ReadFileToString;

// ---------------------------------------------------------------------------------------------
// Reading each fixture.

struct Meta {
  const char* file;
  const char* source;
  const char* date;     // "" where the text does not say the year
  const char* summary;  // a part of the sumário (with the issuer, in the DR forms)
};

const Meta kMeta[] = {
    {"dr-2021.md", "Decreto-Lei n.º 65/2021, de 30 de julho", "2021-07-30",
     "as obrigações em matéria de certificação da cibersegurança em execução do Regulamento"},
    {"dr-2018.md", "Lei n.º 46/2018, de 13 de agosto", "2018-08-13",
     "Estabelece o regime jurídico da segurança do ciberespaço, transpondo a Diretiva"},
    {"dre-consolidated.md", "Lei n.º 58/2019, de 8 de agosto", "2019-08-08",
     "Assegura a execução, na ordem jurídica nacional, do Regulamento (UE) 2016/679"},
    {"dre-consolidated-dgprm.md", "Decreto-Lei n.º 289/2000, de 14 de novembro", "2000-11-14",
     "Aprova o Regulamento da Lei do Serviço Militar"},
    // "de 10 de abril": no year, so no date.
    {"constitution.md", "Constituição da República Portuguesa", "",
     "Aprova a Constituição da República Portuguesa"},
    {"eu-oj.md",
     "Regulamento (UE) 2016/679 do Parlamento Europeu e do Conselho, de 27 de abril de 2016",
     "2016-04-27", "relativo à proteção das pessoas singulares no que diz respeito"},
    {"guideline.md", "Diretriz/2023/1", "", "Sobre medidas organizativas e de segurança"},
    {"portaria-dr.md", "Portaria n.º 135/2012, de 8 de maio", "2012-05-08",
     "dos seus serviços centrais e desconcentrados. (Solidariedade e Segurança Social)"},
    {"dr-2018-written.md", "Lei n.º 26/2018, de 25 de junho", "2018-06-25",
     "das associações de estudantes do ensino superior (Assembleia da República)"},
    {"dre-written.md", "Decreto-Lei n.º 74/2017, de 21 de junho", "2017-06-21",
     "Implementa o Livro Amarelo eletrónico"},
    // No date line under the title: cited by the date of the DR's page header.
    {"despacho-written.md", "Despacho n.º 6123/2022, de 20 de maio", "2022-05-20",
     "Delega competências no diretor-geral do Orçamento. (Finanças — Gabinete do Secretário"},
    {"rcm-written.md", "Resolução do Conselho de Ministros n.º 41/2021, de 14 de abril",
     "2021-04-14", "Aprova a Estratégia Nacional de Combate à Pobreza 2021-2030."},
    {"amending-written.md", "Decreto-Lei n.º 90/2021, de 29 de outubro", "2021-10-29",
     "Altera o regime jurídico de proteção na eventualidade de desemprego."},
};

TEST(DiplomaFixtureTest, ReadAsDiplomasWithSourceDateAndSummary) {
  ASSERT_EQ(std::size(kMeta), kFixtures.size());
  for (const Meta& m : kMeta) {
    SCOPED_TRACE(m.file);
    const ReadResult& r = Read(m.file);
    ASSERT_FALSE(r.fatal);
    EXPECT_TRUE(r.errors.empty());
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front().ToString();
    ASSERT_GE(r.paragraphs.size(), 10u);
    std::string stem = std::filesystem::path(m.file).stem().string();
    for (const auto& p : r.paragraphs) {
      EXPECT_EQ(p.id.rfind("diploma:" + stem + "#", 0), 0u) << p.id;  // not the page reader
      EXPECT_EQ(p.doc, "diploma:" + stem);
      EXPECT_EQ(p.source, m.source);
      EXPECT_EQ(p.date, m.date);
      EXPECT_TRUE(Contains(p.summary, m.summary)) << p.summary;
    }
  }
}

// What one record must be: the one whose text contains `phrase`.
struct Expect {
  const char* phrase;
  const char* where;    // "article/number/letter", e.g. "19.º-A/5/b", "//1" (a guideline point)
  const char* unit;     // a part of the unit, compared folded; "" = no unit; nullptr = unchecked
  const char* section;  // a part of the section; nullptr = unchecked
};

constexpr char kDgprm[] = "Direcção-Geral de Pessoal e Recrutamento Militar (DGPRM)";
constexpr char kFu[] = "fiscal único";

const std::map<std::string, std::vector<Expect>> kExpect = {
    // Sumário, preamble, números, alíneas, subalíneas; a page joins inside 3.º 3 a).
    {"dr-2021.md",
     {{"decreto-lei procede, assim, à regulamentação", "//", "", "Preâmbulo"},
      {"O presente decreto-lei procede à:", "1.º/1/", "",
       "Capítulo I Disposições gerais > Artigo 1.º Objeto"},
      {"quadro nacional de certificação da cibersegurança.", "1.º/1/b", "", nullptr},
      {"As situações extraordinárias, designadamente:", "3.º/1/b", "",
       "Capítulo II Disposições comuns > Artigo 3.º Princípios e regras gerais"},
      {"A ocorrência de incidentes, nos termos", "3.º/1/b/i", "", nullptr},
      {"a eventual ativação de planos de emergência", "3.º/1/b/ii", "", nullptr},
      {"(ANEPC), pela Autoridade Nacional de Comunicações (ANACOM)", "3.º/3/a", "", nullptr},
      {"O cumprimento de legislação da União Europeia.", "3.º/3/b", "", nullptr},
      {"aplica-se o disposto no Regulamento de Execução", "3.º/4/", "", nullptr},
      {"Promulgado em 22 de julho de 2021.", "//", "", "Assinatura"}}},
    // Two-column layout: a two-line epígrafe, "Compete ao X:" over two lines, a page in a list.
    {"dr-2018.md",
     {{"A presente lei aplica-se:", "2.º/1/", "", "Artigo 2.º Âmbito"},
      {"controlo do Estado-Maior-General das Forças Armadas", "2.º/6/a", "", nullptr},
      {"Compete ao Conselho Superior de Segurança do Ciberespaço:", "6.º/1/", kCsc,
       "Artigo 6.º Competências do Conselho Superior de Segurança do Ciberespaço"},
      {"Assegurar a coordenação político-estratégica", "6.º/1/a", kCsc,
       "Capítulo II Estrutura de segurança do ciberespaço"},
      {"Verificar a implementação da Estratégia", "6.º/1/b", kCsc, nullptr},
      {"O «CERT.PT» possui as seguintes competências:", "9.º//", "CERT.PT", nullptr},
      {"Intervir na reação, análise e mitigação de incidentes;", "9.º//d", "CERT.PT", nullptr},
      {"práticas comuns ou normalizadas;", "9.º//g", "CERT.PT", nullptr}}},
    // DRE: números and alíneas inline, a list continued after blank lines, the annex.
    {"dre-consolidated.md",
     {{"A presente lei assegura a execução", "1.º//", "",
       "Capítulo I Disposições gerais > Artigo 1.º Objeto"},
      {"aplica-se ainda aos tratamentos", "2.º/2/", "", nullptr},
      {"Sejam efetuados no âmbito da atividade", "2.º/2/a", "", nullptr},
      {"não se aplica aos ficheiros de dados pessoais", "2.º/3/", "", nullptr},
      // The epígrafe run into the first inline número.
      {"deve respeitar o princípio da minimização", "31.º/1/", "",
       "Artigo 31.º Tratamentos para fins de arquivo ou fins estatísticos"},
      {"ficam prejudicados os direitos previstos", "31.º/2/", "", nullptr},
      {"Aprovada em 14 de junho de 2019.", "//", "", "Assinatura"},
      {"regula a organização e o funcionamento", "1.º//", "",
       "Anexo (a que se refere o artigo 67.º)"},
      {"O fiscal único é um revisor oficial de contas", "19.º-A/2/", kFu,
       "Artigo 19.º-A Fiscal único"},
      {"Compete, designadamente, ao fiscal único:", "19.º-A/5/", kFu, nullptr},
      {"Acompanhar e controlar a gestão financeira", "19.º-A/5/a", kFu, nullptr},
      {"Examinar periodicamente a situação financeira", "19.º-A/5/b", kFu, nullptr},
      {"Participar às entidades competentes", "19.º-A/5/e", kFu, nullptr}}},
    {"dre-consolidated-dgprm.md",
     {{"é a Direcção-Geral de Pessoal e Recrutamento Militar (DGPRM)", "2.º/1/", "", nullptr},
      {"À DGPRM compete:", "3.º//", kDgprm,
       "Anexo > Capítulo I Disposições gerais > Artigo 3.º Competências da DGPRM"},
      {"Planear a política de recrutamento", "3.º//a", kDgprm, nullptr},
      {"Dirigir e coordenar o processo de recenseamento", "3.º//c", kDgprm, nullptr},
      {"Instruir e decidir sobre os processos de amparo.", "3.º//m", kDgprm, nullptr}}},
    // "(Epígrafe) LEGISLAÇÃO CONSOLIDADA", "1." números, "Compete ao Presidente da República".
    {"constitution.md",
     {{"Portugal é uma República soberana", "1.º//", "",
       "Princípios fundamentais > Artigo 1.º República Portuguesa"},
      {"A soberania, una e indivisível", "3.º/1/", "", "Artigo 3.º Soberania e legalidade"},
      {"A vida humana é inviolável.", "24.º/1/", "",
       "Parte I Direitos e deveres fundamentais > Título II Direitos, liberdades e garantias > "
       "Capítulo I Direitos, liberdades e garantias pessoais > Artigo 24.º Direito à vida"},
      {"relativamente a outros órgãos:", "133.º//", kPr,
       "Título II Presidente da República > Capítulo II Competência"},
      {"Presidir ao Conselho de Estado;", "133.º//a", kPr, nullptr},
      {"Marcar, de harmonia com a lei eleitoral", "133.º//b", kPr, nullptr},
      {"o Chefe do Estado-Maior-General das Forças Armadas, o Vice-Chefe", "133.º//p", kPr,
       nullptr}}},
    // Recitals, "1)" definitions with a) b) under one, OJ page heads inside a list, a footnote.
    {"eu-oj.md",
     {{"O artigo 8.º, n.º 1, da Carta dos Direitos Fundamentais", "//", "", "Preâmbulo"},
      {"«Dados pessoais», informação relativa", "4.º//1", "", "Artigo 4.º Definições"},
      {"Contudo, as autoridades públicas que possam receber", "4.º//9", "", nullptr},
      {"«Estabelecimento principal»:", "4.º//16", "", nullptr},
      {"No que se refere a um subcontratante com estabelecimentos", "4.º//b", "", nullptr},
      {"deixaram de ser necessários para a finalidade", "17.º/1/a", "",
       "Artigo 17.º Direito ao apagamento dos dados («direito a ser esquecido»)"},
      {"do artigo 6.º, n.º 1, alínea a), ou do artigo 9.º, n.º 2", "17.º/1/b", "", nullptr},
      {"estabelecimentos em vários Estados-Membros ou nos casos", "62.º/2/", "", nullptr},
      {"JO C 229 de 31.7.2012, p. 90.", "//", "", "Notas"}}},
    // Points, headings "I." "A." "i.", items "a.", a marker alone on its line, a footnote.
    {"guideline.md",
     {{"Os ataques a sistemas de informação", "/1/", "", nullptr},
      {"Uma violação de dados pessoais é «uma violação", "/6/", "",
       "I. Sobre notificação de violação de dados"},
      {"Criar uma política de gestão de ciclo de vida", "//f", "", "A. Organizativas"},
      {"considerando em particular: os princípios de proteção", "//h", "", nullptr},
      {"Realizar auditorias de segurança de TI", "//i", "", nullptr},
      {"Utilizar credenciais fortes", "//a", "", "B. Técnicas > i. Autenticação"},
      {"Robustecer a segurança dos postos de trabalho", "//d", "",
       "B. Técnicas > ii. Infraestrutura e sistemas"},
      {"bloquear os redireccionamentos suspeitos", "//d/ii", "", nullptr},
      {"Phishing é um tipo de ataque", "//", "", "Notas"}}},
    // The unit of the alíneas: see PortariaAlineasNameTheCentroInFull.
    {"portaria-dr.md",
     {{"abreviadamente designado por CNP", "3.º/1/", "Centro Nacional de Pensões",
       "Artigo 3.º Centro Nacional de Pensões"},
      {"Compete ao CNP:", "3.º/2/", nullptr, nullptr},
      {"relativas às eventualidades de invalidez", "3.º/2/c", nullptr, nullptr},
      {"Processar e pagar pensões", "3.º/2/d", nullptr, nullptr},
      {"coadjuvado por um diretor-adjunto", "3.º/3/", "Centro Nacional de Pensões", nullptr}}},
    // Article 1 after a sumário without its final stop; the organ of an epígrafe and of "São
    // competências da direção:" is one unit; an article 12.º-B; alíneas across a page header.
    {"dr-2018-written.md",
     {{"A presente lei estabelece o regime jurídico", "1.º//", "",
       "Capítulo I Disposições gerais > Artigo 1.º Objeto"},
      {"A direção é o órgão executivo", "12.º-B/1/", "Direção", nullptr},
      {"São competências da direção:", "12.º-B/2/", "Direção", nullptr},
      {"Gerir o património da associação.", "12.º-B/2/c", "Direção",
       "Secção I Direção > Artigo 12.º-B Direção"},
      {"Fiscalizar a gestão financeira", "13.º//b", "conselho fiscal", nullptr},
      {"concedido mediante a apresentação", "14.º/2/", "", nullptr}}},
    // DRE's inline números and alíneas; the AMA named with its legal form.
    {"dre-written.md",
     {{"Aplica-se ainda, com as necessárias adaptações", "2.º/2/", "", nullptr},
      {"Pessoas idosas;", "5.º-A/1/b", "", "Artigo 5.º-A Atendimento prioritário"},
      {"entende-se por «pessoa idosa»", "5.º-A/2/", "", nullptr},
      {"Gerir o livro amarelo eletrónico;", "7.º/1/a", "Agência para a Modernização", nullptr},
      {"compete ainda divulgar as boas práticas", "7.º/2/", "Agência para a Modernização",
       nullptr}}},
    // Números without articles; a delegation's alíneas carry the delegate.
    {"despacho-written.md",
     {{"delego no diretor-geral do Orçamento", "/1/", "diretor-geral do Orçamento", nullptr},
      {"Aprovar as alterações orçamentais", "/1/b", "diretor-geral do Orçamento", nullptr},
      {"devendo o delegado informar mensalmente", "/2/", "", nullptr},
      {"O Secretário de Estado do Orçamento, João Nuno Mendes.", "//", "", "Assinatura"}}},
    // A resolution's números; the organ it creates "…, à qual compete:" owns the alíneas.
    {"rcm-written.md",
     {{"Aprovar a Estratégia Nacional de Combate", "/1/", "", nullptr},
      {"à qual compete:", "/3/", "Comissão de Acompanhamento da Estratégia", nullptr},
      {"Elaborar o relatório anual de monitorização.", "/3/b",
       "Comissão de Acompanhamento da Estratégia", nullptr},
      {"produz efeitos no dia seguinte", "/4/", "", nullptr},
      {"A Estratégia assenta em seis eixos", "/1/", "", nullptr}}},
    // The articles an amending article quotes are the amended diploma's, under the amending one;
    // the article after the quotation is the decree's own again.
    {"amending-written.md",
     {{"passam a ter a seguinte", "2.º//", "",
       "Artigo 2.º Alteração ao Decreto-Lei n.º 220/2006, de 3 de novembro"},
      {"O prazo de garantia para atribuição", "22.º/1/", "",
       "Artigo 2.º Alteração ao Decreto-Lei n.º 220/2006, de 3 de novembro > Artigo 22.º"},
      {"Pagar a prestação.»", "28.º/2/b", "Instituto da Segurança Social",
       "Artigo 2.º Alteração ao Decreto-Lei n.º 220/2006, de 3 de novembro > Artigo 28.º Montante "
       "do subsídio"},
      {"entra em vigor no dia seguinte", "3.º//", "", "Artigo 3.º Entrada em vigor"}}},
};

TEST(DiplomaFixtureTest, RecordsHaveTheirArticleNumberLetterUnitAndSection) {
  ASSERT_EQ(kExpect.size(), kFixtures.size());
  for (const auto& [file, rows] : kExpect) {
    for (const Expect& e : rows) {
      SCOPED_TRACE(file + ": " + e.phrase);
      const Paragraph& p = Only(Read(file), e.phrase);
      EXPECT_EQ(
          p.article + "/" + p.number + "/" + p.letter + (p.subitem.empty() ? "" : "/" + p.subitem),
          e.where);
      if (e.unit != nullptr) {
        std::string unit = analysis::Fold(p.unit);
        EXPECT_TRUE(*e.unit ? Contains(unit, analysis::Fold(e.unit)) : unit.empty()) << p.unit;
      }
      if (e.section != nullptr) {
        EXPECT_TRUE(Contains(p.section, e.section)) << p.section;
      }
    }
  }
}

// The searcher reads a número with its article (schema::ArticleScope): the paragraphs of one
// article, and only they, share a scope; paragraphs outside articles have none.
TEST(DiplomaFixtureTest, IdsNameTheArticleTheirParagraphIsIn) {
  for (const auto& file : kFixtures) {
    SCOPED_TRACE(file);
    std::map<std::string, std::string, std::less<>> section_of;  // scope -> its article's path
    std::set<std::string> sections;
    for (const auto& p : Read(file).paragraphs) {
      std::string_view scope = schema::ArticleScope(p.id);
      EXPECT_EQ(scope.empty(), p.article.empty()) << p.id;
      if (scope.empty()) continue;
      auto [it, fresh] = section_of.emplace(std::string(scope), p.section);
      EXPECT_EQ(it->second, p.section) << p.id;  // one scope, one article
      if (fresh) {
        EXPECT_TRUE(sections.insert(p.section).second) << p.id;  // one article, one scope
      }
    }
  }
  // The other id shapes.
  EXPECT_EQ(schema::ArticleScope("/akn/br/act/lei/1999-01-29/9784#art_13__para_caput__point_3"),
            "/akn/br/act/lei/1999-01-29/9784#art_13");
  EXPECT_EQ(schema::ArticleScope("/akn/br/act/lei/1999-01-29/9784#art_13"),
            "/akn/br/act/lei/1999-01-29/9784#art_13");
  EXPECT_EQ(schema::ArticleScope("diploma:x#art2/art22/n1"), "diploma:x#art2/art22");
  EXPECT_EQ(schema::ArticleScope("diploma:x#anexo/art19-a/n5/a"), "diploma:x#anexo/art19-a");
  EXPECT_EQ(schema::ArticleScope("diploma:x#preambulo/p4"), "");
  EXPECT_EQ(schema::ArticleScope("page:iss-servicos#artes-e-oficios/d"), "");
  EXPECT_EQ(schema::ArticleScope("art3/n1"), "");  // no '#': not a structural id
}

TEST(DiplomaFixtureTest, ListItemsCarryTheirIntroAsContext) {
  // A subalínea hangs from its número and its alínea; an alínea from its intro.
  EXPECT_TRUE(Contains(Only(Read("dr-2021.md"), "A ocorrência de incidentes,").context,
                       "devendo ter em consideração: b) As situações extraordinárias"));
  EXPECT_EQ(Only(Read("dre-consolidated-dgprm.md"), "recenseamento militar;").context,
            "À DGPRM compete:");
  EXPECT_EQ(Only(Read("constitution.md"), "Marcar, de harmonia").context,
            "Compete ao Presidente da República, relativamente a outros órgãos:");
}

TEST(DiplomaFixtureTest, TextIsMendedShortAndHasNoIndice) {
  // What the page, the PDF extraction or the consolidation put into the text.
  const std::regex kLeftovers(
      R"(Pág\. \d|Diário da República, 1\.ª série|LEGISLAÇÃO CONSOLIDADA|\*\*ALTERADO|)"
      R"(Alterado pelo/a|Aditado pelo/a|\(\^|\^|Jornal Oficial da União Europeia [LC] \d|)"
      R"(\d\.o\b|\bn\.o\b|[a-zç] -[a-zç]|- -|^[a-z]{1,4}\) |^\d+ — |^\d+v?\.?$)");
  for (const char* bad : {"Pág. 9", "o decreto -lei", "artigo 17.o", "(^1 )", "Estados- -Membros",
                          "a) Texto", "1 — Texto", "1v."}) {
    EXPECT_TRUE(std::regex_search(std::string(bad), kLeftovers)) << bad;  // the check checks
  }
  for (const std::string& file : kFixtures) {
    SCOPED_TRACE(file);
    for (const auto& p : Read(file).paragraphs) {
      EXPECT_FALSE(p.text.empty()) << p.id;
      EXPECT_FALSE(std::regex_search(p.text, kLeftovers)) << p.text;
      EXPECT_FALSE(std::regex_search(p.section, kLeftovers)) << p.section;
      EXPECT_EQ(p.text.find('\n'), std::string::npos) << p.text;
      EXPECT_EQ(p.text.find('*'), std::string::npos) << p.text;
      // See DrePreambleOnOneLineIsSplit for the one record over 2000 bytes.
      if (file != "dre-consolidated-dgprm.md" || p.section != "Preâmbulo") {
        EXPECT_LE(p.text.size(), 2000u) << p.text.substr(0, 200);
      }
    }
  }
  // Entries of the DRE Índice name articles that the excerpts do not hold.
  for (auto [file, entry] : {std::pair{"dre-consolidated.md", "Legitimidade da CNPD"},
                             {"constitution.md", "Garantias de processo criminal"}}) {
    for (const auto& p : Read(file).paragraphs) EXPECT_FALSE(Contains(p.text, entry)) << p.id;
  }
  // Words broken at line ends and the DR's "Estado -Maior-" "-General" are mended.
  EXPECT_TRUE(Contains(Only(Read("dr-2018.md"), "Estado-Maior-General").text,
                       "diretamente relacionados com o comando"));
  EXPECT_TRUE(Contains(Only(Read("dr-2018.md"), "Intervir na reação").text, "incidentes;"));
  // A número that refers back ("Para efeitos do número anterior, …") has that número, its list
  // included, as its context; one that does not has none.
  const Paragraph& back = Only(Read("dr-2018.md"), "considera-se que um prestador");
  EXPECT_TRUE(Contains(back.context, "aplica-se aos prestadores de serviços digitais"))
      << back.context;
  EXPECT_EQ(Only(Read("dr-2018.md"), "Caso uma entidade se enquadre").context, "");
  // "Estados- -Membros" and OCR ordinals in the EU text.
  EXPECT_FALSE(Contains(Only(Read("eu-oj.md"), "Estados-Membros ou nos casos").text, "Estados- "));
  EXPECT_EQ(Only(Read("eu-oj.md"), "deixaram de ser necessários").section,
            "Artigo 17.º Direito ao apagamento dos dados («direito a ser esquecido»)");
}

// ---------------------------------------------------------------------------------------------
// No body word is lost (fixtures::BodyWords says which words are body text).

TEST(DiplomaFixtureTest, BodyWordRuleDropsFurnitureAndJoinsBrokenWords) {
  EXPECT_EQ(BodyWords("N.º 147 \nPág. 8\nDiário da República, 1.ª série\ndefine as obriga-\n"
                      "ções do decreto-\n-lei\n114443494 \n# Índice\n\nArtigo 9.º Fim\n"),
            (std::set<std::string>{"define",
                                   "obriga\x01"
                                   "coes",
                                   "decreto", "lei"}));
}

TEST(DiplomaFixtureTest, NoBodyWordIsLost) {
  for (const std::string& file : kFixtures) {
    SCOPED_TRACE(file);
    ASSERT_GT(BodyWords(ReadFileToString(Fixture(file))).size(), 100u);
    EXPECT_EQ(MissingBodyWords(file), "");
  }
  // The short fixtures of one quirk each (diploma_*_regression_test.cc).
  for (const char* file : {"dr-2019-cut-written.md",       "dated-title-written.md",
                           "eu-consolidated-written.md",   "dr-2022-split-written.md",
                           "eu-html-written.md",           "mirror-written.md",
                           "old-style-written.md",         "dr-supplement-written.md",
                           "eu-oj-pdf-written.md",         "despacho-inline-written.md",
                           "rcm-comissao-written.md",      "old-decree-written.md",
                           "mirror-flattened-written.md",  "pgdlisboa-article-written.md",
                           "despacho-subject-written.md",  "tretas-despacho-written.md",
                           "despacho-numbered-written.md", "untitled-excerpt-written.md",
                           "html-list-written.md",         "pasted-line-written.md",
                           "dr-2018-pages-written.md",     "long-epigrafe-written.md",
                           "old-spelling-written.md",      "flattened-annex-written.md",
                           "eu-annex-written.md",          "markdown-repository-written.md",
                           "two-acts-written.md",          "dr-2013-supplement-written.md",
                           "dr-tail-written.md",           "lowercase-name-written.md",
                           "council-draft-written.md",     "eu-markdown-written.md",
                           "dre-exerce-written.md",        "regulator-clauses-written.md",
                           "dr-2024-written.md",           "comma-epigraph-written.md",
                           "long-definitions-written.md",  "generic-epigraphs-written.md",
                           "markdown-links-written.md",    "eurlex-page-written.md",
                           "web-copy-written.md",          "eu-decision-written.md",
                           "dre-api-written.md",           "dr-2024-pages-written.md",
                           "markdown-regional-written.md", "run-on-title-written.md",
                           "ordinal-points-written.md",    "lei-de-bases-written.md"}) {
    SCOPED_TRACE(file);
    EXPECT_EQ(MissingBodyWords(file), "");
  }
}

}  // namespace
}  // namespace portaria::indexer
