// The scan hooks of the obligation packs (cli/packs_wiring.h), driven directly: link hints steer
// the crawl to role pages, candidate pages are observed, role documents (a PDF aviso) are read,
// and at the end each role gets its page and the reason, and the entity rules their outcome.
#include "cli/packs_wiring.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cli/page_check.h"
#include "decl/decl_test_util.h"
#include "decl/pdf_writer.h"
#include "rules/decl/pdf_text.h"
#include "util/text.h"
#include "util/url.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

struct Page {
  std::string url;
  int depth;
  std::string html;
};

// Links of a page as the crawler reports them: absolute URL and text.
std::vector<std::pair<std::string, std::string>> LinksOf(const dom::Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (dom::NodeId id = 0; id < doc.size(); ++id) {
    if (!doc.IsElement(id, "a")) continue;
    const std::string* href = doc.Attr(id, "href");
    if (href == nullptr) continue;
    auto u = url::Resolve(doc.url(), *href);
    if (u.ok()) out.emplace_back(*u, text::CollapseWhitespace(doc.TextContent(id)));
  }
  return out;
}

class PacksWiringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("verifica-wiring-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    PackHooksOptions o;
    o.catalog = decltest::SourceCatalog();
    o.today = {2025, 6, 30};
    for (const auto& p : o.catalog->packs()) {
      for (const auto& r : p->rules) o.selected.insert(r->info.id);
    }
    o.selected.insert(kPageRolesId);
    o.limits.allow_private = true;
    options_ = o;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Crawls `pages` in order through the hooks, as the campaign would, and ends the entity.
  EntityOutcome Crawl(const findings::EntityInfo& e, const std::vector<Page>& pages,
                      const findings::EntityReport& crawl_report, ScanHooks& hooks,
                      std::map<std::string, LinkHint>* hints = nullptr) {
    std::vector<EntityPage> done;
    for (const Page& p : pages) {
      dom::Document doc = decltest::Parse(p.html, p.url);
      auto data = hooks.on_page(PageContext{e, p.url, p.url, p.depth, false, "", doc});
      done.push_back({p.url, p.url, p.depth, false, "", data});
      for (const auto& [target, text] : LinksOf(doc)) {
        LinkHint h = hooks.on_link(LinkContext{e, target, text, p.url, p.depth + 1});
        if (hints) (*hints)[target] = h;
      }
    }
    findings::EntityReport rep = crawl_report;
    rep.entity = e;
    hooks.on_documents(rep, done);
    return hooks.on_entity(e, done);
  }

  static const findings::RuleResult* Result(const EntityOutcome& o, std::string_view id) {
    for (const auto& r : o.entity_rules) {
      if (r.id == id) return &r;
    }
    ADD_FAILURE() << "no result for " << id;
    return nullptr;
  }
  static std::string Outcome(const EntityOutcome& o, std::string_view id) {
    const auto* r = Result(o, id);
    return r ? std::string(findings::ToString(r->outcome)) : "";
  }

  fs::path dir_;
  PackHooksOptions options_;
};

TEST_F(PacksWiringTest, Local_RolePagesAreFoundObservedAndExplained) {
  if (!rules::decl::ExtractPdfText(testpdf::MakePdf({{"x"}})).parsed) GTEST_SKIP() << "no poppler";
  // The aviso is a PDF the crawl only listed; the hook reads it (file:// here).
  const fs::path pdf = dir_ / "aviso.pdf";
  std::ofstream(pdf, std::ios::binary) << testpdf::MakePdf({{
      "Aviso de privacidad integral",
      "La Secretaría de Obras, con domicilio en Calle 5 de Mayo 10, Col. Centro, C.P. 87000,",
      "es la responsable del tratamiento de sus datos personales.",
  }});
  const std::string pdf_url = url::FromPath(pdf.string());
  const std::string home = "https://obras.ejemplo.gob.mx/";
  std::vector<Page> pages = {
      {home, 0,
       "<title>Secretaría de Obras</title><nav><a href='/transparencia/'>Transparencia</a> <a "
       "href='" +
           pdf_url +
           "'>Aviso de privacidad</a> <a href='/noticias/1'>La transparencia en la obra "
           "pública avanza con nuevas licitaciones en todo el estado este año</a></nav>"
           "<main><h1>Secretaría de Obras</h1></main>"},
      {home + "transparencia/", 1,
       "<title>Transparencia</title><h1>Transparencia</h1><p>Artículo 65</p><ul>"
       "<li><a href='/transparencia/fr01.html'>Fracción I. Marco normativo</a></li>"
       "<li><a href='/roto.pdf'>Fracción II. Estructura</a></li></ul>"
       "<a href='/ut.html'>Unidad de Transparencia</a>"},
      {home + "transparencia/fr01.html", 2,
       "<title>Fracción I</title><h1>Fracción I. Marco normativo</h1><p>Fecha de actualización: "
       "15/01/2024</p>"},
      {home + "ut.html", 2,
       "<title>Unidad de Transparencia</title><h1>Unidad de Transparencia</h1><p>Calle 5 de Mayo "
       "10, "
       "Col. Centro, C.P. 87000. Tel. 834 123 4567. Correo: ut@obras.ejemplo.gob.mx</p>"},
  };
  findings::EntityReport crawl;
  crawl.documents.push_back({pdf_url, "application/pdf", 200, 1000});
  findings::PageReport broken;
  broken.url = home + "roto.pdf";
  broken.status = 404;
  broken.error = findings::PageError{"http", "HTTP status 404"};
  crawl.pages.push_back(broken);

  findings::EntityInfo e;
  e.id = "obras";
  auto hooks = MakePackHooks(options_, {});
  ASSERT_TRUE(hooks.ok()) << hooks.status().message();
  std::map<std::string, LinkHint> hints;
  EntityOutcome out = Crawl(e, pages, crawl, *hooks, &hints);

  // Link hints: role pages first, allowed off the site; a long news title is not the section.
  EXPECT_EQ(hints[home + "transparencia/"].role, "transparencia");
  EXPECT_GT(hints[home + "transparencia/"].priority, 0);
  EXPECT_TRUE(hints[home + "transparencia/"].allow_offsite);
  EXPECT_EQ(hints[home + "noticias/1"].role, "");
  EXPECT_EQ(hints[home + "noticias/1"].priority, 0);
  EXPECT_EQ(hints[pdf_url].role, "aviso-integral");

  EXPECT_EQ(out.page_roles["home"], home);
  EXPECT_EQ(out.page_roles["transparencia"], home + "transparencia/");
  EXPECT_EQ(out.page_roles["obligaciones"], home + "transparencia/fr01.html");
  EXPECT_EQ(out.page_roles["unidad-transparencia"], home + "ut.html");
  EXPECT_EQ(out.page_roles["aviso-integral"], pdf_url);

  EXPECT_EQ(Outcome(out, "tr-home-link"), "passed");
  EXPECT_EQ(Outcome(out, "tr-oblig-index"), "failed");  // two fractions only
  EXPECT_EQ(Outcome(out, "tr-staleness"), "failed");
  EXPECT_EQ(Result(out, "tr-staleness")->findings.at(0).message_id, "stale");
  EXPECT_EQ(Outcome(out, "tr-ut-address"), "passed");
  EXPECT_EQ(Outcome(out, "tr-link-health"), "failed");
  EXPECT_NE(Result(out, "tr-link-health")->findings.at(0).message.es.find("roto.pdf (HTTP 404)"),
            std::string::npos);
  EXPECT_EQ(Outcome(out, "pd-e1-responsable"), "passed");  // read from the PDF
  EXPECT_EQ(Outcome(out, "pd-e5-arco"), "failed");
  EXPECT_EQ(Outcome(out, "pd-e10-donde-integral"), "inapplicable");  // no simplified notice

  // Which page was taken for each role, and why.
  const auto* roles = Result(out, kPageRolesId);
  ASSERT_NE(roles, nullptr);
  std::string all;
  for (const auto& f : roles->findings) all += f.message.es + "\n";
  EXPECT_NE(all.find("Rol «Sección de transparencia»: se tomó " + home +
                     "transparencia/ — enlace «Transparencia» en " + home + " (profundidad 1)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("documento PDF con texto"), std::string::npos) << all;
  EXPECT_NE(all.find("Rol «Aviso de privacidad simplificado»: no se encontró"), std::string::npos)
      << all;
}

TEST_F(PacksWiringTest, Local_ObligationsOnTheTransparencyPageItself) {
  const std::string home = "https://agua.ejemplo.gob.mx/";
  std::vector<Page> pages = {
      {home, 0,
       "<title>Agua</title><a href='/transparencia.html'>Transparencia</a><h1>Comisión</h1>"},
      {home + "transparencia.html", 1,
       "<title>Transparencia</title><h1>Transparencia</h1><p>Fecha de actualización: "
       "01/06/2025</p>"},
  };
  findings::EntityInfo e;
  e.id = "agua";
  auto hooks = MakePackHooks(options_, {});
  ASSERT_TRUE(hooks.ok());
  EntityOutcome out = Crawl(e, pages, {}, *hooks);
  EXPECT_EQ(out.page_roles.count("obligaciones"), 0u);
  // tr-fecha-act falls back to the transparency page; the adjective criteria need formats.
  EXPECT_EQ(Outcome(out, "tr-fecha-act"), "passed");
  EXPECT_EQ(Outcome(out, "tr-staleness"), "passed");
  EXPECT_EQ(Outcome(out, "tr-criterios-adj"), "cantTell");
  // No aviso anywhere: the aviso rule fails and the element rules do not apply.
  EXPECT_EQ(Outcome(out, "pd-aviso-integral"), "failed");
  EXPECT_EQ(Outcome(out, "pd-e1-responsable"), "inapplicable");
}

TEST_F(PacksWiringTest, Local_ScannedPdfAvisoIsNotMachineReadable) {
  if (!rules::decl::ExtractPdfText(testpdf::MakePdf({{"x"}})).parsed) GTEST_SKIP() << "no poppler";
  const fs::path pdf = dir_ / "aviso-escaneado.pdf";
  std::ofstream(pdf, std::ios::binary) << testpdf::MakePdf({{}});
  const std::string pdf_url = url::FromPath(pdf.string());
  const std::string home = "https://turismo.ejemplo.gob.mx/";
  std::vector<Page> pages = {
      {home, 0,
       "<title>Turismo</title><footer><a href='" + pdf_url + "'>Aviso de privacidad</a></footer>"},
  };
  findings::EntityReport crawl;
  crawl.documents.push_back({pdf_url, "application/pdf", 200, 500});
  findings::EntityInfo e;
  e.id = "turismo";
  auto hooks = MakePackHooks(options_, {});
  ASSERT_TRUE(hooks.ok());
  EntityOutcome out = Crawl(e, pages, crawl, *hooks);
  EXPECT_EQ(out.page_roles["aviso-integral"], pdf_url);
  for (const char* id : {"pd-aviso-integral", "pd-e1-responsable", "pd-e7-transfer"}) {
    EXPECT_EQ(Outcome(out, id), "cantTell") << id;
    EXPECT_EQ(Result(out, id)->findings.at(0).message_id, "not-machine-readable") << id;
  }
}

TEST_F(PacksWiringTest, Local_ProfilesPickRulesAndUnknownOnesAreRejected) {
  Entity cdmx;
  cdmx.id = "alcaldia";
  cdmx.profiles = {"cdmx-2024", "mx-datos-personales"};
  cdmx.jurisdiction = "MX-CMX";
  Entity bad;
  bad.id = "mal";
  bad.line = 3;
  bad.profiles = {"mx-lgtaip-2015"};
  EXPECT_TRUE(MakePackHooks(options_, {cdmx}).ok());
  auto r = MakePackHooks(options_, {cdmx, bad});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("entity 'mal' (line 3): unknown profile 'mx-lgtaip-2015'"),
            std::string::npos)
      << r.status().message();

  // A CDMX pack named for an entity of another jurisdiction: rejected before the scan.
  Entity jal = cdmx;
  jal.id = "jal";
  jal.line = 4;
  jal.jurisdiction = "MX-JAL";
  auto wrong = MakePackHooks(options_, {jal});
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find(
                "entity 'jal' (line 4): profile 'cdmx-2024' checks the law of Mexico City"),
            std::string::npos)
      << wrong.status().message();

  auto hooks = MakePackHooks(options_, {cdmx});
  findings::EntityInfo e;
  e.id = "alcaldia";
  e.profiles = cdmx.profiles;
  e.jurisdiction = cdmx.jurisdiction;
  const std::string home = "https://alcaldia.ejemplo.gob.mx/";
  EntityOutcome out =
      Crawl(e, {{home, 0, "<title>Alcaldía</title><a href='/t/'>Transparencia</a>"}}, {}, *hooks);
  EXPECT_EQ(Outcome(out, "tr-home-link-cdmx"), "passed");
  bool federal = false;
  for (const auto& x : out.entity_rules) federal = federal || x.id == "tr-home-link";
  EXPECT_FALSE(federal);
  EXPECT_EQ(Outcome(out, "tr-ut-email"), "failed");  // included from the general law
}

// Rules that are not obligation-pack rules (the WCAG ones) run on every entity's pages.
class PlainRule : public rules::Rule {
 public:
  PlainRule() : Rule(Meta()) {}
  std::vector<std::string> Tags() const override { return {"html"}; }
  std::optional<rules::Verdict> Check(dom::NodeId, rules::PageContext&) const override {
    return rules::Pass();
  }
  static findings::RuleInfo Meta() {
    findings::RuleInfo i;
    i.id = "wcag-prueba";
    i.pack = "wcag";
    i.messages = {{"pass", {"bien", "fine"}}};
    return i;
  }
};

// A campaign of two entities: one with the default profiles, one with cdmx-2024 only. Each gets
// the page rules of its own profiles' packs (and those they include); other rules run on both.
TEST_F(PacksWiringTest, Local_ProfilesPickPageRulesPerEntity) {
  std::vector<std::unique_ptr<rules::Rule>> owned;
  owned.push_back(std::make_unique<PlainRule>());
  for (const auto& p : options_.catalog->packs()) {
    for (const auto& r : p->rules) {
      if (r->scope == rules::decl::Scope::kPage) {
        owned.push_back(std::make_unique<rules::decl::PackPageRule>(r, options_.today));
      }
    }
  }
  std::vector<const rules::Rule*> selected;
  for (const auto& r : owned) selected.push_back(r.get());

  Entity fed, cdmx;
  fed.id = "instituto";  // no profiles: the default packs
  cdmx.id = "alcaldia";
  cdmx.profiles = {"cdmx-2024"};
  cdmx.jurisdiction = "MX-CMX";
  auto hooks = MakePackHooks(options_, {fed, cdmx});
  ASSERT_TRUE(hooks.ok()) << hooks.status().message();
  ASSERT_TRUE(hooks->page_rules);
  auto ids = [&](const Entity& e) {
    findings::EntityInfo info;
    info.id = e.id;
    info.profiles = e.profiles;
    info.jurisdiction = e.jurisdiction;
    std::set<std::string> out;
    for (const rules::Rule* r : hooks->page_rules(info, selected)) out.insert(r->id());
    return out;
  };
  const std::set<std::string> fed_rules = ids(fed), cdmx_rules = ids(cdmx);
  EXPECT_EQ(fed_rules,
            (std::set<std::string>{"wcag-prueba", "tr-stale-refs", "ax-overlay",
                                   "pd-simplificado-at-form", "pd-simpl-where-integral"}));
  // cdmx-2024 has no personal-data page rules of its own and does not include them; it includes
  // the general law's template checks.
  EXPECT_EQ(cdmx_rules, (std::set<std::string>{"wcag-prueba", "tr-stale-refs", "ax-overlay"}));

  // The same page with a personal-data form and no notice, as each entity's crawl checks it.
  PageInput in;
  in.url = "https://ejemplo.gob.mx/contacto.html";
  in.content_type = "text/html";
  in.body =
      "<!DOCTYPE html><html lang='es'><title>Contacto</title><body><form action='/enviar'>"
      "<label>Nombre <input name='nombre'></label><label>Correo <input type='email' "
      "name='correo'></label><button>Enviar</button></form></body></html>";
  auto run = [&](const Entity& e) {
    findings::EntityInfo info;
    info.id = e.id;
    info.profiles = e.profiles;
    info.jurisdiction = e.jurisdiction;
    std::map<std::string, std::string> out;
    for (const auto& r : CheckPage(in, hooks->page_rules(info, selected), {}).rules) {
      out[r.id] = findings::ToString(r.outcome);
    }
    return out;
  };
  EXPECT_EQ(run(fed).at("pd-simplificado-at-form"), "failed");
  EXPECT_EQ(run(cdmx).count("pd-simplificado-at-form"), 0u);
  EXPECT_EQ(run(cdmx).count("wcag-prueba"), 1u);
}

// A passed entity rule says what satisfied it: the page, the matched link or text, where.
TEST_F(PacksWiringTest, Local_PassedEntityRulesCarryTheirEvidence) {
  auto hooks = MakePackHooks(options_, {});
  ASSERT_TRUE(hooks.ok());
  findings::EntityInfo e;
  e.id = "instituto";
  const std::string home = "https://instituto.ejemplo.gob.mx/";
  EntityOutcome out = Crawl(
      e,
      {{home, 0, "<title>Instituto</title><nav><a href='/transparencia/'>Transparencia</a></nav>"},
       {home + "transparencia/", 1,
        "<title>Transparencia</title><h1>Transparencia</h1><p><a "
        "href='https://www.plataformadetransparencia.org.mx/'>Plataforma Nacional de "
        "Transparencia</a></p>"}},
      {}, *hooks);
  const findings::RuleResult* home_link = Result(out, "tr-home-link");
  ASSERT_NE(home_link, nullptr);
  EXPECT_EQ(findings::ToString(home_link->outcome), std::string("passed"));
  ASSERT_EQ(home_link->findings.size(), 1u);
  const findings::Finding& f = home_link->findings[0];
  EXPECT_EQ(f.outcome, findings::Outcome::kPassed);
  EXPECT_EQ(f.message_id, "pass");
  EXPECT_EQ(f.url, home);
  EXPECT_EQ(f.selector, "html > body > nav > a");
  EXPECT_NE(f.message.es.find("«transparencia»"), std::string::npos) << f.message.es;
  EXPECT_NE(f.message.es.find(home + "transparencia/"), std::string::npos) << f.message.es;
  const findings::RuleResult* pnt = Result(out, "tr-pnt-link");
  ASSERT_NE(pnt, nullptr);
  ASSERT_FALSE(pnt->findings.empty());
  EXPECT_EQ(pnt->findings[0].outcome, findings::Outcome::kPassed);
  EXPECT_EQ(pnt->findings[0].url, home + "transparencia/");
  // Failed rules list their failures first, as before.
  const findings::RuleResult* ut = Result(out, "tr-ut-email");
  ASSERT_NE(ut, nullptr);
  ASSERT_FALSE(ut->findings.empty());
  EXPECT_NE(ut->findings[0].outcome, findings::Outcome::kPassed);
}

}  // namespace
}  // namespace verifica::cli
