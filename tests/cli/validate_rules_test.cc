// `verifica validate-rules`, `verifica rules` and the pack options of check and scan, end to end:
// every pack in rules/ validates; a malformed pack is an error with file, JSON pointer and reason,
// exit code 2, and nothing is checked or scanned.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace verifica {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class ValidateRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("verifica-packs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  CliRun Verifica(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd = "cd '" + std::string(VERIFICA_SOURCE_DIR) + "' && NO_COLOR=1 '" +
                            VERIFICA_BINARY + "' " + args + " >'" + out.string() + "' 2>'" +
                            err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  fs::path dir_;
};

constexpr char kBadPack[] = R"({
  "schema": 1,
  "pack": {"id": "local-prueba", "version": "1", "jurisdiction": "general", "effective": "2025-01-01",
           "title": {"es": "Prueba", "en": "Test"}},
  "rules": [{
    "id": "tr-local", "title": {"es": "t", "en": "t"}, "description": {"es": "d", "en": "d"},
    "help": {"es": "h", "en": "h"}, "legal_basis": [], "impact": "serious", "scope": "page",
    "evidence": {"any": [{"check": "link", "text": "(a+)+\\1"}, {"check": "xpath", "path": "//a"}]},
    "messages": {"pass": {"es": "sí"}, "missing": {"es": "no", "en": "no"}}
  }]
})";

// The ctest over every pack in rules/.
TEST_F(ValidateRulesTest, Local_EveryPackInRulesIsValid) {
  std::string files;
  int n = 0;
  for (const auto& d : fs::directory_iterator(fs::path(VERIFICA_SOURCE_DIR) / "rules")) {
    if (fs::exists(d.path() / "pack.json")) {
      files += " 'rules/" + d.path().filename().string() + "/pack.json'";
      ++n;
    }
  }
  ASSERT_GE(n, 3);
  CliRun r = Verifica("validate-rules" + files);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("rules/mx-lgtaip-2025/pack.json: valid: pack mx-lgtaip-2025"),
            std::string::npos)
      << r.out;
  r = Verifica("validate-rules --format json rules");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_TRUE(j.value("valid", false));
  EXPECT_EQ(j["packs"].size(), static_cast<size_t>(n));
}

TEST_F(ValidateRulesTest, Local_MalformedPackReportsEveryErrorAndExits2) {
  fs::path bad = Write("local/pack.json", kBadPack);
  CliRun r = Verifica("validate-rules '" + bad.string() + "'");
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  const std::string f = bad.string() + ": ";
  EXPECT_NE(r.out.find(f + "/rules/0/legal_basis: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(f + "/rules/0/evidence/any/0/text: invalid pattern"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(f + "/rules/0/evidence/any/1/check: unknown primitive 'xpath'"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(f + "/rules/0/messages/pass/en: missing en text"), std::string::npos)
      << r.out;
  fs::path broken = Write("roto.json", "{\"schema\": 1,");
  r = Verifica("validate-rules '" + broken.string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("invalid JSON"), std::string::npos) << r.out;
  r = Verifica("validate-rules '" + (dir_ / "no-existe.json").string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("no such file"), std::string::npos) << r.out;
}

TEST_F(ValidateRulesTest, Local_BadPacksStopCheckAndScanBeforeAnything) {
  fs::path bad = Write("local/pack.json", kBadPack);
  fs::path page = Write("p.html", "<!doctype html><html lang=es><title>x</title><p>x</p></html>");
  CliRun r = Verifica("check --packs '" + bad.parent_path().string() + "' --format json -o '" +
                      (dir_ / "out.json").string() + "' '" + page.string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("/rules/0/legal_basis"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.json"));
  r = Verifica("scan --packs '" + bad.string() + "' --allow-private -q --out '" +
               (dir_ / "scan").string() + "' fixtures/demo/sites/instituto-vivienda/");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "scan" / "summary.json"));
  r = Verifica("check --today 31/12/2025 '" + page.string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("--today"), std::string::npos) << r.err;
}

TEST_F(ValidateRulesTest, Local_UnknownProfileInTheEntitiesFileScansNothing) {
  fs::path entities = Write(
      "entidades.csv", "id,name,url,profiles\nivnsa,Instituto," + std::string(VERIFICA_SOURCE_DIR) +
                           "/fixtures/demo/sites/instituto-vivienda/,mx-lgtaip-2015\n");
  CliRun r = Verifica("scan --entities '" + entities.string() + "' --allow-private -q --out '" +
                      (dir_ / "scan").string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("unknown profile 'mx-lgtaip-2015'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "scan" / "ivnsa" / "report.json"));
}

TEST_F(ValidateRulesTest, Local_UserPacksAddRulesToCheck) {
  fs::path pack = Write("mis-reglas/pack.json", R"({
    "schema": 1,
    "pack": {"id": "instituto-local", "version": "1", "jurisdiction": "MX-TAM", "effective": "2026-01-01",
             "title": {"es": "Reglas del instituto", "en": "Institute rules"}},
    "rules": [{
      "id": "inst-lengua-indigena", "title": {"es": "Contenido en lengua indígena", "en": "Indigenous-language content"},
      "description": {"es": "d", "en": "d"}, "help": {"es": "h", "en": "h"},
      "legal_basis": [{"norm": "Ley local", "article": "Art. 1", "status": "to-confirm"}], "impact": "moderate", "scope": "page",
      "evidence": {"any": [{"check": "link", "text": "nahuatl|maya|tenek"}]},
      "messages": {"pass": {"es": "Enlace «{0}»", "en": "Link \"{0}\""},
                   "missing": {"es": "Sin contenido en lengua indígena en {2}", "en": "No indigenous-language content on {2}"}}
    }]
  })");
  fs::path page = Write("p.html", "<!doctype html><html lang=es><title>x</title><p>x</p></html>");
  CliRun r = Verifica("check --packs '" + pack.parent_path().string() +
                      "' --rules 'inst-*' --format json '" + page.string() + "'");
  EXPECT_EQ(r.code, 0) << r.err;  // moderate is below the default --fail-on serious
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_EQ(j["pages"].size(), 1u);
  ASSERT_EQ(j["pages"][0]["rules"].size(), 1u);
  EXPECT_EQ(j["pages"][0]["rules"][0].value("outcome", ""), "failed");
}

TEST_F(ValidateRulesTest, Local_RulesListsPackRulesWithTheirLegalBasis) {
  CliRun r = Verifica("rules --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  int pack_rules = 0;
  bool home_link = false, cpp_rule = false;
  for (const auto& rule : j["rules"]) {
    const std::string id = rule.value("id", "");
    if (id.rfind("wcag-", 0) == 0) cpp_rule = true;
    if (id.rfind("tr-", 0) == 0 || id.rfind("pd-", 0) == 0 || id.rfind("ax-", 0) == 0) {
      ++pack_rules;
      EXPECT_FALSE(rule["legal_basis"].empty()) << id;
    }
    if (id == "tr-home-link") {
      home_link = true;
      EXPECT_EQ(rule["legal_basis"][0].value("norm", ""), "LGTAIP (DOF 20-03-2025)");
      EXPECT_EQ(rule.value("pack", ""), "mx-lgtaip-2025");
    }
  }
  EXPECT_TRUE(home_link);
  EXPECT_TRUE(cpp_rule);
  EXPECT_GE(pack_rules, 40);
  r = Verifica("rules");
  EXPECT_NE(r.out.find("Art. 145"), std::string::npos);
}

// Issue 10: `verifica rules` lists each rule's citations with their status, in text and JSON.
TEST_F(ValidateRulesTest, Local_RulesListsEachCitationWithItsStatus) {
  CliRun r = Verifica("rules --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& rule : j["rules"]) by_id[rule.value("id", "")] = rule;
  for (const auto& [id, rule] : by_id) {
    for (const auto& b : rule["legal_basis"]) {
      const std::string status = b.value("status", "");
      EXPECT_TRUE(status == "confirmed" || status == "to-confirm" || status == "good-practice")
          << id << ": " << b.dump();
      // Whatever is not confirmed carries its mark in both languages.
      EXPECT_EQ(b.contains("mark"), status != "confirmed") << id << ": " << b.dump();
    }
  }
  ASSERT_TRUE(by_id.count("tr-home-link"));
  EXPECT_EQ(by_id["tr-home-link"]["legal_basis"][0].value("status", ""), "confirmed");
  ASSERT_TRUE(by_id.count("tr-criterios-adj"));
  bool to_confirm = false;
  for (const auto& b : by_id["tr-criterios-adj"]["legal_basis"]) {
    if (b.value("status", "") == "to-confirm") {
      to_confirm = true;
      EXPECT_EQ(b["mark"].value("es", ""), "cita por confirmar");
      EXPECT_EQ(b["mark"].value("en", ""), "citation to be confirmed");
    }
  }
  EXPECT_TRUE(to_confirm);
  // Text: one line per citation, the status in brackets.
  r = Verifica("rules");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Fundamento: LGTAIP (DOF 20-03-2025), Art. 60, párrafo primero (vínculo de "
                       "acceso directo desde la página de inicio) [confirmada]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("criterios adjetivos (periodo que se informa, fecha de validación, área "
                       "responsable) [cita por confirmar]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[buena práctica, sin obligación legal]"), std::string::npos) << r.out;
  r = Verifica("rules --lang en");
  EXPECT_NE(r.out.find("[citation to be confirmed]"), std::string::npos) << r.out;
}

// Issue 10, bad input: a pack whose legal basis lacks a status fails validate-rules, with the
// file, the JSON pointer and the reason; the old "verified" flag is not taken for one.
TEST_F(ValidateRulesTest, Local_LegalBasisWithoutStatusFailsValidateRules) {
  const std::string pack = R"({
    "schema": 1,
    "pack": {"id": "sin-estado", "version": "1", "jurisdiction": "general", "effective": "2026-01-01",
             "title": {"es": "Prueba", "en": "Test"}},
    "rules": [{
      "id": "tr-sin-estado", "title": {"es": "t", "en": "t"},
      "description": {"es": "d", "en": "d"}, "help": {"es": "h", "en": "h"},
      "legal_basis": [{"norm": "LGTAIP", "article": "Art. 60"},
                      {"norm": "LGTAIP", "article": "Art. 58", "verified": true},
                      {"norm": "LGTAIP", "article": "Art. 61", "status": "verificado"}],
      "impact": "moderate", "scope": "page",
      "evidence": {"any": [{"check": "link", "text": "transparencia"}]},
      "messages": {"pass": {"es": "sí", "en": "yes"}, "missing": {"es": "no", "en": "no"}}
    }]
  })";
  fs::path file = Write("sin-estado/pack.json", pack);
  CliRun r = Verifica("validate-rules '" + file.string() + "'");
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  const std::string f = file.string() + ": ";
  EXPECT_NE(r.out.find(f + "/rules/0/legal_basis/0/status: missing: every citation states how "
                           "far it is checked: \"confirmed\", \"to-confirm\" or "
                           "\"good-practice\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(f + "/rules/0/legal_basis/1/verified: replaced by \"status\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(f + "/rules/0/legal_basis/2/status: must be \"confirmed\""),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("3 errors in obligation packs"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace verifica
