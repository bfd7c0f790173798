#include "report/aggregate.h"

#include <algorithm>
#include <map>

#include "report/fingerprint.h"
#include "report/wcag.h"

namespace verifica::report {

using findings::Outcome;

std::vector<RuleSummary> SummarizeRules(const findings::EntityReport& report) {
  std::map<std::string, RuleSummary> by_id;
  auto visit = [&](const findings::RuleResult& r, const findings::PageReport* page) {
    RuleSummary& s = by_id[r.id];
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
        page ? (page->final_url.empty() ? page->url : page->final_url) : report.entity.url;
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
    for (const findings::Finding& f : r.findings) {
      std::string_view url = FindingPageUrl(page, f);
      if (url.empty()) url = page_url;
      PageHits& h = hits_for(url);
      if (f.outcome == Outcome::kFailed) h.failed.push_back(&f);
      if (f.outcome == Outcome::kCantTell) h.review.push_back(&f);
    }
    uint64_t listed_failed = 0, listed_review = 0;
    for (PageHits& h : local) {
      h.failed_total = h.failed.size();
      h.review_total = h.review.size();
      listed_failed += h.failed.size();
      listed_review += h.review.size();
    }
    // Elements beyond the runner's cap are counted on the page itself.
    const uint64_t failed_count = std::max<uint64_t>(r.failed, listed_failed);
    const uint64_t review_count = std::max<uint64_t>(r.cant_tell, listed_review);
    if (local.empty()) local.push_back(PageHits{page_url, {}, {}, 0, 0});
    local.front().failed_total += failed_count - listed_failed;
    local.front().review_total += review_count - listed_review;
    s.elements_failed += failed_count;
    s.elements_review += review_count;
    for (PageHits& h : local) s.hits.push_back(std::move(h));
  };
  for (const findings::PageReport& p : report.pages) {
    if (p.error) continue;
    for (const findings::RuleResult& r : p.rules) visit(r, &p);
  }
  for (const findings::RuleResult& r : report.entity_rules) visit(r, nullptr);
  std::vector<RuleSummary> out;
  out.reserve(by_id.size());
  for (auto& [id, s] : by_id) out.push_back(std::move(s));
  return out;
}

std::vector<ReportedItem> ReportedItems(const findings::EntityReport& report) {
  const FingerprintContext ctx = FingerprintContext::For(report.pages, report.entity_rules);
  std::vector<ReportedItem> items;
  auto visit = [&](const findings::RuleResult& r, const findings::PageReport* page) {
    if (r.outcome != Outcome::kFailed && r.outcome != Outcome::kCantTell) return;
    bool listed_failed = false;
    const std::string fallback =
        page ? (page->final_url.empty() ? page->url : page->final_url) : report.entity.url;
    for (const findings::Finding& f : r.findings) {
      if (f.outcome != Outcome::kFailed && f.outcome != Outcome::kCantTell) continue;
      listed_failed |= f.outcome == Outcome::kFailed;
      std::string url(FindingPageUrl(page, f));
      if (url.empty()) url = fallback;
      items.push_back({&r, &f, url, f.outcome, ctx.Of(r.id, url, f)});
    }
    if (r.outcome == Outcome::kFailed && !listed_failed) {
      const findings::Finding whole;
      items.push_back({&r, nullptr, fallback, Outcome::kFailed, ctx.Of(r.id, fallback, whole)});
    }
  };
  for (const findings::PageReport& p : report.pages) {
    if (p.error) continue;
    for (const findings::RuleResult& r : p.rules) visit(r, &p);
  }
  for (const findings::RuleResult& r : report.entity_rules) visit(r, nullptr);
  return items;
}

bool IsObligationRule(std::string_view rule_id, const Catalog& catalog) {
  if (auto it = catalog.find(rule_id); it != catalog.end()) return !it->second.legal_basis.empty();
  // Not in the catalog: WCAG rules and the crawler's link checks are known by their prefix.
  return !rule_id.starts_with("wcag-") && !rule_id.starts_with("link-");
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
