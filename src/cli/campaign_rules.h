// Entity-scope rules that the crawl itself decides (pack "crawl"): link-broken. Registered in the
// catalog so `verifica rules` lists them and --rules selects them; never run per page.
#ifndef VERIFICA_CLI_CAMPAIGN_RULES_H_
#define VERIFICA_CLI_CAMPAIGN_RULES_H_

#include <cstdint>
#include <vector>

#include "fetch/crawler.h"
#include "findings/findings.h"
#include "rules/engine/registry.h"

namespace verifica::cli {

inline constexpr const char* kLinkBrokenId = "link-broken";

Status RegisterCrawlRules(rules::RuleRegistry& registry);

// The link-broken result of one entity: failed with one finding per page linking to a broken
// target, passed when every followed link worked, inapplicable when no link was followed.
// `links_ok` counts the link targets that worked (pages fetched and documents reachable).
findings::RuleResult LinkBrokenResult(const findings::RuleInfo& meta,
                                      const std::vector<fetch::FailedFetch>& failures,
                                      uint32_t links_ok, size_t max_findings = 500);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_CAMPAIGN_RULES_H_
