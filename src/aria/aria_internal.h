// Internal state of PageAria: per-page caches, indexed by NodeId and filled lazily, and the
// helpers shared by aria.cc (roles, hidden, focus), implicit_roles.cc and accname.cc.
// Not for use outside src/aria.
#ifndef VERIFICA_ARIA_ARIA_INTERNAL_H_
#define VERIFICA_ARIA_ARIA_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aria/aria.h"
#include "aria/css_style.h"
#include "dom/document.h"

namespace verifica::aria {

// Per-node state flags computed in one pre-order pass (see EnsureStates).
enum StateFlag : uint16_t {
  kDisplayNone = 1 << 0,       // display:none on the node or an ancestor (certain)
  kMaybeDisplayNone = 1 << 1,  // … only through a rule that cannot be decided statically
  kVisibilityHidden = 1 << 2,  // computed visibility hidden/collapse
  kMaybeVisibilityHidden = 1 << 3,
  kAriaHidden = 1 << 4,          // aria-hidden="true" on the node or an ancestor
  kInert = 1 << 5,               // inert attribute on the node or an ancestor
  kInDisabledFieldset = 1 << 6,  // inside a disabled fieldset, not in its first legend
  kNonRendered = 1 << 7,         // the element itself never renders (script, style, head …)
};

// Where a name came from (PageAria::NameSource strings).
enum class Source : uint8_t {
  kNone,
  kLabelledby,
  kAriaLabel,
  kLabel,
  kAlt,
  kCaption,
  kLegend,
  kTitleElement,
  kValue,
  kContents,
  kTitle,
  kPlaceholder,
  kDefault,
};
std::string_view SourceName(Source s);

// Name-computation recursion is capped at this depth (the DOM may be 4,000 levels deep):
// content deeper than kMaxNameDepth below the element being named does not contribute.
inline constexpr int kMaxNameDepth = 256;
// Further caps per computation, for hostile pages: at most kMaxNameNodes nodes visited, and
// the text gathered stops growing past kMaxNameBytes (a name is never that long in practice;
// the cap keeps each level's copy small when names of nested elements are asked for).
inline constexpr size_t kMaxNameNodes = 50000;
inline constexpr size_t kMaxNameBytes = 16 * 1024;

struct PageAria::Cache {
  Cache(PageAria& self_ref, const dom::Document& document) : self(self_ref), doc(document) {}

  PageAria& self;
  const dom::Document& doc;

  // --- Roles (aria.cc, implicit_roles.cc) ---
  std::vector<uint8_t>
      role_done;  // bit 0 explicit, bit 1 implicit, bit 2 role, bit 3 role-for-name
  std::vector<std::string_view> explicit_role, implicit_role, role, role_for_name;
  void EnsureRoleVectors();
  // The HTML-AAM role. With `with_name` false, roles that depend on the element's name
  // (section, form, aside) are given as if it had one, so computing a name never needs a name.
  std::string_view ComputeImplicitRole(dom::NodeId id, bool with_name);
  // Role() without name-dependent implicit roles; what the name computation uses.
  std::string_view RoleForName(dom::NodeId id);
  std::string_view ResolveRole(dom::NodeId id, bool with_name);
  bool HasGlobalAria(dom::NodeId id) const;

  // --- Hidden / focus state (aria.cc) ---
  bool states_ready = false;
  std::vector<uint16_t> flags;
  std::vector<css::ElementStyle> styles;
  void EnsureStates();
  Tri Invisible(dom::NodeId id);
  Tri Hidden(dom::NodeId id);
  std::vector<int8_t> focusable;  // -1 unknown, 0 no, 1 yes
  std::vector<int8_t> presentational_child;

  // --- Labels (accname.cc) ---
  bool labels_ready = false;
  std::unordered_map<dom::NodeId, std::vector<dom::NodeId>> labels;
  std::vector<dom::NodeId> no_labels;
  void EnsureLabels();
  const std::vector<dom::NodeId>& LabelsOf(dom::NodeId id);

  // --- Names (accname.cc) ---
  std::vector<uint8_t> name_done;
  std::vector<std::string> name;
  std::vector<Source> name_source;
  std::string empty;
  void ComputeName(dom::NodeId id);
  class NameComputation;  // accname.cc
};

// HTML element helpers shared by the .cc files.
bool IsHtml(const dom::Document& doc, dom::NodeId id, std::string_view tag);
// The input's type keyword, ASCII lower case, "text" when missing or unknown.
std::string InputType(const dom::Document& doc, dom::NodeId id);
// HTML "labelable elements": button, input (not hidden), meter, output, progress, select,
// textarea.
bool IsLabelable(const dom::Document& doc, dom::NodeId id);
// The first child element of `parent` with this HTML tag, or kNoNode.
dom::NodeId FirstChildTag(const dom::Document& doc, dom::NodeId parent, std::string_view tag);
// True for the <summary> that is the first summary child of a <details>.
bool IsDetailsSummary(const dom::Document& doc, dom::NodeId id);
// ASCII case-insensitive attribute token equality after trimming.
bool AttrIs(const dom::Document& doc, dom::NodeId id, std::string_view attr,
            std::string_view value);

}  // namespace verifica::aria

#endif  // VERIFICA_ARIA_ARIA_INTERNAL_H_
