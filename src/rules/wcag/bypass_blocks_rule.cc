// wcag-bypass-blocks: A page offers at least one way to skip repeated blocks: a main landmark,
// another landmark, a heading, or a skip link to an element that exists.
//
// WCAG 2.4.1 (A); heuristics of the ACT composite cf77f2, not its test cases.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Landmark roles that let assistive technologies jump past blocks (region and form count only
// when named, which Role already decides).
bool IsLandmark(std::string_view role) {
  return role == "main" || role == "banner" || role == "navigation" || role == "contentinfo" ||
         role == "complementary" || role == "region" || role == "search" || role == "form";
}

// Links with less than this many links on the page and no mechanism: whether blocks repeat
// cannot be told from one page.
constexpr size_t kLinksOfANavigationBlock = 3;

}  // namespace

std::vector<std::string> BypassBlocksRule::Tags() const { return {"body"}; }

std::optional<Verdict> BypassBlocksRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html() || node != doc.body() || !doc.IsElement(node, "body")) return std::nullopt;
  size_t links = 0;
  const dom::NodeId end = doc.node(node).subtree_end;
  for (dom::NodeId i = node + 1; i < end; ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element()) continue;
    if (doc.IsElement(i, "template")) {
      i = n.subtree_end - 1;
      continue;
    }
    const std::string_view role = ctx.aria.Role(i);
    const bool candidate = role == "heading" || IsLandmark(role) || role == "link";
    if (!candidate || ctx.aria.IsHidden(i) == aria::Tri::kYes) continue;
    if (role == "main") return Pass("pass-main", {names::TagLabel(doc, i)});
    if (IsLandmark(role)) return Pass("pass-landmark", {std::string(role)});
    if (role == "heading") return Pass("pass-heading", {names::Clip(ctx.aria.Name(i), 80)});
    ++links;
    const std::string* href = doc.Attr(i, "href");
    if (href == nullptr) continue;
    const std::string_view h = text::TrimHtmlSpace(*href);
    if (h.size() < 2 || h.front() != '#') continue;
    if (faults::FragmentTarget(doc, h.substr(1)) != dom::kNoNode) {
      return Pass("pass-skip-link", {std::string(h), names::Clip(ctx.aria.Name(i), 80)});
    }
  }
  if (links >= kLinksOfANavigationBlock) return Fail("fail", {std::to_string(links)});
  return Review("review-few-links", {std::to_string(links)});
}

}  // namespace verifica::rules
