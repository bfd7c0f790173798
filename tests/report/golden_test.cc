// Golden files for every format (tests/report/golden/). After an intended change, regenerate
// them with: VERIFICA_UPDATE_GOLDEN=1 build/<dir>/verifica_report_tests --gtest_filter='Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include "report/formats.h"
#include "report/html_report.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

TEST(GoldenTest, Local_EveryFormatOfAnEntity) {
  const findings::EntityReport r = testing::FixtureReport("instituto-vivienda");
  for (const FormatInfo& f : EntityFormats()) {
    testing::ExpectGolden("instituto-vivienda." + std::string(f.file),
                          RenderEntityFormat(f.name, r, testing::FixtureCatalog(), "es"));
  }
  testing::ExpectGolden("instituto-vivienda.en.report.html",
                        RenderEntityFormat("html", r, testing::FixtureCatalog(), "en"));
  testing::ExpectGolden("municipio-rio.report.html",
                        RenderEntityFormat("html", testing::FixtureReport("municipio-rio"),
                                           testing::FixtureCatalog(), "es"));
}

TEST(GoldenTest, Local_Campaign) {
  testing::TempDir dir;
  std::vector<EntitySummary> rows;
  for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
    rows.push_back(Summarize(testing::FixtureReport(id), id));
  }
  OutputOptions o;
  o.formats = {"html"};
  ASSERT_TRUE(WriteCampaignOutputs(rows, testing::FixtureCatalog(), dir.path(), o).ok());
  for (const char* f : {"index.html", "summary.json", "summary.csv"}) {
    testing::ExpectGolden(std::string("campaign.") + f, testing::ReadFileOrEmpty(dir.path() / f));
  }
  testing::ExpectGolden("campaign.en.index.html",
                        RenderCampaignHtml(rows, testing::FixtureCatalog(), "en", true));
}

}  // namespace
}  // namespace verifica::report
