// wcag-image-alt: Every image in the accessibility tree has a non-empty
// accessible name or is marked as decorative.
//
// WCAG 1.1.1 (A); ACT 23a2a8.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// The image file for messages. Lazy-loading scripts often keep a placeholder (a
// data: URL or nothing) in src and the real file in data-src or srcset; the
// real file helps the verifier more.
std::string ImageFile(const dom::Document& doc, dom::NodeId id) {
  std::string placeholder;
  for (const char* attr : {"src", "data-src", "data-lazy-src", "data-original", "srcset"}) {
    const std::string* v = doc.Attr(id, attr);
    if (v == nullptr || text::IsBlank(*v)) continue;
    std::string_view url = text::TrimHtmlSpace(*v);
    if (std::string_view(attr) == "srcset") {
      // First candidate of the set: its URL ends at the first white space.
      size_t end = 0;
      while (end < url.size() && !text::IsHtmlSpace(url[end])) ++end;
      url = url.substr(0, end);
      if (!url.empty() && url.back() == ',') url.remove_suffix(1);
    }
    std::string file = names::FileName(url);
    if (file.empty()) continue;
    if (text::StartsWithIgnoreAsciiCase(url, "data:")) {
      if (placeholder.empty()) placeholder = file;
      continue;
    }
    return file;
  }
  if (!placeholder.empty()) return placeholder;
  return "<" + doc.node(id).tag + ">";
}

}  // namespace

std::vector<std::string> ImageAltRule::Tags() const { return {}; }

std::optional<Verdict> ImageAltRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const dom::Node& n = doc.node(node);
  if (n.ns != dom::Namespace::kHtml) return std::nullopt;
  const bool is_img = n.tag == "img";
  // Other HTML elements only apply with the img role, which they can only get
  // from `role`.
  if (!is_img && (!doc.HasAttr(node, "role") || ctx.aria.Role(node) != "img")) {
    return std::nullopt;
  }
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string_view role = ctx.aria.Role(node);
  const std::string file = is_img ? ImageFile(doc, node) : "<" + n.tag + ">";
  if (is_img && (role == "none" || role == "presentation")) {
    return Pass("pass-decorative", {file});
  }
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), file});

  Verdict fail = Fail("fail-empty-name", {file});
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (!is_img) {
    fail = Fail("fail-role-img", {file});
  } else {
    const std::string_view explicit_role = ctx.aria.ExplicitRole(node);
    const std::string* alt = doc.Attr(node, "alt");
    if (explicit_role == "none" || explicit_role == "presentation") {
      fail = Fail("fail-presentational-conflict", {file, std::string(explicit_role)});
    } else if (alt == nullptr) {
      fail = Fail("fail-no-alt", {file});
    } else if (alt->empty() && !explicit_role.empty()) {
      // alt="" with an explicit role such as img: the role wins and it needs a name.
      fail = Fail("fail-empty-alt-role", {file, std::string(explicit_role)});
    } else if (alt->empty()) {
      // alt="" would make it decorative, but focus or global ARIA attributes expose it.
      fail = Fail("fail-empty-alt-exposed", {file});
    } else if (text::IsBlank(*alt)) {
      fail = Fail("fail-blank-alt", {file});
    }
  }
  return names::FailOrReview(inclusion, std::move(fail), file);
}

}  // namespace verifica::rules
