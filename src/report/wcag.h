// WCAG 2.2 success criteria as data (reports/templates/wcag22.json, embedded): the plain-language
// name of each criterion in es/en, its level and its Understanding document, so reports can say
// "1.1.1 Contenido no textual (nivel A)" rather than a bare number.
#ifndef VERIFICA_REPORT_WCAG_H_
#define VERIFICA_REPORT_WCAG_H_

#include <string>
#include <string_view>

#include "findings/findings.h"

namespace verifica::report {

struct Criterion {
  std::string level;  // "A", "AA", "AAA"
  std::string slug;   // Understanding document name, e.g. "non-text-content"
  findings::LocalizedText name;
};

// The criterion "1.1.1", or nullptr when the table does not know it.
const Criterion* FindCriterion(std::string_view sc);

// "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html"; empty when unknown.
std::string UnderstandingUrl(std::string_view sc);

// The principle of a criterion: '1'..'4' from its first digit, or 0 when it has none.
char PrincipleOf(std::string_view sc);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_WCAG_H_
