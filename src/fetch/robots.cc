#include "fetch/robots.h"

#include <algorithm>
#include <cstdlib>

#include "util/text.h"

namespace verifica::fetch {
namespace {

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The key names we accept for each directive. RFC 9309 §2.2 names user-agent, allow and
// disallow; the misspellings are our own tolerance (webmasters write them, and they mean this).
enum class Key { kUserAgent, kAllow, kDisallow, kSitemap, kCrawlDelay, kOther };

Key ClassifyKey(std::string_view raw) {
  const std::string k = text::AsciiLower(Trim(raw));
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" ||
      k == "diasllow" || k == "disallaw") {
    return Key::kDisallow;
  }
  if (k == "sitemap" || k == "site-map") return Key::kSitemap;
  if (k == "crawl-delay" || k == "crawldelay") return Key::kCrawlDelay;
  return Key::kOther;
}

// The product token of a user-agent line: its leading run of letters, '-' and '_' (RFC 9309
// §2.2.1), so "verifica/1.0 (+info)" names "verifica".
std::string_view ProductToken(std::string_view v) {
  size_t n = 0;
  while (n < v.size() && ((v[n] >= 'a' && v[n] <= 'z') || (v[n] >= 'A' && v[n] <= 'Z') ||
                          v[n] == '-' || v[n] == '_')) {
    ++n;
  }
  return v.substr(0, n);
}

struct Line {
  Key key;
  std::string_view value;
};

// Splits the file into directive lines: CR, LF or CRLF ends a line, '#' starts a comment, the
// key and value are separated by ':' (or, tolerated, by white space alone).
std::vector<Line> Lex(std::string_view body) {
  std::vector<Line> out;
  if (body.size() > kMaxRobotsBytes) body = body.substr(0, kMaxRobotsBytes);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (end < body.size() && body[end] == '\r' && pos < body.size() && body[pos] == '\n') ++pos;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t sep = line.find(':');
    if (sep == std::string_view::npos) {
      sep = line.find_first_of(" \t");
      if (sep == std::string_view::npos) continue;
    }
    Key key = ClassifyKey(line.substr(0, sep));
    out.push_back({key, Trim(line.substr(sep + 1))});
  }
  return out;
}

}  // namespace

std::string NormalizeForMatch(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size()) {
      const int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        const unsigned char d = static_cast<unsigned char>(hi * 16 + lo);
        if (IsUnreserved(d)) {
          out.push_back(static_cast<char>(d));
        } else {
          out.push_back('%');
          out.push_back(kHex[hi]);
          out.push_back(kHex[lo]);
        }
        i += 2;
        continue;
      }
    }
    if (c >= 0x80 || c <= 0x20 || c == 0x7F) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  // Wildcard match with backtracking to the last '*' (linear in practice, O(n·m) at worst,
  // with both lengths capped by the callers).
  size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (pi == pattern.size() && !anchored) return true;  // prefix match
    if (ti == path.size()) break;
    if (pi < pattern.size() && pattern[pi] == '*') {
      star = pi++;
      mark = ti;
    } else if (pi < pattern.size() && pattern[pi] == path[ti]) {
      ++pi;
      ++ti;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < pattern.size() && pattern[pi] == '*') ++pi;
  return pi == pattern.size();
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.disallow_all_ = true;
  return r;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  const std::string token = text::AsciiLower(product_token);
  RobotsRules specific, star;
  bool any_specific = false, any_star = false;
  // State of the group being read: which agents it names.
  bool in_agents = false;  // reading consecutive user-agent lines
  bool group_specific = false, group_star = false;
  for (const Line& line : Lex(body)) {
    switch (line.key) {
      case Key::kUserAgent: {
        if (!in_agents) {  // a user-agent line after rules starts a new group (§2.2.1)
          group_specific = group_star = false;
          in_agents = true;
        }
        const std::string_view v = line.value;
        if (v.substr(0, 1) == "*" && Trim(v.substr(1)).empty()) {
          group_star = true;
        } else if (text::AsciiLower(ProductToken(v)) == token && !token.empty()) {
          group_specific = true;
        }
        any_specific = any_specific || group_specific;
        any_star = any_star || group_star;
        break;
      }
      case Key::kAllow:
      case Key::kDisallow: {
        in_agents = false;
        // An empty value matches nothing (§2.2.2).
        if (line.value.empty()) break;
        Rule rule{line.key == Key::kAllow, NormalizeForMatch(line.value)};
        if (rule.pattern.size() > 2048) rule.pattern.resize(2048);
        if (group_specific) specific.rules_.push_back(rule);
        if (group_star) star.rules_.push_back(rule);
        break;
      }
      case Key::kCrawlDelay: {
        in_agents = false;
        char* end = nullptr;
        const std::string v(line.value);
        const double d = std::strtod(v.c_str(), &end);
        if (end != v.c_str() && d >= 0 && d < 1e6) {
          if (group_specific) specific.crawl_delay_ = d;
          if (group_star) star.crawl_delay_ = d;
        }
        break;
      }
      case Key::kSitemap:
        // Sitemap lines are "other records" (§2.2.4): they belong to no group.
        if (!line.value.empty() && specific.sitemaps_.size() < 100) {
          specific.sitemaps_.emplace_back(line.value);
        }
        break;
      case Key::kOther:
        // Unknown records neither end a group's user-agent list nor carry rules.
        break;
    }
  }
  RobotsRules out = any_specific ? std::move(specific) : (any_star ? std::move(star) : RobotsRules());
  out.specific_ = any_specific;
  if (!any_specific) out.sitemaps_ = std::move(specific.sitemaps_);
  return out;
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  if (path_and_query.empty()) path_and_query = "/";
  const std::string path = NormalizeForMatch(path_and_query);
  // §2.2.2: /robots.txt is implicitly allowed.
  if (path == "/robots.txt") return true;
  if (disallow_all_) return false;
  size_t best_len = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& r : rules_) {
    if (!RobotsPatternMatches(r.pattern, path)) continue;
    const size_t len = r.pattern.size();
    // The most specific match is the one with the most octets; allow wins a tie.
    if (!matched || len > best_len || (len == best_len && r.allow && !best_allow)) {
      best_len = len;
      best_allow = r.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace verifica::fetch
