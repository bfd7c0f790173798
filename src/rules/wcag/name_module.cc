// Registration of the accessible-name rules, and the helpers they share.
#include <climits>

#include "aria/standards.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

Status RegisterNameRules(RuleRegistry& r) {
  for (Status s : {
           r.Add<ImageAltRule>("wcag", "wcag-image-alt"),
           r.Add<ButtonNameRule>("wcag", "wcag-button-name"),
           r.Add<LinkNameRule>("wcag", "wcag-link-name"),
           r.Add<FormFieldNameRule>("wcag", "wcag-form-field-name"),
           r.Add<ImageButtonNameRule>("wcag", "wcag-image-button-name"),
           r.Add<IframeNameRule>("wcag", "wcag-iframe-name"),
           r.Add<SvgImgNameRule>("wcag", "wcag-svg-img-name"),
           r.Add<ObjectNameRule>("wcag", "wcag-object-name"),
           r.Add<SummaryNameRule>("wcag", "wcag-summary-name"),
       }) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

namespace names {

Inclusion InTree(PageContext& ctx, dom::NodeId id) {
  switch (ctx.aria.IsHidden(id)) {
    case aria::Tri::kYes:
      return Inclusion::kExcluded;
    case aria::Tri::kUnknown:
      return Inclusion::kUnknown;
    case aria::Tri::kNo:
      break;
  }
  return Inclusion::kIncluded;
}

bool InheritsRole(std::string_view role, std::string_view ancestor) {
  if (role.empty()) return false;
  if (role == ancestor) return true;
  // The tables hold each role's transitive superclasses: one lookup, no allocation.
  const aria::RoleSpec* spec = aria::FindRole(role);
  return spec != nullptr && aria::IsSubclassOf(*spec, ancestor);
}

std::optional<long> Tabindex(const dom::Document& doc, dom::NodeId id) {
  const std::string* v = doc.Attr(id, "tabindex");
  if (v == nullptr) return std::nullopt;
  // HTML "rules for parsing integers": leading white space, an optional sign,
  // then digits.
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

std::string Clip(std::string_view s, size_t max_bytes) {
  std::string collapsed = text::CollapseWhitespace(s);
  if (collapsed.size() <= max_bytes) return collapsed;
  std::string out(text::TruncateUtf8(collapsed, max_bytes));
  out += "…";
  return out;
}

std::string FileName(std::string_view url) {
  url = text::TrimHtmlSpace(url);
  if (url.empty()) return {};
  if (text::StartsWithIgnoreAsciiCase(url, "data:")) {
    std::string_view rest = url.substr(5);
    const size_t end = rest.find_first_of(";,");
    std::string mime = text::AsciiLower(rest.substr(0, end == std::string_view::npos ? 0 : end));
    return "data:" + Clip(mime, 40);
  }
  if (size_t cut = url.find_first_of("?#"); cut != std::string_view::npos) url = url.substr(0, cut);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const size_t slash = url.find_last_of('/');
  std::string_view last = slash == std::string_view::npos ? url : url.substr(slash + 1);
  return Clip(last, 80);
}

std::string ShortUrl(std::string_view url) {
  url = text::TrimHtmlSpace(url);
  if (text::StartsWithIgnoreAsciiCase(url, "data:")) return FileName(url);
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos && scheme < 12) {
    url = url.substr(scheme + 3);
  } else if (text::StartsWithIgnoreAsciiCase(url, "//")) {
    url = url.substr(2);
  }
  // Keep the query out unless it is all there is (e.g. "?pagina=aviso").
  if (size_t cut = url.find_first_of("?#"); cut != std::string_view::npos && cut > 0) {
    url = url.substr(0, cut);
  }
  return Clip(url, 100);
}

dom::NodeId FirstGraphic(const dom::Document& doc, dom::NodeId id) {
  const dom::NodeId end = doc.node(id).subtree_end;
  for (dom::NodeId i = id + 1; i < end; ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element()) continue;
    if (n.ns == dom::Namespace::kSvg && n.tag == "svg") return i;
    if (n.ns != dom::Namespace::kHtml) continue;
    if (n.tag == "img" || n.tag == "i") return i;
    if (const std::string* role = doc.Attr(i, "role");
        role != nullptr && text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*role), "img")) {
      return i;
    }
  }
  return dom::kNoNode;
}

std::string TagLabel(const dom::Document& doc, dom::NodeId id) {
  const dom::Node& n = doc.node(id);
  std::string out = "<" + n.tag;
  if (const std::string* role = doc.Attr(id, "role"); role != nullptr) {
    out += " role=\"" + Clip(*role, 40) + "\"";
  } else if (const std::string* type = doc.Attr(id, "type"); type != nullptr && n.tag == "input") {
    out += " type=\"" + Clip(text::AsciiLower(*type), 20) + "\"";
  }
  out += ">";
  return out;
}

std::optional<Verdict> DiagnoseAriaNaming(PageContext& ctx, dom::NodeId id) {
  const dom::Document& doc = ctx.doc;
  if (const std::string* ids = doc.Attr(id, "aria-labelledby"); ids != nullptr) {
    std::vector<std::string_view> tokens = text::SplitHtmlSpace(*ids);
    if (!tokens.empty()) {
      bool any_found = false;
      for (std::string_view t : tokens) {
        if (doc.GetElementById(t) != dom::kNoNode) any_found = true;
      }
      std::string joined;
      for (std::string_view t : tokens) {
        if (!joined.empty()) joined += ' ';
        joined += t;
      }
      return Fail(any_found ? "fail-labelledby-empty" : "fail-labelledby-missing",
                  {Clip(joined, 80)});
    }
  }
  if (const std::string* label = doc.Attr(id, "aria-label");
      label != nullptr && !label->empty() && text::IsBlank(*label)) {
    return Fail("fail-aria-label-blank");
  }
  return std::nullopt;
}

Verdict FailOrReview(Inclusion inclusion, Verdict fail, std::string what) {
  if (inclusion == Inclusion::kUnknown) return Review("review-hidden", {std::move(what)});
  return fail;
}

}  // namespace names

}  // namespace verifica::rules
