// The stages of the diploma reader (indexer/diploma.h) one by one: telling a diploma from a page,
// mending a line, the organ of a list or of an epígrafe, abbreviations, cleaning broken words.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/text.h"
#include "gtest/gtest.h"
#include "indexer/diploma.h"
#include "tests/diploma_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using fixtures::Fixture;
using fixtures::kCsc;
using fixtures::kFixtures;
using fixtures::kPr;
using ::portaria::testing::ReadFileToString;
using ::portaria::testing::SourceDir;

TEST(LooksLikeDiplomaTest, FixturesAreDiplomasAndPagesAreNot) {
  for (const std::string& file : kFixtures) {
    EXPECT_TRUE(diploma::LooksLikeDiploma(ReadFileToString(Fixture(file)))) << file;
  }
  // The pages the page reader reads: the seed corpus and the odd pages of tests/data.
  std::vector<std::filesystem::path> pages;
  for (const auto& dir :
       {SourceDir() / "corpus", SourceDir() / "tests/data/odd", SourceDir() / "tests/data/bad"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".md") pages.push_back(entry.path());
    }
  }
  ASSERT_GE(pages.size(), 3u);
  for (const auto& page : pages) {
    EXPECT_FALSE(diploma::LooksLikeDiploma(ReadFileToString(page))) << page;
  }
  // Pages that cite one article, or number a list under a heading, are still pages.
  for (const char* page :
       {"## Centro Nacional de Pensões\n\n- a) Pagar pensões;\n- b) Reconhecer direitos.\n\n"
        "_Fonte: Portaria n.º 1/2000._\n",
        "# Guia\n\nNos termos do artigo 5.º da Lei n.º 4/2007.\n\nArtigo 5.º citado.\n",
        "# Passos\n\n1. Entrar.\n2. Pedir.\n3. Pagar.\n4. Esperar.\n5. Receber.\n6. Sair.\n"}) {
    EXPECT_FALSE(diploma::LooksLikeDiploma(page)) << page;
  }
}

TEST(MendLineTest, FixesWhatExtractionBroke) {
  const std::pair<const char*, const char*> cases[] = {
      {"Artigo 17.o", "Artigo 17.º"},
      {"do artigo 6.o, n.o^ 1, alínea a)", "do artigo 6.º, n.º 1, alínea a)"},
      {"Artigo 13. o Liberdade", "Artigo 13.º Liberdade"},
      {"N.o 3", "N.º 3"},
      {"o presente decreto -lei aplica -se", "o presente decreto-lei aplica-se"},
      {"Estado -Maior -General", "Estado-Maior-General"},
      {"dos Estados- -Membros têm", "dos Estados-Membros têm"},
      {"Europeu (^1 ), e", "Europeu, e"},
      {"de 21 de maio de 2013 , relativo", "de 21 de maio de 2013, relativo"},
      {"Regulamento (UE) n. o  526/2013", "Regulamento (UE) n.º 526/2013"},
      {"o mercado interno ( 1 ). A", "o mercado interno. A"},  // an OJ PDF's call, as copied
      {"o artigo 26. o, n. os 1 e 2", "o artigo 26.º, n.os 1 e 2"},
      {"nos termos do n.º 3 ( a ) do", "nos termos do n.º 3 ( a ) do"},  // not a call
      {"pena de morte. **Alterações** Alterado pelo/a Artigo 20.º", "pena de morte. "},
      {"(Direito à vida) LEGISLAÇÃO CONSOLIDADA", "(Direito à vida) "},
      {"e) Pronunciar-se; **LEGISLAÇÃO CONSOLIDADA** ", "e) Pronunciar-se;  "},
      // What must stay: plurals, words ending in "o", real dashes and ranges.
      {"os n.os 1 e 2", "os n.os 1 e 2"},
      {"o acordo. o texto", "o acordo. o texto"},
      {"entre 10 -15 dias", "entre 10 -15 dias"},
      // The DR's space before a hyphen after a number: a diploma's number, a span of years.
      {"a Lei n.º 7 -A/2016, de 30 de março", "a Lei n.º 7-A/2016, de 30 de março"},
      {"no período 2021 -2030", "no período 2021-2030"},
      {"1 -A/2016 no início", "1 -A/2016 no início"},
      // ... and between an acronym and its number, not after a word.
      {"a doença COVID -19 e", "a doença COVID-19 e"},
      {"o algoritmo SHA -256.", "o algoritmo SHA-256."},
      {"a temperatura de -5 ºC", "a temperatura de -5 ºC"},
      {"o artigo A -5", "o artigo A -5"},
      {"SPMS — Serviços Partilhados", "SPMS — Serviços Partilhados"},
      {"bem-estar e pós-guerra", "bem-estar e pós-guerra"},
  };
  for (auto [in, out] : cases) EXPECT_EQ(diploma::MendLine(in), out) << in;
  // Dot leaders of an annex table leave one space.
  EXPECT_EQ(analysis::NormalizeSpace(diploma::MendLine("Bancário. . . . . . . . Instituições")),
            "Bancário Instituições");
}

TEST(CompetenceOrganTest, NamesTheOrganThatIntroducesAList) {
  const std::pair<const char*, const char*> cases[] = {
      {"Compete ao Conselho Superior de Segurança do Ciberespaço:", kCsc},
      {"Compete, ainda, ao Conselho Diretivo:", "Conselho Diretivo"},
      {"Ao Conselho Diretivo compete:", "Conselho Diretivo"},
      {"À DGPRM compete:", "DGPRM"},
      {"Compete designadamente ao secretário:", "secretário"},
      {"Compete, designadamente, ao fiscal único:", "fiscal único"},
      {"São competências do Centro Nacional de Pensões:", "Centro Nacional de Pensões"},
      {"Constituem competências da ANCC:", "ANCC"},
      {"O «CERT.PT» possui as seguintes competências:", "CERT.PT"},
      {"Compete ao Presidente da República, relativamente a outros órgãos:", kPr},
      {"Compete à Unidade de Direitos e Sanções assegurar o apoio, designadamente:",
       "Unidade de Direitos e Sanções"},
      // A delegation (a despacho): the delegate, after "Ao abrigo de …".
      {"Ao abrigo do disposto no artigo 44.º do Código do Procedimento Administrativo, delego no "
       "diretor-geral do Orçamento, com faculdade de subdelegação, as competências para:",
       "diretor-geral do Orçamento"},
      {"Subdelego na Diretora de Serviços de Gestão Financeira a competência para:",
       "Diretora de Serviços de Gestão Financeira"},
      // An organ a text creates, named before a relative clause; the name runs back to its
      // article, not to the verb that opens the sentence.
      {"Criar a Comissão de Acompanhamento da Estratégia, à qual compete:",
       "Comissão de Acompanhamento da Estratégia"},
      {"É instituído o Conselho Consultivo, ao qual cabe, designadamente:", "Conselho Consultivo"},
      {"São criadas as Equipas de Intervenção Local, às quais incumbe:",
       "Equipas de Intervenção Local"},
      // A despacho's delegations, however the verb is put.
      {"Delego, também, no Secretário de Estado do Mar, com faculdade de subdelegação:",
       "Secretário de Estado do Mar"},
      {"São, ainda, delegadas na Diretora Regional das Pescas as competências relativas a:",
       "Diretora Regional das Pescas"},
      {"Subdelegar no Chefe de Divisão de Licenciamento as competências para:",
       "Chefe de Divisão de Licenciamento"},
      // The same post in several places, all of them: not the first place alone.
      {"Delego nos directores regionais do Porto, Coimbra, Lisboa, Évora e Faro a competência "
       "para:",
       "directores regionais do Porto, Coimbra, Lisboa, Évora e Faro"},
      // A name with commas, whose last part has several words.
      {"Ao Departamento de Informação, Comunicação e Relações Internacionais, abreviadamente "
       "designado por DICRI, compete:",
       "Departamento de Informação, Comunicação e Relações Internacionais"},
      {"Compete ao diretor regional do Porto, nos termos da lei, autorizar as despesas:",
       "diretor regional do Porto"},
      {"Subdelegar no Licenciado Frederico Exemplo Gomes, diretor, as competências para:",
       "Frederico Exemplo Gomes"},
      // The name, then the post it holds: the post is the organ (a bare "diretor" is not).
      {"delego e subdelego na licenciada Cristina Exemplo West, subdirectora-geral, a "
       "competência para a prática dos seguintes actos:",
       "subdirectora-geral"},
      {"Subdelegar no Licenciado Rui Exemplo Gomes, Diretor, em regime de substituição, do "
       "Departamento Patrimonial do Instituto dos Faróis, I. P., os poderes para:",
       "Diretor do Departamento Patrimonial do Instituto dos Faróis"},
      {"delego, ao abrigo do artigo 35.º do Código, no engenheiro silvicultor Victor Exemplo Sá, "
       "director de serviços de Valorização Florestal, a competência para:",
       "director de serviços de Valorização Florestal"},
      {"subdelego, com faculdade de subdelegação, na Licenciada Alda Exemplo Azevedo, Diretora do "
       "Departamento de Apoio aos Registos (DAR):",
       "Diretora do Departamento de Apoio aos Registos"},
      // "Ao X compete" after a proviso; the list's own name for it.
      {"Sem prejuízo das competências próprias, ao presidente do conselho diretivo compete:",
       "presidente do conselho diretivo"},
      {"As competências da Divisão de Lanternas são as seguintes:", "Divisão de Lanternas"},
      // A short phrase of scope with no comma, the verb last.
      {"Para a prossecução das suas atribuições à DSF compete:", "DSF"},
      // An organ named by what it does, up to the colon that opens its list; a lower-case
      // phrase that runs on past it (or has none) is not a name.
      {"Compete à entidade que licencia ou autoriza o projeto:",
       "entidade que licencia ou autoriza o projeto"},
      {"Para efeitos do presente decreto-lei, cabe à entidade de controlo de mercado competente "
       "ou à entidade reguladora do setor:",
       "entidade de controlo de mercado competente ou à entidade reguladora do setor"},
      {"Compete à entidade que licencia ou autoriza o projeto nos termos da lei aplicável e dos "
       "regulamentos que a desenvolvem:",
       ""},
      {"As atribuições do Instituto constam do artigo 3.º", ""},  // no list: no organ
      // One test of the verb for every form: "Incumbe," with its comma; not "competente".
      {"Incumbe, designadamente, ao Estado para protecção da família:", "Estado"},
      {"À autoridade de controlo competente, todas as informações:", ""},
      // The organ as the subject of what it has or does: "funções" and "poderes" too.
      {"O conselho de administração exerce as seguintes funções:", "conselho de administração"},
      {"A Agência desempenha as seguintes atribuições:", "Agência"},
      // No organ: a scope, a pronoun, a list of something else.
      {"A Comissão pode adotar atos delegados nos termos do artigo 92.º, a fim de:", ""},
      {"O diretor pode subdelegar no seu adjunto as competências seguintes:", ""},
      {"A presente lei aplica-se:", ""},
      {"Compete-lhe ainda:", ""},
      {"Compete-lhe, designadamente:", ""},
      {"Para efeitos do presente regulamento, entende-se por:", ""},
      {"O titular tem o direito de obter o apagamento dos seus dados, quando:", ""},
      {"No recrutamento militar intervêm:", ""},
      {"Define os prazos, aos quais compete atender:", ""},  // no capitalised name before it
      {"", ""},
  };
  for (auto [sentence, organ] : cases) EXPECT_EQ(diploma::CompetenceOrgan(sentence), organ);
}

TEST(EpigraphOrganTest, NamesTheOrganOfAnArticle) {
  const std::pair<const char*, const char*> cases[] = {
      {"Competências da DGPRM", "DGPRM"},
      {"Competências do «CERT.PT»", "CERT.PT"},
      {"Competências do Conselho Superior de Segurança do Ciberespaço", kCsc},
      {"Fiscal único", "Fiscal único"},
      {"Conservatória dos Registos Centrais", "Conservatória dos Registos Centrais"},
      {"Centro Nacional de Pensões", "Centro Nacional de Pensões"},
      {"Objeto", ""},
      {"Âmbito de aplicação", ""},
      {"Competências gerais", ""},
      {"Competência quanto a outros órgãos", ""},
      {"Direito à vida", ""},
      {"Princípios e regras gerais", ""},
      {"Entrada em vigor", ""},
      {"", ""},
  };
  for (auto [epigraph, organ] : cases) EXPECT_EQ(diploma::EpigraphOrgan(epigraph), organ);
}

TEST(FindAbbreviationsTest, ParenthesesAndDesignatedBy) {
  using Map = std::map<std::string, std::string>;
  EXPECT_EQ(diploma::FindAbbreviations(
                "é comunicada pelo Centro Nacional de Cibersegurança (CNCS) aos operadores."),
            (Map{{"CNCS", "Centro Nacional de Cibersegurança"}}));
  EXPECT_EQ(diploma::FindAbbreviations("integra o Centro Nacional de Pensões, abreviadamente "
                                       "designado por CNP, que é o serviço"),
            (Map{{"CNP", "Centro Nacional de Pensões"}}));
  EXPECT_EQ(diploma::FindAbbreviations(
                "Assim, a Comissão Nacional de Proteção de Dados (doravante CNPD), enquanto"),
            (Map{{"CNPD", "Comissão Nacional de Proteção de Dados"}}));
  // A public body's legal form (", I. P.", ", E. P. E.") after its name and its abbreviation
  // stays with the name; a capitalised verb before the name is not part of it.
  EXPECT_EQ(diploma::FindAbbreviations("Compete à Agência para a Modernização Administrativa, "
                                       "I. P. (AMA, I. P.):"),
            (Map{{"AMA", "Agência para a Modernização Administrativa, I. P."}}));
  EXPECT_EQ(diploma::FindAbbreviations("O Instituto da Segurança Social, I. P., abreviadamente "
                                       "designado por ISS, I. P., gere"),
            (Map{{"ISS", "Instituto da Segurança Social, I. P."}}));
  EXPECT_EQ(diploma::FindAbbreviations("pelo Hospital de Santa Maria, E. P. E. (HSM, E. P. E.)"),
            (Map{{"HSM", "Hospital de Santa Maria, E. P. E."}}));
  // A name read back past its epígrafe's line: the end of it that spells the acronym.
  EXPECT_EQ(diploma::FindAbbreviations("Artigo 5.º — Departamento de Recursos Hídricos\nCompete ao "
                                       "Departamento de Recursos Hídricos, abreviadamente "
                                       "designado por DRH, no domínio:"),
            (Map{{"DRH", "Departamento de Recursos Hídricos"}}));
  // After the preposition that opens the sentence, a name with commas whose initials spell it.
  EXPECT_EQ(diploma::FindAbbreviations("1 - À Divisão de Apoio Técnico, Jurídico e "
                                       "Administrativo, doravante designada por DATJA, compete:"),
            (Map{{"DATJA", "Divisão de Apoio Técnico, Jurídico e Administrativo"}}));
  // Not abbreviations: "(UE)" after one word, lower case, a revoked número, an alínea.
  EXPECT_EQ(diploma::FindAbbreviations("o Regulamento (UE) 2016/679, (Revogado.) e a alínea c) do "
                                       "n.º 1 (em vigor)"),
            Map{});
}

TEST(CleanTest, TheDictionaryDecidesHowABrokenWordIsMended) {
  auto dictionary = [](std::set<std::string> words) {
    return diploma::WordCheck(
        [words = std::move(words)](const std::string& w) { return words.count(w) > 0; });
  };
  auto first_line = [](std::string_view text, const diploma::WordCheck& known) {
    diploma::CleanText clean = diploma::Clean(text, known);
    return clean.lines.empty() ? std::string() : clean.lines[0].text;
  };
  diploma::WordCheck known =
      dictionary({"obrigações", "estados", "membros", "decreto", "lei", "contra", "ordenação"});
  EXPECT_EQ(first_line("define as obriga-\nções em matéria\n", known),
            "define as obrigações em matéria");
  EXPECT_EQ(first_line("território dos Estados-\nMembros\n", known),
            "território dos Estados-Membros");
  EXPECT_EQ(first_line("o presente decreto-\n-lei procede\n", known),
            "o presente decreto-lei procede");
  // The same break, two dictionaries: "contra-ordenação" (two known words) or one word.
  EXPECT_EQ(first_line("a contra-\nordenação grave\n", known), "a contra-ordenação grave");
  EXPECT_EQ(first_line("a contra-\nordenação grave\n", dictionary({"contraordenação"})),
            "a contraordenação grave");
  // Without a dictionary a break before a lower-case letter is a syllable break.
  EXPECT_EQ(first_line("a contra-\nordenação grave\n", nullptr), "a contraordenação grave");
  EXPECT_EQ(first_line("dos Estados-\nMembros\n", nullptr), "dos Estados-Membros");
}

}  // namespace
}  // namespace portaria::indexer
