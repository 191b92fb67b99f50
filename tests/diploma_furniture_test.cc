// Page furniture line by line (indexer/diploma_furniture.h): what each layout's header, foot and
// notes look like, and the law text that looks like them but stays.
#include "indexer/diploma_furniture.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/diploma_fixtures.h"

namespace portaria::indexer {
namespace {

using diploma::Classify;
using diploma::Furniture;
using fixtures::ExpectAt;
using fixtures::ExpectInNoRecord;
using fixtures::Only;
using fixtures::Read;

TEST(DiplomaFurnitureTest, LinesOfEachLayout) {
  struct Case {
    const char* line;
    Furniture kind;
  };
  for (const auto& c : {
           Case{"Diário da República, 1.ª série — N.º 155 — 13 de agosto de 2018",
                Furniture::kStrong},
           Case{"N.º 147 30 de julho de 2021 Pág. 8", Furniture::kStrong},
           Case{" 1.ª série", Furniture::kStrong},  // the 2024 header's last line
           Case{"1/19", Furniture::kWeak},
           Case{"14-11-2025", Furniture::kWeak},
           Case{"N.º 221", Furniture::kWeak},
           Case{"PE-CONS 62/17 JPP/ds 62", Furniture::kStrong},
           Case{"DGB 1B", Furniture::kWeak},
           Case{"GIP.1", Furniture::kWeak},
           Case{"PT", Furniture::kWeak},
           // Law text that looks like furniture.
           Case{"ANEXO 1", Furniture::kNone},
           Case{"19/1", Furniture::kNone},
           Case{"1/2025", Furniture::kNone},
           Case{"32-01-2025", Furniture::kNone},
           Case{"1.ª série de medidas", Furniture::kNone},
           Case{"Decreto-Lei n.º 120/2025", Furniture::kNone},
       }) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(Classify(c.line), c.kind);
  }
}

TEST(DiplomaFurnitureTest, DashedDateOfThe2024Header) {
  EXPECT_EQ(diploma::DashedDate("14-11-2025"), "14 de novembro de 2025");
  EXPECT_EQ(diploma::DashedDate("03-03-2099"), "3 de março de 2099");
  EXPECT_EQ(diploma::DashedDate("14-13-2025"), "");
  EXPECT_EQ(diploma::DashedDate("14/11/2025"), "");
}

TEST(DiplomaFurnitureTest, The2024HeaderBlockIsDroppedTitleIncluded) {
  // "1/2" / "Portaria n.º 55/2099" / "03-03-2099" / "N.º 44" / " 1.ª série" at the top of each
  // page: none of it in a record, the act's dated title still its source, and the número the
  // page break cut is one record.
  const ReadResult& r = Read("dr-2024-written.md");
  ExpectInNoRecord(r, {"1/2", "03-03-2099", "N.º 44", "série"});
  for (const auto& p : r.paragraphs)
    EXPECT_EQ(p.source, "Portaria n.º 55/2099, de 3 de março") << p.id;
  const Paragraph& hours = Only(r, "incluindo os dias de nevoeiro cerrado.");
  ExpectAt(hours, "1.º", "1", "");
  EXPECT_EQ(hours.date, "2099-03-03");
  const Paragraph& a = Only(r, "Fiscalizar o cumprimento do horário");
  ExpectAt(a, "1.º", "2", "a");
  EXPECT_EQ(a.unit, "Gabinete dos Faroleiros");
}

TEST(DiplomaFurnitureTest, The2024HeaderNamesTheActOfACopyOfLaterPages) {
  // Pages 2 and 3 of an act, copied without its first page: no title in the text, but each
  // page's header names the act and its date, and so becomes its source (with a warning).
  const ReadResult& r = Read("dr-2024-pages-written.md");
  ExpectInNoRecord(r, {"2/3", "04-03-2099", "N.º 45", "série"});
  ASSERT_FALSE(r.paragraphs.empty());
  for (const auto& p : r.paragraphs) {
    EXPECT_EQ(p.source, "Portaria n.º 56/2099, de 4 de março") << p.id;
    EXPECT_EQ(p.date, "2099-03-04") << p.id;
  }
  const Paragraph& temporal = Only(r, "informando a capitania do porto respetivo.");
  ExpectAt(temporal, "4.º", "2", "");
  ExpectAt(Only(r, "entra em vigor no dia seguinte"), "5.º", "", "");
  // The copy opens with the end of a list its missing page began: each alínea is a record of
  // its letter (of an article the copy does not name), not one preamble paragraph.
  const Paragraph& c = Only(r, "Manter o registo das embarcações");
  ExpectAt(c, "", "", "c");
  EXPECT_EQ(c.text, "Manter o registo das embarcações de apoio aos faróis;");
  EXPECT_EQ(c.section, "");
  ExpectAt(Only(r, "Propor as obras de conservação das torres."), "", "", "d");
  bool warned = false;
  for (const auto& w : r.warnings)
    warned |= w.ToString().find("page headers name") != std::string::npos;
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace portaria::indexer
