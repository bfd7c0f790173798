// WCAG rules for common faults that no W3C ACT rule covers (ids referenced twice, moving or
// autoplaying content, focus order, headings, bypass blocks, tables, in-page links, alt text
// that is not an alternative, placeholder labels, list structure), and the ACT rules on
// focusable content hidden from assistive technologies, frames kept out of the tab order and
// visible labels in accessible names. One rule per file, named after the rule id.
#ifndef VERIFICA_RULES_WCAG_FAULT_RULES_H_
#define VERIFICA_RULES_WCAG_FAULT_RULES_H_

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

VERIFICA_DECLARE_RULE(IdReferenceUniqueRule)     // wcag-id-reference-unique
VERIFICA_DECLARE_RULE(MarqueeBlinkRule)          // wcag-marquee-blink
VERIFICA_DECLARE_RULE(MediaAutoplayRule)         // wcag-media-autoplay
VERIFICA_DECLARE_RULE(TabindexPositiveRule)      // wcag-tabindex-positive
VERIFICA_DECLARE_RULE(HeadingOrderRule)          // wcag-heading-order
VERIFICA_DECLARE_RULE(BypassBlocksRule)          // wcag-bypass-blocks
VERIFICA_DECLARE_RULE(TableHeadersRule)          // wcag-table-headers
VERIFICA_DECLARE_RULE(InPageLinkTargetRule)      // wcag-in-page-link-target
VERIFICA_DECLARE_RULE(ImageAltMeaningfulRule)    // wcag-image-alt-meaningful
VERIFICA_DECLARE_RULE(PlaceholderLabelRule)      // wcag-placeholder-label
VERIFICA_DECLARE_RULE(ListStructureRule)         // wcag-list-structure
VERIFICA_DECLARE_RULE(AriaHiddenFocusRule)       // wcag-aria-hidden-focus (6cfa84)
VERIFICA_DECLARE_RULE(IframeTabOrderRule)        // wcag-iframe-tab-order (akn7bn)
VERIFICA_DECLARE_RULE(LabelInNameRule)           // wcag-label-in-name (2ee8b8)

// Helpers shared by these rules (defined in fault_helpers.cc).
namespace faults {

// True when the page runs scripts: a <script> element that is not a data block (JSON, templates)
// or an event handler attribute (onclick, onfocus …) anywhere.
bool PageHasScript(const dom::Document& doc);

// Heading level of an element whose computed role is heading: h1–h6 give their number,
// aria-level (a valid integer 1–9) overrides it, and role="heading" without it is level 2.
int HeadingLevel(PageContext& ctx, dom::NodeId id);

// The element an in-page link's fragment points at (HTML "find a potential indicated
// element": the first element with that id, else the first <a> with that name), after
// percent-decoding; kNoNode when there is none. "top" is handled by the caller.
dom::NodeId FragmentTarget(const dom::Document& doc, std::string_view fragment);

}  // namespace faults

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_FAULT_RULES_H_
