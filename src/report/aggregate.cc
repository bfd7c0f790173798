#include "report/aggregate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "report/fingerprint.h"
#include "report/wcag.h"

namespace verifica::report {

using findings::Outcome;

void RuleSummarizer::Visit(const findings::RuleResult& r, const findings::PageReport* page,
                           std::string_view entity_url) {
  RuleSummary& s = by_id_[r.id];
  if (s.id.empty()) {
    s.id = r.id;
    s.impact = r.impact;
    s.wcag = r.wcag;
    s.act = r.act;
  }
  s.outcome = findings::Worst(s.outcome, r.outcome);
  switch (r.outcome) {
    case Outcome::kFailed:
      ++s.pages_failed;
      break;
    case Outcome::kCantTell:
      ++s.pages_review;
      break;
    case Outcome::kPassed:
      ++s.pages_passed;
      break;
    case Outcome::kInapplicable:
      ++s.pages_inapplicable;
      break;
  }
  const std::string page_url =
      page ? (page->final_url.empty() ? page->url : page->final_url) : std::string(entity_url);
  if (!r.error.empty()) s.errors.push_back(page_url + ": " + r.error);
  if (r.outcome != Outcome::kFailed && r.outcome != Outcome::kCantTell) return;
  // Findings grouped by the page they are on (entity rules name it per finding).
  std::vector<PageHits> local;
  auto hits_for = [&](std::string_view url) -> PageHits& {
    for (PageHits& h : local) {
      if (h.url == url) return h;
    }
    local.push_back(PageHits{std::string(url), {}, {}, 0, 0});
    return local.back();
  };
  uint64_t listed_failed = 0, listed_review = 0;
  for (const findings::Finding& f : r.findings) {
    std::string_view url = FindingPageUrl(page, f);
    if (url.empty()) url = page_url;
    PageHits& h = hits_for(url);
    if (f.outcome == Outcome::kFailed) {
      ++listed_failed;
      if (h.failed_total++ < max_elements_) h.failed.push_back(f);
    } else if (f.outcome == Outcome::kCantTell) {
      ++listed_review;
      if (h.review_total++ < max_elements_) h.review.push_back(f);
    }
  }
  // Elements beyond the runner's cap are counted on the page itself.
  const uint64_t failed_count = std::max<uint64_t>(r.failed, listed_failed);
  const uint64_t review_count = std::max<uint64_t>(r.cant_tell, listed_review);
  if (local.empty()) local.push_back(PageHits{page_url, {}, {}, 0, 0});
  local.front().failed_total += failed_count - listed_failed;
  local.front().review_total += review_count - listed_review;
  s.elements_failed += failed_count;
  s.elements_review += review_count;
  for (PageHits& h : local) {
    const bool keep = (h.failed_total > 0 && s.hit_pages_failed < max_pages_) ||
                      (h.review_total > 0 && s.hit_pages_review < max_pages_);
    s.hit_pages_failed += h.failed_total > 0;
    s.hit_pages_review += h.review_total > 0;
    if (keep) s.hits.push_back(std::move(h));
  }
}

void RuleSummarizer::AddPage(const findings::PageReport& p) {
  if (p.error) return;
  for (const findings::RuleResult& r : p.rules) Visit(r, &p, {});
}

void RuleSummarizer::AddEntityRules(const std::vector<findings::RuleResult>& rules,
                                    std::string_view entity_url) {
  for (const findings::RuleResult& r : rules) Visit(r, nullptr, entity_url);
}

std::vector<RuleSummary> RuleSummarizer::Finish() {
  std::vector<RuleSummary> out;
  out.reserve(by_id_.size());
  for (auto& [id, s] : by_id_) out.push_back(std::move(s));
  by_id_.clear();
  return out;
}

std::vector<RuleSummary> SummarizeRules(const findings::EntityReport& report) {
  RuleSummarizer s(SIZE_MAX, SIZE_MAX);
  for (const findings::PageReport& p : report.pages) s.AddPage(p);
  s.AddEntityRules(report.entity_rules, report.entity.url);
  return s.Finish();
}

void AppendReportedItems(const findings::RuleResult& r, const findings::PageReport* page,
                         std::string_view entity_url, const FingerprintContext& ctx,
                         std::vector<ReportedItem>& items) {
  if (r.outcome != Outcome::kFailed && r.outcome != Outcome::kCantTell) return;
  bool listed_failed = false;
  const std::string fallback =
      page ? (page->final_url.empty() ? page->url : page->final_url) : std::string(entity_url);
  for (const findings::Finding& f : r.findings) {
    if (f.outcome != Outcome::kFailed && f.outcome != Outcome::kCantTell) continue;
    listed_failed |= f.outcome == Outcome::kFailed;
    std::string url(FindingPageUrl(page, f));
    if (url.empty()) url = fallback;
    std::string fingerprint = ctx.Of(r.id, url, f);
    items.push_back({&r, &f, std::move(url), f.outcome, std::move(fingerprint)});
  }
  if (r.outcome == Outcome::kFailed && !listed_failed) {
    const findings::Finding whole;
    items.push_back({&r, nullptr, fallback, Outcome::kFailed, ctx.Of(r.id, fallback, whole)});
  }
}

std::vector<ReportedItem> ReportedItems(const findings::EntityReport& report) {
  const FingerprintContext ctx = FingerprintContext::For(report.pages, report.entity_rules);
  std::vector<ReportedItem> items;
  for (const findings::PageReport& p : report.pages) {
    if (p.error) continue;
    for (const findings::RuleResult& r : p.rules) AppendReportedItems(r, &p, {}, ctx, items);
  }
  for (const findings::RuleResult& r : report.entity_rules) {
    AppendReportedItems(r, nullptr, report.entity.url, ctx, items);
  }
  return items;
}

bool IsObligationRule(std::string_view rule_id, const Catalog& catalog) {
  if (auto it = catalog.find(rule_id); it != catalog.end()) return !it->second.legal_basis.empty();
  // Not in the catalog: WCAG rules and the crawler's link checks are known by their prefix.
  return !rule_id.starts_with("wcag-") && !rule_id.starts_with("link-");
}

bool IsObligationCriterion(std::string_view rule_id, const Catalog& catalog) {
  if (!IsObligationRule(rule_id, catalog)) return false;
  if (auto it = catalog.find(rule_id); it != catalog.end()) {
    // Informative results and good practices (rules with no legal source) are no obligation.
    const std::vector<std::string>& tags = it->second.tags;
    return std::find(tags.begin(), tags.end(), "informative") == tags.end() &&
           std::find(tags.begin(), tags.end(), "good-practice") == tags.end();
  }
  // Not in the catalog: the scan's own informative result is known by its id.
  return rule_id != "pack-page-roles";
}

std::string PackOf(std::string_view rule_id, const Catalog& catalog) {
  if (auto it = catalog.find(rule_id); it != catalog.end() && !it->second.pack.empty()) {
    return it->second.pack;
  }
  return std::string(rule_id.substr(0, rule_id.find('-')));
}

namespace {
double RoundToTenth(double percent) { return std::round(percent * 10.0) / 10.0; }
}  // namespace

void ComplianceTally::Add(Outcome o) {
  switch (o) {
    case Outcome::kPassed:
      ++met;
      break;
    case Outcome::kFailed:
      ++failed;
      break;
    case Outcome::kCantTell:
      ++cant_tell;
      break;
    case Outcome::kInapplicable:
      ++inapplicable;
      break;
  }
}

std::optional<double> ComplianceTally::Value() const {
  if (met + failed == 0) return std::nullopt;
  return RoundToTenth(100.0 * met / static_cast<double>(met + failed));
}

void AccessibilityIndex::AddPage(const findings::PageReport& page, const Catalog& catalog) {
  if (page.error) return;
  uint32_t passed = 0, failed = 0;
  for (const findings::RuleResult& r : page.rules) {
    if (IsObligationRule(r.id, catalog)) continue;
    switch (r.outcome) {
      case Outcome::kPassed:
        ++passed;
        break;
      case Outcome::kFailed:
        ++failed;
        break;
      case Outcome::kCantTell:
      case Outcome::kInapplicable:
        break;
    }
  }
  if (passed + failed == 0) return;
  sum_ += static_cast<double>(passed) / static_cast<double>(passed + failed);
  ++pages_;
}

std::optional<double> AccessibilityIndex::Value() const {
  if (pages_ == 0) return std::nullopt;
  return RoundToTenth(100.0 * sum_ / static_cast<double>(pages_));
}

std::string GroupKey(const RuleSummary& rule, const Catalog& catalog) {
  const findings::RuleInfo* info = nullptr;
  if (auto it = catalog.find(rule.id); it != catalog.end()) info = &it->second;
  const std::vector<std::string>& wcag = info && !info->wcag.empty() ? info->wcag : rule.wcag;
  if (IsObligationRule(rule.id, catalog)) {
    std::string pack = info && !info->pack.empty() ? info->pack : "";
    if (pack.empty()) pack = rule.id.substr(0, rule.id.find('-'));
    return "pack:" + pack;
  }
  if (!wcag.empty()) {
    if (char p = PrincipleOf(wcag.front()); p != 0) return std::string(1, p);
  }
  return "other";
}

}  // namespace verifica::report
