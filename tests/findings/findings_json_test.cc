#include "findings/findings_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace verifica::findings {
namespace {

EntityReport Sample() {
  EntityReport e;
  e.entity = {"sujeto-01", "Instituto de Vivienda", "https://vivienda.example.gob.mx/", "estatal",
              {"mx-lgtaip-2025"}};
  e.crawl.pages = 1;
  PageReport p;
  p.url = "https://vivienda.example.gob.mx/";
  p.final_url = p.url;
  p.status = 200;
  p.content_type = "text/html";
  RuleResult r;
  r.id = "wcag-image-alt";
  r.outcome = Outcome::kFailed;
  r.wcag = {"1.1.1"};
  r.act = {"23a2a8"};
  r.impact = Impact::kCritical;
  r.failed = 1;
  Finding f;
  f.selector = "#logo";
  f.line = 12;
  f.snippet = "<img id=logo src=\"logo.png\">";
  f.message = {"La imagen no tiene texto alternativo.", "The image has no text alternative."};
  r.findings.push_back(f);
  p.rules.push_back(r);
  e.pages.push_back(p);
  e.documents.push_back({"https://vivienda.example.gob.mx/aviso.pdf", "pdf", 200, 1234});
  e.page_roles["home"] = p.url;
  return e;
}

TEST(FindingsJsonTest, Local_RoundTrip) {
  nlohmann::json j = Sample();
  auto back = ParseEntityReport(j.dump());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->entity.name, "Instituto de Vivienda");
  ASSERT_EQ(back->pages.size(), 1u);
  const RuleResult& r = back->pages[0].rules[0];
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(r.impact, Impact::kCritical);
  EXPECT_EQ(r.findings[0].line, 12u);
  EXPECT_EQ(r.findings[0].message.es, "La imagen no tiene texto alternativo.");
  EXPECT_EQ(back->documents[0].bytes, 1234u);
  EXPECT_EQ(back->page_roles.at("home"), "https://vivienda.example.gob.mx/");
}

TEST(FindingsJsonTest, Local_ContractFieldNames) {
  nlohmann::json j = Sample();
  for (const char* k : {"schema", "tool", "entity", "crawl", "pages", "entity_rules", "documents",
                        "page_roles"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  const nlohmann::json& page = j["pages"][0];
  for (const char* k : {"url", "final_url", "status", "content_type", "fetched_at", "sha256",
                        "error", "rules"}) {
    EXPECT_TRUE(page.contains(k)) << k;
  }
  EXPECT_TRUE(page["error"].is_null());
  const nlohmann::json& rule = page["rules"][0];
  for (const char* k : {"id", "outcome", "wcag", "act", "impact", "findings"}) {
    EXPECT_TRUE(rule.contains(k)) << k;
  }
  for (const char* k : {"outcome", "selector", "line", "column", "snippet", "message"}) {
    EXPECT_TRUE(rule["findings"][0].contains(k)) << k;
  }
}

// Additive to the DESIGN.md contract: "redirects" only when the page was redirected.
TEST(FindingsJsonTest, Local_RedirectsOnlyWhenRedirected) {
  EntityReport e = Sample();
  nlohmann::json plain = e;
  EXPECT_FALSE(plain["pages"][0].contains("redirects"));
  e.pages[0].url = "http://vivienda.example.gob.mx/";
  e.pages[0].redirects = {"http://vivienda.example.gob.mx/", "https://vivienda.example.gob.mx"};
  nlohmann::json j = e;
  ASSERT_TRUE(j["pages"][0]["redirects"].is_array());
  EXPECT_EQ(j["pages"][0]["redirects"].size(), 2u);
  auto back = ParseEntityReport(j.dump());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->pages[0].redirects, e.pages[0].redirects);
}

TEST(FindingsJsonTest, Local_RejectsBadReports) {
  EXPECT_FALSE(ParseEntityReport("{\"schema\": \"verifica-report/1\", \"ent").ok());
  EXPECT_FALSE(ParseEntityReport("[]").ok());
  EXPECT_FALSE(ParseEntityReport("{\"schema\": \"other/2\"}").ok());
  auto wrong = ParseEntityReport(
      R"({"schema":"verifica-report/1","entity":{"id":"x"},"pages":[{"url":"u","rules":[{"id":"r","outcome":"maybe"}]}]})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("maybe"), std::string::npos);
}

TEST(OutcomeTest, Local_OrderingMatchesActAndAxe) {
  EXPECT_LT(Outcome::kInapplicable, Outcome::kPassed);
  EXPECT_LT(Outcome::kPassed, Outcome::kCantTell);
  EXPECT_LT(Outcome::kCantTell, Outcome::kFailed);
  EXPECT_EQ(Worst(Outcome::kPassed, Outcome::kCantTell), Outcome::kCantTell);
  for (Outcome o : {Outcome::kInapplicable, Outcome::kPassed, Outcome::kCantTell, Outcome::kFailed}) {
    EXPECT_EQ(OutcomeFromString(ToString(o)), o);
  }
}

}  // namespace
}  // namespace verifica::findings
