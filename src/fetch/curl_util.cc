#include "fetch/curl_util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>

#include "fetch/fetch_one.h"

namespace verifica::fetch {

curl_socket_t GuardedOpenSocket(void* clientp, curlsocktype /*purpose*/,
                                struct curl_sockaddr* addr) {
  auto* guard = static_cast<SocketGuard*>(clientp);
  char ip[INET6_ADDRSTRLEN] = {0};
  if (addr->family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr->addr)->sin_addr, ip, sizeof ip);
  } else if (addr->family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr->addr)->sin6_addr, ip, sizeof ip);
  } else if (addr->family == AF_UNIX) {
    guard->refused = true;  // never a public address
    guard->refused_ip = "unix socket";
    return CURL_SOCKET_BAD;
  }
  if (!guard->allow_private && IsPrivateAddress(ip)) {
    guard->refused = true;
    guard->refused_ip = ip;
    return CURL_SOCKET_BAD;
  }
  return socket(addr->family, addr->socktype, addr->protocol);
}

void InstallSocketGuard(CURL* easy, SocketGuard* guard) {
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, GuardedOpenSocket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, guard);
}

std::string ErrorKind(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "dns";
    case CURLE_OPERATION_TIMEDOUT:
      return "timeout";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return "tls";
    case CURLE_FILESIZE_EXCEEDED:
      return "too-large";
    case CURLE_COULDNT_CONNECT:
      return "connect";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "scheme";
    case CURLE_FILE_COULDNT_READ_FILE:
      return "not-found";
    case CURLE_TOO_MANY_REDIRECTS:
      return "redirects";
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return "reset";
    case CURLE_BAD_CONTENT_ENCODING:
      return "encoding";
    default:
      return "network";
  }
}

std::string ErrorKind(CURLcode rc, CURL* easy) {
  if (rc == CURLE_COULDNT_CONNECT && easy != nullptr) {
    long os_errno = 0;
    if (curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno) == CURLE_OK &&
        os_errno == ECONNREFUSED) {
      return "connection-refused";
    }
  }
  return ErrorKind(rc);
}

bool IsTransient(CURLcode rc) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

std::string PrivateAddressMessage(const SocketGuard& guard) {
  return "refused to connect to " + guard.refused_ip +
         ", a private, loopback or link-local address (use --allow-private to permit it)";
}

}  // namespace verifica::fetch
