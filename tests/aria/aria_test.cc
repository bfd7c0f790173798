// Roles (explicit, implicit per HTML-AAM, presentational conflict), hidden state (attributes,
// inline style, <style> rules) and focus state of PageAria.
#include <string>

#include "aria/page_fixture.h"

namespace verifica::aria {
namespace {

using testing::Page;

// ---------------------------------------------------------------------------------------------
// Implicit roles, table-driven: each case is a fragment whose element with id="t" has the role.
struct RoleCase {
  const char* html;
  const char* role;
};

class ImplicitRoleTest : public ::testing::TestWithParam<RoleCase> {};

TEST_P(ImplicitRoleTest, Html_AamElementMapping) {
  const RoleCase& c = GetParam();
  Page p(std::string("<!doctype html><html lang=es><body>") + c.html + "</body></html>");
  EXPECT_EQ(p.Role("t"), c.role) << c.html;
}

INSTANTIATE_TEST_SUITE_P(
    Elements, ImplicitRoleTest,
    ::testing::Values(
        RoleCase{"<a id=t href='/x'>x</a>", "link"}, RoleCase{"<a id=t>x</a>", "generic"},
        RoleCase{"<map><area id=t href='/x' alt=x></map>", "link"},
        RoleCase{"<img id=t src=a.png alt='Escudo'>", "img"},
        RoleCase{"<img id=t src=a.png>", "img"},
        RoleCase{"<img id=t src=a.png alt=''>", "presentation"},
        RoleCase{"<input id=t type=checkbox>", "checkbox"},
        RoleCase{"<input id=t type=radio>", "radio"}, RoleCase{"<input id=t type=range>", "slider"},
        RoleCase{"<input id=t type=number>", "spinbutton"}, RoleCase{"<input id=t>", "textbox"},
        RoleCase{"<input id=t type=EMAIL>", "textbox"},
        RoleCase{"<input id=t type=tel>", "textbox"}, RoleCase{"<input id=t type=url>", "textbox"},
        RoleCase{"<input id=t type=bogus>", "textbox"},
        RoleCase{"<input id=t list=l><datalist id=l></datalist>", "combobox"},
        RoleCase{"<input id=t type=search>", "searchbox"},
        RoleCase{"<input id=t type=search list=l>", "combobox"},
        RoleCase{"<input id=t type=button>", "button"},
        RoleCase{"<input id=t type=image alt=x>", "button"},
        RoleCase{"<input id=t type=reset>", "button"},
        RoleCase{"<input id=t type=submit>", "button"}, RoleCase{"<input id=t type=password>", ""},
        RoleCase{"<input id=t type=file>", ""}, RoleCase{"<button id=t>Enviar</button>", "button"},
        RoleCase{"<select id=t><option>a</select>", "combobox"},
        RoleCase{"<select id=t multiple><option>a</select>", "listbox"},
        RoleCase{"<select id=t size=4><option>a</select>", "listbox"},
        RoleCase{"<select id=t size=1><option>a</select>", "combobox"},
        RoleCase{"<select><option id=t>a</select>", "option"},
        RoleCase{"<select><optgroup id=t label=g><option>a</optgroup></select>", "group"},
        RoleCase{"<textarea id=t></textarea>", "textbox"}, RoleCase{"<h1 id=t>x</h1>", "heading"},
        RoleCase{"<h6 id=t>x</h6>", "heading"}, RoleCase{"<nav id=t></nav>", "navigation"},
        RoleCase{"<main id=t></main>", "main"}, RoleCase{"<aside id=t></aside>", "complementary"},
        RoleCase{"<article><aside id=t></aside></article>", "generic"},
        RoleCase{"<article><aside id=t aria-label='Notas'></aside></article>", "complementary"},
        RoleCase{"<form id=t></form>", "generic"},
        RoleCase{"<form id=t aria-label='Búsqueda'></form>", "form"},
        RoleCase{"<section id=t></section>", "generic"},
        RoleCase{"<section id=t aria-labelledby=h><h2 id=h>Avisos</h2></section>", "region"},
        RoleCase{"<section id=t title='Avisos'></section>", "region"},
        RoleCase{"<header id=t></header>", "banner"},
        RoleCase{"<main><header id=t></header></main>", "generic"},
        RoleCase{"<div role=main><header id=t></header></div>", "generic"},
        RoleCase{"<footer id=t></footer>", "contentinfo"},
        RoleCase{"<article><footer id=t></footer></article>", "generic"},
        RoleCase{"<table id=t><tr><td>x</td></tr></table>", "table"},
        RoleCase{"<table><tr id=t><td>x</td></tr></table>", "row"},
        RoleCase{"<table><tbody id=t><tr><td>x</td></tr></tbody></table>", "rowgroup"},
        RoleCase{"<table><tr><td id=t>x</td></tr></table>", "cell"},
        RoleCase{"<table role=grid><tr><td id=t>x</td></tr></table>", "gridcell"},
        RoleCase{"<table role=presentation><tr><td id=t>x</td></tr></table>", ""},
        RoleCase{"<table><tr><th id=t>A</th><th>B</th></tr></table>", "columnheader"},
        RoleCase{"<table><tr><th id=t>Nombre</th><td>Ana</td></tr></table>", "rowheader"},
        RoleCase{"<table><tr><td></td><th id=t>2024</th></tr></table>", "columnheader"},
        RoleCase{"<table><tr><th id=t scope=row>A</th><th>B</th></tr></table>", "rowheader"},
        RoleCase{"<table><thead><tr><th id=t>A</th><td>x</td></tr></thead></table>",
                 "columnheader"},
        RoleCase{"<table><caption id=t>Tabla</caption></table>", "caption"},
        RoleCase{"<ul id=t><li>x</li></ul>", "list"}, RoleCase{"<ol id=t><li>x</li></ol>", "list"},
        RoleCase{"<ul><li id=t>x</li></ul>", "listitem"},
        RoleCase{"<ul role=none><li id=t>x</li></ul>", ""},
        RoleCase{"<dialog id=t open>x</dialog>", "dialog"},
        RoleCase{"<details id=t><summary>a</summary></details>", "group"},
        RoleCase{"<fieldset id=t></fieldset>", "group"},
        RoleCase{"<output id=t></output>", "status"},
        RoleCase{"<progress id=t></progress>", "progressbar"},
        RoleCase{"<meter id=t></meter>", "meter"}, RoleCase{"<hr id=t>", "separator"},
        RoleCase{"<datalist id=t></datalist>", "listbox"},
        RoleCase{"<figure id=t></figure>", "figure"},
        RoleCase{"<svg id=t></svg>", "graphics-document"}, RoleCase{"<math id=t></math>", "math"},
        RoleCase{"<div id=t></div>", "generic"}, RoleCase{"<span id=t></span>", "generic"},
        RoleCase{"<p id=t></p>", "paragraph"}, RoleCase{"<mi-widget id=t></mi-widget>", "generic"},
        RoleCase{"<label id=t>x</label>", ""}, RoleCase{"<iframe id=t></iframe>", ""},
        RoleCase{"<dl><dt id=t>a</dt></dl>", "term"},
        RoleCase{"<dl><dd id=t>a</dd></dl>", "definition"},
        RoleCase{"<blockquote id=t></blockquote>", "blockquote"},
        RoleCase{"<address id=t></address>", "group"}));

// ---------------------------------------------------------------------------------------------
// Explicit role and conflict resolution.

TEST(AriaRoleTest, Aria_ExplicitRoleIsFirstKnownNonAbstractToken) {
  Page p(R"(<div id=a role="lnik button">x</div>
            <div id=b role="  LINK ">x</div>
            <div id=c role="widget">x</div>
            <span id=d role="doc-biblioref link">x</span>
            <div id=e role="">x</div>)");
  EXPECT_EQ(p.aria().ExplicitRole(p.Id("a")), "button");
  EXPECT_EQ(p.aria().ExplicitRole(p.Id("b")), "link");
  EXPECT_EQ(p.aria().ExplicitRole(p.Id("c")), "");  // abstract roles are not roles
  EXPECT_EQ(p.Role("c"), "generic");
  EXPECT_EQ(p.aria().ExplicitRole(p.Id("d")), "doc-biblioref");
  EXPECT_EQ(p.aria().ExplicitRole(p.Id("e")), "");
}

TEST(AriaRoleTest, Aria_PresentationalRoleConflictResolution) {
  Page p(R"(<img id=a src=x.png role=presentation>
            <img id=b src=x.png role=none tabindex=0>
            <img id=c src=x.png alt="" aria-describedby=d>
            <img id=e src=x.png alt="">
            <button id=f role=none>OK</button>
            <h2 id=g role=presentation aria-label="Título">x</h2>
            <h2 id=h role=none>x</h2>
            <p id=d>desc</p>
            <img id=k src=x.png alt="" aria-hidden="true">)");
  EXPECT_EQ(p.Role("a"), "presentation");
  EXPECT_EQ(p.Role("b"), "img");  // focusable
  EXPECT_EQ(p.Role("c"), "img");  // global ARIA attribute on img[alt=""]
  EXPECT_EQ(p.Role("e"), "presentation");
  EXPECT_EQ(p.Role("f"), "button");   // natively focusable
  EXPECT_EQ(p.Role("g"), "heading");  // global aria-label
  EXPECT_EQ(p.Role("h"), "none");
  EXPECT_EQ(p.Role("k"), "presentation");  // aria-hidden does not undo the decoration
  EXPECT_FALSE(p.aria().HasGlobalAria(p.Id("k")));
  EXPECT_TRUE(p.aria().HasGlobalAria(p.Id("c")));
}

TEST(AriaRoleTest, Aria_PresentationalChildren) {
  Page p(R"(<button id=b><img id=i src=x.png alt="x"><span id=s>y</span></button>
            <div id=d><img id=j src=x.png alt="y"></div>)");
  EXPECT_TRUE(p.aria().IsPresentationalChild(p.Id("i")));
  EXPECT_TRUE(p.aria().IsPresentationalChild(p.Id("s")));
  EXPECT_FALSE(p.aria().IsPresentationalChild(p.Id("b")));
  EXPECT_FALSE(p.aria().IsPresentationalChild(p.Id("j")));
}

// ---------------------------------------------------------------------------------------------
// Hidden.

TEST(AriaHiddenTest, Html_HiddenAttributeTemplateAndNonRenderedElements) {
  Page p(R"(<html><head><title id=ti>T</title></head><body>
            <div id=a hidden><span id=a2>x</span></div>
            <template><p id=tp>x</p></template>
            <input id=ih type=hidden>
            <noscript><img id=ns src=pixel.gif></noscript>
            <details><summary id=su>Más</summary><p id=dp>oculto</p></details>
            <details open><summary>Más</summary><p id=do>visible</p></details>
            <dialog id=dl><p id=dlp>x</p></dialog>
            <dialog open id=dlo>x</dialog>
            <audio id=au src=a.mp3></audio><audio id=auc controls src=a.mp3></audio>
            <p id=v>visible</p>
            <div hidden=until-found id=uf>x</div>
            <div hidden id=ov style="display:block">x</div>
            <div><template shadowrootmode=open><p id=sr>sombra</p></template></div>
            </body></html>)");
  EXPECT_EQ(p.Hidden("ti"), Tri::kYes);
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("a2"), Tri::kYes);
  EXPECT_EQ(p.aria().IsHidden(p.Tag("p")), Tri::kYes);  // the <p> inside <template>
  EXPECT_EQ(p.Hidden("ih"), Tri::kYes);
  EXPECT_EQ(p.Hidden("ns"), Tri::kYes);
  EXPECT_EQ(p.Hidden("su"), Tri::kNo);
  EXPECT_EQ(p.Hidden("dp"), Tri::kYes);
  EXPECT_EQ(p.Hidden("do"), Tri::kNo);
  EXPECT_EQ(p.Hidden("dl"), Tri::kYes);
  EXPECT_EQ(p.Hidden("dlp"), Tri::kYes);
  EXPECT_EQ(p.Hidden("dlo"), Tri::kNo);
  EXPECT_EQ(p.Hidden("au"), Tri::kYes);
  EXPECT_EQ(p.Hidden("auc"), Tri::kNo);
  EXPECT_EQ(p.Hidden("v"), Tri::kNo);
  EXPECT_EQ(p.Hidden("uf"), Tri::kYes);
  EXPECT_EQ(p.Hidden("ov"), Tri::kNo);  // author CSS overrides the UA's [hidden] rule
  EXPECT_EQ(p.Hidden("sr"), Tri::kNo);  // declarative shadow root content is rendered
}

TEST(AriaHiddenTest, Aria_AriaHiddenOnSelfOrAncestorHidesButDoesNotMakeInvisible) {
  Page p(R"(<div aria-hidden="true" id=a><a id=b href="/">x</a></div>
            <div aria-hidden="TRUE" id=c></div>
            <div aria-hidden="false" id=d><span id=e>x</span></div>
            <div aria-hidden="true"><span aria-hidden="false" id=f>x</span></div>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);
  EXPECT_EQ(p.aria().IsInvisible(p.Id("b")), Tri::kNo);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
  EXPECT_EQ(p.Hidden("d"), Tri::kNo);
  EXPECT_EQ(p.Hidden("e"), Tri::kNo);
  EXPECT_EQ(p.Hidden("f"), Tri::kYes);  // aria-hidden=false does not undo an ancestor's
  // Still tabbable: aria-hidden does not take an element out of sequential focus navigation.
  EXPECT_TRUE(p.aria().IsTabbable(p.Id("b")));
}

TEST(AriaHiddenTest, Act23a2a8_InlineDisplayAndVisibility) {
  Page p(R"(<div style="display: none"><img id=a src=x.png></div>
            <div style="visibility: hidden"><img id=b src=x.png></div>
            <div style="visibility:collapse"><img id=c src=x.png></div>
            <div style="visibility:hidden"><span id=d style="visibility:visible">x</span></div>
            <div style="display:none"><span id=e style="display:block">x</span></div>
            <div style="margin-left:-9999px;"><img id=f src=x.png></div>
            <a id=g href="/" style="left: -9999px; position: absolute;">x</a>
            <div style="DISPLAY : NONE !important"><i id=h>x</i></div>
            <div style="display:none;display:block"><i id=i>x</i></div>
            <div style="display:none !important;display:block"><i id=j>x</i></div>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
  EXPECT_EQ(p.Hidden("d"), Tri::kNo);   // visibility can be undone below
  EXPECT_EQ(p.Hidden("e"), Tri::kYes);  // display cannot
  EXPECT_EQ(p.Hidden("f"), Tri::kNo);   // off screen is still in the accessibility tree
  EXPECT_EQ(p.Hidden("g"), Tri::kNo);
  EXPECT_EQ(p.Hidden("h"), Tri::kYes);
  EXPECT_EQ(p.Hidden("i"), Tri::kNo);
  EXPECT_EQ(p.Hidden("j"), Tri::kYes);
}

TEST(AriaHiddenTest, Local_StyleElementRules) {
  Page p(R"(<html><head><style>
      /* comment { display: none } */
      .oculto { display: none }
      #menu > li.cerrado { visibility: hidden; }
      nav a[data-x="1"] , footer .legal span { display:none }
      .notInPage { position: absolute; left: -9999px; }
      button:hover { display: none }
      p::before { display: none }
      .x + .y { display: none }
      .m ~ .n { display: none }
      [lang|=es] b { display: none }
      .a:not(.b) { display: none }
      li:first-child em { display: none }
      .shown { display: block !important }
      .weak { display: none }
      div#strong { display: block }
      .broken:no-such-class, .imp3 { display: none }
      @media print { .imp { display: none } }
      @media screen and (min-width: 768px) { .movil { display: none } }
      @media (max-width: 600px) { .escritorio { display: none } }
      @supports (display: grid) { .sup { display: none } }
    </style>
    <style media="print">.imp2 { display: none }</style></head><body>
    <p class="oculto" id=a>x</p>
    <ul id=menu><li class="cerrado abierto" id=b>x</li><li id=b2>y</li></ul>
    <nav><div><a data-x=1 id=c href=/>x</a><a data-x=2 id=c2 href=/>y</a></div></nav>
    <footer><p class=legal><span id=d>x</span></p></footer>
    <button class=notInPage id=e>Guardar</button>
    <button id=f>x</button>
    <p id=g>x</p>
    <i class=x></i><i class=y id=h></i><i class=y id=h2></i>
    <i class=m></i><b></b><i class=n id=i></i>
    <div lang=es-MX><b id=j>x</b></div>
    <i class=a id=k></i><i class="a b" id=k2></i>
    <ol><li><em id=l>x</em></li><li><em id=l2>y</em></li></ol>
    <p class="oculto shown" id=m>x</p>
    <div class=weak id=strong>x</div>
    <p class=broken id=n>x</p><p class=imp3 id=n2>x</p>
    <p class=imp id=o>x</p><p class=imp2 id=o2>x</p>
    <p class=movil id=q>x</p><p class=escritorio id=q2>x</p>
    <p class=sup id=r>x</p></body></html>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);
  EXPECT_EQ(p.Hidden("b2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
  EXPECT_EQ(p.Hidden("c2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("d"), Tri::kYes);
  EXPECT_EQ(p.Hidden("e"), Tri::kNo);   // off screen
  EXPECT_EQ(p.Hidden("f"), Tri::kNo);   // :hover never matches a page at rest
  EXPECT_EQ(p.Hidden("g"), Tri::kNo);   // a pseudo-element rule does not hide the element
  EXPECT_EQ(p.Hidden("h"), Tri::kYes);  // .x + .y
  EXPECT_EQ(p.Hidden("h2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("i"), Tri::kYes);  // .m ~ .n
  EXPECT_EQ(p.Hidden("j"), Tri::kYes);  // [lang|=es]
  EXPECT_EQ(p.Hidden("k"), Tri::kYes);
  EXPECT_EQ(p.Hidden("k2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("l"), Tri::kYes);
  EXPECT_EQ(p.Hidden("l2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("m"), Tri::kNo);       // !important wins
  EXPECT_EQ(p.Hidden("strong"), Tri::kNo);  // higher specificity wins
  EXPECT_EQ(p.Hidden("n"), Tri::kNo);       // an invalid selector drops its whole rule
  EXPECT_EQ(p.Hidden("n2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("o"), Tri::kNo);   // @media print
  EXPECT_EQ(p.Hidden("o2"), Tri::kNo);  // <style media=print>
  EXPECT_EQ(p.Hidden("q"), Tri::kYes);  // desktop width matches min-width: 768px
  EXPECT_EQ(p.Hidden("q2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("r"), Tri::kYes);
}

TEST(AriaHiddenTest, Local_UndecidableSelectorGivesUnknown) {
  Page p(R"(<style>.card:has(img) { display: none } .z:focus-within { display:none }</style>
            <div class=card id=a><img src=x.png alt=x id=a2></div>
            <div class=z id=b>x</div><div class=card id=c style="display:none">x</div>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kUnknown);
  EXPECT_EQ(p.Hidden("a2"), Tri::kUnknown);
  EXPECT_EQ(p.Hidden("b"), Tri::kNo);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
}

TEST(AriaHiddenTest, Local_AttributeSelectorsAndCaseRules) {
  Page p(R"(<style>
      [class^="icon-"] { display: none }
      [data-estado="CERRADO" i] { visibility: hidden }
      input[type="HIDDEN"], [aria-expanded="false"] + .panel { display: none }
      .Mayus { display: none }
      #Ident { display: none }
    </style>
    <i class="icon-home" id=a></i><i class="x icon-home" id=a2></i>
    <div data-estado="cerrado" id=b>x</div>
    <button aria-expanded="false">Menú</button><div class=panel id=c>x</div>
    <button aria-expanded="true">Menú</button><div class=panel id=c2>x</div>
    <p class=mayus id=d>x</p><p class=Mayus id=d2>x</p>
    <p id=ident>x</p>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("a2"), Tri::kNo);  // ^= looks at the start of the whole value
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);  // the i flag
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
  EXPECT_EQ(p.Hidden("c2"), Tri::kNo);
  EXPECT_EQ(p.Hidden("d"), Tri::kNo);  // class names are case-sensitive
  EXPECT_EQ(p.Hidden("d2"), Tri::kYes);
  EXPECT_EQ(p.Hidden("ident"), Tri::kNo);  // ids too
}

TEST(AriaHiddenTest, Local_EscapesAndNamespacesInSelectors) {
  Page p(R"(<style>
      .md\:hidden { display: none }
      .\31 0 { display: none }
      svg|rect, *|circle { display: none }
      @media screen { @media (orientation: landscape) { .anidado { display: none } } }
      @media not print { .noimp { display: none } }
      @import url("externo.css");
      .tras-import { display: none }
    </style>
    <p class="md:hidden" id=a>x</p><p class="10" id=b>x</p>
    <svg><rect id=c /><circle id=c2 /></svg>
    <p class=anidado id=d>x</p><p class=noimp id=e>x</p><p class=tras-import id=f>x</p>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);
  EXPECT_EQ(p.Hidden("c2"), Tri::kYes);
  EXPECT_EQ(p.Hidden("d"), Tri::kYes);
  EXPECT_EQ(p.Hidden("e"), Tri::kYes);
  EXPECT_EQ(p.Hidden("f"), Tri::kYes);
}

TEST(AriaHiddenTest, Act4c31df_TypeSelectorInStyleElement) {
  Page p(R"(<style> button { color: #000; display: none; } button:hover { cursor: pointer; }</style>
            <button id=a>x</button>)");
  EXPECT_EQ(p.Hidden("a"), Tri::kYes);
}

TEST(AriaHiddenTest, Local_InertSubtree) {
  Page p(R"(<div inert id=a><button id=b>x</button></div><button id=c>y</button>)");
  EXPECT_TRUE(p.aria().IsInert(p.Id("b")));
  EXPECT_EQ(p.Hidden("b"), Tri::kYes);
  EXPECT_EQ(p.aria().IsInvisible(p.Id("b")), Tri::kNo);
  EXPECT_FALSE(p.aria().IsFocusable(p.Id("b")));
  EXPECT_FALSE(p.aria().IsInert(p.Id("c")));
  EXPECT_TRUE(p.aria().IsFocusable(p.Id("c")));
}

// ---------------------------------------------------------------------------------------------
// Focus.

TEST(AriaFocusTest, Html_FocusableAreas) {
  Page p(R"(<a id=a href="/">x</a><a id=a2>x</a>
            <map><area id=ar href="/" alt=x></map>
            <button id=b>x</button><button id=b2 disabled>x</button>
            <input id=i><input id=i2 type=hidden><input id=i3 disabled>
            <select id=s></select><textarea id=ta></textarea>
            <iframe id=if src="about:blank"></iframe>
            <details><summary id=su>x</summary><summary id=su2>y</summary></details>
            <div id=ce contenteditable>x</div><div id=ce2 contenteditable=false>x</div>
            <video id=v controls></video><video id=v2></video>
            <div id=t0 tabindex=0>x</div><div id=tn tabindex="-1">x</div>
            <div id=tx tabindex="x">x</div><div id=t3 tabindex=" 3px">x</div>
            <a id=an href="/" tabindex=-1>x</a>
            <div style="display:none"><a id=h href="/">x</a></div>
            <a id=vh href="/" style="visibility:hidden">x</a>
            <button id=bt tabindex=0 disabled>x</button>
            <svg><a id=sa href="#x"><text>x</text></a></svg>)");
  auto focusable = [&](const char* id) { return p.aria().IsFocusable(p.Id(id)); };
  auto tabbable = [&](const char* id) { return p.aria().IsTabbable(p.Id(id)); };
  EXPECT_TRUE(focusable("a"));
  EXPECT_FALSE(focusable("a2"));
  EXPECT_TRUE(focusable("ar"));
  EXPECT_TRUE(focusable("b"));
  EXPECT_FALSE(focusable("b2"));
  EXPECT_TRUE(focusable("i"));
  EXPECT_FALSE(focusable("i2"));
  EXPECT_FALSE(focusable("i3"));
  EXPECT_TRUE(focusable("s"));
  EXPECT_TRUE(focusable("ta"));
  EXPECT_TRUE(focusable("if"));
  EXPECT_TRUE(focusable("su"));
  EXPECT_FALSE(focusable("su2"));
  EXPECT_TRUE(focusable("ce"));
  EXPECT_FALSE(focusable("ce2"));
  EXPECT_TRUE(focusable("v"));
  EXPECT_FALSE(focusable("v2"));
  EXPECT_TRUE(tabbable("t0"));
  EXPECT_TRUE(focusable("tn"));
  EXPECT_FALSE(tabbable("tn"));
  EXPECT_FALSE(focusable("tx"));
  EXPECT_TRUE(tabbable("t3"));
  EXPECT_TRUE(focusable("an"));
  EXPECT_FALSE(tabbable("an"));
  EXPECT_FALSE(focusable("h"));
  EXPECT_FALSE(focusable("vh"));
  EXPECT_FALSE(focusable("bt"));
  EXPECT_TRUE(focusable("sa"));
}

TEST(AriaFocusTest, Html_DisabledFieldsetExceptFirstLegend) {
  Page p(R"(<fieldset disabled id=f>
              <legend><input id=in_legend></legend>
              <legend><input id=in_second_legend></legend>
              <input id=inside>
              <fieldset id=inner><legend><button id=inner_legend>x</button></legend></fieldset>
            </fieldset>
            <select><optgroup disabled><option id=o>x</option></optgroup></select>
            <input id=outside>)");
  auto disabled = [&](const char* id) { return p.aria().IsDisabled(p.Id(id)); };
  EXPECT_TRUE(disabled("f"));
  EXPECT_FALSE(disabled("in_legend"));
  EXPECT_TRUE(disabled("in_second_legend"));
  EXPECT_TRUE(disabled("inside"));
  EXPECT_TRUE(disabled("inner"));
  EXPECT_TRUE(disabled("inner_legend"));  // the inner fieldset's legend is still inside f
  EXPECT_TRUE(disabled("o"));
  EXPECT_FALSE(disabled("outside"));
  EXPECT_TRUE(p.aria().IsFocusable(p.Id("in_legend")));
  EXPECT_FALSE(p.aria().IsFocusable(p.Id("inside")));
}

TEST(AriaHiddenTest, Local_HostileCssDoesNotCrash) {
  std::string css = "<style>";
  css += "a { display: none; content: \"} .x { display: none }\" } ";
  css += "/* unterminated comment { display:none } ";
  css += "</style><style>";
  for (int i = 0; i < 200; ++i) css += "@media screen {";
  css += ".deep { display: none }";
  for (int i = 0; i < 200; ++i) css += "}";
  css += ":not(:not(:not(:not(:not(:not(.n)))))) { display: none } ";
  css += ".a\\";  // a backslash at the very end of a selector
  css += "{ display: none } [x=\"unterminated { display: none } ";
  css += "}}}{{{ ;;; @media { } @ { } ";
  for (int i = 0; i < 3000; ++i) css += ".s" + std::to_string(i) + " > ";
  css += "p { display: none } ";
  css += ":nth-child(99999999999999n+1) { visibility: hidden } ";
  css += "</style><p id=a class=deep>x</p><p id=b class=n>y</p><a id=c href=/>z</a>";
  Page p(css);
  // Deeper than the @media nesting cap: not applied. (The :nth-child() with an out-of-range
  // coefficient and the over-nested :not() cannot be decided: every element is "maybe".)
  EXPECT_EQ(p.Hidden("a"), Tri::kUnknown);
  EXPECT_EQ(p.Hidden("c"), Tri::kYes);  // the first rule, before the string with braces
  (void)p.Hidden("b");
}

TEST(AriaDeepTest, Local_FourThousandLevelsDoNotCrash) {
  std::string html =
      "<!doctype html><body><style>.q div { display:none } .w .v span .u {color:red; "
      "display:none}</style>";
  for (int i = 0; i < 4000; ++i) html += "<div class=v>";
  html += "<span id=leaf tabindex=0>hoja</span>";
  for (int i = 0; i < 4000; ++i) html += "</div>";
  html += "</body>";
  Page p(html);
  const dom::NodeId leaf = p.Id("leaf");
  EXPECT_EQ(p.aria().IsHidden(leaf), Tri::kNo);
  EXPECT_TRUE(p.aria().IsTabbable(leaf));
  EXPECT_FALSE(p.aria().IsPresentationalChild(leaf));
  EXPECT_EQ(p.aria().Role(leaf), "generic");
}

}  // namespace
}  // namespace verifica::aria
