#include "fetch/crawler.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <unordered_map>

#include "fetch/curl_util.h"
#include "fetch/robots.h"
#include "fetch/sitemap.h"
#include "util/text.h"
#include "util/time.h"
#include "util/url.h"

namespace verifica::fetch {

namespace {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using std::chrono::milliseconds;

enum class Kind : uint8_t { kPage, kDocument, kDocumentGet, kRobots, kSitemap };

constexpr int kStartPriority = INT_MAX / 2;
constexpr int kSitemapPriority = INT_MAX / 4;
constexpr int kRobotsRedirects = 5;  // RFC 9309 §2.3.1.2: follow at least five hops
constexpr size_t kMaxLinkText = 120;
constexpr size_t kMaxLinkSnippet = 240;

struct Item {
  std::string url;         // the URL to request now
  std::string linked_url;  // the URL as linked (first of the redirect chain)
  std::vector<std::string> redirects;
  Kind kind = Kind::kPage;
  int depth = 0;
  int priority = 0;
  int attempt = 0;
  bool fresh = true;  // first request of a discovered URL (checked against its record)
  bool offsite = false;
  bool is_start = false;
  bool listed = false;    // a sitemap named in robots.txt (its failure is recorded)
  bool external = false;  // an off-site link check (its record is in Job::external)
  std::string role;
  uint64_t seq = 0;
  TimePoint not_before{};
};

// Heap order: std::push_heap keeps the "largest" at the front, so "less" means fetched later.
struct ItemLater {
  bool operator()(const Item& a, const Item& b) const {
    if (a.priority != b.priority) return a.priority < b.priority;
    if (a.depth != b.depth) return a.depth > b.depth;
    return a.seq > b.seq;
  }
};

struct UrlRecord {
  enum class State : uint8_t { kQueued, kStarted, kDone, kFailed, kSkipped };
  State state = State::kQueued;
  bool skipped_offsite = false;
  int priority = 0;
  uint32_t ref_count = 0;
  std::vector<LinkRef> refs;  // kept only while the URL may still fail
};

struct Origin {
  enum class State : uint8_t { kUnknown, kFetching, kReady };
  State state = State::kUnknown;
  RobotsRules rules;
  std::string status;  // "obeyed", "absent", "unreachable", "not-applicable"
  long http_status = 0;
  std::string refused;  // why the origin's address was refused (private address), if it was
  // When robots.txt could not be fetched because the host could not be reached at all (DNS,
  // connection, TLS, timeout): that error, which is also the fate of an off-site link there.
  std::string error_kind, error_message;
};

struct Host {
  int active = 0;
  TimePoint next_start{};
  int delay_ms = 0;
};

struct Job {
  JobSpec spec;
  Scope scope;
  UrlFilter filter;
  JobResult result;
  std::unordered_map<std::string, UrlRecord> urls;
  std::unordered_map<std::string, UrlRecord> external;  // off-site link checks, by URL
  std::map<std::string, std::vector<Item>> frontier;    // host key → heap (ItemLater)
  std::vector<Item> delayed;                            // retries waiting for not_before
  std::string start_origin;
  std::set<std::string> limits;
  std::set<std::string> sitemaps_seen;
  int active = 0;
  int pending = 0;
  int pages_started = 0;
  int documents_started = 0;
  int sitemaps_started = 0;
  int external_queued = 0;
  bool sitemaps_seeded = false;

  std::unordered_map<std::string, UrlRecord>& RecordsFor(const Item& item) {
    return item.external ? external : urls;
  }

  Job(JobSpec s, Scope sc, UrlFilter f)
      : spec(std::move(s)), scope(std::move(sc)), filter(std::move(f)) {}
};

struct Transfer {
  EasyHandle easy;
  SlistHandle headers;
  SocketGuard guard;
  Job* job = nullptr;
  Item item;
  std::string host_key;
  std::string origin_key;
  std::string body;
  uint64_t max_body = 0;
  bool checked = false;
  bool keep_body = false;
  bool too_large = false;
  bool document_detected = false;
  bool got_bytes = false;
  std::atomic<uint64_t>* bytes_stat = nullptr;
  char errbuf[CURL_ERROR_SIZE] = {0};
};

bool IsFileUrl(std::string_view u) { return text::StartsWithIgnoreAsciiCase(u, "file://"); }

bool IsHtmlType(std::string_view ct) {
  std::string t = text::AsciiLower(text::TrimHtmlSpace(ct.substr(0, ct.find(';'))));
  return t.empty() || t == "text/html" || t == "application/xhtml+xml";
}

std::string MediaType(std::string_view ct) {
  return text::AsciiLower(text::TrimHtmlSpace(ct.substr(0, ct.find(';'))));
}

std::string Extension(std::string_view u) {
  auto parts = url::Split(u);
  if (!parts.ok()) return {};
  const std::string& path = parts->path;
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return text::AsciiLower(path.substr(dot + 1));
}

LinkRef MakeRef(const std::string& page, const DiscoveredLink& link) {
  return {page, link.line, link.column, std::string(text::TruncateUtf8(link.text, kMaxLinkText)),
          std::string(text::TruncateUtf8(link.snippet, kMaxLinkSnippet))};
}

// At the end of each response's headers: a 2xx page whose type is not HTML becomes a document
// (its body is not downloaded), and one announcing more than the body limit is refused before
// its body arrives.
size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * n;
  const bool blank = len <= 2 && len > 0 && (data[0] == '\r' || data[0] == '\n');
  if (!blank || t->item.kind != Kind::kPage) return len;
  long code = 0;
  curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &code);
  if (code < 200 || code >= 300) return len;
  char* ct = nullptr;
  curl_easy_getinfo(t->easy.get(), CURLINFO_CONTENT_TYPE, &ct);
  if (ct != nullptr && !IsHtmlType(ct)) {
    t->document_detected = true;
    return 0;
  }
  curl_off_t length = -1;
  curl_easy_getinfo(t->easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  if (length > 0 && static_cast<uint64_t>(length) > t->max_body) {
    t->too_large = true;
    return 0;
  }
  return len;
}

size_t OnData(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * n;
  if (!t->checked) {
    t->checked = true;
    long code = 0;
    curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &code);
    const bool file = IsFileUrl(t->item.url);
    t->keep_body = file || (code >= 200 && code < 300);
    if (t->item.kind == Kind::kDocumentGet) {
      t->got_bytes = true;
      return 0;  // the status and headers are all we wanted: stop here
    }
    if (t->item.kind == Kind::kPage && t->keep_body) {
      char* ct = nullptr;
      curl_easy_getinfo(t->easy.get(), CURLINFO_CONTENT_TYPE, &ct);
      const std::string type = ct ? std::string(ct) : (file ? GuessContentType(t->item.url) : "");
      if (!IsHtmlType(type)) {
        t->document_detected = true;
        return 0;  // not a page: listed as a document, body not downloaded
      }
    }
  }
  t->bytes_stat->fetch_add(len, std::memory_order_relaxed);
  if (!t->keep_body) return len;
  if (t->body.size() + len > t->max_body) {
    t->too_large = true;
    return 0;
  }
  t->body.append(data, len);
  return len;
}

}  // namespace

std::string GuessContentType(std::string_view u) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"html", "text/html"},
      {"htm", "text/html"},
      {"shtml", "text/html"},
      {"xhtml", "application/xhtml+xml"},
      {"pdf", "application/pdf"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"odp", "application/vnd.oasis.opendocument.presentation"},
      {"rtf", "application/rtf"},
      {"csv", "text/csv"},
      {"txt", "text/plain"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"zip", "application/zip"},
      {"rar", "application/vnd.rar"},
      {"7z", "application/x-7z-compressed"},
      {"gz", "application/gzip"},
      {"tar", "application/x-tar"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"png", "image/png"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"svg", "image/svg+xml"},
      {"bmp", "image/bmp"},
      {"tif", "image/tiff"},
      {"tiff", "image/tiff"},
      {"mp3", "audio/mpeg"},
      {"wav", "audio/wav"},
      {"ogg", "audio/ogg"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
      {"avi", "video/x-msvideo"},
      {"mov", "video/quicktime"},
      {"wmv", "video/x-ms-wmv"},
      {"mpg", "video/mpeg"},
      {"mpeg", "video/mpeg"},
      {"epub", "application/epub+zip"},
      {"kml", "application/vnd.google-earth.kml+xml"},
      {"kmz", "application/vnd.google-earth.kmz"},
      {"exe", "application/octet-stream"},
      {"msi", "application/octet-stream"},
      {"apk", "application/vnd.android.package-archive"}};
  const std::string ext = Extension(u);
  if (ext.empty()) return {};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? std::string() : it->second;
}

bool LooksLikeDocument(std::string_view u) {
  const std::string type = GuessContentType(u);
  return !type.empty() && !IsHtmlType(type);
}

class Crawler::Impl {
 public:
  Impl(CrawlOptions options, CrawlDelegate* delegate)
      : options_(std::move(options)), delegate_(delegate), rng_(std::random_device{}()) {
    options_.concurrency = std::max(1, options_.concurrency);
    options_.per_host = std::max(1, options_.per_host);
    options_.max_active_jobs = std::max(1, options_.max_active_jobs);
    options_.max_pending_pages = std::max(1, options_.max_pending_pages);
  }

  Status Run();
  void PageDone(uint64_t job, const std::string& page_url, int depth,
                std::vector<DiscoveredLink> links);
  void Stop();
  Stats stats;

 private:
  struct Done {
    uint64_t job;
    std::string page;
    int depth;
    std::vector<DiscoveredLink> links;
  };

  void StartJob(JobSpec spec);
  void DrainInbox();
  void PromoteDelayed(TimePoint now);
  TimePoint Schedule(TimePoint now);
  void ProcessCompleted();
  void FinishIdleJobs();
  void AbortAll();
  bool Idle(Job& job);

  void Push(Job& job, Item item);
  // `from_page`: found on a page (false for sitemap entries, whose off-site URLs are ignored).
  void AddLink(Job& job, DiscoveredLink link, const std::string& page, int depth,
               bool from_page = true);
  void AddExternal(Job& job, const DiscoveredLink& link, const std::string& page, int depth);
  void SeedSitemaps(Job& job);
  void OriginReady(const std::string& origin_key);

  std::string HostKeyOf(std::string_view u) const;
  std::string OriginKeyOf(std::string_view u) const;
  int PerHost(const std::string& host_key) const;

  void StartTransfer(Job& job, Item item, const std::string& host_key, TimePoint now);
  void Complete(std::unique_ptr<Transfer> t, CURLcode rc);
  void CompleteRobots(Transfer& t, CURLcode rc, long code);
  void CompleteSitemap(Transfer& t, CURLcode rc, long code);
  void CompleteResource(Transfer& t, CURLcode rc, long code);
  bool Redirect(Transfer& t, long code);
  bool MaybeRetry(Transfer& t, long code, CURLcode rc);
  void Fail(Job& job, const Item& item, std::string kind, std::string message, long status,
            std::string final_url, bool broken);
  void AddDocument(Job& job, const Item& item, const Transfer& t, long status);
  void MarkDone(Job& job, const std::string& url, bool external = false);

  CrawlOptions options_;
  CrawlDelegate* delegate_;
  std::mt19937_64 rng_;
  MultiHandle multi_;
  std::map<uint64_t, std::unique_ptr<Job>> jobs_;
  std::map<std::string, Origin> origins_;
  std::map<std::string, Host> hosts_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers_;
  int active_total_ = 0;
  int pending_total_ = 0;
  uint64_t seq_ = 0;
  uint64_t transfers_started_ = 0;
  bool more_jobs_ = true;

  std::mutex mu_;  // guards inbox_, running_ and the multi handle's wakeup
  std::vector<Done> inbox_;
  bool running_ = false;
  std::atomic<bool> stop_{false};
};

// ---------------------------------------------------------------------------------------------
// Keys and limits

std::string Crawler::Impl::HostKeyOf(std::string_view u) const {
  if (IsFileUrl(u)) return "file:";
  auto k = url::HostKey(u);
  return k.ok() ? *k : std::string();
}

std::string Crawler::Impl::OriginKeyOf(std::string_view u) const {
  if (IsFileUrl(u)) return "file:";
  auto p = url::Split(u);
  if (!p.ok()) return {};
  return p->scheme + "://" + HostKeyOf(u);
}

int Crawler::Impl::PerHost(const std::string& host_key) const {
  return host_key == "file:" ? options_.concurrency : options_.per_host;
}

// ---------------------------------------------------------------------------------------------
// Jobs and the frontier

void Crawler::Impl::StartJob(JobSpec spec) {
  auto scope = Scope::ForStart(spec.scope_root.empty() ? spec.start_url : spec.scope_root);
  auto job = std::make_unique<Job>(spec, scope.ok() ? std::move(scope).value() : Scope(),
                                   UrlFilter(options_.include, options_.exclude, options_.traps));
  Job& j = *job;
  j.result.job = spec.id;
  j.result.started_at = NowRfc3339();
  j.result.start_final_url = spec.start_url;
  jobs_.emplace(spec.id, std::move(job));
  if (!scope.ok()) {
    Item item;
    item.url = item.linked_url = spec.start_url;
    Fail(j, item, "scheme", scope.status().message(), 0, spec.start_url, true);
    return;
  }
  j.start_origin = OriginKeyOf(spec.start_url);
  auto seed = [&](const std::string& u, bool is_start) {
    if (j.urls.count(u)) return;
    UrlRecord& rec = j.urls[u];
    rec.priority = is_start ? kStartPriority : 0;
    Item item;
    item.url = item.linked_url = u;
    item.kind = Kind::kPage;
    item.priority = rec.priority;
    item.is_start = is_start;
    Push(j, std::move(item));
  };
  seed(spec.start_url, true);
  for (const std::string& s : spec.extra_seeds) seed(s, false);
  if (j.scope.is_file()) {
    j.result.robots = "not-applicable";
    if (options_.use_sitemaps) {
      Item sm;
      sm.url = sm.linked_url = j.scope.file_prefix() + "sitemap.xml";
      sm.kind = Kind::kSitemap;
      sm.priority = kSitemapPriority;
      sm.fresh = false;
      j.sitemaps_seen.insert(sm.url);
      ++j.sitemaps_started;
      Push(j, std::move(sm));
    }
    j.sitemaps_seeded = true;
  } else if (auto it = origins_.find(j.start_origin);
             it != origins_.end() && it->second.state == Origin::State::kReady) {
    j.result.robots = it->second.status;
    SeedSitemaps(j);
  }
}

void Crawler::Impl::Push(Job& job, Item item) {
  item.seq = ++seq_;
  std::vector<Item>& heap = job.frontier[HostKeyOf(item.url)];
  heap.push_back(std::move(item));
  std::push_heap(heap.begin(), heap.end(), ItemLater());
}

void Crawler::Impl::SeedSitemaps(Job& job) {
  if (job.sitemaps_seeded || !options_.use_sitemaps) return;
  job.sitemaps_seeded = true;
  const Origin& o = origins_[job.start_origin];
  std::vector<std::pair<std::string, bool>> list;
  for (const std::string& s : o.rules.sitemaps()) list.emplace_back(s, true);
  if (auto def = url::Resolve(job.spec.start_url, "/sitemap.xml"); def.ok()) {
    list.emplace_back(*def, false);
  }
  for (auto& [raw, listed] : list) {
    auto canon = CanonicalUrl("", raw);
    if (!canon.ok() || !job.scope.Contains(*canon)) continue;  // only the site's own sitemaps
    if (!job.sitemaps_seen.insert(*canon).second) continue;
    if (job.sitemaps_started >= options_.max_sitemaps) break;
    ++job.sitemaps_started;
    Item sm;
    sm.url = sm.linked_url = *canon;
    sm.kind = Kind::kSitemap;
    sm.priority = kSitemapPriority;
    sm.fresh = false;
    sm.listed = listed;
    Push(job, std::move(sm));
  }
}

void Crawler::Impl::AddLink(Job& job, DiscoveredLink link, const std::string& page, int depth,
                            bool from_page) {
  if (link.url.empty()) return;
  if (job.scope.is_file()) {
    if (!IsFileUrl(link.url)) return;  // a local build's links to the web are not crawled
    if (link.url.back() == '/') link.url += "index.html";
  } else if (!url::IsHttp(link.url)) {
    return;
  }
  // Off-site links on the site's own pages (not on pages elsewhere fetched for a page role) are
  // checked for reachability when asked.
  const bool check_external =
      options_.check_external_links && from_page && job.scope.Contains(page);
  auto it = job.urls.find(link.url);
  const bool known = it != job.urls.end();
  if (known) {
    UrlRecord& rec = it->second;
    const bool readmit = rec.state == UrlRecord::State::kSkipped && rec.skipped_offsite &&
                         link.allow_offsite && depth <= job.spec.max_depth;
    if (!readmit) {
      ++rec.ref_count;
      if ((rec.state == UrlRecord::State::kQueued || rec.state == UrlRecord::State::kStarted ||
           rec.state == UrlRecord::State::kFailed) &&
          rec.refs.size() < kMaxReferrers) {
        rec.refs.push_back(MakeRef(page, link));
      }
      if (rec.state == UrlRecord::State::kQueued && link.priority > rec.priority) {
        // Seen again with a higher priority: queue it again; the older entry is skipped later.
        rec.priority = link.priority;
        Item item;
        item.url = item.linked_url = link.url;
        item.kind = LooksLikeDocument(link.url) ? Kind::kDocument : Kind::kPage;
        item.depth = depth;
        item.priority = link.priority;
        item.offsite = !job.scope.Contains(link.url);
        item.role = link.role;
        Push(job, std::move(item));
      }
      if (rec.state == UrlRecord::State::kSkipped && rec.skipped_offsite && check_external) {
        AddExternal(job, link, page, depth);
      }
      return;
    }
  }
  if (depth > job.spec.max_depth) {
    job.limits.insert("max-depth");
    return;
  }
  UrlRecord& rec = job.urls[link.url];
  const bool in_site = job.scope.Contains(link.url);
  if (!in_site && !link.allow_offsite) {
    rec.state = UrlRecord::State::kSkipped;
    rec.skipped_offsite = true;
    if (check_external) AddExternal(job, link, page, depth);
    return;
  }
  const Verdict v = job.filter.Admit(link.url, in_site);
  if (v != Verdict::kAdmitted) {
    rec.state = UrlRecord::State::kSkipped;
    rec.skipped_offsite = false;
    if (v != Verdict::kExcluded) job.limits.insert(std::string(ToString(v)));
    return;
  }
  rec.state = UrlRecord::State::kQueued;
  rec.skipped_offsite = false;
  rec.priority = link.priority;
  ++rec.ref_count;
  Item item;
  item.url = item.linked_url = link.url;
  item.kind = LooksLikeDocument(link.url) ? Kind::kDocument : Kind::kPage;
  item.depth = depth;
  item.priority = link.priority;
  item.offsite = !in_site;
  item.role = link.role;
  rec.refs.push_back(MakeRef(page, link));
  Push(job, std::move(item));
}

void Crawler::Impl::AddExternal(Job& job, const DiscoveredLink& link, const std::string& page,
                                int depth) {
  if (!url::IsHttp(link.url)) return;
  auto [it, inserted] = job.external.try_emplace(link.url);
  UrlRecord& rec = it->second;
  ++rec.ref_count;
  if (!inserted) {
    if ((rec.state == UrlRecord::State::kQueued || rec.state == UrlRecord::State::kStarted ||
         rec.state == UrlRecord::State::kFailed) &&
        rec.refs.size() < kMaxReferrers) {
      rec.refs.push_back(MakeRef(page, link));
    }
    return;
  }
  // --exclude applies to off-site links too (--include is about the site's own pages).
  if (job.filter.Admit(link.url, /*apply_include=*/false) != Verdict::kAdmitted) {
    rec.state = UrlRecord::State::kSkipped;
    return;
  }
  if (job.external_queued >= options_.max_external_links) {
    rec.state = UrlRecord::State::kSkipped;
    job.limits.insert("max-external-links");
    return;
  }
  ++job.external_queued;
  rec.state = UrlRecord::State::kQueued;
  rec.refs.push_back(MakeRef(page, link));
  Item item;
  item.url = item.linked_url = link.url;
  item.kind = Kind::kDocument;  // HEAD first, a ranged GET where HEAD is refused
  item.depth = depth;
  item.offsite = true;
  item.external = true;
  Push(job, std::move(item));
}

void Crawler::Impl::MarkDone(Job& job, const std::string& u, bool external) {
  auto& records = external ? job.external : job.urls;
  auto it = records.find(u);
  if (it == records.end()) return;
  it->second.state = UrlRecord::State::kDone;
  it->second.refs.clear();
  it->second.refs.shrink_to_fit();
}

void Crawler::Impl::Fail(Job& job, const Item& item, std::string kind, std::string message,
                         long status, std::string final_url, bool broken) {
  FailedFetch f;
  f.url = item.linked_url;
  f.final_url = final_url.empty() ? item.url : std::move(final_url);
  f.status = status;
  f.kind = std::move(kind);
  f.message = std::move(message);
  f.redirects = item.redirects;
  f.fetched_at = NowRfc3339();
  f.is_page = item.kind == Kind::kPage;
  f.external = item.external;
  f.broken = broken;
  f.depth = item.depth;
  auto& records = job.RecordsFor(item);
  if (auto it = records.find(item.linked_url); it != records.end()) {
    it->second.state = UrlRecord::State::kFailed;
  }
  stats.failures.fetch_add(1, std::memory_order_relaxed);
  if (f.is_page) stats.page_failures.fetch_add(1, std::memory_order_relaxed);
  // As link-broken counts them: a start URL is not a link (its failure makes the entity
  // unreachable instead).
  if (broken && f.depth > 0) stats.broken_links.fetch_add(1, std::memory_order_relaxed);
  if (item.external) stats.external.fetch_add(1, std::memory_order_relaxed);
  job.result.failures.push_back(std::move(f));
}

// ---------------------------------------------------------------------------------------------
// The loop

Status Crawler::Impl::Run() {
  multi_.reset(curl_multi_init());
  if (!multi_) return InternalError("curl_multi_init failed");
  curl_multi_setopt(multi_.get(), CURLMOPT_MAXCONNECTS,
                    static_cast<long>(options_.concurrency * 2));
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_ = true;
  }
  while (true) {
    if (stop_.load()) {
      AbortAll();
      break;
    }
    int running = 0;
    curl_multi_perform(multi_.get(), &running);
    ProcessCompleted();
    DrainInbox();
    while (more_jobs_ && !stop_.load() &&
           static_cast<int>(jobs_.size()) < options_.max_active_jobs) {
      std::optional<JobSpec> spec = delegate_->NextJob();
      if (!spec) {
        more_jobs_ = false;
        break;
      }
      StartJob(std::move(*spec));
    }
    TimePoint now = Clock::now();
    PromoteDelayed(now);
    const uint64_t started_before = transfers_started_;
    TimePoint wake = Schedule(now);
    FinishIdleJobs();
    if (!more_jobs_ && jobs_.empty()) break;
    // New transfers start in curl_multi_perform: go round again before sleeping.
    if (transfers_started_ != started_before) continue;
    // Sleep until a socket is ready, a worker reports a page (curl_multi_wakeup), or the next
    // delayed start; at most 100 ms so that Stop() is seen promptly.
    now = Clock::now();
    long timeout_ms = 100;
    if (wake != TimePoint::max()) {
      const auto until = std::chrono::duration_cast<milliseconds>(wake - now).count();
      timeout_ms = std::clamp<long>(static_cast<long>(until) + 1, 1, 100);
    }
    curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(timeout_ms), nullptr);
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    running_ = false;
  }
  for (auto& [easy, t] : transfers_) curl_multi_remove_handle(multi_.get(), easy);
  transfers_.clear();
  multi_.reset();
  return Status::Ok();
}

void Crawler::Impl::PageDone(uint64_t job, const std::string& page_url, int depth,
                             std::vector<DiscoveredLink> links) {
  std::lock_guard<std::mutex> lock(mu_);
  inbox_.push_back({job, page_url, depth, std::move(links)});
  if (running_ && multi_) curl_multi_wakeup(multi_.get());
}

void Crawler::Impl::Stop() {
  stop_.store(true);
  std::lock_guard<std::mutex> lock(mu_);
  if (running_ && multi_) curl_multi_wakeup(multi_.get());
}

void Crawler::Impl::DrainInbox() {
  std::vector<Done> batch;
  {
    std::lock_guard<std::mutex> lock(mu_);
    batch.swap(inbox_);
  }
  for (Done& d : batch) {
    auto it = jobs_.find(d.job);
    --pending_total_;
    if (it == jobs_.end()) continue;
    Job& job = *it->second;
    --job.pending;
    for (DiscoveredLink& link : d.links) AddLink(job, std::move(link), d.page, d.depth + 1);
  }
}

void Crawler::Impl::PromoteDelayed(TimePoint now) {
  for (auto& [id, job] : jobs_) {
    auto& delayed = job->delayed;
    for (size_t i = 0; i < delayed.size();) {
      if (delayed[i].not_before <= now) {
        Item item = std::move(delayed[i]);
        delayed[i] = std::move(delayed.back());
        delayed.pop_back();
        Push(*job, std::move(item));
      } else {
        ++i;
      }
    }
  }
}

TimePoint Crawler::Impl::Schedule(TimePoint now) {
  TimePoint wake = TimePoint::max();
  for (auto& [id, job_ptr] : jobs_) {
    Job& job = *job_ptr;
    for (const Item& d : job.delayed) wake = std::min(wake, d.not_before);
    for (auto& [host_key, heap] : job.frontier) {
      Host& host = hosts_[host_key];
      while (!heap.empty()) {
        Item& top = heap.front();
        // Stale entries (already fetched, or re-queued with a higher priority) are dropped
        // without waiting for the host.
        if (top.fresh) {
          auto& records = job.RecordsFor(top);
          auto rec = records.find(top.linked_url);
          if (rec == records.end() || rec->second.state != UrlRecord::State::kQueued ||
              rec->second.priority > top.priority) {
            std::pop_heap(heap.begin(), heap.end(), ItemLater());
            heap.pop_back();
            continue;
          }
        }
        if (active_total_ >= options_.concurrency) break;
        if (host.active >= PerHost(host_key)) break;
        if (now < host.next_start) {
          wake = std::min(wake, host.next_start);
          break;
        }
        const bool is_page = top.kind == Kind::kPage;
        if (is_page && pending_total_ >= options_.max_pending_pages) break;
        // robots.txt first, once per origin.
        const std::string origin_key = OriginKeyOf(top.url);
        Origin& origin = origins_[origin_key];
        if (origin_key == "file:" && origin.state != Origin::State::kReady) {
          origin.state = Origin::State::kReady;
          origin.status = "not-applicable";
        }
        if (origin.state == Origin::State::kFetching) break;
        if (origin.state == Origin::State::kUnknown) {
          auto robots_url = url::Resolve(top.url, "/robots.txt");
          if (!robots_url.ok()) {
            origin.state = Origin::State::kReady;  // cannot happen for a valid URL
            continue;
          }
          origin.state = Origin::State::kFetching;
          Item r;
          r.url = r.linked_url = *robots_url;
          r.kind = Kind::kRobots;
          r.fresh = false;
          StartTransfer(job, std::move(r), host_key, now);
          continue;  // the host's delay now applies
        }
        std::pop_heap(heap.begin(), heap.end(), ItemLater());
        Item item = std::move(heap.back());
        heap.pop_back();
        if (item.kind == Kind::kPage || item.kind == Kind::kDocument) {
          auto pq = url::PathAndQuery(item.url);
          if (!origin.refused.empty()) {
            Fail(job, item, "private-address", origin.refused, 0, item.url, false);
            continue;
          }
          if (!origin.error_kind.empty()) {
            // The host could not be reached even for its robots.txt: the page fails for the
            // same reason, which is its real cause (a connection refused, a DNS failure...), not
            // a robots.txt verdict; asking again would only wait for the same error. Off-site,
            // the link is broken.
            Fail(job, item, origin.error_kind,
                 origin.error_message + " (the host could not be reached for robots.txt)", 0,
                 item.url, item.external);
            continue;
          }
          if (!IsFileUrl(item.url) && pq.ok() && !origin.rules.Allowed(*pq)) {
            const bool unreachable = origin.status == "unreachable";
            Fail(job, item, unreachable ? "robots-unreachable" : "robots",
                 unreachable ? "robots.txt could not be fetched (HTTP " +
                                   std::to_string(origin.http_status) +
                                   "): the whole site counts as disallowed (RFC 9309 §2.3.1.4)"
                             : "disallowed by robots.txt",
                 0, item.url, false);
            continue;
          }
        }
        if (item.fresh && item.kind == Kind::kPage) {
          const int budget =
              job.spec.max_pages +
              (item.priority > 0 && !item.is_start ? options_.role_page_allowance : 0);
          if (job.pages_started >= budget) {
            job.limits.insert("max-pages");
            auto rec = job.urls.find(item.linked_url);
            if (rec != job.urls.end()) {
              rec->second.state = UrlRecord::State::kSkipped;
              rec->second.refs.clear();
            }
            continue;
          }
          ++job.pages_started;
        }
        if (item.fresh && item.kind == Kind::kDocument && !item.external) {
          if (job.documents_started >= job.spec.max_documents) {
            job.limits.insert("max-documents");
            auto rec = job.urls.find(item.linked_url);
            if (rec != job.urls.end()) {
              rec->second.state = UrlRecord::State::kSkipped;
              rec->second.refs.clear();
            }
            continue;
          }
          ++job.documents_started;
        }
        if (item.fresh) {
          auto& records = job.RecordsFor(item);
          auto rec = records.find(item.linked_url);
          if (rec != records.end()) rec->second.state = UrlRecord::State::kStarted;
        }
        StartTransfer(job, std::move(item), host_key, now);
      }
    }
  }
  return wake;
}

void Crawler::Impl::StartTransfer(Job& job, Item item, const std::string& host_key, TimePoint now) {
  auto t = std::make_unique<Transfer>();
  t->easy.reset(curl_easy_init());
  if (!t->easy) {
    Fail(job, item, "network", "could not initialise libcurl", 0, item.url, false);
    return;
  }
  CURL* c = t->easy.get();
  t->job = &job;
  t->host_key = host_key;
  t->origin_key = OriginKeyOf(item.url);
  t->guard.allow_private = options_.limits.allow_private;
  t->bytes_stat = &stats.bytes;
  t->max_body = options_.limits.max_body_bytes;
  const bool file = IsFileUrl(item.url);
  curl_easy_setopt(c, CURLOPT_URL, item.url.c_str());
  curl_easy_setopt(c, CURLOPT_PRIVATE, t.get());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, file ? "file" : "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  if (item.kind == Kind::kRobots) {
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, static_cast<long>(kRobotsRedirects));
    t->max_body = std::min<uint64_t>(t->max_body, 2 * kMaxRobotsBytes);
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.limits.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.limits.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate, br, zstd as built
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.limits.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t->errbuf);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, t.get());
  if (item.kind == Kind::kPage) {
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, t.get());
  } else {
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->max_body));
  }
  if (item.kind == Kind::kDocument) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  if (item.kind == Kind::kDocumentGet && !file) curl_easy_setopt(c, CURLOPT_RANGE, "0-0");
  if (!file) InstallSocketGuard(c, &t->guard);
  t->item = std::move(item);
  if (curl_multi_add_handle(multi_.get(), c) != CURLM_OK) {
    Fail(job, t->item, "network", "could not start the transfer", 0, t->item.url, false);
    return;
  }
  Host& host = hosts_[host_key];
  ++host.active;
  host.next_start = now + milliseconds(file ? 0 : std::max(options_.delay_ms, host.delay_ms));
  ++job.active;
  ++active_total_;
  ++job.result.requests;
  ++transfers_started_;
  transfers_.emplace(c, std::move(t));
}

void Crawler::Impl::ProcessCompleted() {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* easy = msg->easy_handle;
    const CURLcode rc = msg->data.result;
    curl_multi_remove_handle(multi_.get(), easy);
    auto it = transfers_.find(easy);
    if (it == transfers_.end()) continue;
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers_.erase(it);
    --hosts_[t->host_key].active;
    --t->job->active;
    --active_total_;
    Complete(std::move(t), rc);
  }
}

void Crawler::Impl::Complete(std::unique_ptr<Transfer> t, CURLcode rc) {
  long code = 0;
  curl_easy_getinfo(t->easy.get(), CURLINFO_RESPONSE_CODE, &code);
  switch (t->item.kind) {
    case Kind::kRobots:
      CompleteRobots(*t, rc, code);
      break;
    case Kind::kSitemap:
      CompleteSitemap(*t, rc, code);
      break;
    default:
      CompleteResource(*t, rc, code);
      break;
  }
}

// Schedules another attempt when the failure is transient and attempts remain. Returns true
// when it did (or when it recorded that Retry-After asked for too long a wait).
bool Crawler::Impl::MaybeRetry(Transfer& t, long code, CURLcode rc) {
  const bool transient_http = code == 429 || code == 503 || code == 502 || code == 504;
  const bool transient = rc == CURLE_OK ? transient_http : IsTransient(rc);
  if (!transient || t.item.attempt >= options_.max_retries) return false;
  // Exponential backoff with jitter: base·2^attempt·[1, 2).
  std::uniform_real_distribution<double> jitter(1.0, 2.0);
  double delay_ms = options_.backoff_base_ms * std::pow(2.0, t.item.attempt) * jitter(rng_);
  curl_off_t retry_after = 0;
  if (rc == CURLE_OK) curl_easy_getinfo(t.easy.get(), CURLINFO_RETRY_AFTER, &retry_after);
  if (retry_after > 0) {
    const double ra_ms = static_cast<double>(retry_after) * 1000.0;
    if (ra_ms > options_.max_retry_after_ms) {
      if (t.item.kind == Kind::kRobots) return false;
      Fail(*t.job, t.item, "http",
           "HTTP " + std::to_string(code) + " with Retry-After " + std::to_string(retry_after) +
               " s, longer than the " + std::to_string(options_.max_retry_after_ms / 1000) +
               " s this crawl waits",
           code, t.item.url, !t.item.external);
      return true;
    }
    delay_ms = std::max(delay_ms, ra_ms);
  }
  const TimePoint when = Clock::now() + milliseconds(static_cast<int64_t>(delay_ms));
  if (code == 429 || code == 503) {
    // The server asked everyone to slow down: hold the whole host.
    Host& host = hosts_[t.host_key];
    host.next_start = std::max(host.next_start, when);
  }
  Item item = std::move(t.item);
  ++item.attempt;
  item.fresh = false;
  item.not_before = when;
  t.job->delayed.push_back(std::move(item));
  return true;
}

void Crawler::Impl::CompleteRobots(Transfer& t, CURLcode rc, long code) {
  if (MaybeRetry(t, code, rc)) return;
  Origin& o = origins_[t.origin_key];
  o.http_status = code;
  if (rc == CURLE_OK && code >= 200 && code < 300) {
    o.rules = RobotsRules::Parse(t.body, "verifica");
    o.status = "obeyed";
  } else if (rc == CURLE_OK && code >= 400 && code < 500 && code != 429) {
    // RFC 9309 §2.3.1.3: unavailable, crawl as if there were none.
    o.rules = RobotsRules::AllowAll();
    o.status = "absent";
  } else if (rc == CURLE_WRITE_ERROR && t.too_large) {
    // Too large to keep whole: §2.5 lets us parse what we read (the first 500 KiB at least).
    o.rules = RobotsRules::Parse(t.body, "verifica");
    o.status = "obeyed";
  } else if (t.guard.refused) {
    o.rules = RobotsRules::DisallowAll();
    o.status = "unreachable";
    o.refused = PrivateAddressMessage(t.guard);
  } else {
    // §2.3.1.4: unreachable (5xx, network error): assume complete disallow.
    o.rules = RobotsRules::DisallowAll();
    o.status = "unreachable";
    if (rc != CURLE_OK) {
      o.error_kind = ErrorKind(rc, t.easy.get());
      o.error_message = t.errbuf[0] ? t.errbuf : curl_easy_strerror(rc);
    }
  }
  o.state = Origin::State::kReady;
  if (auto d = o.rules.crawl_delay_seconds()) {
    Host& host = hosts_[t.host_key];
    const double ms = *d * 1000.0;
    host.delay_ms = static_cast<int>(std::min<double>(ms, options_.max_crawl_delay_ms));
    if (ms > options_.max_crawl_delay_ms) t.job->limits.insert("crawl-delay-capped");
  }
  OriginReady(t.origin_key);
}

void Crawler::Impl::OriginReady(const std::string& origin_key) {
  const Origin& o = origins_[origin_key];
  for (auto& [id, job] : jobs_) {
    if (job->start_origin != origin_key) continue;
    if (job->result.robots.empty()) job->result.robots = o.status;
    SeedSitemaps(*job);
  }
}

void Crawler::Impl::CompleteSitemap(Transfer& t, CURLcode rc, long code) {
  if (MaybeRetry(t, code, rc)) return;
  Job& job = *t.job;
  const bool ok = rc == CURLE_OK && (IsFileUrl(t.item.url) || (code >= 200 && code < 300));
  if (!ok) {
    if (t.item.listed) {
      Fail(job, t.item, rc == CURLE_OK ? "http" : ErrorKind(rc),
           "sitemap named in robots.txt could not be fetched" +
               (rc == CURLE_OK ? " (HTTP " + std::to_string(code) + ")" : std::string()),
           code, t.item.url, false);
    }
    return;
  }
  auto parsed = ParseSitemap(t.body, static_cast<size_t>(job.spec.max_pages) * 4 + 100);
  if (!parsed.ok()) {
    if (t.item.listed) {
      Fail(job, t.item, "sitemap", parsed.status().message(), code, t.item.url, false);
    }
    return;
  }
  job.result.sitemaps.push_back(t.item.url);
  for (const std::string& child : parsed->sitemaps) {
    auto canon = CanonicalUrl(t.item.url, child);
    if (!canon.ok() || !job.scope.Contains(*canon)) continue;
    if (!job.sitemaps_seen.insert(*canon).second) continue;
    if (job.sitemaps_started >= options_.max_sitemaps) {
      job.limits.insert("max-sitemaps");
      break;
    }
    ++job.sitemaps_started;
    Item sm;
    sm.url = sm.linked_url = *canon;
    sm.kind = Kind::kSitemap;
    sm.priority = kSitemapPriority;
    sm.fresh = false;
    sm.listed = true;
    Push(job, std::move(sm));
  }
  for (const std::string& u : parsed->urls) {
    auto canon = CanonicalUrl(t.item.url, u);
    if (!canon.ok()) continue;
    DiscoveredLink link;
    link.url = std::move(canon).value();
    link.text = "(sitemap)";
    AddLink(job, std::move(link), t.item.url, 1, /*from_page=*/false);
  }
}

bool Crawler::Impl::Redirect(Transfer& t, long code) {
  Job& job = *t.job;
  char* location = nullptr;
  curl_easy_getinfo(t.easy.get(), CURLINFO_REDIRECT_URL, &location);
  if (location == nullptr || *location == '\0') return false;
  Item& item = t.item;
  auto target = CanonicalUrl(item.url, location);
  if (!target.ok()) {
    Fail(job, item, "redirect", "HTTP " + std::to_string(code) + " to an invalid URL", code,
         item.url, true);
    return true;
  }
  std::vector<std::string> chain = item.redirects;
  chain.push_back(item.url);
  if (std::find(chain.begin(), chain.end(), *target) != chain.end()) {
    Item failed = item;
    failed.redirects = chain;
    Fail(job, failed, "redirect-loop", "redirect loop back to " + *target, code, *target, true);
    return true;
  }
  if (static_cast<long>(chain.size()) > options_.limits.max_redirects) {
    Item failed = item;
    failed.redirects = chain;
    Fail(job, failed, "redirects",
         "more than " + std::to_string(options_.limits.max_redirects) + " redirects", code, *target,
         true);
    return true;
  }
  if (!url::IsHttp(*target)) {
    Fail(job, item, "scheme", "redirect to a URL that is not http or https", code, *target, false);
    return true;
  }
  const bool is_document = item.kind == Kind::kDocument || item.kind == Kind::kDocumentGet;
  if (item.is_start && !job.scope.Contains(*target)) {
    // The portal's address moved (http → https, a new domain): the site is where it went.
    job.scope.AddHostOf(*target);
  }
  if (!job.scope.Contains(*target) && !item.offsite && !is_document) {
    // Left the site: not crawled, not an error.
    MarkDone(job, item.linked_url);
    return true;
  }
  auto [rec, inserted] = job.RecordsFor(item).try_emplace(*target);
  if (!inserted && rec->second.state != UrlRecord::State::kQueued) {
    // Already fetched (or failing) under its own URL.
    if (rec->second.state == UrlRecord::State::kFailed) {
      Fail(job, item, "redirect", "redirects to " + *target + ", which failed", code, *target,
           true);
    } else {
      MarkDone(job, item.linked_url, item.external);
    }
    return true;
  }
  rec->second.state = UrlRecord::State::kStarted;
  Item next = item;
  next.url = *target;
  next.redirects = std::move(chain);
  next.attempt = 0;
  next.fresh = false;
  if (next.kind == Kind::kPage && LooksLikeDocument(*target)) next.kind = Kind::kDocument;
  if (item.is_start) job.result.start_final_url = *target;
  Push(job, std::move(next));
  return true;
}

void Crawler::Impl::AddDocument(Job& job, const Item& item, const Transfer& t, long status) {
  DocumentRecord d;
  d.url = item.linked_url;
  char* ct = nullptr;
  curl_easy_getinfo(t.easy.get(), CURLINFO_CONTENT_TYPE, &ct);
  d.type = ct ? MediaType(ct) : GuessContentType(item.url);
  d.status = IsFileUrl(item.url) && status == 0 ? 200 : status;
  curl_off_t len = -1;
  curl_easy_getinfo(t.easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &len);
  if (len > 0) d.bytes = static_cast<uint64_t>(len);
  // A ranged GET's Content-Length is the range's; the total is not known without parsing
  // Content-Range, so only the larger figure is kept.
  if (d.bytes == 0 && !t.body.empty()) d.bytes = t.body.size();
  d.external = item.external;
  job.result.documents.push_back(std::move(d));
  MarkDone(job, item.linked_url, item.external);
  if (item.external) {
    stats.external.fetch_add(1, std::memory_order_relaxed);
  } else {
    stats.documents.fetch_add(1, std::memory_order_relaxed);
  }
}

void Crawler::Impl::CompleteResource(Transfer& t, CURLcode rc, long code) {
  Job& job = *t.job;
  Item& item = t.item;
  char* eff = nullptr;
  curl_easy_getinfo(t.easy.get(), CURLINFO_EFFECTIVE_URL, &eff);
  const std::string final_url = eff ? eff : item.url;
  const bool file = IsFileUrl(item.url);
  // A ranged GET is stopped by us at its first bytes: the status decides, as for a HEAD (an
  // error page's body must not make a missing document look present).
  if (rc != CURLE_OK && item.kind == Kind::kDocumentGet && t.got_bytes) rc = CURLE_OK;
  if (rc != CURLE_OK) {
    if (t.document_detected) {
      AddDocument(job, item, t, code);
      return;
    }
    if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
      Fail(job, item, "too-large",
           "body larger than " + std::to_string(t.max_body) + " bytes (after decompression)", code,
           final_url, false);
      return;
    }
    if (t.guard.refused) {
      Fail(job, item, "private-address", PrivateAddressMessage(t.guard), 0, final_url, false);
      return;
    }
    if (MaybeRetry(t, code, rc)) return;
    std::string message = t.errbuf[0] ? t.errbuf : curl_easy_strerror(rc);
    if (item.attempt > 0) message += " (after " + std::to_string(item.attempt + 1) + " attempts)";
    const std::string kind = ErrorKind(rc, t.easy.get());
    Fail(job, item, kind, message, code, final_url, kind != "scheme");
    return;
  }
  if (!file && code >= 300 && code < 400 && code != 304) {
    if (Redirect(t, code)) return;
  }
  if ((item.kind == Kind::kDocument) &&
      (code == 405 || code == 501 || code == 403 || code == 400)) {
    // HEAD refused (or mishandled): ask for the first byte instead.
    Item get = std::move(item);
    get.kind = Kind::kDocumentGet;
    get.fresh = false;
    Push(job, std::move(get));
    return;
  }
  if (!file && code >= 400) {
    if (MaybeRetry(t, code, rc)) return;
    std::string message = "HTTP status " + std::to_string(code);
    if (item.attempt > 0) message += " (after " + std::to_string(item.attempt + 1) + " attempts)";
    if (item.kind != Kind::kPage) {
      DocumentRecord d;
      d.url = item.linked_url;
      d.type = GuessContentType(item.url);
      d.status = code;
      d.external = item.external;
      job.result.documents.push_back(std::move(d));
    }
    if (item.external && (code == 401 || code == 403 || code == 429 || code == 999)) {
      // Another site turning away an automated client (login, bot protection, rate limit) says
      // nothing about whether people can follow the link.
      Fail(job, item, "refused",
           message + ": the other site refused the automated check (not judged)", code, final_url,
           false);
      return;
    }
    Fail(job, item, "http", message, code, final_url, true);
    return;
  }
  if (!file && code >= 300) {
    Fail(job, item, "http", "HTTP status " + std::to_string(code) + " without a Location", code,
         final_url, true);
    return;
  }
  if (item.kind != Kind::kPage) {
    AddDocument(job, item, t, code);
    return;
  }
  FetchedPage page;
  page.job = job.spec.id;
  page.url = item.linked_url;
  page.final_url = final_url;
  page.status = file ? 200 : code;
  char* ct = nullptr;
  curl_easy_getinfo(t.easy.get(), CURLINFO_CONTENT_TYPE, &ct);
  page.content_type = ct ? std::string(ct) : (file ? GuessContentType(item.url) : std::string());
  page.body = std::move(t.body);
  page.redirects = item.redirects;
  page.fetched_at = NowRfc3339();
  page.depth = item.depth;
  page.offsite = item.offsite;
  page.role = item.role;
  MarkDone(job, item.linked_url);
  if (item.url != item.linked_url) MarkDone(job, item.url);
  ++job.pending;
  ++pending_total_;
  ++job.result.pages;
  stats.pages.fetch_add(1, std::memory_order_relaxed);
  delegate_->OnPage(std::move(page));
}

bool Crawler::Impl::Idle(Job& job) {
  if (job.active > 0 || job.pending > 0 || !job.delayed.empty()) return false;
  for (auto& [host, heap] : job.frontier) {
    if (!heap.empty()) return false;
  }
  return true;
}

void Crawler::Impl::FinishIdleJobs() {
  // Once stopping, no job ends as complete: pages handed over may have been dropped unchecked
  // (the caller stops processing them), so every running job ends interrupted (AbortAll).
  if (stop_.load()) return;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    Job& job = *it->second;
    if (!Idle(job)) {
      ++it;
      continue;
    }
    JobResult result = std::move(job.result);
    for (FailedFetch& f : result.failures) {
      auto& records = f.external ? job.external : job.urls;
      auto rec = records.find(f.url);
      if (rec == records.end()) continue;
      f.referrers = rec->second.refs;
      f.referrer_count = rec->second.ref_count;
    }
    result.limits_hit.assign(job.limits.begin(), job.limits.end());
    if (result.robots.empty()) result.robots = "not-fetched";
    result.finished_at = NowRfc3339();
    it = jobs_.erase(it);
    delegate_->OnJobDone(std::move(result));
  }
}

void Crawler::Impl::AbortAll() {
  for (auto& [easy, t] : transfers_) curl_multi_remove_handle(multi_.get(), easy);
  transfers_.clear();
  active_total_ = 0;
  for (auto& [id, job] : jobs_) {
    JobResult result = std::move(job->result);
    result.interrupted = true;
    result.finished_at = NowRfc3339();
    delegate_->OnJobDone(std::move(result));
  }
  jobs_.clear();
}

// ---------------------------------------------------------------------------------------------

Crawler::Crawler(CrawlOptions options, CrawlDelegate* delegate)
    : impl_(std::make_unique<Impl>(std::move(options), delegate)) {}
Crawler::~Crawler() = default;
Status Crawler::Run() { return impl_->Run(); }
void Crawler::PageDone(uint64_t job, const std::string& page_url, int depth,
                       std::vector<DiscoveredLink> links) {
  impl_->PageDone(job, page_url, depth, std::move(links));
}
void Crawler::Stop() { impl_->Stop(); }
const Crawler::Stats& Crawler::stats() const { return impl_->stats; }

}  // namespace verifica::fetch
