// URL parsing, resolution and normalisation over libcurl's URL API (curl_url), never by hand.
#ifndef VERIFICA_UTIL_URL_H_
#define VERIFICA_UTIL_URL_H_

#include <string>
#include <string_view>

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

// True for http:// and https:// URLs (case-insensitive scheme).
bool IsHttp(std::string_view u);

// file:// URL for an absolute or relative local path (made absolute, percent-encoded).
std::string FromPath(std::string_view path);
// Local path of a file:// URL (percent-decoded), or an error.
Result<std::string> ToPath(std::string_view file_url);

}  // namespace verifica::url

#endif  // VERIFICA_UTIL_URL_H_
