// `verifica report OUT_DIR`: rebuilds the report formats from the saved report.json files,
// offline. OUT_DIR is a campaign folder (one sub-folder per entity, rebuilt with its index.html
// and summaries) or one entity's folder. Every report.json is read and checked before anything
// is written: a bad one is an input error (exit 2) and leaves every file as it was. Reports are
// read page by page (report/report_reader.h) and written format by format as pages come
// (report/entity_stream.h): memory does not grow with the number of pages.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/packs_options.h"
#include "cli/report_outputs.h"
#include "findings/findings_json.h"
#include "report/entity_stream.h"
#include "report/formats.h"
#include "report/outputs.h"
#include "report/report_reader.h"

namespace verifica::cli {

namespace fs = std::filesystem;

namespace {

struct ReportArgs {
  std::string dir;
  std::vector<std::string> formats;
  std::string lang = "es";
  PacksArgs packs;  // a user's packs, for the titles and help of their rules
};

Result<std::string> ReadText(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return InvalidArgument(p.string() + ": cannot read the file");
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Entity folders in campaign order: the order of an existing summary.json, then the rest by
// name.
std::vector<std::string> EntityFolders(const fs::path& out) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::directory_iterator it(out, ec), end; it != end && !ec; it.increment(ec)) {
    if (it->is_directory(ec) && fs::exists(it->path() / "report.json", ec)) {
      found.push_back(it->path().filename().string());
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> ordered;
  auto summary = ReadText(out / "summary.json");
  if (summary.ok()) {
    nlohmann::json j = nlohmann::json::parse(*summary, nullptr, false);
    if (j.is_object() && j.contains("entities") && j["entities"].is_array()) {
      for (const auto& e : j["entities"]) {
        if (!e.is_object() || !e.contains("report") || !e["report"].is_string()) continue;
        const std::string dir = fs::path(e["report"].get<std::string>()).parent_path().string();
        if (std::find(found.begin(), found.end(), dir) != found.end() &&
            std::find(ordered.begin(), ordered.end(), dir) == ordered.end()) {
          ordered.push_back(dir);
        }
      }
    }
  }
  for (const std::string& d : found) {
    if (std::find(ordered.begin(), ordered.end(), d) == ordered.end()) ordered.push_back(d);
  }
  return ordered;
}

int RunReport(const ReportArgs& a) {
  auto formats = report::NormalizeFormats(a.formats, /*allow_text=*/false);
  if (!formats.ok()) {
    std::cerr << "verifica: " << formats.status().message() << "\n";
    return kExitUsage;
  }
  if (formats->empty()) {
    for (const std::string& f : report::EntityFormatNames()) {
      if (f != "json") formats->push_back(f);
    }
  }
  const fs::path out(a.dir);
  std::error_code ec;
  if (!fs::is_directory(out, ec)) {
    std::cerr << "verifica: " << a.dir << ": no such folder\n";
    return kExitUsage;
  }
  const bool single = fs::exists(out / "report.json", ec);
  const std::vector<std::string> folders =
      single ? std::vector<std::string>{""} : EntityFolders(out);
  if (folders.empty()) {
    std::cerr << "verifica: " << a.dir
              << ": no report.json here nor in its sub-folders (give the --out folder of a scan, "
                 "or one entity's folder)\n";
    return kExitUsage;
  }
  auto reg = BuildRegistry(a.packs);
  if (!reg.ok()) {
    std::cerr << "verifica: " << reg.status().message() << "\n";
    return reg.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitCannotRun;
  }
  const report::Catalog catalog = CatalogOf(**reg);

  // First pass: every report must read back, before anything is written. Pages are read one at
  // a time: what the writers need before the pages (the report without them, the tallies) is
  // kept, not the pages.
  struct Entity {
    std::string folder;
    findings::EntityReport head;
    report::EntityTally tally;
    report::FingerprintContextBuilder fingerprints;
    uint64_t pages = 0;
  };
  std::vector<std::unique_ptr<Entity>> entities;
  std::vector<report::EntitySummary> rows;
  for (const std::string& folder : folders) {
    auto e = std::make_unique<Entity>();
    e->folder = folder;
    e->tally.SetCatalog(&catalog);
    auto r = report::ReadEntityReport(out / folder / "report.json", [&e](findings::PageReport&& p) {
      e->tally.AddPage(p);
      e->fingerprints.AddPage(p);
      ++e->pages;
    });
    if (!r.ok()) {
      std::cerr << "verifica: " << r.status().message() << "\nverifica: nothing was written\n";
      return kExitUsage;
    }
    e->head = std::move(r).value();
    e->tally.SetPortal(e->head.portal);
    e->tally.AddEntityRules(e->head.entity_rules);
    e->fingerprints.AddRules(e->head.entity_rules);
    rows.push_back(e->tally.summary().Finish(
        e->head.entity, static_cast<uint32_t>(e->head.documents.size()), folder));
    rows.back().started_at = e->head.crawl.started_at;
    rows.back().finished_at = e->head.crawl.finished_at;
    entities.push_back(std::move(e));
  }
  // Second pass: each entity's formats written as its pages are read again.
  const bool with_json = std::find(formats->begin(), formats->end(), "json") != formats->end();
  for (const auto& e : entities) {
    report::EntityStreamInput in;
    in.head = &e->head;
    in.pages = e->pages;
    in.tally = &e->tally;
    in.ctx = e->fingerprints.Build();
    in.catalog = &catalog;
    in.lang = a.lang;
    auto writer = report::EntityFilesWriter::Open(out / e->folder, *formats, in, with_json);
    if (!writer.ok()) {
      std::cerr << "verifica: " << writer.status().message() << "\n";
      return kExitUsage;
    }
    auto r =
        report::ReadEntityReport(out / e->folder / "report.json",
                                 [&writer](findings::PageReport&& p) { (*writer)->Page(&p, {}); });
    if (!r.ok()) {
      std::cerr << "verifica: " << r.status().message() << "\n";
      return kExitUsage;
    }
    if (Status s = (*writer)->Finish(); !s.ok()) {
      std::cerr << "verifica: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  if (!single) {
    report::OutputOptions o;
    o.formats = *formats;
    o.lang = a.lang;
    // The campaign's name and packs as the scan recorded them in summary.json.
    const report::CampaignInfo info = report::ReadCampaignInfo(out);
    if (Status s = report::WriteCampaignOutputs(rows, catalog, out, o, info); !s.ok()) {
      std::cerr << "verifica: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  std::string list;
  for (const std::string& f : *formats) list += (list.empty() ? "" : ", ") + f;
  std::cerr << "verifica: " << folders.size() << (folders.size() == 1 ? " report" : " reports")
            << " rebuilt in " << a.dir << " (" << list << (single ? "" : "; index.html, summary")
            << ")\n";
  return kExitOk;
}

}  // namespace

Command AddReportCommand(CLI::App& app) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* sub = app.add_subcommand(
      "report",
      "Rebuild report formats (HTML, SARIF, JUnit, CSV, EARL) from saved report.json "
      "files, offline");
  sub->add_option("dir", a->dir, "OUT_DIR of a scan, or one entity's folder")->required();
  sub->add_option("--format", a->formats,
                  "Formats to rebuild (repeatable or comma-separated): html, sarif, junit, csv, "
                  "earl, json (default: all but json)")
      ->delimiter(',');
  sub->add_option("--lang", a->lang, "Language of the HTML reports and messages: es or en")
      ->check(CLI::IsMember({"es", "en"}));
  AddPacksOptions(sub, &a->packs);
  return {sub, [a] { return RunReport(*a); }};
}

}  // namespace verifica::cli
