// `verifica diff OLD NEW`: compares two reports of the same entity finding by finding (new,
// fixed, unchanged, not checked again) — report.json files, entity folders or `check --format
// json` output. Exit 1 when there are new failures at or above --fail-on (beyond
// --max-failures), so the command can gate CI on its own; 2 on unreadable input.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/report_outputs.h"
#include "report/baseline.h"

namespace verifica::cli {

namespace {

struct DiffArgs {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string lang = "es";
  std::string output;
  GateArgs gate;
};

int RunDiff(const DiffArgs& a) {
  auto before = report::LoadComparableReport(a.before);
  if (!before.ok()) {
    std::cerr << "verifica: " << before.status().message() << "\n";
    return kExitUsage;
  }
  auto after = report::LoadComparableReport(a.after);
  if (!after.ok()) {
    std::cerr << "verifica: " << after.status().message() << "\n";
    return kExitUsage;
  }
  if (!before->entity.id.empty() && !after->entity.id.empty() &&
      before->entity.id != after->entity.id) {
    std::cerr << "verifica: note: comparing reports of different entities (" << before->entity.id
              << " and " << after->entity.id << ")\n";
  }
  const report::ReportDiff diff = report::DiffReports(*before, *after);
  std::string text;
  if (a.format == "json") {
    text = report::RenderDiffJson(diff, *before, *after);
  } else {
    report::Catalog catalog;
    if (auto reg = BuildRegistry(); reg.ok()) catalog = CatalogOf(**reg);
    const bool color =
        a.output.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    text = report::RenderDiffText(diff, *before, *after, catalog, a.lang, color);
  }
  if (!WriteOutput(a.output, text)) return kExitUsage;
  const findings::Impact fail_on =
      findings::ImpactFromString(a.gate.fail_on).value_or(findings::Impact::kSerious);
  return GateExitCode(report::CountGatedFailures(*after, fail_on, &diff), a.gate);
}

}  // namespace

Command AddDiffCommand(CLI::App& app) {
  auto a = std::make_shared<DiffArgs>();
  CLI::App* sub = app.add_subcommand(
      "diff", "Compare two reports of an entity: new, fixed and unchanged findings");
  sub->add_option("old", a->before, "Earlier report.json (or entity folder, or check JSON)")
      ->required();
  sub->add_option("new", a->after, "Later report.json (or entity folder, or check JSON)")
      ->required();
  sub->add_option("--format", a->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--lang", a->lang, "Language of the text output: es or en")
      ->check(CLI::IsMember({"es", "en"}));
  sub->add_option("-o,--output", a->output, "Write the comparison to FILE instead of stdout");
  sub->add_option("--fail-on", a->gate.fail_on,
                  "Exit 1 when a new failure has this impact or higher (default serious)")
      ->check(CLI::IsMember(ImpactNames()));
  sub->add_option("--max-failures", a->gate.max_failures,
                  "New failed elements tolerated before exiting 1 (default 0)")
      ->check(CLI::NonNegativeNumber);
  return {sub, [a] { return RunDiff(*a); }};
}

}  // namespace verifica::cli
