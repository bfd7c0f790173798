// The verifica command line (DESIGN.md "Command line"): subcommands check, scan, rules,
// validate-rules. Exit codes: 0 no failure at or above --fail-on, 1 failures, 2 usage or input
// error (nothing checked), 3 the run could not be carried out.
#ifndef VERIFICA_CLI_APP_H_
#define VERIFICA_CLI_APP_H_

namespace verifica::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitCannotRun = 3;

int Main(int argc, char** argv);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_APP_H_
