#include "testing/rule_harness.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "html/parser.h"
#include "rules/engine/runner.h"
#include "rules/wcag/wcag_module.h"

namespace verifica::testing {

const rules::RuleRegistry& Registry() {
  static const rules::RuleRegistry* reg = [] {
    auto* r = new rules::RuleRegistry();
    Status s = rules::RegisterWcagRules(*r);
    if (!s.ok()) ADD_FAILURE() << "registering rules: " << s.message();
    return r;
  }();
  return *reg;
}

findings::RuleResult RunRule(std::string_view id, std::string_view html,
                             std::string_view content_type) {
  const rules::Rule* rule = Registry().Find(id);
  if (rule == nullptr) {
    ADD_FAILURE() << "unknown rule " << id;
    return {};
  }
  html::ParseOptions po;
  po.content_type = std::string(content_type);
  po.url = "https://example.gob.mx/test.html";
  html::ParseResult parsed = html::Parse(html, po);
  if (!parsed.ok) {
    ADD_FAILURE() << "page did not parse: " << parsed.error.message;
    return {};
  }
  std::vector<const rules::Rule*> one = {rule};
  rules::RunOptions ro;
  ro.include_passes = true;
  auto results = rules::RunRules(parsed.document, one, ro);
  return results.at(0);
}

findings::Outcome OutcomeOf(std::string_view id, std::string_view html,
                            std::string_view content_type) {
  return RunRule(id, html, content_type).outcome;
}

std::vector<std::string> Selectors(const findings::RuleResult& r, findings::Outcome o) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    if (f.outcome == o) out.push_back(f.selector);
  }
  return out;
}

std::string ReadSourceFile(std::string_view relative_path) {
  std::string path = std::string(VERIFICA_SOURCE_DIR) + "/" + std::string(relative_path);
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

}  // namespace verifica::testing
