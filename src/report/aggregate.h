// An entity report seen rule by rule: for each rule that ran, its worst outcome over every page
// (and the entity-wide result), how many pages and elements it failed or left for review, and
// where. The HTML report and the campaign figures are drawn from this view.
#ifndef VERIFICA_REPORT_AGGREGATE_H_
#define VERIFICA_REPORT_AGGREGATE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "report/fingerprint.h"

namespace verifica::report {

// A rule's findings on one page (copies: a RuleSummary outlives the pages it was built from).
struct PageHits {
  std::string url;
  std::vector<findings::Finding> failed;  // listed findings (the first ones, see RuleSummarizer)
  std::vector<findings::Finding> review;
  uint64_t failed_total = 0;  // counted; above failed.size() when the list was capped
  uint64_t review_total = 0;
};

struct RuleSummary {
  std::string id;
  findings::Outcome outcome = findings::Outcome::kInapplicable;  // worst everywhere
  findings::Impact impact = findings::Impact::kModerate;
  std::vector<std::string> wcag;
  std::vector<std::string> act;
  uint32_t pages_failed = 0;  // pages (or the entity) where the rule failed
  uint32_t pages_review = 0;
  uint32_t pages_passed = 0;
  uint32_t pages_inapplicable = 0;
  uint64_t elements_failed = 0;
  uint64_t elements_review = 0;
  // Pages with failed or cantTell findings, in report order (the first ones, see RuleSummarizer).
  std::vector<PageHits> hits;
  uint64_t hit_pages_failed = 0;  // pages with failed findings (kept in `hits` or not)
  uint64_t hit_pages_review = 0;
  std::vector<std::string> errors;  // "URL: message" where the rule itself broke
};

// SummarizeRules one page at a time, keeping at most `max_pages` pages with failed (and as many
// with cantTell) findings per rule, and at most `max_elements` findings of each kind per page;
// what is left out is counted. Memory does not grow with the number of pages.
class RuleSummarizer {
 public:
  RuleSummarizer(size_t max_pages, size_t max_elements)
      : max_pages_(max_pages), max_elements_(max_elements) {}
  // Pages that could not be checked add nothing.
  void AddPage(const findings::PageReport& page);
  // Entity rules: findings without their own URL are on `entity_url`.
  void AddEntityRules(const std::vector<findings::RuleResult>& rules, std::string_view entity_url);
  // One entry per rule id that ran, sorted by id.
  std::vector<RuleSummary> Finish();

 private:
  void Visit(const findings::RuleResult& r, const findings::PageReport* page,
             std::string_view entity_url);
  size_t max_pages_, max_elements_;
  std::map<std::string, RuleSummary> by_id_;
};

// A failed or cantTell item as the machine formats and baselines list it: a listed finding, or,
// for a failed rule that listed no element, the rule on its page.
struct ReportedItem {
  const findings::RuleResult* rule = nullptr;
  const findings::Finding* finding = nullptr;  // nullptr for a rule-level item
  std::string page_url;                        // the page it is on
  findings::Outcome outcome = findings::Outcome::kFailed;
  std::string fingerprint;
};

// Every reported item of the report, in page order then entity rules. Pages that could not be
// checked have none. Pointers refer into `report`.
std::vector<ReportedItem> ReportedItems(const findings::EntityReport& report);

// The reported items of one rule result, appended to `out` in the order ReportedItems lists them:
// `page` is the page it is on (nullptr for an entity rule, whose findings without a URL of their
// own are on `entity_url`). Pointers refer into `r`.
void AppendReportedItems(const findings::RuleResult& r, const findings::PageReport* page,
                         std::string_view entity_url, const FingerprintContext& ctx,
                         std::vector<ReportedItem>& out);

// One entry per rule id that ran, sorted by id. Pages that could not be checked add nothing.
std::vector<RuleSummary> SummarizeRules(const findings::EntityReport& report);

// Where a rule is shown in reports: "1".."4" for a WCAG principle (first digit of its first
// success criterion), "pack:<id>" for an obligation pack, "other" otherwise.
std::string GroupKey(const RuleSummary& rule, const Catalog& catalog);

// True for obligation rules (transparency, personal data): those with a legal basis in the
// catalog; for rules the catalog does not know, those whose id starts neither "wcag-" nor
// "link-" (the crawler's link checks).
bool IsObligationRule(std::string_view rule_id, const Catalog& catalog);

// Obligation rules that count in the obligations index: IsObligationRule, less the informative
// ones (tag "informative", such as the list of pages taken per role), which judge nothing, and
// the good practices (tag "good-practice": no legal source), which oblige to nothing.
bool IsObligationCriterion(std::string_view rule_id, const Catalog& catalog);

// The obligation pack a rule belongs to: its catalog entry's pack, else its id's first word.
std::string PackOf(std::string_view rule_id, const Catalog& catalog);

// The criteria of an obligations compliance index, by their entity-wide outcome (the worst over
// every page and the entity rules, one criterion per rule).
struct ComplianceTally {
  uint32_t met = 0;           // passed
  uint32_t failed = 0;
  uint32_t cant_tell = 0;     // needs review: left out of the ratio (neither met nor failed)
  uint32_t inapplicable = 0;  // left out of the ratio
  void Add(findings::Outcome o);
  // 100 × met / (met + failed), rounded to one decimal; nullopt when no criterion was decided
  // (all needed review or none applied): then there is no index, never a 100.
  std::optional<double> Value() const;
};

struct ObligationsIndex {
  ComplianceTally overall;
  std::map<std::string, ComplianceTally> by_pack;  // pack id → its criteria
};

// The accessibility index: on each page checked, the share of its applicable accessibility
// results (rules that are not obligation rules) that passed; then the mean of those shares over
// the pages that had one, so a portal's page count does not weigh in. cantTell and inapplicable
// results are left out of a page's share; a page with no passed or failed result (and a page
// that could not be checked) is left out of the mean.
class AccessibilityIndex {
 public:
  void AddPage(const findings::PageReport& page, const Catalog& catalog);
  // Rounded to one decimal; nullopt when no page counted.
  std::optional<double> Value() const;
  uint32_t pages() const { return pages_; }

 private:
  double sum_ = 0;  // of the pages' shares, 0–1
  uint32_t pages_ = 0;
};

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_AGGREGATE_H_
