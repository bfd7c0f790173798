// The rule engine: glob selection, outcome aggregation, isolation of a broken rule, messages.
#include <gtest/gtest.h>

#include <stdexcept>

#include "html/parser.h"
#include "rules/engine/registry.h"
#include "rules/engine/runner.h"

namespace verifica::rules {
namespace {

RuleMeta Meta(std::string id) {
  RuleMeta m;
  m.id = std::move(id);
  m.messages["pass"] = {"bien {0}", "ok {0}"};
  m.messages["fail"] = {"mal {0}", "bad {0}"};
  return m;
}

// Fails on every <img> without alt, passes the others.
class ImgRule final : public Rule {
 public:
  using Rule::Rule;
  std::vector<std::string> Tags() const override { return {"img"}; }
  std::optional<Verdict> Check(dom::NodeId n, PageContext& ctx) const override {
    const std::string* src = ctx.doc.Attr(n, "src");
    if (ctx.doc.HasAttr(n, "alt")) return Pass("pass", {src ? *src : ""});
    return Fail("fail", {src ? *src : ""});
  }
};

// Throws on the second paragraph.
class ThrowingRule final : public Rule {
 public:
  using Rule::Rule;
  std::vector<std::string> Tags() const override { return {"p"}; }
  std::optional<Verdict> Check(dom::NodeId, PageContext&) const override {
    if (++calls_ == 2) throw std::runtime_error("boom");
    return Pass();
  }
  mutable int calls_ = 0;
};

dom::Document Parse(std::string_view html) {
  html::ParseOptions o;
  o.content_type = "text/html";
  auto r = html::Parse(html, o);
  EXPECT_TRUE(r.ok);
  return std::move(r.document);
}

TEST(GlobTest, Local_Wildcards) {
  EXPECT_TRUE(GlobMatch("wcag-*", "wcag-image-alt"));
  EXPECT_TRUE(GlobMatch("*-name", "wcag-link-name"));
  EXPECT_TRUE(GlobMatch("wcag-*-name", "wcag-link-name"));
  EXPECT_FALSE(GlobMatch("wcag-*-name", "wcag-link-names"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_FALSE(GlobMatch("tr-*", "wcag-x"));
}

TEST(RegistryTest, Local_SelectIncludesAndExcludes) {
  RuleRegistry reg;
  ASSERT_TRUE(reg.Add(std::make_unique<ImgRule>(Meta("wcag-a"))).ok());
  ASSERT_TRUE(reg.Add(std::make_unique<ImgRule>(Meta("wcag-b"))).ok());
  ASSERT_TRUE(reg.Add(std::make_unique<ImgRule>(Meta("tr-c"))).ok());
  EXPECT_FALSE(reg.Add(std::make_unique<ImgRule>(Meta("tr-c"))).ok());  // duplicate id

  auto all = reg.Select("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  auto wcag = reg.Select("wcag-*, -wcag-b");
  ASSERT_TRUE(wcag.ok());
  ASSERT_EQ(wcag->size(), 1u);
  EXPECT_EQ((*wcag)[0]->id(), "wcag-a");
  auto neg_only = reg.Select("-tr-*");
  ASSERT_TRUE(neg_only.ok());
  EXPECT_EQ(neg_only->size(), 2u);
}

TEST(RegistryTest, Local_PatternMatchingNothingIsAnError) {
  RuleRegistry reg;
  ASSERT_TRUE(reg.Add(std::make_unique<ImgRule>(Meta("wcag-a"))).ok());
  auto r = reg.Select("wcag-a,wacg-*");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("wacg-*"), std::string::npos);
  EXPECT_FALSE(reg.Select("-wcag-a").ok());  // selects nothing
  EXPECT_FALSE(reg.Select("-").ok());
}

TEST(RunnerTest, Local_WorstOutcomeWinsAndFindingsCarryEvidence) {
  dom::Document doc = Parse("<p><img src=a.png alt=''><img src=b.png></p>");
  ImgRule rule(Meta("wcag-a"));
  const Rule* rules[] = {&rule};
  auto results = RunRules(doc, rules);
  ASSERT_EQ(results.size(), 1u);
  const auto& r = results[0];
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(r.passed, 1u);
  EXPECT_EQ(r.failed, 1u);
  ASSERT_EQ(r.findings.size(), 1u);  // passes are not listed by default
  EXPECT_EQ(r.findings[0].selector, "html > body > p > img:nth-child(2)");
  EXPECT_EQ(r.findings[0].snippet, "<img src=b.png>");
  EXPECT_EQ(r.findings[0].message.es, "mal b.png");
  EXPECT_EQ(r.findings[0].message.en, "bad b.png");
  EXPECT_EQ(r.findings[0].line, 1u);
}

TEST(RunnerTest, Local_NoApplicableElementIsInapplicable) {
  dom::Document doc = Parse("<p>sin imágenes</p>");
  ImgRule rule(Meta("wcag-a"));
  const Rule* rules[] = {&rule};
  EXPECT_EQ(RunRules(doc, rules)[0].outcome, Outcome::kInapplicable);
}

TEST(RunnerTest, Local_TemplateContentIsSkipped) {
  dom::Document doc = Parse("<template><img src=x></template><p>x</p>");
  ImgRule rule(Meta("wcag-a"));
  const Rule* rules[] = {&rule};
  EXPECT_EQ(RunRules(doc, rules)[0].outcome, Outcome::kInapplicable);
}

TEST(RunnerTest, Local_ThrowingRuleBecomesErrorNeverPassed) {
  dom::Document doc = Parse("<p>a</p><p>b</p><p>c</p><img src=x alt=y>");
  ThrowingRule bad(Meta("wcag-bad"));
  ImgRule good(Meta("wcag-good"));
  const Rule* rules[] = {&bad, &good};
  auto results = RunRules(doc, rules);
  EXPECT_EQ(results[0].outcome, Outcome::kCantTell);
  EXPECT_NE(results[0].error.find("boom"), std::string::npos);
  EXPECT_EQ(bad.calls_, 2);  // not called again on the page after it broke
  EXPECT_EQ(results[1].outcome, Outcome::kPassed);
}

TEST(RunnerTest, Local_FindingsAreCappedButCountsExact) {
  std::string page;
  for (int i = 0; i < 50; ++i) page += "<img src=x>";
  dom::Document doc = Parse(page);
  ImgRule rule(Meta("wcag-a"));
  const Rule* rules[] = {&rule};
  RunOptions o;
  o.max_findings = 10;
  auto r = RunRules(doc, rules, o)[0];
  EXPECT_EQ(r.failed, 50u);
  EXPECT_EQ(r.findings.size(), 10u);
}

TEST(RunnerTest, Local_NonHtmlDocumentIsInapplicable) {
  html::ParseOptions o;
  o.content_type = "image/svg+xml";
  auto parsed = html::Parse("<svg><image href=x /></svg><img src=x>", o);
  ASSERT_TRUE(parsed.ok);
  ImgRule rule(Meta("wcag-a"));
  const Rule* rules[] = {&rule};
  EXPECT_EQ(RunRules(parsed.document, rules)[0].outcome, Outcome::kInapplicable);
}

TEST(MessageTest, Local_FormatMessage) {
  EXPECT_EQ(FormatMessage("{0} y {1}", {"a", "b"}), "a y b");
  EXPECT_EQ(FormatMessage("{0} y {2}", {"a"}), "a y {2}");
  EXPECT_EQ(FormatMessage("sin args {", {}), "sin args {");
}

TEST(MetaTest, Local_ParseRejectsMissingLanguages) {
  auto bad = ParseRuleMeta(R"({"id":"x-y","title":{"es":"t"},"description":{"es":"d","en":"d"},
      "help":{"es":"h","en":"h"},"messages":{"pass":{"es":"p","en":"p"}}})",
                           "test.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/title/en"), std::string::npos);
  auto impact = ParseRuleMeta(R"({"id":"x-y","title":{"es":"t","en":"t"},
      "description":{"es":"d","en":"d"},"help":{"es":"h","en":"h"},"impact":"huge",
      "messages":{"pass":{"es":"p","en":"p"}}})",
                              "test.json");
  ASSERT_FALSE(impact.ok());
  EXPECT_NE(impact.status().message().find("/impact"), std::string::npos);
}

}  // namespace
}  // namespace verifica::rules
