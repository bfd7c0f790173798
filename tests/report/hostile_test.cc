// A report full of hostile page content must come out inert in every format.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>

#include "html/parser.h"
#include "report/baseline.h"
#include "report/formats.h"
#include "report/html_report.h"
#include "report/outputs.h"
#include "report/report_test_util.h"
#include "util/text.h"

namespace verifica::report {
namespace {

// No C0 control characters (except tab, LF, CR), no DEL or C1 controls unless `allow_c1` (JSON
// keeps U+0080–U+009F inside strings, where they are inert), and well-formed UTF-8.
void ExpectCleanText(const std::string& s, std::string_view what, bool allow_c1 = false) {
  EXPECT_TRUE(testing::IsUtf8(s)) << what;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      ADD_FAILURE() << what << ": control character " << int(c) << " at " << i;
      return;
    }
    if (allow_c1) continue;
    if (c == 0x7f ||
        (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9f)) {
      ADD_FAILURE() << what << ": DEL or C1 control at " << i;
      return;
    }
  }
}

// Parses the HTML as a browser would and checks that only our own markup is in it.
void ExpectInertHtml(const std::string& text, std::string_view what) {
  ExpectCleanText(text, what);
  html::ParseOptions o;
  o.content_type = "text/html";
  html::ParseResult parsed = html::Parse(text, o);
  ASSERT_TRUE(parsed.ok) << what;
  static const std::set<std::string> kTags = {
      "html",   "head",       "meta",    "title",   "style",  "body",    "a",  "header", "p",
      "h1",     "h2",         "h3",      "h4",      "main",   "section", "ul", "li",     "span",
      "figure", "figcaption", "svg",     "desc",    "text",   "rect",    "dl", "dt",     "dd",
      "strong", "table",      "caption", "thead",   "tbody",  "tr",      "th", "td",     "code",
      "pre",    "div",        "details", "summary", "footer", "br",      "nav"};
  const dom::Document& d = parsed.document;
  for (dom::NodeId id = 0; id < d.size(); ++id) {
    const dom::Node& n = d.node(id);
    if (!n.is_element()) continue;
    EXPECT_TRUE(kTags.count(n.tag)) << what << ": unexpected element <" << n.tag << ">";
    for (const dom::Attribute& a : n.attrs) {
      EXPECT_FALSE(text::StartsWithIgnoreAsciiCase(a.name, "on")) << what << ": " << a.name;
      EXPECT_NE(a.name, "src") << what;
      if (a.name == "href") {
        const bool ok = a.value.starts_with("https://") || a.value.starts_with("http://") ||
                        a.value.starts_with("#") || a.value.starts_with("./");
        EXPECT_TRUE(ok) << what << ": link to " << a.value;
        EXPECT_EQ(a.value.find_first_of(" \t\n\"<>"), std::string::npos) << a.value;
      }
    }
  }
  // The CSP meta is the first thing in the head, before any page-derived text.
  EXPECT_LT(text.find("Content-Security-Policy"), text.find("<title>"));
}

TEST(HostileTest, Local_EveryFormatIsInert) {
  const findings::EntityReport r = testing::HostileReport();
  for (const char* lang : {"es", "en"}) {
    for (const std::string& f : EntityFormatNames()) {
      const std::string what = f + "/" + lang;
      const std::string text = RenderEntityFormat(f, r, {}, lang);
      ASSERT_FALSE(text.empty()) << what;
      const bool json = f == "json" || f == "sarif" || f == "earl";
      ExpectCleanText(text, what, /*allow_c1=*/json);
      if (f == "html") {
        ExpectInertHtml(text, what);
        // The javascript: pages are shown, not linked.
        EXPECT_NE(text.find("javascript:alert(1)"), std::string::npos);
        EXPECT_EQ(text.find("href=\"javascript"), std::string::npos);
        EXPECT_NE(text.find("&lt;/script&gt;&lt;script&gt;"), std::string::npos);
      } else if (f == "junit") {
        pugi::xml_document doc;
        const pugi::xml_parse_result ok = doc.load_string(text.c_str());
        ASSERT_TRUE(ok) << ok.description();
        static const std::set<std::string> kNames = {
            "testsuites", "testsuite", "testcase", "failure", "skipped", "error", "system-out"};
        std::function<void(pugi::xml_node)> walk = [&](pugi::xml_node n) {
          for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            EXPECT_TRUE(kNames.count(c.name())) << "unexpected <" << c.name() << ">";
            walk(c);
          }
        };
        walk(doc);
        // The hostile strings survive as text.
        EXPECT_NE(std::string(doc.child("testsuites").attribute("name").value()).find("</script>"),
                  std::string::npos);
      } else if (f == "csv") {
        EXPECT_EQ(text.find("\n=HYPERLINK"), std::string::npos);
        EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos);
        EXPECT_EQ(text.find(",+cmd"), std::string::npos);
        EXPECT_EQ(text.find(",-1+1"), std::string::npos);
        EXPECT_EQ(text.find(",@SUM"), std::string::npos);
      } else {
        nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
        EXPECT_FALSE(j.is_discarded()) << what;
      }
    }
  }
  std::vector<EntitySummary> rows = {Summarize(r, "javascript:alert(1)")};
  const std::string index = RenderCampaignHtml(rows, {}, "es", true);
  ExpectInertHtml(index, "index.html");
  EXPECT_NE(index.find("href=\"./javascript%3Aalert%281%29/report.html\""), std::string::npos);
  // Text output for terminals has no escape sequences either.
  const ReportDiff d = DiffReports(findings::EntityReport{}, r);
  const std::string diff = RenderDiffText(d, {}, r, {}, "es", false);
  ExpectCleanText(diff, "diff text");
  EXPECT_EQ(diff.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace verifica::report
