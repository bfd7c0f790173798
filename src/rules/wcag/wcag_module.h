// Registration of the C++ WCAG rules (explicit, called from main and the tests).
#ifndef VERIFICA_RULES_WCAG_WCAG_MODULE_H_
#define VERIFICA_RULES_WCAG_WCAG_MODULE_H_

#include "rules/engine/registry.h"

namespace verifica::rules {

// Adds every C++ WCAG rule with its embedded metadata.
Status RegisterWcagRules(RuleRegistry& registry);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_WCAG_MODULE_H_
