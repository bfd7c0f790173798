// wcag-heading-order: Heading levels go up one step at a time: a heading is at most one level
// deeper than the heading before it.
//
// Best practice (helps WCAG 1.3.1 and 2.4.6); no ACT rule.
#include <algorithm>
#include <memory>

#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"

namespace verifica::rules {

namespace {

struct Heading {
  dom::NodeId id;
  int level;
};

// The headings of the page in the accessibility tree, in document order (built once per page).
const std::vector<Heading>& PageHeadings(PageContext& ctx) {
  static const int kKey = 0;
  auto build = [&ctx] {
    auto out = std::make_shared<std::vector<Heading>>();
    for (dom::NodeId i = 0; i < ctx.doc.size(); ++i) {
      if (!ctx.doc.node(i).is_element() || ctx.aria.Role(i) != "heading") continue;
      if (ctx.aria.IsHidden(i) == aria::Tri::kYes) continue;
      out->push_back({i, faults::HeadingLevel(ctx, i)});
    }
    return out;
  };
  if (ctx.cache == nullptr) {
    thread_local std::vector<Heading> scratch;
    scratch = *build();
    return scratch;
  }
  return ctx.cache->Get<std::vector<Heading>>(&kKey, build);
}

}  // namespace

std::vector<std::string> HeadingOrderRule::Tags() const { return {}; }

std::optional<Verdict> HeadingOrderRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (!doc.is_html() || !n.is_element()) return std::nullopt;
  // Only h1–h6 and elements with a role attribute can be headings: skip the role computation
  // for the rest.
  const bool h = n.tag.size() == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6';
  if (!h && !doc.HasAttr(node, "role")) return std::nullopt;
  if (ctx.aria.Role(node) != "heading") return std::nullopt;
  const std::vector<Heading>& headings = PageHeadings(ctx);
  auto it = std::lower_bound(headings.begin(), headings.end(), node,
                             [](const Heading& h, dom::NodeId id) { return h.id < id; });
  if (it == headings.end() || it->id != node) return std::nullopt;  // not in the tree
  const size_t k = static_cast<size_t>(it - headings.begin());
  const std::string text = names::Clip(ctx.aria.Name(node), 80);
  const int level = headings[k].level;
  if (k == 0) return Pass("pass-first", {std::to_string(level), text});
  const int previous = headings[k - 1].level;
  if (level > previous + 1) {
    return Fail("fail-skip", {std::to_string(level), std::to_string(previous), text,
                              names::Clip(ctx.aria.Name(headings[k - 1].id), 80)});
  }
  return Pass("pass", {std::to_string(level), std::to_string(previous), text});
}

}  // namespace verifica::rules
