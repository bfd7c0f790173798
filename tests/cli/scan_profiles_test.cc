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
                            "' scan --entities entities.csv -q --format json --out out" +
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
      "id,name,url,kind,profiles,max_pages\n"
      "local-cdmx,Sujeto CDMX," +
      site +
      "/,dependencia,cdmx-2024,20\n"
      "solo-datos,Sujeto datos personales," +
      site +
      "/,dependencia,mx-datos-personales,20\n"
      "por-omision,Sujeto por omisión," +
      site + "/,dependencia,,20\n");
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
}

}  // namespace
}  // namespace verifica
