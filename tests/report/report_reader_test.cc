// Reading report.json page by page (report/report_reader.h).
#include "report/report_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "findings/findings_json.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

namespace fs = std::filesystem;

TEST(ReportReaderTest, Local_PagesOneAtATimeThenTheRest) {
  for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
    const fs::path file =
        testing::SourcePath("fixtures/report/campaign/" + std::string(id) + "/report.json");
    auto whole = findings::ParseEntityReport(testing::ReadFileOrEmpty(file));
    ASSERT_TRUE(whole.ok()) << id;
    std::vector<findings::PageReport> pages;
    auto head =
        ReadEntityReport(file, [&](findings::PageReport&& p) { pages.push_back(std::move(p)); });
    ASSERT_TRUE(head.ok()) << id << ": " << head.status().message();
    EXPECT_TRUE(head->pages.empty());
    head->pages = std::move(pages);
    EXPECT_EQ(RenderEntityJson(*head), RenderEntityJson(*whole)) << id;
  }
}

TEST(ReportReaderTest, Local_BadReportsSayWhatIsWrong) {
  testing::TempDir dir;
  const fs::path file = dir.path() / "report.json";
  struct Case {
    std::string content;
    const char* says;
  };
  for (const Case& c : {
           Case{R"({"schema":"verifica-report/1","entity":{"id":"x"},"pages":[{"url":"u")",
                "truncated"},
           Case{R"({"schema":"verifica-report/2","entity":{"id":"x"}})", "unsupported"},
           Case{R"({"violations":[]})", "not a verifica report"},
           Case{R"({"schema":"verifica-report/1","entity":{"id":"x"},"pages":[{"url":1}]})",
                "malformed report"},
           Case{R"({"schema":"verifica-report/1","entity":{"id":"x"}} trailing)", "truncated"},
       }) {
    std::ofstream(file, std::ios::trunc) << c.content;
    int pages = 0;
    auto r = ReadEntityReport(file, [&](findings::PageReport&&) { ++pages; });
    ASSERT_FALSE(r.ok()) << c.content;
    EXPECT_NE(r.status().message().find(c.says), std::string::npos) << r.status().message();
  }
  EXPECT_FALSE(ReadEntityReport(dir.path() / "none.json", [](findings::PageReport&&) {}).ok());
}

}  // namespace
}  // namespace verifica::report
