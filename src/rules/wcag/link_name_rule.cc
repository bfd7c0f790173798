// wcag-link-name: Every element with the link role (or a role inheriting from
// it) in the accessibility tree has a non-empty accessible name.
//
// WCAG 2.4.4 and 4.1.2 (A); ACT c487ae.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> LinkNameRule::Tags() const { return {}; }

std::optional<Verdict> LinkNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (!names::InheritsRole(ctx.aria.Role(node), "link")) return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  // The destination identifies the link best; elements without href are named
  // by their tag.
  const std::string* href = doc.Attr(node, "href");
  const std::string target = href != nullptr && !text::IsBlank(*href) ? names::ShortUrl(*href)
                                                                      : names::TagLabel(doc, node);
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), target});

  Verdict fail = Fail("fail-empty", {target});
  const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
  const bool html = n.ns == dom::Namespace::kHtml;
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (explicit_role == "none" || explicit_role == "presentation") {
    fail = Fail("fail-presentational-conflict", {target, std::string(explicit_role)});
  } else if (html && n.tag == "area") {
    fail = Fail("fail-area-no-alt", {target});
  } else if (const dom::NodeId graphic = names::FirstGraphic(doc, node); graphic != dom::kNoNode) {
    const dom::Node& g = doc.node(graphic);
    const bool img = g.ns == dom::Namespace::kHtml && g.tag == "img";
    const std::string* src = img ? doc.Attr(graphic, "src") : nullptr;
    const std::string file = src != nullptr && !text::IsBlank(*src) ? names::FileName(*src)
                                                                    : names::TagLabel(doc, graphic);
    const std::string* alt = img ? doc.Attr(graphic, "alt") : nullptr;
    const std::string_view graphic_role = ctx.aria.Role(graphic);
    if (ctx.aria.IsHidden(graphic) == aria::Tri::kYes) {
      fail = Fail("fail-image-hidden", {target, file});
    } else if (img && alt == nullptr && graphic_role == "img") {
      fail = Fail("fail-image-no-alt", {target, file});
    } else if (img && (graphic_role == "none" || graphic_role == "presentation")) {
      fail = Fail("fail-image-decorative", {target, file});
    } else {
      fail = Fail("fail-icon-only", {target, file});
    }
  }
  return names::FailOrReview(inclusion, std::move(fail), target);
}

}  // namespace verifica::rules
