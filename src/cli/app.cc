#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/config.h"

namespace verifica::cli {

int Main(int argc, char** argv) {
  CLI::App app{
      "verifica: audits public portals for accessibility (WCAG 2.2, W3C ACT rules) and for\n"
      "transparency and personal-data obligations, and writes verification reports."};
  app.set_version_flag("--version", std::string("verifica ") + VERIFICA_VERSION);
  app.require_subcommand(1, 1);
  app.set_help_all_flag("--help-all", "Show the help of every subcommand");
  std::vector<Command> commands = {AddCheckCommand(app), AddScanCommand(app),
                                   AddRulesCommand(app), AddValidateRulesCommand(app), AddReportCommand(app),
                                   AddDiffCommand(app)};
  // After every subcommand: the JSON config file (--config, ./verifica.json), --print-config.
  const ConfigSupport config = ConfigSupport::Install(app, argc, argv);
  try {
    app.parse(argc, argv);
    if (config.print_requested()) {
      std::cout << EffectiveConfig(app);
      return kExitOk;
    }
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message (and the help hint) to stderr
    return kExitUsage;
  }
  for (const Command& c : commands) {
    if (c.sub != nullptr && c.sub->parsed()) {
      try {
        return c.run();
      } catch (const std::exception& e) {
        std::cerr << "verifica: internal error: " << e.what() << "\n";
        return kExitCannotRun;
      }
    }
  }
  std::cerr << "verifica: no command given; see 'verifica --help'\n";
  return kExitUsage;
}

}  // namespace verifica::cli
