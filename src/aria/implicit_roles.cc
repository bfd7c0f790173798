// Implicit ARIA roles of HTML, SVG and MathML elements, after HTML-AAM (element role
// mappings) and SVG-AAM for the <svg> root.
#include <string_view>

#include "aria/aria_internal.h"
#include "util/text.h"

namespace verifica::aria {

using dom::kNoNode;
using dom::NodeId;

namespace {

// Elements HTML-AAM maps to no role at all (or that are never rendered).
bool HasNoRole(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "abbr",     "area",     "audio", "base",       "br",       "canvas", "cite",  "col",
      "colgroup", "dl",       "embed", "figcaption", "head",     "iframe", "kbd",   "label",
      "legend",   "link",     "map",   "meta",       "noscript", "object", "param", "picture",
      "rp",       "rt",       "ruby",  "script",     "slot",     "source", "style", "summary",
      "template", "title",    "track", "var",        "video",    "wbr",    "frame", "frameset",
      "noembed",  "noframes", "mark",  "s"};
  for (std::string_view k : kTags) {
    if (t == k) return true;
  }
  return false;
}

bool IsGenericTag(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "b",    "bdi", "bdo",    "body", "data", "div", "i",    "pre",    "q",     "samp",    "small",
      "span", "u",   "center", "font", "big",  "tt",  "nobr", "strike", "blink", "acronym", "dir"};
  for (std::string_view k : kTags) {
    if (t == k) return true;
  }
  return t.find('-') != std::string_view::npos;  // autonomous custom elements
}

}  // namespace

std::string_view PageAria::Cache::ComputeImplicitRole(NodeId id, bool with_name) {
  const dom::Node& n = doc.node(id);
  if (n.ns == dom::Namespace::kSvg) {
    if (n.tag == "svg") return "graphics-document";
    if (n.tag == "a" && (doc.HasAttr(id, "href") || doc.HasAttr(id, "xlink:href"))) return "link";
    return {};
  }
  if (n.ns == dom::Namespace::kMathMl) return n.tag == "math" ? "math" : std::string_view();

  const std::string_view t = n.tag;
  // The role of the nearest ancestor element with one of these tags (for context-dependent
  // mappings); "" when there is none. `stop_at` ends the search early.
  auto ancestor = [&](std::initializer_list<std::string_view> tags) -> NodeId {
    for (NodeId p = n.parent; p != kNoNode; p = doc.node(p).parent) {
      if (!doc.node(p).is_element() || doc.node(p).ns != dom::Namespace::kHtml) continue;
      for (std::string_view tag : tags) {
        if (doc.node(p).tag == tag) return p;
      }
    }
    return kNoNode;
  };
  auto role_of = [&](NodeId p) -> std::string_view {
    return with_name ? self.Role(p) : RoleForName(p);
  };
  auto presentational = [](std::string_view r) { return r == "none" || r == "presentation"; };
  auto named = [&]() {
    // Only called with `with_name`; the name of section/form/aside comes from author
    // attributes only, so computing it never needs this role.
    return !text::IsBlank(self.Name(id));
  };
  // Scoped to body: not inside a sectioning element or main (HTML-AAM header/footer/aside).
  auto scoped_to_body = [&]() {
    for (NodeId p = n.parent; p != kNoNode; p = doc.node(p).parent) {
      const dom::Node& pn = doc.node(p);
      if (!pn.is_element()) continue;
      if (pn.ns == dom::Namespace::kHtml &&
          (pn.tag == "article" || pn.tag == "aside" || pn.tag == "main" || pn.tag == "nav" ||
           pn.tag == "section")) {
        return false;
      }
      const std::string_view r = self.ExplicitRole(p);
      if (r == "article" || r == "complementary" || r == "main" || r == "navigation" ||
          r == "region") {
        return false;
      }
    }
    return true;
  };
  // Table parts: no role inside a presentational table.
  auto table_role = [&]() -> std::string_view {
    const NodeId table = ancestor({"table"});
    return table == kNoNode ? std::string_view("table") : role_of(table);
  };

  if (t == "a") return doc.HasAttr(id, "href") ? "link" : "generic";
  if (t == "area") return doc.HasAttr(id, "href") ? "link" : std::string_view();
  if (t == "img") {
    const std::string* alt = doc.Attr(id, "alt");
    return alt != nullptr && alt->empty() ? "presentation" : "img";
  }
  if (t == "input") {
    const std::string type = InputType(doc, id);
    const bool list = doc.HasAttr(id, "list");
    if (type == "button" || type == "image" || type == "reset" || type == "submit") {
      return "button";
    }
    if (type == "checkbox") return "checkbox";
    if (type == "radio") return "radio";
    if (type == "range") return "slider";
    if (type == "number") return "spinbutton";
    if (type == "search") return list ? "combobox" : "searchbox";
    if (type == "text" || type == "email" || type == "tel" || type == "url") {
      return list ? "combobox" : "textbox";
    }
    return {};  // hidden, password, color, date/time types, file: no corresponding role
  }
  if (t == "select") {
    const std::string* size = doc.Attr(id, "size");
    long sz = 0;
    if (size != nullptr) {
      std::string_view s = text::TrimHtmlSpace(*size);
      for (char ch : s) {
        if (ch < '0' || ch > '9' || sz > 100000) break;
        sz = sz * 10 + (ch - '0');
      }
    }
    return doc.HasAttr(id, "multiple") || sz > 1 ? "listbox" : "combobox";
  }
  if (t == "textarea") return "textbox";
  if (t == "button") return "button";
  if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return "heading";
  if (t == "nav") return "navigation";
  if (t == "main") return "main";
  if (t == "aside") {
    if (!with_name || scoped_to_body()) return "complementary";
    return named() ? "complementary" : "generic";
  }
  if (t == "form") return !with_name || named() ? "form" : "generic";
  if (t == "section") return !with_name || named() ? "region" : "generic";
  if (t == "search") return "search";
  if (t == "header") return scoped_to_body() ? "banner" : "generic";
  if (t == "footer") return scoped_to_body() ? "contentinfo" : "generic";
  if (t == "article") return "article";
  if (t == "address" || t == "hgroup" || t == "details" || t == "fieldset") return "group";
  if (t == "optgroup") return "group";
  if (t == "blockquote") return "blockquote";
  if (t == "caption") return presentational(table_role()) ? std::string_view() : "caption";
  if (t == "code") return "code";
  if (t == "del") return "deletion";
  if (t == "ins") return "insertion";
  if (t == "em") return "emphasis";
  if (t == "strong") return "strong";
  if (t == "sub") return "subscript";
  if (t == "sup") return "superscript";
  if (t == "time") return "time";
  if (t == "p") return "paragraph";
  if (t == "dfn" || t == "dt") return "term";
  if (t == "dd") return "definition";
  if (t == "dialog") return "dialog";
  if (t == "figure") return "figure";
  if (t == "hr") return "separator";
  if (t == "html") return "document";
  if (t == "math") return "math";
  if (t == "meter") return "meter";
  if (t == "progress") return "progressbar";
  if (t == "output") return "status";
  if (t == "datalist") return "listbox";
  if (t == "marquee") return "marquee";
  if (t == "ul" || t == "ol" || t == "menu") return "list";
  if (t == "li") {
    const NodeId p = n.parent;
    if (p != kNoNode && (IsHtml(doc, p, "ul") || IsHtml(doc, p, "ol") || IsHtml(doc, p, "menu")) &&
        presentational(role_of(p))) {
      return {};
    }
    return "listitem";
  }
  if (t == "option") {
    const NodeId p = n.parent;
    if (p == kNoNode) return {};
    if (IsHtml(doc, p, "select") || IsHtml(doc, p, "datalist")) return "option";
    if (IsHtml(doc, p, "optgroup")) {
      const NodeId gp = doc.node(p).parent;
      return gp != kNoNode && IsHtml(doc, gp, "select") ? "option" : std::string_view();
    }
    return {};
  }
  if (t == "table") return "table";
  if (t == "thead" || t == "tbody" || t == "tfoot") {
    return presentational(table_role()) ? std::string_view() : "rowgroup";
  }
  if (t == "tr") return presentational(table_role()) ? std::string_view() : "row";
  if (t == "td") {
    const std::string_view tr = table_role();
    if (presentational(tr)) return {};
    return tr == "grid" || tr == "treegrid" ? "gridcell" : "cell";
  }
  if (t == "th") {
    if (presentational(table_role())) return {};
    const std::string scope = doc.Attr(id, "scope") != nullptr
                                  ? text::AsciiLower(text::TrimHtmlSpace(*doc.Attr(id, "scope")))
                                  : std::string();
    if (scope == "col" || scope == "colgroup") return "columnheader";
    if (scope == "row" || scope == "rowgroup") return "rowheader";
    const NodeId row = n.parent;
    if (row == kNoNode || !IsHtml(doc, row, "tr")) return "columnheader";
    const NodeId group = doc.node(row).parent;
    if (group != kNoNode && IsHtml(doc, group, "thead")) return "columnheader";
    // A header with only header cells in its row heads columns; a header before any data
    // cell of a row that has data cells heads that row.
    bool data_cells = false, data_before = false, seen_self = false;
    for (NodeId c : doc.node(row).children) {
      if (c == id) seen_self = true;
      if (IsHtml(doc, c, "td")) {
        data_cells = true;
        if (!seen_self) data_before = true;
      }
    }
    if (!data_cells) return "columnheader";
    return data_before ? "columnheader" : "rowheader";
  }
  if (IsGenericTag(t)) return "generic";
  if (HasNoRole(t)) return {};
  return "generic";  // other (unknown, obsolete) HTML elements are exposed as generic
}

}  // namespace verifica::aria
