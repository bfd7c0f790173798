// A small HTTP/1.1 server on 127.0.0.1 for crawler tests: threads and sockets, scriptable per
// path (status, headers, body, delays, resets, streamed bodies), keep-alive, and a log of the
// requests it saw. Misbehaving on purpose where a test asks it to.
#ifndef VERIFICA_TESTS_FETCH_TEST_SERVER_H_
#define VERIFICA_TESTS_FETCH_TEST_SERVER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace verifica::testing {

struct HttpRequest {
  std::string method;
  std::string target;  // path and query, as sent
  std::string path;    // target without the query
  std::map<std::string, std::string> headers;  // names lower case
  std::chrono::steady_clock::time_point at;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int delay_ms = 0;            // wait before answering
  bool reset = false;          // close the connection with a TCP reset instead of answering
  uint64_t stream_bytes = 0;   // send this many filler bytes as the body (after `body`)
  bool content_length = true;  // false: no Content-Length, the body ends when the connection
                               // closes
};

// A response with Content-Type text/html; charset=utf-8.
HttpResponse Html(std::string body, int status = 200);
HttpResponse Redirect(std::string location, int status = 302);
HttpResponse Status(int status);

// gzip of `bytes` (zlib), for Content-Encoding tests and .xml.gz sitemaps.
std::string Gzip(std::string_view bytes);
// gzip of `n` zero bytes, built without holding them (a "gzip bomb").
std::string GzipZeros(uint64_t n);

using Handler = std::function<HttpResponse(const HttpRequest&)>;

class TestServer {
 public:
  TestServer();   // listens on 127.0.0.1, a free port
  ~TestServer();  // stops and joins every thread
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" + path
  std::string Url(std::string_view path = "/") const;

  // Routes by exact target (path and query) first, then by path. Unrouted: 404.
  void Route(const std::string& target, Handler h);
  void Route(const std::string& target, HttpResponse r);

  std::vector<HttpRequest> Requests() const;
  // Requests whose path (without query) is `path`.
  int Count(std::string_view path) const;
  int MaxConcurrent() const { return max_concurrent_.load(); }

 private:
  void Accept();
  void Serve(int fd);
  HttpResponse Answer(const HttpRequest& req);

  int listen_fd_ = -1;
  int port_ = 0;
  int wake_[2] = {-1, -1};
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  mutable std::mutex mu_;
  std::vector<std::thread> conns_;
  std::map<std::string, Handler> routes_;
  std::vector<HttpRequest> log_;
  std::atomic<int> concurrent_{0};
  std::atomic<int> max_concurrent_{0};
};

}  // namespace verifica::testing

#endif  // VERIFICA_TESTS_FETCH_TEST_SERVER_H_
