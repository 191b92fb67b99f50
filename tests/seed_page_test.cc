// The seed page (corpus/iss-servicos.md) as the page reader reads it: its units, their
// lettered competences, sources, contacts and ids.
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "indexer/reader.h"
#include "tests/page_fixtures.h"
#include "tests/test_util.h"

namespace portaria::indexer {
namespace {

using page_fixtures::ErrorsOf;
using page_fixtures::kCd;
using page_fixtures::kCnp;
using page_fixtures::kPortaria102;
using page_fixtures::kPortaria135;
using testing::SourceDir;

std::filesystem::path SeedPage() { return SourceDir() / "corpus" / "iss-servicos.md"; }

std::vector<const Paragraph*> WithUnit(const ReadResult& r, const std::string& unit) {
  std::vector<const Paragraph*> out;
  for (const auto& p : r.paragraphs) {
    if (p.unit == unit) out.push_back(&p);
  }
  return out;
}

std::vector<const Paragraph*> Containing(const ReadResult& r, const std::string& needle) {
  std::vector<const Paragraph*> out;
  for (const auto& p : r.paragraphs) {
    if (p.text.find(needle) != std::string::npos) out.push_back(&p);
  }
  return out;
}

std::string Letters(const std::vector<const Paragraph*>& ps) {
  std::string out;
  for (const auto* p : ps) out += p->letter;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The seed page.

class SeedPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { page_ = new ReadResult(ReadFile(SeedPage())); }
  static void TearDownTestSuite() {
    delete page_;
    page_ = nullptr;
  }
  const ReadResult& page() { return *page_; }
  static ReadResult* page_;
};
ReadResult* SeedPageTest::page_ = nullptr;

TEST_F(SeedPageTest, ReadsWithoutErrors) {
  EXPECT_FALSE(page().fatal);
  EXPECT_TRUE(page().errors.empty()) << ErrorsOf(page());
  EXPECT_FALSE(page().paragraphs.empty());
  for (const auto& p : page().paragraphs) {
    EXPECT_FALSE(p.text.empty());
    EXPECT_EQ(p.doc, "page:iss-servicos");
    EXPECT_EQ(p.file, SeedPage().string());
    EXPECT_EQ(p.date, "2020-04-15") << p.text;
    EXPECT_EQ(p.id.rfind("page:iss-servicos#", 0), 0u) << p.id;
    // Markup and list markers never leak into the text.
    EXPECT_NE(p.text.front(), '-') << p.text;
    EXPECT_EQ(p.text.find("**"), std::string::npos) << p.text;
    EXPECT_EQ(p.text.find('\n'), std::string::npos) << p.text;
    EXPECT_EQ(p.section.find('*'), std::string::npos) << p.section;
  }
}

TEST_F(SeedPageTest, CentroNacionalDePensoesHasLettersAToT) {
  std::vector<const Paragraph*> lettered;
  for (const auto* p : WithUnit(page(), kCnp)) {
    EXPECT_EQ(p->source, kPortaria135) << p->text;
    if (!p->letter.empty()) lettered.push_back(p);
  }
  ASSERT_EQ(lettered.size(), 20u);
  EXPECT_EQ(Letters(lettered), "abcdefghijklmnopqrst");
  for (const auto* p : lettered) {
    EXPECT_EQ(p->section, "Serviços - ISS > Centro Nacional de Pensões > Competências")
        << p->letter;
    EXPECT_NE(p->text.substr(0, 2), std::string(p->letter) + ")");  // marker removed
  }
  // The list continues after a blank line: j) is there, once, with its own text.
  std::vector<const Paragraph*> j = Containing(page(), "inviabilizem o processamento");
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]->letter, "j");
  EXPECT_EQ(j[0]->unit, kCnp);
  EXPECT_EQ(j[0]->text.rfind("Promover e controlar medidas", 0), 0u) << j[0]->text;
  // i) did not swallow j): it ends with its own last words.
  std::vector<const Paragraph*> i = Containing(page(), "preparação para a reforma");
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(i[0]->letter, "i");
  EXPECT_EQ(i[0]->text.find("inviabilizem"), std::string::npos);
  // d) is the one about paying pensions.
  std::vector<const Paragraph*> d = Containing(page(), "Processar e pagar pensões");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->letter, "d");
  EXPECT_EQ(d[0]->unit, kCnp);
}

TEST_F(SeedPageTest, CentroNacionalDePensoesIntroIsProseUnderTheUnitHeading) {
  std::vector<const Paragraph*> intro = Containing(page(), "O Centro Nacional de Pensões (CNP)");
  ASSERT_EQ(intro.size(), 1u);
  EXPECT_EQ(intro[0]->unit, kCnp);
  EXPECT_TRUE(intro[0]->letter.empty());
  EXPECT_EQ(intro[0]->source, kPortaria135);
  EXPECT_EQ(intro[0]->section, "Serviços - ISS > Centro Nacional de Pensões");
}

TEST_F(SeedPageTest, CentrosDistritaisHaveLettersAToT) {
  std::vector<const Paragraph*> lettered;
  for (const auto* p : WithUnit(page(), kCd)) {
    EXPECT_EQ(p->source, kPortaria135) << p->text;
    if (!p->letter.empty()) lettered.push_back(p);
  }
  ASSERT_EQ(lettered.size(), 20u);
  EXPECT_EQ(Letters(lettered), "abcdefghijklmnopqrst");
  for (const auto* p : lettered) {
    EXPECT_EQ(p->section,
              "Serviços - ISS > Centros Distritais > Competências dos Centros Distritais");
  }
  // c) follows a blank line inside the nested list.
  std::vector<const Paragraph*> c =
      Containing(page(), "Assegurar a execução dos instrumentos internacionais em matéria");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0]->letter, "c");
  EXPECT_EQ(c[0]->unit, kCd);
  // The unlettered items around the nested list are paragraphs of the unit too.
  for (const char* text : {"Compete aos Centros Distritais a responsabilidade",
                           "Compete, ainda, aos Centros Distritais",
                           "As competências acima referidas são exercidas"}) {
    SCOPED_TRACE(text);
    std::vector<const Paragraph*> found = Containing(page(), text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->unit, kCd);
    EXPECT_TRUE(found[0]->letter.empty());
    EXPECT_EQ(found[0]->source, kPortaria135);
  }
}

TEST_F(SeedPageTest, EighteenCentrosDistritais) {
  const std::vector<std::string> expected = {
      "Centro Distrital de Aveiro",         "Centro Distrital de Beja",
      "Centro Distrital de Braga",          "Centro Distrital de Bragança",
      "Centro Distrital de Castelo Branco", "Centro Distrital de Coimbra",
      "Centro Distrital de Évora",          "Centro Distrital de Faro",
      "Centro Distrital da Guarda",         "Centro Distrital de Leiria",
      "Centro Distrital de Lisboa",         "Centro Distrital de Portalegre",
      "Centro Distrital do Porto",          "Centro Distrital de Santarém",
      "Centro Distrital de Setúbal",        "Centro Distrital de Viana do Castelo",
      "Centro Distrital de Vila Real",      "Centro Distrital de Viseu"};
  std::vector<std::string> found;
  for (const auto& p : page().paragraphs) {
    if (p.text.rfind("Centro Distrital d", 0) == 0) {
      found.push_back(p.text);
      EXPECT_EQ(p.unit, kCd);
      EXPECT_EQ(p.source, kPortaria135);
      EXPECT_TRUE(p.letter.empty());
    }
  }
  EXPECT_EQ(found, expected);
}

TEST_F(SeedPageTest, ServicosCentrais) {
  const std::vector<std::string> expected = {
      "Departamento de Prestações e Contribuições;",
      "Departamento de Comunicação e Gestão do Cliente;",
      "Departamento de Desenvolvimento Social;",
      "Departamento de Fiscalização;",
      "Departamento de Proteção contra os Riscos Profissionais.",
      "Departamento de Recursos Humanos;",
      "Departamento de Gestão e Controlo Financeiro;",
      "Departamento de Administração e Património.",
      "Gabinete de Planeamento e Estratégia;",
      "Gabinete de Análise e Gestão da Informação;",
      "Gabinete de Auditoria, Qualidade e Gestão de Risco;",
      "Gabinete de Assuntos Jurídicos e Contencioso.",
      "Unidade de Contribuintes Estratégicos;",
      "Unidade de Coordenação Internacional;",
      "Unidade de Apoio a Programas;",
      "Unidade Técnica de Arquitetura e Engenharia."};
  std::vector<std::string> found;
  for (const auto* p : WithUnit(page(), "Serviços Centrais")) {
    EXPECT_EQ(p->source, kPortaria102) << p->text;
    EXPECT_TRUE(p->letter.empty());
    if (p->text.rfind("As unidades orgânicas centrais", 0) == 0) {
      EXPECT_EQ(p->section, "Serviços - ISS > Serviços Centrais > Organização");
      continue;
    }
    found.push_back(p->text);
  }
  EXPECT_EQ(found, expected);
  std::vector<const Paragraph*> fisc = Containing(page(), "Departamento de Fiscalização");
  ASSERT_EQ(fisc.size(), 1u);
  EXPECT_EQ(fisc[0]->section, "Serviços - ISS > Serviços Centrais > Departamentos Operacionais");
  std::vector<const Paragraph*> gab = Containing(page(), "Gabinete de Planeamento");
  ASSERT_EQ(gab.size(), 1u);
  EXPECT_EQ(gab[0]->section,
            "Serviços - ISS > Serviços Centrais > Gabinetes de Apoio Especializado");
  // The Portaria 102/2017 source does not leak to the units that follow.
  for (const auto& p : page().paragraphs) {
    if (p.unit != "Serviços Centrais") {
      EXPECT_NE(p.source, kPortaria102) << p.text;
    }
  }
}

TEST_F(SeedPageTest, ServicosLocais) {
  std::vector<const Paragraph*> local = WithUnit(page(), "Serviços Locais");
  ASSERT_EQ(local.size(), 4u);
  EXPECT_EQ(local[0]->text.rfind("Compete aos Serviços Locais prestar o atendimento", 0), 0u);
  EXPECT_EQ(local[1]->text.rfind("Os Serviços Locais de atendimento são classificados", 0), 0u);
  EXPECT_EQ(local[2]->text.rfind("A classificação dos Serviços Locais", 0), 0u);
  EXPECT_EQ(local[3]->text.rfind("Os Serviços de Atendimento de âmbito infra concelhio", 0), 0u);
  for (const auto* p : local) {
    EXPECT_EQ(p->source, kPortaria135);
    EXPECT_EQ(p->section, "Serviços - ISS > Competências dos Serviços Locais");
    EXPECT_TRUE(p->letter.empty());
  }
}

TEST_F(SeedPageTest, RepeatedContactBlockIsDeduplicated) {
  std::vector<const Paragraph*> ligue = Containing(page(), "Ligue 300 502 502");
  ASSERT_EQ(ligue.size(), 1u);
  EXPECT_EQ(ligue[0]->text, "Ligue 300 502 502, dias úteis das 9h00 às 18h00.");
  EXPECT_TRUE(ligue[0]->source.empty());
  EXPECT_TRUE(ligue[0]->unit.empty());
  EXPECT_EQ(ligue[0]->section, "Serviços - ISS > Canais de atendimento > Linha Segurança Social");
  EXPECT_EQ(Containing(page(), "Link de acesso ao serviço").size(), 1u);
  // The two "Conheça onde…" paragraphs differ (CNP / Centros Distritais): both kept.
  std::vector<const Paragraph*> conheca = Containing(page(), "Conheça onde se situam");
  ASSERT_EQ(conheca.size(), 2u);
  for (const auto* p : conheca) EXPECT_TRUE(p->source.empty());
  // No paragraph text is repeated within a unit.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& p : page().paragraphs) {
    EXPECT_TRUE(seen.insert({p.unit, p.text}).second) << p.text;
  }
}

TEST_F(SeedPageTest, TotalCount) {
  // 17 (Serviços Centrais: 1 prose + 16 items) + 21 (CNP: 1 prose + a–t) + 3 (first contact
  // block) + 44 (Centros Distritais: 3 prose + 18 centres + 3 items + a–t) + 4 (Serviços
  // Locais) + 1 (the one new paragraph of the repeated contact block).
  EXPECT_EQ(page().paragraphs.size(), 90u);
}

TEST_F(SeedPageTest, IdsAreUniqueAndStable) {
  std::set<std::string> ids;
  for (const auto& p : page().paragraphs) EXPECT_TRUE(ids.insert(p.id).second) << p.id;
  ReadResult again = ReadFile(SeedPage());
  ASSERT_EQ(again.paragraphs.size(), page().paragraphs.size());
  for (std::size_t i = 0; i < again.paragraphs.size(); ++i) {
    EXPECT_EQ(again.paragraphs[i].id, page().paragraphs[i].id);
    EXPECT_EQ(again.paragraphs[i].text, page().paragraphs[i].text);
  }
  // Lettered paragraphs are named by their letter; the two d) differ by section.
  std::vector<const Paragraph*> d = Containing(page(), "Processar e pagar pensões");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0]->id, "page:iss-servicos#servicos-iss-centro-nacional-de-pensoes-competencias/d");
}

}  // namespace
}  // namespace portaria::indexer
