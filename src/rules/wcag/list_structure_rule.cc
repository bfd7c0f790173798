// wcag-list-structure: Lists are built as HTML defines them: ul, ol and menu hold only li
// items, li items sit in a list, and dl holds groups of dt terms followed by dd descriptions.
//
// WCAG 1.3.1 (A); no ACT rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

bool IsHtml(const dom::Document& doc, dom::NodeId id, std::string_view tag) {
  return doc.IsElement(id, tag);
}

// Script-supporting elements, allowed anywhere in lists.
bool IsScriptSupporting(const dom::Document& doc, dom::NodeId id) {
  return IsHtml(doc, id, "script") || IsHtml(doc, id, "template");
}

bool IsList(const dom::Document& doc, dom::NodeId id) {
  return IsHtml(doc, id, "ul") || IsHtml(doc, id, "ol") || IsHtml(doc, id, "menu");
}

// Checks the children of a dl, or of a div inside a dl: every element is dt, dd (or a div
// group when `allow_div`), terms come before descriptions, and no group ends with a term.
std::optional<Verdict> CheckDlChildren(const dom::Document& doc, dom::NodeId parent,
                                       bool allow_div) {
  bool seen_dt = false;    // a term in the current group
  bool pending_dt = false; // a term not yet followed by a description
  for (dom::NodeId c : doc.node(parent).children) {
    const dom::Node& n = doc.node(c);
    if (n.is_text()) {
      if (!text::IsBlank(n.text)) return Fail("fail-dl-text", {names::Clip(n.text, 60)});
      continue;
    }
    if (!n.is_element() || IsScriptSupporting(doc, c)) continue;
    if (IsHtml(doc, c, "dt")) {
      seen_dt = true;
      pending_dt = true;
    } else if (IsHtml(doc, c, "dd")) {
      if (!seen_dt) return Fail("fail-dl-order", {names::Clip(doc.TextContent(c), 60)});
      pending_dt = false;
    } else if (allow_div && IsHtml(doc, c, "div")) {
      if (pending_dt) return Fail("fail-dl-term-alone", {});
      if (std::optional<Verdict> v = CheckDlChildren(doc, c, false)) return v;
      seen_dt = false;
    } else {
      return Fail("fail-dl-child", {names::TagLabel(doc, c)});
    }
  }
  if (pending_dt) return Fail("fail-dl-term-alone", {});
  return std::nullopt;
}

}  // namespace

std::vector<std::string> ListStructureRule::Tags() const {
  return {"ul", "ol", "menu", "li", "dl", "dt", "dd"};
}

std::optional<Verdict> ListStructureRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (n.ns != dom::Namespace::kHtml || !n.is_element()) return std::nullopt;
  if (ctx.aria.IsHidden(node) == aria::Tri::kYes) return std::nullopt;
  // An explicit role replaces the list semantics: ARIA rules check those structures.
  if (!ctx.aria.ExplicitRole(node).empty()) return std::nullopt;
  const dom::NodeId parent = n.parent;
  if (IsList(doc, node)) {
    size_t items = 0;
    for (dom::NodeId c : n.children) {
      const dom::Node& child = doc.node(c);
      if (child.is_text()) {
        if (!text::IsBlank(child.text)) {
          return Fail("fail-list-text", {"<" + n.tag + ">", names::Clip(child.text, 60)});
        }
        continue;
      }
      if (!child.is_element() || IsScriptSupporting(doc, c)) continue;
      if (!IsHtml(doc, c, "li")) {
        return Fail("fail-list-child", {"<" + n.tag + ">", names::TagLabel(doc, c)});
      }
      ++items;
    }
    return Pass("pass-list", {"<" + n.tag + ">", std::to_string(items)});
  }
  if (n.tag == "li") {
    // Inside a list element the list reports; elsewhere the item needs a parent with the list
    // role (role="list" on a div, for example).
    if (parent != dom::kNoNode && IsList(doc, parent)) return std::nullopt;
    if (parent != dom::kNoNode && doc.node(parent).is_element() &&
        ctx.aria.Role(parent) == "list") {
      return Pass("pass-li-role-list", {names::TagLabel(doc, parent)});
    }
    return Fail("fail-li-outside",
                {parent != dom::kNoNode && doc.node(parent).is_element()
                     ? names::TagLabel(doc, parent)
                     : std::string("<body>")});
  }
  if (n.tag == "dl") {
    if (std::optional<Verdict> v = CheckDlChildren(doc, node, true)) return v;
    return Pass("pass-dl", {});
  }
  // dt and dd: in a dl, or in a div child of a dl.
  if (parent != dom::kNoNode && IsHtml(doc, parent, "dl")) return std::nullopt;
  if (parent != dom::kNoNode && IsHtml(doc, parent, "div")) {
    const dom::NodeId grand = doc.node(parent).parent;
    if (grand != dom::kNoNode && IsHtml(doc, grand, "dl")) return std::nullopt;
  }
  return Fail("fail-dt-outside", {"<" + n.tag + ">"});
}

}  // namespace verifica::rules
