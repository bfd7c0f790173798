// wcag-button-name: Every element with the button role in the accessibility
// tree, other than an image button, has a non-empty accessible name.
//
// WCAG 4.1.2 (A); ACT 97a4e1.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> ButtonNameRule::Tags() const { return {}; }

std::optional<Verdict> ButtonNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  const bool is_input = n.ns == dom::Namespace::kHtml && n.tag == "input";
  const std::string* type = is_input ? doc.Attr(node, "type") : nullptr;
  // Image buttons have their own rule (wcag-image-button-name), which also
  // covers 1.1.1.
  if (type != nullptr && text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*type), "image")) {
    return std::nullopt;
  }
  if (ctx.aria.Role(node) != "button") return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string label = names::TagLabel(doc, node);
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), label});

  Verdict fail = Fail("fail-empty", {label});
  const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (explicit_role == "none" || explicit_role == "presentation") {
    fail = Fail("fail-presentational-conflict", {label, std::string(explicit_role)});
  } else if (is_input) {
    fail = Fail("fail-input-no-value", {label});
  } else if (const std::string* value = doc.Attr(node, "value");
             n.ns == dom::Namespace::kHtml && n.tag == "button" && value != nullptr &&
             !text::IsBlank(*value)) {
    fail = Fail("fail-value-ignored", {names::Clip(*value, 60)});
  } else if (names::FirstGraphic(doc, node) != dom::kNoNode) {
    fail = Fail("fail-icon-only", {label});
  }
  return names::FailOrReview(inclusion, std::move(fail), label);
}

}  // namespace verifica::rules
