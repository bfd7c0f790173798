// Writing the files of a scan (DESIGN.md "Report layout"):
//   OUT/<entity-id>/report.json (+ report.html, report.sarif, report.junit.xml, findings.csv,
//   report.earl.json, by --format) and OUT/summary.json, OUT/summary.csv, OUT/index.html.
// Everything is rendered from the findings types; the report module never sees the DOM.
// Each file is written to a temporary name and renamed into place, so an interrupted run never
// leaves a partial report that looks complete.
#ifndef VERIFICA_REPORT_OUTPUTS_H_
#define VERIFICA_REPORT_OUTPUTS_H_

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "findings/findings.h"
#include "report/aggregate.h"
#include "report/check_output.h"
#include "report/fingerprint.h"
#include "util/status.h"

namespace verifica::report {

struct OutputOptions {
  // Formats to write besides report.json (always written): "html", "sarif", "junit", "csv",
  // "earl". Unknown names are rejected by the CLI before a scan starts.
  std::vector<std::string> formats = {"html"};
  std::string lang = "es";
};

// One row of the campaign summary, computed when an entity finishes so the campaign never holds
// every entity's full report in memory.
struct EntitySummary {
  findings::EntityInfo entity;
  std::string report_dir;  // relative to OUT, e.g. "sujeto-01"
  // "ok"; "unreachable" when not one page could be fetched; "needs-rendering" when the pages
  // could not be judged without a browser (see kStatusNeedsRendering); the campaign adds
  // "interrupted" and "not-scanned".
  std::string status;
  std::string error;  // what failed, for unreachable entities
  uint32_t pages = 0;
  uint32_t page_errors = 0;
  uint32_t documents = 0;
  uint32_t rules_failed = 0;     // distinct rules failed on at least one page, or entity-wide
  uint32_t rules_cant_tell = 0;  // distinct rules needing review (and not failed)
  std::array<uint32_t, 4> findings_by_impact{};  // failed findings, index = Impact
  double score = 0;                              // 0–100, see Score()
  // False when the score says nothing of the portal (it could not be read, or needs rendering):
  // summary.json writes it as null, summary.csv as an empty field, index.html and the console
  // as "—". The indices are then absent too.
  bool scored = true;
  findings::PortalState portal = findings::PortalState::kReadable;
  // The two indices (aggregate.h): nullopt when there is none (portal not readable, or nothing
  // decided).
  std::optional<double> obligations_index;
  std::optional<double> accessibility_index;
  ObligationsIndex obligations_detail;  // the criteria, overall and per pack
  uint32_t accessibility_pages = 0;     // pages that counted in the accessibility index
  uint32_t accessibility_rules_failed = 0;  // distinct non-obligation rules failed
  std::string started_at, finished_at;      // the entity's crawl (RFC 3339), when known
  std::vector<std::string> failed_rule_ids;  // distinct, sorted
  // Obligation rules (transparency, personal data; see IsObligationRule), by their entity-wide
  // outcome (the worst over every page and the entity rules). All zero: none was evaluated.
  uint32_t obligations_failed = 0;
  uint32_t obligations_cant_tell = 0;
  uint32_t obligations_passed = 0;
};

// An entity "needs rendering" when at least one of its pages could be checked and on every page
// checked (fetched and parsed without error) some rule said it could not judge the page without
// rendering it: a cantTell finding with message id "needs-rendering", which the obligation packs
// give when evidence is missing on a JavaScript shell (an empty mount point, or a <noscript>
// asking for JavaScript, with little text and few links; rules/README.md). What such a page
// shows is built by its scripts, so rules passing or inapplicable on its empty body say nothing:
// the score is not evaluable (EntitySummary::scored is false). Without obligation packs no rule
// gives that message, and the status stays "ok".
inline constexpr std::string_view kStatusNeedsRendering = "needs-rendering";
inline constexpr std::string_view kMessageNeedsRendering = "needs-rendering";

// The entity score (kept in report.json and summary.json for one release; the two indices below
// replace it): the share of applicable rule checks (rule × page, plus entity rules) that
// passed, in percent, rounded to one decimal; cantTell counts as not passed and not failed
// (it is left out of the ratio). 100 when nothing was applicable. Pages outnumber obligations,
// so accessibility checks weigh far more in it than obligations do.
double Score(const findings::EntityReport& report);

// `catalog` tells obligation rules and their packs apart (without it, rule ids do).
EntitySummary Summarize(const findings::EntityReport& report, std::string report_dir,
                        const Catalog& catalog = {});

// What report.json and the other formats say of an unreadable portal (the cause as text in the
// reader's language): built from PortalStatus, or from the pages of a report that has none.
findings::LocalizedText PortalCauseText(const findings::PortalStatus& portal);

// Summarize() and Score() one page at a time, for a scan that never holds all of an entity's
// pages (Summarize and Score are built on it, so the figures are the same).
class SummaryBuilder {
 public:
  // Obligation rules and their packs are told apart by `catalog` (kept; may be null).
  void SetCatalog(const Catalog* catalog) { catalog_ = catalog; }
  // The portal state the scan recorded (report.json "portal"); absent, it is inferred.
  void SetPortal(const std::optional<findings::PortalStatus>& portal) { portal_ = portal; }
  void AddPage(const findings::PageReport& page);
  void AddEntityRules(const std::vector<findings::RuleResult>& rules);
  double Score() const;
  // See kStatusNeedsRendering.
  bool NeedsRendering() const;
  // The portal's state: the one recorded; else unreachable when no page could be checked,
  // needs-rendering as NeedsRendering() says, readable otherwise.
  findings::PortalState Portal() const;
  // The recorded portal status, or one inferred from the pages (the first page's error).
  findings::PortalStatus PortalStatus() const;
  // The indices (aggregate.h); both nullopt when the portal is not readable.
  ObligationsIndex Obligations() const;
  std::optional<double> ObligationsValue() const;
  std::optional<double> AccessibilityValue() const;
  uint32_t AccessibilityPages() const { return accessibility_.pages(); }
  EntitySummary Finish(const findings::EntityInfo& entity, uint32_t documents,
                       std::string report_dir) const;

 private:
  void Visit(const findings::RuleResult& r);
  const Catalog& catalog() const;
  const Catalog* catalog_ = nullptr;
  std::optional<findings::PortalStatus> portal_;
  AccessibilityIndex accessibility_;
  std::string first_url_;
  int first_status_ = 0;
  std::optional<findings::PageError> first_error_;
  uint32_t pages_ = 0, page_errors_ = 0;
  uint32_t pages_needing_rendering_ = 0;  // checked pages with a "needs-rendering" finding
  bool any_ok_ = false;
  bool have_first_ = false;
  std::string first_error_message_;  // the first page's error, for unreachable entities
  uint64_t passed_ = 0, failed_ = 0;
  std::array<uint32_t, 4> findings_by_impact_{};
  std::set<std::string> failed_ids_, review_ids_;
  std::map<std::string, findings::Outcome> obligations_;  // rule id -> worst outcome
};

// The JSON text of report.json.
std::string RenderEntityJson(const findings::EntityReport& report);

// report.json in pieces, for a writer that streams the pages from disk (the text is the same as
// RenderEntityJson's): the document around the pages, given without them, and each page as an
// element of "pages"; elements are separated by kPageJsonSeparator.
struct EntityJsonFrame {
  std::string before_pages;
  std::string after_pages;
};
inline constexpr std::string_view kPageJsonSeparator = ",\n    ";
EntityJsonFrame RenderEntityJsonFrame(const findings::EntityReport& report_without_pages,
                                      const SummaryBuilder& summary, const FingerprintContext& ctx,
                                      bool has_pages);
std::string RenderPageJsonElement(const findings::PageReport& page, const FingerprintContext& ctx);

// Writes dir/report.json and the requested formats. Creates `dir`.
Status WriteEntityOutputs(const findings::EntityReport& report, const Catalog& catalog,
                          const std::filesystem::path& dir, const OutputOptions& options);

// What the campaign index says of the campaign itself (summary.json "campaign").
struct CampaignInfo {
  std::string name;  // --campaign-name, else the entities file's name (or the scanned target)
  // The obligation packs that could apply, with their versions: {id, version}.
  std::vector<std::pair<std::string, std::string>> packs;
  // When it ran (RFC 3339); empty: the earliest start and latest end of the entities' crawls.
  std::string started_at, finished_at;
};

// The campaign info kept in out_dir/summary.json by an earlier run, if any (for `report`).
CampaignInfo ReadCampaignInfo(const std::filesystem::path& out_dir);

// Writes out_dir/summary.json, summary.csv and index.html.
Status WriteCampaignOutputs(const std::vector<EntitySummary>& rows, const Catalog& catalog,
                            const std::filesystem::path& out_dir, const OutputOptions& options,
                            const CampaignInfo& info = {});

// The rows in the index's order, worst first: readable portals by obligations index, then
// accessibility index, lowest first (a portal with no value for an index comes after those with
// one); then the portals that were not judged (not readable, needs rendering, not scanned);
// ties keep the entities file's order.
std::vector<const EntitySummary*> WorstFirst(const std::vector<EntitySummary>& rows);

// Writes `text` to `path` atomically (temporary file + rename).
Status WriteFileAtomic(const std::filesystem::path& path, std::string_view text);

// Writes several files as one: all are written to temporary names, then renamed into place
// (report.json and summary.json last); on any failure none is replaced and no temporary file
// is left.
Status WriteFilesAtomic(const std::vector<std::pair<std::filesystem::path, std::string>>& files);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_OUTPUTS_H_
