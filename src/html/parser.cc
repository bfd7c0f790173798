#include "html/parser.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "html/charset.h"
#include "util/text.h"

namespace verifica::html {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == ':';
}

// Elements that never hold children, or whose end tag is optional and usually left out.
bool DoesNotNest(std::string_view name) {
  static constexpr std::array<std::string_view, 38> kNames = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
      "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image", "p", "li",
      "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt", "rp", "html", "head"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end() || name == "body";
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "plaintext";
}

struct OutputDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

dom::Namespace ConvertNs(GumboNamespaceEnum ns) {
  switch (ns) {
    case GUMBO_NAMESPACE_SVG:
      return dom::Namespace::kSvg;
    case GUMBO_NAMESPACE_MATHML:
      return dom::Namespace::kMathMl;
    default:
      return dom::Namespace::kHtml;
  }
}

std::string TagName(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  GumboStringPiece piece = el.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "unknown";
  gumbo_tag_from_original_text(&piece);
  return text::AsciiLower(std::string_view(piece.data, piece.length));
}

std::vector<dom::Attribute> Attributes(const GumboElement& el) {
  std::vector<dom::Attribute> out;
  out.reserve(el.attributes.length);
  for (unsigned i = 0; i < el.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
    std::string name = a->name;
    if (el.tag_namespace == GUMBO_NAMESPACE_HTML) name = text::AsciiLower(name);
    out.push_back({std::move(name), a->value});
  }
  return out;
}

}  // namespace

size_t EstimateDepth(std::string_view s) {
  size_t depth = 0, max_depth = 0;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (s.compare(i, 3, "!--") == 0) {
      size_t end = s.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (s[i] == '!' || s[i] == '?') {
      size_t end = s.find('>', i);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    const bool closing = s[i] == '/';
    if (closing) ++i;
    size_t name_start = i;
    while (i < n && IsNameChar(s[i])) ++i;
    if (i == name_start) continue;
    std::string name = text::AsciiLower(s.substr(name_start, i - name_start));
    // Find the end of the tag, skipping quoted attribute values.
    char quote = 0;
    while (i < n) {
      const char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++i;
    }
    const bool self_closed = i > 0 && i < n && s[i - 1] == '/';
    if (i < n) ++i;
    if (closing) {
      if (!DoesNotNest(name) && depth > 0) --depth;
      continue;
    }
    if (IsRawText(name)) {
      // Skip to the matching end tag without counting what is inside.
      std::string lower_end = "</" + name;
      size_t k = i;
      while (true) {
        k = s.find("</", k);
        if (k == std::string_view::npos) {
          i = n;
          break;
        }
        if (text::StartsWithIgnoreAsciiCase(s.substr(k), lower_end)) {
          i = k;
          break;
        }
        k += 2;
      }
      continue;
    }
    if (self_closed || DoesNotNest(name)) continue;
    ++depth;
    max_depth = std::max(max_depth, depth);
  }
  return max_depth;
}

bool IsHtmlContentType(std::string_view content_type) {
  std::string ct = text::AsciiLower(text::TrimHtmlSpace(content_type));
  if (size_t semi = ct.find(';'); semi != std::string::npos) ct.resize(semi);
  ct = std::string(text::TrimHtmlSpace(ct));
  return ct.empty() || ct == "text/html" || ct == "application/xhtml+xml";
}

std::string ContentTypeForPath(std::string_view path) {
  std::string lower = text::AsciiLower(path);
  auto ends = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(),
                                                          suffix.size(), suffix) == 0;
  };
  if (ends(".html") || ends(".htm") || ends(".shtml") || ends("/")) return "text/html";
  if (ends(".xhtml")) return "application/xhtml+xml";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".xml")) return "application/xml";
  if (ends(".mathml") || ends(".mml")) return "application/mathml+xml";
  if (ends(".pdf")) return "application/pdf";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".gif")) return "image/gif";
  if (ends(".txt")) return "text/plain";
  return "text/html";
}

ParseResult Parse(std::string_view bytes, const ParseOptions& options) {
  ParseResult result;
  auto fail = [&](std::string_view kind, std::string message) {
    result.ok = false;
    result.error = {std::string(kind), std::move(message)};
    return std::move(result);
  };
  if (bytes.size() > options.max_bytes) {
    return fail(kErrorTooLarge, "page is " + std::to_string(bytes.size()) +
                                    " bytes, above the limit of " +
                                    std::to_string(options.max_bytes) + " bytes");
  }
  if (text::IsBlank(bytes)) return fail(kErrorEmpty, "page is empty");
  // Binary data (an image or archive served as a page): NUL bytes or many control bytes in
  // the first kilobyte. UTF-16 pages start with a BOM and are exempt.
  const bool utf16_bom = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
  if (!utf16_bom) {
    size_t controls = 0;
    const std::string_view head = bytes.substr(0, 1024);
    for (char c : head) {
      const auto u = static_cast<unsigned char>(c);
      if (u == 0) return fail(kErrorBinary, "content is binary data, not HTML");
      if (u < 0x20 && !text::IsHtmlSpace(c)) ++controls;
    }
    if (controls * 10 > head.size()) return fail(kErrorBinary, "content is binary data, not HTML");
  }

  Decoded decoded = DecodeToUtf8(bytes, options.content_type);
  if (size_t depth = EstimateDepth(decoded.text); depth > options.max_depth) {
    return fail(kErrorTooDeep, "markup is nested about " + std::to_string(depth) +
                                   " levels deep, above the limit of " +
                                   std::to_string(options.max_depth));
  }

  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 1000;
  std::unique_ptr<GumboOutput, OutputDeleter> out(
      gumbo_parse_with_options(&gopts, decoded.text.data(), decoded.text.size()));
  if (!out) return fail(kErrorBinary, "the HTML parser failed on this page");

  dom::DocumentBuilder b;
  b.set_url(options.url);
  b.set_content_type(options.content_type);
  b.set_is_html(IsHtmlContentType(options.content_type));
  b.set_encoding(decoded.encoding);
  b.set_parse_errors(out->errors.length);
  const char* base = decoded.text.data();

  // <iframe srcdoc> documents, parsed after the walk.
  std::vector<std::pair<dom::NodeId, std::string>> srcdocs;

  // Iterative pre-order walk; a frame is (node, next child index).
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  const GumboNode* doc = out->document;
  for (unsigned i = 0; i < doc->v.document.children.length; ++i) {
    stack.push_back({static_cast<const GumboNode*>(doc->v.document.children.data[i]), 0});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* node = f.node;
      if (f.next == 0) {
        switch (node->type) {
          case GUMBO_NODE_ELEMENT:
          case GUMBO_NODE_TEMPLATE: {
            const GumboElement& el = node->v.element;
            uint32_t offset = 0, length = 0;
            if (el.original_tag.data != nullptr && el.original_tag.length > 0 &&
                el.original_tag.data >= base &&
                el.original_tag.data < base + decoded.text.size()) {
              offset = static_cast<uint32_t>(el.original_tag.data - base);
              length = static_cast<uint32_t>(el.original_tag.length);
            }
            std::vector<dom::Attribute> attrs = Attributes(el);
            const std::string* srcdoc = nullptr;
            if (el.tag == GUMBO_TAG_IFRAME && el.tag_namespace == GUMBO_NAMESPACE_HTML &&
                options.srcdoc_depth > 0 && srcdocs.size() < kMaxSrcdocs) {
              for (const dom::Attribute& a : attrs) {
                if (a.name == "srcdoc") srcdoc = &a.value;
              }
            }
            std::string srcdoc_text = srcdoc != nullptr ? *srcdoc : std::string();
            const bool has_srcdoc = srcdoc != nullptr;
            const dom::NodeId id =
                b.OpenElement(TagName(el), ConvertNs(el.tag_namespace), std::move(attrs),
                              el.start_pos.line, el.start_pos.column, offset, length);
            if (has_srcdoc) srcdocs.emplace_back(id, std::move(srcdoc_text));
            break;
          }
          case GUMBO_NODE_TEXT:
          case GUMBO_NODE_WHITESPACE:
          case GUMBO_NODE_CDATA:
            b.AddText(node->v.text.text, node->v.text.start_pos.line,
                      node->v.text.start_pos.column);
            break;
          case GUMBO_NODE_COMMENT:
            b.AddComment(node->v.text.text);
            break;
          default:
            break;
        }
      }
      const bool is_element =
          node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
      if (is_element && f.next < node->v.element.children.length) {
        const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[f.next]);
        ++f.next;
        stack.push_back({child, 0});
        continue;
      }
      if (is_element) b.CloseElement();
      stack.pop_back();
    }
  }
  out.reset();  // free the Gumbo tree before the source buffer it points into is moved
  for (auto& [iframe, srcdoc] : srcdocs) {
    // An iframe srcdoc is an HTML document of its own (about:srcdoc). A blank one still makes
    // an (empty) document in browsers; Parse refuses blank input, so it gets none here.
    ParseOptions nested_options = options;
    nested_options.url = "about:srcdoc";
    nested_options.content_type = "text/html";
    nested_options.max_bytes = std::min(options.max_bytes, kMaxSrcdocBytes);
    nested_options.srcdoc_depth = options.srcdoc_depth - 1;
    ParseResult nested = Parse(srcdoc, nested_options);
    if (nested.ok) b.AddSrcdocDocument(iframe, std::move(nested.document));
  }
  b.set_source(std::move(decoded.text));
  result.document = b.Finish();
  result.ok = true;
  return result;
}

}  // namespace verifica::html
