// The W3C ACT test suite as the conformance tests see it: the manifest of ../shared/act, the
// list of accepted cantTell exceptions (tests/act/cant_tell_exceptions.txt), running one rule
// on one test case, and judging the result the way W3C judges implementation reports.
#ifndef VERIFICA_TESTS_ACT_ACT_SUITE_H_
#define VERIFICA_TESTS_ACT_ACT_SUITE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "rules/engine/rule.h"

namespace verifica::act {

// Folder of the W3C test cases: VERIFICA_SOURCE_DIR "/../shared/act".
std::string ActDir();

// Where W3C publishes the cases and rules (used as EARL subjects and tests).
inline constexpr std::string_view kTestcaseUrlPrefix =
    "https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/";
inline constexpr std::string_view kRuleUrlPrefix =
    "https://www.w3.org/WAI/standards-guidelines/act/rules/";

struct ActCase {
  std::string rule_id;      // ACT rule id, "2779a5"
  std::string file;         // relative to ActDir(), "2779a5/failed-3.html"
  std::string expected;     // "passed" | "failed" | "inapplicable"
  int n = 0;                // example number in the rule
  std::string testcase_id;  // upstream sha1 file name
  std::string description;  // the example's explanation

  // The published address of the case (its EARL subject).
  std::string Url() const;
};

struct Manifest {
  bool present = false;                           // false when ActDir() has no manifest.json
  std::string error;                              // set when the manifest exists but cannot be read
  std::map<std::string, std::string> rule_names;  // included ACT rules: id → name
  std::set<std::string> deprecated_rules;
  std::vector<ActCase> cases;

  std::vector<const ActCase*> CasesOf(std::string_view act_rule_id) const;
};

// Reads ActDir()/manifest.json once per process. `cases` holds the cases of the ACT rules that
// registered rules name or that the exceptions list names (the others are not needed).
const Manifest& GetManifest();

// One accepted cantTell: the rule cannot decide this case statically.
struct CantTellException {
  std::string act_rule_id;
  std::string file;  // relative to ActDir()
  std::string reason;
  int line = 0;  // in the exceptions file
};

struct ExceptionList {
  std::vector<CantTellException> entries;
  std::vector<std::string> errors;  // malformed lines, duplicates ("line N: why")

  const CantTellException* Find(std::string_view act_rule_id, std::string_view file) const;
};

// Parses the exceptions file format (see cant_tell_exceptions.txt).
ExceptionList ParseExceptions(std::string_view text);
// tests/act/cant_tell_exceptions.txt, read and parsed once per process.
const ExceptionList& GetExceptions();

// What a rule reported on one case.
struct CaseRun {
  bool ran = false;     // false when the file could not be read or parsed
  std::string problem;  // why it did not run
  findings::RuleResult result;
};

CaseRun RunCase(const rules::Rule& rule, const ActCase& c);

// How a result compares with the expected outcome.
enum class Consistency {
  kConsistent,      // the expected outcome
  kMixup,           // passed for inapplicable or the other way round: consistent, but counted
  kListedCantTell,  // cantTell on a listed exception
  kInconsistent,    // a failed case not failed, or a passed/inapplicable case failed
  kUnlistedCantTell,
  kStaleException,  // listed as cantTell but the rule now decides the case
  kNotRun,          // the case could not be read or parsed
};

bool IsAcceptable(Consistency c);
std::string_view ToString(Consistency c);

Consistency Judge(const ActCase& c, const CaseRun& run, const CantTellException* exception);

// One line explaining a judgement, for test failure messages and the summary.
std::string Explain(const rules::Rule& rule, const ActCase& c, const CaseRun& run,
                    Consistency verdict);

}  // namespace verifica::act

#endif  // VERIFICA_TESTS_ACT_ACT_SUITE_H_
