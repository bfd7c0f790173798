// WCAG rules on ARIA markup: attributes defined, values valid, roles valid, required states.
#ifndef VERIFICA_RULES_WCAG_ARIA_RULES_H_
#define VERIFICA_RULES_WCAG_ARIA_RULES_H_

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

Status RegisterAriaRules(RuleRegistry& registry);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_ARIA_RULES_H_
