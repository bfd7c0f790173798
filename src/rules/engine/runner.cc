#include "rules/engine/runner.h"

#include <exception>
#include <string>
#include <unordered_map>

#include "aria/aria.h"

namespace verifica::rules {

using findings::Finding;
using findings::RuleResult;

namespace {

void Record(const Rule& rule, const dom::Document& doc, dom::NodeId tested, const Verdict& v,
            const RunOptions& options, RuleResult* r) {
  r->outcome = findings::Worst(r->outcome, v.outcome);
  switch (v.outcome) {
    case Outcome::kPassed:
      ++r->passed;
      if (!options.include_passes) return;
      break;
    case Outcome::kCantTell:
      ++r->cant_tell;
      break;
    case Outcome::kFailed:
      ++r->failed;
      break;
    case Outcome::kInapplicable:
      return;
  }
  if (r->findings.size() >= options.max_findings) return;
  const dom::NodeId target = v.target == dom::kNoNode ? tested : v.target;
  Finding f;
  f.outcome = v.outcome;
  if (target < doc.size()) {
    const dom::Node& n = doc.node(target);
    f.selector = n.is_element() ? doc.Selector(target) : std::string();
    f.line = n.line;
    f.column = n.column;
    f.snippet = doc.Snippet(target, options.snippet_bytes);
  }
  f.message_id = v.message_id;
  f.args = v.args;
  const auto& msgs = rule.meta().messages;
  if (auto it = msgs.find(v.message_id); it != msgs.end()) {
    f.message.es = FormatMessage(it->second.es, v.args);
    f.message.en = FormatMessage(it->second.en, v.args);
  } else {
    // A rule naming a message its metadata lacks is a bug; say so rather than print nothing.
    f.message.es = f.message.en = "[" + rule.id() + ": " + v.message_id + "]";
  }
  r->findings.push_back(std::move(f));
}

}  // namespace

std::vector<RuleResult> RunRules(const dom::Document& doc, std::span<const Rule* const> rules,
                                 const RunOptions& options, PageCache* cache) {
  std::vector<RuleResult> results(rules.size());
  std::unordered_map<std::string, std::vector<size_t>> by_tag;
  std::vector<size_t> every;
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleMeta& m = rules[i]->meta();
    results[i].id = m.id;
    results[i].wcag = m.wcag;
    results[i].act = m.act;
    results[i].impact = m.impact;
    std::vector<std::string> tags = rules[i]->Tags();
    if (tags.empty()) {
      every.push_back(i);
    } else {
      for (const std::string& t : tags) by_tag[t].push_back(i);
    }
  }
  // WCAG rules here are HTML rules: an SVG or XML document is outside their applicability.
  if (!doc.is_html()) return results;

  aria::PageAria aria(doc);
  PageCache own_cache;
  PageContext ctx{doc, aria, cache != nullptr ? cache : &own_cache};
  std::vector<bool> broken(rules.size(), false);
  auto run = [&](size_t i, dom::NodeId id) {
    if (broken[i]) return;
    try {
      std::optional<Verdict> v = rules[i]->Check(id, ctx);
      if (v) Record(*rules[i], doc, id, *v, options, &results[i]);
    } catch (const std::exception& e) {
      broken[i] = true;
      results[i].error = std::string("rule failed on this page: ") + e.what();
    } catch (...) {
      broken[i] = true;
      results[i].error = "rule failed on this page";
    }
  };
  const std::vector<dom::Node>& nodes = doc.nodes();
  for (dom::NodeId id = 0; id < nodes.size(); ++id) {
    const dom::Node& n = nodes[id];
    if (n.type != dom::NodeType::kElement) continue;
    if (auto it = by_tag.find(n.tag); it != by_tag.end()) {
      for (size_t i : it->second) run(i, id);
    }
    for (size_t i : every) run(i, id);
    // Template contents are a separate document fragment, not part of the page's tree.
    if (n.ns == dom::Namespace::kHtml && n.tag == "template") id = n.subtree_end - 1;
  }
  for (size_t i = 0; i < rules.size(); ++i) {
    if (broken[i]) results[i].outcome = findings::Worst(results[i].outcome, Outcome::kCantTell);
  }
  return results;
}

}  // namespace verifica::rules
