// Obligation packs in `verifica scan`: the scan hooks (scan_hooks.h) that steer the crawl to the
// pages the packs need (page roles), observe the evidence of entity rules on each candidate page
// while it is parsed, read role documents the crawl only listed (PDF avisos), and at the end of
// each entity choose the page for every role, say why, and judge the entity rules.
#ifndef VERIFICA_CLI_PACKS_WIRING_H_
#define VERIFICA_CLI_PACKS_WIRING_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/entities.h"
#include "cli/packs_options.h"
#include "cli/scan_hooks.h"
#include "fetch/fetch_one.h"
#include "rules/decl/catalog.h"
#include "rules/decl/dates.h"
#include "util/status.h"

namespace verifica::cli {

// Id of the informational entity result that lists the page taken for each role and why.
inline constexpr const char* kPageRolesId = "pack-page-roles";

struct PackHooksOptions {
  std::shared_ptr<const rules::decl::PackCatalog> catalog;
  rules::decl::CivilDate today;
  std::set<std::string> selected;  // ids chosen by --rules; entity rules outside it do not run
  fetch::FetchLimits limits;       // for the role documents read at the end of an entity
  size_t max_findings = 500;       // per rule and entity
};

// The hooks for a scan of `entities`. Every entity's profiles must name known packs (an empty
// profiles column means the default packs): an unknown one is an InvalidArgument error naming
// the entity, and nothing should be scanned.
Result<ScanHooks> MakePackHooks(const PackHooksOptions& options,
                                const std::vector<Entity>& entities);

// The hooks for `scan`: the catalog of `packs` (the one BuildRegistry loaded), the entity rules
// among `selected`, role documents fetched within `limits`.
Result<ScanHooks> MakeScanPackHooks(const PacksArgs& packs, const rules::RuleRegistry& registry,
                                    const std::vector<const rules::Rule*>& selected,
                                    const fetch::FetchLimits& limits,
                                    const std::vector<Entity>& entities);

// Catalog entry of kPageRolesId (for `verifica rules` and the reports).
const findings::RuleInfo& PageRolesInfo();

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_PACKS_WIRING_H_
