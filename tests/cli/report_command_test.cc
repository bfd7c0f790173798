// `verifica report OUT_DIR`, run as a user would. This file also compiles the report tests'
// helpers into the CLI test program (tests/report/report_test_util.cc).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "report/report_test_util.cc"  // NOLINT: shared test helpers, compiled once here
#include "report/report_test_util.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

fs::path CopyCampaign(const TempDir& dir) {
  const fs::path out = dir.path() / "out";
  fs::copy(testing::SourcePath("fixtures/report/campaign"), out, fs::copy_options::recursive);
  return out;
}

TEST(ReportCommandTest, Local_RebuildsEveryFormatAndTheIndex) {
  TempDir dir;
  const fs::path out = CopyCampaign(dir);
  const std::string before = testing::ReadFileOrEmpty(out / "municipio-rio/report.json");
  const auto r = testing::Run({testing::VerificaBinary(), "report", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("3 reports rebuilt"), std::string::npos) << r.err;
  for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
    for (const char* f : {"report.html", "report.sarif", "report.junit.xml", "findings.csv",
                          "report.earl.json", "report.json"}) {
      EXPECT_TRUE(fs::exists(out / id / f)) << id << "/" << f;
    }
  }
  for (const char* f : {"index.html", "summary.json", "summary.csv"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  EXPECT_EQ(testing::ReadFileOrEmpty(out / "municipio-rio/report.json"), before)
      << "report.json is the source, never rewritten by default";
  const std::string html = testing::ReadFileOrEmpty(out / "instituto-vivienda/report.html");
  EXPECT_NE(html.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(testing::ReadFileOrEmpty(out / "index.html").find("./municipio-rio/report.html"),
            std::string::npos);
}

// Issue 11 item 5: the campaign's name, dates and pack versions that the scan wrote into
// summary.json stay in the rebuilt index and summary.
TEST(ReportCommandTest, Local_KeepsTheCampaignNameDatesAndPacks) {
  TempDir dir;
  const fs::path out = CopyCampaign(dir);
  std::ofstream(out / "summary.json")
      << R"({"schema": "verifica-summary/1", "campaign": {"name": "Municipios 2026",)"
      << R"( "started_at": "2026-03-02T10:00:00Z", "finished_at": "2026-03-02T11:30:00Z",)"
      << R"( "packs": [{"id": "mx-lgtaip-2025", "version": "1.1.0"}]}, "entities": []})";
  const auto r = testing::Run({testing::VerificaBinary(), "report", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string index = testing::ReadFileOrEmpty(out / "index.html");
  EXPECT_NE(index.find("<h1>Campaña «Municipios 2026»</h1>"), std::string::npos);
  EXPECT_NE(index.find("Revisión del 2026-03-02 10:00:00 UTC al 2026-03-02 11:30:00 UTC"),
            std::string::npos);
  EXPECT_NE(index.find("mx-lgtaip-2025 1.1.0"), std::string::npos);
  const std::string summary = testing::ReadFileOrEmpty(out / "summary.json");
  EXPECT_NE(summary.find("\"name\": \"Municipios 2026\""), std::string::npos);
  EXPECT_NE(summary.find("\"indices\""), std::string::npos);
}

TEST(ReportCommandTest, Local_SelectedFormatsAndLanguage) {
  TempDir dir;
  const fs::path out = CopyCampaign(dir);
  const auto r = testing::Run({testing::VerificaBinary(), "report", out.string(), "--format",
                               "sarif,html", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "municipio-rio/report.sarif"));
  EXPECT_FALSE(fs::exists(out / "municipio-rio/report.junit.xml"));
  EXPECT_NE(testing::ReadFileOrEmpty(out / "municipio-rio/report.html").find("<html lang=\"en\">"),
            std::string::npos);
  // One entity's folder: only that entity, no campaign index.
  TempDir one;
  fs::copy(testing::SourcePath("fixtures/report/campaign/municipio-rio"), one.path() / "e",
           fs::copy_options::recursive);
  const auto s = testing::Run({testing::VerificaBinary(), "report", (one.path() / "e").string()});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(fs::exists(one.path() / "e/report.html"));
  EXPECT_FALSE(fs::exists(one.path() / "e/index.html"));
  const auto bad =
      testing::Run({testing::VerificaBinary(), "report", out.string(), "--format", "pdf"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown format 'pdf'"), std::string::npos) << bad.err;
}

TEST(ReportCommandTest, Local_ABadReportWritesNothing) {
  struct Case {
    const char* name;
    std::string content;
    const char* says;
  };
  const std::string good =
      testing::ReadSource("fixtures/report/campaign/municipio-rio/report.json");
  for (
      const Case& c :
      {Case{"truncated", good.substr(0, good.size() / 3), "truncated"},
       Case{"other-version", R"({"schema":"verifica-report/2","entity":{"id":"x"}})",
            "unsupported report schema"},
       Case{"other-tool", R"({"testEngine":{"name":"axe-core"},"violations":[]})",
            "not a verifica report"},
       Case{
           "bad-outcome",
           R"({"schema":"verifica-report/1","entity":{"id":"x"},"pages":[{"url":"u","rules":[{"id":"r","outcome":"maybe"}]}]})",
           "unknown outcome"}}) {
    TempDir dir;
    const fs::path out = CopyCampaign(dir);
    std::ofstream(out / "municipio-rio/report.json", std::ios::trunc) << c.content;
    const auto r = testing::Run({testing::VerificaBinary(), "report", out.string()});
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_NE(r.err.find("municipio-rio/report.json"), std::string::npos) << c.name << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      if (e.is_directory()) continue;
      EXPECT_EQ(e.path().filename(), "report.json") << c.name << ": wrote " << e.path();
    }
  }
}

TEST(ReportCommandTest, Local_MissingOrUnwritableFolder) {
  TempDir dir;
  auto r = testing::Run({testing::VerificaBinary(), "report", (dir.path() / "nope").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no such folder"), std::string::npos) << r.err;
  r = testing::Run({testing::VerificaBinary(), "report", dir.path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no report.json"), std::string::npos) << r.err;
  // A folder in the way of report.html: that entity's files are not replaced, exit 2.
  const fs::path out = CopyCampaign(dir);
  fs::create_directory(out / "municipio-rio/report.html");
  r = testing::Run({testing::VerificaBinary(), "report", out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("report.html"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "municipio-rio/report.sarif"));
  EXPECT_FALSE(fs::exists(out / "index.html"));
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

}  // namespace
}  // namespace verifica::cli
