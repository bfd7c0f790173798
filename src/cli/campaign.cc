#include "cli/campaign.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "cli/campaign_rules.h"
#include "findings/findings_json.h"
#include "html/links.h"
#include "report/entity_stream.h"
#include "report/fingerprint.h"
#include "util/text.h"
#include "util/url.h"

namespace verifica::cli {

namespace fs = std::filesystem;

namespace {

constexpr size_t kLinkTextBytes = 200;
constexpr size_t kLinkSnippetBytes = 240;

// A page written to the entity's spool file: where its text is, and the page without its rule
// results (what the entity's hooks and page roles still need).
struct SpooledPage {
  findings::PageReport stub;
  uint64_t offset = 0;
  uint64_t length = 0;
  bool rendered = false;  // the final text of report.json; otherwise compact JSON to render
};

// Everything known about an entity while it is crawled. Shared by the workers (pages) and the
// campaign thread (which finishes it); `mu` guards the page lists.
struct EntityState {
  size_t index = 0;
  const Entity* entity = nullptr;
  findings::EntityInfo info;
  std::mutex mu;
  std::vector<EntityPage> hook_pages;
  // Pages go to a spool file as they are checked, the tallies (summary, score, rules that ran)
  // are built as they come, and the report files are written from the spool at the end.
  fs::path spool_path;
  std::FILE* spool = nullptr;
  uint64_t spool_size = 0;
  std::vector<SpooledPage> spooled;
  report::EntityTally tally;
  report::FingerprintContextBuilder fingerprints;
  uint64_t gated = 0;
  bool fails = false;             // a rule failed at or above fail_on
  bool render_on_worker = false;  // http(s) entity: fingerprints need no context
  // The rules run on this entity's pages: the selected ones, less the page rules of obligation
  // packs outside the entity's profiles (ScanHooks::page_rules).
  std::vector<const rules::Rule*> rules;
  Status spool_error;
  ~EntityState() {
    if (spool != nullptr) std::fclose(spool);
    std::error_code ec;
    if (!spool_path.empty()) {
      fs::remove(spool_path, ec);
      fs::remove(spool_path.parent_path(), ec);  // only when nothing else is in it
    }
  }
};

findings::EntityInfo InfoOf(const Entity& e) {
  findings::EntityInfo info;
  info.id = e.id;
  info.name = e.name;
  info.url = e.url;
  info.kind = e.kind;
  info.profiles = e.profiles;
  info.jurisdiction = e.jurisdiction;
  info.jurisdiction_name = e.jurisdiction_name;
  info.jurisdiction_defaulted = e.jurisdiction_defaulted;
  info.guarantor = e.guarantor;
  return info;
}

report::EntitySummary RowWithoutReport(const Entity& e, std::string status, std::string error) {
  report::EntitySummary s;
  s.entity = InfoOf(e);
  s.status = std::move(status);
  s.error = std::move(error);
  return s;
}

bool FailsAtOrAbove(const std::vector<findings::RuleResult>& rules, findings::Impact fail_on) {
  return std::any_of(rules.begin(), rules.end(), [&](const findings::RuleResult& r) {
    return r.outcome == findings::Outcome::kFailed && r.impact >= fail_on;
  });
}

// Whether the portal could be read: not when its start page (or every page) could not be
// fetched or parsed (the cause is that page's error), nor when every page checked is a
// JavaScript shell (`needs_rendering`, from the tallies).
findings::PortalStatus AssessPortal(const Entity& e, const std::vector<SpooledPage>& pages,
                                    bool needs_rendering) {
  findings::PortalStatus portal;
  const findings::PageReport* start = nullptr;
  const findings::PageReport* first_error = nullptr;
  bool any_ok = false;
  for (const SpooledPage& sp : pages) {
    const findings::PageReport& p = sp.stub;
    if (start == nullptr && p.url == e.start.url) start = &p;
    if (p.error && first_error == nullptr) first_error = &p;
    any_ok = any_ok || !p.error;
  }
  const findings::PageReport* failed = start != nullptr && start->error ? start : nullptr;
  if (failed == nullptr && !any_ok) failed = first_error;
  if (failed != nullptr) {
    portal.state = findings::PortalState::kUnreachable;
    portal.url = failed->url;
    portal.status = failed->status;
    portal.error = failed->error;
  } else if (!any_ok) {
    portal.state = findings::PortalState::kUnreachable;
    portal.url = e.start.url;
    portal.error = findings::PageError{"network", "no page was fetched"};
  } else if (needs_rendering) {
    portal.state = findings::PortalState::kNeedsRendering;
  }
  return portal;
}

std::string ChainText(const std::vector<std::string>& chain, const std::string& last) {
  std::string out;
  for (const std::string& u : chain) out += u + " -> ";
  return out + last;
}

class Campaign : public fetch::CrawlDelegate {
 public:
  Campaign(const std::vector<Entity>& entities, const CampaignOptions& options)
      : entities_(entities), options_(options) {
    result_.rows.resize(entities.size());
    for (const rules::Rule* r : options.rules) {
      if (r->id() == kLinkBrokenId) link_broken_ = &r->meta();
    }
  }

  CampaignResult Run();

  // fetch::CrawlDelegate (network thread)
  std::optional<fetch::JobSpec> NextJob() override;
  void OnPage(fetch::FetchedPage page) override;
  void OnJobDone(fetch::JobResult result) override;

 private:
  void WorkerLoop();
  void ProcessPage(fetch::FetchedPage page);
  std::vector<fetch::DiscoveredLink> CollectLinks(const dom::Document& doc, const EntityState& st,
                                                  const fetch::FetchedPage& page) const;
  void FinishEntity(fetch::JobResult result);
  void Spool(EntityState& st, findings::PageReport page);
  Status WriteEntityFiles(EntityState& st, const findings::EntityReport& head,
                          const std::vector<SpooledPage>& pages, uint64_t* gated);
  ProgressSnapshot Snapshot();

  const std::vector<Entity>& entities_;
  const CampaignOptions& options_;
  const findings::RuleInfo* link_broken_ = nullptr;
  std::unique_ptr<fetch::Crawler> crawler_;
  CampaignResult result_;
  size_t next_index_ = 0;      // network thread
  std::vector<bool> started_;  // network thread until the crawl ends

  std::mutex states_mu_;
  std::map<uint64_t, std::shared_ptr<EntityState>> states_;

  std::mutex work_mu_;
  std::condition_variable work_cv_;
  std::deque<fetch::FetchedPage> work_;
  bool closing_ = false;
  std::atomic<bool> discard_{false};
  std::atomic<uint64_t> check_errors_{0};  // fetched pages whose check recorded an error

  std::mutex ev_mu_;
  std::condition_variable ev_cv_;
  std::deque<fetch::JobResult> done_;
  bool crawl_finished_ = false;
  size_t entities_done_ = 0;      // campaign thread
  std::string progress_message_;  // campaign thread
};

std::optional<fetch::JobSpec> Campaign::NextJob() {
  if (next_index_ >= entities_.size()) return std::nullopt;
  const size_t i = next_index_++;
  const Entity& e = entities_[i];
  auto st = std::make_shared<EntityState>();
  st->index = i;
  st->entity = &e;
  st->info = InfoOf(e);
  st->render_on_worker = url::IsHttp(e.start.url);
  st->rules = options_.hooks.page_rules ? options_.hooks.page_rules(st->info, options_.rules)
                                        : options_.rules;
  st->tally.SetCatalog(&options_.catalog);
  st->spool_path = options_.out_dir / e.id /
                   (".report-pages.spool-" + std::to_string(static_cast<long>(::getpid())));
  {
    std::lock_guard<std::mutex> lock(states_mu_);
    states_[i] = st;
  }
  started_[i] = true;
  fetch::JobSpec spec;
  spec.id = i;
  spec.start_url = e.start.url;
  spec.extra_seeds = e.start.extra_seeds;
  spec.scope_root = e.start.scope_root;
  spec.max_pages = e.max_pages.value_or(options_.max_pages);
  spec.max_depth = options_.max_depth;
  spec.max_documents = options_.max_documents > 0 ? options_.max_documents : spec.max_pages;
  return spec;
}

void Campaign::OnPage(fetch::FetchedPage page) {
  {
    std::lock_guard<std::mutex> lock(work_mu_);
    work_.push_back(std::move(page));
  }
  work_cv_.notify_one();
}

void Campaign::OnJobDone(fetch::JobResult result) {
  {
    std::lock_guard<std::mutex> lock(ev_mu_);
    done_.push_back(std::move(result));
  }
  ev_cv_.notify_one();
}

void Campaign::WorkerLoop() {
  while (true) {
    fetch::FetchedPage page;
    {
      std::unique_lock<std::mutex> lock(work_mu_);
      work_cv_.wait(lock, [&] { return closing_ || !work_.empty(); });
      if (work_.empty()) return;
      page = std::move(work_.front());
      work_.pop_front();
    }
    if (discard_.load()) {
      crawler_->PageDone(page.job, page.final_url, page.depth, {});
      continue;
    }
    ProcessPage(std::move(page));
  }
}

std::vector<fetch::DiscoveredLink> Campaign::CollectLinks(const dom::Document& doc,
                                                          const EntityState& st,
                                                          const fetch::FetchedPage& page) const {
  std::vector<fetch::DiscoveredLink> out;
  std::unordered_map<std::string, size_t> index;
  const std::string base = html::BaseUrl(doc);
  for (html::Link& link : html::ExtractLinks(doc, kLinkTextBytes)) {
    auto canon = fetch::CanonicalUrl(base, link.href);
    if (!canon.ok()) continue;
    LinkHint hint;
    if (options_.hooks.on_link) {
      hint = options_.hooks.on_link(
          LinkContext{st.info, *canon, link.text, page.final_url, page.depth + 1});
    }
    auto [it, inserted] = index.emplace(*canon, out.size());
    if (!inserted) {
      // The same target again on this page: keep the first place, merge what hooks said.
      fetch::DiscoveredLink& d = out[it->second];
      d.priority = std::max(d.priority, hint.priority);
      d.allow_offsite = d.allow_offsite || hint.allow_offsite;
      if (d.role.empty()) d.role = std::move(hint.role);
      continue;
    }
    fetch::DiscoveredLink d;
    d.url = std::move(canon).value();
    d.text = std::move(link.text);
    d.snippet = doc.Snippet(link.node, kLinkSnippetBytes);
    d.line = link.line;
    d.column = link.column;
    d.priority = hint.priority;
    d.allow_offsite = hint.allow_offsite;
    d.role = std::move(hint.role);
    out.push_back(std::move(d));
  }
  return out;
}

void Campaign::ProcessPage(fetch::FetchedPage page) {
  std::shared_ptr<EntityState> st;
  {
    std::lock_guard<std::mutex> lock(states_mu_);
    auto it = states_.find(page.job);
    if (it != states_.end()) st = it->second;
  }
  if (!st) {
    crawler_->PageDone(page.job, page.final_url, page.depth, {});
    return;
  }
  std::vector<fetch::DiscoveredLink> links;
  std::shared_ptr<const PageData> data;
  findings::PageReport report;
  PageInput in;
  in.url = page.url;
  in.final_url = page.final_url;
  in.status = static_cast<int>(page.status);
  in.content_type = page.content_type;
  in.fetched_at = page.fetched_at;
  in.body = std::move(page.body);
  try {
    report = CheckPage(
        in, st->rules, options_.check, [&](const dom::Document& doc, rules::PageCache& cache) {
          links = CollectLinks(doc, *st, page);
          if (options_.hooks.on_page) {
            data =
                options_.hooks.on_page(PageContext{st->info, page.url, page.final_url, page.depth,
                                                   page.offsite, page.role, doc, &cache});
          }
        });
  } catch (const std::exception& e) {
    // Only a hook or an allocation can throw here; the page is reported, the crawl goes on.
    report = findings::PageReport();
    report.url = page.url;
    report.final_url = page.final_url;
    report.status = static_cast<int>(page.status);
    report.fetched_at = page.fetched_at;
    report.error = findings::PageError{"internal", std::string("page check failed: ") + e.what()};
  }
  report.redirects = std::move(page.redirects);
  if (report.error) check_errors_.fetch_add(1, std::memory_order_relaxed);
  in.body.clear();
  in.body.shrink_to_fit();
  Spool(*st, std::move(report));
  {
    std::lock_guard<std::mutex> lock(st->mu);
    if (options_.hooks.on_entity) {
      st->hook_pages.push_back(
          {page.url, page.final_url, page.depth, page.offsite, page.role, std::move(data)});
    }
  }
  // After this the entity may be finished by the campaign thread: `st` is not touched again.
  crawler_->PageDone(page.job, page.final_url, page.depth, std::move(links));
}

void Campaign::FinishEntity(fetch::JobResult result) {
  std::shared_ptr<EntityState> st;
  {
    std::lock_guard<std::mutex> lock(states_mu_);
    auto it = states_.find(result.job);
    if (it == states_.end()) return;
    st = it->second;
    states_.erase(it);
  }
  const Entity& e = *st->entity;
  if (result.interrupted) {
    if (!st->spool_path.empty()) {
      // Workers may still hold the entity: its spool goes when the last of them lets go; the
      // folder is removed now if nothing else is in it.
      std::error_code ec;
      fs::remove(st->spool_path.parent_path(), ec);
    }
    ++result_.interrupted;
    result_.rows[st->index] =
        RowWithoutReport(e, "interrupted", "the scan was interrupted before this entity was done");
    return;
  }
  findings::EntityReport rep;
  rep.entity = st->info;
  rep.crawl.started_at = result.started_at;
  rep.crawl.finished_at = result.finished_at;
  rep.crawl.pages = result.pages;
  rep.crawl.errors = static_cast<uint32_t>(result.failures.size());
  rep.crawl.robots = result.robots;
  rep.crawl.limits_hit = result.limits_hit;
  std::vector<EntityPage> hook_pages;
  {
    std::lock_guard<std::mutex> lock(st->mu);
    hook_pages = std::move(st->hook_pages);
  }
  // Every failed fetch is on record: pages as pages with an error, documents in the inventory.
  std::map<std::string, size_t> doc_index;
  for (const fetch::DocumentRecord& d : result.documents) {
    doc_index.emplace(d.url, rep.documents.size());
    rep.documents.push_back({d.url, d.type, static_cast<int>(d.status), d.bytes});
  }
  uint32_t docs_ok = 0;
  for (const auto& d : rep.documents) docs_ok += d.status > 0 && d.status < 400;
  for (const fetch::FailedFetch& f : result.failures) {
    if (!f.is_page) {
      if (!doc_index.count(f.url)) {
        doc_index.emplace(f.url, rep.documents.size());
        rep.documents.push_back(
            {f.url, fetch::GuessContentType(f.url), static_cast<int>(f.status), 0});
      }
      continue;
    }
    findings::PageReport p;
    p.url = f.url;
    p.final_url = f.final_url;
    p.status = static_cast<int>(f.status);
    p.fetched_at = f.fetched_at;
    p.redirects = f.redirects;
    std::string message = f.message;
    if (!f.redirects.empty())
      message += " (redirects: " + ChainText(f.redirects, f.final_url) + ")";
    p.error = findings::PageError{f.kind, std::move(message)};
    Spool(*st, std::move(p));
  }
  std::vector<SpooledPage> spooled;
  {
    std::lock_guard<std::mutex> lock(st->mu);
    spooled = std::move(st->spooled);
  }
  std::stable_sort(spooled.begin(), spooled.end(), [](const SpooledPage& a, const SpooledPage& b) {
    return a.stub.url < b.stub.url;
  });
  // The hooks and the page roles read the pages without their rule results.
  rep.pages.reserve(spooled.size());
  for (const SpooledPage& sp : spooled) rep.pages.push_back(sp.stub);
  std::sort(rep.documents.begin(), rep.documents.end(),
            [](const findings::DocumentInfo& a, const findings::DocumentInfo& b) {
              return a.url < b.url;
            });
  {
    std::lock_guard<std::mutex> lock(st->mu);
    rep.portal = AssessPortal(e, spooled, st->tally.summary().NeedsRendering());
    st->tally.SetPortal(rep.portal);
  }
  if (link_broken_ != nullptr) {
    rep.entity_rules.push_back(LinkBrokenResult(
        *link_broken_, result.failures, result.pages + docs_ok, options_.check.run.max_findings));
  }
  if (options_.hooks.on_documents) options_.hooks.on_documents(rep, hook_pages);
  if (options_.hooks.on_entity) {
    EntityOutcome extra = options_.hooks.on_entity(rep.entity, hook_pages);
    for (auto& r : extra.entity_rules) rep.entity_rules.push_back(std::move(r));
    for (auto& [role, u] : extra.page_roles) rep.page_roles[role] = u;
  }
  if (rep.page_roles.find("home") == rep.page_roles.end() && !rep.pages.empty()) {
    // The start page, where it ended after redirects, when it could be fetched.
    for (const auto& p : rep.pages) {
      if (!p.error && (p.url == e.start.url || p.final_url == result.start_final_url)) {
        rep.page_roles["home"] = p.final_url;
        break;
      }
    }
  }
  if (st->fails) result_.failures_at_or_above = true;
  if (FailsAtOrAbove(rep.entity_rules, options_.fail_on)) result_.failures_at_or_above = true;

  st->tally.AddEntityRules(rep.entity_rules);
  st->fingerprints.AddRules(rep.entity_rules);
  uint64_t gated_whole = 0;
  Status written = WriteEntityFiles(*st, rep, spooled, &gated_whole);
  if (options_.count_failures) {
    if (options_.count_failures_per_page) {
      result_.gated_failures += st->gated;
      findings::EntityReport entity_only;
      entity_only.entity = rep.entity;
      entity_only.entity_rules = rep.entity_rules;
      result_.gated_failures += options_.count_failures(entity_only);
    } else {
      result_.gated_failures += gated_whole;
    }
  }
  report::EntitySummary row =
      st->tally.summary().Finish(rep.entity, static_cast<uint32_t>(rep.documents.size()), e.id);
  row.started_at = rep.crawl.started_at;
  row.finished_at = rep.crawl.finished_at;
  if (!written.ok()) {
    if (result_.write_error.ok()) result_.write_error = written;
    row.report_dir.clear();
    row.error = written.message();
  }
  if (row.status == "unreachable") ++result_.unreachable;
  ++result_.finished;
  ++entities_done_;
  // Counted as the progress totals count them (ProgressSnapshot), so the totals are the sums.
  uint32_t broken_links = 0;
  for (const fetch::FailedFetch& f : result.failures) broken_links += f.broken && f.depth > 0;
  char score[96];
  switch (row.portal) {
    case findings::PortalState::kNeedsRendering:
      std::snprintf(score, sizeof score, "no indices (needs rendering)");
      break;
    case findings::PortalState::kUnreachable:
      std::snprintf(score, sizeof score, "no indices (not readable)");
      break;
    case findings::PortalState::kReadable: {
      char o[16] = "—", a[16] = "—";
      if (row.obligations_index) std::snprintf(o, sizeof o, "%.1f", *row.obligations_index);
      if (row.accessibility_index) std::snprintf(a, sizeof a, "%.1f", *row.accessibility_index);
      std::snprintf(score, sizeof score, "obligations index %s, accessibility index %s", o, a);
      break;
    }
  }
  char line[640];
  std::snprintf(line, sizeof line,
                "%s: %u pages, %u page errors, %u broken links, %u rules failed, %s%s%s",
                e.id.c_str(), row.pages, row.page_errors, broken_links, row.rules_failed, score,
                row.status == "unreachable" ? " - unreachable: " : "",
                row.status == "unreachable" ? row.error.c_str() : "");
  progress_message_ = line;
  result_.rows[st->index] = std::move(row);
}

void Campaign::Spool(EntityState& st, findings::PageReport page) {
  // Rendering and counting happen outside the lock, on the worker.
  std::string text;
  if (st.render_on_worker) {
    static const report::FingerprintContext kNoContext = report::FingerprintContext::For({}, {});
    text = report::RenderPageJsonElement(page, kNoContext);
  } else {
    // file:// fingerprints depend on the folder all pages share: rendered at the end.
    nlohmann::json j = page;
    text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  uint64_t gated = 0;
  if (options_.count_failures && options_.count_failures_per_page) {
    findings::EntityReport one;
    one.entity = st.info;
    one.pages.push_back(std::move(page));
    gated = options_.count_failures(one);
    page = std::move(one.pages.front());
  }
  const bool fails = FailsAtOrAbove(page.rules, options_.fail_on);
  std::lock_guard<std::mutex> lock(st.mu);
  st.tally.AddPage(page);
  st.fingerprints.AddPage(page);
  st.gated += gated;
  st.fails = st.fails || fails;
  if (st.spool == nullptr && st.spool_error.ok()) {
    std::error_code ec;
    fs::create_directories(st.spool_path.parent_path(), ec);
    st.spool = std::fopen(st.spool_path.c_str(), "w+b");
    if (st.spool == nullptr) st.spool_error = IoError("cannot write " + st.spool_path.string());
  }
  SpooledPage sp;
  if (st.spool != nullptr && st.spool_error.ok()) {
    if (std::fwrite(text.data(), 1, text.size(), st.spool) != text.size()) {
      st.spool_error = IoError("writing " + st.spool_path.string() + " failed (disk full?)");
    }
    sp.offset = st.spool_size;
    sp.length = text.size();
    st.spool_size += text.size();
  }
  sp.rendered = st.render_on_worker;
  page.rules.clear();
  page.rules.shrink_to_fit();
  sp.stub = std::move(page);
  st.spooled.push_back(std::move(sp));
}

// The pages' failed and cantTell results: what a baseline comparison reads of them.
findings::PageReport Compact(findings::PageReport page) {
  std::vector<findings::RuleResult> kept;
  for (findings::RuleResult& r : page.rules) {
    if (r.outcome == findings::Outcome::kFailed || r.outcome == findings::Outcome::kCantTell) {
      kept.push_back(std::move(r));
    }
  }
  page.rules = std::move(kept);
  return page;
}

Status Campaign::WriteEntityFiles(EntityState& st, const findings::EntityReport& head,
                                  const std::vector<SpooledPage>& pages, uint64_t* gated) {
  if (!st.spool_error.ok()) return st.spool_error;
  if (st.spool != nullptr && std::fflush(st.spool) != 0) {
    return IoError("writing " + st.spool_path.string() + " failed (disk full?)");
  }
  report::EntityStreamInput in;
  in.head = &head;
  in.pages = pages.size();
  in.tally = &st.tally;
  // http(s) pages were rendered on the workers, where no context is needed.
  in.ctx = st.render_on_worker ? report::FingerprintContext::For({}, {}) : st.fingerprints.Build();
  in.catalog = &options_.catalog;
  in.lang = options_.output.lang;
  auto opened = report::EntityFilesWriter::Open(options_.out_dir / st.entity->id,
                                                options_.output.formats, in);
  if (!opened.ok()) return opened.status();
  report::EntityFilesWriter& writer = **opened;
  const bool whole = options_.count_failures && !options_.count_failures_per_page;
  findings::EntityReport compact;
  if (whole) {
    compact.entity = head.entity;
    compact.crawl = head.crawl;
    compact.entity_rules = head.entity_rules;
  }
  std::string buf;
  for (const SpooledPage& sp : pages) {
    buf.resize(sp.length);
    if (st.spool == nullptr || fseeko(st.spool, static_cast<off_t>(sp.offset), SEEK_SET) != 0 ||
        std::fread(buf.data(), 1, buf.size(), st.spool) != buf.size()) {
      return IoError("cannot read back " + st.spool_path.string());
    }
    if (sp.rendered && !writer.needs_pages() && !whole) {
      writer.Page(nullptr, buf);
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(buf, nullptr, /*allow_exceptions=*/false);
    findings::PageReport page;
    if (j.is_discarded()) return InternalError("corrupt page record in " + st.spool_path.string());
    try {
      findings::from_json(j, page);
    } catch (const nlohmann::json::exception& ex) {
      return InternalError(std::string("corrupt page record: ") + ex.what());
    }
    j = nlohmann::json();
    writer.Page(&page, sp.rendered ? std::string_view(buf) : std::string_view());
    if (whole) compact.pages.push_back(Compact(std::move(page)));
  }
  Status status = writer.Finish();
  if (whole) *gated = options_.count_failures(compact);
  return status;
}

ProgressSnapshot Campaign::Snapshot() {
  ProgressSnapshot s;
  s.entities_done = entities_done_;
  s.entities_total = entities_.size();
  if (crawler_) {
    const fetch::Crawler::Stats& c = crawler_->stats();
    // Pages on record: fetched (each gets a page report) or failed (a page report with the error).
    s.pages = c.pages.load() + c.page_failures.load();
    s.page_errors = c.page_failures.load() + check_errors_.load();
    s.documents = c.documents.load();
    s.broken_links = c.broken_links.load();
    s.external = c.external.load();
  }
  std::lock_guard<std::mutex> lock(states_mu_);
  for (const auto& [id, st] : states_) {
    if (s.active.size() > 60) {
      s.active += ", ...";
      break;
    }
    if (!s.active.empty()) s.active += ", ";
    s.active += st->entity->id;
  }
  return s;
}

CampaignResult Campaign::Run() {
  started_.assign(entities_.size(), false);
  fetch::CrawlOptions crawl = options_.crawl;
  crawler_ = std::make_unique<fetch::Crawler>(crawl, this);
  unsigned workers = options_.workers;
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < workers; ++i) pool.emplace_back([this] { WorkerLoop(); });
  Status crawl_status;
  std::thread net([this, &crawl_status] {
    crawl_status = crawler_->Run();
    {
      std::lock_guard<std::mutex> lock(ev_mu_);
      crawl_finished_ = true;
    }
    ev_cv_.notify_one();
  });
  Progress progress(options_.progress, stderr);
  bool stop_sent = false;
  while (true) {
    std::deque<fetch::JobResult> batch;
    bool finished = false;
    {
      std::unique_lock<std::mutex> lock(ev_mu_);
      ev_cv_.wait_for(lock, std::chrono::milliseconds(200),
                      [&] { return crawl_finished_ || !done_.empty(); });
      batch.swap(done_);
      finished = crawl_finished_;
    }
    if (!stop_sent && options_.interrupt != nullptr && options_.interrupt->load()) {
      stop_sent = true;
      // Stop first: a job can then no longer end as complete, so a page a worker discards
      // below never goes missing from a report that looks whole.
      crawler_->Stop();
      discard_.store(true);
      progress.Message("interrupted: stopping; entities already done keep their reports");
    }
    for (fetch::JobResult& r : batch) {
      FinishEntity(std::move(r));
      if (!progress_message_.empty()) {
        progress.Message(progress_message_);
        progress_message_.clear();
      }
    }
    if (finished && batch.empty()) {
      std::lock_guard<std::mutex> lock(ev_mu_);
      if (done_.empty()) break;
      continue;
    }
    progress.Update(Snapshot());
  }
  net.join();
  {
    std::lock_guard<std::mutex> lock(work_mu_);
    closing_ = true;
  }
  work_cv_.notify_all();
  for (std::thread& t : pool) t.join();
  progress.Finish(Snapshot());
  for (size_t i = 0; i < entities_.size(); ++i) {
    if (!started_[i]) {
      result_.rows[i] = RowWithoutReport(entities_[i], "not-scanned",
                                         "the scan was interrupted before this entity started");
      ++result_.interrupted;
    }
  }
  if (!crawl_status.ok() && result_.write_error.ok()) result_.write_error = crawl_status;
  return std::move(result_);
}

}  // namespace

CampaignResult RunCampaign(const std::vector<Entity>& entities, const CampaignOptions& options) {
  Campaign c(entities, options);
  return c.Run();
}

}  // namespace verifica::cli
