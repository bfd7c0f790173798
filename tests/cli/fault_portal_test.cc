// The fault portal (fixtures/sites/faltas-comunes/) and its clean twin
// (fixtures/sites/faltas-comunes-limpio/), checked through the real `verifica check` binary: every
// common fault planted in the first is reported (failed, or cantTell where a static checker
// cannot decide, and then with the reason), and the twin, where each fault is corrected, gets
// no failed WCAG rule at all and no finding from the fault rules.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace verifica {
namespace {

namespace fs = std::filesystem;

// The planted faults: rule id → the page that holds it and the outcome expected there.
struct Planted {
  const char* rule;
  const char* page;
  const char* outcome;
};
constexpr Planted kPlanted[] = {
    {"wcag-id-reference-unique", "contacto.html", "failed"},
    {"wcag-marquee-blink", "index.html", "failed"},
    {"wcag-media-autoplay", "index.html", "failed"},
    {"wcag-tabindex-positive", "index.html", "failed"},
    {"wcag-heading-order", "index.html", "failed"},
    {"wcag-bypass-blocks", "avisos.html", "failed"},
    {"wcag-table-headers", "tramites.html", "failed"},
    {"wcag-in-page-link-target", "index.html", "failed"},
    {"wcag-image-alt-meaningful", "index.html", "failed"},
    {"wcag-placeholder-label", "contacto.html", "failed"},
    {"wcag-list-structure", "tramites.html", "failed"},
    {"wcag-aria-hidden-focus", "contacto.html", "failed"},
    {"wcag-iframe-tab-order", "contacto.html", "failed"},
    {"wcag-label-in-name", "contacto.html", "failed"},
};

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs `verifica check --format json --rules 'wcag-*' DIR` and returns the parsed output.
nlohmann::json Check(const std::string& site, int* exit_code) {
  const fs::path dir = fs::path(VERIFICA_SOURCE_DIR) / "fixtures/sites" / site;
  const fs::path out = fs::temp_directory_path() /
                       ("verifica-fault-portal-" + std::to_string(::getpid()) + "-" + site);
  const std::string cmd = std::string("NO_COLOR=1 '") + VERIFICA_BINARY +
                          "' check --format json --rules 'wcag-*' '" + dir.string() + "' >'" +
                          out.string() + "' 2>/dev/null </dev/null";
  const int status = std::system(cmd.c_str());
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  nlohmann::json j = nlohmann::json::parse(Slurp(out), nullptr, /*allow_exceptions=*/false);
  fs::remove(out);
  return j;
}

std::string FileOf(const nlohmann::json& page) {
  const std::string url = page.value("url", std::string());
  return url.substr(url.find_last_of('/') + 1);
}

TEST(FaultPortalTest, EveryPlantedFaultIsReported) {
  int code = -1;
  const nlohmann::json j = Check("faltas-comunes", &code);
  ASSERT_TRUE(j.is_object() && j.contains("pages")) << "verifica check gave no JSON report";
  EXPECT_EQ(code, 1) << "failures found must give exit code 1";
  ASSERT_EQ(j["pages"].size(), 4u);
  // (page file, rule) → outcome, and every rule's findings on the page.
  std::map<std::pair<std::string, std::string>, std::string> outcome;
  std::map<std::pair<std::string, std::string>, size_t> findings;
  for (const auto& page : j["pages"]) {
    for (const auto& rule : page["rules"]) {
      const auto key = std::make_pair(FileOf(page), rule["id"].get<std::string>());
      outcome[key] = rule["outcome"].get<std::string>();
      findings[key] = rule.contains("findings") ? rule["findings"].size() : 0;
    }
  }
  for (const Planted& p : kPlanted) {
    const auto key = std::make_pair(std::string(p.page), std::string(p.rule));
    ASSERT_TRUE(outcome.count(key)) << p.rule << " did not run on " << p.page;
    EXPECT_EQ(outcome[key], p.outcome) << p.rule << " on " << p.page;
    EXPECT_GT(findings[key], 0u) << p.rule << " on " << p.page << " lists no finding";
  }
}

TEST(FaultPortalTest, CleanTwinHasNoneOfThem) {
  int code = -1;
  const nlohmann::json j = Check("faltas-comunes-limpio", &code);
  ASSERT_TRUE(j.is_object() && j.contains("pages")) << "verifica check gave no JSON report";
  EXPECT_EQ(code, 0);
  ASSERT_EQ(j["pages"].size(), 4u);
  std::set<std::string> planted;
  for (const Planted& p : kPlanted) planted.insert(p.rule);
  size_t fault_rules_run = 0;
  for (const auto& page : j["pages"]) {
    for (const auto& rule : page["rules"]) {
      const std::string id = rule["id"].get<std::string>();
      const std::string o = rule["outcome"].get<std::string>();
      EXPECT_NE(o, "failed") << id << " on " << FileOf(page);
      if (!planted.count(id)) continue;
      ++fault_rules_run;
      EXPECT_NE(o, "cantTell") << id << " on " << FileOf(page);
    }
  }
  EXPECT_EQ(fault_rules_run, planted.size() * 4);
}

}  // namespace
}  // namespace verifica
