#include "fetch/sitemap.h"

#include <zlib.h>

#include <cstring>
#include <pugixml.hpp>

#include "util/text.h"

namespace verifica::fetch {
namespace {

// Local name of an element: "sm:url" → "url".
std::string_view LocalName(const char* name) {
  std::string_view n(name);
  if (size_t colon = n.rfind(':'); colon != std::string_view::npos) n.remove_prefix(colon + 1);
  return n;
}

std::string LocText(const pugi::xml_node& parent) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == "loc") {
      return std::string(text::TrimHtmlSpace(c.child_value()));
    }
  }
  return {};
}

struct ZStream {
  z_stream s{};
  bool live = false;
  ~ZStream() {
    if (live) inflateEnd(&s);
  }
};

}  // namespace

bool IsGzip(std::string_view b) {
  return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F &&
         static_cast<unsigned char>(b[1]) == 0x8B;
}

Result<std::string> Gunzip(std::string_view bytes, size_t max_out) {
  ZStream z;
  // 15 + 32: zlib or gzip header, detected automatically.
  if (inflateInit2(&z.s, 15 + 32) != Z_OK) return InternalError("zlib inflateInit2 failed");
  z.live = true;
  z.s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.s.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[64 * 1024];
  while (true) {
    z.s.next_out = reinterpret_cast<Bytef*>(buf);
    z.s.avail_out = sizeof buf;
    const int rc = inflate(&z.s, Z_NO_FLUSH);
    const size_t got = sizeof buf - z.s.avail_out;
    if (out.size() + got > max_out) {
      return Status(StatusCode::kTooLarge,
                    "decompressed data larger than " + std::to_string(max_out) + " bytes");
    }
    out.append(buf, got);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members are legal; continue with the next one if any.
      if (z.s.avail_in == 0) break;
      if (inflateReset(&z.s) != Z_OK) break;
      continue;
    }
    if (rc == Z_BUF_ERROR && z.s.avail_in == 0) {
      return InvalidArgument("truncated compressed data");
    }
    if (rc != Z_OK) {
      return InvalidArgument(std::string("corrupt compressed data: ") +
                             (z.s.msg ? z.s.msg : "zlib error"));
    }
  }
  return out;
}

Result<Sitemap> ParseSitemap(std::string_view bytes, size_t max_urls) {
  std::string inflated;
  if (IsGzip(bytes)) {
    auto g = Gunzip(bytes, kMaxSitemapBytes);
    if (!g.ok()) return g.status();
    inflated = std::move(g).value();
    bytes = inflated;
  }
  if (bytes.size() > kMaxSitemapBytes) {
    return Status(StatusCode::kTooLarge, "sitemap larger than 50 MB");
  }
  Sitemap out;
  std::string_view trimmed = text::TrimHtmlSpace(bytes);
  if (trimmed.substr(0, 3) == "\xEF\xBB\xBF") trimmed.remove_prefix(3);
  if (!trimmed.empty() && trimmed.front() != '<') {
    // A text sitemap: one absolute URL per line.
    size_t pos = 0;
    while (pos < trimmed.size() && out.urls.size() < max_urls) {
      size_t end = trimmed.find('\n', pos);
      if (end == std::string_view::npos) end = trimmed.size();
      std::string_view line = text::TrimHtmlSpace(trimmed.substr(pos, end - pos));
      pos = end + 1;
      if (text::StartsWithIgnoreAsciiCase(line, "http://") ||
          text::StartsWithIgnoreAsciiCase(line, "https://")) {
        out.urls.emplace_back(line);
      }
    }
    return out;
  }
  pugi::xml_document doc;
  // parse_default does not read DTDs, so no entity expansion attacks.
  pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  if (!r) {
    return InvalidArgument(std::string("not a sitemap: XML error at byte ") +
                           std::to_string(r.offset) + ": " + r.description());
  }
  pugi::xml_node root = doc.document_element();
  const std::string_view root_name = LocalName(root.name());
  if (root_name != "urlset" && root_name != "sitemapindex") {
    return InvalidArgument("not a sitemap: root element <" + std::string(root.name()) + ">");
  }
  out.is_index = root_name == "sitemapindex";
  const std::string_view item = out.is_index ? "sitemap" : "url";
  for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element || LocalName(n.name()) != item) continue;
    std::string loc = LocText(n);
    if (loc.empty()) continue;
    auto& list = out.is_index ? out.sitemaps : out.urls;
    if (list.size() >= max_urls) break;
    list.push_back(std::move(loc));
  }
  return out;
}

}  // namespace verifica::fetch
