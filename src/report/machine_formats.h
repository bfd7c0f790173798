// Reports for machines, rendered from an entity report:
//   SARIF 2.1.0 (report.sarif) for code-scanning dashboards,
//   JUnit XML (report.junit.xml) for GitLab/Jenkins test views,
//   CSV of findings (findings.csv) for spreadsheets.
// Each finding carries its fingerprint (report/fingerprint.h). Page-derived text is escaped for
// the format (XML references, CSV quoting with formulas neutralised; JSON by the serialiser).
#ifndef VERIFICA_REPORT_MACHINE_FORMATS_H_
#define VERIFICA_REPORT_MACHINE_FORMATS_H_

#include <string>
#include <string_view>

#include "findings/findings.h"
#include "report/check_output.h"

namespace verifica::report {

// SARIF level for an impact: critical and serious → "error", moderate → "warning",
// minor → "note".
std::string_view SarifLevel(findings::Impact impact);

// One run; tool.driver.rules lists every rule that ran (with help URIs and WCAG tags); one result
// per failed or cantTell finding (cantTell as kind "review"); pages that could not be checked
// and rules that broke as tool execution notifications.
std::string RenderSarif(const findings::EntityReport& report, const Catalog& catalog,
                        std::string_view lang);

// One <testsuite> per page (and one for entity-wide rules), one <testcase> per rule: <failure>
// for failed, <skipped> for cantTell and inapplicable, <error> when the rule or the page broke.
std::string RenderJunit(const findings::EntityReport& report, const Catalog& catalog,
                        std::string_view lang);

// One row per failed or cantTell finding (a failed rule with no listed element gets one row).
std::string RenderFindingsCsv(const findings::EntityReport& report, const Catalog& catalog,
                              std::string_view lang);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_MACHINE_FORMATS_H_
