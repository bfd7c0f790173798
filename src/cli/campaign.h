// A scan campaign: crawls entities (several at once, one network thread), checks their pages on
// worker threads while fetching goes on, and writes each entity's report as soon as it is done
// (OUT/<id>/report.json, atomically), then the campaign summary (summary.json, summary.csv).
//
// Threads: the network thread runs fetch::Crawler; worker threads parse pages, run the rules,
// extract links and call the page hooks; the calling thread finishes entities (entity rules,
// hooks, report files) and draws progress.
//
// Memory does not grow with the number of pages times the number of rules: each checked page is
// written to a spool file in OUT/<id>/ at once (keeping only a stub without rule results, and
// the entity's tallies: report/entity_stream.h), and at the end the pages are read back one at a
// time, in report order, to write report.json and every other format. Pages move from the
// network thread to the workers through a queue that the crawler keeps short
// (CrawlOptions::max_pending_pages), so memory does not grow with the crawl's speed.
#ifndef VERIFICA_CLI_CAMPAIGN_H_
#define VERIFICA_CLI_CAMPAIGN_H_

#include <atomic>
#include <filesystem>
#include <functional>
#include <vector>

#include "cli/entities.h"
#include "cli/page_check.h"
#include "cli/progress.h"
#include "cli/scan_hooks.h"
#include "fetch/crawler.h"
#include "report/outputs.h"

namespace verifica::cli {

struct CampaignOptions {
  fetch::CrawlOptions crawl;
  int max_pages = 500;  // per entity, unless the entities file says otherwise
  int max_depth = 10;
  int max_documents = 0;  // per entity; 0 = as many as max_pages
  unsigned workers = 0;   // 0 = one per core
  CheckOptions check;
  std::vector<const rules::Rule*> rules;  // selected rules, entity-scope ones included
  report::Catalog catalog;
  report::OutputOptions output;
  std::filesystem::path out_dir;
  ScanHooks hooks;
  findings::Impact fail_on = findings::Impact::kSerious;
  Progress::Mode progress = Progress::Mode::kNone;
  // Counts the failures that gate the exit code (the sum is CampaignResult::gated_failures); it
  // may set fingerprints. Called with a one-page report for each page as it is checked (on a
  // worker thread) and once with the entity rules when `count_failures_per_page`; otherwise (a
  // baseline comparison needs the whole entity) once per entity, on the campaign thread, with a
  // compact report: every page, holding only its failed and cantTell rule results.
  std::function<uint64_t(findings::EntityReport&)> count_failures;
  bool count_failures_per_page = true;
  // Set (e.g. by a SIGINT handler) to stop: finished entities keep their reports, the others
  // get none, and the summary says they were interrupted.
  const std::atomic<bool>* interrupt = nullptr;
};

struct CampaignResult {
  std::vector<report::EntitySummary> rows;  // in the order of the entities
  size_t finished = 0;
  size_t unreachable = 0;
  size_t interrupted = 0;
  bool failures_at_or_above = false;  // a rule failed with impact >= fail_on
  uint64_t gated_failures = 0;        // sum of count_failures over finished entities
  Status write_error;                 // first error writing a report, if any
};

CampaignResult RunCampaign(const std::vector<Entity>& entities, const CampaignOptions& options);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_CAMPAIGN_H_
