// Decoding of page bytes to UTF-8 (Gumbo only reads UTF-8). The encoding is chosen as a browser
// would: a byte order mark, then the transport charset (Content-Type), then a <meta> charset
// found by pre-scanning the first 1024 bytes, then UTF-8 when the bytes are valid UTF-8, and
// windows-1252 otherwise (the usual fallback for Spanish-language pages).
#ifndef VERIFICA_HTML_CHARSET_H_
#define VERIFICA_HTML_CHARSET_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace verifica::html {

struct Decoded {
  std::string text;      // UTF-8, ill-formed sequences replaced by U+FFFD
  std::string encoding;  // canonical label of the encoding used, e.g. "utf-8", "windows-1252"
  std::string source;    // "bom", "content-type", "meta" or "default"
};

// Canonical encoding for a label, following the WHATWG Encoding Standard's label table for the
// encodings iconv handles ("latin1", "iso-8859-1" and "ascii" mean windows-1252). Empty when
// the label is unknown.
std::string CanonicalEncoding(std::string_view label);

// The charset parameter of a Content-Type header value, or empty.
std::string CharsetFromContentType(std::string_view content_type);

// Pre-scans the first 1024 bytes for <meta charset> or <meta http-equiv content="...charset=">.
std::string CharsetFromMeta(std::string_view bytes);

// Decodes `bytes` to UTF-8. Never fails: unknown or failing encodings fall back to UTF-8 with
// replacement characters.
Decoded DecodeToUtf8(std::string_view bytes, std::string_view content_type);

}  // namespace verifica::html

#endif  // VERIFICA_HTML_CHARSET_H_
