// The variety of Portuguese a question's grammar shows, and the one a document key names.
#include "analysis/variety.h"

#include <gtest/gtest.h>

#include <vector>

namespace portaria::analysis {
namespace {

constexpr Variety kEu = Variety::kEuropean, kBr = Variety::kBrazilian, kNone = Variety::kUnknown;

TEST(QuestionVarietyTest, GrammarShowsTheVariety) {
  struct Case {
    const char* question;
    Variety variety;
    const char* why;
  } cases[] = {
      {"o meu patrão pode usar a impressão digital?", kEu, "article + possessive"},
      {"a CNPD pode multar a minha empresa?", kEu, "article + possessive, later"},
      {"nos meus dados ninguém mexe", kEu, "contraction + possessive"},
      {"meu voo atrasou, a companhia tem de me pagar?", kBr, "possessive opens the clause"},
      {"o técnico demorou um mês, meu celular continua parado", kBr, "possessive after a comma"},
      {"A polícia pode entrar em minha casa?", kNone, "possessive after a preposition: either"},
      {"Estou a fazer a recruta e quero sair", kEu, "estar a + infinitive"},
      {"estou fazendo um curso e quero sair", kBr, "estar + gerund"},
      {"com que idade posso inscrever-me sozinho?", kEu, "pronoun joined to its verb"},
      {"comprei um produto e me arrependi, posso devolver?", kNone,
       "a pronoun after 'e' opens no clause"},
      {"Me arrependi da compra, posso devolver?", kBr, "pronoun opens the clause"},
      {"eu me arrependi da compra", kBr, "pronoun after the subject"},
      {"se contratar uma empresa deixo de ser responsável?", kNone, "'se' is also 'if'"},
      {"os Estados-Membros podem legislar?", kNone, "a hyphenated noun"},
      {"posso votar em Portugal?", kEu, "the country named"},
      {"crime cometido fora do Brasil", kBr, "the country named"},
      {"quem paga pensões?", kNone, "nothing shows"},
      {"o meu voo atrasou no Brasil", kNone, "both: unknown"},
  };
  Analyzer analyzer;
  std::vector<Token> tokens;
  for (const auto& c : cases) {
    analyzer.Analyze(c.question, &tokens);
    EXPECT_EQ(static_cast<int>(QuestionVariety(c.question, tokens)), static_cast<int>(c.variety))
        << c.question << " (" << c.why << ")";
  }
}

TEST(DocumentVarietyTest, TheKeyNamesTheCountryOrTheReader) {
  EXPECT_EQ(DocumentVariety("/akn/br/act/lei/2018-08-14/13709"), kBr);
  EXPECT_EQ(DocumentVariety("/akn/pt/act/lei/2019-08-08/58"), kEu);
  EXPECT_EQ(DocumentVariety("/akn/ao/act/lei/2019-01-01/1"), kNone);
  EXPECT_EQ(DocumentVariety("diploma:lei-58-2019"), kEu);
  EXPECT_EQ(DocumentVariety("page:iss-servicos"), kEu);
  EXPECT_EQ(DocumentVariety("export-42"), kNone);
  EXPECT_EQ(DocumentVariety(""), kNone);
}

}  // namespace
}  // namespace portaria::analysis
