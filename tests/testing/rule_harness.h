// Test helpers: run one registered rule (or all) on an HTML string and look at the result.
#ifndef VERIFICA_TESTS_TESTING_RULE_HARNESS_H_
#define VERIFICA_TESTS_TESTING_RULE_HARNESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "rules/engine/registry.h"

namespace verifica::testing {

// The registry with every C++ rule (built once per process).
const rules::RuleRegistry& Registry();

// Parses `html` (as text/html unless `content_type` says otherwise) and runs the rule `id`.
// Fails the current test (ADD_FAILURE) if the rule is unknown or the page does not parse.
findings::RuleResult RunRule(std::string_view id, std::string_view html,
                             std::string_view content_type = "text/html");

// Shorthand: the rule's outcome on the page.
findings::Outcome OutcomeOf(std::string_view id, std::string_view html,
                            std::string_view content_type = "text/html");

// Selectors of the findings with this outcome.
std::vector<std::string> Selectors(const findings::RuleResult& r, findings::Outcome o);

// Reads a file under the source tree (VERIFICA_SOURCE_DIR); fails the test if unreadable.
std::string ReadSourceFile(std::string_view relative_path);

}  // namespace verifica::testing

#endif  // VERIFICA_TESTS_TESTING_RULE_HARNESS_H_
