// WCAG rules on accessible names: images, buttons, links, form fields, image buttons, iframes,
// SVG with a role, objects, summaries.
#ifndef VERIFICA_RULES_WCAG_NAME_RULES_H_
#define VERIFICA_RULES_WCAG_NAME_RULES_H_

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

Status RegisterNameRules(RuleRegistry& registry);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_NAME_RULES_H_
