#include "html/charset.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "util/text.h"

namespace verifica::html {
namespace {

struct Label {
  const char* label;
  const char* canonical;
};

// WHATWG encoding labels for the encodings likely on Latin American sites, mapped to the
// name iconv knows. Not exhaustive: unknown labels fall back to sniffing.
constexpr Label kLabels[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"}, {"unicode20utf8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso88591", "windows-1252"}, {"latin1", "windows-1252"}, {"l1", "windows-1252"},
    {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
    {"cp819", "windows-1252"}, {"ibm819", "windows-1252"}, {"iso-ir-100", "windows-1252"},
    {"csisolatin1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"},
    {"iso-8859-15", "iso-8859-15"}, {"iso8859-15", "iso-8859-15"}, {"latin-9", "iso-8859-15"},
    {"iso_8859-15", "iso-8859-15"}, {"l9", "iso-8859-15"},
    {"iso-8859-2", "iso-8859-2"}, {"latin2", "iso-8859-2"}, {"windows-1250", "windows-1250"},
    {"windows-1251", "windows-1251"}, {"koi8-r", "koi8-r"}, {"macintosh", "macintosh"},
    {"x-mac-roman", "macintosh"}, {"shift_jis", "shift_jis"}, {"euc-jp", "euc-jp"},
    {"gbk", "gbk"}, {"gb2312", "gbk"}, {"gb18030", "gb18030"}, {"big5", "big5"},
    {"euc-kr", "euc-kr"}, {"utf-16le", "utf-16le"}, {"utf-16", "utf-16le"},
    {"utf-16be", "utf-16be"},
};

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (text::IsHtmlSpace(s[b]) || s[b] == '"' || s[b] == '\'')) ++b;
  while (e > b && (text::IsHtmlSpace(s[e - 1]) || s[e - 1] == '"' || s[e - 1] == '\'' ||
                   s[e - 1] == ';'))
    --e;
  return s.substr(b, e - b);
}

// "charset=" value inside a string such as "text/html; charset=ISO-8859-1".
std::string ExtractCharsetParam(std::string_view s) {
  std::string lower = text::AsciiLower(s);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) return {};
  pos += 7;
  while (pos < lower.size() && text::IsHtmlSpace(lower[pos])) ++pos;
  if (pos >= lower.size() || lower[pos] != '=') return {};
  ++pos;
  while (pos < lower.size() && text::IsHtmlSpace(lower[pos])) ++pos;
  size_t end = pos;
  if (end < lower.size() && (lower[end] == '"' || lower[end] == '\'')) {
    const char q = lower[end];
    ++pos;
    end = lower.find(q, pos);
    if (end == std::string::npos) return {};
  } else {
    while (end < lower.size() && !text::IsHtmlSpace(lower[end]) && lower[end] != ';' &&
           lower[end] != '"' && lower[end] != '\'')
      ++end;
  }
  return std::string(Trim(lower.substr(pos, end - pos)));
}

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};

// Converts with iconv; invalid input bytes become U+FFFD. Returns false if the converter
// cannot be opened.
bool Convert(std::string_view bytes, const std::string& from, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, IconvCloser> guard(cd);
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 8);
  std::string in(bytes);
  char* inp = in.data();
  size_t inleft = in.size();
  char buf[16384];
  while (inleft > 0) {
    char* outp = buf;
    size_t outleft = sizeof buf;
    size_t rc = iconv(cd, &inp, &inleft, &outp, &outleft);
    out->append(buf, static_cast<size_t>(outp - buf));
    if (rc == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL: skip one byte, emit a replacement character.
      *out += "\xEF\xBF\xBD";
      ++inp;
      --inleft;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  return true;
}

}  // namespace

std::string CanonicalEncoding(std::string_view label) {
  std::string l = text::AsciiLower(Trim(label));
  for (const Label& e : kLabels) {
    if (l == e.label) return e.canonical;
  }
  return {};
}

std::string CharsetFromContentType(std::string_view content_type) {
  return ExtractCharsetParam(content_type);
}

std::string CharsetFromMeta(std::string_view bytes) {
  std::string head = text::AsciiLower(bytes.substr(0, 1024));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag(head.data() + pos, end - pos);
    pos = end;
    // <meta charset="...">
    size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    if (c > 0 && (tag[c - 1] == ' ' || tag[c - 1] == '\t' || tag[c - 1] == '\n' ||
                  tag[c - 1] == '/')) {
      size_t k = c + 7;
      while (k < tag.size() && text::IsHtmlSpace(tag[k])) ++k;
      if (k < tag.size() && tag[k] == '=') {
        ++k;
        while (k < tag.size() && text::IsHtmlSpace(tag[k])) ++k;
        size_t v = k;
        if (v < tag.size() && (tag[v] == '"' || tag[v] == '\'')) {
          const char q = tag[v++];
          size_t e = tag.find(q, v);
          return std::string(Trim(tag.substr(v, e == std::string_view::npos ? tag.size() - v
                                                                              : e - v)));
        }
        size_t e = v;
        while (e < tag.size() && !text::IsHtmlSpace(tag[e]) && tag[e] != '/' && tag[e] != ';' &&
               tag[e] != '"' && tag[e] != '\'')
          ++e;
        return std::string(tag.substr(v, e - v));
      }
    }
    // <meta http-equiv="Content-Type" content="text/html; charset=...">
    if (tag.find("http-equiv") != std::string_view::npos &&
        tag.find("content-type") != std::string_view::npos) {
      size_t ct = tag.find("content=");
      if (ct != std::string_view::npos) {
        std::string v = ExtractCharsetParam(tag.substr(ct + 8));
        if (!v.empty()) return v;
      }
    }
  }
  return {};
}

Decoded DecodeToUtf8(std::string_view bytes, std::string_view content_type) {
  Decoded d;
  std::string encoding;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    encoding = "utf-8";
    bytes.remove_prefix(3);
    d.source = "bom";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    encoding = "utf-16le";
    bytes.remove_prefix(2);
    d.source = "bom";
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    encoding = "utf-16be";
    bytes.remove_prefix(2);
    d.source = "bom";
  }
  if (encoding.empty()) {
    encoding = CanonicalEncoding(CharsetFromContentType(content_type));
    if (!encoding.empty()) d.source = "content-type";
  }
  if (encoding.empty()) {
    encoding = CanonicalEncoding(CharsetFromMeta(bytes));
    // A meta tag cannot declare UTF-16 (the pre-scan reads ASCII); HTML says use UTF-8.
    if (encoding == "utf-16le" || encoding == "utf-16be") encoding = "utf-8";
    if (!encoding.empty()) d.source = "meta";
  }
  if (encoding.empty()) {
    encoding = text::IsValidUtf8(bytes) ? "utf-8" : "windows-1252";
    d.source = "default";
  }
  d.encoding = encoding;
  if (encoding == "utf-8") {
    d.text = text::IsValidUtf8(bytes) ? std::string(bytes) : text::SanitizeUtf8(bytes);
    return d;
  }
  if (!Convert(bytes, encoding == "windows-1252" ? "CP1252" : text::AsciiLower(encoding), &d.text)) {
    d.text = text::SanitizeUtf8(bytes);
    d.encoding = "utf-8";
    d.source = "default";
  }
  return d;
}

}  // namespace verifica::html
