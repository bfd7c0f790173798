// EARL JSON-LD writer: the shape W3C's ACT implementation reports use, and the right outcomes.
#include "report/earl.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace verifica::report {
namespace {

using findings::Outcome;
using nlohmann::json;

findings::RuleResult Rule(std::string id, Outcome o, std::vector<std::string> act) {
  findings::RuleResult r;
  r.id = std::move(id);
  r.outcome = o;
  r.act = std::move(act);
  return r;
}

findings::Finding At(Outcome o, std::string selector) {
  findings::Finding f;
  f.outcome = o;
  f.selector = std::move(selector);
  return f;
}

json Render(const std::vector<findings::PageReport>& pages) {
  json j = json::parse(RenderEarl(pages), nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "EARL output is not JSON";
  return j;
}

std::vector<findings::PageReport> OnePage() {
  findings::PageReport p;
  p.url = "https://transparencia.example.gob.mx/";
  p.final_url = p.url;
  findings::RuleResult img = Rule("wcag-image-alt", Outcome::kFailed, {"23a2a8"});
  img.findings = {At(Outcome::kFailed, "#logo"), At(Outcome::kCantTell, "#banner"),
                  At(Outcome::kFailed, "main > img:nth-child(2)")};
  p.rules.push_back(img);
  p.rules.push_back(Rule("wcag-page-title", Outcome::kPassed, {"2779a5"}));
  p.rules.push_back(Rule("wcag-meta-refresh", Outcome::kInapplicable, {"bc659a"}));
  p.rules.push_back(Rule("tr-home-link", Outcome::kCantTell, {}));
  p.rules.push_back(Rule("wcag-two-acts", Outcome::kPassed, {"aaaaaa", "bbbbbb"}));
  return {p};
}

TEST(EarlTest, Local_TopLevelIsContextAndGraphOfTestSubjects) {
  const json j = Render(OnePage());
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j.at("@context"), std::string(kEarlContext));
  ASSERT_TRUE(j.at("@graph").is_array());
  ASSERT_EQ(j["@graph"].size(), 1u);
  const json& subject = j["@graph"][0];
  ASSERT_TRUE(subject.at("@type").is_array());
  EXPECT_EQ(subject["@type"][0], "TestSubject");
  EXPECT_EQ(subject.at("source"), "https://transparencia.example.gob.mx/");
  EXPECT_FALSE(subject.contains("redirectedTo"));
  ASSERT_TRUE(subject.at("assertions").is_array());
  // One assertion per (rule, ACT rule); a rule without ACT ids still gets one.
  EXPECT_EQ(subject["assertions"].size(), 6u);
}

TEST(EarlTest, Local_AssertionHasAssertorModeTestAndResult) {
  const json j = Render(OnePage());
  for (const json& a : j["@graph"][0]["assertions"]) {
    EXPECT_EQ(a.at("@type"), "Assertion");
    EXPECT_EQ(a.at("mode"), "earl:automatic");
    const json& by = a.at("assertedBy");
    EXPECT_EQ(by.at("name"), "verifica");
    EXPECT_EQ(by.at("release").at("revision"), VERIFICA_VERSION);
    EXPECT_EQ(a.at("test").at("@type"), "TestCase");
    EXPECT_EQ(a.at("result").at("@type"), "TestResult");
    const std::string outcome = a["result"].at("outcome").get<std::string>();
    EXPECT_TRUE(outcome == "earl:passed" || outcome == "earl:failed" ||
                outcome == "earl:cantTell" || outcome == "earl:inapplicable")
        << outcome;
  }
}

TEST(EarlTest, Local_OutcomesTestsAndPointers) {
  const json as = Render(OnePage())["@graph"][0]["assertions"];
  // wcag-image-alt: failed, ACT rule 23a2a8, pointers = the failed elements only.
  EXPECT_EQ(as[0]["test"]["title"], "wcag-image-alt");
  EXPECT_EQ(as[0]["test"]["@id"], "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/");
  EXPECT_EQ(as[0]["result"]["outcome"], "earl:failed");
  EXPECT_EQ(as[0]["result"]["pointer"], json::array({"#logo", "main > img:nth-child(2)"}));
  EXPECT_EQ(as[1]["result"]["outcome"], "earl:passed");
  EXPECT_FALSE(as[1]["result"].contains("pointer"));
  EXPECT_EQ(as[2]["result"]["outcome"], "earl:inapplicable");
  EXPECT_EQ(as[2]["test"]["@id"], "https://www.w3.org/WAI/standards-guidelines/act/rules/bc659a/");
  // A rule that maps to no ACT rule is known by its own id.
  EXPECT_EQ(as[3]["test"]["title"], "tr-home-link");
  EXPECT_FALSE(as[3]["test"].contains("@id"));
  EXPECT_EQ(as[3]["result"]["outcome"], "earl:cantTell");
  EXPECT_EQ(as[4]["test"]["@id"], "https://www.w3.org/WAI/standards-guidelines/act/rules/aaaaaa/");
  EXPECT_EQ(as[5]["test"]["@id"], "https://www.w3.org/WAI/standards-guidelines/act/rules/bbbbbb/");
  EXPECT_EQ(as[5]["test"]["title"], "wcag-two-acts");
}

TEST(EarlTest, Local_RuleErrorIsCantTellWithInfo) {
  findings::PageReport p;
  p.url = "https://example.gob.mx/a";
  findings::RuleResult r = Rule("wcag-image-alt", Outcome::kCantTell, {"23a2a8"});
  r.error = "rule failed on this page";
  p.rules.push_back(r);
  const json a = Render({p})["@graph"][0]["assertions"][0];
  EXPECT_EQ(a["result"]["outcome"], "earl:cantTell");
  EXPECT_EQ(a["result"]["info"], "rule failed on this page");
}

TEST(EarlTest, Local_PageErrorAndRedirect) {
  findings::PageReport p;
  p.url = "https://example.gob.mx/viejo";
  p.final_url = "https://example.gob.mx/nuevo";
  p.error = findings::PageError{"not-found", "HTTP 404"};
  const json s = Render({p})["@graph"][0];
  EXPECT_EQ(s["redirectedTo"], "https://example.gob.mx/nuevo");
  EXPECT_TRUE(s["assertions"].empty());
  EXPECT_EQ(s["info"], "not-found: HTTP 404");
}

TEST(EarlTest, Local_HostileStringsStayValidJson) {
  findings::PageReport p;
  p.url = "https://example.gob.mx/\"}]<script>\xff";
  findings::RuleResult r = Rule("wcag-image-alt", Outcome::kFailed, {"23a2a8"});
  r.findings = {At(Outcome::kFailed, "img[alt=\"\\\"\"]")};
  p.rules.push_back(r);
  const json j = Render({p});
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["@graph"][0]["assertions"][0]["result"]["pointer"][0], "img[alt=\"\\\"\"]");
}

TEST(EarlTest, Local_NoPagesIsAnEmptyGraph) {
  const json j = Render({});
  EXPECT_TRUE(j.at("@graph").is_array());
  EXPECT_TRUE(j["@graph"].empty());
}

}  // namespace
}  // namespace verifica::report
