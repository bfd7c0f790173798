// wcag-placeholder-label: A text field with a placeholder also has a visible label: the
// placeholder alone disappears as soon as the user types.
//
// WCAG 3.3.2 (A); no ACT rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// input types whose field shows a placeholder (HTML: text, search, url, tel, email, password,
// number); a missing or unknown type is text.
bool ShowsPlaceholder(const dom::Document& doc, dom::NodeId id) {
  if (doc.IsElement(id, "textarea")) return true;
  if (!doc.IsElement(id, "input")) return false;
  const std::string* type = doc.Attr(id, "type");
  if (type == nullptr) return true;
  const std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
  for (std::string_view known : {"hidden", "checkbox", "radio", "file", "submit", "image",
                                 "reset", "button", "color", "range", "date", "month", "week",
                                 "time", "datetime-local"}) {
    if (t == known) return false;
  }
  return true;
}

// G167: a search-like form whose only text field is labelled by the button next to it
// ("Buscar"). True when the field's form (or, with no form, its parent) holds exactly one text
// field and a button with text.
bool LabelledByAdjacentButton(PageContext& ctx, dom::NodeId field) {
  const dom::Document& doc = ctx.doc;
  dom::NodeId scope = doc.node(field).parent;
  for (dom::NodeId p = scope; p != dom::kNoNode; p = doc.node(p).parent) {
    if (doc.IsElement(p, "form")) {
      scope = p;
      break;
    }
  }
  if (scope == dom::kNoNode) return false;
  size_t fields = 0;
  bool button = false;
  for (dom::NodeId i = scope + 1; i < doc.node(scope).subtree_end; ++i) {
    if (!doc.node(i).is_element()) continue;
    if (ShowsPlaceholder(doc, i)) ++fields;
    const std::string_view role = ctx.aria.Role(i);
    if (role == "button" && !text::IsBlank(ctx.aria.Name(i))) button = true;
  }
  return fields == 1 && button;
}

}  // namespace

std::vector<std::string> PlaceholderLabelRule::Tags() const { return {"input", "textarea"}; }

std::optional<Verdict> PlaceholderLabelRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!ShowsPlaceholder(doc, node)) return std::nullopt;
  const std::string* placeholder = doc.Attr(node, "placeholder");
  if (placeholder == nullptr || text::IsBlank(*placeholder)) return std::nullopt;
  if (ctx.aria.IsHidden(node) == aria::Tri::kYes || ctx.aria.IsDisabled(node)) {
    return std::nullopt;
  }
  const std::string shown = names::Clip(*placeholder, 80);
  // A <label> with text, or aria-labelledby (text elsewhere on the page), is a visible label.
  for (dom::NodeId label : ctx.aria.Labels(node)) {
    if (!text::IsBlank(doc.TextContent(label)) &&
        ctx.aria.IsInvisible(label) != aria::Tri::kYes) {
      return Pass("pass-label", {shown, names::Clip(doc.TextContent(label), 80)});
    }
  }
  if (ctx.aria.NameSource(node) == "aria-labelledby") {
    return Pass("pass-labelledby", {shown, names::Clip(ctx.aria.Name(node), 80)});
  }
  if (LabelledByAdjacentButton(ctx, node)) return Pass("pass-button", {shown});
  // aria-label and title give a name, but neither is shown next to the field.
  const std::string_view source = ctx.aria.NameSource(node);
  if (source == "aria-label" || source == "title") {
    return Fail("fail-invisible-name", {shown, names::Clip(ctx.aria.Name(node), 80)});
  }
  return Fail("fail", {shown});
}

}  // namespace verifica::rules
