// WAI-ARIA 1.2 tables, loaded once from the embedded src/aria/data/aria-1.2.json.
#include "aria/standards.h"

#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "util/embedded.h"
#include "util/text.h"

namespace verifica::aria {
namespace {

using nlohmann::json;

constexpr std::string_view kDataFile = "src/aria/data/aria-1.2.json";

struct Tables {
  std::vector<AttributeSpec> attributes;  // sorted by name
  std::vector<RoleSpec> roles;            // sorted by name
  // Per role (same index): every ancestor role index, the role itself first; the union of
  // supported and required attributes of the role and its ancestors; the union of prohibited
  // attributes; the required attributes in order. Attribute lists are sorted for binary search.
  std::vector<std::vector<size_t>> ancestors;
  std::vector<std::vector<std::string>> allowed;
  std::vector<std::vector<std::string>> prohibited;
  std::vector<std::vector<std::string>> required;
  std::vector<std::string> draft_attributes;  // sorted
  std::vector<std::string> draft_roles;       // sorted
  bool loaded = false;
};

template <typename T>
const T* FindByName(const std::vector<T>& v, std::string_view name) {
  auto it = std::lower_bound(v.begin(), v.end(), name,
                             [](const T& a, std::string_view n) { return a.name < n; });
  if (it == v.end() || it->name != name) return nullptr;
  return &*it;
}

bool SortedContains(const std::vector<std::string>& v, std::string_view s) {
  return std::binary_search(v.begin(), v.end(), s,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

std::vector<std::string> StringList(const json& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) return out;
  for (const json& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

bool Flag(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

ValueType ParseType(const std::string& t) {
  if (t == "true/false") return ValueType::kTrueFalse;
  if (t == "true/false/undefined") return ValueType::kTrueFalseUndefined;
  if (t == "tristate") return ValueType::kTristate;
  if (t == "idref") return ValueType::kIdRef;
  if (t == "idrefs") return ValueType::kIdRefList;
  if (t == "integer") return ValueType::kInteger;
  if (t == "number") return ValueType::kNumber;
  if (t == "token") return ValueType::kToken;
  if (t == "tokens") return ValueType::kTokenList;
  return ValueType::kString;
}

NameFrom ParseNameFrom(const json& obj) {
  auto it = obj.find("nameFrom");
  if (it == obj.end() || !it->is_string()) return NameFrom::kAuthor;
  const std::string v = it->get<std::string>();
  if (v == "contents") return NameFrom::kContentsAndAuthor;
  if (v == "prohibited") return NameFrom::kProhibited;
  return NameFrom::kAuthor;
}

void Derive(Tables& t) {
  const size_t n = t.roles.size();
  t.ancestors.assign(n, {});
  t.allowed.assign(n, {});
  t.prohibited.assign(n, {});
  t.required.assign(n, {});
  auto index_of = [&](std::string_view name) -> size_t {
    const RoleSpec* r = FindByName(t.roles, name);
    return r == nullptr ? n : static_cast<size_t>(r - t.roles.data());
  };
  for (size_t i = 0; i < n; ++i) {
    // Breadth-first over superclasses; the visited list guards against cycles in the data.
    std::vector<size_t>& anc = t.ancestors[i];
    anc.push_back(i);
    for (size_t k = 0; k < anc.size(); ++k) {
      for (const std::string& s : t.roles[anc[k]].superclasses) {
        const size_t j = index_of(s);
        if (j < n && std::find(anc.begin(), anc.end(), j) == anc.end()) anc.push_back(j);
      }
    }
    for (size_t j : anc) {
      const RoleSpec& r = t.roles[j];
      for (const std::string& a : r.supported) t.allowed[i].push_back(a);
      for (const std::string& a : r.required) {
        t.allowed[i].push_back(a);
        if (std::find(t.required[i].begin(), t.required[i].end(), a) == t.required[i].end()) {
          t.required[i].push_back(a);
        }
      }
      for (const std::string& a : r.prohibited) t.prohibited[i].push_back(a);
    }
    for (auto* v : {&t.allowed[i], &t.prohibited[i]}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }
}

Tables Load() {
  Tables t;
  std::optional<std::string_view> data = embedded::Find(kDataFile);
  if (!data) return t;
  try {
    const json doc = json::parse(data->begin(), data->end(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object()) return t;
    auto attrs = doc.find("attributes");
    auto roles = doc.find("roles");
    if (attrs == doc.end() || !attrs->is_object() || roles == doc.end() || !roles->is_object()) {
      return t;
    }
    for (const auto& [name, a] : attrs->items()) {
      if (!a.is_object()) continue;
      AttributeSpec spec;
      spec.name = name;
      auto type = a.find("type");
      spec.type = ParseType(type != a.end() && type->is_string() ? type->get<std::string>() : "");
      spec.values = StringList(a, "values");
      spec.global = Flag(a, "global");
      spec.deprecated = Flag(a, "deprecated");
      t.attributes.push_back(std::move(spec));
    }
    for (const auto& [name, r] : roles->items()) {
      if (!r.is_object()) continue;
      RoleSpec spec;
      spec.name = name;
      spec.abstract = Flag(r, "abstract");
      spec.superclasses = StringList(r, "superclasses");
      spec.required = StringList(r, "required");
      spec.supported = StringList(r, "supported");
      spec.prohibited = StringList(r, "prohibited");
      spec.name_from = ParseNameFrom(r);
      spec.name_required = Flag(r, "nameRequired");
      spec.children_presentational = Flag(r, "childrenPresentational");
      spec.required_context = StringList(r, "requiredContext");
      spec.required_owned = StringList(r, "requiredOwned");
      t.roles.push_back(std::move(spec));
    }
    if (auto draft = doc.find("draft"); draft != doc.end() && draft->is_object()) {
      t.draft_attributes = StringList(*draft, "attributes");
      t.draft_roles = StringList(*draft, "roles");
    }
  } catch (const std::exception&) {
    return Tables{};
  }
  std::sort(t.draft_attributes.begin(), t.draft_attributes.end());
  std::sort(t.draft_roles.begin(), t.draft_roles.end());
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(t.attributes.begin(), t.attributes.end(), by_name);
  std::sort(t.roles.begin(), t.roles.end(), by_name);
  Derive(t);
  t.loaded = !t.attributes.empty() && !t.roles.empty();
  return t;
}

const Tables& T() {
  static const Tables tables = Load();
  return tables;
}

// Names in the tables are lower case; look-ups are ASCII case-insensitive.
std::string Lower(std::string_view s) { return text::AsciiLower(s); }

size_t RoleIndex(const RoleSpec& role) {
  const Tables& t = T();
  // A RoleSpec of the tables answers from its index; a copy is looked up by name.
  const std::less<const RoleSpec*> before;
  if (t.roles.empty() || before(&role, t.roles.data()) ||
      !before(&role, t.roles.data() + t.roles.size())) {
    const RoleSpec* r = FindByName(t.roles, role.name);
    return r == nullptr ? t.roles.size() : static_cast<size_t>(r - t.roles.data());
  }
  return static_cast<size_t>(&role - t.roles.data());
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// HTML "valid integer": optional '-', then one or more ASCII digits.
bool IsInteger(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), IsAsciiDigit);
}

// HTML "valid floating-point number": optional '-', digits with an optional fraction (or a
// fraction alone), optional exponent.
bool IsNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t int_digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++frac_digits;
    if (frac_digits == 0) return false;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

bool IsOneOf(const std::vector<std::string>& values, std::string_view token) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return text::EqualsIgnoreAsciiCase(v, token); });
}

}  // namespace

const AttributeSpec* FindAttribute(std::string_view name) {
  return FindByName(T().attributes, Lower(name));
}

const RoleSpec* FindRole(std::string_view name) { return FindByName(T().roles, Lower(name)); }

std::span<const AttributeSpec> AllAttributes() { return T().attributes; }
std::span<const RoleSpec> AllRoles() { return T().roles; }

bool TablesLoaded() { return T().loaded; }

bool IsAttributeAllowed(const RoleSpec& role, std::string_view attr) {
  const Tables& t = T();
  const std::string name = Lower(attr);
  const AttributeSpec* spec = FindByName(t.attributes, name);
  if (spec == nullptr) return false;
  const size_t i = RoleIndex(role);
  if (i >= t.roles.size()) return spec->global;
  if (SortedContains(t.prohibited[i], name)) return false;
  return spec->global || SortedContains(t.allowed[i], name);
}

bool IsProhibited(const RoleSpec& role, std::string_view attr) {
  const Tables& t = T();
  const size_t i = RoleIndex(role);
  if (i >= t.roles.size()) return false;
  return SortedContains(t.prohibited[i], Lower(attr));
}

bool IsSubclassOf(const RoleSpec& role, std::string_view ancestor) {
  const Tables& t = T();
  const size_t i = RoleIndex(role);
  if (i >= t.roles.size()) return false;
  const std::string name = Lower(ancestor);
  return std::any_of(t.ancestors[i].begin(), t.ancestors[i].end(),
                     [&](size_t j) { return t.roles[j].name == name; });
}

std::vector<std::string> RequiredAttributes(const RoleSpec& role) {
  const Tables& t = T();
  const size_t i = RoleIndex(role);
  if (i >= t.roles.size()) return role.required;
  return t.required[i];
}

bool IsDraftAttribute(std::string_view name) {
  return SortedContains(T().draft_attributes, Lower(name));
}

bool IsDraftRole(std::string_view name) { return SortedContains(T().draft_roles, Lower(name)); }

bool IsValidValue(const AttributeSpec& attr, std::string_view value) {
  // Leading and trailing white space are not part of tokens, numbers or ID references.
  const std::string_view v = text::TrimHtmlSpace(value);
  auto is = [&](std::string_view word) { return text::EqualsIgnoreAsciiCase(v, word); };
  switch (attr.type) {
    case ValueType::kString:
      return true;
    case ValueType::kTrueFalse:
      return is("true") || is("false");
    case ValueType::kTrueFalseUndefined:
      return is("true") || is("false") || is("undefined");
    case ValueType::kTristate:
      return is("true") || is("false") || is("mixed") || is("undefined");
    case ValueType::kIdRef:
      return !v.empty() && std::none_of(v.begin(), v.end(), text::IsHtmlSpace);
    case ValueType::kIdRefList:
      return !v.empty();
    case ValueType::kInteger:
      return IsInteger(v);
    case ValueType::kNumber:
      return IsNumber(v);
    case ValueType::kToken:
      return IsOneOf(attr.values, v);
    case ValueType::kTokenList: {
      const std::vector<std::string_view> tokens = text::SplitHtmlSpace(v);
      if (tokens.empty()) return false;
      return std::all_of(tokens.begin(), tokens.end(),
                         [&](std::string_view tok) { return IsOneOf(attr.values, tok); });
    }
  }
  return false;
}

}  // namespace verifica::aria
