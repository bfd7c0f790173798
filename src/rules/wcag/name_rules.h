// WCAG rules on accessible names: images, buttons, links, form fields, image
// buttons, iframes, SVG with a role, objects, summaries.
#ifndef VERIFICA_RULES_WCAG_NAME_RULES_H_
#define VERIFICA_RULES_WCAG_NAME_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/wcag/wcag_rules.h"

namespace verifica::rules {

VERIFICA_DECLARE_RULE(ImageAltRule)         // wcag-image-alt (23a2a8)
VERIFICA_DECLARE_RULE(ButtonNameRule)       // wcag-button-name (97a4e1)
VERIFICA_DECLARE_RULE(LinkNameRule)         // wcag-link-name (c487ae)
VERIFICA_DECLARE_RULE(FormFieldNameRule)    // wcag-form-field-name (e086e5)
VERIFICA_DECLARE_RULE(ImageButtonNameRule)  // wcag-image-button-name (59796f)
VERIFICA_DECLARE_RULE(IframeNameRule)       // wcag-iframe-name (cae760)
VERIFICA_DECLARE_RULE(SvgImgNameRule)       // wcag-svg-img-name (7d6734)
VERIFICA_DECLARE_RULE(ObjectNameRule)       // wcag-object-name (8fc3b6)
VERIFICA_DECLARE_RULE(SummaryNameRule)      // wcag-summary-name (2t702h)

Status RegisterNameRules(RuleRegistry& registry);

// Helpers shared by the name rules (defined in name_module.cc).
namespace names {

// Whether the element is in the accessibility tree, as far as a static checker
// can tell.
enum class Inclusion : uint8_t { kExcluded, kIncluded, kUnknown };
Inclusion InTree(PageContext& ctx, dom::NodeId id);

// True when `role` is `ancestor` or inherits from it through WAI-ARIA
// superclasses (e.g. "doc-biblioref" inherits from "link").
bool InheritsRole(std::string_view role, std::string_view ancestor);

// The tabindex attribute parsed by HTML's rules for integers; nullopt when
// absent or invalid.
std::optional<long> Tabindex(const dom::Document& doc, dom::NodeId id);

// The last path segment of a URL (query and fragment dropped), cut to a
// readable length;
// "" for an empty URL. A data: URL gives "data:<mime>".
std::string FileName(std::string_view url);
// A short form of a URL for messages: host and path without scheme, query or
// fragment.
std::string ShortUrl(std::string_view url);
// A name or other page text cut to a readable length for message arguments.
std::string Clip(std::string_view s, size_t max_bytes = 120);

// The first descendant of `id` that draws a picture or icon: an HTML img, an
// svg element, an element with role="img", or an <i> element (the usual
// icon-font idiom); kNoNode if none.
dom::NodeId FirstGraphic(const dom::Document& doc, dom::NodeId id);

// The HTML element's `tag` value as written in messages: "<button>", "<div
// role=\"button\">".
std::string TagLabel(const dom::Document& doc, dom::NodeId id);

// When an element's name is empty, the most useful explanation from its ARIA
// naming attributes: aria-labelledby pointing at nothing
// ("fail-labelledby-missing", args: ids), aria-labelledby pointing at elements
// without text ("fail-labelledby-empty", args: ids), or aria-label with only
// spaces ("fail-aria-label-blank"). nullopt when none applies.
std::optional<Verdict> DiagnoseAriaNaming(PageContext& ctx, dom::NodeId id);

// The verdict for an applicable element whose name is not acceptable: `fail`, or, when the
// element may not be in the accessibility tree at all (a style rule the checker cannot decide),
// a cantTell "review-hidden" naming the element as `what`.
Verdict FailOrReview(Inclusion inclusion, Verdict fail, std::string what);

}  // namespace names

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_NAME_RULES_H_
