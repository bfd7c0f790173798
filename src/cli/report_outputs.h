// What `check` and `scan` share for report formats and CI gating: the catalog of the rules run,
// --format/--fail-on/--max-failures/--baseline options, and the gate that turns results into the
// exit code (DESIGN.md: 0 nothing at or above --fail-on, 1 failures).
#ifndef VERIFICA_CLI_REPORT_OUTPUTS_H_
#define VERIFICA_CLI_REPORT_OUTPUTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "findings/findings.h"
#include "report/baseline.h"
#include "report/check_output.h"
#include "report/gate.h"
#include "report/outputs.h"
#include "rules/engine/registry.h"
#include "util/status.h"

namespace CLI {
class App;
}

namespace verifica::cli {

// Catalog entries (titles, help, WCAG, legal basis) of every rule in the registry.
report::Catalog CatalogOf(const rules::RuleRegistry& registry);

// The CI gating options, shared by check and scan.
struct GateArgs {
  std::string fail_on = "serious";
  uint64_t max_failures = 0;
  std::string baseline;  // report.json, an entity folder or a campaign OUT folder
};

// Adds --fail-on, --max-failures and --baseline to `sub` (unless it already has --fail-on).
void AddGateOptions(CLI::App* sub, GateArgs* args);

// The loaded baseline, when --baseline was given; an input error otherwise.
Result<std::optional<report::Baseline>> LoadBaseline(const GateArgs& args);

// Counts the failures that gate `report` (new ones when `baseline` has this entity), prints a
// one-line comparison to stderr when there is a baseline, and returns the count.
// `sole_entity`: the run has only this entity (a one-report baseline then applies whatever its id).
uint64_t GatedFailures(const findings::EntityReport& report, const GateArgs& args,
                       const report::Baseline* baseline, std::string_view lang, bool sole_entity);

// kExitFailures when `counted` exceeds --max-failures, else kExitOk.
int GateExitCode(uint64_t counted, const GateArgs& args);

// Fails unless a file can be created in `dir` (creating `dir` if needed): checked before a run
// so that an unwritable output is an input error (exit 2) rather than a lost scan.
Status ProbeWritableFolder(const std::string& dir);

// check's --format values ("text", "json", "html", "sarif", "junit", "csv", "earl"; repeatable
// or comma-separated) and its -o: one format goes to stdout or to the file -o names; several
// need -o naming a folder, where each is written under its report name (check.txt, check.json,
// report.html, ...). Returns the formats, or an input error; checks -o is writable.
Result<std::vector<std::string>> PrepareCheckOutputs(const std::vector<std::string>& formats,
                                                     const std::string& output);

// Writes check's outputs; kExitOk, or the exit code after printing why.
int WriteCheckOutputs(const findings::EntityReport& entity, const report::Catalog& catalog,
                      const std::vector<std::string>& formats, const std::string& output,
                      const std::string& lang);

// The name check's reports give their pages: the input, or the first one and how many more.
std::string CheckEntityName(const std::vector<std::string>& inputs);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_REPORT_OUTPUTS_H_
