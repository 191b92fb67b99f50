// The analyzer: which words must share a lemma key and which must not, stopwords, positions and
// byte offsets, number normalisation, document/query symmetry, and the Unicode helpers of text.h.
#include "analysis/analyzer.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "analysis/derivation.h"
#include "analysis/lemmatizer.h"
#include "analysis/rules_lexicon.h"
#include "analysis/text.h"
#include "gtest/gtest.h"
#include "indexer/document.h"
#include "portaria/record.h"
#include "tests/test_util.h"

namespace portaria::analysis {
namespace {

std::vector<Token> Analyse(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  return tokens;
}

// The one token of a single word (failing the test if there is not exactly one).
Token OneToken(std::string_view word) {
  std::vector<Token> tokens = Analyse(word);
  EXPECT_EQ(tokens.size(), 1u) << "'" << word << "' should be one word";
  if (tokens.empty()) return Token();
  return tokens.front();
}

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

// KNOWN LIMITATION (reported): every Hunspell stem is kept, so "casa" (house) and "caso"
// (case) both get the key "casar" (to marry) and match each other; so do "conta" (account) and
// "conto" (story) through "contar". Disabled until the lemmatizer ranks or filters stems.
TEST(AnalyzerKnownBugTest, DISABLED_HomographStemsDoNotBridgeUnrelatedNouns) {
  for (const auto& p : {WordPair{"casa", "caso", "house vs case"},
                        WordPair{"conta", "conto", "account vs story"}}) {
    SCOPED_TRACE(::testing::Message() << p);
    ExpectMatch(p, false);
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

// ---------------------------------------------------------------------------------------------
// Positions, offsets, normalisation.

// Capitals make an acronym its own key, unless the whole text is set in capitals.
TEST(AnalyzerTokenTest, AcronymsAreTheirOwnKeyUnlessTheTextIsAllCapitals) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze("o valor do IAS", &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[3].keys, std::vector<std::string>{"ias"});
  analyzer.Analyze("QUEM PAGA PENSÕES", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_NE(std::find(tokens[1].keys.begin(), tokens[1].keys.end(), "pagar"), tokens[1].keys.end());
  EXPECT_EQ(tokens[2].keys, std::vector<std::string>{"pensao"});
  analyzer.Analyze("ias", &tokens);  // lower case: the verb
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].keys, std::vector<std::string>{"ir"});
}

TEST(AnalyzerTokenTest, StopwordsTakePositions) {
  std::vector<Token> tokens = Analyse("Quem paga as pensões?");
  ASSERT_EQ(tokens.size(), 4u);
  for (std::size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i + 1);
  EXPECT_TRUE(tokens[0].stop);
  EXPECT_FALSE(tokens[1].stop);
  EXPECT_TRUE(tokens[2].stop);
  EXPECT_FALSE(tokens[3].stop);
  EXPECT_EQ(tokens[3].surface, "pensoes");
}

TEST(AnalyzerTokenTest, OffsetsSliceTheOriginalUtf8Word) {
  const std::string text = "  Ação SOCIAL: pensões, órgãos e Évora — 9.784 n.º 2 1º.";
  std::vector<Token> tokens = Analyse(text);
  std::vector<std::string> slices, surfaces;
  for (const auto& t : tokens) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    slices.push_back(text.substr(t.begin, t.end - t.begin));
    surfaces.push_back(t.surface);
  }
  EXPECT_EQ(slices, (std::vector<std::string>{"Ação", "SOCIAL", "pensões", "órgãos", "e", "Évora",
                                              "9.784", "n.º", "2", "1º"}));
  EXPECT_EQ(surfaces, (std::vector<std::string>{"acao", "social", "pensoes", "orgaos", "e", "evora",
                                                "9784", "n", "2", "1"}));
  for (std::size_t i = 1; i < tokens.size(); ++i) EXPECT_LT(tokens[i - 1].end, tokens[i].begin);
}

TEST(AnalyzerTokenTest, NfdInputGivesTheSameKeysAsNfc) {
  // "pensões" and "órgão" with combining tilde / acute accent (NFD).
  const std::string nfd =
      "penso\xCC\x83"
      "es o\xCC\x81rga\xCC\x83o";
  const std::string nfc = "pensões órgão";
  ASSERT_NE(nfd, nfc);
  std::vector<Token> a = Analyse(nfd), b = Analyse(nfc);
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(b.size(), 2u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].surface, b[i].surface);
    EXPECT_EQ(a[i].keys, b[i].keys);
    EXPECT_EQ(a[i].position, b[i].position);
  }
  EXPECT_EQ(a[0].keys, std::vector<std::string>{"pensao"});
  // The offsets cover the decomposed word, combining marks included.
  EXPECT_EQ(nfd.substr(a[0].begin, a[0].end - a[0].begin),
            "penso\xCC\x83"
            "es");
  EXPECT_EQ(nfd.substr(a[1].begin, a[1].end - a[1].begin), "o\xCC\x81rga\xCC\x83o");
}

TEST(AnalyzerTokenTest, NumbersLoseThousandsDotsAndOrdinalMarks) {
  struct Case {
    const char* text;
    const char* surface;
  };
  for (const Case& c : {Case{"9.784", "9784"}, Case{"12.º", "12"}, Case{"1º", "1"},
                        Case{"2.ª", "2"}, Case{"1ª", "1"}, Case{"1.000.000", "1000000"},
                        Case{"135", "135"}, Case{"n.º", "n"}, Case{"nº", "n"}}) {
    SCOPED_TRACE(c.text);
    std::vector<Token> tokens = Analyse(c.text);
    ASSERT_EQ(tokens.size(), 1u);
    EXPECT_EQ(tokens[0].surface, c.surface);
    EXPECT_EQ(tokens[0].position, 1u);
  }
  Token n = OneToken("9.784");
  EXPECT_TRUE(n.numeric);
  EXPECT_EQ(n.keys, std::vector<std::string>{"9784"});
  EXPECT_FALSE(OneToken("n.º").numeric);
  EXPECT_FALSE(OneToken("pensão").numeric);
}

// SurfaceOf promises "the accent-free folded form of one word, as Token::surface would hold it".
// BUG (reported): SurfaceOf("n.º") is "n." while Analyze gives the surface "n" (analyzer.cc
// strips the dot after removing the ordinal mark in Analyze but not in SurfaceOf/NormalizeNumber).
TEST(AnalyzerTokenTest, SurfaceOfAgreesWithTokenSurface) {
  for (const char* word : {"9.784", "12.º", "1º", "2.ª", "135", "PENSÕES", "Órgão", "nº", "n.º"}) {
    SCOPED_TRACE(word);
    EXPECT_EQ(Analyzer::SurfaceOf(word), OneToken(word).surface);
  }
}

TEST(AnalyzerTokenTest, StrayOrdinalMarkTakesNoPosition) {
  // "12.º" is split by the word breaker into "12" and "º"; the "º" must not shift the words
  // after it, or "artigo 12.º" and "artigo 12" would give different phrase positions.
  std::vector<Token> a = Analyse("artigo 12.º pensões"), b = Analyse("artigo 12 pensões");
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a[i].surface, b[i].surface);
    EXPECT_EQ(a[i].position, b[i].position);
  }
}

TEST(AnalyzerTokenTest, PunctuationAndSpacesAreNotTokens) {
  EXPECT_TRUE(Analyse("").empty());
  EXPECT_TRUE(Analyse("  ,;:!? — ( ) «» \n\t").empty());
}

TEST(AnalyzerTokenTest, AnalyzeReplacesPreviousTokens) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze("pensões de velhice", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  analyzer.Analyze("lar", &tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].surface, "lar");
  EXPECT_EQ(tokens[0].position, 1u);
  analyzer.Analyze("", &tokens);
  EXPECT_TRUE(tokens.empty());
}

TEST(AnalyzerTokenTest, OverlongWordIsSkippedButKeepsItsPosition) {
  std::string text = "pensão " + std::string(kMaxWordBytes + 1, 'x') + " lar";
  std::vector<Token> tokens = Analyse(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].surface, "pensao");
  EXPECT_EQ(tokens[1].surface, "lar");
  EXPECT_EQ(tokens[1].position, 3u);
}

TEST(AnalyzerTokenTest, InvalidUtf8DoesNotCrashAndOffsetsStayInRange) {
  const std::string text = "pens\xFFo lar \xC3 idoso";
  std::vector<Token> tokens = Analyse(text);
  bool saw_lar = false, saw_idoso = false;
  for (const auto& t : tokens) {
    EXPECT_LE(t.end, text.size());
    EXPECT_LE(t.begin, t.end);
    saw_lar |= t.surface == "lar";
    saw_idoso |= t.surface == "idoso";
  }
  EXPECT_TRUE(saw_lar);
  EXPECT_TRUE(saw_idoso);
}

// ---------------------------------------------------------------------------------------------
// Document mode and query mode are the same function: same text, same terms.

const char* const kSentences[] = {
    "Quem paga as pensões de velhice?",
    "O Centro Nacional de Pensões (CNP) é o serviço do Instituto da Segurança Social, I.P.",
    "Processar e pagar pensões e outras prestações que com elas se relacionem.",
    "Proceder ao licenciamento das actividades de apoio social, nos termos da Lei n.º 9.784.",
    "Reconhecer o direito às pensões, nos termos do art. 12.º, n.º 2, alínea d).",
    "Acção social, adopção e direcção: os órgãos distritais e o econômico.",
    "PENSÕES DE INVALIDEZ — Ligue 300 502 502, dias úteis das 9h00 às 18h00.",
};

TEST(AnalyzerSymmetryTest, SameTextGivesIdenticalTokens) {
  Analyzer first, second;
  std::vector<Token> a, b, c;
  for (const char* s : kSentences) {
    SCOPED_TRACE(s);
    first.Analyze(s, &a);
    second.Analyze(s, &b);
    first.Analyze(s, &c);  // the same instance, reused
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a.size(), c.size());
    ASSERT_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i) {
      for (const std::vector<Token>* other : {&b, &c}) {
        const Token& o = (*other)[i];
        EXPECT_EQ(a[i].surface, o.surface);
        EXPECT_EQ(a[i].keys, o.keys);
        EXPECT_EQ(a[i].position, o.position);
        EXPECT_EQ(a[i].begin, o.begin);
        EXPECT_EQ(a[i].end, o.end);
        EXPECT_EQ(a[i].stop, o.stop);
        EXPECT_EQ(a[i].numeric, o.numeric);
      }
    }
  }
  // Analysing other text in between does not change the result (no state leaks between calls).
  std::vector<Token> before, after;
  first.Analyze(kSentences[0], &before);
  for (const char* s : kSentences) first.Analyze(s, &c);
  first.Analyze(kSentences[0], &after);
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].keys, after[i].keys);
}

// Segment numbers words exactly as Analyze does (snippets find matches by the positions the
// indexer stored), and consults no dictionary.
TEST(AnalyzerSymmetryTest, SegmentGivesAnalyzesTokensWithoutKeysOrLookups) {
  Analyzer analyzer;
  std::vector<std::string> texts(std::begin(kSentences), std::end(kSentences));
  texts.push_back("art. 12.º, n.º 2 º alínea d) — 9.784/1999; e\xcc\x81 zzzpalavranova");
  for (const auto& text : texts) {
    SCOPED_TRACE(text);
    std::vector<Token> analysed, segmented;
    analyzer.Analyze(text, &analysed);
    Lemmatizer::Recorder recorder;
    analyzer.Segment(text, &segmented);
    EXPECT_TRUE(recorder.words().empty());
    ASSERT_EQ(segmented.size(), analysed.size());
    for (std::size_t i = 0; i < analysed.size(); ++i) {
      EXPECT_EQ(segmented[i].position, analysed[i].position) << i;
      EXPECT_EQ(segmented[i].begin, analysed[i].begin) << i;
      EXPECT_EQ(segmented[i].end, analysed[i].end) << i;
      EXPECT_EQ(segmented[i].surface, analysed[i].surface) << i;
      EXPECT_EQ(segmented[i].stop, analysed[i].stop) << i;
      EXPECT_TRUE(segmented[i].keys.empty()) << i;
    }
  }
}

TEST(AnalyzerSymmetryTest, KeysAreSortedAndUnique) {
  for (const char* s : kSentences) {
    for (const auto& t : Analyse(s)) {
      EXPECT_TRUE(std::is_sorted(t.keys.begin(), t.keys.end())) << t.surface;
      EXPECT_EQ(std::set<std::string>(t.keys.begin(), t.keys.end()).size(), t.keys.size())
          << t.surface;
    }
  }
}

TEST(AnalyzerSymmetryTest, IndexedTextTermsEqualQueryKeys) {
  Analyzer indexer_analyzer, query_analyzer;
  for (const char* s : kSentences) {
    SCOPED_TRACE(s);
    Paragraph p;
    p.id = "page:test#s/p1";
    p.text = s;
    Xapian::Document doc = indexer::BuildDocument(p, 1, &indexer_analyzer);

    // Text terms: "Z" + key, where the next character is not an upper-case letter (which would
    // make it another field's prefix: ZU, ZH, ZS). Keys are lower case.
    std::map<std::string, std::set<Xapian::termpos>> indexed;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
      const std::string term = *it;
      if (term.size() < 2 || term[0] != 'Z' || (term[1] >= 'A' && term[1] <= 'Z')) continue;
      auto& positions = indexed[term];
      for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
        positions.insert(*pos);
      }
    }

    std::vector<Token> tokens;
    query_analyzer.Analyze(s, &tokens);
    std::map<std::string, std::set<Xapian::termpos>> expected;
    for (const auto& t : tokens) {
      for (const auto& k : t.keys) expected["Z" + k].insert(t.position);
    }
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(indexed, expected);
  }
}

// Fields searched for adjacent words keep positions; the ementa and the source keep only their
// frequencies (the same wdf, so the same BM25).
TEST(AnalyzerSymmetryTest, OnlyTheTextKeepsPositions) {
  Analyzer analyzer;
  Paragraph p;
  p.id = "page:test#s/p2";
  p.text = "Texto.";
  p.section = "Segurança Social";
  p.context = "Compete ao centro:";
  p.unit = "Centro Nacional de Pensões";
  p.summary = "Código Penal. Código de processo.";
  p.source = "Lei n.º 1/2000";
  Xapian::Document doc = indexer::BuildDocument(p, 1, &analyzer);
  struct Expected {
    const char* term;
    Xapian::termcount wdf;
    bool positions;
  };
  for (const Expected& e : {Expected{"Ztexto", 1, true}, Expected{"ZHsocial", 1, false},
                            Expected{"ZCcentro", 1, false}, Expected{"ZUpensao", 1, false},
                            Expected{"ZEcodigo", 2, false}, Expected{"ZSlei", 1, false}}) {
    SCOPED_TRACE(e.term);
    auto it = doc.termlist_begin();
    it.skip_to(e.term);
    ASSERT_NE(it, doc.termlist_end());
    ASSERT_EQ(*it, e.term);
    EXPECT_EQ(it.get_wdf(), e.wdf);
    EXPECT_EQ(it.positionlist_count() > 0, e.positions);
  }
}

// The first ranking phase's any-field terms (ZA) hold every key of every field, with the
// frequencies of the fields summed; the length term (XZ) then makes the document's length exactly
// twice the fields' own, so BM25's normalised length, and every field's weight, are unchanged.
TEST(AnalyzerSymmetryTest, AnyFieldTermsSumTheFieldsAndTheLengthDoubles) {
  Analyzer analyzer;
  Paragraph p;
  p.id = "page:test#s/p3";
  p.text = "O centro paga pensões de velhice e pensões de invalidez.";
  p.section = "Centro Nacional de Pensões > Competências";
  p.context = "Compete ao centro:";
  p.unit = "Centro Nacional de Pensões";
  p.article = "3.º";
  p.section += " > Artigo 3.º Pensões de velhice";
  p.summary = "Regula as pensões.";
  p.source = "Portaria n.º 135/2012";
  Xapian::Document doc = indexer::BuildDocument(p, 1, &analyzer);
  std::map<std::string, Xapian::termcount> fields, any;  // key -> summed wdf
  Xapian::termcount length = 0, field_length = 0;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    length += it.get_wdf();
    if (term.starts_with("ZA")) {
      any[term.substr(2)] += it.get_wdf();
      continue;
    }
    if (term == "XZ") continue;
    field_length += it.get_wdf();
    if (term.empty() || term[0] != 'Z' || term.starts_with("ZW")) continue;
    bool two = term.size() > 1 && term[1] >= 'A' && term[1] <= 'Z';
    fields[term.substr(two ? 2 : 1)] += it.get_wdf();
  }
  ASSERT_FALSE(any.empty());
  EXPECT_EQ(any, fields);
  EXPECT_GE(any["pensao"], 6u);  // text 2, unit, headings 2, summary
  EXPECT_EQ(length, 2 * field_length);
}

// ---------------------------------------------------------------------------------------------
// text.h

TEST(TextTest, Fold) {
  EXPECT_EQ(Fold("PENSÕES"), "pensões");
  EXPECT_EQ(Fold("Centro Nacional"), "centro nacional");
  EXPECT_EQ(Fold("ÓRGÃO"), "órgão");
  EXPECT_EQ(Fold("AÇÃO"), "ação");
  EXPECT_EQ(Fold("Straße"), "strasse");  // full case folding
  EXPECT_EQ(Fold("PENSO\xCC\x83"
                 "ES"),
            "pensões");  // NFD in, NFC out
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("123 n.º"), "123 n.º");
}

TEST(TextTest, StripAccents) {
  EXPECT_EQ(StripAccents("pensões"), "pensoes");
  EXPECT_EQ(StripAccents("ç"), "c");
  EXPECT_EQ(StripAccents("órgão"), "orgao");
  EXPECT_EQ(StripAccents("econômico à às ü"), "economico a as u");
  EXPECT_EQ(StripAccents("pense\xCC\x83o"), "penseo");
  EXPECT_EQ(StripAccents("AÇÃO"), "ACAO");      // does not fold
  EXPECT_EQ(StripAccents("n.º 1ª"), "n.º 1ª");  // ordinal indicators are letters, not marks
  EXPECT_EQ(StripAccents("plain"), "plain");
  EXPECT_EQ(FoldAndStrip("PENSÕES Distritais"), "pensoes distritais");
}

TEST(TextTest, IsValidUtf8) {
  std::size_t bad = 12345;
  EXPECT_TRUE(IsValidUtf8("", &bad));
  EXPECT_TRUE(IsValidUtf8("pensões €𝄞", &bad));
  EXPECT_TRUE(IsValidUtf8("ascii", nullptr));
  EXPECT_EQ(bad, 12345u);  // untouched on success

  struct Case {
    std::string text;
    std::size_t offset;
  };
  const Case cases[] = {
      {"abc\xFF", 3},  // byte never valid in UTF-8
      {"\x80"
       "abc",
       0},                      // lone continuation byte
      {"ok \xC3", 3},           // truncated 2-byte sequence at the end
      {"pens\xC3(es", 4},       // lead byte followed by a non-continuation
      {"a\xC0\xAF", 1},         // overlong encoding of '/'
      {"xy\xED\xA0\x80", 2},    // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"ação\xE2\x82", 6},      // truncated 3-byte sequence after valid multibyte text
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.text));
    bad = 999;
    EXPECT_FALSE(IsValidUtf8(c.text, &bad));
    EXPECT_EQ(bad, c.offset);
    EXPECT_FALSE(IsValidUtf8(c.text, nullptr));
  }
  // An embedded NUL is valid UTF-8 (PrepareText rejects it separately).
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3), &bad));
}

TEST(TextTest, NormalizeSpace) {
  EXPECT_EQ(NormalizeSpace("  a  b\t\tc \n d  "), "a b c d");
  EXPECT_EQ(NormalizeSpace("a\xC2\xA0\xC2\xA0"
                           "b"),
            "a b");  // no-break spaces
  EXPECT_EQ(NormalizeSpace("a\xE2\x80\x83"
                           "b"),
            "a b");  // em space
  EXPECT_EQ(NormalizeSpace("\r\nPensões\r\n"), "Pensões");
  EXPECT_EQ(NormalizeSpace(""), "");
  EXPECT_EQ(NormalizeSpace(" \t\n "), "");
  EXPECT_EQ(NormalizeSpace("já"), "já");
}

TEST(TextTest, NfcAndIsAscii) {
  EXPECT_EQ(Nfc("pense\xCC\x83o"), "pensẽo");
  EXPECT_EQ(Nfc("pensões"), "pensões");
  EXPECT_TRUE(IsAscii("pensoes 123"));
  EXPECT_FALSE(IsAscii("pensões"));
  EXPECT_TRUE(IsAscii(""));
}

// SingularKey is the last resort for words no dictionary knows.
TEST(TextTest, SingularKeyRules) {
  EXPECT_EQ(SingularKey("xpensoes"), "xpensao");
  EXPECT_EQ(SingularKey("xdistritais"), "xdistrital");
  EXPECT_EQ(SingularKey("xpapeis"), "xpapel");
  EXPECT_EQ(SingularKey("xlencois"), "xlencol");
  EXPECT_EQ(SingularKey("xitens"), "xitem");
  EXPECT_EQ(SingularKey("xlares"), "xlar");
  EXPECT_EQ(SingularKey("xidosos"), "xidoso");
  EXPECT_EQ(SingularKey("xvirus"), "xvirus");  // -us is not a plural
  EXPECT_EQ(SingularKey("xlapis"), "xlapis");  // -is is not a plural
  EXPECT_EQ(SingularKey("xpass"), "xpass");
  EXPECT_EQ(SingularKey("gas"), "gas");  // too short
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
