// A small static view of the author's CSS, for the two properties that decide whether an
// element is rendered: `display` and `visibility`. It reads the `style` attribute and the
// page's own <style> elements; external stylesheets (<link rel=stylesheet>, @import) are not
// fetched, so anything they hide stays visible here. The full cascade (colours, sizes, fetched
// sheets) is the future `style` module's job; this is the part the ARIA layer needs now.
//
// What is understood:
// - declarations `display` and `visibility`, with !important, in style= and in <style> rules;
// - selectors made of type, universal, #id, .class, [attr], [attr op value] (= ~= |= ^= $= *=,
//   with the i/s flags), the descendant, child, next-sibling and subsequent-sibling
//   combinators, selector lists, and the pseudo-classes :root :empty :link :any-link :checked
//   :disabled :enabled :first-child :last-child :only-child :first-of-type :last-of-type
//   :only-of-type :nth-child() :nth-last-child() :nth-of-type() :nth-last-of-type() (an+b)
//   :not() :is() :where() (over compound selectors);
// - user-action pseudo-classes (:hover, :focus, :active, :focus-within, :focus-visible,
//   :visited, :target) never match: the page is seen in its resting state;
// - selectors that target a pseudo-element (::before, ::marker …) do not touch the element;
// - other pseudo-classes (:has(), :lang(), :nth-child(… of S), …) make the match uncertain:
//   when such a rule would hide an element, the element is reported as "maybe hidden"
//   (aria::Tri::kUnknown) instead of hidden or visible;
// - a selector that cannot be parsed at all is ignored, as a browser ignores it;
// - @media blocks are evaluated for a desktop screen 1280×800 CSS px (16 px font): media type
//   all/screen, width/height with min-/max-, orientation, hover, pointer, prefers-* default
//   values; `print` and any unknown feature do not apply. <style media=…> likewise.
//   @supports and @layer contents apply (layer order is not modelled); other at-rules are
//   skipped.
// Specificity, !important, inline style and source order decide between declarations.
// Not modelled: shadow-tree scoping (a declarative shadow root's own <style> is skipped and the
// document's rules are matched against its content), cascade layers' order, `revert`.
// Caps (hostile input): at most kMaxCssBytes of <style> text per page, kMaxSelectors
// selectors, kMaxCompounds compound selectors per complex selector, and a matching budget per
// page; past the budget, a rule that would hide an element makes it "maybe hidden".
#ifndef VERIFICA_ARIA_CSS_STYLE_H_
#define VERIFICA_ARIA_CSS_STYLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"

namespace verifica::aria::css {

inline constexpr size_t kMaxCssBytes = size_t{2} << 20;
inline constexpr size_t kMaxSelectors = 50000;
inline constexpr size_t kMaxCompounds = 32;

enum class Display : uint8_t {
  kUnset,  // no author declaration (the element's default display applies)
  kNone,
  kInline,  // inline, inline-block, inline-flex, …
  kBlock,   // block, flex, grid, list-item, table*, flow-root, …
  kContents,
};

enum class Visibility : uint8_t { kUnset, kVisible, kHidden, kInherit };

// The cascaded author values of one node (text nodes and the document keep the defaults).
struct ElementStyle {
  Display display = Display::kUnset;
  Visibility visibility = Visibility::kUnset;  // kHidden also stands for `collapse`
  // A rule whose match could not be decided statically would set display:none /
  // visibility:hidden|collapse on this element.
  bool maybe_display_none = false;
  bool maybe_visibility_hidden = false;
};

struct Declaration {
  std::string property;  // lower case
  std::string value;     // trimmed; lower case (keywords are all these two properties take)
  bool important = false;
};

// Declarations of a style attribute or of a rule's block, in order. Comments are dropped.
std::vector<Declaration> ParseDeclarations(std::string_view block);

// Author styles of every node of `doc`, indexed by NodeId.
std::vector<ElementStyle> ComputeAuthorStyles(const dom::Document& doc);

}  // namespace verifica::aria::css

#endif  // VERIFICA_ARIA_CSS_STYLE_H_
