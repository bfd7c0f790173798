// wcag-aria-attr-defined: Every attribute whose name starts with aria- is a state or property
// defined in WAI-ARIA 1.2.
//
// WCAG 4.1.2 (A) and 1.3.1 (A) as secondary requirements; ACT 5f99a7.
#include "aria/standards.h"
#include "rules/wcag/aria_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> AriaAttrDefinedRule::Tags() const { return {}; }

std::optional<Verdict> AriaAttrDefinedRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Node& n = ctx.doc.node(node);
  std::vector<std::string> unknown, draft;
  bool any = false;
  for (const dom::Attribute& a : n.attrs) {
    if (!text::StartsWithIgnoreAsciiCase(a.name, "aria-")) continue;
    any = true;
    if (aria::FindAttribute(a.name) != nullptr) continue;
    if (aria::IsDraftAttribute(a.name)) {
      draft.push_back(ariarules::ClipArg(a.name));
    } else {
      unknown.push_back(ariarules::ClipArg(a.name));
    }
  }
  if (!any) return std::nullopt;
  if (unknown.empty()) {
    if (!draft.empty()) return Pass("pass-draft", {ariarules::JoinList(draft)});
    return Pass("pass");
  }
  if (unknown.size() == 1) {
    std::vector<std::string_view> names;
    for (const aria::AttributeSpec& spec : aria::AllAttributes()) names.push_back(spec.name);
    const std::string suggestion = ariarules::ClosestName(unknown[0], names);
    if (!suggestion.empty()) return Fail("fail-typo", {unknown[0], suggestion});
    return Fail("fail-one", {unknown[0]});
  }
  return Fail("fail-many", {ariarules::JoinList(unknown)});
}

}  // namespace verifica::rules
