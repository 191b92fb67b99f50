// Ranking on small JSON Lines corpora written here: the signals of the re-ranker (the wording
// typed, the answer a question asks for, structure), phrases, negation.
#include <xapian.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "portaria/search.h"
#include "schema/schema.h"
#include "schema/terms.h"
#include "tests/search_fixtures.h"
#include "tests/test_util.h"

namespace portaria {
namespace {

using search_fixtures::Ask;
using search_fixtures::IndexRecords;
using search_fixtures::RankedIds;
using testing::FreshDir;

// Re-ranking signals on a small JSON Lines corpus written here, each with the query that must
// move a paragraph up and the one that must not.
class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* texts[] = {
        "A avaliação do desempenho dos alunos é contínua.",
        "O serviço coordena o processo de avaliação de desempenho do seu pessoal.",
        "O Instituto da Segurança Social gere o sistema de segurança social.",
        "Linha Segurança Social: ligue 300 502 502, nos dias úteis.",
    };
    std::vector<nlohmann::json> records;
    for (const char* text : texts) {
      records.push_back(
          {{"id", "t:" + std::to_string(records.size() + 1)}, {"text", text}, {"doc", "t"}});
    }
    ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("ranking"), records, &db_));
  }

  std::string Top(const std::string& query) {
    std::vector<std::string> ids = RankedIds(db_, query);
    return ids.empty() ? "" : ids.front();
  }

  std::string db_;
};

TEST_F(RankingTest, MultiWordTermAsTypedOutranksTheSameWordsWithAnArticle) {
  // The shorter paragraph wins on term statistics alone; the exact wording overturns that.
  EXPECT_EQ(Top("avaliação de desempenho"), "t:2");
  EXPECT_EQ(Top("avaliação do desempenho"), "t:1");
  EXPECT_EQ(Top("avaliação desempenho"), "t:1");  // no function word typed: nothing to prefer
}

TEST_F(RankingTest, AskingForAContactPrefersTheParagraphThatGivesOne) {
  EXPECT_EQ(Top("qual é o número de telefone da segurança social"), "t:4");
  EXPECT_EQ(Top("sistema de segurança social"), "t:3");
}

// An alínea is indexed with what its list intro says of it: a prohibition's items are rules,
// an intro's time limit is not its items'.
TEST(AnswerTypeIndexTest, AnAlineaTakesTheRuleOfItsIntro) {
  std::vector<nlohmann::json> records = {
      {{"id", "i:forbidden"},
       {"text", "Praias vigiadas durante a época balnear;"},
       {"context", "Os drones não podem sobrevoar:"}},
      {{"id", "i:listed"},
       {"text", "Praias vigiadas durante a época balnear;"},
       {"context", "Os drones sobrevoam, no prazo de dez dias:"}},
      {{"id", "i:entitled"},
       {"text", "Os cônjuges;"},
       {"context", "Têm legitimidade para requerer:"}},
      // Under an intro of penalties, an item's amount is the penalty; an item without one is
      // not.
      {{"id", "i:fine"},
       {"text", "De (euro) 250 a (euro) 3500, a falta do livro de bordo;"},
       {"context", "Constituem contraordenações puníveis com as seguintes coimas:"}},
      {{"id", "i:offence"},
       {"text", "A falta do livro de bordo;"},
       {"context", "Constituem contraordenações puníveis com as seguintes coimas:"}},
  };
  std::string path;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("answer-type-index"), records, &path));
  Xapian::Database db(path);
  auto holds = [&](const std::string& id, char type) {
    Xapian::PostingIterator p = db.postlist_begin(schema::IdTerm(id));
    std::string term = schema::Term(schema::kAnswerTypePrefix, std::string_view(&type, 1));
    Xapian::PostingIterator t = db.postlist_begin(term);
    if (p == db.postlist_end(schema::IdTerm(id)) || t == db.postlist_end(term)) return false;
    t.skip_to(*p);
    return t != db.postlist_end(term) && *t == *p;
  };
  EXPECT_TRUE(holds("i:forbidden", 'o'));
  EXPECT_FALSE(holds("i:listed", 'o'));
  EXPECT_FALSE(holds("i:listed", 't'));  // the intro's time limit stays the intro's
  EXPECT_TRUE(holds("i:entitled", 'e'));
  EXPECT_TRUE(holds("i:fine", 'p'));
  EXPECT_TRUE(holds("i:fine", 'a'));
  EXPECT_FALSE(holds("i:offence", 'p'));
}

// The signals of the re-ranker that structure gives: each case is two paragraphs that the
// words alone would rank the other way (the loser is shorter, or repeats the question's words),
// and the structure the readers record decides.
class StructureRankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<nlohmann::json> records = {
        // A preamble (shorter: it wins on the words) and the article that rules.
        {{"id", "s:preamble"},
         {"text", "O regime aplica-se às entidades públicas."},
         {"section", "Preâmbulo"},
         {"doc", "a"}},
        {{"id", "s:article"},
         {"text", "O regime aplica-se às entidades públicas e privadas do setor."},
         {"section", "Capítulo I > Artigo 2.º Âmbito"},
         {"article", "2.º"},
         {"doc", "a"}},
        // An organ named by the question, and a paragraph with two of its words in the text.
        {{"id", "s:named"},
         {"text", "Emitir pareceres sobre a avaliação dos planos de formação."},
         {"unit", "Conselho Nacional de Avaliação"},
         {"doc", "b"}},
        {{"id", "s:words"}, {"text", "A avaliação feita pelo conselho é anual."}, {"doc", "b"}},
        // Two paragraphs of units; one is a competence that opens with the question's verb.
        {{"id", "s:verb"},
         {"text", "Homologar os regulamentos internos dos serviços;"},
         {"unit", "Conselho Diretivo"},
         {"section", "Conselho Diretivo > Competências"},
         {"doc", "c"}},
        {{"id", "s:mention"},
         {"text", "Os regulamentos são homologados e os regulamentos publicados."},
         {"unit", "Serviço de Apoio"},
         {"doc", "c"}},
        // Two definitions: the one of the asked term, and a longer term about it.
        {{"id", "s:defined"},
         {"text", "«Ocorrência», um evento com efeito adverso real nas redes;"},
         {"doc", "d"}},
        {{"id", "s:longer"},
         {"text", "«Gestão de ocorrências», os procedimentos de resposta a uma ocorrência;"},
         {"doc", "d"}},
        // The same, defined by the verb: the term asked (longer) and another that names it.
        {{"id", "s:considered"},
         {"text",
          "Para os efeitos do presente regulamento, considera-se pescador profissional aquele "
          "que faz da pesca a sua principal atividade."},
         {"doc", "d"}},
        {{"id", "s:considered-other"},
         {"text", "Considera-se pesca ilegal a do pescador profissional sem licença."},
         {"doc", "d"}},
        // ... and one (shorter) that extends it: "também" says the definition is elsewhere.
        {{"id", "s:considered-also"},
         {"text", "Considera-se também pescador profissional o armador."},
         {"doc", "d"}},
        // The same rule in a law of 2011 (longer) and in one of 2019.
        {{"id", "s:2011"},
         {"text", "O pedido de mudança de nome próprio é apresentado em qualquer conservatória."},
         {"date", "2011-03-15"},
         {"doc", "e"}},
        {{"id", "s:2019"},
         {"text", "O pedido de mudança de nome é apresentado na conservatória."},
         {"date", "2019-08-07"},
         {"doc", "f"}},
        // Who may ask: the paragraph that says so, in other words than the question's.
        {{"id", "s:entitled"},
         {"text", "Têm legitimidade para requerer o registo as pessoas maiores de idade."},
         {"summary", "Regula o registo de marcas de produtos artesanais."},
         {"doc", "g"}},
        {{"id", "s:about"},
         {"text", "O registo é publicado no boletim do instituto."},
         {"summary", "Regula o registo de marcas de produtos artesanais."},
         {"doc", "g"}},
        // A term as typed in what a paragraph stands under (here the ementa), or scattered in
        // a text.
        {{"id", "s:under"},
         {"text", "O subsídio é pago a quem suportou as despesas."},
         {"summary", "Regula o subsídio de funeral."},
         {"doc", "i"}},
        {{"id", "s:scattered"},
         {"text", "O funeral do beneficiário dá direito a um subsídio nos termos gerais."},
         {"summary", "Regula as prestações sociais."},
         {"doc", "j"}},
        // "quem nomeia X?": the organ that appoints, not X's own competences; and the
        // thesaurus's word for the question's verb ("escolhe" -> nomear).
        {{"id", "s:appoints"},
         {"text", "Nomear os vogais do conselho de curadores;"},
         {"unit", "Ministro da Cultura"},
         {"context", "Compete ao Ministro da Cultura:"},
         {"doc", "k"}},
        {{"id", "s:object"},
         {"text", "Propor a nomeação de vogais ao conselho de curadores e dar parecer sobre eles;"},
         {"unit", "Conselho de Curadores"},
         {"context", "Compete ao Conselho de Curadores:"},
         {"doc", "k"}},
        {{"id", "s:choose"},
         {"text", "Os vogais do júri escolhem entre si o seu presidente."},
         {"doc", "k"}},
        {{"id", "s:appoint-jury"},
         {"text", "Nomear os vogais do júri das provas de acesso;"},
         {"unit", "Diretor-Geral"},
         {"context", "Compete ao Diretor-Geral:"},
         {"doc", "k"}},
        // A diploma's object article restates its subject (and wins on the words); the article
        // that says who may ask.
        {{"id", "s:subject"},
         {"text", "A presente lei regula o pedido de licença de pesca desportiva."},
         {"section", "Artigo 1.º Objeto"},
         {"article", "1.º"},
         {"doc", "l"}},
        {{"id", "s:rule"},
         {"text",
          "O pedido de licença de pesca desportiva é apresentado pelo pescador na junta de "
          "freguesia da sua residência."},
         {"section", "Artigo 3.º Apresentação"},
         {"article", "3.º"},
         {"doc", "l"}},
        // "quem aprova…?": the passive names who (and is longer); the other only says it is done.
        {{"id", "s:agent"},
         {"text",
          "O plano anual de formação é aprovado pelo conselho diretivo, ouvidos os "
          "serviços do instituto."},
         {"doc", "m"}},
        {{"id", "s:done"},
         {"text", "O plano anual de formação é aprovado e publicado."},
         {"doc", "m"}},
        // "o que faz X?": the intro of X's competences (longer) and one of its alíneas.
        {{"id", "s:competences"},
         {"text",
          "Compete ao Gabinete de Estudos assegurar o apoio técnico ao conselho e aos "
          "serviços, designadamente:"},
         {"unit", "Gabinete de Estudos"},
         {"doc", "n"}},
        {{"id", "s:one-competence"},
         {"text", "Publicar os estudos do Gabinete de Estudos;"},
         {"unit", "Gabinete de Estudos"},
         {"context",
          "Compete ao Gabinete de Estudos assegurar o apoio técnico ao conselho e aos "
          "serviços, designadamente:"},
         {"doc", "n"}},
        // What it must contain: the list's intro.
        {{"id", "s:intro"},
         {"text",
          "O relatório anual deve incluir, para cada um dos serviços e organismos abrangidos, "
          "os seguintes elementos:"},
         {"doc", "h"}},
        {{"id", "s:when"},
         {"text", "O relatório anual deve ser enviado até ao fim de março do ano seguinte."},
         {"doc", "h"}},
        // Two question words side by side, in a longer paragraph, and apart in a short one.
        {{"id", "s:side-by-side"},
         {"text", "A segurança social apoia as famílias numerosas e os idosos."},
         {"doc", "o"}},
        {{"id", "s:apart"}, {"text", "Segurança das instalações e apoio social."}, {"doc", "o"}},
        // A número that answers in its article's terms ("o pedido" is número 1's): the words
        // alone prefer a shorter rule about requests in general, in another article.
        {{"id", "q#art5/n1"},
         {"text", "O pedido de licença de caça é apresentado no portal do instituto."},
         {"article", "5.º"},
         {"doc", "q"}},
        {{"id", "q#art5/n2"},
         {"text",
          "O pedido é decidido pelo diretor regional no prazo de dez dias úteis a contar da sua "
          "apresentação."},
         {"article", "5.º"},
         {"doc", "q"}},
        // Who is charged, said in the text (no unit tag), and a paragraph about the same thing.
        {{"id", "s:charged"},
         {"text", "O recenseamento dos navios de pesca cabe à capitania."},
         {"doc", "r"}},
        {{"id", "s:done-yearly"},
         {"text", "O recenseamento dos navios de pesca é anual."},
         {"doc", "r"}},
        // A rule of what may be done, and a paragraph about the same thing.
        {{"id", "s:may"},
         {"text", "Os viveiros de ostras só podem ser instalados em zonas classificadas da ria."},
         {"doc", "v"}},
        {{"id", "s:where"},
         {"text", "Os viveiros de ostras da ria estão instalados em zonas classificadas."},
         {"doc", "v"}},
        // The same rule in a Brazilian act and in a Portuguese diploma (doc keys as the Akoma
        // Ntoso and diploma readers give them), each pair's shorter one in another country.
        {{"id", "s:br-mail"},
         {"text", "O empregador pode ler o correio eletrônico corporativo."},
         {"doc", "/akn/br/act/lei/2020-01-01/1"}},
        {{"id", "s:pt-mail"},
         {"text",
          "O empregador pode ler o correio eletrónico profissional do trabalhador, nos termos "
          "do contrato."},
         {"doc", "diploma:codigo"}},
        {{"id", "s:pt-rent"},
         {"text", "O senhorio pode aumentar a renda uma vez por ano."},
         {"doc", "diploma:arrendamento"}},
        {{"id", "s:br-rent"},
         {"text",
          "O senhorio pode aumentar a renda do imóvel uma vez por ano, nos termos do "
          "contrato."},
         {"doc", "/akn/br/act/lei/2021-01-01/2"}},
        // "que disponibilidade…?": the paragraph that says which, and one with more of the
        // other words.
        {{"id", "s:focus"},
         {"text", "O farmacêutico de piquete tem disponibilidade permanente durante o turno."},
         {"doc", "w"}},
        {{"id", "s:other-words"},
         {"text", "O farmacêutico de piquete noturno é indicado pela farmácia."},
         {"doc", "w"}},
        // "quantos membros…?": the paragraph that writes the count (longer), and one with the
        // same words and none.
        {{"id", "s:count"},
         {"text",
          "O conselho consultivo da pesca tem onze membros, designados pelo ministro por três "
          "anos."},
         {"doc", "cnt"}},
        {{"id", "s:no-count"},
         {"text", "Os membros do conselho consultivo da pesca reúnem-se anualmente."},
         {"doc", "cnt"}},
        // "quantos viveiros…?": the list of them, and a sentence with the same words.
        {{"id", "s:list"},
         {"text",
          "Viveiros de ostras registados na ria, por concelho e por freguesia, à data da "
          "entrada em vigor da presente portaria:"},
         {"doc", "lst"}},
        {{"id", "s:no-list"},
         {"text", "Os viveiros de ostras registados na ria pagam taxa."},
         {"doc", "lst"}},
        {{"id", "q#art9/n1"},
         {"text", "O pedido é decidido no prazo de vinte dias."},
         {"article", "9.º"},
         {"doc", "q"}},
    };
    ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("structure-ranking"), records, &db_));
  }

  // True if `a` ranks above `b` for `query` (both must be found).
  bool Above(const std::string& query, const std::string& a, const std::string& b) {
    auto ids = RankedIds(db_, query);
    auto ia = std::find(ids.begin(), ids.end(), a), ib = std::find(ids.begin(), ids.end(), b);
    EXPECT_NE(ia, ids.end()) << a;
    EXPECT_NE(ib, ids.end()) << b;
    return ia < ib;
  }

  std::string db_;
};

// Each row: the query, the paragraph that must rank above the other, and why. The rows without
// the structure in the query are the controls: the words alone rank the pair the other way.
TEST_F(StructureRankingTest, StructureDecidesWhatTheWordsWouldNot) {
  struct Case {
    const char *query, *above, *below, *why;
  } cases[] = {
      {"regime entidades públicas", "s:article", "s:preamble", "articles outrank the preamble"},
      {"o que faz o conselho nacional de avaliação", "s:named", "s:words", "the organ named"},
      {"avaliação anual", "s:words", "s:named", "control: no organ named"},
      {"quem homologa os regulamentos", "s:verb", "s:mention", "the competence's verb"},
      {"regulamentos homologados", "s:mention", "s:verb", "control: not a 'quem' question"},
      {"o que é uma ocorrência", "s:defined", "s:longer", "the definition of that term"},
      {"ocorrência", "s:longer", "s:defined", "control: no definition asked"},
      {"quem é considerado pescador profissional", "s:considered", "s:considered-other",
       "the term defined by 'considera-se'"},
      {"pescador profissional", "s:considered-other", "s:considered",
       "control: no definition asked"},
      {"quem é considerado pescador profissional", "s:considered", "s:considered-also",
       "'considera-se também' extends a definition"},
      {"pescador profissional", "s:considered-also", "s:considered",
       "control: no definition asked"},
      {"pedido de mudança de nome segundo a lei de 2011", "s:2011", "s:2019", "the year named"},
      {"pedido de mudança de nome", "s:2019", "s:2011", "control: no year"},
      {"quem pode pedir o registo de marcas", "s:entitled", "s:about", "who may: the formula"},
      {"registo de marcas", "s:about", "s:entitled", "control: not a 'quem' question"},
      {"subsídio de funeral", "s:under", "s:scattered", "the term as typed, in its ementa"},
      {"subsídio funeral", "s:scattered", "s:under", "control: no term typed"},
      {"quem define os vogais do conselho de curadores", "s:appoints", "s:object",
       "who: not the organ named"},
      {"vogais do conselho de curadores", "s:object", "s:appoints", "control: no 'quem'"},
      {"quem escolhe os vogais do júri", "s:appoint-jury", "s:choose",
       "who: the verb's equivalent"},
      {"vogais do júri escolhem", "s:choose", "s:appoint-jury", "control: the words alone"},
      {"quem aprova o plano anual de formação", "s:agent", "s:done", "who: the passive's agent"},
      {"plano anual de formação aprovado", "s:done", "s:agent", "control: no 'quem'"},
      {"o que faz o gabinete de estudos", "s:competences", "s:one-competence",
       "competences: the list's intro"},
      {"estudos do gabinete", "s:one-competence", "s:competences", "control: not asked"},
      {"pedido de licença de pesca desportiva", "s:rule", "s:subject", "not the object article"},
      {"objeto da lei do pedido de licença de pesca", "s:subject", "s:rule",
       "control: the object asked for"},
      {"o que deve ter o relatório anual", "s:intro", "s:when", "what it contains: the list"},
      {"relatório anual deve", "s:when", "s:intro", "control: contents not asked"},
      {"segurança social", "s:side-by-side", "s:apart", "the words side by side, in order"},
      {"social segurança", "s:apart", "s:side-by-side", "control: not in that order"},
      {"quem faz o recenseamento dos navios de pesca", "s:charged", "s:done-yearly",
       "who: the one charged with it"},
      {"recenseamento dos navios de pesca", "s:done-yearly", "s:charged", "control: no 'quem'"},
      {"que entidade faz o recenseamento dos navios de pesca", "s:charged", "s:done-yearly",
       "'que entidade' asks who"},
      {"posso instalar viveiros de ostras na ria", "s:may", "s:where", "may I: the rule"},
      {"o meu empregador pode ler o meu correio eletrónico?", "s:pt-mail", "s:br-mail",
       "asked in Portugal: Portuguese law"},
      {"empregador pode ler correio eletrónico", "s:br-mail", "s:pt-mail", "control: no variety"},
      {"meu senhorio pode aumentar a renda?", "s:br-rent", "s:pt-rent",
       "asked in Brazil: Brazilian law"},
      {"senhorio pode aumentar a renda", "s:pt-rent", "s:br-rent", "control: no variety"},
      {"viveiros de ostras instalados na ria", "s:where", "s:may", "control: nothing asked"},
      {"prazo para decidir o pedido de licença de caça", "q#art5/n2", "q#art9/n1",
       "a número read with its article"},
      {"prazo para decidir o pedido", "q#art9/n1", "q#art5/n2", "control: the words alone"},
      {"que disponibilidade deve ter o farmacêutico de piquete noturno?", "s:focus",
       "s:other-words", "the noun asked about"},
      {"disponibilidade do farmacêutico de piquete noturno", "s:other-words", "s:focus",
       "control: nothing asked about"},
      {"o farmacêutico de piquete noturno diz que a disponibilidade é total", "s:other-words",
       "s:focus", "control: this 'que' asks nothing"},
      {"quantos membros tem o conselho consultivo da pesca?", "s:count", "s:no-count",
       "how many: a number before the word counted"},
      {"membros do conselho consultivo da pesca", "s:no-count", "s:count",
       "control: no count asked"},
      {"quantos viveiros de ostras estão registados na ria?", "s:list", "s:no-list",
       "how many: the list that names them"},
      {"viveiros de ostras registados na ria pagam", "s:no-list", "s:list",
       "control: no count asked"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(Above(c.query, c.above, c.below)) << c.query << " (" << c.why << ")";
  }
}

// A quoted phrase is these words in this order, function words and negation included: the
// index keeps every word's position (function words without a score).
TEST(PhraseTest, FunctionWordsAndNegationStayInAPhrase) {
  std::vector<nlohmann::json> records = {
      {{"id", "ph:not"}, {"text", "Os bilhetes não concluídos constam do relatório mensal."}},
      {{"id", "ph:done"}, {"text", "Os bilhetes concluídos constam do relatório mensal."}},
      {{"id", "ph:purpose"}, {"text", "O juiz ordena para que a perícia seja feita no prazo."}},
      {{"id", "ph:other"}, {"text", "A perícia do juiz é feita no prazo que a lei fixa."}},
      {{"id", "ph:plural"}, {"text", "Importa que as partes não alterem o pedido inicial."}},
      {{"id", "ph:singular"}, {"text", "Importa que a parte não altere o pedido."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("phrases"), records, &db));
  struct Case {
    const char* query;
    std::vector<std::string> ids;  // all the matches, best first
  } cases[] = {
      {"\"bilhetes não concluídos\"", {"ph:not"}},
      {"\"bilhetes concluídos\"", {"ph:done"}},
      {"\"não concluídos\" relatório", {"ph:not"}},
      {"\"para que a perícia seja\"", {"ph:purpose"}},
      {"\"perícia seja feita\"", {"ph:purpose"}},
      {"\"perícia feita\"", {}},  // "do juiz é" stands between them in the other
      // Other inflections of a content word match; the form as typed first, either way round.
      {"\"não alterem o pedido\"", {"ph:plural", "ph:singular"}},
      {"\"não altere o pedido\"", {"ph:singular", "ph:plural"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RankedIds(db, c.query), c.ids) << c.query;
  }
  // BM25 is as without function words: both bilhetes paragraphs score alike for free text.
  SearchResponse free = Ask(db, "bilhetes concluídos relatório");
  ASSERT_EQ(free.hits.size(), 2u);
}

// A free-text question's negation counts: "não" is a function word, not searched, but the
// paragraph that keeps it before the word it negates ranks above one that says the opposite in
// the same words. Without the negation the same words rank the other way (the shorter first).
TEST(NegationTest, AParagraphThatKeepsTheQuestionsNegationRanksFirst) {
  std::vector<nlohmann::json> records = {
      {{"id", "neg:yes"}, {"text", "O beneficiário pode renunciar à pensão."}},
      {{"id", "neg:no"},
       {"text", "O beneficiário não pode renunciar à pensão que lhe foi atribuída pelo centro."}},
      {{"id", "neg:other"}, {"text", "O centro paga a pensão ao beneficiário no prazo."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("negation"), records, &db));
  std::vector<std::string> plain = RankedIds(db, "o beneficiário pode renunciar à pensão");
  ASSERT_GE(plain.size(), 2u);
  EXPECT_EQ(plain[0], "neg:yes");  // the control: words alone
  for (const char* question : {"o beneficiário não pode renunciar à pensão",
                               "quem não pode renunciar à pensão de beneficiário?"}) {
    std::vector<std::string> ids = RankedIds(db, question);
    ASSERT_GE(ids.size(), 2u) << question;
    EXPECT_EQ(ids[0], "neg:no") << question;
  }
}

// A revoked provision's placeholder is short and stands under the article's epígrafe, so BM25
// alone ranks it first on the epígrafe's words; it answers nothing, so the paragraph that says
// something does. The control: the same record with text ranks first.
TEST(VoidProvisionTest, ARevokedPlaceholderRanksBelowTheLaw) {
  auto records = [](const char* text) {
    return std::vector<nlohmann::json>{
        {{"id", "void:art5/n2"},
         {"section", "Artigo 5.º Pensão de invalidez dos trabalhadores"},
         {"article", "5.º"},
         {"number", "2"},
         {"text", text}},
        {{"id", "void:art9/n1"},
         {"section", "Artigo 9.º Prestações"},
         {"article", "9.º"},
         {"number", "1"},
         {"text",
          "A pensão de invalidez é paga pelo centro nacional aos trabalhadores que a "
          "requeiram, nos termos e prazos que a lei fixar para as demais prestações."}},
    };
  };
  const char* question = "pensão de invalidez dos trabalhadores";
  std::string control, db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(
      FreshDir("void-control"), records("A pensão de invalidez é calculada por lei."), &control));
  std::vector<std::string> ids = RankedIds(control, question);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "void:art5/n2");
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("void"), records("(Revogado.)"), &db));
  ids = RankedIds(db, question);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0], "void:art9/n1");
}

// A look-up of an alínea lists its subalíneas with it, and one of an inciso its alíneas: each
// is found by the items it stands under (schema::EnclosingItems), in document order.
TEST(ListItemLookupTest, AnAlineaListsItsSubalineasAndAnIncisoItsAlineas) {
  std::vector<nlohmann::json> records = {
      {{"id", "diploma:x#art7/n2/c"},
       {"article", "7.º"},
       {"number", "2"},
       {"letter", "c"},
       {"text", "Vender a eletricidade excedente."}},
      {{"id", "diploma:x#art7/n2/d"},
       {"article", "7.º"},
       {"number", "2"},
       {"letter", "d"},
       {"text", "Produzir eletricidade para consumo próprio:"}},
      {{"id", "diploma:x#art7/n2/d/i"},
       {"article", "7.º"},
       {"number", "2"},
       {"letter", "d"},
       {"subitem", "i"},
       {"text", "Consumida a partir da rede;"}},
      {{"id", "diploma:x#art7/n2/d/ii"},
       {"article", "7.º"},
       {"number", "2"},
       {"letter", "d"},
       {"subitem", "ii"},
       {"text", "De produção própria."}},
      {{"id", "diploma:x#art7/n2/e"},
       {"article", "7.º"},
       {"number", "2"},
       {"letter", "e"},
       {"text", "Armazenar a eletricidade."}},
      {{"id", "/akn/br/act/lei/2099-01-01/1#art_3__para_caput__point_ii__intro"},
       {"letter", "II"},
       {"text", "a ampliação:"}},
      {{"id", "/akn/br/act/lei/2099-01-01/1#art_3__para_caput__point_ii__point_a"},
       {"letter", "a"},
       {"text", "de ferrovias;"}},
      {{"id", "/akn/br/act/lei/2099-01-01/1#art_3__para_caput__point_iii"},
       {"letter", "III"},
       {"text", "de portos."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("list-items"), records, &db));
  EXPECT_EQ(RankedIds(db, "alínea d"),
            (std::vector<std::string>{"diploma:x#art7/n2/d", "diploma:x#art7/n2/d/i",
                                      "diploma:x#art7/n2/d/ii"}));
  EXPECT_EQ(RankedIds(db, "alínea d subalínea ii"),
            (std::vector<std::string>{"diploma:x#art7/n2/d/ii"}));
  // The result says where it stands as it is cited: alínea d), subalínea ii).
  SearchResponse sub = Ask(db, "subalínea ii");
  ASSERT_FALSE(sub.hits.empty());
  EXPECT_EQ(sub.hits[0].paragraph.id, "diploma:x#art7/n2/d/ii");
  EXPECT_EQ(sub.hits[0].paragraph.letter, "d");
  auto json = nlohmann::json::parse(ToJson(sub));
  EXPECT_EQ(json["results"][0]["subitem"], "ii");
  std::vector<std::string> inciso = RankedIds(db, "inciso II");
  EXPECT_EQ(inciso.size(), 3u);  // the inciso, its alínea, and d)'s subalínea ii)
  EXPECT_NE(std::find(inciso.begin(), inciso.end(),
                      "/akn/br/act/lei/2099-01-01/1#art_3__para_caput__point_ii__point_a"),
            inciso.end());
  EXPECT_TRUE(schema::EnclosingItems("page:iss#servicos-cnp/d").empty());
  EXPECT_TRUE(schema::EnclosingItems("diploma:x#preambulo/p4").empty());
  EXPECT_EQ(schema::EnclosingItems("diploma:x#art4/16/a"), std::vector<std::string_view>{"16"});
}

// An acronym typed in lower case is the acronym where the index holds it: "cncs" is not read as
// the plural of "cnc", nor "ias" as a form of "ir".
TEST(TypedAcronymTest, ALowerCaseAcronymFindsTheAcronym) {
  std::vector<nlohmann::json> records = {
      {{"id", "a:1"}, {"text", "Os pedidos são registados."}},
      {{"id", "a:2"}, {"text", "O CNCS responde aos pedidos das entidades no prazo de dez dias."}},
      {{"id", "a:3"}, {"text", "O valor das prestações é atualizado."}},
      {{"id", "a:4"}, {"text", "O valor do IAS é fixado em portaria de atualização anual."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("typed-acronym"), records, &db));
  EXPECT_EQ(RankedIds(db, "pedidos do cncs").front(), "a:2");
  EXPECT_EQ(RankedIds(db, "pedidos do CNCS").front(), "a:2");
  EXPECT_EQ(RankedIds(db, "valor do ias").front(), "a:4");
  EXPECT_EQ(RankedIds(db, "cncs"), std::vector<std::string>{"a:2"});
}

// A question that names a body finds the paragraph that rules on it by its acronym ("O CDI é
// dirigido…"), and the name does not lengthen that paragraph: its weight for its own words is
// what it was without the name.
TEST(AcronymNameTest, AQuestionThatNamesTheBodyFindsItsAcronym) {
  std::vector<nlohmann::json> records = {
      {{"id", "c:1"},
       {"text", "Os técnicos do centro de documentação são dirigidos pelo chefe de divisão."}},
      {{"id", "c:2"},
       {"text", "O CDI é dirigido por um técnico superior."},
       {"acronyms", "Centro de Documentação e Informação"}},
      {{"id", "c:3"}, {"text", "O CDI é dirigido por um técnico superior."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("acronym-names"), records, &db));
  std::vector<std::string> ids = RankedIds(db, "quem dirige o centro de documentação e informação");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), "c:2");
  // The same text with and without the name: the same length, so BM25 weighs the text's own
  // words alike in both.
  Xapian::Database xdb(db);
  auto length_of = [&](const std::string& id) -> Xapian::termcount {
    Xapian::PostingIterator p = xdb.postlist_begin(schema::IdTerm(id));
    return p == xdb.postlist_end(schema::IdTerm(id)) ? 0 : xdb.get_doclength(*p);
  };
  EXPECT_GT(length_of("c:3"), 0u);
  EXPECT_EQ(length_of("c:2"), length_of("c:3"));
}

// With SearchRequest::explain each hit says how its score was made, and the factors it names
// multiply to that score; the ranking is the same with and without it.
TEST(ExplainTest, TheFactorsNamedMultiplyToTheScore) {
  std::vector<nlohmann::json> records = {
      {{"id", "e:1"},
       {"text", "Compete ao Centro Nacional de Pensões gerir as pensões de velhice."},
       {"unit", "Centro Nacional de Pensões"}},
      {{"id", "e:2"}, {"text", "As pensões de velhice são pagas mensalmente."}},
      {{"id", "e:3"}, {"text", "O prazo para requerer a pensão é de noventa dias."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("explain"), records, &db));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  for (const char* question : {"quem paga as pensões de velhice", "prazo da pensão", "pensões"}) {
    SCOPED_TRACE(question);
    SearchRequest request;
    request.query = question;
    SearchResponse plain, explained;
    ASSERT_TRUE(searcher->Search(request, &plain).ok());
    request.explain = true;
    ASSERT_TRUE(searcher->Search(request, &explained).ok());
    ASSERT_EQ(plain.hits.size(), explained.hits.size());
    ASSERT_FALSE(explained.hits.empty());
    for (std::size_t i = 0; i < plain.hits.size(); ++i) {
      EXPECT_TRUE(plain.hits[i].explanation.empty());
      EXPECT_EQ(plain.hits[i].paragraph.id, explained.hits[i].paragraph.id);
      const std::string& why = explained.hits[i].explanation;
      ASSERT_TRUE(why.starts_with("bm25 ")) << why;
      // "bm25 8.12 · coordination ×0.64 · …": the weight, then each factor after its "×".
      double product = std::stod(why.substr(5));
      for (std::size_t at = why.find("×"); at != std::string::npos; at = why.find("×", at + 1))
        product *= std::stod(why.substr(at + std::string("×").size()));
      EXPECT_NEAR(product, explained.hits[i].score, explained.hits[i].score * 0.01) << why;
    }
  }
  // The unit's paragraph answers "quem …?", and says why; the JSON carries it.
  SearchRequest who;
  who.query = "quem gere as pensões de velhice";
  who.explain = true;
  SearchResponse response;
  ASSERT_TRUE(searcher->Search(who, &response).ok());
  auto unit = std::find_if(response.hits.begin(), response.hits.end(),
                           [](const SearchHit& h) { return h.paragraph.id == "e:1"; });
  ASSERT_NE(unit, response.hits.end());
  EXPECT_NE(unit->explanation.find("who-unit"), std::string::npos) << unit->explanation;
  auto json = nlohmann::json::parse(ToJson(response));
  EXPECT_EQ(json["results"][0]["explain"], response.hits[0].explanation);
}

// A question that names an organ favours the organ's paragraphs ("a inspeção do
// trabalho?"); but when it asks something of the organ in words of its own, an organ's
// paragraph that holds none of them is not favoured for the name alone.
TEST(NamedUnitTest, TheOrgansNameAloneIsNotWhatTheQuestionAsks) {
  std::vector<nlohmann::json> records = {
      {{"id", "u:1"},
       {"text", "A Inspeção do Trabalho está sujeita à tutela do ministro."},
       {"unit", "Inspeção do Trabalho"}},
      {{"id", "u:2"},
       {"text", "A Inspeção do Trabalho fiscaliza as empresas de construção."},
       {"unit", "Inspeção do Trabalho"}},
      {{"id", "u:3"}, {"text", "Os inspetores visitam as empresas sem aviso prévio."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("named-unit"), records, &db));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  auto why = [&](const char* question, const char* id) {
    SearchRequest request;
    request.query = question;
    request.explain = true;
    SearchResponse response;
    EXPECT_TRUE(searcher->Search(request, &response).ok());
    for (const auto& h : response.hits) {
      if (h.paragraph.id == id) return h.explanation;
    }
    return std::string("(not found)");
  };
  const char* asks = "a inspeção do trabalho visita as empresas sem aviso";
  EXPECT_EQ(why(asks, "u:1").find("unit-named"), std::string::npos) << why(asks, "u:1");
  EXPECT_NE(why(asks, "u:2").find("unit-named"), std::string::npos) << why(asks, "u:2");
  const char* names = "a inspeção do trabalho";
  EXPECT_NE(why(names, "u:1").find("unit-named"), std::string::npos) << why(names, "u:1");
}

// A word the index lacks is corrected only where it is no word: a word the dictionary knows
// ("patrão", "gatos") is what the user meant, and the word one letter off ("padrão", "gastos")
// would change the question; nor is an acronym typed in capitals. A first- or second-person
// verb form ("invalides") is taken for the misspelling it usually is.
TEST(SpellingTest, AWordTheDictionaryKnowsIsNotCorrected) {
  std::vector<nlohmann::json> records = {
      {{"id", "s:1"}, {"text", "O padrão de qualidade é fixado por portaria."}},
      {{"id", "s:2"}, {"text", "Os gastos do serviço são pagos pelo orçamento."}},
      {{"id", "s:3"}, {"text", "A pensão de invalidez é atribuída pelo centro."}},
      {{"id", "s:4"}, {"text", "O dao é publicado."}},
  };
  std::string db;
  ASSERT_NO_FATAL_FAILURE(IndexRecords(FreshDir("spelling-known"), records, &db));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(db, &searcher).ok());
  auto suggestion = [&](const char* question) {
    SearchRequest request;
    request.query = question;
    SearchResponse response;
    EXPECT_TRUE(searcher->Search(request, &response).ok());
    return response.suggestion;
  };
  EXPECT_EQ(suggestion("o patrão pode despedir"), "");
  EXPECT_EQ(suggestion("licença para gatos"), "");
  EXPECT_EQ(suggestion("quem é o DPO"), "");
  EXPECT_EQ(suggestion("pensão de invalides"), "pensão de invalidez");
  EXPECT_EQ(suggestion("pensão de invalidex"), "pensão de invalidez");
}

}  // namespace
}  // namespace portaria
