#include "report/escape.h"

#include <cstdint>

#include "util/text.h"

namespace verifica::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at s[i] and its code point; 0 if ill-formed.
size_t Decode(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len = 0;
  uint32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, *cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, *cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, *cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

bool Disallowed(uint32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;  // DEL and C1 controls
  return cp == 0xFFFE || cp == 0xFFFF;
}

template <typename Emit>
void ForEachClean(std::string_view s, Emit emit) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    const size_t len = Decode(s, i, &cp);
    if (len == 0) {
      emit(kReplacement, 0xFFFD);
      ++i;
      continue;
    }
    if (Disallowed(cp)) {
      emit(kReplacement, 0xFFFD);
    } else {
      emit(s.substr(i, len), cp);
    }
    i += len;
  }
}

std::string Escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  ForEachClean(s, [&](std::string_view bytes, uint32_t cp) {
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += attribute ? "&#13;" : "\r";
        break;
      default:
        out += bytes;
    }
  });
  return out;
}

}  // namespace

std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachClean(s, [&](std::string_view bytes, uint32_t) { out += bytes; });
  return out;
}

std::string EscapeHtml(std::string_view s) { return Escape(s, /*attribute=*/false); }

std::string EscapeXmlAttribute(std::string_view s) { return Escape(s, /*attribute=*/true); }

std::optional<std::string> LinkableUrl(std::string_view url) {
  url = text::TrimHtmlSpace(url);
  if (!text::StartsWithIgnoreAsciiCase(url, "http://") &&
      !text::StartsWithIgnoreAsciiCase(url, "https://")) {
    return std::nullopt;
  }
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return std::nullopt;
  }
  if (!text::IsValidUtf8(url)) return std::nullopt;
  // Characters RFC 3986 never allows in a URL are percent-encoded, as a browser would.
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    if (std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::string RelativeHref(std::string_view folder, std::string_view file) {
  auto encode = [](std::string_view s, std::string* out) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      const bool unreserved = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                              (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
                              u == '~';
      if (unreserved) {
        out->push_back(c);
      } else {
        out->push_back('%');
        out->push_back(kHex[u >> 4]);
        out->push_back(kHex[u & 0xF]);
      }
    }
  };
  std::string out = "./";
  encode(folder, &out);
  out += '/';
  encode(file, &out);
  return out;
}

std::string CsvField(std::string_view s) {
  std::string v = CleanText(s);
  const size_t first = v.find_first_not_of(' ');
  if (first != std::string::npos) {
    const char c = v[first];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') v.insert(0, "'");
  }
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TerminalText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachClean(s, [&](std::string_view bytes, uint32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    } else {
      out += bytes;
    }
  });
  return out;
}

}  // namespace verifica::report
