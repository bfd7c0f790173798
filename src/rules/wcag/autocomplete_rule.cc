// wcag-autocomplete-valid: the autocomplete attribute of a form field is a
// valid list of autofill tokens with a known field name (WCAG 1.3.5, ACT
// 73f2c2).
#include <array>
#include <cstdint>
#include <string>

#include "rules/wcag/document_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

using aria::Tri;

// HTML's autofill control groups: which controls a field name is meant for.
enum class Group : uint8_t {
  kText,
  kMultiline,
  kPassword,
  kUrl,
  kEmail,
  kTel,
  kNumeric,
  kMonth,
  kDate,
  kUsername
};

struct FieldName {
  std::string_view name;
  Group group;
  bool contact;  // may follow home / work / mobile / fax / pager
};

// The autofill field names of the HTML Living Standard ("Autofilling form
// controls: the autocomplete attribute"), with their control group.
constexpr std::array<FieldName, 54> kFieldNames = {{
    {"name", Group::kText, false},
    {"honorific-prefix", Group::kText, false},
    {"given-name", Group::kText, false},
    {"additional-name", Group::kText, false},
    {"family-name", Group::kText, false},
    {"honorific-suffix", Group::kText, false},
    {"nickname", Group::kText, false},
    {"username", Group::kUsername, false},
    {"new-password", Group::kPassword, false},
    {"current-password", Group::kPassword, false},
    {"one-time-code", Group::kPassword, false},
    {"organization-title", Group::kText, false},
    {"organization", Group::kText, false},
    {"street-address", Group::kMultiline, false},
    {"address-line1", Group::kText, false},
    {"address-line2", Group::kText, false},
    {"address-line3", Group::kText, false},
    {"address-level4", Group::kText, false},
    {"address-level3", Group::kText, false},
    {"address-level2", Group::kText, false},
    {"address-level1", Group::kText, false},
    {"country", Group::kText, false},
    {"country-name", Group::kText, false},
    {"postal-code", Group::kText, false},
    {"cc-name", Group::kText, false},
    {"cc-given-name", Group::kText, false},
    {"cc-additional-name", Group::kText, false},
    {"cc-family-name", Group::kText, false},
    {"cc-number", Group::kText, false},
    {"cc-exp", Group::kMonth, false},
    {"cc-exp-month", Group::kNumeric, false},
    {"cc-exp-year", Group::kNumeric, false},
    {"cc-csc", Group::kText, false},
    {"cc-type", Group::kText, false},
    {"transaction-currency", Group::kText, false},
    {"transaction-amount", Group::kNumeric, false},
    {"language", Group::kText, false},
    {"bday", Group::kDate, false},
    {"bday-day", Group::kNumeric, false},
    {"bday-month", Group::kNumeric, false},
    {"bday-year", Group::kNumeric, false},
    {"sex", Group::kText, false},
    {"url", Group::kUrl, false},
    {"photo", Group::kUrl, false},
    {"tel", Group::kTel, true},
    {"tel-country-code", Group::kText, true},
    {"tel-national", Group::kText, true},
    {"tel-area-code", Group::kText, true},
    {"tel-local", Group::kText, true},
    {"tel-local-prefix", Group::kText, true},
    {"tel-local-suffix", Group::kText, true},
    {"tel-extension", Group::kText, true},
    {"email", Group::kEmail, true},
    {"impp", Group::kUrl, true},
}};

const FieldName* FindField(std::string_view token) {
  for (const FieldName& f : kFieldNames) {
    if (f.name == token) return &f;
  }
  return nullptr;
}

bool IsContactModifier(std::string_view t) {
  return t == "home" || t == "work" || t == "mobile" || t == "fax" ||
         t == "pager";
}
bool IsAddressModifier(std::string_view t) {
  return t == "shipping" || t == "billing";
}
bool IsSection(std::string_view t) { return t.substr(0, 8) == "section-"; }

// A token that belongs somewhere in the grammar (used to tell "out of order"
// from "unknown").
bool IsKnownToken(std::string_view t) {
  return IsSection(t) || IsAddressModifier(t) || IsContactModifier(t) ||
         FindField(t) != nullptr || t == "webauthn" || t == "on" || t == "off";
}

// The input type's state: the lower-cased type attribute, "text" when missing
// or unknown.
std::string InputType(const dom::Document& doc, dom::NodeId id) {
  static constexpr std::array<std::string_view, 22> kTypes = {
      "hidden",   "text",  "search", "tel",      "url",   "email",
      "password", "date",  "month",  "week",     "time",  "datetime-local",
      "number",   "range", "color",  "checkbox", "radio", "file",
      "submit",   "image", "reset",  "button"};
  const std::string* type = doc.Attr(id, "type");
  if (type == nullptr) return "text";
  const std::string lower = text::AsciiLower(*type);
  for (std::string_view t : kTypes) {
    if (lower == t) return lower;
  }
  return "text";
}

// Whether the field name's control group applies to this control (HTML's table
// of control groups): textarea, select and input type=hidden take every group;
// other inputs by type.
bool GroupFitsControl(Group g, const dom::Document& doc, dom::NodeId id,
                      const std::string& type) {
  if (!doc.IsElement(id, "input") || type == "hidden") return true;
  if (type == "text" || type == "search") return g != Group::kMultiline;
  switch (g) {
    case Group::kPassword:
      return type == "password";
    case Group::kUrl:
      return type == "url";
    case Group::kEmail:
      return type == "email";
    case Group::kTel:
      return type == "tel";
    case Group::kNumeric:
      return type == "number";
    case Group::kMonth:
      return type == "month";
    case Group::kDate:
      return type == "date";
    case Group::kUsername:
      return type == "email";
    case Group::kText:
    case Group::kMultiline:
      return false;
  }
  return false;
}

// ACT "disabled element": actually disabled, or aria-disabled=true on it or an
// ancestor.
bool IsDisabledElement(PageContext& ctx, dom::NodeId id) {
  const dom::Document& doc = ctx.doc;
  if (doc.HasAttr(id, "disabled") || ctx.aria.IsDisabled(id)) return true;
  for (dom::NodeId p = id; p != dom::kNoNode; p = doc.node(p).parent) {
    const std::string* v = doc.Attr(p, "aria-disabled");
    if (v != nullptr &&
        text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*v), "true"))
      return true;
  }
  return false;
}

// Part of sequential focus navigation: these controls are, unless a tabindex
// value below zero takes them out. The value follows HTML's rules for parsing
// integers (leading white space, an optional sign, then digits; anything after
// them ignored); an invalid value counts as absent.
bool InSequentialFocusNavigation(const dom::Document& doc, dom::NodeId id) {
  const std::string* tabindex = doc.Attr(id, "tabindex");
  if (tabindex == nullptr) return true;
  std::string_view v = text::TrimHtmlSpace(*tabindex);
  const bool negative = !v.empty() && v.front() == '-';
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
  size_t digits = 0;
  bool nonzero = false;
  while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') {
    nonzero = nonzero || v[digits] != '0';
    ++digits;
  }
  if (digits == 0) return true;
  return !(negative && nonzero);
}

bool IsWidgetRole(std::string_view role) {
  // WAI-ARIA 1.2 widget roles, standalone and composite.
  static constexpr std::array<std::string_view, 29> kWidgets = {
      "button",        "checkbox",   "gridcell",
      "link",          "menuitem",   "menuitemcheckbox",
      "menuitemradio", "option",     "progressbar",
      "radio",         "scrollbar",  "searchbox",
      "separator",     "slider",     "spinbutton",
      "switch",        "tab",        "tabpanel",
      "textbox",       "treeitem",   "combobox",
      "grid",          "listbox",    "menu",
      "menubar",       "radiogroup", "tablist",
      "tree",          "treegrid"};
  for (std::string_view w : kWidgets) {
    if (role == w) return true;
  }
  return false;
}

// Matches the tokens against the autofill detail grammar:
//   [section-*] [shipping|billing] ([home|work|mobile|fax|pager] contact-field
//   | field) [webauthn]
// Returns the verdict for a list that breaks it, or the field name when it
// holds.
struct TokenCheck {
  std::optional<Verdict> failure;
  const FieldName* field = nullptr;
};

TokenCheck CheckTokens(const std::vector<std::string>& tokens) {
  TokenCheck out;
  for (const std::string& t : tokens) {
    if (t.find(',') != std::string::npos) {
      out.failure = Fail("fail-comma", {t});
      return out;
    }
  }
  if (tokens.size() > 1) {
    for (const std::string& t : tokens) {
      if (t == "on" || t == "off") {
        out.failure = Fail("fail-toggle", {t});
        return out;
      }
    }
  }
  size_t i = 0;
  const size_t n = tokens.size();
  if (i < n && IsSection(tokens[i])) ++i;
  if (i < n && IsAddressModifier(tokens[i])) ++i;
  const std::string* contact = nullptr;
  if (i < n && IsContactModifier(tokens[i])) contact = &tokens[i++];
  if (i >= n) {
    out.failure = Fail("fail-no-field");
    return out;
  }
  const FieldName* field = FindField(tokens[i]);
  if (field == nullptr) {
    out.failure = IsKnownToken(tokens[i]) ? Fail("fail-order", {tokens[i]})
                                          : Fail("fail-unknown", {tokens[i]});
    return out;
  }
  if (contact != nullptr && !field->contact) {
    out.failure = Fail("fail-contact", {*contact, tokens[i]});
    return out;
  }
  ++i;
  if (i < n && tokens[i] == "webauthn") ++i;
  if (i < n) {
    // A modifier after the field name is misplaced; anything else is one token
    // too many.
    const std::string& t = tokens[i];
    const bool modifier =
        IsSection(t) || IsAddressModifier(t) || IsContactModifier(t);
    out.failure = modifier ? Fail("fail-order", {t}) : Fail("fail-extra", {t});
    return out;
  }
  out.field = field;
  return out;
}

}  // namespace

std::vector<std::string> AutocompleteRule::Tags() const {
  return {"input", "select", "textarea"};
}

std::optional<Verdict> AutocompleteRule::Check(dom::NodeId node,
                                               PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (doc.node(node).ns != dom::Namespace::kHtml) return std::nullopt;
  const std::string* attr = doc.Attr(node, "autocomplete");
  if (attr == nullptr) return std::nullopt;
  std::vector<std::string> tokens;
  for (std::string_view t : text::SplitHtmlSpace(*attr)) {
    tokens.push_back(text::AsciiLower(text::TruncateUtf8(t, 64)));
  }
  if (tokens.empty()) return std::nullopt;
  if (tokens.size() == 1 && (tokens[0] == "on" || tokens[0] == "off"))
    return std::nullopt;
  const bool is_input = doc.IsElement(node, "input");
  const std::string type = is_input ? InputType(doc, node) : std::string();
  // Fixed value: controls that do not take typed input. Hidden inputs are not
  // rendered.
  if (is_input && (type == "button" || type == "checkbox" || type == "file" ||
                   type == "image" || type == "radio" || type == "reset" ||
                   type == "submit" || type == "hidden")) {
    return std::nullopt;
  }
  if (IsDisabledElement(ctx, node)) return std::nullopt;
  // Hidden: neither visible nor in the accessibility tree.
  const Tri hidden = ctx.aria.IsHidden(node);
  const Tri invisible = ctx.aria.IsInvisible(node);
  if (hidden == Tri::kYes && invisible == Tri::kYes) return std::nullopt;
  const bool maybe_hidden = hidden != Tri::kNo && invisible != Tri::kNo;
  // Static: out of sequential focus navigation with a role that is not a
  // widget.
  if (!InSequentialFocusNavigation(doc, node)) {
    const std::string_view role = ctx.aria.Role(node);
    if (!role.empty() && !IsWidgetRole(role)) return std::nullopt;
  }

  const std::string shown(text::TruncateUtf8(*attr, 120));
  const TokenCheck check = CheckTokens(tokens);
  if (check.failure) {
    if (maybe_hidden) return Review("review-hidden", {shown});
    return *check.failure;
  }
  if (!GroupFitsControl(check.field->group, doc, node, type)) {
    const std::string control =
        is_input ? "input type=" + type : doc.node(node).tag;
    return Review("review-control", {std::string(check.field->name), control});
  }
  return Pass("pass", {shown});
}

}  // namespace verifica::rules
