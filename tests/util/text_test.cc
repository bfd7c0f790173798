#include "util/text.h"

#include <gtest/gtest.h>

namespace verifica::text {
namespace {

TEST(TextTest, Local_FoldRemovesSpanishAccentsAndCase) {
  EXPECT_EQ(Fold("  Transparéncia   ÁÉÍÓÚ Ñandú Pingüino "), "transparencia aeiou nandu pinguino");
  EXPECT_EQ(Fold("Información\u00A0Pública"), "informacion publica");
  EXPECT_EQ(Fold("Straße Œuvre"), "strasse oeuvre");
}

TEST(TextTest, Local_FoldDropsCombiningMarks) {
  EXPECT_EQ(Fold("informacio\xCC\x81n"), "informacion");  // o + U+0301
}

TEST(TextTest, Local_FoldWorstCaseAndLargeInputs) {
  // Every byte ill-formed: each becomes U+FFFD (3 bytes), the largest growth Fold allows.
  EXPECT_EQ(Fold("\x80\xFF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Fold("\tA\x0B\rB\xC2\x85"
                 "C\xE2\x80\x83"),
            "a b c");  // ASCII and Unicode spaces
  EXPECT_EQ(Fold(""), "");
  // Past the per-thread scratch buffer's size.
  std::string big(600 * 1024, 'X');
  big += " \xC3\x81rbol";
  const std::string folded = Fold(big);
  EXPECT_EQ(folded.size(), 600 * 1024 + 6);
  EXPECT_EQ(folded.substr(folded.size() - 8), "xx arbol");
  EXPECT_EQ(Fold("AB"), "ab");  // and the scratch buffer still works afterwards
}

TEST(TextTest, Local_Utf8ValidationAndRepair) {
  EXPECT_TRUE(IsValidUtf8("año ✓"));
  EXPECT_FALSE(IsValidUtf8("a\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  // Long ASCII runs (checked eight bytes at a time) with a bad byte at each position.
  for (size_t bad = 0; bad < 20; ++bad) {
    std::string t(20, 'a');
    EXPECT_TRUE(IsValidUtf8(t));
    t[bad] = '\xFF';
    EXPECT_FALSE(IsValidUtf8(t)) << bad;
    t[bad] = '\xC3';
    EXPECT_FALSE(IsValidUtf8(t)) << bad;  // a lead byte without its continuation
  }
  EXPECT_TRUE(
      IsValidUtf8("informaci\xC3\xB3n p\xC3\xBA"
                  "blica y transparencia"));
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(TextTest, Local_TruncateKeepsCodePoints) {
  EXPECT_EQ(TruncateUtf8("añb", 2), "a");
  EXPECT_EQ(TruncateUtf8("añb", 3), "añ");
  EXPECT_EQ(TruncateUtf8("abc", 10), "abc");
}

TEST(TextTest, Local_BlankAndCollapse) {
  EXPECT_TRUE(IsBlank(" \t\n\u00A0"));
  EXPECT_FALSE(IsBlank(" x "));
  EXPECT_EQ(CollapseWhitespace("  a \n\t b  "), "a b");
  EXPECT_EQ(SplitHtmlSpace(" a  b\tc "), (std::vector<std::string_view>{"a", "b", "c"}));
}

TEST(TextTest, Local_LetterDigitWordsDropSymbolsWithoutSplitting) {
  using W = std::vector<std::string>;
  EXPECT_EQ(LetterDigitWords(">>> ** Enviar ** <<<"), W{"enviar"});
  EXPECT_EQ(LetterDigitWords("non-standard"), W{"nonstandard"});
  EXPECT_EQ(LetterDigitWords("Trámites  EN\u00a0Línea…"), (W{"tramites", "en", "linea"}));
  EXPECT_EQ(LetterDigitWords("123.555.0123"), W{"1235550123"});
  EXPECT_EQ(LetterDigitWords("💡 Submit 💡 × ¿"), W{"submit"});
  EXPECT_EQ(LetterDigitWords("ελλαδα 2"), (W{"ελλαδα", "2"}));
  EXPECT_TRUE(LetterDigitWords(" … ").empty());
}

}  // namespace
}  // namespace verifica::text
