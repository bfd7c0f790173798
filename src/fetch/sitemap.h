// Sitemaps (sitemaps.org protocol 0.9): <urlset> and <sitemapindex> XML read with pugixml,
// plain-text sitemaps (one URL per line), and gzip-compressed files (.xml.gz) inflated with zlib
// under a size cap. The input is hostile: pugixml expands no external entities, and every list
// is capped.
#ifndef VERIFICA_FETCH_SITEMAP_H_
#define VERIFICA_FETCH_SITEMAP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace verifica::fetch {

// The protocol's own limits: 50,000 URLs and 50 MB (uncompressed) per file.
inline constexpr size_t kMaxSitemapUrls = 50000;
inline constexpr size_t kMaxSitemapBytes = size_t{50} << 20;

struct Sitemap {
  bool is_index = false;
  std::vector<std::string> urls;      // <urlset><url><loc>, as written (trimmed)
  std::vector<std::string> sitemaps;  // <sitemapindex><sitemap><loc>
};

// True when `bytes` start with the gzip magic number.
bool IsGzip(std::string_view bytes);

// Inflates gzip (or zlib) data; fails with kTooLarge beyond `max_out` bytes (a "gzip bomb"
// costs at most max_out of memory) and with kInvalidArgument on corrupt data.
Result<std::string> Gunzip(std::string_view bytes, size_t max_out);

// Parses a sitemap (gzip-compressed or not). At most `max_urls` locations are kept.
Result<Sitemap> ParseSitemap(std::string_view bytes, size_t max_urls = kMaxSitemapUrls);

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_SITEMAP_H_
