// Writing an entity's formats from pages given one at a time (report/entity_stream.h), and the
// "needs-rendering" entity status (report/outputs.h).
#include "report/entity_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/escape.h"
#include "report/formats.h"
#include "report/html_report.h"
#include "report/i18n.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

using findings::Finding;
using findings::Outcome;
using findings::PageReport;
using findings::RuleResult;

RuleResult Rule(std::string id, Outcome o) {
  RuleResult r;
  r.id = std::move(id);
  r.outcome = o;
  r.impact = findings::Impact::kSerious;
  r.wcag = {"1.1.1"};
  return r;
}

Finding Element(Outcome o, int i, std::string message_id = "missing-alt") {
  Finding f;
  f.outcome = o;
  f.selector = "main > img:nth-of-type(" + std::to_string(i + 1) + ")";
  f.line = static_cast<uint32_t>(10 + i);
  f.column = 3;
  f.snippet = "<img src=\"foto-" + std::to_string(i) + ".jpg\">";
  f.message_id = std::move(message_id);
  f.message = {"La imagen no tiene texto alternativo", "The image has no text alternative"};
  return f;
}

// A large entity: every page fails one rule on 30 elements (more than the HTML lists per page),
// has another needing review, passes and is inapplicable to others; some pages could not be
// fetched.
findings::EntityReport LargeReport(int pages) {
  findings::EntityReport rep;
  rep.entity = {"grande", "Portal grande", "https://grande.gob.mx/", "municipio", {}};
  rep.crawl.started_at = "2026-11-28T10:00:00Z";
  rep.crawl.finished_at = "2026-11-28T11:00:00Z";
  for (int i = 0; i < pages; ++i) {
    PageReport p;
    p.url = "https://grande.gob.mx/p/" + std::to_string(1000 + i) + ".html";
    p.status = 200;
    p.fetched_at = "2026-11-28T10:30:00Z";
    if (i % 17 == 5) {
      p.status = 404;
      p.error = findings::PageError{"not-found", "HTTP 404"};
      rep.pages.push_back(std::move(p));
      continue;
    }
    RuleResult alt = Rule("wcag-image-alt", Outcome::kFailed);
    for (int k = 0; k < 30; ++k) alt.findings.push_back(Element(Outcome::kFailed, k));
    alt.failed = 34;  // four more than listed: the runner's cap
    RuleResult review = Rule("wcag-link-name", Outcome::kCantTell);
    review.findings.push_back(Element(Outcome::kCantTell, i % 3));
    review.cant_tell = 1;
    RuleResult title = Rule("wcag-document-title", Outcome::kPassed);
    title.passed = 1;
    RuleResult form = Rule("wcag-form-label", Outcome::kInapplicable);
    p.rules = {alt, review, title, form};
    rep.pages.push_back(std::move(p));
  }
  RuleResult entity = Rule("tr-home-link", Outcome::kFailed);
  entity.wcag.clear();
  Finding f = Element(Outcome::kFailed, 0, "absent");
  f.url = "https://grande.gob.mx/";
  entity.findings.push_back(f);
  rep.entity_rules.push_back(entity);
  return rep;
}

// Streams `report` as a scan does: the tally gathered in another order than the pages (pages
// finish in crawl order), then the pages given in report order.
std::string Streamed(std::string_view format, const findings::EntityReport& report) {
  EntityTally tally;
  tally.SetCatalog(&testing::FixtureCatalog());  // as a scan does, before the first page
  tally.SetPortal(report.portal);
  std::vector<const PageReport*> crawl_order;
  for (const PageReport& p : report.pages) crawl_order.push_back(&p);
  std::reverse(crawl_order.begin(), crawl_order.end());
  FingerprintContextBuilder fingerprints;
  for (const PageReport* p : crawl_order) {
    tally.AddPage(*p);
    fingerprints.AddPage(*p);
  }
  tally.AddEntityRules(report.entity_rules);
  fingerprints.AddRules(report.entity_rules);
  findings::EntityReport head = report;
  head.pages.clear();
  EntityStreamInput in;
  in.head = &head;
  in.pages = report.pages.size();
  in.tally = &tally;
  in.ctx = fingerprints.Build();
  in.catalog = &testing::FixtureCatalog();
  std::ostringstream out;
  auto writer = MakeEntityWriter(format, out, in);
  EXPECT_NE(writer, nullptr) << format;
  if (writer == nullptr) return "";
  for (const PageReport& p : report.pages) writer->Page(p, {});
  writer->Finish();
  return out.str();
}

TEST(EntityStreamTest, Local_StreamedFormatsEqualTheWholeReportsText) {
  for (const findings::EntityReport& r :
       {testing::FixtureReport("instituto-vivienda"), testing::FixtureReport("municipio-rio"),
        LargeReport(130), findings::EntityReport{}}) {
    for (const FormatInfo& f : EntityFormats()) {
      EXPECT_EQ(Streamed(f.name, r), RenderEntityFormat(f.name, r, testing::FixtureCatalog(), "es"))
          << r.entity.id << " " << f.name;
    }
  }
}

TEST(EntityStreamTest, Local_StreamedOutputIsValidJsonAndCountsEverything) {
  const findings::EntityReport r = LargeReport(130);
  const std::string earl = Streamed("earl", r);
  nlohmann::json e = nlohmann::json::parse(earl, nullptr, false);
  ASSERT_FALSE(e.is_discarded());
  EXPECT_EQ(e["@graph"].size(), 130u);
  nlohmann::json s = nlohmann::json::parse(Streamed("sarif", r), nullptr, false);
  ASSERT_FALSE(s.is_discarded());
  size_t error_pages = 0;
  for (const PageReport& p : r.pages) error_pages += p.error.has_value();
  // 30 listed failed elements and one to review on every page checked, one entity finding.
  EXPECT_EQ(s["runs"][0]["results"].size(), (130 - error_pages) * 31 + 1);
  EXPECT_EQ(s["runs"][0]["invocations"][0]["toolExecutionNotifications"].size(), error_pages);
  nlohmann::json j = nlohmann::json::parse(Streamed("json", r), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["pages"].size(), 130u);
}

TEST(EntityStreamTest, Local_HtmlListsTheFirstPagesAndCountsTheRest) {
  const findings::EntityReport r = LargeReport(130);
  size_t checked = 0;
  for (const PageReport& p : r.pages) checked += !p.error.has_value();
  const std::string html = RenderEntityHtml(r, testing::FixtureCatalog(), "es");
  const Messages& m = Messages::For("es");
  // 60 pages listed per rule, the others counted; 25 elements listed per page, 34 counted.
  EXPECT_NE(html.find(EscapeHtml(m.Count("rule.more_pages", checked - 60))), std::string::npos);
  EXPECT_NE(html.find(EscapeHtml(m.Format("rule.affects", {m.Count("count.elements", 34 * checked),
                                                           m.Count("count.pages", checked)}))),
            std::string::npos);
  EXPECT_NE(html.find(EscapeHtml(m.Count("rule.more_elements", 34 - 25))), std::string::npos);
}

PageReport ShellPage(std::string url) {
  PageReport p;
  p.url = std::move(url);
  p.status = 200;
  RuleResult stale = Rule("tr-stale-refs", Outcome::kCantTell);
  stale.findings.push_back(Element(Outcome::kCantTell, 0, std::string(kMessageNeedsRendering)));
  RuleResult title = Rule("wcag-document-title", Outcome::kPassed);
  p.rules = {stale, title};
  return p;
}

TEST(EntityStreamTest, Local_AJavaScriptShellNeedsRenderingAndHasNoScore) {
  findings::EntityReport shell;
  shell.entity = {"fideicomiso", "Fideicomiso", "https://f.gob.mx/", "fideicomiso", {}};
  shell.pages.push_back(ShellPage("https://f.gob.mx/"));
  PageReport missing;
  missing.url = "https://f.gob.mx/no-existe";
  missing.status = 404;
  missing.error = findings::PageError{"not-found", "HTTP 404"};
  shell.pages.push_back(missing);  // pages that could not be fetched do not count
  EntitySummary s = Summarize(shell, "fideicomiso");
  EXPECT_EQ(s.status, "needs-rendering");
  EXPECT_FALSE(s.scored);

  // One page the packs could judge: the entity is scored as usual.
  findings::EntityReport mixed = shell;
  PageReport plain = ShellPage("https://f.gob.mx/estatico.html");
  plain.rules[0].findings[0].message_id = "absent";
  mixed.pages.push_back(plain);
  EntitySummary m = Summarize(mixed, "mixto");
  EXPECT_EQ(m.status, "ok");
  EXPECT_TRUE(m.scored);

  testing::TempDir dir;
  OutputOptions o;
  ASSERT_TRUE(WriteCampaignOutputs({s, m}, {}, dir.path(), o).ok());
  nlohmann::json summary =
      nlohmann::json::parse(testing::ReadFileOrEmpty(dir.path() / "summary.json"));
  EXPECT_EQ(summary["entities"][0]["status"], "needs-rendering");
  EXPECT_TRUE(summary["entities"][0]["score"].is_null());
  EXPECT_EQ(summary["entities"][1]["status"], "ok");
  EXPECT_TRUE(summary["entities"][1]["score"].is_number());
  const std::string csv = testing::ReadFileOrEmpty(dir.path() / "summary.csv");
  // No score and no index (score, obligations_index, accessibility_index empty).
  EXPECT_NE(csv.find(",needs-rendering,2,1,0,0,1,0,0,0,0,,,,fideicomiso/report.json\n"),
            std::string::npos)
      << csv;
  const std::string index = testing::ReadFileOrEmpty(dir.path() / "index.html");
  EXPECT_NE(index.find("Requiere renderizado"), std::string::npos);
  EXPECT_NE(index.find("fideicomiso/report.html"), std::string::npos);  // the report exists
  // The average accessibility index is the mixed entity's alone.
  ASSERT_TRUE(m.accessibility_index.has_value());
  EXPECT_NE(index.find("<span class=\"n\">" + FormatScore(*m.accessibility_index) + "</span> " +
                       Messages::For("es").Get("index.card_average_accessibility")),
            std::string::npos);

  const std::string html = RenderEntityHtml(shell, {}, "es");
  EXPECT_NE(html.find("<span class=\"n\">—</span> " +
                      Messages::For("es").Get("card.obligations_index")),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"n\">—</span> " +
                      Messages::For("es").Get("card.accessibility_index")),
            std::string::npos);
  EXPECT_NE(html.find(Messages::For("es").Get("portal.needs_rendering_title")), std::string::npos);
}

}  // namespace
}  // namespace verifica::report
