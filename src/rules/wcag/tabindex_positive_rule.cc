// wcag-tabindex-positive: No element takes a tabindex greater than zero, which moves it ahead
// of the page's reading order in keyboard navigation.
//
// Best practice (risk to WCAG 2.4.3); no ACT rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"

namespace verifica::rules {

std::vector<std::string> TabindexPositiveRule::Tags() const { return {}; }

std::optional<Verdict> TabindexPositiveRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html()) return std::nullopt;
  const std::optional<long> tabindex = names::Tabindex(doc, node);
  if (!tabindex) return std::nullopt;
  // An element that is not rendered, or inert, is not in the focus order at all.
  if (ctx.aria.IsInvisible(node) == aria::Tri::kYes || ctx.aria.IsInert(node)) {
    return std::nullopt;
  }
  const std::string label = names::TagLabel(doc, node);
  if (*tabindex > 0) return Fail("fail", {std::to_string(*tabindex), label});
  return Pass("pass", {std::to_string(*tabindex), label});
}

}  // namespace verifica::rules
