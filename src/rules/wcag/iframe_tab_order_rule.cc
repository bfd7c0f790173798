// wcag-iframe-tab-order: An iframe whose document holds content that keyboard users can reach
// is not taken out of the tab order with a negative tabindex.
//
// WCAG 2.1.1 (A); ACT akn7bn.
#include <memory>

#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "aria/css_style.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// A frame of at most 1×1 CSS pixels (width/height attributes, or the style attribute in px)
// shows nothing of its document.
bool IsTiny(const dom::Document& doc, dom::NodeId id) {
  auto small = [](std::string_view v) {
    v = text::TrimHtmlSpace(v);
    if (v.size() >= 2 && v.substr(v.size() - 2) == "px") v.remove_suffix(2);
    return v == "0" || v == "1";
  };
  bool width = false, height = false;
  if (const std::string* w = doc.Attr(id, "width")) width = small(*w);
  if (const std::string* h = doc.Attr(id, "height")) height = small(*h);
  if (const std::string* style = doc.Attr(id, "style")) {
    for (const aria::css::Declaration& d : aria::css::ParseDeclarations(*style)) {
      if (d.property == "width") width = small(d.value);
      if (d.property == "height") height = small(d.value);
    }
  }
  return width || height;
}

// The first element of the frame's document that is in its sequential focus navigation and
// not known to be hidden; kNoNode when there is none.
dom::NodeId FirstTabbable(const dom::Document& nested) {
  aria::PageAria aria(nested);
  for (dom::NodeId i = 0; i < nested.size(); ++i) {
    if (!nested.node(i).is_element()) continue;
    if (aria.IsTabbable(i) && aria.IsInvisible(i) != aria::Tri::kYes) return i;
  }
  return dom::kNoNode;
}

}  // namespace

std::vector<std::string> IframeTabOrderRule::Tags() const { return {"iframe"}; }

std::optional<Verdict> IframeTabOrderRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "iframe")) return std::nullopt;
  // A frame that is not rendered, inert or too small to show anything has no visible content.
  if (ctx.aria.IsInvisible(node) == aria::Tri::kYes || ctx.aria.IsInert(node) ||
      IsTiny(doc, node)) {
    return std::nullopt;
  }
  const std::optional<long> tabindex = names::Tabindex(doc, node);
  const bool excluded = tabindex && *tabindex < 0;
  std::string frame = "srcdoc";
  if (const std::string* src = doc.Attr(node, "src"); src != nullptr && !text::IsBlank(*src)) {
    frame = names::ShortUrl(*src);
  }
  const dom::Document* nested = doc.SrcdocDocument(node);
  if (nested == nullptr) {
    if (doc.HasAttr(node, "srcdoc")) return std::nullopt;  // an empty srcdoc document
    // The frame's document is loaded from elsewhere and not read: whether it holds focusable
    // content is unknown. Without a negative tabindex the rule cannot fail.
    if (!excluded) return std::nullopt;
    return Review("review-external", {frame, std::to_string(*tabindex)});
  }
  const dom::NodeId first = FirstTabbable(*nested);
  if (first == dom::kNoNode) return std::nullopt;
  const std::string what = names::TagLabel(*nested, first);
  if (excluded) return Fail("fail", {frame, std::to_string(*tabindex), what});
  return Pass("pass", {frame, what});
}

}  // namespace verifica::rules
