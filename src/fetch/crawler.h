// The crawler: one network thread drives many transfers on libcurl's multi interface, for one or
// more crawl jobs (entities) at once, and hands each fetched HTML page to the caller, whose
// worker threads parse and check it and report the page's links back with PageDone().
//
//   frontier   per job and per host, ordered by the link's priority (higher first), then depth
//              (breadth first), then discovery order; URLs canonicalised and deduplicated
//   scope      the site (Scope), --include/--exclude and the trap guard (UrlFilter); links a
//              caller marks allow_offsite may leave the site (page roles)
//   robots     robots.txt (RFC 9309) fetched once per origin before anything else there;
//              Crawl-delay honoured; its Sitemap: lines and /sitemap.xml used as seeds
//   politeness per-host cap, delay between request starts to one host, global cap
//   retries    429, 503 (and 502, 504), timeouts and resets: exponential backoff with jitter,
//              Retry-After honoured; then the failure is recorded
//   limits     timeouts, body size after decompression, redirects (followed here one hop at a
//              time, so every hop is checked against scope and robots and the chain recorded),
//              http/https/file only, private addresses refused on the socket actually opened
//   documents  non-HTML links get HEAD (a ranged GET where HEAD is refused) and are listed
//   off-site   links to other sites (http/https, when check_external_links is on) are checked the
//              same way: HEAD, a ranged GET where HEAD is refused; never parsed, never counted as
//              pages, capped per job (max_external_links). They are fetched like anything else:
//              the other host's robots.txt is read first and obeyed (a link it disallows is
//              recorded, not judged; when the host cannot be reached at all, not even for its
//              robots.txt, the link is broken with that error), per-host politeness applies, and
//              private addresses are refused unless allowed. 401, 403 and 429 from another site
//              mean it refused an automated check, not that the link is broken: recorded, not
//              judged. file:// crawls check no off-site links (a local build stays offline).
//   memory     pages fetched but not yet processed are capped (max_pending_pages); bodies of
//              non-2xx responses are not kept
//
// Everything the crawler learns about a job is given back in JobResult when the job ends.
#ifndef VERIFICA_FETCH_CRAWLER_H_
#define VERIFICA_FETCH_CRAWLER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetch_one.h"
#include "fetch/scope.h"
#include "util/pattern.h"
#include "util/status.h"

namespace verifica::fetch {

struct CrawlOptions {
  int concurrency = 8;             // transfers at once, over every host
  int per_host = 2;                // transfers at once to one host
  int delay_ms = 250;              // between request starts to one host; a larger Crawl-delay wins
  int max_crawl_delay_ms = 30000;  // Crawl-delay above this is capped (and noted)
  int max_active_jobs = 4;         // jobs (entities) crawled at the same time
  int max_retries = 2;             // further attempts after a transient failure
  int backoff_base_ms = 1000;      // first retry after 1–2 × base (jitter), doubling after
  int max_retry_after_ms = 60000;  // a longer Retry-After is not waited for: recorded instead
  FetchLimits limits;              // timeouts, redirects, body size, private addresses, UA
  TrapLimits traps;
  std::vector<std::shared_ptr<const Pattern>> include;  // --include (any must match)
  std::vector<std::shared_ptr<const Pattern>> exclude;  // --exclude (none may match)
  bool use_sitemaps = true;
  int max_sitemaps = 20;              // sitemap files per job, indexes included
  int role_page_allowance = 25;       // pages beyond max_pages for links with priority > 0
  int max_pending_pages = 16;         // fetched pages waiting for or in processing
  bool check_external_links = false;  // check off-site http(s) links (see "off-site" above)
  int max_external_links = 200;       // off-site URLs checked per job; more: "max-external-links"
};

struct JobSpec {
  uint64_t id = 0;
  std::string start_url;                 // canonical http(s) or file URL
  std::vector<std::string> extra_seeds;  // canonical URLs crawled like the start (depth 0)
  std::string scope_root;  // file crawls: the directory URL the scope covers (default: the
                           // start URL's directory)
  int max_pages = 500;
  int max_depth = 10;
  int max_documents = 500;
};

// A link found on a page, as the caller's worker reports it.
struct DiscoveredLink {
  std::string url;      // canonical absolute URL (CanonicalUrl)
  std::string text;     // link text, collapsed, short
  std::string snippet;  // the start tag as written, short
  uint32_t line = 0, column = 0;
  int priority = 0;            // higher is fetched first
  bool allow_offsite = false;  // may be fetched although outside the site
  std::string role;            // page role the caller guesses for the target, if any
};

// An HTML page, handed to the caller for parsing and checking.
struct FetchedPage {
  uint64_t job = 0;
  std::string url;        // as linked
  std::string final_url;  // after redirects
  long status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::string> redirects;  // each URL redirected through, in order
  std::string fetched_at;              // RFC 3339
  int depth = 0;
  bool offsite = false;  // outside the site, fetched for a page role
  std::string role;      // the role a link suggested for it, if any
};

// A page that links to a URL.
struct LinkRef {
  std::string page;
  uint32_t line = 0, column = 0;
  std::string text;
  std::string snippet;
};

// A fetch that did not give a usable resource.
struct FailedFetch {
  std::string url;        // as linked
  std::string final_url;  // where the last attempt ended
  long status = 0;        // HTTP status, 0 when none
  std::string kind;       // "http", "dns", "timeout", "robots", "redirect-loop", ...
  std::string message;    // English
  std::vector<std::string> redirects;
  std::string fetched_at;
  bool is_page = true;    // false for documents and off-site links (HEAD checks)
  bool external = false;  // an off-site link check
  bool broken = false;    // the link does not work (vs. refused by robots, not checked, ...)
  int depth = 0;
  std::vector<LinkRef> referrers;  // up to kMaxReferrers pages linking to it
  uint32_t referrer_count = 0;     // all pages linking to it
};
inline constexpr size_t kMaxReferrers = 5;

// A non-HTML resource linked from the site (PDF, XLSX, images ...), or an off-site link that was
// checked (`external`; its type is what the other site answered, often text/html).
struct DocumentRecord {
  std::string url;
  std::string type;  // Content-Type without parameters, or a guess from the extension
  long status = 0;
  uint64_t bytes = 0;
  bool external = false;  // an off-site link checked for reachability, not a document of the site
};

struct JobResult {
  uint64_t job = 0;
  bool interrupted = false;  // Stop() was called before it finished
  std::string started_at, finished_at;
  std::string start_final_url;  // where the start URL ended after redirects
  uint32_t pages = 0;           // HTML pages handed to the caller
  uint32_t requests = 0;        // transfers started (robots and sitemaps included)
  std::string robots;           // start origin: "obeyed", "absent", "unreachable", "not-applicable"
  std::vector<std::string> limits_hit;  // "max-pages", "max-depth", "trap-query", ...
  std::vector<FailedFetch> failures;
  std::vector<DocumentRecord> documents;
  std::vector<std::string> sitemaps;  // sitemap URLs read
};

// What the crawler calls back. Every method runs on the network thread and must not block.
class CrawlDelegate {
 public:
  virtual ~CrawlDelegate() = default;
  // The next job to crawl, or nullopt when there are no more.
  virtual std::optional<JobSpec> NextJob() = 0;
  // An HTML page of a job. The caller must call Crawler::PageDone(job, ...) exactly once for it
  // (from any thread), after which the job may end.
  virtual void OnPage(FetchedPage page) = 0;
  // A job ended (every page it handed over was reported done), or was interrupted.
  virtual void OnJobDone(JobResult result) = 0;
};

class Crawler {
 public:
  // `delegate` is not owned and must outlive Run().
  Crawler(CrawlOptions options, CrawlDelegate* delegate);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  // Runs on the calling thread (the network thread) until every job is done, or Stop().
  Status Run();

  // Thread-safe: a page handed over by OnPage has been processed; its links (canonical URLs).
  void PageDone(uint64_t job, const std::string& page_url, int depth,
                std::vector<DiscoveredLink> links);

  // Thread-safe, async-signal-unsafe: stops soon; running jobs end with interrupted = true.
  void Stop();

  struct Stats {
    std::atomic<uint64_t> pages{0};          // HTML pages fetched
    std::atomic<uint64_t> documents{0};      // documents checked
    std::atomic<uint64_t> failures{0};       // failed fetches recorded
    std::atomic<uint64_t> external{0};       // off-site links checked (reachable or not)
    std::atomic<uint64_t> page_failures{0};  // pages that could not be fetched
    // Link targets found broken (as link-broken counts them: not the start URLs).
    std::atomic<uint64_t> broken_links{0};
    std::atomic<uint64_t> bytes{0};  // body bytes received
  };
  const Stats& stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Content type guessed from a URL's file extension ("application/pdf", "text/html", ...), or
// empty when the extension says nothing.
std::string GuessContentType(std::string_view url);
// True for URLs whose extension names a non-HTML document (pdf, xlsx, docx, images, ...).
bool LooksLikeDocument(std::string_view url);

}  // namespace verifica::fetch

#endif  // VERIFICA_FETCH_CRAWLER_H_
