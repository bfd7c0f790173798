// The configuration file: every option of every subcommand can be set in a JSON file,
// `verifica.json` in the current folder (read when present) or the file named by --config.
// Command-line flags override it; --print-config prints the effective configuration (the file's
// values merged with the flags and the defaults) as a JSON document that can be used as a
// config file. Keys are long option names without dashes, under the subcommand's name:
//   {"check": {"format": ["html", "sarif"], "fail-on": "moderate", "max-failures": 3},
//    "scan": {"max-pages": 200, "lang": "en"}}
// Flags take true/false, numeric options numbers, repeatable options an array (or one value),
// the others strings. An unknown key, a wrong type or a file that is not JSON is an error
// (exit 2) naming the file and the key. The parser is plugged into CLI11 as its config
// formatter, so options added to any subcommand are covered without listing them here.
#ifndef VERIFICA_CLI_CONFIG_H_
#define VERIFICA_CLI_CONFIG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace CLI {
class App;
struct ConfigItem;
}  // namespace CLI

namespace verifica::cli {

inline constexpr std::string_view kDefaultConfigFile = "verifica.json";

class ConfigSupport {
 public:
  // Installs --config and --print-config on `app` once every subcommand has been added, and
  // lets both be given after the subcommand's name. `argv` is only looked at for
  // --print-config, which relaxes required positional arguments (nothing runs).
  static ConfigSupport Install(CLI::App& app, int argc, char** argv);

  // True when --print-config was given; the caller then prints EffectiveConfig and stops.
  bool print_requested() const { return *print_; }

 private:
  std::shared_ptr<bool> print_ = std::make_shared<bool>(false);
};

// The config file's entries as CLI11 items, every key and type checked against the options of
// `root` and its subcommands. `source` names the file in error messages.
Result<std::vector<CLI::ConfigItem>> ParseConfigJson(std::string_view text, const CLI::App& root,
                                                     std::string_view source);

// The effective configuration of the subcommands that were given (all subcommands when none
// was), as a JSON document ending in a newline.
std::string EffectiveConfig(const CLI::App& root);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_CONFIG_H_
