#include "report/escape.h"

#include <gtest/gtest.h>

#include "report/report_test_util.h"

namespace verifica::report {
namespace {

TEST(EscapeTest, Local_MarkupCharactersBecomeReferences) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml("</script>"), "&lt;/script&gt;");
}

TEST(EscapeTest, Local_ControlCharactersAndBadUtf8AreReplaced) {
  const std::string out =
      EscapeHtml(std::string("a\x01"
                             "b\x1b[0m\x7f\xc2\x9b"
                             "c\xff\xc3\x28"));
  EXPECT_TRUE(testing::IsUtf8(out));
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD[0m\xEF\xBF\xBD\xEF\xBF\xBD"
            "c\xEF\xBF\xBD\xEF\xBF\xBD(");
  // Tab, LF and CR are kept in text and become references in XML attributes.
  EXPECT_EQ(EscapeHtml("a\tb\nc"), "a\tb\nc");
  EXPECT_EQ(EscapeXmlAttribute("a\tb\nc\r"), "a&#9;b&#10;c&#13;");
  // Surrogates encoded in UTF-8 and U+FFFF are not allowed in XML.
  EXPECT_EQ(CleanText("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(CleanText("\xef\xbf\xbf"), "\xEF\xBF\xBD");
  EXPECT_EQ(CleanText("Transparencia ñ €"), "Transparencia ñ €");
}

TEST(EscapeTest, Local_OnlyHttpUrlsAreLinkable) {
  EXPECT_EQ(LinkableUrl("https://ejemplo.gob.mx/a?b=1"), "https://ejemplo.gob.mx/a?b=1");
  EXPECT_EQ(LinkableUrl("  HTTP://ejemplo.gob.mx/ "), "HTTP://ejemplo.gob.mx/");
  EXPECT_FALSE(LinkableUrl("javascript:alert(1)"));
  EXPECT_FALSE(LinkableUrl(" JaVaScRiPt:alert(1)"));
  EXPECT_FALSE(LinkableUrl("data:text/html,<script>"));
  EXPECT_FALSE(LinkableUrl("file:///etc/passwd"));
  EXPECT_FALSE(LinkableUrl("/relative/path"));
  EXPECT_FALSE(LinkableUrl("https://ejemplo.gob.mx/a b"));
  EXPECT_FALSE(LinkableUrl("https://ejemplo.gob.mx/\x01"));
  EXPECT_FALSE(LinkableUrl("https://ejemplo.gob.mx/\xff"));
  EXPECT_EQ(LinkableUrl("https://ejemplo.gob.mx/?q=\"><script>"),
            "https://ejemplo.gob.mx/?q=%22%3E%3Cscript%3E");
}

TEST(EscapeTest, Local_RelativeHrefStaysRelative) {
  EXPECT_EQ(RelativeHref("sujeto-01", "report.html"), "./sujeto-01/report.html");
  EXPECT_EQ(RelativeHref("javascript:alert(1)", "report.html"),
            "./javascript%3Aalert%281%29/report.html");
  EXPECT_EQ(RelativeHref("a\"b<c", "x"), "./a%22b%3Cc/x");
}

TEST(EscapeTest, Local_CsvFieldsQuoteAndNeutraliseFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("+cmd"), "'+cmd");
  EXPECT_EQ(CsvField("-2"), "'-2");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("  =HYPERLINK(\"x\")"), "\"'  =HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvField("x\x01y"), "x\xEF\xBF\xBDy");
}

TEST(EscapeTest, Local_TerminalTextHasNoEscapeSequences) {
  const std::string t = TerminalText("a\x1b[2Jb\nc\td\xc2\x9b");
  EXPECT_EQ(t.find('\x1b'), std::string::npos);
  EXPECT_EQ(t.find('\n'), std::string::npos);
  EXPECT_TRUE(testing::IsUtf8(t));
}

}  // namespace
}  // namespace verifica::report
