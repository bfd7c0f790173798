// wcag-svg-img-name: Every SVG element with an explicit role of img,
// graphics-document or graphics-symbol in the accessibility tree has a
// non-empty accessible name.
//
// WCAG 1.1.1 (A); ACT 7d6734.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> SvgImgNameRule::Tags() const { return {}; }

std::optional<Verdict> SvgImgNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (n.ns != dom::Namespace::kSvg || !doc.HasAttr(node, "role")) return std::nullopt;
  const std::string_view role = ctx.aria.ExplicitRole(node);
  if (role != "img" && role != "graphics-document" && role != "graphics-symbol") {
    return std::nullopt;
  }
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string label = "<" + n.tag + " role=\"" + std::string(role) + "\">";
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), label});

  Verdict fail = Fail("fail-empty", {label});
  // What the author may have meant as a name: a <title> child, or <text> drawn
  // in the graphic.
  bool has_title = false;
  for (dom::NodeId child : n.children) {
    if (doc.IsElement(child, "title", dom::Namespace::kSvg)) has_title = true;
  }
  bool has_text = false;
  for (dom::NodeId i = node + 1; i < n.subtree_end && !has_text; ++i) {
    if (doc.IsElement(i, "text", dom::Namespace::kSvg) && !text::IsBlank(doc.TextContent(i))) {
      has_text = true;
    }
  }
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (has_title) {
    fail = Fail("fail-empty-title", {label});
  } else if (has_text) {
    fail = Fail("fail-text-not-name", {label});
  }
  return names::FailOrReview(inclusion, std::move(fail), label);
}

}  // namespace verifica::rules
