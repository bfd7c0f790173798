// wcag-form-field-name: Every form field in the accessibility tree (checkbox,
// combobox, listbox, menuitemcheckbox, menuitemradio, radio, searchbox, slider,
// spinbutton, switch, textbox) has a non-empty accessible name.
//
// WCAG 4.1.2 (A); ACT e086e5.
#include <array>

#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

constexpr std::array<std::string_view, 11> kFieldRoles = {
    "checkbox",  "combobox", "listbox",    "menuitemcheckbox", "menuitemradio", "radio",
    "searchbox", "slider",   "spinbutton", "switch",           "textbox"};

// Native input types that are form fields although ARIA in HTML gives them no
// ARIA role (date and time pickers, colour wells, file choosers). Users still
// need their name.
constexpr std::array<std::string_view, 7> kUnmappedFieldTypes = {
    "date", "datetime-local", "month", "week", "time", "color", "file"};

bool IsFieldRole(std::string_view role) {
  for (std::string_view r : kFieldRoles) {
    if (r == role) return true;
  }
  return false;
}

bool IsUnmappedNativeField(const dom::Document& doc, dom::NodeId id) {
  if (!doc.IsElement(id, "input")) return false;
  const std::string* type = doc.Attr(id, "type");
  if (type == nullptr) return false;
  const std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
  for (std::string_view u : kUnmappedFieldTypes) {
    if (u == t) return true;
  }
  return false;
}

// HTML's labelable elements: a <label> names only these.
bool IsLabelable(const dom::Document& doc, dom::NodeId id) {
  const dom::Node& n = doc.node(id);
  if (n.ns != dom::Namespace::kHtml) return false;
  if (n.tag == "input") {
    const std::string* type = doc.Attr(id, "type");
    return type == nullptr || !text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*type), "hidden");
  }
  return n.tag == "select" || n.tag == "textarea" || n.tag == "button" || n.tag == "meter" ||
         n.tag == "output" || n.tag == "progress";
}

// A <label> that the author meant for this element: an ancestor label, or
// label[for=id].
bool HasAuthorLabel(const dom::Document& doc, dom::NodeId id) {
  for (dom::NodeId p = doc.node(id).parent; p != dom::kNoNode; p = doc.node(p).parent) {
    if (doc.IsElement(p, "label")) return true;
  }
  const std::string* own_id = doc.Attr(id, "id");
  if (own_id == nullptr || own_id->empty()) return false;
  for (dom::NodeId i = 0; i < doc.size(); ++i) {
    if (!doc.IsElement(i, "label")) continue;
    const std::string* target = doc.Attr(i, "for");
    if (target != nullptr && *target == *own_id) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> FormFieldNameRule::Tags() const { return {}; }

std::optional<Verdict> FormFieldNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const std::string_view role = ctx.aria.Role(node);
  bool applies = IsFieldRole(role);
  if (!applies && IsUnmappedNativeField(doc, node)) {
    // Applies unless the author gave it a role of its own that the browser
    // honours.
    const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
    applies =
        explicit_role.empty() || ((explicit_role == "none" || explicit_role == "presentation") &&
                                  role != "none" && role != "presentation");
  }
  if (!applies) return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string label = names::TagLabel(doc, node);
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) {
    if (ctx.aria.NameSource(node) == "placeholder") {
      return Pass("pass-placeholder", {names::Clip(name), label});
    }
    return Pass("pass", {names::Clip(name), label});
  }

  Verdict fail = Fail("fail-empty", {label});
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (!IsLabelable(doc, node) && HasAuthorLabel(doc, node)) {
    fail = Fail("fail-label-not-labelable", {label});
  } else if (!IsLabelable(doc, node) && !text::IsBlank(doc.TextContent(node)) &&
             (role == "textbox" || role == "searchbox" || role == "combobox" ||
              role == "spinbutton" || role == "slider")) {
    fail = Fail("fail-content-is-value", {label});
  }
  return names::FailOrReview(inclusion, std::move(fail), label);
}

}  // namespace verifica::rules
