// The two indices of issue 10 item 4 (report/aggregate.h): their arithmetic, and how needs-review
// and inapplicable results are handled.
#include "report/aggregate.h"

#include <gtest/gtest.h>

#include "report/outputs.h"

namespace verifica::report {
namespace {

using findings::Outcome;

findings::RuleResult Rule(std::string id, Outcome o) {
  findings::RuleResult r;
  r.id = std::move(id);
  r.outcome = o;
  return r;
}

findings::PageReport Page(std::string url, std::vector<findings::RuleResult> rules) {
  findings::PageReport p;
  p.url = p.final_url = std::move(url);
  p.status = 200;
  p.rules = std::move(rules);
  return p;
}

TEST(AggregateTest, Local_ComplianceLeavesOutNeedsReviewAndInapplicable) {
  ComplianceTally t;
  for (Outcome o : {Outcome::kPassed, Outcome::kPassed, Outcome::kPassed, Outcome::kFailed,
                    Outcome::kCantTell, Outcome::kCantTell, Outcome::kInapplicable}) {
    t.Add(o);
  }
  EXPECT_EQ(t.met, 3u);
  EXPECT_EQ(t.failed, 1u);
  EXPECT_EQ(t.cant_tell, 2u);
  EXPECT_EQ(t.inapplicable, 1u);
  ASSERT_TRUE(t.Value().has_value());
  EXPECT_DOUBLE_EQ(*t.Value(), 75.0);  // 3 of 4 decided, not 3 of 7
  ComplianceTally third;
  third.Add(Outcome::kPassed);
  third.Add(Outcome::kFailed);
  third.Add(Outcome::kFailed);
  EXPECT_DOUBLE_EQ(*third.Value(), 33.3);  // one decimal
}

TEST(AggregateTest, Local_NoIndexWhenNothingWasDecided) {
  ComplianceTally t;
  EXPECT_FALSE(t.Value().has_value());
  t.Add(Outcome::kCantTell);
  t.Add(Outcome::kInapplicable);
  EXPECT_FALSE(t.Value().has_value());  // never a 100 for "nothing could be checked"
  AccessibilityIndex a;
  EXPECT_FALSE(a.Value().has_value());
}

TEST(AggregateTest, Local_AccessibilityIsAMeanOfPagesSoPageCountDoesNotSwampIt) {
  AccessibilityIndex a;
  const Catalog none;
  // Page 1: 1 of 2 passed (50%); page 2: 4 of 4 (100%); the mean is 75, where pooling the six
  // results would give 83.3.
  a.AddPage(Page("a", {Rule("wcag-a", Outcome::kPassed), Rule("wcag-b", Outcome::kFailed),
                       Rule("wcag-c", Outcome::kCantTell), Rule("wcag-d", Outcome::kInapplicable)}),
            none);
  a.AddPage(Page("b", {Rule("wcag-a", Outcome::kPassed), Rule("wcag-b", Outcome::kPassed),
                       Rule("wcag-c", Outcome::kPassed), Rule("wcag-d", Outcome::kPassed)}),
            none);
  // Left out: a page with nothing decided, a page that could not be fetched, obligation rules.
  a.AddPage(Page("c", {Rule("wcag-a", Outcome::kCantTell)}), none);
  findings::PageReport broken = Page("d", {});
  broken.error = findings::PageError{"http", "HTTP 500"};
  a.AddPage(broken, none);
  a.AddPage(Page("e", {Rule("pd-simplificado-at-form", Outcome::kFailed)}), none);
  EXPECT_EQ(a.pages(), 2u);
  ASSERT_TRUE(a.Value().has_value());
  EXPECT_DOUBLE_EQ(*a.Value(), 75.0);
}

TEST(AggregateTest, Local_ObligationsIndexPerPackAndOverall) {
  Catalog catalog;
  auto info = [&](std::string id, std::string pack) {
    findings::RuleInfo i;
    i.id = id;
    i.pack = std::move(pack);
    i.legal_basis = {{"LGTAIP", "Art. 65"}};
    catalog.emplace(id, i);
  };
  info("tr-a", "mx-lgtaip-2025");
  info("tr-b", "mx-lgtaip-2025");
  info("pd-a", "mx-datos-personales");
  info("pd-b", "mx-datos-personales");
  findings::RuleInfo roles;
  roles.id = "pack-page-roles";
  roles.pack = "packs";
  roles.tags = {"informative"};
  roles.legal_basis = {{"LGTAIP", "Art. 86"}};
  catalog.emplace(roles.id, roles);

  findings::EntityReport r;
  r.entity.id = "e";
  // Many accessibility results on many pages do not move the obligations index.
  for (int i = 0; i < 20; ++i) {
    r.pages.push_back(Page("p" + std::to_string(i), {Rule("wcag-a", Outcome::kPassed),
                                                     Rule("pd-a", Outcome::kPassed)}));
  }
  // pd-a fails on one page: its entity-wide outcome is failed (the worst).
  r.pages.push_back(Page("aviso", {Rule("pd-a", Outcome::kFailed)}));
  r.entity_rules = {Rule("tr-a", Outcome::kPassed), Rule("tr-b", Outcome::kFailed),
                    Rule("pd-b", Outcome::kCantTell), Rule("pack-page-roles", Outcome::kPassed)};
  const EntitySummary s = Summarize(r, "e", catalog);
  // Criteria: tr-a met, tr-b failed, pd-a failed, pd-b needs review (left out); the informative
  // roles list is no criterion.
  ASSERT_TRUE(s.obligations_index.has_value());
  EXPECT_DOUBLE_EQ(*s.obligations_index, 33.3);
  EXPECT_EQ(s.obligations_detail.overall.cant_tell, 1u);
  EXPECT_DOUBLE_EQ(*s.obligations_detail.by_pack.at("mx-lgtaip-2025").Value(), 50.0);
  EXPECT_DOUBLE_EQ(*s.obligations_detail.by_pack.at("mx-datos-personales").Value(), 0.0);
  EXPECT_EQ(s.obligations_detail.by_pack.count("packs"), 0u);
  ASSERT_TRUE(s.accessibility_index.has_value());
  EXPECT_DOUBLE_EQ(*s.accessibility_index, 100.0);  // the page with only pd-a is left out
  // The old score pools every result (42 passed of 44 decided), so it stays high although two of
  // the three decided obligations failed.
  EXPECT_GT(s.score, 90.0);
}

TEST(AggregateTest, Local_AnUnreadablePortalHasNoIndexAndNoScore) {
  findings::EntityReport r;
  r.entity.id = "caido";
  findings::PageReport home = Page("http://127.0.0.1:9/", {});
  home.status = 0;
  home.error = findings::PageError{"connection-refused", "Couldn't connect to server"};
  r.pages.push_back(home);
  r.entity_rules = {Rule("tr-a", Outcome::kCantTell)};
  const EntitySummary s = Summarize(r, "caido");
  EXPECT_EQ(s.portal, findings::PortalState::kUnreachable);
  EXPECT_EQ(s.status, "unreachable");
  EXPECT_FALSE(s.scored);
  EXPECT_FALSE(s.obligations_index.has_value());
  EXPECT_FALSE(s.accessibility_index.has_value());
  findings::PortalStatus p;
  p.state = findings::PortalState::kUnreachable;
  p.url = "http://127.0.0.1:9/";
  p.error = home.error;
  const findings::LocalizedText cause = PortalCauseText(p);
  EXPECT_NE(cause.es.find("el servidor rechazó la conexión al pedir http://127.0.0.1:9/"),
            std::string::npos)
      << cause.es;
  EXPECT_NE(cause.en.find("connection refused"), std::string::npos) << cause.en;
  p.error = findings::PageError{"dns", "Could not resolve host"};
  EXPECT_NE(PortalCauseText(p).es.find("DNS"), std::string::npos);
  p.error = findings::PageError{"http", "HTTP 503"};
  p.status = 503;
  EXPECT_NE(PortalCauseText(p).es.find("código de error HTTP 503"), std::string::npos);
}

}  // namespace
}  // namespace verifica::report
