// `verifica diff OLD NEW`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/report_test_util.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

// Two check runs of the same page, the second one with one more image without alt.
struct Pair {
  testing::TempDir dir;
  fs::path before, after;
};

void MakePair(Pair* p) {
  const fs::path site = p->dir.path() / "site";
  fs::create_directories(site);
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal.html"), site / "index.html");
  p->before = p->dir.path() / "before.json";
  auto r = testing::Run({testing::VerificaBinary(), "check", site.string(), "--format", "json",
                         "-o", p->before.string()});
  ASSERT_NE(r.exit_code, 2) << r.err;
  fs::copy_file(testing::SourcePath("fixtures/report/pages/portal-v2.html"), site / "index.html",
                fs::copy_options::overwrite_existing);
  p->after = p->dir.path() / "after.json";
  r = testing::Run({testing::VerificaBinary(), "check", site.string(), "--format", "json", "-o",
                    p->after.string()});
  ASSERT_NE(r.exit_code, 2) << r.err;
}

TEST(DiffCommandTest, Local_NewFindingFailsAndIsListed) {
  Pair p;
  MakePair(&p);
  auto r = testing::Run({testing::VerificaBinary(), "diff", p.before.string(), p.after.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("nuevos: 1 (incumplimientos: 1)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("wcag-image-alt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Nuevos"), std::string::npos) << r.out;
  r = testing::Run(
      {testing::VerificaBinary(), "diff", p.before.string(), p.after.string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["counts"]["new"], 1);
  EXPECT_EQ(j["counts"]["fixed"], 0);
  EXPECT_GT(j["counts"]["unchanged"].get<int>(), 0);
  EXPECT_EQ(j["new"][0]["rule"], "wcag-image-alt");
  EXPECT_NE(j["new"][0]["snippet"].get<std::string>().find("mapa-cortes.png"), std::string::npos);
  // Gating options of their own.
  EXPECT_EQ(testing::Run({testing::VerificaBinary(), "diff", p.before.string(), p.after.string(),
                          "--max-failures", "1"})
                .exit_code,
            0);
  // Reversed: the image is fixed, nothing new.
  r = testing::Run(
      {testing::VerificaBinary(), "diff", p.after.string(), p.before.string(), "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("new: 0 (failures: 0); fixed: 1"), std::string::npos) << r.out;
}

TEST(DiffCommandTest, Local_ReportFoldersCompare) {
  const fs::path rio = testing::SourcePath("fixtures/report/campaign/municipio-rio");
  const auto r = testing::Run(
      {testing::VerificaBinary(), "diff", rio.string(), (rio / "report.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nuevos: 0 "), std::string::npos) << r.out;
}

TEST(DiffCommandTest, Local_BadInputIsExit2) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "axe.json") << R"({"violations":[],"testEngine":{"name":"axe-core"}})";
  const fs::path rio = testing::SourcePath("fixtures/report/campaign/municipio-rio/report.json");
  auto r = testing::Run(
      {testing::VerificaBinary(), "diff", (dir.path() / "axe.json").string(), rio.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a verifica report"), std::string::npos) << r.err;
  r = testing::Run(
      {testing::VerificaBinary(), "diff", rio.string(), (dir.path() / "missing.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no such file"), std::string::npos) << r.err;
  r = testing::Run({testing::VerificaBinary(), "diff", rio.string()});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace verifica::cli
