#include "rules/engine/registry.h"

#include <algorithm>

#include "util/embedded.h"

namespace verifica::rules {

Status RuleRegistry::Add(std::unique_ptr<Rule> rule) {
  if (!rule) return InternalError("null rule");
  if (Find(rule->id()) != nullptr) return InvalidArgument("duplicate rule id: " + rule->id());
  rules_.push_back(std::move(rule));
  return Status::Ok();
}

const Rule* RuleRegistry::Find(std::string_view id) const {
  for (const auto& r : rules_) {
    if (r->id() == id) return r.get();
  }
  return nullptr;
}

Result<RuleMeta> RuleRegistry::LoadEmbeddedMeta(std::string_view pack, std::string_view id) {
  const std::string name = "rules/" + std::string(pack) + "/" + std::string(id) + ".json";
  auto data = embedded::Find(name);
  if (!data) return NotFound("no embedded metadata " + name);
  Result<RuleMeta> meta = ParseRuleMeta(*data, name);
  if (!meta.ok()) return meta;
  if (meta->id != id) {
    return InvalidArgument(name + ": /id is '" + meta->id + "', expected '" + std::string(id) + "'");
  }
  return meta;
}

bool GlobMatch(std::string_view p, std::string_view t) {
  // Iterative wildcard match with backtracking to the last '*'.
  size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ti;
    } else if (pi < p.size() && p[pi] == t[ti]) {
      ++pi;
      ++ti;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

Result<std::vector<const Rule*>> RuleRegistry::Select(std::string_view globs) const {
  std::vector<std::string> positive, negative;
  size_t start = 0;
  while (start <= globs.size()) {
    size_t comma = globs.find(',', start);
    if (comma == std::string_view::npos) comma = globs.size();
    std::string_view item = globs.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      if (item.front() == '-') {
        item.remove_prefix(1);
        if (item.empty()) return InvalidArgument("empty pattern after '-' in --rules");
        negative.emplace_back(item);
      } else {
        positive.emplace_back(item);
      }
    }
    start = comma + 1;
  }
  for (const auto* list : {&positive, &negative}) {
    for (const std::string& g : *list) {
      const bool any = std::any_of(rules_.begin(), rules_.end(),
                                   [&](const auto& r) { return GlobMatch(g, r->id()); });
      if (!any) {
        return InvalidArgument("--rules pattern '" + g +
                               "' matches no rule (see 'verifica rules' for the catalog)");
      }
    }
  }
  std::vector<const Rule*> out;
  for (const auto& r : rules_) {
    bool in = positive.empty() ||
              std::any_of(positive.begin(), positive.end(),
                          [&](const std::string& g) { return GlobMatch(g, r->id()); });
    bool out_ = std::any_of(negative.begin(), negative.end(),
                            [&](const std::string& g) { return GlobMatch(g, r->id()); });
    if (in && !out_) out.push_back(r.get());
  }
  if (out.empty()) return InvalidArgument("--rules '" + std::string(globs) + "' selects no rule");
  return out;
}

}  // namespace verifica::rules
