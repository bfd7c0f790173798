// wcag-marquee-blink: No marquee element moves content on its own, and no blink element is
// left for browsers that still make it blink.
//
// WCAG 2.2.2 (A); no ACT rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> MarqueeBlinkRule::Tags() const { return {"marquee", "blink"}; }

std::optional<Verdict> MarqueeBlinkRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (n.ns != dom::Namespace::kHtml || (n.tag != "marquee" && n.tag != "blink")) {
    return std::nullopt;
  }
  const aria::Tri invisible = ctx.aria.IsInvisible(node);
  if (invisible == aria::Tri::kYes) return std::nullopt;
  const std::string text = names::Clip(doc.TextContent(node), 80);
  if (n.tag == "blink") {
    // Current browsers render <blink> as plain text; older ones blink it for ever.
    return Review("review-blink", {text});
  }
  // scrollamount="0" keeps the text still: nothing moves.
  if (const std::string* amount = doc.Attr(node, "scrollamount");
      amount != nullptr && text::TrimHtmlSpace(*amount) == "0") {
    return Pass("pass-still", {text});
  }
  if (invisible == aria::Tri::kUnknown) return Review("review-hidden", {text});
  return Fail("fail-marquee", {text});
}

}  // namespace verifica::rules
