// Output of `verifica check`: a readable text summary per page (es/en) and the JSON document
// {"tool": {...}, "pages": [PageReport...]} of DESIGN.md.
#ifndef VERIFICA_REPORT_CHECK_OUTPUT_H_
#define VERIFICA_REPORT_CHECK_OUTPUT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"

namespace verifica::report {

// Rule catalog entries by id, for titles and help in outputs.
using Catalog = std::map<std::string, findings::RuleInfo, std::less<>>;

struct TextOptions {
  std::string lang = "es";            // "es" or "en"
  bool color = false;                 // ANSI colours (only on a TTY and without NO_COLOR)
  size_t max_findings_per_rule = 10;  // shown per rule and page; the rest are counted
};

std::string RenderCheckText(const std::vector<findings::PageReport>& pages, const Catalog& catalog,
                            const TextOptions& options);

std::string RenderCheckJson(const std::vector<findings::PageReport>& pages);

// Localised text for a page error kind ("empty", "not-found", ...).
findings::LocalizedText PageErrorText(const findings::PageError& error);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_CHECK_OUTPUT_H_
