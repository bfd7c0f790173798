// EARL 1.0 report (Evaluation and Report Language) in JSON-LD, the format W3C uses for ACT
// implementation reports: `verifica check --format earl`, and the ACT conformance run.
//
// Shape (terms from the W3C ACT EARL context, which maps them to earl:, dct:, doap: and ptr:):
//   {"@context": kEarlContext,
//    "@graph": [{"@type": "TestSubject", "source": <page URL>,
//                "assertions": [{"@type": "Assertion",
//                                "assertedBy": {"@type": ["Assertor", "Software"], ...},
//                                "mode": "earl:automatic",
//                                "test": {"@type": "TestCase", "title": <verifica rule id>,
//                                         "@id": <ACT rule URL, when the rule maps to one>},
//                                "result": {"@type": "TestResult",
//                                           "outcome": "earl:failed", "pointer": [...]}}]}]}
// Every rule that ran on a page is one assertion per ACT rule it maps to (one assertion when it
// maps to none), inapplicable and passed included: an implementation report is a claim about
// what the tool decided everywhere. A page that could not be checked has no assertions and an
// `info` explaining why.
#ifndef VERIFICA_REPORT_EARL_H_
#define VERIFICA_REPORT_EARL_H_

#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"

namespace verifica::report {

inline constexpr std::string_view kEarlContext =
    "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json";
inline constexpr std::string_view kActRuleUrlPrefix =
    "https://www.w3.org/WAI/standards-guidelines/act/rules/";

// "earl:passed", "earl:failed", "earl:cantTell", "earl:inapplicable".
std::string EarlOutcome(findings::Outcome o);

// The EARL document for these pages, as pretty-printed JSON text ending in a newline.
std::string RenderEarl(const std::vector<findings::PageReport>& pages);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_EARL_H_
