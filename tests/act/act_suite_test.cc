// The conformance harness's own logic: W3C's consistency judgement and the exceptions format.
#include "act/act_suite.h"

#include <gtest/gtest.h>

namespace verifica::act {
namespace {

using findings::Outcome;

ActCase Case(std::string expected) {
  ActCase c;
  c.rule_id = "23a2a8";
  c.file = "23a2a8/" + expected + "-1.html";
  c.expected = std::move(expected);
  c.n = 1;
  return c;
}

CaseRun Got(Outcome o) {
  CaseRun r;
  r.ran = true;
  r.result.outcome = o;
  return r;
}

TEST(ActJudgeTest, Local_FailedCaseMustFail) {
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kFailed), nullptr), Consistency::kConsistent);
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kPassed), nullptr), Consistency::kInconsistent);
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kInapplicable), nullptr),
            Consistency::kInconsistent);
}

TEST(ActJudgeTest, Local_PassedOrInapplicableCaseMustNotFail) {
  for (const char* e : {"passed", "inapplicable"}) {
    EXPECT_EQ(Judge(Case(e), Got(Outcome::kFailed), nullptr), Consistency::kInconsistent) << e;
  }
  EXPECT_EQ(Judge(Case("passed"), Got(Outcome::kPassed), nullptr), Consistency::kConsistent);
  EXPECT_EQ(Judge(Case("passed"), Got(Outcome::kInapplicable), nullptr), Consistency::kMixup);
  EXPECT_EQ(Judge(Case("inapplicable"), Got(Outcome::kPassed), nullptr), Consistency::kMixup);
  EXPECT_TRUE(IsAcceptable(Consistency::kMixup));
}

TEST(ActJudgeTest, Local_CantTellOnlyWhenListed) {
  const CantTellException listed{"23a2a8", "23a2a8/failed-1.html", "needs rendering", 3};
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kCantTell), nullptr),
            Consistency::kUnlistedCantTell);
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kCantTell), &listed), Consistency::kListedCantTell);
  EXPECT_TRUE(IsAcceptable(Consistency::kListedCantTell));
  EXPECT_FALSE(IsAcceptable(Consistency::kUnlistedCantTell));
  // A listed case the rule now decides is stale, even when the decision is right.
  EXPECT_EQ(Judge(Case("failed"), Got(Outcome::kFailed), &listed), Consistency::kStaleException);
  EXPECT_FALSE(IsAcceptable(Consistency::kStaleException));
}

TEST(ActJudgeTest, Local_NotRunIsNotAcceptable) {
  CaseRun r;
  r.problem = "cannot read";
  EXPECT_EQ(Judge(Case("passed"), r, nullptr), Consistency::kNotRun);
  EXPECT_FALSE(IsAcceptable(Consistency::kNotRun));
}

TEST(ActExceptionsTest, Local_ParsesEntriesCommentsAndBlankLines) {
  const ExceptionList l = ParseExceptions(
      "# comment\n"
      "\n"
      "23a2a8 23a2a8/passed-4.html   visibility set by an external stylesheet\n"
      "\tbc659a\tbc659a/failed-2.html\tthe refresh comes from script  \r\n");
  EXPECT_TRUE(l.errors.empty()) << l.errors.front();
  ASSERT_EQ(l.entries.size(), 2u);
  EXPECT_EQ(l.entries[0].act_rule_id, "23a2a8");
  EXPECT_EQ(l.entries[0].file, "23a2a8/passed-4.html");
  EXPECT_EQ(l.entries[0].reason, "visibility set by an external stylesheet");
  EXPECT_EQ(l.entries[0].line, 3);
  EXPECT_EQ(l.entries[1].reason, "the refresh comes from script");
  EXPECT_NE(l.Find("bc659a", "bc659a/failed-2.html"), nullptr);
  EXPECT_EQ(l.Find("bc659a", "bc659a/failed-3.html"), nullptr);
}

TEST(ActExceptionsTest, Local_RejectsMalformedLines) {
  const ExceptionList l = ParseExceptions(
      "23a2a8 23a2a8/passed-4.html\n"         // no reason
      "23A2A8 23A2A8/passed-4.html reason\n"  // not an ACT id
      "23a2a8 bc659a/passed-1.html reason\n"  // file of another rule
      "23a2a8 23a2a8/passed-5.html reason\n"
      "23a2a8 23a2a8/passed-5.html again\n");  // duplicate
  EXPECT_EQ(l.entries.size(), 1u);
  ASSERT_EQ(l.errors.size(), 4u);
  EXPECT_NE(l.errors[0].find("line 1"), std::string::npos);
  EXPECT_NE(l.errors[3].find("duplicate of line 4"), std::string::npos);
}

TEST(ActTestcaseTest, Local_UrlIsThePublishedTestcase) {
  ActCase c = Case("passed");
  c.testcase_id = "7f9f315b5041f3726662bf269613c43678af99d4";
  EXPECT_EQ(c.Url(),
            "https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/23a2a8/"
            "7f9f315b5041f3726662bf269613c43678af99d4.html");
}

}  // namespace
}  // namespace verifica::act
