// Pack loading and validation: every pack in rules/ is valid, and malformed packs are rejected
// with every error at once, each naming the file, the JSON pointer and the reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "decl/decl_test_util.h"
#include "rules/decl/checker.h"
#include "rules/decl/pack.h"

namespace verifica {
namespace {

using rules::decl::LoadOptions;
using rules::decl::LoadPacks;
using rules::decl::PackError;
using ::testing::HasSubstr;

// A minimal valid pack; tests break one thing at a time.
constexpr std::string_view kMinimal = R"({
  "schema": 1,
  "pack": {"id": "prueba", "version": "1", "jurisdiction": "general", "effective": "2025-01-01",
           "title": {"es": "Prueba", "en": "Test"}},
  "rules": [{
    "id": "tr-prueba", "title": {"es": "t", "en": "t"}, "description": {"es": "d", "en": "d"},
    "help": {"es": "h", "en": "h"}, "legal_basis": [{"norm": "LGTAIP", "article": "Art. 65", "status": "confirmed"}],
    "impact": "serious", "scope": "page",
    "evidence": {"any": [{"check": "link", "text": "transparencia"}]},
    "messages": {"pass": {"es": "sí", "en": "yes"}, "missing": {"es": "no", "en": "no"}}
  }]
})";

std::string Replace(std::string_view s, std::string_view from, std::string_view to) {
  std::string out(s);
  size_t p = out.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) out.replace(p, from.size(), to);
  return out;
}

std::string Join(const std::vector<PackError>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.ToString() + "\n";
  return out;
}

TEST(PackLoaderTest, Local_EveryPackInTheSourceTreeIsValid) {
  auto src = decltest::SourceTreePacks();
  ASSERT_GE(src.size(), 3u);
  rules::decl::LoadResult r = LoadPacks(src, LoadOptions{});
  EXPECT_TRUE(r.ok()) << Join(r.errors);
  EXPECT_EQ(r.packs.size(), src.size());
}

TEST(PackLoaderTest, Local_ThePacksOfIssue4Exist) {
  auto cat = decltest::SourceCatalog();
  for (const char* id : {"mx-lgtaip-2025", "cdmx-2024", "mx-datos-personales"}) {
    EXPECT_NE(cat->Find(id), nullptr) << id;
  }
  EXPECT_EQ(cat->DefaultProfiles("federal"),
            (std::vector<std::string>{"mx-datos-personales", "mx-lgtaip-2025"}));
}

// The catalogue's MVP (research §4.4) minus the two WCAG checks done by C++ rules, plus
// AX-OVERLAY, TR-STALE-REFS and the aviso elements, each with the catalogue id in lower case.
TEST(PackLoaderTest, Local_CatalogueChecksAreImplementedUnderTheirIds) {
  auto cat = decltest::SourceCatalog();
  for (const char* id : {"tr-home-link",
                         "tr-pnt-link",
                         "tr-oblig-index",
                         "tr-fecha-act",
                         "tr-staleness",
                         "tr-ut-address",
                         "tr-ut-phone",
                         "tr-ut-email",
                         "tr-solicitud-route",
                         "tr-link-health",
                         "pd-aviso-link",
                         "pd-aviso-integral",
                         "pd-simplificado-at-form",
                         "pd-simpl-where-integral",
                         "ax-overlay",
                         "tr-stale-refs",
                         "pd-e1-responsable",
                         "pd-e2-datos",
                         "pd-e3-fundamento",
                         "pd-e4-finalidades",
                         "pd-e5-arco",
                         "pd-e6-ut",
                         "pd-e7-transfer",
                         "pd-e8-negativa",
                         "pd-e9-cambios",
                         "pd-e10-donde-integral",
                         "tr-calendario",
                         "pd-cdmx-sistema"}) {
    const rules::decl::RuleSpec* r = cat->FindRule(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_FALSE(r->info.legal_basis.empty()) << id;
    for (const auto& b : r->info.legal_basis) {
      EXPECT_FALSE(b.norm.empty()) << id;
      EXPECT_FALSE(b.article.empty()) << id;
    }
  }
}

// LGTAIP 2025 (DOF 20-03-2025): the common obligations moved from Art. 70 to Art. 65. No
// federal rule may still cite Art. 70 as its basis.
TEST(PackLoaderTest, Ley_FederalRulesCiteThe2025Numbering) {
  const rules::decl::PackSpec* fed = decltest::SourceCatalog()->Find("mx-lgtaip-2025");
  ASSERT_NE(fed, nullptr);
  for (const auto& r : fed->rules) {
    for (const auto& b : r->info.legal_basis) {
      EXPECT_THAT(b.article, ::testing::Not(HasSubstr("Art. 70"))) << r->info.id;
    }
  }
  const rules::decl::RuleSpec* index = decltest::SourceCatalog()->FindRule("tr-oblig-index");
  ASSERT_NE(index, nullptr);
  EXPECT_THAT(index->info.legal_basis.at(0).article, HasSubstr("Art. 65"));
}

// CDMX transparency law, Arts. 145 (home-page sign) and 146 (updates): the CDMX variants cite
// the local articles and keep the general rule's evidence.
TEST(PackLoaderTest, Ley_CdmxVariantsCiteTheLocalLaw) {
  auto cat = decltest::SourceCatalog();
  const auto* home = cat->FindRule("tr-home-link-cdmx");
  ASSERT_NE(home, nullptr);
  EXPECT_THAT(home->info.legal_basis.at(0).article, ::testing::StartsWith("Art. 145"));
  EXPECT_EQ(home->catalogue, "TR-HOME-LINK");
  EXPECT_EQ(home->any.size(), cat->FindRule("tr-home-link")->any.size());
  EXPECT_THAT(cat->FindRule("tr-staleness-cdmx")->info.legal_basis.at(0).article,
              ::testing::StartsWith("Art. 146"));
  EXPECT_EQ(home->info.pack, "cdmx-2024");
}

TEST(PackLoaderTest, Local_ProfilesSelectEntityRules) {
  auto cat = decltest::SourceCatalog();
  auto cdmx = cat->EntityRules({"cdmx-2024", "mx-datos-personales"}, "MX-CMX");
  ASSERT_TRUE(cdmx.ok());
  std::set<std::string> ids;
  for (const auto& r : *cdmx) ids.insert(r->info.id);
  EXPECT_TRUE(ids.count("tr-home-link-cdmx"));
  EXPECT_TRUE(ids.count("tr-ut-address"));  // included from the general law
  EXPECT_TRUE(ids.count("pd-e1-responsable"));
  EXPECT_FALSE(ids.count("tr-home-link"));
  EXPECT_FALSE(ids.count("ax-overlay"));  // page rule: runs on every page, not per profile
  auto defaults = cat->EntityRules({}, "federal");
  ASSERT_TRUE(defaults.ok());
  std::set<std::string> d;
  for (const auto& r : *defaults) d.insert(r->info.id);
  EXPECT_TRUE(d.count("tr-home-link"));
  EXPECT_FALSE(d.count("tr-home-link-cdmx"));
  auto bad = cat->EntityRules({"mx-inexistente"}, "federal");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown profile 'mx-inexistente'"));
}

TEST(PackLoaderTest, Local_MinimalPackIsValid) {
  EXPECT_TRUE(decltest::ErrorsOf(kMinimal).empty()) << Join(decltest::ErrorsOf(kMinimal));
}

TEST(PackLoaderTest, Local_InvalidJsonGivesThePosition) {
  auto errors = decltest::ErrorsOf(R"({"schema": 1, "pack": {,}})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "");
  EXPECT_THAT(errors[0].reason, HasSubstr("invalid JSON"));
  EXPECT_THAT(errors[0].reason, HasSubstr("line 1"));
}

TEST(PackLoaderTest, Local_EveryErrorIsReportedAtOnce) {
  std::string bad = Replace(kMinimal, R"("impact": "serious")", R"("impact": "grave")");
  bad = Replace(bad, R"("check": "link", "text": "transparencia")", R"("check": "enlace")");
  bad = Replace(bad, R"("en": "yes")", R"("en": "")");
  auto errors = decltest::ErrorsOf(bad);
  std::set<std::string> pointers;
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, "test.json");
    pointers.insert(e.pointer);
  }
  EXPECT_TRUE(pointers.count("/rules/0/impact")) << Join(errors);
  EXPECT_TRUE(pointers.count("/rules/0/evidence/any/0/check")) << Join(errors);
  EXPECT_TRUE(pointers.count("/rules/0/messages/pass/en")) << Join(errors);
}

TEST(PackLoaderTest, Local_UnknownPrimitiveNamesTheKnownOnes) {
  auto errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("check": "link", "text": "transparencia")", R"("check": "regex")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/evidence/any/0/check");
  EXPECT_THAT(errors[0].reason, HasSubstr("unknown primitive 'regex'"));
  EXPECT_THAT(errors[0].reason, HasSubstr("personal-data-form"));
}

TEST(PackLoaderTest, Local_WrongTypesAreErrors) {
  auto errors = decltest::ErrorsOf(Replace(kMinimal, R"("scope": "page")", R"("scope": 3)"));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].pointer, "/rules/0/scope");
  EXPECT_THAT(errors[0].reason, HasSubstr("must be a string, not an integer"));
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("schema": 1)", R"("schema": "1")"));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].pointer, "/schema");
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("rules": [{)", R"("rules": [7, {)"));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].pointer, "/rules/0");
}

TEST(PackLoaderTest, Local_PatternsRe2RejectsAreErrors) {
  auto errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("text": "transparencia")", R"j("text": "(transparencia")j"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/evidence/any/0/text");
  EXPECT_THAT(errors[0].reason, HasSubstr("missing )"));
  // Backreferences and look-around are not RE2 (they could take exponential time).
  errors =
      decltest::ErrorsOf(Replace(kMinimal, R"("text": "transparencia")", R"j("text": "(a)\\1")j"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("text": "transparencia")", R"j("text": "trans(?=parencia)")j"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
}

TEST(PackLoaderTest, Local_PatternsOverTheMemoryBudgetAreErrors) {
  auto errors = decltest::ErrorsOf(Replace(kMinimal, R"("text": "transparencia")",
                                           R"j("text": "((((\\pL{50}){50}){50}){50})")j"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/evidence/any/0/text");
}

TEST(PackLoaderTest, Local_PatternsMustBeWrittenForFoldedText) {
  auto errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("text": "transparencia")", R"("text": "Información")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_THAT(errors[0].reason, HasSubstr("folded"));
  EXPECT_EQ(rules::decl::FoldedPatternProblem(R"(\bart(iculo|\.)? ?65\b\S\D)"), "");
  EXPECT_NE(rules::decl::FoldedPatternProblem("a  b"), "");
  EXPECT_NE(rules::decl::FoldedPatternProblem("niño"), "");
  EXPECT_EQ(rules::decl::FoldedPatternProblem(R"(\p{Lu}(?i)x)"), "");
  // A pattern that matches the empty text would match every page.
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("text": "transparencia")", R"("text": "x*")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_THAT(errors[0].reason, HasSubstr("empty text"));
}

TEST(PackLoaderTest, Local_LegalBasisAndLanguagesAreRequired) {
  auto errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("legal_basis": [{"norm": "LGTAIP", "article": "Art. 65", "status": "confirmed"}])",
              R"("legal_basis": [])"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/legal_basis");
  errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("title": {"es": "t", "en": "t"})", R"("title": {"es": "t"})"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/title/en");
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("missing": {"es": "no", "en": "no"})",
                                      R"("falta": {"es": "no", "en": "no"})"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/messages/missing");
}

TEST(PackLoaderTest, Local_DuplicateIdsAndTyposAreErrors) {
  auto errors =
      decltest::ErrorsOf(Replace(kMinimal, R"("id": "tr-prueba")", R"("id": "tr-home-link")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_THAT(errors[0].reason, HasSubstr("duplicate rule id 'tr-home-link'"));
  errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("scope": "page")", R"("scope": "page", "when_mising": "failed")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/when_mising");
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("text": "transparencia")",
                                      R"("text": "transparencia", "regoin": "chrome")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/evidence/any/0/regoin");
  // Built-in (C++) rule ids are reserved.
  LoadOptions o;
  o.reserved_ids = {"tr-prueba"};
  auto r = LoadPacks({{"test.json", std::string(kMinimal)}}, o);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].reason, HasSubstr("built-in rule"));
  EXPECT_TRUE(r.packs.empty());
}

TEST(PackLoaderTest, Local_EntityRulesNeedKnownRoles) {
  std::string entity =
      Replace(kMinimal, R"("scope": "page")", R"("scope": "entity", "roles": ["portada"])");
  auto errors = decltest::ErrorsOf(entity);
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/roles/0");
  entity = Replace(kMinimal, R"("scope": "page")",
                   R"("scope": "entity", "roles": ["home", "transparencia"])");
  EXPECT_TRUE(decltest::ErrorsOf(entity).empty()) << Join(decltest::ErrorsOf(entity));
  // link-health needs the crawl: not in page rules.
  errors = decltest::ErrorsOf(Replace(kMinimal, R"({"check": "link", "text": "transparencia"})",
                                      R"({"check": "link-health"})"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_THAT(errors[0].reason, HasSubstr("entity rule"));
}

TEST(PackLoaderTest, Local_ExtendsAndIncludeAreResolved) {
  std::string ext = Replace(kMinimal, R"({
    "id": "tr-prueba", "title")",
                            R"({"id": "tr-home-link-prueba", "extends": "tr-home-link",
    "legal_basis": [{"norm": "Ley local", "article": "Art. 1", "status": "to-confirm"}]}, {
    "id": "tr-prueba", "title")");
  EXPECT_TRUE(decltest::ErrorsOf(ext).empty()) << Join(decltest::ErrorsOf(ext));
  auto errors =
      decltest::ErrorsOf(Replace(ext, R"("extends": "tr-home-link")", R"("extends": "tr-nada")"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/extends");
  errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("title": {"es": "Prueba", "en": "Test"})",
              R"("title": {"es": "Prueba", "en": "Test"}, "include": ["tr-nada"])"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/pack/include/0");
}

TEST(PackLoaderTest, Local_HostileShapesAreErrorsNotCrashes) {
  // An extending rule whose id is not a string, numbers where text goes, deep nesting.
  auto errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("id": "tr-prueba")", R"("id": 7, "extends": "tr-home-link")"));
  EXPECT_FALSE(errors.empty());
  errors = decltest::ErrorsOf(Replace(kMinimal, R"("title": {"es": "t", "en": "t"})",
                                      R"("title": {"es": 1, "en": [true]})"));
  EXPECT_EQ(errors.size(), 2u) << Join(errors);
  std::string deep(20000, '[');
  deep += std::string(20000, ']');
  errors = decltest::ErrorsOf(
      Replace(kMinimal, R"("scope": "page")", R"("scope": "page", "x": )" + deep));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_THAT(errors[0].reason, HasSubstr("nested"));
}

TEST(PackLoaderTest, Local_PlaceholdersBeyondTheArgsAreErrors) {
  auto errors = decltest::ErrorsOf(Replace(kMinimal, R"("pass": {"es": "sí", "en": "yes"})",
                                           R"("pass": {"es": "sí {3}", "en": "yes"})"));
  ASSERT_EQ(errors.size(), 1u) << Join(errors);
  EXPECT_EQ(errors[0].pointer, "/rules/0/messages/pass/es");
}

TEST(PackLoaderTest, Local_EmbeddedPacksAreTheSourceTreePacks) {
  auto embedded = rules::decl::EmbeddedPackSources();
  auto source = decltest::SourceTreePacks();
  ASSERT_EQ(embedded.size(), source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    EXPECT_EQ(embedded[i].file, source[i].file);
    EXPECT_EQ(embedded[i].text, source[i].text) << source[i].file << " changed: rebuild";
  }
}

}  // namespace
}  // namespace verifica
