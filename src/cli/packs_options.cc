#include "cli/packs_options.h"

#include <CLI/CLI.hpp>
#include <map>
#include <mutex>

#include "cli/packs_wiring.h"

namespace verifica::cli {

namespace {

// Catalog entry for a result the scan computes itself (pack-page-roles): never run per page.
class ComputedEntityRule : public rules::Rule {
 public:
  using Rule::Rule;
  std::vector<std::string> Tags() const override { return {"#entity"}; }
  std::optional<rules::Verdict> Check(dom::NodeId, rules::PageContext&) const override {
    return std::nullopt;
  }
};

std::string ErrorList(const std::vector<rules::decl::PackError>& errors) {
  std::string out = std::to_string(errors.size()) + (errors.size() == 1 ? " error" : " errors") +
                    " in obligation packs:";
  for (const auto& e : errors) out += "\n  " + e.ToString();
  return out;
}

}  // namespace

void AddPacksOptions(CLI::App* sub, PacksArgs* args) {
  sub->add_option("--packs", args->dirs,
                  "Also load the obligation packs (.json) in this file or folder (repeatable); a "
                  "pack with the id of a built-in one replaces it");
  sub->add_option(
      "--today", args->today,
      "Judge dates as of this day (YYYY-MM-DD) instead of today, for reproducible runs");
}

Result<rules::decl::CivilDate> ResolveToday(const PacksArgs& args) {
  if (args.today.empty()) return rules::decl::TodayUtc();
  auto d = rules::decl::ParseIsoDate(args.today);
  if (!d) return InvalidArgument("--today '" + args.today + "': expected a date as YYYY-MM-DD");
  return *d;
}

Result<std::shared_ptr<const rules::decl::PackCatalog>> LoadPackCatalog(
    const PacksArgs& args, const rules::RuleRegistry& builtins) {
  static std::mutex mu;
  static std::map<std::vector<std::string>, std::shared_ptr<const rules::decl::PackCatalog>> cache;
  std::lock_guard<std::mutex> lock(mu);
  // The guarantor names in the rules' texts are those in force on --today.
  auto today = ResolveToday(args);
  if (!today.ok()) return today.status();
  std::vector<std::string> key = args.dirs;
  key.push_back("--today=" + today->Iso());
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  rules::decl::LoadOptions options;
  options.today = *today;
  for (const auto& r : builtins.rules()) {
    // Pack rules already in the registry (tagged "pack:<id>") are not built-in rules.
    bool from_pack = false;
    for (const std::string& t : r->meta().tags) from_pack = from_pack || t.rfind("pack:", 0) == 0;
    if (!from_pack) options.reserved_ids.push_back(r->id());
  }
  std::vector<rules::decl::PackError> errors;
  auto cat = rules::decl::LoadCatalog(args.dirs, options, &errors);
  if (!cat.ok()) return InvalidArgument(ErrorList(errors));
  cache.emplace(std::move(key), *cat);
  return cat;
}

Status RegisterPacks(rules::RuleRegistry& registry, const PacksArgs& args) {
  auto today = ResolveToday(args);
  if (!today.ok()) return today.status();
  auto cat = LoadPackCatalog(args, registry);
  if (!cat.ok()) return cat.status();
  if (Status s = rules::decl::RegisterPackRules(registry, **cat, *today); !s.ok()) return s;
  return registry.Add(std::make_unique<ComputedEntityRule>(PageRolesInfo()));
}

}  // namespace verifica::cli
