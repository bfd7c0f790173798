// Shared HTML report pieces (html_util.h).
#include "report/html_util.h"

#include <gtest/gtest.h>

namespace verifica::report::html {
namespace {

TEST(RuleReferencesTest, Local_BestPracticeRuleSaysSo) {
  Catalog catalog;
  findings::RuleInfo info;
  info.id = "wcag-heading-order";
  info.tags = {"best-practice", "headings"};
  catalog[info.id] = info;
  const std::string es = RuleReferences(catalog, info.id, {}, {}, Messages::For("es"));
  EXPECT_NE(es.find("Buena práctica"), std::string::npos) << es;
  const std::string en = RuleReferences(catalog, info.id, {}, {}, Messages::For("en"));
  EXPECT_NE(en.find("Best practice"), std::string::npos) << en;

  // A rule mapped to a success criterion shows the criterion, not the best-practice note.
  findings::RuleInfo sc;
  sc.id = "wcag-table-headers";
  sc.wcag = {"1.3.1"};
  sc.tags = {"wcag2a"};
  catalog[sc.id] = sc;
  const std::string mapped = RuleReferences(catalog, sc.id, {}, {}, Messages::For("es"));
  EXPECT_NE(mapped.find("1.3.1"), std::string::npos) << mapped;
  EXPECT_EQ(mapped.find("Buena práctica"), std::string::npos) << mapped;
}

}  // namespace
}  // namespace verifica::report::html
