#include "util/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace verifica::text {
namespace {

// Decodes one code point at s[i]. Returns its length in bytes, or 0 if ill-formed.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    *cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    *cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    *cp = b0 & 0x07;
    min = 0x10000;
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

bool IsUnicodeSpace(uint32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// Base letter of a Latin-1 Supplement / Latin Extended-A letter, lower case; 0 if none.
// Covers every letter used in Spanish, Portuguese, French, Catalan and the indigenous
// languages' usual Latin orthographies on Mexican portals.
uint32_t FoldLatin(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return 0;
  if (cp <= 0xFF) {
    static const char kLatin1[] =
        // C0..DF
        "aaaaaa\0ceeeeiiii"
        "dnooooo\0ouuuuyts"
        // E0..FF
        "aaaaaa\0ceeeeiiii"
        "dnooooo\0ouuuuyty";
    char c = kLatin1[cp - 0xC0];
    return c ? static_cast<uint32_t>(c) : 0;
  }
  if (cp <= 0x17F) {
    static const char kExtA[] =
        "aaaaaaccccccccdd"
        "ddeeeeeeeeeegggg"
        "gggghhhhiiiiiiii"
        "iijjjjkkklllllll"
        "lllnnnnnnnnnoooo"
        "oo\0\0rrrrrrssssss"
        "ssttttttuuuuuuuu"
        "uuuuwwyyyzzzzzzs";
    return static_cast<uint32_t>(kExtA[cp - 0x100]);
  }
  // Combining diacritical marks are dropped by the caller.
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // Runs of ASCII, eight bytes at a time.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    uint32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string_view TruncateUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string_view TrimHtmlSpace(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsHtmlSpace(s[b])) ++b;
  while (e > b && IsHtmlSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

bool IsBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) return false;
    if (!IsUnicodeSpace(cp)) return false;
    i += n;
  }
  return true;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      n = 1;
      cp = 0xFFFD;
    }
    if (IsUnicodeSpace(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      if (cp == 0xFFFD && n == 1) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(s.substr(i, n));
      }
    }
    i += n;
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool StartsWithIgnoreAsciiCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreAsciiCase(s.substr(0, prefix.size()), prefix);
}

namespace {

// Writes `cp` as UTF-8 at `p`; returns the end.
char* PutUtf8(uint32_t cp, char* p) {
  if (cp < 0x80) {
    *p++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *p++ = static_cast<char>(0xC0 | (cp >> 6));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (cp >> 12));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (cp >> 18));
    *p++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return p;
}

// Fold into `out`, which has room for 3 bytes per input byte (the worst case: every byte an
// ill-formed sequence, written as U+FFFD); returns the end of the folded text.
char* FoldInto(std::string_view s, char* const out) {
  char* p = out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII (most of the text): the same steps without decoding
      ++i;
      if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
        pending_space = p != out;
        continue;
      }
      if (pending_space) *p++ = ' ';
      pending_space = false;
      *p++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    uint32_t cp;
    size_t n = DecodeUtf8(s, i, &cp);
    if (n == 0) {
      n = 1;
      cp = 0xFFFD;
    }
    i += n;
    if (IsUnicodeSpace(cp)) {
      pending_space = p != out;
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks (decomposed accents)
    if (pending_space) *p++ = ' ';
    pending_space = false;
    if (uint32_t base = FoldLatin(cp); base != 0) {
      *p++ = static_cast<char>(base);
      if (cp == 0xDF) *p++ = 's';  // ß → ss
    } else if (cp == 0xC6 || cp == 0xE6) {
      *p++ = 'a';
      *p++ = 'e';
    } else if (cp == 0x152 || cp == 0x153) {
      *p++ = 'o';
      *p++ = 'e';
    } else {
      p = PutUtf8(cp, p);
    }
  }
  return p;
}

}  // namespace

std::string Fold(std::string_view s) {
  // Folded text is never longer than 3 bytes per input byte. Ordinary texts are folded in a
  // per-thread scratch buffer and copied out at their exact size; very large ones get their own.
  constexpr size_t kScratchMax = size_t{1} << 20;
  const size_t room = s.size() * 3 + 1;
  if (room > kScratchMax) {
    std::string out(room, '\0');
    out.resize(static_cast<size_t>(FoldInto(s, out.data()) - out.data()));
    return out;
  }
  thread_local std::string scratch;
  if (scratch.size() < room) scratch.resize(std::max(room, size_t{4096}));
  char* const begin = scratch.data();
  return std::string(begin, FoldInto(s, begin));
}

std::vector<std::string_view> SplitHtmlSpace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsHtmlSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsHtmlSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

namespace {

// True for code points that are neither letters nor digits in the blocks web text commonly
// draws symbols from; other non-ASCII code points are taken as letters.
bool IsSymbolOrPunctuation(uint32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                          (cp >= '0' && cp <= '9'));
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x2BFF) ||    // punctuation, arrows, maths, technical, dingbats
         (cp >= 0x3000 && cp <= 0x303F) ||    // CJK punctuation
         (cp >= 0xFE00 && cp <= 0xFE0F) ||    // variation selectors
         (cp >= 0xFF00 && cp <= 0xFF0F) ||    // full-width punctuation
         (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji and pictographs
         (cp >= 0xE0000 && cp <= 0xE007F);    // tags
}

}  // namespace

std::vector<std::string> LetterDigitWords(std::string_view s) {
  const std::string folded = Fold(s);  // lower case, no accents, white space collapsed
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < folded.size();) {
    uint32_t cp;
    size_t n = DecodeUtf8(folded, i, &cp);
    if (n == 0) {
      n = 1;
      cp = 0xFFFD;
    }
    if (cp == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else if (!IsSymbolOrPunctuation(cp)) {
      word.append(folded, i, n);
    }
    i += n;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace verifica::text
