// wcag-iframe-name: Every iframe in the accessibility tree that keyboard users
// can reach and that is not marked presentational has a non-empty accessible
// name.
//
// WCAG 4.1.2 (A); ACT cae760.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> IframeNameRule::Tags() const { return {"iframe"}; }

std::optional<Verdict> IframeNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "iframe")) return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;
  // A negative tabindex takes the frame out of sequential focus navigation.
  if (std::optional<long> tabindex = names::Tabindex(doc, node); tabindex && *tabindex < 0) {
    return std::nullopt;
  }
  const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
  if (explicit_role == "none" || explicit_role == "presentation") return std::nullopt;

  std::string frame;
  if (const std::string* src = doc.Attr(node, "src"); src != nullptr && !text::IsBlank(*src)) {
    frame = names::ShortUrl(*src);
  } else {
    frame = doc.HasAttr(node, "srcdoc") ? "srcdoc" : names::TagLabel(doc, node);
  }
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), frame});

  Verdict fail = Fail("fail-no-title", {frame});
  const std::string* title = doc.Attr(node, "title");
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (title != nullptr) {
    fail = Fail("fail-blank-title", {frame});
  } else if (const std::string* name_attr = doc.Attr(node, "name");
             name_attr != nullptr && !text::IsBlank(*name_attr)) {
    fail = Fail("fail-name-attr", {frame, names::Clip(*name_attr, 60)});
  }
  return names::FailOrReview(inclusion, std::move(fail), frame);
}

}  // namespace verifica::rules
