// Legal citations (analysis/citation.h) and the thesaurus loader (analysis/thesaurus.h).
#include "analysis/citation.h"

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/thesaurus.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace portaria::analysis {
namespace {

using Kind = Citation::Kind;

std::vector<Citation> Find(const std::string& text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  return FindCitations(text, tokens);
}

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kDiploma:
      return "diploma";
    case Kind::kArticle:
      return "article";
    case Kind::kLetter:
      return "letter";
    case Kind::kNumber:
      return "number";
  }
  return "?";
}

std::string Describe(const std::vector<Citation>& cs) {
  std::string out;
  for (const auto& c : cs) {
    out += std::string("{") + KindName(c.kind) + " type=" + c.type + " number=" + c.number +
           " year=" + c.year + " value=" + c.value + " tokens=" + std::to_string(c.first_token) +
           ".." + std::to_string(c.last_token) + "} ";
  }
  return out.empty() ? "(none)" : out;
}

// ---------------------------------------------------------------------------------------------
// Diplomas.

struct DiplomaCase {
  const char* text;
  const char* type;
  const char* number;
  const char* year;
  std::size_t first, last;  // token span
  const char* key_with_year;
  const char* key_without_year;
};

const DiplomaCase kDiplomas[] = {
    {"Portaria n.º 135/2012", "portaria", "135", "2012", 0, 3, "portaria:135/2012", "portaria:135"},
    {"Portaria 102/2017", "portaria", "102", "2017", 0, 2, "portaria:102/2017", "portaria:102"},
    {"DL 83/2012", "decreto-lei", "83", "2012", 0, 2, "decreto-lei:83/2012", "decreto-lei:83"},
    {"Decreto-Lei n.º 83/2012", "decreto-lei", "83", "2012", 0, 4, "decreto-lei:83/2012",
     "decreto-lei:83"},
    {"decreto-lei 83/2012", "decreto-lei", "83", "2012", 0, 3, "decreto-lei:83/2012",
     "decreto-lei:83"},
    {"Lei 9.784", "lei", "9784", "", 0, 1, "lei:9784", "lei:9784"},
    {"Lei n.º 9.784, de 29 de janeiro de 1999", "lei", "9784", "1999", 0, 8, "lei:9784/1999",
     "lei:9784"},
    {"Lei nº 8.213/91", "lei", "8213", "1991", 0, 3, "lei:8213/1991", "lei:8213"},
    {"Portaria 135/12", "portaria", "135", "2012", 0, 2, "portaria:135/2012", "portaria:135"},
    {"Lei Complementar n.º 123/2006", "lei-complementar", "123", "2006", 0, 4,
     "lei-complementar:123/2006", "lei-complementar:123"},
    {"LC 123", "lei-complementar", "123", "", 0, 1, "lei-complementar:123", "lei-complementar:123"},
    {"Decreto 3.048/99", "decreto", "3048", "1999", 0, 2, "decreto:3048/1999", "decreto:3048"},
    {"Resolução n.º 5/2020", "resolucao", "5", "2020", 0, 3, "resolucao:5/2020", "resolucao:5"},
    {"Medida Provisória 2.200/2001", "medida-provisoria", "2200", "2001", 0, 3,
     "medida-provisoria:2200/2001", "medida-provisoria:2200"},
    {"Despacho número 7/2019", "despacho", "7", "2019", 0, 3, "despacho:7/2019", "despacho:7"},
    {"Decreto-Lei n.º 4/2015, de 7 de janeiro", "decreto-lei", "4", "2015", 0, 4,
     "decreto-lei:4/2015", "decreto-lei:4"},
    {"Lei n.º 4/2007, de 16 de março de 2007", "lei", "4", "2007", 0, 3, "lei:4/2007", "lei:4"},
    {"Lei 5/123", "lei", "5", "", 0, 2, "lei:5", "lei:5"},  // a 3-digit year is not a year
};

TEST(CitationTest, DiplomaForms) {
  for (const DiplomaCase& c : kDiplomas) {
    SCOPED_TRACE(c.text);
    std::vector<Citation> found = Find(c.text);
    ASSERT_EQ(found.size(), 1u) << Describe(found);
    const Citation& d = found[0];
    EXPECT_EQ(d.kind, Kind::kDiploma) << Describe(found);
    EXPECT_EQ(d.type, c.type);
    EXPECT_EQ(d.number, c.number);
    EXPECT_EQ(d.year, c.year);
    EXPECT_EQ(d.first_token, c.first);
    EXPECT_EQ(d.last_token, c.last);
    EXPECT_EQ(DiplomaKey(d, true), c.key_with_year);
    EXPECT_EQ(DiplomaKey(d, false), c.key_without_year);
  }
}

TEST(CitationTest, DiplomaInsideASentence) {
  std::vector<Citation> found =
      Find("Nos termos da Portaria n.º 135/2012, de 8 de maio, compete ao CNP pagar pensões.");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(DiplomaKey(found[0], true), "portaria:135/2012");
  EXPECT_EQ(found[0].first_token, 3u);  // nos termos da [portaria] n 135 2012
  EXPECT_EQ(found[0].last_token, 6u);
}

// BUG (reported): without the hyphen, "Decreto Lei 83/2012" (a common way of typing it in a
// query) is read as "lei:83/2012": Diploma() gives up on "decreto" because "lei" is not a number,
// and the scan restarts on "lei". The citation must be the decreto-lei (or at least not a lei).
TEST(CitationTest, DecretoLeiWithoutHyphen) {
  std::vector<Citation> found = Find("Decreto Lei 83/2012");
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].kind, Kind::kDiploma);
  EXPECT_EQ(DiplomaKey(found[0], true), "decreto-lei:83/2012") << Describe(found);
}

// ---------------------------------------------------------------------------------------------
// Articles, letters and numbers.

struct PartCase {
  const char* text;
  Kind kind;
  const char* value;
  std::size_t first, last;
};

const PartCase kParts[] = {
    {"art. 12.º", Kind::kArticle, "12", 0, 1},  {"Art. 5º", Kind::kArticle, "5", 0, 1},
    {"artigo 5", Kind::kArticle, "5", 0, 1},    {"artigos 11.º", Kind::kArticle, "11", 0, 1},
    {"alínea d)", Kind::kLetter, "d", 0, 1},    {"al. d", Kind::kLetter, "d", 0, 1},
    {"ALÍNEA E)", Kind::kLetter, "e", 0, 1},  // "e" is a stopword but still a letter here
    {"n.º 2", Kind::kNumber, "2", 0, 1},        {"nº 3", Kind::kNumber, "3", 0, 1},
    {"número 4", Kind::kNumber, "4", 0, 1},     {"§ 1º", Kind::kNumber, "1", 0, 0},
    {"§2", Kind::kNumber, "2", 0, 0},           {"inciso II", Kind::kLetter, "ii", 0, 1},
    {"inciso xiv", Kind::kLetter, "xiv", 0, 1}, {"parágrafo único", Kind::kNumber, "unico", 0, 1},
    {"Parágrafo 3", Kind::kNumber, "3", 0, 1},  {"subalínea ii)", Kind::kLetter, "ii", 0, 1},
    {"base XII", Kind::kArticle, "xii", 0, 1},  {"Base 12", Kind::kArticle, "12", 0, 1},
};

TEST(CitationTest, ArticleLetterAndNumberForms) {
  for (const PartCase& c : kParts) {
    SCOPED_TRACE(c.text);
    std::vector<Citation> found = Find(c.text);
    ASSERT_EQ(found.size(), 1u) << Describe(found);
    EXPECT_EQ(found[0].kind, c.kind) << Describe(found);
    EXPECT_EQ(found[0].value, c.value);
    EXPECT_EQ(found[0].first_token, c.first);
    EXPECT_EQ(found[0].last_token, c.last);
    EXPECT_TRUE(found[0].type.empty());
    EXPECT_TRUE(found[0].number.empty());
  }
}

TEST(CitationTest, SeveralCitationsInOrder) {
  std::vector<Citation> found = Find("art. 12.º, n.º 2, alínea d), da Lei n.º 9.784");
  ASSERT_EQ(found.size(), 4u) << Describe(found);
  EXPECT_EQ(found[0].kind, Kind::kArticle);
  EXPECT_EQ(found[0].value, "12");
  EXPECT_EQ(found[1].kind, Kind::kNumber);
  EXPECT_EQ(found[1].value, "2");
  EXPECT_EQ(found[2].kind, Kind::kLetter);
  EXPECT_EQ(found[2].value, "d");
  EXPECT_EQ(found[3].kind, Kind::kDiploma);
  EXPECT_EQ(DiplomaKey(found[3], true), "lei:9784");
  // Spans do not overlap and follow the text.
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_GT(found[i].first_token, found[i - 1].last_token);
  }
}

TEST(CitationTest, ThingsThatAreNotCitations) {
  for (const char* text :
       {"a lei é clara", "artigo", "o artigo seguinte", "alínea anterior", "a alínea dos",
        "o dia 12", "decreto", "o decreto regulamentar", "o decreto n.º", "Portaria",
        "a portaria de extensão", "inciso primeiro", "parágrafo", "2012/2013", "12 pensões", "no 2",
        "lei n.º", "", "pensões de velhice", "com base em", "a base de dados"}) {
    SCOPED_TRACE(text);
    std::vector<Citation> found = Find(text);
    EXPECT_TRUE(found.empty()) << Describe(found);
  }
}

TEST(CitationTest, DiplomaKeyWithoutYearOmitsSlash) {
  Citation c{Kind::kDiploma, "lei", "9784", "", "", 0, 0};
  EXPECT_EQ(DiplomaKey(c, true), "lei:9784");
  EXPECT_EQ(DiplomaKey(c, false), "lei:9784");
  c.year = "1999";
  EXPECT_EQ(DiplomaKey(c, true), "lei:9784/1999");
  EXPECT_EQ(DiplomaKey(c, false), "lei:9784");
}

// ---------------------------------------------------------------------------------------------
// Thesaurus.

// A query's content words, as the searcher gives them to Expand.
std::vector<std::vector<std::string>> ContentWords(Analyzer* analyzer, const std::string& text) {
  std::vector<Token> tokens;
  analyzer->Analyze(text, &tokens);
  std::vector<std::vector<std::string>> words;
  for (const auto& t : tokens) {
    if (!t.stop) words.push_back(t.keys);
  }
  return words;
}

class ThesaurusTest : public ::testing::Test {
 protected:
  Thesaurus Parse(const std::string& data) {
    errors_.clear();
    return Thesaurus::Parse(data, &analyzer_, &errors_);
  }
  std::vector<Expansion> Expand(const Thesaurus& t, const std::string& query) {
    return t.Expand(ContentWords(&analyzer_, query));
  }
  // The expression a member's text analyses to.
  Expression Expr(const std::string& text) { return ContentWords(&analyzer_, text); }

  Analyzer analyzer_;
  std::vector<Status> errors_;
};

TEST_F(ThesaurusTest, SymmetricGroupExpandsEveryMemberToTheOthers) {
  Thesaurus t = Parse("reforma | pensão de velhice | aposentação\n");
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(t.rule_count(), 3u);

  std::vector<Expansion> e = Expand(t, "reforma");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].first, 0u);
  EXPECT_EQ(e[0].count, 1u);
  EXPECT_EQ(e[0].expression, Expr("pensão de velhice"));
  EXPECT_EQ(e[0].expression.size(), 2u);  // "de" is a stopword
  EXPECT_EQ(e[1].expression, Expr("aposentação"));
  EXPECT_DOUBLE_EQ(e[0].weight, 1.0);

  e = Expand(t, "pensões de velhice");  // inflected and with its stopword: still a match
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].count, 2u);
  EXPECT_EQ(e[0].expression, Expr("reforma"));
  EXPECT_EQ(e[1].expression, Expr("aposentação"));

  e = Expand(t, "quem paga a aposentação");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].first, 1u);  // content words: paga, aposentação
  EXPECT_EQ(e[0].expression, Expr("reforma"));
  EXPECT_EQ(e[1].expression, Expr("pensão de velhice"));
}

// An acronym member matches the acronym only: read as a word, "IAS" is a form of "ir" and "DOU"
// one of "dar", and every question with "ir" or "dados" in it was expanded with them.
TEST_F(ThesaurusTest, AcronymMembersMatchTheAcronymNotTheWordItSpells) {
  Thesaurus t = Parse("IAS | indexante dos apoios sociais\nDOU | Diário Oficial da União\n");
  EXPECT_TRUE(errors_.empty());
  EXPECT_TRUE(Expand(t, "posso ir ao centro de emprego").empty());
  EXPECT_TRUE(Expand(t, "os meus dados pessoais").empty());
  ASSERT_EQ(Expand(t, "o valor do IAS").size(), 1u);
  EXPECT_EQ(Expand(t, "o valor do IAS")[0].expression, Expr("indexante dos apoios sociais"));
  ASSERT_EQ(Expand(t, "publicado no DOU").size(), 1u);
}

// A member matches a query word by its own key: "nacionalidade" also has the key of the word it
// derives from, "nacional", which is not what the member names.
TEST_F(ThesaurusTest, MembersMatchByTheirOwnKeyNotTheWordTheyDeriveFrom) {
  Thesaurus t = Parse("nacionalidade | cidadania\n");
  EXPECT_TRUE(errors_.empty());
  ASSERT_NE(std::find(Expr("nacionalidade")[0].begin(), Expr("nacionalidade")[0].end(), "nacional"),
            Expr("nacionalidade")[0].end());  // the link the member must not match by
  EXPECT_TRUE(Expand(t, "o Dia da Defesa Nacional").empty());
  ASSERT_EQ(Expand(t, "a nacionalidade portuguesa").size(), 1u);
  EXPECT_EQ(Expand(t, "a nacionalidade portuguesa")[0].expression, Expr("cidadania"));
  ASSERT_EQ(Expand(t, "perda da cidadania").size(), 1u);
  EXPECT_EQ(Expand(t, "perda da cidadania")[0].expression, Expr("nacionalidade"));
}

TEST_F(ThesaurusTest, OneWayRuleOnlyLeftToRight) {
  Thesaurus t = Parse("lar | asilo => estrutura residencial para idosos | ERPI\n");
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(t.rule_count(), 2u);  // one per left member

  std::vector<Expansion> e = Expand(t, "lares");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].expression, Expr("estrutura residencial para idosos"));
  EXPECT_EQ(e[1].expression, Expr("ERPI"));
  EXPECT_EQ(Expand(t, "asilo").size(), 2u);

  EXPECT_TRUE(Expand(t, "estrutura residencial para idosos").empty());
  EXPECT_TRUE(Expand(t, "ERPI").empty());
}

TEST_F(ThesaurusTest, MultiWordMembersMatchOnlyConsecutiveContentWords) {
  Thesaurus t = Parse("segurança social => previdência\n");
  ASSERT_TRUE(errors_.empty());
  EXPECT_EQ(Expand(t, "segurança social").size(), 1u);
  std::vector<Expansion> e = Expand(t, "contribuições para a segurança social");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].first, 1u);
  EXPECT_EQ(e[0].count, 2u);
  EXPECT_TRUE(Expand(t, "segurança da rede social").empty());  // "rede" in between
  EXPECT_TRUE(Expand(t, "social segurança").empty());          // wrong order
  EXPECT_TRUE(Expand(t, "segurança").empty());                 // incomplete
}

TEST_F(ThesaurusTest, WeightAfterSemicolon) {
  Thesaurus t = Parse("MP => Ministério Público | medida provisória ;0.8\nDL | decreto-lei\n");
  ASSERT_TRUE(errors_.empty());
  std::vector<Expansion> e = Expand(t, "MP");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_DOUBLE_EQ(e[0].weight, 0.8);
  EXPECT_DOUBLE_EQ(e[1].weight, 0.8);
  e = Expand(t, "DL");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_DOUBLE_EQ(e[0].weight, 1.0);
  EXPECT_EQ(e[0].expression, Expr("decreto-lei"));
  Thesaurus one = Parse("lar | asilo ; 1\n");
  ASSERT_TRUE(errors_.empty());
  EXPECT_DOUBLE_EQ(Expand(one, "lar").at(0).weight, 1.0);
}

TEST_F(ThesaurusTest, MalformedLinesAreReportedWithLineNumbersAndSkipped) {
  const std::string data =
      "# a comment on line 1\n"
      "\n"
      "lar => asilo => abrigo\n"  // 3: two '=>'
      "lar | asilo ;abc\n"        // 4: bad weight
      "lar | asilo ;0\n"          // 5: weight out of range
      "lar | asilo ;1.5\n"        // 6: weight out of range
      "lar | | asilo\n"           // 7: empty member
      "pensão\n"                  // 8: single-member group
      "o | a\n"                   // 9: only stopwords
      "=> asilo\n"                // 10: empty left side
      "lar =>\n"                  // 11: empty right side
      "reforma | aposentação\n";  // 12: fine
  Thesaurus t = Parse(data);
  ASSERT_EQ(errors_.size(), 9u);
  const int lines[] = {3, 4, 5, 6, 7, 8, 9, 10, 11};
  for (std::size_t i = 0; i < errors_.size(); ++i) {
    SCOPED_TRACE(errors_[i].ToString());
    EXPECT_FALSE(errors_[i].ok());
    EXPECT_EQ(errors_[i].code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(errors_[i].line(), lines[i]);
    EXPECT_NE(errors_[i].ToString().find(":" + std::to_string(lines[i]) + ": "), std::string::npos);
  }
  EXPECT_NE(errors_[0].message().find("=>"), std::string::npos);
  EXPECT_NE(errors_[1].message().find("weight"), std::string::npos);
  EXPECT_NE(errors_[4].message().find("empty member"), std::string::npos);
  EXPECT_NE(errors_[5].message().find("two members"), std::string::npos);
  // Only line 12 made rules; none of the bad lines left a partial rule behind.
  EXPECT_EQ(t.rule_count(), 2u);
  EXPECT_TRUE(Expand(t, "lar").empty());
  EXPECT_TRUE(Expand(t, "pensão").empty());
  EXPECT_EQ(Expand(t, "reforma").size(), 1u);
}

// The index keeps no stopwords, so a negation and one word would match that word alone, in the
// opposite sense; with another content word the member still says which sense.
TEST_F(ThesaurusTest, ANegationAndOneWordIsRefused) {
  Thesaurus t = Parse(
      "sem querer => negligência\n"
      "não socorrer | deixar ferido => omissão de socorro\n"
      "licença sem vencimento => licença sem retribuição\n");
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].line(), 1);
  EXPECT_EQ(errors_[1].line(), 2);
  EXPECT_NE(errors_[0].message().find("negation"), std::string::npos);
  EXPECT_TRUE(Expand(t, "quero saber").empty());
  EXPECT_TRUE(Expand(t, "socorrer").empty());
  EXPECT_EQ(Expand(t, "licença sem vencimento").size(), 1u);
}

TEST_F(ThesaurusTest, NullErrorsVectorIsAllowed) {
  Thesaurus t = Thesaurus::Parse("lar => asilo => abrigo\nlar | asilo\n", &analyzer_, nullptr);
  EXPECT_EQ(t.rule_count(), 2u);
}

// BUG (reported): schema/thesaurus.txt line 122 "SUAS | Sistema Único de Assistência Social" is
// rejected because "SUAS" folds to the stopword "suas"; Builtin() passes no error vector, so the
// rule is dropped silently. This test asserts the shipped file is clean.
TEST_F(ThesaurusTest, ShippedFileParsesWithoutErrors) {
  std::string data = testing::ReadFileToString(testing::SourceDir() / "schema" / "thesaurus.txt");
  ASSERT_FALSE(data.empty());
  Thesaurus t = Parse(data);
  for (const auto& e : errors_) ADD_FAILURE() << e.ToString();
  EXPECT_TRUE(errors_.empty());
  EXPECT_GT(t.rule_count(), 400u);
  // The compiled-in copy is the same file.
  EXPECT_EQ(Thesaurus::Builtin().rule_count(), t.rule_count());
  EXPECT_EQ(&Thesaurus::Builtin(), &Thesaurus::Builtin());
  // A few of its documented rules.
  EXPECT_FALSE(Expand(Thesaurus::Builtin(), "DL").empty());
  EXPECT_FALSE(Expand(Thesaurus::Builtin(), "decreto-lei").empty());
  // A yes/no question about a duty is also answered by the rule that says it is optional.
  bool optional = false;
  for (const Expansion& e : Expand(Thesaurus::Builtin(), "o registo é obrigatório")) {
    if (e.expression == Expr("facultativo")) optional = e.weight < 1.0;
  }
  EXPECT_TRUE(optional);
}

}  // namespace
}  // namespace portaria::analysis
