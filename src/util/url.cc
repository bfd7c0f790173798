#include "util/url.h"

#include <curl/curl.h>

#include <filesystem>
#include <memory>

#include "util/text.h"

namespace verifica::url {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlStr {
  char* p = nullptr;
  ~CurlStr() { curl_free(p); }
};

std::string GetPart(CURLU* u, CURLUPart part, unsigned flags = 0) {
  CurlStr s;
  if (curl_url_get(u, part, &s.p, flags) != CURLUE_OK || s.p == nullptr) return {};
  return s.p;
}

Status SetUrl(CURLU* u, std::string_view s) {
  std::string in(text::TrimHtmlSpace(s));
  // Browsers strip tabs and newlines inside URLs (WHATWG URL parser); curl rejects them.
  std::string cleaned;
  cleaned.reserve(in.size());
  for (char c : in) {
    if (c != '\t' && c != '\n' && c != '\r') cleaned.push_back(c);
  }
  CURLUcode rc = curl_url_set(u, CURLUPART_URL, cleaned.c_str(),
                              CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE);
  if (rc != CURLUE_OK) {
    return InvalidArgument("invalid URL '" + std::string(text::TruncateUtf8(cleaned, 200)) +
                           "': " + curl_url_strerror(rc));
  }
  return Status::Ok();
}

Result<std::string> Finish(CURLU* u) {
  curl_url_set(u, CURLUPART_FRAGMENT, nullptr, 0);
  std::string scheme = GetPart(u, CURLUPART_SCHEME);
  if (scheme == "http" || scheme == "https") {
    std::string port = GetPart(u, CURLUPART_PORT);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
      curl_url_set(u, CURLUPART_PORT, nullptr, 0);
    }
    std::string host = GetPart(u, CURLUPART_HOST);
    if (host.empty()) return InvalidArgument("URL without a host");
    std::string lower = text::AsciiLower(host);
    if (lower != host) curl_url_set(u, CURLUPART_HOST, lower.c_str(), 0);
  }
  std::string out = GetPart(u, CURLUPART_URL);
  if (out.empty()) return InvalidArgument("URL could not be rebuilt");
  return out;
}

}  // namespace

Result<std::string> Normalize(std::string_view absolute) {
  UrlHandle u(curl_url());
  if (!u) return InternalError("curl_url() failed");
  if (Status s = SetUrl(u.get(), absolute); !s.ok()) return s;
  return Finish(u.get());
}

Result<std::string> Resolve(std::string_view base, std::string_view ref) {
  UrlHandle u(curl_url());
  if (!u) return InternalError("curl_url() failed");
  if (Status s = SetUrl(u.get(), base); !s.ok()) return s;
  if (Status s = SetUrl(u.get(), ref); !s.ok()) return s;
  return Finish(u.get());
}

Result<Parts> Split(std::string_view absolute) {
  UrlHandle u(curl_url());
  if (!u) return InternalError("curl_url() failed");
  if (Status s = SetUrl(u.get(), absolute); !s.ok()) return s;
  Parts p;
  p.scheme = text::AsciiLower(GetPart(u.get(), CURLUPART_SCHEME));
  p.host = text::AsciiLower(GetPart(u.get(), CURLUPART_HOST));
  if (p.host.size() > 2 && p.host.front() == '[' && p.host.back() == ']') {
    p.host = p.host.substr(1, p.host.size() - 2);
  }
  p.port = GetPart(u.get(), CURLUPART_PORT);
  p.path = GetPart(u.get(), CURLUPART_PATH);
  p.query = GetPart(u.get(), CURLUPART_QUERY);
  return p;
}

bool IsHttp(std::string_view u) {
  return text::StartsWithIgnoreAsciiCase(u, "http://") ||
         text::StartsWithIgnoreAsciiCase(u, "https://");
}

std::string FromPath(std::string_view path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(std::filesystem::path(path), ec);
  std::string s = ec ? std::string(path) : p.lexically_normal().string();
  std::string out = "file://";
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Result<std::string> ToPath(std::string_view file_url) {
  if (!text::StartsWithIgnoreAsciiCase(file_url, "file://")) {
    return InvalidArgument("not a file:// URL: " + std::string(file_url));
  }
  UrlHandle u(curl_url());
  if (!u) return InternalError("curl_url() failed");
  if (Status s = SetUrl(u.get(), file_url); !s.ok()) return s;
  std::string path = GetPart(u.get(), CURLUPART_PATH, CURLU_URLDECODE);
  if (path.empty()) return InvalidArgument("file URL without a path");
  return path;
}

Result<std::string> DropParams(std::string_view absolute,
                               const std::vector<std::string>& names) {
  UrlHandle u(curl_url());
  if (!u) return InternalError("curl_url() failed");
  if (Status s = SetUrl(u.get(), absolute); !s.ok()) return s;
  auto named = [&](std::string_view param) {
    std::string_view key = param.substr(0, param.find('='));
    for (const std::string& n : names) {
      if (text::EqualsIgnoreAsciiCase(key, n)) return true;
    }
    return false;
  };
  // Query: "a=1&b=2" split on '&' (and ';', which some servers also use between parameters).
  const std::string query = GetPart(u.get(), CURLUPART_QUERY);
  if (!query.empty()) {
    std::string kept;
    size_t start = 0;
    while (start <= query.size()) {
      size_t end = query.find_first_of("&;", start);
      if (end == std::string::npos) end = query.size();
      std::string_view param(query.data() + start, end - start);
      if (!param.empty() && !named(param)) {
        if (!kept.empty()) kept += '&';
        kept += param;
      }
      start = end + 1;
    }
    if (kept != query) {
      curl_url_set(u.get(), CURLUPART_QUERY, kept.empty() ? nullptr : kept.c_str(), 0);
    }
  }
  // Path parameters: "/a;jsessionid=XYZ/b" keeps "/a/b".
  const std::string path = GetPart(u.get(), CURLUPART_PATH);
  if (path.find(';') != std::string::npos) {
    std::string out;
    size_t i = 0;
    while (i < path.size()) {
      if (path[i] == ';') {
        size_t end = path.find_first_of(";/", i + 1);
        if (end == std::string::npos) end = path.size();
        std::string_view param(path.data() + i + 1, end - i - 1);
        if (named(param)) {
          i = end;
          continue;
        }
      }
      out.push_back(path[i++]);
    }
    if (out != path) curl_url_set(u.get(), CURLUPART_PATH, out.c_str(), 0);
  }
  return Finish(u.get());
}

Result<std::string> HostKey(std::string_view absolute) {
  auto p = Split(absolute);
  if (!p.ok()) return p.status();
  std::string host = p->host.find(':') != std::string::npos ? "[" + p->host + "]" : p->host;
  if (!p->port.empty() && !((p->scheme == "http" && p->port == "80") ||
                            (p->scheme == "https" && p->port == "443"))) {
    host += ":" + p->port;
  }
  return host;
}

Result<std::string> PathAndQuery(std::string_view absolute) {
  auto p = Split(absolute);
  if (!p.ok()) return p.status();
  std::string out = p->path.empty() ? "/" : p->path;
  if (!p->query.empty()) out += "?" + p->query;
  return out;
}

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace verifica::url
