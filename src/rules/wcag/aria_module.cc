// Registration of the ARIA rules, and the helpers they share.
#include <algorithm>

#include "aria/standards.h"
#include "rules/wcag/aria_rules.h"
#include "util/text.h"

namespace verifica::rules {

Status RegisterAriaRules(RuleRegistry& r) {
  for (Status s : {
           r.Add<AriaAttrDefinedRule>("wcag", "wcag-aria-attr-defined"),
           r.Add<AriaAttrValidValueRule>("wcag", "wcag-aria-attr-valid-value"),
           r.Add<RoleValidRule>("wcag", "wcag-role-valid"),
           r.Add<AriaRequiredAttrRule>("wcag", "wcag-aria-required-attr"),
       }) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

namespace ariarules {

std::string ExplicitRole(const dom::Document& doc, dom::NodeId id) {
  const std::string* role = doc.Attr(id, "role");
  if (role == nullptr) return {};
  for (std::string_view token : text::SplitHtmlSpace(*role)) {
    const aria::RoleSpec* spec = aria::FindRole(token);
    if (spec != nullptr && !spec->abstract) return spec->name;
  }
  return {};
}

bool IsHtmlOrSvg(const dom::Node& n) {
  return n.is_element() && (n.ns == dom::Namespace::kHtml || n.ns == dom::Namespace::kSvg);
}

bool IsFocusable(PageContext& ctx, dom::NodeId id) {
  if (ctx.aria.IsFocusable(id)) return true;
  const std::string* v = ctx.doc.Attr(id, "tabindex");
  if (v == nullptr) return false;
  // HTML's rules for parsing integers: leading white space, an optional sign, one digit at least.
  std::string_view s = text::TrimHtmlSpace(*v);
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

namespace {

// Optimal string alignment distance over ASCII-lowered bytes; both inputs are short (the
// caller bounds them), so the quadratic table is small.
size_t EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

std::string ClosestName(std::string_view word, const std::vector<std::string_view>& candidates) {
  constexpr size_t kMaxLength = 40;  // longer "names" are not typos of ARIA names
  if (word.empty() || word.size() > kMaxLength) return {};
  const std::string w = text::AsciiLower(word);
  std::string best;
  size_t best_distance = 0;
  for (std::string_view c : candidates) {
    if (c.size() > kMaxLength) continue;
    const size_t dist = EditDistance(w, c);
    if (dist == 0) continue;
    // A prefix of a known name ("aria-labelled" → "aria-labelledby") counts as close too.
    const bool prefix = w.size() >= 6 && c.size() > w.size() && c.compare(0, w.size(), w) == 0;
    const size_t limit = w.size() <= 4 ? 1 : 2;
    const size_t score = prefix ? std::min<size_t>(dist, 1) : dist;
    if (score > limit && !prefix) continue;
    if (best.empty() || score < best_distance) {
      best = std::string(c);
      best_distance = score;
    }
  }
  return best;
}

std::string ClipArg(std::string_view s, size_t max_bytes) {
  std::string collapsed = text::CollapseWhitespace(s);
  if (collapsed.size() <= max_bytes) return collapsed;
  std::string out(text::TruncateUtf8(collapsed, max_bytes));
  out += "…";
  return out;
}

std::string JoinList(const std::vector<std::string>& items, size_t max_items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == max_items) {
      out += ", …";
      break;
    }
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out;
}

}  // namespace ariarules

}  // namespace verifica::rules
