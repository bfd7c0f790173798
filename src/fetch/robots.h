// robots.txt as RFC 9309 defines it: groups of user-agent lines and allow/disallow rules, the
// longest (most specific) match wins, allow wins a tie, '*' and '$' in patterns. Parsed once per
// host for one product token ("verifica"), keeping only the rules of the group that applies.
//
// The input is hostile: the parser never fails, reads at most kMaxRobotsBytes, skips lines it
// does not understand, and the matcher's worst case is bounded by the pattern and path lengths
// (both capped).
#ifndef VERIFICA_FETCH_ROBOTS_H_
#define VERIFICA_FETCH_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifica::fetch {

// RFC 9309 §2.5: crawlers must parse at least 500 kibibytes; the rest is ignored.
inline constexpr size_t kMaxRobotsBytes = 500 * 1024;

class RobotsRules {
 public:
  // What the file says for `product_token` (case-insensitive), falling back to the '*' group.
  static RobotsRules Parse(std::string_view body, std::string_view product_token);
  // RFC 9309 §2.3.1.3: robots.txt unavailable (4xx): every path may be crawled.
  static RobotsRules AllowAll();
  // RFC 9309 §2.3.1.4: robots.txt unreachable (5xx, network error): nothing may be crawled.
  static RobotsRules DisallowAll();

  // `path_and_query` is the URL's path, plus '?' and the query when there is one.
  bool Allowed(std::string_view path_and_query) const;

  // Crawl-delay of the applying group, in seconds (not part of RFC 9309; widely used).
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }
  // Sitemap: lines anywhere in the file (absolute URLs as written).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  // True when a group named our product token (rather than '*', or nothing) applied.
  bool matched_specific_group() const { return specific_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // normalised (see NormalizeForMatch)
  };
  std::vector<Rule> rules_;
  std::vector<std::string> sitemaps_;
  std::optional<double> crawl_delay_;
  bool disallow_all_ = false;
  bool specific_ = false;
};

// Percent-encoding normalisation applied to both patterns and paths before comparison
// (RFC 9309 §2.2.2): octets outside ASCII are percent-encoded, escapes of unreserved characters
// are decoded, remaining escapes use upper-case hex.
std::string NormalizeForMatch(std::string_view s);

// True when robots pattern `pattern` ('*' any run of octets, a final '$' anchors the end)
// matches a prefix of `path` (or all of it, with '$'). Both already normalised.
bool RobotsPatternMatches(std::string_view pattern, std::string_view path);

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_ROBOTS_H_
