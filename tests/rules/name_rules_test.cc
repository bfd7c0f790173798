// Tests of the nine accessible-name rules (src/rules/wcag/name_rules.h): their applicability,
// expectations and messages, and the shared helpers. Their fixture pages are run by
// fixture_runner_test.cc.
#include "rules/wcag/name_rules.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/rule_harness.h"

namespace verifica {
namespace {

using findings::Outcome;
using testing::OutcomeOf;
using testing::RunRule;

// The message id of the only finding with outcome `o` ("" when there is not
// exactly one).
std::string MessageOf(std::string_view rule, std::string_view html, Outcome o = Outcome::kFailed) {
  findings::RuleResult r = RunRule(rule, html);
  std::string id;
  int n = 0;
  for (const findings::Finding& f : r.findings) {
    if (f.outcome == o) {
      id = f.message_id;
      ++n;
    }
  }
  return n == 1 ? id : "";
}

// The arguments of the only finding with outcome `o`.
std::vector<std::string> ArgsOf(std::string_view rule, std::string_view html,
                                Outcome o = Outcome::kFailed) {
  findings::RuleResult r = RunRule(rule, html);
  for (const findings::Finding& f : r.findings) {
    if (f.outcome == o) return f.args;
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// wcag-image-alt

constexpr std::string_view kImg = "wcag-image-alt";

TEST(ImageAltTest, Act23a2a8_AltGivesName) {
  EXPECT_EQ(OutcomeOf(kImg, "<img src='logo-sct.png' alt='Secretaría de Comunicaciones'>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kImg, "<img src='presa.jpg' title='Presa La Angostura'>"), Outcome::kPassed);
}

TEST(ImageAltTest, Act23a2a8_RoleImgNamedByAria) {
  EXPECT_EQ(OutcomeOf(kImg, "<div role='img' aria-label='Mapa de municipios'></div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kImg, "<p id='t' hidden>Mapa</p><span role='img' aria-labelledby='t'>"),
            Outcome::kPassed);
}

TEST(ImageAltTest, Act23a2a8_DecorativeImagesPass) {
  findings::RuleResult r = RunRule(kImg,
                                   "<img src='linea.png' alt=''><img src='b.png' "
                                   "role='presentation'><img src='c.png' role='none'>");
  EXPECT_EQ(r.outcome, Outcome::kPassed);
  EXPECT_EQ(r.passed, 3u);
  EXPECT_EQ(MessageOf(kImg, "<img src='linea.png' alt=''>", Outcome::kPassed), "pass-decorative");
}

TEST(ImageAltTest, Act23a2a8_MissingAltFails) {
  EXPECT_EQ(OutcomeOf(kImg, "<img src='/img/logo-sep.png'>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kImg, "<img src='/img/logo-sep.png'>"), "fail-no-alt");
  EXPECT_EQ(ArgsOf(kImg, "<img src='/img/logo-sep.png?v=3'>"),
            std::vector<std::string>{"logo-sep.png"});
}

TEST(ImageAltTest, Act23a2a8_BlankAltIsNotDecorative) {
  EXPECT_EQ(OutcomeOf(kImg, "<img src='banner.jpg' alt='  '>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kImg, "<img src='banner.jpg' alt='  '>"), "fail-blank-alt");
}

TEST(ImageAltTest, Act23a2a8_RoleImgWithoutNameFails) {
  EXPECT_EQ(OutcomeOf(kImg, "<span role='img' class='icono'></span>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kImg, "<span role='img' class='icono'></span>"), "fail-role-img");
}

TEST(ImageAltTest, Act23a2a8_FocusableDecorativeImageFails) {
  const char* html = "<img src='flecha.png' role='none' tabindex='0'>";
  EXPECT_EQ(OutcomeOf(kImg, html), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kImg, html), "fail-presentational-conflict");
}

TEST(ImageAltTest, Local_EmptyAltExposedByRoleOrAria) {
  EXPECT_EQ(MessageOf(kImg, "<img src='x.png' alt='' role='img'>"), "fail-empty-alt-role");
  EXPECT_EQ(MessageOf(kImg, "<img src='x.png' alt='' aria-describedby='d'><p id='d'>Pie</p>"),
            "fail-empty-alt-exposed");
}

TEST(ImageAltTest, Act23a2a8_HiddenImagesAreInapplicable) {
  EXPECT_EQ(OutcomeOf(kImg, "<img src='a.png' aria-hidden='true'>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImg, "<div style='display:none'><img src='a.png'></div>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImg, "<div style='visibility: hidden'><img src='a.png'></div>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImg, "<div role='img' aria-hidden='true'></div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImg, "<p>Sin imágenes</p>"), Outcome::kInapplicable);
}

TEST(ImageAltTest, Act23a2a8_OffScreenImagesStillApply) {
  EXPECT_EQ(OutcomeOf(kImg,
                      "<div style='position:absolute;left:-9999px'><img "
                      "src='a.png'></div>"),
            Outcome::kFailed);
}

TEST(ImageAltTest, Local_MaybeHiddenImageNeedsReview) {
  // Whether :has() matches is not decided statically, so the image may be hidden.
  const char* html =
      "<style>.galeria:has(.vacia) img { display: none }</style>"
      "<div class='galeria'><img src='/g/sala-1.jpg'></div>";
  EXPECT_EQ(OutcomeOf(kImg, html), Outcome::kCantTell);
  EXPECT_EQ(MessageOf(kImg, html, Outcome::kCantTell), "review-hidden");
  EXPECT_EQ(ArgsOf(kImg, html, Outcome::kCantTell), std::vector<std::string>{"sala-1.jpg"});
  // With a name it passes whether shown or not.
  EXPECT_EQ(OutcomeOf(kImg,
                      "<style>.galeria:has(.vacia) img { display: none }</style>"
                      "<div class='galeria'><img src='/g/sala-1.jpg' alt='Sala 1'></div>"),
            Outcome::kPassed);
}

TEST(ImageAltTest, Local_SvgElementsAreLeftToTheSvgRule) {
  EXPECT_EQ(OutcomeOf(kImg, "<svg role='img'><circle r='3'></circle></svg>"),
            Outcome::kInapplicable);
}

TEST(ImageAltTest, Local_BrokenLabelledbyIsExplained) {
  const char* html = "<img src='firma.jpg' aria-labelledby='pie-foto'>";
  EXPECT_EQ(MessageOf(kImg, html), "fail-labelledby-missing");
  EXPECT_EQ(ArgsOf(kImg, html), std::vector<std::string>{"pie-foto"});
  EXPECT_EQ(MessageOf(kImg, "<p id='vacio'></p><img src='f.jpg' aria-labelledby='vacio'>"),
            "fail-labelledby-empty");
}

TEST(ImageAltTest, Local_LazyLoadedImageNamesTheRealFile) {
  EXPECT_EQ(ArgsOf(kImg,
                   "<img src='data:image/gif;base64,R0lGOD' "
                   "data-src='/m/obra-publica.jpg'>"),
            std::vector<std::string>{"obra-publica.jpg"});
  EXPECT_EQ(ArgsOf(kImg, "<img srcset='/m/puente-800.jpg 800w, /m/puente-400.jpg 400w'>"),
            std::vector<std::string>{"puente-800.jpg"});
}

// ---------------------------------------------------------------------------------------------
// wcag-button-name

constexpr std::string_view kButton = "wcag-button-name";

TEST(ButtonNameTest, Act97a4e1_NamedButtonsPass) {
  EXPECT_EQ(OutcomeOf(kButton, "<button>Buscar</button>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kButton, "<input type='submit' value='Enviar solicitud'>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kButton, "<button aria-label='Cerrar'><i class='fa fa-times'></i></button>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kButton, "<div role='button' aria-label='Siguiente'></div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kButton, "<button disabled>Eliminar</button>"), Outcome::kPassed);
}

TEST(ButtonNameTest, Act97a4e1_DefaultNamesOfSubmitAndResetCount) {
  EXPECT_EQ(OutcomeOf(kButton, "<input type='reset'>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kButton, "<input type='submit'>"), Outcome::kPassed);
}

TEST(ButtonNameTest, Act97a4e1_EmptyButtonsFail) {
  EXPECT_EQ(OutcomeOf(kButton, "<button></button>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kButton, "<button></button>"), "fail-empty");
  EXPECT_EQ(OutcomeOf(kButton, "<span role='button' tabindex='0'></span>"), Outcome::kFailed);
}

TEST(ButtonNameTest, Act97a4e1_ValueDoesNotNameAButtonElement) {
  const char* html = "<button type='button' value='Descargar'></button>";
  EXPECT_EQ(OutcomeOf(kButton, html), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kButton, html), "fail-value-ignored");
}

TEST(ButtonNameTest, Act97a4e1_RoleNoneOnFocusableButtonIsIgnored) {
  EXPECT_EQ(OutcomeOf(kButton, "<button role='none'></button>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kButton, "<button role='none'></button>"), "fail-presentational-conflict");
  EXPECT_EQ(OutcomeOf(kButton, "<button role='none' disabled></button>"), Outcome::kInapplicable);
}

TEST(ButtonNameTest, Act97a4e1_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kButton, "<input type='image' src='lupa.png' alt='Buscar'>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kButton, "<button style='display:none'></button>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kButton, "<button role='link'>Ir</button>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kButton, "<div>Presione aquí</div>"), Outcome::kInapplicable);
}

TEST(ButtonNameTest, Local_IconOnlyButtonsAreExplained) {
  EXPECT_EQ(MessageOf(kButton, "<button><i class='fa fa-search'></i></button>"), "fail-icon-only");
  EXPECT_EQ(MessageOf(kButton, "<button><svg viewBox='0 0 4 4'><path d='M0 0'/></svg></button>"),
            "fail-icon-only");
  EXPECT_EQ(MessageOf(kButton, "<input type='button'>"), "fail-input-no-value");
}

// ---------------------------------------------------------------------------------------------
// wcag-link-name

constexpr std::string_view kLink = "wcag-link-name";

TEST(LinkNameTest, Actc487ae_NamedLinksPass) {
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/transparencia'>Transparencia</a>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/'><img src='logo.png' alt='Inicio'></a>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kLink,
                      "<a href='/pnt' title='Plataforma Nacional'><img src='p.png' "
                      "alt=''></a>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kLink, "<div role='link' tabindex='0'>Aviso de privacidad</div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kLink,
                      "<a href='/d'><img src='d.png' aria-labelledby='x'></a>"
                      "<p id='x'>Directorio</p>"),
            Outcome::kPassed);
}

TEST(LinkNameTest, Actc487ae_InheritingRolesApply) {
  EXPECT_EQ(OutcomeOf(kLink, "<a href='#n1' role='doc-noteref'>1</a>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kLink, "<a href='#b' role='doc-biblioref'><img src='x.png' alt=''></a>"),
            Outcome::kFailed);
}

TEST(LinkNameTest, Actc487ae_EmptyLinksFail) {
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/convocatorias'></a>"), Outcome::kFailed);
  const char* html = "<a href='https://www.gob.mx/sep?x=1'></a>";
  EXPECT_EQ(MessageOf(kLink, html), "fail-empty");
  EXPECT_EQ(ArgsOf(kLink, html), std::vector<std::string>{"www.gob.mx/sep"});
}

TEST(LinkNameTest, Actc487ae_DecorativeImageGivesNoName) {
  const char* html = "<a href='/informe.pdf'><img src='/img/icono-pdf.png' alt=''></a>";
  EXPECT_EQ(OutcomeOf(kLink, html), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kLink, html), "fail-image-decorative");
  EXPECT_EQ(ArgsOf(kLink, html), (std::vector<std::string>{"/informe.pdf", "icono-pdf.png"}));
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/'><img src='l.png' role='presentation'></a>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/'><img src='l.png' title=''></a>"), Outcome::kFailed);
}

TEST(LinkNameTest, Actc487ae_ImageMapAreas) {
  EXPECT_EQ(OutcomeOf(kLink,
                      "<img src='m.png' alt='Mapa' usemap='#m'><map name='m'>"
                      "<area shape='rect' coords='0,0,5,5' href='/norte' alt='Zona norte'>"
                      "</map>"),
            Outcome::kPassed);
  const char* bad =
      "<img src='m.png' alt='Mapa' usemap='#m'><map name='m'>"
      "<area shape='rect' coords='0,0,5,5' href='/norte'></map>";
  EXPECT_EQ(OutcomeOf(kLink, bad), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kLink, bad), "fail-area-no-alt");
}

TEST(LinkNameTest, Actc487ae_FocusableLinkKeepsItsRole) {
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/' role='none'> </a>"), Outcome::kFailed);
}

TEST(LinkNameTest, Actc487ae_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/' role='button'>Enviar</a>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/' style='display:none'></a>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kLink, "<a href='/' aria-hidden='true'>Inicio</a>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kLink, "<a name='arriba'></a>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kLink, "<area shape='rect' coords='0,0,5,5'>"), Outcome::kInapplicable);
}

TEST(LinkNameTest, Local_ImageWithoutAltAndIconFontsAreExplained) {
  EXPECT_EQ(MessageOf(kLink, "<a href='/'><img src='logo.png'></a>"), "fail-image-no-alt");
  EXPECT_EQ(MessageOf(kLink, "<a href='https://x.com/gob'><i class='fab fa-x'></i></a>"),
            "fail-icon-only");
  EXPECT_EQ(
      MessageOf(kLink, "<a href='/'><img src='logo.png' alt='Inicio' aria-hidden='true'></a>"),
      "fail-image-hidden");
}

// ---------------------------------------------------------------------------------------------
// wcag-form-field-name

constexpr std::string_view kField = "wcag-form-field-name";

TEST(FormFieldNameTest, Acte086e5_LabelledFieldsPass) {
  EXPECT_EQ(OutcomeOf(kField, "<label>CURP <input name='curp'></label>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kField,
                      "<label for='e'>Estado</label><select id='e'><option>Colima"
                      "</option></select>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kField,
                      "<p id='d'>Descripción</p><textarea aria-labelledby='d'>"
                      "</textarea>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kField, "<input aria-label='Folio' disabled>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kField, "<div role='checkbox' aria-checked='false'>Acepto</div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kField, "<label>Color <input type='color'></label>"), Outcome::kPassed);
}

TEST(FormFieldNameTest, Acte086e5_PlaceholderNamesWithANote) {
  const char* html = "<input type='search' placeholder='Buscar trámite'>";
  EXPECT_EQ(OutcomeOf(kField, html), Outcome::kPassed);
  EXPECT_EQ(MessageOf(kField, html, Outcome::kPassed), "pass-placeholder");
}

TEST(FormFieldNameTest, Acte086e5_UnnamedFieldsFail) {
  EXPECT_EQ(OutcomeOf(kField, "<p>Apellido</p><input name='apellido'>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kField, "<input disabled>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kField, "<input aria-label=' '>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kField, "<input aria-label=' '>"), "fail-aria-label-blank");
  EXPECT_EQ(OutcomeOf(kField, "<label>Fecha de nacimiento</label> <input type='date'>"),
            Outcome::kFailed);
  EXPECT_EQ(ArgsOf(kField, "<input type='date'>"),
            std::vector<std::string>{"<input type=\"date\">"});
}

TEST(FormFieldNameTest, Acte086e5_LabelDoesNotNameAriaWidgets) {
  const char* html = "<label for='t'>Tema</label><div role='textbox' id='t'></div>";
  EXPECT_EQ(OutcomeOf(kField, html), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kField, html), "fail-label-not-labelable");
  EXPECT_EQ(MessageOf(kField, "<label>Tema <span role='textbox'></span></label>"),
            "fail-label-not-labelable");
  EXPECT_EQ(MessageOf(kField, "<div role='textbox'>Nombre</div>"), "fail-content-is-value");
}

TEST(FormFieldNameTest, Acte086e5_MenuItemCheckboxes) {
  EXPECT_EQ(OutcomeOf(kField,
                      "<div role='menu'><input type='checkbox' "
                      "role='menuitemcheckbox'><span aria-hidden='true'>PDF</span></div>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kField,
                      "<div role='menu'><input type='checkbox' role='menuitemcheckbox' "
                      "aria-labelledby='f'><span id='f' aria-hidden='true'>PDF</span>"
                      "</div>"),
            Outcome::kPassed);
}

TEST(FormFieldNameTest, Acte086e5_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kField, "<input aria-label='Nombre' style='display:none'>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kField, "<input disabled aria-hidden='true'>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kField, "<select role='none' disabled><option>1</option></select>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kField, "<input type='hidden' name='token'>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kField, "<input type='submit'>"), Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-image-button-name

constexpr std::string_view kImgButton = "wcag-image-button-name";

TEST(ImageButtonNameTest, Act59796f_NamedImageButtonsPass) {
  EXPECT_EQ(OutcomeOf(kImgButton, "<input type='image' src='lupa.png' alt='Buscar'>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kImgButton, "<input type='image' src='lupa.png' aria-label='Buscar'>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kImgButton, "<input type='image' src='lupa.png' title='Buscar'>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kImgButton,
                      "<input type='IMAGE' src='i.png' aria-labelledby='t'>"
                      "<span id='t'>Imprimir</span>"),
            Outcome::kPassed);
}

TEST(ImageButtonNameTest, Act59796f_DefaultNameFails) {
  const char* html = "<input type='image' name='buscar' src='/img/lupa.png'>";
  EXPECT_EQ(OutcomeOf(kImgButton, html), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kImgButton, html), "fail-name-attr");
  EXPECT_EQ(ArgsOf(kImgButton, html), (std::vector<std::string>{"lupa.png", "buscar"}));
  EXPECT_EQ(MessageOf(kImgButton, "<input type='image' src='x.gif' alt=''>"), "fail-empty-alt");
  EXPECT_EQ(MessageOf(kImgButton, "<input type='image' src='x.gif'>"), "fail-no-alt");
  EXPECT_EQ(MessageOf(kImgButton, "<input type='image' src='x.gif' aria-labelledby='nada'>"),
            "fail-labelledby-missing");
}

TEST(ImageButtonNameTest, Act59796f_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kImgButton, "<button>Enviar</button>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImgButton, "<input type='button' value='Enviar'>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImgButton, "<button><img src='l.png' alt='Buscar'></button>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kImgButton, "<input type='image' src='l.png' style='display:none'>"),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-iframe-name

constexpr std::string_view kIframe = "wcag-iframe-name";

TEST(IframeNameTest, Actcae760_NamedFramesPass) {
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='mapa.html' title='Mapa de oficinas'></iframe>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='v.html' aria-label='Video del informe'></iframe>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kIframe,
                      "<p id='t'>Encuesta</p><iframe src='e.html' "
                      "aria-labelledby='t'></iframe>"),
            Outcome::kPassed);
}

TEST(IframeNameTest, Actcae760_UnnamedFramesFail) {
  const char* with_name = "<iframe name='mapa' src='https://maps.example.mx/embed?x=1'></iframe>";
  EXPECT_EQ(OutcomeOf(kIframe, with_name), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kIframe, with_name), "fail-name-attr");
  EXPECT_EQ(ArgsOf(kIframe, with_name),
            (std::vector<std::string>{"maps.example.mx/embed", "mapa"}));
  EXPECT_EQ(MessageOf(kIframe, "<iframe src='a.html'></iframe>"), "fail-no-title");
  EXPECT_EQ(MessageOf(kIframe, "<iframe src='a.html' title=''></iframe>"), "fail-blank-title");
  EXPECT_EQ(MessageOf(kIframe, "<iframe src='a.html' title='  '></iframe>"), "fail-blank-title");
}

TEST(IframeNameTest, Actcae760_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kIframe, "<button>Ir</button>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' style='display:none'></iframe>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' tabindex='-1'></iframe>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' role='none'></iframe>"),
            Outcome::kInapplicable);
}

TEST(IframeNameTest, Local_TabindexParsedAsHtmlIntegers) {
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' tabindex=' -2px'></iframe>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' tabindex='0'></iframe>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' tabindex='-0'></iframe>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kIframe, "<iframe src='a.html' tabindex='menos'></iframe>"),
            Outcome::kFailed);
}

// ---------------------------------------------------------------------------------------------
// wcag-svg-img-name

constexpr std::string_view kSvg = "wcag-svg-img-name";

TEST(SvgImgNameTest, Act7d6734_NamedGraphicsPass) {
  EXPECT_EQ(OutcomeOf(kSvg,
                      "<svg role='img'><title>Escudo de Colima</title><circle r='4'/>"
                      "</svg>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kSvg,
                      "<svg><rect role='graphics-symbol' aria-label='Enero: 40' "
                      "width='4' height='4'/></svg>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kSvg, "<svg role='graphics-document'><title>Gráfica</title></svg>"),
            Outcome::kPassed);
}

TEST(SvgImgNameTest, Act7d6734_UnnamedGraphicsFail) {
  EXPECT_EQ(OutcomeOf(kSvg, "<svg role='img'><circle r='4'/></svg>"), Outcome::kFailed);
  EXPECT_EQ(MessageOf(kSvg, "<svg role='img'><circle r='4'/></svg>"), "fail-empty");
  EXPECT_EQ(MessageOf(kSvg, "<svg role='img'><title></title><circle r='4'/></svg>"),
            "fail-empty-title");
  EXPECT_EQ(MessageOf(kSvg, "<svg role='img'><text x='1' y='9'>85 %</text></svg>"),
            "fail-text-not-name");
  EXPECT_EQ(OutcomeOf(kSvg, "<svg><circle role='graphics-symbol' r='4'/></svg>"), Outcome::kFailed);
}

TEST(SvgImgNameTest, Act7d6734_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kSvg, "<svg><circle r='4'/></svg>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kSvg, "<svg role='img' aria-hidden='true'><circle r='4'/></svg>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kSvg, "<svg><circle role='graphics-object' r='4'/></svg>"),
            Outcome::kInapplicable);
  // role="img" on an HTML element is the image rule's business.
  EXPECT_EQ(OutcomeOf(kSvg, "<div role='img'></div>"), Outcome::kInapplicable);
}

TEST(SvgImgNameTest, Local_FirstValidRoleTokenCounts) {
  EXPECT_EQ(OutcomeOf(kSvg, "<svg role='grafico img'><circle r='4'/></svg>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kSvg, "<svg role='presentation img'><circle r='4'/></svg>"),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// wcag-object-name

constexpr std::string_view kObject = "wcag-object-name";

TEST(ObjectNameTest, Act8fc3b6_NamedObjectsPass) {
  EXPECT_EQ(OutcomeOf(kObject, "<object data='mensaje.mp3' aria-label='Mensaje'></object>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kObject, "<object data='informe.mp4' title='Informe'></object>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kObject,
                      "<p id='o'>Organigrama</p><object data='org.png' "
                      "aria-labelledby='o'></object>"),
            Outcome::kPassed);
}

TEST(ObjectNameTest, Act8fc3b6_UnnamedMediaFails) {
  EXPECT_EQ(MessageOf(kObject, "<object data='/media/himno.mp3'></object>"), "fail-audio");
  EXPECT_EQ(ArgsOf(kObject, "<object data='/media/himno.mp3'></object>"),
            std::vector<std::string>{"himno.mp3"});
  EXPECT_EQ(MessageOf(kObject, "<object data='v.MP4' title=''></object>"), "fail-blank-title");
  EXPECT_EQ(MessageOf(kObject,
                      "<p id='l'></p><object data='o.png' aria-labelledby='l'>"
                      "</object>"),
            "fail-labelledby-empty");
  EXPECT_EQ(MessageOf(kObject, "<object data='a.mp3' aria-labelledby='no-existe'></object>"),
            "fail-labelledby-missing");
  EXPECT_EQ(MessageOf(kObject,
                      "<object data='o.png'><img src='o.png' alt='Organigrama'>"
                      "</object>"),
            "fail-fallback-ignored");
  EXPECT_EQ(MessageOf(kObject, "<object data='a.mp3' alt='Himno'></object>"), "fail-alt-ignored");
}

TEST(ObjectNameTest, Act8fc3b6_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kObject, "<object role='img' data='o.png' title='O'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<object data='v.mp4' style='display: none'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<object data='a.mp3' style='visibility:hidden'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<object data='o.png' aria-hidden='true'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject,
                      "<object type='image/png' role='presentation' data='f.png'>"
                      "</object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<object data='/widgets/calendario.html'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<audio src='a.mp3' title='Himno'></audio>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject,
                      "<object data='/docs/x/index.html'><img src='o.png' alt='O'>"
                      "</object>"),
            Outcome::kInapplicable);
}

TEST(ObjectNameTest, Local_MimeTypeFromTypeAttributeAndDataUrls) {
  // The type attribute wins over the extension.
  EXPECT_EQ(OutcomeOf(kObject, "<object data='reglamento.pdf' type='application/pdf'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(MessageOf(kObject, "<object data='/recurso' type='Video/MP4; codecs=avc1'></object>"),
            "fail-video");
  EXPECT_EQ(OutcomeOf(kObject, "<object data='foto.png' type='text/html'></object>"),
            Outcome::kInapplicable);
  EXPECT_EQ(MessageOf(kObject, "<object data='data:image/png;base64,iVBORw0K'></object>"),
            "fail-image");
  EXPECT_EQ(OutcomeOf(kObject, "<object type='image/png'></object>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kObject, "<object></object>"), Outcome::kInapplicable);
}

TEST(ObjectNameTest, Local_UnknownTypeWithoutNameNeedsReview) {
  const char* html = "<object data='/recursos/descargar?id=4512'></object>";
  EXPECT_EQ(OutcomeOf(kObject, html), Outcome::kCantTell);
  EXPECT_EQ(MessageOf(kObject, html, Outcome::kCantTell), "review-unknown-type");
  EXPECT_EQ(OutcomeOf(kObject, "<object data='/recursos/descargar?id=1' title='Foto'></object>"),
            Outcome::kPassed);
}

// ---------------------------------------------------------------------------------------------
// wcag-summary-name

constexpr std::string_view kSummary = "wcag-summary-name";

TEST(SummaryNameTest, Act2t702h_NamedSummariesPass) {
  EXPECT_EQ(OutcomeOf(kSummary, "<details><summary>Requisitos</summary><p>INE</p></details>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kSummary, "<details><summary aria-label='Costos'></summary></details>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kSummary,
                      "<span id='h'>Horario</span><details><summary "
                      "aria-labelledby='h'></summary></details>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kSummary, "<details><p>Texto</p><summary>Plazos</summary></details>"),
            Outcome::kPassed);
}

TEST(SummaryNameTest, Act2t702h_OnlyTheFirstSummaryIsTested) {
  findings::RuleResult r =
      RunRule(kSummary, "<details><summary>Plazos</summary><summary></summary></details>");
  EXPECT_EQ(r.outcome, Outcome::kPassed);
  EXPECT_EQ(r.passed, 1u);
  EXPECT_EQ(OutcomeOf(kSummary,
                      "<details><summary></summary><summary>Plazos</summary>"
                      "</details>"),
            Outcome::kFailed);
}

TEST(SummaryNameTest, Act2t702h_EmptySummariesFail) {
  EXPECT_EQ(MessageOf(kSummary, "<details><summary></summary><p>x</p></details>"), "fail-empty");
  EXPECT_EQ(MessageOf(kSummary, "<details><summary role='none'></summary></details>"),
            "fail-presentational-conflict");
  EXPECT_EQ(MessageOf(kSummary, "<details><summary><i class='icono'></i></summary></details>"),
            "fail-icon-only");
}

TEST(SummaryNameTest, Act2t702h_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kSummary, "<summary></summary>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kSummary, "<details><div><summary></summary></div></details>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kSummary, "<details><summary role='button'>Plazos</summary></details>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kSummary, "<details style='display:none'><summary></summary></details>"),
            Outcome::kInapplicable);
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

TEST(NameHelpersTest, Local_FileNameAndShortUrl) {
  using rules::names::FileName;
  using rules::names::ShortUrl;
  EXPECT_EQ(FileName("/img/logo.png?v=2#x"), "logo.png");
  EXPECT_EQ(FileName("https://www.gob.mx/"), "www.gob.mx");
  EXPECT_EQ(FileName("logo.png"), "logo.png");
  EXPECT_EQ(FileName("  "), "");
  EXPECT_EQ(FileName("data:image/svg+xml;utf8,<svg/>"), "data:image/svg+xml");
  EXPECT_EQ(ShortUrl("https://www.gob.mx/sfp/documentos?page=2"), "www.gob.mx/sfp/documentos");
  EXPECT_EQ(ShortUrl("//cdn.gob.mx/a.js"), "cdn.gob.mx/a.js");
  EXPECT_EQ(ShortUrl("?seccion=aviso"), "?seccion=aviso");
  EXPECT_EQ(ShortUrl("#contenido"), "#contenido");
}

TEST(NameHelpersTest, Local_ClipCutsOnCodePoints) {
  const std::string long_name(200, 'a');
  const std::string clipped = rules::names::Clip(long_name, 10);
  EXPECT_EQ(clipped, "aaaaaaaaaa…");
  EXPECT_EQ(rules::names::Clip("  Sección   de  avisos "), "Sección de avisos");
  EXPECT_EQ(rules::names::Clip("ñññ", 3), "ñ…");
}

TEST(NameHelpersTest, Local_InheritsRole) {
  using rules::names::InheritsRole;
  EXPECT_TRUE(InheritsRole("link", "link"));
  EXPECT_TRUE(InheritsRole("doc-biblioref", "link"));
  EXPECT_FALSE(InheritsRole("button", "link"));
  EXPECT_FALSE(InheritsRole("", "link"));
  EXPECT_FALSE(InheritsRole("no-such-role", "link"));
}

}  // namespace
}  // namespace verifica
