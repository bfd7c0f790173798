// wcag-role-valid: Every non-empty role attribute on an element that is not hidden names at
// least one non-abstract role of WAI-ARIA 1.2, DPUB-ARIA or Graphics-ARIA.
//
// WCAG 4.1.2 (A) and 1.3.1 (A) as secondary requirements; ACT 674b10.
#include "aria/standards.h"
#include "rules/wcag/aria_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> RoleValidRule::Tags() const { return {}; }

std::optional<Verdict> RoleValidRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Node& n = ctx.doc.node(node);
  if (!ariarules::IsHtmlOrSvg(n)) return std::nullopt;
  const std::string* role = ctx.doc.Attr(node, "role");
  if (role == nullptr) return std::nullopt;
  const std::vector<std::string_view> tokens = text::SplitHtmlSpace(*role);
  if (tokens.empty()) return std::nullopt;  // empty or only white space
  const aria::Tri hidden = ctx.aria.IsHidden(node);
  if (hidden == aria::Tri::kYes) return std::nullopt;

  std::string abstract_role, draft_role;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const aria::RoleSpec* spec = aria::FindRole(tokens[i]);
    if (spec != nullptr && !spec->abstract) {
      if (i == 0) return Pass("pass", {spec->name});
      return Pass("pass-fallback", {spec->name, ariarules::ClipArg(*role)});
    }
    if (spec != nullptr && abstract_role.empty()) abstract_role = spec->name;
    if (spec == nullptr && draft_role.empty() && aria::IsDraftRole(tokens[i])) {
      draft_role = text::AsciiLower(tokens[i]);
    }
  }
  if (!draft_role.empty()) return Pass("pass-draft", {draft_role});

  Verdict v;
  if (!abstract_role.empty()) {
    v = Fail("fail-abstract", {ariarules::ClipArg(*role), abstract_role});
  } else if (tokens.size() == 1) {
    std::vector<std::string_view> names;
    for (const aria::RoleSpec& spec : aria::AllRoles()) {
      if (!spec.abstract) names.push_back(spec.name);
    }
    const std::string suggestion = ariarules::ClosestName(tokens[0], names);
    v = suggestion.empty() ? Fail("fail", {ariarules::ClipArg(*role)})
                           : Fail("fail-typo", {ariarules::ClipArg(*role), suggestion});
  } else {
    v = Fail("fail", {ariarules::ClipArg(*role)});
  }
  if (hidden == aria::Tri::kUnknown) {
    // Applicability depends on styles the checker could not evaluate.
    return Review("review-hidden", {ariarules::ClipArg(*role)});
  }
  return v;
}

}  // namespace verifica::rules
