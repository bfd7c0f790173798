#include "report/html_report.h"

#include <gtest/gtest.h>

#include "html/parser.h"
#include "report/i18n.h"
#include "report/outputs.h"
#include "report/report_test_util.h"

namespace verifica::report {
namespace {

size_t Pos(const std::string& s, std::string_view what) {
  const size_t p = s.find(what);
  EXPECT_NE(p, std::string::npos) << "missing: " << what;
  return p;
}

TEST(HtmlReportTest, Local_EntityReportInSpanish) {
  const std::string html = RenderEntityHtml(testing::FixtureReport("instituto-vivienda"),
                                            testing::FixtureCatalog(), "es");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
  Pos(html, "<title>Informe de verificación: Instituto de Vivienda del Estado</title>");
  Pos(html, "<h1>Instituto de Vivienda del Estado</h1>");
  // Self-contained: inline style, no script, no external resource.
  Pos(html, "<style>");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src=\""), std::string::npos);
  // Summary: score and counts.
  Pos(html, "<span class=\"n\">" +
                FormatScore(Score(testing::FixtureReport("instituto-vivienda"))) + "</span>");
  Pos(html, "reglas incumplidas");
  // Failures grouped by WCAG principle, then obligation packs, in that order.
  const size_t failures = Pos(html, "<h2 id=\"fallas-h\">Incumplimientos</h2>");
  const size_t review = Pos(html, "<h2 id=\"revision-h\">Requiere revisión manual</h2>");
  const size_t p1 = html.find("1. Perceptible", failures);
  const size_t p2 = html.find("2. Operable", failures);
  const size_t p4 = html.find("4. Robusto", failures);
  const size_t pack = html.find("Obligaciones: paquete «mx-datos-personales»", failures);
  EXPECT_LT(failures, p1);
  EXPECT_LT(p1, p2);
  EXPECT_LT(p2, p4);
  EXPECT_LT(p4, pack);
  EXPECT_LT(pack, review);
  // A rule block: title, SC in plain Spanish with level, how to fix, page link, escaped snippet.
  const size_t alt = Pos(html, "<section class=\"rule\" id=\"fail-wcag-image-alt\"");
  Pos(html, "1.1.1 Contenido no textual</a> (nivel A)");
  EXPECT_LT(alt, html.find("Cómo corregir:", alt));
  Pos(html, "Afecta a 2 elementos en 1 página.");
  Pos(html,
      "<a class=\"url\" href=\"https://vivienda.ejemplo.gob.mx/\" rel=\"noreferrer nofollow\">");
  Pos(html, "<code>#carrusel &gt; li:nth-child(2) &gt; img</code>");
  Pos(html, "<pre><code>&lt;img src=&quot;/img/escudo.png&quot;&gt;</code></pre>");
  Pos(html, "Fundamento legal: LGPDPPSO, Art. 27");
  // Needs review: apart from failures.
  const size_t contrast = Pos(html, "id=\"review-wcag-contrast\"");
  EXPECT_GT(contrast, review);
  // Pages that could not be checked.
  Pos(html, "Páginas que no se pudieron revisar");
  Pos(html, "<td class=\"num\">404</td>");
  // Passed and inapplicable rules, collapsed.
  const size_t passed = Pos(html, "<details>\n<summary>2 reglas cumplidas</summary>");
  EXPECT_LT(passed, html.find("La página declara su idioma", passed));
  Pos(html, "<summary>1 regla no aplicable</summary>");
  Pos(html, "<summary>2 documentos encontrados</summary>");
  // Score definition and key pages.
  Pos(html, "<h2 id=\"calificacion-h\">Cómo leer este informe</h2>");
  Pos(html, "Sección de transparencia");
}

TEST(HtmlReportTest, Local_EntityReportInEnglish) {
  const std::string html = RenderEntityHtml(testing::FixtureReport("instituto-vivienda"),
                                            testing::FixtureCatalog(), "en");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  Pos(html, "Failures</h2>");
  Pos(html, "1. Perceivable");
  Pos(html, "1.1.1 Non-text Content</a> (level A)");
  Pos(html, "Images have alternative text");
  Pos(html, "How to fix:");
  Pos(html, "The image has no alternative text.");
}

TEST(HtmlReportTest, Local_UnknownRulesAndUnreachableEntities) {
  // No catalog: ids stand in for titles; an entity with no page checked still renders.
  const std::string html = RenderEntityHtml(testing::FixtureReport("instituto-vivienda"), {}, "es");
  Pos(html, "wcag-image-alt <span class=\"rid\">(wcag-image-alt)</span>");
  Pos(html, "Contenido no textual");  // from the result's own WCAG list
  const std::string down = RenderEntityHtml(testing::FixtureReport("municipio-sierra"), {}, "es");
  // Not judged: a notice first, and no "no rule failed" (issue 10 item 1).
  EXPECT_EQ(down.find("Ninguna regla falló"), std::string::npos);
  Pos(down, "No se emitió juicio sobre este portal");
  EXPECT_LT(Pos(down, "Portal no legible: no se emite calificación"), Pos(down, "id=\"resumen\""));
  Pos(down, "Páginas que no se pudieron revisar");
}

TEST(HtmlReportTest, Local_CampaignIndex) {
  std::vector<EntitySummary> rows;
  for (const char* id : {"instituto-vivienda", "municipio-sierra", "municipio-rio"}) {
    rows.push_back(Summarize(testing::FixtureReport(id), id));
  }
  const std::string html = RenderCampaignHtml(rows, testing::FixtureCatalog(), "es", true);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
  Pos(html, "3 sujetos obligados, 5 páginas revisadas.");
  Pos(html,
      "<a href=\"./instituto-vivienda/report.html\">Informe<span class=\"sr-only\"> Instituto de "
      "Vivienda del Estado</span></a>");
  Pos(html, "No se pudo revisar");
  Pos(html, "1 incumplida");   // instituto: aviso de privacidad
  Pos(html, "1 por revisar");  // municipio-rio: unidad de transparencia
  // Most frequent failures: link names fail in two entities.
  const size_t chart = Pos(html, "<svg class=\"chart\" role=\"img\"");
  EXPECT_LT(chart, html.find("Los enlaces tienen un nombre", chart));
  Pos(html, "Los enlaces tienen un nombre: 2 sujetos obligados.");
  // Totals by kind.
  Pos(html, "<tr><th scope=\"row\">municipio</th><td class=\"num\">2</td>");
  Pos(html, "<tr><th scope=\"row\">organismo descentralizado</th><td class=\"num\">1</td>");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Without HTML reports, no link to one.
  const std::string bare = RenderCampaignHtml(rows, testing::FixtureCatalog(), "es", false);
  EXPECT_EQ(bare.find("/report.html\""), std::string::npos);
  Pos(bare, "instituto-vivienda/report.json");
}

// Issue 10 item 8: the privacy-notice page showed 0 failed rules while ten pd-* entity rules
// failed on it. The pages table counts the entity rules whose findings are on each page.
TEST(HtmlReportTest, Local_PagesTableCountsEntityRulesFailedOnThePage) {
  findings::EntityReport r;
  r.entity = {"sujeto", "Sujeto", "https://s.ejemplo.gob.mx/", "", {}};
  r.page_roles["home"] = "https://s.ejemplo.gob.mx/";
  for (const char* u : {"https://s.ejemplo.gob.mx/", "https://s.ejemplo.gob.mx/aviso"}) {
    findings::PageReport p;
    p.url = p.final_url = u;
    p.status = 200;
    findings::RuleResult ok;
    ok.id = "wcag-page-title";
    ok.outcome = findings::Outcome::kPassed;
    p.rules.push_back(ok);
    r.pages.push_back(p);
  }
  auto entity_rule = [&](std::string id, findings::Outcome o, std::string url) {
    findings::RuleResult e;
    e.id = std::move(id);
    e.outcome = o;
    findings::Finding f;
    f.outcome = o;
    f.url = std::move(url);
    e.findings.push_back(f);
    r.entity_rules.push_back(e);
  };
  for (int i = 0; i < 10; ++i) {
    entity_rule("pd-e" + std::to_string(i), findings::Outcome::kFailed,
                "https://s.ejemplo.gob.mx/aviso");
  }
  entity_rule("pd-review", findings::Outcome::kCantTell, "https://s.ejemplo.gob.mx/aviso");
  // A failed rule that lists no element is on the home page.
  findings::RuleResult bare;
  bare.id = "tr-bare";
  bare.outcome = findings::Outcome::kFailed;
  r.entity_rules.push_back(bare);
  const std::string html = RenderEntityHtml(r, {}, "es");
  Pos(html,
      "href=\"https://s.ejemplo.gob.mx/aviso\" rel=\"noreferrer nofollow\">"
      "https://s.ejemplo.gob.mx/aviso</a></td><td class=\"num\">200</td><td "
      "class=\"num\">10</td><td class=\"num\">1</td>");
  Pos(html,
      "href=\"https://s.ejemplo.gob.mx/\" rel=\"noreferrer nofollow\">"
      "https://s.ejemplo.gob.mx/</a></td><td class=\"num\">200</td><td "
      "class=\"num\">1</td><td class=\"num\">0</td>");
}

}  // namespace
}  // namespace verifica::report
