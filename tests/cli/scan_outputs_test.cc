// The files `verifica scan` writes, run as a user would on the demo campaign (fixtures/demo):
// every format is streamed from the scan's page spool, and must be the same text that
// `verifica report` renders from the saved report.json; the JavaScript-only portal is summarised
// as "needs-rendering", without a score.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/report_test_util.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ScanOutputsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const fs::path demo = testing::SourcePath("fixtures/demo");
    json expected = json::parse(
        testing::ReadFileOrEmpty(demo / "expected" / "instituto-vivienda.json"), nullptr, false);
    const std::string today = expected.is_object() ? expected.value("today", "") : "";
    scan_ = new testing::RunResult(testing::Run(
        {testing::VerificaBinary(), "scan", "--entities", "entities.csv", "--allow-private", "-q",
         "--today", today, "--format", "html,sarif,junit,csv,earl", "--out", Out().string()},
        demo, 600));
  }
  static void TearDownTestSuite() {
    delete scan_;
    delete dir_;
  }
  static fs::path Out() { return dir_->path() / "out"; }

  static testing::TempDir* dir_;
  static testing::RunResult* scan_;
};

testing::TempDir* ScanOutputsTest::dir_ = nullptr;
testing::RunResult* ScanOutputsTest::scan_ = nullptr;

TEST_F(ScanOutputsTest, Local_StreamedFilesEqualTheReportCommandsRebuild) {
  ASSERT_LE(scan_->exit_code, 1) << scan_->err;
  const fs::path copy = dir_->path() / "rebuilt";
  fs::copy(Out(), copy, fs::copy_options::recursive);
  const auto r = testing::Run({testing::VerificaBinary(), "report", copy.string(), "--format",
                               "html,sarif,junit,csv,earl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int compared = 0;
  for (const char* id : {"instituto-vivienda", "comision-agua", "secretaria-cultura",
                         "municipio-san-isidro", "fideicomiso-turismo"}) {
    for (const char* f : {"report.json", "report.html", "report.sarif", "report.junit.xml",
                          "findings.csv", "report.earl.json"}) {
      const std::string streamed = testing::ReadFileOrEmpty(Out() / id / f);
      EXPECT_FALSE(streamed.empty()) << id << "/" << f;
      EXPECT_TRUE(streamed == testing::ReadFileOrEmpty(copy / id / f)) << id << "/" << f;
      ++compared;
    }
    // Only the report files are left in the entity folder (no spool).
    int files = 0;
    for (const auto& e : fs::directory_iterator(Out() / id)) {
      ++files;
      EXPECT_EQ(e.path().filename().string().find(".spool"), std::string::npos) << e.path();
    }
    EXPECT_EQ(files, 6) << id;
  }
  EXPECT_EQ(compared, 30);
  for (const char* f : {"summary.json", "summary.csv", "index.html"}) {
    EXPECT_TRUE(testing::ReadFileOrEmpty(Out() / f) == testing::ReadFileOrEmpty(copy / f)) << f;
  }
}

TEST_F(ScanOutputsTest, Local_AJavaScriptShellNeedsRenderingAndHasNoScore) {
  ASSERT_LE(scan_->exit_code, 1) << scan_->err;
  json summary = json::parse(testing::ReadFileOrEmpty(Out() / "summary.json"), nullptr, false);
  ASSERT_TRUE(summary.is_object());
  int seen = 0;
  for (const json& e : summary["entities"]) {
    if (e["id"] == "fideicomiso-turismo") {
      EXPECT_EQ(e["status"], "needs-rendering");
      EXPECT_TRUE(e["score"].is_null());
      ++seen;
    } else {
      EXPECT_EQ(e["status"], "ok") << e["id"];
      EXPECT_TRUE(e["score"].is_number()) << e["id"];
    }
  }
  EXPECT_EQ(seen, 1);
  const std::string csv = testing::ReadFileOrEmpty(Out() / "summary.csv");
  const size_t row = csv.find("\nfideicomiso-turismo,");
  ASSERT_NE(row, std::string::npos) << csv;
  const std::string line = csv.substr(row + 1, csv.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find(",needs-rendering,"), std::string::npos) << line;
  EXPECT_NE(line.find(",,fideicomiso-turismo/report.json"), std::string::npos) << line;

  // The console table: the status, and a dash for the score.
  const size_t at = scan_->out.find("\nfideicomiso-turismo ");
  ASSERT_NE(at, std::string::npos) << scan_->out;
  const std::string table_row = scan_->out.substr(at + 1, scan_->out.find('\n', at + 1) - at - 1);
  EXPECT_NE(table_row.find("needs-rendering"), std::string::npos) << table_row;
  EXPECT_EQ(table_row.substr(table_row.size() - 3), "—") << table_row;
  EXPECT_EQ(table_row.find("100.0"), std::string::npos) << table_row;

  const std::string index = testing::ReadFileOrEmpty(Out() / "index.html");
  EXPECT_NE(index.find("Requiere renderizado"), std::string::npos);
  const std::string html = testing::ReadFileOrEmpty(Out() / "fideicomiso-turismo/report.html");
  EXPECT_NE(html.find("Requiere renderizado"), std::string::npos);
  EXPECT_EQ(html.find("<span class=\"n\">100.0</span>"), std::string::npos);
}

}  // namespace
}  // namespace verifica::cli
