// Static display/visibility from style= and <style>; see css_style.h for what is understood.
#include "aria/css_style.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "util/text.h"

namespace verifica::aria::css {
namespace {

using dom::Document;
using dom::kNoNode;
using dom::NodeId;

// ---------------------------------------------------------------------------------------------
// Three-valued matching: kMaybe when a part of the selector cannot be decided statically.
enum class M : uint8_t { kNo = 0, kMaybe = 1, kYes = 2 };
M And(M a, M b) { return a < b ? a : b; }
M Or(M a, M b) { return a > b ? a : b; }
M Not(M a) { return a == M::kYes ? M::kNo : (a == M::kNo ? M::kYes : M::kMaybe); }

bool IsSpace(char c) { return text::IsHtmlSpace(c); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Copy of `s` without /* comments */ (string literals are kept intact).
std::string StripComments(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      out.push_back(' ');
      i = end + 2;
    } else if (c == '"' || c == '\'') {
      size_t j = i + 1;
      while (j < s.size() && s[j] != c && s[j] != '\n') {
        j += (s[j] == '\\' && j + 1 < s.size()) ? 2 : 1;
      }
      j = std::min(j + 1, s.size());
      out.append(s.substr(i, j - i));
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

// Index just past the string literal that starts at `i` (quote included).
size_t SkipString(std::string_view s, size_t i) {
  const char q = s[i];
  size_t j = i + 1;
  while (j < s.size() && s[j] != q && s[j] != '\n') j += (s[j] == '\\' && j + 1 < s.size()) ? 2 : 1;
  return std::min(j + 1, s.size());
}

// Index of the first of `stops` at nesting level 0 from `i` (strings, (), [] and {} skipped),
// or s.size(). An unbalanced closer at level 0 also stops the scan.
size_t FindTopLevel(std::string_view s, size_t i, std::string_view stops) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = SkipString(s, i);
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (depth == 0 && stops.find(c) != std::string_view::npos) return i;
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth == 0) return i;
      --depth;
    }
    ++i;
  }
  return s.size();
}

// Given s[open] == '{', the index of its matching '}' (or s.size() when unterminated).
size_t MatchingBrace(std::string_view s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size();) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      i = SkipString(s, i);
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) return i;
    ++i;
  }
  return s.size();
}

// ---------------------------------------------------------------------------------------------
// Media queries, evaluated for a desktop screen (see css_style.h).
constexpr double kViewportWidth = 1280, kViewportHeight = 800, kFontPx = 16;

std::optional<double> ParseLengthPx(std::string_view v) {
  v = text::TrimHtmlSpace(v);
  size_t n = 0;
  while (n < v.size() &&
         ((v[n] >= '0' && v[n] <= '9') || v[n] == '.' || v[n] == '-' || v[n] == '+'))
    ++n;
  if (n == 0 || n > 32) return std::nullopt;
  const std::string num(v.substr(0, n));
  char* end = nullptr;
  const double x = std::strtod(num.c_str(), &end);
  if (end == num.c_str()) return std::nullopt;
  const std::string unit = text::AsciiLower(text::TrimHtmlSpace(v.substr(n)));
  if (unit == "px" || (unit.empty() && x == 0)) return x;
  if (unit == "em" || unit == "rem") return x * kFontPx;
  if (unit == "pt") return x * 96.0 / 72.0;
  if (unit == "cm") return x * 96.0 / 2.54;
  if (unit == "mm") return x * 96.0 / 25.4;
  if (unit == "in") return x * 96.0;
  return std::nullopt;
}

std::optional<double> ParseResolutionDppx(std::string_view v) {
  v = text::TrimHtmlSpace(v);
  size_t n = 0;
  while (n < v.size() && ((v[n] >= '0' && v[n] <= '9') || v[n] == '.')) ++n;
  if (n == 0 || n > 32) return std::nullopt;
  const std::string num(v.substr(0, n));
  const double x = std::strtod(num.c_str(), nullptr);
  const std::string unit = text::AsciiLower(text::TrimHtmlSpace(v.substr(n)));
  if (unit.empty() || unit == "dppx" || unit == "x") return x;
  if (unit == "dpi") return x / 96.0;
  if (unit == "dpcm") return x * 2.54 / 96.0;
  return std::nullopt;
}

// One "(feature: value)" test, without the parentheses.
bool MediaFeatureApplies(std::string_view f) {
  const size_t colon = f.find(':');
  const std::string name(text::TrimHtmlSpace(f.substr(0, colon)));
  const std::string_view value = colon == std::string_view::npos
                                     ? std::string_view()
                                     : text::TrimHtmlSpace(f.substr(colon + 1));
  auto compare = [&](std::string_view base, double actual, auto parse) -> std::optional<bool> {
    std::optional<double> v;
    if (name == base || name == "min-" + std::string(base) || name == "max-" + std::string(base)) {
      v = parse(value);
      if (!v) return false;
    } else {
      return std::nullopt;
    }
    if (name == base) return actual == *v;
    if (name[1] == 'i') return actual >= *v;  // min-
    return actual <= *v;                      // max-
  };
  if (colon == std::string_view::npos) {
    // Boolean context: true when the feature's value is not zero/none.
    return name == "color" || name == "hover" || name == "any-hover" || name == "pointer" ||
           name == "any-pointer" || name == "width" || name == "height";
  }
  if (auto r = compare("width", kViewportWidth, ParseLengthPx)) return *r;
  if (auto r = compare("height", kViewportHeight, ParseLengthPx)) return *r;
  if (auto r = compare("device-width", kViewportWidth, ParseLengthPx)) return *r;
  if (auto r = compare("device-height", kViewportHeight, ParseLengthPx)) return *r;
  if (auto r = compare("resolution", 1.0, ParseResolutionDppx)) return *r;
  if (auto r = compare("-webkit-device-pixel-ratio", 1.0, ParseResolutionDppx)) return *r;
  if (auto r = compare("device-pixel-ratio", 1.0, ParseResolutionDppx)) return *r;
  if (name == "orientation") return value == "landscape";
  if (name == "hover" || name == "any-hover") return value == "hover";
  if (name == "pointer" || name == "any-pointer") return value == "fine";
  if (name == "prefers-reduced-motion" || name == "prefers-reduced-transparency") {
    return value == "no-preference";
  }
  if (name == "prefers-contrast") return value == "no-preference";
  if (name == "prefers-color-scheme") return value == "light";
  if (name == "forced-colors" || name == "inverted-colors") return value == "none";
  if (name == "scripting") return value == "enabled";
  if (name == "display-mode") return value == "browser";
  if (name == "update") return value == "fast";
  if (name == "grid") return value == "0";
  return false;  // unknown feature: as if it did not apply
}

bool MediaQueryApplies(std::string_view q) {
  std::string s = text::AsciiLower(text::TrimHtmlSpace(q));
  bool negate = false;
  std::string_view rest = s;
  auto eat_word = [&](std::string_view w) {
    if (rest.size() >= w.size() && rest.substr(0, w.size()) == w &&
        (rest.size() == w.size() || IsSpace(rest[w.size()]) || rest[w.size()] == '(')) {
      rest = text::TrimHtmlSpace(rest.substr(w.size()));
      return true;
    }
    return false;
  };
  if (eat_word("not")) {
    negate = true;
  } else {
    eat_word("only");
  }
  bool result = true;
  if (!rest.empty() && rest.front() != '(') {
    size_t n = 0;
    while (n < rest.size() && !IsSpace(rest[n]) && rest[n] != '(') ++n;
    const std::string_view type = rest.substr(0, n);
    result = type == "all" || type == "screen";
    rest = text::TrimHtmlSpace(rest.substr(n));
    if (!rest.empty() && !eat_word("and")) return false;
  }
  // Conjunction of parenthesised features ("(a) and (b)"); "or" and nesting are not evaluated.
  while (!rest.empty()) {
    if (rest.front() != '(') return false;
    const size_t close = FindTopLevel(rest, 1, ")");
    if (close >= rest.size()) return false;
    const std::string_view feature = rest.substr(1, close - 1);
    if (feature.find('(') != std::string_view::npos ||
        feature.find('<') != std::string_view::npos ||
        feature.find('>') != std::string_view::npos ||
        feature.find('=') != std::string_view::npos) {
      return false;  // nested conditions and range syntax are not evaluated
    }
    result = result && MediaFeatureApplies(feature);
    rest = text::TrimHtmlSpace(rest.substr(close + 1));
    if (!rest.empty() && !eat_word("and")) return false;
  }
  return negate ? !result : result;
}

bool MediaListApplies(std::string_view list) {
  if (text::IsBlank(list)) return true;
  size_t i = 0;
  while (i <= list.size()) {
    const size_t comma = FindTopLevel(list, i, ",");
    if (MediaQueryApplies(list.substr(i, comma - i))) return true;
    i = comma + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Selectors.
enum class AttrOp : uint8_t { kExists, kEquals, kIncludes, kDash, kPrefix, kSuffix, kContains };

enum class Pseudo : uint8_t {
  kNever,    // user-action states: never match a page at rest
  kUnknown,  // valid but not decided statically
  kRoot,
  kEmpty,
  kLink,
  kChecked,
  kDisabled,
  kEnabled,
  kNthChild,
  kNthLastChild,
  kNthOfType,
  kNthLastOfType,
  kNot,
  kIs,
};

struct Compound;

struct Simple {
  enum class Kind : uint8_t { kType, kId, kClass, kAttr, kPseudo };
  Kind kind = Kind::kType;
  AttrOp op = AttrOp::kExists;
  Pseudo pseudo = Pseudo::kUnknown;
  bool case_insensitive = false;
  int a = 0, b = 0;  // an+b of the :nth-* pseudo-classes
  std::string name;  // tag (lower case), id, class, or attribute name (lower case)
  std::string value;
  std::vector<Compound> args;  // :not() / :is() / :where()
};

struct Compound {
  std::vector<Simple> parts;  // empty: the universal selector
};

struct Complex {
  std::vector<Compound> compounds;  // left to right
  std::vector<char> combinators;    // combinators[i] joins compounds[i] and compounds[i + 1]
  uint32_t specificity = 0;         // (ids << 20) | (classes << 10) | types, each capped
  // Keys (tag, #id, .class) that some ancestor of a matching element must carry: those of
  // the compounds left of the rightmost descendant or child combinator. Checked against the
  // ancestors' Bloom filter before any walk up the tree.
  std::vector<size_t> ancestor_keys;
};

// Hash of a selector key; `kind` is 't' (tag), '#' (id) or '.' (class).
size_t KeyHash(char kind, std::string_view name) {
  return std::hash<std::string_view>{}(name)*0x9E3779B97F4A7C15ull + static_cast<size_t>(kind);
}

// A 256-bit Bloom filter over the keys of an element's ancestors (two bits per key).
struct Bloom {
  uint64_t w[4] = {0, 0, 0, 0};
  void Add(size_t h) {
    const unsigned a = h & 255, b = (h >> 8) & 255;
    w[a >> 6] |= uint64_t{1} << (a & 63);
    w[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool MayContain(size_t h) const {
    const unsigned a = h & 255, b = (h >> 8) & 255;
    return (w[a >> 6] >> (a & 63) & 1) && (w[b >> 6] >> (b & 63) & 1);
  }
};

void ComputeAncestorKeys(Complex* c) {
  c->ancestor_keys.clear();
  size_t k = c->compounds.size() - 1;
  // Skip the compounds joined to the subject by sibling combinators only.
  while (k > 0 && (c->combinators[k - 1] == '+' || c->combinators[k - 1] == '~')) --k;
  if (k == 0) return;
  for (size_t i = 0; i < k; ++i) {
    for (const Simple& part : c->compounds[i].parts) {
      switch (part.kind) {
        case Simple::Kind::kType:
          c->ancestor_keys.push_back(KeyHash('t', part.name));
          break;
        case Simple::Kind::kId:
          c->ancestor_keys.push_back(KeyHash('#', part.name));
          break;
        case Simple::Kind::kClass:
          c->ancestor_keys.push_back(KeyHash('.', part.name));
          break;
        default:
          break;
      }
    }
  }
}

struct Spec {
  uint32_t a = 0, b = 0, c = 0;
  uint32_t Packed() const {
    return (std::min(a, 1023u) << 20) | (std::min(b, 1023u) << 10) | std::min(c, 1023u);
  }
};

// Case-insensitive HTML attributes whose values selectors compare without case (HTML's list
// of attributes matched ASCII case-insensitively in HTML documents; the common ones).
bool IsCaseInsensitiveAttr(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "accept",   "align", "checked",  "dir",   "disabled", "method", "multiple", "nowrap",
      "readonly", "rel",   "selected", "shape", "target",   "type",   "valign",   "lang"};
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

class SelectorParser {
 public:
  explicit SelectorParser(std::string_view s) : s_(s) {}

  // A selector list. Returns nullopt when any selector in it is invalid (the rule is dropped,
  // as browsers do). Selectors that target pseudo-elements are left out of the result.
  std::optional<std::vector<Complex>> ParseList() {
    std::vector<Complex> out;
    while (true) {
      SkipSpace();
      bool pseudo_element = false;
      std::optional<Complex> c = ParseComplex(&pseudo_element);
      if (!c) return std::nullopt;
      if (!pseudo_element) out.push_back(std::move(*c));
      SkipSpace();
      if (AtEnd()) break;
      if (s_[i_] != ',') return std::nullopt;
      ++i_;
    }
    return out;
  }

 private:
  bool AtEnd() const { return i_ >= s_.size(); }
  void SkipSpace() {
    while (!AtEnd() && IsSpace(s_[i_])) ++i_;
  }

  static bool IsNameChar(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c >= 0x80;
  }

  // Appends one escaped code point (after the backslash) to `out`.
  bool ReadEscape(std::string* out) {
    if (AtEnd() || s_[i_] == '\n') return false;
    auto hex = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    if (hex(s_[i_])) {
      uint32_t cp = 0;
      int n = 0;
      while (!AtEnd() && n < 6 && hex(s_[i_])) {
        cp = cp * 16 +
             static_cast<uint32_t>(std::strtol(std::string(1, s_[i_]).c_str(), nullptr, 16));
        ++i_;
        ++n;
      }
      if (!AtEnd() && IsSpace(s_[i_])) ++i_;
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
      if (cp < 0x80) {
        out->push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      return true;
    }
    out->push_back(s_[i_++]);
    return true;
  }

  bool ReadIdent(std::string* out) {
    out->clear();
    const size_t start = i_;
    // An escaped first character may be anything, a digit included (".\31 0" is class "10").
    const bool escaped_start = !AtEnd() && s_[i_] == '\\';
    while (!AtEnd()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '\\') {
        ++i_;
        if (!ReadEscape(out)) return false;
      } else if (IsNameChar(c)) {
        out->push_back(static_cast<char>(c));
        ++i_;
      } else {
        break;
      }
    }
    if (i_ == start || out->empty()) return false;
    if (escaped_start) return true;
    const char first = (*out)[0];
    if (first >= '0' && first <= '9') return false;
    if (first == '-' && out->size() > 1 && (*out)[1] >= '0' && (*out)[1] <= '9') return false;
    return true;
  }

  bool ReadString(std::string* out) {
    const char q = s_[i_++];
    out->clear();
    while (!AtEnd() && s_[i_] != q) {
      if (s_[i_] == '\n') return false;
      if (s_[i_] == '\\') {
        ++i_;
        if (!AtEnd() && s_[i_] == '\n') {
          ++i_;
          continue;
        }
        if (!ReadEscape(out)) return false;
      } else {
        out->push_back(s_[i_++]);
      }
    }
    if (AtEnd()) return false;
    ++i_;
    return true;
  }

  std::optional<Complex> ParseComplex(bool* pseudo_element) {
    Complex out;
    Spec spec;
    while (true) {
      std::optional<Compound> c = ParseCompound(&spec, pseudo_element, 0);
      if (!c) return std::nullopt;
      out.compounds.push_back(std::move(*c));
      if (out.compounds.size() > kMaxCompounds) return std::nullopt;
      const size_t before = i_;
      SkipSpace();
      if (AtEnd() || s_[i_] == ',' || s_[i_] == ')') break;
      char comb = ' ';
      if (s_[i_] == '>' || s_[i_] == '+' || s_[i_] == '~') {
        comb = s_[i_++];
        SkipSpace();
      } else if (i_ == before) {
        return std::nullopt;  // two compounds with nothing between them
      }
      if (*pseudo_element) return std::nullopt;  // nothing may follow a pseudo-element
      out.combinators.push_back(comb);
    }
    out.specificity = spec.Packed();
    return out;
  }

  // Parses "(...)" after a functional pseudo-class name; returns the inside.
  std::optional<std::string_view> ReadArgs() {
    if (AtEnd() || s_[i_] != '(') return std::nullopt;
    const size_t close = FindTopLevel(s_, i_ + 1, ")");
    if (close >= s_.size()) return std::nullopt;
    std::string_view inside = s_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    return inside;
  }

  static bool ParseNth(std::string_view arg, int* a, int* b) {
    std::string s;
    for (char c : arg) {
      if (!IsSpace(c)) s.push_back(Lower(c));
    }
    if (s == "odd") {
      *a = 2;
      *b = 1;
      return true;
    }
    if (s == "even") {
      *a = 2;
      *b = 0;
      return true;
    }
    auto parse_int = [](std::string_view t, int* v) {
      if (t.empty() || t.size() > 9) return false;
      int sign = 1;
      if (t[0] == '+' || t[0] == '-') {
        sign = t[0] == '-' ? -1 : 1;
        t.remove_prefix(1);
      }
      if (t.empty()) return false;
      int x = 0;
      for (char c : t) {
        if (c < '0' || c > '9') return false;
        x = x * 10 + (c - '0');
      }
      *v = sign * x;
      return true;
    };
    const size_t n = s.find('n');
    if (n == std::string::npos) {
      *a = 0;
      return parse_int(s, b);
    }
    const std::string_view coef = std::string_view(s).substr(0, n);
    if (coef.empty() || coef == "+") {
      *a = 1;
    } else if (coef == "-") {
      *a = -1;
    } else if (!parse_int(coef, a)) {
      return false;
    }
    const std::string_view rest = std::string_view(s).substr(n + 1);
    if (rest.empty()) {
      *b = 0;
      return true;
    }
    if (rest[0] != '+' && rest[0] != '-') return false;
    return parse_int(rest, b);
  }

  // Arguments of :not()/:is()/:where(): a list of compound selectors. Returns false when they
  // are something else (complex selectors, garbage), which the caller treats as undecidable.
  static bool ParseCompoundList(std::string_view inside, int nest, std::vector<Compound>* out,
                                Spec* max_spec) {
    SelectorParser p(inside);
    while (true) {
      p.SkipSpace();
      Spec spec;
      bool pe = false;
      std::optional<Compound> c = p.ParseCompound(&spec, &pe, nest + 1);
      if (!c || pe) return false;
      out->push_back(std::move(*c));
      if (spec.Packed() > max_spec->Packed()) *max_spec = spec;
      p.SkipSpace();
      if (p.AtEnd()) return true;
      if (p.s_[p.i_] != ',') return false;
      ++p.i_;
    }
  }

  std::optional<Compound> ParseCompound(Spec* spec, bool* pseudo_element, int nest) {
    if (nest > 4) return std::nullopt;
    Compound out;
    bool any = false;
    std::string ident;
    // Type or universal selector, with an optional namespace prefix ("svg|rect", "*|*").
    if (!AtEnd() && (s_[i_] == '*' || s_[i_] == '|' ||
                     IsNameChar(static_cast<unsigned char>(s_[i_])) || s_[i_] == '\\')) {
      std::string name;
      if (s_[i_] == '*') {
        name = "*";
        ++i_;
      } else if (s_[i_] != '|') {
        if (!ReadIdent(&name)) return std::nullopt;
      }
      if (!AtEnd() && s_[i_] == '|' && (i_ + 1 >= s_.size() || s_[i_ + 1] != '=')) {
        ++i_;  // namespace prefix: namespaces are not modelled, the local name decides
        if (!AtEnd() && s_[i_] == '*') {
          name = "*";
          ++i_;
        } else if (!ReadIdent(&name)) {
          return std::nullopt;
        }
      }
      if (name != "*") {
        Simple t;
        t.kind = Simple::Kind::kType;
        t.name = text::AsciiLower(name);
        out.parts.push_back(std::move(t));
        ++spec->c;
      }
      any = true;
    }
    while (!AtEnd()) {
      const char c = s_[i_];
      if (c == '#') {
        ++i_;
        Simple t;
        t.kind = Simple::Kind::kId;
        // An id selector is a hash token: a name that may start with a digit in the source
        // but is invalid as a selector then; ReadIdent rejects it.
        if (!ReadIdent(&t.name)) return std::nullopt;
        out.parts.push_back(std::move(t));
        ++spec->a;
      } else if (c == '.') {
        ++i_;
        Simple t;
        t.kind = Simple::Kind::kClass;
        if (!ReadIdent(&t.name)) return std::nullopt;
        out.parts.push_back(std::move(t));
        ++spec->b;
      } else if (c == '[') {
        ++i_;
        SkipSpace();
        Simple t;
        t.kind = Simple::Kind::kAttr;
        if (!AtEnd() && s_[i_] == '*') ++i_;  // "*|name"
        if (!AtEnd() && s_[i_] == '|' && (i_ + 1 < s_.size() && s_[i_ + 1] != '=')) ++i_;
        if (!ReadIdent(&t.name)) return std::nullopt;
        if (!AtEnd() && s_[i_] == '|' && i_ + 1 < s_.size() && s_[i_ + 1] != '=') {
          ++i_;
          if (!ReadIdent(&t.name)) return std::nullopt;
        }
        t.name = text::AsciiLower(t.name);
        SkipSpace();
        if (AtEnd()) return std::nullopt;
        if (s_[i_] != ']') {
          const char op = s_[i_];
          if (op == '=') {
            t.op = AttrOp::kEquals;
            ++i_;
          } else if (i_ + 1 < s_.size() && s_[i_ + 1] == '=') {
            switch (op) {
              case '~':
                t.op = AttrOp::kIncludes;
                break;
              case '|':
                t.op = AttrOp::kDash;
                break;
              case '^':
                t.op = AttrOp::kPrefix;
                break;
              case '$':
                t.op = AttrOp::kSuffix;
                break;
              case '*':
                t.op = AttrOp::kContains;
                break;
              default:
                return std::nullopt;
            }
            i_ += 2;
          } else {
            return std::nullopt;
          }
          SkipSpace();
          if (AtEnd()) return std::nullopt;
          if (s_[i_] == '"' || s_[i_] == '\'') {
            if (!ReadString(&t.value)) return std::nullopt;
          } else if (!ReadIdent(&t.value)) {
            return std::nullopt;
          }
          SkipSpace();
          if (!AtEnd() && (s_[i_] == 'i' || s_[i_] == 'I' || s_[i_] == 's' || s_[i_] == 'S')) {
            t.case_insensitive = s_[i_] == 'i' || s_[i_] == 'I';
            ++i_;
            SkipSpace();
          } else {
            t.case_insensitive = IsCaseInsensitiveAttr(t.name);
          }
        }
        if (AtEnd() || s_[i_] != ']') return std::nullopt;
        ++i_;
        out.parts.push_back(std::move(t));
        ++spec->b;
      } else if (c == ':') {
        ++i_;
        if (!AtEnd() && s_[i_] == ':') {
          ++i_;
          if (!ReadIdent(&ident)) return std::nullopt;
          if (!AtEnd() && s_[i_] == '(' && !ReadArgs()) return std::nullopt;
          *pseudo_element = true;
          ++spec->c;
          any = true;
          continue;
        }
        if (!ReadIdent(&ident)) return std::nullopt;
        ident = text::AsciiLower(ident);
        // CSS2 pseudo-elements written with one colon.
        if (ident == "before" || ident == "after" || ident == "first-line" ||
            ident == "first-letter") {
          *pseudo_element = true;
          ++spec->c;
          any = true;
          continue;
        }
        Simple t;
        t.kind = Simple::Kind::kPseudo;
        t.name = ident;
        if (!AtEnd() && s_[i_] == '(') {
          std::optional<std::string_view> args = ReadArgs();
          if (!args) return std::nullopt;
          if (ident == "not" || ident == "is" || ident == "where" || ident == "matches" ||
              ident == "-webkit-any") {
            Spec arg_spec;
            if (ParseCompoundList(*args, nest, &t.args, &arg_spec)) {
              t.pseudo = ident == "not" ? Pseudo::kNot : Pseudo::kIs;
            } else {
              t.pseudo = Pseudo::kUnknown;
              t.args.clear();
              arg_spec.b = 1;
            }
            if (ident != "where") {
              spec->a += arg_spec.a;
              spec->b += arg_spec.b;
              spec->c += arg_spec.c;
            }
          } else if (ident == "nth-child" || ident == "nth-last-child" || ident == "nth-of-type" ||
                     ident == "nth-last-of-type") {
            if (ParseNth(*args, &t.a, &t.b)) {
              t.pseudo = ident == "nth-child"        ? Pseudo::kNthChild
                         : ident == "nth-last-child" ? Pseudo::kNthLastChild
                         : ident == "nth-of-type"    ? Pseudo::kNthOfType
                                                     : Pseudo::kNthLastOfType;
            } else {
              t.pseudo = Pseudo::kUnknown;  // "an+b of S" and the like
            }
            ++spec->b;
          } else if (ident == "has" || ident == "lang" || ident == "dir" || ident == "host" ||
                     ident == "host-context" || ident == "state") {
            t.pseudo = Pseudo::kUnknown;
            ++spec->b;
          } else {
            return std::nullopt;  // unknown functional pseudo-class: the selector is invalid
          }
        } else {
          ++spec->b;
          if (ident == "hover" || ident == "focus" || ident == "active" ||
              ident == "focus-within" || ident == "focus-visible" || ident == "visited" ||
              ident == "target" || ident == "target-within" || ident == "fullscreen" ||
              ident == "modal" || ident == "popover-open" || ident == "picture-in-picture" ||
              ident == "playing" || ident == "paused" || ident == "autofill" ||
              ident == "-webkit-autofill" || ident == "user-invalid" || ident == "user-valid" ||
              ident == "drop" || ident == "current" || ident == "past" || ident == "future") {
            t.pseudo = Pseudo::kNever;
          } else if (ident == "root") {
            t.pseudo = Pseudo::kRoot;
          } else if (ident == "empty") {
            t.pseudo = Pseudo::kEmpty;
          } else if (ident == "link" || ident == "any-link") {
            t.pseudo = Pseudo::kLink;
          } else if (ident == "checked") {
            t.pseudo = Pseudo::kChecked;
          } else if (ident == "disabled") {
            t.pseudo = Pseudo::kDisabled;
          } else if (ident == "enabled") {
            t.pseudo = Pseudo::kEnabled;
          } else if (ident == "first-child" || ident == "last-child" || ident == "only-child" ||
                     ident == "first-of-type" || ident == "last-of-type" ||
                     ident == "only-of-type") {
            const bool of_type = ident.find("of-type") != std::string::npos;
            const bool first = ident.starts_with("first");
            const bool last = ident.starts_with("last");
            t.a = 0;
            t.b = 1;
            if (first || last) {
              t.pseudo = of_type ? (first ? Pseudo::kNthOfType : Pseudo::kNthLastOfType)
                                 : (first ? Pseudo::kNthChild : Pseudo::kNthLastChild);
              out.parts.push_back(std::move(t));
            } else {  // only-*: first and last at once
              Simple t2 = t;
              t.pseudo = of_type ? Pseudo::kNthOfType : Pseudo::kNthChild;
              t2.pseudo = of_type ? Pseudo::kNthLastOfType : Pseudo::kNthLastChild;
              out.parts.push_back(std::move(t));
              out.parts.push_back(std::move(t2));
            }
            any = true;
            continue;
          } else if (ident == "scope" || ident == "defined" || ident == "required" ||
                     ident == "optional" || ident == "valid" || ident == "invalid" ||
                     ident == "in-range" || ident == "out-of-range" || ident == "read-only" ||
                     ident == "read-write" || ident == "placeholder-shown" || ident == "default" ||
                     ident == "indeterminate" || ident == "open" || ident == "closed" ||
                     ident == "blank" || ident == "host" || ident == "first" || ident == "left" ||
                     ident == "right") {
            t.pseudo = Pseudo::kUnknown;
          } else if (ident.starts_with("-")) {
            t.pseudo = Pseudo::kUnknown;  // vendor pseudo-classes some engines accept
          } else {
            return std::nullopt;  // unknown pseudo-class: invalid selector
          }
        }
        out.parts.push_back(std::move(t));
      } else {
        break;
      }
      any = true;
    }
    if (!any) return std::nullopt;
    return out;
  }

  std::string_view s_;
  size_t i_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Style rules of the page's sheets that set display or visibility.
struct Decl {
  std::string value;
  bool important = false;
  bool present = false;
};

struct StyleRule {
  std::vector<Complex> selectors;
  Decl display, visibility;
};

// The declaration that wins within one block: the last !important one, else the last one.
void TakeDecl(const Declaration& d, Decl* slot) {
  if (slot->present && slot->important && !d.important) return;
  slot->value = d.value;
  slot->important = d.important;
  slot->present = true;
}

void ParseSheet(std::string_view s, int depth, std::vector<StyleRule>* rules,
                size_t* selector_count) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    if (s.substr(i, 4) == "<!--") {
      i += 4;
      continue;
    }
    if (s.substr(i, 3) == "-->") {
      i += 3;
      continue;
    }
    if (s[i] == '}' || s[i] == ';') {  // stray tokens
      ++i;
      continue;
    }
    if (s[i] == '@') {
      size_t n = i + 1;
      while (n < s.size() && (std::isalnum(static_cast<unsigned char>(s[n])) || s[n] == '-')) ++n;
      const std::string name = text::AsciiLower(s.substr(i + 1, n - i - 1));
      const size_t stop = FindTopLevel(s, n, ";{");
      if (stop >= s.size()) return;
      if (s[stop] == ';') {
        i = stop + 1;  // @import (not fetched), @charset, @namespace, @layer a, b;
        continue;
      }
      const size_t close = MatchingBrace(s, stop);
      const std::string_view prelude = s.substr(n, stop - n);
      const std::string_view body =
          s.substr(stop + 1, (close < s.size() ? close : s.size()) - stop - 1);
      if (depth < 8) {
        if (name == "media") {
          if (MediaListApplies(prelude)) ParseSheet(body, depth + 1, rules, selector_count);
        } else if (name == "supports" || name == "layer" || name == "scope" || name == "document" ||
                   name == "-moz-document") {
          // @supports: assumed supported; @layer: layer order not modelled.
          if (name != "document" && name != "-moz-document") {
            ParseSheet(body, depth + 1, rules, selector_count);
          }
        }
      }
      i = close < s.size() ? close + 1 : s.size();
      continue;
    }
    const size_t open = FindTopLevel(s, i, "{");
    if (open >= s.size()) return;
    const size_t close = MatchingBrace(s, open);
    const std::string_view prelude = s.substr(i, open - i);
    const std::string_view body =
        s.substr(open + 1, (close < s.size() ? close : s.size()) - open - 1);
    i = close < s.size() ? close + 1 : s.size();

    StyleRule rule;
    for (const Declaration& d : ParseDeclarations(body)) {
      if (d.property == "display") TakeDecl(d, &rule.display);
      if (d.property == "visibility") TakeDecl(d, &rule.visibility);
    }
    if (!rule.display.present && !rule.visibility.present) continue;
    if (*selector_count >= kMaxSelectors) continue;
    SelectorParser parser(prelude);
    std::optional<std::vector<Complex>> list = parser.ParseList();
    if (!list || list->empty()) continue;
    for (Complex& c : *list) ComputeAncestorKeys(&c);
    *selector_count += list->size();
    rule.selectors = std::move(*list);
    rules->push_back(std::move(rule));
  }
}

// ---------------------------------------------------------------------------------------------
// Matching, right to left, with a step budget per page.
class Matcher {
 public:
  explicit Matcher(const Document& doc) : doc_(doc) {}

  bool exhausted() const { return budget_ <= 0; }
  // Charges one step for considering a (selector, element) pair.
  void Charge() { --budget_; }

  M MatchComplex(const Complex& c, NodeId e) {
    if (c.compounds.empty()) return M::kNo;
    return MatchFrom(c, c.compounds.size() - 1, e);
  }

 private:
  bool Spend() { return --budget_ > 0; }

  NodeId ParentElement(NodeId e) const {
    const NodeId p = doc_.node(e).parent;
    return p != kNoNode && doc_.node(p).is_element() ? p : kNoNode;
  }

  // Previous element sibling, or kNoNode.
  NodeId PrevElement(NodeId e) {
    const NodeId p = doc_.node(e).parent;
    if (p == kNoNode) return kNoNode;
    NodeId prev = kNoNode;
    for (NodeId c : doc_.node(p).children) {
      if (!Spend()) return kNoNode;
      if (c == e) return prev;
      if (doc_.node(c).is_element()) prev = c;
    }
    return kNoNode;
  }

  M MatchFrom(const Complex& c, size_t k, NodeId e) {
    if (!Spend()) return M::kMaybe;
    M r = MatchCompound(c.compounds[k], e);
    if (r == M::kNo || k == 0) return r;
    const char comb = c.combinators[k - 1];
    M left = M::kNo;
    if (comb == '>') {
      const NodeId p = ParentElement(e);
      left = p == kNoNode ? M::kNo : MatchFrom(c, k - 1, p);
    } else if (comb == ' ') {
      for (NodeId p = ParentElement(e); p != kNoNode && left != M::kYes; p = ParentElement(p)) {
        if (exhausted()) return M::kMaybe;
        left = Or(left, MatchFrom(c, k - 1, p));
      }
    } else if (comb == '+') {
      const NodeId p = PrevElement(e);
      left = p == kNoNode ? M::kNo : MatchFrom(c, k - 1, p);
    } else {  // '~'
      const NodeId parent = doc_.node(e).parent;
      if (parent != kNoNode) {
        for (NodeId s : doc_.node(parent).children) {
          if (s == e || left == M::kYes) break;
          if (exhausted()) return M::kMaybe;
          if (doc_.node(s).is_element()) left = Or(left, MatchFrom(c, k - 1, s));
        }
      }
    }
    if (exhausted() && left == M::kNo) return M::kMaybe;
    return And(r, left);
  }

  M MatchCompound(const Compound& c, NodeId e) {
    M r = M::kYes;
    for (const Simple& s : c.parts) {
      r = And(r, MatchSimple(s, e));
      if (r == M::kNo) break;
    }
    return r;
  }

  static bool EqualsMaybeCi(std::string_view a, std::string_view b, bool ci) {
    return ci ? text::EqualsIgnoreAsciiCase(a, b) : a == b;
  }

  const std::string* AttrCi(NodeId e, std::string_view name) const {
    for (const dom::Attribute& a : doc_.node(e).attrs) {
      if (text::EqualsIgnoreAsciiCase(a.name, name)) return &a.value;
    }
    return nullptr;
  }

  static bool HasToken(std::string_view list, std::string_view token, bool ci) {
    size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && IsSpace(list[i])) ++i;
      size_t j = i;
      while (j < list.size() && !IsSpace(list[j])) ++j;
      if (j > i && EqualsMaybeCi(list.substr(i, j - i), token, ci)) return true;
      i = j;
    }
    return false;
  }

  // 1-based position of `e` among its element siblings (all, or of the same type), counted
  // from the start or from the end.
  int Position(NodeId e, bool of_type, bool from_end) {
    const NodeId p = doc_.node(e).parent;
    if (p == kNoNode) return 1;
    const auto& kids = doc_.node(p).children;
    int pos = 0;
    auto visit = [&](NodeId c) {
      if (!doc_.node(c).is_element()) return false;
      if (of_type && doc_.node(c).tag != doc_.node(e).tag) return false;
      ++pos;
      return c == e;
    };
    if (from_end) {
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
        if (!Spend() || visit(*it)) break;
      }
    } else {
      for (NodeId c : kids) {
        if (!Spend() || visit(c)) break;
      }
    }
    return pos;
  }

  static bool NthMatches(int a, int b, int pos) {
    if (a == 0) return pos == b;
    const int diff = pos - b;
    return diff % a == 0 && diff / a >= 0;
  }

  bool IsDisabledControl(NodeId e) const {
    const dom::Node& n = doc_.node(e);
    if (n.ns != dom::Namespace::kHtml) return false;
    if (n.tag != "button" && n.tag != "input" && n.tag != "select" && n.tag != "textarea" &&
        n.tag != "option" && n.tag != "optgroup" && n.tag != "fieldset") {
      return false;
    }
    return doc_.HasAttr(e, "disabled");
  }

  M MatchSimple(const Simple& s, NodeId e) {
    const dom::Node& n = doc_.node(e);
    switch (s.kind) {
      case Simple::Kind::kType:
        return n.tag == s.name ? M::kYes : M::kNo;
      case Simple::Kind::kId: {
        const std::string* id = doc_.Attr(e, "id");
        return id != nullptr && *id == s.name ? M::kYes : M::kNo;
      }
      case Simple::Kind::kClass: {
        const std::string* cls = doc_.Attr(e, "class");
        return cls != nullptr && HasToken(*cls, s.name, false) ? M::kYes : M::kNo;
      }
      case Simple::Kind::kAttr: {
        const std::string* v = AttrCi(e, s.name);
        if (v == nullptr) return M::kNo;
        const std::string_view val = *v;
        const std::string_view want = s.value;
        const bool ci = s.case_insensitive;
        bool ok = false;
        switch (s.op) {
          case AttrOp::kExists:
            ok = true;
            break;
          case AttrOp::kEquals:
            ok = EqualsMaybeCi(val, want, ci);
            break;
          case AttrOp::kIncludes:
            ok = !want.empty() && HasToken(val, want, ci);
            break;
          case AttrOp::kDash:
            ok = EqualsMaybeCi(val, want, ci) ||
                 (val.size() > want.size() && val[want.size()] == '-' &&
                  EqualsMaybeCi(val.substr(0, want.size()), want, ci));
            break;
          case AttrOp::kPrefix:
            ok = !want.empty() && val.size() >= want.size() &&
                 EqualsMaybeCi(val.substr(0, want.size()), want, ci);
            break;
          case AttrOp::kSuffix:
            ok = !want.empty() && val.size() >= want.size() &&
                 EqualsMaybeCi(val.substr(val.size() - want.size()), want, ci);
            break;
          case AttrOp::kContains:
            if (!want.empty()) {
              if (ci) {
                ok = text::AsciiLower(val).find(text::AsciiLower(want)) != std::string::npos;
              } else {
                ok = val.find(want) != std::string_view::npos;
              }
            }
            break;
        }
        return ok ? M::kYes : M::kNo;
      }
      case Simple::Kind::kPseudo:
        break;
    }
    switch (s.pseudo) {
      case Pseudo::kNever:
        return M::kNo;
      case Pseudo::kUnknown:
        return M::kMaybe;
      case Pseudo::kRoot:
        return n.parent != kNoNode && doc_.node(n.parent).type == dom::NodeType::kDocument ? M::kYes
                                                                                           : M::kNo;
      case Pseudo::kEmpty:
        for (NodeId c : n.children) {
          const dom::Node& k = doc_.node(c);
          if (k.is_element() || (k.is_text() && !k.text.empty())) return M::kNo;
        }
        return M::kYes;
      case Pseudo::kLink:
        return (n.tag == "a" || n.tag == "area") && doc_.HasAttr(e, "href") ? M::kYes : M::kNo;
      case Pseudo::kChecked:
        if (n.tag == "input") return doc_.HasAttr(e, "checked") ? M::kYes : M::kNo;
        if (n.tag == "option") return doc_.HasAttr(e, "selected") ? M::kYes : M::kMaybe;
        return M::kNo;
      case Pseudo::kDisabled:
      case Pseudo::kEnabled: {
        const bool form = n.tag == "button" || n.tag == "input" || n.tag == "select" ||
                          n.tag == "textarea" || n.tag == "option" || n.tag == "optgroup" ||
                          n.tag == "fieldset";
        if (!form) return M::kNo;
        if (IsDisabledControl(e)) return s.pseudo == Pseudo::kDisabled ? M::kYes : M::kNo;
        // Disabled through an ancestor fieldset: not decided here.
        for (NodeId p = n.parent; p != kNoNode; p = doc_.node(p).parent) {
          if (!Spend()) return M::kMaybe;
          if (doc_.IsElement(p, "fieldset") && doc_.HasAttr(p, "disabled")) return M::kMaybe;
        }
        return s.pseudo == Pseudo::kEnabled ? M::kYes : M::kNo;
      }
      case Pseudo::kNthChild:
        return NthMatches(s.a, s.b, Position(e, false, false)) ? M::kYes : M::kNo;
      case Pseudo::kNthLastChild:
        return NthMatches(s.a, s.b, Position(e, false, true)) ? M::kYes : M::kNo;
      case Pseudo::kNthOfType:
        return NthMatches(s.a, s.b, Position(e, true, false)) ? M::kYes : M::kNo;
      case Pseudo::kNthLastOfType:
        return NthMatches(s.a, s.b, Position(e, true, true)) ? M::kYes : M::kNo;
      case Pseudo::kNot:
      case Pseudo::kIs: {
        M any = M::kNo;
        for (const Compound& c : s.args) {
          any = Or(any, MatchCompound(c, e));
          if (any == M::kYes) break;
        }
        return s.pseudo == Pseudo::kNot ? Not(any) : any;
      }
    }
    return M::kMaybe;
  }

  const Document& doc_;
  // Steps per page: selector/element pairs considered plus elements visited while matching.
  // A few million on large real pages; pathological style sheets stop here.
  int64_t budget_ = 60'000'000;
};

// ---------------------------------------------------------------------------------------------
// The cascade for one property.
struct Winner {
  const std::string* value = nullptr;
  uint64_t key = 0;  // importance, inline, specificity, order
};

uint64_t CascadeKey(bool important, bool is_inline, uint32_t specificity, uint32_t order) {
  return (uint64_t{important} << 63) | (uint64_t{is_inline} << 62) |
         (uint64_t{specificity & 0x3FFFFFFF} << 32) | order;
}

void Offer(Winner* w, const Decl& d, uint64_t key) {
  if (!d.present) return;
  if (w->value == nullptr || key >= w->key) {
    w->value = &d.value;
    w->key = key;
  }
}

Display ClassifyDisplay(std::string_view v) {
  // `display` may hold two keywords ("block flow", "inline flex"): the outer one decides.
  const std::vector<std::string_view> words = text::SplitHtmlSpace(v);
  if (words.empty()) return Display::kUnset;
  const std::string_view w = words[0];
  if (w == "none") return Display::kNone;
  if (w == "contents") return Display::kContents;
  if (w == "inherit" || w == "initial" || w == "unset" || w == "revert" || w == "revert-layer") {
    return Display::kUnset;
  }
  if (w.starts_with("inline") || w == "ruby" || w == "ruby-text" || w == "-webkit-inline-box") {
    return Display::kInline;
  }
  return Display::kBlock;
}

Visibility ClassifyVisibility(std::string_view v) {
  if (v == "hidden" || v == "collapse") return Visibility::kHidden;
  if (v == "visible") return Visibility::kVisible;
  if (v == "inherit" || v == "unset") return Visibility::kInherit;
  if (v == "initial") return Visibility::kVisible;
  return Visibility::kUnset;  // revert, invalid values
}

bool HidesDisplay(const Decl& d) { return d.present && ClassifyDisplay(d.value) == Display::kNone; }
bool HidesVisibility(const Decl& d) {
  return d.present && ClassifyVisibility(d.value) == Visibility::kHidden;
}

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Index =
    std::unordered_map<std::string, std::vector<uint32_t>, TransparentHash, std::equal_to<>>;

}  // namespace

std::vector<Declaration> ParseDeclarations(std::string_view block) {
  std::vector<Declaration> out;
  const std::string s = StripComments(block);
  const std::string_view sv = s;
  size_t i = 0;
  while (i < sv.size()) {
    size_t end = FindTopLevel(sv, i, ";");
    // A nested block (CSS nesting) ends the declaration before it; skip the block.
    const size_t brace = FindTopLevel(sv, i, "{");
    if (brace < end) {
      const size_t close = MatchingBrace(sv, brace);
      i = close < sv.size() ? close + 1 : sv.size();
      continue;
    }
    const std::string_view decl = sv.substr(i, end - i);
    i = end < sv.size() ? end + 1 : sv.size();
    const size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    Declaration d;
    d.property = text::AsciiLower(text::TrimHtmlSpace(decl.substr(0, colon)));
    std::string_view value = text::TrimHtmlSpace(decl.substr(colon + 1));
    // "!important", possibly with white space after the "!".
    if (const size_t bang = value.rfind('!'); bang != std::string_view::npos) {
      const std::string_view flag = text::TrimHtmlSpace(value.substr(bang + 1));
      if (text::EqualsIgnoreAsciiCase(flag, "important")) {
        d.important = true;
        value = text::TrimHtmlSpace(value.substr(0, bang));
      }
    }
    if (d.property.empty()) continue;
    d.value = text::AsciiLower(value);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ElementStyle> ComputeAuthorStyles(const Document& doc) {
  std::vector<ElementStyle> styles(doc.size());

  // 1. The page's <style> sheets, in tree order (template contents are inert: skipped).
  std::vector<StyleRule> rules;
  size_t css_bytes = 0, selector_count = 0;
  for (NodeId i = 0; i < doc.size(); ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element()) continue;
    if (n.ns == dom::Namespace::kHtml && n.tag == "template") {
      i = n.subtree_end - 1;
      continue;
    }
    if (n.tag != "style" || n.ns == dom::Namespace::kMathMl) continue;
    if (const std::string* type = doc.Attr(i, "type");
        type != nullptr && !text::IsBlank(*type) &&
        !text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*type), "text/css")) {
      continue;
    }
    if (const std::string* media = doc.Attr(i, "media");
        media != nullptr && !MediaListApplies(*media)) {
      continue;
    }
    std::string sheet = doc.TextContent(i);
    if (css_bytes + sheet.size() > kMaxCssBytes) break;
    css_bytes += sheet.size();
    ParseSheet(StripComments(sheet), 0, &rules, &selector_count);
  }

  // 2. Index every selector by the most selective part of its rightmost compound.
  struct Entry {
    const StyleRule* rule;
    const Complex* selector;
    uint32_t order;
    bool hides_display;
    bool hides_visibility;
  };
  std::vector<Entry> entries;
  Index by_id, by_class, by_tag, by_attr;
  std::vector<uint32_t> universal;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    for (uint32_t s = 0; s < rules[r].selectors.size(); ++s) {
      const auto idx = static_cast<uint32_t>(entries.size());
      entries.push_back({&rules[r], &rules[r].selectors[s], idx, HidesDisplay(rules[r].display),
                         HidesVisibility(rules[r].visibility)});
      const Compound& last = rules[r].selectors[s].compounds.back();
      const Simple* key = nullptr;
      for (const Simple& p : last.parts) {
        if (p.kind == Simple::Kind::kId) {
          key = &p;
          break;
        }
      }
      for (const Simple& p : last.parts) {
        if (key == nullptr && p.kind == Simple::Kind::kClass) key = &p;
      }
      for (const Simple& p : last.parts) {
        if (key == nullptr && p.kind == Simple::Kind::kType) key = &p;
      }
      for (const Simple& p : last.parts) {
        if (key == nullptr && p.kind == Simple::Kind::kAttr) key = &p;
      }
      if (key == nullptr) {
        universal.push_back(idx);
      } else if (key->kind == Simple::Kind::kId) {
        by_id[key->name].push_back(idx);
      } else if (key->kind == Simple::Kind::kClass) {
        by_class[key->name].push_back(idx);
      } else if (key->kind == Simple::Kind::kType) {
        by_tag[key->name].push_back(idx);
      } else {
        by_attr[key->name].push_back(idx);  // attribute names are matched lower case
      }
    }
  }

  // 3. Ancestor Bloom filters (only when some selector needs ancestors).
  std::vector<Bloom> ancestors;
  bool need_filters = false;
  for (const StyleRule& r : rules) {
    for (const Complex& c : r.selectors) need_filters = need_filters || !c.ancestor_keys.empty();
  }
  if (need_filters) {
    ancestors.resize(doc.size());
    for (NodeId e = 1; e < doc.size(); ++e) {
      const NodeId p = doc.node(e).parent;
      if (p == kNoNode) continue;
      ancestors[e] = ancestors[p];
      const dom::Node& pn = doc.node(p);
      if (!pn.is_element()) continue;
      ancestors[e].Add(KeyHash('t', pn.tag));
      if (const std::string* id = doc.Attr(p, "id"); id != nullptr && !id->empty()) {
        ancestors[e].Add(KeyHash('#', *id));
      }
      if (const std::string* cls = doc.Attr(p, "class"); cls != nullptr) {
        for (std::string_view c : text::SplitHtmlSpace(*cls)) ancestors[e].Add(KeyHash('.', c));
      }
    }
  }

  // 4. Per element: matching rules and the style attribute, cascaded.
  Matcher matcher(doc);
  std::vector<std::string_view> seen_classes;
  for (NodeId e = 0; e < doc.size(); ++e) {
    const dom::Node& n = doc.node(e);
    if (!n.is_element()) continue;
    Winner display, visibility;
    bool maybe_display_none = false, maybe_visibility_hidden = false;

    auto consider = [&](uint32_t idx) {
      const Entry& en = entries[idx];
      if (matcher.exhausted()) {
        // Out of budget: a rule that could hide the element makes it "maybe hidden".
        maybe_display_none = maybe_display_none || en.hides_display;
        maybe_visibility_hidden = maybe_visibility_hidden || en.hides_visibility;
        return;
      }
      matcher.Charge();
      const StyleRule& rule = *en.rule;
      const Complex& sel = *en.selector;
      for (size_t key : sel.ancestor_keys) {
        if (!ancestors[e].MayContain(key)) return;
      }
      const M m = matcher.MatchComplex(sel, e);
      if (m == M::kYes) {
        Offer(&display, rule.display,
              CascadeKey(rule.display.important, false, sel.specificity, en.order));
        Offer(&visibility, rule.visibility,
              CascadeKey(rule.visibility.important, false, sel.specificity, en.order));
      } else if (m == M::kMaybe) {
        maybe_display_none = maybe_display_none || en.hides_display;
        maybe_visibility_hidden = maybe_visibility_hidden || en.hides_visibility;
      }
    };
    auto consider_all = [&](const Index& index, std::string_view key) {
      if (auto it = index.find(key); it != index.end()) {
        for (uint32_t idx : it->second) consider(idx);
      }
    };
    if (!entries.empty()) {
      if (const std::string* id = doc.Attr(e, "id"); id != nullptr && !id->empty()) {
        consider_all(by_id, *id);
      }
      if (const std::string* cls = doc.Attr(e, "class"); cls != nullptr) {
        seen_classes.clear();
        for (std::string_view c : text::SplitHtmlSpace(*cls)) {
          if (std::find(seen_classes.begin(), seen_classes.end(), c) != seen_classes.end()) {
            continue;
          }
          seen_classes.push_back(c);
          consider_all(by_class, c);
        }
      }
      consider_all(by_tag, n.tag);
      if (!by_attr.empty()) {
        for (const dom::Attribute& a : n.attrs) consider_all(by_attr, text::AsciiLower(a.name));
      }
      for (uint32_t idx : universal) consider(idx);
    }
    if (const std::string* style = doc.Attr(e, "style"); style != nullptr) {
      Decl d, v;
      for (const Declaration& decl : ParseDeclarations(*style)) {
        if (decl.property == "display") TakeDecl(decl, &d);
        if (decl.property == "visibility") TakeDecl(decl, &v);
      }
      ElementStyle& st = styles[e];
      if (d.present) {
        const uint64_t key = CascadeKey(d.important, true, 0, 0);
        if (display.value == nullptr || key >= display.key) {
          st.display = ClassifyDisplay(d.value);
          display.value = nullptr;
          display.key = key;
        }
      }
      if (v.present) {
        const uint64_t key = CascadeKey(v.important, true, 0, 0);
        if (visibility.value == nullptr || key >= visibility.key) {
          st.visibility = ClassifyVisibility(v.value);
          visibility.value = nullptr;
          visibility.key = key;
        }
      }
    }
    ElementStyle& st = styles[e];
    if (display.value != nullptr) st.display = ClassifyDisplay(*display.value);
    if (visibility.value != nullptr) st.visibility = ClassifyVisibility(*visibility.value);
    // An uncertain rule matters only when what is certain does not already hide the element.
    st.maybe_display_none = maybe_display_none && st.display != Display::kNone;
    st.maybe_visibility_hidden = maybe_visibility_hidden && st.visibility != Visibility::kHidden;
  }
  return styles;
}

}  // namespace verifica::aria::css
