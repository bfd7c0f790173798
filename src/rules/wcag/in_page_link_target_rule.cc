// wcag-in-page-link-target: Every in-page link (href="#…"), skip links included, points at an
// element that exists on the page and is rendered.
//
// WCAG 2.4.1 (A); no ACT rule.
#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Link texts that announce a skip link ("Saltar al contenido", "Ir al contenido principal",
// "Skip to main content"), folded.
bool LooksLikeSkipLink(std::string_view name) {
  const std::string f = text::Fold(name);
  for (std::string_view w : {"saltar", "skip", "ir al contenido", "ir a contenido",
                             "contenido principal", "main content", "pasar al contenido"}) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> InPageLinkTargetRule::Tags() const { return {"a", "area"}; }

std::optional<Verdict> InPageLinkTargetRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.is_html() || (!doc.IsElement(node, "a") && !doc.IsElement(node, "area"))) {
    return std::nullopt;
  }
  const std::string* href = doc.Attr(node, "href");
  if (href == nullptr) return std::nullopt;
  const std::string_view h = text::TrimHtmlSpace(*href);
  // "#" alone is the usual target of script-driven links, not an in-page link; "#/…" and "#!…"
  // are routes of single-page applications; ":~:" is a text fragment.
  if (h.size() < 2 || h.front() != '#' || h[1] == '/' || h[1] == '!' ||
      h.find(":~:") != std::string_view::npos) {
    return std::nullopt;
  }
  if (ctx.aria.IsInvisible(node) == aria::Tri::kYes) return std::nullopt;
  const std::string_view fragment = h.substr(1);
  const std::string name = names::Clip(ctx.aria.Name(node), 80);
  const bool skip = LooksLikeSkipLink(name);
  const dom::NodeId target = faults::FragmentTarget(doc, fragment);
  if (target == dom::kNoNode) {
    // HTML: "top" scrolls to the start of the document when no element has that id.
    if (text::EqualsIgnoreAsciiCase(fragment, "top")) {
      return Pass("pass-top", {std::string(h), name});
    }
    return Fail(skip ? "fail-skip-missing" : "fail-missing", {std::string(h), name});
  }
  switch (ctx.aria.IsInvisible(target)) {
    case aria::Tri::kYes:
      return Fail("fail-target-hidden", {std::string(h), name, names::TagLabel(doc, target)});
    case aria::Tri::kUnknown:
      return Review("review-target-hidden", {std::string(h), name, names::TagLabel(doc, target)});
    case aria::Tri::kNo:
      break;
  }
  return Pass(skip ? "pass-skip" : "pass", {std::string(h), name, names::TagLabel(doc, target)});
}

}  // namespace verifica::rules
