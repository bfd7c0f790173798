// The ARIA layer: WAI-ARIA 1.2 tables (standards.h), implicit roles from HTML-AAM, the
// accessible name (accname 1.2), and the hidden / focusable state of elements, computed on
// demand and cached per page. One PageAria belongs to one page and one thread.
#ifndef VERIFICA_ARIA_ARIA_H_
#define VERIFICA_ARIA_ARIA_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"

namespace verifica::aria {

// Three-valued answers: kUnknown where a static checker cannot decide (e.g. an element that an
// external stylesheet might hide), which rules turn into cantTell.
enum class Tri : uint8_t { kNo = 0, kYes = 1, kUnknown = 2 };

class PageAria {
 public:
  explicit PageAria(const dom::Document& doc);
  ~PageAria();
  PageAria(const PageAria&) = delete;
  PageAria& operator=(const PageAria&) = delete;

  const dom::Document& doc() const { return doc_; }

  // The first token of the role attribute that names a non-abstract WAI-ARIA 1.2 role
  // (DPUB and Graphics roles included), or "" when there is none.
  std::string_view ExplicitRole(dom::NodeId id);
  // The role HTML-AAM maps the element to (e.g. a[href] → "link", img[alt=""] → "presentation",
  // input[type=checkbox] → "checkbox", section with a name → "region"); "" when none ("generic"
  // is returned for div/span and the like).
  std::string_view ImplicitRole(dom::NodeId id);
  // The computed role: the explicit role, unless it is none/presentation and the presentational
  // role conflict resolution applies (focusable, or with global ARIA attributes), else implicit.
  std::string_view Role(dom::NodeId id);

  // Accessible name per accname 1.2, white space collapsed and trimmed.
  const std::string& Name(dom::NodeId id);
  // Where the name came from: "aria-labelledby", "aria-label", "label", "alt", "caption",
  // "legend", "title-element", "value", "contents", "title", "placeholder", "default", or "".
  std::string_view NameSource(dom::NodeId id);

  // Excluded from the accessibility tree: inside <template>, `hidden` attribute, aria-hidden="true"
  // on itself or an ancestor, display:none or visibility:hidden (inline style and <style> rules
  // that can be matched statically), or inside an inert subtree. kUnknown when a rule or an
  // external stylesheet might hide it but this cannot be decided statically.
  Tri IsHidden(dom::NodeId id);
  // Not rendered: like IsHidden but ignoring aria-hidden (display:none, visibility:hidden,
  // `hidden` attribute, template).
  Tri IsInvisible(dom::NodeId id);

  // Focusable by any means (natively focusable and not disabled, or with a tabindex).
  bool IsFocusable(dom::NodeId id);
  // In sequential focus navigation: focusable and tabindex not negative, and not hidden/inert.
  bool IsTabbable(dom::NodeId id);
  // Disabled form control (disabled attribute, or inside a disabled fieldset except its legend).
  bool IsDisabled(dom::NodeId id);
  // Inside an element with the `inert` attribute.
  bool IsInert(dom::NodeId id);

  // Notes on the answers above (implementation in aria.cc, css_style.h):
  // - Hidden/invisible come from the `hidden` attribute, the UA's never-rendered elements
  //   (head, script, style, template, noscript, …), closed <details> and <dialog>,
  //   input[type=hidden], audio without controls, the style attribute and the page's own
  //   <style> rules (see css_style.h for the selectors and @media handled). External
  //   stylesheets are not fetched. kUnknown only when a <style> rule that would hide the
  //   element cannot be matched statically (e.g. :has()). Off-screen positioning is not hidden.
  // - aria-hidden does not remove an element from sequential focus navigation: IsFocusable and
  //   IsTabbable ignore it (an aria-hidden element can still be tabbable, which is what ACT
  //   6cfa84 looks for); invisible (display:none, visibility:hidden) and inert elements are
  //   neither focusable nor tabbable.

  // The <label> elements of a labelable element (label[for=id] and the wrapping label), in
  // tree order; empty for anything else.
  const std::vector<dom::NodeId>& Labels(dom::NodeId id);
  // True when an ancestor's role has presentational children (button, img, checkbox, …): the
  // element is then not exposed on its own in the accessibility tree.
  bool IsPresentationalChild(dom::NodeId id);
  // True when the element carries a global WAI-ARIA state or property (aria-label,
  // aria-describedby, …), which is what makes a role of none/presentation ignored.
  // aria-hidden is not counted: it hides the element rather than exposing it.
  bool HasGlobalAria(dom::NodeId id);

 private:
  struct Cache;
  const dom::Document& doc_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace verifica::aria

#endif  // VERIFICA_ARIA_ARIA_H_
