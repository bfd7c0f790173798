#include "report/outputs.h"

#include <gtest/gtest.h>

#include <fstream>

#include "report/formats.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(OutputsTest, Local_WritesTheRequestedFormats) {
  testing::TempDir dir;
  OutputOptions o;
  o.formats = EntityFormatNames();
  const fs::path entity = dir.path() / "instituto-vivienda";
  ASSERT_TRUE(WriteEntityOutputs(testing::FixtureReport("instituto-vivienda"),
                                 testing::FixtureCatalog(), entity, o)
                  .ok());
  EXPECT_EQ(Files(entity),
            (std::vector<std::string>{"findings.csv", "report.earl.json", "report.html",
                                      "report.json", "report.junit.xml", "report.sarif"}));
  o.formats = {"sarif"};
  testing::TempDir two;
  ASSERT_TRUE(WriteEntityOutputs(testing::FixtureReport("municipio-rio"), {}, two.path(), o).ok());
  EXPECT_EQ(Files(two.path()), (std::vector<std::string>{"report.json", "report.sarif"}));
  o.formats = {"pdf"};
  EXPECT_FALSE(WriteEntityOutputs(testing::FixtureReport("municipio-rio"), {}, two.path(), o).ok());
}

TEST(OutputsTest, Local_UnwritableFolderIsAnErrorAndLeavesNothing) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "plain-file") << "x";
  OutputOptions o;
  const Status s = WriteEntityOutputs(testing::FixtureReport("municipio-rio"), {},
                                      dir.path() / "plain-file" / "entity", o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("plain-file"), std::string::npos) << s.message();
  EXPECT_EQ(Files(dir.path()), (std::vector<std::string>{"plain-file"}));
}

TEST(OutputsTest, Local_AFailedFileReplacesNoneOfTheOthers) {
  testing::TempDir dir;
  fs::create_directory(dir.path() / "report.sarif");  // cannot be replaced by a file
  std::ofstream(dir.path() / "report.json") << "old";
  OutputOptions o;
  o.formats = {"html", "sarif", "junit"};
  const Status s = WriteEntityOutputs(testing::FixtureReport("municipio-rio"), {}, dir.path(), o);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("report.sarif"), std::string::npos) << s.message();
  EXPECT_EQ(Files(dir.path()), (std::vector<std::string>{"report.json", "report.sarif"}));
  EXPECT_EQ(testing::ReadFileOrEmpty(dir.path() / "report.json"), "old");
}

TEST(OutputsTest, Local_CampaignFiles) {
  testing::TempDir dir;
  std::vector<EntitySummary> rows = {
      Summarize(testing::FixtureReport("municipio-rio"), "municipio-rio")};
  EXPECT_EQ(rows[0].obligations_passed, 1u);
  EXPECT_EQ(rows[0].obligations_cant_tell, 1u);
  OutputOptions o;
  ASSERT_TRUE(WriteCampaignOutputs(rows, {}, dir.path(), o).ok());
  EXPECT_EQ(Files(dir.path()),
            (std::vector<std::string>{"index.html", "summary.csv", "summary.json"}));
  EXPECT_NE(testing::ReadFileOrEmpty(dir.path() / "index.html").find("./municipio-rio/report.html"),
            std::string::npos);
}

}  // namespace
}  // namespace verifica::report
