// wcag-summary-name: Every <summary> that works as the button of its <details>,
// in the accessibility tree and without an explicit role of its own, has a
// non-empty accessible name.
//
// WCAG 4.1.2 (A); ACT 2t702h.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> SummaryNameRule::Tags() const { return {"summary"}; }

std::optional<Verdict> SummaryNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "summary")) return std::nullopt;
  // Only the first <summary> child of a <details> is its control (HTML "summary
  // for its parent details element"); any other summary does nothing.
  const dom::NodeId parent = doc.node(node).parent;
  if (parent == dom::kNoNode || !doc.IsElement(parent, "details")) return std::nullopt;
  for (dom::NodeId child : doc.node(parent).children) {
    if (doc.IsElement(child, "summary")) {
      if (child != node) return std::nullopt;
      break;
    }
  }
  // An explicit role takes it out of this rule (role="button" is tested as a
  // button), except none/presentation: the summary of a details is focusable,
  // so that role is ignored.
  const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
  const bool presentational = explicit_role == "none" || explicit_role == "presentation";
  if (!explicit_role.empty() && !presentational) return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name)});

  Verdict fail = Fail("fail-empty");
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (presentational) {
    fail = Fail("fail-presentational-conflict", {std::string(explicit_role)});
  } else if (names::FirstGraphic(doc, node) != dom::kNoNode) {
    fail = Fail("fail-icon-only");
  }
  return names::FailOrReview(inclusion, std::move(fail), "<summary>");
}

}  // namespace verifica::rules
