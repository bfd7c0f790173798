// Issue 10: no report prints an unconfirmed citation without its mark. Each format (report.json,
// HTML, SARIF, JUnit, CSV, the text of `check`) prints every citation of an obligation rule with
// "cita por confirmar" / "citation to be confirmed" beside the ones still to be confirmed, and a
// good practice as such; a confirmed citation carries no mark.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "findings/findings.h"
#include "findings/findings_json.h"
#include "report/aggregate.h"
#include "report/check_output.h"
#include "report/formats.h"

namespace verifica {
namespace {

using findings::BasisStatus;
using findings::Outcome;

constexpr char kConfirmed[] = "LGTAIP (DOF 20-03-2025), Art. 60";
constexpr char kToConfirm[] = "Lineamientos Técnicos Generales, criterios adjetivos";

report::Catalog CitationCatalog() {
  report::Catalog c;
  findings::RuleInfo r;
  r.id = "tr-prueba";
  r.pack = "mx-lgtaip-2025";
  r.title = {"Enlace a transparencia", "Transparency link"};
  r.impact = findings::Impact::kSerious;
  r.legal_basis = {
      {"LGTAIP (DOF 20-03-2025)", "Art. 60", BasisStatus::kConfirmed},
      {"Lineamientos Técnicos Generales", "criterios adjetivos", BasisStatus::kToConfirm}};
  r.messages = {{"missing", {"Falta el enlace.", "The link is missing."}}};
  c.emplace(r.id, r);
  findings::RuleInfo g;
  g.id = "tr-horario";
  g.pack = "mx-lgtaip-2025";
  g.title = {"Horario", "Hours"};
  g.impact = findings::Impact::kModerate;
  g.legal_basis = {{"Buena práctica", "horario de atención", BasisStatus::kGoodPractice}};
  g.messages = {{"missing", {"Sin horario.", "No hours."}}};
  c.emplace(g.id, g);
  return c;
}

findings::RuleResult Failed(const std::string& id, const std::string& es) {
  findings::RuleResult r;
  r.id = id;
  r.outcome = Outcome::kFailed;
  r.impact = findings::Impact::kSerious;
  r.failed = 1;
  findings::Finding f;
  f.outcome = Outcome::kFailed;
  f.message_id = "missing";
  f.message = {es, es};
  f.url = "https://ejemplo.gob.mx/";
  r.findings.push_back(f);
  return r;
}

findings::PageReport Page() {
  findings::PageReport p;
  p.url = p.final_url = "https://ejemplo.gob.mx/";
  p.status = 200;
  p.content_type = "text/html";
  p.rules.push_back(Failed("tr-prueba", "Falta el enlace."));
  return p;
}

findings::EntityReport Report() {
  findings::EntityReport r;
  r.entity.id = "ejemplo";
  r.entity.name = "Ejemplo";
  r.entity.url = "https://ejemplo.gob.mx/";
  r.pages.push_back(Page());
  r.entity_rules.push_back(Failed("tr-horario", "Sin horario."));
  return r;
}

// `text` holds the confirmed citation without a mark and the other two with theirs.
void ExpectMarked(const std::string& text, std::string_view lang, std::string_view format) {
  const bool es = lang == "es";
  const std::string to_confirm =
      std::string(kToConfirm) + (es ? " (cita por confirmar)" : " (citation to be confirmed)");
  const std::string good = es ? "Buena práctica, horario de atención (buena práctica, sin "
                                "obligación legal)"
                              : "Buena práctica, horario de atención (good practice, not a "
                                "legal obligation)";
  EXPECT_NE(text.find(to_confirm), std::string::npos) << format << " " << lang << ":\n" << text;
  EXPECT_NE(text.find(good), std::string::npos) << format << " " << lang << ":\n" << text;
  EXPECT_NE(text.find(kConfirmed), std::string::npos) << format << ":\n" << text;
  EXPECT_EQ(text.find(std::string(kConfirmed) + " ("), std::string::npos) << format << ":\n"
                                                                          << text;
  // Never printed without its mark.
  size_t at = 0;
  while ((at = text.find(kToConfirm, at)) != std::string::npos) {
    at += std::string_view(kToConfirm).size();
    EXPECT_EQ(text.compare(at, 2, " ("), 0) << format << ": unmarked at " << at << ":\n" << text;
  }
}

TEST(CitationsTest, Local_SarifJunitAndCsvMarkUnconfirmedCitations) {
  for (const char* lang : {"es", "en"}) {
    for (const char* format : {"sarif", "junit", "csv"}) {
      ExpectMarked(report::RenderEntityFormat(format, Report(), CitationCatalog(), lang), lang,
                   format);
    }
  }
  const auto sarif =
      nlohmann::json::parse(report::RenderEntityFormat("sarif", Report(), CitationCatalog(), "es"));
  bool seen = false;
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    if (rule.value("id", "") != "tr-prueba") continue;
    seen = true;
    const auto& lb = rule["properties"]["legalBasis"];
    ASSERT_EQ(lb.size(), 2u);
    EXPECT_EQ(lb[0].value("status", ""), "confirmed");
    EXPECT_FALSE(lb[0].contains("mark"));
    EXPECT_EQ(lb[1].value("status", ""), "to-confirm");
    EXPECT_EQ(lb[1].value("mark", ""), "cita por confirmar");
  }
  EXPECT_TRUE(seen);
}

TEST(CitationsTest, Local_HtmlMarksUnconfirmedCitations) {
  for (const char* lang : {"es", "en"}) {
    const std::string html = report::RenderEntityFormat("html", Report(), CitationCatalog(), lang);
    const std::string mark =
        std::string(lang) == "es" ? "(cita por confirmar)" : "(citation to be confirmed)";
    // Each unconfirmed citation is followed by its mark.
    size_t at = 0, seen = 0;
    while ((at = html.find("criterios adjetivos", at)) != std::string::npos) {
      at += std::string_view("criterios adjetivos").size();
      const std::string want = " <strong class=\"cita-to-confirm\">" + mark + "</strong>";
      EXPECT_EQ(html.compare(at, want.size(), want), 0) << html.substr(at, 80);
      ++seen;
    }
    EXPECT_GE(seen, 1u) << html;
    EXPECT_NE(html.find("cita-good-practice"), std::string::npos);
  }
}

// report.json carries each rule's citations with their status and, unless confirmed, the mark.
TEST(CitationsTest, Local_ReportJsonCarriesEachCitationsStatus) {
  const auto j =
      nlohmann::json::parse(report::RenderEntityFormat("json", Report(), CitationCatalog(), "es"));
  ASSERT_TRUE(j.contains("legal_basis")) << j.dump(2);
  const auto& lb = j["legal_basis"]["tr-prueba"];
  ASSERT_EQ(lb.size(), 2u);
  EXPECT_EQ(lb[0].value("status", ""), "confirmed");
  EXPECT_FALSE(lb[0].contains("mark"));
  EXPECT_EQ(lb[1].value("status", ""), "to-confirm");
  EXPECT_EQ(lb[1]["mark"].value("es", ""), "cita por confirmar");
  EXPECT_EQ(lb[1]["mark"].value("en", ""), "citation to be confirmed");
  EXPECT_EQ(j["legal_basis"]["tr-horario"][0].value("status", ""), "good-practice");
  // And it reads back.
  findings::EntityReport back = j.get<findings::EntityReport>();
  ASSERT_EQ(back.legal_basis["tr-prueba"].size(), 2u);
  EXPECT_EQ(back.legal_basis["tr-prueba"][1].status, BasisStatus::kToConfirm);
  // The entity's jurisdiction, defaulted.
  EXPECT_EQ(j["entity"]["jurisdiction"].value("code", ""), "federal");
  EXPECT_EQ(j["entity"]["jurisdiction"].value("source", ""), "default");
}

TEST(CitationsTest, Local_CheckTextMarksUnconfirmedCitations) {
  report::TextOptions o;
  for (const char* lang : {"es", "en"}) {
    o.lang = lang;
    findings::PageReport p = Page();
    p.rules.push_back(Failed("tr-horario", "Sin horario."));
    ExpectMarked(report::RenderCheckText({p}, CitationCatalog(), o), lang, "text");
  }
}

// A rule with no legal source is a good practice, not an obligation: it does not count in the
// obligations index; a rule with a citation to confirm still does.
TEST(CitationsTest, Local_GoodPracticesAreNoObligationCriteria) {
  report::Catalog c = CitationCatalog();
  c["tr-horario"].tags.push_back("good-practice");
  EXPECT_TRUE(report::IsObligationCriterion("tr-prueba", c));
  EXPECT_FALSE(report::IsObligationCriterion("tr-horario", c));
  EXPECT_TRUE(report::IsObligationRule("tr-horario", c));  // still shown with the obligations
}

}  // namespace
}  // namespace verifica
