// Baselines: comparing two reports of the same entity finding by finding, by fingerprint
// (report/fingerprint.h) and outcome. A finding of the new report is "new" when the old report
// has no finding with the same fingerprint and outcome, "unchanged" when it has; an old finding
// is "fixed" when the new report checked its page and no longer has it, and "unverified" when
// the new report did not check that page (not fetched, or failed), so a page that could not be
// fetched never makes its problems look fixed. CI gates on new findings only.
#ifndef VERIFICA_REPORT_BASELINE_H_
#define VERIFICA_REPORT_BASELINE_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "util/status.h"

namespace verifica::report {

struct DiffEntry {
  std::string fingerprint;
  std::string rule_id;
  std::string page_url;
  findings::Outcome outcome = findings::Outcome::kFailed;
  findings::Impact impact = findings::Impact::kModerate;
  findings::Finding finding;  // selector, line, snippet, message; empty for a rule-level entry
};

struct ReportDiff {
  std::vector<DiffEntry> added;       // in the new report only
  std::vector<DiffEntry> fixed;       // in the old report only, on a page the new one checked
  std::vector<DiffEntry> unchanged;   // in both (entries of the new report)
  std::vector<DiffEntry> unverified;  // in the old report, on a page the new one did not check
};

ReportDiff DiffReports(const findings::EntityReport& before, const findings::EntityReport& after);

// Reads a report to compare against: a report.json (verifica-report/1), an entity folder holding
// one, or the JSON document of `verifica check --format json`. Anything else (another tool's
// JSON, another schema version, a campaign summary, truncated JSON) is an InvalidArgument that
// says what the file is and what was expected.
Result<findings::EntityReport> LoadComparableReport(const std::filesystem::path& path);

// A baseline for a scan or a check: one report, or a campaign folder (OUT of an earlier scan)
// holding <entity-id>/report.json for each entity.
// Of each report it keeps what a comparison reads (pages, their failed and cantTell results, the
// entity rules), not the passed and inapplicable results of every page.
class Baseline {
 public:
  static Result<Baseline> Load(const std::filesystem::path& path);

  // The baseline report of this entity: the report with this entity id; a single-report
  // baseline also serves a run of one entity (`sole_entity`) whatever its id. nullptr when there
  // is none: every finding is new.
  const findings::EntityReport* For(std::string_view entity_id, bool sole_entity = false) const;

 private:
  bool single_ = false;
  std::vector<findings::EntityReport> reports_;
};

// Text for people (es/en) and JSON ({"schema": "verifica-diff/1", ...}) of a comparison.
std::string RenderDiffText(const ReportDiff& diff, const findings::EntityReport& before,
                           const findings::EntityReport& after, const Catalog& catalog,
                           std::string_view lang, bool color);
std::string RenderDiffJson(const ReportDiff& diff, const findings::EntityReport& before,
                           const findings::EntityReport& after);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_BASELINE_H_
