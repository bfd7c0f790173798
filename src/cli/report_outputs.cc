#include "cli/report_outputs.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/app.h"
#include "cli/commands.h"
#include "report/earl.h"
#include "report/escape.h"
#include "report/formats.h"
#include "report/i18n.h"
#include "report/outputs.h"

namespace verifica::cli {

report::Catalog CatalogOf(const rules::RuleRegistry& registry) {
  report::Catalog catalog;
  for (const auto& r : registry.rules()) catalog.emplace(r->id(), r->meta());
  return catalog;
}

void AddGateOptions(CLI::App* sub, GateArgs* args) {
  if (sub->get_option_no_throw("--fail-on") == nullptr) {
    sub->add_option("--fail-on", args->fail_on,
                    "Exit 1 when a rule fails with this impact or higher (default serious)")
        ->check(CLI::IsMember(ImpactNames()));
  }
  sub->add_option("--max-failures", args->max_failures,
                  "Failed elements at or above --fail-on tolerated before exiting 1 (default 0)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--baseline", args->baseline,
                  "An earlier report.json (or scan output folder): only findings that are new "
                  "since then make the run fail");
}

Result<std::optional<report::Baseline>> LoadBaseline(const GateArgs& args) {
  if (args.baseline.empty()) return std::optional<report::Baseline>();
  auto b = report::Baseline::Load(args.baseline);
  if (!b.ok()) return InvalidArgument("--baseline " + b.status().message());
  return std::optional<report::Baseline>(std::move(*b));
}

uint64_t GatedFailures(const findings::EntityReport& report, const GateArgs& args,
                       const report::Baseline* baseline, std::string_view lang, bool sole_entity) {
  const findings::Impact fail_on =
      findings::ImpactFromString(args.fail_on).value_or(findings::Impact::kSerious);
  const findings::EntityReport* before =
      baseline ? baseline->For(report.entity.id, sole_entity) : nullptr;
  if (baseline == nullptr) return report::CountGatedFailures(report, fail_on);
  const findings::EntityReport empty;
  const report::ReportDiff diff = report::DiffReports(before ? *before : empty, report);
  uint64_t new_failed = 0;
  for (const report::DiffEntry& e : diff.added)
    new_failed += e.outcome == findings::Outcome::kFailed;
  const report::Messages& m = report::Messages::For(lang);
  const std::string name = report.entity.name.empty() ? report.entity.id : report.entity.name;
  std::cerr << "verifica: " << report::TerminalText(name) << ": "
            << m.Format("diff.counts",
                        {std::to_string(diff.added.size()), std::to_string(new_failed),
                         std::to_string(diff.fixed.size()), std::to_string(diff.unchanged.size()),
                         std::to_string(diff.unverified.size())})
            << "\n";
  return report::CountGatedFailures(report, fail_on, &diff);
}

int GateExitCode(uint64_t counted, const GateArgs& args) {
  return counted > args.max_failures ? kExitFailures : kExitOk;
}

namespace fs = std::filesystem;

Status ProbeWritableFolder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    return InvalidArgument("cannot write to " + dir + ": cannot create this folder (" +
                           (ec ? ec.message() : std::string("a file has that name")) + ")");
  }
  const fs::path probe = fs::path(dir) / (".verifica-probe-" + std::to_string(::getpid()));
  {
    std::ofstream f(probe, std::ios::binary);
    if (!f) return InvalidArgument("cannot write to " + dir + ": the folder is not writable");
  }
  fs::remove(probe, ec);
  return Status::Ok();
}

Result<std::vector<std::string>> PrepareCheckOutputs(const std::vector<std::string>& formats,
                                                     const std::string& output) {
  auto list = report::NormalizeFormats(formats, /*allow_text=*/true);
  if (!list.ok()) return list.status();
  if (list->empty()) list->push_back("text");
  if (list->size() > 1) {
    if (output.empty() || output == "-") {
      return InvalidArgument(
          "several --format values write one file each: give -o FOLDER for them");
    }
    if (Status s = ProbeWritableFolder(output); !s.ok()) return s;
  } else if (!output.empty() && output != "-") {
    const fs::path parent = fs::absolute(fs::path(output)).parent_path();
    std::error_code ec;
    if (fs::is_directory(output, ec)) {
      return InvalidArgument("cannot write " + output + ": it is a folder; -o names the file");
    }
    if (!fs::is_directory(parent, ec)) {
      return InvalidArgument("cannot write " + output + ": the folder " + parent.string() +
                             " does not exist");
    }
    if (Status s = ProbeWritableFolder(parent.string()); !s.ok()) return s;
  }
  return list;
}

namespace {

std::string RenderCheckFormat(const std::string& format, const findings::EntityReport& entity,
                              const report::Catalog& catalog, const std::string& lang, bool color) {
  if (format == "text") {
    report::TextOptions to;
    to.lang = lang;
    to.color = color;
    return report::RenderCheckText(entity.pages, catalog, to);
  }
  if (format == "json") return report::RenderCheckJson(entity.pages);
  if (format == "earl") return report::RenderEarl(entity.pages);
  return report::RenderEntityFormat(format, entity, catalog, lang);
}

}  // namespace

int WriteCheckOutputs(const findings::EntityReport& entity, const report::Catalog& catalog,
                      const std::vector<std::string>& formats, const std::string& output,
                      const std::string& lang) {
  if (formats.size() == 1) {
    const bool color = (output.empty() || output == "-") && ::isatty(STDOUT_FILENO) &&
                       std::getenv("NO_COLOR") == nullptr;
    return WriteOutput(output, RenderCheckFormat(formats.front(), entity, catalog, lang, color))
               ? kExitOk
               : kExitUsage;
  }
  std::vector<std::pair<fs::path, std::string>> files;
  for (const std::string& f : formats) {
    std::string name = f == "text" ? "check.txt" : f == "json" ? "check.json" : "";
    if (name.empty()) name = std::string(report::FindFormat(f)->file);
    files.emplace_back(fs::path(output) / name, RenderCheckFormat(f, entity, catalog, lang, false));
  }
  if (Status s = report::WriteFilesAtomic(files); !s.ok()) {
    std::cerr << "verifica: " << s.message() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

std::string CheckEntityName(const std::vector<std::string>& inputs) {
  if (inputs.empty()) return "verifica check";
  if (inputs.size() == 1) return inputs.front();
  return inputs.front() + " (+" + std::to_string(inputs.size() - 1) + ")";
}

}  // namespace verifica::cli
