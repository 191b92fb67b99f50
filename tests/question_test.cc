// Question forms (schema/questions.txt) and answer types (analysis/answer_type.h): which words
// only ask, what the question expects, and which paragraphs give that kind of answer.
#include "analysis/question.h"

#include <algorithm>

#include "analysis/analyzer.h"
#include "analysis/answer_type.h"
#include "gtest/gtest.h"

namespace portaria::analysis {
namespace {

struct Asked {
  std::vector<Token> tokens;
  QuestionAnalysis q;
  bool Consumed(std::string_view surface) const {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].surface == surface) return q.consumed[i];
    }
    ADD_FAILURE() << "no word " << surface;
    return false;
  }
  // Neither consumed by a question form nor a stop token: the word is searched for.
  bool Searched(std::string_view surface) const {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].surface == surface) return !q.consumed[i] && !tokens[i].stop;
    }
    ADD_FAILURE() << "no word " << surface;
    return false;
  }
  bool ExpandsTo(std::string_view key) const {
    for (const auto& e : q.expansions) {
      for (const auto& word : e) {
        if (std::find(word.begin(), word.end(), key) != word.end()) return true;
      }
    }
    return false;
  }
};

Asked Ask(std::string_view question) {
  static Analyzer analyzer;
  Asked a;
  analyzer.Analyze(question, &a.tokens);
  a.q = QuestionForms::Builtin().Analyze(a.tokens);
  return a;
}

TEST(QuestionFormsTest, DataFileParsesWithoutErrors) {
  Analyzer analyzer;
  std::vector<Status> errors;
  QuestionForms::Parse("form who: quem\nfiller: posso\n", &analyzer, &errors);
  EXPECT_TRUE(errors.empty());
  QuestionForms::Parse("form broken quem\nform x: a ;7\nnonsense\n", &analyzer, &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line(), 1);
  EXPECT_EQ(errors[2].line(), 3);
}

TEST(QuestionFormsTest, WhoQuestion) {
  Asked a = Ask("quem paga pensões");
  EXPECT_TRUE(a.q.Has("who"));
  EXPECT_FALSE(a.Consumed("paga"));
  EXPECT_FALSE(a.Consumed("pensoes"));
  EXPECT_FALSE(Ask("pensões pagas").q.Has("who"));
}

TEST(QuestionFormsTest, DurationQuestionAsksForAPrazo) {
  Asked a = Ask("quanto tempo o órgão precisa para responder");
  EXPECT_TRUE(a.q.Has("duration"));
  EXPECT_TRUE(a.Consumed("tempo"));
  EXPECT_TRUE(a.Consumed("precisa"));  // filler
  EXPECT_FALSE(a.Consumed("orgao"));
  EXPECT_FALSE(a.Consumed("responder"));
  EXPECT_TRUE(a.ExpandsTo("prazo"));
  // "tempo" without the interrogative is a topic word, not a question form.
  Asked b = Ask("contagem do tempo de serviço");
  EXPECT_FALSE(b.q.Has("duration"));
  EXPECT_FALSE(b.Consumed("tempo"));
  EXPECT_FALSE(b.ExpandsTo("prazo"));
  // "desde quando …?" asks for the date a rule starts from.
  Asked c = Ask("desde quando se aplica o novo valor do subsídio");
  EXPECT_TRUE(c.q.Asked("duration"));
  EXPECT_FALSE(c.Consumed("subsidio"));
}

TEST(QuestionFormsTest, ContactQuestion) {
  Asked a = Ask("qual é o número de telefone da segurança social");
  EXPECT_TRUE(a.q.Has("contact"));
  EXPECT_TRUE(a.Consumed("telefone"));
  EXPECT_FALSE(a.Consumed("seguranca"));
  EXPECT_FALSE(Ask("número de beneficiários").q.Has("contact"));
}

// A topic word names the kind of answer but is searched for; only question words ask for it.
TEST(QuestionFormsTest, TopicNamesTheAnswerWithoutAskingForIt) {
  Asked topic = Ask("horário da linha de atendimento telefónico");
  EXPECT_TRUE(topic.q.Has("contact"));
  EXPECT_FALSE(topic.q.Asked("contact"));
  EXPECT_FALSE(topic.Consumed("telefonico"));
  Asked asked = Ask("qual é o prazo de recurso");
  EXPECT_TRUE(asked.q.Has("duration"));
  EXPECT_TRUE(asked.q.Asked("duration"));
  EXPECT_TRUE(asked.Consumed("prazo"));
  EXPECT_FALSE(Ask("linha de apoio").q.Has("contact"));
  // Topics are parsed from their own line kind, without expansions of their own.
  Analyzer analyzer;
  std::vector<Status> errors;
  QuestionForms forms = QuestionForms::Parse("topic contact: telefone\n", &analyzer, &errors);
  EXPECT_TRUE(errors.empty());
  std::vector<Token> tokens;
  analyzer.Analyze("telefone do centro", &tokens);
  QuestionAnalysis q = forms.Analyze(tokens);
  EXPECT_TRUE(q.Has("contact"));
  EXPECT_FALSE(q.Asked("contact"));
  EXPECT_TRUE(q.expansions.empty());
  EXPECT_FALSE(q.consumed[0]);
}

// Each row: a question, the form it must have (or must not, as a control), whether it is asked
// in so many words, a word it consumes and a word that stays searched ("" for none).
TEST(QuestionFormsTest, FormsAndTopicsOfEverydayQuestions) {
  struct Case {
    const char *question, *form;
    bool has, asked;
    const char *consumed, *searched;
  } cases[] = {
      // "máximo"/"mínimo" name a quantity, "coima"/"multa" a penalty: topics, still searched.
      {"qual é a coima máxima por violar o RGPD?", "amount", true, false, "", "maxima"},
      {"qual é a coima máxima por violar o RGPD?", "penalty", true, false, "", "coima"},
      {"violar o RGPD", "penalty", false, false, "", "violar"},
      // What counts as something is asked as a definition.
      {"o que conta como consentimento?", "definition", true, true, "conta", "consentimento"},
      {"a conta bancária do titular", "definition", false, false, "", "conta"},
      // May I, must I, have I the right: a rule is the answer.
      {"o meu patrão pode usar a impressão digital?", "rule", true, false, "", "usar"},
      {"a chave móvel digital é obrigatória?", "rule", true, false, "", "chave"},
      {"impressão digital do patrão", "rule", false, false, "", "patrao"},
      // "que entidade…?" asks who, and the body it names stays searched.
      {"que entidade acredita os organismos de certificação?", "who", true, false, "", "entidade"},
      {"qual é a autoridade nacional de cibersegurança?", "who", true, false, "", "autoridade"},
      {"a entidade acredita os organismos", "who", false, false, "", "entidade"},
      // A share is asked as an amount: the law answers it with a percentage.
      {"que parte das coimas fica para o Estado?", "amount", true, true, "parte", "coimas"},
      {"qual a percentagem do desconto?", "amount", true, true, "percentagem", "desconto"},
      {"a parte contrária", "amount", false, false, "", "contraria"},
      // What is paid or received.
      {"quanto recebe a empresa que contrata?", "amount", true, true, "recebe", "empresa"},
      {"a empresa recebe o apoio", "amount", false, false, "", "recebe"},
  };
  for (const Case& c : cases) {
    Asked a = Ask(c.question);
    EXPECT_EQ(a.q.Has(c.form), c.has) << c.question << " / " << c.form;
    EXPECT_EQ(a.q.Asked(c.form), c.asked) << c.question << " / " << c.form;
    if (*c.consumed) {
      EXPECT_TRUE(a.Consumed(c.consumed)) << c.question;
    }
    if (*c.searched) {
      EXPECT_TRUE(a.Searched(c.searched)) << c.question;
    }
  }
}

TEST(QuestionFormsTest, LongerFormWins) {
  Asked a = Ask("quem é considerado pessoa com deficiência");
  EXPECT_TRUE(a.q.Has("definition"));
  EXPECT_FALSE(a.q.Has("who"));
  EXPECT_TRUE(a.Consumed("considerado"));
  EXPECT_FALSE(a.Consumed("deficiencia"));
  EXPECT_TRUE(Ask("o que é uma startup").q.Has("definition"));
  // What a thing is for: the law answers by saying what it is.
  Asked purpose = Ask("para que serve a cédula militar?");
  EXPECT_TRUE(purpose.q.Has("definition"));
  EXPECT_TRUE(purpose.Consumed("serve"));
  EXPECT_FALSE(purpose.Consumed("militar"));
}

TEST(QuestionFormsTest, WhoMayAndWhatItMustContain) {
  Asked may = Ask("quem pode pedir a mudança de nome");
  EXPECT_TRUE(may.q.Has("entitled"));
  EXPECT_TRUE(may.q.Asked("entitled"));
  EXPECT_TRUE(may.Consumed("pedir"));
  EXPECT_FALSE(may.Consumed("mudanca"));
  // "direito" is what a rights question is about: "quem tem direito à vida" keeps it.
  Asked right = Ask("quem tem direito à vida");
  EXPECT_FALSE(right.q.Has("entitled"));
  EXPECT_FALSE(right.Consumed("direito"));
  Asked contents = Ask("o que deve conter o requerimento");
  EXPECT_TRUE(contents.q.Has("contents"));
  EXPECT_FALSE(contents.Consumed("requerimento"));
  // Who an organ is made of is a list too ("A comissão é constituída por:"), not a "who".
  Asked members = Ask("quem faz parte da comissão de avaliação?");
  EXPECT_TRUE(members.q.Has("contents"));
  EXPECT_TRUE(members.q.Asked("contents"));
  EXPECT_FALSE(members.q.Has("who"));
  EXPECT_TRUE(members.Consumed("parte"));
  EXPECT_TRUE(members.Searched("comissao"));
  EXPECT_TRUE(Ask("qual a composição do conselho nacional?").q.Has("contents"));
  EXPECT_FALSE(Ask("a comissão de avaliação faz parte do ministério").q.Has("contents"));
}

TEST(QuestionFormsTest, FillerIsDroppedOnlyWhenSomethingRemains) {
  Asked a = Ask("posso devolver o produto");
  EXPECT_TRUE(a.Consumed("posso"));
  EXPECT_FALSE(a.Consumed("devolver"));
  // The speaker's situation is said, not searched for: "sou português, posso ir trabalhar…".
  Asked situation = Ask("sou português, posso ir trabalhar para outro país");
  EXPECT_FALSE(situation.Searched("sou"));  // a form of ser: a stop token itself
  EXPECT_TRUE(situation.Consumed("ir"));
  EXPECT_TRUE(situation.Searched("trabalhar"));
  Asked alone = Ask("posso");
  EXPECT_FALSE(alone.Consumed("posso"));
}

// The term a copula defines is the noun phrase before it; a clause before the verb, a verb
// that is not a copula, or a predicate that is no noun phrase ("é eleito") define nothing.
TEST(AnswerTypeTest, ADefiningCopulaFollowsTheTermItDefines) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  auto term = [&](std::string_view text) -> std::string {
    analyzer.Analyze(text, &tokens);
    std::size_t copula = DefiningCopula(text, tokens);
    if (copula == 0) return "-";
    return std::string(text.substr(tokens[1].begin, tokens[copula - 1].end - tokens[1].begin));
  };
  EXPECT_EQ(term("O Governo é o órgão de condução da política geral do país."), "Governo");
  EXPECT_EQ(term("A chave móvel digital é um sistema de autenticação."), "chave móvel digital");
  EXPECT_EQ(term("Os tribunais são os órgãos de soberania com competência para…"), "tribunais");
  EXPECT_EQ(term("O Presidente da República é eleito por sufrágio universal."), "-");
  EXPECT_EQ(term("O Governo, que é o órgão de condução, responde."), "-");
  EXPECT_EQ(term("O conselho diretivo da agência nacional de inovação tecnológica é o órgão."),
            "-");  // seven words: a sentence, not a term
  EXPECT_EQ(term("Governo é o órgão de condução."), "-");
  // The subject's short name set off before the verb: the term is the name with it.
  EXPECT_EQ(term("O Conselho Regional dos Faróis, doravante designado por CRF, é o órgão "
                 "consultivo."),
            "Conselho Regional dos Faróis, doravante designado por CRF");
  EXPECT_EQ(term("O Centro Nacional de Faróis (CNF) é o serviço de âmbito nacional."),
            "Centro Nacional de Faróis (CNF");
  EXPECT_EQ(term("O Centro, que tem sede em Lisboa, doravante designado por CNF, é o serviço."),
            "-");
}

// "São definidas em diploma próprio": what another act sets out is no definition.
TEST(AnswerTypeTest, WhatAnotherActSetsOutIsNoDefinition) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  auto types = [&](std::string_view text) {
    analyzer.Analyze(text, &tokens);
    return AnswerTypes(text, tokens);
  };
  EXPECT_EQ(types("A composição e as normas de funcionamento do CRF são definidas em diploma "
                  "próprio.")
                .find(kAnswerDefinition),
            std::string::npos);
  EXPECT_NE(types("São considerados faroleiros os trabalhadores que mantêm os faróis.")
                .find(kAnswerDefinition),
            std::string::npos);
}

// The answer types of `text`, analysed as the indexer analyses it.
std::string AnswerTypesOf(std::string_view text) {
  static Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  return AnswerTypes(text, tokens);
}

// A revoked or vetoed provision's placeholder answers nothing, whatever the revoking act's
// citation beside it; a sentence about revoking is law.
TEST(AnswerTypeTest, PlaceholdersOfRevokedProvisionsAreVoid) {
  auto types = AnswerTypesOf;
  for (const char* text :
       {"(Revogado.)", "(Revogada.)", "(REVOGADO)", "(VETADO).", "(VETADO);", "[Revogado]",
        "Revogado.", "Revogadas.", "(Revogado pelo Decreto nº 9.138, de 2017)",
        "(Revogado pelo Decreto nº 10.775, de 2021) Vigência",
        "(Revogado pela Lei nº 9.279, de 14.5.1996, publicada no DOU de "
        "15.5.1996, em vigor 1 ano após a publicação)",
        "(VETADO na Lei nº 12.973, de 13.5.2014) (VETADO na Lei nº 13.097, de "
        "19.1.2015)"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(IsVoidProvision(text));
    EXPECT_EQ(types(text), std::string(1, kAnswerVoid));
  }
  for (const char* text :
       {"revogados tacitamente por atos normativos posteriores;",
        "Revogado o regime anterior, aplica-se o presente decreto-lei.",
        "É revogado o Decreto-Lei n.º 12/2001, de 3 de março.", "(Ver nota) O prazo é de 10 dias.",
        "Revogar os atos praticados;", "(Revogado)  O pedido é apresentado no prazo de 30 dias."}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(IsVoidProvision(text));
    EXPECT_EQ(types(text).find(kAnswerVoid), std::string::npos);
  }
}

TEST(AnswerTypeTest, ParagraphsGiveKindsOfAnswers) {
  auto types = AnswerTypesOf;
  EXPECT_EQ(types("O inquérito deverá terminar no prazo de 10 dias."), "t");
  EXPECT_EQ(types("Considera-se criança a pessoa até doze anos de idade incompletos."), "dt");
  EXPECT_EQ(types("receita bruta igual ou inferior a R$ 360.000,00"), "a");
  // The date a rule starts from is a time, as a deadline's date is.
  EXPECT_EQ(types("A presente portaria produz efeitos a partir de 1 de janeiro de 2026."), "t");
  EXPECT_EQ(types("Desde 1 de julho, o subsídio é pago mensalmente."), "t");
  EXPECT_EQ(types("A partir de agora, o subsídio é pago mensalmente."), "");
  // The currency before the amount: DRE's rendering of "€ 1 000".
  EXPECT_EQ(types("O valor do incentivo é fixado em (euro) 1 000."), "a");
  EXPECT_EQ(types("O incentivo é pago em euros, por transferência."), "");
  EXPECT_EQ(types("Pena - reclusão, de um a quatro anos, e multa."), "pt");
  EXPECT_EQ(types("O juiz decidirá a causa."), "");
  // A competence in running text says who is charged ("k" comes from the structure instead).
  EXPECT_EQ(types("Compete ao Centro Nacional de Pensões processar e pagar pensões."), "r");
  EXPECT_EQ(types("Ligue 300 502 502 ou use a Segurança Social Direta."), "c");
  EXPECT_EQ(types("Atendimento pelo telefone (61) 3312-4000."), "c");
  EXPECT_EQ(types("Escreva para apoio@exemplo.pt."), "c");
  EXPECT_EQ(types("exceto as que se referem nos artigos 11.º e 21.º"), "");
  EXPECT_EQ(types("Lei n.º 9.784, de 29 de janeiro de 1999"), "");
  // A deadline given as a date.
  EXPECT_EQ(types("Os relatórios são enviados até ao último dia útil do mês de janeiro."), "t");
  EXPECT_EQ(types("O pedido é apresentado até 31 de março."), "t");
  EXPECT_EQ(types("O apoio vai até ao limite do valor fixado."), "");
  // Who may act: the formula opens the proposition, wherever the paragraph is.
  EXPECT_EQ(types("Têm legitimidade para requerer este procedimento as pessoas maiores."), "e");
  EXPECT_EQ(types("São elegíveis os cidadãos eleitores, portugueses de origem."), "e");
  EXPECT_EQ(types("Podem requerer a pensão os cônjuges sobrevivos."), "e");
  EXPECT_EQ(types("O requerimento pode ser apresentado em qualquer serviço."), "");
  EXPECT_EQ(types("A decisão é tomada depois de ouvido o conselho, que tem legitimidade para a "
                  "rever quando o entender necessário."),
            "");  // far from the start: a clause about something else
  // A definition by its copula: a short subject, "é"/"são", an article.
  // ... and when what it is is a body, it says who acts.
  EXPECT_EQ(types("O Governo é o órgão de condução da política geral do país."), "dr");
  EXPECT_EQ(types("A CMD é um sistema multifator de autenticação segura."), "d");
  EXPECT_EQ(types("O Presidente e o Governo acordam as datas."), "");          // "e", not "é"
  EXPECT_EQ(types("O pedido, quando incompleto, é o motivo da recusa."), "");  // a clause first
  EXPECT_EQ(types("Nos termos da lei, a decisão é a que for notificada."), "");
  // A defined term with its qualifier before the comma; a quoted name that is not defined.
  EXPECT_EQ(types("«Consentimento» do titular dos dados, uma manifestação de vontade, livre."),
            "d");
  EXPECT_EQ(types("«Dados pessoais», informação relativa a uma pessoa singular."), "d");
  EXPECT_EQ(types("«Diário da República» é publicado pela Imprensa Nacional. Consulte-o."), "");
  // A right, a permission, a duty or a prohibition, stated.
  EXPECT_EQ(types("O titular tem o direito de obter o apagamento dos seus dados."), "o");
  EXPECT_EQ(types("Ninguém pode entrar durante a noite no domicílio de qualquer pessoa."), "o");
  EXPECT_EQ(types("As imagens gravadas só podem ser utilizadas no processo penal."), "o");
  EXPECT_EQ(types("É proibido o tratamento de dados biométricos."), "o");
  EXPECT_EQ(types("Todos os cidadãos têm a liberdade de procurar emprego."), "o");
  EXPECT_EQ(types("Os trabalhadores gozam do direito de reunião."), "o");
  EXPECT_EQ(types("Todas as pessoas têm a possibilidade de se dirigir às instituições."), "o");
  EXPECT_EQ(types("A liberdade de imprensa é garantida."), "");
  EXPECT_EQ(types("O direito de resposta é regulado por lei."), "");
  EXPECT_EQ(types("A comissão pode ouvir os interessados."), "");
  // Who is charged with something: the verb and its bearer's preposition.
  EXPECT_EQ(types("A execução do recenseamento militar cabe ao Exército."), "r");
  EXPECT_EQ(types("Incumbe às Forças Armadas a defesa militar da República."), "r");
  EXPECT_EQ(types("Da decisão cabe recurso para o tribunal administrativo."), "");
  // ... or who is responsible, or which body is the competent one.
  EXPECT_EQ(types("O cidadão é responsável pela utilização segura da sua palavra-chave."), "r");
  EXPECT_EQ(types("A autoridade competente para a acreditação dos organismos é o IPAC."), "r");
  EXPECT_EQ(types("O pedido é apresentado junto da autoridade competente."), "");
  EXPECT_EQ(types("O CNCS é a autoridade nacional de certificação da cibersegurança."), "dr");
  // A penalty in the plural, as lists of sanctions give it.
  EXPECT_EQ(types("As infrações são punidas com coimas e sanções acessórias."), "p");
  // A list intro: what something must contain.
  EXPECT_EQ(types("A notificação inicial deve incluir a seguinte informação: "), "l");
  EXPECT_EQ(types("A notificação inicial deve incluir a informação prevista no anexo."), "");
  EXPECT_EQ(AnswerTypeOfForm("entitled"), kAnswerEntitled);
  EXPECT_EQ(AnswerTypeOfForm("contents"), kAnswerList);
  EXPECT_EQ(AnswerTypeOfForm("duration"), kAnswerDuration);
  EXPECT_EQ(AnswerTypeOfForm("contact"), kAnswerContact);
  EXPECT_EQ(AnswerTypeOfForm("who"), 0);
}

}  // namespace
}  // namespace portaria::analysis
