// The evidence primitives on small pages: what each one finds, where, and what it ignores.
#include "rules/decl/primitives.h"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "decl/decl_test_util.h"
#include "rules/decl/checker.h"

namespace verifica::rules::decl {
namespace {

std::shared_ptr<const Primitive> Build(std::string_view item_json) {
  std::vector<PackError> errors;
  LoadOptions options;
  Checker c("test", options, &errors);
  auto item = nlohmann::json::parse(item_json, nullptr, false);
  EXPECT_FALSE(item.is_discarded()) << item_json;
  auto p = BuildPrimitive(item, "/item", c);
  for (const auto& e : errors) ADD_FAILURE() << e.ToString();
  return p;
}

struct Seen {
  State state;
  Observation obs;
};

Seen On(std::string_view item_json, std::string_view html, CivilDate today = {2025, 6, 30},
        std::string_view url = "https://ejemplo.gob.mx/") {
  auto p = Build(item_json);
  if (!p) return {State::kAbsent, {}};
  dom::Document doc = decltest::Parse(html, url);
  PageView view(doc);
  EvalContext ctx;
  ctx.today = today;
  Observation o = p->Observe(view, ctx);
  Materialize(view, &o);
  return {o.state, o};
}

TEST(PrimitivesTest, Local_LinkByTextHrefHostAndImageAlt) {
  const char* page = R"(<body><header><nav><a href="/inicio">Inicio</a>
      <a href="/transparencia/">Transparencia</a></nav></header>
      <main><a href="https://www.plataformadetransparencia.org.mx/"><img src="pnt.png"
      alt="Plataforma Nacional de Transparencia"></a></main></body>)";
  Seen s = On(R"({"check": "link", "text": "^transparencia$"})", page);
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "transparencia");
  EXPECT_EQ(s.obs.detail, "https://ejemplo.gob.mx/transparencia/");
  EXPECT_EQ(s.obs.snippet, R"(<a href="/transparencia/">)");
  EXPECT_EQ(On(R"({"check": "link", "host": "(^|\\.)plataformadetransparencia\\.org\\.mx$"})", page)
                .state,
            State::kHolds);
  EXPECT_EQ(On(R"({"check": "link", "text": "plataforma nacional"})", page).state, State::kHolds);
  // Region: the PNT link is in <main>, not in the template chrome.
  EXPECT_EQ(
      On(R"({"check": "link", "text": "plataforma nacional", "region": "chrome"})", page).state,
      State::kAbsent);
  EXPECT_EQ(On(R"({"check": "link", "text": "^(inicio|transparencia)$", "min": 3})", page).state,
            State::kAbsent);
  EXPECT_EQ(
      On(R"({"check": "link", "text": "transparencia", "href": "/transparencia", "match": "all"})",
         page)
          .state,
      State::kHolds);
  EXPECT_EQ(
      On(R"({"check": "link", "text": "inicio", "href": "/transparencia", "match": "all"})", page)
          .state,
      State::kAbsent);
}

TEST(PrimitivesTest, Local_HrefsAreDecodedAndFolded) {
  const char* page = R"(<a href="/Avisos/Aviso%20de%20Privacidad%20Integral.PDF">aquí</a>)";
  EXPECT_EQ(On(R"({"check": "link", "href": "aviso de privacidad integral\\.pdf$"})", page).state,
            State::kHolds);
}

TEST(PrimitivesTest, Local_HeadingTitleAndUrl) {
  const char* page = R"(<title>Unidad de Transparencia | Secretaría</title>
      <h2>Unidad de Transparencia</h2><div role="heading" aria-level="1">Aviso de Privacidad Integral</div>)";
  EXPECT_EQ(On(R"({"check": "heading", "pattern": "aviso de privacidad integral"})", page).state,
            State::kHolds);
  EXPECT_EQ(On(R"({"check": "heading", "pattern": "unidad de transparencia", "levels": [1]})", page)
                .state,
            State::kAbsent);
  EXPECT_EQ(On(R"({"check": "title", "pattern": "^unidad de transparencia"})", page).state,
            State::kHolds);
  EXPECT_EQ(On(R"({"check": "url", "pattern": "/transparencia/ut$"})", page, {2025, 6, 30},
               "https://ejemplo.gob.mx/Transparencia/UT")
                .state,
            State::kHolds);
}

TEST(PrimitivesTest, Local_TextNearAnotherMatch) {
  const char* page = R"(<p>Unidad de Transparencia</p><p>Av. Juárez 10, Col. Centro,
      Alcaldía Cuauhtémoc, C.P. 06000</p><footer>Oficinas centrales: C.P. 01000</footer>)";
  Seen s = On(R"({"check": "text", "pattern": "\\bc\\.? ?p\\.? ?\\d{5}\\b",
                  "near": [{"pattern": "unidad de transparencia", "chars": 80}]})",
              page);
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "c.p. 06000");
  EXPECT_EQ(s.obs.selector, "html > body > p:nth-child(2)");
  EXPECT_EQ(
      On(R"({"check": "text", "pattern": "c\\.p\\. 01000", "near": [{"pattern": "unidad de transparencia", "chars": 40}]})",
         page)
          .state,
      State::kAbsent);
  EXPECT_EQ(On(R"({"check": "text", "pattern": "c\\.p\\.", "region": "chrome"})", page).obs.text,
            "c.p.");
  EXPECT_EQ(On(R"({"check": "text", "pattern": "\\bc\\.p\\.", "min": 3})", page).state,
            State::kAbsent);
  // Words split by inline markup still match; blocks do not run together.
  EXPECT_EQ(
      On(R"({"check": "text", "pattern": "transparencia"})", "<p>Trans<b>parencia</b></p>").state,
      State::kHolds);
  EXPECT_EQ(On(R"({"check": "text", "pattern": "ab"})", "<p>a</p><p>b</p>").state, State::kAbsent);
  // Hidden and script text is not page text.
  EXPECT_EQ(On(R"({"check": "text", "pattern": "secreto"})",
               "<div hidden>secreto</div><script>var secreto;</script>")
                .state,
            State::kAbsent);
}

TEST(PrimitivesTest, Local_CurrentYearNearAMatch) {
  const char* page = "<p>Calendario de actualización 2025</p>";
  const char* item =
      R"({"check": "text", "pattern": "calendario de actualizacion", "current_year_within": 50})";
  EXPECT_EQ(On(item, page, {2025, 6, 30}).state, State::kHolds);
  EXPECT_EQ(On(item, page, {2026, 6, 30}).state, State::kAbsent);
  EXPECT_EQ(On(item, page, {2026, 1, 20}).state, State::kHolds);  // January grace
}

TEST(PrimitivesTest, Local_DateFreshnessAndProblems) {
  const char* item = R"({"check": "date", "label": "fecha de actualizacion", "max_age_days": 120})";
  Seen fresh = On(item, "<p>Fecha de actualización: 15/05/2025</p>");
  EXPECT_EQ(fresh.state, State::kHolds);
  EXPECT_EQ(fresh.obs.text, "15/05/2025");
  EXPECT_EQ(fresh.obs.detail, "46");
  Seen stale = On(item, "<p>Fecha de actualización: 31 de diciembre de 2024</p>");
  EXPECT_EQ(stale.state, State::kFails);
  EXPECT_EQ(stale.obs.message, "stale");
  EXPECT_EQ(stale.obs.detail, "181");
  // The latest date on the page counts.
  EXPECT_EQ(
      On(item, "<p>Fecha de actualización: 01/01/2024</p><p>Fecha de actualización: 2025-06-01</p>")
          .state,
      State::kHolds);
  Seen epoch = On(item, "<p>Fecha de actualización: 31/12/1969</p>");
  EXPECT_EQ(epoch.state, State::kFails);
  EXPECT_EQ(epoch.obs.message, "invalid-date");
  EXPECT_EQ(epoch.obs.detail, "epoch");
  Seen future = On(item, "<p>Fecha de actualización: 15/05/2052</p>");
  EXPECT_EQ(future.state, State::kFails);
  EXPECT_EQ(future.obs.message, "future-date");
  EXPECT_EQ(On(item, "<p>Fecha de actualización: pendiente</p>").state, State::kAbsent);
  // A date far from its label is not its date.
  EXPECT_EQ(On(R"({"check": "date", "label": "fecha de actualizacion", "chars": 10})",
               "<p>Fecha de actualización del portal y de todas sus secciones: 15/05/2025</p>")
                .state,
            State::kAbsent);
}

TEST(PrimitivesTest, Local_DocumentLinksByType) {
  const char* page =
      R"(<a href="a.pdf">Formato PDF</a><a href="/datos/b.XLSX?v=2">Formato Excel</a>)";
  Seen s = On(R"({"check": "document-link", "types": ["xlsx", "csv"]})", page);
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "formato excel");
  EXPECT_EQ(On(R"({"check": "document-link", "types": ["csv"]})", page).state, State::kAbsent);
  EXPECT_EQ(
      On(R"({"check": "document-link", "types": ["pdf", "xlsx"], "min": 2})", page).obs.detail,
      "2");
}

TEST(PrimitivesTest, Local_AttributeWithQueryParameter) {
  const char* page =
      R"(<script src="https://www.infomexsinaloa.org/accesibilidadweb/js_api.aspx?api_key=X&tipo=header&aut=otro.gob.mx"></script>)";
  Seen s = On(
      R"({"check": "attribute", "tags": ["script"], "name": "src", "pattern": "infomexsinaloa\\.org/accesibilidadweb", "param": "aut"})",
      page, {2025, 6, 30}, "https://www.ejemplo.gob.mx/");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.detail, "otro.gob.mx");
  const char* mismatch =
      R"({"check": "attribute", "tags": ["script"], "name": "src", "pattern": "accesibilidadweb", "param": "aut", "param_differs_from_host": true})";
  EXPECT_EQ(On(mismatch, page, {2025, 6, 30}, "https://www.ejemplo.gob.mx/").state, State::kHolds);
  EXPECT_EQ(On(mismatch, page, {2025, 6, 30}, "https://otro.gob.mx/x").state, State::kAbsent);
}

TEST(PrimitivesTest, Local_PersonalDataForms) {
  const char* item =
      R"({"check": "personal-data-form", "fields": "correo|nombre", "labels": "correo",
      "types": ["email", "tel"], "notice": "aviso de privacidad"})";
  EXPECT_EQ(On(item, R"(<form><label for=c>Correo</label><input id=c name=f1></form>)").state,
            State::kFails);
  EXPECT_EQ(
      On(item, R"(<form><input type=tel name=x></form><p>Consulte el aviso de privacidad.</p>)")
          .state,
      State::kHolds);
  EXPECT_EQ(
      On(item,
         R"(<div><form><input name=nombre></form></div><small>Aviso de privacidad simplificado</small>)")
          .state,
      State::kHolds);
  // Search boxes are not personal-data forms.
  EXPECT_EQ(On(item, R"(<form role=search><input name=nombre></form>)").state, State::kAbsent);
  EXPECT_EQ(On(item, R"(<form><input name=q></form>)").state, State::kAbsent);
  EXPECT_EQ(On(item, R"(<form><input type=search name=nombre></form>)").state, State::kAbsent);
  // Two forms, one without notice: the failure is what is reported.
  Seen two =
      On(item, R"(<section><form id=a><input type=email></form><p>Aviso de privacidad</p></section>
      <section><form id=b><input name=nombre></form></section>)");
  EXPECT_EQ(two.state, State::kFails);
  EXPECT_EQ(two.obs.selector, "#b");
  const char* linked = R"({"check": "personal-data-form", "types": ["email"],
      "notice": "aviso de privacidad integral", "notice_link": "privacidad"})";
  EXPECT_EQ(On(linked,
               R"(<form><input type=email><p>Consulte el aviso de privacidad integral.</p></form>)")
                .state,
            State::kFails);
  EXPECT_EQ(
      On(linked,
         R"(<form><input type=email><p>Consulte el <a href="/privacidad">aviso de privacidad integral</a>.</p></form>)")
          .state,
      State::kHolds);
}

TEST(PrimitivesTest, Local_CountOfNestedItems) {
  const char* item =
      R"({"check": "count", "min": 2, "of": [{"check": "text", "pattern": "finalidad"},
      {"check": "text", "pattern": "transferencia"}, {"check": "text", "pattern": "arco"}]})";
  Seen s = On(item, "<p>Finalidades</p><p>Derechos ARCO</p>");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.detail, "2/3");
  EXPECT_EQ(On(item, "<p>Finalidades</p>").state, State::kAbsent);
}

TEST(PrimitivesTest, Local_PersonNameNextToALabel) {
  const char* item = R"({"check": "person-name",
      "label": "\\b(titular|responsable)( de la)? unidad de transparencia\\b"})";
  // After the label, with an honorific; accents and Ñ kept as written.
  Seen s = On(item, R"(<p>Titular de la Unidad de Transparencia: Lic. Ana María Ñúñez Ruiz</p>)");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "Lic. Ana María Ñúñez Ruiz");
  EXPECT_EQ(s.obs.detail, "titular de la unidad de transparencia");
  // In capitals, in the block before the label (a directory card); particles stay inside.
  s = On(item, R"(<div><h3>MTRO. JOSÉ LUIS GARCÍA DE LA ROSA</h3>
      <p>Responsable de la Unidad de Transparencia</p></div>)");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "MTRO. JOSÉ LUIS GARCÍA DE LA ROSA");
  // In the next cell of a table row, after a few lower-case words.
  s = On(item, R"(<table><tr><td>Titular de la Unidad de Transparencia</td>
      <td>es la C. Rosa Elena Villarreal</td></tr></table>)");
  EXPECT_EQ(s.obs.text, "C. Rosa Elena Villarreal");
  // A cell that is the label on its own, the name in the next one; a sentence's period is not
  // part of the name.
  const char* cell = R"({"check": "person-name", "cell": "^(titular|responsable) ?:?$"})";
  s = On(cell, R"(<dl><dt>Titular</dt><dd>Lic. Mariana Treviño Salazar</dd>
      <dt>Domicilio</dt><dd>Blvd. Portes Gil 1450</dd></dl>)");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.text, "Lic. Mariana Treviño Salazar");
  s = On(item, R"(<p>Responsable de la Unidad de Transparencia: Ing. Roberto Cárdenas Lerma.</p>)");
  EXPECT_EQ(s.obs.text, "Ing. Roberto Cárdenas Lerma");
  EXPECT_EQ(On(cell, R"(<p>El titular de la dependencia firmó el convenio.</p>)").state,
            State::kAbsent);
  // Offices, addresses and sentences are not names.
  EXPECT_EQ(On(item, R"(<p>Titular de la Unidad de Transparencia: Dirección Jurídica</p>)").state,
            State::kAbsent);
  EXPECT_EQ(On(item, R"(<p>La persona titular de la Unidad de Transparencia es la responsable de
      recibir las solicitudes.</p>)")
                .state,
            State::kAbsent);
  EXPECT_EQ(On(item, R"(<p>Titular de la Unidad de Transparencia: vacante</p>)").state,
            State::kAbsent);
}

TEST(PrimitivesTest, Local_CoverageOfAListOfObligations) {
  const char* item = R"({"check": "coverage", "min_found": 2,
      "not_applicable": "\\bno aplica\\b", "chars": 60, "items": [
        {"id": "I", "name": "Marco normativo", "pattern": "marco normativo"},
        {"id": "VI", "name": "Directorio", "pattern": "directorio"},
        {"id": "XX", "name": "Deuda pública", "pattern": "\\bdeuda\\b"},
        {"id": "XLI", "name": "Ingresos", "pattern": "\\bingresos\\b"}]})";
  // Linked by its own text, by its table row, or declared not applicable.
  Seen s = On(item, R"(<table>
      <tr><td>Fracción I</td><td><a href="f1">Marco normativo</a></td></tr>
      <tr><td>Fracción VI Directorio</td><td><a href="f6.xlsx">XLSX</a></td></tr>
      <tr><td>Fracción XX Deuda pública</td><td>No aplica</td></tr>
      <tr><td>Fracción XLI</td><td><a href="f41">Ingresos</a></td></tr></table>)");
  EXPECT_EQ(s.state, State::kHolds);
  EXPECT_EQ(s.obs.detail, "4/4 (1 no aplica)");
  // A definition list: the term names the link in its description.
  s = On(item, R"(<dl><dt>Fracción I Marco normativo</dt><dd><a href="f1.xlsx">XLSX</a></dd>
      <dt>Fracción VI Directorio</dt><dd><a href="f6.xlsx">XLSX</a></dd>
      <dt>Fracción XX Deuda pública</dt><dd><a href="f20.xlsx">XLSX</a></dd>
      <dt>Fracción XLI Ingresos</dt><dd><a href="f41.xlsx">XLSX</a></dd></dl>)");
  EXPECT_EQ(s.state, State::kHolds);
  // Partly covered: cannot tell (the rest may not apply), the missing ones are listed.
  s = On(item, R"(<ul><li><a href="f1">Marco normativo</a></li>
      <li><a href="f6">Directorio</a></li></ul>)");
  EXPECT_EQ(s.state, State::kUnknown);
  EXPECT_EQ(s.obs.message, "partial");
  EXPECT_EQ(s.obs.text, "XX (Deuda pública), XLI (Ingresos)");
  EXPECT_EQ(s.obs.detail, "2/4");
  // Not an index of these obligations at all.
  EXPECT_EQ(On(item, R"(<p><a href="d">Directorio</a></p>)").state, State::kAbsent);
  // Named in plain text without a link: not covered.
  EXPECT_EQ(On(item, R"(<p>Marco normativo, directorio, deuda e ingresos.</p>)").state,
            State::kAbsent);
}

TEST(PrimitivesTest, Local_BadOptionsAreValidationErrors) {
  std::vector<PackError> errors;
  LoadOptions options;
  Checker c("t.json", options, &errors);
  auto j = nlohmann::json::parse(
      R"({"check": "date", "label": "x", "max_age_days": "mucho", "chars": 3})");
  EXPECT_EQ(BuildPrimitive(j, "/i", c), nullptr);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].pointer, "/i/chars");
  EXPECT_EQ(errors[1].pointer, "/i/max_age_days");
  errors.clear();
  j = nlohmann::json::parse(R"({"check": "document-link", "types": ["pdf", "exe"]})");
  EXPECT_EQ(BuildPrimitive(j, "/i", c), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/i/types/1");
  errors.clear();
  j = nlohmann::json::parse(
      R"({"check": "count", "min": 3, "of": [{"check": "title", "pattern": "a"}]})");
  EXPECT_EQ(BuildPrimitive(j, "/i", c), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/i/min");
}

TEST(PrimitivesTest, Local_JavaScriptShellNeedsRendering) {
  dom::Document shell = decltest::Parse(
      R"(<html><head><script src="/static/js/main.4f3a.js"></script></head>
         <body><div id="root"></div><noscript>Habilite JavaScript para usar este sitio.</noscript></body></html>)");
  EXPECT_TRUE(PageView(shell).needs_rendering());
  dom::Document normal = decltest::Parse(
      R"(<body><script src="/app.js"></script><h1>Secretaría de Movilidad</h1><p>Bienvenida al portal
         de la Secretaría, donde encontrará trámites, servicios, la sección de transparencia y más.</p></body>)");
  EXPECT_FALSE(PageView(normal).needs_rendering());
  dom::Document empty = decltest::Parse("<body></body>");
  EXPECT_FALSE(PageView(empty).needs_rendering());
  // A short page that merely loads a script (an overlay, analytics) is not a shell.
  dom::Document short_page = decltest::Parse(
      R"(<head><script src="https://cdn.example/widget.js"></script></head><body><h1>Portal</h1></body>)");
  EXPECT_FALSE(PageView(short_page).needs_rendering());
  dom::Document angular =
      decltest::Parse(R"(<body><app-root></app-root><script src="main.js"></script></body>)");
  EXPECT_TRUE(PageView(angular).needs_rendering());
}

TEST(PrimitivesTest, Local_DocumentTextViews) {
  PageView pdf = PageView::FromText(
      "https://ejemplo.gob.mx/aviso.pdf",
      "AVISO DE PRIVACIDAD INTEGRAL\nLa Secretaría es la responsa-\nble del tratamiento", "", true);
  EXPECT_EQ(pdf.title(), "aviso de privacidad integral");
  EXPECT_EQ(pdf.text().text,
            "aviso de privacidad integral la secretaria es la responsable del tratamiento");
  EXPECT_TRUE(pdf.links().empty());
  EXPECT_FALSE(pdf.needs_rendering());
}

// Hostile pages: 10,000 links and megabytes of text finish in linear time.
TEST(PrimitivesTest, Local_HugePagesFinish) {
  std::string page = "<body><nav>";
  for (int i = 0; i < 10000; ++i) {
    page += "<a href=\"/p" + std::to_string(i) + "\">Enlace " + std::to_string(i) + "</a>";
  }
  page += "</nav><p>";
  for (int i = 0; i < 60000; ++i) page += "transparencia fecha de actualizacion ";
  page += "</p></body>";
  const auto start = std::chrono::steady_clock::now();
  dom::Document doc = decltest::Parse(page);
  PageView view(doc);
  EvalContext ctx;
  ctx.today = {2025, 6, 30};
  EXPECT_EQ(view.links().size(), 10000u);
  EXPECT_EQ(Build(R"({"check": "link", "text": "no existe"})")->Observe(view, ctx).state,
            State::kAbsent);
  EXPECT_EQ(
      Build(
          R"({"check": "text", "pattern": "unidad de transparencia", "near": [{"pattern": "c\\.p\\.", "chars": 500}]})")
          ->Observe(view, ctx)
          .state,
      State::kAbsent);
  EXPECT_EQ(Build(R"({"check": "date", "label": "fecha de actualizacion", "max_age_days": 90})")
                ->Observe(view, ctx)
                .state,
            State::kAbsent);
  EXPECT_EQ(Build(R"({"check": "text", "pattern": "transparencia", "min": 1000})")
                ->Observe(view, ctx)
                .state,
            State::kHolds);
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 60.0);
}

}  // namespace
}  // namespace verifica::rules::decl
