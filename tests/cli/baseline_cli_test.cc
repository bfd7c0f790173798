// CI gating with check: --fail-on, --max-failures, --baseline, several formats.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/report_test_util.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

// Failed elements at or above serious on portal.html, counted from check's JSON.
int SeriousFailures(const std::string& json_text) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  int n = 0;
  for (const auto& p : j["pages"]) {
    for (const auto& r : p["rules"]) {
      if (r["outcome"] == "failed" && (r["impact"] == "serious" || r["impact"] == "critical")) {
        n += std::max(1, r["counts"]["failed"].get<int>());
      }
    }
  }
  return n;
}

TEST(BaselineCliTest, Local_MaxFailuresAndFailOn) {
  const std::string page = testing::SourcePath("fixtures/report/pages/portal.html");
  auto r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const int n = SeriousFailures(r.out);
  ASSERT_GT(n, 1) << r.out;
  EXPECT_EQ(
      testing::Run({testing::VerificaBinary(), "check", page, "--max-failures", std::to_string(n)})
          .exit_code,
      0);
  EXPECT_EQ(testing::Run(
                {testing::VerificaBinary(), "check", page, "--max-failures", std::to_string(n - 1)})
                .exit_code,
            1);
  EXPECT_EQ(
      testing::Run({testing::VerificaBinary(), "check", page, "--max-failures", "-1"}).exit_code,
      2);
}

TEST(BaselineCliTest, Local_OnlyNewFailuresFail) {
  testing::TempDir dir;
  const fs::path site = dir.path() / "site";
  fs::create_directories(site);
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal.html"), site / "index.html");
  const fs::path base = dir.path() / "base.json";
  auto r = testing::Run(
      {testing::VerificaBinary(), "check", site.string(), "--format", "json", "-o", base.string()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  // Same page: known failures only.
  r = testing::Run(
      {testing::VerificaBinary(), "check", site.string(), "--baseline", base.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("nuevos: 0"), std::string::npos) << r.err;
  // One more image without alt: one new failure.
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal-v2.html"), site / "index.html",
                fs::copy_options::overwrite_existing);
  r = testing::Run(
      {testing::VerificaBinary(), "check", site.string(), "--baseline", base.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nuevos: 1 (incumplimientos: 1)"), std::string::npos) << r.err;
  EXPECT_EQ(testing::Run({testing::VerificaBinary(), "check", site.string(), "--baseline",
                          base.string(), "--max-failures", "1"})
                .exit_code,
            0);
  // The same site checked from another folder (another CI workspace) matches the baseline.
  const fs::path other = dir.path() / "workspace-2" / "site";
  fs::create_directories(other);
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal.html"), other / "index.html");
  r = testing::Run(
      {testing::VerificaBinary(), "check", other.string(), "--baseline", base.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(BaselineCliTest, Local_BadBaselineIsExit2AndNothingIsChecked) {
  testing::TempDir dir;
  const std::string page = testing::SourcePath("fixtures/report/pages/portal.html");
  std::ofstream(dir.path() / "lh.json") << R"({"lighthouseVersion":"12","audits":{}})";
  std::ofstream(dir.path() / "old.json") << R"({"schema":"verifica-report/0","entity":{}})";
  std::ofstream(dir.path() / "cut.json") << R"({"schema":"verifica-report/1","entity":{"id":)";
  for (const char* f : {"lh.json", "old.json", "cut.json", "none.json"}) {
    const auto r = testing::Run(
        {testing::VerificaBinary(), "check", page, "--baseline", (dir.path() / f).string()});
    EXPECT_EQ(r.exit_code, 2) << f;
    EXPECT_NE(r.err.find("--baseline"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(f), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << f;
  }
}

TEST(BaselineCliTest, Local_SeveralFormatsGoToAFolder) {
  testing::TempDir dir;
  const std::string page = testing::SourcePath("fixtures/report/pages/portal.html");
  const fs::path out = dir.path() / "out";
  auto r =
      testing::Run({testing::VerificaBinary(), "check", page, "--format", "html,sarif", "--format",
                    "junit", "--format", "csv,json,text,earl", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  for (const char* f : {"report.html", "report.sarif", "report.junit.xml", "findings.csv",
                        "check.json", "check.txt", "report.earl.json"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  // One format to stdout, as before.
  r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "sarif"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(r.out, nullptr, false)["version"], "2.1.0");
  // Several formats need a folder; output folders that cannot be written are input errors.
  r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "html,sarif"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("-o FOLDER"), std::string::npos) << r.err;
  std::ofstream(dir.path() / "file") << "x";
  r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "html,sarif", "-o",
                    (dir.path() / "file" / "sub").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "html", "-o",
                    (dir.path() / "no" / "such" / "report.html").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  r = testing::Run({testing::VerificaBinary(), "check", page, "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(BaselineCliTest, Local_HostilePageIsInertInEveryFormat) {
  testing::TempDir dir;
  const fs::path out = dir.path() / "out";
  const auto r =
      testing::Run({testing::VerificaBinary(), "check",
                    testing::SourcePath("fixtures/report/hostile/hostile.html"), "--format",
                    "html,sarif,junit,csv,json,earl,text", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const std::string html = testing::ReadFileOrEmpty(out / "report.html");
  ASSERT_FALSE(html.empty());
  EXPECT_TRUE(testing::IsUtf8(html));
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("<svg onload"), std::string::npos);
  EXPECT_EQ(lower.find("<img"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"javascript"), std::string::npos);
  EXPECT_EQ(lower.find("href=\" javascript"), std::string::npos);
  EXPECT_EQ(lower.find("href=\"data:"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=&quot;javascript:alert(3)&quot; data-x=&quot;&lt;/script&gt;"),
            std::string::npos)
      << "the snippet is shown, escaped";
  for (const char* f : {"report.html", "report.junit.xml", "findings.csv", "check.txt"}) {
    const std::string text = testing::ReadFileOrEmpty(out / f);
    EXPECT_TRUE(testing::IsUtf8(text)) << f;
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << f;
    EXPECT_EQ(text.find('\x01'), std::string::npos) << f;
  }
  for (const char* f : {"report.sarif", "check.json", "report.earl.json"}) {
    EXPECT_FALSE(
        nlohmann::json::parse(testing::ReadFileOrEmpty(out / f), nullptr, false).is_discarded())
        << f;
  }
  const std::string csv = testing::ReadFileOrEmpty(out / "findings.csv");
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.find(",+cmd"), std::string::npos);
  EXPECT_EQ(csv.find(",@SUM"), std::string::npos);
}

}  // namespace
}  // namespace verifica::cli

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

TEST(BaselineCliTest, Local_ScanWritesFormatsAndGatesOnNewFindings) {
  testing::TempDir dir;
  const fs::path site = dir.path() / "portal";
  fs::create_directories(site);
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal.html"), site / "index.html");
  const fs::path out = dir.path() / "out";
  auto r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out.string(),
                         "--format", "sarif,junit", "--format", "csv", "-q"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  std::string id;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory()) id = e.path().filename().string();
  }
  ASSERT_FALSE(id.empty());
  for (const char* f : {"report.json", "report.sarif", "report.junit.xml", "findings.csv"}) {
    EXPECT_TRUE(fs::exists(out / id / f)) << f;
  }
  EXPECT_FALSE(fs::exists(out / id / "report.html")) << "html was not asked for";
  EXPECT_TRUE(fs::exists(out / "index.html"));
  // Rescan against the first output: nothing new.
  const fs::path out2 = dir.path() / "out2";
  r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out2.string(),
                    "--baseline", out.string(), "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("nuevos: 0"), std::string::npos) << r.err;
  // One more image without alt.
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal-v2.html"), site / "index.html",
                fs::copy_options::overwrite_existing);
  r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out2.string(),
                    "--baseline", (out / id / "report.json").string(), "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("nuevos: 1 (incumplimientos: 1)"), std::string::npos) << r.err;
  r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out2.string(),
                    "--baseline", out.string(), "--max-failures", "1", "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Bad options are caught before anything is fetched.
  r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out2.string(),
                    "--format", "docx"});
  EXPECT_EQ(r.exit_code, 2);
  r = testing::Run({testing::VerificaBinary(), "scan", site.string(), "--out", out2.string(),
                    "--baseline", (dir.path() / "nothing").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--baseline"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace verifica::cli
