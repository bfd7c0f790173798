// Sitemaps (urlset, index, text, gzip, limits), canonical URLs and the crawl scope/trap guard.
#include <gtest/gtest.h>

#include "fetch/scope.h"
#include "fetch/sitemap.h"
#include "fetch/test_server.h"

namespace verifica::fetch {
namespace {

TEST(SitemapTest, Local_UrlsetWithNamespaces) {
  auto s = ParseSitemap(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<url><loc> https://ejemplo.gob.mx/a </loc><lastmod>2026-10-01</lastmod></url>"
      "<url><loc>https://ejemplo.gob.mx/b?x=1&amp;y=2</loc></url></urlset>");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_FALSE(s->is_index);
  ASSERT_EQ(s->urls.size(), 2u);
  EXPECT_EQ(s->urls[0], "https://ejemplo.gob.mx/a");
  EXPECT_EQ(s->urls[1], "https://ejemplo.gob.mx/b?x=1&y=2");
}

TEST(SitemapTest, Local_IndexAndGzip) {
  const std::string xml =
      "<sm:sitemapindex xmlns:sm=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sm:sitemap><sm:loc>https://ejemplo.gob.mx/s1.xml.gz</sm:loc></sm:sitemap></sm:sitemapindex>";
  auto s = ParseSitemap(testing::Gzip(xml));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE(s->is_index);
  ASSERT_EQ(s->sitemaps.size(), 1u);
  EXPECT_EQ(s->sitemaps[0], "https://ejemplo.gob.mx/s1.xml.gz");
}

TEST(SitemapTest, Local_TextSitemapAndCap) {
  auto s = ParseSitemap("https://e.mx/1\nhttps://e.mx/2\nnot a url\nhttps://e.mx/3\n", 2);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->urls, (std::vector<std::string>{"https://e.mx/1", "https://e.mx/2"}));
}

TEST(SitemapTest, Local_RejectsNonSitemapsAndGzipBombs) {
  EXPECT_FALSE(ParseSitemap("<html><body>hola</body></html>").ok());
  EXPECT_FALSE(ParseSitemap("<urlset><url><loc>x</loc>").ok());
  auto bomb = Gunzip(testing::GzipZeros(uint64_t{200} << 20), 1 << 20);
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().code(), StatusCode::kTooLarge);
  EXPECT_FALSE(Gunzip("\x1f\x8b garbage", 1 << 20).ok());
}

TEST(ScopeTest, Local_CanonicalUrlDropsFragmentsAndSessionIds) {
  auto a = CanonicalUrl("https://Ejemplo.GOB.mx/a/b/", "../c.html?PHPSESSID=abc123&x=1#arriba");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, "https://ejemplo.gob.mx/a/c.html?x=1");
  auto b = CanonicalUrl("", "http://ejemplo.gob.mx:80/p;jsessionid=XYZ?sid=9");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, "http://ejemplo.gob.mx/p");
}

TEST(ScopeTest, Local_SameSiteIncludesWwwTwinAndSchemes) {
  auto s = Scope::ForStart("https://www.ejemplo.gob.mx/");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->Contains("https://ejemplo.gob.mx/x"));
  EXPECT_TRUE(s->Contains("http://www.ejemplo.gob.mx/x"));
  EXPECT_FALSE(s->Contains("https://transparencia.ejemplo.gob.mx/"));
  EXPECT_FALSE(s->Contains("https://www.ejemplo.gob.mx:8443/"));
  EXPECT_FALSE(s->Contains("file:///etc/passwd"));
  s->AddHostOf("https://nuevo.gob.mx/inicio");
  EXPECT_TRUE(s->Contains("https://nuevo.gob.mx/otra"));
}

TEST(ScopeTest, Local_FileScopeIsTheStartDirectory) {
  auto s = Scope::ForStart("file:///srv/sitio/index.html");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->Contains("file:///srv/sitio/sub/a.html"));
  EXPECT_FALSE(s->Contains("file:///srv/otro/a.html"));
  EXPECT_FALSE(s->Contains("file:///srv/sitio-hermano/a.html"));
}

TEST(ScopeTest, Local_TrapGuard) {
  TrapLimits limits;
  limits.max_query_variants = 3;
  limits.max_url_length = 100;
  UrlFilter f({}, {}, limits);
  EXPECT_EQ(f.Admit("https://e.mx/cal?m=1", true), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/cal?m=2", true), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/cal?m=3", true), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/cal?m=4", true), Verdict::kTrapQuery);
  EXPECT_EQ(f.Admit("https://e.mx/otra?m=4", true), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/a/b/a/b/a/b", true), Verdict::kTrapPath);
  EXPECT_EQ(f.Admit("https://e.mx/" + std::string(120, 'x'), true), Verdict::kTrapLength);
}

TEST(ScopeTest, Local_IncludeExcludePatterns) {
  auto inc = Pattern::Compile("/transparencia/");
  auto exc = Pattern::Compile("\\.zip$");
  ASSERT_TRUE(inc.ok() && exc.ok());
  UrlFilter f({*inc}, {*exc}, TrapLimits());
  EXPECT_EQ(f.Admit("https://e.mx/transparencia/a.html", true), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/noticias/a.html", true), Verdict::kExcluded);
  EXPECT_EQ(f.Admit("https://e.mx/noticias/a.html", false), Verdict::kAdmitted);
  EXPECT_EQ(f.Admit("https://e.mx/transparencia/datos.zip", true), Verdict::kExcluded);
}

}  // namespace
}  // namespace verifica::fetch
