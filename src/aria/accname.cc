// The accessible name, after "Accessible Name and Description Computation 1.2" (accname) with
// the HTML-specific steps of HTML-AAM. Steps are named as in accname: 2A hidden, 2B
// aria-labelledby, 2C aria-label, 2D native text alternative, 2E embedded control, 2F name
// from content, 2G text node, 2I tooltip (title). Choices where the specs leave room:
// - Labels (<label>), <legend>, <caption> and <figcaption> name the element being named only;
//   inside a recursion (content, labelledby) those containers contribute their content.
// - Replaced elements (img/area/input[type=image] alt, SVG <title>, input button values) give
//   their native text alternative in recursion too (a link named by its image's alt).
// - Hidden descendants are skipped unless the traversal started at a hidden node referenced
//   by aria-labelledby or at a hidden <label>. An element hidden only by visibility:hidden is
//   traversed for its visible descendants (visibility can be undone below it).
// - The default labels of input submit/reset ("Submit", "Reset") and image ("Submit Query")
//   are returned with NameSource "default": they are the browser's, not the author's.
// - Each node is visited once per computation (a fresh set per aria-labelledby reference, so
//   an element may name itself: aria-labelledby="self other"); recursion stops at
//   kMaxNameDepth levels, and one computation visits at most kMaxNameNodes nodes and gathers
//   at most kMaxNameBytes of text (aria_internal.h).
#include <cstdlib>
#include <unordered_set>

#include "aria/aria_internal.h"
#include "aria/standards.h"
#include "util/text.h"

namespace verifica::aria {

using dom::kNoNode;
using dom::NodeId;

namespace {

bool IsPresentational(std::string_view r) { return r == "none" || r == "presentation"; }

// Block-level by default (the UA style sheet), for the spaces accname puts around their text.
bool IsBlockTag(std::string_view t) {
  static constexpr std::string_view kTags[] = {
      "address",  "article", "aside",  "blockquote", "br",       "caption",    "dd",      "details",
      "dialog",   "div",     "dl",     "dt",         "fieldset", "figcaption", "figure",  "footer",
      "form",     "h1",      "h2",     "h3",         "h4",       "h5",         "h6",      "header",
      "hgroup",   "hr",      "legend", "li",         "main",     "menu",       "nav",     "ol",
      "optgroup", "option",  "p",      "pre",        "search",   "section",    "summary", "table",
      "tbody",    "td",      "tfoot",  "th",         "thead",    "tr",         "ul",      "center"};
  for (std::string_view k : kTags) {
    if (t == k) return true;
  }
  return false;
}

bool IsEmbeddedControlRole(std::string_view r) {
  return r == "textbox" || r == "searchbox" || r == "combobox" || r == "listbox" || r == "slider" ||
         r == "spinbutton" || r == "scrollbar";
}

bool RoleAllowsContent(std::string_view role) {
  if (role.empty()) return false;
  const RoleSpec* spec = FindRole(role);
  return spec != nullptr && spec->name_from == NameFrom::kContentsAndAuthor;
}

void Append(std::string* acc, std::string_view part) {
  if (text::IsBlank(part)) return;
  if (!acc->empty()) acc->push_back(' ');
  acc->append(part);
}

}  // namespace

// One computation of one element's name.
class PageAria::Cache::NameComputation {
 public:
  NameComputation(PageAria::Cache& cache, NodeId root) : c_(cache), doc_(cache.doc), root_(root) {}

  std::string Run(Source* source) {
    visited_.insert(root_);
    Ctx ctx;
    return Compute(root_, ctx, 0, source);
  }

 private:
  struct Ctx {
    bool recursing = false;      // not the element being named
    bool in_labelledby = false;  // inside an aria-labelledby traversal: not followed again
    bool allow_hidden = false;   // the traversal started at a hidden referenced node
  };

  bool HiddenSkip(NodeId id, const Ctx& ctx) {
    return !ctx.allow_hidden && c_.Hidden(id) == Tri::kYes;
  }

  // Hidden only because of visibility (its descendants may be visible again).
  bool OnlyVisibilityHidden(NodeId id) {
    const uint16_t f = c_.flags[id];
    return (f & (kDisplayNone | kAriaHidden | kInert)) == 0 && (f & kVisibilityHidden) != 0;
  }

  bool IsBlock(NodeId id) {
    const dom::Node& n = doc_.node(id);
    if (id < c_.styles.size()) {
      switch (c_.styles[id].display) {
        case css::Display::kBlock:
          return true;
        case css::Display::kInline:
        case css::Display::kContents:
          return false;
        default:
          break;
      }
    }
    return n.ns == dom::Namespace::kHtml && IsBlockTag(n.tag);
  }

  std::string Compute(NodeId cur, const Ctx& ctx, int depth, Source* source) {
    const dom::Node& n = doc_.node(cur);
    if (n.is_text()) return HiddenSkip(cur, ctx) ? std::string() : n.text;
    if (!n.is_element() || depth > kMaxNameDepth) return {};
    // Never-rendered elements (script, style, template …) give nothing, referenced or not.
    if (c_.flags[cur] & kNonRendered) {
      // A referenced <title>/<desc> inside SVG and the like still have text worth using.
      if (!(ctx.in_labelledby && cur != root_)) return {};
      if (IsHtml(doc_, cur, "script") || IsHtml(doc_, cur, "style") ||
          IsHtml(doc_, cur, "template")) {
        return {};
      }
    }
    // 2A: hidden and not part of a traversal that started at a hidden referenced node.
    if (HiddenSkip(cur, ctx)) return {};

    const std::string_view role = c_.RoleForName(cur);

    // 2B: aria-labelledby, unless already inside an aria-labelledby traversal.
    if (!ctx.in_labelledby) {
      if (const std::string* ids = doc_.Attr(cur, "aria-labelledby")) {
        std::string acc;
        bool any = false;
        for (std::string_view idref : text::SplitHtmlSpace(*ids)) {
          const NodeId ref = doc_.GetElementById(idref);
          if (ref == kNoNode) continue;
          any = true;
          Ctx sub;
          sub.recursing = true;
          sub.in_labelledby = true;
          sub.allow_hidden = ctx.allow_hidden || c_.Hidden(ref) == Tri::kYes;
          // A fresh visited set for each reference: an element may be named by itself.
          std::unordered_set<NodeId> saved;
          saved.swap(visited_);
          visited_.insert(ref);
          Append(&acc, Compute(ref, sub, depth + 1, nullptr));
          visited_.swap(saved);
          if (CheckFull(&acc)) break;
        }
        if (any && !text::IsBlank(acc)) {
          Set(source, Source::kLabelledby);
          return acc;
        }
      }
    }

    const bool embedded_control = ctx.recursing && IsEmbeddedControlRole(role);
    // 2C: aria-label (ignored on an embedded control met in recursion: 2E gives its value).
    if (const std::string* label = doc_.Attr(cur, "aria-label");
        label != nullptr && !text::IsBlank(*label) && !embedded_control) {
      Set(source, Source::kAriaLabel);
      return *label;
    }

    const bool presentational = IsPresentational(role);
    // 2D: native text alternative.
    if (!presentational && !embedded_control) {
      std::string native = Native(cur, ctx, depth, source);
      if (!text::IsBlank(native)) return native;
    }

    // 2E: the value of an embedded control.
    if (embedded_control) return ControlValue(cur, role, depth);

    // 2F: name from content.
    const bool summary = IsDetailsSummary(doc_, cur) && role.empty();
    if (ctx.recursing || RoleAllowsContent(role) || summary) {
      std::string content = Content(cur, ctx, depth);
      if (!text::IsBlank(content)) {
        Set(source, Source::kContents);
        return content;
      }
    }

    if (presentational) return {};
    // 2I: tooltip attribute, then (HTML-AAM) the placeholder of text fields.
    if (const std::string* title = doc_.Attr(cur, "title");
        title != nullptr && !text::IsBlank(*title)) {
      Set(source, Source::kTitle);
      return *title;
    }
    if (IsHtml(doc_, cur, "input") || IsHtml(doc_, cur, "textarea")) {
      if (const std::string* ph = doc_.Attr(cur, "placeholder");
          ph != nullptr && !text::IsBlank(*ph)) {
        Set(source, Source::kPlaceholder);
        return *ph;
      }
    }
    // The browser's own label of an image button.
    if (IsHtml(doc_, cur, "input") && InputType(doc_, cur) == "image") {
      Set(source, Source::kDefault);
      return "Submit Query";
    }
    return {};
  }

  static void Set(Source* source, Source s) {
    if (source != nullptr) *source = s;
  }

  // Text of a container used as a text alternative (label, legend, caption, figcaption).
  std::string ContainerText(NodeId container, const Ctx& ctx, int depth) {
    Ctx sub;
    sub.recursing = true;
    sub.in_labelledby = ctx.in_labelledby;
    sub.allow_hidden = ctx.allow_hidden || c_.Hidden(container) == Tri::kYes;
    if (!visited_.insert(container).second) return {};
    return Content(container, sub, depth + 1);
  }

  std::string Native(NodeId cur, const Ctx& ctx, int depth, Source* source) {
    const dom::Node& n = doc_.node(cur);
    if (n.ns == dom::Namespace::kSvg) {
      // SVG: the first <title> child element.
      for (NodeId k : n.children) {
        if (doc_.IsElement(k, "title", dom::Namespace::kSvg)) {
          std::string t = doc_.TextContent(k);
          if (text::IsBlank(t)) break;
          Set(source, Source::kTitleElement);
          return t;
        }
      }
      return {};
    }
    if (n.ns != dom::Namespace::kHtml) return {};
    const std::string_view t = n.tag;
    auto attr = [&](std::string_view name, Source s) -> std::string {
      const std::string* v = doc_.Attr(cur, name);
      if (v == nullptr || text::IsBlank(*v)) return {};
      Set(source, s);
      return *v;
    };
    auto labels = [&]() -> std::string {
      if (ctx.recursing) return {};
      std::string acc;
      for (NodeId label : c_.LabelsOf(cur)) Append(&acc, ContainerText(label, ctx, depth));
      if (!acc.empty()) Set(source, Source::kLabel);
      return acc;
    };
    if (t == "img" || t == "area") return attr("alt", Source::kAlt);
    if (t == "input") {
      const std::string type = InputType(doc_, cur);
      if (type == "image") {
        std::string v = attr("alt", Source::kAlt);
        if (v.empty()) v = attr("value", Source::kValue);
        return v;
      }
      if (type == "button" || type == "submit" || type == "reset") {
        if (const std::string* value = doc_.Attr(cur, "value")) {
          if (text::IsBlank(*value)) return {};
          Set(source, Source::kValue);
          return *value;
        }
        if (type == "button") return {};
        Set(source, Source::kDefault);
        return type == "submit" ? "Submit" : "Reset";
      }
      return labels();
    }
    if (t == "button" || t == "select" || t == "textarea" || t == "meter" || t == "progress" ||
        t == "output") {
      return labels();
    }
    if (t == "option" || t == "optgroup") return attr("label", Source::kLabel);
    if (ctx.recursing) return {};
    auto first_child_text = [&](std::string_view tag, Source s) -> std::string {
      const NodeId k = FirstChildTag(doc_, cur, tag);
      if (k == kNoNode) return {};
      std::string v = ContainerText(k, ctx, depth);
      if (!text::IsBlank(v)) Set(source, s);
      return v;
    };
    if (t == "fieldset") return first_child_text("legend", Source::kLegend);
    if (t == "table") return first_child_text("caption", Source::kCaption);
    if (t == "figure") return first_child_text("figcaption", Source::kCaption);
    return {};
  }

  std::string OptionText(NodeId option) {
    if (const std::string* l = doc_.Attr(option, "label"); l != nullptr && !text::IsBlank(*l)) {
      return *l;
    }
    return doc_.TextContent(option);
  }

  std::string ControlValue(NodeId cur, std::string_view role, int depth) {
    const dom::Node& n = doc_.node(cur);
    const bool html = n.ns == dom::Namespace::kHtml;
    if (role == "textbox" || role == "searchbox") {
      if (html && n.tag == "input") {
        const std::string* v = doc_.Attr(cur, "value");
        return v == nullptr ? std::string() : *v;
      }
      if (html && n.tag == "textarea") return doc_.TextContent(cur);
      Ctx sub;
      sub.recursing = true;
      sub.in_labelledby = true;
      return Content(cur, sub, depth);
    }
    if (role == "combobox" || role == "listbox") {
      if (html && n.tag == "select") {
        std::string acc;
        NodeId first = kNoNode;
        const NodeId end = n.subtree_end;
        for (NodeId i = cur + 1; i < end; ++i) {
          if (!IsHtml(doc_, i, "option")) continue;
          if (first == kNoNode) first = i;
          if (doc_.HasAttr(i, "selected")) Append(&acc, OptionText(i));
        }
        // A single-select list box shows its first option when none is selected.
        if (acc.empty() && role == "combobox" && first != kNoNode) acc = OptionText(first);
        return acc;
      }
      if (html && n.tag == "input") {
        const std::string* v = doc_.Attr(cur, "value");
        return v == nullptr ? std::string() : *v;
      }
      // Custom widgets: the selected options.
      std::string acc;
      const NodeId end = n.subtree_end;
      for (NodeId i = cur + 1; i < end; ++i) {
        if (doc_.node(i).is_element() && AttrIs(doc_, i, "aria-selected", "true")) {
          Append(&acc, doc_.TextContent(i));
        }
      }
      return acc;
    }
    // Range widgets.
    if (const std::string* vt = doc_.Attr(cur, "aria-valuetext");
        vt != nullptr && !text::IsBlank(*vt)) {
      return *vt;
    }
    if (const std::string* vn = doc_.Attr(cur, "aria-valuenow");
        vn != nullptr && !text::IsBlank(*vn)) {
      return *vn;
    }
    if (html && n.tag == "input") {
      if (const std::string* v = doc_.Attr(cur, "value"); v != nullptr) return *v;
      if (InputType(doc_, cur) == "range") {
        // Default value of a range: the midpoint of min (0) and max (100).
        auto num = [&](std::string_view name, double def) {
          const std::string* s = doc_.Attr(cur, name);
          if (s == nullptr) return def;
          char* end = nullptr;
          const double d = std::strtod(s->c_str(), &end);
          return end == s->c_str() ? def : d;
        };
        const double lo = num("min", 0), hi = num("max", 100);
        const double mid = hi < lo ? lo : lo + (hi - lo) / 2;
        std::string out = std::to_string(mid);
        out.erase(out.find_last_not_of('0') + 1);
        if (!out.empty() && out.back() == '.') out.pop_back();
        return out;
      }
    }
    return {};
  }

  // 2F: the text of the children (and aria-owns elements) of `cur`.
  std::string Content(NodeId cur, const Ctx& ctx, int depth) {
    if (depth > kMaxNameDepth) return {};
    Ctx sub = ctx;
    sub.recursing = true;
    std::string acc;
    auto visit = [&](NodeId child) {
      if (full_ || ++visits_ > kMaxNameNodes) {
        full_ = true;
        return;
      }
      const dom::Node& k = doc_.node(child);
      if (k.is_text()) {
        if (!HiddenSkip(child, sub)) acc += k.text;
        return;
      }
      if (!k.is_element()) return;
      if (!visited_.insert(child).second) return;
      const bool block = IsBlock(child);
      if (HiddenSkip(child, sub)) {
        // visibility:hidden can be undone by a descendant: look inside for visible text.
        if (OnlyVisibilityHidden(child) && !(c_.flags[child] & kNonRendered)) {
          std::string inner = Content(child, sub, depth + 1);
          if (block) acc += ' ';
          acc += inner;
          if (block) acc += ' ';
        }
        return;
      }
      std::string part = Compute(child, sub, depth + 1, nullptr);
      if (block) acc += ' ';
      acc += part;
      if (block) acc += ' ';
    };
    for (NodeId child : doc_.node(cur).children) {
      visit(child);
      if (CheckFull(&acc)) return acc;
    }
    if (const std::string* owns = doc_.Attr(cur, "aria-owns")) {
      for (std::string_view idref : text::SplitHtmlSpace(*owns)) {
        const NodeId owned = doc_.GetElementById(idref);
        if (owned == kNoNode || owned == cur) continue;
        acc += ' ';
        visit(owned);
        if (CheckFull(&acc)) return acc;
      }
    }
    return acc;
  }

  // True once the gathered text has reached kMaxNameBytes (then cut there, on a code point
  // boundary) or the node cap was hit: the whole computation stops adding text.
  bool CheckFull(std::string* acc) {
    if (acc->size() > kMaxNameBytes) {
      acc->resize(text::TruncateUtf8(*acc, kMaxNameBytes).size());
      full_ = true;
    }
    return full_;
  }

  PageAria::Cache& c_;
  const dom::Document& doc_;
  const NodeId root_;
  std::unordered_set<NodeId> visited_;
  size_t visits_ = 0;
  bool full_ = false;
};

void PageAria::Cache::EnsureLabels() {
  if (labels_ready) return;
  labels_ready = true;
  for (NodeId i = 0; i < doc.size(); ++i) {
    if (!IsHtml(doc, i, "label")) continue;
    NodeId control = kNoNode;
    if (const std::string* f = doc.Attr(i, "for")) {
      const NodeId target = doc.GetElementById(*f);
      if (target != kNoNode && IsLabelable(doc, target)) control = target;
    } else {
      const NodeId end = doc.node(i).subtree_end;
      for (NodeId d = i + 1; d < end; ++d) {
        if (IsLabelable(doc, d)) {
          control = d;
          break;
        }
      }
    }
    if (control != kNoNode) labels[control].push_back(i);
  }
}

const std::vector<NodeId>& PageAria::Cache::LabelsOf(NodeId id) {
  EnsureLabels();
  auto it = labels.find(id);
  return it == labels.end() ? no_labels : it->second;
}

void PageAria::Cache::ComputeName(NodeId id) {
  if (name_done.empty()) {
    name_done.assign(doc.size(), 0);
    name.assign(doc.size(), {});
    name_source.assign(doc.size(), Source::kNone);
  }
  if (name_done[id]) return;
  name_done[id] = 1;
  if (!doc.node(id).is_element()) return;
  EnsureStates();
  Source source = Source::kNone;
  NameComputation computation(*this, id);
  std::string raw = computation.Run(&source);
  std::string collapsed = text::CollapseWhitespace(raw);
  name_source[id] = collapsed.empty() ? Source::kNone : source;
  name[id] = std::move(collapsed);
}

}  // namespace verifica::aria
