// Helpers for the obligation-pack tests: packs from text, pages from HTML, rules run on pages.
#ifndef VERIFICA_TESTS_DECL_DECL_TEST_UTIL_H_
#define VERIFICA_TESTS_DECL_DECL_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"
#include "findings/findings.h"
#include "rules/decl/catalog.h"
#include "rules/decl/evaluate.h"
#include "rules/decl/pack.h"

namespace verifica::decltest {

// Every pack under rules/ in the source tree (rules/<id>/pack.json), as sources.
std::vector<rules::decl::PackSource> SourceTreePacks();

// The packs of the source tree, loaded; fails the test on any error.
std::shared_ptr<const rules::decl::PackCatalog> SourceCatalog();

// A rule of the source-tree packs by id; fails the test if absent.
std::shared_ptr<const rules::decl::RuleSpec> SourceRule(std::string_view id);

// Loads `json` as a pack (file name "test.json") together with the source-tree packs
// (for roles and extends); returns the errors.
std::vector<rules::decl::PackError> ErrorsOf(std::string_view json);

// Parses HTML as a page at `url`.
dom::Document Parse(std::string_view html, std::string_view url = "https://ejemplo.gob.mx/");

// Runs a page-scope pack rule on a page through the rule engine.
findings::RuleResult RunPageRule(std::string_view id, std::string_view html,
                                 rules::decl::CivilDate today = {2025, 6, 30});

// Judges an entity-scope rule on the given pages, each taken as holding its roles. Links whose
// URL contains "/roto" count as broken (HTTP 404) for link-health.
rules::decl::Judgement JudgeOnPages(const rules::decl::RuleSpec& rule,
                                    const std::vector<std::string_view>& htmls,
                                    rules::decl::CivilDate today = {2025, 6, 30});

// Reads a file of the source tree.
std::string ReadSource(std::string_view relative);

// "failed: missing, ..." — outcome and message ids of a judgement, for readable expectations.
std::string Describe(const rules::decl::Judgement& j);

}  // namespace verifica::decltest

#endif  // VERIFICA_TESTS_DECL_DECL_TEST_UTIL_H_
