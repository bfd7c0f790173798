// libcurl plumbing shared by FetchOne and the crawler, internal to the fetch module: RAII
// handle types, the private-address guard on the socket actually opened, error classification.
// Only fetch/*.cc include this header (it includes curl.h).
#ifndef VERIFICA_FETCH_CURL_UTIL_H_
#define VERIFICA_FETCH_CURL_UTIL_H_

#include <curl/curl.h>

#include <memory>
#include <string>
#include <string_view>

namespace verifica::fetch {

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct MultiDeleter {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using SlistHandle = std::unique_ptr<curl_slist, SlistDeleter>;

// Per-transfer state of the address guard. Not owned by libcurl; must outlive the transfer.
struct SocketGuard {
  bool allow_private = false;
  bool refused = false;      // set when a connection to a private address was refused
  std::string refused_ip;
};

// CURLOPT_OPENSOCKETFUNCTION: refuses loopback, private and link-local addresses unless
// allowed. Checked on the address libcurl is about to connect to, so neither a DNS answer nor a
// redirect can get round it. `clientp` is a SocketGuard*.
curl_socket_t GuardedOpenSocket(void* clientp, curlsocktype purpose, struct curl_sockaddr* addr);

// Installs the guard on an easy handle.
void InstallSocketGuard(CURL* easy, SocketGuard* guard);

// The error kinds of FetchedResource::error_kind / PageError::kind for a libcurl failure:
// "dns", "connect", "timeout", "tls", "too-large", "scheme", "not-found", "redirects",
// "reset", "network".
std::string ErrorKind(CURLcode rc);
// The same, told apart further by the transfer's OS error: "connection-refused" when nothing
// listened (ECONNREFUSED) rather than the general "connect".
std::string ErrorKind(CURLcode rc, CURL* easy);

// Failures worth another attempt after a pause (timeouts, resets, empty replies).
bool IsTransient(CURLcode rc);

// The message for a refused private address.
std::string PrivateAddressMessage(const SocketGuard& guard);

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_CURL_UTIL_H_
