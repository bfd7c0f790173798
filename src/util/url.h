// URL parsing, resolution and normalisation over libcurl's URL API (curl_url), never by hand.
#ifndef VERIFICA_UTIL_URL_H_
#define VERIFICA_UTIL_URL_H_

#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace verifica::url {

struct Parts {
  std::string scheme;  // lower case
  std::string host;    // lower case, no brackets for IPv6
  std::string port;    // empty when default
  std::string path;    // always starts with '/' for http(s)
  std::string query;   // without '?'
};

// Resolves `ref` against `base` (RFC 3986), normalises the result (see Normalize).
Result<std::string> Resolve(std::string_view base, std::string_view ref);

// Normalised absolute URL: scheme and host lower case, default port removed, dot segments
// removed, fragment dropped, empty path made "/". Fails on a relative or malformed URL.
Result<std::string> Normalize(std::string_view absolute);

// Parses an absolute URL into its parts.
Result<Parts> Split(std::string_view absolute);

// `s` with every %XX escape (two hex digits) replaced by its byte; malformed escapes are kept
// as written. Used for fragments, which browsers match against ids after percent-decoding.
std::string PercentDecode(std::string_view s);

// True for http:// and https:// URLs (case-insensitive scheme).
bool IsHttp(std::string_view u);

// file:// URL for an absolute or relative local path (made absolute, percent-encoded).
std::string FromPath(std::string_view path);
// Local path of a file:// URL (percent-decoded), or an error.
Result<std::string> ToPath(std::string_view file_url);

// Copy of an absolute URL without the query parameters named in `names` (ASCII
// case-insensitive; e.g. session ids) and without ";name=value" path parameters of those names
// (";jsessionid=..."). Other parameters keep their order; an emptied query is removed.
Result<std::string> DropParams(std::string_view absolute, const std::vector<std::string>& names);

// "host" or "host:port" (port only when not the scheme's default) of an absolute URL; the key
// that per-host politeness and same-site scope use. IPv6 hosts keep their brackets.
Result<std::string> HostKey(std::string_view absolute);

// The path, plus '?' and the query when there is one, of an absolute URL, percent-encoded as
// in the URL (what robots.txt rules are matched against).
Result<std::string> PathAndQuery(std::string_view absolute);

}  // namespace verifica::url

#endif  // VERIFICA_UTIL_URL_H_
