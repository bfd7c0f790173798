// Judging a pack rule: first every evidence item is observed on a page (ObserveRule, while the
// page is alive), then the observations of one page, or of all the pages an entity rule reads,
// are judged (Judge) into an outcome and findings:
//
//   applies_if  none holds                          → inapplicable
//   none        an item holds                        → when_found (failed or cantTell), each
//   all / any   an item found but wrong (kFails)     → failed, with the primitive's message
//               evidence missing, a page unreadable
//               or needing rendering                 → cantTell, never "absent"
//               evidence missing, a `weak` item holds → cantTell with the weak item's message
//               evidence missing                     → when_missing (failed, cantTell,
//               inapplicable)
//   otherwise                                        → passed (none-only rules: when_clear)
#ifndef VERIFICA_RULES_DECL_EVALUATE_H_
#define VERIFICA_RULES_DECL_EVALUATE_H_

#include <memory>
#include <string>
#include <vector>

#include "findings/findings.h"
#include "rules/decl/pack.h"
#include "rules/decl/primitives.h"
#include "rules/engine/rule.h"

namespace verifica::rules::decl {

// A rule's observations on one page.
struct RuleObservations {
  std::string url;
  bool needs_rendering = false;
  bool readable = true;
  std::vector<Observation> applies_if, all, any, none, weak;
};

// Observes every item of `rule` on `page` (on one form for per-form rules when `form` is set).
// Absent evidence on an unreadable document or a page that needs rendering becomes kUnknown.
// Observations are materialised (selector, snippet...) so they outlive the page.
RuleObservations ObserveRule(const RuleSpec& rule, PageView& page, const EvalContext& ctx,
                             dom::NodeId form = dom::kNoNode);

// Entity phase: lets entity-only primitives complete their observations (link-health).
void ResolveRule(const RuleSpec& rule, RuleObservations* obs, const EvalContext& ctx);

struct JudgedFinding {
  findings::Outcome outcome = findings::Outcome::kFailed;
  std::string message_id;
  std::vector<std::string> args;  // {0} evidence, {1} detail, {2} page(s)
  Observation evidence;           // where (url, selector, line, snippet)
};

struct Judgement {
  findings::Outcome outcome = findings::Outcome::kInapplicable;
  std::vector<JudgedFinding> findings;  // failed and cantTell ones, then the passing evidence
};

// Judges the observations of one unit: a page, or the pooled role pages of an entity rule
// (an item holds when it holds on any of them).
Judgement Judge(const RuleSpec& rule, const std::vector<const RuleObservations*>& pages);

// A finding with its message rendered in both languages from the rule's templates.
findings::Finding RenderFinding(const RuleSpec& rule, const JudgedFinding& f);

// Page-scope pack rules as engine rules, so `check` and `scan` run them with the C++ rules.
// Per-form rules run once per <form>; the others once per page (on <html>).
class PackPageRule : public Rule {
 public:
  PackPageRule(std::shared_ptr<const RuleSpec> spec, CivilDate today);
  std::vector<std::string> Tags() const override;
  std::optional<Verdict> Check(dom::NodeId node, PageContext& ctx) const override;
  const RuleSpec& spec() const { return *spec_; }

 private:
  std::shared_ptr<const RuleSpec> spec_;
  CivilDate today_;
};

// Entity-scope pack rules in the catalog (`verifica rules`): they never run on a single page;
// the entity phase (entity.h) judges them at the end of an entity's crawl.
class PackEntityRule : public Rule {
 public:
  explicit PackEntityRule(std::shared_ptr<const RuleSpec> spec);
  std::vector<std::string> Tags() const override;
  std::optional<Verdict> Check(dom::NodeId node, PageContext& ctx) const override;
  const RuleSpec& spec() const { return *spec_; }

 private:
  std::shared_ptr<const RuleSpec> spec_;
};

// The tag entity-scope rules carry in RuleInfo::tags (the same as cli/page_check.h's, so the
// page runner skips them).
inline constexpr std::string_view kEntityScopeTag = "entity-scope";

// The page's one PageView in `cache`, made on first use: the pack rules and the scan's page
// hook read the same view, so its facets (folded text, links) are built once per page.
PageView& SharedPageView(PageCache& cache, const dom::Document& doc);
bool IsEntityScope(const findings::RuleInfo& info);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_EVALUATE_H_
