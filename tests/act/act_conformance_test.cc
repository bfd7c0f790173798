// ACT conformance: every registered rule that names W3C ACT rules in its metadata runs alone over
// every test case of those ACT rules (../shared/act, read at run time, never copied here).
// Consistency as W3C defines it for implementation reports: an expected `failed` case must come
// out failed; an expected `passed` or `inapplicable` case must not come out failed (mixing up
// passed and inapplicable is allowed, counted and printed). cantTell is accepted only for the
// cases listed in tests/act/cant_tell_exceptions.txt, and a listed case the rule now decides is
// a stale exception and fails.
//
// One test per (rule, case): --gtest_filter='*wcag_image_alt*' runs one rule's cases.
// ActConformance.Summary prints consistent / total / exceptions per rule and, when the
// environment variable VERIFICA_EARL_OUT names a file, writes the whole run there as EARL.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "act/act_suite.h"
#include "html/parser.h"
#include "report/earl.h"
#include "testing/rule_harness.h"

namespace verifica::act {
namespace {

struct CaseParam {
  std::string rule_id;  // verifica rule id; empty for the "suite absent" placeholder
  const ActCase* act_case = nullptr;
  std::string name;
};

std::string NameFor(const std::string& rule_id, const ActCase& c) {
  std::string name;
  for (char ch : rule_id) name.push_back(ch == '-' ? '_' : ch);
  name += "_" + c.rule_id + "_" + c.expected + "_" + std::to_string(c.n);
  for (char& ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '_';
    if (!ok) ch = '_';
  }
  return name;
}

// Registered rules that name ACT rules, in registry order.
std::vector<const rules::Rule*> ActRules() {
  std::vector<const rules::Rule*> out;
  for (const auto& r : testing::Registry().rules()) {
    if (!r->meta().act.empty()) out.push_back(r.get());
  }
  return out;
}

std::vector<CaseParam> AllCases() {
  const Manifest& m = GetManifest();
  std::vector<CaseParam> out;
  if (!m.present || !m.error.empty()) {
    out.push_back({"", nullptr, "act_suite_unavailable"});
    return out;
  }
  for (const rules::Rule* r : ActRules()) {
    for (const std::string& act_id : r->meta().act) {
      for (const ActCase* c : m.CasesOf(act_id)) {
        out.push_back({r->id(), c, NameFor(r->id(), *c)});
      }
    }
  }
  return out;
}

// Printed by gtest for a failing case instead of the struct's bytes.
void PrintTo(const CaseParam& p, std::ostream* os) {
  *os << (p.act_case ? p.rule_id + " on " + p.act_case->file : std::string("(no ACT suite)"));
}

class ActCaseTest : public ::testing::TestWithParam<CaseParam> {};

TEST_P(ActCaseTest, Case) {
  const CaseParam& p = GetParam();
  if (p.act_case == nullptr) {
    const Manifest& m = GetManifest();
    ASSERT_TRUE(m.error.empty()) << m.error;
    GTEST_SKIP() << "W3C ACT test cases not found at " << ActDir()
                 << " (see DESIGN.md, 'Tests and fixtures'); ACT conformance not checked";
  }
  const rules::Rule* rule = testing::Registry().Find(p.rule_id);
  ASSERT_NE(rule, nullptr) << p.rule_id;
  const ActCase& c = *p.act_case;
  const CaseRun run = RunCase(*rule, c);
  const Consistency verdict = Judge(c, run, GetExceptions().Find(c.rule_id, c.file));
  EXPECT_TRUE(IsAcceptable(verdict)) << Explain(*rule, c, run, verdict);
  if (verdict == Consistency::kMixup) std::cout << Explain(*rule, c, run, verdict) << "\n";
}

INSTANTIATE_TEST_SUITE_P(Act, ActCaseTest, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<CaseParam>& info) {
                           return info.param.name;
                         });

// The exceptions file parses, and every entry names a case of the suite.
TEST(ActConformance, ExceptionsFileIsWellFormed) {
  const ExceptionList& list = GetExceptions();
  for (const std::string& e : list.errors) ADD_FAILURE() << "cant_tell_exceptions.txt " << e;
  const Manifest& m = GetManifest();
  if (!m.present) GTEST_SKIP() << "W3C ACT test cases not found at " << ActDir();
  for (const CantTellException& e : list.entries) {
    bool found = false;
    for (const ActCase* c : m.CasesOf(e.act_rule_id)) found = found || c->file == e.file;
    EXPECT_TRUE(found) << "cant_tell_exceptions.txt line " << e.line << ": " << e.file
                       << " is not a case of ACT rule " << e.act_rule_id << " in the manifest";
  }
}

// Every ACT id in rule metadata names a current rule of the suite.
TEST(ActConformance, EveryActIdIsInTheSuite) {
  const Manifest& m = GetManifest();
  if (!m.present) GTEST_SKIP() << "W3C ACT test cases not found at " << ActDir();
  ASSERT_TRUE(m.error.empty()) << m.error;
  for (const rules::Rule* r : ActRules()) {
    for (const std::string& id : r->meta().act) {
      if (m.deprecated_rules.count(id)) {
        ADD_FAILURE() << r->id() << " maps to ACT rule " << id << ", which W3C deprecated";
      } else {
        EXPECT_TRUE(m.rule_names.count(id))
            << r->id() << " maps to ACT rule " << id << ", which is not in " << ActDir();
        EXPECT_FALSE(m.CasesOf(id).empty()) << "ACT rule " << id << " has no test cases";
      }
    }
  }
}

TEST(ActConformance, Summary) {
  const Manifest& m = GetManifest();
  if (!m.present) GTEST_SKIP() << "W3C ACT test cases not found at " << ActDir();
  ASSERT_TRUE(m.error.empty()) << m.error;
  const ExceptionList& exceptions = GetExceptions();

  // Results by case file, for the EARL report: one subject per case.
  std::map<std::string, findings::PageReport> pages;
  std::vector<std::string> page_order;

  struct Tally {
    int total = 0, consistent = 0, exceptions = 0, mixups = 0, bad = 0;
  };
  Tally all;
  int rules_consistent = 0, rules_total = 0;
  std::ostringstream out;
  out << "ACT conformance (" << ActDir() << ")\n";
  out << "  rule                               ACT ids        consistent/total  exceptions"
         "  mix-ups  W3C\n";
  for (const rules::Rule* rule : ActRules()) {
    Tally t;
    std::string ids;
    std::vector<std::string> problems;
    for (const std::string& act_id : rule->meta().act) {
      ids += (ids.empty() ? "" : ",") + act_id;
      for (const ActCase* c : m.CasesOf(act_id)) {
        const CaseRun run = RunCase(*rule, *c);
        const CantTellException* exception = exceptions.Find(c->rule_id, c->file);
        const Consistency v = Judge(*c, run, exception);
        ++t.total;
        if (IsAcceptable(v)) ++t.consistent;
        if (v == Consistency::kListedCantTell) ++t.exceptions;
        if (v == Consistency::kMixup) ++t.mixups;
        if (v == Consistency::kMixup) {
          problems.push_back(Explain(*rule, *c, run, v));
        } else if (v == Consistency::kListedCantTell) {
          problems.push_back(Explain(*rule, *c, run, v) + ": " + exception->reason);
        } else if (!IsAcceptable(v)) {
          ++t.bad;
          problems.push_back(Explain(*rule, *c, run, v));
        }
        auto [it, inserted] = pages.try_emplace(c->file);
        if (inserted) {
          page_order.push_back(c->file);
          it->second.url = c->Url();
          it->second.final_url = c->Url();
          it->second.status = 200;
          it->second.content_type = html::ContentTypeForPath(c->file);
        }
        if (run.ran) {
          it->second.rules.push_back(run.result);
        } else if (!it->second.error) {
          it->second.error = findings::PageError{"unreadable", run.problem};
        }
      }
    }
    // W3C's labels for an implementation of a rule: complete (every case consistent, no
    // cantTell), partial (consistent apart from cantTell), inconsistent.
    const char* label = t.bad > 0 ? "inconsistent" : t.exceptions > 0 ? "partial" : "complete";
    char line[256];
    std::snprintf(line, sizeof line, "  %-34s %-14s %5d/%-5d       %5d  %7d  %s\n",
                  rule->id().c_str(), ids.c_str(), t.consistent, t.total, t.exceptions, t.mixups,
                  label);
    out << line;
    for (const std::string& p : problems) {
      std::string indented = "      " + p;
      for (size_t i = 0; (i = indented.find('\n', i)) != std::string::npos; i += 5) {
        indented.insert(i + 1, "    ");
      }
      out << indented << "\n";
    }
    ++rules_total;
    if (t.bad == 0 && t.total > 0) ++rules_consistent;
    all.total += t.total;
    all.consistent += t.consistent;
    all.exceptions += t.exceptions;
    all.mixups += t.mixups;
    all.bad += t.bad;
  }
  out << "  rules consistent: " << rules_consistent << "/" << rules_total
      << "; cases consistent: " << all.consistent << "/" << all.total
      << "; cantTell exceptions: " << all.exceptions << " (listed: " << exceptions.entries.size()
      << "); passed/inapplicable mix-ups: " << all.mixups << "\n";
  std::cout << out.str();
  EXPECT_EQ(all.bad, 0) << all.bad << " inconsistent cases (listed above)";

  if (const char* earl_path = std::getenv("VERIFICA_EARL_OUT");
      earl_path != nullptr && *earl_path != '\0') {
    std::vector<findings::PageReport> ordered;
    ordered.reserve(page_order.size());
    for (const std::string& f : page_order) ordered.push_back(std::move(pages[f]));
    std::ofstream f(earl_path, std::ios::binary | std::ios::trunc);
    ASSERT_TRUE(f) << "cannot write VERIFICA_EARL_OUT=" << earl_path;
    f << report::RenderEarl(ordered);
    ASSERT_TRUE(f.good()) << "cannot write VERIFICA_EARL_OUT=" << earl_path;
    std::cout << "EARL report of the run written to " << earl_path << "\n";
  }
}

}  // namespace
}  // namespace verifica::act
