// The loaded obligation packs: the embedded ones (rules/*/pack.json) plus any a user adds with
// --packs, and the choice of packs for an entity from its jurisdiction and profiles (entities
// file columns `jurisdiction` and `profiles`; packs marked "default" when `profiles` is empty).
#ifndef VERIFICA_RULES_DECL_CATALOG_H_
#define VERIFICA_RULES_DECL_CATALOG_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/decl/dates.h"
#include "rules/decl/pack.h"
#include "rules/engine/registry.h"
#include "util/status.h"

namespace verifica::rules::decl {

class PackCatalog {
 public:
  explicit PackCatalog(std::vector<std::shared_ptr<const PackSpec>> packs);

  const std::vector<std::shared_ptr<const PackSpec>>& packs() const { return packs_; }
  const PackSpec* Find(std::string_view id) const;
  // Ids of the packs that apply by default to an entity of `jurisdiction` (a code of
  // jurisdictions.h): those marked "default": true whose law is general or of that
  // jurisdiction, less the general ones a pack of that jurisdiction supersedes; in load order.
  std::vector<std::string> DefaultProfiles(std::string_view jurisdiction) const;
  // The packs an entity's profiles name (its defaults when `profiles` is empty). An unknown
  // profile is an error naming the known ones; so is a pack of another jurisdiction's law
  // (state or CDMX law is never applied to an entity of another jurisdiction).
  Result<std::vector<const PackSpec*>> Select(const std::vector<std::string>& profiles,
                                              std::string_view jurisdiction) const;
  // The entity rules of those packs plus the rules they include, each once, in pack order.
  Result<std::vector<std::shared_ptr<const RuleSpec>>> EntityRules(
      const std::vector<std::string>& profiles, std::string_view jurisdiction) const;
  // The same for page rules: the page rules an entity with these profiles gets on its pages.
  Result<std::vector<std::shared_ptr<const RuleSpec>>> PageRules(
      const std::vector<std::string>& profiles, std::string_view jurisdiction) const;
  // Every role any loaded pack defines (a role defined by several packs has several specs:
  // any of them finds it).
  std::vector<const RoleSpec*> Roles() const;
  const RuleSpec* FindRule(std::string_view id) const;

 private:
  Result<std::vector<std::shared_ptr<const RuleSpec>>> RulesOf(
      const std::vector<std::string>& profiles, std::string_view jurisdiction, Scope scope) const;

  std::vector<std::shared_ptr<const PackSpec>> packs_;
};

// Loads the embedded packs plus `user_paths`; every validation error is appended to `errors`
// and the result is an error then (nothing half-loaded).
Result<std::shared_ptr<const PackCatalog>> LoadCatalog(const std::vector<std::string>& user_paths,
                                                       const LoadOptions& options,
                                                       std::vector<PackError>* errors);

// Adds every pack rule to `registry`: page rules as runnable rules (dates judged against
// `today`), entity rules as catalog entries that the entity phase judges.
Status RegisterPackRules(RuleRegistry& registry, const PackCatalog& catalog, CivilDate today);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_CATALOG_H_
