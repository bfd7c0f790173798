// Link extraction for the crawler (html/links.h), CheckPage's document visitor and entity-scope
// rules, and the link-broken result built from crawl failures.
#include <gtest/gtest.h>

#include "cli/campaign_rules.h"
#include "cli/commands.h"
#include "cli/page_check.h"
#include "html/links.h"
#include "html/parser.h"

namespace verifica::cli {
namespace {

dom::Document ParseDoc(const std::string& html, const std::string& url = "https://e.gob.mx/a/") {
  html::ParseOptions o;
  o.url = url;
  o.content_type = "text/html";
  html::ParseResult r = html::Parse(html, o);
  EXPECT_TRUE(r.ok);
  return std::move(r.document);
}

TEST(ScanLinksTest, Local_ExtractsFollowableLinksWithText) {
  dom::Document doc = ParseDoc(
      "<html><head><link rel=alternate hreflang=en href=/en/><link rel=stylesheet href=s.css>"
      "<link rel=alternate type=application/rss+xml href=/feed>"
      "<meta http-equiv=refresh content=\"5; URL='/nuevo'\"></head><body>\n"
      "<a href=' transparencia/ '>  Transparencia\n y   rendición </a>\n"
      "<a href=/aviso><img src=i.png alt='Aviso de privacidad'></a>"
      "<a href=/x aria-label='Facebook'><svg></svg></a>"
      "<a href='#arriba'>Arriba</a><a href='javascript:void(0)'>JS</a>"
      "<a href='mailto:a@e.gob.mx'>correo</a><a>sin href</a>"
      "<map><area href=/mapa alt='Zona norte'></map><iframe src=/video title=v></iframe>"
      "</body></html>");
  std::vector<html::Link> links = html::ExtractLinks(doc);
  std::vector<std::string> hrefs, texts;
  for (const auto& l : links) {
    hrefs.push_back(l.href);
    texts.push_back(l.text);
  }
  EXPECT_EQ(hrefs, (std::vector<std::string>{"/en/", "/nuevo", "transparencia/", "/aviso", "/x",
                                             "/mapa", "/video"}));
  EXPECT_EQ(texts[2], "Transparencia y rendición");
  EXPECT_EQ(texts[3], "Aviso de privacidad");
  EXPECT_EQ(texts[4], "Facebook");
  EXPECT_EQ(texts[5], "Zona norte");
  EXPECT_EQ(links[2].line, 2u);
}

TEST(ScanLinksTest, Local_BaseUrl) {
  EXPECT_EQ(html::BaseUrl(ParseDoc("<head><base href='/raiz/'></head><a href=x>x</a>")),
            "https://e.gob.mx/raiz/");
  EXPECT_EQ(html::BaseUrl(ParseDoc("<a href=x>x</a>")), "https://e.gob.mx/a/");
}

TEST(ScanLinksTest, Local_CheckPageVisitsTheDocumentAndSkipsEntityRules) {
  auto reg = BuildRegistry();
  ASSERT_TRUE(reg.ok());
  auto all = (*reg)->Select("");
  ASSERT_TRUE(all.ok());
  const rules::Rule* lb = (*reg)->Find(kLinkBrokenId);
  ASSERT_NE(lb, nullptr);
  EXPECT_TRUE(IsEntityScope(*lb));
  PageInput in;
  in.url = "https://e.gob.mx/";
  in.content_type = "text/html";
  in.body = "<html lang=es><title>Inicio</title><a href=/t>Transparencia</a></html>";
  size_t visited_links = 0;
  findings::PageReport p =
      CheckPage(in, *all, CheckOptions(), [&](const dom::Document& d, rules::PageCache&) {
        visited_links = html::ExtractLinks(d).size();
      });
  EXPECT_EQ(visited_links, 1u);
  EXPECT_FALSE(p.rules.empty());
  for (const auto& r : p.rules) EXPECT_NE(r.id, kLinkBrokenId);
}

TEST(ScanLinksTest, Local_LinkBrokenResult) {
  auto meta = rules::RuleRegistry::LoadEmbeddedMeta("crawl", kLinkBrokenId);
  ASSERT_TRUE(meta.ok()) << meta.status().message();
  EXPECT_EQ(meta->pack, "crawl");
  std::vector<fetch::FailedFetch> failures(3);
  failures[0].url = "https://e.gob.mx/falta.pdf";
  failures[0].kind = "http";
  failures[0].status = 404;
  failures[0].broken = true;
  failures[0].depth = 1;
  failures[0].referrers = {{"https://e.gob.mx/", 3, 5, "Informe", "<a href=\"/falta.pdf\">"},
                           {"https://e.gob.mx/b", 9, 1, "Informe", "<a href=/falta.pdf>"}};
  failures[1].url = "https://e.gob.mx/privado";
  failures[1].kind = "robots";
  failures[1].broken = false;
  failures[2].url = "https://e.gob.mx/";  // the start URL: unreachable entity, not a link
  failures[2].kind = "dns";
  failures[2].broken = true;
  findings::RuleResult r = LinkBrokenResult(*meta, failures, 10);
  EXPECT_EQ(r.outcome, findings::Outcome::kFailed);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_EQ(r.passed, 10u);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].url, "https://e.gob.mx/");
  EXPECT_EQ(r.findings[0].line, 3u);
  EXPECT_EQ(r.findings[0].snippet, "<a href=\"/falta.pdf\">");
  EXPECT_EQ(r.findings[0].message.es,
            "El enlace a https://e.gob.mx/falta.pdf responde con el error HTTP 404.");
  EXPECT_EQ(LinkBrokenResult(*meta, {}, 4).outcome, findings::Outcome::kPassed);
  EXPECT_EQ(LinkBrokenResult(*meta, {}, 0).outcome, findings::Outcome::kInapplicable);
}

}  // namespace
}  // namespace verifica::cli
