// What a crawl may fetch: the site's scope (same host for http(s), the start directory for
// file://), the user's --include/--exclude patterns (RE2, through verifica::Pattern), and a guard
// against crawler traps (calendars, session ids, ever-growing paths).
#ifndef VERIFICA_FETCH_SCOPE_H_
#define VERIFICA_FETCH_SCOPE_H_

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/pattern.h"
#include "util/status.h"

namespace verifica::fetch {

// Query and path parameters that carry session ids: dropped during canonicalisation so that one
// page does not become a new URL per visit.
const std::vector<std::string>& SessionParams();

// The form of a URL the crawler stores and compares: normalised by libcurl's URL API (scheme and
// host lower case, default port and fragment dropped, dot segments removed), session parameters
// dropped. `base` may be empty when `ref` is absolute.
Result<std::string> CanonicalUrl(std::string_view base, std::string_view ref);

class Scope {
 public:
  // Scope of a crawl that starts at `start` (canonical URL): for http(s) the start host and its
  // "www." twin, any scheme of the two, same port; for file:// the start URL's directory.
  static Result<Scope> ForStart(std::string_view start);

  // Adds the host of `url` to the site (the start page redirected there).
  void AddHostOf(std::string_view url);

  // True when `url` (canonical) is inside the site.
  bool Contains(std::string_view url) const;

  bool is_file() const { return is_file_; }
  // For file scopes: the directory prefix ("file:///srv/site/").
  const std::string& file_prefix() const { return file_prefix_; }

 private:
  bool is_file_ = false;
  std::string file_prefix_;
  std::set<std::string> hosts_;  // HostKey()s, with and without "www."
};

struct TrapLimits {
  size_t max_url_length = 2048;
  size_t max_path_segments = 30;
  size_t max_segment_repeats = 3;     // the same path segment this many times: a loop
  size_t max_query_variants = 50;     // distinct queries on one path
};

// Why a URL was not admitted; kAdmitted when it was.
enum class Verdict {
  kAdmitted,
  kExcluded,   // --exclude matched, or --include given and none matched
  kTrapLength,
  kTrapPath,   // too many segments or a repeated segment
  kTrapQuery,  // too many query variants of one path
};
std::string_view ToString(Verdict v);

// The --include/--exclude patterns and the trap guard of one crawl. Stateful (counts query
// variants); used on one thread.
class UrlFilter {
 public:
  UrlFilter(std::vector<std::shared_ptr<const Pattern>> include,
            std::vector<std::shared_ptr<const Pattern>> exclude, TrapLimits limits);

  // Decides on a new (not yet seen) canonical URL and, when admitted, counts it.
  // `apply_include`: false for pages outside the site taken for a page role.
  Verdict Admit(std::string_view url, bool apply_include);

 private:
  std::vector<std::shared_ptr<const Pattern>> include_, exclude_;
  TrapLimits limits_;
  std::unordered_map<std::string, size_t> query_variants_;  // URL without query → count
};

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_SCOPE_H_
