#include "fetch/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace verifica::testing {

HttpResponse Html(std::string body, int status) {
  HttpResponse r;
  r.status = status;
  r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  r.body = std::move(body);
  return r;
}

HttpResponse Redirect(std::string location, int status) {
  HttpResponse r;
  r.status = status;
  r.headers = {{"Location", std::move(location)}};
  return r;
}

HttpResponse Status(int status) {
  HttpResponse r;
  r.status = status;
  r.headers = {{"Content-Type", "text/plain"}};
  r.body = "status " + std::to_string(status) + "\n";
  return r;
}

namespace {

std::string DeflateGzip(const std::function<bool(z_stream&, std::string&)>& feed) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out;
  std::string chunk;
  char buf[64 * 1024];
  bool more = true;
  while (more) {
    chunk.clear();
    more = feed(z, chunk);
    z.next_in = reinterpret_cast<Bytef*>(chunk.data());
    z.avail_in = static_cast<uInt>(chunk.size());
    const int flush = more ? Z_NO_FLUSH : Z_FINISH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  return out;
}

const char* Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string Gzip(std::string_view bytes) {
  bool sent = false;
  return DeflateGzip([&](z_stream&, std::string& chunk) {
    if (!sent) chunk.assign(bytes);
    sent = true;
    return false;
  });
}

std::string GzipZeros(uint64_t n) {
  uint64_t left = n;
  return DeflateGzip([&](z_stream&, std::string& chunk) {
    const uint64_t k = std::min<uint64_t>(left, 1 << 20);
    chunk.assign(k, '\0');
    left -= k;
    return left > 0;
  });
}

TestServer::TestServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(listen_fd_, 64);
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (::pipe(wake_) != 0) wake_[0] = wake_[1] = -1;
  acceptor_ = std::thread([this] { Accept(); });
}

TestServer::~TestServer() {
  stop_.store(true);
  if (wake_[1] >= 0) {
    const char c = 'x';
    (void)!::write(wake_[1], &c, 1);
  }
  acceptor_.join();
  std::vector<std::thread> conns;
  {
    std::lock_guard<std::mutex> lock(mu_);
    conns.swap(conns_);
  }
  for (std::thread& t : conns) t.join();
  ::close(listen_fd_);
  if (wake_[0] >= 0) ::close(wake_[0]);
  if (wake_[1] >= 0) ::close(wake_[1]);
}

std::string TestServer::Url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

void TestServer::Route(const std::string& target, Handler h) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[target] = std::move(h);
}

void TestServer::Route(const std::string& target, HttpResponse r) {
  Route(target, [r](const HttpRequest&) { return r; });
}

std::vector<HttpRequest> TestServer::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

int TestServer::Count(std::string_view path) const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(std::count_if(log_.begin(), log_.end(),
                                        [&](const HttpRequest& r) { return r.path == path; }));
}

void TestServer::Accept() {
  while (!stop_.load()) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    if (::poll(fds, 2, 200) <= 0) continue;
    if (fds[1].revents) break;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    conns_.emplace_back([this, fd] { Serve(fd); });
  }
}

HttpResponse TestServer::Answer(const HttpRequest& req) {
  Handler h;
  {
    std::lock_guard<std::mutex> lock(mu_);
    log_.push_back(req);
    auto it = routes_.find(req.target);
    if (it == routes_.end()) it = routes_.find(req.path);
    if (it != routes_.end()) h = it->second;
  }
  if (!h) return Status(404);
  return h(req);
}

void TestServer::Serve(int fd) {
  std::string buf;
  char chunk[8192];
  bool keep_alive = true;
  while (keep_alive && !stop_.load()) {
    // Read one request head (bodies are not expected: the crawler sends GET and HEAD).
    size_t head_end;
    while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (stop_.load()) break;
      if (ready <= 0) continue;
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) {
        keep_alive = false;
        break;
      }
      buf.append(chunk, static_cast<size_t>(n));
    }
    if (!keep_alive || stop_.load() || head_end == std::string::npos) break;
    const std::string head = buf.substr(0, head_end);
    buf.erase(0, head_end + 4);
    HttpRequest req;
    req.at = std::chrono::steady_clock::now();
    size_t line_end = head.find("\r\n");
    const std::string first = head.substr(0, line_end);
    const size_t sp1 = first.find(' '), sp2 = first.rfind(' ');
    req.method = first.substr(0, sp1);
    req.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
    req.path = req.target.substr(0, req.target.find('?'));
    size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      size_t end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      const std::string line = head.substr(pos, end - pos);
      pos = end + 2;
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      req.headers[name] = line.substr(v);
    }
    const int now = ++concurrent_;
    int prev = max_concurrent_.load();
    while (now > prev && !max_concurrent_.compare_exchange_weak(prev, now)) {
    }
    HttpResponse resp = Answer(req);
    if (resp.delay_ms > 0) {
      const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(resp.delay_ms);
      while (std::chrono::steady_clock::now() < until && !stop_.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    if (resp.reset) {
      linger l{1, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      --concurrent_;
      break;
    }
    const bool head_only = req.method == "HEAD";
    const uint64_t total = resp.body.size() + resp.stream_bytes;
    std::string out = "HTTP/1.1 " + std::to_string(resp.status) + " " + Reason(resp.status) + "\r\n";
    for (const auto& [k, v] : resp.headers) out += k + ": " + v + "\r\n";
    if (resp.content_length) {
      out += "Content-Length: " + std::to_string(total) + "\r\n";
    } else {
      out += "Connection: close\r\n";
      keep_alive = false;
    }
    out += "\r\n";
    bool ok = SendAll(fd, out);
    if (ok && !head_only) ok = SendAll(fd, resp.body);
    if (ok && !head_only && resp.stream_bytes > 0) {
      const std::string filler(64 * 1024, 'a');
      uint64_t left = resp.stream_bytes;
      while (ok && left > 0 && !stop_.load()) {
        const size_t k = static_cast<size_t>(std::min<uint64_t>(left, filler.size()));
        ok = SendAll(fd, std::string_view(filler).substr(0, k));
        left -= k;
      }
    }
    --concurrent_;
    if (!ok) break;
  }
  ::close(fd);
}

}  // namespace verifica::testing
