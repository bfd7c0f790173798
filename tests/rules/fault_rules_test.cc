// Unit tests of the rules for common faults that no ACT rule covers, and of the ACT rules
// 6cfa84, akn7bn and 2ee8b8 (fault_rules.h). Fixtures run in fixture_runner_test.cc; the
// W3C cases of the ACT rules in tests/act.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/rule_harness.h"

namespace verifica {
namespace {

using findings::Outcome;
using testing::OutcomeOf;
using testing::RunRule;
using testing::Selectors;

std::string Page(std::string_view body) {
  return "<!DOCTYPE html><html lang=\"es\"><head><title>Portal</title></head><body>" +
         std::string(body) + "</body></html>";
}

std::vector<std::string> MessageIds(const findings::RuleResult& r, Outcome o) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) {
    if (f.outcome == o) out.push_back(f.message_id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// wcag-id-reference-unique

TEST(IdReferenceUniqueTest, Local_DuplicateLabelTargetFails) {
  const auto r = RunRule("wcag-id-reference-unique",
                         Page("<label for=a>Uno</label><input id=a><input id=a>"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_NE(r.findings[0].message.es.find("2 elementos"), std::string::npos)
      << r.findings[0].message.es;
}

TEST(IdReferenceUniqueTest, Local_AriaListAndHeaders) {
  EXPECT_EQ(OutcomeOf("wcag-id-reference-unique",
                      Page("<p id=x>a</p><p id=y>b</p><p id=y>c</p>"
                           "<button aria-describedby=\"x  y\">Ir</button>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-id-reference-unique",
                      Page("<table><tr><th id=h>T</th></tr><tr><td headers=h>1</td></tr>"
                           "</table>")),
            Outcome::kPassed);
}

TEST(IdReferenceUniqueTest, Local_MissingOrUnreferencedIsInapplicable) {
  // A duplicate id nobody points at, and a reference to an id that does not exist.
  EXPECT_EQ(OutcomeOf("wcag-id-reference-unique",
                      Page("<p id=a>1</p><p id=a>2</p><button aria-labelledby=zz>x</button>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-marquee-blink

TEST(MarqueeBlinkTest, Wcag222_MarqueeFailsBlinkNeedsReview) {
  EXPECT_EQ(OutcomeOf("wcag-marquee-blink", Page("<marquee>Aviso</marquee>")), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-marquee-blink", Page("<blink>Nuevo</blink>")), Outcome::kCantTell);
  EXPECT_EQ(OutcomeOf("wcag-marquee-blink", Page("<marquee scrollamount=0>Aviso</marquee>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-marquee-blink", Page("<div style='display:none'><marquee>x</marquee>"
                                                 "</div>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-media-autoplay

TEST(MediaAutoplayTest, Wcag142_OnlyCertainCaseFails) {
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<audio src=a.mp3 autoplay loop></audio>")),
            Outcome::kFailed);
  // A script on the page may pause it.
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay",
                      Page("<audio src=a.mp3 autoplay loop></audio><script>x()</script>")),
            Outcome::kCantTell);
  // A video may be silent; a sound without loop may be short.
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<video src=v.mp4 autoplay loop></video>")),
            Outcome::kCantTell);
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<audio src=a.mp3 autoplay></audio>")),
            Outcome::kCantTell);
  // A JSON data block is not a script.
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay",
                      Page("<audio src=a.mp3 autoplay loop></audio>"
                           "<script type=application/ld+json>{}</script>")),
            Outcome::kFailed);
}

TEST(MediaAutoplayTest, Wcag142_ControlsMutedOrNoAutoplay) {
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<video src=v.mp4 autoplay controls>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<video src=v.mp4 autoplay muted loop>")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<audio src=a.mp3 loop></audio>")),
            Outcome::kInapplicable);
  // Hidden media still plays.
  EXPECT_EQ(OutcomeOf("wcag-media-autoplay", Page("<audio hidden src=a.mp3 autoplay loop>")),
            Outcome::kFailed);
}

// ---------------------------------------------------------------------------------------------
// wcag-tabindex-positive

TEST(TabindexPositiveTest, Local_PositiveFails) {
  const auto r = RunRule("wcag-tabindex-positive",
                         Page("<a href=/ tabindex=' +5'>a</a><div tabindex=0>b</div>"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(Selectors(r, Outcome::kFailed).size(), 1u);
  EXPECT_EQ(OutcomeOf("wcag-tabindex-positive", Page("<div tabindex=-3>b</div>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-tabindex-positive", Page("<div inert><a tabindex=4>b</a></div>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-heading-order

TEST(HeadingOrderTest, Local_SkipsAndReturns) {
  EXPECT_EQ(OutcomeOf("wcag-heading-order", Page("<h2>a</h2><h3>b</h3><h1>c</h1><h2>d</h2>")),
            Outcome::kPassed);
  const auto r = RunRule("wcag-heading-order", Page("<h1>a</h1><h3>b</h3><h4>c</h4>"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(Selectors(r, Outcome::kFailed).size(), 1u);
  // aria-level overrides the element's number; hidden headings do not count.
  EXPECT_EQ(OutcomeOf("wcag-heading-order",
                      Page("<h1>a</h1><h2 aria-level=4>b</h2>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-heading-order",
                      Page("<h1>a</h1><h2 hidden>b</h2><h3>c</h3>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-heading-order", Page("<h1>a</h1><h3 role=presentation>b</h3>")),
            Outcome::kPassed);
}

// ---------------------------------------------------------------------------------------------
// wcag-bypass-blocks

TEST(BypassBlocksTest, Wcag241_Mechanisms) {
  const std::string links = "<a href=/1>1</a><a href=/2>2</a><a href=/3>3</a>";
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page(links + "<p>x</p>")), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page(links + "<main>x</main>")), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page(links + "<nav>x</nav>")), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page(links + "<h2>x</h2>")), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks",
                      Page("<a href=#c>Saltar</a>" + links + "<div id=c>x</div>")),
            Outcome::kPassed);
  // A skip link to nothing is not a mechanism; a hidden heading is not one either.
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page("<a href=#c>Saltar</a>" + links)),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page(links + "<h2 hidden>x</h2>")), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-bypass-blocks", Page("<p>x</p>")), Outcome::kCantTell);
}

// ---------------------------------------------------------------------------------------------
// wcag-table-headers

TEST(TableHeadersTest, Wcag131_DataAndLayout) {
  const std::string rows = "<tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr>";
  EXPECT_EQ(OutcomeOf("wcag-table-headers", Page("<table>" + rows + "</table>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-table-headers",
                      Page("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr>"
                           "</table>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-table-headers",
                      Page("<table><tr><td role=columnheader>a</td><td>b</td></tr>"
                           "<tr><td>1</td><td>2</td></tr></table>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-table-headers", Page("<table role=none>" + rows + "</table>")),
            Outcome::kInapplicable);
  // A presentational role on a focusable table is ignored.
  EXPECT_EQ(OutcomeOf("wcag-table-headers", Page("<table role=none tabindex=0>" + rows +
                                                 "</table>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-table-headers",
                      Page("<table><tr><td>a</td></tr><tr><td>1</td></tr></table>")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-table-headers",
                      Page("<table><tr><td><p>a</p></td><td>b</td></tr>"
                           "<tr><td>1</td><td>2</td></tr></table>")),
            Outcome::kCantTell);
  EXPECT_EQ(OutcomeOf("wcag-table-headers",
                      Page("<table><caption>Costos</caption><tr><td><p>a</p></td><td>b</td></tr>"
                           "<tr><td>1</td><td>2</td></tr></table>")),
            Outcome::kFailed);
}

// ---------------------------------------------------------------------------------------------
// wcag-in-page-link-target

TEST(InPageLinkTargetTest, Wcag241_Targets) {
  EXPECT_EQ(OutcomeOf("wcag-in-page-link-target", Page("<a href=#x>Ir</a><p id=x>x</p>")),
            Outcome::kPassed);
  const auto r = RunRule("wcag-in-page-link-target", Page("<a href='#main'>Saltar al contenido</a>"));
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_EQ(MessageIds(r, Outcome::kFailed), std::vector<std::string>{"fail-skip-missing"});
  EXPECT_EQ(OutcomeOf("wcag-in-page-link-target", Page("<a href=#TOP>Arriba</a>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-in-page-link-target",
                      Page("<a href=#x>Ir</a><p id=x style='display:none'>x</p>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-in-page-link-target", Page("<a href=#>Menú</a><a href=#!/a>b</a>")),
            Outcome::kInapplicable);
  // Case matters for ids.
  EXPECT_EQ(OutcomeOf("wcag-in-page-link-target", Page("<a href=#X>Ir</a><p id=x>x</p>")),
            Outcome::kFailed);
}

// ---------------------------------------------------------------------------------------------
// wcag-image-alt-meaningful

TEST(ImageAltMeaningfulTest, F30_FileNamesAndStockWords) {
  for (const char* alt : {"IMG_0012.jpg", "foto", "Imagen 2", "image", "DSC_0001", "icono",
                          "Sin título", "banner.PNG", "PXL_20230101_123456"}) {
    EXPECT_EQ(OutcomeOf("wcag-image-alt-meaningful",
                        Page(std::string("<img src=x.jpg alt=\"") + alt + "\">")),
              Outcome::kFailed)
        << alt;
  }
  for (const char* alt : {"Foto del cabildo", "Logotipo del DIF", "Imagen institucional 2025",
                          "Presidenta municipal", "escudo"}) {
    EXPECT_EQ(OutcomeOf("wcag-image-alt-meaningful",
                        Page(std::string("<img src=escudo.png alt=\"") + alt + "\">")),
              Outcome::kPassed)
        << alt;
  }
}

TEST(ImageAltMeaningfulTest, F30_NameFromAriaLabelIsWhatCounts) {
  EXPECT_EQ(OutcomeOf("wcag-image-alt-meaningful",
                      Page("<img src=a.jpg alt=foto aria-label=\"Mercado municipal\">")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-image-alt-meaningful", Page("<img src=a.jpg alt=\"\">")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-image-alt-meaningful", Page("<input type=image src=b.png>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-placeholder-label

TEST(PlaceholderLabelTest, Wcag332_VisibleLabelNeeded) {
  EXPECT_EQ(OutcomeOf("wcag-placeholder-label",
                      Page("<form><input placeholder=Nombre><input placeholder=Correo>"
                           "<button>Enviar</button></form>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-placeholder-label",
                      Page("<label for=n>Nombre</label><input id=n placeholder=\"Ana\">")),
            Outcome::kPassed);
  // A hidden label is not visible.
  EXPECT_EQ(OutcomeOf("wcag-placeholder-label",
                      Page("<form><label for=n hidden>Nombre</label><input id=n placeholder=Ana>"
                           "<input placeholder=b></form>")),
            Outcome::kFailed);
  // G167: one search field and a button.
  EXPECT_EQ(OutcomeOf("wcag-placeholder-label",
                      Page("<form><input type=search placeholder=Buscar>"
                           "<button>Buscar</button></form>")),
            Outcome::kPassed);
  const auto r = RunRule("wcag-placeholder-label",
                         Page("<div><input title=Folio placeholder=Folio><input placeholder=b>"
                              "</div>"));
  EXPECT_EQ(MessageIds(r, Outcome::kFailed),
            (std::vector<std::string>{"fail-invisible-name", "fail"}));
  EXPECT_EQ(OutcomeOf("wcag-placeholder-label", Page("<input type=date placeholder=x>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-list-structure

TEST(ListStructureTest, Wcag131_Lists) {
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<ul><li>a</li><template></template></ul>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<ul><li>a</li><p>b</p></ul>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<div><li>a</li></div>")), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<ul role=menu><div>a</div></ul>")),
            Outcome::kInapplicable);
}

TEST(ListStructureTest, Wcag131_DefinitionLists) {
  EXPECT_EQ(OutcomeOf("wcag-list-structure",
                      Page("<dl><dt>a</dt><dt>b</dt><dd>c</dd><dd>d</dd></dl>")),
            Outcome::kPassed);
  const auto r = RunRule("wcag-list-structure", Page("<dl><dd>c</dd><dt>a</dt></dl>"));
  EXPECT_EQ(MessageIds(r, Outcome::kFailed), std::vector<std::string>{"fail-dl-order"});
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<dl><div><dt>a</dt></div></dl>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-list-structure", Page("<dl><span>a</span></dl>")), Outcome::kFailed);
}

// ---------------------------------------------------------------------------------------------
// wcag-aria-hidden-focus (6cfa84)

TEST(AriaHiddenFocusTest, Act6cfa84_FocusableInside) {
  EXPECT_EQ(OutcomeOf("wcag-aria-hidden-focus", Page("<div aria-hidden=true><a href=/>a</a></div>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-aria-hidden-focus",
                      Page("<div aria-hidden=true><a href=/ tabindex=-1>a</a></div>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-aria-hidden-focus",
                      Page("<div aria-hidden=true><a href=/ hidden>a</a></div>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-aria-hidden-focus", Page("<div aria-hidden=false><a href=/>a</a>")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-aria-hidden-focus",
                      Page("<div aria-hidden=true><a id=s href=/>a</a></div>"
                           "<script>s.onfocus = () => other.focus()</script>")),
            Outcome::kCantTell);
}

// ---------------------------------------------------------------------------------------------
// wcag-iframe-tab-order (akn7bn)

TEST(IframeTabOrderTest, ActAkn7bn_SrcdocIsParsed) {
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order",
                      Page("<iframe tabindex=-1 srcdoc=\"<button>Ok</button>\"></iframe>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order",
                      Page("<iframe srcdoc=\"<button>Ok</button>\"></iframe>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order",
                      Page("<iframe tabindex=-1 srcdoc=\"<button disabled>Ok</button>\">"
                           "</iframe>")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order",
                      Page("<iframe tabindex=-1 style='width:0' srcdoc=\"<a href=/>a</a>\">"
                           "</iframe>")),
            Outcome::kInapplicable);
}

TEST(IframeTabOrderTest, ActAkn7bn_ExternalDocumentNeedsReview) {
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order",
                      Page("<iframe tabindex=-1 src=https://example.org/></iframe>")),
            Outcome::kCantTell);
  EXPECT_EQ(OutcomeOf("wcag-iframe-tab-order", Page("<iframe src=https://example.org/></iframe>")),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-label-in-name (2ee8b8)

TEST(LabelInNameTest, Act2ee8b8_WordsInOrder) {
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<a href=/ aria-label=\"Trámites en línea\">tramites EN línea</a>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<button aria-label=\"Enviar la solicitud\">Enviar solicitud</button>")),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<button aria-label=\"Pagar\">Pag</button>")),
            Outcome::kFailed);
  // Block children break words; inline ones do not.
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<a href=/ aria-label=\"Hola mundo\"><p>Hola</p><p>mundo</p></a>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<a href=/ aria-label=\"Hola mundo\"><span>Hola</span><span>mundo"
                           "</span></a>")),
            Outcome::kFailed);
  // Hidden text is not visible; aria-hidden text is.
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<a href=/ aria-label=\"Ver mapa\">Ver <span hidden>el</span> mapa</a>")),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name",
                      Page("<a href=/ aria-label=\"Ver mapa\">Ver <span aria-hidden=true>el"
                           "</span> mapa</a>")),
            Outcome::kFailed);
}

TEST(LabelInNameTest, Act2ee8b8_Applicability) {
  EXPECT_EQ(OutcomeOf("wcag-label-in-name", Page("<a href=/>Inicio</a>")), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name", Page("<div aria-label=x>Otro</div>")),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf("wcag-label-in-name", Page("<button aria-label=Cerrar>×</button>")),
            Outcome::kInapplicable);
}

}  // namespace
}  // namespace verifica
