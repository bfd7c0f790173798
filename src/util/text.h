// Text helpers shared by every module: UTF-8 checks and repair, truncation on a code point
// boundary, HTML whitespace, and the "folded" form used for all pattern matching (lower case,
// accents removed, white space collapsed), so "Transparéncia  " and "transparencia" compare equal.
#ifndef VERIFICA_UTIL_TEXT_H_
#define VERIFICA_UTIL_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace verifica::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Copy of `s` with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// The longest prefix of `s` that is at most `max_bytes` long and ends on a code point boundary.
std::string_view TruncateUtf8(std::string_view s, size_t max_bytes);

// HTML's ASCII white space: space, tab, LF, FF, CR.
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
// `s` without leading and trailing HTML white space.
std::string_view TrimHtmlSpace(std::string_view s);
// True when `s` has nothing but white space (HTML white space and Unicode spaces such as NBSP).
bool IsBlank(std::string_view s);
// Runs of white space (HTML and Unicode spaces) become one ASCII space; ends trimmed.
std::string CollapseWhitespace(std::string_view s);

// ASCII lower case only (for tag names, attribute values defined as ASCII case-insensitive).
std::string AsciiLower(std::string_view s);
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreAsciiCase(std::string_view s, std::string_view prefix);

// Lower case, Latin accents and diacritics removed (á→a, Ñ→n, ü→u, ç→c, ...), white space
// collapsed and trimmed. The form that every text pattern runs on.
std::string Fold(std::string_view s);

// Splits on HTML white space, dropping empty tokens.
std::vector<std::string_view> SplitHtmlSpace(std::string_view s);

// The words of `s` made of letters and digits only, folded (see Fold): white space separates
// words; punctuation, symbols and emoji (ASCII punctuation, Latin-1 signs such as × and ¿,
// general punctuation such as … and –, arrows, dingbats, emoji) are dropped without splitting
// the word they sit in ("non-standard" → "nonstandard", ">> Enviar <<" → "enviar").
// Letters of any script are kept.
std::vector<std::string> LetterDigitWords(std::string_view s);

}  // namespace verifica::text

#endif  // VERIFICA_UTIL_TEXT_H_
