// Shared declaration macro for the C++ WCAG rules. Each rule is one class: metadata in
// rules/wcag/<id>.json, doc in rules/wcag/<id>.md, fixtures in fixtures/rules/<id>/, code in
// src/rules/wcag/<name>_rule.cc. Rules are grouped (document, aria, names), each group with its
// own header and Register*Rules function, so groups can grow independently.
#ifndef VERIFICA_RULES_WCAG_WCAG_RULES_H_
#define VERIFICA_RULES_WCAG_WCAG_RULES_H_

#include "rules/engine/registry.h"
#include "rules/engine/rule.h"

#define VERIFICA_DECLARE_RULE(Class)                                                \
  class Class final : public ::verifica::rules::Rule {                              \
   public:                                                                          \
    using Rule::Rule;                                                               \
    std::vector<std::string> Tags() const override;                                 \
    std::optional<::verifica::rules::Verdict> Check(                                \
        ::verifica::dom::NodeId node, ::verifica::rules::PageContext& ctx) const override; \
  };

#endif  // VERIFICA_RULES_WCAG_WCAG_RULES_H_
