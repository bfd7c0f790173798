#include "rules/wcag/wcag_module.h"

#include "rules/wcag/aria_rules.h"
#include "rules/wcag/document_rules.h"
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"

namespace verifica::rules {

Status RegisterWcagRules(RuleRegistry& registry) {
  if (Status s = RegisterDocumentRules(registry); !s.ok()) return s;
  if (Status s = RegisterNameRules(registry); !s.ok()) return s;
  if (Status s = RegisterAriaRules(registry); !s.ok()) return s;
  for (Status s : {
           registry.Add<IdReferenceUniqueRule>("wcag", "wcag-id-reference-unique"),
           registry.Add<MarqueeBlinkRule>("wcag", "wcag-marquee-blink"),
           registry.Add<MediaAutoplayRule>("wcag", "wcag-media-autoplay"),
           registry.Add<TabindexPositiveRule>("wcag", "wcag-tabindex-positive"),
           registry.Add<HeadingOrderRule>("wcag", "wcag-heading-order"),
           registry.Add<BypassBlocksRule>("wcag", "wcag-bypass-blocks"),
           registry.Add<TableHeadersRule>("wcag", "wcag-table-headers"),
           registry.Add<InPageLinkTargetRule>("wcag", "wcag-in-page-link-target"),
           registry.Add<ImageAltMeaningfulRule>("wcag", "wcag-image-alt-meaningful"),
           registry.Add<PlaceholderLabelRule>("wcag", "wcag-placeholder-label"),
           registry.Add<ListStructureRule>("wcag", "wcag-list-structure"),
           registry.Add<AriaHiddenFocusRule>("wcag", "wcag-aria-hidden-focus"),
           registry.Add<IframeTabOrderRule>("wcag", "wcag-iframe-tab-order"),
           registry.Add<LabelInNameRule>("wcag", "wcag-label-in-name"),
       }) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace verifica::rules
