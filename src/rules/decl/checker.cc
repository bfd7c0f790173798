#include "rules/decl/checker.h"

#include <nlohmann/json.hpp>

#include "util/text.h"

namespace verifica::rules::decl {

using nlohmann::json;

namespace {

const char* TypeName(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "an invalid value";
  }
}

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace

std::string PointerJoin(std::string_view base, std::string_view key) {
  std::string out(base);
  out.push_back('/');
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PointerJoin(std::string_view base, size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

std::string FoldedPatternProblem(std::string_view p) {
  for (size_t i = 0; i < p.size();) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == '\\') {
      if (i + 1 >= p.size()) return {};  // RE2 reports the trailing backslash
      const char next = p[i + 1];
      if (next == 'Q') {  // \Q...\E: literal text, checked like the rest
        size_t end = p.find("\\E", i + 2);
        std::string_view lit =
            p.substr(i + 2, end == std::string_view::npos ? std::string_view::npos : end - i - 2);
        if (std::string f = text::Fold(lit); f != lit && !lit.empty()) {
          return "literal '" + std::string(lit) + "' is not folded; write '" + f + "'";
        }
        i = end == std::string_view::npos ? p.size() : end + 2;
        continue;
      }
      if ((next == 'p' || next == 'P') && i + 2 < p.size() && p[i + 2] == '{') {
        size_t close = p.find('}', i + 3);
        i = close == std::string_view::npos ? p.size() : close + 1;
        continue;
      }
      i += 1 + Utf8Length(static_cast<unsigned char>(next));
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      return "tabs and line breaks never occur in folded text; use ' ' or \\s";
    }
    if (c == ' ' && i + 1 < p.size() && p[i + 1] == ' ') {
      return "folded text never has two spaces in a row; use one space or \\s+";
    }
    if (c == '(' && i + 2 < p.size() && p[i + 1] == '?') {
      // Flags group such as (?i) or (?i:...): skip the flag letters, which are upper-case-free.
      size_t j = i + 2;
      while (j < p.size() && ((p[j] >= 'a' && p[j] <= 'z') || p[j] == '-' || p[j] == 'U')) ++j;
      if (j < p.size() && (p[j] == ')' || p[j] == ':')) {
        i = j + 1;
        continue;
      }
      if (p[i + 2] == 'P') {  // (?P<name>...)
        i += 3;
        continue;
      }
    }
    const size_t n = Utf8Length(c);
    std::string_view ch = p.substr(i, n);
    if (ch != " ") {
      std::string f = text::Fold(ch);
      if (f != ch) {
        return "'" + std::string(ch) +
               "' never occurs in folded text (lower case, no accents); write '" + f + "'";
      }
    }
    i += n;
  }
  return {};
}

void Checker::Error(std::string pointer, std::string reason) {
  ++count_;
  if (errors_ != nullptr) errors_->push_back({file_, std::move(pointer), std::move(reason)});
}

void Checker::AllowKeys(const json& obj, const std::string& ptr,
                        std::initializer_list<std::string_view> allowed) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || a == it.key();
    if (!ok) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Error(PointerJoin(ptr, it.key()), "unknown key '" + it.key() + "' (allowed: " + list + ")");
    }
  }
}

std::optional<std::string> Checker::String(const json& obj, std::string_view key,
                                           const std::string& ptr, bool required) {
  const std::string p = PointerJoin(ptr, key);
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(p, "missing");
    return std::nullopt;
  }
  if (!it->is_string()) {
    Error(p, std::string("must be a string, not ") + TypeName(*it));
    return std::nullopt;
  }
  std::string s = it->get<std::string>();
  if (s.empty() && required) {
    Error(p, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> Checker::Int(const json& obj, std::string_view key, const std::string& ptr,
                                    bool required, int64_t min, int64_t max) {
  const std::string p = PointerJoin(ptr, key);
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(p, "missing");
    return std::nullopt;
  }
  if (!it->is_number_integer()) {
    Error(p, std::string("must be an integer, not ") + TypeName(*it));
    return std::nullopt;
  }
  const int64_t v = it->is_number_unsigned()
                        ? static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT64_MAX))
                        : it->get<int64_t>();
  if (v < min || v > max) {
    Error(p, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Checker::Bool(const json& obj, std::string_view key, const std::string& ptr) {
  auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_boolean()) {
    Error(PointerJoin(ptr, key), std::string("must be true or false, not ") + TypeName(*it));
    return std::nullopt;
  }
  return it->get<bool>();
}

std::optional<std::vector<std::string>> Checker::Strings(const json& obj, std::string_view key,
                                                         const std::string& ptr, bool required) {
  const std::string p = PointerJoin(ptr, key);
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(p, "missing");
    return std::nullopt;
  }
  if (!it->is_array()) {
    Error(p, std::string("must be an array of strings, not ") + TypeName(*it));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string() || v.get<std::string>().empty()) {
      Error(PointerJoin(p, i), "must be a non-empty string");
      ok = false;
      continue;
    }
    out.push_back(v.get<std::string>());
  }
  if (required && out.empty() && ok) {
    Error(p, "must not be empty");
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<findings::LocalizedText> Checker::Text(const json& obj, std::string_view key,
                                                     const std::string& ptr, bool required) {
  const std::string p = PointerJoin(ptr, key);
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) Error(p, "missing (needs \"es\" and \"en\")");
    return std::nullopt;
  }
  if (!it->is_object()) {
    Error(p, std::string("must be an object {\"es\": ..., \"en\": ...}, not ") + TypeName(*it));
    return std::nullopt;
  }
  AllowKeys(*it, p, {"es", "en"});
  findings::LocalizedText t;
  bool ok = true;
  for (const char* lang : {"es", "en"}) {
    auto s = it->find(lang);
    if (s == it->end()) {
      Error(PointerJoin(p, lang), std::string("missing ") + lang + " text");
      ok = false;
    } else if (!s->is_string() || text::IsBlank(s->get_ref<const std::string&>())) {
      Error(PointerJoin(p, lang), "must be a non-empty string");
      ok = false;
    } else {
      (std::string_view(lang) == "es" ? t.es : t.en) = s->get<std::string>();
    }
  }
  if (!ok) return std::nullopt;
  return t;
}

std::shared_ptr<const Pattern> Checker::PatternAt(const json& obj, std::string_view key,
                                                  const std::string& ptr, bool required) {
  std::optional<std::string> src = String(obj, key, ptr, required);
  if (!src) return nullptr;
  const std::string p = PointerJoin(ptr, key);
  if (src->empty()) {
    Error(p, "empty pattern");
    return nullptr;
  }
  if (src->size() > options_.max_pattern_length) {
    Error(p, "pattern longer than " + std::to_string(options_.max_pattern_length) + " bytes");
    return nullptr;
  }
  if (!text::IsValidUtf8(*src)) {
    Error(p, "pattern is not valid UTF-8");
    return nullptr;
  }
  if (std::string why = FoldedPatternProblem(*src); !why.empty()) {
    Error(p, "pattern runs on folded text: " + why);
    return nullptr;
  }
  Pattern::Options o;
  o.max_mem = options_.max_pattern_mem;
  auto compiled = Pattern::Compile(*src, o);
  if (!compiled.ok()) {
    Error(p, compiled.status().message() + " (RE2 syntax, memory budget " +
                 std::to_string(options_.max_pattern_mem) + " bytes)");
    return nullptr;
  }
  if ((*compiled)->FullMatch("")) {
    Error(p, "pattern matches the empty text, so it would match every page");
    return nullptr;
  }
  return std::move(compiled).value();
}

}  // namespace verifica::rules::decl
