#include "html/links.h"

#include "util/text.h"
#include "util/url.h"

namespace verifica::html {
namespace {

bool Skippable(std::string_view href) {
  if (href.empty() || href.front() == '#') return true;
  for (std::string_view scheme : {"javascript:", "mailto:", "tel:", "data:", "sms:", "about:"}) {
    if (text::StartsWithIgnoreAsciiCase(href, scheme)) return true;
  }
  return false;
}

// Text a person sees for the element: its text and the alt text of images inside it.
std::string VisibleText(const dom::Document& doc, dom::NodeId id, size_t max_bytes) {
  std::string out;
  const dom::Node& n = doc.node(id);
  for (dom::NodeId i = id + 1; i < n.subtree_end && out.size() < 4 * max_bytes; ++i) {
    const dom::Node& c = doc.node(i);
    if (c.is_text()) {
      out += c.text;
    } else if (c.is_element() && c.tag == "img") {
      if (const std::string* alt = doc.Attr(i, "alt")) {
        out += ' ';
        out += *alt;
        out += ' ';
      }
    } else if (c.is_element() && (c.tag == "script" || c.tag == "style")) {
      i = c.subtree_end - 1;  // skip the subtree
    }
  }
  std::string collapsed = text::CollapseWhitespace(out);
  if (collapsed.empty()) {
    for (const char* attr : {"aria-label", "title"}) {
      if (const std::string* v = doc.Attr(id, attr)) {
        collapsed = text::CollapseWhitespace(*v);
        if (!collapsed.empty()) break;
      }
    }
  }
  if (collapsed.size() > max_bytes) collapsed = std::string(text::TruncateUtf8(collapsed, max_bytes));
  return collapsed;
}

// The URL of <meta http-equiv="refresh" content="5; url=/nuevo">, or empty.
std::string RefreshTarget(std::string_view content) {
  size_t semi = content.find_first_of(";,");
  if (semi == std::string_view::npos) return {};
  std::string_view rest = text::TrimHtmlSpace(content.substr(semi + 1));
  if (text::StartsWithIgnoreAsciiCase(rest, "url")) {
    std::string_view after = text::TrimHtmlSpace(rest.substr(3));
    if (!after.empty() && after.front() == '=') rest = text::TrimHtmlSpace(after.substr(1));
  }
  if (!rest.empty() && (rest.front() == '\'' || rest.front() == '"')) {
    const char q = rest.front();
    rest.remove_prefix(1);
    if (size_t end = rest.find(q); end != std::string_view::npos) rest = rest.substr(0, end);
  }
  return std::string(text::TrimHtmlSpace(rest));
}

bool HasToken(std::string_view list, std::string_view token) {
  for (std::string_view t : text::SplitHtmlSpace(list)) {
    if (text::EqualsIgnoreAsciiCase(t, token)) return true;
  }
  return false;
}

}  // namespace

std::vector<Link> ExtractLinks(const dom::Document& doc, size_t max_text_bytes) {
  std::vector<Link> out;
  for (dom::NodeId id = 0; id < doc.size(); ++id) {
    const dom::Node& n = doc.node(id);
    if (!n.is_element() || n.ns != dom::Namespace::kHtml) continue;
    const std::string* href = nullptr;
    if (n.tag == "a" || n.tag == "area") {
      href = doc.Attr(id, "href");
    } else if (n.tag == "iframe" || n.tag == "frame") {
      href = doc.Attr(id, "src");
    } else if (n.tag == "link") {
      const std::string* rel = doc.Attr(id, "rel");
      const std::string* type = doc.Attr(id, "type");
      // Alternate versions of the page (other languages), not feeds or stylesheets.
      if (rel && HasToken(*rel, "alternate") && !HasToken(*rel, "stylesheet") &&
          (type == nullptr || text::StartsWithIgnoreAsciiCase(*type, "text/html"))) {
        href = doc.Attr(id, "href");
      }
    } else if (n.tag == "meta") {
      const std::string* equiv = doc.Attr(id, "http-equiv");
      const std::string* content = doc.Attr(id, "content");
      if (equiv && content && text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*equiv), "refresh")) {
        std::string target = RefreshTarget(*content);
        if (!Skippable(target)) {
          out.push_back({std::move(target), "", "meta", id, n.line, n.column});
        }
      }
      continue;
    }
    if (href == nullptr) continue;
    std::string value(text::TrimHtmlSpace(*href));
    if (Skippable(value)) continue;
    Link link;
    link.href = std::move(value);
    link.tag = n.tag;
    link.node = id;
    link.line = n.line;
    link.column = n.column;
    if (n.tag == "a") {
      link.text = VisibleText(doc, id, max_text_bytes);
    } else {
      for (const char* attr : {"alt", "title", "aria-label", "hreflang"}) {
        if (const std::string* v = doc.Attr(id, attr); v && !text::IsBlank(*v)) {
          link.text = text::CollapseWhitespace(*v);
          break;
        }
      }
    }
    out.push_back(std::move(link));
  }
  return out;
}

std::string BaseUrl(const dom::Document& doc) {
  for (dom::NodeId id = 0; id < doc.size(); ++id) {
    if (id == doc.body()) break;  // <base> belongs in <head>
    if (!doc.IsElement(id, "base")) continue;
    const std::string* href = doc.Attr(id, "href");
    if (href == nullptr) continue;
    auto resolved = url::Resolve(doc.url(), *href);
    if (resolved.ok()) return *resolved;
    break;
  }
  return doc.url();
}

}  // namespace verifica::html
