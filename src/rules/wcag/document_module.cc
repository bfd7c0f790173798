#include "rules/wcag/document_rules.h"

namespace verifica::rules {

Status RegisterDocumentRules(RuleRegistry& r) {
  for (Status s : {
           r.Add<PageTitleRule>("wcag", "wcag-page-title"),
           r.Add<HtmlLangRule>("wcag", "wcag-html-lang"),
           r.Add<HtmlLangValidRule>("wcag", "wcag-html-lang-valid"),
           r.Add<ElementLangValidRule>("wcag", "wcag-element-lang-valid"),
           r.Add<MetaRefreshRule>("wcag", "wcag-meta-refresh"),
           r.Add<ViewportZoomRule>("wcag", "wcag-viewport-zoom"),
           r.Add<AutocompleteRule>("wcag", "wcag-autocomplete-valid"),
       }) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace verifica::rules
