// The stored record (schema/record_codec.h): what the searcher reads of a result, and what the
// re-ranker reads of a candidate into one Paragraph after another.
#include "schema/record_codec.h"

#include <string>

#include "gtest/gtest.h"

namespace portaria {
namespace {

Paragraph Full() {
  Paragraph p;
  p.id = "pt:p-135-2012/a2/n2/d/ii";
  p.text = "Proceder ao licenciamento dos lares.";
  p.unit = "Centro Nacional de Pensões";
  p.letter = "d";
  p.subitem = "ii";
  p.source = "Portaria n.º 135/2012, de 8 de maio";
  p.section = "Artigo 2.º Competências";
  p.article = "2.º";
  p.number = "2";
  p.context = "Compete ao CNP:";
  p.summary = "Aprova a estrutura orgânica";
  p.date = "2012-05-08";
  p.doc = "pt:p-135-2012";
  p.file = "p-135-2012.txt";
  return p;
}

TEST(RecordCodecTest, WhatIsEncodedDecodesTheSame) {
  Paragraph got;
  ASSERT_TRUE(schema::DecodeRecord(schema::EncodeRecord(Full()), &got));
  EXPECT_EQ(got, Full());
}

// Empty fields are left out of the stored record; decoding it into a Paragraph that held
// another record's fields must empty them, not keep them.
TEST(RecordCodecTest, DecodingAgainKeepsNothingOfTheLastRecord) {
  Paragraph bare;
  bare.id = "x:1";
  bare.text = "Só o texto.";
  std::string data = schema::EncodeRecord(bare);
  EXPECT_EQ(data.find("context"), std::string::npos);  // left out, as the test supposes
  Paragraph reused = Full();
  ASSERT_TRUE(schema::DecodeRecord(data, &reused));
  EXPECT_EQ(reused, bare);
}

TEST(RecordCodecTest, NotARecordLeavesTheParagraphAsItWas) {
  for (const std::string data : {"", "[1, 2]", "{\"id\": ", "\"text\""}) {
    Paragraph p = Full();
    EXPECT_FALSE(schema::DecodeRecord(data, &p)) << data;
    EXPECT_EQ(p, Full());
  }
}

}  // namespace
}  // namespace portaria
