// Runs rules over one parsed page: one walk over the DOM in document order, each element handed
// to the rules that asked for its tag; outcomes aggregated per rule (worst wins). A rule that
// throws gets an error result (cantTell), never passed, and the other rules go on.
#ifndef VERIFICA_RULES_ENGINE_RUNNER_H_
#define VERIFICA_RULES_ENGINE_RUNNER_H_

#include <span>
#include <vector>

#include "dom/document.h"
#include "findings/findings.h"
#include "rules/engine/rule.h"

namespace verifica::rules {

struct RunOptions {
  bool include_passes = false;  // also list passed elements as findings
  size_t max_findings = 500;    // per rule and page; counts stay exact beyond it
  size_t snippet_bytes = 240;
};

// `cache`, when given, is the page's shared data (PageCache), kept by the caller so what the
// rules built (e.g. the pack rules' page view) can be read again after they ran.
std::vector<findings::RuleResult> RunRules(const dom::Document& doc,
                                           std::span<const Rule* const> rules,
                                           const RunOptions& options = {},
                                           PageCache* cache = nullptr);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_ENGINE_RUNNER_H_
