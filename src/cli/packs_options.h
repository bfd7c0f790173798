// Command-line options shared by the commands that run obligation packs (check, scan,
// validate-rules): --packs DIR adds a user's packs to the embedded ones, --today fixes the date
// freshness rules judge against (reproducible runs and tests).
#ifndef VERIFICA_CLI_PACKS_OPTIONS_H_
#define VERIFICA_CLI_PACKS_OPTIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "rules/decl/catalog.h"
#include "rules/decl/dates.h"
#include "rules/engine/registry.h"
#include "util/status.h"

namespace CLI {
class App;
}

namespace verifica::cli {

struct PacksArgs {
  std::vector<std::string> dirs;  // --packs (files or folders of pack .json files)
  std::string today;              // --today YYYY-MM-DD; empty = the current UTC date
};

// Adds --packs and --today to `sub`.
void AddPacksOptions(CLI::App* sub, PacksArgs* args);

// --today, or today's UTC date. A malformed --today is an InvalidArgument error.
Result<rules::decl::CivilDate> ResolveToday(const PacksArgs& args);

// The embedded packs plus --packs, validated against the built-in rule ids of `builtins`. On
// any error the status (InvalidArgument) lists every error, one per line, as
// "file: /json/pointer: reason". Loaded once per set of --packs paths and shared.
Result<std::shared_ptr<const rules::decl::PackCatalog>> LoadPackCatalog(
    const PacksArgs& args, const rules::RuleRegistry& builtins);

// Adds the pack rules of `args` to `registry` (which already holds the built-in rules).
Status RegisterPacks(rules::RuleRegistry& registry, const PacksArgs& args);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_PACKS_OPTIONS_H_
