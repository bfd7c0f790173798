// wcag-page-title: an HTML page has a non-empty <title> element (WCAG 2.4.2,
// ACT 2779a5).
#include "rules/wcag/document_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> PageTitleRule::Tags() const { return {"html"}; }

std::optional<Verdict> PageTitleRule::Check(dom::NodeId node,
                                            PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (node != doc.html()) return std::nullopt;
  // The first <title> element in the document, in the HTML namespace (an SVG
  // <title> is not a page title), wherever the parser put it, except inside
  // <template>: template contents are an inert fragment, never part of the page
  // (ACT 2779a5, failed example 6).
  const dom::NodeId end = doc.node(node).subtree_end;
  for (dom::NodeId i = node; i < end; ++i) {
    const dom::Node& n = doc.node(i);
    if (doc.IsElement(i, "template")) {
      i = n.subtree_end - 1;
      continue;
    }
    if (n.is_element() && n.ns == dom::Namespace::kHtml && n.tag == "title") {
      const std::string text = doc.TextContent(i);
      if (text::IsBlank(text)) {
        Verdict v = Fail("fail-empty");
        v.target = i;
        return v;
      }
      Verdict v = Pass("pass", {text::CollapseWhitespace(text)});
      v.target = i;
      return v;
    }
  }
  return Fail("fail-missing");
}

}  // namespace verifica::rules
