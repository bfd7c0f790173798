// WCAG rules on ARIA markup: attributes defined, values valid, roles valid, required states.
#ifndef VERIFICA_RULES_WCAG_ARIA_RULES_H_
#define VERIFICA_RULES_WCAG_ARIA_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

VERIFICA_DECLARE_RULE(AriaAttrDefinedRule)     // wcag-aria-attr-defined (5f99a7)
VERIFICA_DECLARE_RULE(AriaAttrValidValueRule)  // wcag-aria-attr-valid-value (6a7281)
VERIFICA_DECLARE_RULE(RoleValidRule)           // wcag-role-valid (674b10)
VERIFICA_DECLARE_RULE(AriaRequiredAttrRule)    // wcag-aria-required-attr (4e8ab6)

Status RegisterAriaRules(RuleRegistry& registry);

// Helpers shared by the ARIA rules (defined in aria_module.cc).
namespace ariarules {

// The element's explicit semantic role per the ACT glossary: the first token of its role
// attribute that names a non-abstract WAI-ARIA 1.2, DPUB-ARIA or Graphics-ARIA role (lower
// case), or "" when there is none.
std::string ExplicitRole(const dom::Document& doc, dom::NodeId id);

// True for elements in the HTML or SVG namespace (the ACT rules' "HTML or SVG element").
bool IsHtmlOrSvg(const dom::Node& n);

// Focusable by any means: what PageAria says, or a tabindex attribute that parses as an integer
// (HTML's rules for parsing integers), which makes any element focusable.
bool IsFocusable(PageContext& ctx, dom::NodeId id);

// The known name closest to `word` (ASCII case-insensitive edit distance, transpositions
// counting once) if it is close enough to be a likely typo, else "".
std::string ClosestName(std::string_view word, const std::vector<std::string_view>& candidates);

// Page text cut for a message argument: white space collapsed, at most `max_bytes` bytes on a
// UTF-8 boundary, "…" appended when cut.
std::string ClipArg(std::string_view s, size_t max_bytes = 60);

// "a, b, c" (each item already clipped by the caller); at most `max_items`, then "…".
std::string JoinList(const std::vector<std::string>& items, size_t max_items = 8);

}  // namespace ariarules

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_ARIA_RULES_H_
