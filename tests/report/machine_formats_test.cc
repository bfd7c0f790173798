#include "report/machine_formats.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "report/fingerprint.h"
#include "report/formats.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path SarifSchema() { return testing::SourcePath("../shared/schemas/sarif-schema-2.1.0.json"); }

// Validates SARIF documents with Debian's python3-jsonschema against the OASIS schema.
void ExpectValidSarif(const std::vector<std::pair<std::string, std::string>>& docs) {
  if (!fs::exists(SarifSchema())) {
    GTEST_SKIP() << "SARIF schema not found at " << SarifSchema();
  }
  testing::TempDir dir;
  std::vector<std::string> argv = {"/usr/bin/python3",
                                   testing::SourcePath("tests/report/validate_json_schema.py"),
                                   SarifSchema()};
  for (const auto& [name, text] : docs) {
    std::ofstream(dir.path() / name, std::ios::binary) << text;
    argv.push_back(dir.path() / name);
  }
  const testing::RunResult r = testing::Run(argv);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(SarifTest, Sarif210_ValidAgainstTheSchema) {
  std::vector<std::pair<std::string, std::string>> docs;
  for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
    docs.emplace_back(std::string(id) + ".sarif",
                      RenderSarif(testing::FixtureReport(id), testing::FixtureCatalog(), "es"));
  }
  docs.emplace_back("en.sarif", RenderSarif(testing::FixtureReport("instituto-vivienda"),
                                            testing::FixtureCatalog(), "en"));
  docs.emplace_back("hostile.sarif", RenderSarif(testing::HostileReport(), {}, "es"));
  docs.emplace_back("empty.sarif", RenderSarif(findings::EntityReport{}, {}, "es"));
  ExpectValidSarif(docs);
}

TEST(SarifTest, Sarif210_RulesResultsLevelsAndFingerprints) {
  const findings::EntityReport r = testing::FixtureReport("instituto-vivienda");
  json j = json::parse(RenderSarif(r, testing::FixtureCatalog(), "es"));
  ASSERT_EQ(j["version"], "2.1.0");
  const json& run = j["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 9u);  // every rule that ran, passed and inapplicable included
  std::map<std::string, json> by_id;
  for (const json& rule : rules) by_id[rule["id"].get<std::string>()] = rule;
  const json& alt = by_id["wcag-image-alt"];
  EXPECT_EQ(alt["shortDescription"]["text"], "Las imágenes tienen texto alternativo");
  EXPECT_EQ(alt["helpUri"], "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html");
  EXPECT_EQ(alt["defaultConfiguration"]["level"], "error");
  const auto tags = alt["properties"]["tags"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(tags.begin(), tags.end(), "wcag:1.1.1"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "WCAG 2.2 A"), tags.end());
  EXPECT_NE(std::find(tags.begin(), tags.end(), "act:23a2a8"), tags.end());
  EXPECT_EQ(by_id["wcag-meta-viewport"]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(by_id["tr-aviso-privacidad"]["properties"]["legalBasis"][0]["norm"], "LGPDPPSO");

  const json& results = run["results"];
  // 3 failed + 1 review on home, 1 review + 2 failed on transparencia, 1 entity failure.
  ASSERT_EQ(results.size(), 8u);
  findings::EntityReport fp = r;
  AssignFingerprints(fp);
  const json& first = results[0];
  EXPECT_EQ(first["ruleId"], "wcag-image-alt");
  EXPECT_EQ(rules[first["ruleIndex"].get<size_t>()]["id"], "wcag-image-alt");
  EXPECT_EQ(first["kind"], "fail");
  EXPECT_EQ(first["level"], "error");
  EXPECT_EQ(first["partialFingerprints"]["verificaFinding/v1"],
            fp.pages[0].rules[0].findings[0].fingerprint);
  const json& loc = first["locations"][0];
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "https://vivienda.ejemplo.gob.mx/");
  EXPECT_EQ(loc["physicalLocation"]["region"]["startLine"], 14);
  EXPECT_EQ(loc["physicalLocation"]["region"]["snippet"]["text"], "<img src=\"/img/escudo.png\">");
  EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"], "body > header > a > img");
  int review = 0;
  for (const json& res : results) {
    if (res["kind"] == "review") {
      ++review;
      EXPECT_EQ(res["level"], "none");
    }
  }
  EXPECT_EQ(review, 2);
  // The 404 page is a tool notification, not a result.
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "https://vivienda.ejemplo.gob.mx/archivo/viejo.html");
}

TEST(SarifTest, Local_ImpactToLevel) {
  EXPECT_EQ(SarifLevel(findings::Impact::kCritical), "error");
  EXPECT_EQ(SarifLevel(findings::Impact::kSerious), "error");
  EXPECT_EQ(SarifLevel(findings::Impact::kModerate), "warning");
  EXPECT_EQ(SarifLevel(findings::Impact::kMinor), "note");
}

TEST(JunitTest, Local_OneCasePerRuleAndPage) {
  const std::string xml =
      RenderJunit(testing::FixtureReport("instituto-vivienda"), testing::FixtureCatalog(), "es");
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  const pugi::xml_node root = doc.child("testsuites");
  // 7 + 7 rules on two pages, 1 case for the page that failed, 2 entity rules.
  EXPECT_EQ(root.attribute("tests").as_int(), 17);
  EXPECT_EQ(root.attribute("failures").as_int(), 5);
  EXPECT_EQ(root.attribute("errors").as_int(), 1);
  EXPECT_EQ(root.attribute("skipped").as_int(), 6);  // 2 review + 4 inapplicable
  int suites = 0, cases = 0;
  for (pugi::xml_node s : root.children("testsuite")) {
    ++suites;
    int n = 0;
    for (pugi::xml_node c : s.children("testcase")) {
      ++n;
      (void)c;
    }
    EXPECT_EQ(s.attribute("tests").as_int(), n);
    cases += n;
  }
  EXPECT_EQ(suites, 4);
  EXPECT_EQ(cases, 17);
  const pugi::xml_node first = root.child("testsuite");
  EXPECT_STREQ(first.attribute("name").value(), "https://vivienda.ejemplo.gob.mx/");
  const pugi::xml_node failure = first.child("testcase").child("failure");
  EXPECT_STREQ(failure.attribute("type").value(), "serious");
  EXPECT_STREQ(failure.attribute("message").value(),
               "2 elementos: La imagen no tiene texto alternativo.");
  EXPECT_NE(std::string(failure.text().get()).find("<img src=\"/img/escudo.png\">"),
            std::string::npos);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
    } else {
      cell += c;
    }
    any = true;
  }
  if (any && rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(CsvTest, Local_OneRowPerFinding) {
  const std::string csv = RenderFindingsCsv(testing::FixtureReport("instituto-vivienda"),
                                            testing::FixtureCatalog(), "es");
  const auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 9u);  // header + 8 findings
  for (const auto& row : rows) EXPECT_EQ(row.size(), 14u);
  EXPECT_EQ(rows[0][0], "entity_id");
  EXPECT_EQ(rows[1][2], "wcag-image-alt");
  EXPECT_EQ(rows[1][4], "failed");
  EXPECT_EQ(rows[1][5], "serious");
  EXPECT_EQ(rows[1][6], "1.1.1");
  EXPECT_EQ(rows[1][8], "body > header > a > img");
  EXPECT_EQ(rows[1][9], "14");
  EXPECT_EQ(rows[1][11], "<img src=\"/img/escudo.png\">");
  EXPECT_TRUE(rows[1][13].starts_with("v1:"));
  EXPECT_EQ(rows[8][2], "tr-aviso-privacidad");
  EXPECT_EQ(rows[8][7], "LGPDPPSO, Art. 27 (cita por confirmar)");
}

TEST(CsvTest, Local_FormulasAreNeutralised) {
  const auto rows = ParseCsv(RenderFindingsCsv(testing::HostileReport(), {}, "es"));
  for (size_t i = 1; i < rows.size(); ++i) {
    for (const std::string& cell : rows[i]) {
      if (cell.empty()) continue;
      const size_t k = cell.find_first_not_of(' ');
      if (k == std::string::npos) continue;
      EXPECT_TRUE(std::string("=+-@\t\r").find(cell[k]) == std::string::npos) << cell;
    }
  }
}

TEST(FormatsTest, Local_NamesAndNormalisation) {
  EXPECT_EQ(FindFormat("junit")->file, "report.junit.xml");
  EXPECT_EQ(FindFormat("csv")->file, "findings.csv");
  EXPECT_EQ(FindFormat("pdf"), nullptr);
  auto f = NormalizeFormats({"html,sarif", "html", "junit"}, false);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, (std::vector<std::string>{"html", "sarif", "junit"}));
  EXPECT_FALSE(NormalizeFormats({"text"}, false).ok());
  EXPECT_TRUE(NormalizeFormats({"text"}, true).ok());
  auto bad = NormalizeFormats({"html,pdf"}, false);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("pdf"), std::string::npos);
}

}  // namespace
}  // namespace verifica::report

namespace verifica::report {
namespace {

// SARIF and JUnit of a real check run over the demo portals (every rule, real findings).
TEST(SarifTest, Sarif210_RealRunIsValid) {
  testing::TempDir dir;
  const testing::RunResult r =
      testing::Run({testing::VerificaBinary(), "check", testing::SourcePath("fixtures/demo/sites"),
                    "--format", "sarif,junit", "-o", (dir.path() / "out").string()});
  ASSERT_NE(r.exit_code, 2) << r.err;
  const std::string sarif = testing::ReadFileOrEmpty(dir.path() / "out/report.sarif");
  json j = json::parse(sarif, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_GT(j["runs"][0]["results"].size(), 10u);
  ExpectValidSarif({{"demo.sarif", sarif}});
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_file((dir.path() / "out/report.junit.xml").c_str()));
  EXPECT_GT(doc.child("testsuites").attribute("failures").as_int(), 0);
}

}  // namespace
}  // namespace verifica::report
