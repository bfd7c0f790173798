#include "fetch/scope.h"

#include <algorithm>

#include "util/text.h"
#include "util/url.h"

namespace verifica::fetch {

const std::vector<std::string>& SessionParams() {
  static const std::vector<std::string> kParams = {
      "phpsessid", "jsessionid", "sessionid", "session_id", "sid", "aspsessionid",
      "cfid", "cftoken", "zenid", "osCsid"};
  return kParams;
}

Result<std::string> CanonicalUrl(std::string_view base, std::string_view ref) {
  Result<std::string> abs = base.empty() ? url::Normalize(ref) : url::Resolve(base, ref);
  if (!abs.ok()) return abs;
  // Only a URL that can carry parameters needs the second pass.
  if (abs->find_first_of("?;") == std::string::npos) return abs;
  return url::DropParams(*abs, SessionParams());
}

Result<Scope> Scope::ForStart(std::string_view start) {
  Scope s;
  if (text::StartsWithIgnoreAsciiCase(start, "file://")) {
    s.is_file_ = true;
    const size_t slash = start.rfind('/');
    s.file_prefix_ = std::string(start.substr(0, slash + 1));
    return s;
  }
  if (!url::IsHttp(start)) return InvalidArgument("only http, https and file URLs can be crawled");
  auto key = url::HostKey(start);
  if (!key.ok()) return key.status();
  s.AddHostOf(start);
  return s;
}

void Scope::AddHostOf(std::string_view u) {
  auto key = url::HostKey(u);
  if (!key.ok()) return;
  std::string k = *key;
  hosts_.insert(k);
  if (k.rfind("www.", 0) == 0) {
    hosts_.insert(k.substr(4));
  } else if (k.find('[') == std::string::npos &&
             std::none_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    hosts_.insert("www." + k);  // not for IP addresses
  }
}

bool Scope::Contains(std::string_view u) const {
  if (is_file_) {
    return u.size() >= file_prefix_.size() && u.substr(0, file_prefix_.size()) == file_prefix_;
  }
  if (!url::IsHttp(u)) return false;
  auto key = url::HostKey(u);
  return key.ok() && hosts_.count(*key) > 0;
}

std::string_view ToString(Verdict v) {
  switch (v) {
    case Verdict::kAdmitted:
      return "admitted";
    case Verdict::kExcluded:
      return "excluded";
    case Verdict::kTrapLength:
      return "trap-url-length";
    case Verdict::kTrapPath:
      return "trap-path";
    case Verdict::kTrapQuery:
      return "trap-query";
  }
  return "admitted";
}

UrlFilter::UrlFilter(std::vector<std::shared_ptr<const Pattern>> include,
                     std::vector<std::shared_ptr<const Pattern>> exclude, TrapLimits limits)
    : include_(std::move(include)), exclude_(std::move(exclude)), limits_(limits) {}

Verdict UrlFilter::Admit(std::string_view u, bool apply_include) {
  if (u.size() > limits_.max_url_length) return Verdict::kTrapLength;
  for (const auto& p : exclude_) {
    if (p->PartialMatch(u)) return Verdict::kExcluded;
  }
  if (apply_include && !include_.empty() &&
      std::none_of(include_.begin(), include_.end(),
                   [&](const auto& p) { return p->PartialMatch(u); })) {
    return Verdict::kExcluded;
  }
  auto pq = url::PathAndQuery(u);
  if (!pq.ok()) return Verdict::kTrapLength;
  const std::string_view path_and_query = *pq;
  const size_t qmark = path_and_query.find('?');
  const std::string_view path = path_and_query.substr(0, qmark);
  // Path shape: too deep, or one segment repeated (/a/b/a/b/a/b, /x/x/x/).
  std::unordered_map<std::string_view, size_t> seen;
  size_t segments = 0;
  size_t start = 1;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    start = end + 1;
    if (seg.empty()) continue;
    ++segments;
    if (segments > limits_.max_path_segments) return Verdict::kTrapPath;
    if (++seen[seg] >= limits_.max_segment_repeats) return Verdict::kTrapPath;
  }
  if (qmark != std::string_view::npos) {
    const std::string without_query(u.substr(0, u.find('?')));
    size_t& n = query_variants_[without_query];
    if (n >= limits_.max_query_variants) return Verdict::kTrapQuery;
    ++n;
  }
  return Verdict::kAdmitted;
}

}  // namespace verifica::fetch
