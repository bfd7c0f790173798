// verifica scan URL|DIR        one entity
// verifica scan --entities FILE a campaign
// Crawls (fetch::Crawler through cli::RunCampaign), writes OUT/<id>/report.json per entity and
// OUT/summary.json, OUT/summary.csv, and prints the summary table.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "cli/campaign.h"
#include "cli/campaign_rules.h"
#include "cli/commands.h"
#include "cli/entities.h"
#include "cli/packs_wiring.h"
#include "cli/report_outputs.h"
#include "cli/scan_hooks.h"
#include "report/fingerprint.h"
#include "report/formats.h"
#include "rules/decl/jurisdictions.h"
#include "util/pattern.h"
#include "util/text.h"

namespace verifica::cli {

namespace fs = std::filesystem;

namespace {

struct ScanArgs {
  std::string target;
  std::string entities;
  std::string campaign_name;  // index.html and summary.json; default: the entities file's name
  std::string out = "out";
  int max_pages = 500;
  int max_depth = 10;
  int max_documents = 0;
  int concurrency = 8;
  int per_host = 2;
  int delay_ms = 250;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool allow_private = false;
  bool quiet = false;
  bool no_sitemaps = false;
  bool no_external_links = false;
  int max_external_links = 200;
  std::string rules;
  std::string fail_on = "serious";
  std::string lang = "es";
  std::vector<std::string> formats;  // report formats besides report.json (default html)
  GateArgs gate;                     // --max-failures, --baseline (--fail-on is fail_on)
  unsigned jobs = 0;
  double timeout_s = 30;
  double connect_timeout_s = 10;
  double max_page_mb = 32;
  int retries = 2;
  PacksArgs packs;  // --packs, --today
  std::string jurisdiction;  // --jurisdiction: the portal's (or rows without one); "" = federal
};

// Set by SIGINT/SIGTERM; the campaign polls it. Lock-free, so safe to store from a handler.
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};  // the first signal received
static_assert(std::atomic<bool>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

// Exit status of a scan stopped by a signal, as a shell reports a process killed by it.
int ExitForSignal(int sig) { return 128 + sig; }

extern "C" void OnInterrupt(int sig) {
  if (g_interrupted.exchange(true)) {
    // A second Ctrl-C (or SIGTERM): the user does not want to wait for the clean stop.
    static const char kMsg[] =
        "\nverifica: stopped at once; reports of unfinished entities are absent\n";
    ssize_t ignored = ::write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
    (void)ignored;
    ::_exit(ExitForSignal(sig));
  }
  g_signal.store(sig);
}

// Installs the handler for the scan's lifetime; the first signal asks for a clean stop, a second
// one ends the process at once (exit 128 + the signal's number).
class InterruptGuard {
 public:
  InterruptGuard() {
    g_interrupted.store(false);
    g_signal.store(0);
    struct sigaction sa {};
    sa.sa_handler = OnInterrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

Result<std::vector<std::shared_ptr<const Pattern>>> CompileAll(
    const std::vector<std::string>& sources, const char* flag) {
  std::vector<std::shared_ptr<const Pattern>> out;
  for (const std::string& s : sources) {
    auto p = Pattern::Compile(s);
    if (!p.ok()) return InvalidArgument(std::string(flag) + " '" + s + "': " + p.status().message());
    out.push_back(std::move(p).value());
  }
  return out;
}

std::string Pad(std::string s, size_t width) {
  // Width in code points, so accented names line up.
  size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  if (cps > width) {
    s = std::string(text::TruncateUtf8(s, width > 1 ? width - 1 : width)) + "~";
    cps = width;
  }
  return s + std::string(width > cps ? width - cps : 0, ' ');
}

void PrintSummary(const std::vector<report::EntitySummary>& rows, const fs::path& out,
                  const std::string& lang) {
  const bool es = lang != "en";
  std::printf("\n%s\n\n", es ? "Resumen de la campaña" : "Campaign summary");
  std::printf("%s %s %6s %6s %6s %6s %6s %6s %6s %7s %7s\n", Pad("id", 22).c_str(),
              Pad(es ? "estado" : "status", 15).c_str(), es ? "págs" : "pages",
              es ? "errores" : "errors", es ? "reglas" : "rules", "crit", "serio", "moder", "menor",
              es ? "obligac" : "oblig", es ? "accesib" : "access");
  for (const report::EntitySummary& r : rows) {
    if (r.report_dir.empty()) {
      std::printf("%s %s %s\n", Pad(r.entity.id, 22).c_str(), Pad(r.status, 15).c_str(),
                  r.error.c_str());
      continue;
    }
    // No index: the portal could not be read or needs rendering, or nothing was decided.
    char obligations[16] = "      —", accessibility[16] = "      —";
    if (r.obligations_index) std::snprintf(obligations, sizeof obligations, "%7.1f", *r.obligations_index);
    if (r.accessibility_index) {
      std::snprintf(accessibility, sizeof accessibility, "%7.1f", *r.accessibility_index);
    }
    std::printf("%s %s %6u %6u %6u %6u %6u %6u %6u %s %s\n", Pad(r.entity.id, 22).c_str(),
                Pad(r.status, 15).c_str(), r.pages, r.page_errors, r.rules_failed,
                r.findings_by_impact[3], r.findings_by_impact[2], r.findings_by_impact[1],
                r.findings_by_impact[0], obligations, accessibility);
  }
  std::printf("\n%s %s/<id>/report.json\n", es ? "Informes por sujeto obligado:" : "Entity reports:",
              out.string().c_str());
  std::printf("%s %s, %s\n", es ? "Resumen:" : "Summary:", (out / "summary.json").string().c_str(),
              (out / "summary.csv").string().c_str());
  std::fflush(stdout);
}

int RunScan(const ScanArgs& a) {
  if (a.target.empty() == a.entities.empty()) {
    std::cerr << "verifica: scan needs either a URL or directory, or --entities FILE (not both)\n";
    return kExitUsage;
  }
  // Everything is checked before anything is fetched.
  std::vector<Entity> entities;
  if (!a.entities.empty()) {
    auto loaded = LoadEntitiesFile(a.entities);
    if (!loaded.ok()) {
      std::cerr << "verifica: entities file rejected, nothing scanned:\n"
                << loaded.status().message() << "\n";
      return kExitUsage;
    }
    entities = std::move(loaded).value();
  } else {
    entities.emplace_back();
  }
  // --jurisdiction: the scanned portal's, or that of the rows of the file that name none.
  if (auto j = rules::decl::ResolveJurisdiction(a.jurisdiction); !j.ok()) {
    std::cerr << "verifica: --jurisdiction: " << j.status().message() << "\n";
    return kExitUsage;
  } else if (!j->defaulted) {
    for (Entity& e : entities) {
      if (!e.jurisdiction_defaulted) continue;
      e.jurisdiction = j->jurisdiction->code;
      e.jurisdiction_name = j->jurisdiction->name;
      e.jurisdiction_defaulted = false;
    }
  }
  // The guarantor authority each entity's portal should name, as of the day dates are judged.
  {
    auto today = ResolveToday(a.packs);
    if (!today.ok()) {
      std::cerr << "verifica: " << today.status().message() << "\n";
      return kExitUsage;
    }
    auto table = rules::decl::JurisdictionTable::Embedded();
    if (!table.ok()) {
      std::cerr << "verifica: " << table.status().message() << "\n";
      return kExitCannotRun;
    }
    for (Entity& e : entities) {
      if (const auto* g = (*table)->GuarantorOn(e.jurisdiction, *today)) e.guarantor = g->name;
    }
  }
  if (a.entities.empty()) {
    std::error_code ec;
    auto start = ResolveStart(a.target, fs::current_path(ec));
    if (!start.ok()) {
      std::cerr << "verifica: " << start.status().message() << "\n";
      return kExitUsage;
    }
    Entity& e = entities.front();
    e.id = IdForTarget(a.target);
    e.name = a.target;
    e.url = a.target;
    e.start = std::move(start).value();
  }
  auto include = CompileAll(a.include, "--include");
  auto exclude = CompileAll(a.exclude, "--exclude");
  for (const auto* r : {&include, &exclude}) {
    if (!r->ok()) {
      std::cerr << "verifica: " << r->status().message() << "\n";
      return kExitUsage;
    }
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
  const fs::path out(a.out);
  {
    std::error_code ec;
    fs::create_directories(out, ec);
    if (ec || ::access(out.c_str(), W_OK) != 0) {
      std::cerr << "verifica: cannot write to the output folder " << out << "\n";
      return kExitUsage;
    }
  }
  auto formats = report::NormalizeFormats(a.formats, /*allow_text=*/false);
  if (!formats.ok()) {
    std::cerr << "verifica: " << formats.status().message() << "\n";
    return kExitUsage;
  }
  auto baseline = LoadBaseline(a.gate);
  if (!baseline.ok()) {
    std::cerr << "verifica: " << baseline.status().message() << "\n";
    return kExitUsage;
  }

  CampaignOptions o;
  o.crawl.concurrency = a.concurrency;
  o.crawl.per_host = a.per_host;
  o.crawl.delay_ms = a.delay_ms;
  o.crawl.max_active_jobs = std::max(1, a.concurrency / std::max(1, a.per_host));
  o.crawl.max_retries = a.retries;
  o.crawl.limits.allow_private = a.allow_private;
  o.crawl.limits.total_timeout_ms = static_cast<long>(a.timeout_s * 1000);
  o.crawl.limits.connect_timeout_ms = static_cast<long>(a.connect_timeout_s * 1000);
  o.crawl.limits.max_body_bytes = static_cast<uint64_t>(a.max_page_mb * 1024 * 1024);
  o.crawl.include = std::move(include).value();
  o.crawl.exclude = std::move(exclude).value();
  o.crawl.use_sitemaps = !a.no_sitemaps;
  o.crawl.check_external_links = !a.no_external_links;
  o.crawl.max_external_links = a.max_external_links;
  o.max_pages = a.max_pages;
  o.max_depth = a.max_depth;
  o.max_documents = a.max_documents;
  o.workers = a.jobs;
  o.check.parse.max_bytes = static_cast<size_t>(a.max_page_mb * 1024 * 1024);
  o.crawl.max_pending_pages =
      static_cast<int>(std::max(8u, 4 * (a.jobs ? a.jobs : std::thread::hardware_concurrency())));
  o.rules = *selected;
  for (const rules::Rule* r : *selected) o.catalog.emplace(r->id(), r->meta());
  o.output.lang = a.lang;
  if (!formats->empty()) o.output.formats = *formats;
  o.out_dir = out;
  o.fail_on = *findings::ImpactFromString(a.fail_on);
  o.progress = Progress::ModeFor(stderr, a.quiet);
  o.interrupt = &g_interrupted;
  // The gate counts each entity's failures while its report is in memory (a 10,000-page report
  // is not read back from disk at the end).
  GateArgs gate = a.gate;
  gate.fail_on = a.fail_on;
  const report::Baseline* baseline_ptr = baseline->has_value() ? &**baseline : nullptr;
  const bool sole_entity = entities.size() == 1;
  // Pages are streamed to disk whatever the formats; a baseline comparison needs each entity's
  // failed and cantTell results at once, the plain count goes page by page.
  o.count_failures_per_page = baseline_ptr == nullptr;
  o.count_failures = [&](findings::EntityReport& rep) {
    // Comparing with a baseline matches findings by fingerprint (the same ones report.json has).
    if (baseline_ptr != nullptr) report::AssignFingerprints(rep);
    return GatedFailures(rep, gate, baseline_ptr, a.lang, sole_entity);
  };
  auto hooks = MakeScanPackHooks(a.packs, **reg, *selected, o.crawl.limits, entities);
  if (!hooks.ok()) {
    std::cerr << "verifica: " << hooks.status().message() << "\n";
    return kExitUsage;
  }
  o.hooks = std::move(hooks).value();  // obligation packs (packs_wiring.h)

  CampaignResult result;
  {
    InterruptGuard guard;
    result = RunCampaign(entities, o);
  }
  report::CampaignInfo info;
  info.name = !a.campaign_name.empty() ? a.campaign_name
              : !a.entities.empty()    ? fs::path(a.entities).stem().string()
                                       : a.target;
  if (auto packs = LoadPackCatalog(a.packs, **reg); packs.ok()) {
    for (const auto& pack : (*packs)->packs()) info.packs.emplace_back(pack->id, pack->version);
  }
  Status summary = report::WriteCampaignOutputs(result.rows, o.catalog, out, o.output, info);
  if (!summary.ok()) {
    std::cerr << "verifica: " << summary.message() << "\n";
    return kExitCannotRun;
  }
  PrintSummary(result.rows, out, a.lang);  // the command's output; --quiet only hides progress
  if (!result.write_error.ok()) {
    std::cerr << "verifica: " << result.write_error.message() << "\n";
    return kExitCannotRun;
  }
  if (result.interrupted > 0) {
    const int sig = g_signal.load() != 0 ? g_signal.load() : SIGINT;
    std::cerr << "verifica: interrupted (" << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << "); "
              << result.finished << " of " << entities.size()
              << " entities finished and have complete reports; the summary marks the others\n";
    return ExitForSignal(sig);
  }
  if (result.unreachable == entities.size()) {
    std::cerr << "verifica: no page could be fetched"
              << (entities.size() == 1 ? "" : " for any entity") << "\n";
    return kExitCannotRun;
  }
  return GateExitCode(result.gated_failures, gate);
}

}  // namespace

Command AddScanCommand(CLI::App& app) {
  auto a = std::make_shared<ScanArgs>();
  CLI::App* sub = app.add_subcommand(
      "scan", "Crawl a portal (URL or local directory) or a campaign (--entities FILE) and write "
              "one report per entity plus a summary");
  sub->footer(
      "Exit codes: 0 no failed rule at or above --fail-on, 1 failures found, 2 usage, "
      "configuration or input error (nothing scanned), 3 the scan could not run (e.g. no page "
      "of any entity could be fetched), 130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM.\n"
      "Interrupted: entities already done keep complete reports, the entity being crawled gets "
      "none, and the summary files mark the others 'interrupted' or 'not-scanned'. A second "
      "Ctrl-C stops at once.");
  sub->add_option("target", a->target, "URL|DIR: the portal to crawl (http, https, file or a path)");
  sub->add_option("--entities", a->entities, "CSV or JSON file of entities (id,name,url,...)");
  sub->add_option("--out", a->out, "Output folder (default: out)");
  sub->add_option("--campaign-name", a->campaign_name,
                  "Name of the campaign in index.html and summary.json (default: the entities "
                  "file's name, or the scanned target)");
  sub->add_option("--max-pages", a->max_pages, "Pages per entity (default 500)")
      ->check(CLI::Range(1, 1000000));
  sub->add_option("--max-depth", a->max_depth, "Link depth from the start page (default 10)")
      ->check(CLI::Range(0, 1000));
  sub->add_option("--max-documents", a->max_documents,
                  "Documents (PDF, XLSX...) checked per entity (default: as --max-pages)")
      ->check(CLI::Range(0, 1000000));
  sub->add_option("--concurrency", a->concurrency, "Transfers at once, all hosts (default 8)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--per-host", a->per_host, "Transfers at once to one host (default 2)")
      ->check(CLI::Range(1, 64));
  sub->add_option("--delay", a->delay_ms,
                  "Milliseconds between requests to one host (default 250; a larger robots.txt "
                  "Crawl-delay wins)")
      ->check(CLI::Range(0, 600000));
  sub->add_option("--include", a->include,
                  "Only crawl URLs matching this RE2 pattern (repeatable: any may match)");
  sub->add_option("--exclude", a->exclude, "Never crawl URLs matching this RE2 pattern (repeatable)");
  sub->add_flag("--allow-private", a->allow_private,
                "Allow loopback, private and link-local addresses");
  sub->add_flag("-q,--quiet", a->quiet, "No progress output");
  sub->add_flag("--no-sitemaps", a->no_sitemaps, "Do not seed the crawl from sitemaps");
  sub->add_flag("--no-external-links", a->no_external_links,
                "Do not check links to other sites (by default each is checked with one HEAD "
                "request, honouring that site's robots.txt; file:// crawls never check them)");
  sub->add_option("--max-external-links", a->max_external_links,
                  "Links to other sites checked per entity (default 200)")
      ->check(CLI::Range(0, 100000));
  sub->add_option("--rules", a->rules,
                  "Rules to run: comma-separated globs, '-' to exclude ('wcag-*,-wcag-meta-*')");
  sub->add_option("--fail-on", a->fail_on,
                  "Exit 1 when a rule fails with this impact or higher (default serious)")
      ->check(CLI::IsMember(ImpactNames()));
  sub->add_option("--jurisdiction", a->jurisdiction,
                  "Whose law applies to the portal: federal (default) or an entidad federativa "
                  "(ISO 3166-2 code such as MX-CMX, or its name: cdmx, jalisco...); with "
                  "--entities, for the rows that name none");
  sub->add_option("--lang", a->lang, "Language of the summary table and reports: es or en")
      ->check(CLI::IsMember({"es", "en"}));
  sub->add_option("--format", a->formats,
                  "Report formats besides report.json (repeatable or comma-separated): html, "
                  "sarif, junit, csv, earl (default html)")
      ->delimiter(',');
  AddGateOptions(sub, &a->gate);  // --max-failures, --baseline
  sub->add_option("-j,--jobs", a->jobs, "Pages checked in parallel (default: one per core)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--timeout", a->timeout_s, "Seconds a request may take in all (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  sub->add_option("--connect-timeout", a->connect_timeout_s,
                  "Seconds to establish a connection (default 10)")
      ->check(CLI::Range(0.1, 600.0));
  sub->add_option("--max-page-mb", a->max_page_mb,
                  "Largest body accepted, after decompression, in MiB (default 32)")
      ->check(CLI::Range(0.001, 1024.0));
  sub->add_option("--retries", a->retries,
                  "Further attempts on 429, 503, timeouts and resets (default 2)")
      ->check(CLI::Range(0, 10));
  AddPacksOptions(sub, &a->packs);
  return {sub, [a] { return RunScan(*a); }};
}

}  // namespace verifica::cli
