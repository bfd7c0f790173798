// The report formats `--format` selects and the file each one is written to in an entity
// folder (DESIGN.md "Report layout"):
//   json  report.json        the source of truth (always written by scan)
//   html  report.html        for people, es/en
//   sarif report.sarif       SARIF 2.1.0
//   junit report.junit.xml   JUnit XML
//   csv   findings.csv       one row per finding
//   earl  report.earl.json   EARL 1.0 JSON-LD (report/earl.h)
// `check` also knows "text" (its terminal summary, report.txt when written to a folder).
#ifndef VERIFICA_REPORT_FORMATS_H_
#define VERIFICA_REPORT_FORMATS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "util/status.h"

namespace verifica::report {

struct FormatInfo {
  std::string_view name;
  std::string_view file;
};

// Every entity format, report.json first.
std::span<const FormatInfo> EntityFormats();
// The format named `name`, or nullptr.
const FormatInfo* FindFormat(std::string_view name);
// Names of the entity formats ("json", "html", ...), for option checks and help.
std::vector<std::string> EntityFormatNames();
// Splits "html,sarif" lists, drops duplicates (keeping order), and rejects unknown names.
Result<std::vector<std::string>> NormalizeFormats(const std::vector<std::string>& requested,
                                                  bool allow_text);

// The text of one entity format ("json", "html", "sarif", "junit", "csv", "earl").
std::string RenderEntityFormat(std::string_view format, const findings::EntityReport& report,
                               const Catalog& catalog, std::string_view lang);

// The entity report of a `check` run: its pages under a synthetic entity ("check").
findings::EntityReport EntityFromCheck(std::vector<findings::PageReport> pages, std::string name,
                                       std::string started_at, std::string finished_at);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_FORMATS_H_
