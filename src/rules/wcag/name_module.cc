#include "rules/wcag/name_rules.h"

namespace verifica::rules {

Status RegisterNameRules(RuleRegistry& /*r*/) { return Status::Ok(); }

}  // namespace verifica::rules
