// wcag-meta-refresh: the first valid <meta http-equiv="refresh"> of a page does
// not reload or redirect the page after a delay (WCAG 2.2.1, ACT bc659a).
//
// 0 seconds (an immediate redirect) and more than 20 hours are allowed.
#include <cstdint>
#include <string>

#include "rules/wcag/document_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// 20 hours: WCAG 2.2.1's "20 hour exception".
constexpr uint64_t kTwentyHours = 72000;

struct Refresh {
  uint64_t seconds = 0;
  std::string url;  // "" when the page reloads itself
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The HTML standard's "shared declarative refresh steps" (meta refresh pragma),
// up to the point where the refresh is scheduled: std::nullopt when the content
// makes the browser do nothing. The URL is not resolved: the WHATWG URL parser
// accepts nearly any relative reference, and a refresh is not assumed away on
// the strength of a stricter parser.
std::optional<Refresh> ParseRefresh(std::string_view input) {
  size_t pos = 0;
  const size_t size = input.size();
  auto skip_space = [&] {
    while (pos < size && text::IsHtmlSpace(input[pos])) ++pos;
  };
  skip_space();
  Refresh r;
  const size_t digits_start = pos;
  while (pos < size && IsAsciiDigit(input[pos])) ++pos;
  if (pos == digits_start) {
    if (pos >= size || input[pos] != '.') return std::nullopt;
  } else {
    // Rules for parsing non-negative integers; anything past 20 hours is the
    // same to us.
    for (size_t i = digits_start; i < pos && r.seconds <= kTwentyHours; ++i) {
      r.seconds = r.seconds * 10 + static_cast<uint64_t>(input[i] - '0');
    }
  }
  // Fractional part: collected and ignored.
  while (pos < size && (IsAsciiDigit(input[pos]) || input[pos] == '.')) ++pos;
  if (pos < size) {
    const char c = input[pos];
    if (c != ';' && c != ',' && !text::IsHtmlSpace(c)) return std::nullopt;
    skip_space();
    if (pos < size && (input[pos] == ';' || input[pos] == ',')) ++pos;
    skip_space();
  }
  if (pos >= size) return r;
  std::string_view url = input.substr(pos);
  auto at = [&](char lower) {
    return pos < size &&
           (input[pos] == lower || input[pos] == lower - 'a' + 'A');
  };
  bool skip_quotes = false;
  if (at('u')) {
    ++pos;
    if (at('r')) {
      ++pos;
      if (at('l')) {
        ++pos;
        skip_space();
        if (pos < size && input[pos] == '=') {
          ++pos;
          skip_space();
          skip_quotes = true;
        }
      }
    }
  } else {
    skip_quotes = true;
  }
  if (skip_quotes) {
    char quote = 0;
    if (pos < size && (input[pos] == '\'' || input[pos] == '"'))
      quote = input[pos++];
    url = input.substr(pos);
    if (quote != 0) url = url.substr(0, url.find(quote));
  }
  r.url = std::string(text::TruncateUtf8(text::TrimHtmlSpace(url), 120));
  return r;
}

bool IsRefreshMeta(const dom::Document& doc, dom::NodeId id) {
  if (!doc.IsElement(id, "meta")) return false;
  const std::string* equiv = doc.Attr(id, "http-equiv");
  return equiv != nullptr && text::EqualsIgnoreAsciiCase(*equiv, "refresh");
}

}  // namespace

std::vector<std::string> MetaRefreshRule::Tags() const { return {"html"}; }

std::optional<Verdict> MetaRefreshRule::Check(dom::NodeId node,
                                              PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (node != doc.html()) return std::nullopt;
  // The first <meta http-equiv=refresh> whose content is valid: only that one
  // refreshes.
  const dom::NodeId end = doc.node(node).subtree_end;
  for (dom::NodeId id = node; id < end; ++id) {
    const dom::Node& n = doc.node(id);
    if (!n.is_element()) continue;
    if (doc.IsElement(id, "template")) {
      id = n.subtree_end - 1;  // inert content
      continue;
    }
    if (!IsRefreshMeta(doc, id)) continue;
    const std::string* content = doc.Attr(id, "content");
    if (content == nullptr) continue;
    const std::optional<Refresh> refresh = ParseRefresh(*content);
    if (!refresh) continue;
    const std::string seconds = refresh->seconds > kTwentyHours
                                    ? "> 72000"
                                    : std::to_string(refresh->seconds);
    Verdict v;
    if (refresh->seconds == 0) {
      v = refresh->url.empty() ? Pass("pass-immediate")
                               : Pass("pass-redirect", {refresh->url});
    } else if (refresh->seconds > kTwentyHours) {
      v = Pass("pass-long", {seconds});
    } else if (refresh->url.empty()) {
      v = Fail("fail-reload", {seconds});
    } else {
      v = Fail("fail-redirect", {seconds, refresh->url});
    }
    v.target = id;
    return v;
  }
  return std::nullopt;
}

}  // namespace verifica::rules
