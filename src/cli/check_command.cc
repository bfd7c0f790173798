#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/page_check.h"
#include "cli/report_outputs.h"
#include "fetch/fetch_one.h"
#include "report/check_output.h"
#include "report/earl.h"
#include "report/formats.h"
#include "util/text.h"
#include "util/time.h"
#include "util/url.h"

namespace verifica::cli {

namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> formats;  // text (default), json, earl, html, sarif, junit, csv
  std::string output;
  std::string rules;
  std::string lang = "es";
  GateArgs gate;  // --fail-on, --max-failures, --baseline
  bool include_passes = false;
  PacksArgs packs;  // --packs, --today
  bool allow_private = false;
  unsigned jobs = 0;
  double max_page_mb = 32;
};

struct Source {
  std::string url;   // http(s) URL, or file:// URL of a local file
  std::string path;  // local path, empty for URLs
};

bool IsHtmlFile(const fs::path& p) {
  std::string ext = text::AsciiLower(p.extension().string());
  return ext == ".html" || ext == ".htm";
}

// Expands the command line's PATH|URL arguments. Missing paths and empty directories are
// input errors (exit 2): a typo must not pass as "no problems found".
Result<std::vector<Source>> Expand(const std::vector<std::string>& inputs) {
  std::vector<Source> out;
  for (const std::string& in : inputs) {
    if (url::IsHttp(in)) {
      auto norm = url::Normalize(in);
      if (!norm.ok()) return InvalidArgument(in + ": " + norm.status().message());
      out.push_back({*norm, ""});
      continue;
    }
    std::string path = in;
    if (text::StartsWithIgnoreAsciiCase(in, "file://")) {
      auto p = url::ToPath(in);
      if (!p.ok()) return InvalidArgument(in + ": " + p.status().message());
      path = *p;
    } else if (in.find("://") != std::string::npos) {
      return InvalidArgument(in + ": only http, https and file URLs can be checked");
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      return InvalidArgument(path + ": no such file or directory");
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      for (fs::recursive_directory_iterator
               it(path, fs::directory_options::skip_permission_denied, ec),
           end;
           it != end && !ec; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsHtmlFile(it->path())) files.push_back(it->path().string());
      }
      if (ec) return InvalidArgument(path + ": cannot list the directory: " + ec.message());
      if (files.empty()) {
        return InvalidArgument(path + ": no .html or .htm files in this directory");
      }
      std::sort(files.begin(), files.end());
      for (std::string& f : files) out.push_back({url::FromPath(f), f});
    } else {
      out.push_back({url::FromPath(path), path});
    }
  }
  return out;
}

PageInput Load(const Source& s, const CheckArgs& a, std::optional<findings::PageError>* error) {
  PageInput in;
  in.url = s.url;
  in.fetched_at = NowRfc3339();
  const auto max_bytes = static_cast<uint64_t>(a.max_page_mb * 1024 * 1024);
  if (!s.path.empty()) {
    in.content_type = html::ContentTypeForPath(s.path);
    std::error_code ec;
    const uintmax_t size = fs::file_size(s.path, ec);
    if (!ec && size > max_bytes) {
      *error = findings::PageError{"too-large",
                                   std::to_string(size) + " bytes, above the limit of " +
                                       std::to_string(max_bytes) + " bytes (--max-page-mb)"};
      in.status = 0;
      return in;
    }
    std::ifstream f(s.path, std::ios::binary);
    if (!f) {
      *error = findings::PageError{"unreadable", s.path + ": permission denied or not a file"};
      in.status = 0;
      return in;
    }
    // Read in blocks (not byte by byte through stream iterators); the size above is a hint only.
    if (!ec) in.body.reserve(static_cast<size_t>(size));
    char block[64 * 1024];
    while (f.read(block, sizeof block) || f.gcount() > 0) {
      in.body.append(block, static_cast<size_t>(f.gcount()));
    }
    in.status = 200;
    return in;
  }
  fetch::FetchLimits limits;
  limits.allow_private = a.allow_private;
  limits.max_body_bytes = max_bytes;
  fetch::FetchedResource r = fetch::FetchOne(s.url, limits);
  in.final_url = r.final_url;
  in.status = static_cast<int>(r.status);
  in.content_type = r.content_type;
  if (!r.ok()) {
    *error = findings::PageError{r.error_kind, r.error_message};
    return in;
  }
  in.body = std::move(r.body);
  return in;
}

int RunCheck(const CheckArgs& a) {
  const std::string started_at = NowRfc3339();
  auto sources = Expand(a.inputs);
  if (!sources.ok()) {
    std::cerr << "verifica: " << sources.status().message() << "\n";
    return kExitUsage;
  }
  auto formats = PrepareCheckOutputs(a.formats, a.output);
  if (!formats.ok()) {
    std::cerr << "verifica: " << formats.status().message() << "\n";
    return kExitUsage;
  }
  auto baseline = LoadBaseline(a.gate);
  if (!baseline.ok()) {
    std::cerr << "verifica: " << baseline.status().message() << "\n";
    return kExitUsage;
  }
  auto reg = BuildRegistry(a.packs);
  if (!reg.ok()) {
    std::cerr << "verifica: " << reg.status().message() << "\n";
    return reg.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitCannotRun;
  }
  auto selected = (*reg)->Select(a.rules);
  if (!selected.ok()) {
    std::cerr << "verifica: " << selected.status().message() << "\n";
    return kExitUsage;
  }
  CheckOptions options;
  options.run.include_passes = a.include_passes;
  options.parse.max_bytes = static_cast<size_t>(a.max_page_mb * 1024 * 1024);

  std::vector<findings::PageReport> pages(sources->size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < sources->size(); i = next++) {
      std::optional<findings::PageError> error;
      PageInput in = Load((*sources)[i], a, &error);
      if (error) {
        findings::PageReport p;
        p.url = in.url;
        p.final_url = in.final_url.empty() ? in.url : in.final_url;
        p.status = in.status;
        p.content_type = in.content_type;
        p.fetched_at = in.fetched_at;
        p.error = std::move(error);
        pages[i] = std::move(p);
      } else {
        pages[i] = CheckPage(in, *selected, options);
      }
    }
  };
  unsigned jobs = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(sources->size()));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  report::Catalog catalog;
  for (const rules::Rule* r : *selected) catalog.emplace(r->id(), r->meta());
  const findings::EntityReport entity = report::EntityFromCheck(
      std::move(pages), CheckEntityName(a.inputs), started_at, NowRfc3339());
  if (int rc = WriteCheckOutputs(entity, catalog, *formats, a.output, a.lang); rc != kExitOk) {
    return rc;
  }

  const bool all_errored = std::all_of(entity.pages.begin(), entity.pages.end(),
                                       [](const findings::PageReport& p) { return p.error; });
  if (all_errored) {
    std::cerr << "verifica: no page could be checked\n";
    return kExitCannotRun;
  }
  const report::Baseline* base = baseline->has_value() ? &**baseline : nullptr;
  return GateExitCode(GatedFailures(entity, a.gate, base, a.lang, /*sole_entity=*/true), a.gate);
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* sub = app.add_subcommand(
      "check", "Check pages without crawling: files, directories (every .html/.htm) or URLs");
  sub->add_option("inputs", a->inputs, "PATH|URL...")->required();
  sub->add_option("--format", a->formats,
                  "Output format: text (default), json, earl, html, sarif, junit or csv; "
                  "repeatable or comma-separated (several need -o FOLDER)")
      ->delimiter(',');
  sub->add_option("-o,--output", a->output,
                  "Write the output to FILE instead of stdout (a FOLDER for several formats)");
  sub->add_option("--rules", a->rules,
                  "Rules to run: comma-separated globs, '-' to exclude ('wcag-*,-wcag-meta-*')");
  sub->add_option("--lang", a->lang, "Language of the text output: es or en")
      ->check(CLI::IsMember({"es", "en"}));
  AddGateOptions(sub, &a->gate);
  sub->add_flag("--include-passes", a->include_passes, "List passed elements as findings too");
  sub->add_flag("--allow-private", a->allow_private,
                "Allow URLs on loopback, private and link-local addresses");
  sub->add_option("-j,--jobs", a->jobs, "Pages checked in parallel (default: one per core)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--max-page-mb", a->max_page_mb, "Largest page to check, in MiB (default 32)")
      ->check(CLI::Range(0.001, 1024.0));
  AddPacksOptions(sub, &a->packs);
  return {sub, [a] { return RunCheck(*a); }};
}

}  // namespace verifica::cli
