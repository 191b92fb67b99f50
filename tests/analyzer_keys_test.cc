// The analyzer's lemma keys: which words must share one and which must not, stopwords (no keys),
// derivational families, the rule files' lexicon and the lemmatizer's recorder.
#include <algorithm>
#include <iterator>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/derivation.h"
#include "analysis/lemmatizer.h"
#include "analysis/rules_lexicon.h"
#include "analysis/text.h"
#include "gtest/gtest.h"
#include "tests/analyzer_fixtures.h"

namespace portaria::analysis {
namespace {

using analyzer_fixtures::Analyse;
using analyzer_fixtures::OneToken;

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

bool KeysIntersect(const Token& a, const Token& b) {
  for (const auto& k : a.keys) {
    if (std::find(b.keys.begin(), b.keys.end(), k) != b.keys.end()) return true;
  }
  return false;
}

struct WordPair {
  const char* a;
  const char* b;
  const char* why;
};

std::ostream& operator<<(std::ostream& os, const WordPair& p) {
  return os << p.a << "/" << p.b << " (" << p.why << ")";
}

// Checks a pair and explains the keys on failure.
void ExpectMatch(const WordPair& p, bool should_match) {
  Token a = OneToken(p.a), b = OneToken(p.b);
  EXPECT_FALSE(a.stop) << p.a;
  EXPECT_FALSE(b.stop) << p.b;
  EXPECT_FALSE(a.keys.empty()) << p.a;
  EXPECT_FALSE(b.keys.empty()) << p.b;
  EXPECT_EQ(KeysIntersect(a, b), should_match)
      << p << ": keys of '" << p.a << "' = {" << Join(a.keys) << "}, keys of '" << p.b << "' = {"
      << Join(b.keys) << "}";
}

// ---------------------------------------------------------------------------------------------
// Pairs that a search for one must find in a text containing the other.

const WordPair kMustMatch[] = {
    // Accents are optional.
    {"pensoes", "pensões", "accents optional"},
    {"orgao", "órgão", "accents optional"},
    {"servico", "serviço", "accents optional (cedilla)"},
    {"informacao", "informação", "accents optional"},
    {"seguranca", "segurança", "accents optional (cedilla)"},
    {"beneficiario", "beneficiário", "accents optional"},
    {"familia", "família", "accents optional"},
    {"saude", "saúde", "accents optional"},
    {"competencia", "competência", "accents optional"},
    {"protecao", "proteção", "accents optional"},
    {"reclamacao", "reclamação", "accents optional"},
    {"subsidios", "subsídios", "accents optional (plural)"},
    // Singular and plural.
    {"pensão", "pensões", "singular/plural"},
    {"distrital", "distritais", "singular/plural -al/-ais"},
    {"prestação", "prestações", "singular/plural -ção/-ções"},
    {"lar", "lares", "singular/plural -r/-res"},
    {"idoso", "idosos", "singular/plural"},
    {"centro", "centros", "singular/plural"},
    {"serviço", "serviços", "singular/plural"},
    {"contribuição", "contribuições", "singular/plural"},
    {"criança", "crianças", "singular/plural"},
    {"mulher", "mulheres", "singular/plural"},
    {"cidadão", "cidadãos", "singular/plural -ão/-ãos"},
    {"órgão", "órgãos", "singular/plural"},
    {"papel", "papéis", "singular/plural -el/-éis"},
    {"nível", "níveis", "singular/plural -el/-eis"},
    {"beneficiário", "beneficiários", "singular/plural"},
    // Verb and noun, where the dictionary relates them.
    {"paga", "pagar", "verb form/infinitive"},
    {"pagar", "pagamento", "verb/noun"},
    {"paga", "pagamento", "verb form/noun"},
    {"pagou", "pagamento", "past tense/noun"},
    {"licencia", "licenciamento", "-iar verb form/noun"},
    {"reconhece", "reconhecimento", "verb form/noun"},
    {"trata", "tratamento", "verb form/noun"},
    {"prestar", "prestação", "verb/noun"},
    {"processa", "processamento", "verb form/noun"},
    {"atribuir", "atribuição", "verb/noun"},
    // Irregular verbs, whose forms pt_PT lists as words of their own (lemmatizer.h, step 1).
    {"detida", "deter", "irregular participle/infinitive"},
    {"detidos", "detida", "irregular participle, number and gender"},
    {"mantém", "manter", "irregular present/infinitive"},
    {"obtido", "obtém", "irregular participle/present"},
    {"interveio", "intervir", "irregular past/infinitive"},
    {"prevê", "previsto", "irregular present/participle"},
    {"pode", "poder", "irregular present/infinitive"},
    {"trouxe", "trazer", "irregular past/infinitive"},
    // Short participles pt_PT lists as adjectives or nouns of their own (lemmatizer.cc).
    {"pagos", "pagamento", "short participle/noun of its verb"},
    {"eleitos", "eleger", "short participle/infinitive"},
    {"suspensa", "suspender", "short participle/infinitive"},
    {"presos", "prender", "short participle/infinitive"},
    // Pre-1990 and current spelling.
    {"acção", "ação", "old/new spelling"},
    {"adopção", "adoção", "old/new spelling"},
    {"direcção", "direção", "old/new spelling"},
    {"actividade", "atividade", "old/new spelling"},
    {"actividades", "atividade", "old spelling, plural"},
    {"óptimo", "ótimo", "old/new spelling (p)"},
    {"colectivo", "coletivo", "old/new spelling"},
    {"projecto", "projeto", "old/new spelling"},
    {"protecção", "proteção", "old/new spelling"},
    {"excepção", "exceção", "old/new spelling"},
    {"inspecção", "inspeção", "old/new spelling"},
    // Case.
    {"PENSÕES", "pensões", "case"},
    {"SEGURANÇA", "segurança", "case"},
    {"PENSOES", "pensão", "case, accents and number at once"},
    {"Distritais", "DISTRITAL", "case and number"},
    // Brazilian and European spelling.
    {"econômico", "económico", "BR/PT spelling"},
    {"gênero", "género", "BR/PT spelling"},
    {"prêmio", "prémio", "BR/PT spelling"},
    {"acadêmico", "académico", "BR/PT spelling"},
    {"fenômeno", "fenómeno", "BR/PT spelling"},
    {"Antônio", "António", "BR/PT spelling of a name"},
    {"subcontratante", "subcontratação", "a prefixed word keeps its family"},
};

// Look-alike words a search engine must keep apart.
const WordPair kMustNotMatch[] = {
    {"pensão", "pena", "pension vs penalty"},
    {"pensão", "pensar", "pension vs to think"},
    {"pensões", "penso", "pensions vs I think / dressing"},
    {"lar", "luar", "home vs moonlight"},
    {"lares", "lareira", "homes vs fireplace"},
    {"pagar", "pegar", "to pay vs to grab"},
    {"pagamento", "pegar", "payment vs to grab"},
    {"direção", "dureza", "direction vs hardness"},
    {"mão", "mãe", "hand vs mother"},
    {"lei", "leite", "law vs milk"},
    {"ato", "tato", "act vs tact"},
    {"idoso", "ideia", "elderly vs idea"},
    {"prazo", "preço", "deadline vs price"},
    {"morte", "norte", "death vs north"},
    {"renda", "rede", "rent vs network"},
    {"subsídio", "subsolo", "allowance vs subsoil"},
    {"menor", "maior", "minor vs major"},
    {"juiz", "juros", "judge vs interest"},
    {"débito", "crédito", "debit vs credit"},
    {"férias", "feira", "holidays vs fair"},
    {"adoção", "adoçante", "adoption vs sweetener"},
    {"foram", "forma", "were/went vs form"},
    {"IAS", "ir", "an acronym vs the verb form it spells"},
    {"DOU", "dar", "an acronym vs the verb form it spells"},
    // A prefix Hunspell strips with the suffix makes another word.
    {"subcontratante", "contrato", "processor vs contract"},
    {"inconstitucional", "constitucional", "unconstitutional vs constitutional"},
    {"reapreciação", "apreciação", "review vs assessment"},
    {"LOAS", "loar", "an acronym vs the verb form it spells"},
};

class MustMatchTest : public ::testing::TestWithParam<WordPair> {};
TEST_P(MustMatchTest, KeysIntersect) { ExpectMatch(GetParam(), true); }
INSTANTIATE_TEST_SUITE_P(Pairs, MustMatchTest, ::testing::ValuesIn(kMustMatch));

class MustNotMatchTest : public ::testing::TestWithParam<WordPair> {};
TEST_P(MustNotMatchTest, KeysAreDisjoint) { ExpectMatch(GetParam(), false); }
INSTANTIATE_TEST_SUITE_P(Pairs, MustNotMatchTest, ::testing::ValuesIn(kMustNotMatch));

TEST(AnalyzerPairsTest, TablesAreLargeEnough) {
  EXPECT_GE(std::size(kMustMatch), 40u);
  EXPECT_GE(std::size(kMustNotMatch), 15u);
}

// Accent-free spellings that are words of their own (forms of -iar/-ar verbs) still match the
// accented word meant: the lemmatizer adds the lemmas of their accented twins.
const WordPair kAccentFreeVerbForms[] = {
    {"numero", "número", "accents optional (numero is also a form of numerar)"},
    {"subsidio", "subsídio", "accents optional (subsidio is also a form of subsidiar)"},
    {"publico", "público", "accents optional (publico is also a form of publicar)"},
    {"beneficio", "benefício", "accents optional (beneficio is also a form of beneficiar)"},
    {"domicilio", "domicílio", "accents optional (domicilio is also a form of domiciliar)"},
    {"inicio", "início", "accents optional (inicio is also a form of iniciar)"},
};
TEST(AnalyzerTest, AccentFreeWordThatIsAlsoAVerbFormMatchesTheAccentedWord) {
  for (const auto& p : kAccentFreeVerbForms) {
    SCOPED_TRACE(::testing::Message() << p);
    ExpectMatch(p, true);
  }
}

// A noun that is also the first- or second-person form of a verb is the noun only (law is
// written in the third person): "caso" (case) does not reach "casa" (house) through "casar",
// nor "conto" (story) "conta" (account) through "contar".
TEST(AnalyzerTest, HomographStemsDoNotBridgeUnrelatedNouns) {
  ExpectMatch(WordPair{"paga", "pago", "pays vs paid: the participle is still the verb's"}, true);
  for (const auto& p : {WordPair{"casa", "caso", "house vs case"},
                        WordPair{"conta", "conto", "account vs story"}}) {
    SCOPED_TRACE(::testing::Message() << p);
    ExpectMatch(p, false);
  }
}

// What the rule drops and keeps: a noun's or adjective's first- or second-person verb goes
// (centro, junto, centrais); a third-person form keeps every verb it may be (gere: gerir and
// gerar; paga: pagar), and a form that is neither noun nor adjective keeps its verb however
// personal (publico: publicar). "pago" keeps "pagar" as the verb's short participle, not as
// "(eu) pago" (lemmatizer.cc).
TEST(AnalyzerTest, OnlyFirstAndSecondPersonReadingsOfANounAreDropped) {
  struct Case {
    const char* word;
    const char* has;    // a key the word keeps
    const char* lacks;  // a key it must not have, or ""
  };
  for (const auto& c :
       {Case{"centro", "centro", "centrar"}, Case{"registo", "registo", "registar"},
        Case{"caso", "caso", "casar"}, Case{"junto", "junto", "juntar"},
        Case{"centrais", "central", "centrar"}, Case{"conto", "conto", "contar"},
        Case{"casa", "casar", ""}, Case{"gere", "gerir", ""}, Case{"gere", "gerar", ""},
        Case{"paga", "pagar", ""}, Case{"publico", "publicar", ""}}) {
    SCOPED_TRACE(c.word);
    std::vector<std::string> keys = OneToken(c.word).keys;
    EXPECT_TRUE(std::ranges::find(keys, std::string(c.has)) != keys.end()) << Join(keys);
    if (*c.lacks != '\0') {
      EXPECT_TRUE(std::ranges::find(keys, std::string(c.lacks)) == keys.end()) << Join(keys);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stopwords.

TEST(AnalyzerStopwordTest, QuestionWordsAndArticlesAreStopTokens) {
  for (const char* word :
       {"quem", "qual", "onde", "como", "quando", "que",  "Quem", "QUAL", "o",  "a",
        "os",   "as",   "um",   "uma",  "uns",    "umas", "de",   "do",   "da", "é"}) {
    SCOPED_TRACE(word);
    Token t = OneToken(word);
    EXPECT_TRUE(t.stop);
    EXPECT_TRUE(t.keys.empty()) << Join(t.keys);
    EXPECT_TRUE(Analyzer::IsStopword(Analyzer::SurfaceOf(word)));
  }
}

// The stopword list names the common forms of ser, estar, ter and haver; their other forms,
// which the lemmatiser now resolves to those infinitives, are stopped the same way, and a form
// that is also another word keeps only that word.
TEST(AnalyzerStopwordTest, OtherFormsOfStoppedAuxiliariesAreStopTokens) {
  for (const char* word : {"teve", "tiveram", "será", "estivesse", "houver", "tenho"}) {
    SCOPED_TRACE(word);
    EXPECT_FALSE(Analyzer::IsStopword(Analyzer::SurfaceOf(word)));  // not by the list itself
    Token t = OneToken(word);
    EXPECT_TRUE(t.stop);
    EXPECT_TRUE(t.keys.empty()) << Join(t.keys);
  }
  Token estado = OneToken("estado");
  EXPECT_FALSE(estado.stop);
  EXPECT_EQ(estado.keys, std::vector<std::string>{"estado"});
}

TEST(AnalyzerStopwordTest, ContentWordsAreNotStopTokens) {
  for (const char* word : {"pensão", "paga", "lar", "idoso", "centro", "distrital", "lei",
                           "portaria", "competências", "prestações", "135"}) {
    SCOPED_TRACE(word);
    Token t = OneToken(word);
    EXPECT_FALSE(t.stop);
    EXPECT_FALSE(t.keys.empty());
    EXPECT_FALSE(Analyzer::IsStopword(Analyzer::SurfaceOf(word)));
  }
}

TEST(AnalyzerStopwordTest, QueryKeepsOnlyContentWords) {
  std::vector<std::string> content;
  for (const auto& t : Analyse("Quem paga as pensões de velhice?")) {
    if (!t.stop) content.push_back(t.surface);
  }
  EXPECT_EQ(content, (std::vector<std::string>{"paga", "pensoes", "velhice"}));
}

// A participle reaches its noun through its verb: the analysis gives the participle its verb's
// key (previsto -> prever, suspenso -> suspender), and the verb's suffix pair gives the noun,
// as the searcher asks for a word's family (searcher/plan.cc, Derived()).
TEST(DerivationTest, AParticipleReachesItsNounThroughItsVerb) {
  struct Case {
    const char* participle;
    const char* noun;
  };
  for (const auto& c : {Case{"previsto", "previsao"}, Case{"revisto", "revisao"},
                        Case{"suspenso", "suspensao"}, Case{"inscrito", "inscricao"}}) {
    SCOPED_TRACE(c.participle);
    std::vector<std::string> keys = OneToken(c.participle).keys, family;
    for (const auto& k : keys) portaria::analysis::DerivedKeys(k, &family);
    EXPECT_TRUE(std::ranges::find(family, std::string(c.noun)) != family.end()) << Join(family);
  }
}

}  // namespace
}  // namespace portaria::analysis

// Derivational families: each pair must be proposed both ways; short stems and the word itself
// must not be.
TEST(DerivationTest, ProposesTheFamilyBothWaysAndNothingForShortStems) {
  struct Case {
    const char* from;
    const char* to;
    bool expected;
  };
  const Case cases[] = {
      {"interrogar", "interrogatorio", true},
      {"interrogatorio", "interrogar", true},
      {"suspensao", "suspender", true},
      {"admissao", "admitir", true},
      {"reducao", "reduzir", true},
      {"devolucao", "devolver", true},
      {"fornecedor", "fornecer", true},
      {"conclusao", "concluir", true},
      {"religiao", "religioso", true},
      {"funcional", "funcao", true},
      {"profissao", "profissional", true},
      {"previdenciario", "previdencia", true},
      {"detencao", "deter", true},
      {"reter", "retencao", true},
      {"prevencao", "prevenir", true},
      {"requerente", "requerer", true},
      {"representar", "representante", true},
      {"residente", "residir", true},
      {"eleito", "eleicao", true},
      {"reeleicao", "reeleito", true},
      {"inscrito", "inscricao", true},
      {"expulso", "expulsao", true},
      {"coberto", "cobertura", true},
      {"tentar", "tentativa", true},
      {"supervisionar", "supervisao", true},
      {"sancionar", "sancao", true},
      {"acionar", "acao", false},  // too short a stem
      {"candidatar", "candidatura", true},
      {"destinar", "destinatario", true},
      {"auditor", "auditoria", true},
      {"coordenador", "coordenacao", true},
      {"gestor", "gestao", true},
      {"diretor", "direcao", false},  // a direção is also the body the diretor heads
      {"promover", "promocao", true},
      {"dirigir", "direcao", true},
      {"receber", "rececao", true},
      {"construir", "construcao", true},
      {"discutir", "discussao", true},
      {"imprimir", "impressao", true},
      {"agredir", "agressao", true},
      {"dispor", "disposicao", true},
      {"rever", "revisao", true},
      {"responder", "resposta", true},
      {"defender", "defesa", true},
      {"renunciar", "renuncia", true},
      {"recorrer", "recurso", false},  // a "recurso" is also a resource
      {"dito", "dicao", false},        // too short a stem
      {"pensao", "pensional", false},
      {"pensao", "pender", false},
      {"missao", "mitir", false},
      {"pagar", "pagar", false},
  };
  for (const auto& c : cases) {
    std::vector<std::string> out;
    portaria::analysis::DerivedKeys(c.from, &out);
    bool found = std::find(out.begin(), out.end(), c.to) != out.end();
    EXPECT_EQ(found, c.expected) << c.from << " -> " << c.to;
  }
}

// The rule files' lexicon (analysis/rules_lexicon.h): what an index saves so that searching it
// starts without dictionary look-ups.
namespace portaria::analysis {
namespace {

TEST(RulesLexiconTest, HoldsTheRuleWordsWithTheKeysTheAnalyzerGives) {
  const std::string& lexicon = RulesLexicon();
  ASSERT_FALSE(lexicon.empty());
  std::map<std::string, std::string> lines;
  for (std::size_t at = 0; at < lexicon.size();) {
    std::size_t eol = lexicon.find('\n', at);
    ASSERT_NE(eol, std::string::npos);
    std::string line = lexicon.substr(at, eol - at);
    std::size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    lines[line.substr(0, tab)] = line.substr(tab + 1);
    at = eol + 1;
  }
  // Words of both files (thesaurus: "aposentação"; questions: "telefone"), keyed as analysed.
  Analyzer analyzer;
  for (const char* word : {"aposentação", "telefone", "pensões"}) {
    std::vector<Token> tokens;
    analyzer.Analyze(word, &tokens);
    ASSERT_EQ(tokens.size(), 1u);
    auto it = lines.find(Fold(word));
    ASSERT_NE(it, lines.end()) << word;
    std::string keys;
    for (const auto& k : tokens[0].keys) keys += (keys.empty() ? "" : " ") + k;
    EXPECT_EQ(it->second, keys) << word;
  }
  EXPECT_EQ(PrimeRulesLexicon(lexicon), lines.size());
}

TEST(RulesLexiconTest, PrimedWordsSkipTheDictionaryAndBadLinesAreIgnored) {
  // A made-up word takes the keys the lexicon gives it, not those the dictionaries would.
  std::string lexicon = "zzpalavrainventada\tpensao\n\tsemnome\nsemtab\nsemchaves\t\ncortada\tx";
  EXPECT_EQ(PrimeRulesLexicon(lexicon), 1u);
  EXPECT_EQ(Lemmatizer::Shared().Lemmas("zzpalavrainventada"), std::vector<std::string>{"pensao"});
  EXPECT_NE(Lemmatizer::Shared().Lemmas("cortada"), std::vector<std::string>{"x"});
  // A word already known keeps its keys.
  std::vector<std::string> before = Lemmatizer::Shared().Lemmas("pensões");
  PrimeRulesLexicon("pensões\tqualquer\n");
  EXPECT_EQ(Lemmatizer::Shared().Lemmas("pensões"), before);
}

TEST(LemmatizerRecorderTest, NotesTheWordsLookedUpOnItsThread) {
  std::map<std::string, std::vector<std::string>> seen;
  {
    Lemmatizer::Recorder recorder;
    Analyzer analyzer;
    std::vector<Token> tokens;
    analyzer.Analyze("pensões de velhice", &tokens);
    seen = recorder.words();
  }
  EXPECT_EQ(seen.count("pensões"), 1u);
  EXPECT_EQ(seen.count("velhice"), 1u);
  EXPECT_EQ(seen.count("de"), 0u);  // a stopword has no lemma
  // No recorder, nothing noted (and no dangling pointer).
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze("pensões", &tokens);
  EXPECT_FALSE(tokens.empty());
}

}  // namespace
}  // namespace portaria::analysis
