// Runs every pack rule on its fixtures: fixtures/transparency/<rule-id>/<outcome>-<n>.html, where
// <outcome> is the expected outcome (passed, failed, cantTell, inapplicable). A first line
// "<!-- expect: <message-id> -->" also fixes the message of the deciding finding. Page rules run
// through the rule engine; entity rules judge the page as the page of their roles. Dates are
// judged as of 2025-06-30.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "decl/decl_test_util.h"

namespace verifica {
namespace {

namespace fs = std::filesystem;
using rules::decl::Scope;

struct Case {
  std::string rule;
  std::string file;
  std::string outcome;
  std::string message;  // "" = not checked
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.file; }

std::vector<Case> Cases() {
  std::vector<Case> out;
  const fs::path root = fs::path(VERIFICA_SOURCE_DIR) / "fixtures" / "transparency";
  if (!fs::exists(root)) return out;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      const std::string name = f.path().filename().string();
      if (f.path().extension() != ".html") continue;
      Case c;
      c.rule = dir.path().filename().string();
      c.file = "fixtures/transparency/" + c.rule + "/" + name;
      c.outcome = name.substr(0, name.find('-'));
      std::string text = decltest::ReadSource(c.file);
      const std::string tag = "<!-- expect: ";
      if (text.rfind(tag, 0) == 0) {
        c.message = text.substr(tag.size(), text.find(" -->") - tag.size());
      }
      out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
  return out;
}

TEST(PackFixturesTest, Local_EveryRuleHasPassingAndFailingFixtures) {
  std::map<std::string, std::set<std::string>> seen;
  for (const Case& c : Cases()) seen[c.rule].insert(c.outcome);
  for (const auto& pack : decltest::SourceCatalog()->packs()) {
    for (const auto& r : pack->rules) {
      const auto& outcomes = seen[r->info.id];
      EXPECT_TRUE(outcomes.count("passed") || r->when_found == findings::Outcome::kCantTell)
          << r->info.id << " has no passed fixture";
      EXPECT_TRUE(outcomes.count("failed") || outcomes.count("cantTell"))
          << r->info.id << " has no failed or cantTell fixture";
    }
  }
  for (const auto& [rule, outcomes] : seen) {
    EXPECT_NE(decltest::SourceCatalog()->FindRule(rule), nullptr)
        << "fixtures/transparency/" << rule << " names no pack rule";
  }
}

class PackFixture : public ::testing::TestWithParam<Case> {};

TEST_P(PackFixture, Local_OutcomeAsExpected) {
  const Case& c = GetParam();
  auto rule = decltest::SourceRule(c.rule);
  ASSERT_NE(rule, nullptr);
  const std::string html = decltest::ReadSource(c.file);
  std::string outcome, message, detail;
  if (rule->scope == Scope::kPage) {
    findings::RuleResult r = decltest::RunPageRule(c.rule, html);
    outcome = std::string(findings::ToString(r.outcome));
    for (const auto& f : r.findings) {
      detail += std::string(findings::ToString(f.outcome)) + " " + f.message_id + " " + f.selector +
                ": " + f.message.es + "\n";
      if (message.empty() && findings::ToString(f.outcome) == outcome) message = f.message_id;
    }
  } else {
    rules::decl::Judgement j = decltest::JudgeOnPages(*rule, {html});
    outcome = std::string(findings::ToString(j.outcome));
    for (const auto& f : j.findings) {
      detail += std::string(findings::ToString(f.outcome)) + " " + f.message_id + ": " +
                rules::decl::RenderFinding(*rule, f).message.es + "\n";
      if (message.empty() && f.outcome == j.outcome) message = f.message_id;
    }
  }
  EXPECT_EQ(outcome, c.outcome) << c.file << "\n" << detail;
  if (!c.message.empty()) {
    EXPECT_EQ(message, c.message) << c.file << "\n" << detail;
  }
  // Every finding renders in both languages, with no placeholder left.
  EXPECT_EQ(detail.find("{0}"), std::string::npos) << detail;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PackFixture, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n =
                               info.param.rule + "_" + fs::path(info.param.file).stem().string();
                           for (char& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace verifica
