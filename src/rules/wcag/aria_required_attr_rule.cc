// wcag-aria-required-attr: Every element in the accessibility tree with an explicit role that
// differs from its implicit role sets the states and properties WAI-ARIA 1.2 requires for it.
//
// WCAG 4.1.2 (A) and 1.3.1 (A) as secondary requirements; ACT 4e8ab6.
#include "aria/standards.h"
#include "rules/wcag/aria_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Native state that HTML-AAM maps onto a required ARIA state: the checkedness of a checkbox or
// radio button gives aria-checked, whatever explicit role the input carries (e.g. role="switch").
bool NativelyProvided(const dom::Document& doc, dom::NodeId id, std::string_view attr) {
  if (attr != "aria-checked" || !doc.IsElement(id, "input")) return false;
  const std::string* type = doc.Attr(id, "type");
  if (type == nullptr) return false;
  const std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
  return t == "checkbox" || t == "radio";
}

}  // namespace

std::vector<std::string> AriaRequiredAttrRule::Tags() const { return {}; }

std::optional<Verdict> AriaRequiredAttrRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (!ariarules::IsHtmlOrSvg(n) || !doc.HasAttr(node, "role")) return std::nullopt;
  const std::string role = ariarules::ExplicitRole(doc, node);
  if (role.empty()) return std::nullopt;
  if (ctx.aria.ImplicitRole(node) == role) return std::nullopt;  // native semantics apply
  const aria::Tri hidden = ctx.aria.IsHidden(node);
  if (hidden == aria::Tri::kYes) return std::nullopt;
  const aria::RoleSpec* spec = aria::FindRole(role);
  if (spec == nullptr) return std::nullopt;

  std::vector<std::string> required = aria::RequiredAttributes(*spec);
  // A separator is a widget, and needs aria-valuenow, only when it is focusable (ARIA 1.2).
  if (aria::IsSubclassOf(*spec, "separator") && !ariarules::IsFocusable(ctx, node)) {
    std::erase(required, "aria-valuenow");
  }
  // WAI-ARIA 1.2 lists aria-controls as required on combobox, but only an expanded combobox has
  // a popup to point at; ARIA 1.1 and the 1.3 draft require it only then, and so do we.
  if (aria::IsSubclassOf(*spec, "combobox")) {
    const std::string* expanded = doc.Attr(node, "aria-expanded");
    if (expanded == nullptr ||
        !text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*expanded), "true")) {
      std::erase(required, "aria-controls");
    }
  }
  std::vector<std::string> missing;
  for (const std::string& attr : required) {
    const std::string* v = doc.Attr(node, attr);
    if (v != nullptr && !text::IsBlank(*v)) continue;
    if (NativelyProvided(doc, node, attr)) continue;
    missing.push_back(attr);
  }
  if (missing.empty()) {
    if (required.empty()) return Pass("pass-none-required", {role});
    return Pass("pass", {role, ariarules::JoinList(required)});
  }
  if (hidden == aria::Tri::kUnknown) {
    return Review("review-hidden", {role, ariarules::JoinList(missing)});
  }
  return Fail(missing.size() == 1 ? "fail" : "fail-many", {role, ariarules::JoinList(missing)});
}

}  // namespace verifica::rules
