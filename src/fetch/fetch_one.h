// Fetching one resource with libcurl's easy interface, for `verifica check URL` (no crawl).
// The crawler (crawler.h) drives many transfers on the multi interface with the same limits.
#ifndef VERIFICA_FETCH_FETCH_ONE_H_
#define VERIFICA_FETCH_FETCH_ONE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace verifica::fetch {

struct FetchLimits {
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 30000;
  long max_redirects = 10;
  uint64_t max_body_bytes = uint64_t{32} << 20;  // enforced after decompression too
  bool allow_private = false;  // loopback, private and link-local addresses
  std::string user_agent = std::string("verifica/") + VERIFICA_VERSION;
};

struct FetchedResource {
  std::string requested_url;
  std::string final_url;
  long status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::string> redirects;  // each URL redirected through, in order
  std::string error_kind;     // "" on success; "dns", "connect", "timeout", "tls", "too-large",
                              // "private-address", "http", "scheme", "io"
  std::string error_message;  // English
  bool ok() const { return error_kind.empty(); }
};

// Fetches `url` (http, https or file). Never throws; failures are in error_kind/message.
FetchedResource FetchOne(const std::string& url, const FetchLimits& limits);

// RAII for curl_global_init / curl_global_cleanup; one instance in main.
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

// True for loopback, private (RFC 1918, ULA), link-local, unspecified and similar addresses
// that a public audit must not reach.
bool IsPrivateAddress(const std::string& ip);

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_FETCH_ONE_H_
