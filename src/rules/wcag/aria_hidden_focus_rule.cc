// wcag-aria-hidden-focus: An element with aria-hidden="true" has no content that keyboard
// users can reach with the Tab key.
//
// WCAG 4.1.2 (A); ACT 6cfa84.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// A script that names the element's id and handles focus may move focus on at once (a "focus
// sentinel"): a static checker cannot run it.
bool ScriptMayRedirectFocus(const dom::Document& doc, dom::NodeId id) {
  for (const dom::Attribute& a : doc.node(id).attrs) {
    if (a.name == "onfocus" || a.name == "onfocusin") return true;
  }
  const std::string* own_id = doc.Attr(id, "id");
  if (own_id == nullptr || own_id->empty()) return false;
  for (dom::NodeId i = 0; i < doc.size(); ++i) {
    if (!doc.IsElement(i, "script")) continue;
    const std::string code = doc.TextContent(i);
    if (code.find(*own_id) != std::string::npos && code.find("focus") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> AriaHiddenFocusRule::Tags() const { return {}; }

std::optional<Verdict> AriaHiddenFocusRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html() || !doc.node(node).is_element()) return std::nullopt;
  const std::string* hidden = doc.Attr(node, "aria-hidden");
  if (hidden == nullptr || !text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*hidden), "true")) {
    return std::nullopt;
  }
  const std::string label = names::TagLabel(doc, node);
  const dom::NodeId end = doc.node(node).subtree_end;
  std::optional<Verdict> review;
  for (dom::NodeId i = node; i < end; ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element()) continue;
    if (doc.IsElement(i, "template")) {
      i = n.subtree_end - 1;
      continue;
    }
    // IsTabbable ignores aria-hidden (that is the point here) but not display:none,
    // visibility:hidden or inert.
    if (!ctx.aria.IsTabbable(i)) continue;
    const std::string what = names::TagLabel(doc, i);
    if (ScriptMayRedirectFocus(doc, i)) {
      if (!review) {
        review = Review("review-script", {label, what});
        review->target = i;
      }
      continue;
    }
    if (ctx.aria.IsInvisible(i) == aria::Tri::kUnknown) {
      if (!review) {
        review = Review("review-hidden", {label, what});
        review->target = i;
      }
      continue;
    }
    Verdict v = Fail(i == node ? "fail-self" : "fail", {label, what});
    v.target = i;
    return v;
  }
  if (review) return review;
  return Pass("pass", {label});
}

}  // namespace verifica::rules
