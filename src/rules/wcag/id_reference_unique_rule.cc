// wcag-id-reference-unique: Every id that aria-labelledby, aria-describedby and the other ARIA
// references, label for or a cell's headers point at belongs to exactly one element.
//
// Best practice (WCAG 2.2 dropped 4.1.1; a wrong reference can fail 1.3.1 or 4.1.2); no ACT
// rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Attributes whose value is one id, or a list of ids.
constexpr std::string_view kIdListAttrs[] = {"aria-labelledby", "aria-describedby",
                                             "aria-controls",   "aria-owns",
                                             "aria-flowto",     "aria-details",
                                             "aria-errormessage", "aria-activedescendant"};

}  // namespace

std::vector<std::string> IdReferenceUniqueRule::Tags() const { return {}; }

std::optional<Verdict> IdReferenceUniqueRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html() || !doc.node(node).is_element()) return std::nullopt;
  struct Ref {
    std::string attr;
    std::string id;
  };
  std::vector<Ref> refs;
  for (std::string_view attr : kIdListAttrs) {
    const std::string* v = doc.Attr(node, attr);
    if (v == nullptr) continue;
    for (std::string_view id : text::SplitHtmlSpace(*v)) refs.push_back({std::string(attr), std::string(id)});
  }
  if (doc.IsElement(node, "label")) {
    // label for takes the whole value as one id.
    if (const std::string* v = doc.Attr(node, "for"); v != nullptr && !v->empty()) {
      refs.push_back({"for", *v});
    }
  }
  if (doc.IsElement(node, "td") || doc.IsElement(node, "th")) {
    if (const std::string* v = doc.Attr(node, "headers")) {
      for (std::string_view id : text::SplitHtmlSpace(*v)) refs.push_back({"headers", std::string(id)});
    }
  }
  if (doc.IsElement(node, "input")) {
    if (const std::string* v = doc.Attr(node, "list"); v != nullptr && !v->empty()) {
      refs.push_back({"list", *v});
    }
  }
  // References to ids that exist; a missing id is another rule's finding.
  bool any = false;
  for (const Ref& r : refs) {
    const size_t count = doc.CountId(r.id);
    if (count == 0) continue;
    any = true;
    if (count > 1) {
      return Fail("fail", {r.attr, r.id, std::to_string(count), names::TagLabel(doc, node)});
    }
  }
  if (!any) return std::nullopt;
  return Pass("pass", {names::TagLabel(doc, node)});
}

}  // namespace verifica::rules
