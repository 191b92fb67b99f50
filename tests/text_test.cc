// The Unicode helpers of analysis/text.h (case folding, accent stripping, UTF-8 validation, space
// normalisation, NFC) and SingularKey (analysis/lemmatizer.h), for words no dictionary knows.
#include "analysis/text.h"

#include <cstddef>
#include <string>

#include "analysis/lemmatizer.h"
#include "gtest/gtest.h"

namespace portaria::analysis {
namespace {

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
