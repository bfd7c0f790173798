// The links a crawler follows, read from a parsed page: a[href], area[href], iframe[src],
// frame[src], link[rel~=alternate] to HTML, and <meta http-equiv=refresh> targets, each with the
// text a person sees for it (for page-role discovery and broken-link findings).
#ifndef VERIFICA_HTML_LINKS_H_
#define VERIFICA_HTML_LINKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dom/document.h"

namespace verifica::html {

struct Link {
  std::string href;  // the attribute value as written, HTML white space trimmed
  std::string text;  // link text, white space collapsed (text, else img alt, aria-label, title)
  std::string tag;   // "a", "area", "iframe", "frame", "link", "meta"
  dom::NodeId node = dom::kNoNode;
  uint32_t line = 0, column = 0;
};

// Links in document order. javascript:, mailto:, tel:, data: and same-page "#fragment" links
// are left out; nothing is resolved (see BaseUrl).
std::vector<Link> ExtractLinks(const dom::Document& doc, size_t max_text_bytes = 200);

// The URL relative links resolve against: the first <base href> (resolved against the page's
// URL), else the page's URL.
std::string BaseUrl(const dom::Document& doc);

}  // namespace verifica::html

#endif  // VERIFICA_HTML_LINKS_H_
