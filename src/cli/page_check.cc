#include "cli/page_check.h"

#include <algorithm>

#include "util/hash.h"

namespace verifica::cli {

bool IsEntityScope(const rules::Rule& rule) {
  for (const std::string& t : rule.meta().tags) {
    if (t == kEntityScopeTag) return true;
  }
  return false;
}

findings::PageReport CheckPage(const PageInput& in, const std::vector<const rules::Rule*>& rules,
                               const CheckOptions& options) {
  return CheckPage(in, rules, options, nullptr);
}

findings::PageReport CheckPage(const PageInput& in, const std::vector<const rules::Rule*>& rules,
                               const CheckOptions& options, const DocumentVisitor& visit) {
  findings::PageReport p;
  p.url = in.url;
  p.final_url = in.final_url.empty() ? in.url : in.final_url;
  p.status = in.status;
  p.content_type = in.content_type;
  p.fetched_at = in.fetched_at;
  p.sha256 = Sha256Hex(in.body);
  p.bytes = in.body.size();
  html::ParseOptions po = options.parse;
  po.url = p.final_url;
  po.content_type = in.content_type;
  html::ParseResult parsed = html::Parse(in.body, po);
  if (!parsed.ok) {
    p.error = findings::PageError{parsed.error.kind, parsed.error.message};
    return p;
  }
  p.encoding = parsed.document.encoding();
  rules::PageCache cache;
  const bool any_entity_rule = std::any_of(rules.begin(), rules.end(),
                                           [](const rules::Rule* r) { return IsEntityScope(*r); });
  if (any_entity_rule) {
    std::vector<const rules::Rule*> page_rules;
    page_rules.reserve(rules.size());
    for (const rules::Rule* r : rules) {
      if (!IsEntityScope(*r)) page_rules.push_back(r);
    }
    p.rules = rules::RunRules(parsed.document, page_rules, options.run, &cache);
  } else {
    p.rules = rules::RunRules(parsed.document, rules, options.run, &cache);
  }
  if (visit) visit(parsed.document, cache);
  return p;
}

}  // namespace verifica::cli
