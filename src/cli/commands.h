// Each subcommand adds itself to the CLI11 app and returns the function that runs it once the
// command line has been parsed. One file per subcommand: <name>_command.cc.
#ifndef VERIFICA_CLI_COMMANDS_H_
#define VERIFICA_CLI_COMMANDS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli/packs_options.h"
#include "findings/findings.h"
#include "rules/engine/registry.h"

namespace CLI {
class App;
}

namespace verifica::cli {

struct Command {
  CLI::App* sub = nullptr;
  std::function<int()> run;
};

Command AddCheckCommand(CLI::App& app);
Command AddRulesCommand(CLI::App& app);
Command AddScanCommand(CLI::App& app);
Command AddValidateRulesCommand(CLI::App& app);
Command AddReportCommand(CLI::App& app);  // rebuild report formats from report.json files
Command AddDiffCommand(CLI::App& app);    // compare two reports finding by finding

// The full rule catalog: C++ WCAG rules (and, when loaded, obligation packs).
// `packs`: --packs and --today (packs_options.h); a bad pack is an InvalidArgument error.
Result<std::unique_ptr<rules::RuleRegistry>> BuildRegistry(const PacksArgs& packs = {});

// Reports and their exit code: 1 if a rule failed with impact at or above `fail_on`.
int ExitCodeFor(const std::vector<findings::PageReport>& pages, findings::Impact fail_on);

// Writes `text` to `path` (atomically: a temporary file renamed into place), or to stdout
// when `path` is empty or "-". Returns false and prints why on failure.
bool WriteOutput(const std::string& path, const std::string& text);

// "text", "json", ... validated by CLI11; impact names for --fail-on.
std::vector<std::string> ImpactNames();

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_COMMANDS_H_
