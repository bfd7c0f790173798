// The HTML reports as people see them: rendered by headless Chromium (Debian's chromium,
// installed by scripts/deps.sh), and checked by verifica itself — our reports must meet the
// standard we audit others against. Screenshots are saved under the build folder
// (report-screenshots/) for a look.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/i18n.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

namespace fs = std::filesystem;

// The fixture campaign rendered once per test process, into a folder of its own (ctest runs
// each test in its own process, in parallel), removed when the process ends.
struct RenderedFolder {
  fs::path dir;
  RenderedFolder() {
    std::string tmpl = (testing::BuildDir() / "report-browser-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) dir = tmpl;
  }
  ~RenderedFolder() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

const fs::path& RenderedCampaign() {
  static const RenderedFolder folder;
  static const fs::path out = [] {
    const fs::path dir = folder.dir;
    EXPECT_FALSE(dir.empty()) << "cannot create a folder under " << testing::BuildDir();
    OutputOptions o;
    o.formats = {"html"};
    std::vector<EntitySummary> rows;
    for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
      const findings::EntityReport r = testing::FixtureReport(id);
      EXPECT_TRUE(WriteEntityOutputs(r, testing::FixtureCatalog(), dir / id, o).ok());
      rows.push_back(Summarize(r, id));
    }
    EXPECT_TRUE(WriteCampaignOutputs(rows, testing::FixtureCatalog(), dir, o).ok());
    // The English report too.
    o.lang = "en";
    EXPECT_TRUE(WriteEntityOutputs(testing::FixtureReport("instituto-vivienda"),
                                   testing::FixtureCatalog(), dir / "en", o)
                    .ok());
    return dir;
  }();
  return out;
}

std::string Chromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(p)) return p;
  }
  return "";
}

struct Rendered {
  int exit_code = -1;
  std::string dom;
  std::string log;
};

// Renders `file` headless: the DOM as Chromium built it, its log, and a screenshot.
Rendered Render(const fs::path& file, const fs::path& screenshot) {
  testing::TempDir profile;
  const std::vector<std::string> common = {Chromium(),
                                           "--headless",
                                           "--no-sandbox",
                                           "--disable-gpu",
                                           "--disable-quic",
                                           "--no-first-run",
                                           "--disable-background-networking",
                                           "--disable-component-update",
                                           "--disable-sync",
                                           "--disable-extensions",
                                           "--mute-audio",
                                           "--hide-scrollbars",
                                           "--enable-logging=stderr",
                                           "--v=0",
                                           "--user-data-dir=" + profile.path().string()};
  std::vector<std::string> dump = common;
  dump.push_back("--dump-dom");
  dump.push_back("file://" + file.string());
  const testing::RunResult d = testing::Run(dump, {}, 120);
  std::vector<std::string> shot = common;
  fs::create_directories(screenshot.parent_path());
  shot.push_back("--window-size=1280,2400");
  shot.push_back("--screenshot=" + screenshot.string());
  shot.push_back("file://" + file.string());
  const testing::RunResult s = testing::Run(shot, {}, 120);
  return {d.exit_code == 0 ? s.exit_code : d.exit_code, d.out, d.err + s.err};
}

// Console messages and CSP violations that Chromium logs.
void ExpectNoConsoleErrors(const std::string& log) {
  for (const char* bad : {"CONSOLE(", "Uncaught", "Refused to", "Content Security Policy"}) {
    EXPECT_EQ(log.find(bad), std::string::npos) << bad << " in:\n" << log.substr(0, 2000);
  }
}

TEST(BrowserTest, Local_EntityReportRendersInChromium) {
  ASSERT_FALSE(Chromium().empty()) << "chromium is not installed: run scripts/deps.sh as root";
  const fs::path shot = testing::BuildDir() / "report-screenshots" / "report.png";
  fs::remove(shot);
  const Rendered r = Render(RenderedCampaign() / "instituto-vivienda" / "report.html", shot);
  ASSERT_EQ(r.exit_code, 0) << r.log.substr(0, 2000);
  EXPECT_NE(r.dom.find("<h1>Instituto de Vivienda del Estado</h1>"), std::string::npos)
      << r.dom.substr(0, 500);
  const EntitySummary s =
      Summarize(testing::FixtureReport("instituto-vivienda"), "", testing::FixtureCatalog());
  ASSERT_TRUE(s.obligations_index.has_value());
  EXPECT_NE(r.dom.find("<span class=\"n\">" + FormatScore(*s.obligations_index) +
                       "</span> índice de cumplimiento de obligaciones"),
            std::string::npos);
  EXPECT_NE(r.dom.find("<span class=\"n\">5</span> reglas incumplidas"), std::string::npos);
  EXPECT_NE(r.dom.find("<span class=\"n\">2</span> páginas revisadas"), std::string::npos);
  EXPECT_NE(r.dom.find("Afecta a 2 elementos en 1 página."), std::string::npos);
  EXPECT_NE(r.dom.find("4. Robusto"), std::string::npos);
  EXPECT_EQ(r.dom.find("<script"), std::string::npos);
  ExpectNoConsoleErrors(r.log);
  ASSERT_TRUE(fs::exists(shot)) << r.log.substr(0, 2000);
  const std::string png = testing::ReadFileOrEmpty(shot);
  EXPECT_TRUE(png.starts_with("\x89PNG\r\n\x1a\n"));
  EXPECT_GT(png.size(), 20000u) << "a blank page?";
}

TEST(BrowserTest, Local_EnglishReportAndCampaignIndexRender) {
  ASSERT_FALSE(Chromium().empty()) << "chromium is not installed: run scripts/deps.sh as root";
  const Rendered en = Render(RenderedCampaign() / "en" / "report.html",
                             testing::BuildDir() / "report-screenshots" / "report-en.png");
  ASSERT_EQ(en.exit_code, 0);
  EXPECT_NE(en.dom.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.dom.find("Affects 2 elements on 1 page."), std::string::npos);
  ExpectNoConsoleErrors(en.log);

  const fs::path shot = testing::BuildDir() / "report-screenshots" / "index.png";
  fs::remove(shot);
  const Rendered r = Render(RenderedCampaign() / "index.html", shot);
  ASSERT_EQ(r.exit_code, 0) << r.log.substr(0, 2000);
  EXPECT_NE(r.dom.find("3 sujetos obligados, 5 páginas revisadas."), std::string::npos);
  EXPECT_NE(r.dom.find("Municipio de Río Claro"), std::string::npos);
  EXPECT_NE(r.dom.find("<span class=\"n\">1</span> portales sin índice"), std::string::npos);
  EXPECT_NE(r.dom.find("href=\"./instituto-vivienda/report.html\""), std::string::npos);
  EXPECT_NE(r.dom.find("<title id=\"grafica-frecuentes-t\">"), std::string::npos);
  ExpectNoConsoleErrors(r.log);
  ASSERT_TRUE(fs::exists(shot));
  EXPECT_GT(fs::file_size(shot), 20000u);
}

// verifica check on its own reports: no rule fails.
TEST(SelfCheckTest, Local_OurReportsPassOurOwnRules) {
  const fs::path dir = RenderedCampaign();
  std::vector<std::string> argv = {
      testing::VerificaBinary(), "check", "--format", "json", "--fail-on", "minor"};
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".html") {
      argv.push_back(e.path().string());
      ++files;
    }
  }
  ASSERT_EQ(files, 5);
  // The hostile report too: escaping must not produce invalid markup.
  testing::TempDir hostile;
  OutputOptions o;
  o.formats = {"html"};
  ASSERT_TRUE(WriteEntityOutputs(testing::HostileReport(), {}, hostile.path(), o).ok());
  argv.push_back((hostile.path() / "report.html").string());
  const testing::RunResult r = testing::Run(argv);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.err;
  int rules = 0;
  for (const auto& p : j["pages"]) {
    EXPECT_TRUE(p["error"].is_null()) << p["url"] << ": " << p["error"].dump();
    for (const auto& rule : p["rules"]) {
      ++rules;
      EXPECT_NE(rule["outcome"], "failed")
          << p["url"].get<std::string>() << ": " << rule["id"] << " " << rule["findings"].dump(1);
    }
  }
  EXPECT_GT(rules, 0);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace verifica::report
