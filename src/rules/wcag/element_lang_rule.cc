// wcag-element-lang-valid: an element of the page body with a lang attribute,
// whose language some shown text inherits, has a known primary language subtag
// (WCAG 3.1.2, ACT de46e4).
//
// "Shown" text is visible or included in the accessibility tree, as in ACT's
// "text inheriting its programmatic language": text nodes, and accessible names
// and descriptions.
#include <array>

#include "rules/wcag/document_rules.h"
#include "rules/wcag/lang_tags.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

using aria::Tri;

// Elements whose content browsers never render: raw text and UA style sheet
// display:none (with scripting on, as in browsers, <noscript> content is not
// rendered either).
bool IsNeverRendered(const dom::Node& n) {
  if (n.ns != dom::Namespace::kHtml) return false;
  static constexpr std::array<std::string_view, 9> kTags = {
      "script", "style",    "template", "noscript", "title",
      "head",   "datalist", "noembed",  "noframes"};
  for (std::string_view t : kTags) {
    if (n.tag == t) return true;
  }
  return false;
}

// An element that sets its own language: its text does not inherit from an
// ancestor's lang.
bool SetsLanguage(const dom::Document& doc, dom::NodeId id) {
  const std::string* lang = doc.Attr(id, "lang");
  return lang != nullptr && !lang->empty();
}

bool InBody(const dom::Document& doc, dom::NodeId id) {
  for (dom::NodeId p = id; p != dom::kNoNode; p = doc.node(p).parent) {
    if (doc.IsElement(p, "body")) return true;
  }
  return false;
}

// Text in `id` is exposed when it is visible or included in the accessibility
// tree.
Tri Exposed(aria::PageAria& aria, dom::NodeId id) {
  const Tri hidden = aria.IsHidden(id);
  const Tri invisible = aria.IsInvisible(id);
  if (hidden == Tri::kNo || invisible == Tri::kNo) return Tri::kYes;
  if (hidden == Tri::kYes && invisible == Tri::kYes) return Tri::kNo;
  return Tri::kUnknown;
}

// Accessible description, as far as markup says: aria-description, the text of
// the aria-describedby targets, or a title attribute.
bool HasDescription(const dom::Document& doc, dom::NodeId id) {
  for (const char* attr : {"aria-description", "title"}) {
    if (const std::string* v = doc.Attr(id, attr);
        v != nullptr && !text::IsBlank(*v))
      return true;
  }
  if (const std::string* ids = doc.Attr(id, "aria-describedby");
      ids != nullptr) {
    for (std::string_view ref : text::SplitHtmlSpace(*ids)) {
      const dom::NodeId target = doc.GetElementById(ref);
      if (target != dom::kNoNode && !text::IsBlank(doc.TextContent(target)))
        return true;
    }
  }
  return false;
}

// Calls fn(id) for `root` and every node that inherits its language from
// `root`, in tree order, skipping subtrees that set their own language or are
// never rendered, until fn returns true. Iterative.
template <typename Fn>
void ForEachInheriting(const dom::Document& doc, dom::NodeId root, Fn fn) {
  if (fn(root)) return;
  const dom::NodeId end = doc.node(root).subtree_end;
  for (dom::NodeId id = root + 1; id < end;) {
    const dom::Node& n = doc.node(id);
    if (n.is_element() && (SetsLanguage(doc, id) || IsNeverRendered(n))) {
      id = n.subtree_end;
      continue;
    }
    if (fn(id)) return;
    ++id;
  }
}

// Whether some text inheriting its language from `root` is neither empty nor
// white space and is visible or exposed: kYes, kNo, or kUnknown when that
// depends on styles the checker cannot resolve.
Tri InheritingText(PageContext& ctx, dom::NodeId root) {
  const dom::Document& doc = ctx.doc;
  Tri found = Tri::kNo;
  // Text nodes first: cheap, and the usual case.
  ForEachInheriting(doc, root, [&](dom::NodeId id) {
    const dom::Node& n = doc.node(id);
    if (!n.is_text() || text::IsBlank(n.text)) return false;
    const Tri e = Exposed(ctx.aria, n.parent);
    if (e != Tri::kNo) found = e;
    return e == Tri::kYes;
  });
  if (found == Tri::kYes) return found;
  // Then accessible names and descriptions of elements in the accessibility
  // tree (an image's alt text, an aria-label).
  ForEachInheriting(doc, root, [&](dom::NodeId id) {
    if (!doc.node(id).is_element()) return false;
    const Tri hidden = ctx.aria.IsHidden(id);
    if (hidden == Tri::kYes) return false;
    if (text::IsBlank(ctx.aria.Name(id)) && !HasDescription(doc, id))
      return false;
    found = hidden == Tri::kNo ? Tri::kYes : Tri::kUnknown;
    return found == Tri::kYes;
  });
  return found;
}

}  // namespace

std::vector<std::string> ElementLangValidRule::Tags() const { return {}; }

std::optional<Verdict> ElementLangValidRule::Check(dom::NodeId node,
                                                   PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (n.ns != dom::Namespace::kHtml) return std::nullopt;
  const std::string* lang = doc.Attr(node, "lang");
  if (lang == nullptr || lang->empty()) return std::nullopt;
  if (!InBody(doc, node)) return std::nullopt;
  const Tri text_present = InheritingText(ctx, node);
  if (text_present == Tri::kNo) return std::nullopt;
  Verdict v = LanguageVerdict(*lang);
  if (text_present == Tri::kUnknown && v.outcome == Outcome::kFailed) {
    // Applicable only if that text is shown, which depends on styles we cannot
    // resolve.
    return Review("review-hidden",
                  {std::string(text::TruncateUtf8(*lang, 64))});
  }
  return v;
}

}  // namespace verifica::rules
