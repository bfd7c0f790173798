// wcag-aria-attr-valid-value: Every WAI-ARIA 1.2 state or property with a non-empty value on an
// HTML or SVG element has a value of its type (true/false, tristate, number, token, ...).
//
// WCAG 4.1.2 (A) and 1.3.1 (A) as secondary requirements; ACT 6a7281.
#include "aria/standards.h"
#include "rules/wcag/aria_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// The message for one invalid value: one per value type, so the text can say what is expected.
Verdict FailFor(const aria::AttributeSpec& spec, const std::string& value) {
  const std::string v = ariarules::ClipArg(value);
  switch (spec.type) {
    case aria::ValueType::kTrueFalse:
      return Fail("fail-true-false", {spec.name, v});
    case aria::ValueType::kTrueFalseUndefined:
      return Fail("fail-true-false-undefined", {spec.name, v});
    case aria::ValueType::kTristate:
      return Fail("fail-tristate", {spec.name, v});
    case aria::ValueType::kInteger:
      return Fail("fail-integer", {spec.name, v});
    case aria::ValueType::kNumber:
      return Fail("fail-number", {spec.name, v});
    case aria::ValueType::kIdRef:
      return Fail("fail-idref", {spec.name, v});
    case aria::ValueType::kIdRefList:
      return Fail("fail-idref-list", {spec.name, v});
    case aria::ValueType::kToken:
      return Fail("fail-token", {spec.name, v, ariarules::JoinList(spec.values, 12)});
    case aria::ValueType::kTokenList:
      return Fail("fail-token-list", {spec.name, v, ariarules::JoinList(spec.values, 12)});
    case aria::ValueType::kString:
      break;
  }
  return Fail("fail-many", {spec.name + "=\"" + v + "\""});
}

}  // namespace

std::vector<std::string> AriaAttrValidValueRule::Tags() const { return {}; }

std::optional<Verdict> AriaAttrValidValueRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Node& n = ctx.doc.node(node);
  if (!ariarules::IsHtmlOrSvg(n)) return std::nullopt;
  std::vector<const dom::Attribute*> invalid;
  const aria::AttributeSpec* first_spec = nullptr;
  size_t tested = 0;
  for (const dom::Attribute& a : n.attrs) {
    if (a.value.empty()) continue;  // an empty value is the same as no value
    const aria::AttributeSpec* spec = aria::FindAttribute(a.name);
    if (spec == nullptr) continue;  // not a WAI-ARIA 1.2 state or property
    ++tested;
    if (aria::IsValidValue(*spec, a.value)) continue;
    if (invalid.empty()) first_spec = spec;
    invalid.push_back(&a);
  }
  if (tested == 0) return std::nullopt;
  if (invalid.empty()) return Pass("pass", {std::to_string(tested)});
  if (invalid.size() == 1) return FailFor(*first_spec, invalid[0]->value);
  std::vector<std::string> pairs;
  for (const dom::Attribute* a : invalid) {
    pairs.push_back(text::AsciiLower(a->name) + "=\"" + ariarules::ClipArg(a->value, 40) + "\"");
  }
  return Fail("fail-many", {ariarules::JoinList(pairs)});
}

}  // namespace verifica::rules
