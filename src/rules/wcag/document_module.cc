#include "rules/wcag/document_rules.h"

namespace verifica::rules {

Status RegisterDocumentRules(RuleRegistry& r) {
  for (Status s : {
           r.Add<PageTitleRule>("wcag", "wcag-page-title"),
       }) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace verifica::rules
