// HTML parsing: bytes → UTF-8 (charset.h) → Gumbo → dom::Document. The only place that
// includes gumbo.h; the Gumbo tree is converted and freed before any rule runs.
#ifndef VERIFICA_HTML_PARSER_H_
#define VERIFICA_HTML_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "dom/document.h"
#include "util/status.h"

namespace verifica::html {

struct ParseOptions {
  std::string url;           // the page's URL (for relative links and reports)
  std::string content_type;  // HTTP Content-Type or one guessed from the file name
  // Larger inputs are refused (Status kTooLarge) rather than parsed.
  size_t max_bytes = size_t{32} << 20;
  // Markup nested deeper than this is refused: Gumbo's tree construction is quadratic in the
  // depth of open elements, so 100,000 levels would take minutes and gigabytes.
  size_t max_depth = 4096;
  // Levels of <iframe srcdoc> documents parsed into the page (dom::Document::SrcdocDocument):
  // 0 parses none. Each srcdoc is capped at kMaxSrcdocBytes and at most kMaxSrcdocs per page.
  int srcdoc_depth = 2;
};

inline constexpr size_t kMaxSrcdocBytes = size_t{1} << 20;
inline constexpr size_t kMaxSrcdocs = 64;

// Why a page could not be parsed; used as PageReport.error.kind.
inline constexpr std::string_view kErrorEmpty = "empty";
inline constexpr std::string_view kErrorBinary = "not-html";
inline constexpr std::string_view kErrorTooLarge = "too-large";
inline constexpr std::string_view kErrorTooDeep = "too-deep";

struct ParseError {
  std::string kind;     // one of the kError* values
  std::string message;  // English, for logs; reports render their own text from the kind
};

// Parses a page. On failure, `error` says why and the Document is empty.
struct ParseResult {
  dom::Document document;
  bool ok = false;
  ParseError error;
};
ParseResult Parse(std::string_view bytes, const ParseOptions& options);

// Estimated maximum nesting depth of open elements (void, self-closed and optional-end-tag
// elements do not count; raw text elements and comments are skipped). Linear time.
size_t EstimateDepth(std::string_view html);

// True when the content type (or, when empty, the URL's file extension) names an HTML page.
bool IsHtmlContentType(std::string_view content_type);

// Content type guessed from a file name's extension ("text/html", "image/svg+xml", ...).
std::string ContentTypeForPath(std::string_view path);

}  // namespace verifica::html

#endif  // VERIFICA_HTML_PARSER_H_
