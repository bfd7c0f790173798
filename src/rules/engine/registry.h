// The rule catalog: rules are registered explicitly (no static initialisers), looked up by id,
// and selected with comma-separated globs ("wcag-*,-wcag-meta-*").
#ifndef VERIFICA_RULES_ENGINE_REGISTRY_H_
#define VERIFICA_RULES_ENGINE_REGISTRY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/rule.h"
#include "util/status.h"

namespace verifica::rules {

class RuleRegistry {
 public:
  // Adds a rule; fails on a duplicate id.
  Status Add(std::unique_ptr<Rule> rule);

  // Builds rule R with the metadata embedded at "rules/<pack>/<id>.json" and adds it.
  template <typename R>
  Status Add(std::string_view pack, std::string_view id) {
    Result<RuleMeta> meta = LoadEmbeddedMeta(pack, id);
    if (!meta.ok()) return meta.status();
    return Add(std::make_unique<R>(std::move(meta).value()));
  }

  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;

  // Rules selected by `globs`: comma-separated patterns with '*' wildcards; a leading '-'
  // removes matches. With no positive pattern every rule is the start set. A pattern that
  // matches no rule is an error (a typo must not silently select nothing).
  Result<std::vector<const Rule*>> Select(std::string_view globs) const;

  static Result<RuleMeta> LoadEmbeddedMeta(std::string_view pack, std::string_view id);

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
};

// '*' matches any run of characters, everything else itself.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_ENGINE_REGISTRY_H_
