// Accessible names (accname 1.2 + HTML-AAM) computed by PageAria::Name / NameSource.
#include <string>

#include "aria/page_fixture.h"

namespace verifica::aria {
namespace {

using testing::Page;

TEST(AccnameTest, Aria_LabelledbyBeforeLabelAndContent) {
  Page p(R"(<span id=l1>Buscar</span><span id=l2>trámites</span>
            <button id=a aria-labelledby="l1 missing l2" aria-label="x">Ir</button>
            <button id=b aria-labelledby="missing">Ir</button>
            <button id=c aria-labelledby="vacio">Ir</button><span id=vacio> </span>)");
  EXPECT_EQ(p.Name("a"), "Buscar trámites");
  EXPECT_EQ(p.Source("a"), "aria-labelledby");
  EXPECT_EQ(p.Name("b"), "Ir");  // no valid reference: the next steps apply
  EXPECT_EQ(p.Source("b"), "contents");
  EXPECT_EQ(p.Name("c"), "Ir");  // the references give nothing: the next steps apply
}

TEST(AccnameTest, Aria_LabelledbyNotFollowedTwiceAndSelfReference) {
  Page p(R"(<span id=x aria-labelledby=y>equis</span><span id=y>ye</span>
            <a id=a href="/" aria-labelledby=x>z</a>
            <button id=b aria-labelledby="b lbl" aria-label="Eliminar">X</button>
            <span id=lbl>archivo</span>
            <div id=c1 aria-labelledby=c2>uno</div><div id=c2 aria-labelledby=c1>dos</div>
            <button id=c3 aria-labelledby=c1>?</button>)");
  EXPECT_EQ(p.Name("a"), "equis");  // x's own aria-labelledby is not followed
  EXPECT_EQ(p.Name("b"), "Eliminar archivo");
  EXPECT_EQ(p.Name("c3"), "uno");  // a labelledby cycle ends
}

TEST(AccnameTest, Act23a2a8_HiddenReferencedNodeStillNames) {
  Page p(R"(<div style="display: none" id="img-label">W3C <span>logo</span></div>
            <div id=a role="img" aria-labelledby="img-label"></div>
            <div id=lab2>Visible <span style="display:none">oculto</span> texto</div>
            <div id=b role="img" aria-labelledby="lab2"></div>)");
  EXPECT_EQ(p.Name("a"), "W3C logo");
  EXPECT_EQ(p.Name("b"), "Visible texto");  // hidden part of a visible reference is skipped
}

TEST(AccnameTest, Aria_AriaLabelWhitespaceIgnored) {
  Page p(R"(<button id=a aria-label="  ">Enviar</button>
            <button id=b aria-label=" Cerrar ">X</button>)");
  EXPECT_EQ(p.Name("a"), "Enviar");
  EXPECT_EQ(p.Name("b"), "Cerrar");
  EXPECT_EQ(p.Source("b"), "aria-label");
}

TEST(AccnameTest, Html_LabelForAndWrappingLabelsConcatenated) {
  Page p(R"(<label for=n>Nombre</label><input id=n>
            <label>Correo <input id=m type=email value="a@b.mx"> (obligatorio)</label>
            <label for=t>Teléfono</label><label for=t>fijo</label><input id=t type=tel>
            <label for=s>Estado</label><select id=s><option>CDMX</select>
            <label for=ta>Comentarios</label><textarea id=ta>hola</textarea>
            <label id=lx for=missing>Huérfana</label>
            <label for=h>Oculta</label><input type=hidden id=h>
            <label>Primero <input id=f1> <input id=f2></label>)");
  EXPECT_EQ(p.Name("n"), "Nombre");
  EXPECT_EQ(p.Source("n"), "label");
  EXPECT_EQ(p.Name("m"), "Correo (obligatorio)");  // the control itself is not in its name
  EXPECT_EQ(p.Name("t"), "Teléfono fijo");
  EXPECT_EQ(p.Name("s"), "Estado");
  EXPECT_EQ(p.Name("ta"), "Comentarios");
  EXPECT_EQ(p.Name("h"), "");
  EXPECT_EQ(p.Name("f1"), "Primero");
  EXPECT_EQ(p.Name("f2"), "");  // a wrapping label labels its first labelable descendant
  EXPECT_EQ(p.aria().Labels(p.Id("t")).size(), 2u);
  EXPECT_TRUE(p.aria().Labels(p.Id("lx")).empty());
}

TEST(AccnameTest, Html_NativeAlternatives) {
  Page p(R"(<img id=i src=a.png alt="Escudo nacional">
            <img id=i2 src=a.png title="Logotipo">
            <img id=i3 src=a.png>
            <fieldset id=f><legend>Datos <b>personales</b></legend><input></fieldset>
            <figure id=fg><img src=a.png alt=""><figcaption>Mapa del estado</figcaption></figure>
            <table id=tb><caption>Presupuesto 2024</caption><tr><td>1</td></tr></table>
            <svg id=sv role=img><title>Gráfica</title><desc>d</desc></svg>
            <iframe id=if title="Mapa interactivo" src="m.html"></iframe>
            <details><summary id=su>Ver <i>más</i></summary></details>
            <map><area id=ar href="/" alt="Norte"></map>
            <select><option id=op label="Etiqueta">Texto</option></select>)");
  EXPECT_EQ(p.Name("i"), "Escudo nacional");
  EXPECT_EQ(p.Source("i"), "alt");
  EXPECT_EQ(p.Name("i2"), "Logotipo");
  EXPECT_EQ(p.Source("i2"), "title");
  EXPECT_EQ(p.Name("i3"), "");
  EXPECT_EQ(p.Source("i3"), "");
  EXPECT_EQ(p.Name("f"), "Datos personales");
  EXPECT_EQ(p.Source("f"), "legend");
  EXPECT_EQ(p.Name("fg"), "Mapa del estado");
  EXPECT_EQ(p.Source("fg"), "caption");
  EXPECT_EQ(p.Name("tb"), "Presupuesto 2024");
  EXPECT_EQ(p.Source("tb"), "caption");
  EXPECT_EQ(p.Name("sv"), "Gráfica");
  EXPECT_EQ(p.Source("sv"), "title-element");
  EXPECT_EQ(p.Name("if"), "Mapa interactivo");
  EXPECT_EQ(p.Source("if"), "title");
  EXPECT_EQ(p.Name("su"), "Ver más");
  EXPECT_EQ(p.Source("su"), "contents");
  EXPECT_EQ(p.Name("ar"), "Norte");
  EXPECT_EQ(p.Name("op"), "Etiqueta");
}

TEST(AccnameTest, Act59796f_InputButtonsAndDefaults) {
  Page p(R"(<input id=a type=submit>
            <input id=b type=reset>
            <input id=c type=submit value="Enviar solicitud">
            <input id=d type=button>
            <input id=e type=button value="Calcular">
            <input id=f type=image src=buscar.png>
            <input id=g type=image src=buscar.png alt="Buscar">
            <input id=h type=image src=buscar.png title="Buscar en el sitio">
            <input id=i type=image src=buscar.png aria-label="Lupa">)");
  EXPECT_EQ(p.Name("a"), "Submit");
  EXPECT_EQ(p.Source("a"), "default");
  EXPECT_EQ(p.Source("b"), "default");
  EXPECT_EQ(p.Name("c"), "Enviar solicitud");
  EXPECT_EQ(p.Source("c"), "value");
  EXPECT_EQ(p.Name("d"), "");
  EXPECT_EQ(p.Name("e"), "Calcular");
  EXPECT_EQ(p.Name("f"), "Submit Query");
  EXPECT_EQ(p.Source("f"), "default");
  EXPECT_EQ(p.Name("g"), "Buscar");
  EXPECT_EQ(p.Source("g"), "alt");
  EXPECT_EQ(p.Name("h"), "Buscar en el sitio");
  EXPECT_EQ(p.Source("h"), "title");
  EXPECT_EQ(p.Name("i"), "Lupa");
}

TEST(AccnameTest, Accname_EmbeddedControlsInLabels) {
  Page p(R"(<label for=chk>Enviar <input id=cnt type=text value="5"> copias</label>
            <input id=chk type=checkbox>
            <span id=lb>Mostrar <select><option>10<option selected>25</select> filas</span>
            <button id=b aria-labelledby=lb>x</button>
            <span id=lr>Volumen <input type=range min=0 max=10> y
              <span role=slider aria-valuenow=3 aria-valuetext="tres"></span>
              <span role=spinbutton aria-valuenow=7></span></span>
            <button id=r aria-labelledby=lr>x</button>
            <span id=lc>Filtro <input type=text list=dl value="Norte"></span>
            <button id=cc aria-labelledby=lc>x</button>
            <div id=lt>Buscar <input aria-label="término" value=""></div>
            <button id=t aria-labelledby=lt>x</button>
            <span id=l1>Ver <select><option>a<option>b</select></span>
            <button id=s1 aria-labelledby=l1>x</button>)");
  EXPECT_EQ(p.Name("chk"), "Enviar 5 copias");
  EXPECT_EQ(p.Name("b"), "Mostrar 25 filas");
  EXPECT_EQ(p.Name("r"), "Volumen 5 y tres 7");
  EXPECT_EQ(p.Name("cc"), "Filtro Norte");
  EXPECT_EQ(p.Name("t"), "Buscar");  // aria-label of an embedded control is not used
  EXPECT_EQ(p.Name("s1"), "Ver a");  // a single select shows its first option
}

TEST(AccnameTest, Accname_NameFromContent) {
  Page p(R"(<a id=a href="/"><img src=x.png alt="Inicio"></a>
            <a id=b href="/"><img src=x.png></a>
            <a id=c href="/"><span>Trans</span><span>parencia</span></a>
            <a id=d href="/"><div>Aviso</div><div>de privacidad</div></a>
            <a id=e href="/">Ir <span aria-hidden="true">→</span><span style="display:none">oculto</span></a>
            <a id=f href="/"><span aria-label="Portal">x</span> del estado</a>
            <a id=g href="/"><svg><title>Inicio</title></svg></a>
            <a id=h href="/"><img src=x.png title="Logo"></a>
            <a id=i href="/" title="Título">  </a>
            <h2 id=j>Trámites <small>y servicios</small></h2>
            <div id=k>contenido</div>
            <nav id=l>menú</nav>
            <a id=m href="/">Hola<br>mundo</a>
            <a id=n href="/"><span style="visibility:hidden">no <b style="visibility:visible">sí</b></span></a>
            <a id=o href="/"><script>var x = 1;</script><style>.a{}</style>Texto</a>
            <button id=p><img src=x.png alt=""></button>
            <a id=q href="/" aria-owns=own>Dueño</a><span id=own>poseído</span>
            <p id=r>Párrafo</p>
            <a id=s href="/"><span class=blk>Uno</span><span class=blk>Dos</span></a>
            <style>.blk { display: block }</style>)");
  EXPECT_EQ(p.Name("a"), "Inicio");
  EXPECT_EQ(p.Source("a"), "contents");
  EXPECT_EQ(p.Name("b"), "");
  EXPECT_EQ(p.Name("c"), "Transparencia");
  EXPECT_EQ(p.Name("d"), "Aviso de privacidad");
  EXPECT_EQ(p.Name("e"), "Ir");
  EXPECT_EQ(p.Name("f"), "Portal del estado");
  EXPECT_EQ(p.Name("g"), "Inicio");
  EXPECT_EQ(p.Name("h"), "Logo");
  EXPECT_EQ(p.Name("i"), "Título");
  EXPECT_EQ(p.Source("i"), "title");
  EXPECT_EQ(p.Name("j"), "Trámites y servicios");
  EXPECT_EQ(p.Name("k"), "");  // generic: no name from content
  EXPECT_EQ(p.Name("l"), "");  // navigation: name from author only
  EXPECT_EQ(p.Name("m"), "Hola mundo");
  EXPECT_EQ(p.Name("n"), "sí");
  EXPECT_EQ(p.Name("o"), "Texto");
  EXPECT_EQ(p.Name("p"), "");
  EXPECT_EQ(p.Name("q"), "Dueño poseído");
  EXPECT_EQ(p.Name("r"), "");
  EXPECT_EQ(p.Name("s"), "Uno Dos");  // display:block from <style> separates words
}

TEST(AccnameTest, Accname_HiddenElementHasNoName) {
  Page p(R"(<button id=a style="display:none">Oculto</button>
            <button id=b aria-hidden="true">Oculto</button>
            <div hidden><a id=c href="/">x</a></div>)");
  EXPECT_EQ(p.Name("a"), "");
  EXPECT_EQ(p.Name("b"), "");
  EXPECT_EQ(p.Name("c"), "");
}

TEST(AccnameTest, Html_TitleThenPlaceholderFallback) {
  Page p(R"(<input id=a title="Código postal" placeholder="00000">
            <input id=b placeholder="Buscar">
            <textarea id=c placeholder="Escriba aquí"></textarea>
            <input id=d type=checkbox placeholder="no">
            <div id=e role=textbox title="Notas"></div>)");
  EXPECT_EQ(p.Name("a"), "Código postal");
  EXPECT_EQ(p.Source("a"), "title");
  EXPECT_EQ(p.Name("b"), "Buscar");
  EXPECT_EQ(p.Source("b"), "placeholder");
  EXPECT_EQ(p.Name("c"), "Escriba aquí");
  EXPECT_EQ(p.Name("d"), "no");  // checkbox input still an input
  EXPECT_EQ(p.Name("e"), "Notas");
}

TEST(AccnameTest, Local_RegionNamedByHeadingReference) {
  Page p(
      R"(<section id=s aria-labelledby=h><h2 id=h>Obligaciones de transparencia</h2></section>)");
  EXPECT_EQ(p.Name("s"), "Obligaciones de transparencia");
  EXPECT_EQ(p.Role("s"), "region");
}

TEST(AccnameTest, Local_DeepNestingDoesNotCrash) {
  std::string html = "<!doctype html><body><a id=a href='/'>";
  for (int i = 0; i < 4000; ++i) html += "<span>";
  html += "profundo";
  for (int i = 0; i < 4000; ++i) html += "</span>";
  html += "</a><button id=b>";
  for (int i = 0; i < 200; ++i) html += "<span>";
  html += "cerca";
  for (int i = 0; i < 200; ++i) html += "</span>";
  html += "</button><div id=lab>";
  for (int i = 0; i < 3000; ++i) html += "<span>";
  html += "x";
  for (int i = 0; i < 3000; ++i) html += "</span>";
  html += "</div><input id=c aria-labelledby=lab></body>";
  Page p(html);
  // Past the recursion cap the deep text is not reached; what matters is no crash.
  EXPECT_EQ(p.Name("a"), "");
  EXPECT_EQ(p.Name("b"), "cerca");
  EXPECT_EQ(p.Name("c"), "");
}

TEST(AccnameTest, Local_HugeAndNestedContentIsBounded) {
  std::string big(200000, 'a');
  std::string html = "<!doctype html><body><a id=a href='/'>" + big + "</a>";
  // 100 nested elements whose names all come from content, each with a large text.
  for (int i = 0; i < 100; ++i)
    html += "<div role=link tabindex=0 id=n" + std::to_string(i) + ">" + big.substr(0, 2000);
  for (int i = 0; i < 100; ++i) html += "</div>";
  html += "</body>";
  Page p(html);
  EXPECT_EQ(p.Name("a").size(), 16u * 1024);
  size_t total = 0;
  for (int i = 0; i < 100; ++i) total += p.Name("n" + std::to_string(i)).size();
  EXPECT_LE(total, 100u * 16 * 1024);
  EXPECT_EQ(p.Name("n0").size(), 16u * 1024);
  EXPECT_EQ(p.Name("n99").size(), 2000u);
}

}  // namespace
}  // namespace verifica::aria
