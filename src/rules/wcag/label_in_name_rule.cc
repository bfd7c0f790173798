// wcag-label-in-name: A control named with aria-label or aria-labelledby has its visible text
// label within its accessible name, word for word and in the same order, so that speech-input
// users can say what they see.
//
// WCAG 2.5.3 (A); ACT 2ee8b8.
#include <algorithm>
#include <functional>

#include "aria/css_style.h"
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Widget roles whose name can come from their content (WAI-ARIA 1.2).
constexpr std::string_view kRoles[] = {"button",   "checkbox",         "gridcell",
                                       "link",     "menuitem",         "menuitemcheckbox",
                                       "menuitemradio", "option",      "radio",
                                       "switch",   "tab",              "treeitem"};

bool SupportsNameFromContent(std::string_view role) {
  return std::any_of(std::begin(kRoles), std::end(kRoles),
                     [&](std::string_view r) { return names::InheritsRole(role, r); });
}

// Elements a browser lays out as blocks by default: their text is a separate run.
bool IsBlockByDefault(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "address", "article", "aside",  "blockquote", "caption", "center", "dd",     "details",
      "dialog",  "div",     "dl",     "dt",         "fieldset", "figcaption", "figure", "footer",
      "form",    "h1",      "h2",     "h3",         "h4",      "h5",     "h6",     "header",
      "hgroup",  "hr",      "legend", "li",         "main",    "nav",    "ol",     "p",
      "pre",     "section", "summary", "table",     "td",      "th",     "tr",     "ul"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

// Block-level by its style attribute's display, else by default.
bool IsBlock(const dom::Document& doc, dom::NodeId id) {
  bool block = IsBlockByDefault(doc.node(id).tag);
  if (const std::string* style = doc.Attr(id, "style")) {
    for (const aria::css::Declaration& d : aria::css::ParseDeclarations(*style)) {
      if (d.property != "display") continue;
      block = d.value.rfind("inline", 0) != 0 && d.value != "contents";
    }
  }
  return block;
}

// The text a sighted user reads on the element: text of rendered descendants, block
// boundaries and <br> as spaces; image alternatives and form values are not text.
// `skip(id)` leaves out an element's subtree.
void VisibleText(PageContext& ctx, dom::NodeId id, const std::function<bool(dom::NodeId)>& skip,
                 std::string* out) {
  const dom::Document& doc = ctx.doc;
  for (dom::NodeId c : doc.node(id).children) {
    const dom::Node& n = doc.node(c);
    if (n.is_text()) {
      *out += n.text;
      continue;
    }
    if (!n.is_element() || ctx.aria.IsInvisible(c) == aria::Tri::kYes || skip(c)) continue;
    if (doc.IsElement(c, "br")) {
      *out += ' ';
      continue;
    }
    const bool block = IsBlock(doc, c);
    if (block) *out += ' ';
    VisibleText(ctx, c, skip, out);
    if (block) *out += ' ';
  }
}

// Text in round brackets is left out: speech-input users do not say it.
std::string WithoutBrackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
      out += ' ';
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  return text::LetterDigitWords(WithoutBrackets(s));
}

// `label` is a contiguous run of whole words of `name`.
bool Contains(const std::vector<std::string>& name, const std::vector<std::string>& label) {
  return std::search(name.begin(), name.end(), label.begin(), label.end()) != name.end();
}

// A label word written with a final period ("Ave.") that a name word extends ("avenue"):
// likely an abbreviation the name spells out.
bool SpellsOutAbbreviation(std::string_view visible, const std::vector<std::string>& name) {
  const std::string folded = text::Fold(visible);
  for (const std::string& w : text::LetterDigitWords(visible)) {
    if (folded.find(w + ".") == std::string::npos) continue;
    for (const std::string& n : name) {
      if (n.size() > w.size() && n.rfind(w, 0) == 0) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> LabelInNameRule::Tags() const { return {}; }

std::optional<Verdict> LabelInNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html() || !doc.node(node).is_element()) return std::nullopt;
  if (!doc.HasAttr(node, "aria-label") && !doc.HasAttr(node, "aria-labelledby")) {
    return std::nullopt;
  }
  if (!SupportsNameFromContent(ctx.aria.Role(node))) return std::nullopt;
  if (ctx.aria.IsHidden(node) == aria::Tri::kYes) return std::nullopt;
  const std::string_view source = ctx.aria.NameSource(node);
  if (source != "aria-label" && source != "aria-labelledby") return std::nullopt;

  std::string visible;
  VisibleText(ctx, node, [](dom::NodeId) { return false; }, &visible);
  const std::vector<std::string> label = Words(visible);
  if (label.empty()) return std::nullopt;  // no text label: icons, images, symbols only
  const std::string& name_text = ctx.aria.Name(node);
  const std::vector<std::string> name = Words(name_text);
  const std::string shown = names::Clip(visible, 80);
  const std::string named = names::Clip(name_text, 80);
  if (Contains(name, label)) return Pass("pass", {shown, named});

  // One letter alone ("X") is usually a symbol drawn with a letter (close, multiply).
  if (label.size() == 1 && label[0].size() == 1 && !(label[0][0] >= '0' && label[0][0] <= '9')) {
    return Review("review-symbol", {shown, named});
  }
  if (SpellsOutAbbreviation(visible, name)) return Review("review-abbreviation", {shown, named});
  // Text in elements a stylesheet may hide visually (class names such as "sr-only", clip
  // rules) cannot be ruled out: without it the label would be in the name.
  std::string unstyled;
  VisibleText(ctx, node,
              [&doc](dom::NodeId id) { return doc.HasAttr(id, "class"); }, &unstyled);
  const std::vector<std::string> unstyled_label = Words(unstyled);
  if (!unstyled_label.empty() && Contains(name, unstyled_label)) {
    return Review("review-styled", {shown, named});
  }
  return Fail("fail", {shown, named});
}

}  // namespace verifica::rules
