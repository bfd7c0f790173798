// wcag-viewport-zoom: a <meta name="viewport"> does not disable zoom or limit
// it below 200% (WCAG 1.4.4, ACT b4f0c3).
//
// Zoom is disabled by user-scalable=no (or 0, or a word), limited by
// maximum-scale < 2.
#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "rules/wcag/document_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

bool IsSeparator(char c) { return c == ',' || c == ';'; }

struct ViewportProperties {
  std::optional<std::string> user_scalable;
  std::optional<std::string> maximum_scale;
};

// The viewport meta content parsing of CSS Device Adaptation ("parsing the
// content attribute"): key=value pairs, separated by ',' ';' or white space,
// with white space allowed around '='; a later value of a key replaces an
// earlier one. Keys are case-insensitive.
ViewportProperties ParseViewport(std::string_view s) {
  ViewportProperties props;
  const size_t n = s.size();
  size_t i = 0;
  auto is_space = [](char c) { return text::IsHtmlSpace(c); };
  while (i < n) {
    while (i < n && (is_space(s[i]) || IsSeparator(s[i]) || s[i] == '=')) ++i;
    if (i >= n) break;
    // Property name.
    const size_t name_start = i;
    while (i < n && !is_space(s[i]) && !IsSeparator(s[i]) && s[i] != '=') ++i;
    if (i >= n || IsSeparator(s[i])) continue;
    const std::string_view name = s.substr(name_start, i - name_start);
    // Up to '=' (a property without '=' has no value).
    while (i < n && !IsSeparator(s[i]) && s[i] != '=') ++i;
    if (i >= n || IsSeparator(s[i])) continue;
    while (i < n && (is_space(s[i]) || s[i] == '=')) ++i;
    if (i >= n || IsSeparator(s[i])) continue;
    const size_t value_start = i;
    while (i < n && !is_space(s[i]) && !IsSeparator(s[i]) && s[i] != '=') ++i;
    std::string value(s.substr(value_start, i - value_start));
    if (text::EqualsIgnoreAsciiCase(name, "user-scalable")) {
      props.user_scalable = std::move(value);
    } else if (text::EqualsIgnoreAsciiCase(name, "maximum-scale")) {
      props.maximum_scale = std::move(value);
    }
  }
  return props;
}

// The decimal number at the start of `value` ("2.5", "-1", "+3", "3px" → 3), or
// nullopt. Locale-independent, unlike strtod.
std::optional<double> LeadingNumber(std::string_view value) {
  if (!value.empty() && value.front() == '+') value.remove_prefix(1);
  if (value.empty() || value.front() == '+') return std::nullopt;
  double d = 0;
  const auto [end, ec] = std::from_chars(
      value.data(), value.data() + value.size(), d, std::chars_format::general);
  if (ec != std::errc() || end == value.data() || std::isnan(d))
    return std::nullopt;
  return d;
}

bool IsDeviceKeyword(std::string_view v) {
  return text::EqualsIgnoreAsciiCase(v, "device-width") ||
         text::EqualsIgnoreAsciiCase(v, "device-height");
}

// Expectation 1: user-scalable is yes, device-width, device-height, or a number
// outside
// (-1, 1). "no", any other word, and numbers in between fix the zoom.
bool UserScalableAllowsZoom(const std::string& v) {
  if (text::EqualsIgnoreAsciiCase(v, "yes") || IsDeviceKeyword(v)) return true;
  const std::optional<double> d = LeadingNumber(v);
  return d && (*d <= -1 || *d >= 1);
}

// Expectation 2: maximum-scale is device-width, device-height, negative
// (ignored by browsers) or at least 2. "yes" translates to 1 and other words to
// 0.
bool MaximumScaleAllowsZoom(const std::string& v) {
  if (IsDeviceKeyword(v)) return true;
  const std::optional<double> d = LeadingNumber(v);
  return d && (*d < 0 || *d >= 2);
}

std::string Shown(std::string_view v) {
  return std::string(text::TruncateUtf8(v, 40));
}

}  // namespace

std::vector<std::string> ViewportZoomRule::Tags() const { return {"meta"}; }

std::optional<Verdict> ViewportZoomRule::Check(dom::NodeId node,
                                               PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (doc.node(node).ns != dom::Namespace::kHtml) return std::nullopt;
  const std::string* name = doc.Attr(node, "name");
  if (name == nullptr || !text::EqualsIgnoreAsciiCase(*name, "viewport"))
    return std::nullopt;
  const std::string* content = doc.Attr(node, "content");
  if (content == nullptr) return std::nullopt;
  const ViewportProperties props = ParseViewport(*content);
  if (!props.user_scalable && !props.maximum_scale) return std::nullopt;
  if (props.user_scalable && !UserScalableAllowsZoom(*props.user_scalable)) {
    return Fail("fail-user-scalable", {Shown(*props.user_scalable)});
  }
  if (props.maximum_scale && !MaximumScaleAllowsZoom(*props.maximum_scale)) {
    return Fail("fail-maximum-scale", {Shown(*props.maximum_scale)});
  }
  return Pass("pass", {Shown(*content)});
}

}  // namespace verifica::rules
