#include "report/baseline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/gate.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

using findings::Finding;
using findings::Outcome;

Finding F(std::string selector, std::string snippet) {
  Finding f;
  f.selector = std::move(selector);
  f.snippet = std::move(snippet);
  return f;
}

TEST(FingerprintTest, Local_StableUnderCosmeticDifferences) {
  const FingerprintContext ctx = FingerprintContext::For({});
  const std::string a = ctx.Of("wcag-image-alt", "https://Ejemplo.GOB.mx:443/a?b=1#top",
                               F("body > img", "<img  src=\"x\">"));
  EXPECT_EQ(a, ctx.Of("wcag-image-alt", "https://ejemplo.gob.mx/a?b=1",
                      F(" body >  img ", "<img src=\"x\">\n")));
  EXPECT_TRUE(a.starts_with("v1:"));
  EXPECT_EQ(a.size(), 3u + 32u);
  // Anything that identifies another element, page or rule changes it.
  EXPECT_NE(a, ctx.Of("wcag-image-alt", "https://ejemplo.gob.mx/a?b=2",
                      F("body > img", "<img src=\"x\">")));
  EXPECT_NE(a, ctx.Of("wcag-image-alt", "https://ejemplo.gob.mx/a?b=1",
                      F("body > img:nth-child(2)", "<img src=\"x\">")));
  EXPECT_NE(a, ctx.Of("wcag-image-alt", "https://ejemplo.gob.mx/a?b=1",
                      F("body > img", "<img src=\"y\">")));
  EXPECT_NE(a, ctx.Of("wcag-link-name", "https://ejemplo.gob.mx/a?b=1",
                      F("body > img", "<img src=\"x\">")));
}

TEST(FingerprintTest, Local_FileUrlsAreRelativeToTheCheckedFolder) {
  auto pages = [](const std::string& root) {
    std::vector<findings::PageReport> v(2);
    v[0].url = v[0].final_url = "file://" + root + "/site/index.html";
    v[1].url = v[1].final_url = "file://" + root + "/site/sub/a.html";
    return v;
  };
  const auto one = pages("/home/ci/builds/123");
  const auto two = pages("/tmp/workspace");
  const FingerprintContext c1 = FingerprintContext::For(one), c2 = FingerprintContext::For(two);
  EXPECT_EQ(c1.NormalizeUrl(one[1].url), "file:sub/a.html");
  EXPECT_EQ(c1.Of("r", one[1].url, F("p", "<p>")), c2.Of("r", two[1].url, F("p", "<p>")));
  EXPECT_NE(c1.Of("r", one[0].url, F("p", "<p>")), c2.Of("r", two[1].url, F("p", "<p>")));
}

TEST(FingerprintTest, Local_ReportJsonCarriesFingerprints) {
  const findings::EntityReport r = testing::FixtureReport("instituto-vivienda");
  nlohmann::json j = nlohmann::json::parse(RenderEntityJson(r));
  const auto& f = j["pages"][0]["rules"][0]["findings"][0];
  ASSERT_TRUE(f.contains("fingerprint"));
  findings::EntityReport copy = r;
  AssignFingerprints(copy);
  EXPECT_EQ(f["fingerprint"].get<std::string>(), copy.pages[0].rules[0].findings[0].fingerprint);
  EXPECT_EQ(j["entity_rules"][0]["findings"][0]["fingerprint"].get<std::string>(),
            copy.entity_rules[0].findings[0].fingerprint);
}

// The next scan of instituto-vivienda: one image fixed, a new failure, one page not fetched.
findings::EntityReport Rescan() {
  findings::EntityReport r = testing::FixtureReport("instituto-vivienda");
  auto& home_alt = r.pages[0].rules[0];
  home_alt.findings.erase(home_alt.findings.begin());  // the logo got its alt
  home_alt.failed = 1;
  auto& transp_alt = r.pages[1].rules[0];
  transp_alt.outcome = Outcome::kFailed;
  transp_alt.failed = 1;
  Finding f = F("main > img", "<img src=\"/img/organigrama.png\">");
  f.outcome = Outcome::kFailed;
  f.line = 70;
  f.message = {"La imagen no tiene texto alternativo.", "The image has no alternative text."};
  transp_alt.findings.push_back(f);
  // The transparency page could not be fetched this time: its findings are unverified.
  r.pages[1].error = findings::PageError{"timeout", "no response"};
  r.pages[1].rules.clear();
  r.crawl.finished_at = "2026-04-02T10:00:00Z";
  return r;
}

TEST(BaselineTest, Local_NewFixedUnchangedAndUnverified) {
  const findings::EntityReport before = testing::FixtureReport("instituto-vivienda");
  findings::EntityReport after = before;
  auto& home_alt = after.pages[0].rules[0];
  home_alt.findings.erase(home_alt.findings.begin());  // the logo got its alt
  home_alt.failed = 1;
  auto& transp_alt = after.pages[1].rules[0];  // a new image without alt
  transp_alt.outcome = Outcome::kFailed;
  transp_alt.failed = 1;
  Finding f = F("main > img", "<img src=\"/img/organigrama.png\">");
  f.outcome = Outcome::kFailed;
  transp_alt.findings = {f};

  const ReportDiff d = DiffReports(before, after);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].rule_id, "wcag-image-alt");
  EXPECT_EQ(d.added[0].finding.selector, "main > img");
  ASSERT_EQ(d.fixed.size(), 1u);
  EXPECT_EQ(d.fixed[0].finding.selector, "body > header > a > img");
  EXPECT_TRUE(d.unverified.empty());
  // Everything else is unchanged: 2 failed + 1 cantTell on home, 3 on transparencia, 1 entity.
  EXPECT_EQ(d.unchanged.size(), 7u);
  EXPECT_EQ(CountGatedFailures(after, findings::Impact::kSerious, &d), 1u);
  EXPECT_EQ(CountGatedFailures(after, findings::Impact::kCritical, &d), 0u);
}

TEST(BaselineTest, Local_APageNotCheckedAgainIsNotFixed) {
  const findings::EntityReport before = testing::FixtureReport("instituto-vivienda");
  const findings::EntityReport after = Rescan();
  const ReportDiff d = DiffReports(before, after);
  EXPECT_TRUE(d.added.empty());
  ASSERT_EQ(d.fixed.size(), 1u);
  EXPECT_EQ(d.fixed[0].finding.selector, "body > header > a > img");
  EXPECT_EQ(d.unverified.size(), 3u);  // the transparency page's failures and review item
  for (const DiffEntry& e : d.unverified)
    EXPECT_EQ(e.page_url, "https://vivienda.ejemplo.gob.mx/transparencia/");
  EXPECT_EQ(CountGatedFailures(after, findings::Impact::kMinor, &d), 0u);
}

TEST(BaselineTest, Local_OutcomeChangeIsNewAndFixed) {
  const findings::EntityReport before = testing::FixtureReport("instituto-vivienda");
  findings::EntityReport after = before;
  // The contrast item went from "needs review" to failed.
  after.pages[0].rules[1].outcome = Outcome::kFailed;
  after.pages[0].rules[1].findings[0].outcome = Outcome::kFailed;
  const ReportDiff d = DiffReports(before, after);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].outcome, Outcome::kFailed);
  ASSERT_EQ(d.fixed.size(), 1u);
  EXPECT_EQ(d.fixed[0].outcome, Outcome::kCantTell);
}

TEST(BaselineTest, Local_SameReportHasNothingNew) {
  const findings::EntityReport r = testing::FixtureReport("municipio-rio");
  const ReportDiff d = DiffReports(r, r);
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.fixed.empty());
  EXPECT_EQ(d.unchanged.size(), 5u);
  EXPECT_EQ(CountGatedFailures(r, findings::Impact::kMinor, &d), 0u);
}

TEST(GateTest, Local_CountsFailedElementsAtOrAboveTheThreshold) {
  const findings::EntityReport r = testing::FixtureReport("instituto-vivienda");
  // serious: image-alt 2 + link-name 1 + page-title 1 + aviso 1; critical: form field 1.
  EXPECT_EQ(CountGatedFailures(r, findings::Impact::kCritical), 1u);
  EXPECT_EQ(CountGatedFailures(r, findings::Impact::kSerious), 6u);
  EXPECT_EQ(CountGatedFailures(r, findings::Impact::kMinor), 6u);
  EXPECT_TRUE(GateFails(6, {findings::Impact::kSerious, 5}));
  EXPECT_FALSE(GateFails(6, {findings::Impact::kSerious, 6}));
  EXPECT_EQ(
      CountGatedFailures(testing::FixtureReport("municipio-sierra"), findings::Impact::kMinor), 0u);
}

void Write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

TEST(BaselineTest, Local_LoadRejectsWhatIsNotAVerificaReport) {
  testing::TempDir dir;
  const auto& d = dir.path();
  const std::string good =
      testing::ReadSource("fixtures/report/campaign/municipio-rio/report.json");
  Write(d / "truncated.json", good.substr(0, good.size() / 2));
  Write(d / "axe.json", R"({"testEngine":{"name":"axe-core"},"violations":[]})");
  Write(d / "other.json", R"({"tool":{"name":"pa11y"},"pages":[]})");
  Write(d / "v2.json", R"({"schema":"verifica-report/2","entity":{"id":"x"}})");
  Write(d / "summary.json", R"({"schema":"verifica-summary/1","entities":[]})");
  Write(d / "x.sarif", R"({"version":"2.1.0","runs":[]})");
  Write(d / "array.json", "[1,2]");
  struct Case {
    const char* file;
    const char* says;
  };
  for (const Case& c :
       {Case{"truncated.json", "truncated"}, Case{"axe.json", "not a verifica report"},
        Case{"other.json", "another tool"}, Case{"v2.json", "not supported"},
        Case{"summary.json", "campaign summary"}, Case{"x.sarif", "SARIF"},
        Case{"array.json", "not a verifica report"}, Case{"missing.json", "no such file"}}) {
    auto r = LoadComparableReport(d / c.file);
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.says), std::string::npos)
        << c.file << ": " << r.status().message();
    EXPECT_NE(r.status().message().find(c.file), std::string::npos) << r.status().message();
  }
}

TEST(BaselineTest, Local_LoadAcceptsReportsFoldersCampaignsAndCheckOutput) {
  testing::TempDir dir;
  auto r = LoadComparableReport(testing::SourcePath("fixtures/report/campaign/municipio-rio"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entity.id, "municipio-rio");
  Write(dir.path() / "check.json", RenderCheckJson(r->pages));
  auto c = LoadComparableReport(dir.path() / "check.json");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->pages.size(), 1u);
  EXPECT_TRUE(DiffReports(*r, *c).added.empty());

  auto campaign = Baseline::Load(testing::SourcePath("fixtures/report/campaign"));
  ASSERT_TRUE(campaign.ok()) << campaign.status().message();
  ASSERT_NE(campaign->For("municipio-rio"), nullptr);
  EXPECT_EQ(campaign->For("municipio-rio")->entity.name, "Municipio de Río Claro");
  EXPECT_EQ(campaign->For("nueva-entidad"), nullptr);
  auto single =
      Baseline::Load(testing::SourcePath("fixtures/report/campaign/municipio-rio/report.json"));
  ASSERT_TRUE(single.ok());
  EXPECT_NE(single->For("municipio-rio"), nullptr);
  EXPECT_EQ(single->For("another-entity"), nullptr);
  EXPECT_NE(single->For("another-entity", /*sole_entity=*/true), nullptr);
  auto empty = Baseline::Load(dir.path());
  EXPECT_FALSE(empty.ok());
}

TEST(BaselineTest, Local_DiffRendersTextAndJson) {
  const findings::EntityReport before = testing::FixtureReport("instituto-vivienda");
  const findings::EntityReport after = Rescan();
  const ReportDiff d = DiffReports(before, after);
  const std::string es = RenderDiffText(d, before, after, testing::FixtureCatalog(), "es", false);
  EXPECT_NE(es.find("Corregidos"), std::string::npos) << es;
  EXPECT_NE(es.find("nuevos: 0 (incumplimientos: 0); corregidos: 1"), std::string::npos) << es;
  EXPECT_NE(es.find("no se dan por corregidos"), std::string::npos) << es;
  EXPECT_EQ(es.find("⟦"), std::string::npos) << es;
  const std::string en = RenderDiffText(d, before, after, testing::FixtureCatalog(), "en", true);
  EXPECT_NE(en.find("\x1b[1m"), std::string::npos);
  EXPECT_EQ(en.find("⟦"), std::string::npos) << en;
  nlohmann::json j = nlohmann::json::parse(RenderDiffJson(d, before, after));
  EXPECT_EQ(j["schema"], "verifica-diff/1");
  EXPECT_EQ(j["counts"]["fixed"], 1);
  EXPECT_EQ(j["counts"]["unverified"], 3);
  EXPECT_EQ(j["fixed"][0]["selector"], "body > header > a > img");
}

}  // namespace
}  // namespace verifica::report
