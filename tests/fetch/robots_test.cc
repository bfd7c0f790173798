// robots.txt parsing and matching. Rfc9309_* tests cite the section of RFC 9309 that requires
// the behaviour; Local_* tests are this project's choices where the RFC leaves room.
#include "fetch/robots.h"

#include <gtest/gtest.h>

namespace verifica::fetch {
namespace {

RobotsRules P(std::string_view body) { return RobotsRules::Parse(body, "verifica"); }

// §2.2.1: the product token is matched case-insensitively; its group applies, not '*'.
TEST(RobotsTest, Rfc9309_ProductTokenMatchedCaseInsensitively) {
  auto r = P("User-agent: *\nDisallow: /\n\nUser-agent: VeriFica\nDisallow: /privado/\n");
  EXPECT_TRUE(r.matched_specific_group());
  EXPECT_TRUE(r.Allowed("/transparencia/"));
  EXPECT_FALSE(r.Allowed("/privado/datos.html"));
}

// §2.2.1: a user-agent line's product token is its leading letters, '-' and '_'.
TEST(RobotsTest, Rfc9309_ProductTokenIsLeadingName) {
  auto r = P("User-agent: verifica/1.0 (+https://example.org)\nDisallow: /x\n");
  EXPECT_TRUE(r.matched_specific_group());
  EXPECT_FALSE(r.Allowed("/x"));
  auto other = P("User-agent: verificador\nDisallow: /\n");
  EXPECT_FALSE(other.matched_specific_group());
  EXPECT_TRUE(other.Allowed("/"));
}

// §2.2.1: with no group for the product token, the '*' group applies.
TEST(RobotsTest, Rfc9309_FallsBackToStarGroup) {
  auto r = P("User-agent: googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin\n");
  EXPECT_FALSE(r.matched_specific_group());
  EXPECT_TRUE(r.Allowed("/"));
  EXPECT_FALSE(r.Allowed("/admin/login"));
}

// §2.2.1: groups naming the same agent are combined.
TEST(RobotsTest, Rfc9309_GroupsForSameAgentAreCombined) {
  auto r = P("User-agent: verifica\nDisallow: /a\n\nUser-agent: otro\nDisallow: /b\n\n"
             "User-agent: verifica\nDisallow: /c\n");
  EXPECT_FALSE(r.Allowed("/a"));
  EXPECT_TRUE(r.Allowed("/b"));
  EXPECT_FALSE(r.Allowed("/c"));
}

// §2.1/§2.2.1: consecutive user-agent lines share the group that follows.
TEST(RobotsTest, Rfc9309_ConsecutiveUserAgentsShareOneGroup) {
  auto r = P("User-agent: otro\nUser-agent: verifica\nDisallow: /interno/\n");
  EXPECT_FALSE(r.Allowed("/interno/x"));
}

// §2.2.2: the most specific (longest) match wins.
TEST(RobotsTest, Rfc9309_LongestMatchWins) {
  auto r = P("User-agent: *\nDisallow: /transparencia/\nAllow: /transparencia/obligaciones/\n");
  EXPECT_FALSE(r.Allowed("/transparencia/borradores"));
  EXPECT_TRUE(r.Allowed("/transparencia/obligaciones/fraccion-1.html"));
  auto r2 = P("User-agent: *\nAllow: /docs/\nDisallow: /docs/internos/\n");
  EXPECT_FALSE(r2.Allowed("/docs/internos/a.pdf"));
  EXPECT_TRUE(r2.Allowed("/docs/publicos/a.pdf"));
}

// §2.2.2: when an allow and a disallow rule match equally, allow SHOULD be used.
TEST(RobotsTest, Rfc9309_AllowWinsTie) {
  auto r = P("User-agent: *\nDisallow: /pagina\nAllow: /pagina\n");
  EXPECT_TRUE(r.Allowed("/pagina"));
}

// §2.2.3: '*' matches any sequence, '$' anchors the end of the pattern.
TEST(RobotsTest, Rfc9309_WildcardAndEndAnchor) {
  auto r = P("User-agent: *\nDisallow: /*.pdf$\nDisallow: /buscar*q=\n");
  EXPECT_FALSE(r.Allowed("/docs/informe.pdf"));
  EXPECT_TRUE(r.Allowed("/docs/informe.pdf?descarga=1"));
  EXPECT_FALSE(r.Allowed("/buscar?x=1&q=agua"));
  EXPECT_TRUE(r.Allowed("/buscar?x=1"));
}

// §2.2.2: a rule with an empty value matches nothing.
TEST(RobotsTest, Rfc9309_EmptyDisallowMatchesNothing) {
  auto r = P("User-agent: *\nDisallow:\n");
  EXPECT_TRUE(r.Allowed("/cualquier/cosa"));
}

// §2.2.2: /robots.txt is implicitly allowed.
TEST(RobotsTest, Rfc9309_RobotsTxtImplicitlyAllowed) {
  auto r = P("User-agent: *\nDisallow: /\n");
  EXPECT_FALSE(r.Allowed("/index.html"));
  EXPECT_TRUE(r.Allowed("/robots.txt"));
}

// §2.2.2: percent-encoded unreserved characters compare as decoded; non-ASCII is
// percent-encoded before comparison.
TEST(RobotsTest, Rfc9309_PercentEncodingNormalised) {
  auto r = P("User-agent: *\nDisallow: /%7Eusuario/\nDisallow: /año/\n");
  EXPECT_FALSE(r.Allowed("/~usuario/index.html"));
  EXPECT_FALSE(r.Allowed("/a%C3%B1o/informe.html"));
  EXPECT_TRUE(r.Allowed("/a%2Fb"));
}

// §2.2.4: records other than the defined ones (Sitemap, Crawl-delay, unknown) do not end a group
// or change its rules.
TEST(RobotsTest, Rfc9309_OtherRecordsDoNotBreakGroups) {
  auto r = P("User-agent: verifica\nSitemap: https://ejemplo.gob.mx/sitemap.xml\n"
             "Foo: bar\nDisallow: /tmp/\n");
  EXPECT_FALSE(r.Allowed("/tmp/x"));
  ASSERT_EQ(r.sitemaps().size(), 1u);
  EXPECT_EQ(r.sitemaps()[0], "https://ejemplo.gob.mx/sitemap.xml");
}

// §2.5: at least the first 500 KiB are parsed; a rule beyond that limit is ignored.
TEST(RobotsTest, Rfc9309_ParsesFirst500KiB) {
  std::string body = "User-agent: *\n";
  while (body.size() < 400 * 1024) body += "Disallow: /relleno-con-un-nombre-largo-de-ejemplo/\n";
  body += "Disallow: /dentro/\n";
  std::string beyond = body;
  while (beyond.size() < kMaxRobotsBytes + 10) beyond += "# comentario de relleno\n";
  beyond += "Disallow: /fuera/\n";
  auto r = P(beyond);
  EXPECT_FALSE(r.Allowed("/dentro/x"));
  EXPECT_TRUE(r.Allowed("/fuera/x"));
}

// §2.3.1.3 and §2.3.1.4: unavailable means allow all, unreachable means disallow all.
TEST(RobotsTest, Rfc9309_UnavailableAndUnreachable) {
  EXPECT_TRUE(RobotsRules::AllowAll().Allowed("/x"));
  EXPECT_FALSE(RobotsRules::DisallowAll().Allowed("/x"));
  EXPECT_TRUE(RobotsRules::DisallowAll().Allowed("/robots.txt"));
}

TEST(RobotsTest, Local_CrawlDelayOfApplyingGroup) {
  auto r = P("User-agent: *\nCrawl-delay: 10\n\nUser-agent: verifica\nCrawl-delay: 2.5\n"
             "Disallow: /x\n");
  ASSERT_TRUE(r.crawl_delay_seconds().has_value());
  EXPECT_DOUBLE_EQ(*r.crawl_delay_seconds(), 2.5);
  EXPECT_FALSE(P("User-agent: *\nCrawl-delay: abc\n").crawl_delay_seconds().has_value());
}

TEST(RobotsTest, Local_ToleratesCommonMisspellingsCommentsBomAndLineEndings) {
  auto r = P("\xEF\xBB\xBFuser-agent: *   # todos\r\nDissallow: /a\rdisallow /b\r\n");
  EXPECT_FALSE(r.Allowed("/a"));
  EXPECT_FALSE(r.Allowed("/b"));
  EXPECT_TRUE(r.Allowed("/c"));
}

TEST(RobotsTest, Local_RulesBeforeAnyUserAgentAreIgnored) {
  auto r = P("Disallow: /\nUser-agent: otro\nDisallow: /y\n");
  EXPECT_TRUE(r.Allowed("/"));
}

TEST(RobotsTest, Local_HostilePatternsStayFast) {
  std::string pattern(2000, '*');
  pattern += "x$";
  auto r = P("User-agent: *\nDisallow: /" + pattern + "\n");
  std::string path = "/" + std::string(2000, 'a');
  EXPECT_TRUE(r.Allowed(path));  // returns, and does not match
}

TEST(RobotsTest, Local_PatternMatcher) {
  EXPECT_TRUE(RobotsPatternMatches("/a", "/a/b"));
  EXPECT_FALSE(RobotsPatternMatches("/a$", "/a/b"));
  EXPECT_TRUE(RobotsPatternMatches("/a$", "/a"));
  EXPECT_TRUE(RobotsPatternMatches("/*/b", "/x/y/b/z"));
  EXPECT_TRUE(RobotsPatternMatches("*", "/"));
  EXPECT_FALSE(RobotsPatternMatches("/b", "/a"));
}

}  // namespace
}  // namespace verifica::fetch
