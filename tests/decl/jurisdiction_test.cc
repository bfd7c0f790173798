// Jurisdiction decides the law cited (issue 10, item 3): the jurisdictions table (federal and
// the 32 entidades federativas), which packs apply to an entity of each jurisdiction, and the
// guarantor authority as data with effective dates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "decl/decl_test_util.h"
#include "rules/decl/jurisdictions.h"
#include "rules/decl/pack.h"

namespace verifica {
namespace {

using rules::decl::CivilDate;
using rules::decl::JurisdictionTable;
using ::testing::HasSubstr;

const JurisdictionTable& Table() {
  auto t = JurisdictionTable::Embedded();
  EXPECT_TRUE(t.ok()) << t.status().message();
  return **t;
}

TEST(JurisdictionTest, Local_FederalAndThe32EntidadesWithStableCodes) {
  ASSERT_EQ(Table().all().size(), 33u);
  std::set<std::string> codes;
  for (const auto& j : Table().all()) codes.insert(j.code);
  EXPECT_EQ(codes.size(), 33u);
  for (const char* c : {"federal", "MX-CMX", "MX-JAL", "MX-MEX", "MX-NLE", "MX-YUC", "MX-ZAC"}) {
    EXPECT_TRUE(codes.count(c)) << c;
  }
}

TEST(JurisdictionTest, Local_WhatPeopleWriteIsRecognised) {
  for (const char* s : {"MX-CMX", "mx-cmx", "CMX", "cdmx", "CDMX", "Ciudad de México",
                        "ciudad de mexico", "Mexico City"}) {
    const auto* j = Table().Find(s);
    ASSERT_NE(j, nullptr) << s;
    EXPECT_EQ(j->code, "MX-CMX") << s;
  }
  EXPECT_EQ(Table().Find("Jalisco")->code, "MX-JAL");
  EXPECT_EQ(Table().Find("nuevo leon")->code, "MX-NLE");
  EXPECT_EQ(Table().Find("Federal")->code, "federal");
  EXPECT_EQ(Table().Find("Narnia"), nullptr);
  EXPECT_EQ(Table().Find("MX"), nullptr);  // not a jurisdiction of an entity
}

// Bad input: unknown is rejected with the known values listed; missing is federal, and said.
TEST(JurisdictionTest, Local_UnknownIsRejectedAndMissingDefaultsToFederal) {
  auto none = rules::decl::ResolveJurisdiction("  ");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->jurisdiction->code, "federal");
  EXPECT_TRUE(none->defaulted);
  auto given = rules::decl::ResolveJurisdiction("federal");
  ASSERT_TRUE(given.ok());
  EXPECT_FALSE(given->defaulted);
  auto bad = rules::decl::ResolveJurisdiction("Nuevo Santander");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("unknown jurisdiction 'Nuevo Santander'"));
  EXPECT_THAT(bad.status().message(), HasSubstr("federal, MX-AGU (Aguascalientes)"));
  EXPECT_THAT(bad.status().message(), HasSubstr("MX-CMX (Ciudad de México)"));
}

// The packs that apply: general law everywhere; CDMX law only to CDMX entities.
TEST(JurisdictionTest, Local_DefaultPacksFollowTheJurisdiction) {
  auto cat = decltest::SourceCatalog();
  EXPECT_EQ(cat->DefaultProfiles("federal"),
            (std::vector<std::string>{"mx-datos-personales", "mx-lgtaip-2025"}));
  EXPECT_EQ(cat->DefaultProfiles("MX-JAL"),
            (std::vector<std::string>{"mx-datos-personales", "mx-lgtaip-2025"}));
  EXPECT_EQ(cat->DefaultProfiles("MX-CMX"),
            (std::vector<std::string>{"cdmx-2024", "mx-datos-personales"}));
  auto cdmx = cat->EntityRules({}, "MX-CMX");
  ASSERT_TRUE(cdmx.ok());
  std::set<std::string> ids;
  for (const auto& r : *cdmx) ids.insert(r->info.id);
  EXPECT_TRUE(ids.count("tr-home-link-cdmx"));
  EXPECT_FALSE(ids.count("tr-home-link"));  // superseded, not run twice
  EXPECT_TRUE(ids.count("pd-cdmx-sistema"));
  EXPECT_TRUE(ids.count("pd-e1-responsable"));
}

bool CitesCdmxLaw(const rules::decl::RuleSpec& r) {
  for (const auto& b : r.info.legal_basis) {
    if (b.norm.find("Ciudad de México") != std::string::npos ||
        b.norm.find("CDMX") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The defect of issue 10: the default profile cited Mexico City's data-protection law against
// entities of other states. No rule an entity of another jurisdiction gets cites CDMX law.
TEST(JurisdictionTest, Ley_CdmxLawIsNeverCitedAgainstAnotherJurisdiction) {
  auto cat = decltest::SourceCatalog();
  for (const auto& j : Table().all()) {
    for (auto rules : {cat->EntityRules({}, j.code), cat->PageRules({}, j.code)}) {
      ASSERT_TRUE(rules.ok()) << j.code << ": " << rules.status().message();
      for (const auto& r : *rules) {
        if (j.code != "MX-CMX") {
          EXPECT_FALSE(CitesCdmxLaw(*r)) << j.code << ": " << r->info.id;
        }
      }
    }
  }
  // Naming a CDMX pack for an entity of another jurisdiction is an error, not a silent mix.
  auto wrong = cat->EntityRules({"cdmx-2024"}, "MX-JAL");
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(), HasSubstr("profile 'cdmx-2024' checks the law of "
                                                  "Mexico City (MX-CMX)"));
  EXPECT_THAT(wrong.status().message(), HasSubstr("Jalisco (MX-JAL)"));
  EXPECT_FALSE(cat->EntityRules({"cdmx-2024"}, "federal").ok());
  EXPECT_TRUE(cat->EntityRules({"cdmx-2024", "mx-datos-personales"}, "MX-CMX").ok());
  EXPECT_TRUE(cat->EntityRules({"mx-lgtaip-2025"}, "MX-CMX").ok());  // general law applies
}

TEST(JurisdictionTest, Local_PackJurisdictionMustBeKnown) {
  const std::string pack = R"json({
    "schema": 1,
    "pack": {"id": "prueba", "version": "1", "jurisdiction": "MX (federal)", "effective": "2025-01-01",
             "title": {"es": "Prueba", "en": "Test"}},
    "rules": [{
      "id": "tr-prueba", "title": {"es": "t", "en": "t"}, "description": {"es": "d", "en": "d"},
      "help": {"es": "h", "en": "h"},
      "legal_basis": [{"norm": "LGTAIP", "article": "Art. 60", "status": "confirmed"}],
      "impact": "serious", "scope": "page",
      "evidence": {"any": [{"check": "link", "text": "transparencia"}]},
      "messages": {"pass": {"es": "sí", "en": "yes"}, "missing": {"es": "no", "en": "no"}}
    }]
  })json";
  auto errors = decltest::ErrorsOf(pack);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/pack/jurisdiction");
  EXPECT_THAT(errors[0].reason, HasSubstr("\"general\""));
  EXPECT_THAT(errors[0].reason, HasSubstr("MX-CMX"));
  // A pack of general law cannot supersede; a state pack can supersede only general packs.
  std::string sup = pack;
  sup.replace(sup.find("\"MX (federal)\""), 14, "\"MX-JAL\", \"supersedes\": [\"cdmx-2024\"]");
  errors = decltest::ErrorsOf(sup);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/pack/supersedes/0");
  EXPECT_THAT(errors[0].reason, HasSubstr("not a pack of general law"));
}

// The guarantor authority is data with effective dates (rules/jurisdictions.json).
TEST(JurisdictionTest, Ley_GuarantorAuthorityByDate) {
  // LGTAIP 2025, Art. 3 fr. III; the decree took effect the day after its publication
  // (transitorio Primero, DOF 20-03-2025).
  const auto* before = Table().GuarantorOn("federal", CivilDate{2025, 3, 20});
  ASSERT_NE(before, nullptr);
  EXPECT_THAT(before->name.es, HasSubstr("(INAI)"));
  const auto* after = Table().GuarantorOn("federal", CivilDate{2025, 3, 21});
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->name.es, "Transparencia para el Pueblo");
  EXPECT_EQ(after->basis.article, "Art. 3, fr. III");
  // CDMX: INFO CDMX until the secondary law takes effect (no date known yet).
  const auto* cdmx = Table().GuarantorOn("MX-CMX", CivilDate{2026, 12, 3});
  ASSERT_NE(cdmx, nullptr);
  EXPECT_THAT(cdmx->name.es, HasSubstr("INFO CDMX"));
  EXPECT_EQ(cdmx->basis.status, findings::BasisStatus::kToConfirm);
  EXPECT_EQ(Table().GuarantorOn("MX-JAL", CivilDate{2026, 1, 1}), nullptr);
}

// One edit of the data updates every rule text that names the guarantor: the texts say
// "{garante:federal}" and get the name in force on the day of the run.
TEST(JurisdictionTest, Local_RuleTextsNameTheGuarantorInForce) {
  auto today = decltest::SourceRule("tr-stale-refs");
  EXPECT_THAT(today->info.description.es, HasSubstr("«Transparencia para el Pueblo»"));
  EXPECT_THAT(today->info.description.en, HasSubstr("Transparencia para el Pueblo"));
  EXPECT_THAT(today->info.description.es, ::testing::Not(HasSubstr("{garante")));
  rules::decl::LoadOptions o;
  o.today = CivilDate{2025, 3, 1};
  auto r = rules::decl::LoadPacks(decltest::SourceTreePacks(), o);
  ASSERT_TRUE(r.ok());
  bool found = false;
  for (const auto& p : r.packs) {
    for (const auto& rule : p->rules) {
      if (rule->info.id != "tr-stale-refs") continue;
      found = true;
      EXPECT_THAT(rule->info.description.es, HasSubstr("(INAI)"));
    }
  }
  EXPECT_TRUE(found);
  // An unknown jurisdiction in the token is a pack error.
  const std::string pack = R"json({
    "schema": 1,
    "pack": {"id": "prueba", "version": "1", "jurisdiction": "general", "effective": "2025-01-01",
             "title": {"es": "Prueba", "en": "Test"}},
    "rules": [{
      "id": "tr-prueba", "title": {"es": "t", "en": "t"},
      "description": {"es": "Acuda a {garante:MX-NS}", "en": "d"}, "help": {"es": "h", "en": "h"},
      "legal_basis": [{"norm": "LGTAIP", "article": "Art. 60", "status": "confirmed"}],
      "impact": "serious", "scope": "page",
      "evidence": {"any": [{"check": "link", "text": "transparencia"}]},
      "messages": {"pass": {"es": "sí", "en": "yes"}, "missing": {"es": "no", "en": "no"}}
    }]
  })json";
  auto errors = decltest::ErrorsOf(pack);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/rules/0/description/es");
  EXPECT_THAT(errors[0].reason, HasSubstr("{garante:MX-NS}: unknown jurisdiction"));
}

}  // namespace
}  // namespace verifica
