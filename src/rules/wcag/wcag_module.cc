#include "rules/wcag/wcag_module.h"

#include "rules/wcag/aria_rules.h"
#include "rules/wcag/document_rules.h"
#include "rules/wcag/name_rules.h"

namespace verifica::rules {

Status RegisterWcagRules(RuleRegistry& registry) {
  if (Status s = RegisterDocumentRules(registry); !s.ok()) return s;
  if (Status s = RegisterNameRules(registry); !s.ok()) return s;
  if (Status s = RegisterAriaRules(registry); !s.ok()) return s;
  return Status::Ok();
}

}  // namespace verifica::rules
