#include "fetch/fetch_one.h"

#include "fetch/curl_util.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <cstring>
#include <memory>

#include "util/text.h"

namespace verifica::fetch {
namespace {

struct Sink {
  std::string* body;
  uint64_t max;
  bool too_large = false;
};

size_t Write(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t len = size * n;
  if (sink->body->size() + len > sink->max) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->body->append(data, len);
  return len;
}

}  // namespace

bool IsPrivateAddress(const std::string& ip) {
  in_addr v4{};
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    const uint32_t a = ntohl(v4.s_addr);
    const auto in = [a](uint32_t net, int bits) {
      const uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
      return (a & mask) == net;
    };
    return in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) ||
           in(0xA9FE0000, 16) || in(0xAC100000, 12) || in(0xC0A80000, 16) ||
           in(0x64400000, 10) || in(0xC0000000, 24) || in(0xC6120000, 15) ||
           in(0xE0000000, 4) || in(0xF0000000, 4);
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, ip.c_str(), &v6) == 1) {
    const unsigned char* b = v6.s6_addr;
    static const unsigned char kZero[16] = {0};
    if (std::memcmp(b, kZero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
    if ((b[0] & 0xFE) == 0xFC) return true;                 // fc00::/7 unique local
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
    if (b[0] == 0xFF) return true;                          // multicast
    // IPv4-mapped ::ffff:a.b.c.d
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (std::memcmp(b, kMapped, 12) == 0) {
      char v4s[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, b + 12, v4s, sizeof v4s);
      return IsPrivateAddress(v4s);
    }
    return false;
  }
  return true;  // not an address we understand: refuse
}

CurlGlobal::CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

FetchedResource FetchOne(const std::string& url, const FetchLimits& limits) {
  FetchedResource r;
  r.requested_url = url;
  EasyHandle curl(curl_easy_init());
  if (!curl) {
    r.error_kind = "io";
    r.error_message = "could not initialise libcurl";
    return r;
  }
  CURL* c = curl.get();
  Sink sink{&r.body, limits.max_body_bytes};
  SocketGuard guard;
  guard.allow_private = limits.allow_private;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, limits.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, limits.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, limits.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl_easy_setopt(c, CURLOPT_USERAGENT, limits.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  InstallSocketGuard(c, &guard);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(limits.max_body_bytes));
  const CURLcode rc = curl_easy_perform(c);
  char* eff = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
  r.final_url = eff ? eff : url;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  char* ct = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
  if (ct) r.content_type = ct;
  if (rc != CURLE_OK) {
    r.error_message = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    r.error_kind = ErrorKind(rc, c);
    if (rc == CURLE_WRITE_ERROR) {
      r.error_kind = sink.too_large ? "too-large" : "io";
      if (sink.too_large) {
        r.error_message = "body larger than " + std::to_string(limits.max_body_bytes) + " bytes";
      }
    }
    if (guard.refused) {
      r.error_kind = "private-address";
      r.error_message = PrivateAddressMessage(guard);
    }
    r.body.clear();
    return r;
  }
  if (r.status >= 400) {
    r.error_kind = "http";
    r.error_message = "HTTP status " + std::to_string(r.status);
  }
  if (text::StartsWithIgnoreAsciiCase(r.final_url, "file://") && r.status == 0) r.status = 200;
  return r;
}

}  // namespace verifica::fetch
