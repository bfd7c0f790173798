// Document-level WCAG rules: page title, language of the page and of parts, meta refresh,
// viewport zoom, autocomplete tokens.
#ifndef VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_
#define VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

VERIFICA_DECLARE_RULE(PageTitleRule)  // wcag-page-title (2779a5)

Status RegisterDocumentRules(RuleRegistry& registry);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_
