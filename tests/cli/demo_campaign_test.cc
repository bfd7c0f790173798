// The demo campaign (fixtures/demo) scanned end to end with the obligation packs and compared,
// rule by rule, with fixtures/demo/expected/<entity>.json: page roles, every pack entity rule's
// outcome (and, for the key ones, the message that decides it), and the pack page rules on every
// page. Dates are judged as of the "today" in the expected files (--today), so the run is
// reproducible. Besides the files, the test states what each demo entity is there to show.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

namespace verifica {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

json ReadJson(const fs::path& p) {
  json j = json::parse(Slurp(p), nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << p;
  return j;
}

const char* kEntities[] = {"instituto-vivienda", "comision-agua", "secretaria-cultura",
                           "municipio-san-isidro", "fideicomiso-turismo"};

// Runs the scan once for the whole suite.
class DemoCampaignTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ =
        new fs::path(fs::temp_directory_path() / ("verifica-demo-" + std::to_string(::getpid())));
    fs::remove_all(*out_);
    const fs::path demo = fs::path(VERIFICA_SOURCE_DIR) / "fixtures" / "demo";
    const std::string today =
        ReadJson(demo / "expected" / "instituto-vivienda.json").value("today", "");
    const std::string cmd = "cd '" + demo.string() + "' && NO_COLOR=1 '" + VERIFICA_BINARY +
                            "' scan --entities entities.csv --allow-private -q --today " + today +
                            " --out '" + out_->string() + "' >'" + out_->string() + ".stdout' 2>'" +
                            out_->string() + ".stderr' </dev/null";
    const int status = std::system(cmd.c_str());
    code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*out_);
    fs::remove(out_->string() + ".stdout");
    fs::remove(out_->string() + ".stderr");
    delete out_;
  }

  static json Report(const std::string& entity) { return ReadJson(*out_ / entity / "report.json"); }
  static json Expected(const std::string& entity) {
    return ReadJson(fs::path(VERIFICA_SOURCE_DIR) / "fixtures" / "demo" / "expected" /
                    (entity + ".json"));
  }
  // file:///.../fixtures/demo/sites/x.html → sites/x.html
  static std::string Relative(const std::string& u) {
    const std::string marker = "/fixtures/demo/";
    size_t p = u.find(marker);
    return p == std::string::npos ? u : u.substr(p + marker.size());
  }
  static const json* EntityRule(const json& report, const std::string& id) {
    for (const json& r : report["entity_rules"]) {
      if (r.value("id", "") == id) return &r;
    }
    return nullptr;
  }
  static std::string FirstMessage(const json& rule) {
    for (const json& f : rule.value("findings", json::array())) {
      if (f.value("outcome", "") == rule.value("outcome", "")) return f.value("message_id", "");
    }
    return {};
  }

  static fs::path* out_;
  static int code_;
};

fs::path* DemoCampaignTest::out_ = nullptr;
int DemoCampaignTest::code_ = -1;

TEST_F(DemoCampaignTest, Local_ScanRunsAndFindsFailures) {
  EXPECT_EQ(code_, 1) << Slurp(out_->string() + ".stderr");
  for (const char* e : kEntities) EXPECT_TRUE(fs::exists(*out_ / e / "report.json")) << e;
}

TEST_F(DemoCampaignTest, Local_EveryEntityMatchesItsExpectedResultsRuleByRule) {
  for (const char* entity : kEntities) {
    SCOPED_TRACE(entity);
    json report = Report(entity), expected = Expected(entity);
    ASSERT_TRUE(report.is_object());
    ASSERT_TRUE(expected.is_object());
    // Page roles: which page was taken for each role.
    std::map<std::string, std::string> roles;
    for (auto it = report["page_roles"].begin(); it != report["page_roles"].end(); ++it) {
      roles[it.key()] = Relative(it.value().get<std::string>());
    }
    std::map<std::string, std::string> want_roles;
    for (auto it = expected["page_roles"].begin(); it != expected["page_roles"].end(); ++it) {
      want_roles[it.key()] = it.value().get<std::string>();
    }
    EXPECT_EQ(roles, want_roles);
    // Entity rules: every expected one, and no pack rule that the file does not list.
    std::set<std::string> listed;
    for (auto it = expected["entity_rules"].begin(); it != expected["entity_rules"].end(); ++it) {
      listed.insert(it.key());
      const json* got = EntityRule(report, it.key());
      ASSERT_NE(got, nullptr) << it.key() << " missing from report.json";
      const json& want = it.value();
      const std::string outcome =
          want.is_string() ? want.get<std::string>() : want.value("outcome", "");
      EXPECT_EQ(got->value("outcome", ""), outcome)
          << it.key() << ": " << got->dump(1).substr(0, 600);
      if (want.is_object() && want.contains("message")) {
        EXPECT_EQ(FirstMessage(*got), want.value("message", "")) << it.key();
      }
    }
    for (const json& r : report["entity_rules"]) {
      const std::string id = r.value("id", "");
      if (id == "link-broken") continue;  // the crawl's own rule, not a pack's
      EXPECT_TRUE(listed.count(id)) << id << " is not in the expected file";
    }
    // Pack page rules on each page.
    for (auto p = expected["page_rules"].begin(); p != expected["page_rules"].end(); ++p) {
      const json* page = nullptr;
      for (const json& pr : report["pages"]) {
        if (Relative(pr.value("url", "")) == p.key()) page = &pr;
      }
      ASSERT_NE(page, nullptr) << p.key() << " was not crawled";
      for (auto r = p.value().begin(); r != p.value().end(); ++r) {
        std::string got;
        for (const json& rr : (*page)["rules"]) {
          if (rr.value("id", "") == r.key()) got = rr.value("outcome", "");
        }
        EXPECT_EQ(got, r.value().get<std::string>()) << p.key() << " " << r.key();
      }
    }
  }
}

// What the demo entities are there to show (fixtures/demo/README.md and issue 4).
TEST_F(DemoCampaignTest, Local_TheJavaScriptShellNeedsRenderingNotAbsent) {
  json r = Report("fideicomiso-turismo");
  int pack_rules = 0;
  for (const json& rule : r["entity_rules"]) {
    const std::string id = rule.value("id", "");
    if (id == "link-broken" || id == "pack-page-roles") continue;
    ++pack_rules;
    EXPECT_NE(rule.value("outcome", ""), "failed") << id << " says absent on a JavaScript shell";
  }
  EXPECT_GT(pack_rules, 20);
  const json* home = EntityRule(r, "tr-home-link");
  ASSERT_NE(home, nullptr);
  EXPECT_EQ(home->value("outcome", ""), "cantTell");
  EXPECT_EQ(FirstMessage(*home), "needs-rendering");
}

// Issue 10 item 1: the JavaScript-only portal's report showed green "5 reglas cumplidas",
// "Ninguna regla falló" and 33 red "Impacto: Grave" cards advising to publish what is probably
// there. It opens with a notice instead, gives no index, and gives no such advice.
TEST_F(DemoCampaignTest, Local_TheJavaScriptShellReportMakesNoVerdict) {
  const std::string html = Slurp(*out_ / "fideicomiso-turismo" / "report.html");
  const size_t banner = html.find("<section id=\"aviso-portal\"");
  ASSERT_NE(banner, std::string::npos);
  EXPECT_LT(banner, html.find("<section id=\"resumen\""));
  EXPECT_NE(html.find("Requiere renderizado: no se emite calificación"), std::string::npos);
  EXPECT_EQ(html.find("<li class=\"passed\">"), std::string::npos);  // no green card
  EXPECT_EQ(html.find("Ninguna regla falló"), std::string::npos);
  EXPECT_EQ(html.find("Impacto: Grave"), std::string::npos);
  EXPECT_EQ(html.find("Cómo corregir"), std::string::npos);
  json r = Report("fideicomiso-turismo");
  EXPECT_EQ(r["portal"]["state"], "needs-rendering");
  EXPECT_TRUE(r["indices"]["obligations"]["value"].is_null());
  EXPECT_TRUE(r["indices"]["accessibility"]["value"].is_null());
}

// Issue 10 item 8: the pages table counts every rule that failed on the page, the entity rules
// of the packs whose findings are on it included (the privacy notice page said 0 while pd-*
// rules failed on it).
TEST_F(DemoCampaignTest, Local_PagesTableCountsThePackRulesFailedOnEachPage) {
  for (const char* entity : kEntities) {
    json r = Report(entity);
    if (r["portal"]["state"] != "readable") continue;
    const std::string html = Slurp(*out_ / entity / "report.html");
    for (const json& page : r["pages"]) {
      if (!page["error"].is_null()) continue;
      const std::string url = page.value("final_url", "");
      std::set<std::string> failed;
      for (const json& rule : page["rules"]) {
        if (rule.value("outcome", "") == "failed") failed.insert(rule.value("id", ""));
      }
      for (const json& rule : r["entity_rules"]) {
        for (const json& f : rule["findings"]) {
          if (f.value("outcome", "") == "failed" && f.value("url", "") == url) {
            failed.insert(rule.value("id", ""));
          }
        }
      }
      const std::string row = "<span class=\"url\">" + url + "</span></td><td class=\"num\">" +
                              std::to_string(page.value("status", 0)) + "</td><td class=\"num\">" +
                              std::to_string(failed.size()) + "</td>";
      EXPECT_NE(html.find(row), std::string::npos) << entity << " " << url << " " << failed.size();
    }
  }
}

// Issue 11 item 5: the index names the campaign (the entities file's name), its date, the tool and
// pack versions, and lists the entities worst first, with an alphabetical list of links.
TEST_F(DemoCampaignTest, Local_CampaignIndexIsSortedWorstFirstAndNamed) {
  const std::string index = Slurp(*out_ / "index.html");
  EXPECT_NE(index.find("<h1>Campaña «entities»</h1>"), std::string::npos);
  EXPECT_NE(index.find("Revisión del "), std::string::npos);
  EXPECT_NE(index.find("mx-lgtaip-2025 "), std::string::npos);
  json summary = ReadJson(*out_ / "summary.json");
  EXPECT_EQ(summary["campaign"]["name"], "entities");
  // Rows in the index by obligations index, lowest first; the shell (no index) last.
  std::vector<std::pair<double, std::string>> judged;
  for (const json& e : summary["entities"]) {
    const json& v = e["indices"]["obligations"]["value"];
    if (v.is_number()) judged.emplace_back(v.get<double>(), e.value("id", ""));
  }
  std::stable_sort(judged.begin(), judged.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  ASSERT_EQ(judged.size(), 4u);
  size_t at = 0;
  for (const auto& [value, id] : judged) {
    const size_t row = index.find("<tr id=\"sujeto-" + id + "\">");
    ASSERT_NE(row, std::string::npos) << id;
    EXPECT_GT(row, at) << id;
    at = row;
  }
  EXPECT_GT(index.find("<tr id=\"sujeto-fideicomiso-turismo\">"), at);
  EXPECT_NE(index.find("<a href=\"#sujeto-comision-agua\">"), std::string::npos);
}

// The campaign summary: each entity's status is the expected file's "summary_status" ("ok" when
// it has none); an entity that needs rendering has no score (report/outputs.h).
TEST_F(DemoCampaignTest, Local_SummaryStatusOfEachEntity) {
  json summary = ReadJson(*out_ / "summary.json");
  ASSERT_EQ(summary["entities"].size(), std::size(kEntities));
  for (const json& e : summary["entities"]) {
    const std::string id = e.value("id", "");
    const std::string want = Expected(id).value("summary_status", "ok");
    EXPECT_EQ(e.value("status", ""), want) << id;
    EXPECT_EQ(e["score"].is_null(), want == "needs-rendering") << id;
  }
}

TEST_F(DemoCampaignTest, Local_TheEntityWithoutAvisoFailsTheAvisoRules) {
  json r = Report("comision-agua");
  EXPECT_EQ(EntityRule(r, "pd-aviso-link")->value("outcome", ""), "failed");
  EXPECT_EQ(EntityRule(r, "pd-aviso-integral")->value("outcome", ""), "failed");
}

TEST_F(DemoCampaignTest, Local_StaleDatesAndExtinctAuthoritiesAreReported) {
  json r = Report("secretaria-cultura");
  EXPECT_EQ(EntityRule(r, "tr-staleness")->value("outcome", ""), "failed");
  EXPECT_EQ(FirstMessage(*EntityRule(r, "tr-staleness")), "stale");
  EXPECT_EQ(EntityRule(r, "tr-stale-refs-aviso")->value("outcome", ""), "failed");
  const json* index = EntityRule(r, "tr-oblig-index");
  EXPECT_EQ(index->value("outcome", ""), "cantTell");  // Art. 70: profile mismatch, not absent
  EXPECT_EQ(FirstMessage(*index), "profile-mismatch");
}

TEST_F(DemoCampaignTest, Local_RolePagesOnAnotherHostAreFound) {
  json r = Report("municipio-san-isidro");
  const std::string t = r["page_roles"].value("transparencia", "");
  EXPECT_NE(t.find("/transparencia-san-isidro/"), std::string::npos) << t;
  EXPECT_EQ(EntityRule(r, "tr-pnt-link")->value("outcome", ""), "passed");
  // The report says which page was taken for each role and why.
  const json* roles = EntityRule(r, "pack-page-roles");
  ASSERT_NE(roles, nullptr);
  bool explained = false;
  for (const json& f : (*roles)["findings"]) {
    const std::string es = f["message"].value("es", "");
    if (es.find("Sección de transparencia") != std::string::npos &&
        es.find("enlace «") != std::string::npos) {
      explained = true;
    }
  }
  EXPECT_TRUE(explained) << roles->dump(1);
}

TEST_F(DemoCampaignTest, Local_TheExemplaryEntityPassesTheCoreChecks) {
  json r = Report("instituto-vivienda");
  for (const char* id : {"tr-home-link", "tr-pnt-link", "tr-ut-address", "tr-ut-phone",
                         "tr-ut-email", "tr-solicitud-route", "tr-fecha-act", "tr-staleness",
                         "pd-aviso-link", "pd-aviso-integral", "pd-e1-responsable", "pd-e5-arco"}) {
    EXPECT_EQ(EntityRule(r, id)->value("outcome", ""), "passed") << id;
  }
}

}  // namespace
}  // namespace verifica
