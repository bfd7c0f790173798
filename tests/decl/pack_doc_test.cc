// The per-pack documentation (docs/packs/<pack-id>.md) is generated from the packs: it must be
// up to date, and say what each rule checks, its legal basis (with unconfirmed articles marked),
// what fails and what needs review. VERIFICA_UPDATE_PACK_DOCS=1 rewrites the files.
#include "rules/decl/pack_doc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "decl/decl_test_util.h"

namespace verifica::rules::decl {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(PackDocTest, Local_EveryPackHasItsUpToDateDocPage) {
  auto catalog = decltest::SourceCatalog();
  ASSERT_FALSE(catalog->packs().empty());
  const bool update = std::getenv("VERIFICA_UPDATE_PACK_DOCS") != nullptr;
  for (const auto& pack : catalog->packs()) {
    const std::string rel = "docs/packs/" + pack->id + ".md";
    const std::string want = RenderPackDoc(*pack, *catalog);
    if (update) {
      std::ofstream(fs::path(VERIFICA_SOURCE_DIR) / rel, std::ios::binary) << want;
      continue;
    }
    EXPECT_TRUE(decltest::ReadSource(rel) == want)
        << rel << " is out of date: run VERIFICA_UPDATE_PACK_DOCS=1 verifica_decl_tests "
        << "--gtest_filter='PackDoc*'";
  }
}

TEST(PackDocTest, Local_RulesAreDocumentedWithBasisOutcomesAndRisks) {
  auto catalog = decltest::SourceCatalog();
  const PackSpec* fed = catalog->Find("mx-lgtaip-2025");
  ASSERT_NE(fed, nullptr);
  const std::string doc = RenderPackDoc(*fed, *catalog);
  // Spanish first, then English.
  ASSERT_NE(doc.find("## Español"), std::string::npos);
  EXPECT_LT(doc.find("## Español"), doc.find("## English"));
  for (const auto& r : fed->rules) {
    EXPECT_THAT(doc, HasSubstr("#### `" + r->info.id + "` — " + r->info.title.es)) << r->info.id;
    EXPECT_THAT(doc, HasSubstr("#### `" + r->info.id + "` — " + r->info.title.en)) << r->info.id;
  }
  // An unconfirmed citation says so; a good practice says it is no obligation; a confirmed one
  // carries no mark.
  EXPECT_THAT(doc, HasSubstr("no los nombra ni los mantiene en sus transitorios) — **cita por "
                             "confirmar**"));
  EXPECT_THAT(doc, HasSubstr("no los nombra ni los mantiene en sus transitorios) — **citation "
                             "to be confirmed**"));
  EXPECT_THAT(doc, HasSubstr("la LGTAIP 2025 no lo pide — **buena práctica, sin obligación "
                             "legal**"));
  EXPECT_THAT(doc, HasSubstr("Art. 65, fr. XII (domicilio de la Unidad de Transparencia y "
                             "dirección electrónica para recibir solicitudes)\n"));
  // The pack's jurisdiction, and for a state pack the guarantor authority with its dates.
  EXPECT_THAT(doc, HasSubstr("ley general: aplica a las entidades de toda jurisdicción"));
  const std::string cdmx = RenderPackDoc(*catalog->Find("cdmx-2024"), *catalog);
  EXPECT_THAT(cdmx, HasSubstr("Ciudad de México (`MX-CMX`): solo entidades de esa jurisdicción"));
  EXPECT_THAT(cdmx, HasSubstr("INFO CDMX) — sin fecha de término registrada"));
  EXPECT_THAT(cdmx, HasSubstr("**Sustituye a:** `mx-lgtaip-2025`"));
  // What fails and what needs review, with the rule's own messages.
  EXPECT_THAT(doc, HasSubstr("`stale`: Información desactualizada"));
  EXPECT_THAT(doc, HasSubstr("`partial`: La sección ‹página› enlaza"));
  EXPECT_THAT(doc, HasSubstr("`no-name`: Se menciona"));
  EXPECT_THAT(doc, HasSubstr("`profile-mismatch`"));
  // Known risks come from the pack.
  EXPECT_THAT(doc, HasSubstr(catalog->FindRule("tr-ut-responsable")->risks.es));
}

}  // namespace
}  // namespace verifica::rules::decl
