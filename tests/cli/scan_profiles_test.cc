// The entities file's `profiles` column picks the obligation packs of each entity, for its page
// rules as well as its entity rules: two entities of one campaign, scanned from the same demo
// portal with different profiles, get different pack rules on their pages and the same WCAG rules.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace verifica {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ScanProfilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("verifica-profiles-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Scan(const std::string& entities_csv) {
    std::ofstream(dir_ / "entities.csv") << entities_csv;
    const std::string cmd = "cd '" + dir_.string() + "' && NO_COLOR=1 '" + VERIFICA_BINARY +
                            "' scan --entities entities.csv -q --format html --out out" +
                            " >stdout.txt 2>stderr.txt </dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  json Report(const std::string& id) {
    std::ifstream f(dir_ / "out" / id / "report.json");
    std::stringstream ss;
    ss << f.rdbuf();
    return json::parse(ss.str(), nullptr, false);
  }

  // The ids of the rules that ran on the entity's pages (any page).
  static std::set<std::string> PageRuleIds(const json& report) {
    std::set<std::string> ids;
    for (const json& page : report.value("pages", json::array())) {
      for (const json& r : page.value("rules", json::array())) ids.insert(r.value("id", ""));
    }
    return ids;
  }
  static std::set<std::string> EntityRuleIds(const json& report) {
    std::set<std::string> ids;
    for (const json& r : report.value("entity_rules", json::array())) ids.insert(r.value("id", ""));
    return ids;
  }

  fs::path dir_;
};

TEST_F(ScanProfilesTest, ProfilesPickPageRulesPerEntity) {
  const std::string site =
      (fs::path(VERIFICA_SOURCE_DIR) / "fixtures" / "demo" / "sites" / "instituto-vivienda")
          .string();
  const int code = Scan(
      "id,name,url,kind,profiles,max_pages,jurisdiccion\n"
      "local-cdmx,Sujeto CDMX," +
      site +
      "/,dependencia,cdmx-2024,20,CDMX\n"
      "solo-datos,Sujeto datos personales," +
      site +
      "/,dependencia,mx-datos-personales,20,\n"
      "por-omision,Sujeto por omisión," +
      site +
      "/,dependencia,,20,\n"
      "cdmx-omision,Alcaldía sin perfiles," +
      site +
      "/,alcaldía,,20,MX-CMX\n"
      "jalisco,Organismo de Jalisco," +
      site + "/,organismo,,20,Jalisco\n");
  ASSERT_LE(code, 1) << "exit " << code;

  const json cdmx = Report("local-cdmx");
  const json datos = Report("solo-datos");
  const json def = Report("por-omision");
  ASSERT_FALSE(cdmx.is_discarded());
  ASSERT_FALSE(datos.is_discarded());
  ASSERT_FALSE(def.is_discarded());

  const std::set<std::string> cdmx_pages = PageRuleIds(cdmx);
  const std::set<std::string> datos_pages = PageRuleIds(datos);
  const std::set<std::string> def_pages = PageRuleIds(def);

  // WCAG rules run whatever the profiles.
  for (const auto* ids : {&cdmx_pages, &datos_pages, &def_pages}) {
    EXPECT_TRUE(ids->count("wcag-image-alt"));
    EXPECT_TRUE(ids->count("wcag-page-title"));
  }
  // Page rules of the personal-data pack only where that pack is among the profiles.
  EXPECT_FALSE(cdmx_pages.count("pd-simplificado-at-form"));
  EXPECT_TRUE(datos_pages.count("pd-simplificado-at-form"));
  EXPECT_TRUE(def_pages.count("pd-simplificado-at-form"));
  // The federal transparency pack's page rules are not run for a personal-data-only entity.
  EXPECT_FALSE(datos_pages.count("ax-overlay"));
  EXPECT_FALSE(datos_pages.count("tr-stale-refs"));
  EXPECT_TRUE(def_pages.count("ax-overlay"));

  // Entity rules follow the same choice.
  EXPECT_FALSE(EntityRuleIds(cdmx).count("pd-aviso-link"));
  EXPECT_TRUE(EntityRuleIds(datos).count("pd-aviso-link"));
  EXPECT_FALSE(EntityRuleIds(datos).count("tr-home-link"));
  EXPECT_TRUE(EntityRuleIds(def).count("tr-home-link"));

  // Issue 10: the jurisdiction decides the packs when no profile is named, and the report says
  // whose law applied and whether it was given or assumed.
  const json cdmx_def = Report("cdmx-omision");
  const json jal = Report("jalisco");
  ASSERT_FALSE(cdmx_def.is_discarded());
  ASSERT_FALSE(jal.is_discarded());
  EXPECT_TRUE(EntityRuleIds(cdmx_def).count("tr-home-link-cdmx"));
  EXPECT_FALSE(EntityRuleIds(cdmx_def).count("tr-home-link"));
  EXPECT_TRUE(EntityRuleIds(cdmx_def).count("pd-aviso-link"));
  EXPECT_TRUE(EntityRuleIds(jal).count("tr-home-link"));
  EXPECT_FALSE(EntityRuleIds(jal).count("tr-home-link-cdmx"));
  EXPECT_FALSE(EntityRuleIds(jal).count("pd-cdmx-sistema"));
  EXPECT_EQ(cdmx_def["entity"]["jurisdiction"].value("code", ""), "MX-CMX");
  EXPECT_EQ(cdmx_def["entity"]["jurisdiction"].value("source", ""), "given");
  EXPECT_EQ(jal["entity"]["jurisdiction"].value("code", ""), "MX-JAL");
  EXPECT_EQ(def["entity"]["jurisdiction"].value("code", ""), "federal");
  EXPECT_EQ(def["entity"]["jurisdiction"].value("source", ""), "default");
  // The guarantor authority each portal should name (rules/jurisdictions.json, as of today).
  EXPECT_EQ(def["entity"]["jurisdiction"]["guarantor"].value("es", ""),
            "Transparencia para el Pueblo");
  EXPECT_NE(cdmx_def["entity"]["jurisdiction"]["guarantor"].value("es", "").find("INFO CDMX"),
            std::string::npos);
  EXPECT_FALSE(jal["entity"]["jurisdiction"].contains("guarantor"));
  // No citation of Mexico City's law in the report of an entity of another jurisdiction.
  for (const json* r : {&def, &jal, &datos}) {
    const std::string lb = (*r)["legal_basis"].dump();
    EXPECT_EQ(lb.find("Ciudad de M"), std::string::npos) << lb;
    EXPECT_NE(lb.find("LGPDPPSO"), std::string::npos) << lb;
  }
  EXPECT_NE(cdmx_def["legal_basis"].dump().find("Ciudad de M"), std::string::npos);
  // The HTML report says the jurisdiction, and that it was assumed when it was.
  std::ifstream html(dir_ / "out" / "por-omision" / "report.html");
  std::stringstream text;
  text << html.rdbuf();
  EXPECT_NE(text.str().find("Federación (por omisión: ni el archivo de entidades ni "
                            "--jurisdiction la indican"),
            std::string::npos);
}

// A single portal: --jurisdiction says whose law applies (default federal, said in the report);
// an unknown value is rejected with the known ones before anything is fetched.
TEST_F(ScanProfilesTest, JurisdictionOptionForOnePortal) {
  const std::string site =
      (fs::path(VERIFICA_SOURCE_DIR) / "fixtures" / "demo" / "sites" / "instituto-vivienda")
          .string();
  auto scan = [&](const std::string& args) {
    const std::string cmd = "cd '" + dir_.string() + "' && NO_COLOR=1 '" + VERIFICA_BINARY +
                            "' scan '" + site + "/' -q --max-pages 5 --out out " + args +
                            " >stdout.txt 2>stderr.txt </dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(scan("--jurisdiction 'Nuevo Santander'"), 2);
  std::ifstream err(dir_ / "stderr.txt");
  std::stringstream e;
  e << err.rdbuf();
  EXPECT_NE(e.str().find("unknown jurisdiction 'Nuevo Santander' (known: federal, MX-AGU"),
            std::string::npos)
      << e.str();
  EXPECT_FALSE(fs::exists(dir_ / "out"));

  ASSERT_LE(scan("--jurisdiction cdmx"), 1);
  const json cdmx = Report("instituto-vivienda");
  ASSERT_FALSE(cdmx.is_discarded());
  EXPECT_EQ(cdmx["entity"]["jurisdiction"].value("code", ""), "MX-CMX");
  EXPECT_EQ(cdmx["entity"]["jurisdiction"].value("source", ""), "given");
  EXPECT_TRUE(EntityRuleIds(cdmx).count("tr-home-link-cdmx"));
}

}  // namespace
}  // namespace verifica
