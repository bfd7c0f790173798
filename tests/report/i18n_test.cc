#include "report/i18n.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/html_report.h"
#include "report/outputs.h"
#include "report/report_test_util.h"
#include "report/wcag.h"

namespace verifica::report {
namespace {

TEST(I18nTest, Local_CatalogIsValidJsonWithTheSameKeysInBothLanguages) {
  nlohmann::json j =
      nlohmann::json::parse(testing::ReadSource("reports/templates/i18n.json"), nullptr, false);
  ASSERT_TRUE(j.is_object()) << "reports/templates/i18n.json does not parse";
  ASSERT_TRUE(j.contains("es") && j.contains("en"));
  const auto es = Messages::For("es").Keys();
  const auto en = Messages::For("en").Keys();
  EXPECT_GT(es.size(), 100u);
  EXPECT_EQ(es, en);
  EXPECT_EQ(es.size(), j["es"].size()) << "every entry must be a string";
  for (const std::string& key : es) {
    EXPECT_FALSE(Messages::For("es").Get(key).empty()) << key;
    EXPECT_FALSE(Messages::For("en").Get(key).empty()) << key;
  }
}

TEST(I18nTest, Local_PluralsAndPlaceholders) {
  const Messages& es = Messages::For("es");
  EXPECT_EQ(es.Count("count.pages", 1), "1 página");
  EXPECT_EQ(es.Count("count.pages", 0), "0 páginas");
  EXPECT_EQ(es.Count("count.pages", 12), "12 páginas");
  EXPECT_EQ(Messages::For("en").Count("count.elements", 1), "1 element");
  EXPECT_EQ(FillPlaceholders("{1} y {0} {2} {x}", {"a", "b"}), "b y a {2} {x}");
  EXPECT_EQ(es.Get("no.such.key"), "⟦no.such.key⟧");
  EXPECT_EQ(Messages::For("fr").lang(), "es");
  EXPECT_EQ(FormatScore(87.25), "87.2");
}

TEST(I18nTest, Local_WcagTableNamesCriteriaInPlainSpanish) {
  const Criterion* c = FindCriterion("1.1.1");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name.es, "Contenido no textual");
  EXPECT_EQ(c->level, "A");
  EXPECT_EQ(UnderstandingUrl("2.4.2"),
            "https://www.w3.org/WAI/WCAG22/Understanding/page-titled.html");
  EXPECT_EQ(UnderstandingUrl("9.9.9"), "");
  EXPECT_EQ(PrincipleOf("3.1.1"), '3');
  // Every A and AA criterion of WCAG 2.2 (4.1.1 kept, obsolete) is in the table.
  int a_aa = 0;
  for (const char* sc : {"1.1.1",  "1.2.1",  "1.2.2",  "1.2.3",  "1.2.4", "1.2.5", "1.3.1", "1.3.2",
                         "1.3.3",  "1.3.4",  "1.3.5",  "1.4.1",  "1.4.2", "1.4.3", "1.4.4", "1.4.5",
                         "1.4.10", "1.4.11", "1.4.12", "1.4.13", "2.1.1", "2.1.2", "2.1.4", "2.2.1",
                         "2.2.2",  "2.3.1",  "2.4.1",  "2.4.2",  "2.4.3", "2.4.4", "2.4.5", "2.4.6",
                         "2.4.7",  "2.4.11", "2.5.1",  "2.5.2",  "2.5.3", "2.5.4", "2.5.7", "2.5.8",
                         "3.1.1",  "3.1.2",  "3.2.1",  "3.2.2",  "3.2.3", "3.2.4", "3.2.6", "3.3.1",
                         "3.3.2",  "3.3.3",  "3.3.4",  "3.3.7",  "3.3.8", "4.1.2", "4.1.3"}) {
    const Criterion* k = FindCriterion(sc);
    ASSERT_NE(k, nullptr) << sc;
    EXPECT_TRUE(k->level == "A" || k->level == "AA") << sc;
    EXPECT_FALSE(k->name.es.empty() || k->name.en.empty() || k->slug.empty()) << sc;
    ++a_aa;
  }
  EXPECT_EQ(a_aa, 55);
}

// Every string the writers ask for exists: render every format of every fixture in both
// languages and look for the missing-key mark.
TEST(I18nTest, Local_NoWriterAsksForAMissingKey) {
  for (const char* lang : {"es", "en"}) {
    std::vector<EntitySummary> rows;
    for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
      const findings::EntityReport r = testing::FixtureReport(id);
      for (const std::string& f : EntityFormatNames()) {
        const std::string text = RenderEntityFormat(f, r, testing::FixtureCatalog(), lang);
        EXPECT_EQ(text.find("⟦"), std::string::npos)
            << id << " " << f << " " << lang << ": " << text.substr(text.find("⟦"), 60);
      }
      rows.push_back(Summarize(r, id));
    }
    const std::string index = RenderCampaignHtml(rows, testing::FixtureCatalog(), lang, true);
    EXPECT_EQ(index.find("⟦"), std::string::npos) << index.substr(index.find("⟦"), 60);
    TextOptions to;
    to.lang = lang;
    const std::string text = RenderCheckText(testing::FixtureReport("instituto-vivienda").pages,
                                             testing::FixtureCatalog(), to);
    EXPECT_EQ(text.find("⟦"), std::string::npos) << text;
  }
  for (const char* kind : {"empty", "not-html", "too-large", "too-deep", "not-found", "unreadable",
                           "timeout", "http", "something-new"}) {
    const findings::LocalizedText t = PageErrorText({kind, "detalle"});
    EXPECT_EQ((t.es + t.en).find("⟦"), std::string::npos) << kind;
    if (std::string_view(kind) != "something-new") {
      EXPECT_NE(t.es, t.en) << kind;
    }
  }
}

}  // namespace
}  // namespace verifica::report
