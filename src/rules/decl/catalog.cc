#include "rules/decl/catalog.h"

#include <algorithm>
#include <set>

#include "rules/decl/evaluate.h"
#include "rules/decl/jurisdictions.h"

namespace verifica::rules::decl {

PackCatalog::PackCatalog(std::vector<std::shared_ptr<const PackSpec>> packs)
    : packs_(std::move(packs)) {}

const PackSpec* PackCatalog::Find(std::string_view id) const {
  for (const auto& p : packs_) {
    if (p->id == id) return p.get();
  }
  return nullptr;
}

namespace {

bool AppliesTo(const PackSpec& p, std::string_view jurisdiction) {
  return p.jurisdiction == kGeneral || p.jurisdiction == jurisdiction;
}

std::string NameOf(std::string_view code) {
  if (code == kGeneral) return "general law (every jurisdiction)";
  auto table = JurisdictionTable::Embedded();
  const Jurisdiction* j = table.ok() ? (*table)->FindCode(code) : nullptr;
  return j == nullptr ? std::string(code) : j->name.en + " (" + j->code + ")";
}

}  // namespace

std::vector<std::string> PackCatalog::DefaultProfiles(std::string_view jurisdiction) const {
  std::set<std::string> superseded;
  for (const auto& p : packs_) {
    if (p->is_default && p->jurisdiction == jurisdiction) {
      superseded.insert(p->supersedes.begin(), p->supersedes.end());
    }
  }
  std::vector<std::string> out;
  for (const auto& p : packs_) {
    if (p->is_default && AppliesTo(*p, jurisdiction) && !superseded.count(p->id)) {
      out.push_back(p->id);
    }
  }
  return out;
}

Result<std::vector<const PackSpec*>> PackCatalog::Select(const std::vector<std::string>& profiles,
                                                         std::string_view jurisdiction) const {
  const std::vector<std::string> ids = profiles.empty() ? DefaultProfiles(jurisdiction) : profiles;
  std::vector<const PackSpec*> out;
  for (const std::string& id : ids) {
    const PackSpec* p = Find(id);
    if (p == nullptr) {
      std::string known;
      for (const auto& k : packs_) known += (known.empty() ? "" : ", ") + k->id;
      return InvalidArgument("unknown profile '" + id + "' (packs: " + known + ")");
    }
    if (!AppliesTo(*p, jurisdiction)) {
      return InvalidArgument("profile '" + id + "' checks the law of " + NameOf(p->jurisdiction) +
                             ", but the entity's jurisdiction is " + NameOf(jurisdiction) +
                             " (set the entity's jurisdiction, or leave profiles empty for "
                             "the packs of its jurisdiction)");
    }
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

Result<std::vector<std::shared_ptr<const RuleSpec>>> PackCatalog::EntityRules(
    const std::vector<std::string>& profiles, std::string_view jurisdiction) const {
  return RulesOf(profiles, jurisdiction, Scope::kEntity);
}

Result<std::vector<std::shared_ptr<const RuleSpec>>> PackCatalog::PageRules(
    const std::vector<std::string>& profiles, std::string_view jurisdiction) const {
  return RulesOf(profiles, jurisdiction, Scope::kPage);
}

Result<std::vector<std::shared_ptr<const RuleSpec>>> PackCatalog::RulesOf(
    const std::vector<std::string>& profiles, std::string_view jurisdiction, Scope scope) const {
  auto packs = Select(profiles, jurisdiction);
  if (!packs.ok()) return packs.status();
  std::vector<std::shared_ptr<const RuleSpec>> out;
  auto add = [&](const std::shared_ptr<const RuleSpec>& r) {
    if (r->scope != scope) return;
    for (const auto& o : out) {
      if (o->info.id == r->info.id) return;
    }
    out.push_back(r);
  };
  for (const PackSpec* p : *packs) {
    for (const auto& r : p->rules) add(r);
    for (const std::string& id : p->include) {
      for (const auto& other : packs_) {
        for (const auto& r : other->rules) {
          if (r->info.id == id) add(r);
        }
      }
    }
  }
  return out;
}

std::vector<const RoleSpec*> PackCatalog::Roles() const {
  std::vector<const RoleSpec*> out;
  for (const auto& p : packs_) {
    for (const RoleSpec& r : p->roles) out.push_back(&r);
  }
  return out;
}

const RuleSpec* PackCatalog::FindRule(std::string_view id) const {
  for (const auto& p : packs_) {
    for (const auto& r : p->rules) {
      if (r->info.id == id) return r.get();
    }
  }
  return nullptr;
}

Result<std::shared_ptr<const PackCatalog>> LoadCatalog(const std::vector<std::string>& user_paths,
                                                       const LoadOptions& options,
                                                       std::vector<PackError>* errors) {
  LoadResult r = LoadAllPacks(user_paths, options);
  if (!r.ok()) {
    const size_t n = r.errors.size();
    errors->insert(errors->end(), r.errors.begin(), r.errors.end());
    return InvalidArgument(std::to_string(n) + (n == 1 ? " error" : " errors") +
                           " in obligation packs");
  }
  return std::make_shared<const PackCatalog>(std::move(r.packs));
}

Status RegisterPackRules(RuleRegistry& registry, const PackCatalog& catalog, CivilDate today) {
  for (const auto& pack : catalog.packs()) {
    for (const auto& rule : pack->rules) {
      std::unique_ptr<Rule> r;
      if (rule->scope == Scope::kPage) {
        r = std::make_unique<PackPageRule>(rule, today);
      } else {
        r = std::make_unique<PackEntityRule>(rule);
      }
      if (Status s = registry.Add(std::move(r)); !s.ok()) {
        return InvalidArgument(pack->file + ": " + s.message());
      }
    }
  }
  return Status::Ok();
}

}  // namespace verifica::rules::decl
