// PageAria: explicit and computed roles, hidden/inert/disabled/focusable state. Implicit roles
// are in implicit_roles.cc, the accessible name in accname.cc, the CSS view in css_style.cc.
#include "aria/aria.h"

#include <climits>

#include "aria/aria_internal.h"
#include "aria/standards.h"
#include "util/text.h"

namespace verifica::aria {

using dom::kNoNode;
using dom::NodeId;

// ---------------------------------------------------------------------------------------------
// Shared helpers.

bool IsHtml(const dom::Document& doc, NodeId id, std::string_view tag) {
  return doc.IsElement(id, tag, dom::Namespace::kHtml);
}

std::string InputType(const dom::Document& doc, NodeId id) {
  const std::string* t = doc.Attr(id, "type");
  if (t == nullptr) return "text";
  std::string type = text::AsciiLower(text::TrimHtmlSpace(*t));
  static constexpr std::string_view kTypes[] = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  for (std::string_view k : kTypes) {
    if (type == k) return type;
  }
  return "text";
}

bool IsLabelable(const dom::Document& doc, NodeId id) {
  const dom::Node& n = doc.node(id);
  if (!n.is_element() || n.ns != dom::Namespace::kHtml) return false;
  if (n.tag == "input") return InputType(doc, id) != "hidden";
  return n.tag == "button" || n.tag == "meter" || n.tag == "output" || n.tag == "progress" ||
         n.tag == "select" || n.tag == "textarea";
}

NodeId FirstChildTag(const dom::Document& doc, NodeId parent, std::string_view tag) {
  for (NodeId c : doc.node(parent).children) {
    if (IsHtml(doc, c, tag)) return c;
  }
  return kNoNode;
}

bool IsDetailsSummary(const dom::Document& doc, NodeId id) {
  if (!IsHtml(doc, id, "summary")) return false;
  const NodeId p = doc.node(id).parent;
  return p != kNoNode && IsHtml(doc, p, "details") && FirstChildTag(doc, p, "summary") == id;
}

bool AttrIs(const dom::Document& doc, NodeId id, std::string_view attr, std::string_view value) {
  const std::string* v = doc.Attr(id, attr);
  return v != nullptr && text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*v), value);
}

namespace {

// HTML "rules for parsing integers"; nullopt when the value is not an integer.
std::optional<long> ParseTabindex(const std::string* v) {
  if (v == nullptr) return std::nullopt;
  std::string_view s = text::TrimHtmlSpace(*v);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  long value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    if (value < LONG_MAX / 10) value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

// Elements the UA style sheet never renders (display:none that author CSS does not undo here).
bool IsNeverRendered(const dom::Document& doc, NodeId id) {
  const dom::Node& n = doc.node(id);
  if (n.ns == dom::Namespace::kHtml) {
    // A declarative shadow root (<template shadowrootmode>) is rendered as its host's shadow
    // tree: its content shows. (Slotting is not modelled: the host's children stay visible.)
    if (n.tag == "template" &&
        (doc.HasAttr(id, "shadowrootmode") || doc.HasAttr(id, "shadowroot"))) {
      return false;
    }
    static constexpr std::string_view kTags[] = {
        "head",     "script",   "style",   "title",    "meta",  "link",
        "template", "noscript", "base",    "basefont", "param", "source",
        "track",    "datalist", "noembed", "noframes", "rp"};
    for (std::string_view t : kTags) {
      if (n.tag == t) return true;
    }
    if (n.tag == "input") return InputType(doc, id) == "hidden";
    if (n.tag == "audio") return !doc.HasAttr(id, "controls");
    return false;
  }
  if (n.ns == dom::Namespace::kSvg) {
    static constexpr std::string_view kTags[] = {
        "title",    "desc", "metadata", "script", "style",  "defs",           "symbol",
        "clippath", "mask", "pattern",  "filter", "marker", "lineargradient", "radialgradient"};
    for (std::string_view t : kTags) {
      if (text::EqualsIgnoreAsciiCase(n.tag, t)) return true;
    }
  }
  return false;
}

bool IsPresentationalRole(std::string_view r) { return r == "none" || r == "presentation"; }

}  // namespace

std::string_view SourceName(Source s) {
  switch (s) {
    case Source::kNone:
      return "";
    case Source::kLabelledby:
      return "aria-labelledby";
    case Source::kAriaLabel:
      return "aria-label";
    case Source::kLabel:
      return "label";
    case Source::kAlt:
      return "alt";
    case Source::kCaption:
      return "caption";
    case Source::kLegend:
      return "legend";
    case Source::kTitleElement:
      return "title-element";
    case Source::kValue:
      return "value";
    case Source::kContents:
      return "contents";
    case Source::kTitle:
      return "title";
    case Source::kPlaceholder:
      return "placeholder";
    case Source::kDefault:
      return "default";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Hidden state: one pre-order pass over the whole page on first use.

void PageAria::Cache::EnsureStates() {
  if (states_ready) return;
  states_ready = true;
  styles = css::ComputeAuthorStyles(doc);
  flags.assign(doc.size(), 0);
  // First summary child of each <details>, first legend child of each disabled <fieldset>.
  std::unordered_map<NodeId, NodeId> first_special;
  constexpr uint16_t kInherited = kDisplayNone | kMaybeDisplayNone | kVisibilityHidden |
                                  kMaybeVisibilityHidden | kAriaHidden | kInert;
  for (NodeId i = 1; i < doc.size(); ++i) {
    const dom::Node& n = doc.node(i);
    const NodeId p = n.parent;
    uint16_t f = p == kNoNode ? 0 : (flags[p] & kInherited);
    bool in_disabled_fieldset = p != kNoNode && (flags[p] & kInDisabledFieldset) != 0;
    if (p != kNoNode && doc.node(p).is_element() && doc.node(p).ns == dom::Namespace::kHtml) {
      const dom::Node& pn = doc.node(p);
      if (pn.tag == "details" && !doc.HasAttr(p, "open")) {
        auto it = first_special.find(p);
        if (it == first_special.end() || it->second != i) f |= kDisplayNone;
      } else if (pn.tag == "fieldset" && doc.HasAttr(p, "disabled")) {
        auto it = first_special.find(p);
        in_disabled_fieldset = (it != first_special.end() && it->second == i)
                                   ? (flags[p] & kInDisabledFieldset) != 0
                                   : true;
      }
    }
    if (n.is_element()) {
      if (n.ns == dom::Namespace::kHtml && n.tag == "details") {
        first_special[i] = FirstChildTag(doc, i, "summary");
      } else if (n.ns == dom::Namespace::kHtml && n.tag == "fieldset" &&
                 doc.HasAttr(i, "disabled")) {
        first_special[i] = FirstChildTag(doc, i, "legend");
      }
      const css::ElementStyle& st = styles[i];
      if (IsNeverRendered(doc, i)) {
        f |= kDisplayNone | kNonRendered;
      } else if (st.display == css::Display::kNone) {
        f |= kDisplayNone;
      } else if (st.display == css::Display::kUnset) {
        // UA rules that author CSS may override: [hidden] and dialog:not([open]).
        if (const std::string* h = doc.Attr(i, "hidden");
            h != nullptr && n.ns == dom::Namespace::kHtml) {
          if (!text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*h), "until-found")) {
            f |= kDisplayNone;
          }
        }
        if (n.ns == dom::Namespace::kHtml && n.tag == "dialog" && !doc.HasAttr(i, "open")) {
          f |= kDisplayNone;
        }
      }
      // hidden="until-found" hides the content whatever `display` says.
      if (const std::string* h = doc.Attr(i, "hidden");
          h != nullptr && n.ns == dom::Namespace::kHtml &&
          text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*h), "until-found")) {
        f |= kDisplayNone;
      }
      if (st.maybe_display_none) f |= kMaybeDisplayNone;
      switch (st.visibility) {
        case css::Visibility::kHidden:
          f |= kVisibilityHidden;
          f &= ~kMaybeVisibilityHidden;
          break;
        case css::Visibility::kVisible:
          f &= ~(kVisibilityHidden | kMaybeVisibilityHidden);
          break;
        case css::Visibility::kInherit:
        case css::Visibility::kUnset:
          break;
      }
      if (st.maybe_visibility_hidden && !(f & kVisibilityHidden)) f |= kMaybeVisibilityHidden;
      if (AttrIs(doc, i, "aria-hidden", "true")) f |= kAriaHidden;
      if (doc.HasAttr(i, "inert") && n.ns == dom::Namespace::kHtml) f |= kInert;
    }
    if (in_disabled_fieldset) f |= kInDisabledFieldset;
    flags[i] = f;
  }
}

Tri PageAria::Cache::Invisible(NodeId id) {
  EnsureStates();
  if (id >= flags.size()) return Tri::kNo;
  const uint16_t f = flags[id];
  if (f & (kDisplayNone | kVisibilityHidden)) return Tri::kYes;
  if (f & (kMaybeDisplayNone | kMaybeVisibilityHidden)) return Tri::kUnknown;
  return Tri::kNo;
}

Tri PageAria::Cache::Hidden(NodeId id) {
  EnsureStates();
  if (id >= flags.size()) return Tri::kNo;
  if (flags[id] & (kAriaHidden | kInert)) return Tri::kYes;
  return Invisible(id);
}

// ---------------------------------------------------------------------------------------------
// Roles.

void PageAria::Cache::EnsureRoleVectors() {
  if (!role_done.empty() || doc.size() == 0) return;
  role_done.assign(doc.size(), 0);
  explicit_role.assign(doc.size(), {});
  implicit_role.assign(doc.size(), {});
  role.assign(doc.size(), {});
  role_for_name.assign(doc.size(), {});
}

bool PageAria::Cache::HasGlobalAria(NodeId id) const {
  for (const dom::Attribute& a : doc.node(id).attrs) {
    if (a.name.size() <= 5 || a.name.compare(0, 5, "aria-") != 0) continue;
    // aria-hidden does not expose a decorative element (ACT 46ca7f: img alt="" aria-hidden).
    if (a.name == "aria-hidden") continue;
    const AttributeSpec* spec = FindAttribute(a.name);
    if (spec != nullptr && spec->global) return true;
  }
  return false;
}

std::string_view PageAria::Cache::ResolveRole(NodeId id, bool with_name) {
  const std::string_view explicit_role_name = self.ExplicitRole(id);
  if (!explicit_role_name.empty() && !IsPresentationalRole(explicit_role_name)) {
    return explicit_role_name;
  }
  std::string_view implicit = with_name ? self.ImplicitRole(id) : ComputeImplicitRole(id, false);
  const bool presentational = !explicit_role_name.empty() || IsPresentationalRole(implicit);
  if (!presentational) return implicit;
  // WAI-ARIA 1.2 presentational role conflict resolution: a focusable element, or one with a
  // global ARIA attribute, keeps its implicit role.
  if (self.IsFocusable(id) || HasGlobalAria(id)) {
    if (IsPresentationalRole(implicit)) return "img";  // only img[alt=""] maps to presentation
    return implicit;
  }
  return explicit_role_name.empty() ? implicit : explicit_role_name;
}

std::string_view PageAria::Cache::RoleForName(NodeId id) {
  EnsureRoleVectors();
  if (id >= doc.size() || !doc.node(id).is_element()) return {};
  if (!(role_done[id] & 8)) {
    role_for_name[id] = ResolveRole(id, false);
    role_done[id] |= 8;
  }
  return role_for_name[id];
}

PageAria::PageAria(const dom::Document& doc)
    : doc_(doc), cache_(std::make_unique<Cache>(*this, doc)) {}
PageAria::~PageAria() = default;

std::string_view PageAria::ExplicitRole(NodeId id) {
  Cache& c = *cache_;
  c.EnsureRoleVectors();
  if (id >= doc_.size() || !doc_.node(id).is_element()) return {};
  if (!(c.role_done[id] & 1)) {
    c.role_done[id] |= 1;
    if (const std::string* r = doc_.Attr(id, "role")) {
      for (std::string_view token : text::SplitHtmlSpace(*r)) {
        const RoleSpec* spec = FindRole(text::AsciiLower(token));
        if (spec != nullptr && !spec->abstract) {
          c.explicit_role[id] = spec->name;
          break;
        }
      }
    }
  }
  return c.explicit_role[id];
}

std::string_view PageAria::ImplicitRole(NodeId id) {
  Cache& c = *cache_;
  c.EnsureRoleVectors();
  if (id >= doc_.size() || !doc_.node(id).is_element()) return {};
  if (!(c.role_done[id] & 2)) {
    c.role_done[id] |= 2;  // set first: a name-dependent role never asks for itself again
    c.implicit_role[id] = c.ComputeImplicitRole(id, true);
  }
  return c.implicit_role[id];
}

std::string_view PageAria::Role(NodeId id) {
  Cache& c = *cache_;
  c.EnsureRoleVectors();
  if (id >= doc_.size() || !doc_.node(id).is_element()) return {};
  if (!(c.role_done[id] & 4)) {
    c.role[id] = c.ResolveRole(id, true);
    c.role_done[id] |= 4;
  }
  return c.role[id];
}

bool PageAria::HasGlobalAria(NodeId id) {
  if (id >= doc_.size() || !doc_.node(id).is_element()) return false;
  return cache_->HasGlobalAria(id);
}

bool PageAria::IsPresentationalChild(NodeId id) {
  Cache& c = *cache_;
  if (id >= doc_.size()) return false;
  if (c.presentational_child.empty()) c.presentational_child.assign(doc_.size(), -1);
  // Walk up to the nearest ancestor whose answer is known (iteratively: the DOM can be deep),
  // then fill the answers back down the path.
  std::vector<NodeId> path;
  NodeId cur = id;
  while (cur != kNoNode && c.presentational_child[cur] < 0) {
    path.push_back(cur);
    cur = doc_.node(cur).parent;
  }
  bool value = cur != kNoNode && c.presentational_child[cur] > 0;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    const NodeId node = *it;
    const NodeId parent = doc_.node(node).parent;
    if (!value && parent != kNoNode && doc_.node(parent).is_element()) {
      const RoleSpec* spec = FindRole(Role(parent));
      value = spec != nullptr && spec->children_presentational;
    }
    c.presentational_child[node] = value ? 1 : 0;
  }
  return c.presentational_child[id] > 0;
}

// ---------------------------------------------------------------------------------------------
// Hidden, focus.

Tri PageAria::IsHidden(NodeId id) { return cache_->Hidden(id); }
Tri PageAria::IsInvisible(NodeId id) { return cache_->Invisible(id); }

bool PageAria::IsInert(NodeId id) {
  cache_->EnsureStates();
  return id < doc_.size() && (cache_->flags[id] & kInert) != 0;
}

bool PageAria::IsDisabled(NodeId id) {
  if (id >= doc_.size()) return false;
  const dom::Node& n = doc_.node(id);
  if (!n.is_element() || n.ns != dom::Namespace::kHtml) return false;
  const bool form_control = n.tag == "button" || n.tag == "input" || n.tag == "select" ||
                            n.tag == "textarea" || n.tag == "fieldset";
  if (form_control || n.tag == "optgroup" || n.tag == "option") {
    if (doc_.HasAttr(id, "disabled")) return true;
  }
  if (n.tag == "option") {
    const NodeId p = n.parent;
    return p != kNoNode && IsHtml(doc_, p, "optgroup") && doc_.HasAttr(p, "disabled");
  }
  if (!form_control) return false;
  cache_->EnsureStates();
  return (cache_->flags[id] & kInDisabledFieldset) != 0;
}

bool PageAria::IsFocusable(NodeId id) {
  Cache& c = *cache_;
  if (id >= doc_.size() || !doc_.node(id).is_element()) return false;
  if (c.focusable.empty()) c.focusable.assign(doc_.size(), -1);
  if (c.focusable[id] >= 0) return c.focusable[id] > 0;
  bool result = false;
  const dom::Node& n = doc_.node(id);
  if (!IsInert(id) && IsInvisible(id) != Tri::kYes && !IsDisabled(id)) {
    if (ParseTabindex(doc_.Attr(id, "tabindex")).has_value()) {
      result = true;
    } else if (n.ns == dom::Namespace::kHtml) {
      const std::string_view t = n.tag;
      if (t == "a" || t == "area") {
        result = doc_.HasAttr(id, "href");
      } else if (t == "button" || t == "select" || t == "textarea" || t == "iframe") {
        result = true;
      } else if (t == "input") {
        result = InputType(doc_, id) != "hidden";
      } else if (t == "summary") {
        result = IsDetailsSummary(doc_, id);
      } else if (t == "audio" || t == "video") {
        result = doc_.HasAttr(id, "controls");
      }
    } else if (n.ns == dom::Namespace::kSvg && n.tag == "a") {
      result = doc_.HasAttr(id, "href") || doc_.HasAttr(id, "xlink:href");
    }
    if (!result) {
      // An editing host: contenteditable "", "true" or "plaintext-only".
      if (const std::string* ce = doc_.Attr(id, "contenteditable")) {
        const std::string v = text::AsciiLower(text::TrimHtmlSpace(*ce));
        result = v.empty() || v == "true" || v == "plaintext-only";
      }
    }
  }
  c.focusable[id] = result ? 1 : 0;
  return result;
}

bool PageAria::IsTabbable(NodeId id) {
  if (!IsFocusable(id)) return false;
  const std::optional<long> tabindex = ParseTabindex(doc_.Attr(id, "tabindex"));
  return !tabindex.has_value() || *tabindex >= 0;
}

// ---------------------------------------------------------------------------------------------
// Names (computed in accname.cc).

const std::string& PageAria::Name(NodeId id) {
  Cache& c = *cache_;
  if (id >= doc_.size()) return c.empty;
  c.ComputeName(id);
  return c.name[id];
}

std::string_view PageAria::NameSource(NodeId id) {
  Cache& c = *cache_;
  if (id >= doc_.size()) return {};
  c.ComputeName(id);
  return SourceName(c.name_source[id]);
}

const std::vector<NodeId>& PageAria::Labels(NodeId id) {
  if (id >= doc_.size()) return cache_->no_labels;
  return cache_->LabelsOf(id);
}

}  // namespace verifica::aria
