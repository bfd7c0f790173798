// Document-level WCAG rules: page title, language of the page and of parts,
// meta refresh, viewport zoom, autocomplete tokens.
#ifndef VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_
#define VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

VERIFICA_DECLARE_RULE(PageTitleRule)         // wcag-page-title (2779a5)
VERIFICA_DECLARE_RULE(HtmlLangRule)          // wcag-html-lang (b5c3f8)
VERIFICA_DECLARE_RULE(HtmlLangValidRule)     // wcag-html-lang-valid (bf051a)
VERIFICA_DECLARE_RULE(ElementLangValidRule)  // wcag-element-lang-valid (de46e4)
VERIFICA_DECLARE_RULE(MetaRefreshRule)       // wcag-meta-refresh (bc659a)
VERIFICA_DECLARE_RULE(ViewportZoomRule)      // wcag-viewport-zoom (b4f0c3)
VERIFICA_DECLARE_RULE(AutocompleteRule)      // wcag-autocomplete-valid (73f2c2)

Status RegisterDocumentRules(RuleRegistry& registry);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_DOCUMENT_RULES_H_
