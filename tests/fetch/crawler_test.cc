// The crawler against real HTTP servers on 127.0.0.1 (tests/fetch/test_server.h). Rfc9309_*
// tests cite the RFC 9309 section they check; Local_* tests are this project's choices.
// Every timeout here is short so the suite stays quick under sanitizers.
#include "fetch/crawler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "fetch/test_server.h"
#ifdef VERIFICA_HAVE_BROTLIENC
#include <brotli/encode.h>
#endif
#include "html/links.h"
#include "html/parser.h"
#include "util/url.h"

namespace verifica::fetch {
namespace {

using testing::Html;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::TestServer;
using Clock = std::chrono::steady_clock;

CrawlOptions TestOptions() {
  CrawlOptions o;
  o.concurrency = 4;
  o.per_host = 4;
  o.delay_ms = 0;
  o.backoff_base_ms = 50;
  o.max_retry_after_ms = 3000;
  o.limits.allow_private = true;
  o.limits.connect_timeout_ms = 2000;
  o.limits.total_timeout_ms = 3000;
  o.limits.max_body_bytes = 1 << 20;
  o.use_sitemaps = false;  // the sitemap tests turn them on
  return o;
}

JobSpec Job(const std::string& start, int max_pages = 100) {
  JobSpec j;
  j.id = 1;
  j.start_url = *CanonicalUrl("", start);
  j.max_pages = max_pages;
  j.max_documents = 100;
  return j;
}

// Parses each page as the scan's workers do (inline, on the network thread: fine for tests)
// and reports its links; `hint` may set priority, offsite permission and role per link.
class Harness : public CrawlDelegate {
 public:
  explicit Harness(std::vector<JobSpec> jobs) : jobs_(std::move(jobs)) {}
  std::function<void(DiscoveredLink&)> hint;
  Crawler* crawler = nullptr;
  std::vector<FetchedPage> pages;
  std::vector<JobResult> results;

  std::optional<JobSpec> NextJob() override {
    if (next_ >= jobs_.size()) return std::nullopt;
    return jobs_[next_++];
  }
  void OnPage(FetchedPage p) override {
    html::ParseOptions po;
    po.url = p.final_url;
    po.content_type = p.content_type;
    html::ParseResult parsed = html::Parse(p.body, po);
    std::vector<DiscoveredLink> links;
    if (parsed.ok) {
      const std::string base = html::BaseUrl(parsed.document);
      for (const html::Link& l : html::ExtractLinks(parsed.document)) {
        auto canon = CanonicalUrl(base, l.href);
        if (!canon.ok()) continue;
        DiscoveredLink d;
        d.url = *canon;
        d.text = l.text;
        d.line = l.line;
        d.column = l.column;
        if (hint) hint(d);
        links.push_back(std::move(d));
      }
    }
    crawler->PageDone(p.job, p.final_url, p.depth, std::move(links));
    pages.push_back(std::move(p));
  }
  void OnJobDone(JobResult r) override { results.push_back(std::move(r)); }

 private:
  std::vector<JobSpec> jobs_;
  size_t next_ = 0;
};

struct CrawlRun {
  std::vector<FetchedPage> pages;
  JobResult result;
  double seconds = 0;

  bool Fetched(const std::string& url) const {
    return std::any_of(pages.begin(), pages.end(),
                       [&](const FetchedPage& p) { return p.url == url || p.final_url == url; });
  }
  const FailedFetch* Failure(const std::string& url) const {
    for (const FailedFetch& f : result.failures) {
      if (f.url == url) return &f;
    }
    return nullptr;
  }
  bool Limit(const std::string& l) const {
    return std::find(result.limits_hit.begin(), result.limits_hit.end(), l) !=
           result.limits_hit.end();
  }
};

CrawlRun Crawl(const CrawlOptions& o, const JobSpec& spec,
               std::function<void(DiscoveredLink&)> hint = nullptr) {
  Harness h({spec});
  h.hint = std::move(hint);
  Crawler c(o, &h);
  h.crawler = &c;
  const auto t0 = Clock::now();
  EXPECT_TRUE(c.Run().ok());
  CrawlRun r;
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.pages = std::move(h.pages);
  EXPECT_EQ(h.results.size(), 1u);
  if (!h.results.empty()) r.result = std::move(h.results[0]);
  return r;
}

std::string Page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=es><head><title>" + title + "</title></head><body>" + body +
         "</body></html>";
}

// ---------------------------------------------------------------------------------------------
// robots.txt

// §2.3.1.3: robots.txt unavailable (4xx): the crawler may access any resource.
TEST(CrawlerTest, Rfc9309_Unavailable404AllowsAll) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<a href=/a>A</a>")));
  s.Route("/a", Html(Page("A", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(r.result.robots, "absent");
  EXPECT_TRUE(r.Fetched(s.Url("/a")));
  EXPECT_EQ(s.Count("/robots.txt"), 1);
}

// §2.3.1.4: robots.txt unreachable (5xx): complete disallow; nothing else is requested.
TEST(CrawlerTest, Rfc9309_Unreachable5xxDisallowsAll) {
  TestServer s;
  s.Route("/robots.txt", testing::Status(500));
  s.Route("/", Html(Page("Inicio", "")));
  CrawlOptions o = TestOptions();
  o.max_retries = 0;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_EQ(r.result.robots, "unreachable");
  EXPECT_EQ(s.Count("/"), 0);
  const FailedFetch* f = r.Failure(s.Url("/"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "robots-unreachable");
  EXPECT_FALSE(f->broken);
}

// §2.2.2: a disallowed URL is not requested; it is recorded as refused, not as broken.
TEST(CrawlerTest, Rfc9309_DisallowedUrlsAreNotFetched) {
  TestServer s;
  s.Route("/robots.txt", HttpResponse{200,
                                      {{"Content-Type", "text/plain"}},
                                      "User-agent: *\nDisallow: /privado/\n"
                                      "Allow: /privado/publico.html\n"});
  s.Route("/", Html(Page("Inicio",
                         "<a href=/privado/a.html>a</a>"
                         "<a href=/privado/publico.html>p</a>")));
  s.Route("/privado/publico.html", Html(Page("P", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(r.result.robots, "obeyed");
  EXPECT_EQ(s.Count("/privado/a.html"), 0);
  EXPECT_TRUE(r.Fetched(s.Url("/privado/publico.html")));
  const FailedFetch* f = r.Failure(s.Url("/privado/a.html"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "robots");
  EXPECT_FALSE(f->broken);
}

// §2.3.1.2: the crawler follows at least five redirects to reach robots.txt.
TEST(CrawlerTest, Rfc9309_RobotsRedirectsFollowed) {
  TestServer s;
  s.Route("/robots.txt", testing::Redirect("/r1"));
  s.Route("/r1", testing::Redirect("/r2"));
  s.Route("/r2", testing::Redirect("/r3"));
  s.Route("/r3", testing::Redirect("/r4"));
  s.Route("/r4", testing::Redirect("/reglas.txt"));
  s.Route("/reglas.txt",
          HttpResponse{200, {{"Content-Type", "text/plain"}}, "User-agent: *\nDisallow: /x\n"});
  s.Route("/", Html(Page("Inicio", "<a href=/x>x</a><a href=/y>y</a>")));
  s.Route("/y", Html(Page("Y", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(r.result.robots, "obeyed");
  EXPECT_EQ(s.Count("/x"), 0);
  EXPECT_TRUE(r.Fetched(s.Url("/y")));
}

// §2.4 lets crawlers cache robots.txt; we fetch it once per origin and crawl.
TEST(CrawlerTest, Local_RobotsFetchedOncePerOriginWithOurUserAgent) {
  TestServer s;
  std::string links;
  for (int i = 0; i < 10; ++i) links += "<a href=/p" + std::to_string(i) + ">p</a>";
  s.Route("/", Html(Page("Inicio", links)));
  for (int i = 0; i < 10; ++i) s.Route("/p" + std::to_string(i), Html(Page("P", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(r.pages.size(), 11u);
  EXPECT_EQ(s.Count("/robots.txt"), 1);
  for (const HttpRequest& req : s.Requests()) {
    EXPECT_EQ(req.headers.at("user-agent").rfind("verifica/", 0), 0u) << req.target;
  }
  // robots.txt comes before anything else.
  EXPECT_EQ(s.Requests().front().path, "/robots.txt");
}

TEST(CrawlerTest, Local_CrawlDelayHonoured) {
  TestServer s;
  s.Route("/robots.txt",
          HttpResponse{200, {{"Content-Type", "text/plain"}}, "User-agent: *\nCrawl-delay: 0.3\n"});
  s.Route("/", Html(Page("Inicio", "<a href=/a>a</a><a href=/b>b</a>")));
  s.Route("/a", Html(Page("A", "")));
  s.Route("/b", Html(Page("B", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(r.pages.size(), 3u);
  std::vector<HttpRequest> reqs = s.Requests();
  ASSERT_EQ(reqs.size(), 4u);
  for (size_t i = 2; i < reqs.size(); ++i) {
    const auto gap = std::chrono::duration<double>(reqs[i].at - reqs[i - 1].at).count();
    EXPECT_GE(gap, 0.27) << "request " << i;
  }
}

// ---------------------------------------------------------------------------------------------
// Sitemaps

TEST(CrawlerTest, Local_SitemapXmlSeedsOrphanPages) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "")));
  s.Route("/sitemap.xml",
          HttpResponse{200,
                       {{"Content-Type", "application/xml"}},
                       "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" +
                           s.Url("/huerfana.html") +
                           "</loc></url><url><loc>https://otro.example/x"
                           "</loc></url></urlset>"});
  s.Route("/huerfana.html", Html(Page("Huérfana", "")));
  CrawlOptions o = TestOptions();
  o.use_sitemaps = true;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_TRUE(r.Fetched(s.Url("/huerfana.html")));
  EXPECT_EQ(r.result.sitemaps.size(), 1u);
}

TEST(CrawlerTest, Local_RobotsSitemapIndexAndGzippedSitemap) {
  TestServer s;
  s.Route("/robots.txt",
          HttpResponse{200,
                       {{"Content-Type", "text/plain"}},
                       "User-agent: *\nAllow: /\nSitemap: " + s.Url("/indice.xml") + "\n"});
  s.Route("/", Html(Page("Inicio", "")));
  s.Route("/indice.xml",
          HttpResponse{200,
                       {{"Content-Type", "application/xml"}},
                       "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                       "<sitemap><loc>" +
                           s.Url("/parte1.xml.gz") +
                           "</loc></sitemap>"
                           "</sitemapindex>"});
  s.Route("/parte1.xml.gz",
          HttpResponse{200,
                       {{"Content-Type", "application/gzip"}},
                       testing::Gzip("<urlset><url><loc>" + s.Url("/desde-gz.html") +
                                     "</loc></url></urlset>")});
  s.Route("/desde-gz.html", Html(Page("GZ", "")));
  CrawlOptions o = TestOptions();
  o.use_sitemaps = true;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_TRUE(r.Fetched(s.Url("/desde-gz.html")));
  EXPECT_EQ(s.Count("/sitemap.xml"), 1);  // tried as well
}

// ---------------------------------------------------------------------------------------------
// Scope, depth, budget, priority, traps

TEST(CrawlerTest, Local_StaysOnSiteUnlessAHookAllowsOffsite) {
  TestServer site, other;
  site.Route("/", Html(Page("Inicio", "<a href='" + other.Url("/transparencia/") +
                                          "'>Transparencia</a><a href='" + other.Url("/otra") +
                                          "'>Otra</a>")));
  other.Route("/transparencia/", Html(Page("T", "<a href=/adentro>x</a>")));
  CrawlRun plain = Crawl(TestOptions(), Job(site.Url("/")));
  EXPECT_EQ(other.Count("/transparencia/"), 0);
  EXPECT_EQ(plain.pages.size(), 1u);

  CrawlRun hinted = Crawl(TestOptions(), Job(site.Url("/")), [&](DiscoveredLink& l) {
    if (l.text == "Transparencia") {
      l.allow_offsite = true;
      l.priority = 10;
      l.role = "transparencia";
    }
  });
  EXPECT_TRUE(hinted.Fetched(other.Url("/transparencia/")));
  EXPECT_EQ(other.Count("/otra"), 0);
  EXPECT_EQ(other.Count("/adentro"), 0);  // the offsite page's own links stay unfollowed
  for (const FetchedPage& p : hinted.pages) {
    if (p.url == other.Url("/transparencia/")) {
      EXPECT_TRUE(p.offsite);
      EXPECT_EQ(p.role, "transparencia");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Off-site links: a second loopback server is "the other site".

TEST(CrawlerTest, Local_OffsiteLinksCheckedWithHeadNotCrawled) {
  TestServer site, other;
  site.Route("/", Html(Page("Inicio", "<a href='" + other.Url("/vivo") +
                                          "'>PNT</a>"
                                          "<a href='" +
                                          other.Url("/muerto") +
                                          "'>Muerto</a>"
                                          "<a href='" +
                                          other.Url("/sin-head") +
                                          "'>Sin HEAD</a>"
                                          "<a href='" +
                                          other.Url("/bloqueado") +
                                          "'>Bloqueado</a>"
                                          "<a href='" +
                                          other.Url("/privado/x") +
                                          "'>Privado</a>"
                                          "<a href='" +
                                          other.Url("/transparencia/") +
                                          "'>Transparencia</a>"
                                          "<a href=/b>B</a>")));
  site.Route("/b", Html(Page("B", "<a href='" + other.Url("/muerto") + "'>Otra vez</a>")));
  other.Route(
      "/robots.txt",
      HttpResponse{200, {{"Content-Type", "text/plain"}}, "User-agent: *\nDisallow: /privado/\n"});
  other.Route("/vivo", Html(Page("Vivo", "<a href=/adentro>no seguir</a>")));
  other.Route("/sin-head", [](const HttpRequest& req) {
    if (req.method == "HEAD") return testing::Status(405);
    HttpResponse r = Html("x", req.headers.count("range") ? 206 : 200);
    return r;
  });
  other.Route("/bloqueado", testing::Status(403));
  other.Route("/transparencia/", Html(Page("T", "<a href=/adentro>x</a><a href=/otra>y</a>")));
  CrawlOptions o = TestOptions();
  o.check_external_links = true;
  CrawlRun r = Crawl(o, Job(site.Url("/")), [](DiscoveredLink& l) {
    if (l.text == "Transparencia") {
      l.allow_offsite = true;
      l.priority = 10;
    }
  });
  // Only the site's pages and the role page are pages; nothing else of the other site is read.
  EXPECT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(other.Count("/adentro"), 0);  // links on an off-site page are not checked
  EXPECT_EQ(other.Count("/otra"), 0);
  EXPECT_EQ(other.Count("/robots.txt"), 1);
  EXPECT_EQ(other.Count("/privado/x"), 0);
  for (const HttpRequest& q : other.Requests()) {
    if (q.path == "/vivo") {
      EXPECT_EQ(q.method, "HEAD");
    }
  }
  EXPECT_EQ(other.Count("/vivo"), 1);
  std::map<std::string, DocumentRecord> docs;
  for (const auto& d : r.result.documents) docs[d.url] = d;
  ASSERT_TRUE(docs.count(other.Url("/vivo")));
  EXPECT_TRUE(docs[other.Url("/vivo")].external);
  EXPECT_EQ(docs[other.Url("/vivo")].status, 200);
  EXPECT_EQ(docs[other.Url("/vivo")].type, "text/html");
  ASSERT_TRUE(docs.count(other.Url("/sin-head")));
  EXPECT_EQ(docs[other.Url("/sin-head")].status, 206);  // HEAD refused: a ranged GET
  // A broken off-site link, with every page that links to it.
  const FailedFetch* dead = r.Failure(other.Url("/muerto"));
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->kind, "http");
  EXPECT_EQ(dead->status, 404);
  EXPECT_TRUE(dead->broken);
  EXPECT_TRUE(dead->external);
  EXPECT_FALSE(dead->is_page);
  EXPECT_EQ(dead->referrer_count, 2u);
  ASSERT_EQ(dead->referrers.size(), 2u);
  EXPECT_EQ(dead->referrers[0].text, "Muerto");
  // Refused by the other site's robots.txt or by its bot protection: on record, not judged.
  const FailedFetch* disallowed = r.Failure(other.Url("/privado/x"));
  ASSERT_NE(disallowed, nullptr);
  EXPECT_EQ(disallowed->kind, "robots");
  EXPECT_FALSE(disallowed->broken);
  const FailedFetch* blocked = r.Failure(other.Url("/bloqueado"));
  ASSERT_NE(blocked, nullptr);
  EXPECT_EQ(blocked->kind, "refused");
  EXPECT_EQ(blocked->status, 403);
  EXPECT_FALSE(blocked->broken);
  EXPECT_EQ(r.Failure(other.Url("/vivo")), nullptr);
  EXPECT_EQ(r.Failure(other.Url("/transparencia/")), nullptr);
}

TEST(CrawlerTest, Local_OffsiteLinksOffOrCapped) {
  TestServer site, other;
  std::string links;
  for (int i = 0; i < 5; ++i)
    links += "<a href='" + other.Url("/l" + std::to_string(i)) + "'>l</a>";
  site.Route("/", Html(Page("Inicio", links)));
  for (int i = 0; i < 5; ++i) other.Route("/l" + std::to_string(i), Html(Page("L", "")));
  CrawlRun off = Crawl(TestOptions(), Job(site.Url("/")));  // off unless asked
  EXPECT_TRUE(other.Requests().empty());
  EXPECT_TRUE(off.result.documents.empty());
  CrawlOptions o = TestOptions();
  o.check_external_links = true;
  o.max_external_links = 2;
  CrawlRun capped = Crawl(o, Job(site.Url("/")));
  EXPECT_EQ(capped.result.documents.size(), 2u);
  EXPECT_TRUE(capped.Limit("max-external-links"));
  int heads = 0;
  for (const auto& q : other.Requests()) heads += q.method == "HEAD";
  EXPECT_EQ(heads, 2);
}

TEST(CrawlerTest, Local_OffsiteHostDownIsABrokenLink) {
  int port;
  {
    TestServer gone;
    port = gone.port();
  }
  TestServer site;
  const std::string dead = "http://127.0.0.1:" + std::to_string(port) + "/inicio";
  site.Route("/", Html(Page("Inicio", "<a href='" + dead + "'>Caido</a>")));
  CrawlOptions o = TestOptions();
  o.check_external_links = true;
  o.max_retries = 0;
  CrawlRun r = Crawl(o, Job(site.Url("/")));
  const FailedFetch* f = r.Failure(dead);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "connection-refused");  // nothing listens there any more
  EXPECT_TRUE(f->broken);
  ASSERT_EQ(f->referrers.size(), 1u);
  EXPECT_EQ(f->referrers[0].page, site.Url("/"));
  EXPECT_EQ(r.result.robots, "absent");  // the site's own robots.txt state is unaffected
}

TEST(CrawlerTest, Local_MaxDepthAndMaxPages) {
  TestServer s;
  // A chain /d0 → /d1 → ... → /d9.
  for (int i = 0; i < 10; ++i) {
    s.Route("/d" + std::to_string(i),
            Html(Page("D", "<a href=/d" + std::to_string(i + 1) + ">next</a>")));
  }
  JobSpec spec = Job(s.Url("/d0"));
  spec.max_depth = 3;
  CrawlRun r = Crawl(TestOptions(), spec);
  EXPECT_EQ(r.pages.size(), 4u);  // depths 0..3
  EXPECT_TRUE(r.Limit("max-depth"));

  JobSpec budget = Job(s.Url("/d0"), 2);
  CrawlRun b = Crawl(TestOptions(), budget);
  EXPECT_EQ(b.pages.size(), 2u);
  EXPECT_TRUE(b.Limit("max-pages"));
}

TEST(CrawlerTest, Local_PriorityLinksAreFetchedFirstAndBeyondTheBudget) {
  TestServer s;
  std::string links;
  for (int i = 0; i < 30; ++i) links += "<a href=/n" + std::to_string(i) + ">Noticia</a>";
  links += "<a href=/aviso-de-privacidad>Aviso de privacidad</a>";
  s.Route("/", Html(Page("Inicio", links)));
  for (int i = 0; i < 30; ++i) s.Route("/n" + std::to_string(i), Html(Page("N", "")));
  s.Route("/aviso-de-privacidad", Html(Page("Aviso", "")));
  CrawlOptions o = TestOptions();
  o.concurrency = 1;
  o.per_host = 1;
  CrawlRun r = Crawl(o, Job(s.Url("/"), 5), [](DiscoveredLink& l) {
    if (l.text == "Aviso de privacidad") l.priority = 5;
  });
  EXPECT_TRUE(r.Fetched(s.Url("/aviso-de-privacidad")));
  ASSERT_GE(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[1].url, s.Url("/aviso-de-privacidad"));  // right after the home page
  EXPECT_LE(r.pages.size(), 5u);
}

TEST(CrawlerTest, Local_CalendarTrapFinishesWithinBudget) {
  TestServer s;
  // An endless calendar: every month links to the next and previous ones and to its days.
  s.Route("/calendario", [&](const HttpRequest& req) {
    int m = 0;
    if (size_t p = req.target.find("mes="); p != std::string::npos) {
      m = std::atoi(req.target.c_str() + p + 4);
    }
    std::string body = "<a href='/calendario?mes=" + std::to_string(m + 1) + "'>siguiente</a>" +
                       "<a href='/calendario?mes=" + std::to_string(m - 1) + "'>anterior</a>";
    for (int d = 1; d <= 5; ++d) {
      body += "<a href='/calendario/" + std::to_string(m) + "/dia/" + std::to_string(d) +
              "/calendario/" + std::to_string(m) + "'>" + std::to_string(d) + "</a>";
    }
    return Html(Page("Calendario", body));
  });
  std::string links = "<a href=/calendario>Agenda</a>";
  for (int i = 0; i < 5; ++i) links += "<a href=/real" + std::to_string(i) + ">Real</a>";
  s.Route("/", Html(Page("Inicio", links)));
  for (int i = 0; i < 5; ++i) s.Route("/real" + std::to_string(i), Html(Page("Real", "")));
  CrawlOptions o = TestOptions();
  o.traps.max_query_variants = 10;
  CrawlRun r = Crawl(o, Job(s.Url("/"), 60));
  EXPECT_LT(r.seconds, 10.0);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(r.Fetched(s.Url("/real" + std::to_string(i))));
  EXPECT_LE(s.Count("/calendario"), 11);
  EXPECT_TRUE(r.Limit("trap-query"));
  EXPECT_LE(r.pages.size(), 60u);
}

TEST(CrawlerTest, Local_SessionIdsAndFragmentsDeduplicated) {
  TestServer s;
  s.Route("/", Html(Page("Inicio",
                         "<a href='/a?PHPSESSID=1'>1</a><a href='/a?PHPSESSID=2'>2</a>"
                         "<a href='/a#x'>3</a><a href='./a'>4</a><a href='/b;jsessionid=Z'>5</a>"
                         "<a href='/b'>6</a>")));
  s.Route("/a", Html(Page("A", "")));
  s.Route("/b", Html(Page("B", "")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_EQ(s.Count("/a"), 1);
  EXPECT_EQ(s.Count("/b"), 1);
  EXPECT_EQ(r.pages.size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Politeness

TEST(CrawlerTest, Local_PerHostAndGlobalCaps) {
  TestServer s;
  std::string links;
  for (int i = 0; i < 12; ++i) links += "<a href=/l" + std::to_string(i) + ">x</a>";
  s.Route("/", Html(Page("Inicio", links)));
  for (int i = 0; i < 12; ++i) {
    HttpResponse slow = Html(Page("L", ""));
    slow.delay_ms = 150;
    s.Route("/l" + std::to_string(i), slow);
  }
  CrawlOptions o = TestOptions();
  o.per_host = 2;
  o.concurrency = 8;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_EQ(r.pages.size(), 13u);
  EXPECT_LE(s.MaxConcurrent(), 2);
  EXPECT_GE(s.MaxConcurrent(), 2);  // and it does use both
}

TEST(CrawlerTest, Local_DelayBetweenRequestsToOneHost) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<a href=/a>a</a><a href=/b>b</a><a href=/c>c</a>")));
  for (const char* p : {"/a", "/b", "/c"}) s.Route(p, Html(Page("x", "")));
  CrawlOptions o = TestOptions();
  o.delay_ms = 150;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  std::vector<HttpRequest> reqs = s.Requests();
  ASSERT_EQ(reqs.size(), 5u);
  for (size_t i = 1; i < reqs.size(); ++i) {
    EXPECT_GE(std::chrono::duration<double>(reqs[i].at - reqs[i - 1].at).count(), 0.13);
  }
}

// ---------------------------------------------------------------------------------------------
// Failures, retries, redirects

TEST(CrawlerTest, Local_BrokenLinkRecordedWithReferrers) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<p>\n<a href=/falta.html>Informe</a></p><a href=/b>b</a>")));
  s.Route("/b", Html(Page("B", "<a href=/falta.html>Otra vez</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  const FailedFetch* f = r.Failure(s.Url("/falta.html"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "http");
  EXPECT_EQ(f->status, 404);
  EXPECT_TRUE(f->broken);
  EXPECT_EQ(f->referrer_count, 2u);
  ASSERT_EQ(f->referrers.size(), 2u);
  EXPECT_EQ(f->referrers[0].page, s.Url("/"));
  EXPECT_EQ(f->referrers[0].text, "Informe");
  EXPECT_EQ(f->referrers[0].line, 2u);
}

TEST(CrawlerTest, Local_RetryAfterHonouredOn429) {
  TestServer s;
  std::atomic<int> calls{0};
  s.Route("/lento", [&](const HttpRequest&) {
    if (calls++ == 0) {
      HttpResponse r = testing::Status(429);
      r.headers.push_back({"Retry-After", "1"});
      return r;
    }
    return Html(Page("Lento", ""));
  });
  s.Route("/", Html(Page("Inicio", "<a href=/lento>x</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_TRUE(r.Fetched(s.Url("/lento")));
  EXPECT_EQ(s.Count("/lento"), 2);
  std::vector<HttpRequest> reqs = s.Requests();
  Clock::time_point first{}, second{};
  for (const auto& q : reqs) {
    if (q.path != "/lento") continue;
    (first == Clock::time_point{} ? first : second) = q.at;
  }
  EXPECT_GE(std::chrono::duration<double>(second - first).count(), 0.95);
}

TEST(CrawlerTest, Local_RetryAfterBeyondLimitIsRecorded) {
  TestServer s;
  HttpResponse busy = testing::Status(503);
  busy.headers.push_back({"Retry-After", "3600"});
  s.Route("/ocupado", busy);
  s.Route("/", Html(Page("Inicio", "<a href=/ocupado>x</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_LT(r.seconds, 5.0);
  const FailedFetch* f = r.Failure(s.Url("/ocupado"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, 503);
  EXPECT_NE(f->message.find("Retry-After"), std::string::npos);
}

TEST(CrawlerTest, Local_503RetriedWithBackoffThenRecorded) {
  TestServer s;
  s.Route("/caido", testing::Status(503));
  s.Route("/error", testing::Status(500));
  s.Route("/", Html(Page("Inicio", "<a href=/caido>x</a><a href=/error>y</a>")));
  CrawlOptions o = TestOptions();
  o.max_retries = 2;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_EQ(s.Count("/caido"), 3);  // first attempt + 2 retries
  EXPECT_EQ(s.Count("/error"), 1);  // 500 is not retried
  ASSERT_NE(r.Failure(s.Url("/caido")), nullptr);
  EXPECT_TRUE(r.Failure(s.Url("/caido"))->broken);
  // Backoff: base 50 ms · 2^attempt · [1, 2): at least 50 + 100 ms between the three attempts.
  std::vector<Clock::time_point> at;
  for (const auto& q : s.Requests()) {
    if (q.path == "/caido") at.push_back(q.at);
  }
  ASSERT_EQ(at.size(), 3u);
  EXPECT_GE(std::chrono::duration<double>(at[1] - at[0]).count(), 0.045);
  EXPECT_GE(std::chrono::duration<double>(at[2] - at[1]).count(), 0.095);
}

TEST(CrawlerTest, Local_SlowResponseTimesOut) {
  TestServer s;
  HttpResponse slow = Html(Page("Lento", ""));
  slow.delay_ms = 2000;
  s.Route("/lento", slow);
  s.Route("/", Html(Page("Inicio", "<a href=/lento>x</a>")));
  CrawlOptions o = TestOptions();
  o.limits.total_timeout_ms = 300;
  o.max_retries = 1;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  const FailedFetch* f = r.Failure(s.Url("/lento"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "timeout");
  EXPECT_EQ(s.Count("/lento"), 2);
  EXPECT_LT(r.seconds, 2.5);
}

TEST(CrawlerTest, Local_ConnectionResetRetriedThenRecorded) {
  TestServer s;
  std::atomic<int> calls{0};
  s.Route("/inestable", [&](const HttpRequest&) {
    HttpResponse r = Html(Page("Ok", ""));
    r.reset = calls++ == 0;
    return r;
  });
  HttpResponse reset;
  reset.reset = true;
  s.Route("/roto", reset);
  s.Route("/", Html(Page("Inicio", "<a href=/inestable>x</a><a href=/roto>y</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  EXPECT_TRUE(r.Fetched(s.Url("/inestable")));
  const FailedFetch* f = r.Failure(s.Url("/roto"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "reset");
  // First attempt and two retries; libcurl may add one attempt of its own when a reused
  // connection turns out to be dead.
  EXPECT_GE(s.Count("/roto"), 3);
  EXPECT_LE(s.Count("/roto"), 4);
}

TEST(CrawlerTest, Local_RedirectChainRecorded) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<a href=/viejo>x</a>")));
  s.Route("/viejo", testing::Redirect("/intermedio", 301));
  s.Route("/intermedio", testing::Redirect(s.Url("/nuevo"), 302));
  s.Route("/nuevo", Html(Page("Nuevo", "<a href=/viejo>otra vez</a><a href=/nuevo>yo</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  ASSERT_EQ(r.pages.size(), 2u);
  const FetchedPage& p = r.pages[1];
  EXPECT_EQ(p.url, s.Url("/viejo"));
  EXPECT_EQ(p.final_url, s.Url("/nuevo"));
  EXPECT_EQ(p.redirects, (std::vector<std::string>{s.Url("/viejo"), s.Url("/intermedio")}));
  EXPECT_EQ(s.Count("/nuevo"), 1);
}

TEST(CrawlerTest, Local_RedirectLoopAndTooManyRedirectsAreBroken) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<a href=/ciclo-a>x</a><a href=/r0>y</a>")));
  s.Route("/ciclo-a", testing::Redirect("/ciclo-b"));
  s.Route("/ciclo-b", testing::Redirect("/ciclo-a"));
  for (int i = 0; i < 15; ++i) {
    s.Route("/r" + std::to_string(i), testing::Redirect("/r" + std::to_string(i + 1)));
  }
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  const FailedFetch* loop = r.Failure(s.Url("/ciclo-a"));
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->kind, "redirect-loop");
  EXPECT_TRUE(loop->broken);
  EXPECT_EQ(loop->redirects.size(), 2u);
  const FailedFetch* many = r.Failure(s.Url("/r0"));
  ASSERT_NE(many, nullptr);
  EXPECT_EQ(many->kind, "redirects");
  EXPECT_EQ(many->redirects.size(), 11u);
  EXPECT_EQ(s.Count("/r11"), 0);
}

TEST(CrawlerTest, Local_StartRedirectMovesTheSite) {
  TestServer old_site, new_site;
  old_site.Route("/", testing::Redirect(new_site.Url("/inicio")));
  new_site.Route("/inicio", Html(Page("Inicio", "<a href=/a>a</a>")));
  new_site.Route("/a", Html(Page("A", "")));
  CrawlRun r = Crawl(TestOptions(), Job(old_site.Url("/")));
  EXPECT_TRUE(r.Fetched(new_site.Url("/a")));
  EXPECT_EQ(r.result.start_final_url, new_site.Url("/inicio"));
}

// ---------------------------------------------------------------------------------------------
// Limits

TEST(CrawlerTest, Local_GzipBombStopsAtTheLimit) {
  TestServer s;
  HttpResponse bomb;
  bomb.headers = {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}};
  bomb.body = testing::GzipZeros(uint64_t{256} << 20);
  s.Route("/bomba", bomb);
  s.Route("/", Html(Page("Inicio", "<a href=/bomba>x</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  const FailedFetch* f = r.Failure(s.Url("/bomba"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "too-large");
  EXPECT_FALSE(f->broken);
  EXPECT_LT(r.seconds, 5.0);
}

TEST(CrawlerTest, Local_BrotliBombStopsAtTheLimit) {
#ifndef VERIFICA_HAVE_BROTLIENC
  GTEST_SKIP() << "libbrotlienc not installed";
#else
  // 256 MiB of zeros, compressed in pieces so the test never holds them.
  BrotliEncoderState* enc = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
  BrotliEncoderSetParameter(enc, BROTLI_PARAM_QUALITY, 5);
  std::string bomb;
  const std::string zeros(1 << 20, '\0');
  uint8_t out[1 << 16];
  for (int i = 0; i <= 256; ++i) {
    const bool last = i == 256;
    size_t avail_in = last ? 0 : zeros.size();
    const uint8_t* next_in = reinterpret_cast<const uint8_t*>(zeros.data());
    do {
      size_t avail_out = sizeof out;
      uint8_t* next_out = out;
      BrotliEncoderCompressStream(enc, last ? BROTLI_OPERATION_FINISH : BROTLI_OPERATION_PROCESS,
                                  &avail_in, &next_in, &avail_out, &next_out, nullptr);
      bomb.append(reinterpret_cast<char*>(out), sizeof out - avail_out);
    } while (avail_in > 0 || BrotliEncoderHasMoreOutput(enc) ||
             (last && !BrotliEncoderIsFinished(enc)));
  }
  BrotliEncoderDestroyInstance(enc);
  ASSERT_LT(bomb.size(), size_t{1} << 20);
  TestServer s;
  HttpResponse r;
  r.headers = {{"Content-Type", "text/html"}, {"Content-Encoding", "br"}};
  r.body = bomb;
  s.Route("/bomba-br", r);
  s.Route("/", Html(Page("Inicio", "<a href=/bomba-br>x</a>")));
  CrawlRun run = Crawl(TestOptions(), Job(s.Url("/")));
  const FailedFetch* f = run.Failure(s.Url("/bomba-br"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "too-large");
  EXPECT_LT(run.seconds, 5.0);
#endif
}

TEST(CrawlerTest, Local_HundredMegabyteBodiesStopAtTheLimit) {
  TestServer s;
  HttpResponse big = Html("<html><body>");
  big.stream_bytes = uint64_t{100} << 20;
  s.Route("/grande", big);  // Content-Length announced: refused before the body
  HttpResponse stream = big;
  stream.content_length = false;  // no length: cut while reading
  s.Route("/flujo", stream);
  s.Route("/", Html(Page("Inicio", "<a href=/grande>x</a><a href=/flujo>y</a>")));
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  ASSERT_NE(r.Failure(s.Url("/grande")), nullptr);
  EXPECT_EQ(r.Failure(s.Url("/grande"))->kind, "too-large");
  ASSERT_NE(r.Failure(s.Url("/flujo")), nullptr);
  EXPECT_EQ(r.Failure(s.Url("/flujo"))->kind, "too-large");
  EXPECT_LT(r.seconds, 8.0);
}

TEST(CrawlerTest, Local_PrivateAddressesRefusedUnlessAllowed) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "")));
  CrawlOptions o = TestOptions();
  o.limits.allow_private = false;
  CrawlRun r = Crawl(o, Job(s.Url("/")));
  EXPECT_TRUE(r.pages.empty());
  EXPECT_TRUE(s.Requests().empty());  // not even robots.txt reached the server
  const FailedFetch* f = r.Failure(s.Url("/"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "private-address");
  EXPECT_FALSE(f->broken);
  // A name that resolves to loopback is refused on the address actually connected to.
  JobSpec by_name = Job("http://localhost:" + std::to_string(s.port()) + "/");
  o.use_sitemaps = false;
  CrawlRun named = Crawl(o, by_name);
  EXPECT_TRUE(named.pages.empty());
  EXPECT_TRUE(s.Requests().empty());
}

TEST(CrawlerTest, Local_DocumentsCheckedWithHeadThenRangedGet) {
  TestServer s;
  s.Route("/", Html(Page("Inicio",
                         "<a href=/informe.pdf>Informe</a><a href=/datos.xlsx>Datos</a>"
                         "<a href=/falta.docx>Falta</a><a href=/descarga?id=7>D</a>")));
  HttpResponse pdf;
  pdf.headers = {{"Content-Type", "application/pdf"}};
  pdf.body = std::string(5000, 'p');
  s.Route("/informe.pdf", pdf);
  s.Route("/datos.xlsx", [](const HttpRequest& req) {
    if (req.method == "HEAD") return testing::Status(405);
    HttpResponse r;
    r.status = req.headers.count("range") ? 206 : 200;
    r.headers = {{"Content-Type", "application/vnd.ms-excel"}};
    r.body = "x";
    return r;
  });
  HttpResponse disguised;  // no telling extension: found out from the Content-Type
  disguised.headers = {{"Content-Type", "application/pdf"}};
  disguised.stream_bytes = uint64_t{50} << 20;
  s.Route("/descarga", disguised);
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  std::map<std::string, DocumentRecord> docs;
  for (const auto& d : r.result.documents) docs[d.url] = d;
  ASSERT_TRUE(docs.count(s.Url("/informe.pdf")));
  EXPECT_EQ(docs[s.Url("/informe.pdf")].status, 200);
  EXPECT_EQ(docs[s.Url("/informe.pdf")].bytes, 5000u);
  EXPECT_EQ(docs[s.Url("/informe.pdf")].type, "application/pdf");
  ASSERT_TRUE(docs.count(s.Url("/datos.xlsx")));
  EXPECT_EQ(docs[s.Url("/datos.xlsx")].status, 206);
  ASSERT_TRUE(docs.count(s.Url("/falta.docx")));
  EXPECT_EQ(docs[s.Url("/falta.docx")].status, 404);
  ASSERT_NE(r.Failure(s.Url("/falta.docx")), nullptr);
  EXPECT_FALSE(r.Failure(s.Url("/falta.docx"))->is_page);
  ASSERT_TRUE(docs.count(s.Url("/descarga?id=7")));
  EXPECT_EQ(docs[s.Url("/descarga?id=7")].type, "application/pdf");
  int heads = 0;
  for (const auto& q : s.Requests()) heads += q.method == "HEAD";
  EXPECT_EQ(heads, 3);
  EXPECT_LT(r.seconds, 5.0);  // the 50 MB "download" was not read
  EXPECT_EQ(r.pages.size(), 1u);
}

// A server that refuses HEAD and answers the ranged GET with an error page: the document is
// missing, whatever the error page's body.
TEST(CrawlerTest, Local_RangedGetErrorIsABrokenDocument) {
  TestServer s;
  s.Route("/", Html(Page("Inicio", "<a href=/quitado.xlsx>Datos</a>")));
  s.Route("/quitado.xlsx", [](const HttpRequest& req) {
    if (req.method == "HEAD") return testing::Status(405);
    return Html(Page("No encontrado", "<p>Lo sentimos</p>"), 404);
  });
  CrawlRun r = Crawl(TestOptions(), Job(s.Url("/")));
  const FailedFetch* f = r.Failure(s.Url("/quitado.xlsx"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->status, 404);
  EXPECT_TRUE(f->broken);
  ASSERT_EQ(r.result.documents.size(), 1u);
  EXPECT_EQ(r.result.documents[0].status, 404);
}

TEST(CrawlerTest, Local_StopInterruptsRunningJobs) {
  TestServer s;
  HttpResponse slow = Html(Page("Lento", ""));
  slow.delay_ms = 5000;
  s.Route("/", slow);
  Harness h({Job(s.Url("/"))});
  Crawler c(TestOptions(), &h);
  h.crawler = &c;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    c.Stop();
  });
  const auto t0 = Clock::now();
  EXPECT_TRUE(c.Run().ok());
  stopper.join();
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - t0).count(), 2.0);
  ASSERT_EQ(h.results.size(), 1u);
  EXPECT_TRUE(h.results[0].interrupted);
}

TEST(CrawlerTest, Local_SeveralJobsAtOnce) {
  TestServer a, b;
  a.Route("/", Html(Page("A", "<a href=/x>x</a>")));
  a.Route("/x", Html(Page("AX", "")));
  b.Route("/", Html(Page("B", "<a href=/y>y</a>")));
  b.Route("/y", Html(Page("BY", "")));
  JobSpec ja = Job(a.Url("/")), jb = Job(b.Url("/"));
  jb.id = 2;
  Harness h({ja, jb});
  Crawler c(TestOptions(), &h);
  h.crawler = &c;
  EXPECT_TRUE(c.Run().ok());
  ASSERT_EQ(h.results.size(), 2u);
  std::set<std::string> urls;
  for (const auto& p : h.pages) urls.insert(p.final_url);
  EXPECT_TRUE(urls.count(a.Url("/x")));
  EXPECT_TRUE(urls.count(b.Url("/y")));
}

TEST(CrawlerTest, Local_FileCrawlStaysUnderTheStartDirectory) {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("verifica-crawl-" + std::to_string(::getpid()));
  fs::create_directories(root / "sitio" / "sub");
  fs::create_directories(root / "fuera");
  auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p) << text; };
  write(root / "sitio" / "index.html", Page("Inicio",
                                            "<a href=sub/>Sub</a><a href=../fuera/x.html>Fuera</a>"
                                            "<a href=doc.pdf>PDF</a><a href=falta.html>Falta</a>"));
  write(root / "sitio" / "sub" / "index.html", Page("Sub", "<a href=../index.html>Inicio</a>"));
  write(root / "sitio" / "doc.pdf", "%PDF-1.4\n");
  write(root / "fuera" / "x.html", Page("Fuera", ""));
  CrawlRun r = Crawl(TestOptions(), Job(url::FromPath((root / "sitio" / "index.html").string())));
  EXPECT_EQ(r.pages.size(), 2u);
  EXPECT_TRUE(r.Fetched(url::FromPath((root / "sitio" / "sub" / "index.html").string())));
  EXPECT_FALSE(r.Fetched(url::FromPath((root / "fuera" / "x.html").string())));
  ASSERT_EQ(r.result.documents.size(), 1u);
  EXPECT_EQ(r.result.documents[0].bytes, 9u);
  const FailedFetch* f = r.Failure(url::FromPath((root / "sitio" / "falta.html").string()));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->kind, "not-found");
  EXPECT_TRUE(f->broken);
  EXPECT_EQ(r.result.robots, "not-applicable");
  fs::remove_all(root);
}

}  // namespace
}  // namespace verifica::fetch
